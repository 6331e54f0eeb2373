"""What a QA run's records feed besides its JSON Lines: the HTML report and the CSV item table.

Both take one record at a time, as `imr qa` produces them or as `read_records` reads them
back from an `--out` file, so neither needs the whole run in memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..errors import InputFileError
from .breakdown import Breakdown, citation_reason

#: The CSV table's columns, one row per item.
CSV_COLUMNS = (
    "input", "case", "item", "request", "predicted", "actual", "agree", "citation_match", "citation",
    "deciding_rule", "category", "year", "generation", "specialty", "facts", "leans_on_rationale_facts",
)


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """The records of an `imr qa --out` file; InputFileError names the file and line of a bad one."""
    seen = False
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError:
                    raise InputFileError(f"line {number}: not JSON", source=str(path)) from None
                problem = _problem(record)
                if problem:
                    raise InputFileError(f"line {number}: {problem}", source=str(path))
                seen = True
                yield record
    except OSError as exc:
        raise InputFileError(f"cannot read: {exc.strerror or exc}", source=str(path)) from None
    except UnicodeDecodeError:
        raise InputFileError("not UTF-8 text", source=str(path)) from None
    if not seen:
        raise InputFileError("no imr qa records (expected the JSON Lines of imr qa --out)", source=str(path))


_NEEDED = {
    "item": ("case", "index", "request", "predicted", "actual", "agree", "citation_match", "predicted_citations",
             "actual_citations", "rules", "leans_on_rationale_facts", "engine_rationale", "reviewer_rationale"),
    "refused": ("reason",),
    "summary": (),
}


def _problem(record: object) -> str | None:
    if not isinstance(record, dict) or record.get("type") not in _NEEDED:
        return "not an imr qa record (an item, refused or summary line)"
    missing = [f for f in _NEEDED[record["type"]] if f not in record]
    return f"missing field '{missing[0]}'" if missing else None


class CsvTable:
    """The item table as CSV, one row written per item record."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.stream: IO[str] = path.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            raise InputFileError(f"cannot write: {exc.strerror or exc}", source=str(path)) from None
        self.writer = csv.writer(self.stream, lineterminator="\n")
        self.writer.writerow(CSV_COLUMNS)

    def add(self, record: Mapping[str, Any]) -> None:
        if record.get("type", "item") != "item":
            return
        self.writer.writerow([
            record.get("input", record["case"]), record["case"], record["index"] + 1, record["request"],
            record["predicted"], record["actual"], _yes(record["agree"]), _yes(record["citation_match"]),
            citation_reason(record), record["rules"][0] if record["rules"] else "", record.get("category") or "",
            record.get("year") or "", record.get("generation") or "", record.get("specialty") or "", record.get("facts", ""),
            _yes(record["leans_on_rationale_facts"]),
        ])

    def close(self) -> None:
        self.stream.close()


class Exports:
    """The files asked for (an HTML report, a CSV table), fed each record as it comes."""

    def __init__(self, report: Path | None = None, table: Path | None = None) -> None:
        self.report = report
        self.breakdown = Breakdown() if report else None
        self.table = CsvTable(table) if table else None

    def add(self, record: Mapping[str, Any]) -> None:
        if self.breakdown is not None:
            self.breakdown.add(record)
        if self.table is not None:
            self.table.add(record)

    def finish(self, rules_version: str | None = None, complete: bool | None = None) -> None:
        """Close the table and write the report (figures labelled with *rules_version*)."""
        if self.table is not None:
            self.table.close()
        if self.breakdown is not None and self.report is not None:
            from .html import write_html

            write_html(self.breakdown.data(rules_version=rules_version, complete=complete), self.report)


def _yes(value: object) -> str:
    return "yes" if value else "no"



def export_output(output: str, report: str | None, csv: str | None = None) -> None:
    """The HTML report (and CSV table) of the JSON Lines file *output* that an earlier `imr qa --out` wrote."""
    source = Path(output)
    if not source.is_file():
        raise InputFileError("no such file" if not source.exists() else "not a file", source=output)
    exports = Exports(Path(report) if report else None, Path(csv) if csv else None)
    for record in read_records(source):
        exports.add(record)
    exports.finish()
