"""Medication start dates and durations: generated phrasings read back to the start they were made from."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.extract import extract_text
from imr_engine.extract.numbers import number_word
from imr_engine.facts.model import CaseFacts, Medication

REPORT = dt.date(2016, 3, 14)
NOTE = "Progress report dated 03/14/2016. Current medications include Norco and Soma. "
starts = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2016, 2, 28))


def _norco(case: CaseFacts) -> Medication:
    return next(m for m in case.medications if m.name == "Norco")


def _months_back(months: int) -> str:
    """The month *months* before the report (counted by the test, not the code under test)."""
    total = REPORT.year * 12 + (REPORT.month - 1) - months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


@settings(deadline=None)  # the first call loads the vocabulary
@given(
    day=starts,
    form=st.sampled_from(
        ["Norco (since at least {} of {})", "Norco since at least {} {}", "use of Norco since at least {}, {}"]
    ),
)
def test_since_at_least_a_month(day: dt.date, form: str) -> None:
    case = extract_text(
        NOTE + "The patient takes " + form.format(calendar.month_name[day.month], day.year) + ".", ["Norco"]
    )
    norco = _norco(case)
    assert (str(norco.started), norco.started_qualifier) == (f"{day.year:04d}-{day.month:02d}", "at_least_since")


@settings(deadline=None)  # the first call loads the vocabulary
@given(
    day=starts,
    form=st.sampled_from(
        [
            "Use of Norco was noted dating back to {}.",
            "Norco has been taken for at least as far back as {}.",
            "Norco use dates back to {}.",
        ]
    ),
)
def test_dating_back_to_a_year(day: dt.date, form: str) -> None:
    norco = _norco(extract_text(NOTE + form.format(day.year), ["Norco"]))
    assert (str(norco.started), norco.started_qualifier) == (str(day.year), "at_least_since")


@settings(deadline=None)  # the first call loads the vocabulary
@given(day=starts, form=st.sampled_from(["{:%m/%d/%Y}", "{d.month}/{d.day}/{d.year}"]))
def test_back_on_a_day(day: dt.date, form: str) -> None:
    written = form.format(day, d=day)
    norco = _norco(
        extract_text(NOTE + f"The injured worker was prescribed Norco back on {written} with continued use.", ["Norco"])
    )
    assert (str(norco.started), norco.started_qualifier) == (day.isoformat(), "on")


@settings(deadline=None)  # the first call loads the vocabulary
@given(
    n=st.integers(1, 40),
    unit=st.sampled_from(["month", "year"]),
    words=st.booleans(),
    bound=st.sampled_from(
        [("", "on"), ("at least ", "at_least_since"), ("over ", "at_least_since"), ("more than ", "at_least_since")]
    ),
)
def test_durations_count_back_from_the_note(n: int, unit: str, words: bool, bound: tuple[str, str]) -> None:
    count = number_word(n) if words and n < 100 else str(n)
    plural = "s" if n > 1 else ""
    case = extract_text(NOTE + f"She has been taking Norco for {bound[0]}{count} {unit}{plural}.", ["Norco"])
    norco = _norco(case)
    months = n if unit == "month" else 12 * n
    assert (str(norco.started), norco.started_qualifier) == (_months_back(months), bound[1])


def test_a_start_binds_to_the_nearest_drug_before_it() -> None:
    text = (
        "Current medications included Norco and Soma. Prior to Norco, documentation showed consistent use of "
        "Oxycodone dating back to 2011."
    )
    case = extract_text(text, ["Norco"])
    by_name = {m.name: m for m in case.medications}
    assert by_name["Norco"].started is None
    assert (str(by_name["Oxycodone"].started), by_name["Oxycodone"].status) == ("2011", "past")


def test_a_duration_without_a_dated_note_gives_no_start() -> None:
    case = extract_text("Current medications include Norco. She has taken Norco for 6 months.", ["Norco"])
    assert _norco(case).started is None


@pytest.mark.parametrize(("sentence", "start", "qualifier"), [
    # plural years without a number: at least two years before the report
    ("He has been on Norco for years.", "2014-03", "at_least_since"),
    ("Norco for the past several years, no change.", "2014-03", "at_least_since"),
    # several months: at least three
    ("Has used Norco for many months.", "2015-12", "at_least_since"),
    # the multiplication sign of notes, and a unit abbreviated
    ("On Norco x 3 yrs.", "2013-03", "on"),
    ("Norco for 2yrs, helps.", "2014-03", "on"),
])
def test_durations_as_notes_abbreviate_or_leave_vague(sentence: str, start: str, qualifier: str) -> None:
    norco = _norco(extract_text(NOTE + sentence, ["Norco"]))
    assert (str(norco.started), norco.started_qualifier) == (start, qualifier)


@pytest.mark.parametrize("sentence", [
    "Norco taken; PT 2x/week x 6 weeks requested.",  # how long a treatment is asked for, not how long a drug was taken
    "Norco helps; best relief in years.",  # a figure of speech, not a span of use
    "Norco for a few months.",  # too vague to date
])
def test_spans_that_do_not_date_a_drug(sentence: str) -> None:
    assert _norco(extract_text(NOTE + sentence, ["Norco"])).started is None
