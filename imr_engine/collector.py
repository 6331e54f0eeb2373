"""Python's cyclic garbage collector paused for a bounded piece of work.

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
