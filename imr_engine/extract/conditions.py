"""Diagnoses and presenting complaints, with the body regions they name.

Diagnoses come from their lead phrases ("Diagnoses have included ...", "the treating
physician diagnosis is ...", "undergoing treatment for ..."), complaints from "reported
/ presented with / complained of ... pain" (kept as one phrase, "low back pain and
right leg pain", as the case files keep them), psychological conditions from their
names where the summary affirms them, and indications from drug lists ("Frova for
headache") in `medications`. A bare "back" is refined when the summary names the spine
regions of the complaints ("her cervical and lumbar spine complaints").
"""

from __future__ import annotations

import re

from .anatomy import UNSPECIFIED_BACK, regions_in
from .context import Context
from .draft import add_evidence
from .lists import list_items
from .negation import polarity
from .planned import planned
from .sentences import Sentence
from .word_gate import finditer, search

_I = re.IGNORECASE
_DX_LEAD = re.compile(
    r"\bdiagnos(?:is|es)(?:\s+(?:(?:have|has)\s+)?(?:is|are|was|were|include[sd]?|including|included|of)\s*:?|\s*:)\s+"
    r"(?!(?:proved|proven|confirmed|made|established|supported|based|not|unclear|uncertain|correct|clear)\b)"
    r"|\b(?:undergoing|receiving)\s+treatment\s+for\s+|\b(?:being|been)\s+treated\s+for\s+|\bdiagnosed\s+(?:with|as(?:\s+having)?)\s+"
    r"|^(?:diagnos(?:is|es)|dx|impression)\s+(?=[A-Z]?\d{3}|[a-z])",  # dictated without a colon: "Diagnosis 715.16 primary ..."
    _I,
)
#: A list item that is only a modifier of the next one: "primary and post-traumatic osteoarthritis", "cervical and
#: lumbar strain" (split at "and" by the list reader).
_LONE_MODIFIER = re.compile(
    r"^(?:primary|secondary|acute|chronic|mild|moderate|severe|left|right|bilateral|cervical|thoracic|lumbar|lumbosacral"
    r"|upper|lower|medial|lateral|post-?traumatic|degenerative|traumatic)$",
    _I,
)
#: Where the diagnoses a lead names give way to the care, the course or what it came to: "diagnosed with lateral epicondylitis,
#: treated with physical therapy and six injections" ends at "treated".
_CARE_AFTER = re.compile(
    r"^(?:and\s+|then\s+)?(?:(?:was|were|is|has\s+been|had\s+been)\s+)?(?:treated|managed|seen|followed|underwent|undergoing"
    r"|referred|given|prescribed|started|received|had|which|who|that|with|without"
    # what the care came to, listed after the diagnoses: "..., failure of conservative treatment, and benefit from Synvisc"
    r"|failure|failed(?!\s+(?:back|neck|spine|lumbar|cervical|surgery|fusion))|benefit|relief|improvement|response"
    # a new clause about the plan: "..., and his orthopedic surgeon recommended arthroscopy, labrum repair and ..."
    r"|recommended|requested|asked|planned|ordered|proposed"
    r"|(?:his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:doctor|physician|surgeon|provider|therapist|specialist|orthopedist|neurosurgeon)s?)\b",
    _I,
)
_PAINISH = r"(?:pain|aches?|headaches?|numbness|tingling|stiffness|weakness)"
_COMPLAINT = re.compile(
    rf"\b(?:reported|reports|reporting|presented\s+with|presents\s+with|complained\s+of|complains\s+of|complaining\s+of"
    rf"|complaints?\s+of|c/o|(?:male|female|man|woman|patient|worker|employee|claimant)\s+with)\s+(?!that\b|no\b|not\b|any\b|some\b)(?P<what>[^,.;:]{{0,60}}?\b{_PAINISH}\b"
    rf"(?:\s+and\s+[^,.;:]{{0,30}}?\b{_PAINISH}\b)?)",
    _I,
)
_PSYCH = re.compile(
    r"\b(?P<what>depressive\s+symptoms|depression|anxiety(?:\s+disorder)?|post-?traumatic\s+stress\s+disorder|PTSD"
    r"|major\s+depressive\s+disorder)\b",
    _I,
)
#: Conditions that define a catastrophic claim, named where the note tells the injury rather than in a diagnosis list
#: (round cover10): "T4 complete paraplegia", "a neurogenic bladder", "L AKA after crush", "38% TBSA burns",
#: "hypertrophic scarring developing over R forearm", "complex regional pain syndrome type II of the right hand".
_NAMED_CONDITION = re.compile(
    r"\b(?P<what>(?:[CTL]\d{1,2}\s+)?(?:(?:complete|incomplete)\s+)?(?:paraplegia|tetraplegia|quadriplegia)"
    r"|(?:[CTL]\d{1,2}\s+)?(?:complete\s+|incomplete\s+)?spinal\s+cord\s+injury"
    r"|neurogenic\s+(?:bladder|bowel)(?:\s+and\s+(?:bladder|bowel))?"
    r"|(?:(?-i:[LR])|left|right|bilateral)\s+(?-i:AKA|BKA)"
    r"|(?:(?:left|right|bilateral)\s+)?(?:above|below)[- ]knee\s+amputation"
    r"|(?:(?:left|right|bilateral)\s+)?trans(?:tibial|femoral|radial|humeral)\s+amputation"
    r"|hypertrophic\s+(?:burn\s+)?scar(?:s|ring)?"
    r"|(?:partial|full)[- ]thickness\s+(?:and\s+(?:partial|full)[- ]thickness\s+)?burns"
    r"|complex\s+regional\s+pain\s+syndrome(?:\s+type\s+(?:II|I|1|2)\b)?"
    r"|(?-i:CRPS)(?:\s+type\s+(?:II|I|1|2)\b|\s+(?:II|I|1|2)\b)?"
    r"|(?:moderate|severe)\s+traumatic\s+brain\s+injury"
    # a polyneuropathy told in prose, which electrodiagnosis may have to tell apart from a radiculopathy
    r"|(?:diabetic|peripheral|sensory|length[- ]dependent)\s+(?:peripheral\s+)?(?:poly)?neuropathy|polyneuropathy)\b",
    _I,
)
#: A knee ligament or meniscus lesion told in prose, as a letter's summary or a note's history tells what a study or an
#: operation found (session 16): "arthroscopy ..., which showed laxity of the ACL", "a slip and fall with medial and
#: lateral meniscus tears", "MRI showed an ACL rupture". ACOEM Ch. 13 (p. 344-345) turns on these lesions.
_KNEE_LESION = re.compile(
    r"\b(?P<what>(?:(?:complete|partial|full[- ]thickness|chronic|acute)\s+)?"
    r"(?:(?-i:ACL|PCL)|(?:anterior|posterior)\s+cruciate(?:\s+ligament)?)[- ](?:tears?|ruptures?|laxity|insufficiency|deficiency)"
    r"|(?:laxity|insufficiency|(?:(?:complete|partial)\s+)?(?:tear|rupture))\s+of\s+the\s+(?:(?-i:ACL|PCL)|(?:anterior|posterior)\s+cruciate\s+ligament)"
    r"|torn\s+(?:(?:medial|lateral)\s+meniscus|(?-i:ACL|PCL)|(?:anterior|posterior)\s+cruciate\s+ligament)"
    r"|(?:(?:complex|radial|bucket[- ]handle|degenerative|flap)\s+)?(?:medial|lateral)(?:\s+and\s+(?:medial|lateral))?"
    r"\s+menisc(?:us|al)\s+tears?)\b",
    _I,
)
def _joint_oa(lower_case: bool) -> re.Pattern[str]:
    """The joint-osteoarthritis pattern; in a note typed in lower case "oa", "djd" and the side's letter count too."""
    cap = (lambda words: words) if lower_case else (lambda words: f"(?-i:{words})")
    joint = rf"(?:knees?|hips?|ankles?|wrists?|hands?|elbows?|thumbs?|(?:thumb\s+)?{cap('CMC')}(?:\s+joint)?|{cap('PF|patellofemoral')}(?:\s+joint)?)"
    side = rf"(?:{cap('[LR]')}|left|right|bilat(?:eral)?)"
    oa = rf"(?:{cap('OA|DJD')}|osteoarthritis)"
    return re.compile(
        rf"\b(?P<what>(?:{side}\s+)?(?:(?:thumb|knee)\s+)?{joint}\s+{oa}(?:\s+{cap('[LR]')}\b)?"
        rf"|{oa}\s+(?:of\s+)?(?:the\s+)?(?:{side}\s+)?{joint})\b",
        _I,
    )


