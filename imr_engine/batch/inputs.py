"""Finding the inputs of a batch: a directory tree, one file, or JSON Lines on stdin.

Inputs are yielded lazily and in a fixed order (names sorted within each
folder, depth first), so a corpus of any size is walked with flat memory and
the same tree always gives the same order, whatever the worker count.

What counts as an input:
- a *case folder*: a folder holding `letter.txt` and/or `case.yaml` (its other
  files are the folder's own business); its sub-folders are not searched;
- a *letter file*: any other `*.txt` file;
- any other file: reported as refused (not a letter), never silently skipped;
- a JSON Lines record on stdin: `{"id": ..., "letter": "<text>", "case": {...}}`,
  where `case` (curated case facts) is optional.
Hidden files and folders (".name") are not inputs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal, TextIO

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..display import shown
from ..jsonio import JsonRefused, loads
from ..textio import MAX_TEXT_BYTES

LETTER, CASE_FILE = "letter.txt", "case.yaml"
STDIN = "-"
#: The longest JSON Lines record read from stdin: a letter at its size limit, escaped, plus facts.
MAX_RECORD_BYTES = 3 * MAX_TEXT_BYTES

#: "note": a progress note with its answer key (corpus/notes), an input of the notes task only.
InputKind = Literal["case_folder", "letter_file", "record", "note", "refused"]


class BatchInput(BaseModel):
    """One input of a batch, small enough to send to a worker process."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(description="Stable identity in the output ('input'): a relative path, or '-:<line>' for stdin.")
    case: str = Field(description="Case name shown in reports: folder name, letter path without .txt, or record id.")
    kind: InputKind
    path: str | None = Field(None, description="The folder or file to read (case_folder, letter_file; a note's answer key).")
    letter: str | None = Field(None, description="Letter text of a stdin record.")
    facts: dict[str, Any] | None = Field(None, description="Curated case facts of a stdin record.")
    code: str | None = Field(None, description="Why a 'refused' input cannot be read.")
    reason: str | None = None


class StdinRecord(BaseModel):
    """One JSON Lines record on stdin: a letter, with or without curated case facts."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, min_length=1)
    letter: str = Field(description="The determination letter's text.")
    case: dict[str, Any] | None = Field(None, description="Curated case facts (the case.yaml content), if any.")


def discover(root: str, stdin: TextIO | None = None) -> Iterator[BatchInput]:
    """Every input under *root* ('-' reads JSON Lines from *stdin*), in a fixed order."""
    if root == STDIN:
        if stdin is None:
            raise ValueError("reading '-' needs a stdin stream")
        yield from read_records(stdin)
        return
    path = Path(root)
    if path.is_dir():
        yield from _walk(path, path)
    else:
        yield _file_input(path, path.parent, name=path.name)


def count_inputs(root: str) -> int | None:
    """How many inputs *root* holds (a quick listing pass, for the progress bar); None for stdin."""
    if root == STDIN:
        return None
    return sum(1 for _ in discover(root))


def _walk(folder: Path, root: Path) -> Iterator[BatchInput]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        rel = _rel(folder, root)
        yield _refused(rel, rel, "unreadable", f"{shown(folder)}: cannot list folder: {exc.strerror or exc}")
        return
    names = {e.name for e in entries}
    if LETTER in names or CASE_FILE in names:
        rel = _rel(folder, root)
        yield BatchInput(key=rel, case=shown(folder.name), kind="case_folder", path=str(folder))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, root)
        elif entry.is_symlink() and path.is_dir():
            rel = _rel(path, root)
            yield _refused(rel, rel, "not_followed", f"{shown(path)}: a symbolic link to a folder is not followed")
        else:
            yield _file_input(path, root)


def _file_input(path: Path, root: Path, name: str | None = None) -> BatchInput:
    rel = shown(name) if name else _rel(path, root)
    if path.suffix.lower() != ".txt":
        if not path.exists():
            return _refused(rel, rel, "unreadable", f"{shown(path)}: no such file or folder")
        return _refused(rel, rel, "not_a_letter", f"{shown(path)}: not a letter file (expected text in *.txt)")
    return BatchInput(key=rel, case=rel[: -len(path.suffix)], kind="letter_file", path=str(path))


def read_records(stream: IO[Any]) -> Iterator[BatchInput]:
    """Inputs from JSON Lines: each line a StdinRecord; a bad line is a refused input, not an abort.

    Lines are read as bytes and decoded one by one, so bytes that are not UTF-8 cost one
    line, not the run; a line longer than MAX_RECORD_BYTES is refused without being held;
    binary data (NUL bytes with no line end in sight, e.g. /dev/zero) ends the reading.
    """
    for number, raw in enumerate(_lines(getattr(stream, "buffer", stream)), start=1):
        key, case = f"-:{number}", f"line {number}"
        where = f"<stdin> line {number}"
        if raw is _BINARY:
            yield _refused(key, case, "bad_record", f"{where}: binary data, not JSON Lines: stopped reading stdin")
            return
        if raw is _TOO_LONG:
            yield _refused(key, case, "bad_record", f"{where}: longer than the limit of {MAX_RECORD_BYTES} bytes")
            continue
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield _refused(key, case, "bad_record", f"{where}: not UTF-8 (invalid byte at offset {exc.start})")
                continue
        else:
            line = str(raw)
        if not line.strip():
            continue
        try:
            record = StdinRecord.model_validate(loads(line))
        except JsonRefused as exc:
            yield _refused(key, case, "bad_record", f"{where}: {exc}")
            continue
        except ValidationError as exc:
            problem = exc.errors()[0]
            field = ".".join(str(p) for p in problem["loc"]) or "record"
            yield _refused(key, case, "bad_record", f"{where}: {shown(field)}: {problem['msg']}")
            continue
        name = record.id or _case_id(record.case) or case
        yield BatchInput(key=key, case=shown(name), kind="record", letter=record.letter, facts=record.case)


_TOO_LONG, _BINARY = object(), object()


def _lines(stream: IO[Any]) -> Iterator[bytes | str | object]:
    """Each line of *stream* (bytes, or str for a text stream without a buffer), bounded in length."""
    while True:
        line = stream.readline(MAX_RECORD_BYTES + 1)
        if not line:
            return
        newline = b"\n" if isinstance(line, bytes) else "\n"
        if len(line) <= MAX_RECORD_BYTES or line.endswith(newline):
            yield line
            continue
        while not line.endswith(newline):  # skip the rest of the over-long line
            if (b"\0" if isinstance(line, bytes) else "\0") in line:
                yield _BINARY
                return
            line = stream.readline(1 << 20)
            if not line:
                break
        yield _TOO_LONG


def _case_id(facts: dict[str, Any] | None) -> str | None:
    value = facts.get("case_id") if facts else None
    return value if isinstance(value, str) and value else None


def _rel(path: Path, root: Path) -> str:
    """The input's name in the output: relative path, shown safely (a name may hold any byte)."""
    rel = path.relative_to(root).as_posix()
    return shown(rel if rel != "." else path.name)


def _refused(key: str, case: str, code: str, reason: str) -> BatchInput:
    return BatchInput(key=key, case=case, kind="refused", code=code, reason=reason)
