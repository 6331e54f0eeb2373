"""QA: the engine's predictions against the real letters' decisions."""

from .compare import QAItem, QAReport, QASummary, Refused, case_dirs, compare_case, iter_qa, run_qa

__all__ = ["QAItem", "QAReport", "QASummary", "Refused", "case_dirs", "compare_case", "iter_qa", "run_qa"]
