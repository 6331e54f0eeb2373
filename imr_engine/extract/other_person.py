"""Is a sentence's fact told of someone other than the worker: a spouse, child, parent or friend?

Notes tell of the worker's family in the worker's own words: "his wife takes Norco for her back",
"her husband's walking improved after his knee replacement", "mother on gabapentin". A drug, a gain
or a rating whose clause has a relative as its subject belongs to that person. A relative named as
a helper or a companion ("walks with his wife", "her husband does the laundry for her") is not the
subject of the worker's own gain, so only the clause's head is looked at.
"""

from __future__ import annotations

import re

from .negation import clause_bounds

_I = re.IGNORECASE
RELATIVE = (
    r"(?:wife|husband|spouse|partner|fianc[e\u00e9]e?|boyfriend|girlfriend|son|daughter|child|children|kids?|brother|sister"
    r"|mother|father|mom|dad|parents?|grand(?:son|daughter|child|children|mother|father|ma|pa)|uncle|aunt|cousin|friend"
    r"|co-?workers?|roommate|neighbou?r)"
)
#: The clause opens with a relative as its subject: "His wife takes ...", "Pt's mother is on ...", "Her husband's walking".
_RELATIVE_HEAD = re.compile(
    rf"^\W*(?:(?:and|but|also|per|states|reports|says|notes)\s+)?(?:the\s+)?(?:(?:patient|pt|claimant|worker)(?:'s|s')?\s+)?"
    rf"(?:his|her|their|my|a|the)?\s*{RELATIVE}(?:'s|s')?\b",
    _I,
)


def told_of_another(text: str, start: int, end: int) -> bool:
    """Whether the clause holding text[start:end] opens with a relative as its subject ("his wife takes Norco")."""
    left, _ = clause_bounds(text, start, end)
    return bool(_RELATIVE_HEAD.match(text, left, start))
