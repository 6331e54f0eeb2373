"""Conservative care failed, as the courses a note tells show it, where the note says nothing of the care as a whole.

Notes tell what was tried and how each course went ("chiro x 10, no relief", "aquatic therapy 12 sessions without
lasting benefit", "acupuncture - helped a couple of days each time") far more often than they write "failed
conservative care". The keys read such a course as the failure (corpus/README.md: `clinical.conservative_care_failed`
is `yes` for a stated failure, no lasting benefit, or only temporary relief; partial gains leave it out): counted in
session 23, of the tune keys with a course keyed `no_improvement` or `temporary`, 207 of 233 key the failure. A course
that helped, or partly helped, is no failure; nor is an injection's relief that ended (keys split on it: an injection
is repeated for relief that lasts weeks, and the rules weigh that relief themselves); nor a diagnostic block's relief of
hours, which is its design; nor a drug (its own status says whether it failed). Only where no sentence says either
way: a note that says the care is working, or that it failed, speaks for itself.
"""

from __future__ import annotations

from .context import Context
from .prior_courses import BRIEF_BY_DESIGN

_PATH = "clinical.conservative_care_failed"
#: Kinds of care whose failed course is no failed conservative care: a drug, an operation, a study or an evaluation.
_NOT_CARE = frozenset({"medication", "surgery", "imaging", "diagnostic"})


def read_failed_courses(ctx: Context) -> None:
    """`yes`, quoting each course that failed or whose relief did not last, unless a sentence already said either way."""
    votes = ctx.draft.findings.get(_PATH)
    if votes is not None and (votes.yes or votes.no or votes.past):
        return
    for entry in ctx.draft.treatments.values():
        if entry.get("kind") in _NOT_CARE or entry.get("service") in BRIEF_BY_DESIGN or not entry.get("evidence"):
            continue
        if entry.get("effect") == "no_improvement" or (entry.get("temporary") == "yes" and entry.get("kind") != "injection"):
            for ev in entry["evidence"][:1]:
                ctx.draft.finding(_PATH, "yes", ev)
