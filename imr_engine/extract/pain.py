"""Pain ratings: "8/10", "8 out of 10 on the visual analogue scale", "7 on a scale of 1-10",
"8-10 out of 10", "rated 6 with medications and 8 without", spelt-out numbers.

A number counts as a pain rating only when the text says so: a scale ("/10",
"out of 10", "on a scale of", "VAS"), or a rating verb in a sentence about pain
("pain was rated 7"), or a bare number tied to a with/without-medication phrase next
to another rating. Ratings above 10 are not ratings. The medication context is read
from the words right after the number (else right before it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..facts.fuzzy_date import FuzzyDate
from .anatomy import regions_in
from .context import Context
from .findings import clause_span
from .medications import drug_mentions, may_name_a_drug
from .numbers import NUMBER, parse_number
from .other_person import told_of_another
from .sentences import Sentence
from .word_gate import finditer, search

_N = rf"(?P<score>{NUMBER})(?:\s*(?:-|to)\s*(?P<max>{NUMBER}))?"
_NAMED_SCALE = r"(?:VAS|NRS|visual\s+anal(?:og|ogue)\s+scale|(?:numeric\s+)?(?:pain\s+)?rating\s+scale|pain\s+scale)"
_SCALE = (
    r"(?:(?:\s*/\s*10(?![\d/])(?!\s*(?:days?|visits?|sessions?|treatments?|appointments?|reps?|repetitions?|classes|groups?)\b)|\s+out\s+of\s+(?:10|ten)\b|\s+on\s+(?:a|the)\s+(?:pain\s+)?scale\s+of\s+(?:0|1|zero|one)\s*(?:-|to)\s*(?:10|ten)\b)"
    rf"(?:\s+on\s+(?:a|the)\s+{_NAMED_SCALE}\b)?"
    rf"|\s+on\s+(?:the\s+|a\s+)?{_NAMED_SCALE}\b)"
)
#: "08/10" with its leading zero is a day of a month ("seen at urgent care 08/10"), not a rating.
_SCALED = re.compile(rf"(?<![\d/.#-])(?!0\d\s*/){_N}(?P<scale>{_SCALE})", re.IGNORECASE)
_VAS_BEFORE = re.compile(
    rf"\b(?:VAS|visual\s+anal(?:og|ogue)\s+scale)(?:\s+pain)?(?:\s+score)?(?:\s+(?:of|was|is|at))?\s*:?\s*{_N}(?!\d|/|\.\d)",
    re.IGNORECASE,
)
_RATED = re.compile(
    rf"\b(?:rated|rates|rating|rate|pain\s+(?:level|score|intensity|rating)?\s*(?:is|was|of|at|remained|remains)|pain\s+(?:level|score|intensity|rating))"
    rf"(?:\s+(?:his|her|their|the)\s+pain)?(?:\s+(?:as|at))?(?:\s+an?)?\s+{_N}"
    rf"(?!\d|/|\.\d|%|\s*(?:mg|mcg|%|percent|days?|weeks?|months?|years?|times|hours?|#))",
    re.IGNORECASE,
)
_BARE_WITH_CONTEXT = re.compile(
    rf"(?<![\d/.#-])(?:and\s+|,\s*|then\s+|about\s+|around\s+)[\"']?\s*(?:maybe\s+|about\s+|around\s+|~\s*)?(?:an?\s+)?"
    rf"(?P<score>{NUMBER})[\"']?"
    r"(?=\s+(?:(?:with|without|w/out|w/o|w/|on|off)\s*(?:the\s+use\s+of\s+|his\s+|her\s+|the\s+|pain\s+)?(?:medications?|meds)\b"
    r"|(?:without|w/out|w/o|off)(?:\s+(?:them|it))?\s*(?:[.;,\"')]|$)"
    rf"|when\s+(?:(?:she|he|they|i|pt)\s+)?(?:takes?|taking|took|no|not\s+tak\w*|without)\s+(?:the\s+|his\s+|her\s+|my\s+)?(?:medications?|medicines?|meds?|pills?)))",
    re.IGNORECASE,
)
#: "with", "without" and the clinician's shorthand for them ("w/", "w/o", "s/p" is not one).
#: Spanish in a bilingual clinic's note: "8/10 sin medicina, 4/10 con la medicina".
#: A template's "before meds: 8/10; after meds: 4/10" too (before is without, after is with).
_CTX = r"(?P<ctx>with(?:out)?|w/out|w/o|w/|wo|on|off|sin|con|before|after|pre-?|post-?)"
_MEDS = r"(?:medications?|medicines?|meds?|analgesics?|(?:pain\s+)?pills?|tablets?|(?:medication\s+)?regimen|(?:la\s+|las\s+)?medicinas?|(?:los\s+)?medicamentos?)"
_WITH = re.compile(
    rf"^[\s,(]*(?:on\s+(?:a|the)\s+[^,;]{{0,30}}?scale[^,;]{{0,12}}?\s+)?{_CTX}\s*(?:the\s+use\s+of\s+|his\s+|her\s+|the\s+|my\s+|their\s+|any\s+|pain\s+|this\s+|that\s+)?(?:current\s+)?(?P<what>{_MEDS}|\w+)",
    re.IGNORECASE,
)
#: The worker's own rating between the context and the number: "With naproxen he rates it 4/10".
_RATES = r"(?:(?:he|she|they|pt|patient|i)\s+(?:rates?|puts?|reports?|says?)\s+(?:it|(?:his|her|the|my)\s+pain)(?:\s+(?:at|as))?\s*(?:an?\s+)?)"
_WITH_BEFORE = re.compile(
    rf"{_CTX}\s*(?:the\s+use\s+of\s+|his\s+|her\s+|the\s+|my\s+|their\s+|any\s+|pain\s+|this\s+|that\s+)?{_MEDS}\s*[,:]?\s*{_RATES}?(?:(?:his|her|the)\s+)?(?:pain\s+)?(?:it\s+)?(?:is|was|rated|of|at|would\s+be|gets\s+to|goes\s+to)?"
    r"\s*(?:an?\s+)?[\"'\[(]?\s*$",
    re.IGNORECASE,
)
_WITHOUT = ("without", "off", "w/o", "w/out", "wo", "sin", "before", "pre", "pre-")
_PAINISH = re.compile(r"\bpain|\bVAS\b|\brate[sd]?\b|\brating", re.IGNORECASE)


@dataclass(frozen=True)
class PainMatch:
    """A pain rating in a sentence: the score (and the top of a range), where, and with what."""

    start: int
    end: int
    score: float
    score_max: float | None
    context: str  # with_medication, without_medication, unspecified


#: "8->4/10", "from 8 to 4/10", "from 8 out of 10 down to 5 out of 10": pain before and after a treatment.
_OF_TEN = r"(?:\s*/\s*10(?![\d/])|\s+out\s+of\s+(?:10|ten)\b)"
_ARROW = re.compile(
    rf"(?<![\d/.#-])(?P<before>{NUMBER})(?:{_OF_TEN})?\s*(?:-+>|→|=>|\bto\b|\bdown\s+to\b)\s*(?:an?\s+)?(?P<after>{NUMBER}){_OF_TEN}",
    re.IGNORECASE,
)
#: A sentence about the drug: its words, relief, or the implanted pump that delivers it ("from 8/10 to 4/10 with the pump").
_ABOUT_MEDS = re.compile(rf"\b{_MEDS}|\banalgesia\b|\brelief\b|\b(?:intrathecal|drug|IT)\s+pump\b|\bthe\s+pump\b", re.IGNORECASE)


#: A label that sets the scale, after which ratings stand bare: "Pain level (0-10): with medication 4".
_ZERO_TO_TEN = re.compile(r"\(\s*(?:0|1)\s*(?:-|to)\s*10\s*\)|\b(?:0|1)\s*-\s*10\s+scale\b", re.IGNORECASE)
_CTX_THEN_SCORE = re.compile(
    rf"\b(?:with(?:out)?|w/out|w/o|w/)\s+(?:the\s+)?(?:current\s+)?{_MEDS}\s*[:=]?\s*[\"'\[(]?\s*(?P<score>{NUMBER})(?![\d/%]|\.\d|\s*(?:mg|x|times|hours?|hrs?|days?|weeks?|mos?|months?)\b)",
    re.IGNORECASE,
)


#: The pain told as it would be without the drug: "without the Norco she would be about an 8", "without it, it would be a 10".
_WOULD_BE = re.compile(
    rf"\b(?:without|w/o|off)\s+(?:the\s+|his\s+|her\s+|my\s+|any\s+)?(?P<what>{_MEDS}|[A-Za-z][\w-]+)\s*,?\s*"
    r"(?:(?:she|he|they|i|it|the\s+pain|pain|her\s+pain|his\s+pain)\s+)?(?:would\s+be|'d\s+be|is|goes\s+(?:up\s+)?to|rises\s+to)\s+"
    rf"[\"']?(?:about\s+|around\s+|maybe\s+|approximately\s+|at\s+)?(?:an?\s+)?[\"']?(?P<score>{NUMBER})(?![\d/%]|\.\d|\s*(?:mg|x\b|times|hours?|hrs?|days?|weeks?|months?|pills?|tabs?|tablets?))",
    re.IGNORECASE,
)


#: A sentence that opens on the pain with or without the drug: "Pain without meds \"10\"".
_PAIN_WITH_CTX = re.compile(
    rf"^\s*(?:pain|VAS|NRS)(?:\s+(?:level|score|rating|intensity))?\s*:?\s+(?:with(?:out)?|w/out|w/o|w/)\s+(?:the\s+)?(?:current\s+)?{_MEDS}\b",
    re.IGNORECASE,
)


def find_pain_scores(text: str, drug_names: tuple[str, ...] = (), mentioned: tuple[str, ...] = ()) -> list[PainMatch]:
    """Pain ratings in one sentence, left to right.

    *drug_names* (lower case) let "with the use of Percocet" count as with medication; *mentioned*, drugs the sentence
    names that the note does not say are taken, count only where named ("7/10 without tramadol"), never as "it".
    """
    pronoun_names = drug_names
    drug_names = tuple(sorted({*drug_names, *mentioned}))
    found: list[tuple[int, int, float, float | None, int]] = []
    painful = bool(search(_PAINISH, text))
    patterns = [_SCALED, _VAS_BEFORE] + ([_RATED] if painful else [])
    for pattern in patterns:
        for m in finditer(pattern, text):
            _add(found, m.start("score"), m.end("max") if m.group("max") else m.end("score"), m, m.end())
    if found:
        for m in _BARE_WITH_CONTEXT.finditer(text):
            _add(found, m.start("score"), m.end("score"), m, m.end())
    lowered = text.lower()
    # "it" / "them" is the drug when the sentence names one, or speaks of "the medication" itself.
    pronoun = any(name in lowered for name in pronoun_names) or bool(re.search(rf"\b{_MEDS}\b", text, re.IGNORECASE))
    would_be = [
        m for m in (_WOULD_BE.finditer(text) if ("without" in lowered or "w/o" in lowered or "off " in lowered) else ())
        if _is_drug(m.group("what"), drug_names, pronoun) or m.group("what").lower().startswith("patch")
    ]
    for m in would_be:
        _add(found, m.start("score"), m.end("score"), m, m.end("score"))
    if _ZERO_TO_TEN.search(text) or _PAIN_WITH_CTX.match(text):
        for m in _CTX_THEN_SCORE.finditer(text):
            _add(found, m.start("score"), m.end("score"), m, m.end("score"))
    arrows = _arrow_pairs(text, pronoun_names)
    procedure = bool(found) and about_a_procedure(text, pronoun_names)
    found = [f for f in found if not any(a.start <= f[0] < a.end for a in arrows)]
    found.sort()
    out = list(arrows)
    for n, (start, end, score, top, tail) in enumerate(found):
        following = text[tail : found[n + 1][0] if n + 1 < len(found) else len(text)]
        preceding = text[found[n - 1][4] if n else 0 : start]
        context = _context(following, preceding, drug_names, pronoun, procedure, n + 1 < len(found))
        if context == "unspecified" and out and out[-1].context == "without_medication" and _NOW.match(following):
            context = "with_medication"  # "7/10 before it and 4/10 now"
        if any(m.start("score") == start for m in would_be):
            context = "without_medication"  # "without the Norco she would be about an 8"
        out.append(PainMatch(start, end, score, top, context))
    # the rating the drug brings the pain to stays on the drug: "Without medication ... 10/10; the medication brings it to 5/10"
    brought = [m.start("score") for m in _DOWN_TO.finditer(text)] if pronoun else []
    rest = [p for p in out if not any(p.start <= b < p.end for b in brought)]
    if rest and all(p.context == "unspecified" for p in rest) and _OPENS_WITHOUT.match(text):
        out[:] = [PainMatch(p.start, p.end, p.score, p.score_max, "without_medication") if p in rest else p for p in out]
    _now_from_before(text, out)
    _reduced_to(text, out)
    _current_against_without(text, out)
    _extreme_hands_back(text, out)
    _plain_then_with(text, out)
    out += [PainMatch(p.start, p.end, p.score, p.score_max, "without_medication") for p in _either_way(text, out)]
    if pronoun:
        for m in _DOWN_TO.finditer(text):
            value = parse_number(m.group("score"))
            at = next((n for n, p in enumerate(out) if p.start <= m.start("score") < p.end), None)
            if at is not None and out[at].context == "unspecified":  # "she gets the morning pain down to about 4/10"
                p = out[at]
                out[at] = PainMatch(p.start, p.end, p.score, p.score_max, "with_medication")
            elif value is not None and value <= 10 and at is None:
                out.append(PainMatch(m.start("score"), m.end("score"), value, None, "with_medication"))
            # "Pain 8/10 today; says Norco 'takes it down to maybe a 7'": the one plain rating before is without it
            earlier = [n for n, p in enumerate(out) if p.end <= m.start() and p.context == "unspecified"]
            if len(earlier) == 1 and not [p for p in out if p.end <= m.start() and p.context != "unspecified"]:
                p = out[earlier[0]]
                out[earlier[0]] = PainMatch(p.start, p.end, p.score, p.score_max, "without_medication")
    if search(_GOAL, text):
        out = [p for p in out if not _GOAL.search(text[: p.start])]
    return sorted(out, key=lambda p: (p.start, p.context))


#: A sentence that opens on the time without the drug rates that time: "Without his meds he can't function, pain 9/10",
#: "If she misses a dose, her pain rises to 9/10", "Off medications: pain 8/10".
_OPENS_WITHOUT = re.compile(
    rf"^\W*(?:(?:without|w/out|w/o|off)\s+(?:his\s+|her\s+|the\s+|my\s+|any\s+)?(?:pain\s+)?{_MEDS}"
    r"|(?:if|when|on\s+days)\s+(?:she|he|they|pt|the\s+patient|i)\s+(?:misses|skips|runs\s+out|goes\s+without|does\s*n[o']t\s+take|forgets))\b",
    re.IGNORECASE,
)
#: "5/10 from 7/10 before duloxetine": the first rating is the one on the drug.
_FROM = re.compile(
    r"^\s*(?:/\s*10|out\s+of\s+(?:10|ten))?\s*(?:now|today|currently)?\s*,?\s*(?:now\s+)?(?:down\s+|up\s+)?from\s*$", re.IGNORECASE
)


def _now_from_before(text: str, out: list[PainMatch]) -> None:
    """A rating followed by "from" the rating without the drug is the rating with it."""
    for n in range(len(out) - 1):
        a, b = out[n], out[n + 1]
        if a.context == "unspecified" and b.context == "without_medication" and _FROM.match(text[a.end : b.start]):
            out[n] = PainMatch(a.start, a.end, a.score, a.score_max, "with_medication")


def _current_against_without(text: str, out: list[PainMatch]) -> None:
    """One rating without the drug and one plain: the plain one is the rating on it ("7/10; it would be 10/10 without").

    Not a worst or a least set beside it: "today 4/10 (no medication taken today)  at worst 6/10"."""
    contexts = [p.context for p in out]
    if contexts.count("without_medication") == 1 and contexts.count("unspecified") == 1 and "with_medication" not in contexts:
        n = contexts.index("unspecified")
        p = out[n]
        if n and _EXTREME.search(text[out[n - 1].end : p.start]):
            return
        out[n] = PainMatch(p.start, p.end, p.score, p.score_max, "with_medication")


def _extreme_hands_back(text: str, out: list[PainMatch]) -> None:
    """'Avg pain 7/10, worst 9/10, on duloxetine': the drug's words after a worst (or least) are said of the list, whose
    rating as it is is the one before; the worst keeps none."""
    for n in range(1, len(out)):
        p, q = out[n - 1], out[n]
        if q.context != "unspecified" and p.context == "unspecified" and _EXTREME.search(text[p.end : q.start]) \
                and not _EXTREME.search(text[max(0, p.start - 12) : p.start]):
            out[n - 1] = PainMatch(p.start, p.end, p.score, p.score_max, q.context)
            out[n] = PainMatch(q.start, q.end, q.score, q.score_max, "unspecified")


_EXTREME = re.compile(r"\b(?:worst|least|best|max(?:imum)?|min(?:imum)?|at\s+times|flares?)\b", re.IGNORECASE)


#: A rating the same with or without the drug: "6/10 either way", "5/10 regardless", "7/10 with or without meds".
_EITHER_WAY = re.compile(
    rf"^(?:\s*/\s*10|\s+out\s+of\s+(?:10|ten))?[\s,]*(?:either\s+way|regardless(?!\s+of)|(?:with\s+or\s+without|on\s+or\s+off)\s+(?:it|them|{_MEDS})"
    # "I'm still a 6 whether I take it or not"
    rf"|whether\s+(?:or\s+not\s+)?(?:I|he|she|they|pt|the\s+patient)\s+(?:takes?|uses?|am\s+on|is\s+on)\s+(?:it|them|(?:the\s+|her\s+|his\s+|my\s+)?{_MEDS})(?:\s+or\s+not)?)\b", re.IGNORECASE
)


def _either_way(text: str, out: list[PainMatch]) -> list[PainMatch]:
    """The plain ratings told as the same on or off the drug; each becomes the rating with it (the caller adds without)."""
    same = []
    for n, p in enumerate(out):
        if p.context == "unspecified" and _EITHER_WAY.match(text[p.end : p.end + 40]):
            out[n] = PainMatch(p.start, p.end, p.score, p.score_max, "with_medication")
            same.append(out[n])
    return same


#: What stands between a plain rating and the rating on the drug: "7/10, 5/10 with meds", "6 out of 10, and a 3 out of 10".
_THEN_WITH = re.compile(r"\s*(?:/\s*10|out\s+of\s+(?:10|ten))?\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)(?:an?\s+)?", re.IGNORECASE)


def _plain_then_with(text: str, out: list[PainMatch]) -> None:
    """A plain rating, a comma, then the rating with the drug: the plain one is without it ("Pain 7/10, 5/10 with meds")."""
    contexts = [p.context for p in out]
    between = text[out[0].end : out[1].start] if len(out) == 2 else ""
    if contexts == ["unspecified", "with_medication"] and _THEN_WITH.fullmatch(between):
        p = out[0]
        out[0] = PainMatch(p.start, p.end, p.score, p.score_max, "without_medication")


def _reduced_to(text: str, out: list[PainMatch]) -> None:
    """A rating "reduced to" the rating with the drug is the rating without it."""
    for n in range(len(out) - 1):
        a, b = out[n], out[n + 1]
        if a.context == "unspecified" and b.context == "with_medication" and _REDUCED_TO.match(text[a.end : b.start]):
            out[n] = PainMatch(a.start, a.end, a.score, a.score_max, "without_medication")


#: A procedure whose before and after the sentence may tell: an injection, a block, an ablation, a stimulator trial.
_PROCEDURE = re.compile(
    r"\b(?:injections?|inj|injected|(?-i:ESI|TFESI|CESI|ILESI|MBB|RFA|SCS|PRP)|epidurals?|(?<!\bone\s)(?<!\btwo\s)(?<!\bthree\s)(?<!\bhalf\sa\s)(?<!\bwalk\sa\s)(?<!\d\s)(?<!\bcity\s)blocks?|ablations?|rhizotom\w*"
    r"|radiofrequency|neurotom\w*|stimulators?|trigger\s+points?)\b",
    re.IGNORECASE,
)
#: Words that tell a procedure's effect, which sets the sentence's ratings at the time of that effect.
_EFFECT = re.compile(
    r"\b(?:relief|relieved|after|following|post|response|responded|decreas\w*|improv\w*|reduc\w*|went|dropped|better|helped"
    r"|before|prior|pre)\b",
    re.IGNORECASE,
)


def about_a_procedure(text: str, drug_names: tuple[str, ...]) -> bool:
    """Whether *text* tells a procedure's effect and names no drug: its relief and its ratings are the procedure's.

    The CPMTG's 4 A's (p. 78) ask for the pain on the analgesic; "pain 8/10 -> 2/10 after the block" is the block's.
    """
    if not (search(_PROCEDURE, text) and (search(_EFFECT, text) or _ARROW.search(text))):
        return False  # the effect told in words, or as the ratings before and after ("blocks ...: 7/10 to 2/10")
    lowered = text.lower()
    meds = re.search(rf"\b{_MEDS}\b|\b(?:intrathecal|drug|IT)\s+pump\b|\bthe\s+pump\b", text, re.IGNORECASE)
    return not meds and not any(
        not _NOT_THE_DRUGS.search(lowered, 0, m.start())
        for name in drug_names
        for m in re.finditer(rf"\b{re.escape(name)}\b", lowered)
    )


#: A drug named in a procedure's sentence as its agent or as held for it, not as the drug the ratings are on: "blocks
#: with lidocaine 2%", "injection of Depo-Medrol", "stopped tramadol during the trial".
_NOT_THE_DRUGS = re.compile(
    r"\b(?:(?:blocks?|injections?|inj|esi|epidurals?|ablations?|infiltrations?)\s+(?:\w+\s+){0,2}?(?:with|of|using)"
    r"|(?:stopped|held|off|without|discontinued)\s+(?:the\s+|his\s+|her\s+)?)\s*$"
)


def _arrow_pairs(text: str, drug_names: tuple[str, ...]) -> list[PainMatch]:
    """Before -> after ratings in a sentence about medication: without, then with medication."""
    lowered = text.lower()
    if not (search(_ABOUT_MEDS, text) or any(name in lowered for name in drug_names)) or about_a_procedure(text, drug_names):
        return []
    out: list[PainMatch] = []
    for m in [*finditer(_ARROW, text), *finditer(_SCALE_ARROW, text)]:
        first = next(g for g in ("before", "before2", "before3", "before4", "before5") if m.groupdict().get(g) is not None)
        second = first.replace("before", "after")
        start = min(m.start(first), m.start(second))  # "to 4/10 from 7/10": the later rating is written first
        if any(p.start <= start < p.end for p in out):
            continue
        before = parse_number(m.group(first))
        after = parse_number(m.group(second))
        if before is not None and after is not None and before < after <= 10 and _went_without(text, start, m.end(), drug_names):
            out.append(PainMatch(start, m.end(), before, None, "with_medication"))  # the rating on it, then off it
            out.append(PainMatch(start, m.end(), after, None, "without_medication"))
            continue
        if before is None or after is None or not after < before <= 10:
            continue
        out.append(PainMatch(start, m.end(), before, None, "without_medication"))
        out.append(PainMatch(start, m.end(), after, None, "with_medication"))
    return out


#: The worker went without the drug: "stopped it for 3 weeks", "ran out of the tramadol", "held the Norco"; the words
#: must name the drug or stand for it ("it", "them", "meds"), so a stopped therapy or job is not a stopped drug.
_WENT_WITHOUT = re.compile(
    r"\b(?:stopped|held|ran\s+out\s+of|runs\s+out\s+of|went\s+(?:off|without)|came\s+off|was\s+off|discontinued)"
    r"\s+(?:taking\s+)?(?:the\s+|his\s+|her\s+|my\s+)?(?P<name>[a-z][\w-]*)",
    re.IGNORECASE,
)
#: ... or the rating is told as while off it: "pain 5 -> 9 while off it".
_WHILE_OFF = re.compile(r"^\s*,?\s*(?:while|when)\s+(?:off|without)\s+(?:it|them|the\s+meds?|the\s+medications?)\b", re.IGNORECASE)


def _went_without(text: str, start: int, end: int, drug_names: tuple[str, ...]) -> bool:
    """Whether a rising pair is told of going without the drug: a stop of it in the 120 characters before the pair."""
    if _WHILE_OFF.match(text[end : end + 40]):
        return True
    went = [m for m in _WENT_WITHOUT.finditer(text, max(0, start - 120), start)]
    return bool(went) and went[-1].group("name").lower() in {"it", "them", "meds", "medication", "medications", *drug_names}


def _add(
    found: list[tuple[int, int, float, float | None, int]], start: int, end: int, m: re.Match[str], tail: int
) -> None:
    """Keep a rating unless it is out of range or overlaps one already found; *tail* ends its scale words."""
    score = parse_number(m.group("score"))
    top = parse_number(m.group("max")) if "max" in m.groupdict() and m.group("max") else None
    if score is None or score > 10 or (top is not None and (top > 10 or top < score)):
        return
    if any(s <= start < e or start <= s < end for s, e, _, _, _ in found):
        return
    found.append((start, end, score, top if top != score else None, tail))


#: A bare "with" / "without" closing a pair of ratings: "3/10 with tramadol, 7/10 without."
_BARE_CTX = re.compile(r"^[\s(]*(?P<ctx>with(?:out)?|w/out|w/o|w/|off)\s*(?:[.;,()]|\band\b|\s[-\u2013\u2014]\s|$)", re.IGNORECASE)
#: The rating some time after a dose is the rating on the drug: "5/10 about an hour after", "3/10 after taking it".
_AFTER_DOSE = re.compile(
    r"^[\s,]*(?:(?:about|around|roughly|approximately|within)\s+)?(?:(?:an?|one|two|\d+(?:\s*-\s*\d+)?)\s+(?:hours?|hrs?|min(?:ute)?s?)\s+)?"
    r"after(?:\s+(?:taking|a\s+dose|dosing|it|them|the\s+(?:dose|medications?|meds?|pill))|\s*[.;,)]|\s*$)",
    re.IGNORECASE,
)
#: "Medicated pain 5/10; unmedicated 9/10", "with them, 5/10" (the drug named before as "them").
_MEDICATED_BEFORE = re.compile(
    r"\b(?P<ctx>un-?medicated|non-?medicated|medicated|with\s+(?:them|it)|without\s+(?:them|it)|w/o(?:ut)?\s+(?:them|it))"
    r"\s*[,:]?\s*(?:pain\s*)?(?:level\s*|score\s*)?(?:it\s+)?(?:is|was|rated|of|at)?\s*:?\s*(?:an?\s+)?$",
    re.IGNORECASE,
)
#: A rating then "reduced to" another on the drug: the first is the rating without it ("7/10, reduced to 3/10 with Norco").
_REDUCED_TO = re.compile(
    r"^\s*(?:/\s*10|out\s+of\s+(?:10|ten))?\s*,?\s*(?:which\s+(?:is\s+)?)?(?:reduced|decreased|goes\s+down|comes\s+down|drops?|dropping"
    r"|improves?|improving|brought\s+down)\s+to\s*$",
    re.IGNORECASE,
)
#: A rating aimed at is no rating: "Goal is to bring pain down to 3/10 with medication".
_GOAL = re.compile(r"\b(?:goals?|aims?|target(?:ed)?|hope[sd]?|expect\w*|aiming)\b", re.IGNORECASE)
#: Pain when a dose is missed is pain without medication: "6-7/10 when she misses doses", "7/10 before it", "9/10
#: before the pump".
_MISSED_DOSE = re.compile(
    r"^[\s,]*(?:when|if|on\s+days|after)\s+(?:she|he|they|pt|the\s+patient)\s+(?:misses|missed|skips|skipped|runs\s+out|ran\s+out|goes\s+without"
    r"|went\s+without|does\s*n[o']t\s+take|did\s*n[o']t\s+take|forgets|forgot|stopped)"
    r"|^[\s,]*before\s+(?:it|them|starting|the\s+(?:medications?|meds?|drugs?|pills?|dose|tablets?))\b"
    rf"|^[\s,]*when\s+(?:(?:she|he|they|i)\s+)?(?:(?:is|are)\s+)?(?:no|not\s+(?:on|tak\w*|use\w*)|off|without)\s+(?:the\s+|his\s+|her\s+|my\s+)?{_MEDS}"
    # an implanted pump delivers the drug: "9/10 before the pump, 5/10 now", "8/10 prior to the intrathecal pump"
    r"|^[\s,]*(?:before|prior\s+to)\s+(?:(?:the|his|her)\s+)?(?:(?:intrathecal|morphine|baclofen|drug|IT)\s+)?pump\b"
    r"|^[\s,]*before\s+(?:it|they|the\s+(?:medications?|meds?|drugs?))\s+(?:was|were)\s+(?:started|begun|prescribed)\b",
    re.IGNORECASE,
)
_BEFORE_DRUG = re.compile(r"^[\s,]*before\s+(?:starting\s+|taking\s+|using\s+|he\s+started\s+|she\s+started\s+)?(?P<name>[A-Za-z][\w-]+)")
#: The rating while the drug is taken, told by when: "4 when take medicine", "3/10 when she takes her meds".
_WHEN_TAKING = re.compile(
    rf"^[\s,]*(?:when|while|if)\s+(?:(?:she|he|they|i|pt)\s+)?(?:takes?|taking|took|uses?|using|(?:is|are)\s+on)\s+"
    rf"(?:the\s+|his\s+|her\s+|my\s+)?(?:{_MEDS}|it|them|pills?)",
    re.IGNORECASE,
)
#: The rating some time after one named dose: "a 3 out of 10 an hour after a hydrocodone", "4/10 after her Norco".
_AFTER_NAMED = re.compile(
    r"^[\s,]*(?:(?:about|around|roughly|approximately|within)\s+)?(?:(?:an?|one|two|\d+(?:\s*-\s*\d+)?)\s+(?:hours?|hrs?|min(?:ute)?s?)\s+)?"
    r"after\s+(?:taking\s+)?(?:an?|his|her|my|the|one)\s+(?P<name>[A-Za-z][\w-]+)",
    re.IGNORECASE,
)
#: The rating once the drug acts: "down to a 4 when the meds kick in", "3/10 once the Norco works".
_ONCE_ACTING = re.compile(
    rf"^[\s,]*(?:when|once|after)\s+(?:the\s+|his\s+|her\s+|my\s+)?(?P<name>{_MEDS}|it|they|[A-Za-z][\w-]+)\s+"
    r"(?:kicks?\s+in|kicked\s+in|works?|worked|takes?\s+effect|took\s+effect|starts?\s+working)\b",
    re.IGNORECASE,
)
_NOW = re.compile(r"^[\s,]*(?:now|currently|today|at\s+present)\b", re.IGNORECASE)
#: "Norco takes it down to maybe a 7": the rating on medication.
_DOWN_TO = re.compile(
    rf"\b(?:(?:takes?|brings?|gets?|knocks?)\s+(?:it|(?:the\s+|his\s+|her\s+|my\s+)?(?:[a-z]+\s+){{0,2}}?pain)\s+down"
    r"|(?:goes|comes|drops|gets|is)\s+down|(?:brings?|gets?)\s+(?:it|(?:the\s+|his\s+|her\s+|my\s+)?pain))\s+to\s+(?:maybe\s+|about\s+|around\s+|roughly\s+)?"
    rf"(?:an?\s+)?(?P<score>{NUMBER})(?:\s*/\s*10)?(?![\d/])"
    r"(?!\s*(?:mg|mcg|tabs?\b|tablets?|pills?|caps?\b|capsules?|patch|a\s+day|per\s+day|/\s*day|daily|times|x\b|doses?|%|percent"
    r"|hours?|hrs?|days?|weeks?))",
    re.IGNORECASE,
)
#: "VAS 7 -> 3.5 w/ med": a named scale's before and after, without "/10".
_SCALE_ARROW = re.compile(
    rf"\b(?:VAS|NRS|pain|burning|aching|ache)\s+(?:from\s+)?(?P<before>{NUMBER})\s*(?:-+>|→|=>)\s*(?P<after>{NUMBER})(?![\d/])"
    # a bracketed pair told of a drug: "naproxen helps back some (6->4)"
    r"|\((?P<before2>\d{1,2})\s*(?:-+>|→|=>)\s*(?P<after2>\d{1,2})\)"
    # "burning down from 7 to 3", "pain went from 8 to 5" told of a drug
    rf"|\b(?:pain|burning|aching|ache)\s+(?:\w+\s+)?(?:down\s+)?from\s+(?:about\s+|around\s+|approximately\s+|~\s*)?(?:an?\s+)?(?P<before3>{NUMBER})\s+(?:down\s+)?to\s+(?:about\s+|around\s+|~\s*)?(?:an?\s+)?(?P<after3>{NUMBER})(?![\d/])"
    # the rating on the drug first, then the one it came from: "lowers her pain to 4/10 from 7/10", "down to 3/10 from 8/10"
    rf"|\bto\s+(?:an?\s+)?(?P<after5>{NUMBER}){_OF_TEN}\s*,?\s+(?:down\s+|up\s+)?from\s+(?:an?\s+)?(?P<before5>{NUMBER})(?:{_OF_TEN})?(?![\d/])"
    # a bare arrow told of the drug, not of its dose or count: "Celebrex takes the edge off, 8 -> 5"
    r"|(?<![\d/.#-])(?P<before4>\d{1,2}(?:\.\d)?)\s*(?:-+>|→|=>)\s*(?P<after4>\d{1,2}(?:\.\d)?)(?!\d|/|\.\d)"
    r"(?!\s*(?:mg|mcg|tabs?\b|tablets?|pills?|caps?\b|capsules?|patch|a\s+day|per\s+day|/\s*day|daily|times|x\b|doses?|%|percent"
    r"|hours?|hrs?|days?|weeks?|months?|visits?|sessions?|PT\b|lbs?|pounds|min))",
    re.IGNORECASE,
)


#: A bare "without" or "w/o" right before the second of two ratings: "4/10 with Nucynta, without 8/10".
_BARE_BEFORE = re.compile(r"(?:^|[,;]\s*)(?P<ctx>without|w/out|w/o|off)\s*(?:it|them)?\s*:?\s*$", re.IGNORECASE)
#: "With Nucynta ER pain 4/10": the drug named before the rating.
_DRUG_BEFORE = re.compile(
    rf"{_CTX}\s+(?:the\s+|his\s+|her\s+)?(?P<name>[A-Za-z][\w-]+)(?:\s+(?:ER|IR|XR|SR|CR|CD))?\s*[,:]?\s*{_RATES}?(?:(?:his|her|the)\s+)?(?:pain\s+)?"
    r"(?:is|was|rated|of|at)?\s*$",
    re.IGNORECASE,
)


#: The context in brackets right after the rating: "8/10 (no meds)", "4/10 (after meds)", "(pre-meds)", "(on meds)".
_BRACKET_CTX = re.compile(
    r"\s*\(\s*(?P<ctx>no|off|without|w/out|w/o|before|pre-?|after|post-?|on|with|w/)\s*(?:the\s+|his\s+|her\s+)?"
    r"(?:meds?|medications?|medicines?|pain\s+pills?)(?:\s+(?:taken|used|yet|today|this\s+morning|since\s+yesterday)){0,3}\s*\)",
    re.IGNORECASE,
)


#: The rating when the worker went without a drug: "7/10 when she was without the morphine ER for two days".
_WAS_WITHOUT = re.compile(
    r"^[\s,]*(?:when|while|if|after)\s+(?:she|he|they|pt|the\s+patient|i)\s+(?:was|were|is|are|has\s+been|had\s+been|went|goes|ran|runs|had\s+run)"
    r"\s+(?:without|off|out\s+of)\s+(?:the\s+|his\s+|her\s+|my\s+)?(?P<name>[A-Za-z][\w-]+)",
    re.IGNORECASE,
)
#: The rating is of the time the drug's effect has worn off, told after it: "8/10 when it wears off", "9/10 as the
#: medication wears off", "8/10 pain between doses", "7/10 by the end of the dosing interval".
_WORN_OFF = re.compile(
    r"^[\s,]*(?:pain\s+)?(?:(?:when|once|as|after)\s+(?:the\s+|his\s+|her\s+|my\s+)?(?P<name>[A-Za-z][\w-]*)"
    r"\s+(?:wears|wear|wore|has\s+worn|have\s+worn|is\s+wearing|are\s+wearing|starts\s+to\s+wear)\s+off"
    r"|between\s+doses|(?:at|by|toward|towards)\s+the\s+end\s+of\s+(?:the\s+|each\s+)?dos(?:e|ing)(?:\s+interval)?)\b",
    re.IGNORECASE,
)
#: ... or told before it: "when the Norco wears off it climbs back to 7/10".
_WORN_OFF_BEFORE = re.compile(
    r"\b(?:when|once|as|after)\s+(?:the\s+|his\s+|her\s+|my\s+)?(?P<name>[A-Za-z][\w-]*)\s+(?:wears|wear|wore|has\s+worn)\s+off\b"
    r"[^;:.]{0,40}$",
    re.IGNORECASE,
)


def _worn_off_drug(name: str | None, drug_names: tuple[str, ...], pronoun: bool, procedure: bool) -> bool:
    """Whether what wore off is the drug: named, "the medication", or "it" in a sentence about a drug and no procedure
    (an injection's or a block's relief wearing off is the procedure's, not a dose's)."""
    if name is None:
        return not procedure  # "between doses"
    if name.lower() in ("it", "they", "them"):
        return pronoun and not procedure
    return _is_drug(name, drug_names, pronoun)


#: The clause before a rating says the worker went without a drug: "when she ran out of tramadol for a week, pain 7/10".
_WAS_WITHOUT_BEFORE = re.compile(
    r"\b(?:when|while|if)\s+(?:she|he|they|pt|the\s+patient|i)\s+(?:was\s+without|went\s+without|goes\s+without|ran\s+out\s+of"
    r"|runs\s+out\s+of|was\s+off|missed|misses|skipped|skips)\s+(?:the\s+|his\s+|her\s+|my\s+)?(?P<name>[A-Za-z][\w-]+)[^;:]{0,50}$",
    re.IGNORECASE,
)


def _context(
    following: str, preceding: str, drug_names: tuple[str, ...], pronoun: bool = False, procedure: bool = False, followed: bool = False
) -> str:
    """The medication context of a rating from the words after it (else before it); *followed*: another rating comes
    right after *following*.

    In a sentence that tells a procedure's effect and names no drug, a bare "after" is after the procedure
    ("8/10 before the injection, 3/10 after"), not after a dose."""
    if following.lstrip().startswith("(") and (bracket := _BRACKET_CTX.match(following[:40])):
        word = bracket.group("ctx").lower()
        return "without_medication" if word.startswith(("no", "off", "without", "w/o", "before", "pre")) else "with_medication"
    m = _WITH.match(following[:80])
    what = m.group("what").lower() if m else ""
    named = what.startswith(("medication", "med", "medicine", "analgesic", "pain", "pill", "tablet", "regimen", "la med", "las med",
                             "los med")) \
        or what in drug_names
    after = m if m and (named or (pronoun and what in ("it", "them"))) else None
    if after is None and (bare := _BARE_CTX.match(following[:20])):
        return "without_medication" if bare.group("ctx").lower() in _WITHOUT else "with_medication"
    if after is None and _MISSED_DOSE.match(following[:80]):
        return "without_medication"
    if after is None and (worn := _WORN_OFF.match(following[:80])) and _worn_off_drug(worn.group("name"), drug_names, pronoun, procedure):
        return "without_medication"
    if after is None and (went := _WAS_WITHOUT.match(following[:80])) and _is_drug(went.group("name"), drug_names, pronoun):
        return "without_medication"
    if after is None and (went := _WAS_WITHOUT_BEFORE.search(preceding[-90:])) and (
        _is_drug(went.group("name"), drug_names, pronoun) or went.group("name").lower() in ("doses", "dose", "a")
    ):
        return "without_medication"
    if after is None and ((_AFTER_DOSE.match(following[:60]) and not procedure) or _WHEN_TAKING.match(following[:60])):
        return "with_medication"
    if after is None and (dose := _AFTER_NAMED.match(following[:60]) or _ONCE_ACTING.match(following[:60])) and _is_drug(
        dose.group("name"), drug_names, pronoun
    ):
        return "with_medication"
    if after is None and (said := _MEDICATED_BEFORE.search(preceding[-40:])) and (pronoun or "medicated" in said.group("ctx").lower()):
        word = said.group("ctx").lower()
        return "without_medication" if word.startswith(("un", "non", "without", "w/o")) else "with_medication"
    if after is None and (first := _BEFORE_DRUG.match(following[:60])) and first.group("name").lower() in drug_names:
        return "without_medication"  # "7/10 before duloxetine"
    # "when the Norco wears off it climbs to 7/10", after the words that tell a rating on the drug
    if after is None and (worn := _WORN_OFF_BEFORE.search(preceding[-80:])) and _worn_off_drug(
        worn.group("name"), drug_names, pronoun, procedure
    ):
        return "without_medication"
    before = _WITH_BEFORE.search(preceding[-60:]) or _BARE_BEFORE.search(preceding[-30:])
    if before is None and (named_before := _DRUG_BEFORE.search(preceding[-60:])) and named_before.group("name").lower() in drug_names:
        before = named_before
    # "without medication 8/10, with medication 4/10": a phrase after a comma belongs to the next rating.
    # "with meds 5/10   without meds 9/10": a phrase the next rating follows heads that rating, when this one has its own.
    if after and before and followed and not following[after.end() :].strip(" :=-"):
        after = None
    if after and not (before and following.lstrip().startswith((",", ";"))):
        return "without_medication" if after.group("ctx").lower() in _WITHOUT else "with_medication"
    if before:
        return "without_medication" if before.group("ctx").lower() in _WITHOUT else "with_medication"
    return "unspecified"


def _is_drug(word: str, drug_names: tuple[str, ...], pronoun: bool) -> bool:
    """Whether *word* names the drug: a drug of the note, "meds" / "pills", or "it" in a sentence about the drug."""
    lowered = word.lower()
    if any(name.split(" ", 1)[0] == lowered for name in drug_names if " " in name):
        return True  # "without the MS Contin": the first word of a drug's name
    return lowered in drug_names or bool(re.fullmatch(_MEDS, lowered)) or (pronoun and lowered in ("it", "they", "them"))


def drug_names(ctx: Context) -> tuple[str, ...]:
    """The drugs of the note and the requests, in lower case: what a rating or a relief may be told of.

    A drug's ingredients too: "an hour after a hydrocodone" is told of the Norco the list names."""
    names = {d.name.lower() for d in ctx.draft.drugs} | {i.name.lower() for i in ctx.items}
    names |= {ingredient.lower() for d in ctx.draft.drugs for ingredient in d.ingredients}
    return tuple(sorted(names))


