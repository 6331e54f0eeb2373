"""Whether a prior course's relief lasted: the keys' `temporary` effect (corpus/README.md, prior courses).

Clinicians say a course helped but not for long in many ways: "temporary relief", "temp.", "helped only
temporarily", "transient improvement", "short-term relief", "relief wore off", "helped initially", "helped
for a while", "felt good for a day", "help only few days", "3 months of good relief, then back", "the pain
came back". Whether the course helped at all stays the effect's (a block's "80 % relief for 3 months" is a
response), and so does a relief told only by its length in weeks or months ("relief ~3 wks each"), which the
keys read as a response more often than as relief that ended; this reader only marks that the relief ended.
It reads the words quoted with each course and the rest of its sentence up to the next care named, after
every course reader, so a course found by any of them is read alike.
"""

from __future__ import annotations

import re

from ..facts.model import Evidence
from .context import Context
from .prior_courses import BRIEF_BY_DESIGN, bare_therapy
from .sentences import Sentence, quote_sentence

_I = re.IGNORECASE
_SHORT = r"(?:\d{1,2}|one|two|three|four|five|a\s+few|few|a\s+couple\s+(?:of\s+)?|couple\s+(?:of\s+)?|several|an?)"
#: A week at most, which the keys read as relief that did not last as they read days ("helped for maybe a week").
_A_WEEK = r"(?:(?:a|one|1)\s*-?\s*(?:wk|week)|<\s*(?:1|one)\s*(?:wk|week))"
#: Relief that ended, told of the course. A relief told only by its length in weeks or months ("~3 wks relief",
#: "80 % for 3 months") says how long it helped, not that it did not last, and stays the effect's.
_TEMPORARY = re.compile(
    r"\btemporar(?:y|ily)\b|\btemp\.?(?=\s*(?:relief|benefit|help|improvement|$|[),;\"']))|\btransient(?:ly)?\b"
    r"|\bshort[- ]?(?:term|lived)\s+(?:relief|benefit|improvement|help|response)|\bbrief(?:ly)?\s+(?:relief|benefit|help|improve)"
    r"|\bhelped\s+briefly\b|\b(?:wore|wears|wearing)\s+off\b"
    # relief only while the course went on: "pain eased while she was going", "helped while I was attending"
    r"|\b(?:helped|helps|eased|better|relief|improved)\s+(?:only\s+)?while\s+(?:she|he|they|I|pt|the\s+patient)\s+(?:was|were|is|am)\s+"
    r"(?:going|attending|there|in\s+(?:it|therapy|treatment))\b"
    r"|\b(?:pain|symptoms?|sx|it|numbness)\s+(?:has\s+)?(?:came|comes|coming|returned|recurred|recur)\b|\brecurrence\b"
    r"|\b(?:then|but|now)\s+(?:the\s+)?(?:pain\s+)?back\b|\b(?:back|returned)\s+to\s+(?:the\s+)?(?:baseline|same|where)\b"
    r"|\b(?:helped|helps|relief|benefit|improvement|improved|better)\s+(?:\w+\s+){0,4}?(?:initially|at\s+first|for\s+a\s+(?:while|bit|time))\b"
    # relief for hours or days, or a week: "helped for a couple of days", "help only few days", "helped a week"
    r"|\b(?:helped|helps|help|helping|relief|benefit|better|good|nice)\s+(?:(?:only|for|x|about|approx\.?|approximately|around|~"
    rf"|maybe|perhaps|roughly|lasting|lasted)\s*)*(?:{_SHORT}\s*-?\s*(?:days?|hrs?|hours?)|{_A_WEEK})\b"
    rf"|(?:~|about\s+|approx\.?\s*|only\s+)?\b(?:{_SHORT}\s*-?\s*(?:days?|hrs?|hours?)|{_A_WEEK})\s+(?:of\s+)?"
    r"(?:(?!(?:no|not|without|w/o|any)\b)\w+\s+){0,2}?(?:relief|benefit|improvement)\b",
    _I,
)
#: Relief said to last, which no duration above makes temporary: "relief has lasted to date", "still helping".
_LASTING = re.compile(
    r"\b(?:lasted|lasting|continues?|continuing|persist(?:s|ed|ing)?|ongoing|sustained)\s+(?:\w+\s+)?(?:to\s+date|until\s+now|"
    r"since|through|relief|benefit)|\bstill\s+(?:\w+\s+)?(?:helping|helps|better|improved|benefit)",
    _I,
)
#: Where the words about one course end: a sentence's or an item's stop, or a line break.
_TAIL_END = re.compile(r"[.;\n](?:\s|$)|\n")


def read_temporary_relief(sentences: list[Sentence], ctx: Context) -> None:
    """Mark each prior course whose own words say its relief did not last (module docstring)."""
    for entry in ctx.draft.treatments.values():
        if entry.get("kind") in ("medication", "modality") or entry.get("service") in BRIEF_BY_DESIGN:
            continue  # a drug; a device helps while worn, a diagnostic block numbs for its anaesthetic's hours
        if entry.get("temporary") == "yes":
            continue
        for ev in entry.get("evidence", []):
            if ev is None:
                continue
            if relief_ended(_after_name(ev, entry, sentences, ctx)):
                entry["temporary"] = "yes"
                break


def relief_ended(said: str) -> bool:
    """Whether words said of a course tell relief that did not last (and not relief said to last)."""
    return bool(_TEMPORARY.search(said)) and not _LASTING.search(said)


def _after_name(ev: Evidence, entry: dict[str, object], sentences: list[Sentence], ctx: Context) -> str:
    """The words after the course's own name, in its quote and the rest of its sentence, up to the next care named
    or the item's end ("ESI x2 (relief ~3 wks each), PT 24 visits" gives PT nothing of the ESI's)."""
    said = " ".join(ev.quote.split()) + " " + _sentence_tail(ev, sentences)  # the raw quote's wrap is no line of a list
    found = ctx.vocab.mentions(said, ("service",))
    names = sorted([*found, *bare_therapy(said, found, ctx)], key=lambda m: m.start)  # "therapy" alone names its course too
    own = [m for m in names if m.key == entry.get("service") and m.start < len(ev.quote)]
    if not own:
        return ""
    at = own[-1].end
    cut = next((m.start for m in names if m.start >= at and m.key != entry.get("service")), len(said))
    said = said[at:cut]
    stop = _TAIL_END.search(said)
    return said[: stop.start()] if stop else said


def _sentence_tail(ev: Evidence, sentences: list[Sentence]) -> str:
    """The words of the quote's sentence after the quote ('' when the quote is not found)."""
    found = quote_sentence(ev, sentences)
    return found[0].text[found[1] :] if found else ""
