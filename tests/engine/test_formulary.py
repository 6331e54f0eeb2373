"""The MTUS Drug Formulary from 2018-01-01: status, list version, prospective review, fills.

Expected answers come from the regulation: 8 CCR 9792.27.12 (Special Fill: the single initial
visit within 7 days of injury, the day after the injury being day one, no more than the listed
days' supply), 9792.27.13 (Perioperative Fill: 4 days before to 4 days after surgery, surgery
day zero), 9792.27.9 (a compounded drug always needs prospective review), and the statuses the
public sources in rules/vocabulary/formulary.yaml state (every opioid Non-Exempt with a 4-day
Special Fill; gabapentin Non-Exempt; betamethasone Special Fill from the list of 2018-05-15).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.engine import Engine
from imr_engine.facts import CaseFacts
from imr_engine.formulary import Formulary
from imr_engine.formulary.model import FormularyFile
from imr_engine.requests import parse_request
from imr_engine.resources import default_rules_dir
from imr_engine.vocabulary import load_vocabulary

INJURY = "2019-03-01"
VOCAB = load_vocabulary(default_rules_dir() / "vocabulary")


def _case(requests: list[str], as_of: str, injury: str | None = INJURY, surgery: str | None = None,
          purpose: str = "unknown") -> CaseFacts:
    data: dict[str, Any] = {
        "case_id": "formulary-probe", "as_of": as_of,
        "requests": [{"text": r, "purpose": purpose} for r in requests],
    }
    if injury:
        data["date_of_injury"] = {"date": injury}
    if surgery:
        data["surgeries"] = [{"name": "lumbar discectomy", "date": surgery}]
    return CaseFacts.model_validate(data)


def _first(engine: Engine, request: str, as_of: str, **kw: Any) -> Any:
    return engine.evaluate(_case([request], as_of, **kw)).items[0].formulary


def test_no_formulary_answer_before_2018(engine: Engine) -> None:
    assert _first(engine, "Norco 10/325 #12 1 tab q6h prn", "2017-12-31") is None
    assert _first(engine, "Norco 10/325 #12 1 tab q6h prn", "2018-01-01", injury="2017-12-30") is not None


def test_an_opioid_first_filled_within_seven_days_for_three_days_skips_prospective_review(engine: Engine) -> None:
    answer = _first(engine, "Norco 10/325 #12 1 tab q6h prn", "2019-03-04")  # day 3, 12 tablets / 4 a day
    assert answer.status == "non_exempt" and answer.special_fill.applies is True
    assert answer.special_fill.days_allowed == 4 and answer.prospective_review is False


@pytest.mark.parametrize(("as_of", "applies"), [("2019-03-01", True), ("2019-03-08", True), ("2019-03-09", False)])
def test_special_fill_covers_the_initial_visit_through_day_seven(engine: Engine, as_of: str, applies: bool) -> None:
    answer = _first(engine, "Norco 10/325 #12 1 tab q6h prn", as_of)
    assert answer.special_fill.applies is applies
    assert answer.prospective_review is (not applies)


def test_special_fill_does_not_cover_more_than_the_listed_supply(engine: Engine) -> None:
    answer = _first(engine, "Norco 10/325 #20 1 tab q6h prn", "2019-03-04")  # 5 days
    assert answer.special_fill.applies is False and "exceeds the 4 days" in answer.special_fill.reason
    assert answer.prospective_review is True


def test_special_fill_is_a_first_fill_not_a_continued_drug(engine: Engine) -> None:
    answer = _first(engine, "Norco 10/325 #12 1 tab q6h prn", "2019-03-04", purpose="continue")
    assert answer.special_fill.applies is False and answer.prospective_review is True


def test_an_opioid_months_after_injury_needs_prospective_review(engine: Engine) -> None:
    answer = _first(engine, "Percocet 10/325 #120 1 tab qid", "2021-06-01")
    assert answer.status == "non_exempt" and answer.prospective_review is True
    assert answer.list_version == "v6 2020-01-15"


def test_a_compounded_topical_always_needs_prospective_review(engine: Engine) -> None:
    answer = _first(engine, "Flurbiprofen 20%/Cyclobenzaprine 4% cream 120g", "2019-03-04")
    assert answer.compounded is True and answer.prospective_review is True


def test_a_drug_whose_status_was_not_read_is_unknown_not_guessed(engine: Engine) -> None:
    answer = _first(engine, "Naproxen 550mg #60 bid", "2019-06-01")
    assert answer.status == "unknown" and answer.prospective_review is None


def test_gabapentin_is_non_exempt_and_its_fill_flags_were_not_read(engine: Engine) -> None:
    later = _first(engine, "Gabapentin 300mg #90 tid", "2019-06-01")
    assert later.status == "non_exempt" and later.prospective_review is True
    early = _first(engine, "Gabapentin 300mg #9 tid", "2019-03-03")  # inside the Special Fill window
    assert early.special_fill.applies is None and early.prospective_review is None


def test_the_status_follows_the_list_version_of_the_date(engine: Engine) -> None:
    assert _first(engine, "Betamethasone 0.6mg #4 1 tab daily", "2018-05-14", injury="2018-05-12").status == "unknown"
    answer = _first(engine, "Betamethasone 0.6mg #4 1 tab daily", "2018-05-16", injury="2018-05-14")
    assert answer.status == "non_exempt" and answer.list_version == "2018-05-15"
    assert answer.special_fill.applies is True and answer.prospective_review is False


def test_services_carry_no_formulary_answer(engine: Engine) -> None:
    assert _first(engine, "Physical therapy 2x6 lumbar", "2019-06-01") is None


# --- Perioperative Fill: the bundled list as read flags no drug, so a list with one flag ----------

def _with_perioperative_opioids(days: int) -> Formulary:
    data = yaml.safe_load((default_rules_dir() / "vocabulary" / "formulary.yaml").read_text(encoding="utf-8"))
    data["classes"]["opioid"]["perioperative_fill_days"] = days
    return Formulary(FormularyFile.model_validate(data))


@pytest.mark.parametrize(("dispensed", "applies"), [
    ("2019-05-05", False), ("2019-05-06", True), ("2019-05-10", True), ("2019-05-14", True), ("2019-05-15", False),
])
def test_perioperative_fill_covers_four_days_either_side_of_surgery(dispensed: str, applies: bool) -> None:
    formulary = _with_perioperative_opioids(4)
    request = "Norco 10/325 #16 1 tab q6h prn"  # 4 days
    case = _case([request], dispensed, injury="2018-11-01", surgery="2019-05-10")
    answer = formulary.answer(case, 0, parse_request(request, VOCAB), dt.date.fromisoformat(dispensed))
    assert answer is not None and answer.perioperative_fill.applies is applies
    assert answer.prospective_review is (not applies)


def test_perioperative_fill_does_not_cover_more_than_the_listed_supply() -> None:
    formulary = _with_perioperative_opioids(4)
    request = "Norco 10/325 #40 1 tab q6h prn"  # 10 days
    case = _case([request], "2019-05-11", injury="2018-11-01", surgery="2019-05-10")
    answer = formulary.answer(case, 0, parse_request(request, VOCAB), dt.date(2019, 5, 11))
    assert answer is not None and answer.perioperative_fill.applies is False and answer.prospective_review is True


def test_the_bundled_list_does_not_claim_a_perioperative_flag_it_has_not_read(engine: Engine) -> None:
    answer = _first(engine, "Norco 10/325 #16 1 tab q6h prn", "2019-05-11", injury="2018-11-01", surgery="2019-05-10")
    assert answer.perioperative_fill.applies is None and answer.prospective_review is None


@settings(max_examples=30, deadline=None)
@given(st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2030, 12, 31)),
       st.sampled_from(["Norco 10/325 #60 1 tab q6h", "Gabapentin 600mg #90 tid", "Naproxen 550mg #60 bid",
                        "Soma 350mg #60", "Lidoderm 5% patch #30", "Ketoprofen 10%/Lidocaine 5% compound cream"]))
def test_every_drug_request_from_2018_has_a_formulary_answer(engine: Engine, day: dt.date, request: str) -> None:
    item = engine.evaluate(_case([request], day.isoformat(), injury="2016-01-01")).items[0]
    answer = item.formulary
    assert answer is not None and answer.status in ("exempt", "non_exempt", "unlisted", "unknown")
    assert answer.list_date <= day and answer.list_version
    if answer.status in ("non_exempt", "unlisted") or answer.compounded:
        assert answer.prospective_review is True  # years after the injury: no fill policy applies
