"""A prior course's effect told in the sentence after the one that names it.

Clinicians tell a course and then, in a sentence of its own, what it did: "Did 12 sessions of PT last
year. It helped a lot.", "... 16 sessions of physical therapy. The therapist's discharge summary documents
no meaningful change.", "He had 6 acupuncture treatments. They did not help.", "L knee injection 3/2018.
The injection gave about a month of relief, then the pain came back.", "Completed 6 of 6 PT visits. Pain
improved from 7/10 to 4/10." The course readers read one sentence at a time, so the effect was lost.

The next sentence speaks of the course only when it opens by pointing back at it, and names no other care
or drug: a pronoun whose verb is one said of care ("it helped", "they did not work", "this gave her 50 %
relief"; not "it is worse at night", which is the pain), a noun for the course ("the therapy", "therapy",
"the sessions", "the injection", "the brace", "the therapist"), or the outcome a course is judged by told
in the past ("pain improved from 7/10 to 4/10", "her symptoms did not change"). The course must be the
last care its own sentence names, so "it" has no other antecedent, and its own words must tell no effect.
The plan's sentences, a planned or hoped-for result ("we will see if it helps") and a hedged one are not
read. Relief said there to have ended ("the relief wore off after a week") marks the course temporary, as
`course_lasting` does with the words in the course's own sentence.
"""

from __future__ import annotations

import re
from typing import Any

from ..facts.model import Evidence
from .context import Context
from .course_lasting import relief_bounded, relief_ended
from .draft import add_evidence
from .letter_case import is_the_patient
from .prior_courses import BRIEF_BY_DESIGN, course_effect
from .sentences import Sentence, quote_sentence

