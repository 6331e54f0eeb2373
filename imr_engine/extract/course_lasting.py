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
from .prior_courses import BRIEF_BY_DESIGN, bare_therapy, course_effect
from .sentences import Sentence, quote_sentence

_I = re.IGNORECASE
_SHORT = r"(?:\d{1,2}(?:\s*-\s*\d{1,2})?|one|two|three|four|five|a\s+few|few|a\s+couple\s+(?:of\s+)?|couple\s+(?:of\s+)?|several|an?)"
#: A week at most, which the keys read as relief that did not last as they read days ("helped for maybe a week").
_A_WEEK = r"(?:(?:a|one|1)\s*-?\s*(?:wk|week)|<\s*(?:1|one)\s*(?:wk|week))"
#: Relief that ended, told of the course. A relief told only by its length in weeks or months ("~3 wks relief",
#: "80 % for 3 months") says how long it helped, not that it did not last, and stays the effect's.
_TEMPORARY = re.compile(
    r"\btemporar(?:y|ily)\b|\btemp\.?(?=\s*(?:relief|benefit|help|improvement|$|[),;\"']))|\btransient(?:ly)?\b"
    r"|\bshort(?:[- ]?(?:term|lived))?\s+(?:relief|benefit|improvement|help|response)|\bbrief(?:ly)?\s+(?:relief|benefit|help|improve)"
    r"|\bhelped\s+(?:only\s+)?briefly\b|\b(?:wore|wears|wearing)\s+off\b"
    # relief only while the course went on: "pain eased while she was going", "helped while I was attending"
    r"|\b(?:helped|helps|eased|better|relief|improved)\s+(?:only\s+)?while\s+(?:she|he|they|I|pt|the\s+patient)\s+(?:was|were|is|am)\s+"
    r"(?:going|attending|there|in\s+(?:it|therapy|treatment))\b"
    r"|\b(?:pain|symptoms?|sx|it|numbness)\s+(?:has\s+)?(?:came|comes|coming|returned|recurred|recur)\b|\brecurrence\b"
    r"|\b(?:then|but|now)\s+(?:the\s+)?(?:pain\s+)?back\b|\b(?:back|returned)\s+to\s+(?:the\s+)?(?:baseline|same|where)\b"
    r"|\b(?:helped|helps|relief|benefit|improvement|improved|better)\s+[\"']?(?:\w+\s+){0,4}?[\"']?(?:initially|at\s+first|for\s+a\s+(?:while|bit|time))\b"
    # a relief's percent for a short time, or a feeling after each visit: "maybe 20% for a week", "feels looser for a day or so
    # after each treatment"
    rf"|\d{{1,3}}\s*(?:%|percent)\s+(?:relief\s+|better\s+)?(?:for|x)\s+(?:about\s+|maybe\s+|~\s*)?(?:{_SHORT}\s*-?\s*(?:days?|hrs?|hours?)|{_A_WEEK})\b"
    rf"|\b{_SHORT}\s*(?:days?|hrs?|hours?)(?:\s+or\s+(?:so|two))?\s+after\s+(?:each|every)\b"
    r"|\b(?:initially|at\s+first)\s+(?:it\s+)?(?:helped|improved|relieved|eased)\b"
    # relief only for the first part of the course, only at the time, or only in the short term: "helped a little for the
    # first few weeks", "each helped short term only", "helps while I'm there" ("helped at the time" is keyed a response)
    r"|\b(?:helped|helps|relief|benefit|better)\s+(?:\w+\s+){0,3}?(?:for\s+the\s+first\s+(?:few\s+)?(?:days?|weeks?|visits?)"
    r"|short[- ]?term|while\s+(?:I'?m|I\s+am|I\s+was)\s+there)\b"
    # relief for hours or days, or a week: "helped for a couple of days", "help only few days", "helped a week"
    r"|\b(?:helped|helps|help|helping|relief|benefit|better|good|nice|gave(?:\s+(?:him|her|them))?)\s+(?:(?:only|for|of|x|about|approx\.?|approximately|around|~"
    rf"|maybe|perhaps|roughly|lasting|lasted)\s*)*(?:{_SHORT}\s*-?\s*(?:days?|hrs?|hours?)|{_A_WEEK})\b"
    rf"|(?:~|about\s+|approx\.?\s*|only\s+)?\b(?:{_SHORT}\s*-?\s*(?:days?|hrs?|hours?)|{_A_WEEK})\s+(?:of\s+)?"
    r"(?:(?!(?:no|not|without|w/o|any)\b)\w+\s+){0,2}?(?:relief|benefit|improvement)\b",
    _I,
)
#: Relief said to last, which no duration above makes temporary: "relief has lasted to date", "still helping".
_LASTING = re.compile(
    r"\b(?:lasted|lasting|continues?|continuing|persist(?:s|ed|ing)?|ongoing|sustained)\s+(?:\w+\s+)?(?:to\s+date|until\s+now|"
    r"since|through|relief|benefit)|\bstill\s+(?:\w+\s+)?(?:helping|helps|better|improved|benefit)|\bnot\s+(?:yet\s+)?worn\s+off\b",
    _I,
)
#: Relief told by its length, under three months, which says it ended: "helped for about a month", "~2 mo relief each",
#: "2-3 weeks of relief", "50% relief for ~6 weeks each", "relief < 2 weeks". Counted in session 16 over the tune keys of
#: courses whose relief is told so: 14 key `temporary`, 8 `improved` (all but one written before the keys had
#: `temporary`); a relief of three months or more is keyed a response (3 of 4). Only a course that helped is marked.
_WEEKS = r"(?:[1-9]|1[01]|one|two|three|four|five|six|seven|eight|a\s+few|few|several|a\s+couple\s+(?:of\s+)?|couple\s+(?:of\s+)?)"
_UNDER_3_MONTHS = (
    rf"(?:<\s*|less\s+than\s+)?(?:(?:\d\s*-\s*)?{_WEEKS}\s*-?\s*(?:wks?|weeks?)|(?:a|one|1|(?:1\s*-\s*)?2|two|a\s+couple\s+(?:of\s+)?)"
    r"\s*-?\s*(?:mos?|months?))(?:'s?)?"
)
_BOUNDED = re.compile(
    r"\b(?:relief|helped|helps|helping|benefit|improvement|better|good|gave|lasted|lasting)\b[^.;|]{0,30}?\b(?:for|x|lasting|lasted)\s*"
    rf"(?:(?:about|approx\.?|approximately|~|around|maybe|only|roughly|\"|')\s*)*(?<![>+])(?<!more\sthan\s)(?<!over\s)(?<!at\sleast\s){_UNDER_3_MONTHS}(?![\w-])"
    rf"|(?<![>+]\s)(?<![>+])(?<!more\sthan\s)(?<!over\s)(?<!at\sleast\s)(?:~\s*|\b)(?:about\s+|approx\.?\s*|approximately\s+|only\s+)?{_UNDER_3_MONTHS}\s+(?:of\s+)?(?:[~\w%-]+\s+){{0,3}}?(?:relief|benefit|improvement)\b"
    rf"|\brelief\s*(?:of\s*|was\s*)?(?:about\s+|approx\.?\s*|~\s*)?{_UNDER_3_MONTHS}(?![\w-])"
    rf"|\b(?:helped|good|gave(?:\s+(?:him|her|them))?)\s+(?:for\s+)?(?:about\s+|approx\.?\s*|~\s*|maybe\s+|only\s+|\"|')*{_UNDER_3_MONTHS}(?![\w-])",
    _I,
)

