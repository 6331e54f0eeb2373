"""A QA run gathered into one report: `imr qa` without --out, as one library call.

Each record goes to the report builder (and to the HTML report and CSV table
asked for) as it comes; the run itself keeps nothing but the builder's rows.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from pydantic import BaseModel, ConfigDict

from ..batch import BatchResult, BatchRun, Outcome, discover
from ..batch.stream import no_inputs
from .compare import QAReport, ReportBuilder
from .exports import Exports


class Collected(BaseModel):
    """The report of a run and the run's totals (is it complete, were inputs refused)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    report: QAReport
    result: BatchResult


def collect(
    source: str, batch: BatchRun, *, stdin: TextIO | None = None, report: str | None = None, csv: str | None = None,
) -> Collected:
    """Every input of *source* through *batch*, gathered into a QAReport (an ImrError when there is none).

    *report* and *csv* name the HTML report and the CSV item table to write as well.
    """
    builder = ReportBuilder()
    exports = Exports(Path(report) if report else None, Path(csv) if csv else None) if report or csv else None

    def add(outcome: Outcome) -> None:
        for record in outcome.records:
            builder.add(record)
            if exports is not None:
                exports.add(record)

    result = batch.run(discover(source, stdin if stdin is not None else sys.stdin), add)
    if result.tally.inputs == 0:
        raise no_inputs(source)
    qa_report = builder.report(result.tally.inputs, result.rules_version)
    if exports is not None:
        exports.finish(result.rules_version, result.complete)
    return Collected(report=qa_report, result=result)
