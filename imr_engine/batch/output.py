"""Writing the JSON Lines output as it comes, and picking up an interrupted run (`--resume`).

Each input's lines go out in one write and are flushed at once, so an output
cut short (Ctrl-C, a killed process) holds whole inputs, except at most a cut
last line. A resumed run keeps the complete inputs of the old file (in their
order), drops the rest (an input cut off mid-way, the old summary), and
appends the inputs not yet reported: same inputs, same bytes as one
uninterrupted run.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputFileError
from .records import Tally


class LineSink:
    """Whole inputs to a text stream, one write and one flush each."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, lines: list[str]) -> None:
        if lines:
            self.stream.write("".join(line + "\n" for line in lines))
            self.stream.flush()


@dataclass
class Resumed:
    """What an earlier output already reports: the inputs' keys and their totals."""

    done: set[str] = field(default_factory=set)
    tally: Tally = field(default_factory=Tally)


def resume_output(path: Path) -> Resumed:
    """Rewrite *path* to its complete inputs only; return what they are. A missing file resumes nothing."""
    resumed = Resumed()
    if not path.exists():
        return resumed
    if path.is_dir():
        raise InputFileError("is a folder, expected the output file of an earlier run", source=str(path))
    tmp = path.with_name(path.name + ".resume-tmp")
    try:
        with path.open(encoding="utf-8", newline="\n") as src, tmp.open("w", encoding="utf-8", newline="\n") as dst:
            group: list[tuple[str, dict[str, Any]]] = []
            for raw in src:
                record = _record(raw)
                if record is None or record.get("type") not in ("item", "refused"):
                    continue
                if group and group[0][1]["input"] != record["input"]:
                    _keep(group, dst, resumed)
                    group = []
                group.append((raw, record))
            _keep(group, dst, resumed)
    except UnicodeDecodeError:
        tmp.unlink(missing_ok=True)
        raise InputFileError("not UTF-8 text: not an output of `imr qa --out`", source=str(path)) from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputFileError(f"cannot resume: {exc.strerror or exc}", source=str(path)) from None
    os.replace(tmp, path)
    return resumed


def _record(raw: str) -> dict[str, Any] | None:
    """A parsed line, or None for a cut-off or foreign line."""
    if not raw.endswith("\n"):
        return None
    try:
        record = json.loads(raw)
    except json.JSONDecodeError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("input"), str):
        return None
    return record


def _keep(group: list[tuple[str, dict[str, Any]]], dst: TextIO, resumed: Resumed) -> None:
    """Copy one input's lines when they are complete (one refusal, or items 0..n-1 of n)."""
    if not group:
        return
    records = [r for _, r in group]
    first = records[0]
    key = first["input"]
    if key in resumed.done:
        return
    if first["type"] == "refused":
        complete = len(records) == 1
    else:
        count = first.get("item_count")
        complete = all(r["type"] == "item" for r in records) and [r.get("index") for r in records] == list(
            range(count if isinstance(count, int) else -1)
        )
    if complete:
        dst.write("".join(raw for raw, _ in group))
        resumed.done.add(key)
        resumed.tally.add_input(records)
