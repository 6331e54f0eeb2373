"""Every disputed request line of the five letters, read field by field as the letter means it."""

from __future__ import annotations

from pathlib import Path

import pytest

from imr_engine.requests import RequestedItem, Strength, parse_request

CASES = Path(__file__).resolve().parents[2] / "cases"

MG = "mg"


def mg(*values: float) -> list[Strength]:
    return [Strength(value=v, unit=MG) for v in values]


# (case folder prefix, request line as written, expected fields)
LETTER_LINES: list[tuple[str, str, dict[str, object]]] = [
    ("000", "Soma 350mg #60", dict(
        name="Soma", kind="drug", ingredients=["carisoprodol"], drug_class="muscle_relaxant",
        strengths=mg(350), quantity=60, doses_per_day=None, prn=False, refills=None, form="tablet")),
    ("000", "Fentanyl patch 50 microgram (Ugm) every 2 days as needed for baseline pain #15", dict(
        name="Fentanyl patch", kind="drug", ingredients=["fentanyl"], drug_class="opioid",
        strengths=[Strength(value=50, unit="mcg/hr")], quantity=15, doses_per_day=0.5, prn=True,
        refills=None, form="patch", route="transdermal")),
    ("000", "Percocet 10/325 #120 4 times daily as needed", dict(
        name="Percocet", kind="drug", ingredients=["oxycodone", "acetaminophen"], drug_class="opioid",
        strengths=mg(10, 325), quantity=120, doses_per_day=4, prn=True, refills=None, release="IR")),
    ("000", "Soma 350 mg #60", dict(name="Soma", strengths=mg(350), quantity=60)),  # case summary
    ("000", "Percocet 10-325 mg #120 four times daily as needed", dict(  # case summary
        name="Percocet", ingredients=["oxycodone", "acetaminophen"], strengths=mg(10, 325), quantity=120,
        doses_per_day=4, prn=True)),
    ("000", "Fentanyl patch 50 micrograms every 2 days as needed for baseline pain #15", dict(  # case summary
        name="Fentanyl patch", ingredients=["fentanyl"], strengths=[Strength(value=50, unit="mcg/hr")],
        quantity=15, doses_per_day=0.5, prn=True)),
    ("001", "Soma 350mg # 30", dict(
        name="Soma", ingredients=["carisoprodol"], drug_class="muscle_relaxant", strengths=mg(350),
        quantity=30, refills=None)),
    ("001", "Hydrocodone /APAP 10/325mg # 60", dict(
        name="Hydrocodone /APAP", kind="drug", ingredients=["hydrocodone", "acetaminophen"], drug_class="opioid",
        classes=["opioid", "non_opioid_analgesic"], strengths=mg(10, 325), quantity=60, prn=False)),
    ("001", "Thermacare heatwrap # 90 with 5 refills", dict(
        name="Thermacare heatwrap", kind="supply", ingredients=[], drug_class="heat_cold_therapy",
        service="heat_wrap", strengths=[], quantity=90, refills=5, form="wrap")),
    ("002", "Follow up visit, 3 visits", dict(
        name="Follow up visit", kind="office_visit", service="office_visit", drug_class="evaluation_management",
        visits=3, quantity=None, strengths=[])),
    ("002", "Dilaudid 4 mg (1 by mouth every 6 hrs as needed)", dict(
        name="Dilaudid", kind="drug", ingredients=["hydromorphone"], drug_class="opioid", strengths=mg(4),
        quantity=None, units_per_dose=1, doses_per_day=4, prn=True, route="oral")),
    ("002", "Soma 350 mg (1 by mouth every day as needed)", dict(
        name="Soma", ingredients=["carisoprodol"], strengths=mg(350), units_per_dose=1, doses_per_day=1,
        prn=True)),
    ("002", "MS (morphine sulfate) Contin ER extended release 15 mg (1 by mouth every 8 hrs)", dict(
        name="MS (morphine sulfate) Contin ER extended release", kind="drug", ingredients=["morphine"],
        drug_class="opioid", strengths=mg(15), units_per_dose=1, doses_per_day=3, prn=False, release="ER")),
    ("003", "Norco 10/325mg #90", dict(
        name="Norco", ingredients=["hydrocodone", "acetaminophen"], drug_class="opioid", strengths=mg(10, 325),
        quantity=90, release="IR")),
    ("003", "Soma 350mg #30", dict(name="Soma", strengths=mg(350), quantity=30)),
    ("003", "Soma 350mg Qty 30", dict(name="Soma", strengths=mg(350), quantity=30)),  # rationale's spelling
    ("004", "Morphine Er 30mg bib #60 x 3 refills", dict(  # "bib" is the letter's typo for bid
        name="Morphine Er", ingredients=["morphine"], drug_class="opioid", release="ER", strengths=mg(30),
        quantity=60, doses_per_day=2, refills=3, prn=False)),
    ("004", "Percocet 10/325mg q6hrs prn #100 x 3 refills", dict(
        name="Percocet", ingredients=["oxycodone", "acetaminophen"], drug_class="opioid", strengths=mg(10, 325),
        quantity=100, doses_per_day=4, prn=True, refills=3)),
    ("004", "Klonopin 0.5mg HS #30 x 3 refills", dict(
        name="Klonopin", ingredients=["clonazepam"], drug_class="benzodiazepine", strengths=mg(0.5),
        quantity=30, doses_per_day=1, refills=3, prn=False)),
    ("004", "Soma 350mg bid #45 x 3 refills", dict(
        name="Soma", ingredients=["carisoprodol"], drug_class="muscle_relaxant", strengths=mg(350),
        quantity=45, doses_per_day=2, refills=3)),
]  # fmt: skip


def _letter(prefix: str) -> str:
    (folder,) = CASES.glob(f"{prefix}_*")
    return " ".join((folder / "letter.txt").read_text(encoding="utf-8").split())


@pytest.mark.parametrize(("case", "line", "expected"), LETTER_LINES, ids=[line for _, line, _ in LETTER_LINES])
def test_letter_request_line(case: str, line: str, expected: dict[str, object]) -> None:
    assert line in _letter(case), "the line must be quoted from the letter"
    item = parse_request(line)
    assert item.text == line
    for field, value in expected.items():
        assert getattr(item, field) == value, field


def test_every_disputed_item_of_the_letters_is_covered() -> None:
    """Each '<request>: Upheld|Overturned' heading of the five letters is in LETTER_LINES."""
    import re

    headings = set()
    for folder in CASES.iterdir():
        text = (folder / "letter.txt").read_text(encoding="utf-8")
        headings |= {" ".join(m.split()) for m in re.findall(r"^\s*(.+?):\s*(?:Upheld|Overturned)\s*$", text, re.M)}
    assert headings
    assert headings <= {line for _, line, _ in LETTER_LINES}


def test_whitespace_is_normalised_in_text() -> None:
    item = parse_request("  Soma   350mg\n#60 ")
    assert item.text == "Soma 350mg #60"
    assert item.quantity == 60


def test_combination_product_has_every_class() -> None:
    item: RequestedItem = parse_request("Percocet 10/325mg q6hrs prn #100 x 3 refills")
    assert item.classes == ["opioid", "non_opioid_analgesic"]
