"""Pain with and without the drug as writers the reader had not met tell it (reader round 13d; fragments written for
these tests, not copied from notes).

The corpus README's key conventions decide each reading: a rating told with the drug's words is the pain on it,
one told for the time without the drug (off it, a dose missed, "without the pills") is the pain without it, a plain
rating of a worker who takes a pain drug now is the pain on it, and a plain rating of a worker the note shows on
no pain medication is the pain without any. A before-and-after pair told of an injection or another procedure is
no rating of the drug: the CPMTG's 4 A's (p. 78) ask for the pain on the analgesic, not on the block.
"""

from __future__ import annotations

import pytest

from imr_engine.extract.pain import find_pain_scores
from tests.fragments import read_fragment


def _read(text: str, drugs: tuple[str, ...] = ()) -> set[tuple[float, str]]:
    return {(m.score, m.context) for m in find_pain_scores(text, drugs)}


@pytest.mark.parametrize(("text", "with_", "without"), [
    ('Pain today 8/10, "10/10 without the pills."', 8, 10),
    ("She rates her pain at 7/10 and says without any medicine it is 10/10.", 7, 10),
    ("PAIN IS 8/10 WITHOUT AND 6/10 WITH.", 6, 8),
    ("Pain 5/10 w/ meds, 9/10 w/o, and he cannot work w/o them.", 5, 9),
    ("knee pain 4/10 with naproxen, 7/10 when she skipped it for 3 days in July.", 4, 7),
    ("Back pain 3/10 on Norco; 8/10 when he ran out over the holiday.", 3, 8),
    ("She currently rates her pain as a 6 out of 10, and a 3 out of 10 an hour after a hydrocodone.", 3, 6),
    ("Pain 7/10, 4/10 about an hour after her Norco.", 4, 7),
    ("Without her tablets the pain is 9/10; with them 5/10.", 5, 9),
    ("Celebrex takes the edge off, 8 -> 5.", 5, 8),
    ("Tramadol helps, knee ache 7 -> 4 on it.", 4, 7),
])
def test_a_rating_with_and_without_the_drug(text: str, with_: float, without: float) -> None:
    found = _read(text, ("naproxen", "norco", "hydrocodone", "celebrex", "tramadol"))
    assert (with_, "with_medication") in found and (without, "without_medication") in found, found


@pytest.mark.parametrize(("text", "score"), [
    ("With ibuprofen she gets the morning pain down to about 4/10 and is able to finish her shifts.", 4),
    ("Pain goes down to a 4 when the meds kick in.", 4),
    ("Norco brings his back pain down to 5/10.", 5),
])
def test_pain_brought_down_by_the_drug_is_the_rating_on_it(text: str, score: float) -> None:
    assert (score, "with_medication") in _read(text, ("ibuprofen", "norco"))


@pytest.mark.parametrize("text", [
    "Leg pain went from 8/10 to 3/10 (about 60% relief) beginning 3 days after the injection.",
    "After the ESI her pain decreased from 7/10 to 2/10, about 70% relief for 10 weeks.",
    "Medial branch block: pain 8/10 -> 2/10, 75% relief for 6 hours.",
    "pt reported 65% reduction of foot pain (8/10 -> 3/10) during the stimulator trial.",
    "Relief after RFA: 7/10 -> 3/10 for five months.",
])
def test_an_injection_before_and_after_is_no_rating_of_the_drug(text: str) -> None:
    assert not {c for _, c in _read(text)} & {"with_medication", "without_medication"}


@pytest.mark.parametrize("text", [
    "Pain 8/10 -> 3/10 with Norco.",
    "Since gabapentin was increased, leg burning went from 8/10 to 4/10.",
    "Relief with meds: pain 7/10 -> 4/10.",
])
def test_a_drug_before_and_after_is_still_a_pair(text: str) -> None:
    assert {c for _, c in _read(text, ("norco", "gabapentin"))} >= {"with_medication", "without_medication"}


@pytest.mark.parametrize("text", [
    "Pain 8 -> 5 PT visits left.",
    "Norco decreased 6 -> 4 tabs a day.",
    "Norco 8 -> 5 mg.",
])
def test_a_bare_arrow_of_doses_or_counts_is_no_rating(text: str) -> None:
    assert not [m for m in find_pain_scores(text, ("norco",)) if m.context != "unspecified"]


def _keyed(text: str) -> tuple[float | None, float | None]:
    case = read_fragment(text)
    def last(context: str) -> float | None:
        found = [p.score for p in case.pain_scores if p.context == context]
        return found[-1] if found else None
    return last("with_medication"), last("without_medication")


@pytest.mark.parametrize("text", [
    "S: R wrist pain 2/10, takes no meds.",
    "S: Pain 2/10, takes no pain meds.",
    "S: Heel pain 5/10, not taking any medication for it.",
    "S: Neck pain 4/10 and he is not on any pain meds.",
    "S: He uses no pain medications; pain 6/10.",
])
def test_a_plain_rating_of_a_worker_on_no_pain_drug_is_without(text: str) -> None:
    with_, without = _keyed(text)
    assert with_ is None and without is not None


@pytest.mark.parametrize("text", [
    "S: Pain 6/10, no pain medication other than ibuprofen 600 mg TID.",
    "S: Pain 6/10. No medication changes. Takes ibuprofen 600 mg TID.",
    "S: Pain 6/10, on naproxen 500 mg BID.",
    "S: Pain 6/10. Meds: tramadol 50 mg BID, no other meds.",
])
def test_a_plain_rating_on_a_pain_drug_stays_the_rating_on_it(text: str) -> None:
    with_, without = _keyed(text)
    assert with_ == 6 and without is None


@pytest.mark.parametrize(("text", "now"), [
    ("S: On meloxicam 15 mg daily. Before injection her arm pain was 8/10. After the injection her pain decreased to "
     "3/10, lasting 3 months. From December the pain came back slowly, now 6/10.", 6),
    ("S: Takes ibuprofen 600 mg BID. Response to the ESI: leg pain went from 8/10 to 3/10 (about 60% relief). Over the "
     "past 6 weeks the leg pain has returned to 7/10.", 7),
    ("S: Average pain 6/10, 8/10 at the end of a work day. Naproxen 500 mg BID.", 6),
])
def test_the_pain_on_the_drug_now_is_not_the_pain_after_a_procedure(text: str, now: float) -> None:
    assert _keyed(text)[0] == now


@pytest.mark.parametrize("text", [
    "S: Takes Norco 5 mg BID. Pain 7/10 since surgery, worse with stairs.",
    "S: Naproxen 500 mg BID. Low back pain 7/10; an epidural injection is requested.",
    "S: On tramadol 50 mg TID. Pain 7/10 today, the injection helped only two days.",
    "S: Meloxicam 15 mg daily. 7/10 at the 2-week post-op visit after the fusion.",
])
def test_a_rating_beside_a_procedure_named_without_its_effect_is_the_pain_now(text: str) -> None:
    assert _keyed(text)[0] == 7