_I = re.IGNORECASE
#: What may stand before the words that point back: "But it ...", "Unfortunately, this ...", "Pt states it ...".
_LEAD_IN = (
    r"^\W*(?:(?:but|and|however|unfortunately|overall|initially|reportedly|ultimately|sadly|per\s+(?:the\s+)?(?:patient|pt),?)"
    r"[,\s]+)*(?:(?:(?:the\s+)?(?:patient|pt|he|she|claimant)\s+)?(?:reports?|reported|states?|stated|says|said|felt|feels|notes?|noted"
    r"|indicates?|indicated)\s+(?:that\s+)?)?"
)
#: A pronoun pointing back, with a verb said of care right after it (a few words between at most).
_PRONOUN = re.compile(
    _LEAD_IN + r"(?:it|this|that|they|these|those|(?:each|every)(?:\s+one|\s+(?:treatment|session|visit|injection|shot|block)s?)?|both|neither"
    r"|(?:none|all|each|neither)\s+of\s+(?:them|these|those|the\s+above)|all)\s+[\"']?"
    r"(?:(?:has|have|had|was|were|did|does|do|only|really|also|just|not|never|seemed?\s+to|n't|ultimately|initially"
    r"|definitely|certainly|somewhat|significantly|greatly|partially)\s+)*"
    r"(?:help(?:ed|s|ing)?|work(?:ed|s)?|gave|give|provided?|loosened|relaxed|brought|offered|made|produced|resulted|improved?|relieved?|reduced|decreased|eased"
    r"|changed?|did\s*n[o']t|didn't|didnt|failed|lasted|wore\s+off|was\s+(?:not\s+)?(?:helpful|beneficial|effective|useful|useless)"
    r"|were\s+(?:not\s+)?(?:helpful|beneficial|effective|useful|useless)|(?:n't|not)\s+(?:help|work|change))\b",
    _I,
)
#: A noun for a course of therapy (also "therapy" alone, and the therapist who gave it).
_THERAPY_NOUN = r"(?:(?:the|this|that|his|her|their)\s+)?(?:therapy|therapies|therapist(?:'s)?|sessions?|visits?|treatments?|course)"
#: A noun for an injection or procedure, and for a device worn or used.
_INJECTION_NOUN = r"(?:(?:the|this|that|these|those|his|her|each)\s+)(?:injections?|shots?|blocks?|procedures?|treatments?)"
_DEVICE_NOUN = r"(?:(?:the|this|that|his|her)\s+)(?:brace|splint|orthosis|orthotics?|device|unit|support|sleeve|boot|insoles?)"
_NOUN_BY_KIND = {
    "physical_therapy": _THERAPY_NOUN,
    "chiropractic": _THERAPY_NOUN,
    "acupuncture": _THERAPY_NOUN,
    "psychological": _THERAPY_NOUN,
    "program": r"(?:(?:the|this|that|his|her)\s+)(?:program(?:me)?|sessions?|course|treatment)",
    "injection": _INJECTION_NOUN,
    "modality": _DEVICE_NOUN,
    "other": _DEVICE_NOUN,
}
#: The outcome a course is judged by, told as what became of it: "Pain improved from 7/10 to 4/10", "Her symptoms
#: did not change" (past tense only: "pain is worse at night" is today's pain, not the course's result).
_OUTCOME = re.compile(
    _LEAD_IN + r"(?:(?:his|her|their|the)\s+)?(?:(?:low\s+back|back|neck|knee|shoulder|leg|arm|wrist|hand)\s+)?"
    r"(?:pain|symptoms?|function|strength|range\s+of\s+motion|ROM|mobility)\s+(?:level\s+|scores?\s+)?"
    r"(?:(?:improved|decreased|dropped|went\s+down|was\s+reduced|got\s+better|resolved)\b"
    r"|(?:did\s*n[o']t|didn't|did\s+not)\s+(?:change|improve)\b|(?:remained|stayed)\s+(?:unchanged|the\s+same)\b)"
    # a terse note's bare result, the whole sentence: "Less stiff.", "Better.", "No better." (not "Better with rest")
    r"|^\W*(?:(?:much|somewhat|a\s+little|slightly|a\s+bit)\s+)?(?:less\s+(?:stiff|stiffness|sore|swelling|pain)|better|improved"
    r"|no\s+better|no\s+change|unchanged)\s*[.!]?\s*$"
    # a bare result, the whole sentence or the worker's report of it: "No improvement.", "Minimal relief.", "Reports 50%
    # improvement in pain.", "He reports significant improvement in pain and sleep."
    r"|" + _LEAD_IN + r"(?:(?:about|approximately|approx\.?|~)\s*)?(?:\d{1,3}\s*%|no|minimal|little|some|good|significant|partial|mild"
    r"|moderate|great|excellent|marked|slight|temporary|modest|no\s+significant|no\s+lasting)\s+(?:\w+\s+)?"
    r"(?:improvement|relief|benefit|help|change|response|reduction)\b(?:\s+(?:in|of|with)\s+(?:[\w/]+\s*){1,5})?\s*[.!]?\s*$"
    # the relief had after it: "He had roughly 70% relief starting two weeks after the procedure"
    r"|^\W*(?:the\s+)?(?:patient|pt|he|she|claimant)\s+(?:had|got|obtained|reported|reports)\s+(?:roughly|about|approximately|approx\.?|~|nearly"
    r"|over|only|maybe)?\s*\d{1,3}\s*(?:%|percent)\s+(?:relief|improvement|better|reduction)"
    # the worker felt better after it: "She felt better for a day or two after each visit"
    r"|^\W*(?:the\s+)?(?:patient|pt|he|she|claimant)\s+(?:felt|was\s+feeling)\s+(?:(?:much|somewhat|a\s+little|slightly)\s+)?"
    r"(?:better|stronger|no\s+better|no\s+different|worse)\b",
    _I,
)
#: A template's field for the course's result: "Outcome: no improvement.", "Response - partial", "Result: helped".
_LABEL = re.compile(
    r"^\W*(?:outcome|result|response|effect|benefit|(?:(?:PT|therapy|therapist'?s?)\s+)?discharge\s+(?:summary|note|report))\s*[:=-]", _I
)
#: A result only hoped for, planned or doubted is not one told.
_NOT_TOLD = re.compile(
    r"\b(?:will|would|could|should|may|might|hope\w*|expect\w*|unclear|uncertain|unsure|unknown|not\s+sure|whether|if)\b", _I
)
#: Where the words of a sentence stop speaking of what opened it ("... but his wife's care", "; MRI ...").
_CLAUSE = re.compile(r";|\.(?:\s|$)")


