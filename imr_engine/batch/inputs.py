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

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, TextIO

from pydantic import BaseModel, ConfigDict, Field, ValidationError

LETTER, CASE_FILE = "letter.txt", "case.yaml"
STDIN = "-"

InputKind = Literal["case_folder", "letter_file", "record", "refused"]


class BatchInput(BaseModel):
    """One input of a batch, small enough to send to a worker process."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(description="Stable identity in the output ('input'): a relative path, or '-:<line>' for stdin.")
    case: str = Field(description="Case name shown in reports: folder name, letter path without .txt, or record id.")
    kind: InputKind
    path: str | None = Field(None, description="The folder or file to read (case_folder, letter_file).")
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
        yield _refused(rel, rel, "unreadable", f"{folder}: cannot list folder: {exc.strerror or exc}")
        return
    names = {e.name for e in entries}
    if LETTER in names or CASE_FILE in names:
        rel = _rel(folder, root)
        yield BatchInput(key=rel, case=folder.name, kind="case_folder", path=str(folder))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, root)
        elif entry.is_symlink() and path.is_dir():
            rel = _rel(path, root)
            yield _refused(rel, rel, "not_followed", f"{path}: a symbolic link to a folder is not followed")
        else:
            yield _file_input(path, root)


def _file_input(path: Path, root: Path, name: str | None = None) -> BatchInput:
    rel = name or _rel(path, root)
    if path.suffix.lower() != ".txt":
        if not path.exists():
            return _refused(rel, rel, "unreadable", f"{path}: no such file or folder")
        return _refused(rel, rel, "not_a_letter", f"{path}: not a letter file (expected text in *.txt)")
    return BatchInput(key=rel, case=rel[: -len(path.suffix)], kind="letter_file", path=str(path))


def read_records(stream: TextIO) -> Iterator[BatchInput]:
    """Inputs from JSON Lines: each line a StdinRecord; a bad line is a refused input, not an abort."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        key = f"-:{number}"
        try:
            data = json.loads(line)
            record = StdinRecord.model_validate(data)
        except json.JSONDecodeError as exc:
            yield _refused(key, f"line {number}", "bad_record", f"<stdin> line {number}: not JSON ({exc.msg})")
            continue
        except ValidationError as exc:
            problem = exc.errors()[0]
            where = ".".join(str(p) for p in problem["loc"]) or "record"
            yield _refused(key, f"line {number}", "bad_record", f"<stdin> line {number}: {where}: {problem['msg']}")
            continue
        name = record.id or _case_id(record.case) or f"line {number}"
        yield BatchInput(key=key, case=name, kind="record", letter=record.letter, facts=record.case)


def _case_id(facts: dict[str, Any] | None) -> str | None:
    value = facts.get("case_id") if facts else None
    return value if isinstance(value, str) and value else None


def _rel(path: Path, root: Path) -> str:
    rel = path.relative_to(root).as_posix()
    return rel if rel != "." else path.name


def _refused(key: str, case: str, code: str, reason: str) -> BatchInput:
    return BatchInput(key=key, case=case, kind="refused", code=code, reason=reason)
