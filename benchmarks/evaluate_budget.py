"""Evaluation's speed budget: what judging a fixed set of case facts costs, cold and warm, recorded and checked.

    python -m benchmarks.evaluate_budget                  # count, and compare with the record (seconds)
    python -m benchmarks.evaluate_budget --instructions   # also instructions (valgrind callgrind, about a minute)
    python -m benchmarks.evaluate_budget --record         # make what was measured the new record

The rules helpers extend derivation (`engine/derive.py`) and the rule book every round, and each extension
costs every item of every case. This gives such a change a number to land beside: the cost of evaluating a
fixed workload (`WORKLOAD`: the extracted facts of forty synthetic letters, of ten tune decision letters
read with their rationales and of ten tune notes with their request lines, and the five bundled case files;
never the test half, never a held-out writer), per item, in figures that do not depend on the machine's load:

- *calls*: Python function calls and C calls made while evaluating (cProfile's counts, deterministic),
  per item, and per module, so a change is traced to the module that added it;
- *instructions* (with --instructions): what the CPU executed inside the evaluation only (valgrind's
  callgrind, collecting inside `functools.reduce`, through which each pass runs), per item;
- *durable_rules asks*: the facts a cold engine sent to durable_rules (the rest its memos answered), deterministic:
  each costs the C engine work that call counts do not show, more as rulesets grow.

Each figure is given for a *cold* engine (a fresh one: its memos, rule views, plans and durable_rules'
answers start empty, as in `python -m benchmarks`' `evaluate_items_per_s`) and a *warm* one (the same
workload evaluated again: the per-item cost alone). The facts are extracted first, in the same fresh
interpreter with a fixed hash seed, so request lines are parsed before, as in a QA run. `--check` (the
default) prints each figure beside its record and exits 1 when one exceeds it by more than --margin. CPU
milliseconds are printed too, for information only: they move with the load.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.extract_budget import (
    NOTES,
    RATIONALE_LETTERS,
    TUNE_LETTERS,
    _modules_grown,
    _note,
    callgrind_parts,
    counted_in_children,
    figure_rows,
    profiled_calls,
    report,
)

REPO = Path(__file__).resolve().parent.parent
RECORD = Path(__file__).resolve().with_name("evaluate_budget.json")
CASES = REPO / "cases"
#: Synthetic letters 0-39 of seed 0 (extract_budget reads 0-19): the five bundled letters varied eight times each.
SYNTHETIC = range(40)
#: Named tune texts (extract_budget's), the first ten of each: a text added to the corpus does not change the workload.
LETTERS = RATIONALE_LETTERS[:10]
NOTE_NAMES = NOTES[:10]

PASSES = ("cold", "warm")
#: How a figure is named in the record and the table.
FIGURES = ("calls_per_item", "instructions_per_item")


def workload() -> list[Any]:
    """The case facts evaluated: extracted (not counted), then the bundled case files."""
    from benchmarks.corpus import Corpus
    from imr_engine.extract import extract_case, extract_text
    from imr_engine.facts import load_case
    from imr_engine.letter import parse_letter

    corpus = Corpus(seed=0)
    facts: list[Any] = [extract_case(parse_letter(corpus.letter(i)), case_id=f"synthetic-{i}") for i in SYNTHETIC]
    for name in LETTERS:
        path = TUNE_LETTERS / f"{name}.txt"
        facts.append(extract_case(parse_letter(path.read_text(encoding="utf-8"), source=str(path)), case_id=name,
                                  use_rationale=True))
    for name in NOTE_NAMES:
        text, requests = _note(name)
        facts.append(extract_text(text, requests, case_id=name))
    facts += [load_case(p) for p in sorted(CASES.glob("*/case.yaml"))]
    return facts


def _pass(engine: Any, facts: list[Any]) -> int:
    """Evaluate every case through `functools.reduce` (callgrind collects inside that C function only); the items."""
    return functools.reduce(lambda n, f: n + len(engine.evaluate(f).items), facts, 0)


def _fresh() -> tuple[Any, list[Any], int]:
    """A fresh engine (not the process's shared one), the workload, and its item count."""
    from imr_engine.engine import load_engine
    from imr_engine.engine.evaluate import Engine

    facts = workload()
    shared = load_engine()
    engine = Engine(shared.book, shared.vocabulary, shared.formulary)
    return engine, facts, sum(len(f.requests) for f in facts)


def cpu() -> dict[str, float]:
    """CPU microseconds per item of each pass, in this process (meant to be a fresh one): for information only."""
    engine, facts, items = _fresh()
    spent = {}
    for name in PASSES:
        started = time.process_time()
        _pass(engine, facts)
        spent[name] = round(1e6 * (time.process_time() - started) / items, 1)
    return spent


def count() -> dict[str, Any]:
    """Calls per item of each pass and the cold engine's durable_rules asks, in this process (meant to be a fresh one)."""
    engine, facts, items = _fresh()
    figures: dict[str, Any] = {"items": items}
    by_module: Counter[str] = Counter()
    for name in PASSES:
        profile = cProfile.Profile()
        profile.runcall(_pass, engine, facts)
        calls, _ = profiled_calls(profile, ("_pass", "<lambda>"), __file__, by_module if name == "warm" else None)
        figures[name] = {"calls_per_item": round(calls / items)}
        if name == "cold":
            figures["cold_durable_rules_asks"] = sum(t.ruleset.asked for t in engine.topics)
    figures["warm_calls_by_module"] = dict(sorted(by_module.items(), key=lambda kv: -kv[1]))
    return figures


def instructions() -> dict[str, int] | None:
    """Instructions per item of each pass, counted by callgrind inside the passes only; None without valgrind."""
    run = callgrind_parts("benchmarks.evaluate_budget")
    if run is None:
        return None
    # the parts, in order: nothing, then the cold pass; the warm pass is in the file written at exit
    items, totals = int(run[0].split()[-1]), run[1]
    return {name: round(n / items) for name, n in zip(PASSES, totals[-len(PASSES):])}


def measure(with_instructions: bool = False) -> dict[str, Any]:
    """Every figure, each counted in a fresh interpreter."""
    figures = counted_in_children("benchmarks.evaluate_budget", "cpu_us_per_item")
    counted = instructions() if with_instructions else None
    for name in PASSES:
        figures[name]["instructions_per_item"] = counted[name] if counted else None
    return figures


def compare(recorded: dict[str, Any], now: dict[str, Any], margin: float) -> tuple[list[str], list[str]]:
    """A table of every figure beside its record, and the figures over their budget (record times 1 + *margin*)."""
    rows, over = figure_rows(recorded, now, margin, PASSES, FIGURES, "cpu_us_per_item", "pass", 8)
    was, is_ = recorded.get("cold_durable_rules_asks"), now.get("cold_durable_rules_asks")
    if was and is_ is not None:  # deterministic too, and where a cold engine's cost grows unseen by the calls
        change = (is_ - was) / was
        rows.append(f"{'cold':<8}{'durable_rules asks':<24}{was:>14,}{is_:>14,}{change:>+9.1%}")
        if change > margin:
            over.append(f"cold durable_rules asks: {is_:,} against a record of {was:,} ({change:+.1%}, budget +{margin:.0%})")
    changed = _modules_grown(recorded.get("warm_calls_by_module", {}), now.get("warm_calls_by_module", {}))
    if changed:
        rows.append("warm calls by module, the largest changes:")
        rows.extend(f"  {m:<48}{a:>12,}{b:>12,}{b - a:>+12,}" for m, a, b in changed)
    return rows, over


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.evaluate_budget", description=__doc__.split("\n\n")[0])
    parser.add_argument("--instructions", action="store_true", help="also count instructions with valgrind (a minute or two)")
    parser.add_argument("--record", action="store_true", help=f"write the figures to {RECORD.name} as the new record")
    parser.add_argument("--margin", type=float, default=0.05,
                        help="how far over its record a figure may go before --check fails (default 0.05: 5%%)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--child", choices=("count", "cpu", "reduce"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child in ("count", "cpu"):
        print(json.dumps(count() if args.child == "count" else cpu()))
        return 0
    if args.child == "reduce":  # under callgrind: the cold pass, then the warm one, each one reduce
        engine, facts, items = _fresh()
        for _ in PASSES:
            _pass(engine, facts)
        print(items)
        return 0
    return report(args, measure(args.instructions), RECORD, PASSES, "instructions_per_item", compare)


if __name__ == "__main__":
    sys.exit(main())
