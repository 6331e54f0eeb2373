"""Generated request lines parse back to what generated them; parse(format(parse(x))) == parse(x)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.requests import format_request, parse_request
from imr_engine.vocabulary import load_vocabulary

VOCAB = load_vocabulary()
CASES = Path(__file__).resolve().parents[2] / "cases"

# Every disputed item heading of the five letters ("<request>: Upheld"), and service lines.
REAL_LINES = [
    *sorted(
        {
            " ".join(m.split())
            for letter in CASES.glob("*/letter.txt")
            for m in re.findall(r"^\s*(.+?):\s*(?:Upheld|Overturned)\s*$", letter.read_text(encoding="utf-8"), re.M)
        }
    ),
    "Percocet 10-325 mg #120 four times daily as needed",
    "Fentanyl patch 50 micrograms every 2 days as needed for baseline pain #15",
    "L4-5 transforaminal ESI",
    "EMG/NCV bilateral lower extremities",
    "MRI lumbar spine without contrast",
    "acupuncture 2x3 lumbar",
    "TENS unit 30 day trial",
    "H-wave",
    "functional restoration program x 80 hours",
    "chiropractic x 6",
    "PT 2 times a week for 4 weeks",
    "physical therapy 2x4",
    "Home H-wave device purchase",
    "Flurbiprofen 20%/Cyclobenzaprine 4% cream #120",
    "Tylenol #3 #60 1 tab q4-6h prn",
]

# Every product spelling and every generic name, with the ingredients it must resolve to.
NAMES: list[tuple[str, list[str]]] = sorted(
    [(spelling, list(p.ingredients)) for name, p in VOCAB.products.items() for spelling in (name, *p.aliases)]
    + [(name, [name]) for name in VOCAB.ingredients]
)

# Spellings of a schedule, by doses a day.
FREQUENCIES: dict[float, list[str]] = {
    1: ["daily", "once daily", "once a day", "every day", "qd", "QHS", "HS", "at bedtime", "1 time daily"],
    2: ["bid", "BID", "b.i.d.", "twice daily", "twice a day", "2 times daily", "every 12 hours", "q12h", "2x/day"],
    3: ["tid", "TID", "three times daily", "3 times a day", "every 8 hrs", "q8h", "q 8 h"],
    4: ["qid", "four times daily", "4 times daily", "every 6 hrs", "q6hrs", "q6h", "4 times a day"],
    6: ["every 4 hours", "q4h", "q4-6h", "every 4-6 hours"],
    0.5: ["every 2 days", "every other day", "qod", "every 48 hours"],
    1 / 3: ["every 72 hours", "every 3 days", "q72h"],
}
PRN = ["prn", "PRN", "as needed", "p.r.n."]
WORD = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


@dataclass(frozen=True)
class Generated:
    line: str
    ingredients: list[str]
    strengths: list[float]
    quantity: int | None
    doses_per_day: float | None
    prn: bool
    refills: int | None


_values = st.one_of(st.integers(1, 1000).map(float), st.integers(1, 99).map(lambda n: n / 10))


@st.composite
def strengths(draw: st.DrawFn) -> tuple[list[float], str]:
    values = draw(st.lists(_values, min_size=1, max_size=2))
    if len(values) == 1:
        v = _text(values[0])
        return values, draw(st.sampled_from([f"{v}mg", f"{v} mg", f"{v} milligrams", f"{v}MG"]))
    a, b = (_text(v) for v in values)
    return values, draw(st.sampled_from([f"{a}/{b}mg", f"{a}/{b} mg", f"{a}-{b} mg", f"{a} mg/{b} mg", f"{a}/{b}"]))


def _text(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


@st.composite
def refills(draw: st.DrawFn) -> tuple[int, str]:
    n = draw(st.integers(0, 11))
    if n == 0:
        return 0, draw(st.sampled_from(["no refills", "x 0 refills", "0 refills"]))
    word = "refill" if n == 1 else "refills"
    choices = [f"x {n} {word}", f"x{n} {word}", f"with {n} {word}", f"{n} {word}", f"refills: {n}", f"+{n} {word}"]
    if n in WORD:
        choices.append(f"with {WORD[n]} {word}")
    return n, draw(st.sampled_from(choices))


@st.composite
def request_lines(draw: st.DrawFn) -> Generated:
    name, ingredients = draw(st.sampled_from(NAMES))
    parts: list[str] = []
    values, text = draw(strengths())
    parts.append(text)
    quantity = draw(st.none() | st.integers(1, 500))
    if quantity is not None:
        parts.append(
            draw(st.sampled_from(["#{}", "# {}", "Qty {}", "qty: {}", "quantity {}", "(#{})"])).format(quantity)
        )
    doses = draw(st.none() | st.sampled_from(sorted(FREQUENCIES)))
    if doses is not None:
        parts.append(draw(st.sampled_from(FREQUENCIES[doses])))
    prn = draw(st.booleans())
    if prn:
        parts.append(draw(st.sampled_from(PRN)))
    n_refills = None
    if draw(st.booleans()):
        n_refills, text = draw(refills())
        parts.append(text)
    order = draw(st.permutations(parts))
    return Generated(" ".join([name, *order]), ingredients, values, quantity, doses, prn, n_refills)


@settings(max_examples=250, deadline=None)
@given(request_lines())
def test_generated_line_parses_to_its_values(g: Generated) -> None:
    item = parse_request(g.line, VOCAB)
    assert item.ingredients == g.ingredients
    assert [s.value for s in item.strengths] == g.strengths
    assert {s.unit for s in item.strengths} == {"mg"}
    assert item.quantity == g.quantity
    if g.doses_per_day is None:
        assert item.doses_per_day is None
    else:
        assert item.doses_per_day is not None and math.isclose(item.doses_per_day, g.doses_per_day)
    assert item.prn == g.prn
    assert item.refills == g.refills


def _structured(line: str) -> dict[str, object]:
    return parse_request(line, VOCAB).model_dump(exclude={"text"})


@settings(max_examples=250, deadline=None)
@given(request_lines())
def test_format_then_parse_gives_the_same_item(g: Generated) -> None:
    item = parse_request(g.line, VOCAB)
    assert _structured(format_request(item, VOCAB)) == item.model_dump(exclude={"text"})


def test_real_lines_were_found() -> None:
    assert len(REAL_LINES) >= 16 + 13


@pytest.mark.parametrize("line", REAL_LINES)
def test_format_round_trip_on_real_lines(line: str) -> None:
    item = parse_request(line, VOCAB)
    assert _structured(format_request(item, VOCAB)) == item.model_dump(exclude={"text"})


def test_format_is_canonical() -> None:
    item = parse_request("Percocet 10/325mg q6hrs prn #100 x 3 refills", VOCAB)
    assert format_request(item, VOCAB) == "Percocet 10/325 mg #100 4 times daily prn x 3 refills"
    patch = parse_request("Fentanyl patch 50 microgram (Ugm) every 2 days as needed for baseline pain #15", VOCAB)
    assert format_request(patch, VOCAB) == "Fentanyl patch 50 mcg/hr #15 every 2 days prn"
    assert format_request(parse_request("physical therapy 2x4", VOCAB), VOCAB) == (
        "physical therapy 2 times a week for 4 weeks"
    )


# ----------------------------------------------------------------------------- services

REGIONS = {"lumbar spine": "lumbar_spine", "cervical spine": "cervical_spine", "knee": "knee", "shoulder": "shoulder"}
SIDES = {"left": "left", "right": "right", "bilateral": "bilateral"}
SERVICE_SPELLINGS: list[tuple[str, str]] = sorted(
    (spelling, name)
    for name, service in VOCAB.services.items()
    if service.kind != "supply"
    for spelling in service.spellings
    if VOCAB.body_region_in(spelling) is None
    and VOCAB.laterality_in(spelling) is None
    and (found := VOCAB.identify(spelling)) is not None
    and (found.category, found.key) == ("service", name)
)


@dataclass(frozen=True)
class GeneratedService:
    line: str
    service: str
    visits: int | None
    per_week: float | None
    weeks: float | None
    region: str | None
    side: str | None


@st.composite
def service_lines(draw: st.DrawFn) -> GeneratedService:
    spelling, service = draw(st.sampled_from(SERVICE_SPELLINGS))
    parts, visits, per_week, weeks = [], None, None, None
    shape = draw(st.sampled_from(["none", "visits", "x", "NxM", "per week"]))
    if shape in ("visits", "x"):
        visits = draw(st.integers(1, 24))
        parts.append(f"{visits} visits" if shape == "visits" else draw(st.sampled_from([f"x {visits}", f"x{visits}"])))
    elif shape != "none":
        f, w = draw(st.integers(1, 5)), draw(st.integers(1, 8))
        per_week, weeks, visits = f, w, f * w
        spellings = [f"{f} times a week for {w} weeks", f"{f}x/week x {w} weeks", f"{f} times per week x {w} weeks"]
        parts.append(f"{f}x{w}" if shape == "NxM" else draw(st.sampled_from(spellings)))
    region = draw(st.none() | st.sampled_from(sorted(REGIONS)))
    side = draw(st.none() | st.sampled_from(sorted(SIDES)))
    tail = draw(st.permutations([*([region] if region else []), *parts]))
    head = [side] if side else []
    line = " ".join([*head, spelling, *tail])
    # a name several body parts share is the service its vocabulary entry names for the region (by_region)
    aimed = REGIONS.get(region or "")
    expected = VOCAB.services[service].by_region.get(aimed, service) if aimed else service
    return GeneratedService(line, expected, visits, per_week, weeks, aimed, side)


@settings(max_examples=200, deadline=None)
@given(service_lines())
def test_generated_service_line_parses_to_its_values(g: GeneratedService) -> None:
    item = parse_request(g.line, VOCAB)
    assert item.service == g.service
    assert item.ingredients == []
    assert item.visits == g.visits
    assert item.frequency_per_week == g.per_week
    assert item.duration_weeks == g.weeks
    assert item.body_region == g.region
    assert item.laterality == g.side
    assert _structured(format_request(item, VOCAB)) == item.model_dump(exclude={"text"})
