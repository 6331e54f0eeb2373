"""Visit and level limits as properties: every count on either side of the guideline's number.

Physical medicine allows 8-10 visits for myalgia, neuritis and radiculitis (CPMTG p. 99); a
manipulation trial is 6 visits (p. 58); an acupuncture trial 3-6 treatments (9792.24.1(c)(1));
an initial psychotherapy trial 3-4 visits (p. 23); ESIs at no more than two levels (p. 46).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scenarios import build_case, finding

from imr_engine.engine import Engine

LOW_BACK = [{"name": "lumbar strain", "body_regions": ["lumbar_spine"], "evidence": [{"quote": "lumbar strain"}]}]
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def predict(engine: Engine, line: str, **sections: object) -> str:
    return engine.evaluate(build_case([line], diagnoses=LOW_BACK, **sections)).items[0].predicted


@SETTINGS
@given(st.integers(1, 30))
def test_physical_therapy_first_course_is_decided_by_the_ten_visit_limit(engine: Engine, visits: int) -> None:
    expected = "Overturned" if visits <= 10 else "Upheld"
    assert predict(engine, f"Physical therapy x {visits} visits") == expected


@SETTINGS
@given(st.integers(1, 20))
def test_chiropractic_trial_is_six_visits(engine: Engine, visits: int) -> None:
    expected = "Overturned" if visits <= 6 else "Upheld"
    assert predict(engine, f"Chiropractic x {visits}") == expected


@SETTINGS
@given(st.integers(1, 20))
def test_acupuncture_trial_is_six_treatments(engine: Engine, visits: int) -> None:
    expected = "Overturned" if visits <= 6 else "Upheld"
    assert predict(engine, f"Acupuncture x {visits} sessions") == expected


@SETTINGS
@given(st.integers(1, 12))
def test_psychotherapy_trial_is_four_visits(engine: Engine, visits: int) -> None:
    expected = "Overturned" if visits <= 4 else "Upheld"
    assert predict(engine, f"CBT x {visits} sessions") == expected


LEVELS = ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"]


@SETTINGS
@given(st.integers(1, 5))
def test_esi_levels_beyond_two_are_upheld(engine: Engine, count: int) -> None:
    line = ", ".join(LEVELS[-count:]) + " transforaminal ESI"
    imaging = [{"modality": "mri", "body_region": "lumbar_spine", "corroborates_radiculopathy": "yes",
                "evidence": [{"quote": "MRI L4-5 herniation"}]}]
    outcome = predict(engine, line, imaging=imaging, exam={"radiculopathy": finding("yes")},
                      clinical={"conservative_care_failed": finding("yes")})
    assert outcome == ("Overturned" if count <= 2 else "Upheld")
