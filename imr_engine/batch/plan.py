"""Settling a run before anything runs or is written: the rule book, the worker count, the cluster extra.

The rule book is compiled here, in the calling process: a bad one is then one error
line before any output exists, not a failure in every worker, and forked workers
start with it compiled. A run over a handful of inputs stays in this process:
starting workers would cost more than it saves (unless a cluster was asked for).
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from ..errors import ImrError
from .pool import CHUNK


class RunPlan(BaseModel):
    """What a run was settled on: the rule book's content hash and the number of workers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules_version: str
    jobs: int


def plan_run(
    rules_dir: str | None, *, jobs: int, cluster: str | None = None, count: Callable[[], int | None] = lambda: None,
) -> RunPlan:
    """Compile the rule book and settle the workers: *jobs*, or 1 when *count* (inputs; None: unknown) is small.

    *count* is only called when it can change the answer (several jobs, no cluster).
    """
    from ..engine import load_engine

    if cluster is not None:
        from .cluster import check_reachable

        require_cluster_extra()
        check_reachable(cluster)  # before the rule book is compiled: an address mistyped costs nothing
    version = load_engine(rules_dir).book.version
    if jobs > 1 and cluster is None:
        total = count()
        if total is not None and total <= CHUNK:
            jobs = 1
    return RunPlan(rules_version=version, jobs=jobs)


def require_cluster_extra() -> None:
    """A cluster asked for without Dask installed: one line saying what to install."""
    from .cluster import dask_missing

    missing = dask_missing()
    if missing:
        raise ImrError(f"--cluster needs Dask distributed ({missing} is not installed): "
                       "pip install 'imr-engine[cluster]'")
