"""A batch QA run as JSON Lines, to a file or a stream: `imr qa --out/--jsonl` as one library call.

`stream` finds the inputs, runs them (`BatchRun`), writes each input's lines as it
comes and the summary line last, completes an interrupted file (*resume*) and
writes the HTML report and CSV table asked for. The report of an output file is
read back from the file once it is complete, so it also covers the inputs an
earlier, resumed run wrote; a stream's report is fed record by record.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..errors import ImrError, InputFileError
from .inputs import STDIN, discover
from .output import FileSink, LineSink, check_output, resume_output
from .records import to_line
from .run import BatchResult, BatchRun
from .work import Outcome

if TYPE_CHECKING:
    from ..qa.exports import Exports


def stream(
    source: str,
    batch: BatchRun,
    *,
    out: str | None = None,
    resume: bool = False,
    stdout: TextIO | None = None,
    stdin: TextIO | None = None,
    report: str | None = None,
    csv: str | None = None,
) -> BatchResult:
    """Every input of *source* to *out* (a file name), else to *stdout*, one JSON line per item or refusal.

    With *resume*, *out* keeps the inputs it already reports and gets the others
    appended: the same bytes as one uninterrupted run. *report* and *csv* name the
    HTML report and the CSV item table to write; neither is written when there were
    no inputs (the caller says so: `no_inputs`).
    """
    from ..qa.exports import read_records

    version = batch.settings.rules_version
    resumed = None
    sink: LineSink
    if out is not None:
        check_output(out, source)
        resumed = resume_output(Path(out), version) if resume else None
        sink = FileSink(out, append=resume)
    else:
        sink = LineSink(stdout if stdout is not None else sys.stdout, "<stdout>")
    live = _exports(report, csv) if (report or csv) and out is None else None

    def write(outcome: Outcome) -> None:
        sink.write(outcome.lines)
        if live is not None:
            for record in outcome.records:
                live.add(record)

    try:
        result = batch.run(discover(source, stdin if stdin is not None else sys.stdin), write, resumed)
        sink.write([to_line(result.summary)])
    finally:
        sink.close()
    if result.tally.inputs == 0:
        return result
    exports = live
    if out is not None and (report or csv):
        exports = _exports(report, csv)
        for record in read_records(Path(out)):
            exports.add(record)
    if exports is not None:
        exports.finish(version, result.complete)
    return result


def _exports(report: str | None, csv: str | None) -> Exports:
    from ..qa.exports import Exports

    return Exports(Path(report) if report else None, Path(csv) if csv else None)


def no_inputs(source: str) -> ImrError:
    """The error of a run that found nothing to evaluate in *source*."""
    return InputFileError(
        "no inputs found (letter files *.txt, case folders with letter.txt or case.yaml, or JSON Lines records)",
        source=source if source != STDIN else "<stdin>",
    )
