"""The QA report as a table and a list of disagreements, for people."""

from __future__ import annotations

import textwrap

from .compare import QAReport, QASummary

_COLS = (("case", 8), ("#", 2), ("request", 44), ("predicted", 13), ("actual", 10), ("agree", 5), ("cite", 4))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def figures_line(s: QASummary) -> str:
    """Agreement beside the baseline of always answering the commonest outcome, kappa, Overturned caught."""

    def pct(x: float | None) -> str:
        return "n/a" if x is None else f"{100 * x:.1f} %"

    ci = f" (95 % CI {pct(s.agreement_ci95[0])}-{pct(s.agreement_ci95[1])})" if s.agreement_ci95 else ""
    kappa = "n/a" if s.kappa is None else f"{s.kappa:.2f}"
    return (
        f"agreement {pct(s.agree / s.items if s.items else None)}{ci}   majority baseline {pct(s.majority_baseline)}   "
        f"kappa {kappa}   Overturned recall {pct(s.overturned_recall)}   precision {pct(s.overturned_precision)}"
    )


def render_report(report: QAReport) -> str:
    head = "  ".join(name.ljust(w) for name, w in _COLS)
    lines = [head, "-" * len(head)]
    for i in report.items:
        cells = (i.case[:8], str(i.index + 1), i.request, i.predicted, i.actual,
                 "yes" if i.agree else "NO", "yes" if i.citation_match else "no")
        lines.append("  ".join(_cut(c, w).ljust(w) for c, (_, w) in zip(cells, _COLS)).rstrip())
    s = report.summary
    lines += [
        "",
        f"items {s.items}   agree {s.agree}/{s.items}   citation agree {s.citation_agree}/{s.items}   "
        f"indeterminate {s.indeterminate}   leaning on rationale-only facts {s.leaning_on_rationale_facts}",
        figures_line(s),
        f"cases {s.cases}   refused {s.refused}   rules {s.rules_version}",
    ]
    for r in report.refused:
        lines.append(f"refused: {r.case}: {r.reason}")
    disagreements = [i for i in report.items if not i.agree]
    if disagreements:
        lines += ["", "Disagreements:"]
        for i in disagreements:
            lines += [
                "", f"{i.case} [{i.index + 1}] {i.request}: predicted {i.predicted}, letter {i.actual}",
                textwrap.fill("engine:   " + i.engine_rationale, 100, subsequent_indent="          "),
                textwrap.fill("reviewer: " + i.reviewer_rationale, 100, subsequent_indent="          "),
            ]
    return "\n".join(lines) + "\n"
