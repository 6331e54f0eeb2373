"""Reading user-supplied files, bounded, and showing untrusted text safely.

Every input file goes through `read_bytes_bounded`: only regular files are read (a FIFO
would block forever, `/dev/zero` never ends), and never more than a fixed limit, so no
input can hang a command or exhaust its memory. `shown` makes a file name or any other
untrusted text safe to print on one line: a terminal never sees a control sequence, a
strict UTF-8 stream never sees a lone surrogate (an undecodable file-name byte).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .display import shown
from .errors import InputFileError

#: The largest letter or note read (real letters are 10-40 KB, a long progress note 20-100 KB).
MAX_TEXT_BYTES = 2 * 1024 * 1024

def read_bytes_bounded(path: str | Path, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file *path*, at most *limit*; anything else is an InputFileError.

    The file is opened non-blocking and checked with fstat on the open descriptor, so a
    FIFO or device put in place of a file is refused without ever waiting on it.
    """
    name = shown(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputFileError("no such file", source=name) from None
    except (OSError, ValueError) as exc:
        raise InputFileError(f"cannot read: {_reason(exc)}", source=name) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError("is a directory, expected a file", source=name)
    _check_regular(info, name)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputFileError(f"cannot read: {_reason(exc)}", source=name) from None
    try:
        _check_regular(os.fstat(fd), name)  # the name may have been swapped since the stat
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputFileError(f"cannot read: {_reason(exc)}", source=name) from None
    finally:
        os.close(fd)
    if size > limit:
        raise InputFileError(f"{what} is larger than the limit of {_size(limit)}", source=name)
    return b"".join(chunks)


def _check_regular(info: os.stat_result, name: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = "a named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else (
            "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "not a regular file")
        raise InputFileError(f"is {kind}, expected a regular file", source=name)


def _reason(exc: BaseException) -> str:
    return str(getattr(exc, "strerror", None) or exc)


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB" if limit % (1024 * 1024) == 0 else f"{limit} bytes"


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text of *data* read from *name*, refusing empty, binary and non-UTF-8 content."""
    if not data.strip():
        raise InputFileError("file is empty", source=name)
    if b"\x00" in data:
        raise InputFileError("binary file (contains NUL bytes), expected text", source=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputFileError(f"not UTF-8 text (invalid byte at offset {exc.start})", source=name) from None


def read_text_file(path: str | Path, limit: int = MAX_TEXT_BYTES) -> str:
    """Return the UTF-8 text of *path* (at most *limit* bytes), or raise InputFileError naming the problem."""
    return decode_text(read_bytes_bounded(path, limit, "text file"), shown(path))
