"""Care by the hour: home health hours a week from hours a day and days a week (CPMTG p. 51, up to 35 h a week).

Home health is limited by the week. Request lines give it as hours a day and days a week
("4 hrs/day, 5 days/wk"), hours a week, or around the clock ("24/7"); the expected figures are the
arithmetic of what each line says, written here by hand.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imr_engine.requests import parse_request

#: (line, hours a week, hours a day) as the line says them.
CARE_HOURS: list[tuple[str, float | None, float | None]] = [
    ("Attendant care 24 h/day, 7 days/week (personal care, turning, meals)", 168, 24),
    ("Attendant care 24/7", 168, None),
    ("Attendant care round-the-clock", 168, None),
    ("Home health aide around the clock for 2 weeks", 168, None),
    ("HHA 8 hrs/day 7 days a week", 56, 8),
    ("Home health aide 6 hours per day, 5 days per week", 30, 6),
    ("Home health aide 4 hrs/day, 5 days/wk x 6 wks: meal prep, housecleaning", 20, 4),
    ("Home health aide 4 hrs/day x 7 days/wk (housekeeping, meals, shopping)", 28, 4),
    ("Home health aide 3 h a day, five days a week", 15, 3),
    ("Home health LVN 8 hours per day x 5 days/week x 4 weeks", 40, 8),
    ("Home health 20 hours/week x 6 weeks", 20, None),
    ("Home health aide 12 hrs per week", 12, None),
    ("Attendant care 10 hours a week", 10, None),
    # hours a day with no days a week say nothing of the week
    ("Home health aide 4 hrs/day x 3 weeks post-op", None, 4),
    ("Home health aide 6 h/day", None, 6),
]


@pytest.mark.parametrize(("line", "per_week", "per_day"), CARE_HOURS)
def test_hours_of_care_a_week(line: str, per_week: float | None, per_day: float | None) -> None:
    item = parse_request(line)
    assert item.service == "home_health"
    assert item.hours_per_week == per_week
    assert item.hours_per_day == per_day


@pytest.mark.parametrize(
    ("line", "name", "duration_days"),
    [
        # the days a week are not a duration: "x 7 days/wk" is not 7 days of care
        ("Home health aide 4 hrs/day x 7 days/wk (housekeeping, meals, shopping)", "Home health aide", None),
        ("Home health aide 6 hrs/day x 7 days/wk x 4 wks for bathing, meals", "Home health aide", 28),
        # the hours end the name
        ("Attendant care 24 h/day, 7 days/week (personal care, turning, meals)", "Attendant care", None),
        ("Home health aide 3 h a day, five days a week", "Home health aide", None),
    ],
)
def test_days_a_week_are_not_a_duration(line: str, name: str, duration_days: float | None) -> None:
    item = parse_request(line)
    assert item.name == name
    assert item.duration_days == duration_days


@pytest.mark.parametrize(
    ("line", "per_week", "visits"),
    [
        ("Physical therapy 3 days/week x 4 weeks", 3, 12),
        ("Aquatic therapy 2 days per week x 6 weeks", 2, 12),
        ("Chiropractic 2 days a week for 3 weeks", 2, 6),
        ("Acupuncture two days per week x 4 weeks", 2, 8),
    ],
)
def test_therapy_days_a_week_are_sessions_a_week(line: str, per_week: float, visits: int) -> None:
    item = parse_request(line)
    assert item.frequency_per_week == per_week
    assert item.visits == visits
    assert item.hours_per_week is None


@pytest.mark.parametrize(
    "line",
    [
        "Functional restoration program x 80 hours",
        "Functional restoration program 160 hours (4 weeks, 5 days/wk)",
        "Lidoderm 5% patch #30 12 hours on 12 hours off",
        "Fentanyl 25 mcg patch every 72 hours #10",
        "Norco 10/325 1 tab q6h prn #120",
    ],
)
def test_no_care_hours_a_week_without_them(line: str) -> None:
    item = parse_request(line)
    assert item.hours_per_week is None
    assert item.hours_per_day is None


@given(
    hours=st.integers(min_value=1, max_value=24),
    days=st.integers(min_value=1, max_value=7),
    unit=st.sampled_from(["hrs/day", "hours per day", "h/day", "hours a day", "hr/day"]),
    week=st.sampled_from(["days/wk", "days per week", "days a week", "days/week"]),
)
def test_hours_a_day_times_days_a_week(hours: int, days: int, unit: str, week: str) -> None:
    item = parse_request(f"Home health aide {hours} {unit}, {days} {week}")
    assert item.hours_per_week == hours * days
    assert item.hours_per_day == hours
