"""The facts added for guideline coverage, derived from case facts as the criteria need them."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st
from scenarios import build_case, finding, on_drug

from imr_engine.engine import Engine
from imr_engine.engine.derive import count_levels, derive_items
from imr_engine.facts import CaseFacts

AS_OF = dt.date(2015, 6, 1)


def facts(engine: Engine, case: CaseFacts, index: int = 0):
    items = engine._requested_items(case)  # the parse evaluation itself uses
    return derive_items(case, items, AS_OF, engine.vocabulary)[index].facts


def test_levels_count_segments_not_strings() -> None:
    # ESI p. 46 limits nerve-root levels: a range L3-L5 spans two of them.
    assert count_levels(["L4-L5"]) == 1
    assert count_levels(["L3-L5"]) == 2
    assert count_levels(["L5-S1"]) == 1
    assert count_levels(["L3-L4", "L4-L5", "L5-S1"]) == 3
    assert count_levels(["C5-C6"]) == 1
    assert count_levels(["L4"]) == 1


SEGMENTS = [f"L{i}" for i in range(1, 6)] + ["S1"]


@given(st.integers(0, 4), st.integers(1, 5))
def test_a_range_counts_as_its_adjacent_pairs(start: int, span: int) -> None:
    end = min(start + span, len(SEGMENTS) - 1)
    if end == start:
        return
    pairs = [f"{SEGMENTS[i]}-{SEGMENTS[i + 1]}" for i in range(start, end)]
    assert count_levels([f"{SEGMENTS[start]}-{SEGMENTS[end]}"]) == count_levels(pairs) == end - start


def test_levels_place_a_procedure_in_its_spinal_region(engine: Engine) -> None:
    f = facts(engine, build_case(["L4-5 transforaminal ESI"]))
    assert f.target_regions == ["lumbar_spine"] and f.levels_requested == 1 and f.approach == "transforaminal"
    assert facts(engine, build_case(["C5-6 interlaminar ESI"])).approach == "interlaminar"


def test_without_a_region_in_the_request_the_diagnoses_say_where(engine: Engine) -> None:
    case = build_case(["Voltaren gel 1% 100gm"], diagnoses=[
        {"name": "knee osteoarthritis", "body_regions": ["knee"], "evidence": [{"quote": "knee OA"}]}])
    f = facts(engine, case)
    assert f.target_regions == ["knee"] and f.diagnosis_groups == ["osteoarthritis"] and f.route == "topical"


def test_gi_risk_follows_the_cpmtg_risk_factors(engine: Engine) -> None:
    # CPMTG p. 68: age > 65; aspirin, corticosteroids or anticoagulants.
    assert facts(engine, build_case(["Prilosec 20mg #30"], claimant={"age": 70})).gi_risk == "yes"
    assert facts(engine, build_case(["Prilosec 20mg #30"], medications=[on_drug("Coumadin")])).gi_risk == "yes"
    assert facts(engine, build_case(["Prilosec 20mg #30"], claimant={"age": 40},
                                    clinical={"gi_risk_factors": finding("no")})).gi_risk == "no"
    assert facts(engine, build_case(["Prilosec 20mg #30"])).gi_risk == "unknown"


def test_prior_courses_give_relief_sessions_and_totals(engine: Engine) -> None:
    case = build_case(["physical therapy 2x4", "L4-5 transforaminal ESI"], treatments=[
        {"name": "PT", "sessions": 6, "functional_improvement": "no", "evidence": [{"quote": "6 PT visits"}]},
        {"name": "lumbar ESI", "service": "epidural_steroid_injection", "relief_percent": 60, "relief_weeks": 8,
         "medication_reduction": "yes", "evidence": [{"quote": "60% relief for 8 weeks"}]},
    ])
    pt, esi = facts(engine, case, 0), facts(engine, case, 1)
    assert pt.prior_sessions == 6 and pt.sessions_total_at_least == 14
    assert pt.prior_sessions_functional_improvement == "no"
    assert pt.failed_services == ["physical_therapy"]
    assert sorted(pt.tried_services) == ["epidural_steroid_injection", "physical_therapy"]
    assert (esi.prior_relief_percent, esi.prior_relief_weeks, esi.prior_medication_reduction) == (60, 8, "yes")


def test_drug_screens_are_counted_over_the_past_year(engine: Engine) -> None:
    screens = [{"date": d, "consistent": "yes", "evidence": [{"quote": "UDS"}]}
               for d in ("2014-03-01", "2014-09-01", "2015-04-01")]
    case = build_case(["Urine drug screen"], monitoring={"urine_drug_screens": screens,
                                                          "misuse_risk": {"value": "moderate"}})
    f = facts(engine, case)
    assert f.drug_screens_past_year == 2 and f.misuse_risk == "moderate"
    assert facts(engine, build_case(["Urine drug screen"])).drug_screens_past_year is None


def test_trial_purchase_duration_and_hours_come_from_the_request(engine: Engine) -> None:
    tens = facts(engine, build_case(["TENS unit 30 day trial"]))
    assert (tens.trial, tens.duration_days, tens.acquisition) == ("yes", 30, "unknown")
    assert facts(engine, build_case(["TENS unit purchase"])).acquisition == "purchase"
    assert facts(engine, build_case(["functional restoration program x 80 hours"])).hours_requested == 80


def test_surgery_date_and_prior_imaging(engine: Engine) -> None:
    case = build_case(["MRI lumbar spine without contrast"],
                      surgeries=[{"name": "knee arthroscopy", "date": "2015-05-28", "evidence": [{"quote": "op"}]}],
                      imaging=[{"modality": "MRI", "body_region": "lumbar_spine", "evidence": [{"quote": "MRI"}]}])
    f = facts(engine, case)
    assert f.days_since_surgery == 4 and f.prior_imaging_same_region == "yes"


def test_the_new_case_fields_are_optional_and_unknown_by_default() -> None:
    case = build_case(["Norco 10/325 #60"])
    assert case.clinical.dyspepsia.value == "unknown"
    assert case.exam.trigger_point_twitch_response.value == "unknown"
    assert case.monitoring.misuse_risk.value == "unknown"
    assert case.requests[0].maintenance == "unknown"
    schema = CaseFacts.model_json_schema()
    assert "relief_percent" in schema["$defs"]["Treatment"]["properties"]


def test_a_study_the_request_calls_a_repeat_was_done_before(engine: Engine) -> None:
    # ODG Low Back and Neck chapters: repeat MRI is reserved for a significant change; a request line that
    # itself says the study is a repeat tells that the region was already studied, whatever the record names.
    for line in ("Repeat lumbar MRI", "MRI cervical spine w/o contrast (repeat)", "Third MRI of the lumbosacral spine",
                 "Repeat EMG/NCS bilateral upper extremities", "Lumbar MRI, second study",
                 "Updated lumbar MRI", "Another MRI of the right shoulder"):
        assert facts(engine, build_case([line])).prior_imaging_same_region == "yes", line
    for line in ("Lumbar MRI", "MRI of the cervical spine without contrast", "EMG/NCS bilateral lower extremities",
                 "Repeat L4-5 transforaminal epidural steroid injection"):
        assert facts(engine, build_case([line])).prior_imaging_same_region == "unknown", line
