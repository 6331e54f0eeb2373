"""Agreement figures that cannot flatter: each beside the baseline of always answering the commonest outcome.

IMR upholds most denials, so raw agreement says little by itself: a program that answers
"Upheld" to everything agrees on ~90 % of real items. These figures put every agreement
next to that baseline, with Cohen's kappa (agreement beyond chance) and the recall and
precision of the rarer, more useful answer: Overturned (medically necessary).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

UPHELD, OVERTURNED, INDETERMINATE = "Upheld", "Overturned", "Indeterminate"


class Agreement(BaseModel):
    """Predicted against actual outcomes over a set of items."""

    model_config = ConfigDict(extra="forbid")

    items: int
    agree: int
    agreement: float | None = Field(description="Share of items where predicted == actual.")
    agreement_ci95: tuple[float, float] | None = Field(description="Wilson 95 % interval of the agreement.")
    majority_outcome: str | None = Field(description="The commonest actual outcome.")
    majority_baseline: float | None = Field(description="Agreement of always predicting the commonest actual outcome.")
    kappa: float | None = Field(description="Cohen's kappa of predicted vs actual (Indeterminate counts as its own answer).")
    overturned_actual: int
    overturned_predicted: int
    overturned_recall: float | None = Field(description="Actual Overturned items predicted Overturned.")
    overturned_precision: float | None = Field(description="Predicted Overturned items actually Overturned.")
    indeterminate: int = Field(description="Items predicted Indeterminate.")
    confusion: dict[str, dict[str, int]] = Field(description="actual -> predicted -> count.")


def agreement(pairs: Iterable[tuple[str, str]]) -> Agreement:
    """Figures for (predicted, actual) outcome pairs."""
    pairs = list(pairs)
    n = len(pairs)
    agree = sum(p == a for p, a in pairs)
    actual = Counter(a for _, a in pairs)
    predicted = Counter(p for p, _ in pairs)
    majority, majority_count = (sorted(actual.items(), key=lambda kv: (-kv[1], kv[0]))[0] if actual else (None, 0))
    hits = sum(p == a == OVERTURNED for p, a in pairs)
    confusion: dict[str, dict[str, int]] = {}
    for p, a in sorted(pairs, key=lambda pa: (pa[1], pa[0])):
        confusion.setdefault(a, {}).setdefault(p, 0)
        confusion[a][p] += 1
    return Agreement(
        items=n,
        agree=agree,
        agreement=_ratio(agree, n),
        agreement_ci95=wilson(agree, n),
        majority_outcome=majority,
        majority_baseline=_ratio(majority_count, n),
        kappa=cohen_kappa(pairs),
        overturned_actual=actual[OVERTURNED],
        overturned_predicted=predicted[OVERTURNED],
        overturned_recall=_ratio(hits, actual[OVERTURNED]),
        overturned_precision=_ratio(hits, predicted[OVERTURNED]),
        indeterminate=predicted[INDETERMINATE],
        confusion=confusion,
    )


def cohen_kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa; None when undefined (no items, or chance agreement is already total)."""
    n = len(pairs)
    if not n:
        return None
    observed = sum(p == a for p, a in pairs) / n
    actual = Counter(a for _, a in pairs)
    predicted = Counter(p for p, _ in pairs)
    expected = sum(actual[k] * predicted[k] for k in actual) / (n * n)
    if expected >= 1.0:
        return None
    return round((observed - expected) / (1.0 - expected), 4)


def wilson(successes: int, n: int, z: float = 1.959963984540054) -> tuple[float, float] | None:
    """The Wilson score interval of a proportion (95 % by default); None for no trials."""
    if n <= 0:
        return None
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None
