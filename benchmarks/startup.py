"""`python -m benchmarks.startup [--runs N] [--json]`: how long `imr` takes to start, as users have it.

A normal `pip install` compiles every module to bytecode, so a user's command reads `.pyc`
files; a session with `PYTHONDONTWRITEBYTECODE=1` (as our development sessions have) compiles
every module it imports on every start instead. Measured here, each in its own bytecode folder
(`PYTHONPYCACHEPREFIX`, so the repository is not touched):

- `compiled`: the folder filled by one untimed run of each command first (what an installed
  package has);
- `uncompiled` (with `--uncompiled`): an empty folder and no bytecode written, for no module at
  all, the standard library and the dependencies included: the worst case (these sessions have
  the dependencies compiled and this package not, between the two).

Per command, `cold` means the user cache (`IMR_CACHE_DIR`: rule book listings and compiled rule
books) is empty at each run, `warm` that it holds what an earlier run of the same command left,
and `compiled book only` that it holds the compiled rule book an earlier `imr evaluate` left
but no listing (`imr rules` keeps only its listing).
Each figure is the median of N runs (wall seconds and CPU seconds of the child, user + system),
runs interleaved across commands so a burst of load elsewhere spreads over all of them. Not a
test: nothing here fails the build.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

#: (name, arguments after `python -m imr_engine`, the user cache at each run: "cold", "warm" or "book")
COMMANDS: list[tuple[str, list[str], str]] = [
    ("imr --help", ["--help"], "warm"),
    ("imr rules --json, cold", ["rules", "--json"], "cold"),
    ("imr rules --json, compiled book only", ["rules", "--json"], "book"),
    ("imr rules --json, warm", ["rules", "--json"], "warm"),
    ("imr evaluate --json (one case), cold", ["evaluate", "--json", "cases/{case}/case.yaml"], "cold"),
    ("imr evaluate --json (one case), warm", ["evaluate", "--json", "cases/{case}/case.yaml"], "warm"),
]


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one child run; its output is discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "imr_engine", *argv], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"benchmarks.startup: `imr {' '.join(argv)}` exited {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def _env(pycache: Path, cache: Path, write_bytecode: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["IMR_CACHE_DIR"] = str(cache)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    if not write_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def measure(runs: int, case: str, modes: tuple[str, ...] = ("compiled",)) -> dict[str, Any]:
    """Median wall and CPU seconds per command, in each bytecode mode of *modes*."""
    commands = [(name, [a.format(case=case) for a in argv], state) for name, argv, state in COMMANDS]
    # `imr rules` keeps only its listing: the compiled book is what a command that evaluates leaves
    book_maker = ["evaluate", "--json", f"cases/{case}/case.yaml"]
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="imr-startup-") as tmp:
        work = Path(tmp)
        for mode in modes:
            pycache = work / f"pyc-{mode}"
            pycache.mkdir()
            if mode == "compiled":  # one untimed run of each command writes the bytecode a pip install would have
                for _, argv, _ in commands:
                    _run(argv, _env(pycache, work / "fill", write_bytecode=True))
            samples: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in commands}
            for _ in range(runs):
                for name, argv, state in commands:
                    cache = work / f"cache-{mode}-{state}-{name.split(',')[0].replace(' ', '_')}"
                    if state == "cold":
                        shutil.rmtree(cache, ignore_errors=True)
                    elif not cache.exists():  # starts from what one earlier run left (the book: an evaluate's)
                        _run(book_maker if state == "book" else argv, _env(pycache, cache, write_bytecode=False))
                    if state == "book":
                        for listing in cache.glob("rules-*.json"):
                            listing.unlink()
                    samples[name].append(_run(argv, _env(pycache, cache, write_bytecode=False)))
            out[mode] = {
                name: {
                    "wall_s": round(statistics.median(w for w, _ in got), 3),
                    "cpu_s": round(statistics.median(c for _, c in got), 3),
                    "wall_min_s": round(min(w for w, _ in got), 3),
                }
                for name, got in samples.items()
            }
    out["runs"] = runs
    out["load_average_1m"] = round(os.getloadavg()[0], 2)
    out["python"] = sys.version.split()[0]
    return out


def _table(f: dict[str, Any]) -> str:
    lines = [f"median of {f['runs']} runs; Python {f['python']}; load {f['load_average_1m']}", ""]
    modes = [m for m in ("compiled", "uncompiled") if m in f]
    lines.append(f"{'command':<42}" + "".join(f"{m + ' wall':>18}{'cpu':>8}" for m in modes))
    for name in f["compiled"]:
        lines.append(f"{name:<42}" + "".join(f"{f[m][name]['wall_s']:>18.3f}{f[m][name]['cpu_s']:>8.3f}" for m in modes))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, metavar="N", help="runs per command and mode (default 5)")
    parser.add_argument("--case", help="bundled case folder for the evaluate command (default: the first under cases/)")
    parser.add_argument("--uncompiled", action="store_true",
                        help="also measure with no bytecode for any module (the worst case)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    case = args.case or min(p.name for p in (REPO / "cases").iterdir() if (p / "case.yaml").is_file())
    figures = measure(args.runs, case, ("compiled", "uncompiled") if args.uncompiled else ("compiled",))
    print(json.dumps(figures, indent=2, sort_keys=True) if args.json else _table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
