"""Phrasing batteries: how clinicians in general write prior courses, findings, diagnoses and dates.

The batteries (`tests/extract/battery/history/*.yaml`; pain, function, monitoring and medications are
`test_extract_phrasing_battery.py`'s) are sentences written for these tests in many styles
(terse, dictated, template, result tables, ESL word order, abbreviations), each with the value it states
by the case-fact descriptions and corpus/README.md's key conventions, and near-misses that must read
otherwise. They are data so that a class of phrasings is read as a class, not one sentence at a time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from fragments import read_fragment

from imr_engine.facts import CaseFacts

_HERE = Path(__file__).parent / "battery" / "history"


def _load(name: str) -> list[dict[str, Any]]:
    entries = yaml.safe_load((_HERE / name).read_text(encoding="utf-8"))
    assert isinstance(entries, list) and entries
    return entries


def _id(entry: dict[str, Any]) -> str:
    return entry["text"][:60]


def _cases(entries: list[dict[str, Any]], ids: list[str]) -> list[Any]:
    """Each entry as a test case; a known gap ("gap: why") is a strict xfail, so reading it must remove the mark."""
    return [pytest.param(e, id=i, marks=pytest.mark.xfail(strict=True, reason=e["gap"]) if "gap" in e else ())
            for e, i in zip(entries, ids, strict=True)]


COURSES = _load("courses.yaml")
FINDINGS = _load("findings.yaml")
LAYOUT = _load("layout.yaml")
DEVICES = _load("devices.yaml")


@pytest.mark.parametrize("entry", _cases(COURSES, [_id(e) for e in COURSES]))
def test_course_phrasing(entry: dict[str, Any]) -> None:
    case = read_fragment(entry["text"])
    found = [t for t in case.treatments if t.kind != "medication"]
    if "no_course" in entry:  # no course of the service (with *sessions*: none of that count, a request's)
        assert all(t.service != entry["no_course"] or ("sessions" in entry and t.sessions != entry["sessions"])
                   for t in found), [t.model_dump() for t in found]
        return
    want = entry["course"]
    same = [t for t in found if t.service == want["service"]]
    assert same, [t.model_dump() for t in found]
    if "courses" in want:  # how many courses of the service (one injection told twice is one)
        assert len(same) == want["courses"], [t.model_dump() for t in found]
    if "sessions" in want:
        same = [t for t in same if t.sessions == want["sessions"]]
        assert same, [t.model_dump() for t in found]
    if "effect" in want:
        effect = "unknown" if want["effect"] == "none" else want["effect"]
        assert any(t.effect == effect for t in same), [t.model_dump() for t in found]
    if "temporary" in want:
        if want["temporary"] == "yes":
            assert any(getattr(t, "temporary", None) == "yes" for t in same), [t.model_dump() for t in found]
        else:
            assert all(getattr(t, "temporary", None) != "yes" for t in same), [t.model_dump() for t in found]
    if "functional" in want:  # a functional gain credited to the course ("back to full duty"), or none read
        if want["functional"] == "yes":
            assert any(t.functional_improvement == "yes" for t in same), [t.model_dump() for t in found]
        else:
            assert all(t.functional_improvement != "yes" for t in same), [t.model_dump() for t in found]


def _finding(case: CaseFacts, key: str) -> str:
    obj: Any = case
    for part in key.split("."):
        obj = getattr(obj, part)
    return str(obj.value)


@pytest.mark.parametrize("entry", _cases(FINDINGS, [f"{e['key']}:{_id(e)}" for e in FINDINGS]))
def test_finding_phrasing(entry: dict[str, Any]) -> None:
    value = _finding(read_fragment(entry["text"]), entry["key"])
    want = entry["value"]
    if want.startswith("not "):
        assert value != want[4:]
    else:
        assert value == want


@pytest.mark.parametrize("entry", _cases(LAYOUT, [_id(e) for e in LAYOUT]))
def test_layout_phrasing(entry: dict[str, Any]) -> None:
    case = read_fragment(entry["text"])
    names = [d.name.lower() for d in case.diagnoses]
    if "diagnosis" in entry:
        assert any(entry["diagnosis"] in n for n in names), names
    if "no_diagnosis" in entry:
        assert not any(entry["no_diagnosis"] in n for n in names), names
    if "injury" in entry:
        assert case.date_of_injury is not None and str(case.date_of_injury.date) == entry["injury"]
    if "no_injury" in entry:  # a date that is some other event's, never the injury's
        assert case.date_of_injury is None or str(case.date_of_injury.date) != entry["no_injury"], case.date_of_injury
    if "medication" in entry:
        assert any(entry["medication"] in m.name.lower() for m in case.medications), [m.name for m in case.medications]
    if "no_surgery" in entry:
        assert not any(entry["no_surgery"] in x.name.lower() for x in case.surgeries), [x.model_dump() for x in case.surgeries]
    if "surgery_date" in entry:
        dates = [str(s.date) for s in case.surgeries if s.date is not None]
        assert entry["surgery_date"] in dates, [s.model_dump() for s in case.surgeries]


@pytest.mark.parametrize("entry", _cases(DEVICES, [_id(e) for e in DEVICES]))
def test_device_phrasing(entry: dict[str, Any]) -> None:
    """A stimulator in use or tried: its effect and relief (CPMTG TENS p. 114-116, SCS p. 105-107)."""
    case = read_fragment(entry["text"])
    found = [t for t in case.treatments if t.kind != "medication"]
    if "no_course" in entry:
        assert all(t.service != entry["no_course"] for t in found), [t.model_dump() for t in found]
        return
    want = entry["course"]
    same = [t for t in found if t.service == want["service"]]
    assert same, [t.model_dump() for t in found]
    if "effect" in want:
        assert any(t.effect == want["effect"] for t in same), [t.model_dump() for t in found]
    if "relief" in want:
        assert any(t.relief_percent is not None and abs(t.relief_percent - want["relief"]) < 0.6 for t in same), [
            t.model_dump() for t in found]
    if "no_relief" in entry:
        assert all(t.relief_percent != entry["no_relief"] for t in same), [t.model_dump() for t in found]
    if "functional" in want:  # a gain credited to the trial (or none)
        credited = [t.functional_improvement == "yes" for t in same]
        assert any(credited) if want["functional"] in ("yes", True) else not any(credited), [t.model_dump() for t in found]
    if "reduced" in want:  # less medication with the trial (YAML reads a bare yes as true)
        reduced = "yes" if want["reduced"] is True else "no" if want["reduced"] is False else want["reduced"]
        assert any(t.medication_reduction == reduced for t in same), [t.model_dump() for t in found]