#: A cheap first test for `told_of_another`: a relative named in the sentence.
_RELATIVE_WORDS = ("wife", "husband", "spouse", "partner", "fianc", "friend", "son", "daughter", "child", "kid", "brother",
                   "sister", "mother", "father", "mom", "dad", "parent", "grand", "uncle", "aunt", "cousin", "worker", "roommate",
                   "neighb")


def read_pain(sentences: list[Sentence], ctx: Context) -> None:
    """Pain ratings of *sentences*, dated by the note each sentence reports from (one rating per note date)."""
    names = drug_names(ctx)
    for s in sentences:
        dates: list[FuzzyDate | None] = list(ctx.dates_of(s)) if s.source == "summary" else []
        found = find_pain_scores(s.text, names)
        lowered = s.text.lower()
        if found and any(w in lowered for w in ("with", "w/", "off", "on ", "after", "before")) and may_name_a_drug(s.text, ctx):
            # "7/10 without tramadol": a drug the sentence names, though the note does not say it is taken
            named = tuple(m.name.lower() for m in drug_mentions(s.text, ctx) if m.ingredients)
            if set(named) - set(names):
                found = find_pain_scores(s.text, names, named)
        lesser, shared = _lesser_regions(s.text, found)
        procedure = bool(found) and about_a_procedure(s.text, names)  # "after the injection her pain decreased to 3/10"
        relative = bool(found) and any(w in s.text.lower() for w in _RELATIVE_WORDS)
        for n, m in enumerate(found):
            if relative and told_of_another(s.text, m.start, m.end):
                continue  # "His wife's pain is 8/10 without her meds": a relative's rating
            ev = s.evidence(*_rating_span(s.text, m))
            context = m.context if shared is None else ("unspecified" if n in lesser else shared)
            other = context == "unspecified" and (
                _not_the_current(s.text, found[n - 1].end if n else 0, m.start) or (procedure and not _said_now(s.text, m.start))
                or n in lesser or bool(_EARLIER_COLUMN.match(s.text, m.end))
            )
            was = bool(_WAS_BEFORE.search(s.text, 0, m.start)) and (n > 0 or bool(_NOW_SAID.search(s.text)))
            if context != "unspecified" and (_PAST_STATE.search(s.text, 0, m.start) or was) and _not_the_current(
                s.text, found[n - 1].end if n else 0, m.start
            ):
                context, other = "unspecified", True  # "had been stable at 2-3/10 on naproxen": the pain as it was
            for date in dates or [None]:
                ctx.draft.pain_score(m.score, m.score_max, date, context, ev, other_time=other)