#: A joint's osteoarthritis named in prose, outside a diagnosis list: "Knee OA R", "right hip osteoarthritis", "OA of the
#: left knee", "bilateral knee DJD", "R thumb CMC OA" (topical NSAIDs, CPMTG p. 111-112; ODG Knee injections).
_JOINT_OA, _JOINT_OA_LOWER = _joint_oa(False), _joint_oa(True)
#: A condition to rule out: "MRI to rule out knee OA", "r/o hip OA".
_RULED_OUT_BEFORE = re.compile(r"\b(?:rule\s+out|r/o|versus|vs\.?)\s+(?:\w+\s+){0,2}$", _I)
#: A relative's condition: "her mother had knee OA".
_RELATIVE = re.compile(r"\b(?:mother|father|sister|brother|parent|parents|family\s+history|FHx|FH)\b[^.;]{0,30}$", _I)
#: A lesion looked for, not found: "to evaluate for", "concern for", "question of", "assess for" a tear.
_LOOKED_FOR = re.compile(r"\b(?:evaluat\w*|assess\w*|look\w*|screen\w*|check\w*)\s+(?:for|the)\b[^.;]{0,20}$"
                         r"|\b(?:concern|question)\s+(?:for|of)\b[^.;]{0,20}$", _I)
_SPINE_COMPLAINTS = re.compile(
    r"\b(?P<regions>(?:cervical|thoracic|lumbar)(?:,?\s+(?:and\s+)?(?:cervical|thoracic|lumbar))*)\s+spine\s+"
    r"(?:complaints|pain|symptoms)\b",
    _I,
)
_NEUROPATHIC = re.compile(
    r"radiculopath|radiculitis|radicular|neuritis|neuropath|neuralgia|sciatica|complex\s+regional|\bCRPS\b"
    r"|(?:carpal|cubital|tarsal|radial)\s+tunnel\s+syndrome|\bCTS\b",  # entrapment neuropathies (corpus/README)
    _I
)
#: "non-" right before the neuropathic word ("non-radicular", "non radicular"), which denies it.
_NON_BEFORE = re.compile(r"\bnon[-\s]*$", _I)
_MAX_WORDS = 9
#: ICD-9 and ICD-10 codes beside a diagnosis: "(M54.16)", "722.10 -", "ICD-10: M51.26"; typed in lower
#: case ("m17.12") only with the decimal part, so a word is never taken for a code.
_ICD = re.compile(
    r"\(?\b(?:ICD-?(?:9|10)(?:-CM)?\s*:?\s*)?(?:[A-TV-Z]\d{2}(?:\.[\dA-Z]{1,4})?|[a-tv-z]\d{2}\.[\da-z]{1,4}|\d{3}\.\d{1,2}|V\d{2}(?:\.\d{1,2})?)\b\)?",
)
#: What is left of "(G90.511 / 337.21)" once its codes are set aside.
_EMPTY_BRACKETS = re.compile(r"\(\s*(?:[/,;&]\s*)*\)")
#: Codes given in two systems side by side: "G90.511 / 337.21", "M54.16/724.4".
_ICD_RUN = re.compile(rf"(?:{_ICD.pattern})(?:\s*[/&]\s*(?:{_ICD.pattern}))*")
#: A code in brackets followed by the name it stands for: "(S83.512A/844.2 - complete ACL tear)".
_CODE_NAMED = re.compile(rf"\(\s*(?:{_ICD_RUN.pattern})\s*[-–]\s")
#: An entry's number left after an inline heading: "A: 1) M17.12 Unilateral primary OA".
_ENTRY_NUMBER = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|#\d{1,2}[.)]?)\s+")
_COMMENT_DASH = re.compile(r"\s[-–]\s")
#: Where one diagnosis of a line ends: a semicolon, a dash, a comma before a capital, or a code set aside between
#: two names ("354.0 Carpal tunnel syndrome, right 250.00 Diabetes mellitus type II": the codes, blanked, leave a gap).
#: An inline list's numbers part its entries too: "Diagnoses: 1) Lumbar strain 2) Left SI joint dysfunction (3) Depression".
_DX_SPLIT = re.compile(r"\s*(?:;|\s-\s|\s–\s|,\s(?=[A-Z])|\s{4,}(?=[A-Z][a-z]{2}|[A-Z]{3})|\s\(?\d{1,2}\)\s(?=[A-Za-z]))\s*")
#: The same in a note typed in lower case, where no capital opens the next name.
_DX_SPLIT_LOWER = re.compile(r"\s*(?:;|\s-\s|\s–\s|\s{4,}(?=[a-z]{3})|\s\(?\d{1,2}\)\s(?=[a-z]))\s*")
#: A line of a diagnosis list that is prose, not a diagnosis ("Pt improving with PT.").
_NOT_A_DIAGNOSIS = re.compile(
    r"\b(?:is|are|was|were|has|have|will|would|continue|plan|recommend\w*|request\w*|improv\w*|worse|better|stable|see|pt|patient"
    r"|please|sincerely|respectfully|regards|thank)\b",
    _I,
)
#: A diagnosis-list line that denies a condition or names one to rule out: "Neg for radiculopathy on exam",
#: "No evidence of instability", "R/O CRPS", "Myelopathy ruled out".
_DENIED_OR_RULED_OUT = re.compile(
    r"^(?:no|neg(?:ative)?|not|denies|without|r/o|rule\s+out)\b"
    r"|\b(?:ruled\s+out|negative\s+for|not\s+(?:present|found|seen|supported))\b",
    _I,
)


