"""QA: the engine's predictions against the real letters' decisions, through one pipeline (`run`)."""

from typing import Any

from .compare import (
    ItemCountMismatch,
    QAItem,
    QAReport,
    QASummary,
    Refused,
    ReportBuilder,
    compare_predictions,
)

__all__ = [
    "ItemCountMismatch", "QAItem", "QAReport", "QASummary", "Refused", "ReportBuilder", "compare_predictions", "run",
]


def __getattr__(name: str) -> Any:
    """`run` (qa.pipeline) on first use: the pipeline imports the batch machinery, which imports this package."""
    if name == "run":
        from .pipeline import run

        return run
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