#: A plain rating that another follows by an arrow or a table's next column is the earlier one: "Pain 6/10 -> 3/10" (after
#: a course of care), "Pain (VAS)    8/10    4/10" (initial and now).
_EARLIER_COLUMN = re.compile(
    rf"(?:\s*/\s*10|\s+out\s+of\s+(?:10|ten))?(?:\s*(?:-+>|→|=>)\s*|[ \t]{{3,}}|\s*\|\s*)(?:an?\s+)?{NUMBER}(?:\s*/\s*10)?(?:\s|$|[.,;|])",
    re.IGNORECASE,
)
#: A state that has passed, told before the rating: "had been stable at 2-3/10 on naproxen".
_PAST_STATE = re.compile(r"\b(?:had\s+been|used\s+to\s+be|previously|prior\s+to\s+the\s+(?:injury|flare|fall))\b", re.IGNORECASE)
#: "was" right before a rating beside another rating or the pain now: "Pain 4/10, was 8/10 on oxycodone".
_WAS_BEFORE = re.compile(r"\bwas\s+(?:an?\s+)?$", re.IGNORECASE)


#: A region's pain named before a rating: "Neck pain 4/10, arm pain 7/10", "LBP 5/10, leg pain 7/10".
_REGION_PAIN = re.compile(
    r"\bLBP\b|\b(?:back|neck|legs?|arms?|knees?|shoulders?|hips?|hands?|wrists?|foot|feet|ankles?|elbows?|buttocks?)\b", re.IGNORECASE
)
#: A region named right before a later rating, without the word "pain": "LBP 5/10, leg 7/10", "back 3/10" (still a region).
_REGION_TAIL = re.compile(rf"(?:{_REGION_PAIN.pattern})\s*:?\s*$", re.IGNORECASE)


