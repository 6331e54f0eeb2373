"""Extraction's speed budget: what reading a fixed set of texts costs, recorded, and checked when readers change.

    python -m benchmarks.extract_budget                  # count, and compare with the record (seconds)
    python -m benchmarks.extract_budget --instructions   # also instructions (valgrind callgrind, 2-4 minutes)
    python -m benchmarks.extract_budget --record         # make what was measured the new record

Ten rounds of issue 15 showed each reading round adding back what a speed round took, unseen until the
lead's end-of-session benchmark. This gives a reading round a number to land beside: the cost of
extracting a fixed workload (`WORKLOAD`: the five bundled letters and fifteen synthetic ones drawn from
them, ten tune decision letters read with their rationales, twenty tune notes; never the test half, never
a held-out writer), per text, in figures that do not depend on the machine's load:

- *calls*: Python function calls and C calls made while extracting (cProfile's counts, deterministic), and
  per reader module, so a change is traced to the module that added it;
- *regex asks*: the calls among them to a compiled pattern's search, match, finditer, findall, fullmatch,
  sub or split (each one a scan of a text by the regular-expression engine);
- *instructions* (with --instructions): what the CPU executed inside the extraction loop only (valgrind's
  callgrind, collecting inside `functools.reduce`, through which the workload runs), per text kind.

The workload runs after a warm-up on other texts, so the one-off tables every process builds once are not
counted, and in a fresh interpreter with a fixed hash seed, so nothing a caller did before is remembered.
`--check` (the default) prints each figure beside its record and exits 1 when one exceeds it by more than
--margin. CPU milliseconds are printed too, for information only: they move with the load.
"""

from __future__ import annotations

import argparse
import compileall
import cProfile
import functools
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RECORD = Path(__file__).resolve().with_name("extract_budget.json")
TUNE_NOTES = REPO / "corpus" / "notes" / "tune"
TUNE_LETTERS = REPO / "corpus" / "decisions" / "tune" / "letters"

#: Named files, not "every n-th": a note added to the corpus does not change the workload.
NOTES = (
    "w1-dict-005", "w10-appeal-007", "w12-bil-001", "w13-rfa-003", "w15-emr-005", "w17-pr2-006", "w19-rtw-006",
    "w2-terse-008", "w20-sleep-003", "w22-frp-006", "w23-ehr-006", "w24-pr2-012", "w25-pain-021", "w26-pain-009",
    "w27-terse-015", "w29-ehr-006", "w3-dict-008", "w4-pain-006", "w6-im-003", "w8-fax-004",
)
RATIONALE_LETTERS = (
    "ca-lexis-2020-08-flexeril-90", "other5-nydfs-202011-132453", "tx-mcch-10092", "tx-mcch-14003", "tx-mcch-16043",
    "tx2-mcch-08024", "tx2-mcch-14033", "tx2-soah-453-03-2012", "tx5-mcch-09124", "tx8-mcch-09115",
)
#: Synthetic letters 0-19 of seed 0: 0-4 are close to the five bundled letters, the rest vary them.
SYNTHETIC = range(20)
#: Texts read first and not counted: every lazily built table is built on them.
WARM_NOTES = ("w1-dict-001", "w11-hand-001", "w21-hosp-001")
WARM_LETTERS = ("ca-coa-ramirez-2014-acupuncture", "tx-mcch-01120")
WARM_SYNTHETIC = range(1000, 1005)

KINDS = ("letters", "rationales", "notes")
#: How a figure is named in the record and the table.
FIGURES = ("calls_per_text", "regex_asks_per_text", "instructions_per_text")
_REGEX_METHODS = ("search", "match", "finditer", "findall", "fullmatch", "sub", "subn", "split")

#: A text to read: its kind, the function that reads it, and its arguments.
Job = tuple[str, Callable[..., Any], tuple[Any, ...], dict[str, Any]]


def _note(name: str) -> tuple[str, list[str]]:
    import yaml

    meta = yaml.safe_load((TUNE_NOTES / f"{name}.yaml").read_text(encoding="utf-8"))
    return (TUNE_NOTES / f"{name}.txt").read_text(encoding="utf-8"), [r["text"] for r in meta["requests"]]


