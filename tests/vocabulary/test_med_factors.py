"""Morphine-equivalent factors: the CDC 2016 values, methadone's tiers, and the deliberate gaps."""

from __future__ import annotations

import pytest

from imr_engine.vocabulary import load_vocabulary

VOCAB = load_vocabulary()

CDC_2016 = {
    "codeine": 0.15,
    "hydrocodone": 1,
    "hydromorphone": 4,
    "morphine": 1,
    "oxycodone": 1.5,
    "oxymorphone": 3,
    "tapentadol": 0.4,
    "tramadol": 0.1,
}


@pytest.mark.parametrize(("ingredient", "factor"), sorted(CDC_2016.items()))
def test_cdc_factor(ingredient: str, factor: float) -> None:
    assert VOCAB.med_factor(ingredient) == factor
    assert VOCAB.med_factor(ingredient, daily_mg=40, route="oral") == factor


@pytest.mark.parametrize(
    ("daily_mg", "factor"),
    [
        (1, 4),
        (10, 4),
        (20, 4),
        (20.5, 8),
        (21, 8),
        (40, 8),
        (41, 10),
        (60, 10),
        (61, 12),
        (80, 12),
        (81, 12),
        (200, 12),
    ],
)
def test_methadone_tiers(daily_mg: float, factor: float) -> None:
    """CDC: 4 (1-20 mg/day), 8 (21-40), 10 (41-60), 12 (61-80); the last tier is open-ended (> 60: 12)."""
    assert VOCAB.med_factor("methadone", daily_mg=daily_mg) == factor


def test_methadone_without_a_dose_has_no_factor() -> None:
    assert VOCAB.med_factor("methadone") is None


def test_fentanyl_transdermal_per_mcg_per_hour() -> None:
    assert VOCAB.med_factor("fentanyl") == 2.4
    assert VOCAB.med_factor("fentanyl", route="transdermal") == 2.4
    assert VOCAB.med_factor("fentanyl", route="oral") is None


def test_no_factor_on_purpose() -> None:
    assert VOCAB.med_factor("buprenorphine") is None  # partial agonist: no CDC factor for pain formulations
    assert VOCAB.ingredients["buprenorphine"].med_note
    assert VOCAB.med_factor("propoxyphene") is None  # withdrawn 2010
    assert VOCAB.med_factor("carisoprodol") is None  # not an opioid


def test_synonyms_and_case_are_accepted() -> None:
    assert VOCAB.med_factor("Morphine Sulfate") == 1
    assert VOCAB.med_factor("APAP") is None


def test_unknown_ingredient_is_a_caller_error() -> None:
    with pytest.raises(KeyError, match="did you mean 'oxycodone'"):
        VOCAB.med_factor("oxycodon")


def test_negative_dose_is_refused() -> None:
    with pytest.raises(ValueError):
        VOCAB.med_factor("methadone", daily_mg=-1)
