"""A device is replaced when the worker's own is worn beyond repair or no longer fits; the finding is the device's.

The ODG replaces a prosthesis or its socket or liner for a limb that changed so the socket no longer
fits, or for irreparable wear (Knee & Leg, Prostheses), and pressure garments as they lose tension
(Burns, Pressure garments). A record that tells of a broken walker says nothing about a socket: each
quote of the case's finding counts only for the request for the device it names, and a quote naming
no device counts for every device request. The cases are written for these tests.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from scenarios import build_case

from imr_engine.engine import Engine
from imr_engine.engine.derive import derive_items
from imr_engine.engine.devices import replacement_requested
from imr_engine.engine.terminology import VocabularyTerminology
from imr_engine.requests import parse_request
from imr_engine.vocabulary import load_vocabulary

AMPUTATION = [{"name": "acquired absence of right leg below knee", "evidence": [{"quote": "R BKA", "source": "summary"}]}]


def _unserviceable(*quotes: str) -> dict[str, Any]:
    return {"device_unserviceable": {"value": "yes", "evidence": [{"quote": q, "source": "summary"} for q in quotes]}}


def _item(engine: Engine, requests: list[str], **sections: Any) -> tuple[str, list[str], dict[str, str]]:
    item = engine.evaluate(build_case(requests, decided="2015-03-10", diagnoses=AMPUTATION, **sections)).items[0]
    notes = {f.name: f.derived_by for r in item.rules for f in r.facts if f.derived_by}
    return item.predicted, [r.rule_id for r in item.rules if r.decisive], notes


def test_a_loose_socket_supports_a_replacement_socket(engine: Engine) -> None:
    predicted, rules, _ = _item(engine, ["Replacement prosthetic socket, R BK"], clinical=_unserviceable("socket now loose, pistoning"))
    assert predicted == "Overturned"
    assert rules == ["odg.prosthesis.replacement-device-unserviceable"]


def test_a_broken_walker_says_nothing_of_the_socket(engine: Engine) -> None:
    predicted, rules, _ = _item(engine, ["Replacement prosthetic socket, R BK"],
                                clinical=_unserviceable("rolling walker - brakes failed"))
    assert predicted == "Upheld"  # replacement not established: nothing documented about the socket
    assert "odg.prosthesis.replacement-device-unserviceable" not in rules


def test_each_device_keeps_what_is_told_of_it() -> None:
    vocab = load_vocabulary()
    case = build_case(["Rolling walker, replacement", "Replacement prosthetic socket, R BK", "Naproxen 550 mg #60"],
                      decided="2015-03-10", diagnoses=AMPUTATION,
                      clinical=_unserviceable("rolling walker - brakes failed", "socket now loose"))
    items = [parse_request(r.text, vocab) for r in case.requests]
    walker, socket, drug = derive_items(case, items, dt.date(2015, 3, 10), VocabularyTerminology(vocab))
    assert [e.quote for e in walker.evidence["device_unserviceable"]] == ["rolling walker - brakes failed"]
    assert [e.quote for e in socket.evidence["device_unserviceable"]] == ["socket now loose"]
    assert drug.values["device_unserviceable"] == "unknown"  # no device requested: nothing told of it
    assert walker.values["replacement_requested"] == socket.values["replacement_requested"] == "yes"


def test_the_trace_names_the_quote_set_aside() -> None:
    vocab = load_vocabulary()
    case = build_case(["Replacement prosthetic socket, R BK"], decided="2015-03-10", diagnoses=AMPUTATION,
                      clinical=_unserviceable("rolling walker - brakes failed"))
    items = [parse_request(r.text, vocab) for r in case.requests]
    derived = derive_items(case, items, dt.date(2015, 3, 10), VocabularyTerminology(vocab))[0]
    assert derived.values["device_unserviceable"] == "unknown"
    assert "another device" in derived.how["device_unserviceable"]
    assert "brakes failed" in derived.how["device_unserviceable"]


@pytest.mark.parametrize(("line", "replacing"), [
    ("Replacement prosthetic socket, R BK", True),
    ("Custom pressure garments, 2 sets (replacement)", True),
    ("Replace rolling walker - brakes failed", True),
    ("New gel liners x 2", True),
    ("Below knee prosthesis, right", False),
    ("Custom pressure garments, vest and sleeves", False),
])
def test_a_request_line_that_replaces_a_device(line: str, replacing: bool) -> None:
    assert replacement_requested(line) is replacing
