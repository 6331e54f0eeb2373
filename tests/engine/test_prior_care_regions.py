"""Care tried on one body part is no prior care of another.

The guideline's prior-care criteria speak of the part treated: the physical medicine visit limits
(CPMTG p. 98-99: 9-10 visits, more only with functional improvement) count the course given to that
part; shoulder surgery follows an exercise program of the shoulder that failed (ACOEM Ch. 9
p. 209-211); a trigger finger is released after an injection of its tendon sheath did not help
(ACOEM Ch. 11 p. 271-272). A course whose region is unknown keeps counting, as before. The cases
are written for these tests; expected outcomes follow from those criteria.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scenarios import build_case, finding

from imr_engine.engine import Engine, load_engine
from imr_engine.engine.regions import RegionTest, split_courses, split_diagnoses
from imr_engine.facts.model import Diagnosis, Treatment
from imr_engine.requests import parse_request
from imr_engine.vocabulary import load_vocabulary


def _course(service: str, region: str | None, quote: str, *, sessions: int | None = None, kind: str = "physical_therapy",
            effect: str = "no_improvement") -> dict[str, Any]:
    return {"name": service.replace("_", " "), "kind": kind, "service": service, "region": region, "sessions": sessions,
            "effect": effect, "evidence": [{"quote": quote, "source": "summary"}]}


def _decisive(engine: Engine, requests: list[str], **sections: Any) -> tuple[str, list[str]]:
    item = engine.evaluate(build_case(requests, **sections)).items[0]
    return item.predicted, [r.rule_id for r in item.rules if r.decisive]


def _derived_by(engine: Engine, requests: list[str], **sections: Any) -> dict[str, str]:
    item = engine.evaluate(build_case(requests, **sections)).items[0]
    return {f.name: f.derived_by for r in item.rules for f in r.facts if f.derived_by}


@pytest.mark.parametrize(("region", "outcome"), [
    ("lumbar_spine", "Overturned"),   # 6 cervical visits: within 10, the lumbar course is another part's
    ("cervical_spine", "Upheld"),     # 12 + 6 cervical visits: beyond 10 without functional improvement
    (None, "Upheld"),                 # a course of no known region counts, as before
])
def test_a_course_counts_toward_visits_of_its_own_region(engine: Engine, region: str | None, outcome: str) -> None:
    pt = _course("physical_therapy", region, "physical therapy x 12 without improvement", sessions=12)
    predicted, _ = _decisive(engine, ["Physical therapy cervical spine x 6"], treatments=[pt])
    assert predicted == outcome


def test_the_trace_names_the_course_set_aside(engine: Engine) -> None:
    pt = _course("physical_therapy", "lumbar_spine", "PT to the lumbar spine x 12", sessions=12)
    notes = _derived_by(engine, ["Physical therapy cervical spine x 6"], treatments=[pt])
    said = [note for note in notes.values() if "set aside" in note]
    assert said and all("lumbar spine" in note and "cervical spine" in note for note in said)


_SHOULDER = "Right shoulder arthroscopy with rotator cuff repair"


@pytest.mark.parametrize(("region", "outcome"), [
    ("knee", "Upheld"),          # the knee's failed therapy is no exercise program of the shoulder
    ("shoulder", "Overturned"),  # a failed shoulder program and an imaged lesion: surgery is considered
    (None, "Overturned"),        # therapy of no known region still counts
])
def test_shoulder_surgery_needs_the_shoulders_own_failed_program(engine: Engine, region: str | None, outcome: str) -> None:
    told = {"knee": "PT for the right knee x 12 failed", "shoulder": "PT for the right shoulder x 12 failed",
            None: "PT x 12 failed"}[region]
    pt = _course("physical_therapy", region, told, sessions=12)
    clinical = {"diagnosis_confirmed_by_testing": finding("yes", "MRI: full-thickness supraspinatus tear"),
                "conservative_care_failed": finding("yes", told)}
    predicted, rules = _decisive(engine, [_SHOULDER], treatments=[pt], clinical=clinical)
    assert predicted == outcome
    if outcome == "Upheld":
        assert rules == ["acoem9.shoulder-surgery.no-lesion-or-no-exercise-trial"]


@pytest.mark.parametrize(("region", "told", "outcome"), [
    ("wrist", "carpal tunnel injection R wrist, no relief", "Upheld"),    # the wrist's injection is not the finger's
    ("hand", "cortisone injection R ring finger, no relief", "Overturned"),  # injected, not resolved: release
])
def test_a_tendon_release_follows_an_injection_of_that_part(engine: Engine, region: str, told: str, outcome: str) -> None:
    shot = _course("corticosteroid_injection", region, told, kind="injection")
    clinical = {"conservative_care_failed": finding("yes", told)}
    predicted, _ = _decisive(engine, ["Right ring finger trigger finger release"], treatments=[shot], clinical=clinical)
    assert predicted == outcome


def test_failed_care_told_of_another_part_is_set_aside_in_the_trace(engine: Engine) -> None:
    told = "PT for the right knee x 12 failed"
    clinical = {"conservative_care_failed": finding("yes", told)}
    _, _, derived = engine.derive(build_case([_SHOULDER], clinical=clinical))
    assert derived[0].values["conservative_care_failed"] == "unknown"
    assert derived[0].evidence["conservative_care_failed"] == []
    assert told in derived[0].how["conservative_care_failed"]


@pytest.mark.parametrize("told", ["failed conservative care", "PT for the right shoulder failed",
                                  "PT to the neck and shoulder failed"])
def test_failed_care_told_of_the_part_or_of_none_still_counts(engine: Engine, told: str) -> None:
    clinical = {"conservative_care_failed": finding("yes", told)}
    _, _, derived = engine.derive(build_case([_SHOULDER], clinical=clinical))
    assert derived[0].values["conservative_care_failed"] == "yes"
    assert "conservative_care_failed" not in derived[0].how


_PLANTAR = {"name": "plantar fasciitis, left foot", "body_regions": ["foot"],
            "evidence": [{"quote": "Plantar fasciitis, left foot", "source": "summary"}]}
_MENISCUS = {"name": "right knee medial meniscus tear", "body_regions": ["knee"],
             "evidence": [{"quote": "Right knee medial meniscus tear", "source": "summary"}]}


def test_a_line_naming_no_part_is_read_by_the_cases_only_region(engine: Engine) -> None:
    """A 'night splint' in a plantar fasciitis case is the foot's (ACOEM Ch. 14 p. 371), and the trace says why."""
    item = engine.evaluate(build_case(["Night splint"], diagnoses=[_PLANTAR])).items[0]
    assert item.predicted == "Overturned"
    facts = {f.name: f for r in item.rules for f in r.facts}
    assert facts["service"].value == "foot_night_splint"
    assert "assumed" in (facts["service"].derived_by or "")


