"""The UR decision date a letter names outside its summary sets the as-of date.

IMR letters name the UR decision they review in the opening paragraph ("disputing the
Utilization Review Denial dated ...") or in the documents reviewed ("Utilization Review
determination dated ..."); the guideline generation in force is the one on that date, not
on the latest date the summary happens to mention.
"""

from __future__ import annotations

import pytest

from imr_engine.engine import load_engine
from imr_engine.extract import extract_case

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
