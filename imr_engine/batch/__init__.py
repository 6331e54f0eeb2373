"""Corpus-scale QA: discover inputs, evaluate them on worker processes, stream JSON Lines.

Modules, one job each: `inputs` finds the inputs (a directory tree, a file,
JSON Lines on stdin), `work` turns one input into output lines inside a worker,
`pool` runs workers with results in input order, `records` defines the output
lines and their totals, `output` writes them and resumes an interrupted run,
`progress` draws the progress bar, and `run` ties them together.
"""

from .inputs import BatchInput, StdinRecord, count_inputs, discover
from .output import LineSink, Resumed, resume_output
from .pool import StopFlag
from .progress import Progress
from .records import ItemRecord, RefusedRecord, SummaryRecord, Tally, to_line
from .run import BatchResult, BatchRun, stop_on_signals
from .work import Outcome, WorkSettings

__all__ = [
    "BatchInput", "BatchResult", "BatchRun", "ItemRecord", "LineSink", "Outcome", "Progress", "RefusedRecord",
    "Resumed", "StdinRecord", "StopFlag", "SummaryRecord", "Tally", "WorkSettings", "count_inputs", "discover",
    "resume_output", "stop_on_signals", "to_line",
]
