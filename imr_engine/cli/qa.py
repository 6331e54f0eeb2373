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
from typing import TYPE_CHECKING

from ..errors import ImrError, InputFileError
from . import EXIT_BAD_INPUT, EXIT_DISAGREE, EXIT_OK, add_json_option, dump_json
from .evaluate import add_rules_option

if TYPE_CHECKING:
    from ..batch import BatchRun, SummaryRecord, Tally
    from ..batch.plan import RunPlan

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
    """The command, with the collector's young threshold raised throughout (`collector.batch_collector`).

    Not only the inputs: importing extraction and loading the rule book, the vocabulary and the
    engine build hundreds of thousands of long-lived objects, which the default threshold had the
    collector scan some 200 times before the first input (about a sixth of the start-up).
    """
    from ..collector import batch_collector

    with batch_collector():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
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
    if source != "-" and _is_notes(Path(source)):
        return _run_notes_qa(args, Path(source))
    from ..batch import count_inputs

    plan = _plan(args, lambda: count_inputs(source))  # before anything is written: a bad rule book leaves no half output
    if args.out or args.jsonl:
        return _stream(args, source, plan)
    return _report(args, source, plan)


def _is_notes(path: Path) -> bool:
    from ..corpus.notes import is_notes_folder

    return is_notes_folder(path)


def _plan(args: argparse.Namespace, count: Callable[[], int | None]) -> RunPlan:
    from ..batch.plan import plan_run

    return plan_run(args.rules, jobs=args.jobs or default_jobs(), cluster=args.cluster, count=count)


def _run_notes_qa(args: argparse.Namespace, folder: Path) -> int:
    """Progress notes with answer keys (corpus/notes/<half>): pre-checked as UR staff would, then scored."""
    if args.out or args.jsonl or args.resume:
        raise ImrError("a folder of notes gives a report: it takes no --out, --jsonl or --resume")
    from ..corpus.notes import note_files, render_notes_report, score_notes

    total = len(note_files(folder))
    plan = _plan(args, lambda: total)
    report = score_notes(folder, rules_dir=args.rules, jobs=plan.jobs, cluster=args.cluster)
    for reason in report.refused.values():
        print(f"imr qa: error: {reason}", file=sys.stderr)
    print(dump_json(report.model_dump(mode="json")) if args.json else render_notes_report(report), end="\n" if args.json else "")
    if report.refused:
        return EXIT_BAD_INPUT
    return EXIT_OK if report.outcomes.agree == report.outcomes.items else EXIT_DISAGREE


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
    total = len(extraction_inputs(root))
    plan = _plan(args, lambda: total)
    report = run_extraction_qa(root, use_rationale=args.use_rationale, rules_dir=args.rules, jobs=plan.jobs,
                               cluster=args.cluster)
    for refused in report.refused:
        print(f"imr qa: error: {refused.reason}", file=sys.stderr)
    print(dump_json(report.model_dump(mode="json")) if args.json else render_extraction_report(report),
          end="\n" if args.json else "")
    if report.refused:
        return EXIT_BAD_INPUT
    return EXIT_OK if report.all_agree else EXIT_DISAGREE


def _batch(args: argparse.Namespace, source: str, plan: RunPlan) -> BatchRun:
    """The run as asked: workers or cluster, a progress bar on a terminal, refusals on stderr, Ctrl-C handled."""
    from ..batch import BatchRun, Progress, WorkSettings, count_inputs

    quiet = args.quiet or not sys.stderr.isatty()
    progress = None if quiet else Progress(count_inputs(source), sys.stderr)

    def refusal(reason: str) -> None:
        line = f"imr qa: error: {reason}"
        if progress is not None:
            progress.note(line)
        else:
            print(line, file=sys.stderr)

    settings = WorkSettings(rules_dir=args.rules, use_rationale=args.use_rationale, rules_version=plan.rules_version)
    return BatchRun(settings=settings, jobs=plan.jobs, cluster=args.cluster, on_refusal=refusal, progress=progress,
                    signals=True)


def _exit_code(tally: Tally, complete: bool) -> int:
    if not complete:
        return EXIT_INTERRUPTED
    if tally.refused:
        return EXIT_BAD_INPUT
    return EXIT_OK if tally.items == tally.agree else EXIT_DISAGREE


# --- streaming: JSON Lines to a file or stdout --------------------------------------------


def _stream(args: argparse.Namespace, source: str, plan: RunPlan) -> int:
    from ..batch.stream import no_inputs, stream

    result = stream(source, _batch(args, source, plan), out=args.out, resume=args.resume, stdout=sys.stdout,
                    stdin=sys.stdin, report=args.report, csv=args.csv)
    if args.out:
        _print_summary(result.summary, args)
    if result.tally.inputs == 0:
        raise no_inputs(source)
    if not result.complete:
        print("imr qa: interrupted: the output so far is whole JSON Lines; run again with --resume to finish",
              file=sys.stderr)
    return _exit_code(result.tally, result.complete)


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


# --- the report: the table or JSON --------------------------------------------------------


def _report(args: argparse.Namespace, source: str, plan: RunPlan) -> int:
    from ..qa.collect import collect
    from ..qa.render import render_report

    done = collect(source, _batch(args, source, plan), stdin=sys.stdin, report=args.report, csv=args.csv)
    if args.json:
        print(dump_json(done.report.model_dump(mode="json")))
    else:
        print(render_report(done.report, width=_terminal_width(), show_all=args.all), end="")
    if not done.result.complete:
        print("imr qa: interrupted: the report covers the inputs done so far", file=sys.stderr)
    return _exit_code(done.result.tally, done.result.complete)


def _terminal_width() -> int:
    """The terminal's width; else $COLUMNS; else the report's default (so piped output is stable)."""
    import shutil

    from ..qa.render import DEFAULT_WIDTH

    if sys.stdout.isatty():
        return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else DEFAULT_WIDTH