def read_followup_effects(sentences: list[Sentence], ctx: Context) -> None:
    """Each prior course whose own sentence tells no effect, read from the next sentence (module docstring)."""
    position = {id(s): n for n, s in enumerate(sentences)}
    for entry in ctx.draft.treatments.values():
        kind = entry.get("kind")
        if kind == "medication" or kind not in _NOUN_BY_KIND:
            continue
        for ev in list(entry.get("evidence", [])):
            if (clause := _clause_after(ev, entry, sentences, ctx)) is not None:
                follow, start, said = clause
            elif (nxt := _next_sentence(ev, entry, sentences, position, ctx)) is not None:
                follow, said = nxt
                start = 0
            else:
                continue
            brief_fails = kind not in ("modality", "other") and entry.get("service") not in BRIEF_BY_DESIGN
            changed = False
            if entry.get("effect") == "unknown" and (effect := course_effect(said, brief_fails=brief_fails)) != "unknown":
                entry["effect"] = effect
                changed = True
            if (kind not in ("modality",) and entry.get("service") not in BRIEF_BY_DESIGN
                    and entry.get("temporary") != "yes"
                    and (relief_ended(said) or (entry.get("effect") == "improved" and relief_bounded(said)))):
                entry["temporary"] = "yes"
                changed = True
            if changed:
                add_evidence(entry["evidence"], follow.evidence(start, start + len(said)))
                break


#: A pronoun that may point back at every course told before it: "PT x 12 and chiro x 6; both helped for a few hours".
_PLURAL = re.compile(r"\W*(?:\w+\W+){0,6}?(?:they|these|those|both|all|each|neither|none)\b", _I)
#: Words that point at every course of a list, told in a sentence of its own: "None of these helped.", "All provided
#: temporary relief.", "She reports no improvement with either." ("they" may be the last course's alone: "PT, then 3 ESIs.
#: They helped.").
_EVERY = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:all|both|each|neither|none)\b(?!\s+(?:day|night|week|morning|the\s+time))"
    r"|\b(?:with|from|of)\s+(?:either|any\s+of\s+(?:them|these|those)|both|all\s+of\s+(?:them|these|those)|each)\s*[.!]?\s*$",
    _I,
)
#: A bare result said of every course of the list before it: "She reports no improvement with either."
_EVERY_RESULT = re.compile(
    _LEAD_IN + r"(?:no|minimal|little|some|good|significant|partial|temporary|no\s+significant|no\s+lasting)\s+(?:\w+\s+)?"
    r"(?:improvement|relief|benefit|help|change|response)\s+(?:with|from)\s+(?:either|any\s+of\s+(?:them|these|those)|both"
    r"|all\s+of\s+(?:them|these|those)|each)\b",
    _I,
)


def _clause_after(
    ev: Evidence | None, entry: dict[str, Any], sentences: list[Sentence], ctx: Context,
) -> tuple[Sentence, int, str] | None:
    """The clause after a semicolon in the course's own sentence that points back at it ("He had 24 chiropractic visits;
    they help for a few days each time"): the sentence, where the clause starts and its words. Other care may be named
    in between only when the pronoun points at all of it ("both", "they"); a drug named in between, never."""
    if ev is None or (found := quote_sentence(ev, sentences)) is None:
        return None
    own, end = found
    if own.section == "plan":
        return None
    semi = own.text.find(";", end)
    if semi < 0:
        return None
    stop = _CLAUSE.search(own.text, semi + 1)
    said = own.text[semi + 1 : stop.start() if stop else len(own.text)]
    if not _PRONOUN.match(said) or _NOT_TOLD.search(said):
        return None
    between = own.text[end:semi]
    service = entry.get("service")
    named = [m for m in ctx.vocab.mentions(between, ("service", "product", "ingredient")) if not is_the_patient(between[m.start : m.end])]
    if any(m.category != "service" for m in named) or (any(m.key != service for m in named) and not _PLURAL.match(said)):
        return None  # a drug in between, or another care while "it" may be that one
    if [m for m in ctx.vocab.mentions(said, ("service", "product", "ingredient")) if not is_the_patient(said[m.start : m.end])]:
        return None  # the clause names care or a drug of its own: its result is that one's
    return own, semi + 1, said


