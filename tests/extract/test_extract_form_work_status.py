"""NP/PA checkbox PR-2s (the round-8 writers' class): a work status line of boxes says only what its ticked box says,
and a drug's function told with and without it is a measured gain (8 CCR 9792.20: functional improvement, a
clinically significant improvement in activities of daily living or a reduction in work restrictions). Fragments
written for these tests.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _case(text: str):  # type: ignore[no-untyped-def]
    return extract_text("Date of service: 03/14/2016\n" + text + "\n", ["Tramadol ER 100 mg #30"])


def test_a_ticked_part_time_box_is_part_time_work_and_a_return_to_work() -> None:
    case = _case("WORK STATUS: [ ] TTD  [X] Modified - part-time, 5 hr/day, no lifting > 20 lb (working).")
    assert (case.function.work_status.value, case.function.returned_to_work.value) == ("part_time", "yes")


@pytest.mark.parametrize("line", [
    "WORK STATUS: [X] TTD  [ ] Modified - part-time (working).",
    "Work status: [X] TTD x 4 wks [ ] modified [ ] full duty",
])
def test_an_unticked_options_words_say_nothing(line: str) -> None:
    case = _case(line)
    assert (case.function.work_status.value, case.function.returned_to_work.value) == ("off_work", "no")


@pytest.mark.parametrize("text", [
    "S: With Nucynta ER able to work 8-hr shifts (without it 3 hrs and goes home).",
    "S: With tramadol she can walk 40 min; without it 10 min.",
])
def test_function_with_the_drug_against_without_it_is_a_measured_gain(text: str) -> None:
    assert _case(text).function.objective_improvement.value == "yes"


def test_a_capacity_with_a_course_and_no_comparison_is_no_measured_gain() -> None:
    assert _case("S: With PT she is able to walk 20 min.").function.objective_improvement.value != "yes"
