"""Physical examination findings: spasm, trigger points, tenderness, neurological deficits, radiculopathy.

Findings count only in examination sentences: one that says it reports an exam
("Examination of the lumbar spine revealed ...", "On exam", "on physical examination"),
or the sentence right after one that goes on with findings ("... spasm was also
noted"). "Soma for spasms" in a treatment plan is an indication, not an exam finding.
"""

from __future__ import annotations

import re

from .context import Context
from .dates import find_dates
from .findings import read_cue, record
from .negation import polarity
from .sentences import Sentence
from .word_gate import among, finditer, search

_I = re.IGNORECASE
_EXAM = re.compile(
    r"\bexam(?:ination|ined)?s?\b|\brevealed\b|\bdemonstrated\b|\bpalpation\b|\bon\s+inspection\b|\bphysical\s+findings\b"
    r"|\bstraight[- ]leg[- ]rais|(?-i:\bSLR\b)|\bSpurling",  # a sign named makes the sentence an examination's
    _I,
)
#: Sensory loss as examiners write it: "decreased LT", "diminished pinprick", "Sensation: mildly decreased".
_SENSORY_LOSS = (
    r"(?:decreased|diminished|reduced|absent|impaired|dec|decr)\.?\s+(?:(?-i:LT|PP)|light[- ]touch|pin[- ]?prick|sensation|sens\b)"
    r"|(?:sensation|sens)\.?\s*:?\s+(?:is\s+|was\s+)?(?:(?:slightly|mildly|markedly|moderately|patchy)\s+)?"
    r"(?:decreased|diminished|reduced|absent|impaired)"
)

CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("exam.muscle_spasm", re.compile(r"\b(?:muscle\s+)?spasms?\b|\bspasticity\b", _I)),
    ("exam.trigger_points", re.compile(r"\btrigger\s+points?\b(?!\s+injections?)", _I)),
    ("exam.tenderness", re.compile(r"(?<!non-)(?<!non\s)\btender(?:ness)?\b|\bTTP\b", _I)),
    # the trigger point's signs on palpation (CPMTG p. 122): "taut band with local twitch response", "+ LTR"
    ("exam.trigger_point_twitch_response", re.compile(r"\b(?:local\s+)?twitch(?:\s+(?:response|sign))?\b|(?-i:\bLTRs?\b)", _I)),
    (
        "exam.neurological_deficit",
        re.compile(
            r"\bneuro(?:logic(?:al)?)?\s+deficits?\b|\b(?:motor|sensory)\s+deficits?\b"
            r"|\b(?:decreased|diminished|reduced|absent|dec|decr|dim|\u2193)\.?\s+(?:sensation|strength|reflex(?:es)?|DTRs?|sens)\b"
            r"|\b(?:sensation|sens)\.?\s+(?:decr|dec|dim|\u2193)\.?(?=\s+(?:to\s+\w+\s+)?(?:over\s+|in\s+)?(?:the\s+)?(?:left\s+|right\s+|L\s+|R\s+)?[LCS]\d)"
            r"|\bhyp(?:o|er)esthesia\b|\b(?:weakness|numbness)\s+(?:in|of|at)\s+(?:the\s+)?(?:[LRS]\d|EHL|dorsiflex|plantar|grip|wrist|thumb)"
            # the sensory or reflex loss named the other way round: "Sensation: slightly diminished L great toe",
            # "decreased LT sensation R C6 dermatome", "diminished R biceps reflex"
            r"|\bsensation\s*:?\s+(?:is\s+|was\s+)?(?:slightly\s+|mildly\s+|markedly\s+)?(?:decreased|diminished|reduced|absent|impaired|altered)\b"
            r"|\b(?:decreased|diminished|reduced|absent|impaired)\s+(?:LT|light[- ]touch|pinprick|PP|vibratory|vibration)\s+sensation\b"
            # the modality named without "sensation", either way round: "Decreased pinprick R lateral foot", "Decreased LT L
            # L5 dermatome", "Light touch slightly decreased right thumb", "Sensation to light touch decreased in the index",
            # "Sensation: patchy decreased L lateral calf"
            r"|\b(?:decreased|diminished|reduced|absent|impaired|dec|decr|\u2193)\.?\s+(?:(?-i:LT|PP)|light[- ]touch|pin[- ]?prick"
            r"|vibrat(?:ion|ory)(?:\s+sense)?|two[- ]point\s+discrimination|(?-i:2PD))\b"
            r"|\b(?:(?-i:LT|PP)|light[- ]touch|pin[- ]?prick|sensation|sens)\.?(?:\s+to\s+(?:(?-i:LT|PP)|light[- ]touch|pin[- ]?prick))?\s*:?\s+"
            r"(?:is\s+|was\s+)?(?:patchy\s+|slightly\s+|mildly\s+|markedly\s+|moderately\s+|subjectively\s+)?"
            r"(?:decreased|diminished|reduced|absent|impaired|altered)\s+(?:in|over|at|along|to|on)?\s*(?:the\s+)?"
            r"(?:(?:left|right|L|R|bilat\w*)\s+)?(?:[LCS]\d|thumb|index|middle|ring|small|little|digits?|fingers?|fingertips?|toes?|great|foot|feet"
            r"|hand|lateral|medial|dorsal|dorsum|plantar|calf|shin|thigh|forearm|arm|median|ulnar|radial|sural|saphenous|peroneal|web)"
            # a reflex graded low with its side named first: "R Achilles 1+, L 2+"
            r"|\b(?:R|L|right|left)\s+(?:biceps|triceps|brachioradialis|patellar|Achilles|ankle|knee)\s+(?:reflex(?:es)?\s+|jerks?\s+|DTRs?\s+)?"
            r"(?:0|1\+|trace)(?=[^.;]{0,30}\b2\+)"
            r"|\b(?:decreased|diminished|reduced|absent)\s+(?:(?:left|right|L|R)\s+)?(?:biceps|triceps|brachioradialis|patellar|Achilles|ankle|knee)\s+(?:reflex|jerk|DTR)"
            # a reflex graded low on one side, or reflexes said to differ: "Patellar reflex 1+ on the right, 2+ on the left"
            r"|\b(?:biceps|triceps|brachioradialis|patellar|Achilles|ankle|knee)\s+(?:reflex(?:es)?|jerks?|DTRs?)\s*:?\s*(?:is\s+)?"
            r"(?:0|1\+|trace|absent)\s+(?:on\s+the\s+)?(?:left|right|L|R)\b(?=[^.;]{0,30}\b2\+)"
            r"|\basymmetric(?:al)?\s+(?:reflexes|DTRs)\b"
            r"|\b(?:biceps|triceps|brachioradialis|patellar|Achilles|ankle|knee)\s+(?:reflex(?:es)?|jerks?|DTRs?)\s+(?:is\s+|was\s+)?"
            r"(?:absent|diminished|decreased|reduced|hypoactive)\b",
            _I,
        ),
    ),
    (
        "exam.radiculopathy",
        re.compile(
            r"\bpositive\s+straight[- ]leg[- ]rais(?:e|ing)\b|\bstraight[- ]leg[- ]rais(?:e|ing)(?:\s+test)?\s+(?:is|was|were)\s+positive\b"
            r"|\bradicular\s+(?:signs|findings)\b|\bdermatomal\s+(?:sensory\s+)?(?:loss|deficit)"
            r"|\b(?:\+|pos(?:itive)?\.?)\s*(?:seated\s+|supine\s+)?SLR\b|\bSLR\s*(?:\+|pos(?:itive)?\b)"
            r"|\bSLR\s+(?:is\s+|was\s+)?(?:positive|\+)|\b(?:positive|\+)\s+Spurling|\bSpurling'?s?\s+(?:test\s+)?(?:positive|\+)"
            r"|\b(?:decreased|diminished|reduced)\s+sensation\s+(?:in\s+|of\s+|along\s+|over\s+)?(?:the\s+)?(?:left\s+|right\s+|L\s+|R\s+)?[LCS]\d\b"
            r"|\bsensation\s+(?:is\s+|was\s+)?(?:decreased|diminished|reduced|absent)\s+(?:to\s+\w+\s+)?(?:in\s+|over\s+|along\s+)?(?:the\s+)?"
            r"(?:left\s+|right\s+|L\s+|R\s+)?[LCS]\d\s+dermatome"
            # the root named right after, without the word: "Sensation decreased L C6", "sensation diminished R L5"
            r"|\bsensation\s+(?:is\s+|was\s+)?(?:decreased|diminished|reduced|absent)\s+(?:to\s+\w+\s+)?(?:in\s+|over\s+|along\s+)?(?:the\s+)?"
            r"(?:left\s+|right\s+|L\s+|R\s+)?[LCS][1-8]\b(?!\s*-)"
            # the sensory loss over an area, its root in brackets after it: "Decreased pinprick over the left medial leg (L4)",
            # "Sensation: decreased LT L dorsum of foot (L5)", "Hypoesthesia radial forearm, right (C6 distribution)"
            rf"|\b(?:{_SENSORY_LOSS}|hyp(?:o|aes|es)?esthesia|hypalgesia)"
            r"[^.;()]{0,60}\((?:[LCS][1-8])(?:\s+(?:distribution|dermatome|root))?\)",
            _I,
        ),
    ),
)