def test_a_case_of_several_parts_keeps_the_lines_own_reading(engine: Engine) -> None:
    item = engine.evaluate(build_case(["Night splint"], diagnoses=[_PLANTAR, _MENISCUS])).items[0]
    facts = {f.name: f for r in item.rules for f in r.facts}
    assert facts["service"].value == "wrist_splint"


def test_the_line_names_the_part_before_the_case_does() -> None:
    vocab = load_vocabulary()
    assert parse_request("Brace", vocab, "knee").service == "knee_brace"
    assert parse_request("Brace", vocab, "knee").body_region == "knee"
    assert parse_request("Brace, left knee", vocab, "shoulder").service == "knee_brace"
    assert parse_request("Tramadol 50 mg #60", vocab, "knee") == parse_request("Tramadol 50 mg #60", vocab)
    assert parse_request("Brace", vocab).service == "orthosis_unspecified"


_REGIONS = list(load_vocabulary().body_regions)


@given(st.sampled_from(_REGIONS), st.sampled_from(_REGIONS))
def test_being_apart_is_symmetric_and_never_of_one_region(one: str, other: str) -> None:
    vocab = load_vocabulary()
    assert vocab.regions_apart(one, other) == vocab.regions_apart(other, one)
    assert not vocab.regions_apart(one, one)


