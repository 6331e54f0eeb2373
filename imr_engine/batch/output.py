"""Writing the JSON Lines output as it comes, and picking up an interrupted run (`--resume`).

Each input's lines go out in one write and are flushed at once, so an output
cut short (Ctrl-C, a killed process) holds whole inputs, except at most a cut
last line. A resumed run keeps the complete inputs of the old file (in their
order), drops the rest (an input cut off mid-way, the old summary), and
appends the inputs not yet reported: same inputs, same bytes as one
uninterrupted run.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..display import neutralise, shown
from ..errors import ImrError, InputFileError
from ..jsonio import JsonRefused, loads
from .records import Tally


class OutputWriteError(ImrError):
    """The output file or stream could not be written (disk full, device error)."""


class LineSink:
    """Whole inputs to a text stream, one write and one flush each.

    Lines are neutralised (control characters and lone surrogates from file names become
    JSON escapes of the same characters), so any strict UTF-8 stream takes them; a write
    error becomes one OutputWriteError naming *name*.
    """

    def __init__(self, stream: TextIO | None, name: str = "<stdout>") -> None:
        self.stream, self.name = stream, name

    def write(self, lines: list[str]) -> None:
        if lines:
            stream = self._open()
            try:
                stream.write(neutralise("".join(line + "\n" for line in lines)))
                stream.flush()
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise OutputWriteError(f"cannot write output: {exc.strerror or exc}", source=shown(self.name)) from None

    def _open(self) -> TextIO:
        assert self.stream is not None, "a LineSink is given its stream"
        return self.stream

    def close(self) -> None:
        """A stream given by the caller (stdout) stays open: it is the caller's to close."""


class FileSink(LineSink):
    """Whole inputs to the file *path*, opened at the first write (appending with *append*).

    A run that fails before it has anything to write (an unreachable cluster, a worker with
    another rule book) leaves no empty file behind, and an earlier file as it was.
    """

    def __init__(self, path: str, *, append: bool = False) -> None:
        super().__init__(None, path)
        self.path, self.append = Path(path), append

    def _open(self) -> TextIO:
        if self.stream is None:
            try:
                self.stream = self.path.open("a" if self.append else "w", encoding="utf-8", newline="\n")
            except OSError as exc:
                raise InputFileError(f"cannot write: {exc.strerror or exc}", source=self.name) from None
        return self.stream

    def close(self) -> None:
        """Close the file; a write error here was already reported by the write that failed."""
        if self.stream is not None:
            try:
                self.stream.close()
            except OSError:
                pass


def check_output(name: str, source: str) -> None:
    """Refuse an output file *name* that cannot be one, before anything runs.

    It must not be a folder, name an input (it would be overwritten) nor sit in the
    input tree (it would be read), and its folder must exist.
    """
    out = Path(name)
    if out.is_dir():
        raise InputFileError("is a folder, expected an output file", source=name)
    _refuse_among_inputs(out, source)
    if not out.exists() and not out.parent.is_dir():
        raise InputFileError(f"cannot write: {os.strerror(errno.ENOENT)}", source=name)


def _refuse_among_inputs(out: Path, source: str) -> None:
    if source == "-":
        return
    src = Path(source)
    try:
        if src.is_dir():
            inside = out.resolve().is_relative_to(src.resolve())
        else:
            inside = out.exists() and os.path.samefile(out, src)
    except OSError:
        return
    if inside:
        what = "inside the input folder: it would be read as an input" if src.is_dir() else \
            "the input itself: writing would overwrite it"
        raise InputFileError(f"--out names a file {what}; write the output elsewhere", source=str(out))


@dataclass
class Resumed:
    """What an earlier output already reports: the inputs' keys and their totals."""

    done: set[str] = field(default_factory=set)
    tally: Tally = field(default_factory=Tally)


def resume_output(path: Path, rules_version: str) -> Resumed:
    """Rewrite *path* to its complete inputs only; return what they are. A missing file resumes nothing.

    Refused, with the file left as it is: a file holding a line that is not a record of
    `imr qa --out` (only a cut-off last line is expected), and one made with other rules
    (*rules_version* differs): resuming it would mix two rule books in one output.
    """
    resumed = Resumed()
    name = shown(path)
    if not path.exists():
        return resumed
    if path.is_dir():
        raise InputFileError("is a folder, expected the output file of an earlier run", source=name)
    if not path.is_file():
        raise InputFileError("is not a regular file, expected the output file of an earlier run", source=name)
    tmp = path.with_name(path.name + ".resume-tmp")
    try:
        with path.open(encoding="utf-8", newline="\n") as src, tmp.open("w", encoding="utf-8", newline="\n") as dst:
            group: list[tuple[str, dict[str, Any]]] = []
            for number, raw in enumerate(src, start=1):
                record = _record(raw, number, name, rules_version)
                if record is None or record["type"] == "summary":
                    continue
                if group and group[0][1]["input"] != record["input"]:
                    _keep(group, dst, resumed)
                    group = []
                group.append((raw, record))
            _keep(group, dst, resumed)
    except UnicodeDecodeError:
        tmp.unlink(missing_ok=True)
        raise InputFileError("not UTF-8 text: not an output of `imr qa --out`; left as it is", source=name) from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputFileError(f"cannot resume: {exc.strerror or exc}", source=name) from None
    except InputFileError:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, path)
    return resumed


def _record(raw: str, number: int, name: str, rules_version: str) -> dict[str, Any] | None:
    """A parsed record; None for a cut-off last line; InputFileError for a foreign line or other rules."""
    if not raw.endswith("\n"):
        return None
    try:
        record = loads(raw)
    except JsonRefused:
        record = None
    kind = record.get("type") if isinstance(record, dict) else None
    if not isinstance(record, dict) or kind not in _RECORD_TYPES or (
        kind != "summary" and not isinstance(record.get("input"), str)
    ):
        raise InputFileError(
            f"line {number} is not a record of `imr qa --out`: refusing to resume it (the file is left as it is)",
            source=name,
        )
    made_with = record.get("rules_version")
    if made_with != rules_version:
        raise InputFileError(
            f"was made with other rules ({made_with or 'not stated'}; these rules are {rules_version}): "
            "resume with the same --rules, or write a new file (the file is left as it is)",
            source=name,
        )
    return record


_RECORD_TYPES = ("item", "refused", "summary")


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
