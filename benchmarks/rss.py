"""Peak memory of a command and every process it starts, sampled from /proc (Linux).

`ru_maxrss` of the children only gives the largest single process; a run with
N workers needs the sum over the process tree at the same moment, which is
what the sampler records (every 50 ms, so a peak shorter than that can be
missed; the per-process high-water marks, VmHWM, are read too as a check).
"""

from __future__ import annotations

import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


def _children(pid: int) -> list[int]:
    out = []
    for task in (PROC / str(pid) / "task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        todo += _children(p)
    return pids


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


@dataclass
class Run:
    seconds: float
    returncode: int
    peak_total_mb: float  # sum of RSS over the process tree, at its highest sample
    peak_process_mb: float  # the largest single process's high-water mark (VmHWM)
    processes: int
    cpu_seconds: float  # user + system time of the command and every process it waited for
    stderr: str


def run_measured(cmd: list[str], cwd: Path | None = None, interval: float = 0.05) -> Run:
    """Run *cmd* to completion; wall time and peak memory of it and its descendants."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_total = peak_one = 0
    seen: set[int] = set()
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_total, peak_one
        while not stop.is_set():
            pids = _tree(proc.pid)
            seen.update(pids)
            peak_total = max(peak_total, sum(_status_kb(p, "VmRSS") for p in pids))
            peak_one = max([peak_one] + [_status_kb(p, "VmHWM") for p in pids])
            stop.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(seconds, proc.returncode, peak_total / 1024, peak_one / 1024, len(seen), cpu, stderr)
