"""Condition-level findings: acute exacerbation, sleep, mood, surgical candidacy, red flags, ...

Pain said to be unchanged ("no significant changes in ... pain since the last visit",
"pain level remained 8-10 out of 10") documents that there is no flare-up. GI risk
factors include an age over 65, read from the claimant's age.
"""

from __future__ import annotations

import re

from .context import Context
from .findings import read_cue, record
from .sentences import Sentence

_I = re.IGNORECASE
_STABLE_PAIN = re.compile(
    r"\bno\s+(?:significant\s+|major\s+)?changes?\s+in\s+(?:[\w']+\s+){0,6}?pain\b"
    r"|\bpain(?:\s+(?:level|score|intensity)s?)?\s+(?:has\s+|had\s+)?(?:remained|remains|was\s+unchanged|is\s+unchanged|unchanged|stable)\b"
    r"|\bunchanged\s+pain\b",
    _I,
)
CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "clinical.acute_exacerbation",
        re.compile(
            r"\b(?:acute\s+)?exacerbations?\b|\bflare(?:-?\s*ups?|d)?\b|\bacute\s+(?:worsening|increase\s+in\s+pain)\b",
            _I,
        ),
    ),
    (
        "clinical.sleep_disturbance",
        re.compile(
            r"\bpoor\s+(?:quality\s+of\s+)?sleep\b|\bsleep\s+(?:disturbances?|difficult(?:y|ies)|problems?|issues)\b|\binsomnia\b"
            r"|\b(?:difficulty|trouble)\s+sleeping\b|\bunable\s+to\s+sleep\b|\b(?:quality\s+of\s+)?sleep\s+(?:was|is|has\s+been)\s+poor\b",
            _I,
        ),
    ),
    (
        "clinical.depression_or_anxiety",
        re.compile(r"\bdepress(?:ion|ed|ive)\b|\banxiety\b|\banxious\b|\btearful\b|\bPTSD\b|\bpanic\s+attacks?\b", _I),
    ),
    (
        "clinical.surgical_candidate",
        re.compile(
            r"\b(?:surgical|surgery|operative)\s+candidate\b|\bcandidate\s+for\s+(?:\w+\s+)?(?:surgery|surgical\s+\w+)\b",
            _I,
        ),
    ),
    (
        "clinical.red_flags",
        re.compile(
            r"\bred\s+flags?\b|\bcauda\s+equina\b|\b(?:bowel|bladder)\s+(?:incontinence|dysfunction)\b|\bprogressive\s+neurologic",
            _I,
        ),
    ),
    (
        "clinical.conservative_care_failed",
        re.compile(
            r"\b(?:failed|failing|failure\s+of)\s+(?:[^.;]{0,25}?\s)?conservative\s+(?:care|treatment|management|therapy|measures)\b"
            r"|\bconservative\s+(?:care|treatment|management|therapy|measures)\b[^.;]{0,40}?\b(?:has\s+|have\s+|had\s+)?"
            r"(?:failed|been\s+exhausted|without\s+(?:lasting\s+|significant\s+|sustained\s+)?(?:relief|benefit|improvement))"
            r"|\b(?:failed|despite|refractory\s+to|unresponsive\s+to|persist\w*\s+despite"
            r"|(?:has|have|had|did)\s+not\s+respond(?:ed)?\s+(?:adequately\s+|well\s+)?to)\s+(?:\w+\s+){0,3}?"
            r"(?:PT|physical\s+therapy|therapy|NSAIDs?|medications?|injections?|chiropractic|acupuncture|HEP|home\s+exercise"
            r"|exercises?)\b",
            _I,
        ),
    ),
    (
        "clinical.dyspepsia",
        re.compile(
            r"\bdyspepsia\b|\b(?:acid\s+)?reflux\b|\bGERD\b|\bgastritis\b|\bheartburn\b|\bGI\s+(?:upset|symptoms|complaints|distress)\b"
            r"|\bepigastric\s+(?:pain|discomfort|burning)\b|\bstomach\s+(?:upset|discomfort|burning)\b|\bupset\s+stomach\b",
            _I,
        ),
    ),
    (
        "clinical.neuropathic_pain",
        re.compile(
            r"\bradiat(?:es|ing|ion)\s+(?:pain\s+)?(?:in)?to\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:legs?|arms?|buttocks?|thighs?|calf|calves|feet|foot|hands?|fingers?|toes?|shoulder\s+blade|LE|UE|LLE|RLE|LUE|RUE)\b"
            r"|\bradicular\s+(?:pain|symptoms|complaints)\b|\bsciatica\b|\bparesthesias?\b|\bburning\s+(?:pain|sensation)\b"
            r"|\bneuropathic\s+pain\b|\bshooting\s+pain\b|\bnumbness\s+(?:and|&|/)\s+tingling\b",
            _I,
        ),
    ),
    ("clinical.home_exercise_program", re.compile(r"\bhome\s+exercise(?:\s+program)?\b|(?-i:\bHEP\b)", _I)),
    (
        "clinical.gi_risk_factors",
        re.compile(
            r"\b(?:peptic\s+)?ulcers?\b|\b(?:GI|gastrointestinal)\s+(?:bleed(?:ing)?|hemorrhage)\b|\banticoagula\w+\b"
            r"|\bcorticosteroids?\b",
            _I,
        ),
    ),
    (
        "clinical.nausea_from_opioids",
        re.compile(
            r"\bnausea\s+(?:from|due\s+to|secondary\s+to|with)\s+(?:the\s+)?(?:opioids?|opiates?|medications?)\b", _I
        ),
    ),
    (
        "clinical.pain_management_consult",
        re.compile(r"\b(?:evaluated|seen|reviewed|followed|managed)\s+by\s+(?:a\s+)?pain\s+management\b", _I),
    ),
)
GI_RISK_AGE = 65
#: The red-flag questions of a back or neck history; denied, they document no red flags (ACOEM Ch. 8 and 12).
_RED_FLAG_SCREEN = re.compile(
    r"\b(?:bowel|bladder|saddle\s+(?:an(?:a)?esthesia|numbness|paresthesia)|fevers?|chills|(?:unexplained\s+)?weight\s+loss"
    r"|night\s+(?:sweats|pain)|(?:hx|history)\s+(?:of\s+)?(?:cancer|malignancy)|IVDU|IV\s+drug\s+use)\b",
    _I,
)


def read_clinical(sentences: list[Sentence], ctx: Context) -> None:
    for s in sentences:
        for m in _STABLE_PAIN.finditer(s.text):
            record(s, ctx, "clinical.acute_exacerbation", "no", m)
        for path, pattern in CUES:
            read_cue(s, ctx, path, pattern)
        read_cue(s, ctx, "clinical.red_flags", _RED_FLAG_SCREEN, affirmed=None, undocumented=False)


def read_age_risk(ctx: Context) -> None:
    """An age over 65 is a GI risk factor for NSAIDs (CPMTG p. 68)."""
    d = ctx.draft
    if d.age is not None and d.age > GI_RISK_AGE and d.claimant_evidence:
        d.finding("clinical.gi_risk_factors", "yes", d.claimant_evidence[0])
