"""`imr qa [INPUT]`: compare predictions with the decisions in the letters, at any scale.

INPUT is a folder of case folders (the default, `cases/`), a directory tree of
letters, one letter file, or `-` for JSON Lines on stdin. Without --out/--jsonl
the command prints today's report (a table, or --json); with them it streams
one JSON line per item as it goes and holds nothing but totals in memory.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..errors import ImrError, InputFileError
from . import EXIT_BAD_INPUT, EXIT_DISAGREE, EXIT_OK, add_json_option, dump_json
from .evaluate import add_rules_option

if TYPE_CHECKING:
    from ..batch import BatchResult, LineSink, Outcome, Resumed, SummaryRecord, Tally
    from ..qa.exports import Exports

EXIT_INTERRUPTED = 130

_DESCRIPTION = """\
For every input, predict each disputed item, read the reviewer's actual decision
and citations from the letter, and report agreement per item and in total.

Inputs: a case folder (letter.txt + case.yaml: the curated facts are used), a
letter file (*.txt) or a folder holding only letter.txt (facts are extracted
from the letter), searched through a whole directory tree; or '-': JSON Lines on
stdin, one record per line: {"id": ..., "letter": "<text>", "case": {<facts>}}
with "case" optional. Every input is reported: evaluated, or refused with a
reason code and the reason.

Output: the figures and a table of the disagreements (default; --all: every item), the same as JSON (--json),
or a stream of JSON lines, one per item or refused input, in input order, then
a summary line (--out FILE, or --jsonl for stdout). --out with --resume skips
the inputs FILE already reports and completes it.

Exit status: 0 all items agree, 1 some disagree, 2 an input could not be
evaluated (after reporting everything) or bad usage, 130 interrupted (the
output so far is valid JSON Lines; resume with --resume)."""


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of worker processes") from None
    if value < 1:
        raise argparse.ArgumentTypeError("needs at least 1 worker process")
    return value


def _cluster(text: str) -> str:
    from ..batch.cluster import check_address

    try:
        return check_address(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def default_jobs() -> int:
    """Worker processes by default: the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "qa",
        help="compare predicted outcomes and citations with the real letters' decisions",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("cases_dir", nargs="?", default="cases", metavar="INPUT",
                   help="case folders, a tree of letters (*.txt), one letter, or - for JSON Lines on stdin (default: cases/)")
    add_rules_option(p)
    add_json_option(p)
    out = p.add_mutually_exclusive_group()
    out.add_argument("--out", metavar="FILE", help="stream JSON Lines (one per item, then a summary) to FILE")
    out.add_argument("--jsonl", action="store_true", help="stream JSON Lines to stdout")
    p.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                   help=f"worker processes (default: the number of cores, here {default_jobs()})")
    p.add_argument("--cluster", metavar="ADDRESS", type=_cluster,
                   help="evaluate on a Dask cluster: 'local' (a LocalCluster of --jobs workers on this machine) "
                        "or a running scheduler's address, e.g. tcp://HOST:8786 (needs the extra: "
                        "pip install 'imr-engine[cluster]'; see docs/cluster.md)")
    p.add_argument("--resume", action="store_true", help="with --out: skip the inputs FILE already reports")
    p.add_argument("--quiet", action="store_true", help="no progress bar (it is only shown on a terminal anyway)")
    p.add_argument("--all", action="store_true", help="list every item, not only the disagreements")
    p.add_argument("--report", metavar="FILE",
                   help="also write the HTML report (figures, charts, disagreements) to FILE; "
                        "from an earlier --out file: imr report OUT.jsonl -o FILE")
    p.add_argument("--csv", metavar="FILE", help="also write the item table as CSV to FILE")
    p.add_argument("--extract", action="store_true",
                   help="check fact extraction instead: extracted facts against each case.yaml")
    p.add_argument("--use-rationale", action="store_true",
                   help="let extraction read the reviewer's rationales, not only the case summary")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.resume and not args.out:
        raise ImrError("--resume needs --out FILE (the output to complete)")
    if args.json and args.jsonl:
        raise ImrError("--json and --jsonl: choose one (--jsonl already writes JSON)")
    if args.extract:
        if args.report or args.csv:
            raise ImrError("--extract prints the extraction report: it takes no --report or --csv")
        return _run_extraction_qa(args)
    source = args.cases_dir
    if source != "-" and not Path(source).exists():
        raise InputFileError("no such file or folder", source=source)
    if args.cluster:
        _check_cluster_extra()
    if source != "-" and _is_notes(Path(source)):
        return _run_notes_qa(args, Path(source))
    plan = _prepare(args)  # before anything is written: a bad rule book leaves no half output
    if args.out or args.jsonl:
        return _stream(args, source, plan)
    return _report(args, source, plan)


def _is_notes(path: Path) -> bool:
    from ..corpus.notes import is_notes_folder

    return is_notes_folder(path)


