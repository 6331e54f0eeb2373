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