def _lesser_regions(text: str, found: list[PainMatch]) -> tuple[set[int], str | None]:
    """The ratings of a sentence that rates two regions, all but the highest: the key takes the worse region's pain
    (corpus README: "neck 4/10, LBP 5/10" keys 5); and the qualifier told after the last of them, which is said of
    the list ("R leg pain 8/10, back 3/10, on gabapentin": both on the drug), None when the ratings have none."""
    contexts = [p.context for p in found]
    shared = contexts[-1] if contexts and contexts[-1] != "unspecified" else None
    if len(found) < 2 or any(c != "unspecified" for c in contexts[: len(found) - (shared is not None)]):
        return set(), None
    plain = list(range(len(found)))
    regions = []
    for n in plain:
        chunk = text[found[n - 1].end if n else 0 : found[n].start]
        chunk = chunk[max(chunk.rfind(";"), chunk.rfind(". ")) + 1 :]
        named = frozenset(regions_in(chunk)) | {m.group().lower() for m in _REGION_PAIN.finditer(chunk)}
        if not named or not re.search(r"\bpain\b|\bLBP\b|\bache\b", chunk, re.IGNORECASE) and n != plain[0] \
                and not _REGION_TAIL.search(chunk):
            return set(), None
        regions.append(named)
    if len(set(regions)) < len(regions):
        return set(), None
    top = max(found[n].score for n in plain)
    keep = next(n for n in plain if found[n].score == top)
    return {n for n in plain if n != keep}, shared