def _run_notes_qa(args: argparse.Namespace, folder: Path) -> int:
    """Progress notes with answer keys (corpus/notes/<half>): pre-checked as UR staff would, then scored."""
    if args.out or args.jsonl or args.resume:
        raise ImrError("a folder of notes gives a report: it takes no --out, --jsonl or --resume")
    from ..corpus.notes import note_files, render_notes_report, score_notes

    _, jobs = _prepare(args, len(note_files(folder)))
    report = score_notes(folder, rules_dir=args.rules, jobs=jobs, cluster=args.cluster)
    print(dump_json(report.model_dump(mode="json")) if args.json else render_notes_report(report), end="\n" if args.json else "")
    return EXIT_OK if report.outcomes.agree == report.outcomes.items and not report.refused else EXIT_DISAGREE


def _run_extraction_qa(args: argparse.Namespace) -> int:
    if args.out or args.jsonl or args.resume or args.cases_dir == "-":
        raise ImrError("--extract checks case folders and prints a report: it takes no --out, --jsonl, --resume or '-'")
    try:
        from ..qa.extraction import render_extraction_report, run_extraction_qa
    except ImportError as exc:
        if exc.name and exc.name.startswith(__name__.split(".")[0] + "."):
            raise ImrError(f"fact extraction QA is not available in this installation ({exc.name})") from None
        raise
    from ..qa.extraction import extraction_inputs

    root = Path(args.cases_dir)
    if not root.is_dir():
        raise InputFileError("no such directory" if not root.exists() else "not a directory", source=str(root))
    if args.cluster:
        _check_cluster_extra()
    _, jobs = _prepare(args, len(extraction_inputs(root)))
    report = run_extraction_qa(root, use_rationale=args.use_rationale, rules_dir=args.rules, jobs=jobs,
                               cluster=args.cluster)
    for refused in report.refused:
        print(f"imr qa: error: {refused.reason}", file=sys.stderr)
    print(dump_json(report.model_dump(mode="json")) if args.json else render_extraction_report(report),
          end="\n" if args.json else "")
    if report.refused:
        return EXIT_BAD_INPUT
    return EXIT_OK if report.all_agree else EXIT_DISAGREE


# --- the shared pipeline ------------------------------------------------------------------


def _pipeline(
    args: argparse.Namespace, source: str, plan: tuple[str, int], write: Callable[[Outcome], None],
    resumed: Resumed | None = None,
) -> BatchResult:
    """Run every input through the QA pipeline (*plan*: rules version, worker count), with progress and Ctrl-C."""
    from ..batch import BatchRun, Progress, StopFlag, WorkSettings, count_inputs, discover, stop_on_signals

    _, jobs = plan
    quiet = args.quiet or not sys.stderr.isatty()
    progress = None if quiet else Progress(count_inputs(source), sys.stderr)

    def refusal(reason: str) -> None:
        line = f"imr qa: error: {reason}"
        if progress is not None:
            progress.note(line)
        else:
            print(line, file=sys.stderr)

    batch = BatchRun(
        settings=WorkSettings(rules_dir=args.rules, use_rationale=args.use_rationale, rules_version=plan[0]),
        jobs=jobs, write=write, on_refusal=refusal, progress=progress, stop=StopFlag(), cluster=args.cluster,
    )
    with stop_on_signals(batch.stop):
        try:
            result = batch.run(
                discover(source, sys.stdin),
                tally=resumed.tally if resumed else None,
                done=resumed.done if resumed else None,
            )
        finally:
            if progress is not None:
                progress.close()
    return result


def _prepare(args: argparse.Namespace, total: int | None = -1) -> tuple[str, int]:
    """Compile the rule book here, before any worker starts, and settle the worker count.

    A bad rule book is then one error line, not a failure in every worker, and
    forked workers start with it compiled. A run over a handful of inputs (*total*;
    counted here by default) stays in this process: starting workers would cost more
    than it saves -- unless a cluster was asked for.
    """
    from ..batch import count_inputs
    from ..batch.pool import CHUNK
    from ..engine import load_engine

    version = load_engine(args.rules).book.version
    jobs = args.jobs or default_jobs()
    if jobs > 1 and not args.cluster:
        total = count_inputs(args.cases_dir) if total == -1 else total
        if total is not None and total <= CHUNK:
            jobs = 1
    return version, jobs


def _check_cluster_extra() -> None:
    """--cluster without Dask installed: one line saying what to install."""
    from ..batch.cluster import dask_missing

    missing = dask_missing()
    if missing:
        raise ImrError(f"--cluster needs Dask distributed ({missing} is not installed): "
                       "pip install 'imr-engine[cluster]'")


def _exit_code(tally: Tally, complete: bool) -> int:
    if not complete:
        return EXIT_INTERRUPTED
    if tally.refused:
        return EXIT_BAD_INPUT
    return EXIT_OK if tally.items == tally.agree else EXIT_DISAGREE


def _no_inputs(source: str) -> ImrError:
    return InputFileError(
        "no inputs found (letter files *.txt, case folders with letter.txt or case.yaml, or JSON Lines records)",
        source=source if source != "-" else "<stdin>",
    )


