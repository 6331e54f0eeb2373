"""FuzzyDate: dates known to the year, month or day, as letters write them.

Long-term-use rules compute durations from these, so the bounds must be right:
a month-precision start ("since at least February 2015") spans the whole month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from imr_engine.facts.fuzzy_date import FuzzyDate

PRECISIONS = ("year", "month", "day")


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    day = draw(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
    precision = draw(st.sampled_from(PRECISIONS))
    if precision == "year":
        return FuzzyDate(day.year)
    if precision == "month":
        return FuzzyDate(day.year, day.month)
    return FuzzyDate(day.year, day.month, day.day)


@given(fuzzy_dates())
def test_str_and_parse_round_trip(value: FuzzyDate) -> None:
    text = str(value)
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text)
    parsed = FuzzyDate.parse(text)
    assert parsed == value
    assert str(parsed) == text
    assert hash(parsed) == hash(value)


@given(fuzzy_dates())
def test_earliest_is_not_after_latest_and_both_lie_inside_the_date(value: FuzzyDate) -> None:
    first, last = value.earliest(), value.latest()
    assert first <= last
    assert first.year == last.year == value.year
    if value.precision == "year":
        assert (first, last) == (dt.date(value.year, 1, 1), dt.date(value.year, 12, 31))
    elif value.precision == "month":
        assert first == dt.date(value.year, value.month, 1)
        assert last.day == calendar.monthrange(value.year, value.month)[1]
        assert last.month == value.month
    else:
        assert first == last


@given(fuzzy_dates())
def test_precision_matches_the_written_form(value: FuzzyDate) -> None:
    parts = str(value).count("-") + 1
    assert value.precision == PRECISIONS[parts - 1]


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_calendar_dates_parse_to_day_precision(day: dt.date) -> None:
    assert FuzzyDate.parse(day) == FuzzyDate(day.year, day.month, day.day)
    assert FuzzyDate.parse(dt.datetime(day.year, day.month, day.day, 13, 5)).precision == "day"
    assert FuzzyDate.parse(day.isoformat()).earliest() == day


def test_examples_from_the_letters() -> None:
    since_feb_2015 = FuzzyDate.parse("2015-02")
    assert since_feb_2015.precision == "month"
    assert since_feb_2015.earliest() == dt.date(2015, 2, 1)
    assert since_feb_2015.latest() == dt.date(2015, 2, 28)
    assert FuzzyDate.parse("2016-02").latest() == dt.date(2016, 2, 29)
    assert FuzzyDate.parse(2011) == FuzzyDate(2011)
    assert FuzzyDate.parse(" 2014-08-13 ") == FuzzyDate(2014, 8, 13)
    value = FuzzyDate(2011)
    assert FuzzyDate.parse(value) is value
    assert repr(FuzzyDate(2015, 2)) == "FuzzyDate('2015-02')"


@pytest.mark.parametrize(
    "text",
    [
        "", " ", "15", "201", "20150", "2015-2", "2015-02-1", "2015-13", "2015-02-30", "2015/02/01", "02/01/2015", "2015-02-01T00:00", "February 2015", "abcd",
        "2015-", "-2015", "2015--01",
    ],
)
def test_invalid_strings_raise_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        FuzzyDate.parse(text)


@given(st.text(max_size=12).filter(lambda s: not re.fullmatch(r"\s*\d{4}(-\d{2}(-\d{2})?)?\s*", s)))
def test_any_other_text_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        FuzzyDate.parse(text)


@pytest.mark.parametrize("value", [None, 3.5, 99, 10000, [2015], {"year": 2015}, b"2015"])
def test_other_types_raise_value_error(value: object) -> None:
    with pytest.raises(ValueError):
        FuzzyDate.parse(value)


# Regression: a month or day of 0 was once read as "not given" ("2015-00" -> "2015").
@pytest.mark.parametrize("text", ["2015-00", "2015-02-00", "2015-00-03"])
def test_zero_month_or_day_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        FuzzyDate.parse(text)


def test_a_day_needs_a_month() -> None:
    with pytest.raises(ValueError):
        FuzzyDate(2015, None, 3)


class _Holder(BaseModel):
    when: FuzzyDate


def test_pydantic_field_validates_and_serialises_as_text() -> None:
    holder = _Holder.model_validate({"when": "2015-02"})
    assert holder.when == FuzzyDate(2015, 2)
    assert holder.model_dump(mode="json") == {"when": "2015-02"}
    assert _Holder.model_json_schema()["properties"]["when"]["type"] == "string"
    with pytest.raises(ValidationError, match="YYYY"):
        _Holder.model_validate({"when": "Feb 2015"})
