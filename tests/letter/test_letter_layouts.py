"""Layouts 2, 3 and 4 (constructed fixtures, see tests/fixtures/layouts/README.md) and layout errors.

No real letters of layouts 2 and 3 exist in the repository: these fixtures are
built from the headings in GUIDELINES.md with item text copied from the real
layout-1 letters.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from imr_engine.citations import CPMTG, ODG, Citation, acoem
from imr_engine.errors import LetterParseError
from imr_engine.letter import parse_letter, parse_letter_file


def test_layout_2_fixture(layout_fixtures: Path) -> None:
    letter = parse_letter_file(layout_fixtures / "layout2.txt")
    assert letter.layout == 2 and letter.jurisdiction == "california"
    assert letter.case_number == "CM00-0000002"
    assert letter.date_assigned == datetime.date(2015, 9, 23)
    assert letter.ur_denial_date == datetime.date(2015, 8, 28)
    assert letter.reviewer.licensure_states == ["New York"]
    assert letter.reviewer.specialties == ["Anesthesiology"]
    assert letter.summary.startswith("The injured worker is a 53 year old female")
    assert letter.summary.endswith("dated August 28, 2015 non-certified the requests.")
    assert letter.summary_truncated is False
    assert letter.warnings == []
    follow_up, ms_contin = letter.items
    assert (follow_up.request, follow_up.decision, follow_up.medically_necessary) == (
        "Follow up visit, 3 visits",
        "Overturned",
        True,
    )
    assert follow_up.claims_administrator_guideline == (
        "The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS "
        "Citation Official Disability Guidelines: Pain chapter - Office visits."
    )
    assert follow_up.citations == [Citation(source="MTUS", guideline=acoem(12), sections=("Low Back Complaints",))]
    assert follow_up.rationale.endswith("The requested visits are medically necessary.")
    # The heading of the second item is wrapped over two lines.
    assert ms_contin.request == (
        "MS (morphine sulfate) Contin ER extended release 15 mg (1 by mouth every 8 hrs) with 3 refills, "
        "dispensed by mail order"
    )
    assert ms_contin.decision == "Upheld"
    assert ms_contin.medically_necessary is False
    assert ms_contin.citations == [
        Citation(
            source="MTUS", guideline=CPMTG, sections=("Opioids for the treatment of chronic pain",), pages=((91, 97),)
        ),
        Citation(source="non-MTUS", guideline=ODG, sections=("Opioids",)),
    ]
    assert ms_contin.rationale.startswith("According to ODG and MTUS, MS Contin (Morphine Sulfate Extended-Release)")


def test_layout_3_fixture(layout_fixtures: Path) -> None:
    letter = parse_letter_file(layout_fixtures / "layout3.txt")
    assert letter.layout == 3 and letter.jurisdiction == "california"
    assert letter.case_number is None
    assert letter.reviewer.licensure_states == ["California", "Nevada"]
    assert letter.reviewer.specialties == ["Anesthesiology", "Pain Medicine"]
    assert letter.summary.startswith("The injured worker is a 40 year old male, who sustained an industrial injury")
    assert letter.summary.endswith("and Soma (since at least February of 2015).")
    assert letter.warnings == []
    soma, percocet = letter.items
    assert (soma.index, soma.request, soma.decision) == (0, "Soma 350mg #60", "Upheld")
    assert soma.claims_administrator_guideline == "Decision based on MTUS Chronic Pain Medical Treatment 2009."
    assert soma.citations == [
        Citation(source="MTUS", guideline=CPMTG, sections=("Weaning of Medications", "Carisoprodol (Soma)"))
    ]
    assert soma.rationale == (
        "The MTUS Guidelines do not recommend the use of Soma, and specifically state that the medication is not "
        "indicated for long-term use. The request for Soma 350mg #60 is not medically necessary."
    )
    assert soma.medically_necessary is False
    assert (percocet.index, percocet.request, percocet.decision) == (
        1,
        "Percocet 10/325 #120 4 times daily as needed",
        "Upheld",
    )
    assert percocet.citations == [
        Citation(source="MTUS", guideline=CPMTG, sections=("Opioids for chronic pain", "Weaning of Medications"))
    ]
    assert percocet.rationale.endswith("4 times daily as needed is not medically necessary.")


LAYOUT_3_POSITIONAL = """MEDICAL PROFESSIONAL REVIEW
ISSUE AT DISPUTE:
Norco 10/325mg #90: Upheld
Follow up visit, 3 visits: Overturned
CASE SUMMARY:
A summary.
MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:
Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Opioids.
MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 74-94.
Claims Administrator guideline: none.
MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 12 Low Back Complaints.
RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT
MEDICALLY NECESSARY:
Decision rationale: Norco 10/325mg #90 is not medically necessary.
Decision rationale: The requested visits are medically necessary.
MEDICAL REVIEWER QUALIFICATIONS:
State(s) of Licensure: California
Certification(s)/Specialty: Anesthesiology
"""


def test_layout_4_fixture_is_a_texas_decision(layout_fixtures: Path) -> None:
    """A Texas IRO notice: outcome per service under the check boxes, criteria per service under the list."""
    letter = parse_letter_file(layout_fixtures / "layout4.txt")
    assert (letter.layout, letter.jurisdiction, letter.case_number) == (4, "texas", "000004")
    assert letter.reviewer.licensure_states == ["Texas"]
    assert letter.reviewer.specialties == ["Orthopaedic Surgery"]
    assert letter.summary.startswith("The injured employee is a 41 year old man")
    assert letter.summary.endswith("unchanged after six weeks of therapy and anti-inflammatories.")
    mri, therapy = letter.items
    assert (mri.request, mri.decision, mri.medically_necessary) == ("Lumbar MRI without contrast", "Overturned", True)
    assert (therapy.request, therapy.decision, therapy.medically_necessary) == (
        "Physical therapy, 12 sessions", "Upheld", False)
    assert mri.citations == [Citation(source="non-MTUS", guideline=ODG, sections=(
        "Low Back chapter", "MRIs (magnetic resonance imaging)"))]
    assert therapy.rationale.startswith("Six visits produced no measurable gain")
    assert letter.warnings == []


def test_the_texas_headings_do_not_claim_a_california_letter(layout_fixtures: Path) -> None:
    """A California letter that quotes 'Review outcome:' in prose stays in its own layout."""
    text = (layout_fixtures / "layout3.txt").read_text(encoding="utf-8") + "\nReview outcome: see above.\n"
    assert (parse_letter(text).layout, parse_letter(text).jurisdiction) == (3, "california")


def test_layout_3_fields_are_assigned_in_order() -> None:
    letter = parse_letter(LAYOUT_3_POSITIONAL)
    assert letter.layout == 3 and letter.jurisdiction == "california"
    assert letter.warnings == []
    norco, visits = letter.items
    assert norco.citations == [Citation(source="MTUS", guideline=CPMTG, sections=("Opioids",), pages=((74, 94),))]
    assert visits.citations == [Citation(source="MTUS", guideline=acoem(12), sections=("Low Back Complaints",))]
    assert (norco.medically_necessary, visits.medically_necessary) == (False, True)
    assert visits.claims_administrator_guideline == "none."


def test_layout_3_surplus_rationale_warns() -> None:
    text = LAYOUT_3_POSITIONAL.replace(
        "MEDICAL REVIEWER QUALIFICATIONS:", "Decision rationale: A third one.\nMEDICAL REVIEWER QUALIFICATIONS:"
    )
    letter = parse_letter(text)
    assert any("has no disputed item" in w for w in letter.warnings)


def test_decision_contradicting_conclusion_warns(letter_text: str) -> None:
    text = letter_text.replace("Soma 350mg #30: Upheld", "Soma 350mg #30: Overturned")
    letter = parse_letter(text)
    assert letter.items[1].decision == "Overturned"
    assert letter.items[1].medically_necessary is False
    assert any("contradicts" in w and "Soma 350mg #30" in w for w in letter.warnings)


@pytest.fixture
def letter_text(letter_paths: dict[str, Path]) -> str:
    return letter_paths["003_54b8f692fb4011a5"].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Just some words.\nNothing else.", "unknown letter layout"),
        ("CLINICAL CASE SUMMARY\nA summary.", "no 'IMR ISSUES, DECISIONS AND RATIONALES' section found"),
        ("MAXIMUS FEDERAL SERVICES, INC.\nDOCUMENTS REVIEWED\nx", "no 'IMR DECISION(S) AND RATIONALE(S)' section"),
        ("MEDICAL PROFESSIONAL REVIEW\nCASE SUMMARY:\nx", "no 'ISSUE AT DISPUTE:' section found"),
        ("IMR ISSUES, DECISIONS AND RATIONALES\nThe Final Determination was based on", "lists no disputed items"),
        ("MEDICAL PROFESSIONAL REVIEW\nISSUE AT DISPUTE:\nNone.", "lists no disputed items"),
        ("   \n\n \t\n", "letter is empty"),
    ],
)
def test_unreadable_letters_are_refused(text: str, message: str) -> None:
    with pytest.raises(LetterParseError) as caught:
        parse_letter(text, source="x.txt")
    assert message in caught.value.message
    assert caught.value.source == "x.txt"


def test_error_without_source_still_names_the_input() -> None:
    with pytest.raises(LetterParseError) as caught:
        parse_letter("nothing")
    assert caught.value.source == "<letter text>"


def test_letter_cut_in_the_issues_section_keeps_complete_items_and_warns(letter_text: str) -> None:
    cut = letter_text[: letter_text.index("MTUS. Decision based on Non-MTUS Citation Official Disabilities")]
    letter = parse_letter(cut, source="cut.txt")
    norco, soma = letter.items
    assert norco.medically_necessary is False and norco.citations
    assert (soma.request, soma.decision, soma.rationale, soma.medically_necessary) == (
        "Soma 350mg #30",
        "Upheld",
        "",
        None,
    )
    assert any("no 'MAXIMUS guideline:'" in w for w in letter.warnings)
    assert any("no 'Decision rationale:'" in w for w in letter.warnings)


def test_rationale_cut_mid_sentence_warns(letter_text: str) -> None:
    cut = letter_text[: letter_text.index("back as 2011. Soma 350mg Qty 30")]
    letter = parse_letter(cut)
    assert letter.items[1].medically_necessary is None
    assert any("rationale ends mid-sentence" in w for w in letter.warnings)
    assert any("states no conclusion" in w for w in letter.warnings)


def test_repeated_heading_keeps_the_first_section(letter_text: str) -> None:
    letter = parse_letter(letter_text + "\nCLINICAL CASE SUMMARY\nAnother summary.\n")
    assert any("appears more than once" in w for w in letter.warnings)
    assert letter.summary.endswith("Currently under review is the request for Norco and Soma.")
