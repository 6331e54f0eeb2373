"""The five case files against their letters: every fact rests on words the letter has.

A case file is hand-written evidence; these tests keep it honest. Every quote must
stand in the letter (in the section its `source` names), every fact that departs
from "not documented" must carry a quote, the requests must be the letter's item
headings in order, and no quote may carry the decision itself. The letter parser
is deliberately not used: the headings are found with a plain regex, so this test
does not depend on the code it will later check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from imr_engine.facts import CaseFacts, load_case
from imr_engine.facts.fuzzy_date import FuzzyDate
from imr_engine.facts.model import Evidence, Evidenced, Finding

CASES_DIR = Path(__file__).resolve().parents[2] / "cases"
CASE_DIRS = sorted(p for p in CASES_DIR.iterdir() if (p / "letter.txt").is_file())

SUMMARY_HEADING = "CLINICAL CASE SUMMARY"
ISSUES_HEADING = "IMR ISSUES, DECISIONS AND RATIONALES"
HEADING_LINE = re.compile(r"^[ \t]*(\S.*?):[ \t]*(?:Upheld|Overturned)[ \t]*$", re.MULTILINE)

#: Cases whose facts include some that only a decision rationale states.
RATIONALE_CASES = {"000_6e1af9fa5d98bcdd", "002_688b74414b0b408f", "004_3f37efda7cfb3431"}

#: Words that would record the decision rather than the patient.
OUTCOME_WORDS = re.compile(r"\b(upheld|overturned|medically necessary)\b", re.IGNORECASE)


def normalise(text: str) -> str:
    return " ".join(text.split())


def letter_sections(letter: str) -> dict[str, str]:
    """The letter split by source: summary, rationale (the issues section), request headings."""
    start = letter.index(SUMMARY_HEADING)
    issues = letter.index(ISSUES_HEADING)
    return {
        "summary": normalise(letter[start:issues]),
        "rationale": normalise(letter[issues:]),
        "request": " | ".join(normalise(h) for h in item_headings(letter)),
    }


def item_headings(letter: str) -> list[str]:
    """Request texts of the disputed items: lines '<request>: Upheld|Overturned'."""
    return [normalise(m.group(1)) for m in HEADING_LINE.finditer(letter)]


def walk_evidenced(node: object, path: str = "") -> Iterator[tuple[str, Evidenced]]:
    """Every fact (Evidenced object) in a model, with a readable path to it."""
    if isinstance(node, Evidenced):
        yield path or "(case)", node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name == "evidence":
                continue
            child = getattr(node, name)
            yield from walk_evidenced(child, f"{path}.{name}" if path else name)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            label = getattr(item, "name", None) or getattr(item, "text", None) or i
            yield from walk_evidenced(item, f"{path}[{label}]")


def is_set(fact: Evidenced) -> bool:
    """Whether a fact says something beyond its default ('not documented')."""
    try:
        default = type(fact)()
    except ValidationError:
        return True  # a list item such as a medication always states something
    return fact.model_dump(exclude={"evidence"}) != default.model_dump(exclude={"evidence"})


def rationale_only_paths(facts: CaseFacts) -> list[str]:
    """Paths of facts that assert something and rest only on a decision rationale.

    A finding left `unknown` asserts nothing, even when a rationale is quoted for
    it ("there is no documentation of ..."), so it is not counted.
    """
    return [
        path
        for path, fact in walk_evidenced(facts)
        if fact.rationale_only and not (isinstance(fact, Finding) and fact.value == "unknown")
    ]


def all_evidence(facts: CaseFacts) -> Iterator[tuple[str, Evidence]]:
    for path, fact in walk_evidenced(facts):
        for e in fact.evidence:
            yield path, e


@pytest.fixture(params=CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def case_dir(request: pytest.FixtureRequest) -> Path:
    return request.param


@pytest.fixture
def facts(case_dir: Path) -> CaseFacts:
    return load_case(case_dir / "case.yaml")


@pytest.fixture
def letter(case_dir: Path) -> str:
    return (case_dir / "letter.txt").read_text(encoding="utf-8")


def test_every_letter_has_a_case_file() -> None:
    assert len(CASE_DIRS) >= 5
    missing = [p.name for p in CASE_DIRS if not (p / "case.yaml").is_file()]
    assert not missing, f"letters without case.yaml: {missing}"


def test_case_file_loads_and_names_its_case(case_dir: Path, facts: CaseFacts) -> None:
    assert facts.case_id == case_dir.name


def test_every_quote_is_in_the_letter(case_dir: Path, facts: CaseFacts, letter: str) -> None:
    text = normalise(letter)
    missing = [
        f"{case_dir.name}: {path}: quote not in letter: {e.quote!r}"
        for path, e in all_evidence(facts)
        if normalise(e.quote) not in text
    ]
    assert not missing, "\n".join(missing)


def test_every_quote_stands_where_its_source_says(case_dir: Path, facts: CaseFacts, letter: str) -> None:
    sections = letter_sections(letter)
    misplaced = [
        f"{case_dir.name}: {path}: quote not in the {e.source} section: {e.quote!r}"
        for path, e in all_evidence(facts)
        if normalise(e.quote) not in sections[e.source]
    ]
    assert not misplaced, "\n".join(misplaced)


def test_every_stated_fact_has_evidence(case_dir: Path, facts: CaseFacts) -> None:
    bare = [f"{case_dir.name}: {path}" for path, fact in walk_evidenced(facts) if is_set(fact) and not fact.evidence]
    assert not bare, "facts without evidence:\n" + "\n".join(bare)


def test_no_quote_records_the_decision(case_dir: Path, facts: CaseFacts) -> None:
    outcomes = [f"{case_dir.name}: {path}: {e.quote!r}" for path, e in all_evidence(facts) if OUTCOME_WORDS.search(e.quote)]
    assert not outcomes, "\n".join(outcomes)


def test_requests_are_the_item_headings_in_order(case_dir: Path, facts: CaseFacts, letter: str) -> None:
    headings = item_headings(letter)
    assert headings, f"{case_dir.name}: no item headings found"
    assert [normalise(r.text) for r in facts.requests] == headings


def test_requests_quote_their_heading_and_leave_parsing_to_the_parser(case_dir: Path, facts: CaseFacts) -> None:
    for r in facts.requests:
        quoted = [normalise(e.quote) for e in r.evidence if e.source == "request"]
        assert normalise(r.text) in quoted, f"{case_dir.name}: request {r.text!r} does not quote its heading"
        assert r.item is None, f"{case_dir.name}: request {r.text!r} sets item; the request parser fills it"


def test_as_of_is_left_to_the_engine(facts: CaseFacts) -> None:
    assert facts.as_of is None


def test_dates_are_in_a_possible_order(case_dir: Path, facts: CaseFacts) -> None:
    """Nothing happens before the injury or after the latest thing the letter dates."""
    assert facts.date_of_injury is not None, f"{case_dir.name}: every letter gives a date of injury"
    injury = facts.date_of_injury.date.earliest()
    dated: list[tuple[str, FuzzyDate]] = [(f"report_dates[{i}]", d.date) for i, d in enumerate(facts.report_dates)]
    if facts.ur_decision_date:
        dated.append(("ur_decision_date", facts.ur_decision_date.date))
    assert dated, f"{case_dir.name}: no report date"
    horizon = max(d.latest() for _, d in dated)
    for path, fact in walk_evidenced(facts):
        for field in ("date", "started"):
            value = getattr(fact, field, None)
            if isinstance(value, FuzzyDate) and path not in ("date_of_injury",):
                assert value.latest() <= horizon, f"{case_dir.name}: {path}.{field} {value} after {horizon}"
    for path, value in dated:
        assert value.latest() >= injury, f"{case_dir.name}: {path} {value} before the injury"


def test_rationale_only_facts_are_counted(
    case_dir: Path, facts: CaseFacts, record_property: pytest.RecordProperty
) -> None:
    paths = rationale_only_paths(facts)
    record_property("rationale_only_facts", len(paths))
    if case_dir.name in RATIONALE_CASES:
        assert len(paths) > 0
    else:
        assert paths == []


def test_rationale_only_paths_on_a_made_up_case() -> None:
    facts = CaseFacts.model_validate(
        {
            "case_id": "x",
            "exam": {
                "muscle_spasm": {"value": "no", "evidence": [{"quote": "no spasm", "source": "rationale"}]},
                "tenderness": {
                    "value": "yes",
                    "evidence": [{"quote": "t"}, {"quote": "t", "source": "rationale"}],
                },
            },
            "function": {
                "objective_improvement": {"evidence": [{"quote": "not documented", "source": "rationale"}]}
            },
            "medications": [
                {"name": "Methadone", "evidence": [{"quote": "prescribed Methadone", "source": "rationale"}]},
                {"name": "Soma", "evidence": [{"quote": "Soma"}]},
            ],
            "requests": [{"text": "Soma", "evidence": [{"quote": "Soma", "source": "request"}]}],
        }
    )
    assert rationale_only_paths(facts) == ["medications[Methadone]", "exam.muscle_spasm"]