#: Where the words about one course end: a sentence's or an item's stop, or a line break.
#: (titles in capitals or lower case too, as a note typed so writes them: "BY DR. SANDOVAL", "by dr. sandoval")
_TAIL_END = re.compile(
    r"(?<!\bDr)(?<!\bdr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bapprox)(?<!\bvs)(?<!\bDR)(?<!\bMR)(?<!\bMS)(?<!\bMRS)(?<!\bAPPROX)(?<!\bVS)"
    r"[.;\n](?:\s|$)|\n"
)
#: A result after the last of a list said of every course in it: "PT ~36 visits, chiro 18, acupuncture 12 - each helped
#: short term only", "PT x 12 and chiro x 6, both helped only temporarily".
_ALL_OF_THEM = re.compile(
    r"^(?:[^.;()]{0,12}?[,\u2013\u2014-]\s*|\W*)(?:and\s+)?(?:each|all|both|all\s+of\s+(?:which|these|them)|which\s+all)\b", _I
)


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
            said = _after_name(ev, entry, sentences, ctx)
            if relief_ended(said) or (relief_bounded(said) and "improved" in (entry.get("effect"), course_effect(said))):
                entry["temporary"] = "yes"
                break


def relief_ended(said: str) -> bool:
    """Whether words said of a course tell relief that did not last (and not relief said to last)."""
    return bool(_TEMPORARY.search(said)) and not _LASTING.search(said)


#: A length told as a floor, which says nothing of an end: "> 6 weeks of relief", "more than 2 months".
_AT_LEAST = re.compile(r"(?:(?<![-=])>|\bmore\s+than|\bover|\bat\s+least|\bgreater\s+than|\blonger\s+than)\s*~?\s*(?:about\s+)?(?:\d|a\b|one|two|three|four|five|six)", _I)


def relief_bounded(said: str) -> bool:
    """Whether words said of a course that helped tell its relief by a length under three months (`_BOUNDED`), and not as
    lasting."""
    return bool(_BOUNDED.search(said)) and not _LASTING.search(said) and not _AT_LEAST.search(said)


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
    whole = said
    said = said[at:cut]
    if drugs := ctx.vocab.mentions(said, ("product", "ingredient")):
        said = said[: drugs[0].start]  # "chiro x 6, Norco helps for a few hours": the drug's relief
    stop = _TAIL_END.search(said)
    said = said[: stop.start()] if stop else said
    if cut < len(whole) and (stop is None):  # another care follows in the same list: a result said of all of them
        last = whole[names[-1].end :]
        end = _TAIL_END.search(last)
        last = last[: end.start()] if end else last
        if drugs := ctx.vocab.mentions(last, ("product", "ingredient")):
            last = last[: drugs[0].start]  # "- both no help, Norco helps for a few hours": the drug's relief
        if _ALL_OF_THEM.match(last):
            said += " " + last
    return said


def _sentence_tail(ev: Evidence, sentences: list[Sentence]) -> str:
    """The words of the quote's sentence after the quote ('' when the quote is not found)."""
    found = quote_sentence(ev, sentences)
    return found[0].text[found[1] :] if found else ""
