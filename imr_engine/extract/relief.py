"""Relief from medication told as a share of the pain, with the drug it is told of: "50% relief with meds", "Norco helps ~30 %", "pain decreased
by half with gabapentin", "the burning is about half of what it was".

The CPMTG weighs continued analgesics by the relief they give (opioids p. 78-80, antiepilepsy drugs p. 16-17:
"a 30% reduction in pain is clinically important"); a note tells that relief either as a pair of ratings (read
by `pain`) or as the share itself, read here. A share counts only when its clause speaks of a drug (named, or
"meds", "medications", "it" after a named drug) and of pain or relief, not of an injection or a course of care
(their relief is the course's, read by `history`), a goal, a taper step or a dose.
"""

from __future__ import annotations

import re

from .context import Context
from .negation import polarity
from .pain import drug_names
from .sentences import Sentence
from .word_gate import search

_I = re.IGNORECASE
#: The share itself: "50%", "~30 %", "40-50 percent" (the lower end of a range is what is sure), "half".
_SHARE = r"(?:~\s*|about\s+|approx(?:imately|\.)?\s*|around\s+|roughly\s+|nearly\s+|maybe\s+|at\s+least\s+|>\s*)?" \
         r"(?P<pct>\d{1,3})(?:\s*%?\s*(?:-|to)\s*\d{1,3})?\s*(?:%|percent\b)"
_RELIEF = tuple(
    re.compile(pattern, _I)
    for pattern in (
        # "50% relief", "30-40% pain relief", "~40 % improvement in pain", "60 percent reduction of pain"
        rf"{_SHARE}\s+(?:(?:pain|symptom)\s+)?(?:relief|improvement|reduction|decrease|better|less\s+pain)\b",
        # "helps ~30%", "relieves about 50 percent of the pain", "improves pain by 40%", "reduces pain 50%"
        r"\b(?:helps?|helped|helping|relieves?|relieved|improves?|improved|reduces?|reduced|decreases?|decreased|cuts?"
        r"|lowers?|brings?\s+down|takes?\s+(?:away|off))\s+(?:(?:the\s+|his\s+|her\s+|my\s+)?(?:pain|symptoms?|burning|ache)\s+)?"
        rf"(?:by\s+)?{_SHARE}",
        # "relief of about 50%", "pain relief: 40%", "relief ~30%"
        rf"\brelief\s*(?:of\s+|is\s+|was\s+|[:=]\s*)?{_SHARE}",
        # a form's field: "Pain relief with Percocet: 60%", "Relief from meds - about 40%"
        rf"\brelief\s+(?:with|from|on)\b[^.;:%\d]{{0,30}}?(?:[:=]|\s-)\s*{_SHARE}",
        # told in prose: "Pain relief from medications is estimated at 50 percent", "relief with Norco was about 40%"
        rf"\brelief\s+(?:with|from|on)\b[^.;:%\d]{{0,30}}?\s(?:is|was|are|were)(?:\s+(?:estimated|reported|rated|said\s+to\s+be))?"
        rf"(?:\s+(?:at|as))?\s+{_SHARE}",
        # the share straight after the drug it is of: "Pain relief with medications approximately 50 %"
        rf"\brelief\s+(?:with|from|on)\s+(?:(?:the|his|her|current|pain)\s+)*[\w-]+\s+{_SHARE}",
        # the pain or the symptom itself told as less: "40% less burning", "50% less nerve pain"
        rf"{_SHARE}\s+less\s+(?:[a-z]+\s+){{0,2}}?(?:pain|burning|aching|ache|throbbing|symptoms?)\b",
        # and after it: "the burning is roughly 30 percent less", "leg pain is about 35% lower"
        rf"\b(?:pain|burning|aching|ache|symptoms?)\s+(?:is|are|was|feels?|has\s+been)\s+{_SHARE}\s+(?:less|lower|better)\b",
        # the betterment sized after it: "the pain is better about 40 percent", "improved by 30%"
        rf"\b(?:better|improved|less)\s+(?:by\s+)?{_SHARE}",
        # a template field with its sign first: "% relief with meds: 60", "% pain relief from Norco = 40"
        r"%\s*(?:pain\s+)?relief\b[^.;:%\d]{0,30}?[:=]\s*(?P<pct>\d{1,3})\b(?!\s*(?:/|mg|min|hours?|hrs?|days?))",
    )
)
#: Half the pain, in words: "pain decreased by half", "cuts the pain in half", "about half of what it was".
_HALF = re.compile(
    r"\b(?:by|in)\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+)?(?:half|50\s*%)"
    r"|\b(?:about|roughly|nearly|almost|maybe)?\s*half\s+(?:of\s+)?what\s+(?:it|they)\s+(?:was|were|used\s+to\s+be)\b",
    _I,
)
#: A third, a quarter, two thirds, in words: "about a third better", "cuts his pain by a third", "two-thirds less".
_FRACTION = re.compile(
    r"\b(?:by\s+)?(?:about\s+|roughly\s+|nearly\s+|almost\s+|maybe\s+)?(?P<part>(?:a|one)[- ]third|two[- ]thirds|(?:a|one)[- ]quarter"
    r"|three[- ]quarters)(?:\s+(?:better|less|lower|improvement|relief|reduction|decrease)\b|(?=\s*[,.;)]|\s*$))",
    _I,
)
#: What is a fraction less must be the pain or a symptom of it.
_FRACTION_WORDS = re.compile(r"\b(?:pain|burning|ache|aching|symptoms?|headaches?|migraines?|spasms?)\b", _I)
_PARTS = {"third": 33.0, "thirds": 67.0, "quarter": 25.0, "quarters": 75.0}
#: What is halved must be the pain ("cut the tablet in half" halves a dose).
_HALF_WORDS = re.compile(r"\b(?:pain|burning|ache|aching|symptoms?)\b", _I)
#: Medication in the clause: the words for it (a named drug is asked of the note's drug names).
_MEDS = re.compile(
    r"\b(?:medications?|meds|medicines?|analgesics?|pain\s+pills?|regimen|opioids?|narcotics?|nsaids?)\b", _I
)
#: Not a drug's relief: an injection or a course of care, a goal, a dose or a taper step.
_NOT_A_DRUG = re.compile(
    r"\b(?:injections?|inj|ESIs?|TFESI|epidurals?|blocks?|MBB|RFA|ablation|shots?|therapy|(?-i:PT)|chiro\w*|acupuncture"
    r"|sessions?|visits?|stimulat\w*|TENS|surgery|brace|splint)\b"
    r"|\b(?:goals?|aims?|target|hope[sd]?|expect\w*|would\s+like)\b|\btaper\w*|\bwean\w*|\bdose\s+(?:reduction|decrease)",
    _I,
)
#: Where the clause holding a share begins and ends.
_CLAUSE_BREAK = re.compile(r"[.;](?:\s|$)|\n")