def read_conditions(sentences: list[Sentence], ctx: Context) -> None:
    """Diagnoses, complaints and psychological conditions stated in the summary."""
    for s in sentences:
        for lead in finditer(_DX_LEAD, s.text):
            held: int | None = None  # where a lone modifier began: "primary [and post-traumatic osteoarthritis]"
            for start, end in list_items(s.text, lead.end()):
                if _CARE_AFTER.match(s.text[start:end].strip()):
                    break  # the care told after the diagnoses, and whatever follows it
                if _LONE_MODIFIER.match(s.text[start:end].strip(" ,")):
                    held = start if held is None else held
                    continue  # it qualifies the next item: "cervical and lumbar strain" is one diagnosis
                start, held = (held if held is not None else start), None
                name = _strip_article(" ".join(_ICD_RUN.sub(" ", s.text[start:end]).split()).strip(" .,;:-()"))
                if name and len(name.split()) <= _MAX_WORDS and not re.search(r"\d", name):
                    first = start == lead.end()
                    ev = s.evidence(lead.start() if first else start, end)
                    ctx.draft.diagnosis(name, regions_in(name), ev)
        for m in finditer(_COMPLAINT, s.text):
            what = m.group("what").strip()
            if polarity(s.text, m.start("what"), m.end("what")) in ("affirmed",) and len(what.split()) <= _MAX_WORDS:
                ctx.draft.diagnosis(what, regions_in(what), s.evidence(m.start(), m.end()))
        for m in finditer(_PSYCH, s.text):
            if polarity(s.text, m.start(), m.end()) == "affirmed":
                ctx.draft.diagnosis(m.group("what"), [], s.evidence(*_phrase(s.text, m.start(), m.end())))
        for m in finditer(_NAMED_CONDITION, s.text):
            if polarity(s.text, m.start(), m.end()) == "affirmed" and s.section != "plan":
                what = m.group("what")
                ctx.draft.diagnosis(what, regions_in(what), s.evidence(m.start("what"), m.end("what")))
        for m in finditer(_KNEE_LESION, s.text):
            # a diagnosis list is read as a list, which drops a condition operated on or resolved ("..., s/p repair")
            if polarity(s.text, m.start(), m.end()) == "affirmed" and s.section not in ("plan", "diagnoses") \
                    and not planned(s.text, m.start(), m.end()) and not _LOOKED_FOR.search(s.text[max(0, m.start() - 40) : m.start()]):
                what = m.group("what")
                ctx.draft.diagnosis(what, ["knee"], s.evidence(m.start("what"), m.end("what")))
        lower = s.tm.lower_case or not any(c.isupper() for c in s.text)  # a line typed in lower case: "knee oa r"
        for m in finditer(_JOINT_OA_LOWER if lower else _JOINT_OA, s.text):
            # the diagnosis list reads its own entries; the plan's joint is one to be looked at
            if polarity(s.text, m.start(), m.end()) == "affirmed" and s.section not in ("plan", "diagnoses") \
                    and not planned(s.text, m.start(), m.end()) and not _LOOKED_FOR.search(s.text[max(0, m.start() - 40) : m.start()]) \
                    and not _RULED_OUT_BEFORE.search(s.text[max(0, m.start() - 30) : m.start()]) \
                    and not _RELATIVE.search(s.text[max(0, m.start() - 40) : m.start()]):
                what = m.group("what")
                ctx.draft.diagnosis(what, regions_in(what), s.evidence(m.start("what"), m.end("what")))
    _refine_back(sentences, ctx)


