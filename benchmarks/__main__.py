"""`python -m benchmarks [--letters N] [--json]`: where the time goes, from letter to QA line.

Builds a synthetic corpus of N letters (benchmarks/corpus.py says exactly how)
in a temporary folder and measures, on one core unless said otherwise:

- parse: `parse_letter` on the letter texts (letters/s);
- extract: `extract_case` on the parsed letters (letters/s);
- evaluate: `Engine.evaluate` on the extracted case facts (items/s), the
  engine's memos cold at the start; then the same facts again with the engine
  warm (every answer remembered): the per-item cost alone, and the difference,
  the one-off cost of a fresh engine on the sample;
- validate, the floor: `CaseFacts.model_validate` of the same facts' dumps
  (items/s): merely reading the input;
- end to end: `imr qa CORPUS --out FILE` as a subprocess, wall clock from
  start to exit (startup included), with --jobs 1 and --jobs 2; its peak
  memory (all processes together);
- single-case latency: one case evaluated again and again after warm-up (p50, p99).

The in-process stages use the first `--sample` letters (rates do not depend on
N); the end-to-end runs use all N. They are timed by this process's CPU time (one
thread), so time spent waiting for a core does not enter the rates, and each starts
with a full collection and the objects built so far frozen (`gc.freeze`): the
benchmark holds every sample letter's facts at once, which a QA worker never does
(it holds one case), and a full collection that happened to fall inside a short
stage rescanned all of them (the validation floor read 1,300-1,600 items/s with
the collector running, 4,800-8,400 with it stopped). Not a test: nothing here
fails the build.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .corpus import Corpus
from .rss import run_measured

REPO = Path(__file__).resolve().parent.parent

TARGETS: dict[str, tuple[str, float]] = {
    "end_to_end_letters_per_s_jobs1": (">=", 1000),
    "evaluate_items_per_s": (">=", 20000),
    "evaluate_share_of_validate_floor": (">=", 1 / 3),
    "jobs2_speedup": (">=", 1.7),
    "peak_rss_mb": ("<", 300),
    "single_case_p99_ms": ("<", 5),
}


@contextmanager
def _stage(spent: list[float]) -> Iterator[None]:
    """Time a stage by CPU, with what was built before it out of the collector's way; appends the seconds."""
    gc.collect()
    gc.freeze()
    start = time.process_time()
    try:
        yield
    finally:
        spent.append(time.process_time() - start)
        gc.unfreeze()


def _rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds > 0 else float("inf")


def measure_in_process(corpus: Corpus, paths: list[Path], rules: str | None) -> dict[str, Any]:
    """Stage by stage, in this process, on the letters in *paths*."""
    from imr_engine.engine import load_engine
    from imr_engine.facts.model import CaseFacts
    from imr_engine.letter import parse_letter_file

    sample = len(paths)
    spent: list[float] = []
    with _stage(spent):
        letters = [parse_letter_file(path) for path in paths]
    parse_s = spent[-1]

    try:
        from imr_engine.extract import extract_case
    except ImportError:
        extract_case = None
    if extract_case is not None:
        with _stage(spent):  # as the batch does it: from the parsed letter (its raw text re-read from its file)
            facts = [extract_case(letter, case_id=path.stem, source=str(path)) for letter, path in zip(letters, paths)]
        extract_s: float | None = spent[-1]
        origin = "extracted"
    else:  # without extraction, the curated facts varied like their letters
        facts = [CaseFacts.model_validate(corpus.case_facts(i, path.stem)) for i, path in enumerate(paths)]
        extract_s, origin = None, "curated"
    del letters
    items = sum(len(f.requests) for f in facts)

    engine = load_engine(rules)
    with _stage(spent):
        for f in facts:
            engine.evaluate(f)
    evaluate_s = spent[-1]
    asked_cold = sum(t.ruleset.asked for t in engine.topics)
    # The same facts again: every memo of the engine is filled (each answer remembered, each rule's view
    # and route built), so this is the per-item cost alone; the cold stage less it is the one-off cost.
    with _stage(spent):
        for f in facts:
            engine.evaluate(f)
    warm_s = spent[-1]

    dumps = [f.model_dump(mode="json") for f in facts]
    with _stage(spent):
        for d in dumps:
            CaseFacts.model_validate(d)
    validate_s = spent[-1]

    latency = _latency(engine, facts[: len(corpus.letters)])
    memo = [(t.ruleset.asked, t.ruleset.remembered) for t in engine.topics]
    asked, remembered = sum(a for a, _ in memo), sum(r for _, r in memo)
    return {
        "sample_letters": sample,
        "sample_items": items,
        "facts": origin,
        "parse_letters_per_s": _rate(sample, parse_s),
        "extract_letters_per_s": _rate(sample, extract_s) if extract_s is not None else None,
        "in_process_clock": "cpu",
        "evaluate_items_per_s": _rate(items, evaluate_s),
        "evaluate_warm_items_per_s": _rate(items, warm_s),
        "evaluate_per_item_us": round(1e6 * warm_s / items, 1) if items else None,
        "evaluate_one_off_ms": round(1e3 * max(evaluate_s - warm_s, 0.0), 1),
        "evaluate_cold_durable_rules_asks": asked_cold,
        "validate_items_per_s": _rate(items, validate_s),
        "durable_rules_asked_share": round(asked / (asked + remembered), 4) if asked + remembered else None,
        **latency,
    }


