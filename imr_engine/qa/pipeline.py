"""The one QA pipeline: inputs -> each input's outcome, in input order, on any executor.

Every QA in the package runs through `run`: `imr qa` (the report, `--json`, the
JSON Lines batch with `--out`/`--resume`), the extraction QA (`imr qa
--extract`) and the scoring of progress notes against their answer keys. What
is done with one input is the settings' task (`batch.work.process`, where the
input is read and parsed once); where it runs is the executor: this process
(`jobs=1`), a pool of worker processes (`jobs=N`) or a Dask cluster
(`cluster="local"` or a scheduler's address). Every executor yields the same
outcomes in the same order, so the output never depends on where it was made.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from ..batch.inputs import BatchInput
from ..batch.pool import StopFlag, run_ordered
from ..batch.progress import Progress
from ..batch.work import Outcome, WorkSettings


def run(
    inputs: Iterable[BatchInput],
    settings: WorkSettings,
    *,
    jobs: int = 1,
    cluster: str | None = None,
    stop: StopFlag | None = None,
    done: Collection[str] = (),
    progress: Progress | None = None,
) -> Iterator[Outcome]:
    """Each input's outcome in input order, skipping the inputs in *done* (a resumed run).

    Stops between inputs once *stop* is set (Ctrl-C); *progress* is advanced per
    input. With *cluster*, the inputs are evaluated on Dask workers
    (`batch.cluster`; *jobs* is then the number of workers a local cluster starts).
    """
    stop = stop if stop is not None else StopFlag()
    todo = _skip(inputs, done, progress)
    if cluster is not None:
        from ..batch.cluster import run_on_cluster

        outcomes = run_on_cluster(todo, settings, cluster, jobs, stop)
    else:
        outcomes = run_ordered(todo, settings, jobs, stop)
    for outcome in outcomes:
        yield outcome
        if progress is not None:
            progress.advance()


def _skip(inputs: Iterable[BatchInput], done: Collection[str], progress: Progress | None) -> Iterator[BatchInput]:
    for item in inputs:
        if item.key in done:
            if progress is not None:
                progress.skip()
            continue
        yield item