#: The sensory loss over the part of the foot or leg one lumbosacral root supplies: "Diminished light touch over the
#: first web space" (L5), "Decreased pinprick R lateral foot and sole" (S1), "... L medial shin" (L4): a root sign
#: (CPMTG p. 46), unless the note doubts it ("patchy decreased L lateral foot, inconsistent on retest").
_ROOT_AREA_SENSORY = re.compile(
    rf"\b(?:{_SENSORY_LOSS})"
    r"[^.;]{0,40}?\b(?:(?:first|1st)\s+web\s+space|dorsum\s+of\s+(?:the\s+)?(?:left\s+|right\s+)?foot|dorsal\s+(?:aspect\s+of\s+(?:the\s+)?)?foot"
    r"|lateral\s+(?:aspect\s+of\s+(?:the\s+)?)?(?:foot|calf|lower\s+leg)|sole|medial\s+(?:aspect\s+of\s+(?:the\s+)?)?(?:shin|lower\s+leg|leg)"
    r"|(?:great|big)\s+toe)\b",
    _I,
)
_DOUBTED = re.compile(r"\b(?:inconsistent|equivocal|non-?dermatomal|non-?physiologic(?:al)?|non-?anatomic(?:al)?|variable|give[- ]way)\b", _I)


def _root_area_sensory(s: Sentence, ctx: Context) -> bool:
    """Sensory loss over a lumbosacral root's area of the foot or leg, as radiculopathy on examination."""
    if _DOUBTED.search(s.text):
        return False
    return read_cue(s, ctx, "exam.radiculopathy", _ROOT_AREA_SENSORY, negated=None, undocumented=False, observation=True)


#: The nerve-tension signs, read with the answer written beside them: "SLR + on L at 40 deg",
#: "Straight leg raise positive on the left", "negative SLR bilaterally", "Spurling's maneuver is positive".
_TENSION_SIGN = re.compile(
    r"\b(?:(?:crossed\s+|seated\s+|supine\s+)?straight[- ]leg[- ]rais(?:e|ing)(?:\s+tests?|\s+testing|\s+signs?)?"
    r"|(?:crossed\s+|seated\s+|supine\s+)?SLRs?|Spurling(?:'s)?(?:\s+(?:maneuver|manoeuvre|test|sign))?"
    r"|(?:prone\s+)?femoral\s+(?:nerve\s+)?(?:stretch|tension)(?:\s+(?:test|sign))?)",
    _I,
)
#: The side and the angle may stand between the sign and its answer: "SLR: L + at 30 deg", "Straight leg raise on the
#: right is positive", "Spurling's mildly positive on the right", "SLR R 40 deg (+)".
_SIDE = r"(?:(?:on\s+(?:the\s+)?)?(?:left|right|(?-i:L|R|B/?L)|bilat(?:erally)?)\b\s*:?\s*)"
_ANSWER = (r"(?:is\s+|was\s+|were\s+|are\s+)?(?:(?:mildly|moderately|strongly|markedly|clearly|very)\s+)?"
           r"(?:(?:at\s+)?\d{1,3}\s*(?:deg(?:rees?)?\b|\u00b0)\s*)?")