def read_diagnosis_section(sentences: list[Sentence], ctx: Context) -> None:
    """A note's diagnosis list: one diagnosis a line (or several split by ';'), codes set aside."""
    for s in sentences:
        if s.section != "diagnoses":
            continue
        _read_suspected(s, ctx)
        # "dx  R distal radius fx ...": a heading typed inline without its colon stays in the line; it names nothing
        text = _INLINE_HEADING.sub(lambda m: " " * len(m.group()), s.text)
        # "S/p L ACL reconstruction 9/2/14 (S83.512A - complete ACL tear)": the code's own name stands apart
        text = _CODE_NAMED.sub(lambda m: ";" + " " * (len(m.group()) - 1), text)
        text = _ICD_RUN.sub(lambda m: " " * len(m.group()), text)
        text = _EMPTY_BRACKETS.sub(lambda m: " " * len(m.group()), text)
        text = _ENTRY_NUMBER.sub(lambda m: " " * len(m.group()), text)
        pos = 0
        split = _DX_SPLIT_LOWER if s.tm.lower_case else _DX_SPLIT
        for part in split.split(_named_head(text)):
            start = text.find(part, pos)
            pos = start + len(part)
            name = next((n for n in _names_of(part) if _listed_name(n)), None)
            if name is None:
                continue
            treatment = ctx.vocab.identify(name)
            if treatment is not None and treatment.start == 0:  # "HEP", "NSAID and injection": care, not a diagnosis
                continue
            at = s.text.find(name, start)
            ctx.draft.diagnosis(name, regions_in(name), s.evidence(at, at + len(name)) if at >= 0 else s.evidence())


