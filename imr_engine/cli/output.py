"""The one output writer behind every command's stdout.

Three things a plain `print` gets wrong for us: a full disk or a closed device
(`> /dev/full`) surfaces as OSError with a traceback, often at interpreter exit;
a file name with undecodable bytes (a lone surrogate) makes a strict UTF-8 stream
raise UnicodeEncodeError; and control characters from a letter reach the terminal
as escape sequences. Here text is neutralised (`display.neutralise`), encoded as
UTF-8 and written to the file descriptor ourselves, so a write error is one
OutputError (one line, exit 2) at the moment it happens and nothing is left
buffered for the interpreter to fail on later.
"""

from __future__ import annotations

import io
import os
import threading
from typing import TextIO

from ..display import neutralise, shown
from ..errors import ImrError

_BUFFER = 64 * 1024


class OutputError(ImrError):
    """The output could not be written (disk full, device error)."""


def write_error(exc: OSError, name: str) -> OutputError:
    return OutputError(f"cannot write output: {exc.strerror or exc}", source=shown(name))


class SafeOutput(io.TextIOBase):
    """A text stream over another one's file descriptor: neutralised, UTF-8, write errors raised as OutputError.

    Falls back to writing through the wrapped stream when it has no file descriptor
    (a test's captured stdout).
    """

    def __init__(self, target: TextIO, name: str = "<stdout>") -> None:
        super().__init__()
        self._target, self._name = target, name
        self._lock = threading.Lock()
        self._pending: list[bytes] = []
        self._size = 0
        try:
            target.flush()
            self._fd: int | None = target.fileno()
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            self._fd = None

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._target.isatty()

    def fileno(self) -> int:
        if self._fd is None:
            raise io.UnsupportedOperation("no file descriptor")
        return self._fd

    def write(self, text: str) -> int:
        safe = neutralise(text)
        if self._fd is None:
            try:
                self._target.write(safe)
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise write_error(exc, self._name) from None
            return len(text)
        data = safe.encode("utf-8")
        with self._lock:
            self._pending.append(data)
            self._size += len(data)
            full = self._size >= _BUFFER
        if full:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._fd is None:
            try:
                self._target.flush()
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise write_error(exc, self._name) from None
            return
        with self._lock:
            data = b"".join(self._pending)
            self._pending.clear()
            self._size = 0
            view = memoryview(data)
            while view:
                try:
                    view = view[os.write(self._fd, view):]
                except BrokenPipeError:
                    raise
                except InterruptedError:
                    continue
                except OSError as exc:
                    raise write_error(exc, self._name) from None

    def discard(self) -> None:
        """Drop what is not written yet (after a write error nothing more should be tried)."""
        with self._lock:
            self._pending.clear()
            self._size = 0

    def close(self) -> None:  # the wrapped stream is not ours to close
        pass
