"""Extraction on arbitrary text: only the project's own errors, and every quote still at its offsets.

Random text rarely looks like a letter, so letters are also built around random case
summaries and rationales (a real letter's skeleton with the words replaced), which
sends the text through every reader.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imr_engine.errors import ExtractionError, InputFileError, LetterParseError
from imr_engine.extract import extract_case, extract_text
from imr_engine.facts import CaseFacts

ALLOWED = (ExtractionError, LetterParseError, InputFileError)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Words the readers react to, so random prose exercises them.
WORDS = (
    "pain",
    "rated",
    "8/10",
    "out",
    "of",
    "10",
    "with",
    "without",
    "medications",
    "no",
    "not",
    "since",
    "at",
    "least",
    "February",
    "2015",
    "dated",
    "06/22/2015",
    "June,",
    "year",
    "old",
    "male",
    "female",
    "she",
    "he",
    "Norco",
    "Soma",
    "include",
    "Current",
    "tried",
    "and",
    "failed",
    "urine",
    "drug",
    "screen",
    "consistent",
    "CURES",
    "spasm",
    "exam",
    "revealed",
    "tenderness",
    "trigger",
    "points",
    "injury",
    "on",
    "status",
    "post",
    "fusion",
    "in",
    "2002",
    "dating",
    "back",
    "to",
    "for",
    "6",
    "months",
    "documentation",
    "there",
    "was",
    "improvement",
    "function",
    "working",
    "part",
    "time",
    "requests",
    "Diagnoses",
    "included",
    "lumbar",
    "radiculopathy",
    "(since",
    "least)",
    ",",
    ".",
    ";",
    "-",
    "/",
    "#60",
    "Treatment",
    "to",
    "date",
    "has",
    "utilization",
    "review",
    "non-certified",
    "eight",
    "ten",
    "scale",
    "1-10",
    "long-term",
    "use",
    "chronic",
    "opioid",
    "treatment",
    "being",
    "prescribed",
    "Methadone",
    "\n",
    "\n\n",
    "  ",
    "non-",
    "On",
    "09/27/2013,",
    "the",
    "treating",
    "physician",
)
prose = st.lists(st.sampled_from(WORDS), min_size=0, max_size=80).map(" ".join)
any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
request_line = st.text(alphabet=string.ascii_letters + string.digits + " #/().,-", min_size=1, max_size=40)

SKELETON = """ HOW THE IMR FINAL DETERMINATION WAS MADE

The expert reviewer was selected.

CLINICAL CASE SUMMARY

The expert reviewer developed the following clinical case summary based on a review of the
case file, including all medical records:

{summary}

IMR ISSUES, DECISIONS AND RATIONALES

The Final Determination was based on decisions for the disputed items/services set forth below:

{request}: Upheld

Claims Administrator guideline: Decision based on MTUS.

MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 74-94.

Decision rationale: {rationale} The request is not medically necessary.
"""


def _check(case: CaseFacts, raw: str) -> None:
    for fact in _evidence(case.model_dump(mode="python")):
        if fact.get("start") is not None:
            assert raw[fact["start"] : fact["end"]] == fact["quote"]


def _evidence(node: object) -> list[dict]:
    found: list[dict] = []
    if isinstance(node, dict):
        found += list(node.get("evidence") or [])
        for k, v in node.items():
            if k != "evidence":
                found += _evidence(v)
    elif isinstance(node, list):
        for v in node:
            found += _evidence(v)
    return found


@FUZZ
@given(text=any_text)
def test_arbitrary_text_as_a_letter_raises_only_project_errors(text: str) -> None:
    try:
        case = extract_case(text, use_rationale=True)
    except ALLOWED:
        return
    _check(case, text)


@FUZZ
@given(summary=prose, rationale=prose, request=request_line.filter(lambda r: r.strip() and ":" not in r))
def test_letters_with_random_summaries_extract_with_exact_quotes(summary: str, rationale: str, request: str) -> None:
    raw = SKELETON.format(summary=summary, rationale=rationale, request=request.strip())
    for use_rationale in (False, True):
        try:
            case = extract_case(raw, use_rationale=use_rationale)
        except ALLOWED:
            continue
        _check(case, raw)
        if not use_rationale:
            assert all(e["source"] != "rationale" for e in _evidence(case.model_dump(mode="python")))


@FUZZ
@given(text=st.one_of(any_text, prose), requests=st.lists(request_line, max_size=3))
def test_free_text_notes_raise_only_project_errors(text: str, requests: list[str]) -> None:
    try:
        case = extract_text(text, requests)
    except ALLOWED:
        return
    _check(case, text)
    assert [r.text for r in case.requests] == [" ".join(r.split()) for r in requests if r.strip()]


@pytest.mark.parametrize("bad", ["", "   \n\t", "a\x00b"])
def test_empty_and_binary_text_is_refused(bad: str) -> None:
    with pytest.raises(ExtractionError):
        extract_case(bad)
    with pytest.raises(ExtractionError):
        extract_text(bad, ["Norco 10/325mg #90"])


def test_a_note_without_request_lines_is_refused() -> None:
    with pytest.raises(ExtractionError, match="no request lines"):
        extract_text("Pain is 8/10.", ["  "])


def test_something_that_is_not_text_is_refused() -> None:
    with pytest.raises(ExtractionError, match="expected letter text"):
        extract_case(42)  # type: ignore[arg-type]
