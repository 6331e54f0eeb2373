"""Hospital, rehabilitation-unit and discharge records (the round-8 writers' class): a functional independence
measure at admission and discharge, and a worker who cannot leave home (CPMTG p. 51, home health services: for
patients who are homebound). Fragments written for these tests.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text

REQUEST = "Home health PT 2x/wk x 3 wks"


def _case(text: str):  # type: ignore[no-untyped-def]
    return extract_text("Date of service: 08/10/2015\n" + text + "\n", [REQUEST])


@pytest.mark.parametrize("text", [
    "REHAB COURSE: 6 days. Admission FIM mobility 2, discharge 4 (supervision).",
    "FIM mobility 5 today, was 3 at admission.",
])
def test_a_functional_independence_measure_gained_is_objective_improvement(text: str) -> None:
    case = _case(text)
    assert case.function.objective_improvement.value == "yes"
    assert case.clinical.baseline_functional_evaluation.value == "yes"


def test_a_functional_independence_measure_lost_is_no_gain() -> None:
    assert _case("Admission FIM mobility 5, discharge 3.").function.objective_improvement.value != "yes"


@pytest.mark.parametrize("text", [
    "Social: lives with her son; leaving home requires assist of 2 and is exhausting.",
    'S: "stuck upstairs," has not left apt since discharge - 16 steps too hard.',
])
def test_a_worker_who_cannot_leave_home_is_homebound(text: str) -> None:
    assert _case(text).clinical.homebound.value == "yes"


def test_leaving_home_for_work_is_not_homebound() -> None:
    assert _case("S: Leaving home at 6 am for his shift, drives 40 min.").clinical.homebound.value != "yes"


@pytest.mark.parametrize(("text", "loss"), [
    ("S: Lives alone. Oswestry today 58%. Walks w/o device.", "yes"),
    ("Baseline: ODI 46% (severe disability), BDI-II 30.", "yes"),
    ("Neck Disability Index 56%.", "yes"),
    ("ODI 32%.", "unknown"),
    ("NDI 44%.", "unknown"),
    ("ODI 58% -> 30% after PT.", "unknown"),
])
def test_a_disability_index_in_its_severe_band_is_a_significant_loss_of_function(text: str, loss: str) -> None:
    case = extract_text("Date of service: 09/22/2015\n" + text + "\n", ["Functional restoration program evaluation x1"])
    assert case.clinical.significant_functional_loss.value == loss


def test_a_program_report_of_full_participation_documents_motivation() -> None:
    text = "SUMMARY\nMr. X attended all 10 days, arrived on time, participated fully in groups."
    case = extract_text("Report date: 02/19/2016\n" + text + "\n", ["Functional restoration program, additional 10 days"])
    assert case.clinical.motivated_to_change.value == "yes"


def test_the_oswestry_disability_index_named_in_full_with_a_score_is_a_baseline_evaluation() -> None:
    case = extract_text("Report date: 02/19/2016\nOswestry Disability Index 48% today.\n", ["Office visit x 1"])
    assert case.clinical.baseline_functional_evaluation.value == "yes"
