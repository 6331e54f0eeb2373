"""Agreement figures against values worked by hand from their textbook definitions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imr_engine.qa.agreement import OVERTURNED, UPHELD, agreement, cohen_kappa, wilson

U, OV, IND = UPHELD, OVERTURNED, "Indeterminate"


def test_always_upheld_matches_the_majority_baseline_and_has_zero_kappa() -> None:
    pairs = [(U, U)] * 9 + [(U, OV)]
    a = agreement(pairs)
    assert a.agreement == 0.9 and a.majority_baseline == 0.9 and a.majority_outcome == U
    assert a.kappa == 0.0
    assert a.overturned_recall == 0.0 and a.overturned_precision is None


def test_kappa_of_a_worked_two_by_two_table() -> None:
    # actual U: 20 predicted U, 5 predicted O; actual O: 10 predicted U, 15 predicted O.
    # po = 35/50 = 0.7; pe = (25*30 + 25*20)/2500 = 0.5; kappa = 0.2/0.5 = 0.4
    pairs = [(U, U)] * 20 + [(OV, U)] * 5 + [(U, OV)] * 10 + [(OV, OV)] * 15
    assert cohen_kappa(pairs) == 0.4
    a = agreement(pairs)
    assert a.overturned_recall == 0.6 and a.overturned_precision == 0.75
    assert a.confusion == {OV: {OV: 15, U: 10}, U: {OV: 5, U: 20}}


def test_indeterminate_is_counted_and_never_agrees() -> None:
    a = agreement([(IND, U), (U, U)])
    assert a.indeterminate == 1 and a.agree == 1


def test_wilson_interval_of_a_known_case() -> None:
    # 8 of 10: Wilson 95 % interval is about (0.490, 0.943).
    low, high = wilson(8, 10)  # type: ignore[misc]
    assert low == pytest.approx(0.4902, abs=1e-3) and high == pytest.approx(0.9433, abs=1e-3)
    assert wilson(0, 0) is None


@given(st.lists(st.tuples(st.sampled_from([U, OV, IND]), st.sampled_from([U, OV])), min_size=1, max_size=60))
def test_figures_stay_in_range(pairs: list[tuple[str, str]]) -> None:
    a = agreement(pairs)
    assert 0.0 <= a.agreement <= 1.0  # type: ignore[operator]
    assert a.majority_baseline >= 0.5  # two actual outcomes: the commonest is at least half  # type: ignore[operator]
    assert a.kappa is None or -1.0 <= a.kappa <= 1.0
    ci = a.agreement_ci95
    assert ci is not None and ci[0] <= a.agreement <= ci[1]  # type: ignore[operator]