#: Words that set a bare rating at another time or make it a least, worst or best: "it was 2/10 after the
#: injection", "his usual 1/10", "7/10 at start of care", "worst 7/10" (the rating now is the one the note gives first).
#: An average is the pain as it is ("Average pain 6/10, 8/10 at the end of a work day" keys 6).
_OTHER_TIME = re.compile(
    r"\b(?:was|were|had\s+been|used\s+to\s+be|previously|prior|before|usual(?:ly)?|baseline|intake|initial(?:ly)?"
    r"|start\s+of\s+care|last\s+(?:visit|time|week|month|year)|ago|from|then|worst|least|best|max(?:imum)?"
    r"|min(?:imum)?|goal|range|up\s+to|as\s+high\s+as|at\s+times|flares?)\b",
    re.IGNORECASE,
)
#: Words that keep a rating in the present whatever else the clause says: "Pain was 6/10 today".
_NOW_SAID = re.compile(
    r"\b(?:today|now|currently|current|at\s+present|this\s+(?:visit|morning|week)|since\s+then)\b", re.IGNORECASE
)


def _not_the_current(text: str, since: int, start: int) -> bool:
    """Whether the words before a bare rating (from the clause's start or the rating before) set it at another time."""
    # "(... today)  at worst 6/10"; a dash parts a terse note's clauses: "flare 3 days ago after ... - LBP 7/10"
    cut = max([since] + [m.end() for m in re.finditer(r"[.;:(]\s|[()]|,|\s[-\u2013\u2014]\s", text[:start])])
    before = text[cut:start]
    return bool(_OTHER_TIME.search(before)) and not _NOW_SAID.search(before)


