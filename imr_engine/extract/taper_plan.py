"""A requested drug that the note's own entry for it calls a taper under way: a weaning request.

The request line is often the bare drug line ("Norco 10/325 mg #120") while the plan entry, the
medication list or the assessment says what the supply is for: "- taper step; next step 3.5/day",
"(taper in progress)", "taper as above, then discontinue", "taper initiated". Such a supply is a step
of a taper (CPMTG Weaning of Medications, p. 124), not a request to maintain the drug. A taper only
discussed, advised, preferred, planned for later, declined, conditional or past is not one, nor a
taper of another drug named in the same line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .context import Context
from .decisions import set_purpose
from .findings import clause_evidence
from .sentences import Sentence

#: Ingredients that ride along in combination products: sharing one of them is not naming the same drug.
_ADJUNCTS = frozenset({"acetaminophen", "caffeine", "aspirin"})
#: How far after the drug's name its entry may call it a taper (a dotted list row, a dose and a dash).
_REACH = 90

_TAPER = re.compile(r"(?<![-\w])(?:taper(?:ing)?|wean(?:ing)?)\b", re.IGNORECASE)
#: The taper is this supply: a step, under way, as set out, a schedule written after a colon, or off / down.
_NOW_AFTER = re.compile(
    r"\s*(?::|(?:step|in\s+progress|as\s+(?:above|discussed|planned|outlined|scheduled|below)|initiated|started|begun"
    r"|under\s*way|ongoing|continues|schedule)\b|(?:off|down)\b|to\s+(?:discontinu|stop|off)\w*)",
    re.IGNORECASE,
)
_NOW_BEFORE = re.compile(
    r"(?:\b(?:continu(?:e|es|ing)|ongoing|active|current|per)\s+(?:the\s+|a\s+|his\s+|her\s+)?|[-(,]\s*|\bbeing\s+)$",
    re.IGNORECASE,
)
#: Words that make the taper talk, intent, a condition, a refusal or another time.
_NOT_NOW = re.compile(
    r"\b(?:will|would|wants?|plan(?:s|ned)?\s+to|prefer\w*|consider\w*|discuss\w*|advis\w*|recommend\w*|not|no|never"
    r"|declin\w*|refus\w*|if|once|when|until|later|future|next|eventually|may|might|could|should|hope\w*|try"
    r"|unwilling|reluctant)\b|cross-",
    re.IGNORECASE,
)
_CONDITION_AFTER = re.compile(r"^[^;.]{0,25}\b(?:if|when|once|until|later)\b", re.IGNORECASE)


def read_taper_plans(sentences: Sequence[Sentence], ctx: Context) -> None:
    """Make a drug request a weaning request where the note's entry for that drug calls it a taper now."""
    for index, item in enumerate(ctx.items):
        if item.kind != "drug" or ctx.draft.requests[index]["purpose"] == "wean":
            continue
        own = set(item.ingredients)
        if not own:
            continue
        others = [other.text.lower() for j, other in enumerate(ctx.items) if j != index]
        for s in sentences:
            found = _taper_of(s, own, item.text.lower(), others, ctx)
            if found is not None:
                set_purpose(ctx, index, "wean", clause_evidence(s, *found))
                break


def _taper_of(s: Sentence, own: set[str], line: str, others: list[str], ctx: Context) -> tuple[int, int] | None:
    """The span from the drug's name to the taper word, where this sentence calls the drug's supply a taper now.

    A name that another request line gives and this one does not ("OxyContin taper" beside a request for
    oxycodone IR) is the other request's drug.
    """
    if not _TAPER.search(s.text):
        return None
    names = ctx.vocab.mentions(s.text, ("product", "ingredient"))
    for n, name in enumerate(names):
        if not _same_drug(_ingredients(ctx, name.category, name.key), own):
            continue
        said = s.text[name.start:name.end].lower()
        if said not in line and any(said in other for other in others):
            continue
        stop = min(len(s.text), name.end + _REACH)
        if n + 1 < len(names):
            stop = min(stop, names[n + 1].start)
        clause = s.text[name.end:stop].split(";")[0]
        for m in _TAPER.finditer(clause):
            before, after = clause[: m.start()], clause[m.end():]
            if _NOT_NOW.search(before) or _CONDITION_AFTER.search(after):
                break
            if _NOW_AFTER.match(after) or _NOW_BEFORE.search(before):
                return name.start, name.end + m.end()
    return None


def _ingredients(ctx: Context, category: str, key: str) -> set[str]:
    if category == "product":
        return set(ctx.vocab.products[key].ingredients)
    return {key}


def _same_drug(named: set[str], own: set[str]) -> bool:
    return named == own or bool((named & own) - _ADJUNCTS)
