"""The current episode of care: which earlier courses of a service speak for the course requested now.

Visit limits and "more of the same needs documented functional improvement" are per course of
care: the CPMTG's 9-10 visits over 8 weeks (p. 98-99) and manual therapy's trial, extension and
"recurrences/flare-ups: re-evaluate treatment success" (p. 58-60), the ODG's spine numbers and
flare-up visits, CBT's trial and extension (p. 23), the postsurgical courses (8 CCR 9792.24.3, which
start on the day of the operation). An earlier course belongs to another episode, and is set aside
for the request's visits *and* for its "did the earlier visits improve function" check, when it is
- dated before this claim's injury (it treated another injury);
- physical medicine given before an operation on the same part that has been done since (the
  operation opened a course of its own; what came before treated the condition before surgery);
- given for another condition than a diagnosis that opens a course of its own (`new_course_groups`:
  CRPS, whose visits the CPMTG counts apart, p. 98-99): "12 OT visits for fracture rehab" is the
  fracture's course, not the first of the CRPS found since (therapy items only; the course's words
  must name a diagnosis group, and not that one);
- the sessions a retrospective request is for ("PT x 12, retro"): the course the note tells of with the
  request's own number of visits is the request, not a course before it (therapy items only);
- followed by a long gap with no course of the service (`new_trial_after_days`, an assumption the
  trace names: the guidelines treat a return of symptoms after a long interval as a new trial to
  be judged afresh, but give no number; see thresholds.yaml), unless a flare-up is documented: a
  flare is the guideline's recurrence, judged by the earlier course's success whatever the interval.
A documented flare-up after a course that improved function opens a new course for the *count*
only (an assumption the trace names); that course's gains still speak for the item, since a flare
after a course that worked is the ODG's own criterion for flare-up visits. Another region's courses
are set aside before this (engine/regions.py). Every course set aside is named in the trace with
why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass

from ..facts.model import CaseFacts, Evidence, Surgery, Treatment
from ..requests.model import RequestedItem

#: Whether two regions are apart (engine/regions.RegionTest.apart).
Apart = Callable[[str | None, str | None], bool]
#: What the trace says of a course set aside as an earlier episode's.
BEFORE_INJURY = "care before this injury (dated before the date of injury)"
BEFORE_OPERATION = "physical medicine before an operation on the same part done since ({surgery}): the operation opened a new course"
OTHER_CONDITION = "given for another condition ({condition}): {new} opens a course of its own ({cite})"
OWN_SESSIONS = "the retrospective request's own {sessions} visits, not a course before it"
AFTER_GAP = "assumed: {days} days or more without a course of it before the next care make the request a new trial"
AFTER_SUCCESS = "assumed: a flare-up after a course that improved function opens a new course"
#: Requests an operation opens a new course of: physical medicine (its postsurgical course starts with the operation).
PHYSICAL_MEDICINE = ("physical_medicine", "manual_therapy", "acupuncture")


@dataclass(frozen=True)
class NewDiagnosis:
    """The case's diagnoses that open a course of their own, and how a course's condition words are grouped."""

    groups: frozenset[str] = frozenset()
    """The item's diagnosis groups among the episodes' `new_course_groups`."""
    groups_of: Callable[[str], list[str]] | None = None
    """The guideline diagnosis groups a condition's words name (the terminology's)."""
    cite: str = ""

    def other_condition(self, course: Treatment) -> str | None:
        """Why *course* is another condition's (the trace's words), or None when it may be the new diagnosis's."""
        if not self.groups or self.groups_of is None or not course.condition:
            return None
        named = set(self.groups_of(course.condition))
        if not named or named & self.groups:
            return None
        new = ", ".join(sorted(g.replace("_", " ") for g in self.groups))
        return OTHER_CONDITION.format(condition=course.condition, new=new, cite=self.cite)


@dataclass(frozen=True)
class Episode:
    """The earlier courses of an item's service, split by episode."""

    kept: tuple[Treatment, ...] = ()
    """The current episode's courses: their visits, gains and relief speak for the item."""
    aside: tuple[tuple[Treatment, str], ...] = ()
    """Courses of an earlier episode, each with why: nothing of them speaks for the item."""
    finished: tuple[Treatment, ...] = ()
    """Kept courses that a flare-up after them closed: their gains count, their visits do not."""

    @property
    def counted(self) -> tuple[Treatment, ...]:
        """The courses whose visits add to the request's total."""
        return tuple(t for t in self.kept if t not in self.finished)