#: A rating told as the pain now after a procedure's relief has gone: "now 6/10", "has returned to 7/10", "back to 8/10".
_NOW_AGAIN = re.compile(r"\b(?:today|now|currently|current|at\s+present|returned|back\s+to|came\s+back|come\s+back|recurred|since\s+then)\b",
                        re.IGNORECASE)


def _said_now(text: str, start: int) -> bool:
    """Whether the clause before a rating in a sentence about a procedure sets it in the present."""
    cut = max([0] + [m.end() for m in re.finditer(r"[.;:(]\s|\(|,", text[:start])])
    stop = next((start + m.start() for m in re.finditer(r"[.;:)]\s|[.;:)]$|,", text[start:])), len(text))
    return bool(_NOW_AGAIN.search(text[cut:stop]))


def _rating_span(text: str, m: PainMatch) -> tuple[int, int]:
    """The rating quoted with its clause ("Pain was rated 7 on a scale of 1-10 with medications")."""
    return clause_span(text, m.start, m.end)


#: Drug classes taken for pain: a bare rating of a worker on one of them is the pain felt on it (corpus README).
PAIN_CLASSES = frozenset({
    "opioid", "nsaid", "cox2_inhibitor", "non_opioid_analgesic", "salicylate", "muscle_relaxant", "antiepilepsy_drug",
    "tricyclic_antidepressant", "snri", "topical_analgesic", "local_anesthetic", "counterirritant",
})


