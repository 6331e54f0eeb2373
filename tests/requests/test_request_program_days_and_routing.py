"""Request lines as clinicians write them: program days and hours, dates of service, and what a line is for.

Expected values come from the guideline's own counting (CPMTG p. 30-34: a pain program is not continued
beyond 2 weeks without demonstrated efficacy, and generally not beyond 20 full-day sessions, which the rule
book writes as 80 and 160 hours) and from arithmetic on the line, never from the parser's output.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imr_engine.requests import parse_request


@pytest.mark.parametrize(
    ("line", "visits", "hours"),
    [
        ("Work hardening ten 8-hour sessions", 10, 80),
        ("Work hardening x 10 sessions, 8 hours each", 10, 80),
        ("work hardening 10 sessions @ 8 hrs per session", 10, 80),
        ("Work conditioning 12 4-hr sessions", 12, 48),
        ("WORK HARDENING X 20 SESSIONS, 6 HOURS EACH", 20, 120),
        ("Functional restoration program 10 x 6-hour days", None, None),  # "10 x" names no days: not guessed
    ],
)
def test_program_sessions_of_so_many_hours(line: str, visits: int | None, hours: float | None) -> None:
    item = parse_request(line)
    assert item.kind == "program"
    if visits is not None:
        assert item.visits == visits
        assert item.hours == hours


@pytest.mark.parametrize(
    ("line", "hours"),
    [
        # a pain program in days, full-day sessions or weeks is full days (CPMTG: "20 full-day sessions")
        ("Functional restoration program x 20 days", 160),
        ("Chronic pain program 10 days", 80),
        ("HELP program x 2 weeks", 80),
        ("FRP 5 days/week x 2 weeks", 80),
        ("Functional restoration program, 10 full-day sessions", 80),
        ("functional restoration program for 4 weeks", 160),
        ("Interdisciplinary pain rehabilitation program x10 days", 80),
        # hours a day count for each day
        ("FRP 6 hrs/day x 10 days", 60),
        ("Chronic pain management program 4 hours/day x 20 days", 80),
        # total hours written stay as written
        ("Functional restoration program x 80 hours", 80),
        ("Functional restoration program 160 hours (4 weeks, 5 days/wk)", 160),
    ],
)
def test_pain_program_hours_from_days_weeks_and_sessions(line: str, hours: float) -> None:
    item = parse_request(line)
    assert item.service == "functional_restoration_program"
    assert item.hours == hours


@pytest.mark.parametrize(
    "line",
    ["Work conditioning 12 visits", "Work hardening program x 4 weeks", "Work conditioning 3x/wk x 4 wks"],
)
def test_work_programs_are_not_assumed_full_days(line: str) -> None:
    """The CPMTG's full-day count is the pain program's; work conditioning sessions are often 1-2 hours."""
    assert parse_request(line).hours is None


@pytest.mark.parametrize(
    ("line", "days"),
    [
        ("Physical therapy from 3/1 to 3/28, 3x/week", 28),
        ("PT 3x/wk 03/01/2015 - 03/28/2015", 28),
        ("Acupuncture March 1 through March 28, 2x/week", 28),
        ("Chiropractic DOS 3/1/15 thru 3/14/15", 14),
        ("Work hardening program, April 23 to June 5, 2001 (retrospective)", 44),
        ("Aquatic therapy from Dec 20 to Jan 2", 14),
        ("Home health aide 1/30/2016 until 2/12/2016", 14),
    ],
)
def test_dates_of_service_give_the_duration(line: str, days: int) -> None:
    assert parse_request(line).duration_days == days


@pytest.mark.parametrize(
    "line",
    [
        "Norco 10/325 - 5/325 taper",  # strengths, not dates
        "Percocet 10/325 to 7.5/325",
        "Physical therapy 3/28 to 3/1",  # backwards: no range of service dates
        "MRI lumbar spine 13/1 - 13/5",  # no month 13
    ],
)
def test_what_is_not_a_date_range(line: str) -> None:
    assert parse_request(line).duration_days is None


def test_visits_from_a_frequency_over_dates_of_service() -> None:
    assert parse_request("Physical therapy from 3/1 to 3/28, 3x/week").visits == 12


@given(start=st.integers(min_value=1, max_value=10), length=st.integers(min_value=1, max_value=18))
def test_any_range_in_one_month_counts_both_ends(start: int, length: int) -> None:
    line = f"Physical therapy 5/{start} to 5/{start + length}"
    assert parse_request(line).duration_days == length + 1


@pytest.mark.parametrize(
    ("line", "days"),
    [
        ("Chronic pain program 10 days", 10),
        ("TENS unit rental 30 days", 30),
        ("Home exercise kit, 6 weeks", 42),
    ],
)
def test_a_duration_standing_alone(line: str, days: int) -> None:
    assert parse_request(line).duration_days == days


@pytest.mark.parametrize(
    "line",
    [
        "Re-eval in 4 weeks",
        "Follow-up visit 2 weeks after surgery",
        "Office visit, last seen 3 weeks ago",
        "PT 6 weeks post-op, 2x4",
        "Follow-up within 30 days",
    ],
)
def test_a_time_before_or_after_is_no_duration_asked(line: str) -> None:
    item = parse_request(line)
    assert item.duration_days is None or item.duration_days == 28  # "2x4" is 4 weeks of visits


@pytest.mark.parametrize(
    ("line", "service"),
    [
        ("Follow-up MRI lumbar spine", "mri"),
        ("Follow up MRI of the right knee", "mri"),
        ("F/u MRI L knee", "mri"),
        ("follow-up EMG/NCS bilateral upper extremities", "emg_ncs"),
        ("Follow up x-rays right wrist", "x_ray"),
        ("FOLLOW-UP CT LUMBAR SPINE", "ct"),
    ],
)
def test_a_follow_up_study_is_the_study(line: str, service: str) -> None:
    assert parse_request(line).service == service


@pytest.mark.parametrize(
    "line",
    [
        "Follow-up visit",
        "Follow-up visit with MRI review",
        "Follow-up office visit to review MRI",
        "Follow up appointment to discuss EMG results",
        "Follow-up in 4 weeks",
        "Follow-up visit for Norco refill",
    ],
)
def test_a_visit_stays_a_visit(line: str) -> None:
    assert parse_request(line).service == "office_visit"


@pytest.mark.parametrize(
    "line",
    ["Re-evaluation", "Re-eval in 4 weeks", "Pain management re-evaluation", "Reassessment with pain management",
     "reeval 6 wks"],
)
def test_an_evaluation_again_is_a_follow_up_visit(line: str) -> None:
    assert parse_request(line).service == "office_visit"


@pytest.mark.parametrize(
    "line",
    ["Orthopedic evaluation", "Ortho eval", "Evaluation by orthopedic surgeon", "Spine surgery evaluation",
     "Neurosurgical evaluation", "Pain management evaluation"],
)
def test_an_evaluation_by_another_physician_is_a_consultation(line: str) -> None:
    assert parse_request(line).service == "consultation"


@pytest.mark.parametrize(
    ("line", "service"),
    [
        ("PT re-eval", "physical_therapy"),
        ("PT evaluation and treatment 2x4", "physical_therapy"),
        ("Psychological evaluation", "psychological_evaluation"),
        ("Functional capacity evaluation", "functional_capacity_evaluation"),
    ],
)
def test_an_evaluation_of_a_named_service_keeps_it(line: str, service: str) -> None:
    assert parse_request(line).service == service


@pytest.mark.parametrize(
    "line",
    [
        "Functional restoration program multidisciplinary evaluation x1",
        "Functional restoration program evaluation",
        "FRP eval",
        "Chronic pain program - initial evaluation",
        "HELP program assessment",
    ],
)
def test_a_program_named_with_an_evaluation_is_the_evaluation(line: str) -> None:
    assert parse_request(line).service == "functional_restoration_evaluation"


@pytest.mark.parametrize(
    "line", ["Functional restoration program x 80 hours", "Functional restoration program x 10 days",
             "Chronic pain program, 2 weeks"],
)
def test_a_program_without_an_evaluation_is_the_program(line: str) -> None:
    assert parse_request(line).service == "functional_restoration_program"


@pytest.mark.parametrize(
    ("line", "strengths", "quantity"),
    [
        ("Ultram 50mg #60 dispensed 1/5/2015", [50.0], 60),
        ("Retrospective: Ultram 50 mg #60, dispensed 01/05/2015", [50.0], 60),
        ("Norco 10/325 #60 filled 12/3/2014", [10.0, 325.0], 60),
        ("Retro DOS 3/2/2016: Toradol 60 mg IM injection", [60.0], None),
        ("Gabapentin 300 mg tid #90 (Rx 3/12/15)", [300.0], 90),
    ],
)
def test_a_date_of_service_or_fill_is_no_strength_or_quantity(
    line: str, strengths: list[float], quantity: int | None
) -> None:
    item = parse_request(line)
    assert [s.value for s in item.strengths] == strengths
    assert item.quantity == quantity


@pytest.mark.parametrize(
    ("line", "strengths"),
    [("Percocet 10/325 1/2 tab q6h #30", [10.0, 325.0]), ("Norco 7.5/325 #90", [7.5, 325.0])],
)
def test_strengths_written_with_slashes_stay_strengths(line: str, strengths: list[float]) -> None:
    assert [s.value for s in parse_request(line).strengths] == strengths


@pytest.mark.parametrize(
    ("line", "per_week", "visits"),
    [
        ("PT 2/wk x 6wks lumbar", 2, 12),
        ("PT 2 visits/week for 6 weeks", 2, 12),
        ("Chiropractic 3 sessions per week x 2 weeks", 3, 6),
        ("PT BIW x 4 wks", 2, 8),
        ("Physical therapy TIW x 4 weeks, R shoulder", 3, 12),
        ("Aquatic therapy 1-2/week x 6 weeks", 2, 12),
    ],
)
def test_sessions_a_week_as_a_rate_a_slash_or_an_abbreviation(line: str, per_week: float, visits: int) -> None:
    item = parse_request(line)
    assert item.frequency_per_week == per_week
    assert item.visits == visits


@pytest.mark.parametrize(
    ("line", "visits", "days"),
    [
        ("Chiro 3x/wk x 2 wks then 2x/wk x 2 wks", 3 * 2 + 2 * 2, 28),
        ("Physical therapy 3x2 then 2x3", 3 * 2 + 2 * 3, 35),
        ("PT 3 times a week for 2 weeks, then twice a week for 3 weeks", 3 * 2 + 2 * 3, 35),
        ("Physical therapy twice weekly x 3 weeks followed by once weekly x 4 weeks", 2 * 3 + 1 * 4, 49),
        ("Physical therapy 3x/week x 4 weeks then 2x/week x 4 weeks, lumbar", 3 * 4 + 2 * 4, 56),
    ],
)
def test_a_stepped_schedule_counts_every_step(line: str, visits: int, days: int) -> None:
    item = parse_request(line)
    assert item.visits == visits
    assert item.duration_days == days


@pytest.mark.parametrize(
    ("line", "visits"),
    [
        ("PT 2x4, lumbar and cervical", 8),  # one schedule, two regions
        ("Acupuncture 2x3 and massage 1x6", 6),  # a second service's schedule is not a step of the first
        ("PT 2x/wk x 4 wks", 8),
    ],
)
def test_one_schedule_is_not_stepped(line: str, visits: int) -> None:
    assert parse_request(line).visits == visits


@pytest.mark.parametrize(
    ("line", "visits"),
    [("Physical therapy, twelve (12) visits", 12), ("PT six (6) sessions", 6), ("Acupuncture eight (8) additional treatments", 8)],
)
def test_a_count_spelled_out_with_its_digits(line: str, visits: int) -> None:
    assert parse_request(line).visits == visits


#: Spine operations named by their levels only: C levels are the neck's operation, L and S levels the low back's.
SPINE_LEVEL_LINES = [
    ("C5-6 laminectomy and fusion", "cervical_spine_surgery"), ("C5-6 fusion", "cervical_spine_surgery"),
    ("C6-7 discectomy", "cervical_spine_surgery"), ("C5-C6 decompression", "cervical_spine_surgery"),
    ("Laminectomy C4-C6 with fusion", "cervical_spine_surgery"), ("L4-5 laminectomy and fusion", "lumbar_fusion"),
    ("L5-S1 fusion", "lumbar_fusion"), ("L4-5 microdiscectomy", "lumbar_decompression"),
    ("Fusion L4-S1", "lumbar_fusion"),
]


@pytest.mark.parametrize(("line", "service"), SPINE_LEVEL_LINES, ids=[s[0] for s in SPINE_LEVEL_LINES])
def test_a_spine_operation_named_by_its_levels_is_that_spines(line: str, service: str) -> None:
    assert parse_request(line).service == service


@pytest.mark.parametrize(
    ("line", "days"),
    [
        # a drug's supply told as the time it covers (session 16): ODG and CPMTG limit benzodiazepines, hypnotics and
        # muscle relaxants by weeks of use, so the weeks asked for are what the rule weighs
        ("Klonopin (clonazepam), three months of prescriptions", 90),
        ("Ambien 10 mg, one month of prescriptions", 30),
        ("Lyrica 75 mg bid, 3 months' worth of medication", 90),
        ("Celebrex 200 mg daily, two months of refills", 60),
        ("Soma 350 mg, 2 weeks of medication", 14),
        ("Baclofen 10 mg tid - 6 months worth", 180),
    ],
)
def test_a_supply_told_as_the_time_it_covers(line: str, days: int) -> None:
    assert parse_request(line).duration_days == days


@pytest.mark.parametrize(
    "line",
    [
        "Norco 10/325 #90 after 6 months of medication management",  # the past, not the supply asked for
        "Tramadol 50 mg #60 following 3 months of medications without relief",
        "Follow-up visit in 2 months of medication use",
    ],
)
def test_months_of_medication_past_is_no_supply(line: str) -> None:
    assert parse_request(line).duration_days is None
