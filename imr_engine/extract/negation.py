"""Is a finding affirmed, denied, hedged, or only said to be undocumented?

Letters state absence in two ways that must not be confused:
- **negated**: the record documents the finding is absent ("She reported no side
  effects", "No specific neurological deficits were noted", "nor were there any
  spasms", "Medication abuse was not suspected") -> the fact is `no`;
- **undocumented**: the reviewer says the record lacks it ("there was no documentation
  of improvement", "The medical documents do not indicate ...", "without objective
  documentation of") -> the fact stays `unknown`.
Hedged mentions ("may", "whether", "if any", "was not to receive") state nothing.

Scopes follow NegEx: a cue governs the words after it (pre-negation, within a few
words) or before it ("... was not suspected"), and never reaches past a clause
boundary (";", "but", "however", "although", "which", "except").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

Polarity = Literal["affirmed", "negated", "undocumented", "hedged"]

_CLAUSE_END = re.compile(
    # a full stop ends a clause, not one closing an abbreviation written with full stops ("B.I.D.", "p.o.", "q.6h.")
    r"[;:|]|(?<!\.[A-Za-z])(?<!\.\d[A-Za-z])\.\s|\b(?:but|however|although|though|except|whereas|yet|which|while|despite)\b"
    r"|,\s*and\s+(?=(?:she|he|they|the\s+(?:patient|claimant)|pt|patient)\b)",  # ", and she ...": a new subject
    re.IGNORECASE,
)
#: An outcome phrase closed by a comma negates only itself: "PT with no lasting benefit, [home exercises], ...".
_OUTCOME_CLOSED = re.compile(
    r"\b(?:no|without|w/o)\s+(?:[\w-]+\s+){0,2}?(?:benefit|relief|change|improvement|gains?|effect|help)\b\)?\s*,", re.IGNORECASE
)
#: "without" with its object left out, as in a pair of ratings: "5/10 with meds, 7/10 without, [back to work] ..." negates nothing.
_ELLIPTIC = re.compile(r"\b(?:without|w/o)\s*[,)]", re.IGNORECASE)
#: "without" whose object is the medication itself, closed by a conjunction or a comma, states a condition of a rating
#: ("8-9/10 without medication and 4-5/10 with it, [functional improvement]"): it negates only its own object.
_WITHOUT_MEDICATION = re.compile(
    r"\b(?:without|w/o)\s+(?:(?:the|his|her|their|any|pain)\s+)?(?:medications?|meds?|medicines?|opioids?|analgesics?|it|them)"
    r"(?=\s*(?:[,;)]|\band\b|\bor\b))",
    re.IGNORECASE,
)
#: A study's technique, not a denial: "MRI brain w/o contrast - pt anxious", "CT without IV contrast showed ...".
_WITHOUT_CONTRAST = re.compile(r"\b(?:without|w/o)\s+(?:IV\s+|intravenous\s+)?(?:contrast|gadolinium|dye)\b", re.IGNORECASE)
#: A list after "negative for" / "denies" reaches past the pre-negation window: "Negative for a, b, c, d".
_LIST_CUE = re.compile(r"\b(?:(?:negative|neg\.?)\s+for|denie[sd]|deny|no)\s+", re.IGNORECASE)
_NOT_A_LIST = re.compile(
    r"\b(?:is|was|are|were|has|have|had|she|he|they|reports?|states?|says?|with|but|positive|except|now|still)\b",
    re.IGNORECASE,
)
_UNDOCUMENTED = re.compile(
    r"\bthere\s+(?:is|was|were|are|has\s+been|have\s+been)\s+no\s+(?:\w+\s+){0,2}?"
    r"(?:documentation|evidence|indication|record|data|report)"
    r"|\bno\s+(?:\w+\s+){0,2}?(?:documentation|documented)\b"
    r"|\b(?:without|w/o)\s+(?:any\s+)?(?:\w+\s+){0,2}?(?:documentation|evidence)\b"
    r"|\b(?:absence|lack)\s+of\s+(?:\w+\s+){0,4}?(?:documentation|evidence|data|information)\b"
    r"|\bnot\s+(?:been\s+)?(?:documented|established|provided|indicated|reported|recorded)\b"
    r"|\b(?:do|does|did)\s+not\s+(?:\w+\s+)?(?:indicate|document|show|provide|demonstrate|reflect|establish)\b"
    r"|\bno\s+clear\b|\bif\s+any\b|\bunclear\b|\bnot\s+clear\b"
    # the record silent on it, in other words: "nothing on side effects or aberrant use", "no mention of UDS"
    r"|\bnothing\s+(?:on|about|regarding|concerning)\b|\bno\s+mention\s+of\b|\bnot\s+mentioned\b|\bsilent\s+(?:on|about|as\s+to)\b",
    re.IGNORECASE,
)
_EVIDENCE_ONLY = re.compile(r"\bno\s+(?:\w+\s+){0,2}?evidence\b", re.IGNORECASE)
_PRE_NEGATION = re.compile(
    r"\b(?:no|not|cannot|without|w/o|denie[sd]|deny|(?:negative|neg\.?)\s+for|nor|never|free\s+of|absence\s+of|absent|none|neither)\b|n't\b",
    re.IGNORECASE,
)
#: What a negation after the term says was not there or not done: "spasm was not noted", "UDS not done",
#: "CURES has not been checked", "sleep is not disturbed" (not a result: "UDS not consistent" is a screen done).
_NOT_THERE = (
    r"(?:noted|present|seen|found|suspected|reported|identified|observed|demonstrated|appreciated|elicited|evident"
    r"|done|performed|obtained|checked|reviewed|completed|collected|signed|tested|queried|accessed|run|drawn"
    r"|disturbed|impaired|affected|interrupted|an\s+issue|a\s+problem)\b"
)
_POST_NEGATION = re.compile(
    r"^[\s,]*(?:\w+\s+){0,3}?(?:(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+)?(?:not|never)\s+(?:been\s+|yet\s+)?"
    rf"{_NOT_THERE}"
    rf"|(?:was|were|is|are|has|have|had)n[\'’]t\s+(?:been\s+|yet\s+)?{_NOT_THERE}"
    r"|(?:was|were|is|are)\s+(?:absent|negative|denied|ruled\s+out|resolved)\b)",
    re.IGNORECASE,
)
#: "May 20, 2014" and "May 2014" are a month, not a hedge.
_HEDGE = re.compile(
    r"\b(?:may(?!\s+\d{1,2}(?:st|nd|rd|th)?\b|,?\s+(?:19|20)\d\d\b)|might|could|should|would|possible|possibly|probable|probably|suspect(?:ed)?|rule\s+out|r/o|whether"
    r"|questionable|consider(?:ed|ing)?|potential(?:ly)?|risk\s+of|to\s+be\s+determined|if|future"
    # a relative's condition, not the patient's: "Family history of depression", "FHx: mother - diabetic neuropathy"
    r"|family\s+(?:history|hx|medical\s+history)|FHx?|(?:mother|father|sister|brother|parents?|siblings?)\s+(?:has|had|with|-))\b",
    re.IGNORECASE,
)
#: An instruction, not an observation: "she was not to receive pain medications from outside providers".
_DIRECTIVE = re.compile(r"\b(?:was|were|is|are)\s+(?:not\s+)?to\s+(?:be\s+)?[a-z]+", re.IGNORECASE)
#: A form's answer right after its label: "Side effects: none", "Aberrant behaviors: denies", "Spasm: +".
_FIELD_ANSWER = re.compile(
    r"(?:\s+(?!w/|with\b)[A-Za-z/-]+){0,3}?\s*(?:\([^)]{0,30}\))?\s*[:=]\s*(?:(?P<no>none\b|no\b|negative\b|neg\b|denie[sd]\b|nil\b|absent\b|not\s+(?:present|noted|seen|doing|done|performed|compliant)\b)"
    r"|(?P<yes>yes\b|present\b|positive\b|pos\b|\+))",
    re.IGNORECASE,
)
#: A form's yes/no question answered by ticking a box, the box before or after its word.
_BOX_ON = r"(?:☒|☑|✓|✔|■|\[\s*[xX✓]\s*\]|\(\s*[xX]\s*\))"
_BOX_ANY = rf"(?:{_BOX_ON}|☐|□|\[\s*\]|\(\s*\))"
_BOXED_ANSWER = re.compile(
    rf"(?:\s+(?!w/|with\b)[A-Za-z/-]+){{0,3}}?\s*(?:\([^)]{{0,30}}\))?\s*[:=?]?\s*"
    rf"(?P<answer>(?:{_BOX_ANY}\s*(?:yes|no|y|n)\b\s*){{2}}|(?:(?:yes|no|y|n)\s*{_BOX_ANY}\s*){{2}})",
    re.IGNORECASE,
)
_TICKED_BEFORE = re.compile(rf"{_BOX_ON}\s*(?:(?P<yes>yes|y)|no|n)\b", re.IGNORECASE)
_TICKED_AFTER = re.compile(rf"\b(?:(?P<yes>yes|y)|no|n)\s*{_BOX_ON}", re.IGNORECASE)
PRE_WINDOW = 6  # words a pre-negation cue reaches
HEDGE_WINDOW = 8  # words a hedge or an instruction reaches


def field_answer(text: str, end: int) -> Literal["yes", "no"] | None:
    """The answer a form gives right after a field's label ending at *end*: "Side effects: yes", "[X] Yes [ ] No"."""
    said = polarity(text, end, end)
    if not (_BOXED_ANSWER.match(text, end) or _FIELD_ANSWER.match(text, end)):
        return None
    return "yes" if said == "affirmed" else "no" if said == "negated" else None