#: An aside in brackets after a diagnosis: "(oxycodone ~150 mg MED/day)", "(on gabapentin 300 mg TID)", "(MRI 3/2016)".
_ASIDE = re.compile(r"\s*\([^()]*\)")
#: A comment after the name, set off by a comma: ", confirmed on two morning levels", ", improving with PT".
#: One that says the condition was operated on or is gone keeps the entry whole (and so, with its date, unread).
_COMMENT = re.compile(r",\s+(?=[a-z])")
#: The episode of care an ICD-10-CM descriptor ends with: "Strain of muscle, fascia and tendon of lower back, initial
#: encounter". It says which visit the code is for, not what the condition is.
_EPISODE = re.compile(r",\s*(?:initial|subsequent)\s+encounter(?:\s+for\s+[a-z ]{1,40}?)?(?=\s*[.;]?\s*$)|,\s*sequela(?=\s*[.;]?\s*$)", _I)
_PAST_CONDITION = re.compile(r"\b(?:s/p|status\s+post|resolved|healed|post[- ]?op\w*|released|repaired)\b", _I)


#: A diagnosis heading typed inline, without its colon, at the start of the line: "dx  R distal radius fx ...".
_INLINE_HEADING = re.compile(r"^\s*(?:dx|diagnos[ie]s|impression|imp|assessment)\b\s*:?\s+", _I)
#: What a diagnosis runs on into after its study in brackets: the care it is in, how it is doing ("R distal radius
#: fx (XR 8/8/13) in short arm cast since 8/9", "meniscus tear (MRI 2/2016) with locking despite PT").
_RUN_ON = re.compile(
    r"\)\s*(?=(?:in|on|since|with|without|w/|despite|after|s/p|not|still|now|wearing|treated|improving|worse|better"
    r"|unchanged|persist\w*)\b)",
    _I,
)
#: A denial told after the name: "Left wrist injury without signs of a scaphoid fracture" is a wrist injury only.
_DENIED_AFTER = re.compile(
    r"\s+(?:without|w/o|with\s+no|no)\s+(?:clinical\s+|radiographic\s+|x-?ray\s+)?(?:signs?|evidence|findings?|features?)\s+of\b", _I
)
#: A condition the assessment suspects, told in prose: "clinical signs of an occult scaphoid fracture", "clinically
#: suspicious for a scaphoid fracture", "concerning for occult scaphoid fracture", "suspected scaphoid fx".
_SUSPECTED = re.compile(
    r"\b(?:(?:clinical\s+)?(?:signs|features|findings)\s+(?:of|suggestive\s+of|suspicious\s+for|concerning\s+for)"
    r"|(?:clinically\s+)?(?:suspicious|concerning)\s+for|suspected|possible|probable|presumed)\s+"
    r"(?:an?\s+|the\s+)?(?:(?:possible|probable|suspected|presumed)\s+)?"
    r"(?P<what>[a-z][\w/'-]*(?:\s+(?!(?:and|or|with|without|despite|on|in|at|of|after|but|vs|versus|x|given)\b)[\w/'-]+){0,4})",
    _I,
)
#: The words a suspected condition must end in to be one: a lesion, not a mechanism or a test.
_LESION_END = re.compile(r"(?:fracture|fx|tear|rupture|dislocation|instability|radiculopathy|neuropathy|syndrome|infection)$", _I)