_SIGN_AFTER = re.compile(  # the answer may follow as a field's value: "SLR: positive L", "Spurling's test: neg"
    rf"\s*(?:test\s*)?:?\s*{_SIDE}?{_ANSWER}"
    r"(?:(?P<yes>positive|pos\b|\(\+\)|\+|reproduc\w+)|(?P<no>negative|neg\b|-(?!\d)|\(-\)))", _I
)
#: The other side answered next, after a negative one: "SLR R neg, L + at 40".
_OTHER_SIDE_YES = re.compile(rf"\s*[,;]\s*(?:and\s+)?{_SIDE}{_ANSWER}(?:positive|pos\b|\(\+\)|\+)", _I)
_SIGN_BEFORE = re.compile(r"(?:(?P<yes>positive|pos\.?|\+|\(\+\))|(?P<no>negative|neg\.?|\(-\)))\s*$", _I)
#: The limbs a neurological examination is told of: "LE", "BUE", "bilateral lower extremities", "upper limbs".
_LIMBS = r"(?:(?-i:B?[LU]Es?)|(?:bilateral\s+)?(?:upper|lower)\s+(?:extremit(?:y|ies)|limbs?))(?![\w-])"
#: A normal neurological examination documents that there is no deficit.
_NEURO_INTACT = re.compile(
    r"\bneuro(?:logic(?:al)?)?\s+(?:exam(?:ination)?|status|findings)\s+(?:is\s+|was\s+|were\s+)?(?:grossly\s+)?"
    r"(?:unchanged\s*(?:/|and|,)\s*)?(?:intact|normal|non-?focal|unremarkable|within\s+normal\s+limits)\b|\bneurologically\s+intact\b"
    r"|\b(?:sensation|sensory(?:\s+exam(?:ination)?)?|light\s+touch)\s+(?:is\s+|was\s+)?(?:grossly\s+)?(?:intact|normal)\b"
    r"|\b(?:motor|strength|motor\s+strength)\s+(?:is\s+)?5/5\b(?!\s*(?:except|but|other\s+than))"
    r"|\b(?:DTRs?|reflexes|deep\s+tendon\s+reflexes)\s+(?:are\s+)?(?:2\+\s+)?(?:and\s+)?symmetric(?:al)?\b"
    # reflexes graded normal with no side set apart: "DTRs 2+.", "Reflexes 2+ throughout"
    r"|\b(?:DTRs?|reflexes|deep\s+tendon\s+reflexes)\s*:?\s+(?:are\s+)?2\+(?:\s+(?:and\s+)?(?:bilat\w*|throughout|equal|=))?"
    r"(?=\s*(?:[.;,]|$))"
    # every part of a terse neuro line said normal: "Motor/sensory/reflexes/coord/gait normal"
    r"|\bmotor\s*/\s*sensory(?:\s*/\s*[\w.]+){0,4}\s+(?:exam\s+)?(?:(?:is|are|was|were)\s+)?(?:grossly\s+)?(?:intact|normal|WNL|nl)\b"
    # a terse exam line or a pair of systems said normal: "Neuro: grossly intact", "Motor and sensory exam normal"
    r"|\bneuro(?:logic(?:al)?)?\s*:\s*(?:grossly\s+)?(?:intact|normal|WNL|non-?focal|nonfocal)\b"
    # "Neuro intact in the LEs", "Neurovascularly intact distally"
    r"|\bneuro(?:logic(?:al)?|vascular(?:ly)?|vasc)?\s+(?:grossly\s+)?intact\b|(?-i:\bNV)\s+intact\b|(?-i:\bNVI\b)"
    r"|\b(?:motor\s+(?:and|&|/)\s+sensory|sensory\s+(?:and|&|/)\s+motor)\s+(?:exam(?:ination)?s?\s+)?(?:(?:is|are|was|were)\s+)?"
    r"(?:grossly\s+)?(?:intact|normal|WNL)\b"
    # the examination named with its region or the word "exam" between: "Neuro LE grossly intact", "Neuro nl BUE", "neurologic
    # exam of the lower extremities is normal", "distal neurovascular examination intact", "Neuro upper extremities: normal"
    rf"|\bneuro(?:logic(?:al)?|vascular|vasc)?\s+(?:exam(?:ination)?\s+)?(?:of\s+(?:the\s+|both\s+)?)?{_LIMBS}\s*:?\s+"
    r"(?:exam(?:ination)?\s+)?(?:(?:is|are|was|were)\s+)?(?:grossly\s+)?(?:intact|normal|nl|WNL|non-?focal)\b"
    rf"|\bneuro(?:logic(?:al)?)?\s+(?:nl|normal|WNL)\s+(?:(?:in\s+)?(?:the\s+|both\s+)?){_LIMBS}"
    r"|\bneurovascular\s+exam(?:ination)?\s+(?:(?:is|was)\s+)?(?:grossly\s+)?(?:intact|normal)\b",
    _I,
)


