"""The QA report's charts: matplotlib drawn to SVG, inlined in the page.

Inline SVG needs no script and no network, prints well and scales. The SVG is made
byte-stable (fixed id salt, no date) and stripped of its XML prologue, namespace URIs
and metadata, so the report holds no `http://` string at all and the same figures always
give the same bytes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from .agreement import Agreement
from .breakdown import Group

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Groups charted per breakdown (the most items first); the page's tables list them all.
MAX_BARS = 25

_AGREE, _BASELINE, _MISS = "#2f6f9f", "#c0392b", "#d5dde5"
_STYLE = {
    "svg.hashsalt": "imr-qa-report",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_PROLOGUE = re.compile(r"\A.*?(?=<svg)", re.DOTALL)
_NAMESPACES = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)


def _pyplot() -> ModuleType:
    """pyplot on the file-only backend, imported on first use (it costs half a second)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    return pyplot


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    _pyplot().close(figure)
    text = _METADATA.sub("", _PROLOGUE.sub("", buffer.getvalue()))
    # inline SVG in HTML needs no namespaces; they are the only URIs matplotlib writes
    return _NAMESPACES.sub("", text, count=0)


def confusion_chart(figures: Agreement) -> str:
    """Actual (rows) against predicted (columns) outcomes as a shaded, counted grid."""
    plt = _pyplot()
    labels = sorted({a for a in figures.confusion} | {p for row in figures.confusion.values() for p in row})
    grid = [[figures.confusion.get(a, {}).get(p, 0) for p in labels] for a in labels]
    with plt.rc_context(_STYLE):
        fig, ax = plt.subplots(figsize=(1.6 + 1.3 * len(labels), 1.0 + 0.8 * len(labels)))
        peak = max((n for row in grid for n in row), default=0) or 1
        ax.imshow(grid, cmap="Blues", vmin=0, vmax=peak * 1.15)
        ax.set_xticks(range(len(labels)), labels)
        ax.set_yticks(range(len(labels)), labels)
        ax.set_xlabel("predicted")
        ax.set_ylabel("letter (actual)")
        for r, row in enumerate(grid):
            for c, n in enumerate(row):
                ax.text(c, r, str(n), ha="center", va="center", color="white" if n > peak * 0.6 else "black")
        ax.spines[:].set_visible(False)
        return _svg(fig)


def agreement_chart(groups: Sequence[Group], what: str) -> str:
    """Agreement per group with its 95 % interval, beside always answering the group's commonest outcome."""
    plt = _pyplot()
    shown = list(groups[:MAX_BARS])
    names = [f"{g.key}  (n={g.figures.items})" for g in shown]
    values = [g.figures.agreement or 0.0 for g in shown]
    low = [v - (g.figures.agreement_ci95 or (v, v))[0] for v, g in zip(values, shown)]
    high = [(g.figures.agreement_ci95 or (v, v))[1] - v for v, g in zip(values, shown)]
    with plt.rc_context(_STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 0.9 + 0.3 * max(1, len(shown))))
        rows = range(len(shown))
        ax.barh(rows, [1.0] * len(shown), color=_MISS, height=0.7)
        ax.barh(rows, values, xerr=[low, high], color=_AGREE, height=0.7, ecolor="#333333", capsize=2,
                label="agreement (95 % interval)")
        baselines = [g.figures.majority_baseline for g in shown]
        ax.scatter([b for b in baselines if b is not None], [r for r, b in zip(rows, baselines) if b is not None],
                   marker="|", s=160, color=_BASELINE, zorder=3, label="always the commonest outcome")
        ax.set_yticks(list(rows), names)
        ax.invert_yaxis()
        ax.set_xlim(0, 1.0)
        ax.set_xlabel(f"share of items where the prediction agrees with the letter, by {what}")
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False)
        return _svg(fig)


def count_chart(counts: dict[str, int], what: str) -> str:
    """Items per reason (e.g. why citations differ), as horizontal bars."""
    plt = _pyplot()
    names = list(counts)
    with plt.rc_context(_STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 0.8 + 0.3 * max(1, len(names))))
        bars = ax.barh(range(len(names)), list(counts.values()), color=_AGREE, height=0.7)
        ax.bar_label(bars, padding=3)
        ax.set_yticks(range(len(names)), names)
        ax.invert_yaxis()
        ax.set_xlabel(what)
        return _svg(fig)
