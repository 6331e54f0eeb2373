"""A one-line progress bar on stderr: count, rate and time left.

Shown only on a terminal (a log file or a pipe gets nothing) and redrawn at
most ten times a second, so it costs nothing measurable. The clock is a
parameter so the rendering can be tested without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

WIDTH = 24
MIN_INTERVAL_S = 0.1


def format_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def render(done: int, total: int | None, elapsed: float, skipped: int = 0) -> str:
    """'[######------] 1,200/5,000 24%  310/s  0:12 left' (no bar or time left when the total is unknown)."""
    processed = done - skipped
    rate = processed / elapsed if elapsed > 0 else 0.0
    rate_text = f"{rate:,.0f}/s" if rate >= 10 else f"{rate:,.1f}/s"
    if total is None:
        return f"{done:,} inputs  {rate_text}  {format_duration(elapsed)} elapsed"
    fraction = done / total if total else 1.0
    bar = "#" * int(WIDTH * fraction) + "-" * (WIDTH - int(WIDTH * fraction))
    left = format_duration((total - done) / rate) if rate > 0 else "?"
    return f"[{bar}] {done:,}/{total:,} {fraction:4.0%}  {rate_text}  {left} left"


class Progress:
    """Counts inputs as they are reported and redraws the bar now and then."""

    def __init__(
        self, total: int | None, stream: TextIO | None, *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total, self.stream, self.clock = total, stream, clock
        self.done = self.skipped = 0
        self.start = clock()
        self._drawn_at = float("-inf")
        self._width = 0

    def skip(self) -> None:
        """An input an earlier run already reported (--resume): counted, but not in the rate."""
        self.skipped += 1
        self.advance()

    def note(self, text: str) -> None:
        """A line of its own (e.g. a refusal) without breaking the bar."""
        if self.stream is not None:
            self.stream.write("\r" + text.ljust(self._width) + "\n")
            self.stream.flush()
            self._width = 0
            self._draw(self.clock())

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        if self.stream is not None and now - self._drawn_at >= MIN_INTERVAL_S:
            self._draw(now)

    def _draw(self, now: float) -> None:
        assert self.stream is not None
        text = render(self.done, self.total, now - self.start, self.skipped)
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)
        self._drawn_at = now

    def close(self) -> None:
        """Leave the terminal clean: the final state, then a new line."""
        if self.stream is not None and self._width:
            self._draw(self.clock())
            self.stream.write("\n")
            self.stream.flush()
