"""Phrasing batteries for a note's structure: layouts and sections, dates, the claimant, request lines.

The batteries (`tests/extract/battery/structure/*.yaml`) were written for these tests before any tune miss
was read: note skeletons across the styles UR staff receive (PR-2, SOAP, dictated, RFA, EHR problem-oriented
plans, faxed pages, study title lines, inline numbered lists, flattened tables, coded diagnoses), visit,
injury and surgery dates as forms and clinicians write them, the worker's age and sex, and request lines
as RFA tables, plan bullets and "will request" sentences write them. Each expected value is what the text
states (corpus/README.md's key conventions; visits are frequency x duration), never what the reader returns.
A `gap:` entry is a strict xfail naming a phrasing still unread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from fragments import read_fragment

from imr_engine.engine.evaluate import resolve_as_of
from imr_engine.extract import extract_text
from imr_engine.extract.case import note_text_map
from imr_engine.extract.note_layout import note_sentences
from imr_engine.requests import parse_request

_HERE = Path(__file__).parent / "battery" / "structure"
_REQUEST = "Office visit x 1"


def _load(name: str) -> list[dict[str, Any]]:
    entries = yaml.safe_load((_HERE / name).read_text(encoding="utf-8"))
    assert isinstance(entries, list) and entries
    return entries


def _cases(entries: list[dict[str, Any]], key: str = "text") -> list[Any]:
    """Each entry as a test case; a known gap ("gap: why") is a strict xfail, so reading it must remove the mark."""
    return [pytest.param(e, id=str(e.get("name") or e[key])[:60],
                         marks=pytest.mark.xfail(strict=True, reason=e["gap"]) if "gap" in e else ())
            for e in entries]


REQUESTS = _load("requests.yaml")
DATES = _load("dates.yaml")
LAYOUTS = _load("layouts.yaml")
CLAIMANT = _load("claimant.yaml")


@pytest.mark.parametrize("entry", _cases(REQUESTS))
def test_request_line(entry: dict[str, Any]) -> None:
    item = parse_request(entry["text"]).model_dump()
    wrong = {k: (v, item.get(k)) for k, v in entry["want"].items() if item.get(k) != v}
    assert not wrong, wrong


@pytest.mark.parametrize("entry", _cases(DATES))
def test_date_phrasing(entry: dict[str, Any]) -> None:
    case = extract_text(entry["text"], [_REQUEST])
    if "as_of" in entry:
        assert str(resolve_as_of(case, None).date) == entry["as_of"], [str(r.date) for r in case.report_dates]
    if "injury" in entry:
        assert case.date_of_injury is not None and str(case.date_of_injury.date) == entry["injury"]
    if "no_surgery" in entry:
        assert not any(entry["no_surgery"] in x.name.lower() for x in case.surgeries), [x.model_dump() for x in case.surgeries]
    if "surgery_date" in entry:
        dates = [str(s.date) for s in case.surgeries if s.date is not None]
        assert entry["surgery_date"] in dates, [s.model_dump() for s in case.surgeries]


def _section_of(text: str, phrase: str) -> str:
    for s in note_sentences(note_text_map(text)):
        if phrase in s.text:
            return s.section or "none"
    raise AssertionError(f"{phrase!r} is in no sentence")


@pytest.mark.parametrize("entry", _cases(LAYOUTS))
def test_layout_sections(entry: dict[str, Any]) -> None:
    got = {phrase: _section_of(entry["text"], phrase) for phrase in entry.get("sections", {})}
    assert got == entry.get("sections", {})


@pytest.mark.parametrize("entry", _cases(LAYOUTS))
def test_layout_facts(entry: dict[str, Any]) -> None:
    case = extract_text(entry["text"], [_REQUEST])
    names = [d.name.lower() for d in case.diagnoses]
    for word in entry.get("diagnosis", []):
        assert any(word in n for n in names), (word, names)
    for word in entry.get("no_diagnosis", []):
        assert not any(word in n for n in names), (word, names)
    drugs = [m.name.lower() for m in case.medications]
    for word in entry.get("medication", []):
        assert any(word in n for n in drugs), (word, drugs)
    if "work_status" in entry:
        assert case.function.work_status.value == entry["work_status"]


@pytest.mark.parametrize("entry", _cases(CLAIMANT))
def test_claimant_phrasing(entry: dict[str, Any]) -> None:
    claimant = read_fragment(entry["text"]).claimant
    if "age" in entry:
        assert claimant.age == entry["age"]
    if "sex" in entry:
        assert claimant.sex == entry["sex"]
    if entry.get("no_sex"):
        assert claimant.sex == "unknown"
    if entry.get("no_age"):
        assert claimant.age is None
