"""The condition each prior course was given for, read where the note names it after "for".

Each fragment is written for this test; the expected words are those the fragment names after "for"
beside the care, never what the reader returns. The engine groups them (a course for a fracture is
not the course of a CRPS found later, CPMTG p. 98-99).
"""

from __future__ import annotations

import pytest

from imr_engine.engine import load_engine
from imr_engine.extract import extract_text

VISIT = "Date of service: 04/07/2016\n"


def _conditions(body: str) -> dict[str | None, str | None]:
    case = extract_text(VISIT + body, ["Physical therapy x 6"])
    return {t.service: t.condition for t in case.treatments}


@pytest.mark.parametrize(("body", "service", "words", "group"), [
    ("Completed 12 OT visits for fracture rehab (Nov-Jan) - ROM gains stalled.", "physical_therapy", "fracture rehab",
     "extremity_fracture"),
    ("Treatment to date has included PT x 12 for low back strain without benefit.", "physical_therapy",
     "low back strain", "myalgia"),
    ("She had 8 sessions of physical therapy for her lumbar radiculopathy in 2015.", "physical_therapy",
     "lumbar radiculopathy", "neuritis_radiculitis"),
    ("Prior chiropractic x 6 for myofascial pain, helped some.", "chiropractic", "myofascial pain", "myalgia"),
    ("Completed 10 visits of hand therapy for CRPS, desensitization, 2016.", "physical_therapy", "CRPS", "crps"),
])
def test_the_condition_named_beside_the_course(body: str, service: str, words: str, group: str) -> None:
    said = _conditions(body)[service]
    assert said is not None and said.startswith(words)
    assert group in load_engine().vocabulary.diagnosis_groups_of(said)


@pytest.mark.parametrize(("body", "service"), [
    ("Treatment to date has included PT x 12 without benefit.", "physical_therapy"),
    ("Prior PT for 6 weeks in 2015, no change.", "physical_therapy"),              # a length, not a condition
    ("She has had chiropractic for several months with benefit.", "chiropractic"),  # a length, not a condition
])
def test_no_condition_where_the_note_names_none(body: str, service: str) -> None:
    assert _conditions(body)[service] is None
