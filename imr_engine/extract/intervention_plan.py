"""An epidural injection or spine surgery planned or considered, as a plan tells it (round rules13).

The MTUS Low Back Disorders guideline (ACOEM 2016) images radicular pain of 4-6 weeks that is not improving
when the worker is a candidate for an invasive intervention: an epidural injection or surgery. Clinicians
tell that candidacy in the plan, most often tied to the study: "refer to PM&R for consideration of L4-5 ESI
depending on MRI", "will consider TFESI based on MRI findings", "candidate for epidural injection", "MRI
needed prior to planned ESI", "spine surgery consult pending MRI", "she would like to proceed with an
epidural if indicated". A course already given ("s/p L5-S1 ESI with 60% relief") is no plan; "not a
candidate for injections or surgery", "declines ESI" document the opposite.

Surgery named without a part counts only in a sentence that names no limb (a knee surgeon's opinion is not
the back's); an epidural or nerve-root block is of the spine by its name.
"""

from __future__ import annotations

import re

from ..requests.model import SPINAL_INTERVENTIONS
from .context import Context
from .findings import record
from .negation import polarity
from .sentences import Sentence
from .word_gate import finditer

_I = re.IGNORECASE
_LEVEL = r"(?:(?:bilateral|right|left|[RL]|lumbar|lumbosacral|cervical|caudal|transforaminal|interlaminar|TF|IL|repeat|a|an|the"
_LEVEL += r"|[LCST]\d(?:\s*[-/]\s*[LS]?\d)?(?:\s*(?:and|,|/)\s*[LS]\d(?:\s*[-/]\s*[LS]?\d)?)?)\s+){0,5}"
#: The spinal interventions: an epidural injection by any of its names, a nerve-root block, a spine operation.
_SPINAL = (
    rf"{_LEVEL}(?:epidural(?:\s+steroid)?(?:\s+(?:injections?|blocks?|shots?))?|(?:TF|L|C|IL)?ESIs?\b|SNRBs?\b"
    r"|(?:selective\s+)?nerve\s+root\s+blocks?|(?:micro)?discectomy|laminectomy|laminotomy|foraminotomy"
    r"|(?:spinal|lumbar|cervical)\s+(?:decompression|fusion)|(?:spine|spinal|back|neck)\s+surgery"
    r"|(?:spine|neuro)\s*surg(?:eon|ery|ical)(?:\s+(?:consult(?:ation)?|referral|evaluation|opinion))?|neurosurg\w*)"
)
_GENERIC = r"(?:surgery|surgical\s+(?:intervention|options?|treatment|consult(?:ation)?|referral|evaluation|opinion)|a\s+surgeon)"
#: The words that make the intervention a prospect rather than a course given.
_CONSIDER = (
    r"(?:consider(?:s|ed|ing|ation\s+(?:of|for))?|(?:a\s+|good\s+|possible\s+)?candidate\s+for|plan(?:s|ned|ning)?\s+(?:for|to|on)?"
    r"|would\s+(?:like\s+to\s+)?(?:do|have|try|proceed\s+with|benefit\s+from)|wants?\s+(?:to\s+(?:try|have|do|proceed\s+with)\s+)?"
    r"|wish(?:es)?\s+to\s+(?:try|have|proceed\s+with)|interested\s+in|agreeable\s+to|willing\s+to\s+(?:try|have|undergo)"
    r"|open\s+to|not\s+opposed\s+to|proceed\s+with|refer(?:red|ral)?\s+(?:to\s+[^.;]{0,40}?\s+)?for|discussed|evaluate\s+for"
    r"|may\s+(?:need|benefit\s+from)|will\s+(?:likely\s+|probably\s+)?(?:need|schedule|request|proceed\s+with))"
)
_TIED = (
    r"(?:depending\s+on|based\s+on|pending|(?:after|once)\s+(?:the\s+)?(?:MRI|imaging|study|results?)"
    r"|if\s+(?:the\s+)?(?:MRI|imaging|study|indicated)|to\s+be\s+considered"
    r"|under\s+consideration|is\s+(?:being\s+)?considered|planned|contemplated|as\s+(?:a\s+)?next\s+step)"
)
_ANY = rf"(?:{_SPINAL}|{_GENERIC})"
_PROSPECT = re.compile(
    rf"\b{_CONSIDER}\s+(?:[^.;]{{0,40}}?\s)??{_ANY}"
    rf"|\b{_ANY}\s+(?:[^.;]{{0,30}}?\s)??{_TIED}\b"
    rf"|\b(?:MRI|imaging|study)\s+(?:is\s+)?(?:needed|required|requested|ordered)\s+(?:prior\s+to|before|for)\s+(?:[^.;]{{0,30}}?\s)??{_ANY}",
    _I,
)
#: The worker is no candidate or refuses: "not a candidate for injections or surgery", "declines ESI".
_NOT = re.compile(
    rf"\bnot\s+(?:a\s+)?(?:good\s+)?candidate\s+for\s+(?:[^.;]{{0,30}}?\s)??{_ANY}"
    rf"|\b(?:declines?|declined|refuses|refused|does\s+not\s+want|doesn'?t\s+want|not\s+interested\s+in)\s+(?:any\s+)?"
    rf"(?:further\s+)?(?:[^.;]{{0,20}}?\s)??(?:{_ANY}|(?:spinal|spine|back|neck)\s+injections?|(?:invasive\s+)?interventions?)",
    _I,
)
#: A limb named in the sentence: a surgery without a part is then that limb's.
_LIMB = re.compile(
    r"\b(?:knee|shoulder|hand|wrist|elbow|hip|ankle|foot|feet|finger|thumb|carpal|cubital|rotator|menisc\w*|ACL|tunnel)\b", _I
)


def read_intervention_plan(sentences: list[Sentence], ctx: Context) -> None:
    """clinical.intervention_considered: yes for a spinal injection or surgery in prospect, no for one declined or ruled out."""
    for s in sentences:
        text = s.text
        limb = bool(_LIMB.search(text))
        for m in finditer(_NOT, text):
            if limb and not re.search(_SPINAL, m.group(), _I):
                continue
            record(s, ctx, "clinical.intervention_considered", "no", m)
        for m in finditer(_PROSPECT, text):
            if limb and not re.search(_SPINAL, m.group(), _I):
                continue
            if _NOT.search(text[max(0, m.start() - 30) : m.end()]):
                continue
            if polarity(text, m.start(), m.end()) == "negated":
                continue
            record(s, ctx, "clinical.intervention_considered", "yes", m)


def read_intervention_requested_here(ctx: Context) -> None:
    """An epidural injection or spine surgery requested in the note is one considered: its request line says so.

    Run once the note's request lines are quoted. As in engine/derive.py, the request outweighs a refusal of another
    intervention ("declines surgery" with an epidural requested).
    """
    for item, request in zip(ctx.items, ctx.draft.requests, strict=False):
        if item.service in SPINAL_INTERVENTIONS and request["evidence"]:
            ctx.draft.finding("clinical.intervention_considered", "yes", request["evidence"][0])
            return
