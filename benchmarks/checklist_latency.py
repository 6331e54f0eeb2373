"""The pre-check's wait, note by note: reading the note and deciding it, then the documentation checklist.

    python -m benchmarks.checklist_latency DIR                 # CPU seconds per note: p50 / p95 / max
    python -m benchmarks.checklist_latency DIR --calls         # also Python calls per note (cProfile, deterministic)
    python -m benchmarks.checklist_latency DIR --out OUT       # also each note's `imr precheck --json` text, for diffs
    python -m benchmarks.checklist_latency DIR --instructions NAME ...   # callgrind: the checklist's instructions

`imr precheck NOTE --request ...` reads the note (extraction), decides each request (evaluation) and builds each
item's documentation checklist, which re-evaluates the rules for every set of missing facts it tries
(`checklist/search.py`): on most notes the checklist is most of the wait. DIR holds notes (`NAME.txt`) beside their
answer keys (`NAME.yaml`, whose `requests` are the request lines); build it without the held-out writers (the
helpers' tune links), never from a test half. One engine serves every note in name order, as `imr serve` would:
its memos carry over from note to note, so the counts are those of this order, repeatable run after run.

CPU seconds move with the machine's load; the call counts (cProfile's, with `--calls`: the CPU time of that run is
inflated by the profiler, so run it apart) and the instruction counts (valgrind's callgrind, with `--instructions`,
inside the checklist only) do not, and are the figures to compare before and after a change. `--out` writes what
`imr precheck NOTE --request ... --json` prints for each note (same functions, without the process start), so a
change can be diffed for byte-identical output over every note.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import json
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def _notes(folder: Path, only: list[str] | None) -> list[tuple[str, str, list[str]]]:
    """(name, text, request lines) of each note in *folder* (or of the *only* names), in name order."""
    import yaml

    out = []
    for path in sorted(folder.glob("*.txt")):
        if only and path.stem not in only:
            continue
        key = path.with_suffix(".yaml")
        if not key.exists():
            continue
        meta = yaml.safe_load(key.read_text(encoding="utf-8"))
        out.append((path.stem, path.read_text(encoding="utf-8"), [r["text"] for r in meta.get("requests") or []]))
    return out


def _asked(engine: Any) -> int:
    """Facts sent to durable_rules so far, over every ruleset of the engine (the rest its memos answered)."""
    return sum(t.ruleset.asked for t in engine.topics)


def _checklist(args: tuple[Any, Any, Any], _: object = None) -> Any:
    """The checklist of one decided case; called through `functools.reduce` so callgrind can count it alone."""
    from imr_engine.checklist import document_checklist

    engine, case, determination = args
    return document_checklist(engine, case, determination)


def run_notes(
    notes: list[tuple[str, str, list[str]]], *, calls: bool = False, out: Path | None = None, through_reduce: bool = False,
) -> list[dict[str, Any]]:
    """Each note pre-checked as `imr precheck --json` would: its stages' CPU seconds and counts."""
    from imr_engine.cli import dump_json
    from imr_engine.engine import load_engine
    from imr_engine.errors import ImrError
    from imr_engine.extract import extract_text
    from imr_engine.precheck import PrecheckResult

    engine = load_engine()
    rows: list[dict[str, Any]] = []
    for name, text, requests in notes:
        row: dict[str, Any] = {"note": name, "items": len(requests), "chars": len(text)}
        start = time.process_time()
        try:
            case = extract_text(text, requests, case_id="precheck", vocabulary=engine.names)
            determination = engine.evaluate(case)
        except ImrError as exc:
            row["error"] = str(exc)
            rows.append(row)
            if out is not None:
                (out / f"{name}.json").write_text(f"error: {exc}\n", encoding="utf-8")
            continue
        decided = time.process_time()
        asked = _asked(engine)
        profile = cProfile.Profile() if calls else None
        if profile is not None:
            profile.enable()
        if through_reduce:
            checklist = functools.reduce(_checklist, [None], (engine, case, determination))
        else:
            checklist = _checklist((engine, case, determination))
        if profile is not None:
            profile.disable()
            row["checklist_calls"] = pstats.Stats(profile).total_calls  # type: ignore[attr-defined]
        done = time.process_time()
        row.update(read_and_decide_s=decided - start, checklist_s=done - decided, asked=_asked(engine) - asked)
        rows.append(row)
        if out is not None:
            result = PrecheckResult(case=case, determination=determination, checklist=checklist)
            (out / f"{name}.json").write_text(dump_json(result.model_dump(mode="json")) + "\n", encoding="utf-8")
    return rows


def _spread(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": round(statistics.median(ordered), 4), "p95": round(p95, 4), "max": round(ordered[-1], 4),
            "total": round(sum(ordered), 3)}


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Spread of each stage over the notes, the slowest notes, and the deterministic totals."""
    ok = [r for r in rows if "error" not in r]
    out: dict[str, Any] = {
        "notes": len(rows), "unreadable": len(rows) - len(ok),
        "read_and_decide_s": _spread([r["read_and_decide_s"] for r in ok]),
        "checklist_s": _spread([r["checklist_s"] for r in ok]),
        "whole_s": _spread([r["read_and_decide_s"] + r["checklist_s"] for r in ok]),
        "asked_total": sum(r["asked"] for r in ok),
        "slowest": [(r["note"], round(r["checklist_s"], 3)) for r in sorted(ok, key=lambda r: -r["checklist_s"])[:5]],
    }
    if ok and "checklist_calls" in ok[0]:
        calls = [r["checklist_calls"] for r in ok]
        out["checklist_calls"] = {**{k: int(v) for k, v in _spread(calls).items()}}
        out["slowest_by_calls"] = [(r["note"], r["checklist_calls"])
                                   for r in sorted(ok, key=lambda r: -r["checklist_calls"])[:5]]
    out["load_average"] = _load()
    return out


def _load() -> list[float]:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return []


def instructions(folder: Path, names: list[str]) -> int | None:
    """Instructions inside the checklists of *names* (callgrind, collecting only inside `functools.reduce`)."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        cmd = [valgrind, "--tool=callgrind", f"--callgrind-out-file={out}", "--toggle-collect=functools_reduce",
               sys.executable, "-m", "benchmarks.checklist_latency", str(folder), "--child", *names]
        subprocess.run(cmd, cwd=REPO, env={**_env(), "PYTHONHASHSEED": "0"}, check=True, capture_output=True)
        for line in out.read_text().splitlines():
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    return None


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(REPO)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.checklist_latency", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="notes (NAME.txt) beside their answer keys (NAME.yaml)")
    parser.add_argument("--calls", action="store_true", help="count Python calls in each checklist (cProfile)")
    parser.add_argument("--out", type=Path, help="write each note's `imr precheck --json` text here")
    parser.add_argument("--instructions", nargs="+", metavar="NAME", help="callgrind the checklists of these notes")
    parser.add_argument("--rows", action="store_true", help="print every note's row too")
    parser.add_argument("--child", nargs="+", metavar="NAME", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_notes(_notes(args.folder, args.child), through_reduce=True)
        return 0
    if args.instructions:
        counted = instructions(args.folder, args.instructions)
        print(json.dumps({"notes": args.instructions, "checklist_instructions": counted}, indent=1))
        return 0
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
    rows = run_notes(_notes(args.folder, None), calls=args.calls, out=args.out)
    result: dict[str, Any] = summary(rows)
    if args.rows:
        result["rows"] = rows
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