def read_stated_relief(sentences: list[Sentence], ctx: Context) -> None:
    """Each relief from medication a note states as a share of the pain, the first one per drug (module docstring)."""
    names = drug_names(ctx)
    told = {tuple(r["ingredients"]) for r in ctx.draft.stated_relief}
    for s in sentences:
        if "%" not in s.text and not search(_WORDED, s.text):
            continue
        for start, end, pct in _shares(s.text):
            begin, stop = _clause(s.text, start, end)
            if _NOT_A_DRUG.search(s.text, begin, stop):
                continue
            linked = _LINK.match(s.text, end, stop)
            said = [t for t in (s.text[begin:end], linked.group("what") if linked else "") if _about_a_drug(ctx, t, names)]
            if not said or polarity(s.text, start, end) != "affirmed":
                continue
            drug = _ingredients(ctx, said[0])
            if drug in told:
                continue
            told.add(drug)
            ev = s.evidence(start, end)
            ctx.draft.stated_relief.append({"percent": pct, "ingredients": list(drug), "evidence": [ev] if ev else []})


#: A cheap first test for a share told in words.
_WORDED = re.compile(r"\bhalf\b|\bpercent\b|\bthirds?\b|\bquarters?\b", _I)


def _shares(text: str) -> list[tuple[int, int, float]]:
    """Each share of relief in a sentence: (start, end, percent)."""
    out: list[tuple[int, int, float]] = []
    for pattern in _RELIEF:
        for m in pattern.finditer(text):
            if 0 < int(m.group("pct")) <= 100 and not any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in out):
                out.append((m.start(), m.end(), float(m.group("pct"))))
    for m in _FRACTION.finditer(text):
        told_by = m.group().lower().startswith("by") or m.group().rstrip().lower().endswith(
            ("better", "less", "lower", "improvement", "relief", "reduction", "decrease"))
        relief_word = re.search(r"(?:relief|improvement|reduction|decrease)$", m.group().rstrip(), _I)
        of_pain = relief_word or _FRACTION_WORDS.search(text, *_clause(text, m.start(), m.end()))
        if told_by and of_pain and not any(s <= m.start() < e for s, e, _ in out):
            out.append((m.start(), m.end(), _PARTS[re.split(r"[- ]", m.group("part").lower())[-1]]))
    for m in _HALF.finditer(text):
        if not any(s <= m.start() < e for s, e, _ in out) and _HALF_WORDS.search(text, *_clause(text, m.start(), m.end())):
            out.append((m.start(), m.end(), 50.0))
    return sorted(out)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause around [start, end) begins and ends: the breaks before and after it."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    after = _CLAUSE_BREAK.search(text, end)
    return before[-1] if before else 0, after.start() if after else len(text)


#: A share told before the drug it is of: "50% relief with meds", "40% better on Norco", "relief ... from gabapentin".
_LINK = re.compile(r"[^.;]{0,30}?\b(?:with|from|on|w/|using|taking|of|when|while|since|after)\s+(?P<what>[^.;,]{1,40})", _I)


def _ingredients(ctx: Context, text: str) -> tuple[str, ...]:
    """The ingredients of the drugs *text* names ("Norco" -> acetaminophen, hydrocodone); () for "meds"."""
    found: set[str] = set()
    for hit in ctx.vocab.mentions(text, ("product", "ingredient")):
        found.update(ctx.vocab.products[hit.key].ingredients if hit.category == "product" else [hit.key])
    return tuple(sorted(found))


def _about_a_drug(ctx: Context, clause: str, names: tuple[str, ...]) -> bool:
    """Whether the clause speaks of medication: its words for it, a drug of the note, or a drug the vocabulary knows."""
    lowered = clause.lower()
    return (
        bool(_MEDS.search(clause))
        or any(re.search(rf"\b{re.escape(n)}\b", lowered) for n in names if len(n) > 2)
        or bool(ctx.vocab.mentions(clause, ("product", "ingredient")))
    )
