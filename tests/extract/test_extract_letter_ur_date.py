"""The UR decision date a letter names outside its summary sets the as-of date.

IMR letters name the UR decision they review in the opening paragraph ("disputing the
Utilization Review Denial dated ...") or in the documents reviewed ("Utilization Review
determination dated ..."); the guideline generation in force is the one on that date, not
on the latest date the summary happens to mention.
"""

from __future__ import annotations

import pytest

from imr_engine.engine import load_engine
from imr_engine.extract import extract_case, extract_text

_LETTER = """MEDICAL PROFESSIONAL REVIEW

ISSUE AT DISPUTE:
1. Lumbar epidural steroid injection at L4-5: Upheld

CASE SUMMARY: The injured worker is a 48 year old man who hurt his low back lifting boxes.
He had a lumbar fusion on March 3, 2010 and physical therapy afterwards.
{opening}
DOCUMENTS REVIEWED FOR DETERMINATION:
{documents}
Medical records from the treating providers.

MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY
PROFESSIONAL REVIEWER AND WHY:
1. Lumbar epidural steroid injection at L4-5:
MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Epidural
steroid injections, page 46.

RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:
1. Lumbar epidural steroid injection at L4-5:
Radiculopathy is not documented on examination. The request is not medically necessary.
"""


@pytest.mark.parametrize(
    ("opening", "documents", "expected"),
    [
        ("", "Utilization Review determination dated February 16, 2011.", "2011-02-16"),
        ("", "UR denial letter dated 8/30/2013.", "2013-08-30"),
        ("", "Utilization review non-certification of 11/4/14.", "2014-11-04"),
        ("An application was filed disputing the Utilization Review Denial dated 06/02/2016.", "", "2016-06-02"),
    ],
)
def test_the_named_ur_decision_date_is_read(opening: str, documents: str, expected: str) -> None:
    case = extract_case(_LETTER.format(opening=opening, documents=documents), case_id="ur-date")
    assert case.ur_decision_date is not None
    assert str(case.ur_decision_date.date) == expected
    result = load_engine().evaluate(case)
    assert (str(result.as_of), result.as_of_source) == (expected, "ur_decision_date")


@pytest.mark.parametrize(
    "documents",
    [
        "Utilization Review determination (date not given).",   # no date follows
        "Utilization Review documents from 2011.",               # not a decision, and a bare year
        "Progress report dated February 16, 2011.",              # a report, not the UR decision
    ],
)
def test_no_ur_decision_date_without_a_dated_ur_decision(documents: str) -> None:
    case = extract_case(_LETTER.format(opening="", documents=documents), case_id="ur-date")
    assert case.ur_decision_date is None


@pytest.mark.parametrize(("sentence", "expected"), [
    # an earlier UR decision that approved care dates nothing: the note's visit is the as-of date
    ("Authorized 6 sessions of CBT (UR 08/2015); he has attended 4.", None),
    ("Post-op PT authorized: 12 visits (UR 01/19/2021). Visits used: 8.", None),
    ("UR 01/19/2021 approved 6 visits.", None),
    # a UR decision that denied or modified a request is the one a dispute is about
    ("UR denied the MRI on 02/03/2016.", "2016-02-03"),
    ("The request was non-certified by UR on 3/4/2016.", "2016-03-04"),
    ("UR dated 3/5/2016 certified 6 of the 12 visits requested.", "2016-03-05"),
    ("Acupuncture x6 was authorized in March; UR denial dated 3/30/2016 for the rest.", "2016-03-30"),
])
def test_a_note_names_the_ur_decision_that_denied_not_one_that_approved(sentence: str, expected: str | None) -> None:
    case = extract_text(f"Date of visit: 04/07/2016\nHPI: {sentence}\n", ["Physical therapy x 6"])
    assert (str(case.ur_decision_date.date) if case.ur_decision_date else None) == expected