#: The note saying the worker takes no pain drug: "takes no meds", "not taking any medication", "Medications: none".
_NO_MEDS = re.compile(
    r"\b(?:takes?|taking|uses?|using|on)\s+no\s+(?:pain\s+|prescription\s+|other\s+)?(?:meds|medications?|medicines?|pills|analgesics?)\b"
    r"|\bnot\s+(?:taking|on|using)\s+(?:any\s+)?(?:pain\s+)?(?:meds|medications?|medicines?|pills|analgesics?)\b"
    r"|\b(?:denies|no)\s+(?:current\s+)?(?:use\s+of\s+)?(?:any\s+)?pain\s+(?:meds|medications?|medicines?|pills)\b(?!\s+(?:changes?|refills?))"
    r"|\b(?:current\s+)?(?:meds|medications?)\s*:\s*(?:none|nil|no\s+(?:meds|medications?))\b"
    # a sentence of its own: "No meds.", "No medications currently."; not "no med changes", "no medication allergies"
    r"|^(?:no|denies)\s+(?:current\s+)?(?:meds|medications?)(?:\s+(?:currently|now|at\s+present|at\s+this\s+time))?\s*(?:[.;(]|$)"
    r"|\bnot\s+taking\s+anything\s+for\s+(?:it|(?:the|her|his)\s+pain)\b",
    re.IGNORECASE,
)
#: How far from the rating the note may say the worker takes no pain drug: the sentences next to it in its part.
_NO_MEDS_REACH = 2


