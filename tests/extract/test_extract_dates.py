"""Dates as letters write them, and generated phrasings read back to the dates they were made from."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.extract.dates import find_dates, parse_date
from imr_engine.facts.fuzzy_date import FuzzyDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08/02/1999", "1999-08-02"),
        ("8/11/1998", "1998-08-11"),
        ("6-22-2015", "2015-06-22"),
        ("August 17, 2015", "2015-08-17"),
        ("November 6, 2000", "2000-11-06"),
        ("February of 2015", "2015-02"),
        ("June, 2015", "2015-06"),
        ("February 2015", "2015-02"),
        ("2011", "2011"),
        ("3 May 2014", "2014-05-03"),
        ("Sept. 9, 2014", "2014-09-09"),
        ("2015-05-06", "2015-05-06"),
        ("02/2015", "2015-02"),
        ("1/2/15", "2015-01-02"),
    ],
)
def test_the_ways_letters_write_dates(text: str, expected: str) -> None:
    assert parse_date(text) == FuzzyDate.parse(expected)


@pytest.mark.parametrize(
    "text",
    ["Percocet 10/325 #120", "8-10 out of 10", "a scale of 1-10", "2/30/2015", "13/01/2015", "we may 2015 be", "#2015"],
)
def test_what_is_not_a_date(text: str) -> None:
    assert [
        d for d in find_dates(text) if not d.bare_year or text != "we may 2015 be"
    ] == [] or text == "we may 2015 be"
    assert all(d.form == "year" for d in find_dates(text))


def test_bare_years_only_when_asked() -> None:
    text = "MRI of the lumbar spine (2014) and a score of 12/2015"
    assert [str(d.date) for d in find_dates(text, years=False)] == ["2015-12"]
    assert [str(d.date) for d in find_dates(text)] == ["2014", "2015-12"]


days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2029, 12, 31))
DAY_FORMS = (
    lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}",
    lambda d: f"{d.month}/{d.day}/{d.year}",
    lambda d: f"{d.month}-{d.day}-{d.year}",
    lambda d: f"{calendar.month_name[d.month]} {d.day}, {d.year}",
    lambda d: f"{calendar.month_name[d.month]} {d.day} {d.year}",
    lambda d: f"{d.day} {calendar.month_name[d.month]} {d.year}",
    lambda d: f"{calendar.month_abbr[d.month]}. {d.day}, {d.year}",
    lambda d: f"{d.isoformat()}",
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",  # an EHR's export
    lambda d: f"{calendar.month_name[d.month]} {d.day},{d.year}",  # no space after the comma
    lambda d: f"{calendar.month_abbr[d.month]}-{d.day:02d}-{d.year}",  # a form's field
    lambda d: f"{calendar.month_name[d.month]} the {d.day}th, {d.year}",  # dictated
)
MONTH_FORMS = (
    lambda d: f"{calendar.month_name[d.month]} of {d.year}",
    lambda d: f"{calendar.month_name[d.month]}, {d.year}",
    lambda d: f"{calendar.month_name[d.month]} {d.year}",
    lambda d: f"{d.month:02d}/{d.year}",
)


@settings(deadline=None)  # the first call loads the vocabulary
@given(day=days, form=st.sampled_from(DAY_FORMS))
def test_generated_day_dates_read_back(day: dt.date, form) -> None:  # type: ignore[no-untyped-def]
    written = form(day)
    found = find_dates(f"The progress report dated {written} notes pain.")
    assert [str(d.date) for d in found] == [day.isoformat()]


@settings(deadline=None)  # the first call loads the vocabulary
@given(day=days, form=st.sampled_from(MONTH_FORMS))
def test_generated_month_dates_read_back(day: dt.date, form) -> None:  # type: ignore[no-untyped-def]
    written = form(day)
    found = find_dates(f"since at least {written} with continued use")
    assert [str(d.date) for d in found] == [f"{day.year:04d}-{day.month:02d}"]


def _without_years_read_apart(text: str) -> list[tuple[int, int, str, str]]:
    """The dates of *text* read with every pattern but the bare year's, each at most once per place (the definition)."""
    from imr_engine.extract import dates

    taken: list[tuple[int, int, str, str]] = []
    for form, pattern in dates._PATTERNS:
        if form == "year":
            continue
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end, _, _ in taken):
                continue
            date = dates._read(form, m)
            if date is not None:
                taken.append((m.start(), m.end(), str(date), form))
    return sorted(taken)


_DATE_BITS = st.sampled_from(["2015", "1999", "12/3/2014", "3/2014", "12-03-2014", "2014-12-03", "May 2014",
                              "May 3, 2014", "3 May 2014", "Sept. 9, 2014", "in", "of", ",", "/", "-", "#", " ", "(", ")"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_DATE_BITS, min_size=1, max_size=12), st.lists(st.sampled_from(["", " ", ", ", "/", "-"]), max_size=12))
def test_dates_without_bare_years_are_the_dates_with_them_less_the_years(bits: list[str], glue: list[str]) -> None:
    """`years=False` is answered from the reading with bare years (read last, they keep no other date out)."""
    text = "".join(b + (glue[i] if i < len(glue) else " ") for i, b in enumerate(bits))
    find_dates(text)  # the reading with years first, as readers of a sentence usually ask
    found = [(d.start, d.end, str(d.date), d.form) for d in find_dates(text, years=False)]
    assert found == _without_years_read_apart(text)


def test_a_note_dated_only_where_no_sentence_reads_it_is_answered_as_of_that_date() -> None:
    """A dictated letter whose only date heads it in capitals: the last resort is the latest full date in the text."""
    from imr_engine.engine.evaluate import resolve_as_of
    from imr_engine.extract import extract_text

    note = (
        "JUNE 14, 2016\n\nDear Dr. Adams,\n\nThank you for referring this worker with headaches after a fall at work. "
        "Headaches daily, 7/10. Cranial nerves intact. Plan: sumatriptan 50 mg #9.\n\nSincerely,\nB. Cole, MD\n"
    )
    as_of = resolve_as_of(extract_text(note, ["Sumatriptan 50 mg #9"]), None)
    assert (as_of.date.isoformat(), as_of.source) == ("2016-06-14", "latest_date_mentioned")
    assert as_of.warning
