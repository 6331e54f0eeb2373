"""The five real letters, field by field, against what each letter says.

Expected values are literal text read from the letters (the letters are the
ground truth); guideline names are the canonical names of imr_engine.citations.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from imr_engine.citations import CPMTG, ODG, Citation, acoem
from imr_engine.letter import ParsedLetter, parse_letter, parse_letter_file


def cpmtg(*sections: str, pages: tuple[tuple[int, int], ...] = ()) -> Citation:
    return Citation(source="MTUS", guideline=CPMTG, sections=sections, pages=pages)


NOT_CITED = "The Claims Administrator did not cite any medical evidence for its decision."
CPMT_2009 = "Decision based on MTUS Chronic Pain Medical Treatment 2009."
CPTG_OPIOIDS = "Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 74-95."
OPIOIDS_91_97_AND_ODG = [
    cpmtg("Opioids for the treatment of chronic pain", pages=((91, 97),)),
    Citation(source="non-MTUS", guideline=ODG, sections=("Opioids",)),
]
MORPHINE_PAGES = cpmtg(pages=((74, 75), (78, 78), (93, 93)))

EXPECTED: dict[str, dict[str, Any]] = {
    "000_6e1af9fa5d98bcdd": {
        "states": ["California"],
        "specialties": ["Preventive Medicine", "Occupational Medicine"],
        "summary_start": "The injured worker is a 40 year old male, who sustained an industrial injury on "
        "November 6, 2000.",
        "summary_end": "The Utilization Review documentation dated August 28, 2015 non-certified the requests "
        "for Soma 350 mg #60, Fentanyl patch 50 micrograms every 2 days as needed for baseline pain #15 and "
        "Percocet 10-325 mg #120 four times daily as needed.",
        "truncated": False,
        "items": [
            (
                "Soma 350mg #60",
                "Upheld",
                CPMT_2009,
                [cpmtg("Weaning of Medications", "Carisoprodol (Soma)")],
                "The MTUS Guidelines do not recommend the use of Soma, and specifically state that the "
                "medication is not indicated for long-term use.",
                "The request for Soma 350mg #60 is not medically necessary.",
                False,
            ),
            (
                "Fentanyl patch 50 microgram (Ugm) every 2 days as needed for baseline pain #15",
                "Upheld",
                CPMT_2009,
                [
                    cpmtg(
                        "Duragesic (fentanyl transdermal system)", "Opioids for chronic pain", "Weaning of Medications"
                    )
                ],
                "The MTUS Guidelines do not recommend the use of Duragesic patch as a first-line therapy.",
                "The request for Fentanyl patch 50 microgram (Ugm) every 2 days as needed for baseline pain #15 "
                "is not medically necessary.",
                False,
            ),
            (
                "Percocet 10/325 #120 4 times daily as needed",
                "Upheld",
                CPMT_2009,
                [cpmtg("Opioids for chronic pain", "Weaning of Medications")],
                "The MTUS Guidelines do not recommend the use of opioid pain medications, in general, for the "
                "management of chronic pain.",
                "The request for Percocet 10/325 #120 4 times daily as needed is not medically necessary.",
                False,
            ),
        ],
    },
    "001_911e865f50b21622": {
        "states": ["California"],
        "specialties": ["Physical Medicine and Rehabilitation"],
        "summary_start": "The underlying date of injury in this case is 08/02/1999.",
        "summary_end": "No specific neurological deficits were noted on exam. On 09/27/2013, the treati",
        "truncated": True,
        "items": [
            (
                "Soma 350mg # 30",
                "Upheld",
                "Decision based on MTUS ACOEM.",
                [cpmtg("Carisoprodol (Soma)", pages=((29, 29),))],
                "The Chronic Pain Medical Treatment Guidelines Section on Carisoprodol (Soma), page 29, states, "
                '"This medication is not indicated for long-term use...',
                "At this time, Soma is not medically necessary.",
                False,
            ),
            (
                "Hydrocodone /APAP 10/325mg # 60",
                "Upheld",
                "Decision based on MTUS ACOEM.",
                [cpmtg("Opioids/Ongoing Management", pages=((78, 78),))],
                "The Chronic Pain Medical Treatment Guidelines Section on Opioids/Ongoing Pain Management, "
                "page 78, recommends",
                "The records do not support this request. The request for hydrocodone is not medically necessary.",
                False,
            ),
            (
                "Thermacare heatwrap # 90 with 5 refills",
                "Upheld",
                "Decision based on MTUS ACOEM.",
                [
                    Citation(
                        source="MTUS",
                        guideline=acoem(3),
                        sections=("Initial Approaches to Treatment",),
                        pages=((48, 48),),
                    )
                ],
                "ACOEM Guidelines, Chapter 3 Treatment, page 48, states,",
                "The request for ThermaCare heat wrap is not medically necessary.",
                False,
            ),
        ],
    },
    "002_688b74414b0b408f": {
        "states": ["New York"],
        "specialties": ["Anesthesiology"],
        "summary_start": "The injured worker is a 53 year old female, who sustained an industrial injury on 8/11/1998.",
        "summary_end": "Authorization was requested for three follow up visits, Dilaudid, Soma and MS Contin.",
        "truncated": False,
        "items": [
            (
                "Follow up visit, 3 visits",
                "Overturned",
                "The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS "
                "Citation Official Disability Guidelines: Pain chapter - Office visits.",
                [Citation(source="MTUS", guideline=acoem(12), sections=("Low Back Complaints",))],
                "The need for a clinical office visit with a health care provider is individualized",
                "Medical necessity for the requested follow-up visits (3) has been established. "
                "The requested visits are medically necessary.",
                True,
            ),
            (
                "Dilaudid 4 mg (1 by mouth every 6 hrs as needed)",
                "Upheld",
                CPTG_OPIOIDS,
                OPIOIDS_91_97_AND_ODG,
                "According to the ODG, chronic pain can have a mixed physiologic etiology of both neuropathic "
                "and nociceptive components.",
                "Of note, discontinuation of an opioid analgesic should include a taper to avoid withdrawal "
                "symptoms. The requested medication is not medically necessary.",
                False,
            ),
            (
                "Soma 350 mg (1 by mouth every day as needed)",
                "Upheld",
                "Decision based on MTUS Chronic Pain Treatment Guidelines Carisoprodol (Soma) Page(s): 29.",
                [cpmtg("Muscle Relxants", pages=((29, 29), (63, 63)))],
                "The CA MTUS does not recommend muscle relaxants for chronic pain.",
                "Medical necessity for the requested medication has not been established. "
                "The requested medication is not medically necessary.",
                False,
            ),
            (
                "MS (morphine sulfate) Contin ER extended release 15 mg (1 by mouth every 8 hrs)",
                "Upheld",
                CPTG_OPIOIDS,
                OPIOIDS_91_97_AND_ODG,
                "According to ODG and MTUS, MS Contin (Morphine Sulfate Extended-Release) is a controlled-release "
                "preparation",
                "Of note, discontinuation of MS Contin should include a taper, to avoid withdrawal symptoms. "
                "The requested medication is not medically necessary.",
                False,
            ),
        ],
    },
    "003_54b8f692fb4011a5": {
        "states": ["California"],
        "specialties": ["Preventive Medicine", "Occupational Medicine"],
        "summary_start": "The injured worker is a 53 year old female, who sustained an industrial injury on "
        "09/25/2009.",
        "summary_end": "Currently under review is the request for Norco and Soma.",
        "truncated": False,
        "items": [
            (
                "Norco 10/325mg #90",
                "Upheld",
                "Decision based on MTUS Chronic Pain Treatment Guidelines Opioids.",
                [cpmtg("Opioids", pages=((74, 94),))],
                "The Chronic Pain Medical Treatment Guidelines state that continued or long-term use of opioids "
                "should be based on documented pain relief and functional improvement or improved quality of life.",
                "Norco 10/325mg #90 is not medically necessary.",
                False,
            ),
            (
                "Soma 350mg #30",
                "Upheld",
                "The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS "
                "Citation Official Disabilities Guidelines.",
                [cpmtg("Carisoprodol (Soma)", pages=((29, 29),))],
                "The MTUS states that carisoprodol is not recommended and is not indicated for long-term use.",
                "Patient has been taking Soma for at least as far back as 2011. "
                "Soma 350mg Qty 30 is not medically necessary.",
                False,
            ),
        ],
    },
    "004_3f37efda7cfb3431": {
        "states": ["Nevada"],
        "specialties": ["Physical Medicine and Rehabilitation"],
        "summary_start": "The records, presented for review, indicate that this 29-year-old male was reportedly "
        "injured on December 14, 2010.",
        "summary_end": "A request had been made for morphine ER, Percocet, Klonopin and Soma and was not "
        "certified in the pre-authorization process on April 23, 2014.",
        "truncated": False,
        "items": [
            (
                "Morphine Er 30mg bib #60 x 3 refills",
                "Upheld",
                NOT_CITED,
                [MORPHINE_PAGES],
                "The California MTUS guidelines support long-acting opiates in the management of chronic pain "
                "when continuous around-the-clock analgesia is needed for an extended period of time.",
                "In the absence of subjective or objective clinical data, this request for morphine ER is not "
                "medically necessary.",
                False,
            ),
            (
                "Percocet 10/325mg q6hrs prn #100 x 3 refills",
                "Upheld",
                NOT_CITED,
                [MORPHINE_PAGES],
                "The California MTUS supports short-acting opiates for the short-term management of moderate "
                "to severe breakthrough pain.",
                "As such, this request for Percocet is not medically necessary.",
                False,
            ),
            (
                "Klonopin 0.5mg HS #30 x 3 refills",
                "Upheld",
                NOT_CITED,
                [cpmtg("Benzodiazepines", pages=((24, 24),))],
                "Klonopin is a benzodiazepine hypnotic used for the treatment of anxiety disorders and panic "
                "disorders.",
                "This request for Klonopin is not medically necessary.",
                False,
            ),
            (
                "Soma 350mg bid #45 x 3 refills",
                "Upheld",
                NOT_CITED,
                [cpmtg("Muscle relaxants (for pain)", pages=((63, 66),))],
                "Soma is a muscle relaxant.",
                "For these reasons, this request for Soma is not medically necessary.",
                False,
            ),
        ],
    },
}


@pytest.fixture(scope="module")
def parsed(letter_paths: dict[str, Path]) -> dict[str, ParsedLetter]:
    return {name: parse_letter_file(path) for name, path in letter_paths.items()}


def test_the_five_letters_are_all_expected(letter_paths: dict[str, Path]) -> None:
    assert list(letter_paths) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_letter_header_fields(case: str, parsed: dict[str, ParsedLetter], letter_paths: dict[str, Path]) -> None:
    letter, want = parsed[case], EXPECTED[case]
    assert letter.source == str(letter_paths[case])
    assert (letter.layout, letter.jurisdiction) == (1, "california")
    assert (letter.case_number, letter.date_assigned, letter.ur_denial_date) == (None, None, None)
    assert letter.reviewer.licensure_states == want["states"]
    assert letter.reviewer.specialties == want["specialties"]
    assert letter.summary.startswith(want["summary_start"])
    assert letter.summary.endswith(want["summary_end"])
    assert letter.summary_truncated is want["truncated"]


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_letter_items_field_by_field(case: str, parsed: dict[str, ParsedLetter]) -> None:
    items = parsed[case].items
    want_items = EXPECTED[case]["items"]
    assert [item.request for item in items] == [want[0] for want in want_items]
    for n, (item, want) in enumerate(zip(items, want_items, strict=True)):
        request, decision, claims, citations, starts, ends, necessary = want
        assert item.index == n
        assert item.decision == decision, request
        assert item.claims_administrator_guideline == claims, request
        assert item.citations == citations, request
        assert item.rationale.startswith(starts), request
        assert item.rationale.endswith(ends), request
        assert item.medically_necessary is necessary, request


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_letter_text_is_continuous_prose(case: str, parsed: dict[str, ParsedLetter]) -> None:
    letter = parsed[case]
    texts = [letter.summary] + [i.rationale for i in letter.items] + [i.request for i in letter.items]
    for text in texts:
        assert "\n" not in text and "  " not in text and text == text.strip()
    assert not letter.summary.lower().startswith("the expert reviewer developed")
    assert all(not i.rationale.lower().startswith("decision rationale") for i in letter.items)


@pytest.mark.parametrize(
    ("case", "where", "joined"),
    [
        ("000_6e1af9fa5d98bcdd", "summary", "August 28, 2015 non-certified the requests"),
        ("000_6e1af9fa5d98bcdd", 1, "A urine drug screen conducted in June, 2015 was not consistent"),
        ("000_6e1af9fa5d98bcdd", 1, "as a first-line therapy"),
        ("000_6e1af9fa5d98bcdd", 2, "in the absence of non-compliance."),
        ("002_688b74414b0b408f", 3, "MS Contin (Morphine Sulfate Extended-Release) is"),
        (
            "002_688b74414b0b408f",
            2,
            "No reports show any specific and significant improvements in pain or function as "
            "a result of prescribing muscle relaxants.",
        ),
        ("003_54b8f692fb4011a5", "summary", "A lumbar epidural steroid injection was approved"),
        ("004_3f37efda7cfb3431", "summary", "tenderness of the cervica,l occipital"),
    ],
)
def test_page_breaks_and_hyphens_are_repaired(
    case: str, where: str | int, joined: str, parsed: dict[str, ParsedLetter]
) -> None:
    letter = parsed[case]
    text = letter.summary if where == "summary" else letter.items[int(where)].rationale
    assert joined in text


def test_only_the_truncated_summary_warns(parsed: dict[str, ParsedLetter]) -> None:
    warned = {case: letter.warnings for case, letter in parsed.items() if letter.warnings}
    assert list(warned) == ["001_911e865f50b21622"]
    assert len(warned["001_911e865f50b21622"]) == 1
    assert "cut off" in warned["001_911e865f50b21622"][0]


def test_json_dump_gives_pages_as_first_last_lists(parsed: dict[str, ParsedLetter]) -> None:
    data = parsed["004_3f37efda7cfb3431"].model_dump(mode="json")
    assert data["items"][0]["citations"][0]["pages"] == [[74, 75], [78, 78], [93, 93]]
    # everything read from the letter survives JSON; the raw text it keeps is left out of dumps on purpose
    assert ParsedLetter.model_validate(data) == parsed["004_3f37efda7cfb3431"].model_copy(update={"text": ""})


def test_parse_letter_keeps_source_none_for_bare_text(letter_paths: dict[str, Path]) -> None:
    text = letter_paths["003_54b8f692fb4011a5"].read_text(encoding="utf-8")
    letter = parse_letter(text)
    assert letter.source is None
    assert len(letter.items) == 2


def test_cover_page_fields_are_read(letter_paths: dict[str, Path]) -> None:
    cover = "Case Number: CM15-0182345\nDate Assigned: 09/23/2015\nUR Denial Date: 08/28/2015\n\n"
    text = cover + letter_paths["003_54b8f692fb4011a5"].read_text(encoding="utf-8")
    letter = parse_letter(text, source="with-cover")
    assert letter.case_number == "CM15-0182345"
    assert str(letter.date_assigned) == "2015-09-23"
    assert str(letter.ur_denial_date) == "2015-08-28"
    assert [i.request for i in letter.items] == ["Norco 10/325mg #90", "Soma 350mg #30"]
