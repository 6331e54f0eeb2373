"""A bare pain rating of a worker on a pain drug is the pain felt on it (issue 10, reader round 10).

corpus/README.md, "Key conventions": a rating without qualifier ("pain 6/10 today", "VAS 7") of a worker the note
shows taking a pain medication now is `pain.with_medication`; without a current pain drug, or where the note gives
the pain with and without it, the note's words decide; a rating is never invented. The rating now is the one the
note gives as it is now: not one told of another time ("was 7/10 at start of care", "his usual 1/10") nor a least,
worst or best, nor one of a visit before the latest. Fragments written for these tests, several per class.
"""

from __future__ import annotations

import pytest
from fragments import read_fragment


def _ratings(text: str) -> list[tuple[float, str]]:
    case = read_fragment(text)
    return [(p.score, p.context) for p in case.pain_scores]


@pytest.mark.parametrize("text", [
    "S: Low back pain 6/10 today. Meds: Norco 10/325 1 q6h prn, taking 3/day.",
    "Current medications: tramadol 50 mg BID, naproxen 500 mg BID.\nHPI: She rates her pain at 6 out of 10.",
    "VAS 6/10. Continues gabapentin 300 mg TID and uses Lidoderm patches daily.",
    "Pain is 6/10 (usual 3/10). Still on cyclobenzaprine 10 mg qhs.",
])
def test_the_bare_rating_of_a_worker_on_a_pain_drug_is_with_medication(text: str) -> None:
    assert _ratings(text)[0] == (6, "with_medication")


@pytest.mark.parametrize("text", [
    "S: Low back pain 6/10 today. Meds: lisinopril 20 mg daily, atorvastatin 40 mg.",
])
def test_without_a_current_pain_drug_the_rating_keeps_no_context(text: str) -> None:
    assert _ratings(text) == [(6, "unspecified")]


def test_a_rating_next_to_no_medications_is_the_pain_without_medication() -> None:
    """corpus/README (settled after this test was first written): a bare rating of a worker the note shows on no
    pain medication is pain.without_medication; "No medications" in the next sentence shows it."""
    assert _ratings("S: Low back pain 6/10 today. No medications; she prefers ice and stretching.") == [(6, "without_medication")]


@pytest.mark.parametrize(("text", "now", "then"), [
    ("LBP now 3/10, was 7/10 at start of care. Taking ibuprofen 600 mg BID.", 3, 7),
    ("Pain today 5/10 (was 2/10 before the flare). On Norco 5/325 BID.", 5, 2),
    ("Pain 4/10, worst 8/10 at night. Uses tramadol 50 mg at bedtime.", 4, 8),
])
def test_a_rating_told_of_another_time_or_as_a_worst_is_not_the_rating_now(text: str, now: float, then: float) -> None:
    ratings = _ratings(text)
    assert (now, "with_medication") in ratings and (then, "unspecified") in ratings


def test_a_day_rated_with_the_drug_keeps_its_pair() -> None:
    text = "Gabapentin: leg burning went from 8/10 to 4/10. Back pain 7/10, unchanged. On gabapentin 600 mg TID."
    assert sorted(_ratings(text)) == [(4, "with_medication"), (7, "unspecified"), (8, "without_medication")]


@pytest.mark.parametrize("text", [
    "Was given lidocaine 5% ointment at urgent care 08/10 for the back - using it BID.",
    "Seen in the ED 09/10 and started on naproxen 500 mg BID.",
])
def test_a_day_of_the_month_written_with_its_zero_is_no_rating(text: str) -> None:
    assert _ratings(text) == []


@pytest.mark.parametrize("text", [
    "Progress note 05/04/2015: pain remained 8/10.\n"
    "Progress note 07/06/2015: she rates her pain at 6 out of 10. Current medications: Percocet 10/325 q6h, Soma 350 mg.",
    "At the 3/2/15 visit pain was rated 8/10 on a pain scale and it remained so on 5/4/15.\n"
    "DOS 7/6/15: Pain 6/10. Meds: tramadol 50 mg BID.",
])
def test_only_the_latest_day_is_rated_on_the_drugs_taken_now(text: str) -> None:
    """The note's drug list is of the latest day; an earlier day's rating cannot be said to be on it."""
    ratings = _ratings(text)
    assert (6, "with_medication") in ratings
    assert all(context == "unspecified" for score, context in ratings if score == 8)
