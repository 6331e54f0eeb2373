"""The progress bar: count, rate and time left, redrawn sparingly, silent without a stream."""

from __future__ import annotations

import io

from imr_engine.batch.progress import Progress, format_duration, render


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_render_shows_count_rate_and_time_left() -> None:
    text = render(done=250, total=1000, elapsed=5.0)
    assert "250/1,000" in text and "25%" in text and "50/s" in text and "0:15 left" in text
    assert text.startswith("[######------------------]")


def test_render_without_a_total_shows_count_and_rate() -> None:
    assert render(done=42, total=None, elapsed=2.0) == "42 inputs  21/s  0:02 elapsed"


def test_resumed_inputs_count_but_do_not_inflate_the_rate() -> None:
    assert "10/s" in render(done=600, total=1000, elapsed=10.0, skipped=500)


def test_durations() -> None:
    assert format_duration(59.6) == "1:00" and format_duration(3725) == "1:02:05"


def test_progress_redraws_at_most_ten_times_a_second() -> None:
    clock, stream = Clock(), io.StringIO()
    bar = Progress(100, stream, clock=clock)
    for _ in range(50):
        bar.advance()  # all at the same instant: drawn once
    assert stream.getvalue().count("\r") == 1
    clock.now += 0.5
    bar.skip()
    bar.note("imr qa: error: x.txt: file is empty")
    bar.close()
    text = stream.getvalue()
    assert "imr qa: error: x.txt: file is empty" in [line.strip("\r ") for line in text.splitlines()]
    assert "51/100" in text.splitlines()[-1] and text.endswith("\n")


def test_no_stream_no_output() -> None:
    bar = Progress(10, None)
    bar.advance()
    bar.close()
    assert bar.done == 1
