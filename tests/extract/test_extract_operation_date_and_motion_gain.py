"""An operation's date after its list of procedures, and a range of motion gained (helper newtune11, session 11).

- One operation is often told as a list of its procedures with the date at the end ("s/p R knee arthroscopy,
  partial medial meniscectomy and chondroplasty 11/4/13"): every procedure of the list was done that day, so the
  postsurgical period (8 CCR 9792.24.3) runs from it whichever procedure the reader names. Procedures each dated
  apart, or of different body parts, are separate operations and share nothing.
- A range of motion measured better than before ("flexion improved from 65 to 85 degrees", "ER 20 -> 45 deg") is
  a measured gain, `function.objective_improvement` (corpus/README.md, "Key conventions"); a range with no
  earlier value, a loss, a goal or a gain denied is not.
"""

from __future__ import annotations

import pytest
from fragments import read_fragment


def _dates(text: str) -> dict[str, str | None]:
    return {s.name: (str(s.date) if s.date else None) for s in read_fragment(text, "Physical therapy x 6").surgeries}


@pytest.mark.parametrize(("text", "date"), [
    ("S/p R knee arthroscopy, partial medial meniscectomy and chondroplasty medial femoral condyle 11/4/13.", "2013-11-04"),
    ("Status post L shoulder arthroscopy, subacromial decompression and distal clavicle excision 3/2/2019.", "2019-03-02"),
    ("Pt is s/p right carpal tunnel release, trigger finger release 05/12/2018.", "2018-05-12"),
    ("S/p R TKA, lateral release 6/1/18.", "2018-06-01"),
    ("status post right knee arthroscopy, synovectomy, loose body removal on 02/14/2017 by Dr. Lee.", "2017-02-14"),
])
def test_procedures_listed_before_one_date_share_it(text: str, date: str) -> None:
    dates = _dates(text)
    assert dates, text
    assert set(dates.values()) == {date}


def test_procedures_dated_apart_keep_their_own_dates() -> None:
    assert _dates("Hx: s/p L4-5 fusion 2014, R TKA 2019.") == {"L4-5 fusion": "2014", "R TKA": "2019"}


def test_operations_on_different_body_parts_share_no_date() -> None:
    dates = _dates("s/p L shoulder rotator cuff repair, R knee arthroscopy 6/1/2018.")
    assert dates["L shoulder rotator cuff repair"] is None
    assert dates["R knee arthroscopy"] == "2018-06-01"


def _gain(text: str) -> str:
    return read_fragment(text, "Physical therapy x 12").function.objective_improvement.value


@pytest.mark.parametrize("text", [
    "Home health PT x 6 visits completed: knee flexion improved from 65 to 85 degrees.",
    "PT note: active flexion improved from 90 to 140 deg.",
    "ER 20 -> 45 deg after 8 visits.",
    "Shoulder abduction increased to 150 from 95 degrees with therapy.",
    "AROM flexion 120 deg (was 90 deg) after PT.",
    "Dorsiflexion: 5 -> 15 degrees since the boot came off.",
])
def test_a_range_of_motion_gained_is_a_measured_gain(text: str) -> None:
    assert _gain(text) == "yes"


@pytest.mark.parametrize("text", [
    "Knee ROM 0-90 today.",
    "Painful arc from 70 to 120 degrees.",
    "Flexion decreased from 120 to 90 degrees since the fall.",
    "Flexion 60 -> 45 deg, worse.",
    "Goal: flexion improved from 85 to 110 degrees.",
    "Flexion has not improved from 90 to 120 as hoped.",
])
def test_a_range_without_a_gain_is_no_measured_gain(text: str) -> None:
    assert _gain(text) != "yes"
