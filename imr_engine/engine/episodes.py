"""Which earlier courses of a service count toward the visits of the course requested now.

Visit limits are per course of care: the CPMTG's 9-10 visits over 8 weeks (p. 98-99), the ODG's spine
numbers, the postsurgical courses (8 CCR 9792.24.3). A new course opens with a new injury, with a
flare-up after a course that worked (the ODG's flare-up visits; the CPMTG's recurrences, p. 58-60),
and with an operation (handled with the postsurgical period in derive). So the total a request is
measured by (`sessions_total_at_least`) adds only the earlier courses of the current episode:
- a course dated before this claim's injury treated another injury and counts for nothing here;
- with a documented flare-up, a course documented to have improved function is taken as finished,
  an assumption the trace names, so the flare's visits open a course of their own.
Every other course counts, whatever its date: reviewers count a claim's care to date, and a gap in
time alone is no new episode. The courses' gains still speak for the item (a flare after a course
that worked is the ODG's own criterion); only the count changes.
"""

from __future__ import annotations

from collections.abc import MutableMapping

from ..facts.model import CaseFacts, Evidence, Treatment
from ..requests.model import RequestedItem

#: What the trace says of a course set aside as an earlier episode's.
BEFORE_INJURY = "set aside as care before this injury (dated before the date of injury)"
AFTER_SUCCESS = "assumed: a flare-up after a course that improved function opens a new course"


def _before_injury(course: Treatment, case: CaseFacts) -> bool:
    injury = case.date_of_injury
    return course.date is not None and injury is not None and course.date.latest() < injury.date.earliest()


def _succeeded(course: Treatment) -> bool:
    return course.functional_improvement == "yes" or (course.effect == "improved" and course.functional_improvement != "no")


def episode_total(
    case: CaseFacts, item: RequestedItem, courses: list[Treatment],
    v: MutableMapping[str, object], ev: dict[str, list[Evidence]], how: dict[str, str],
) -> dict[str, str]:
    """Count in `sessions_total_at_least` only the *courses* of the current episode; *how* (a copy when a note is added).

    *courses*: the earlier courses of the item's service that derivation counted (its region's, and
    within a postsurgical period the operation's).
    """
    if item.visits is None or not courses:
        return how
    # within a postsurgical period the operation opened the course; a flare in it opens none
    flare = case.clinical.acute_exacerbation.value == "yes" and v.get("postsurgical_period") != "yes"
    earlier = [t for t in courses if _before_injury(t, case)]
    finished = [t for t in courses if flare and t not in earlier and _succeeded(t)]
    if not earlier and not finished:
        return how
    kept = [t for t in courses if t not in earlier and t not in finished]
    v["sessions_total_at_least"] = item.visits + sum(t.sessions or 0 for t in kept)
    ev["sessions_total_at_least"] = [e for t in kept for e in t.evidence] + ev.get("visits_requested", [])
    notes = []
    if earlier:
        notes.append(f"{BEFORE_INJURY}: {_named(earlier)}")
    if finished:
        notes.append(f"{AFTER_SUCCESS}; set aside: {_named(finished)}")
        ev["sessions_total_at_least"] += case.clinical.acute_exacerbation.evidence
    return {**how, "sessions_total_at_least": "; ".join(notes)}


def _named(courses: list[Treatment]) -> str:
    return ", ".join(f"{t.name}{f' x {t.sessions}' if t.sessions else ''}" for t in courses)