def _before_injury(course: Treatment, case: CaseFacts) -> bool:
    injury = case.date_of_injury
    return course.date is not None and injury is not None and course.date.latest() < injury.date.earliest()


def before_surgery(course: Treatment, surgery: Surgery) -> bool:
    """A course given before the surgery, as the note says ("pre-op PT") or as the dates show."""
    if course.postoperative != "unknown":
        return course.postoperative == "no"
    return course.date is not None and surgery.date is not None and course.date.latest() < surgery.date.earliest()


def _succeeded(course: Treatment) -> bool:
    return course.functional_improvement == "yes" or (course.effect == "improved" and course.functional_improvement != "no")


def _operation_since(course: Treatment, surgeries: list[Surgery], apart: Apart) -> Surgery | None:
    """The operation on the course's part done since the course."""
    for surgery in surgeries:
        if not apart(course.region, surgery.body_region) and before_surgery(course, surgery):
            return surgery
    return None


def _before_gap(courses: list[Treatment], as_of: dt.date, days: int) -> set[int]:
    """Indexes of the courses followed by *days* or more without a course of the service before the next care.

    Only when every course is dated: an undated one could fall in the gap.
    """
    if any(t.date is None for t in courses):
        return set()
    dated = sorted((t.date.latest(), t.date.earliest(), i) for i, t in enumerate(courses))  # type: ignore[union-attr]
    nexts = [start for _, start, _ in dated[1:]] + [as_of]
    cut = -1
    for k, ((end, _, _), nxt) in enumerate(zip(dated, nexts)):
        if (nxt - end).days >= days:
            cut = k
    return {i for _, _, i in dated[: cut + 1]}


def _own_sessions(courses: list[Treatment], item: RequestedItem) -> Treatment | None:
    """The course with the visits a retrospective request asks for (the latest dated, if several)."""
    same = [t for t in courses if item.visits is not None and t.sessions == item.visits]
    if not same:
        return None
    return max(same, key=lambda t: t.date.latest() if t.date is not None else dt.date.min)


def current_episode(
    case: CaseFacts, item: RequestedItem, courses: list[Treatment], as_of: dt.date, surgeries: list[Surgery],
    postsurgical: bool, gap_days: int, apart: Apart, new_diagnosis: NewDiagnosis = NewDiagnosis(),
    retrospective: bool = False,
) -> Episode:
    """Split *courses* (the item's service, its region's) into the current episode's and earlier ones.

    Only therapy given in courses of visits (*item* of kind therapy) has episodes by gap; only physical
    medicine (PT, manual therapy, acupuncture) by operation; every service by the date of injury.

    *surgeries*: the case's operations on the item's part; those done by *as_of* end the physical
    medicine before them (*apart* tells a course's region from an operation's). *postsurgical*: the
    item falls in a postsurgical period (a flare in it opens no course: the operation did). *new_diagnosis*:
    the diagnoses that open a course of their own, against which a therapy course given for another
    condition is set aside. *retrospective*: the request is for care already given, so one course with
    its number of visits is the request's own (the latest dated, if several).
    """
    therapy = item.kind == "therapy"
    physical = therapy and bool(set(item.classes) & set(PHYSICAL_MEDICINE))
    surgeries = [s for s in surgeries if s.date is None or s.date.earliest() <= as_of] if physical else []
    aside: list[tuple[Treatment, str]] = []
    rest: list[Treatment] = []
    for t in courses:
        operation = _operation_since(t, surgeries, apart)
        other = new_diagnosis.other_condition(t) if therapy else None
        if _before_injury(t, case):
            aside.append((t, BEFORE_INJURY))
        elif operation is not None:
            aside.append((t, BEFORE_OPERATION.format(surgery=operation.name)))
        elif other is not None:
            aside.append((t, other))
        else:
            rest.append(t)
    own = _own_sessions(rest, item) if therapy and retrospective else None
    if own is not None:
        rest.remove(own)
        aside.append((own, OWN_SESSIONS.format(sessions=own.sessions)))
    flare = case.clinical.acute_exacerbation.value == "yes" and not postsurgical
    # a flare-up is the guideline's recurrence of the treated condition, whatever the interval: the
    # earlier course's success is what it is judged by (CPMTG p. 58-60), so no gap sets that course aside
    gap = set() if flare or not therapy else _before_gap(rest, as_of, gap_days)
    aside += [(t, AFTER_GAP.format(days=gap_days)) for i, t in enumerate(rest) if i in gap]
    kept = tuple(t for i, t in enumerate(rest) if i not in gap)
    finished = tuple(t for t in kept if flare and _succeeded(t))
    return Episode(kept, tuple(aside), finished)


