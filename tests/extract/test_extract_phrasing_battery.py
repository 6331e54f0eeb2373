"""The phrasing batteries: how clinicians in general write pain, function, monitoring and medications.

Each YAML file under `battery/` lists sentences written for the tests (terse, dictated, template, table row,
ESL, abbreviated) with the scored facts the reader must give for them, and near-misses (negated, planned,
historical, another drug or person) that must read otherwise. The reader is judged through the scorer's
own view of a case (`case_values`), so a battery case fails exactly where a key with that value would.
A case the reader does not read yet carries `known:` (why), and runs as a strict xfail, so that reading it
later makes the test say so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from fragments import read_fragment

from imr_engine.corpus.notes import case_values
from imr_engine.vocabulary import load_vocabulary

BATTERY = Path(__file__).parent / "battery"


def _value(value: Any) -> str | None:
    """A battery value as the scorer writes it: yes/no for booleans, whole numbers without a point."""
    if value is None:
        return None
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value)


def _cases() -> list[Any]:
    params = []
    for path in sorted(BATTERY.glob("*.yaml")):
        book = yaml.safe_load(path.read_text(encoding="utf-8"))
        for n, case in enumerate(book["cases"], 1):
            marks = [pytest.mark.xfail(reason=case["known"], strict=True)] if case.get("known") else []
            params.append(
                pytest.param(case["text"], case.get("request", book["request"]), case["expect"], id=f"{path.stem}-{n}", marks=marks)
            )
    return params


@pytest.mark.parametrize(("text", "request_text", "expect"), _cases())
def test_battery_sentence_reads_as_clinicians_mean_it(text: str, request_text: str, expect: dict[str, Any]) -> None:
    case = read_fragment(text, request_text)
    got = case_values(case, load_vocabulary())
    relief = {round(r.percent) for r in case.monitoring.stated_relief}
    for key, want in expect.items():
        if key == "relief":
            assert set(want) <= relief, (key, relief)
        elif key == "relief-":
            assert not set(want) & relief, (key, relief)
        elif key == "medications+":
            assert set(want) <= set(got["medications"]), (key, got["medications"])
        elif key == "medications-":
            assert not set(want) & set(got["medications"]), (key, got["medications"])
        elif key == "purpose":  # the request's purpose: wean, or null for anything else
            purpose = case.requests[0].purpose
            assert (purpose == want) if want else purpose != "wean", (key, purpose)
        else:
            assert got[key] == _value(want), (key, got[key])