# --- streaming: JSON Lines to a file or stdout --------------------------------------------


def _stream(args: argparse.Namespace, source: str, plan: tuple[str, int]) -> int:
    from ..batch import LineSink, resume_output, to_line

    resumed = None
    if args.out:
        out_path = Path(args.out)
        if out_path.is_dir():
            raise InputFileError("is a folder, expected an output file", source=args.out)
        _refuse_output_among_inputs(out_path, source)
        resumed = resume_output(out_path, plan[0]) if args.resume else None
        try:
            stream: TextIO = out_path.open("a" if args.resume else "w", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise InputFileError(f"cannot write: {exc.strerror or exc}", source=args.out) from None
    else:
        stream = sys.stdout
    sink = LineSink(stream, args.out or "<stdout>")
    # an --out file is read back afterwards instead: it also holds the inputs of a resumed run
    exports = _exports(args) if (args.report or args.csv) and not args.out else None
    write = _writer(sink, exports)
    try:
        result = _pipeline(args, source, plan, write, resumed)
        summary = result.tally.summary(plan[0], result.complete)
        sink.write([to_line(summary)])
    finally:
        if stream is not sys.stdout:
            _close_quietly(stream)
    if args.out:
        _print_summary(summary, args)
    if result.tally.inputs == 0:
        raise _no_inputs(source)
    if args.out and (args.report or args.csv):
        from ..qa.exports import read_records

        exports = _exports(args)
        for record in read_records(Path(args.out)):
            exports.add(record)
    if exports is not None:
        exports.finish(summary.rules_version, result.complete)
    if not result.complete:
        print("imr qa: interrupted: the output so far is whole JSON Lines; run again with --resume to finish",
              file=sys.stderr)
    return _exit_code(result.tally, result.complete)


def _refuse_output_among_inputs(out: Path, source: str) -> None:
    """--out must not name an input (it would be overwritten) nor sit in the input tree (it would be read)."""
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


def _close_quietly(stream: TextIO) -> None:
    """Close the output file; a write error here was already reported by the write that failed."""
    try:
        stream.close()
    except OSError:
        pass


def _print_summary(summary: SummaryRecord, args: argparse.Namespace) -> None:
    """The totals on stdout when the items went to a file."""
    from ..qa.render import figures_line

    if args.json:
        print(dump_json(summary.model_dump(mode="json")))
        return
    s = summary
    refused = "".join(f"   {code} {n}" for code, n in s.refused_by_code.items())
    print(
        f"items {s.items}   agree {s.agree}/{s.items}   citation agree {s.citation_agree}/{s.items}   "
        f"indeterminate {s.indeterminate}   leaning on rationale-only facts {s.leaning_on_rationale_facts}\n"
        f"{figures_line(s)}\n"
        f"inputs {s.inputs}   evaluated {s.evaluated}   refused {s.refused}{refused}   rules {s.rules_version}\n"
        f"output {args.out}" + ("" if s.complete else " (interrupted: run again with --resume to finish)")
    )


# --- the report: today's table or JSON ----------------------------------------------------


def _report(args: argparse.Namespace, source: str, plan: tuple[str, int]) -> int:
    from ..qa import ReportBuilder
    from ..qa.render import render_report

    builder = ReportBuilder()
    exports = _exports(args) if args.report or args.csv else None

    def collect(outcome: Outcome) -> None:
        for record in outcome.records:
            builder.add(record)
            if exports is not None:
                exports.add(record)

    result = _pipeline(args, source, plan, collect)
    version = plan[0]
    if result.tally.inputs == 0:
        raise _no_inputs(source)
    t = result.tally
    report = builder.report(t.inputs, version)
    if exports is not None:
        exports.finish(version, result.complete)
    if args.json:
        print(dump_json(report.model_dump(mode="json")))
    else:
        print(render_report(report, width=_terminal_width(), show_all=args.all), end="")
    if not result.complete:
        print("imr qa: interrupted: the report covers the inputs done so far", file=sys.stderr)
    return _exit_code(t, result.complete)


# --- the HTML report ----------------------------------------------------------------------


def _exports(args: argparse.Namespace) -> Exports:
    from ..qa.exports import Exports

    return Exports(Path(args.report) if args.report else None, Path(args.csv) if args.csv else None)


def _writer(sink: LineSink, exports: Exports | None) -> Callable[[Outcome], None]:
    """Each outcome's lines to *sink*, and its records to *exports* too when there are any."""

    def write(outcome: Outcome) -> None:
        sink.write(outcome.lines)
        if exports is not None:
            for record in outcome.records:
                exports.add(record)

    return write


def _terminal_width() -> int:
    """The terminal's width; else $COLUMNS; else the report's default (so piped output is stable)."""
    import shutil

    from ..qa.render import DEFAULT_WIDTH

    if sys.stdout.isatty():
        return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else DEFAULT_WIDTH