def _latency(engine: Any, cases: list[Any], warmup: int = 50, runs: int = 400) -> dict[str, float]:
    """Per-call latency of evaluating one case again and again, after warm-up (all base letters)."""
    samples: list[float] = []
    for case in cases:
        for _ in range(warmup):
            engine.evaluate(case)
        for _ in range(runs):
            t = time.perf_counter()
            engine.evaluate(case)
            samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return {
        "single_case_p50_ms": round(statistics.median(samples), 3),
        "single_case_p99_ms": round(samples[int(0.99 * (len(samples) - 1))], 3),
    }


def measure_end_to_end(root: Path, letters: int, jobs: int, rules: str | None, work: Path) -> dict[str, Any]:
    out = work / f"qa_jobs{jobs}.jsonl"
    cmd = [sys.executable, "-m", "imr_engine", "qa", str(root), "--out", str(out), "--jobs", str(jobs), "--quiet"]
    if rules:
        cmd += ["--rules", rules]
    run = run_measured(cmd, cwd=REPO)
    summary = json.loads(out.read_text(encoding="utf-8").splitlines()[-1]) if out.exists() else {}
    return {
        "seconds": round(run.seconds, 2),
        "letters_per_s": _rate(letters, run.seconds),
        "peak_rss_total_mb": round(run.peak_total_mb, 1),
        "peak_rss_process_mb": round(run.peak_process_mb, 1),
        "processes": run.processes,
        "cpu_seconds": round(run.cpu_seconds, 2),
        "cores_busy": round(run.cpu_seconds / run.seconds, 2) if run.seconds else None,
        "exit_code": run.returncode,
        "inputs_reported": summary.get("inputs"),
        "items": summary.get("items"),
        "agree": summary.get("agree"),
        "refused": summary.get("refused"),
    }


def measure_development(rules: str | None, work: Path, jobs: int = 1) -> dict[str, Any]:
    """The development corpus as it is (corpus/): every decision letter end to end, and every
    folder of progress notes pre-checked and scored, each as `imr qa` runs it (wall clock,
    startup included). Real letters and notes, not variants of the five bundled letters."""
    out: dict[str, Any] = {}
    letters, seconds, reported = 0, 0.0, 0
    for folder in sorted((REPO / "corpus" / "decisions").glob("*/letters")):
        count = len(list(folder.glob("*.txt")))
        run = measure_end_to_end(folder, count, jobs, rules, work)
        letters, seconds, reported = letters + count, seconds + run["seconds"], reported + (run["inputs_reported"] or 0)
    if letters:
        out["dev_letters"] = letters
        out["dev_letters_reported"] = reported
        out["dev_letters_per_s_jobs1"] = _rate(letters, seconds)
    notes, seconds = 0, 0.0
    for folder in sorted(d for d in (REPO / "corpus" / "notes").glob("*") if d.is_dir()):
        count = len(list(folder.glob("*.txt")))
        if not count:
            continue
        cmd = [sys.executable, "-m", "imr_engine", "qa", str(folder), "--json"] + (["--rules", rules] if rules else [])
        run = run_measured(cmd, cwd=REPO)
        notes += count
        seconds += run.seconds
    if notes:
        out["dev_notes"] = notes
        out["dev_notes_per_s"] = _rate(notes, seconds)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=2000, metavar="N", help="letters in the corpus (default 2000)")
    parser.add_argument("--sample", type=int, default=500, metavar="M",
                        help="letters measured in-process: parse, extract, evaluate, validate (default 500)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", default="1,2", help="end-to-end worker counts to measure (default 1,2)")
    parser.add_argument("--rules", metavar="DIR", help="rule directory (default: the bundled rule book)")
    parser.add_argument("--keep", metavar="DIR", help="build the corpus in DIR and keep it (default: a temp folder)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-development", action="store_true",
                        help="skip the development corpus (corpus/: real decision letters and progress notes)")
    args = parser.parse_args(argv)
    if args.letters < 1 or args.sample < 1:
        parser.error("--letters and --sample must be at least 1")

    corpus = Corpus(seed=args.seed)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="imr-bench-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        root = work / "letters"
        t = time.perf_counter()
        paths = corpus.write(root, args.letters) if not root.exists() else corpus.paths(root, args.letters)
        build_s = time.perf_counter() - t
        figures: dict[str, Any] = measure_in_process(corpus, paths[: args.sample], args.rules)
        runs = {}
        for jobs in (int(j) for j in args.jobs.split(",")):
            runs[jobs] = measure_end_to_end(root, args.letters, jobs, args.rules, work)
        if not args.no_development:
            figures.update(measure_development(args.rules, work))
    figures["end_to_end_letters_per_s_jobs1"] = runs[1]["letters_per_s"] if 1 in runs else None
    figures["end_to_end_letters_per_s_jobs2"] = runs[2]["letters_per_s"] if 2 in runs else None
    figures["peak_rss_mb"] = max(r["peak_rss_total_mb"] for r in runs.values())
    figures["end_to_end"] = {f"jobs{j}": r for j, r in runs.items()}
    figures["letters"] = args.letters
    figures["corpus_build_s"] = round(build_s, 1)
    figures["benchmark_s"] = round(time.perf_counter() - started, 1)
    figures["machine"] = _machine()
    figures["evaluate_share_of_validate_floor"] = round(figures["evaluate_items_per_s"] / figures["validate_items_per_s"], 3)
    figures["evaluate_warm_share_of_validate_floor"] = round(
        figures["evaluate_warm_items_per_s"] / figures["validate_items_per_s"], 3)
    if figures["end_to_end_letters_per_s_jobs1"] and figures["end_to_end_letters_per_s_jobs2"]:
        figures["jobs2_speedup"] = round(figures["end_to_end_letters_per_s_jobs2"] / figures["end_to_end_letters_per_s_jobs1"], 2)
    figures["targets"] = _targets(figures)
    print(json.dumps(figures, indent=2, sort_keys=True) if args.json else _table(figures))
    return 0