def _read_suspected(s: Sentence, ctx: Context) -> None:
    """A fracture, tear or radiculopathy the assessment suspects is a suspected one, named so ("suspected ...")."""
    for m in finditer(_SUSPECTED, s.text):
        what = m.group("what").rstrip(" .,;:")
        if not _LESION_END.search(what) or polarity(s.text, m.start(), m.end()) != "affirmed":
            continue
        name = what if what.lower().startswith(("occult", "suspected")) else f"suspected {what}"
        ctx.draft.diagnosis(name, regions_in(s.text[max(0, m.start() - 40) : m.end()]), s.evidence(m.start(), m.end()))


def _names_of(part: str) -> list[str]:
    """A diagnosis-list entry's name as written, then without its bracketed asides, then up to a comment after it:
    "Secondary hypogonadism related to opioid therapy (oxycodone ~150 mg MED/day), confirmed on two levels".

    A name that runs on after its study in brackets is the name before the study ("R distal radius fx (XR 8/8/13) in
    short arm cast"), and one followed by a denial is the name before it ("wrist injury without signs of a fracture").
    """
    denied = _DENIED_AFTER.search(part)
    if denied is not None and part[: denied.start()].strip():
        part = part[: denied.start()]
    run_on = _RUN_ON.search(part)
    if run_on is not None and "(" in part[: run_on.start()]:
        head = _strip_article(part[: part.rfind("(", 0, run_on.start())].strip(" .,:-–()"))
        if head:
            return [head]
    part = _EPISODE.sub("", part)
    whole = _strip_article(part.strip(" .,:-–()"))
    bare = _strip_article(_ASIDE.sub("", part).strip(" .,:-–()"))
    comment = _COMMENT.search(bare)
    if comment is None or _PAST_CONDITION.search(part[comment.start() :]):
        return [whole, bare]  # "CTS, s/p release 3/24/20 - numbness resolved": not the condition as it is now
    return [whole, bare, _strip_article(bare[: comment.start()].strip(" .,:-–()"))]