_EXCEPT = re.compile(r"^\s*(?:other\s+than|except|besides|apart\s+from|but\b)", re.IGNORECASE)


def _rate_without_medication(ctx: Context, sentences: list[Sentence]) -> None:
    """A plain rating whose own sentence says the worker takes no pain drug is the pain without any.

    "Pain 2/10, takes no meds": the corpus README keys a bare rating of a worker on no pain medication as the pain
    without it. Only a sentence of the same part of the note, next to the rating or one apart, binds the two ("She
    takes no medications. Pain 5/10."; a "Meds: none" of an emergency record is often followed by the drug the
    clinic started).
    """
    said = [s for s in sentences if (m := search(_NO_MEDS, s.text)) and not _EXCEPT.match(s.text[m.end() :])]
    bound = {s.index: s for s in said}  # each sentence read once, though several statements reach it
    bound.update(
        (n.index, n) for s in said for n in sentences
        if abs(n.index - s.index) <= _NO_MEDS_REACH and n.section == s.section and n.section is not None
    )
    for s in bound.values():
        quoted = s.text.lower()
        for entry in ctx.draft.pain:
            if entry["context"] == "unspecified" and not entry.get("other_time") and any(
                e.quote and " ".join(e.quote.lower().split()) in " ".join(quoted.split()) for e in entry["evidence"]
            ):
                entry["context"] = "without_medication"


_TODAY = re.compile(r"\b(?:today|this\s+visit|at\s+this\s+visit)\b", re.IGNORECASE)


def rate_on_current_medication(ctx: Context, sentences: list[Sentence] | None = None) -> None:
    """A rating without qualifier ("pain 6/10 today", "VAS 7") of a worker who takes a pain drug now is the pain on it.

    The corpus README ("Key conventions") keys it so: it is the pain as felt on that medication. Only the rating of
    the latest day the note gives first as it is now (the drug list is of that day; an earlier visit's rating cannot
    be said to be on it): not one of a day the note already rates with the medication, not
    one set at another time or a least, worst or best ("was 7/10 at start of care"). Without a current pain drug the
    rating keeps what the note says, unless its own sentence says the worker takes none ("Pain 2/10, takes no meds").
    """
    if not any(d.status == "current" and PAIN_CLASSES.intersection(d.classes) for d in ctx.draft.drugs):
        _rate_without_medication(ctx, sentences or [])
        return
    rated = {str(e["date"]) for e in ctx.draft.pain if e["context"] == "with_medication"}
    latest = max((str(e["date"]) for e in ctx.draft.pain if e["date"] is not None), default=None)
    # the first rating of the latest day, the day the drugs are known to be taken; one said to be today's first
    # ("rated 6/10 today" after a course's "pain 7/10 -> 5/10")
    entries = sorted(ctx.draft.pain, key=lambda e: not any(ev.quote and _TODAY.search(ev.quote) for ev in e["evidence"]))
    for entry in entries:
        day = str(entry["date"])
        if entry["context"] == "unspecified" and not entry.get("other_time") and day not in rated and day in (latest, "None"):
            entry["context"] = "with_medication"
            rated.add(day)