def _targets(f: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out = {}
    for key, (op, goal) in TARGETS.items():
        value = f.get(key)
        met = None if value is None else (value >= goal if op == ">=" else value < goal)
        out[key] = {"target": f"{op} {goal:.3g}", "value": value, "met": met}
    return out


def _machine() -> dict[str, Any]:
    import platform

    cpu = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {
        "cpu": cpu, "cores": len(os.sched_getaffinity(0)), "python": platform.python_version(),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{share:.2%}"


def _table(f: dict[str, Any]) -> str:
    def num(v: Any) -> str:
        return "n/a" if v is None else f"{v:,.1f}" if isinstance(v, float) else str(v)

    lines = [
        f"corpus: {f['letters']:,} letters (built in {f['corpus_build_s']} s); in-process sample {f['sample_letters']:,} "
        f"letters / {f['sample_items']:,} items, facts {f['facts']}",
        f"machine: {f['machine']['cpu']}, {f['machine']['cores']} cores, Python {f['machine']['python']}, "
        f"load {f['machine']['load_average_1m']}",
        "",
        f"{'stage':<34}{'rate':>14}",
        f"{'parse':<34}{num(f['parse_letters_per_s']):>14} letters/s",
        f"{'extract':<34}{num(f['extract_letters_per_s']):>14} letters/s",
        f"{'evaluate (cold engine)':<34}{num(f['evaluate_items_per_s']):>14} items/s",
        f"{'evaluate again (warm engine)':<34}{num(f['evaluate_warm_items_per_s']):>14} items/s   "
        f"({f['evaluate_per_item_us']} us per item; one-off cost of the cold engine {f['evaluate_one_off_ms']} ms, "
        f"{f['evaluate_cold_durable_rules_asks']} durable_rules asks)",
        f"{'validate (floor)':<34}{num(f['validate_items_per_s']):>14} items/s",
    ]
    for name, r in f["end_to_end"].items():
        lines.append(f"{'end to end ' + name:<34}{num(r['letters_per_s']):>14} letters/s   "
                     f"{r['seconds']} s ({r['cores_busy']} cores busy), peak {r['peak_rss_total_mb']} MB over "
                     f"{r['processes']} processes, "
                     f"exit {r['exit_code']}, {r['inputs_reported']} inputs reported")
    if f.get("dev_letters"):
        lines.append(f"{'development letters, jobs1':<34}{num(f['dev_letters_per_s_jobs1']):>14} letters/s   "
                     f"({f['dev_letters']} real decision letters, corpus/decisions)")
    if f.get("dev_notes"):
        lines.append(f"{'development notes':<34}{num(f['dev_notes_per_s']):>14} notes/s     "
                     f"({f['dev_notes']} progress notes, corpus/notes, pre-checked and scored)")
    lines += [
        f"{'single case p50 / p99':<34}{f['single_case_p50_ms']:>10} / {f['single_case_p99_ms']} ms",
        f"{'durable_rules asked for':<34}{_pct(f['durable_rules_asked_share']):>14} of facts (the rest from the memo)",
        "",
        "targets:",
    ]
    for key, t in f["targets"].items():
        mark = "n/a" if t["met"] is None else "met" if t["met"] else "MISSED"
        value = t["value"]
        shown = f"{value:.3f}" if isinstance(value, float) and value < 10 else num(value)
        lines.append(f"  {key:<40}{t['target']:>10}   {shown:>12}   {mark}")
    lines.append(f"\nbenchmark took {f['benchmark_s']} s")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
