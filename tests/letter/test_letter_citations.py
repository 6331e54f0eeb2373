"""The reviewer-line parser: guideline canonicalisation, sections, pages, two citations a line."""

from __future__ import annotations

import pytest

from imr_engine.citations import ACUPUNCTURE, CPMTG, ODG, POST_SURGICAL, Citation, acoem
from imr_engine.letter.citations import parse_guideline_line, parse_pages, split_sections


def one(line: str) -> Citation:
    citations, warnings = parse_guideline_line(line)
    assert warnings == []
    assert len(citations) == 1
    return citations[0]


@pytest.mark.parametrize(
    ("line", "guideline", "sections", "pages"),
    [
        (
            "Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Weaning of Medications, "
            "Carisoprodol (Soma).",
            CPMTG,
            ("Weaning of Medications", "Carisoprodol (Soma)"),
            (),
        ),
        (
            "Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Duragesic (fentanyl "
            "transdermal system), Opioids for chronic pain, Weaning of Medications.",
            CPMTG,
            ("Duragesic (fentanyl transdermal system)", "Opioids for chronic pain", "Weaning of Medications"),
            (),
        ),
        (
            "Decision based on MTUS Chronic Pain Treatment Guidelines Section on Opioids/Ongoing Management "
            "Page(s): 78.",
            CPMTG,
            ("Opioids/Ongoing Management",),
            ((78, 78),),
        ),
        (
            "Decision based on MTUS Chronic Pain Treatment Guidelines Muscle Relxants Page(s): 29, 63.",
            CPMTG,
            ("Muscle Relxants",),
            ((29, 29), (63, 63)),
        ),
        (
            "Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 74-75, 78, 93.",
            CPMTG,
            (),
            ((74, 75), (78, 78), (93, 93)),
        ),
        (
            "Decision based on MTUS ACOEM Chapter 3 Initial Approaches to Treatment Page(s): 48.",
            acoem(3),
            ("Initial Approaches to Treatment",),
            ((48, 48),),
        ),
        ("Decision based on MTUS ACOEM Chapter 12 Low Back Complaints.", acoem(12), ("Low Back Complaints",), ()),
        ("Decision based on MTUS ACOEM.", acoem(None), (), ()),
        (
            "Decision based on MTUS Chronic Pain Medical Treatment Guidelines (2009), Section(s): Opioids, "
            "criteria for use, Opioids, specific drug list.",
            CPMTG,
            ("Opioids, criteria for use", "Opioids, specific drug list"),
            (),
        ),
        ("Decision based on MTUS Chronic Pain, Opioids Page(s): 78.", CPMTG, ("Opioids",), ((78, 78),)),
        (
            "Decision based on MTUS Acupuncture Medical Treatment Guidelines.",
            ACUPUNCTURE,
            (),
            (),
        ),
        (
            "Decision based on MTUS Post-Surgical Treatment Guidelines Page(s): 10-11.",
            POST_SURGICAL,
            (),
            ((10, 11),),
        ),
    ],
)
def test_mtus_citations(
    line: str, guideline: str, sections: tuple[str, ...], pages: tuple[tuple[int, int], ...]
) -> None:
    assert one(line) == Citation(source="MTUS", guideline=guideline, sections=sections, pages=pages)


def test_two_citations_on_one_line() -> None:
    citations, warnings = parse_guideline_line(
        "Decision based on MTUS Chronic Pain Treatment Guidelines Opioids for the treatment of chronic pain "
        "Page(s): 91-97.  Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Opioids."
    )
    assert warnings == []
    assert citations == [
        Citation(
            source="MTUS", guideline=CPMTG, sections=("Opioids for the treatment of chronic pain",), pages=((91, 97),)
        ),
        Citation(source="non-MTUS", guideline=ODG, sections=("Opioids",)),
    ]


@pytest.mark.parametrize(
    ("line", "sections"),
    [
        ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Opioids", ("Opioids",)),
        ("Decision based on Non-MTUS Citation Official Disabilities Guidelines.", ()),
        (
            "Decision based on Non-MTUS Citation Official Disability Guidelines: Pain chapter - Office visits.",
            ("Pain chapter - Office visits",),
        ),
        ("Decision based on Non-MTUS Citation ODG, Pain (Chronic), Opioids.", ("Pain (Chronic)", "Opioids")),
    ],
)
def test_odg_is_non_mtus(line: str, sections: tuple[str, ...]) -> None:
    assert one(line) == Citation(source="non-MTUS", guideline=ODG, sections=sections)


def test_line_with_no_citation_warns_and_gives_none() -> None:
    citations, warnings = parse_guideline_line("The Claims Administrator did not cite any medical evidence.")
    assert citations == []
    assert warnings and "Decision based on" in warnings[0]


def test_empty_line_gives_nothing_quietly() -> None:
    assert parse_guideline_line("") == ([], [])


def test_unknown_guideline_is_kept_as_written_with_a_warning() -> None:
    citations, warnings = parse_guideline_line("Decision based on Non-MTUS Citation Journal of Pain 2010.")
    assert citations == [Citation(source="non-MTUS", guideline="Journal of Pain 2010")]
    assert any("unrecognised guideline" in w for w in warnings)


def test_citation_without_guideline_is_dropped_with_warning() -> None:
    citations, warnings = parse_guideline_line("Decision based on MTUS.")
    assert citations == []
    assert any("names no guideline" in w for w in warnings)


def test_source_is_inferred_when_unstated() -> None:
    citations, warnings = parse_guideline_line("Decision based on Official Disability Guidelines Opioids.")
    assert citations == [Citation(source="non-MTUS", guideline=ODG, sections=("Opioids",))]
    assert any("assumed non-MTUS" in w for w in warnings)


@pytest.mark.parametrize(
    ("spec", "pages"),
    [
        ("74-75, 78, 93", [(74, 75), (78, 78), (93, 93)]),
        ("29", [(29, 29)]),
        ("63 - 66", [(63, 66)]),
        ("12 and 14", [(12, 12), (14, 14)]),
    ],
)
def test_parse_pages(spec: str, pages: list[tuple[int, int]]) -> None:
    assert parse_pages(spec) == pages


def test_impossible_page_ranges_are_dropped_with_warning() -> None:
    warnings: list[str] = []
    assert parse_pages("97-91, 0, 5", warnings) == [(5, 5)]
    assert len(warnings) == 2


def test_sections_split_outside_parentheses_only() -> None:
    assert split_sections("Section(s): A (x, y), B; C.") == ["A (x, y)", "B", "C"]
