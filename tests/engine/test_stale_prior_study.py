"""An earlier study older than the assumed interval no longer makes a request a repeat (thresholds.yaml, imaging).

The ODG reserves repeat MRI for a significant change in symptoms or findings and gives no interval after which an
earlier study no longer answers the question; the rule book assumes two years and says so in the trace. The
expected values follow that stated assumption, not the code.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from scenarios import build_case, finding

from imr_engine.engine.derive import derive_items
from imr_engine.engine.terminology import VocabularyTerminology
from imr_engine.requests import parse_request
from imr_engine.vocabulary import load_vocabulary

VOCAB = load_vocabulary()
TERMS = VocabularyTerminology(VOCAB)
AS_OF = dt.date(2015, 6, 1)
REQUEST = "Repeat MRI lumbar spine without contrast"


def _study(date: str | None, region: str = "lumbar_spine", modality: str = "mri") -> dict[str, Any]:
    return {"modality": modality, "body_region": region, "date": date, "evidence": [{"quote": f"MRI {date}", "source": "summary"}]}


def _derived(studies: list[dict[str, Any]], request: str = REQUEST, **sections: Any) -> tuple[dict[str, Any], dict[str, str]]:
    case = build_case([request], imaging=studies, **sections)
    derived = derive_items(case, [parse_request(request, VOCAB)], AS_OF, TERMS)[0]
    return derived.values, derived.how


@pytest.mark.parametrize("date", ["2014-10-01", "2013-07", "2013-06-15"])
def test_a_study_within_two_years_makes_a_repeat(date: str) -> None:
    values, how = _derived([_study(date)])
    assert values["prior_imaging_same_region"] == "yes"
    assert "prior_imaging_same_region" not in how


@pytest.mark.parametrize("date", ["2012-05-01", "2011", "2013-05-15"])
def test_an_older_study_is_set_aside_and_the_assumption_named(date: str) -> None:
    values, how = _derived([_study(date)])
    assert values.get("prior_imaging_same_region", "unknown") != "yes"
    note = how["prior_imaging_same_region"]
    assert "assumed" in note and date in note


def test_an_undated_study_keeps_counting() -> None:
    values, _ = _derived([_study(None)])
    assert values["prior_imaging_same_region"] == "yes"


def test_one_recent_study_among_old_ones_counts() -> None:
    values, how = _derived([_study("2011-01-01"), _study("2015-01-10")])
    assert values["prior_imaging_same_region"] == "yes"
    assert "prior_imaging_same_region" not in how


def test_another_regions_study_is_no_prior_study() -> None:
    values, how = _derived([_study("2015-01-10", region="cervical_spine")], request="MRI lumbar spine")
    assert values.get("prior_imaging_same_region", "unknown") != "yes"
    assert "prior_imaging_same_region" not in how


def test_an_older_study_documented_as_unchanged_still_counts() -> None:
    """The criterion is a change since the study: a record saying nothing changed keeps it, whatever its age."""
    values, how = _derived([_study("2011-05-01")], clinical={"symptoms_changed": finding("no", "no change since the 2011 MRI")})
    assert values["prior_imaging_same_region"] == "yes"
    assert "prior_imaging_same_region" not in how