#: Readers ask again about a term another reader already asked about (about half the asks of the budget's texts):
#: both answers depend on their arguments alone, so a text's last ones are remembered (`forget_answers`).
_REMEMBERED = 1024


@lru_cache(maxsize=_REMEMBERED)
def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of *text* around [start, end): from the previous boundary to the next."""
    left = 0
    for m in _CLAUSE_END.finditer(text, 0, start):
        left = m.end()
    following = _CLAUSE_END.search(text, end)
    return left, following.start() if following else len(text)


@lru_cache(maxsize=_REMEMBERED)
def polarity(text: str, start: int, end: int, *, observation: bool = False) -> Polarity:
    """How the sentence *text* speaks of the term at [start, end).

    In an *observation* (an examination sentence) "there is no evidence of spasm" reports
    what the examiner saw, so it negates; elsewhere it says the record is silent.
    """
    boxed = _BOXED_ANSWER.match(text, end)
    if boxed:  # "Side effects: [ ] Yes [X] No": the ticked option answers
        words_first = re.search(r"[:=?]?\s*(?:yes|no|y|n)\b", boxed.group("answer"), re.IGNORECASE)
        pattern = _TICKED_AFTER if words_first and words_first.start() == 0 else _TICKED_BEFORE
        ticked = pattern.search(boxed.group("answer"))
        if ticked is None:
            return "hedged"
        return "affirmed" if ticked.group("yes") else "negated"
    field = _FIELD_ANSWER.match(text, end)
    if field:
        return "negated" if field.group("no") else "affirmed"
    left, right = clause_bounds(text, start, end)
    before = text[left:start]
    after = text[end:right]
    silent = _UNDOCUMENTED.search(before)
    if silent and not (observation and _EVIDENCE_ONLY.search(silent.group())):
        return "undocumented"
    hedge_window = " ".join(before.split()[-HEDGE_WINDOW:])
    if _DIRECTIVE.search(hedge_window):
        return "hedged"
    if _POST_NEGATION.match(after):
        return "negated"
    open_before = _ELLIPTIC.sub(" , ", _WITHOUT_MEDICATION.sub(" , ", _OUTCOME_CLOSED.sub(" ; ", before)).rsplit(";", 1)[-1])
    open_before = _WITHOUT_CONTRAST.sub(" , ", open_before)
    open_before = _closed_asides(open_before)
    window = " ".join(open_before.split()[-PRE_WINDOW:])
    if (_PRE_NEGATION.search(window) or _negated_list(open_before) or _TERSE_NEG.search(open_before)) \
            and not _own_predicate(open_before, after) and not _own_degree(open_before):
        return "negated"
    if _HEDGE.search(hedge_window):
        return "hedged"
    return "affirmed"


def forget_answers() -> None:
    """Forget the remembered polarities and clauses: called when a new text is read."""
    polarity.cache_clear()
    clause_bounds.cache_clear()


#: A terse review of systems: "GI: neg dyspepsia, neg melena", "Psych: neg depression" ("neg" right before the term;
#: after a finding, "SLR neg bilat, TTP ...", it answers the finding before it).
_TERSE_NEG = re.compile(r"(?:^|[:;,.])\s*neg\.?\s+$", re.IGNORECASE)
#: A list item that says something of itself: "No sedation, [constipation] controlled with MiraLAX".
_PREDICATE_AFTER = re.compile(
    r"^\s+(?:is\s+|are\s+|has\s+been\s+)?(?:well\s+|now\s+|still\s+)?(?:controlled|managed|treated|relieved|improved|better"
    r"|persists?|present|noted|reported|continues?|ongoing)\b",
    re.IGNORECASE,
)


#: A parenthesis closed before the term: what it says stays inside it ("splints (worn out, no longer supportive), OT, [HEP]").
_ASIDE = re.compile(r"\([^()]*\)")
#: A list item given its own degree: "no effusion, ROM 0-115, [mild] joint line tenderness" states the tenderness.
_OWN_DEGREE = re.compile(
    r"^\s*(?:mild(?:ly)?|moderate(?:ly)?|marked(?:ly)?|severe(?:ly)?|significant|slight(?:ly)?|minimal|exquisite(?:ly)?"
    r"|focal|diffuse|point|trace|[1-4]\+)\s",
    re.IGNORECASE,
)


def _closed_asides(before: str) -> str:
    """*before* with each closed parenthesis emptied, and nothing before a bracket that closes one opened earlier.

    A negation inside an aside governs the aside only: "PT (no benefit), [home exercises]" affirms the exercises,
    where "No (significant) [tenderness]" still denies the tenderness (the cue stands outside the aside).
    """
    out = _ASIDE.sub(" , ", before)
    return out.rsplit(")", 1)[-1] if ")" in out else out


def _own_degree(before: str) -> bool:
    """The term's list item after the negation has its own degree: a new finding, not a denied one.

    "No swelling, [mild] tenderness" affirms the tenderness; "no erythema, warmth or significant swelling" and
    "no swelling, no significant tenderness" deny it (a conjunction or a new cue heads the item).
    """
    cues = list(_PRE_NEGATION.finditer(before))
    if not cues:
        return False
    listed = before[cues[-1].end():]
    return "," in listed and bool(_OWN_DEGREE.match(listed.rsplit(",", 1)[1]))


def _own_predicate(before: str, after: str) -> bool:
    """The term follows a comma after the negation and has its own predicate: a new statement, not a denied item."""
    cues = list(_PRE_NEGATION.finditer(before))
    return bool(cues) and "," in before[cues[-1].end() :] and bool(_PREDICATE_AFTER.match(after))


def _negated_list(before: str) -> bool:
    """The term ends a list the clause's negation cue heads: "denies fever, chills, weight loss, or [night sweats]"."""
    cues = list(_LIST_CUE.finditer(before))
    if not cues:
        return False
    listed = before[cues[-1].end():]
    return "," in listed and len(listed.split()) <= 25 and not _NOT_A_LIST.search(listed)


def negated_nearby(text: str, start: int, words: int = 4) -> bool:
    """A plain negation among the few words before *start* ("not indicated for long-term use")."""
    window = " ".join(text[:start].split()[-words:])
    return bool(_PRE_NEGATION.search(window))
