"""Where the time of `imr qa` goes: py-spy samples of one run, summed by pipeline stage.

    python -m benchmarks.profile CORPUS [--rate 250] [--raw FILE]

Runs `imr qa CORPUS --jobs 1 --out <tmp>` under `py-spy record` (install py-spy
yourself; it is not a dependency) and attributes every sample to the first
stage, in the order of `STAGES`, whose function is on its stack. With --jobs 1
the whole pipeline runs in one process, so the shares add up to the run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

#: (stage, a frame that marks it), most specific first.
STAGES: tuple[tuple[str, str], ...] = (
    ("extract: parse inside extraction", "_raw_and_parsed ("),
    ("extract", "extract_case ("),
    ("parse letter", "parse_letter ("),
    ("read case.yaml", "load_case ("),
    ("evaluate: request lines", "Engine._requested_items ("),
    ("evaluate: derive item facts", "derive_items ("),
    ("evaluate: durable_rules", "CompiledRuleset._ask ("),
    ("evaluate: memo + routing", "Engine._fire ("),
    ("evaluate: decide + trace + rationale", "Engine._decide ("),
    ("evaluate: other", "Engine.evaluate ("),
    ("compare with the letter", "compare_predictions ("),
    ("output lines", "_evaluate ("),
    ("read + discover inputs", "discover ("),
    ("write output", "LineSink.write ("),
    ("startup: compile rule book", "load_engine ("),
    ("startup: imports", "_find_and_load ("),
)


def summarise(raw: Path) -> list[tuple[str, int]]:
    """Samples per stage from py-spy's raw (collapsed stack) output."""
    counts: Counter[str] = Counter()
    for line in raw.read_text(encoding="utf-8").splitlines():
        stack, _, n = line.rpartition(" ")
        if not n.isdigit():
            continue
        stage = next((name for name, mark in STAGES if mark in stack), "other")
        counts[stage] += int(n)
    order = [name for name, _ in STAGES] + ["other"]
    return [(name, counts[name]) for name in order if counts[name]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="input of `imr qa` (e.g. a corpus kept with python -m benchmarks --keep DIR)")
    parser.add_argument("--rate", type=int, default=250, help="samples per second (default 250)")
    parser.add_argument("--raw", metavar="FILE", help="keep py-spy's raw output here")
    args = parser.parse_args(argv)
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(spy).exists():
        print("py-spy is not installed (pip install py-spy)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(args.raw) if args.raw else Path(tmp) / "profile.raw"
        cmd = [spy, "record", "-r", str(args.rate), "-f", "raw", "-o", str(raw), "--",
               sys.executable, "-m", "imr_engine", "qa", args.corpus, "--jobs", "1", "--quiet",
               "--out", str(Path(tmp) / "qa.jsonl")]
        subprocess.run(cmd, cwd=REPO, check=False, capture_output=True)
        rows = summarise(raw)
    total = sum(n for _, n in rows) or 1
    print(f"{'stage':<40}{'samples':>9}{'share':>8}")
    for name, n in rows:
        print(f"{name:<40}{n:>9}{n / total:>8.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
