"""The QA report for a terminal: the figures, then only what disagrees (every item on request).

Tables are laid out by rich to the width given (the terminal's), wrapping long requests
and folding long ids rather than cutting them: a cut id can turn two cases into one.
Plain text (no colour codes), so the same report always gives the same bytes.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table

from .agreement import agreement
from .compare import QAItem, QAReport, QASummary

#: Width when there is no terminal to measure.
DEFAULT_WIDTH = 100
#: From this width on, item tables also show citation agreement and the deciding rule.
WIDE = 110


def figures_line(s: QASummary) -> str:
    """Agreement beside the baseline of always answering the commonest outcome, kappa, Overturned caught."""
    ci = f" (95 % CI {_pct(s.agreement_ci95[0])}-{_pct(s.agreement_ci95[1])})" if s.agreement_ci95 else ""
    kappa = "n/a" if s.kappa is None else f"{s.kappa:.2f}"
    return (
        f"agreement {_pct(s.agree / s.items if s.items else None)}{ci}   majority baseline {_pct(s.majority_baseline)}   "
        f"kappa {kappa}   Overturned recall {_pct(s.overturned_recall)}   precision {_pct(s.overturned_precision)}"
    )


def render_report(report: QAReport, width: int = DEFAULT_WIDTH, show_all: bool = False) -> str:
    """The report as text *width* columns wide: summary, then disagreements (or every item)."""
    out = io.StringIO()
    console = Console(file=out, width=max(width, 40), color_system=None, force_terminal=False,
                      highlight=False, emoji=False, markup=False)
    console.print(_summary(report))
    for r in report.refused:
        console.print(f"refused: {r.case}: {r.reason}")
    shown = report.items if show_all else [i for i in report.items if not i.agree]
    if show_all and shown:
        console.print()
        console.print("Items:")
        console.print(_items_table(shown, console.width))
    disagreements = [i for i in report.items if not i.agree]
    if disagreements:
        console.print()
        console.print("Disagreements:")
        if not show_all:
            console.print(_items_table(disagreements, console.width))
        for i in disagreements:
            console.print()
            console.print(f"{i.case} [{i.index + 1}] {i.request}: predicted {i.predicted}, letter {i.actual}")
            console.print(_rationales(i))
    elif report.items:
        console.print("\nEvery prediction agrees with its letter" + ("" if show_all else " (--all lists the items)."))
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


def _summary(report: QAReport) -> Table:
    s = report.summary
    figures = agreement((i.predicted, i.actual) for i in report.items)
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column("figure", no_wrap=True)
    table.add_column("value", overflow="fold")
    ci = figures.agreement_ci95
    rows = [
        ("items", f"{s.items} in {s.cases} inputs ({s.refused} refused)"),
        ("agree", f"{s.agree}/{s.items}" + (f"  {_pct(figures.agreement)} (95 % CI {_pct(ci[0])}–{_pct(ci[1])})" if ci else "")),
        ("majority baseline", f"{_pct(figures.majority_baseline)} (always {figures.majority_outcome})"
         if figures.majority_outcome else "–"),
        ("kappa", "–" if figures.kappa is None else f"{figures.kappa:.3f}"),
        ("Overturned recall", f"{_pct(figures.overturned_recall)} of {figures.overturned_actual} in the letters"),
        ("Overturned precision", f"{_pct(figures.overturned_precision)} of {figures.overturned_predicted} predicted"),
        ("citation agree", f"{s.citation_agree}/{s.items}"),
        ("indeterminate", str(s.indeterminate)),
        ("leaning on rationale-only facts", str(s.leaning_on_rationale_facts)),
        ("rules", s.rules_version),
    ]
    for name, value in rows:
        table.add_row(name, value)
    return table


def _items_table(items: list[QAItem], width: int) -> Table:
    wide = width >= WIDE
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    # an id is printed whole on its line unless it is longer than a third of the width
    table.add_column("case", overflow="fold", min_width=min(max(len(i.case) for i in items), width // 3))
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("request", overflow="fold", ratio=3)
    table.add_column("predicted", no_wrap=True)
    table.add_column("letter", no_wrap=True)
    if wide:
        table.add_column("cite", no_wrap=True)
        table.add_column("deciding rule", overflow="fold", ratio=2)
    for i in items:
        extra = ("yes" if i.citation_match else "no", i.rules[0] if i.rules else "–") if wide else ()
        table.add_row(i.case, str(i.index + 1), i.request, i.predicted, i.actual, *extra)
    return table


def _rationales(item: QAItem) -> Table:
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column("who", no_wrap=True)
    table.add_column("rationale", overflow="fold")
    table.add_row("engine:", item.engine_rationale)
    table.add_row("reviewer:", item.reviewer_rationale)
    return table


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"
