"""Request kinds the w27-w29 notes named that no topic covered: sedation for a procedure, continence supplies.

Each kind with several phrasings of our own; and the lines where the same words belong to another item.
"""

from __future__ import annotations

import pytest

from imr_engine.requests import parse_request


@pytest.mark.parametrize(
    ("line", "service"),
    [
        ("IV sedation / monitored anesthesia care for the above", "procedural_sedation"),
        ("Monitored anesthesia care for L4-5 TFESI", "procedural_sedation"),
        ("Conscious sedation for bilateral L4-5, L5-S1 medial branch blocks", "procedural_sedation"),
        ("MAC anesthesia for the cervical ESI", "procedural_sedation"),
        ("Intravenous sedation (midazolam/fentanyl) during RFA", "procedural_sedation"),
        ("Moderate sedation, CPT 99152", "procedural_sedation"),
        ("Anesthesia", "procedural_sedation"),
        ("Sedation", "procedural_sedation"),
        ("Skin care / continence supplies x 3 months (barrier cream, perineal cleanser, underpads, absorbent briefs)",
         "incontinence_supplies"),
        ("Incontinence supplies: briefs and underpads x 90 days", "incontinence_supplies"),
        ("Intermittent catheters #120 per month", "incontinence_supplies"),
        ("Absorbent briefs, 1 case per month", "incontinence_supplies"),
        ("Condom catheters, 30/month", "incontinence_supplies"),
        ("Bowel program supplies x 3 months", "incontinence_supplies"),
    ],
)
def test_new_kinds_are_routed(line: str, service: str) -> None:
    assert parse_request(line).service == service


@pytest.mark.parametrize(
    ("line", "service"),
    [
        # the procedure is the item; its sedation is a word of the line, not a second item
        ("Lumbar ESI with IV sedation", "epidural_steroid_injection"),
        ("Right L4-5 TFESI under fluoroscopy and moderate sedation", "epidural_steroid_injection"),
        ("Shoulder manipulation under anesthesia", "shoulder_surgery"),
    ],
)
def test_sedation_words_inside_another_request(line: str, service: str) -> None:
    assert parse_request(line).service == service


def test_a_drug_for_sedation_is_the_drug() -> None:
    item = parse_request("Modafinil 100 mg for opioid sedation")
    assert item.service != "procedural_sedation"
    assert "modafinil" in item.ingredients


@pytest.mark.parametrize(
    ("line", "per_day"),
    [
        # no sig, but a supply: the daily dose a reviewer reckons from it
        ("Norco 10/325 #60 (30-day supply)", 2),
        ("Norco 10/325 #90 30 day supply", 3),
        ("Percocet 5/325 #120 x 30 days", 4),
        ("Ibuprofen 800 mg #90 for 30 days", 3),
        ("Oxycodone 5 mg #28, 7 day supply", 4),
        # a sig says it first
        ("Norco 10/325 1 bid #60 x 30 days", 2),
        ("Tramadol 50 mg 1 q6h prn #120", 4),
    ],
)
def test_daily_doses_from_a_supply(line: str, per_day: float) -> None:
    assert parse_request(line).doses_per_day == pytest.approx(per_day)


@pytest.mark.parametrize(
    "line",
    [
        "Norco 10/325 #60",  # no supply: the daily dose is unknown
        "Tramadol 50 mg #500 x 30 days",  # more than 12 a day is no daily dose
        "Physical therapy 2x/week x 30 days",  # a service: sessions, not doses
    ],
)
def test_no_daily_dose_without_a_supply_that_gives_one(line: str) -> None:
    assert parse_request(line).doses_per_day is None