def _listed_name(name: str) -> bool:
    """Whether a diagnosis-list entry reads as one diagnosis: a few words, no numbers, no prose, not denied."""
    words = name.split()
    return bool(name) and 1 <= len(words) <= _MAX_WORDS and not re.search(r"\d{2,}", name) and bool(re.search(r"[A-Za-z]{2}", name)) \
        and not _NOT_A_DIAGNOSIS.search(name) and not _DENIED_OR_RULED_OUT.search(name)


def _named_head(text: str) -> str:
    """A diagnosis line up to the comment after its name: "Obesity - counseled", "CRPS (codes) - meets criteria".

    A dash before any name follows a code ("M54.2 - Cervicalgia") and is kept.
    """
    for m in _COMMENT_DASH.finditer(text):
        if text[: m.start()].strip(" .,:-–()#"):
            return text[: m.start()]
    return text


def _refine_back(sentences: list[Sentence], ctx: Context) -> None:
    """'back' in complaints -> the spine regions the summary names for them."""
    for s in sentences:
        m = search(_SPINE_COMPLAINTS, s.text)
        if not m:
            continue
        named = [r for r in regions_in(m.group("regions")) if r in ("lumbar_spine", "thoracic_spine")]
        if not named:
            continue
        for entry in ctx.draft.diagnoses.values():
            if UNSPECIFIED_BACK in entry["body_regions"]:
                entry["body_regions"] = [r for r in entry["body_regions"] if r != UNSPECIFIED_BACK]
                entry["body_regions"] += [r for r in named if r not in entry["body_regions"]]
                add_evidence(entry["evidence"], s.evidence(m.start(), m.end()))


def read_neuropathic(ctx: Context) -> None:
    """Neuropathic pain is documented when a diagnosis names a radicular or neuropathic condition."""
    for entry in ctx.draft.diagnoses.values():
        found = _NEUROPATHIC.search(entry["name"])
        if found and _NON_BEFORE.search(entry["name"], 0, found.start()):
            continue  # "axial, non-radicular": the opposite of radicular pain (session 22)
        if found and polarity(entry["name"], found.start(), found.end()) == "affirmed":  # not "(mild C5-6, no radiculopathy)"
            for e in entry["evidence"][:1]:
                ctx.draft.finding("clinical.neuropathic_pain", "yes", e)


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:a|an|the|his|her|their)\s+", "", text.strip(), flags=_I)


def _phrase(text: str, start: int, end: int) -> tuple[int, int]:
    """A few words either side of a term: enough to read it in context."""
    left = text.rfind(" ", 0, max(0, start - 25))
    right = text.find(" ", min(len(text), end + 1))
    return (left + 1 if left >= 0 else 0), (right if right >= 0 else len(text))