#: Sentences in a row with no finding that an examination may hold before it is taken to have ended.
_EXAM_GAP = 2


#: Tenderness denied in one word: "Nontender lumbar spine", "non-tender to palpation".
_NONTENDER = re.compile(r"\bnon-?\s?tender\b", _I)


def read_exam(sentences: list[Sentence], ctx: Context) -> None:
    """Examination findings, in the examination's sentences: from an exam cue on, while findings keep coming.

    A dictated examination runs over several sentences, some with nothing this reader knows
    ("Range of motion: flexion 40 degrees."); up to _EXAM_GAP such sentences in a row, in the same
    section and undated, do not end it.
    """
    in_exam = False
    gap = 0
    section: str | None = None
    for s in sentences:
        cue = bool(search(_EXAM, s.text)) or s.section == "objective" or bool(search(_NEURO_INTACT, s.text))
        continues = in_exam and s.section == section and not find_dates(s.text, years=False)
        if cue or continues:
            found = False
            for path, pattern in among(CUES, s.text, 1):
                found |= read_cue(s, ctx, path, pattern, observation=True)
            found |= _tension_signs(s, ctx)
            found |= _root_area_sensory(s, ctx)
            found |= _strength_grades(s, ctx)
            for m in finditer(_NEURO_INTACT, s.text):
                record(s, ctx, "exam.neurological_deficit", "no", m)
                found = True
            for m in finditer(_NONTENDER, s.text):
                record(s, ctx, "exam.tenderness", "no", m)
                found = True
            gap = 0 if cue or found else gap + 1
            in_exam, section = gap <= _EXAM_GAP, s.section
        else:
            in_exam = False


#: A muscle graded below full strength: "4/5", "3+/5". ("5-/5", just short of full, is no clear sign: the corpus
#: keys read it so after a knee operation and in a painful shoulder.)
_WEAK_GRADE = re.compile(r"\b[0-4](?:\+|-)?/5\b")
#: A grade that is no neurological sign (corpus README, "Key conventions"): weakness limited by pain, a rotator
#: cuff's tendon tested ("empty can + w/ weakness 4/5", "supraspinatus 4/5 w/ pain"), Waddell's signs counted of 5.
#: A rotator cuff tendon or motion tested, named before or after the grade: "supraspinatus 4/5", "4/5 ER".
_CUFF_TESTED = r"supraspinatus|infraspinatus|subscapularis|(?-i:ER|IR)|external\s+rotation|internal\s+rotation"
#: The muscles of an injured knee graded: weak from disuse or the joint's pain, not from a root ("Quad 4/5 L, VMO atrophy").
_JOINT_MUSCLE = r"quad(?:ricep)?s?|VMO|vastus\s+medialis|hamstrings?"
_NOT_NEURO_BEFORE = re.compile(
    r"\b(?:waddell\w*|empty\s+can|jobe|teres\s+minor|rotator\s+cuff|lift[- ]off|belly[- ]press"
    rf"|{_CUFF_TESTED}|{_JOINT_MUSCLE})\b[^.;,]{{0,30}}$",
    _I,
)
#: A shoulder test that reproduces pain and weakness, its grade after a comma: "Jobe empty-can ... with weakness, 4-/5".
_PAINFUL_TEST_BEFORE = re.compile(r"\b(?:empty[- ]can|jobe|drop[- ]arm)\b[^.;]{0,50}\bpain\b[^.;/]{0,25}$", _I)
#: A root or a nerve named in the sentence: a knee muscle's weakness may then be the root's ("L3-4: quad 4/5").
_ROOT_NAMED = re.compile(r"\b[LC][1-8]\b|\bradicul\w*|\bfemoral\s+n(?:erve)?\b|\bdermatom\w*|\bmyotom\w*", _I)
#: A grade told of before: "(L EHL was 4/5 pre-op)", "previously 4/5 before the decompression".
_GRADE_BEFORE_NOW = re.compile(r"\b(?:was|were|previously|prior|initially|pre-?op(?:eratively)?)\s+(?:\w+\s+)?$", _I)
_GRADE_THEN = re.compile(r"\s*(?:\w+\s+){0,1}(?:pre-?op(?:eratively)?|before\s+(?:the\s+)?(?:surgery|operation|decompression|repair)|at\s+intake|initially)\b", _I)
_PAIN_LIMITED = re.compile(  # matched at the grade's end
    r"[^.;]{0,16}?\b(?:w/|with|for|due\s+to|2/2|limited\s+by|secondary\s+to|d/t)\s+(?:\w+\s+)?(?:pain|guarding)\b"
    r"|\s*\(?(?:pain[- ]limited|give[- ]way|effort)"
    rf"|\s*(?:\w+\s+)?(?:{_CUFF_TESTED})\b",
    _I,
)
#: A leg muscle one lumbosacral root supplies, graded just after it ("L EHL 4+/5", "right gastroc-soleus 4/5", "ankle DF 4/5")
#: or just before it ("4/5 EHL"): its weakness is a myotome's, a root sign rather than a joint's.
_ROOT_MUSCLE = (r"(?:(?-i:EHL|TA|DF)|extensor\s+hallucis(?:\s+longus)?|tibialis\s+anterior|(?:ankle\s+|foot\s+)?dorsiflex\w*"
                r"|(?:ankle\s+)?plantar\s*flex\w*|gastroc\w*(?:[- ]soleus)?|hip\s+abduct\w*|great\s+toe\s+extens\w*)")
