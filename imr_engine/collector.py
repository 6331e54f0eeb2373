"""Python's cyclic garbage collector paused for a bounded piece of work, or made lazier for a batch.

Loading the rule book builds hundreds of thousands of short-lived objects (YAML nodes,
validated models, imported classes) while the vocabulary and the models stay alive: each
automatic collection walks all of them, which was about a third of loading the rule book
(`imr rules --json` cold). What the work leaves behind is collected afterwards as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for the block, then back as it was (a caller that turned it off keeps it off)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def keep_until_exit() -> None:
    """What the process holds now stays until it exits, and no later collection walks it (`gc.freeze`).

    For a command that has loaded what it needs and only prints before it exits. A load runs with
    the collector paused, so the hundreds of thousands of objects it leaves (models, vocabulary,
    imported classes) are all still in the young generation: the first collection after it walked
    every one of them to find next to no garbage (40-70 ms, a tenth of a cold `imr rules --json`),
    and the exit's final collection walked them again. Frozen, they are still freed by their
    reference counts; only a garbage cycle that exists at this point waits for the process's end.
    """
    gc.freeze()


#: Young collections of a batch come after this many new container objects (Python's default: 700).
BATCH_YOUNG_THRESHOLD = 50_000


@contextmanager
def batch_collector() -> Iterator[None]:
    """Young collections made rare for a run of inputs, then the thresholds back as they were.

    A batch input builds and drops tens of thousands of objects (sentences, findings, item facts),
    almost all freed by their reference counts as soon as the input is done. With Python's default
    threshold of 700 the collector scanned them some 400 times per 500 letters, and every tenth
    time the older generation too, with full passes over the rule book and the vocabulary between:
    about 4 % of a batch's CPU, spent finding next to no garbage. At 50,000 an input's leftovers are
    scanned about once per hundred letters; what little cyclic garbage there is waits a little
    longer (bounded by the threshold), and the older generations keep their thresholds.
    """
    before = use_batch_thresholds()
    try:
        yield
    finally:
        gc.set_threshold(*before)


def use_batch_thresholds() -> tuple[int, ...]:
    """Young collections made rare from now on (see `batch_collector`); returns the thresholds before.

    For a process that only runs batch inputs until it ends (a pool worker).
    """
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], BATCH_YOUNG_THRESHOLD), *before[1:])
    return before
