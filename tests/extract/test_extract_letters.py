"""The five real letters: every quote stands at its offsets, requests are the headings, rationale facts stay apart.

Headings are found here with a plain regex (not the letter parser), and expected facts
are read off the letters themselves.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from imr_engine.extract import extract_case
from imr_engine.extract.render import case_report, case_yaml
from imr_engine.facts import CaseFacts
from imr_engine.facts.model import Evidence
from imr_engine.letter import parse_letter_file

CASES = Path(__file__).resolve().parents[2] / "cases"
LETTERS = sorted(CASES.glob("*/letter.txt"))
HEADING_LINE = re.compile(r"^[ \t]*(\S.*?):[ \t]*(?:Upheld|Overturned)[ \t]*$", re.MULTILINE)
#: Letters whose rationales state facts about the patient that their summaries do not (see cases/*/case.yaml).
RATIONALE_CASES = {"000_6e1af9fa5d98bcdd", "002_688b74414b0b408f", "004_3f37efda7cfb3431"}


def _evidence(node: object) -> list[Evidence]:
    found: list[Evidence] = []
    if isinstance(node, Evidence):
        return [node]
    if isinstance(node, list):
        for x in node:
            found += _evidence(x)
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            found += _evidence(getattr(node, name))
    return found


@pytest.fixture(scope="module")
def drafts() -> dict[tuple[str, bool], tuple[str, CaseFacts]]:
    out = {}
    for path in LETTERS:
        raw = path.read_text(encoding="utf-8")
        for use in (False, True):
            out[(path.parent.name, use)] = (raw, extract_case(raw, use_rationale=use, source=str(path)))
    return out


@pytest.mark.parametrize("use_rationale", [False, True], ids=["summary", "with-rationale"])
@pytest.mark.parametrize("letter", [p.parent.name for p in LETTERS])
def test_every_quote_is_the_raw_letter_at_its_offsets(drafts, letter: str, use_rationale: bool) -> None:  # type: ignore[no-untyped-def]
    raw, case = drafts[(letter, use_rationale)]
    evidence = _evidence(case)
    assert len(evidence) > 10
    for e in evidence:
        assert e.start is not None and e.end is not None, e
        assert raw[e.start : e.end] == e.quote


@pytest.mark.parametrize("letter", [p.parent.name for p in LETTERS])
def test_requests_are_the_item_headings_in_order_quoted_there(drafts, letter: str) -> None:  # type: ignore[no-untyped-def]
    raw, case = drafts[(letter, False)]
    headings = [" ".join(m.group(1).split()) for m in HEADING_LINE.finditer(raw)]
    assert [r.text for r in case.requests] == headings
    for request in case.requests:
        heading = request.evidence[0]
        assert heading.source == "request" and " ".join(heading.quote.split()) == request.text


@pytest.mark.parametrize("letter", [p.parent.name for p in LETTERS])
def test_rationale_facts_only_when_asked(drafts, letter: str) -> None:  # type: ignore[no-untyped-def]
    _, plain = drafts[(letter, False)]
    assert all(e.source != "rationale" for e in _evidence(plain))
    _, full = drafts[(letter, True)]
    read = any(e.source == "rationale" for e in _evidence(full))
    assert read == (letter in RATIONALE_CASES) or (read and letter not in RATIONALE_CASES)
    if letter in RATIONALE_CASES:
        assert read


@pytest.mark.parametrize("letter", [p.parent.name for p in LETTERS])
def test_the_draft_round_trips_through_its_case_file(drafts, letter: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from imr_engine.facts import load_case

    _, case = drafts[(letter, True)]
    path = tmp_path / "case.yaml"
    path.write_text(case_yaml(case, source=letter, use_rationale=True), encoding="utf-8")
    assert load_case(path) == case
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["case_id"] == letter
    assert case_report(case).startswith(f"Draft case {letter}")


def test_extraction_is_deterministic() -> None:
    raw = LETTERS[0].read_text(encoding="utf-8")
    first = json.dumps(extract_case(raw, use_rationale=True).model_dump(mode="json"), sort_keys=True)
    assert first == json.dumps(extract_case(raw, use_rationale=True).model_dump(mode="json"), sort_keys=True)


def test_a_parsed_letter_with_its_file_quotes_that_file() -> None:
    path = LETTERS[3]
    from_parsed = extract_case(parse_letter_file(path), case_id="x")
    from_text = extract_case(path.read_text(encoding="utf-8"), case_id="x")
    assert from_parsed == from_text


def test_a_parsed_letter_keeps_the_text_it_was_read_from_out_of_its_dump() -> None:
    path = LETTERS[3]
    letter = parse_letter_file(path)
    assert letter.text == path.read_text(encoding="utf-8")
    assert "text" not in letter.model_dump() and letter.items[0].request in letter.model_dump_json()


def test_a_parsed_letter_without_its_text_quotes_its_own_parts() -> None:
    # as a letter rebuilt from `imr parse --json` output: neither the text nor a file
    letter = parse_letter_file(LETTERS[2]).model_copy(update={"source": None, "text": ""})
    case = extract_case(letter, case_id="x")
    assert [r.text for r in case.requests] == [i.request for i in letter.items]
    parts = " ".join([letter.summary] + [i.request for i in letter.items])
    assert all(" ".join(e.quote.split()) in parts for e in _evidence(case))


# Facts read off the letters (each assertion quotes the words it rests on).


def test_letter_000_dates_drugs_and_ratings(drafts) -> None:  # type: ignore[no-untyped-def]
    _, case = drafts[("000_6e1af9fa5d98bcdd", False)]
    assert (case.claimant.age, case.claimant.sex) == (40, "male")  # "a 40 year old male"
    assert str(case.date_of_injury.date) == "2000-11-06"  # "industrial injury on November 6, 2000"
    assert str(case.ur_decision_date.date) == "2015-08-28"  # "Utilization Review documentation dated August 28, 2015"
    soma = next(m for m in case.medications if m.name == "Soma")  # "Soma (since at least February of 2015)"
    assert (str(soma.started), soma.started_qualifier, soma.status) == ("2015-02", "at_least_since", "current")
    gralise = next(m for m in case.medications if m.name == "Gralise")  # "tried and failed include ... Gralise"
    assert gralise.status == "tried_failed"
    # "documentation dated 6-22-2015 and 4-22-2015 ... remained 8-10 out of 10"
    assert {(p.score, p.score_max, str(p.date)) for p in case.pain_scores if p.score_max} == {
        (8, 10, "2015-06-22"),
        (8, 10, "2015-04-22"),
    }


def test_letter_000_rationale_facts(drafts) -> None:  # type: ignore[no-untyped-def]
    _, case = drafts[("000_6e1af9fa5d98bcdd", True)]
    # "A urine drug screen conducted in June, 2015 was not consistent for opioid use"
    assert ("2015-06", "no") in {(str(s.date), s.consistent) for s in case.monitoring.urine_drug_screens}
    # "despite the injured worker being prescribed Fentanyl, Percocet, and Methadone"
    methadone = next(m for m in case.medications if m.name == "Methadone")
    assert methadone.status == "current" and all(e.source == "rationale" for e in methadone.evidence)
    # "He continues to rate his pain as an 8/10 with the use of Percocet"
    assert (8, None, "with_medication") in {(p.score, p.date, p.context) for p in case.pain_scores}


def test_letter_001_cut_off_summary(drafts) -> None:  # type: ignore[no-untyped-def]
    _, case = drafts[("001_911e865f50b21622", False)]
    assert case.claimant.sex == "female" and case.claimant.age is None  # no age given; "her" throughout
    assert [str(r.date) for r in case.report_dates] == ["2013-08-23", "2013-09-27"]  # "On 09/27/2013, the treati"
    assert case.exam.neurological_deficit.value == "no"  # "No specific neurological deficits were noted on exam"
    assert case.clinical.surgical_candidate.value == "no"  # "the patient was not a surgical candidate"
    assert "radiofrequency ablation" not in {t.name for t in case.treatments}  # "awaiting approval for"


def test_letter_003_monitoring(drafts) -> None:  # type: ignore[no-untyped-def]
    _, case = drafts[("003_54b8f692fb4011a5", False)]
    m = case.monitoring
    assert m.cures_checked.value == "yes"  # "CURES reports showed"
    assert m.other_prescribers.value == "yes"  # "received Norco from the Emergency Department"
    assert m.opioid_agreement.value == "yes"  # "The pain contract was discussed"
    assert (m.side_effects.value, m.aberrant_behavior.value) == ("no", "no")  # "no side effects", "not suspected"
    assert case.function.objective_improvement.value == "no"  # "activity level remained the same"
    assert case.function.subjective_improvement.value == "yes"  # "Medications were working well"
    assert case.exam.muscle_spasm.value == "unknown"  # "Soma for spasms" is a plan, not an exam


def test_letter_004_exam_and_rationale_exam(drafts) -> None:  # type: ignore[no-untyped-def]
    _, plain = drafts[("004_3f37efda7cfb3431", False)]
    assert (plain.exam.tenderness.value, plain.exam.trigger_points.value) == ("yes", "yes")
    assert plain.exam.muscle_spasm.value == "unknown"
    assert [t.name for t in plain.treatments] == ["trigger point injections", "massage"]
    _, full = drafts[("004_3f37efda7cfb3431", True)]
    assert full.exam.muscle_spasm.value == "no"  # "nor were there any spasms present on physical examination"
    klonopin = next(m for m in full.medications if m.name == "Klonopin")
    assert (klonopin.status, klonopin.long_term) == ("current", "yes")  # "being prescribed for long term use"
