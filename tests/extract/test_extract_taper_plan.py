"""A taper the note sets out for one request is not another request's taper (imr_engine/extract/taper_plan.py)."""

from __future__ import annotations

from imr_engine.extract import extract_text

VISIT = "Date of service: 03/14/2016\n"


def _purposes(text: str, requests: list[str]) -> list[str]:
    return [r.purpose for r in extract_text(VISIT + text + "\n", requests).requests]


def test_a_taper_of_the_long_acting_product_is_not_the_short_acting_request() -> None:
    text = "Plan:\n1. OxyContin taper: 20 mg q12h -> 15 mg q12h x 4 weeks (OxyContin 15 mg #56)\n2. Oxycodone 10 mg TID prn #90"
    purposes = _purposes(text, ["OxyContin 15 mg #56", "Oxycodone 10 mg 1 PO TID prn #90"])
    assert purposes[0] == "wean" and purposes[1] != "wean"


def test_each_request_takes_only_its_own_entry() -> None:
    text = "Medications:\n  Norco 10/325 ....... 1 PO TID (taper in progress)\n  Cyclobenzaprine 10 mg ..... 1 PO qhs"
    purposes = _purposes(text, ["Norco 10/325 mg #90", "Cyclobenzaprine 10 mg #30"])
    assert purposes[0] == "wean" and purposes[1] != "wean"