def jobs(warm: bool = False) -> list[Job]:
    """The workload (or its warm-up), parsed: reading the letters' layout is not extraction's cost."""
    from benchmarks.corpus import Corpus
    from imr_engine.extract import extract_case, extract_text
    from imr_engine.letter import parse_letter

    corpus = Corpus(seed=0)
    out: list[Job] = []
    for i in WARM_SYNTHETIC if warm else SYNTHETIC:
        out.append(("letters", extract_case, (parse_letter(corpus.letter(i)),), {"case_id": f"synthetic-{i}"}))
    for name in WARM_LETTERS if warm else RATIONALE_LETTERS:
        path = TUNE_LETTERS / f"{name}.txt"
        parsed = parse_letter(path.read_text(encoding="utf-8"), source=str(path))
        out.append(("rationales", extract_case, (parsed,), {"case_id": name, "use_rationale": True}))
    for name in WARM_NOTES if warm else NOTES:
        text, requests = _note(name)
        out.append(("notes", extract_text, (text, requests), {"case_id": name}))
    return out


def _run(kind_jobs: list[Job]) -> int:
    """Read every text of *kind_jobs* through `functools.reduce`: callgrind collects inside that C function only."""
    return functools.reduce(lambda n, job: n + len(job[1](*job[2], **job[3]).requests), kind_jobs, 0)


def _module(filename: str) -> str:
    """A cProfile entry's module: a path under the repository as a dotted name; C calls by what they belong to."""
    if filename == "~":
        return "(C calls from C)"
    path = Path(filename)
    try:
        rel = path.resolve().relative_to(REPO)
    except ValueError:
        return "(other)" if "pydantic" not in filename else "pydantic"
    return ".".join(rel.with_suffix("").parts)


def _warm() -> list[Job]:
    """Read the warm-up texts; the workload, parsed."""
    for kind in KINDS:
        _run([j for j in jobs(warm=True) if j[0] == kind])
    return jobs()


def cpu() -> dict[str, float]:
    """CPU milliseconds per text of each kind, in this process (meant to be a fresh one): for information only."""
    work = _warm()
    spent = {}
    for kind in KINDS:
        kind_jobs = [j for j in work if j[0] == kind]
        started = time.process_time()
        _run(kind_jobs)
        spent[kind] = round(1000 * (time.process_time() - started) / len(kind_jobs), 2)
    return spent


def count() -> dict[str, Any]:
    """Calls and regex asks per text of each kind, in this process (meant to be a fresh one)."""
    work = _warm()
    figures: dict[str, Any] = {}
    by_module: Counter[str] = Counter()
    for kind in KINDS:
        kind_jobs = [j for j in work if j[0] == kind]
        profile = cProfile.Profile()
        profile.runcall(_run, kind_jobs)
        calls, regex = profiled_calls(profile, ("_run", "<lambda>"), __file__, by_module)
        texts = len(kind_jobs)
        figures[kind] = {"texts": texts, "calls_per_text": round(calls / texts), "regex_asks_per_text": round(regex / texts)}
    figures["calls_by_module"] = dict(sorted(by_module.items(), key=lambda kv: -kv[1]))
    return figures


def profiled_calls(
    profile: cProfile.Profile, harness: tuple[str, ...], own_file: str, by_module: Counter[str] | None
) -> tuple[int, int]:
    """The calls a profile counted, the harness's own functions (*harness* in *own_file*) left out, and the regex asks
    among them; each call is also added to *by_module*, when given, under the module that made it.

    A generator expression's entries are left out too: they are its resumptions, a loop's iterations, which Python
    3.11's profiler counts in some processes and not in others. The same child, same files and hash seed, counted
    one `any(w in text for w in words)` of `engine/terminology.py` 67 or 31,760 times in the evaluation budget's cold
    pass (1,092 or 1,266 calls per item against a budget of 1,232: the test's flaky failures) while the function
    holding it ran 48 times in both. The calls made inside one are counted as every other call."""
    calls = regex = 0
    for (filename, _, name), (_, n, _tt, _ct, callers) in pstats.Stats(profile).stats.items():  # type: ignore[attr-defined]
        if (name in harness and filename == own_file) or name == "<genexpr>":
            continue
        calls += n
        regex += n if any(name == f"<method '{m}' of 're.Pattern' objects>" for m in _REGEX_METHODS) else 0
        if by_module is None:
            continue
        if filename != "~":
            by_module[_module(filename)] += n
        for (caller, _, _), (_, by_caller, *_) in callers.items():  # a C call counts to the module that made it
            if filename == "~":
                by_module[_module(caller)] += by_caller
    return calls, regex


