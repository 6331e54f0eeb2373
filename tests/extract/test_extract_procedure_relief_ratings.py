"""A procedure's relief told as the pain rated before and after it, in prose. Every sentence is written for
these tests; the expected share is the fall in the rating over the rating before (the CPMTG's "30% reduction
in pain" measured on the 0-10 scale), and no fall is no relief."""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _relief(note: str, request: str = "Repeat lumbar epidural steroid injection") -> tuple[float | None, str]:
    case = extract_text(note, [request])
    done = [t for t in case.treatments if t.kind == "injection"]
    assert done, "the procedure is read as done"
    return done[0].relief_percent, done[0].effect


@pytest.mark.parametrize(("note", "percent"), [
    ("He had a right L5-S1 transforaminal epidural steroid injection in March. Leg pain 9/10 before the injection, 5/10 now.\n",
     44.4),
    ("S/p lumbar ESI 2/3/17. Her pain was 8/10 prior to the shot and 2/10 afterwards.\n", 75.0),
    ("Since the lumbar epidural steroid injection her pain is 4/10, was 8/10.\n", 50.0),
    ("Pain 8/10 before the lumbar ESI, 4/10 since.\n", 50.0),
    ("S/p L4-5 ESI 2/3/17. Pain 3/10 (previously 6/10).\n", 50.0),
    ("Status post lumbar ESI last month; back pain 2/10, down from 5/10.\n", 60.0),
])
def test_ratings_before_and_after_an_injection_are_its_relief(note: str, percent: float) -> None:
    assert _relief(note) == (percent, "improved")


@pytest.mark.parametrize("note", [
    "Pain went from 7 to 3 after the RFA at L4-5 in 2015.\n",
    "Low back pain 7/10 before the radiofrequency ablation, 3/10 now.\n",
])
def test_ratings_around_an_ablation_are_its_relief(note: str) -> None:
    assert _relief(note, "Repeat lumbar radiofrequency ablation") == (57.1, "improved")


@pytest.mark.parametrize("note", [
    "S/p L4-5 ESI 2/3/17; pain was 5/10 before the injection and 7/10 after.\n",
    "He had a lumbar epidural steroid injection in May. Pain 6/10 before the shot, 6/10 now.\n",
])
def test_no_fall_in_the_rating_is_no_relief(note: str) -> None:
    assert _relief(note) == (0.0, "no_improvement")


@pytest.mark.parametrize("note", [
    "Plan: pain 8/10 before the lumbar ESI, hope for 4/10.\n",
    "Pain 8/10. Will see her before the lumbar ESI.\n",
])
def test_a_procedure_only_rated_before_or_planned_is_not_done(note: str) -> None:
    case = extract_text(note, ["Lumbar epidural steroid injection"])
    assert not [t for t in case.treatments if t.kind == "injection"]


@pytest.mark.parametrize(("text", "without", "with_"), [
    ("Pain 9/10 before the pump, 5/10 now.", 9.0, 5.0),
    ("Pain 7/10 before her intrathecal pump, now 3/10.", 7.0, 3.0),
    ("Pain 8/10 prior to the intrathecal pump and 3/10 with it.", 8.0, 3.0),
    ("Her pain went from 8/10 to 4/10 after the intrathecal pump.", 8.0, 4.0),
    ("Pain 9/10 prior to the IT pump and 4/10 currently.", 9.0, 4.0),
])
def test_ratings_before_and_with_an_implanted_pump_are_without_and_with_its_drug(text: str, without: float, with_: float) -> None:
    """An intrathecal pump delivers the drug (CPMTG, implantable drug-delivery systems): the pain before it is the pain
    without the drug, the pain since it the pain with it, so their fall is the pump's relief for its refill."""
    case = extract_text("Date of service: 03/14/2016\n" + text + "\n", ["Intrathecal pump refill"])
    told = {p.context: p.score for p in case.pain_scores}
    assert (told.get("without_medication"), told.get("with_medication")) == (without, with_)


def test_a_pump_named_without_a_rating_before_it_sets_no_context() -> None:
    case = extract_text("Date of service: 03/14/2016\nPain 6/10 today. Pump refill due.\n", ["Intrathecal pump refill"])
    assert [p.context for p in case.pain_scores] == ["unspecified"]
