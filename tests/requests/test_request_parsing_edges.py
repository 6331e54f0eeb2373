"""Request lines beyond the letters: other spellings, unknown products, and what never fails."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.errors import RequestParseError
from imr_engine.requests import Strength, parse_request


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Norco 10/325 1-2 tabs q4-6h prn #180", dict(units_per_dose=2, doses_per_day=6, prn=True, quantity=180)),
        ("Duragesic 25mcg/hr q72h #10", dict(strengths=[Strength(value=25, unit="mcg/hr")], quantity=10)),
        (
            "Fentanyl 25 mcg patch every 72 hours #10",
            dict(
                name="Fentanyl patch",
                ingredients=["fentanyl"],
                route="transdermal",
                strengths=[Strength(value=25, unit="mcg/hr")],
            ),
        ),
        ("Butrans 10 mcg/hr patch every 7 days #4", dict(ingredients=["buprenorphine"], route="transdermal")),
        (
            "Lidoderm 5% patch #30 12 hours on 12 hours off",
            dict(
                name="Lidoderm patch",
                drug_class="topical_analgesic",
                doses_per_day=1,
                quantity=30,
                strengths=[Strength(value=5, unit="%")],
                hours=None,
            ),
        ),
        (
            "Flurbiprofen 20%/Cyclobenzaprine 4% cream #120",
            dict(
                name="Flurbiprofen/Cyclobenzaprine cream",
                ingredients=["flurbiprofen", "cyclobenzaprine"],
                drug_class="topical_analgesic",
                form="cream",
                route="topical",
                quantity=120,
                strengths=[Strength(value=20, unit="%"), Strength(value=4, unit="%")],
            ),
        ),
        ("Tylenol #3 #60", dict(name="Tylenol #3", ingredients=["acetaminophen", "codeine"], quantity=60)),
        ("Tylenol with Codeine No. 3 qty 60", dict(ingredients=["acetaminophen", "codeine"], quantity=60)),
        ("Tramadol ER 150 mg daily #30", dict(ingredients=["tramadol"], release="ER", doses_per_day=1)),
        ("Oxycodone 30mg 1 po q4h #180", dict(ingredients=["oxycodone"], route="oral", doses_per_day=6)),
        ("Gabapentin 600mg three times a day", dict(drug_class="antiepilepsy_drug", doses_per_day=3)),
        ("Ambien 10mg at bedtime x 30 days", dict(drug_class="hypnotic", doses_per_day=1, duration_days=30)),
        ("Duexis 800/26.6mg tid", dict(ingredients=["ibuprofen", "famotidine"], drug_class="nsaid")),
        ("Silenor 6mg qhs", dict(drug_class="hypnotic")),
        ("Theramine #120", dict(drug_class="medical_food", kind="drug", quantity=120)),
        ("Darvocet-N 100 #60", dict(ingredients=["propoxyphene", "acetaminophen"])),
        ("Norco 10/325mg, #60, no refills", dict(quantity=60, refills=0)),
        ("Norco 10/325 #60 with three refills", dict(refills=3)),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_other_spellings(line: str, expected: dict[str, object]) -> None:
    item = parse_request(line)
    for field, value in expected.items():
        assert getattr(item, field) == value, field


def test_unknown_product_is_kept_as_a_drug_when_dosed_in_mg() -> None:
    item = parse_request("Brandnovum 35mg #90")  # a made-up brand name the vocabulary cannot know
    assert (item.name, item.kind, item.drug_class, item.ingredients) == ("Brandnovum", "drug", "unknown", [])
    assert item.strengths == [Strength(value=35, unit="mg")]
    assert item.quantity == 90


def test_unknown_text_is_kept_as_other() -> None:
    item = parse_request("Something nobody has heard of")
    assert (item.name, item.kind, item.drug_class) == ("Something nobody has heard of", "other", "unknown")


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_empty_request_is_an_error(text: str) -> None:
    with pytest.raises(RequestParseError):
        parse_request(text)


def test_a_line_starting_with_a_quantity_still_has_a_name() -> None:
    item = parse_request("#60 Norco 10/325")
    assert item.name == "Norco"
    assert item.ingredients == ["hydrocodone", "acetaminophen"]


_REQUEST_CHARS = st.sampled_from(
    [*"0123456789 /#.,-x()%:+qhdbitQHDBIXmgcLSTPR", "mg", "mcg", "every ", "Soma ", "refills", "hrs", "days", "weeks"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(_REQUEST_CHARS, max_size=25).map("".join)))
def test_arbitrary_text_never_raises_anything_but_request_parse_error(text: str) -> None:
    try:
        item = parse_request(text)
    except RequestParseError:
        assert not text.split()
    else:
        assert item.text == " ".join(text.split())
        assert item.name


@pytest.mark.parametrize(
    ("line", "visits"),
    [("MMPI-2 x 1", 1), ("Psychological testing, MMPI-2 x 1", 1), ("SF-36 x 1", 1), ("PHQ-9 x 2", 2)],
)
def test_a_number_hyphenated_to_a_name_is_not_a_frequency(line: str, visits: int) -> None:
    """"MMPI-2 x 1" is one administration of the MMPI-2, not twice a week for a week."""
    item = parse_request(line)
    assert item.frequency_per_week is None
    assert item.visits == visits


def test_frequency_by_weeks_still_reads_after_a_plain_name() -> None:
    item = parse_request("PT 2 x 6 lumbar")
    assert (item.frequency_per_week, item.visits) == (2, 12)


@pytest.mark.parametrize(
    ("line", "visits"),
    [("Intrathecal pump refill x 1", 1), ("intrathecal pump refill x3", 3), ("Intrathecal pump refill 2 visits", 2)],
)
def test_a_service_given_in_sessions_counts_visits_not_refills(line: str, visits: int) -> None:
    """A pump refill is a visit: "x 3" after it is three visits; only a drug or a supply has refills."""
    item = parse_request(line)
    assert (item.service, item.visits, item.refills) == ("intrathecal_pump", visits, None)


def test_a_drugs_refills_stay_refills() -> None:
    item = parse_request("Norco 10/325 mg #60 refill x 1")
    assert (item.refills, item.visits) == (1, None)


@pytest.mark.parametrize(("line", "days"), [
    ("Cyclobenzaprine 10 mg #30 - 1 PO qhs prn spasm x 2-3 weeks", 21),
    ("Flexeril 10 mg #20 for 10-14 days", 14),
    ("Norco 5/325 #30 1 q6h prn x 5-7 days", 7),
    ("Prednisone 10 mg taper over 1 to 2 weeks #21", 14),
])
def test_a_drug_course_told_as_a_range_runs_to_its_upper_end(line: str, days: float) -> None:
    assert parse_request(line).duration_days == days


def test_a_service_line_with_a_range_of_weeks_reads_as_before() -> None:
    assert parse_request("PT 2x/week x 4-6 weeks").duration_days is None
