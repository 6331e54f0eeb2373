"""QA: the engine's predictions against the real letters' decisions."""

from .compare import (
    ItemCountMismatch,
    QAItem,
    QAReport,
    QASummary,
    Refused,
    case_dirs,
    compare_case,
    compare_predictions,
    iter_qa,
    run_qa,
)

__all__ = [
    "ItemCountMismatch", "QAItem", "QAReport", "QASummary", "Refused", "case_dirs", "compare_case",
    "compare_predictions", "iter_qa", "run_qa",
]
