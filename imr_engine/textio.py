"""Reading user-supplied files as text, refusing what is not text with a clear reason."""

from __future__ import annotations

from pathlib import Path

from .errors import InputFileError


def read_text_file(path: str | Path) -> str:
    """Return the UTF-8 text of *path*, or raise InputFileError naming the problem."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputFileError("no such file", source=name)
    if p.is_dir():
        raise InputFileError("is a directory, expected a file", source=name)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputFileError(f"cannot read: {exc.strerror or exc}", source=name) from None
    if not data.strip():
        raise InputFileError("file is empty", source=name)
    if b"\x00" in data:
        raise InputFileError("binary file (contains NUL bytes), expected text", source=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"not UTF-8 text (invalid byte at offset {exc.start})", source=name
        ) from None