def callgrind_parts(module: str) -> tuple[str, list[int]] | None:
    """*module*'s `--child reduce` run under callgrind, a part dumped before each `functools.reduce`: the child's
    output and each part's instructions, in order (the last part is the file written at exit); None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        cmd = [valgrind, "--tool=callgrind", f"--callgrind-out-file={out}", "--toggle-collect=functools_reduce",
               "--dump-before=functools_reduce", sys.executable, "-m", module, "--child", "reduce"]
        done = subprocess.run(cmd, cwd=REPO, env=_env(), check=True, capture_output=True, text=True)
        parts = sorted(Path(tmp).glob("callgrind.out.*"), key=lambda p: int(p.suffix[1:])) + [out]
        return done.stdout, [_total(p) for p in parts]


def instructions() -> dict[str, int] | None:
    """Instructions per text of each kind, counted by callgrind inside the extraction loop; None without valgrind."""
    run = callgrind_parts("benchmarks.extract_budget")
    if run is None:
        return None
    # the parts, in order: nothing, then the warm-up's kinds, then the workload's kinds
    counted = run[1][-len(KINDS):]
    texts = Counter(j[0] for j in jobs())
    return {kind: round(n / texts[kind]) for kind, n in zip(KINDS, counted)}


def _total(path: Path) -> int:
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("totals:") or line.startswith("summary:"):
            return int(line.split()[1])
    return 0


def _env() -> dict[str, str]:
    """A fixed hash seed (set iteration order is then the same every run), no user cache (a child's work must not
    depend on what other runs left there) and this repository first on the path."""
    env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR") if name in os.environ}
    env.update(PYTHONHASHSEED="0", IMR_CACHE_DIR="off")  # nothing else inherited: the counts are the code's alone
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])
    return env


def counted_in_children(module: str, cpu_figure: str) -> dict[str, Any]:
    """*module*'s deterministic counts and its CPU time per unit (as *cpu_figure*), each from a fresh interpreter.

    The code is byte-compiled first, as a user's installed package is. A generator expression's resumptions, which
    Python 3.11's profiler counted in some runs and not in others (first put down to bytecode compiled in the run,
    then seen with the same bytecode in every run), are not counted at all (`profiled_calls`)."""
    for package in ("imr_engine", "benchmarks"):
        compileall.compile_dir(REPO / package, quiet=2)
    def child(what: str) -> str:
        return subprocess.run([sys.executable, "-m", module, "--child", what], cwd=REPO, env=_env(), check=True,
                              capture_output=True, text=True).stdout
    figures: dict[str, Any] = json.loads(child("count"))
    for group, value in json.loads(child("cpu")).items():
        figures[group][cpu_figure] = value
    return figures


def measure(with_instructions: bool = False) -> dict[str, Any]:
    """Every figure, each counted in a fresh interpreter."""
    figures = counted_in_children("benchmarks.extract_budget", "cpu_ms_per_text")
    counted = instructions() if with_instructions else None
    for kind in KINDS:
        figures[kind]["instructions_per_text"] = counted[kind] if counted else None
    return figures


def figure_rows(
    recorded: dict[str, Any], now: dict[str, Any], margin: float, groups: tuple[str, ...], budgeted: tuple[str, ...],
    shown: str, label: str, width: int,
) -> tuple[list[str], list[str]]:
    """Each group's figures beside their record (the *budgeted* ones and the *shown* CPU figure), and the budgeted
    figures over their budget (record times 1 + *margin*); *label* heads the group column, *width* wide."""
    rows = [f"{label:<{width}}{'figure':<24}{'record':>14}{'now':>14}{'change':>9}"]
    over: list[str] = []
    for group in groups:
        for figure in (*budgeted, shown):
            was, is_ = recorded.get(group, {}).get(figure), now.get(group, {}).get(figure)
            if was is None or is_ is None:
                continue
            change = (is_ - was) / was if was else 0.0
            rows.append(f"{group:<{width}}{figure:<24}{was:>14,}{is_:>14,}{change:>+9.1%}")
            if figure in budgeted and change > margin:
                over.append(f"{group} {figure}: {is_:,} against a record of {was:,} ({change:+.1%}, budget +{margin:.0%})")
    return rows, over


def compare(recorded: dict[str, Any], now: dict[str, Any], margin: float) -> tuple[list[str], list[str]]:
    """A table of every figure beside its record, and the figures over their budget (record times 1 + *margin*)."""
    rows, over = figure_rows(recorded, now, margin, KINDS, FIGURES, "cpu_ms_per_text", "kind", 12)
    grown = _modules_grown(recorded.get("calls_by_module", {}), now.get("calls_by_module", {}))
    if grown:
        rows.append("calls by module, the largest changes:")
        rows.extend(f"  {name:<48}{was:>12,}{is_:>12,}{is_ - was:>+12,}" for name, was, is_ in grown)
    return rows, over


def _modules_grown(was: dict[str, int], now: dict[str, int], top: int = 8) -> list[tuple[str, int, int]]:
    names = set(was) | set(now)
    changed = [(name, was.get(name, 0), now.get(name, 0)) for name in names if was.get(name, 0) != now.get(name, 0)]
    return sorted(changed, key=lambda row: -abs(row[2] - row[1]))[:top]


def _commit() -> str | None:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=False)
    return done.stdout.strip() or None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extract_budget", description=__doc__.split("\n\n")[0])
    parser.add_argument("--instructions", action="store_true", help="also count instructions with valgrind (minutes)")
    parser.add_argument("--record", action="store_true", help=f"write the figures to {RECORD.name} as the new record")
    parser.add_argument("--margin", type=float, default=0.05,
                        help="how far over its record a figure may go before --check fails (default 0.05: 5%%)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--child", choices=("count", "cpu", "reduce"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child in ("count", "cpu"):
        print(json.dumps(count() if args.child == "count" else cpu()))
        return 0
    if args.child == "reduce":  # under callgrind: warm-up kinds, then the workload's, each one reduce
        warm, work = jobs(warm=True), jobs()
        for group in (warm, work):
            for kind in KINDS:
                _run([j for j in group if j[0] == kind])
        return 0
    return report(args, measure(args.instructions), RECORD, KINDS, "instructions_per_text", compare)


def report(
    args: argparse.Namespace, now: dict[str, Any], record: Path, groups: tuple[str, ...], instructions_figure: str,
    compare_with: Callable[[dict[str, Any], dict[str, Any], float], tuple[list[str], list[str]]],
) -> int:
    """Record *now* (--record), print it (--json) or print it beside the record; 1 when a figure is over its budget."""
    recorded = json.loads(record.read_text(encoding="utf-8")) if record.exists() else {}
    if args.record:
        if not args.instructions and recorded:  # keep the recorded instructions when they were not counted again
            for group in groups:
                now[group][instructions_figure] = recorded.get(group, {}).get(instructions_figure)
        now["commit"] = _commit()
        now["python"] = sys.version.split()[0]
        record.write_text(json.dumps(now, indent=1) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(now, indent=1))
        return 0
    rows, over = compare_with(recorded, now, args.margin)
    print("\n".join(rows))
    if recorded.get("commit"):
        print(f"(record: commit {recorded['commit']}, Python {recorded.get('python')})")
    for line in over:
        print(f"over budget: {line}", file=sys.stderr)
    return 1 if over and not args.record else 0


if __name__ == "__main__":
    sys.exit(main())