def episode_notes(
    episode: Episode, service: str | None, v: MutableMapping[str, object], ev: dict[str, list[Evidence]],
    how: dict[str, str], flare_evidence: list[Evidence], course_facts: tuple[str, ...],
) -> dict[str, str]:
    """Name in the trace the courses set aside (a copy of *how* when it adds), and drop an ended service from those tried.

    When every earlier course of the item's service belongs to another episode, the request is a
    first course of the current one: the service is not among those tried (or failed) for this item.
    """
    if not episode.aside and not episode.finished:
        return how
    how = dict(how)
    notes = []
    if episode.aside:
        notes.append("set aside as an earlier episode's: " + "; ".join(f"{_named(t)} ({why})" for t, why in episode.aside))
    if episode.aside and not episode.kept and service:
        for name in ("tried_services", "failed_services"):
            had = v.get(name)
            if isinstance(had, list) and service in had:
                v[name] = [s for s in had if s != service]
                ev[name] = [e for e in ev.get(name, []) if not any(e in t.evidence for t, _ in episode.aside)]
                how[name] = _joined(how.get(name), notes[0])
    names = course_facts if episode.aside else ("sessions_total_at_least",)
    if episode.finished:
        notes.append(f"{AFTER_SUCCESS}; its visits set aside: {', '.join(_named(t) for t in episode.finished)}")
        ev["sessions_total_at_least"] = ev.get("sessions_total_at_least", []) + flare_evidence
    for name in names:
        if name in v or name == "sessions_total_at_least":
            how[name] = _joined(how.get(name), "; ".join(notes))
    return how


def _joined(before: str | None, note: str) -> str:
    return f"{before}; {note}" if before else note


def _named(course: Treatment) -> str:
    return f"{course.name}{f' x {course.sessions}' if course.sessions else ''}{f' ({course.date})' if course.date else ''}"


#: What the trace says when the gains documented at the visit are credited to the course of the requested service.
CREDITED = ("assumed: the objective functional gains documented at this visit are the course's, the only care "
            "other than drugs the record gives")


def credit_visit_gains(
    case: CaseFacts, item: RequestedItem, episode: Episode, others: list[Treatment],
    v: MutableMapping[str, object], ev: dict[str, list[Evidence]], how: dict[str, str],
) -> dict[str, str]:
    """Credit the visit's documented functional gains to the course of the requested therapy (a copy of *how* when it does).

    A therapist's or psychologist's progress note documents the gains of the course it reports on
    (measured function, a return to work) without always tying them to the course in words. When the
    course of the requested therapy is the only care besides drugs in the record (*others* is empty),
    the current episode's course has no finding of its own, and the visit documents objective functional
    improvement or a return to work, that improvement is the course's. Reviewers read it so; the trace
    names the assumption.
    """
    if item.kind != "therapy" or others or not episode.kept or v.get("prior_sessions_functional_improvement") != "unknown":
        return how
    if any(t.functional_improvement == "no" or t.effect == "no_improvement" for t in episode.kept):
        return how
    f = case.function
    gains = [x for x in (f.objective_improvement, f.returned_to_work) if x.value == "yes"]
    if not gains:
        return how
    v["prior_sessions_functional_improvement"] = "yes"
    ev["prior_sessions_functional_improvement"] = [e for g in gains for e in g.evidence] + [
        e for t in episode.kept for e in t.evidence]
    return {**how, "prior_sessions_functional_improvement": _joined(how.get("prior_sessions_functional_improvement"), CREDITED)}
