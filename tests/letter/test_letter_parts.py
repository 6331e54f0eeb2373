"""The parser's small parts: page-break repair, conclusions, reviewer credentials, cover, item blocks."""

from __future__ import annotations

import datetime

import pytest

from imr_engine.letter.conclusion import read_conclusion
from imr_engine.letter.cover import Cover, parse_cover
from imr_engine.letter.items import MAXIMUS, RATIONALE, read_item_blocks
from imr_engine.letter.normalise import clean_lines, ends_sentence, join_prose
from imr_engine.letter.reviewer import parse_reviewer


def prose(text: str) -> str:
    return join_prose(clean_lines(text))


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        (
            "dated August 28, 2015 non- \n\n\n\ncertified the requests",
            "dated August 28, 2015 non-certified the requests",
        ),
        ("as a \nfirst-line therapy", "as a first-line therapy"),
        ("(Morphine Sulfate Extended-\n\nRelease) is", "(Morphine Sulfate Extended-Release) is"),
        ("Pain chapter - \nOffice visits.", "Pain chapter - Office visits."),
        ("pain  relief.  In \r\n\r\n this case", "pain relief. In this case"),
        ("rated 8-\n10 out of 10", "rated 8-10 out of 10"),
        ("tenderness of the cervica,l \n occipital", "tenderness of the cervica,l occipital"),
        ("Muscle \n\nRelxants", "Muscle Relxants"),
    ],
)
def test_page_break_repair(text: str, joined: str) -> None:
    assert prose(text) == joined


def test_clean_lines_drops_blank_lines_and_page_footers() -> None:
    assert clean_lines(" A  line \n\n \nPage 2 of 5\n\fB\n") == ["A line", "B"]


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("It ends.", True),
        ('He said "stop."', True),
        ("Is it?", True),
        ("On 09/27/2013, the treati", False),
        ("", False),
    ],
)
def test_ends_sentence(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends


@pytest.mark.parametrize(
    ("rationale", "necessary"),
    [
        ("The request for Soma 350mg #60 is not medically necessary.", False),
        (
            "Medical necessity for the requested follow-up visits (3) has been established. The requested visits "
            "are medically necessary.",
            True,
        ),
        ("Medical necessity of the requested item has not been established.", False),
        ("The item is medically necessary only when X. The request is therefore not medically necessary.", False),
        ("This request is not considered medically necessary.", False),
        ("The request is medically necessary.", True),
        ("The guidelines support it.", None),
        ("", None),
    ],
)
def test_conclusion_is_read_from_the_rationale(rationale: str, necessary: bool | None) -> None:
    assert read_conclusion(rationale) is necessary


@pytest.mark.parametrize(
    ("text", "states", "specialties"),
    [
        (
            "The Expert Reviewer has the following credentials: State(s) of Licensure: California "
            "Certification(s)/Specialty: Preventive Medicine, Occupational Medicine",
            ["California"],
            ["Preventive Medicine", "Occupational Medicine"],
        ),
        (
            "The physician reviewer is Board Certified in Physical Medicine and Rehabilitation and is licensed to "
            "practice in California. He/she has been in active clinical practice",
            ["California"],
            ["Physical Medicine and Rehabilitation"],
        ),
        (
            "The expert reviewer is Board Certified in Anesthesiology, has a subspecialty in Pain Medicine and is "
            "licensed to practice in New York and Texas.",
            ["New York", "Texas"],
            ["Anesthesiology", "Pain Medicine"],
        ),
        ("The reviewer is Board Certified in Orthopaedic Surgery. Licensed elsewhere.", [], ["Orthopaedic Surgery"]),
    ],
)
def test_reviewer_credentials(text: str, states: list[str], specialties: list[str]) -> None:
    reviewer, warnings = parse_reviewer(text)
    assert (reviewer.licensure_states, reviewer.specialties) == (states, specialties)
    assert bool(warnings) is (not states or not specialties)


def test_cover_fields() -> None:
    fields, warnings = parse_cover("Case Number: CM13-0012345 Date Assigned: 10/29/2013 UR Denial Date: 10/1/2013")
    assert fields == Cover("CM13-0012345", datetime.date(2013, 10, 29), datetime.date(2013, 10, 1))
    assert warnings == []


def test_cover_with_impossible_date_warns() -> None:
    fields, warnings = parse_cover("Date Assigned: 13/45/2013")
    assert fields.date_assigned is None
    assert warnings == ["date assigned '13/45/2013' is not a valid date"]


def test_no_cover_gives_none() -> None:
    assert parse_cover("")[0] == Cover(None, None, None)


def test_item_heading_wrapped_over_two_lines() -> None:
    lines = [
        "The Final Determination was based on decisions for the disputed items/services set forth below:",
        "Retrospective request for compound cream: Flurbiprofen 20%, Lidocaine 5%,",
        "240gm, dispensed 1/1/2014: Overturned",
        "MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines.",
        "Decision rationale: The request is medically necessary.",
        "Very long second request naming a drug and a quantity and a",
        "schedule #30:",
        "Upheld",
        "Decision rationale: It is not medically necessary.",
    ]
    drafts, warnings = read_item_blocks(lines)
    assert warnings == []
    assert [(d.request, d.decision) for d in drafts] == [
        (
            "Retrospective request for compound cream: Flurbiprofen 20%, Lidocaine 5%, 240gm, dispensed 1/1/2014",
            "Overturned",
        ),
        ("Very long second request naming a drug and a quantity and a schedule #30", "Upheld"),
    ]
    assert drafts[0].fields[RATIONALE] == ["The request is medically necessary."]
    assert MAXIMUS not in drafts[1].fields


def test_item_blocks_warn_about_stray_and_repeated_fields() -> None:
    lines = [
        "Decision rationale: orphan",
        "Soma 350mg #60: Upheld",
        "stray text",
        "Decision rationale: first.",
        "Decision rationale: second.",
    ]
    drafts, warnings = read_item_blocks(lines)
    assert [d.request for d in drafts] == ["Soma 350mg #60"]
    assert drafts[0].fields[RATIONALE] == ["first."]
    assert len(warnings) == 3


def test_a_guideline_line_is_never_taken_for_half_a_heading() -> None:
    lines = [
        "Norco 10/325mg #90: Upheld",
        "MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines",
        "Opioids Page(s): 74-94",
        "Soma 350mg #30: Upheld",
    ]
    drafts, _ = read_item_blocks(lines)
    assert [d.request for d in drafts] == ["Norco 10/325mg #90", "Soma 350mg #30"]
    assert drafts[0].fields[MAXIMUS][-1] == "Opioids Page(s): 74-94"