_ROOT_MUSCLE_BEFORE = re.compile(rf"\b{_ROOT_MUSCLE}\b(?:\s+(?:strength|on\s+the\s+(?:left|right)))?(?:\s+(?:left|right|(?-i:L|R)))?\s*:?\s*$", _I)
_ROOT_MUSCLE_AFTER = re.compile(rf"\s+(?:(?:left|right|(?-i:L|R))\s+)?{_ROOT_MUSCLE}\b", _I)
#: Two grades set before and after ("Quad MMT 3+/5 -> 4/5"): a muscle recovering in therapy, not a neurological sign.
_CHANGE = re.compile(r"->|\u2192|=>")


def _strength_grades(s: Sentence, ctx: Context) -> bool:
    """A strength grade below 5/5 is a motor deficit, unless it is a measure tracked across visits."""
    if "/5" not in s.text or _CHANGE.search(s.text):
        return False
    found = False
    for m in finditer(_WEAK_GRADE, s.text):
        before = s.text[max(0, m.start() - 60) : m.start()]
        joint = _NOT_NEURO_BEFORE.search(before)
        if joint and re.fullmatch(_JOINT_MUSCLE, joint.group().split()[0].rstrip(":"), _I) and _ROOT_NAMED.search(s.text):
            joint = None  # "L3-4: quad 4/5 on the left": the root's weakness
        if joint or _PAIN_LIMITED.match(s.text, m.end()) or _PAINFUL_TEST_BEFORE.search(before):
            continue
        if _GRADE_BEFORE_NOW.search(before) or _GRADE_THEN.match(s.text, m.end()):
            continue  # a grade of before the operation or at intake: not the examination of today
        if polarity(s.text, m.start(), m.end(), observation=True) == "affirmed":
            record(s, ctx, "exam.neurological_deficit", "yes", m)
            if _ROOT_MUSCLE_BEFORE.search(before) or _ROOT_MUSCLE_AFTER.match(s.text, m.end()):
                record(s, ctx, "exam.radiculopathy", "yes", m)  # a myotome's weakness: a root sign (CPMTG p. 46)
            found = True
    return found


def _tension_signs(s: Sentence, ctx: Context) -> bool:
    """Straight-leg raise and Spurling's sign as positive (radiculopathy on exam) or negative (none)."""
    found = False
    for m in finditer(_TENSION_SIGN, s.text):
        after = _SIGN_AFTER.match(s.text, m.end())
        before = _SIGN_BEFORE.search(s.text, max(0, m.start() - 12), m.start())
        sign = after or before
        if sign is None:
            continue
        crossed = m.group().lower().startswith("crossed")
        if sign.group("yes") or (after is not None and _OTHER_SIDE_YES.match(s.text, after.end())):
            record(s, ctx, "exam.radiculopathy", "yes", m)
            found = True
        elif not crossed:  # a negative crossed SLR says nothing of the straight one
            record(s, ctx, "exam.radiculopathy", "no", m)
            found = True
    return found