@given(st.lists(st.sampled_from([*_REGIONS, None]), max_size=6), st.sampled_from([*_REGIONS, None]))
def test_unknown_regions_set_nothing_aside(regions: list[str | None], wanted: str | None) -> None:
    test = RegionTest(load_engine().vocabulary)
    courses = [Treatment(name="physical therapy", service="physical_therapy", region=r) for r in regions]
    kept, aside = split_courses(courses, wanted, test)
    assert len(kept) + len(aside) == len(courses)
    assert all(t.region is not None and wanted is not None and t.region != wanted for t in aside)
    assert all(t in kept for t in courses if t.region is None)
    if wanted is None:
        assert aside == []


_KNEE_SCOPE = [{"name": "right knee arthroscopy, partial medial meniscectomy", "body_region": "knee", "date": "2015-04-15",
                "evidence": [{"quote": "s/p right knee arthroscopy, partial medial meniscectomy 4/15/2015",
                              "source": "summary"}]}]


def test_another_parts_operation_sets_no_postsurgical_course(engine: Engine) -> None:
    """Six weeks after a knee arthroscopy, lumbar PT is judged by the Chronic Pain limits (CPMTG p. 98-99: 8 visits
    are within 9-10), not by the knee's postsurgical course (8 CCR 9792.24.3)."""
    item = engine.evaluate(build_case(["Physical therapy lumbar spine x 8"], surgeries=_KNEE_SCOPE)).items[0]
    assert item.predicted == "Overturned"
    assert [r.rule_id for r in item.rules if r.decisive] == ["cpmtg.physical-medicine.within-guideline"]
    _, _, derived = engine.derive(build_case(["Physical therapy lumbar spine x 8"], surgeries=_KNEE_SCOPE))
    assert derived[0].values["postsurgical_period"] == "unknown"
    assert "knee" in derived[0].how["postsurgical_period"] and "lumbar spine" in derived[0].how["postsurgical_period"]


def test_the_operated_parts_therapy_keeps_its_postsurgical_course(engine: Engine) -> None:
    item = engine.evaluate(build_case(["Physical therapy right knee x 8"], surgeries=_KNEE_SCOPE)).items[0]
    assert any(r.rule_id.startswith("postsurgical.") for r in item.rules if r.decisive)


def _dx(name: str, *regions: str) -> dict[str, Any]:
    return {"name": name, "body_regions": list(regions), "evidence": [{"quote": name, "source": "summary"}]}


@pytest.mark.parametrize(("diagnoses", "outcome"), [
    ([_dx("left ankle fracture", "ankle"), _dx("right wrist sprain", "wrist")], "Upheld"),  # another part's fracture
    ([_dx("right distal radius fracture", "wrist")], "Overturned"),   # the filmed part's own fracture
    ([_dx("right scaphoid fracture", "hand")], "Overturned"),         # the wrist and hand are one chapter (ACOEM Ch. 11)
    ([_dx("fracture")], "Overturned"),                                # a fracture of no named part counts everywhere
])
def test_a_fracture_speaks_for_films_of_its_own_part(engine: Engine, diagnoses: list[dict[str, Any]], outcome: str) -> None:
    predicted, _ = _decisive(engine, ["X-ray right wrist 3 views"], diagnoses=diagnoses)
    assert predicted == outcome


def test_the_trace_names_the_diagnosis_set_aside(engine: Engine) -> None:
    diagnoses = [_dx("left ankle fracture", "ankle"), _dx("right wrist sprain", "wrist")]
    notes = _derived_by(engine, ["X-ray right wrist 3 views"], diagnoses=diagnoses)
    assert "ankle fracture (ankle)" in notes.get("diagnosis_groups", "")


_PARTS = ["lumbar_spine", "cervical_spine", "shoulder", "elbow", "wrist", "hand", "knee", "ankle", "foot"]


@given(st.lists(st.sampled_from([*_PARTS, None]), max_size=6), st.sampled_from(_PARTS))
def test_split_diagnoses_keeps_every_diagnosis_once(parts: list[str | None], region: str) -> None:
    test = RegionTest(load_engine().vocabulary)
    diagnoses = [Diagnosis(name=f"dx {i}", body_regions=[p] if p else []) for i, p in enumerate(parts)]
    kept, aside = split_diagnoses(diagnoses, region, test)
    assert sorted(d.name for d in kept + aside) == sorted(d.name for d in diagnoses)
    assert all(d.body_regions and region not in d.body_regions for d in aside)  # a part's own or unnamed one is kept