#: A line that goes on with the sentence before it, which a line break cut: "Chiro x 8 (2016)" / "- no change.", "...
#: 12 visits 2013 -" / "no help | ...", "... and 6 chiropractic visits this winter;" / "both helped for a few hours".
_GOES_ON = re.compile(r"^\s*(?:[-\u2013\u2014]+>?\s*)?(?=[a-z\"'(])|^\s*[-\u2013\u2014]+>?\s+")
#: Where a continued line's words about the course end: a clause's end or a table's cell.
_CELL = re.compile(r";|\||\.(?:\s|$)")


def _next_sentence(
    ev: Evidence | None, entry: dict[str, Any], sentences: list[Sentence], position: dict[int, int], ctx: Context,
) -> tuple[Sentence, str] | None:
    """The sentence after the one quoting *ev*, when it points back at the course and speaks of nothing else, with its
    words that do; or the line that goes on with the course's own sentence, which a line break cut (`_GOES_ON`)."""
    if ev is None:
        return None
    found = quote_sentence(ev, sentences)
    if found is None:
        return None
    own, end = found
    if own.section == "plan":
        return None
    service = entry.get("service")
    rest = own.text[end:]
    n = position.get(id(own))
    if n is None or n + 1 >= len(sentences):
        return None
    follow = sentences[n + 1]
    if follow.section == "plan" or follow.section != own.section or follow.item != own.item or follow.source != own.source:
        return None
    # the course's own sentence left open (no full stop; a semicolon ends no sentence) and the next line going on with it
    tail = own.text.rstrip()
    goes_on = tail.endswith(";") or (tail[-1:] not in ".!?:" and bool(_GOES_ON.match(follow.text)))
    others = [m for m in ctx.vocab.mentions(rest, ("service",)) if m.key != service and not is_the_patient(rest[m.start : m.end])]
    cut = (_CELL if goes_on else _CLAUSE).search(follow.text)
    said = follow.text[: cut.start()] if cut else follow.text
    if others and not (tail.endswith(";") and _PLURAL.match(said)) and not (
            _EVERY.search(said) and not ctx.vocab.mentions(rest, ("product", "ingredient"))):
        return None  # another care named after the course: "it" may be that one (not "...; both helped", "None of these helped.")
    if _NOT_TOLD.search(said):
        return None
    names = [m for m in ctx.vocab.mentions(said, ("service", "product", "ingredient"))
             if not is_the_patient(said[m.start : m.end])]  # "Pt states it helped": the patient
    if any(m.key != service for m in names):
        return None  # another care or a drug: the result is that one's
    if names:
        return None  # the course named again: its own sentence, which the course readers read
    if goes_on and not tail.endswith(";") and not others and rest.strip(" -\u2013\u2014") == "" and course_effect(said) != "unknown":
        return follow, said  # "Chiro x 8 (2016)" / "- no change.": the words after the course's name, on the next line
    noun = _NOUN_BY_KIND[str(entry.get("kind"))]
    pointed = (_PRONOUN.match(said) or re.match(_LEAD_IN + noun + r"\b", said, _I) or _OUTCOME.match(said) or _LABEL.match(said)
               or _EVERY_RESULT.match(said))
    return (follow, said) if pointed else None
