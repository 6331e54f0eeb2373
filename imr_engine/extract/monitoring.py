"""Opioid monitoring: urine drug screens, CURES, other prescribers, agreement, side effects, aberrant use.

A drug screen is any mention of one (the vocabulary's urine_drug_screen spellings),
dated by a date in its clause ("conducted in June, 2015") and consistent or not by its
clause ("was not consistent for opioid use" -> no). Drugs received from an emergency
department, a dentist or other providers are other prescribers; an instruction not
to get them ("she was not to receive ...") is not. "Abuse potential" is a property of
a drug, not the patient's behaviour.
"""

from __future__ import annotations

import re

from .checkboxes import unticked_option
from .context import Context
from .dates import find_dates
from .findings import clause_evidence, read_cue
from .medications import drug_mentions, may_name_a_drug
from .negation import clause_bounds, field_answer, polarity
from .planned import planned
from .sentences import Sentence
from .word_gate import among, finditer, search, shut

_I = re.IGNORECASE
#: Substances a screen finds that no one prescribes.
_ILLICIT = r"(?:THC|marijuana|cannabis|cannabinoids|cocaine|meth\w*|amphetamines?|heroin|6-MAM|PCP|alcohol|EtG)"
_INCONSISTENT = re.compile(
    r"\b(?:not|in)\s*consistent\b|\binconsistent\b|\bpositive\s+for\s+(?:non-?prescribed|illicit|unprescribed)"
    r"|\bunexpected\b|\babsence\s+of\s+(?:the\s+)?prescribed|\bnegative\s+for\s+(?:the\s+)?prescribed"
    # a result told as deviant or non-adherent: "urine tox was aberrant", "UDT non-compliant", "discordant"
    r"|\baberrant\b|\bdiscordant\b|\bnon-?(?:compliant|adherent|concordant)\b|\bnot\s+(?:rx'?d|ordered)\b"
    # a substance never prescribed: "positive for THC, which is not prescribed", "+ cocaine"
    rf"|\bnot\s+(?:a\s+)?prescribed\b|(?:\bpositive\s+for|\(\+\)\s*(?:for)?|(?<!\w)\+\s*for|^\s*for)\s+{_ILLICIT}\b",
    _I,
)
_CONSISTENT = re.compile(
    r"\bconsistent\b|\bappropriate\b|\bas\s+expected\b|(?<!\w)c/w(?!\w)"
    # "compliant", "concordant", "in line with his prescriptions", "positive for the prescribed tramadol"
    r"|\b(?:compliant|adherent|concordant|congruent)\b|\bin\s+(?:line|keeping|agreement)\s+with\b"
    r"|\bpositive\s+(?:only\s+)?for\s+(?:the\s+|his\s+|her\s+)?prescribed\b"
    # each finding explained by a prescription: "as prescribed", "(prescribed)", "(expected)", "both accounted for"
    r"|\bas\s+prescribed\b|\(\s*(?:prescribed|expected|rx'?d)\s*\)|(?<!un)\bexpected\b|\baccounted\s+for\b",
    _I,
)
#: A sentence that is only a screen's result, following the screen: "UDT 3/2019: morphine present. Consistent."
_BARE_RESULT = re.compile(r"^\W*(?P<r>consistent|appropriate|as\s+expected|inconsistent|not\s+consistent)\W*$", _I)
#: A screen called deviant before its name: "aberrant UDS 08/2020", "an inconsistent urine drug test".
_RESULT_BEFORE = re.compile(r"\b(?:aberrant|inconsistent|discordant|unexpected|abnormal)\s+(?:\w+\s+)?$", _I)
#: A drug the screen did not find: "NEGATIVE for oxycodone and oxymorphone", "neg for hydrocodone".
_NEGATIVE_FOR = re.compile(r"\bneg(?:ative)?\s+for\s+(?P<what>[^;.()]{3,50})", _I)
CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "monitoring.cures_checked",
        re.compile(
            r"(?-i:\bCURES\b)|\bPDMP\b|\bprescription\s+(?:drug\s+)?monitoring\s+(?:program|report|database)", _I
        ),
    ),
    (
        "monitoring.other_prescribers",
        re.compile(
            r"\b(?:received|receiv(?:es|ing)|filled|obtain(?:ed|s|ing)|got|gets|getting)\s+(?:[\w-]+\s+){0,3}?from\s+(?:the\s+|her\s+|his\s+|an?\s+)?(?:emergency|(?-i:ER)\b|urgent\s+care"
            r"|dentist|another|other|outside|different|multiple|several)\b(?!\s+(?:than|that|information)\b)"
            # not the doctors who treated or saw the worker ("years of treatment by several doctors")
            r"|(?<!treatment\sby\s)(?<!treated\sby\s)(?<!seen\sby\s)(?<!\bseen\s)(?<!\bsaw\s)(?<!visited\s)"
            r"\b(?:other|outside|multiple|several|different)\s+(?:prescribing\s+|opioid\s+|narcotic\s+|controlled[- ]substance\s+)?"
            r"(?:providers|prescribers|physicians|doctors|pharmacies)\b"
            # a report's count: "CURES: 2 prescribers, 3 pharmacies"
            r"|\b(?:[2-9]|two|three|four|five)\s+(?:different\s+|separate\s+)?(?:prescribers|prescribing\s+(?:physicians|providers))\b"
            r"|\bdoctor\s+shopping\b"
            # "outside Rx on CURES", "PDMP shows undisclosed hydrocodone fills"
            r"|\boutside\s+(?:Rx|prescriptions?|scripts?)\b|\bundisclosed\s+(?:[\w/-]+\s+){0,2}?(?:prescriptions?|Rx|fills?|opioids?|scripts?)\b",
            _I,
        ),
    ),
    (
        "monitoring.opioid_agreement",
        re.compile(
            r"\b(?:pain|opioid|opiate|narcotics?|medication|treatment|controlled\s+substances?|(?:pain\s+)?management)\s+"
            r"(?:contract|agreement)s?\b"
            r"|\bsigned\s+(?:an?\s+)?(?:opioid\s+)?(?:agreement|contract)\b"
            # a monitoring line's bare word with its state: "Agreement on file", "Agreement re-signed 1/2017"
            r"|\b(?:agreement|contract)\s+(?:is\s+)?(?:on\s+file|(?:re-?)?signed|in\s+(?:the\s+)?chart|up\s+to\s+date|in\s+place)\b"
            r"|\b(?:opioid|narcotic|controlled\s+substance)\s+(?:informed\s+)?consent(?:\s+form)?\b",
            _I,
        ),
    ),
    (
        "monitoring.aberrant_behavior",
        re.compile(
            # alcohol abuse is a risk of misuse, not drug-taking behaviour ("past alcohol abuse")
            r"\baberran(?:t|cy|cies)\b|\b(?:(?:drug|medication|opioid|substance)\s+)?(?<!alcohol\s)(?<!etoh\s)(?:abuse|misuse)\b(?!\s+potential)|\bdiversion\b"
            r"|\bdivert(?:ed|ing)\b|\baddiction\b"
            # someone else's drug taken: "admits to using his wife's Vicodin"
            r"|\b(?:using|used|took|taking|takes|borrow\w*|shar(?:ed|ing))\s+(?:his|her)\s+(?:wife|husband|spouse|friend|mother|father|son"
            r"|daughter|sister|brother|partner|neighbou?r|relative|roommate)'s\s+\w+"
            r"|\b(?:(?:drug|medication|opioid)\s+)?dependen(?:cy|ce)\b"
            r"|\b(?:tak|us)(?:ing|es|en|ed)\s+(?:more|extra)\s+(?:\w+\s+){0,3}?than\s+(?:is\s+)?prescribed\b|\bover-?us(?:e|es|ed|ing)\s+(?:of\s+)?(?:his|her|the)?\s*(?:medications?|meds|opioids?|narcotics?)\b"
            r"|\bdrug[- ]seeking\b|\bearly\s+refills?\b|\blost\s+(?:(?:his|her|the)\s+)?(?:prescriptions?|medications?|scripts?|pills)\b"
            # running out before the supply should end: "ran out of her Norco a week early", "runs out early"
            r"|\b(?:ran|runs?|running)\s+out\b(?:\s+of\s+(?:his|her|the)?\s*[\w/ -]{0,25}?)?\s+(?:\w+\s+){0,3}?(?:early|too\s+soon|before)\b",
            _I,
        ),
    ),
)
#: Words that make a misuse word no behaviour of the worker's: the dependence long-term opioids bring or a goal of less of
#: it ("physiologic dependence", "less dependence on medication"), a risk or a predisposition ("genetic predisposition to
#: opioid addiction"), or a list of what a visit will assess ("reassessment of analgesia, ... and aberrant behavior").
_NOT_BEHAVIOUR_BEFORE = re.compile(
    r"\b(?:physiologic(?:al)?|physical|less|reduced|decreased|lower|minimal|no\s+more)\s+$"
    r"|\b(?:predisposition|propensity|susceptibility|vulnerability|risks?|family\s+(?:history|hx))\s+(?:\w+\s+){0,2}?(?:to|of|for)\s+(?:\w+\s+)?$"
    r"|\b(?:re-?assess(?:ment|ing)?|assess(?:ment|ing)?|monitor(?:ing)?|screen(?:ing)?|evaluat\w+|check(?:ing)?|watch(?:ing)?)\s+(?:of|for)\b[^.;]{0,80}$",
    _I,
)


def _not_behaviour(text: str, m: re.Match[str]) -> bool:
    """Whether a misuse word names no behaviour of the worker's (`_NOT_BEHAVIOUR_BEFORE`), or a history of substance abuse:
    a risk screen ("denies a history of substance abuse"), not the drug-related behaviour monitoring asks about."""
    return bool(_NOT_BEHAVIOUR_BEFORE.search(text[max(0, m.start() - 120) : m.start()])) or m.group().lower().startswith("substance")


#: An empty box's option answered in its own words: "[ ] Aberrant behavior - none noted".
_NONE_SAID = re.compile(r"\b(?:none|denie[sd]|negative|not\s+(?:noted|observed|seen|reported))\b", _I)


def _unticked_options(s: Sentence, ctx: Context, pattern: re.Pattern[str]) -> bool:
    """Whether every misuse word of *s* stands in a form's option whose box is empty ("[ ] Lost Rx  [ ] Aberrant behavior"):
    the form only lists what it asks about. An option that answers itself ("- none noted") documents none."""
    hits = list(finditer(pattern, s.text))
    spans = [unticked_option(s.text, m.start()) for m in hits]
    if not hits or None in spans:
        return False
    for m, span in zip(hits, spans):
        if span is not None and _NONE_SAID.search(s.text, m.end(), span[1]):
            ctx.draft.finding("monitoring.aberrant_behavior", "no", clause_evidence(s, m.start(), m.end()))
    return True


#: Every controlled drug from one prescriber: the record documents no other prescribers.
_ONE_PRESCRIBER = re.compile(
    r"\b(?:single|sole|one|1|only)\s+(?:opioid\s+)?(?:prescriber|prescribing\s+(?:physician|provider))\b"
    # "gets his pain medications only from me", "from us only"
    r"|\bonly\s+from\s+(?:me|us)\b|\bfrom\s+(?:me|us)\s+only\b"
    # a report's answer with "only" after: "CURES: this prescriber only", "tramadol monthly, this clinic only", "from PTP only"
    r"|\b(?:this|our|my)\s+(?:office|clinic|practice|prescriber|provider|physician|doctor)\s+only\b"
    r"|\bfrom\s+(?:the\s+)?(?:(?-i:PTP)|treating\s+physician|primary\s+treating\s+physician)\s+only\b"
    r"|\bno\s+other\s+(?:opioid\s+|controlled\s+(?:substance\s+)?|narcotic\s+)?(?:fills|prescriptions|scripts)\b"
    r"|\bfrom\s+(?:this|our|my)\s+(?:office|clinic|practice|provider)\s+only\b"
    # a CURES report's answer: "CURES checked today: only this prescriber", "CURES reviewed: only this office"
    r"|\bonly\s+(?:from\s+)?(?:this|our|my)\s+(?:office|clinic|practice|prescriber|provider|physician|doctor)\b"
    # "shows only my prescriptions", "our prescriptions only", "prescribed by this office only"
    r"|\bonly\s+(?:my|our)\s+(?:prescriptions|scripts|rx)\b|\b(?:my|our)\s+(?:prescriptions|scripts|rx)\s+only\b"
    r"|\bprescribed\s+(?:only\s+)?by\s+(?:this|our|my)\s+(?:office|clinic|practice|provider|physician)\s+only\b"
    r"|\b(?:all|each)\s+(?:of\s+)?(?:his|her|their|the)\s+(?:controlled\s+|opioid\s+)?(?:prescriptions|medications|scripts)"
    r"\s+(?:come|came|are|were)\s+from\s+(?:this|our|my|the\s+same)",
    _I,
)
#: Prescribers named as an agreement's terms or an instruction, not as what the record shows: "Opioid agreement signed: one
#: prescriber, one pharmacy", "instructed not to obtain opioids from other providers".
_TERMS_BEFORE = re.compile(
    r"\b(?:agreements?|contracts?|agrees?|consent|instruct\w*|counsel\w*|educat\w*|advis\w*|warned|reminded|told\s+(?:him|her|them|pt)"
    r"|will\s+check|to\s+check)\b[^.;]{0,50}$",
    _I,
)


def _terms_only(text: str, start: int) -> bool:
    return bool(_TERMS_BEFORE.search(text[max(0, start - 90) : start]))


_SIDE_EFFECTS = re.compile(r"\bside[- ]effects?\b|\badverse\s+(?:effects?|reactions?)\b|(?-i:\bSEs?\b)|(?-i:\bAEs\b)", _I)
#: A drug's effect that ended it is history, not a side effect of what is taken now: "stopped d/t dizziness".
_ENDED = re.compile(r"\b(?:stopped|d/c'?d?|dc'd|discontinued|failed|having\s+failed|not\s+tolerated|tried|intoleran\w*)\b", _I)
#: Sedation for a procedure is no drug's side effect: "local anesthetic only, no sedation".
_PROCEDURE = re.compile(
    r"\b(?:blocks?|injections?|anesthe\w*|fluoroscop\w*|procedure|IV\s+sedation|conscious\s+sedation|facets?|medial\s+branch\w*"
    r"|radiofrequency|(?:lidocaine|local)\s+only)\b",
    _I,
)
#: The patient's own report of a symptom: "He reports constipation and afternoon drowsiness".
_REPORTS = re.compile(r"\b(?:reports?|reporting|c/o|complains?\s+of|endorses|notes|\+)\s+(?:\w+\s+){0,4}?$", _I)
_OPIOID_INDUCED = re.compile(r"\bopioid[- ]induced\s+(?:constipation|nausea|sedation)\b|(?-i:\bOIC\b)", _I)
_HAS_SIDE_EFFECTS = re.compile(
    r"\b(?:reported|reports|experienced|experiencing|had|has|developed|complain\w*\s+of|with)\s+"
    r"(?:(?!no\b|not\b|any\b|none\b|without\b)\w+\s+){0,2}?"
    r"(?:side[- ]effects?|adverse\s+(?:effects?|reactions?))"
    r"|\b(?:constipation|sedation|drowsiness|nausea|dizziness|itching)\s+(?:from|due\s+to|secondary\s+to|with)\s+"
    r"(?:the\s+|his\s+|her\s+)?(?:medications?|opioids?|opiates?)",
    _I,
)
_NSAID_GI = (
    r"dyspeps\w*|heartburn|stomach\s+(?:pain|ache|upset|irritation|problems?|trouble|issues?|complaints?|discomfort)|(?:dark|black|tarry)\s+stools|melena|GI\s+bleed\w*"
)
#: The common adverse effects of analgesics, by name: denied, they document no side effects; affirmed
#: beside a drug ("constipation on oxycodone", "dizzy, stopped"), they document side effects.
_SE_SYMPTOM = re.compile(
    r"\b(?:constipat\w*|drows\w*|sleepy|sleepiness|grogg\w*|sedat(?:ion|ed)|somnolen\w*|nause\w*|vomit\w*|itch\w*|pruritus|dizz\w*|lightheaded\w*"
    r"|cognitive\s+slowing|mental\s+clouding|dry\s+mouth|GI\s+(?:upset|sx|symptoms|complaints|distress)|upset\s+stomach"
    rf"|fogg(?:y|iness)|brain\s+fog|{_NSAID_GI})\b",
    _I,
)
#: The gastrointestinal effects only an NSAID brings: of a worker on no NSAID they are no drug's side effect.
_NSAID_ONLY_RE = re.compile(rf"^(?:{_NSAID_GI})$", _I)
#: An NSAID's gastrointestinal effects: denied of a worker on one they document no side effects ("No GI upset", "denies
#: stomach pain or dark stools"); reported ("+ heartburn"), side effects.
_NSAID_GI_RE = re.compile(rf"^(?:{_NSAID_GI}|GI\s+(?:upset|sx|symptoms|complaints|distress)|upset\s+stomach)$", _I)
#: A drug said to bring a symptom about: "causes", "gives her", "makes him".
_CAUSE_WORDS = r"(?:caus(?:es|ed|ing)|gives?\s+(?:him|her|me)|makes?\s+(?:him|her|me))"
_DRUG_CONTEXT = re.compile(
    r"(?<!\w)(?:on|w/|with|from|due\s+to|d/t|secondary\s+to|since\s+starting|after|stopped|d/c'?d?|discontinued|using|managed"
    rf"|{_CAUSE_WORDS})(?!\w)"
    r"|\b(?:medications?|meds|opioids?|narcotics?)\b",
    _I,
)
#: A drug said to cause the symptom: "Norco causes some nausea", "the gabapentin makes her dizzy".
_CAUSES = re.compile(rf"\b{_CAUSE_WORDS}\b", _I)
#: The drugs in general said to bring the symptom: "the medication causes dizziness", "meds make her drowsy".
_CAUSED_BY_MEDS = re.compile(rf"\b(?:medications?|meds|medicines?|pills?|opioids?|narcotics?)\s+(?:\w+\s+)?{_CAUSE_WORDS}", _I)
#: A laxative taken for the constipation: "Constipated - taking senna", "constipation, uses MiraLAX".
_LAXATIVE = re.compile(
    r"\b(?:senna|sennosides|senokot|docusate|colace|miralax|polyethylene\s+glycol|bisacodyl|dulcolax|lactulose"
    r"|laxatives?|stool\s+softeners?)\b",
    _I,
)
#: A side effect named as a subject of teaching: "signs of sedation", "risk of constipation".
_ABOUT_SIGNS = re.compile(r"\b(?:signs?|symptoms?|risks?)\s+(?:and\s+symptoms\s+)?of\s+(?:\w+\s+)?$", _I)
#: The label of a form's side-effects field: "SE", "Side effects", "AEs", "Adverse effects".
_SE_LABEL = r"(?:(?-i:\bSEs?\b)|\bside[- ]effects?|(?-i:\bAEs?\b)|\badverse\s+effects?)"
#: A form's side-effects field: "SE: constipation", "Side effects: mild nausea".
_SE_FIELD = re.compile(rf"{_SE_LABEL}\s*(?::|\s-+|–|—)\s*(?:[\w-]+\s*,?\s*){{0,3}}$", _I)
#: A side-effects field answered none after a dash: "Side effects - none", "SE -- denies", "AEs - none reported".
_SE_NONE = re.compile(
    rf"{_SE_LABEL}\s*(?:-+|–|—)\s*"
    r"(?:none|denie[sd]|nil|neg(?:ative)?|no(?:ne)?\s+(?:reported|noted))\b",
    _I,
)
_NO_BEFORE = re.compile(r"\b(?:no|without|denies)\s+(?:\w+\s+)?$", _I)
#: A review-of-systems line by organ system: "GI: Negative for nausea, constipation", "ROS: ...".
_ROS_LINE = re.compile(r"^(?:ROS|review\s+of\s+systems|GI|gastrointestinal|constitutional|neuro(?:logic(?:al)?)?|psych(?:iatric)?)\s*:", _I)
_DENIES = re.compile(r"\b(?:denies|denied|deny|negative\s+for)\b[^.;]{0,40}$", _I)
_PAIN_ASSESSMENT = re.compile(r"\bpain\s+assessment\b", _I)
#: Onset or duration of relief after a dose: with ratings on and off medication, a documented pain assessment.
_RELIEF_TIMING = re.compile(
    r"\b(?:onset|takes?\s+effect|kicks?\s+in|starts?\s+(?:to\s+)?work(?:ing)?|works?\s+within|relief\s+(?:in|within))\b"
    r"[^.;]{0,30}?\d+\s*(?:-|to)?\s*\d*\s*(?:min(?:utes?)?|hrs?|hours?)\b"
    r"|\b(?:lasts?|lasting|duration(?:\s+of\s+(?:relief|effect))?)\b[^.;]{0,20}?\d+\s*(?:-|to)?\s*\d*\s*(?:hrs?|hours?|min(?:utes?)?)\b",
    _I,
)
_PAIN_RELIEF = re.compile(r"\bpain\s+relief\b", _I)


#: The assessed risk of opioid misuse, in words or as a screening score (Opioid Risk Tool: 0-3 low,
#: 4-7 moderate, 8 or more high; SOAPP-R: 18 or more high).
_RISK_WORDS = re.compile(
    r"\b(?P<level>low|moderate|medium|intermediate|high)[- ]risk\b(?:\s+(?:for|of)\s+(?:opioid\s+)?(?:misuse|abuse|aberrant|addiction|diversion))?",
    _I,
)
_RISK_TOOL = re.compile(
    r"\b(?P<tool>ORT|Opioid\s+Risk\s+Tool|SOAPP(?:-R)?|DIRE)\b(?:\s+(?:score|total))?\s*(?:of|was|is|=|:)?\s*(?P<n>\d{1,2})\b(?!\s*/\s*10)",
    _I,
)
#: Risk words that speak of opioid misuse: the sentence names a risk tool or misuse itself.
_ABOUT_MISUSE = re.compile(
    r"\b(?:ORT|Opioid\s+Risk|SOAPP|DIRE|misuse|abuse|aberrant|addiction|diversion|opioid\s+risk|risk\s+stratification)\b", _I
)


def _misuse_risk(s: Sentence, ctx: Context) -> None:
    """The worker's assessed misuse risk: "ORT 6 - moderate risk", "high risk for opioid misuse"."""
    low = s.text.lower()
    if ctx.draft.misuse_risk is not None or not ("risk" in low or "soapp" in low) or not search(_ABOUT_MISUSE, s.text):
        return
    level = None
    words = search(_RISK_WORDS, s.text)
    if words and polarity(s.text, words.start(), words.end()) == "affirmed":
        level = {"medium": "moderate", "intermediate": "moderate"}.get(words.group("level").lower(), words.group("level").lower())
        span = words.span()
    elif (tool := search(_RISK_TOOL, s.text)) is not None:
        n, name = int(tool.group("n")), tool.group("tool").upper()
        if name.startswith("SOAPP"):
            level = "high" if n >= 18 else "low"
        elif name.startswith("ORT") or name.startswith("OPIOID"):
            level = "low" if n <= 3 else "moderate" if n <= 7 else "high"
        span = tool.span()
    if level is not None and not planned(s.text, *span):
        ev = clause_evidence(s, *span)
        ctx.draft.misuse_risk = (level, [ev] if ev else [])


#: The morphine-equivalent dose a record states: "MED 160", "MME: 90 mg/day", "morphine equivalent dose of 120 mg",
#: "60 MME/day", "120 mg MED", "from 60 to 45 MME" (the first is the dose now).
_MED_WORDS = r"(?:MED|MME|MEDD|MEQ|OME|morphine\s+(?:milligram\s+)?equivalents?(?:\s+dos(?:e|age))?(?:\s+per\s+day|\s+a\s+day|/day)?)"
_MED_AFTER = re.compile(
    rf"\b(?:(?:total|daily|current|calculated|his|her|the)\s+)*{_MED_WORDS}\s*(?:\((?:mg/d(?:ay)?)\)\s*)?"
    rf"(?:is|was|of|=|:|~|approx(?:imately|\.)?|at|about|around|calculated|estimated|totals?|now|today|currently|this\s+(?:month|visit)|\s)+\s*~?\s*(?P<n>\d{{1,4}}(?:\.\d)?)(?!\s*(?:%|/10|-\d|\d))",
    _I,
)
_MED_BEFORE = re.compile(
    rf"(?<![\d.])(?:(?P<from>\d{{1,4}})\s*(?:->|→|=>|to)\s*)?(?P<n>\d{{1,4}}(?:\.\d)?)\s*(?:mg\s*(?:/\s*d(?:ay)?\s*)?)?{_MED_WORDS}\b",
    _I,
)
#: A limit, goal or threshold beside the number, not the dose taken: "goal < 45 MME", "doses above 120 mg MED".
_MED_NOT_TAKEN = re.compile(
    r"(?:goal|target|aim|limit|threshold|max(?:imum)?|cap|ceiling|exceed(?:s|ing)?|above|over|under|below|less\s+than|more\s+than"
    r"|greater\s+than|up\s+to|reduce[sd]?\s+to|decrease[sd]?\s+to|down\s+to|taper(?:ed|ing)?\s+to|wean(?:ed|ing)?\s+to"
    r"|recommend\w*|guidelines?|[<>≤≥]=?|/=)\W*(?:\w+\W+){0,3}$",
    _I,
)


def _stated_med(s: Sentence, ctx: Context) -> None:
    """The morphine-equivalent dose a day the record states for the regimen now, read once: the first one stated."""
    if ctx.draft.stated_med is not None and s.section != "plan":
        return
    for pattern in (_MED_BEFORE, _MED_AFTER):
        for m in finditer(pattern, s.text):
            value = float(m.group("from") if "from" in m.groupdict() and m.group("from") else m.group("n"))
            if not 1 <= value <= 2000 or _MED_NOT_TAKEN.search(s.text[max(0, m.start() - 40) : m.start()]):
                continue
            if polarity(s.text, m.start(), m.end()) in ("negated", "hedged") or planned(s.text, m.start(), m.end()):
                continue
            if ctx.draft.stated_med is None:
                ev = clause_evidence(s, m.start(), m.end())
                ctx.draft.stated_med = (value, [ev] if ev else [])
            return


#: The drug taken without trouble: "continue, tolerating well", "well tolerated", "tolerates the medication without issues".
_TOLERATING = re.compile(
    r"\b(?:tolerat(?:ing|es)(?:\s+(?:it|them|(?:the\s+|his\s+|her\s+)?(?:medications?|meds|regimen|dose)))?(?:\s+(?:well|fine|ok(?:ay)?"
    r"|without\s+(?:\w+\s+)?(?:problems?|issues?|difficulty|side[- ]effects?)))?"
    r"|(?:well|easily)[- ]tolerated|tolerated\s+(?:well|without\s+(?:\w+\s+)?(?:problems?|issues?|side[- ]effects?)))\b",
    _I,
)


def _tolerated(s: Sentence, ctx: Context) -> None:
    """A current drug tolerated documents no side effects of it; 'not tolerated' is a failure, read elsewhere."""
    if "tolerat" not in s.text.lower():
        return
    for m in finditer(_TOLERATING, s.text):
        if polarity(s.text, m.start(), m.end()) == "affirmed" and not _ENDED.search(s.text[max(0, m.start() - 30) : m.start()]):
            ctx.draft.finding("monitoring.side_effects", "no", clause_evidence(s, m.start(), m.end()))


def read_monitoring(sentences: list[Sentence], ctx: Context) -> None:
    """Monitoring: each sentence's own patterns are asked once for all (`shut`), then each ask is a set test."""
    screened_unknown = -2  # the index of the sentence whose screen was named without a result
    for s in sentences:
        dead = shut(_MONITORING_ASKS, s.text)
        if screened_unknown == s.index - 1 and (bare := _BARE_RESULT.match(s.text)) and ctx.draft.screens:
            said = bare.group("r").lower()
            ctx.draft.screens[-1]["consistent"] = "no" if said.startswith(("in", "not")) else "yes"
        count = len(ctx.draft.screens)
        _screens(s, ctx)
        if len(ctx.draft.screens) > count or (ctx.draft.screens and id(_SCREEN_WORDS) not in dead and search(_SCREEN_WORDS, s.text) and _named_screen(s, ctx)):
            screened_unknown = s.index if ctx.draft.screens[-1]["consistent"] == "unknown" else -2
        _misuse_risk(s, ctx)
        _stated_med(s, ctx)
        _tolerated(s, ctx)
        for path, pattern in among(CUES, s.text, 1):
            if path == "monitoring.aberrant_behavior" and all(_not_behaviour(s.text, m) for m in finditer(pattern, s.text)):
                continue
            if path == "monitoring.aberrant_behavior" and _unticked_options(s, ctx, pattern):
                continue
            if path == "monitoring.other_prescribers" and all(_terms_only(s.text, m.start()) for m in finditer(pattern, s.text)):
                continue
            read_cue(s, ctx, path, pattern, done=True)
        for m in () if id(_SIDE_EFFECTS) in dead else finditer(_SIDE_EFFECTS, s.text):
            said = polarity(s.text, m.start(), m.end())
            if said == "negated" and _BUT_ONE.match(s.text[m.end() : m.end() + 20]):
                continue  # "No side effects besides some constipation": the one named is read as a symptom
            if said == "negated":
                ctx.draft.finding("monitoring.side_effects", "no", clause_evidence(s, m.start(), m.end()))
            elif field_answer(s.text, m.end()) == "yes":  # "Side effects: [X] Yes [ ] No"
                ctx.draft.finding("monitoring.side_effects", "yes", clause_evidence(s, m.start(), m.end()))
        for m in () if id(_SE_NONE) in dead else finditer(_SE_NONE, s.text):
            ctx.draft.finding("monitoring.side_effects", "no", clause_evidence(s, m.start(), m.end()))
        for m in () if id(_HAS_SIDE_EFFECTS) in dead else finditer(_HAS_SIDE_EFFECTS, s.text):
            if polarity(s.text, m.start(), m.end()) == "affirmed":
                ctx.draft.finding("monitoring.side_effects", "yes", clause_evidence(s, m.start(), m.end()))
        _extra_doses(s, ctx)
        _side_effect_symptoms(s, ctx)
        _controlled_from_another(s, ctx)
        for m in () if id(_ONE_PRESCRIBER) in dead else finditer(_ONE_PRESCRIBER, s.text):
            if _terms_only(s.text, m.start()):
                continue
            ctx.draft.finding("monitoring.other_prescribers", "no", clause_evidence(s, m.start(), m.end()))
        if id(_PAIN_ASSESSMENT) not in dead:
            read_cue(s, ctx, "monitoring.pain_assessment", _PAIN_ASSESSMENT)
        for m in () if id(_PAIN_RELIEF) in dead else finditer(_PAIN_RELIEF, s.text):
            if polarity(s.text, m.start(), m.end()) == "undocumented":
                ctx.draft.finding("monitoring.pain_assessment", "unknown", clause_evidence(s, m.start(), m.end()))


_ILLICIT_AFTER = re.compile(rf"\s*(?:for\s+)?{_ILLICIT}\b", _I)
_SCREEN_END = re.compile(r";|\.\s|\b(?:but|however|although)\b", _I)
#: A screen still to be done is no screen: "UDS next visit", "will obtain a urine drug screen".
_PLANNED = re.compile(r"\b(?:will|to|plan\w*|order\w*|request\w*|obtain|schedul\w*|random|next|repeat)\s+(?:\w+\s+){0,2}$", _I)
_PLANNED_AFTER = re.compile(
    r"\s*(?:at\s+|on\s+)?(?:next|the\s+next|f/u|follow[- ]up)\b|\s+(?:is\s+)?(?:pending|ordered|requested|to\s+be|(?:now\s+|over)?due)\b", _I
)
def _deviation_word(text: str) -> bool:
    """A cheap first test for `_NO_DEVIATION`."""
    low = text.lower()
    return "inconsisten" in low or "discrepan" in low or "aberran" in low or "unexpected" in low


#: A result told as no deviation at all: "no inconsistencies", "no unexpected findings", "no discrepancies" (consistent).
_NO_DEVIATION = re.compile(
    r"(?:\b(?:no|without|negative\s+for\s+any)\s+(?:\w+\s+)?(?:inconsistenc\w+|discrepanc\w+|aberranc\w+|unexpected\s+(?:results?|findings?|substances?|drugs?))\b"
    r"|\bnothing\s+(?:else\s+)?(?:unexpected|inconsistent|aberrant)\b)",  # "nothing (else) unexpected"
    _I,
)
#: A result only foreseen in a plan: "LC-MS confirmation if unexpected", "confirm if positive" (no screen's result).
_IF_DEVIANT = re.compile(r"\bif\s+(?:\w+\s+)?(?:unexpected|inconsistent|positive|abnormal|aberrant)\b", _I)


#: Classes whose prescribers the state's monitoring program (CURES) tracks: controlled drugs.
_CONTROLLED = frozenset({"opioid", "benzodiazepine", "hypnotic", "stimulant", "barbiturate", "sedative"})
#: A controlled drug from a prescriber other than the treating physician: "alprazolam 0.5 mg #30 monthly from his PCP",
#: "prescribed by PCP (not the PTP)", "(ER) prescribed Xanax 0.5 mg TID", "CURES shows a second prescriber".
_ANOTHER_SOURCE = re.compile(
    r"\b(?:prescribed\s+by|from|by|per)\s+(?:his|her|the|an?)?\s*(?:Dr\.?\s+[A-Z][\w'-]+\s*\(\s*)?(?:PCP|primary\s+care(?:\s+(?:physician|doctor|provider))?"
    r"|psychiatrist|family\s+(?:doctor|physician|practitioner)|(?-i:ER)|emergency\s+(?:room|department)|urgent\s+care|dentist"
    r"|prior\s+pain\s+(?:MD|doctor|physician)|(?:another|an\s+outside|outside|a\s+different|a\s+second)\s+(?:doctor|physician|provider|prescriber|clinic))\b"
    r"|\(?\b(?:(?-i:ER)|urgent\s+care|(?-i:PCP)|psychiatrist|dentist)\)?\s+(?:also\s+)?(?:prescribed|prescribes|gives|gave|provides|provided"
    r"|writes\s+for|wrote\s+for)\b"
    r"|\b(?:second|another|other)\s+prescriber\b",
    _I,
)
#: Controlled drugs named by their class: "receives opioids from another doctor", "benzos from his psychiatrist".
_CONTROLLED_WORDS = re.compile(
    r"\b(?:opioids?|opiates?|narcotics?|benzodiazepines?|benzos?|controlled\s+(?:substances?|medications?|drugs?)|sleeping\s+pills?)\b", _I
)
#: The other prescriber is past: the drug stopped, or only started elsewhere and now prescribed here ("prescribed
#: originally by her psychiatrist, who retired", "started by urgent care", "now refilled here").
_NOT_NOW = re.compile(
    r"\b(?:stopped|discontinued|d/c'?d|originally|initially|formerly|prior\s+to\s+(?:that|this|then|us|me)"
    r"|in\s+the\s+past|used\s+to|started\s+by|retired|now\s+(?:refilled|prescribed|managed)\s+(?:here|by\s+(?:us|this\s+office|me)))\b",
    _I,
)
#: The symptoms a head injury or a red-flag screen asks about: a denial that names them screens the injury, not a drug.
_SCREENED = re.compile(
    r"\b(?:LOC|loss\s+of\s+consciousness|vision|visual|(?-i:HA)|headaches?|confusion|seizures?|head\s+strike|fever|chills"
    r"|weight\s+loss|bowel|bladder|abdominal\s+pain|chest\s+pain|(?-i:SOB)|GI\s+bleed\w*)\b",
    _I,
)
#: A side effect said to be over: "..., resolved", "(now resolved)", "went away", "subsided".
_RESOLVED = re.compile(r"[^.;]{0,40}?\b(?:(?:now\s+)?resolved|went\s+away|subsided|no\s+longer|(?:is\s+|now\s+)?gone)\b", _I)
#: A symptom told with its degree at the head of its clause, of a worker on a sedating drug: "Mild morning grogginess",
#: "Some drowsiness in the mornings".
_DEGREE = re.compile(r"^\W*(?:mild|moderate|some|occasional|slight|intermittent|minor)\s+(?:\w+\s+)?$", _I)
#: A cause word right before the symptom: "makes him foggy", "gives her nausea".
_CAUSED_JUST_BEFORE = re.compile(rf"{_CAUSE_WORDS}\s+(?:(?:a\s+)?(?:little|bit|very|so|really|some)\s+)?$", _I)
#: The symptom told as history: "Hx GI bleed on NSAID", "history of dyspepsia", "h/o nausea with codeine".
#: The symptom as the subject of teaching: "warned about drowsiness", "counseled regarding constipation".
_TAUGHT = re.compile(
    r"\b(?:warned|counsel+ed|educated|advised|cautioned|instructed|informed|discussed|reviewed|explained)\b[^.;]{0,25}?"
    r"\b(?:about|regarding|re|on|of|that)\s+(?:\w+\s+){0,3}$",
    _I,
)
_TEACHING_WORDS = ("warn", "counsel", "educat", "advis", "caution", "instruct", "inform", "discuss", "review", "explain")
_HISTORY_BEFORE = re.compile(r"\b(?:hx|h/o|history\s+of|prior|previous|past|remote)\s+(?:\w+\s+)?$", _I)
#: A cause other than a drug right after the symptom: "dizziness since the fall", "after the accident".
_OTHER_CAUSE = re.compile(
    r"\s*(?:\w+\s+)?(?:since|after|from|due\s+to|d/t|with)\s+(?:the\s+|his\s+|her\s+)?(?:fall|injury|accident|concussion|head|surgery|MVA|crash)\b", _I
)
#: The drug, by a pronoun, said to bring the symptom about: "It makes him foggy", "they make her drowsy".
_PRONOUN_CAUSE = re.compile(
    rf"\b(?:it|they|this|these|the\s+(?:pills?|tablets?|patch(?:es)?))\s+(?:\w+\s+)?{_CAUSE_WORDS}\s+(?:\w+\s+)?$", _I
)
#: Side effects denied but one: "No side effects besides some constipation", "no AEs other than mild nausea".
_BUT_ONE = re.compile(r"^\s*(?:besides|except(?:\s+for)?|other\s+than|aside\s+from|apart\s+from)\s", _I)
_BUT_ONE_BEFORE = re.compile(r"\b(?:besides|except(?:\s+for)?|other\s+than|aside\s+from|apart\s+from)\s+(?:\w+\s+){0,2}$", _I)
#: The symptom is an item of a list a "no" heads: "No sedation, [constipation] or nausea".
_NO_LIST = re.compile(r"\bno\s+(?:[\w-]+(?:\s*,\s*|\s+or\s+|\s+and\s+|\s+)){1,6}$", _I)


def _negated_by_list(before: str) -> bool:
    return bool(_NO_LIST.search(before))


#: Doses beyond the prescription, in the worker's words: "admits taking extra tablets on bad days", "took an extra dose".
#: The pattern starts at "extra" (a rare word start) and the verb is asked of the words before it.
_EXTRA_DOSES = re.compile(r"\bextra\s+(?:tablets?|pills?|doses?|tabs?|patch(?:es)?)\b", _I)
_TOOK_BEFORE = re.compile(r"\b(?:took|tak(?:e|es|ing|en)|us(?:e|es|ed|ing))\s+(?:an?\s+|some\s+|a\s+few\s+)?$", _I)


def _extra_doses(s: Sentence, ctx: Context) -> None:
    """Taking extra doses is aberrant behaviour (CPMTG p. 78-80); denied, it documents none."""
    for m in finditer(_EXTRA_DOSES, s.text):
        if _TOOK_BEFORE.search(s.text[max(0, m.start() - 25) : m.start()]):
            said = polarity(s.text, m.start(), m.end())
            if said in ("affirmed", "negated"):
                ctx.draft.finding("monitoring.aberrant_behavior", "yes" if said == "affirmed" else "no", clause_evidence(s, m.start(), m.end()))


def _side_effect_symptoms(s: Sentence, ctx: Context) -> None:
    """'Denies constipation or drowsiness' -> no side effects; 'mild constipation w/ Norco' -> side effects."""
    names = [d.name.lower() for d in ctx.draft.drugs]
    on_opioid = any(set(d.classes) & _SEDATING and d.status == "current" for d in ctx.draft.drugs) or any(
        set(item.classes) & _SEDATING for item in ctx.items
    )
    # A template's review of systems denies symptoms whatever the drugs: an opioid's side effects only when one is taken.
    template = s.section == "review_of_systems" or bool(_ROS_LINE.match(s.text))
    on_nsaid = any(set(d.classes) & _NSAIDS and d.status == "current" for d in ctx.draft.drugs)
    on_drug = any(d.status == "current" for d in ctx.draft.drugs)
    taking_sedating = any(set(d.classes) & _SEDATING and d.status == "current" for d in ctx.draft.drugs)
    for m in finditer(_OPIOID_INDUCED, s.text):
        if polarity(s.text, m.start(), m.end()) == "affirmed":
            ctx.draft.finding("monitoring.side_effects", "yes", clause_evidence(s, m.start(), m.end()))
    taught = any(w in s.text.lower() for w in _TEACHING_WORDS)
    for m in finditer(_SE_SYMPTOM, s.text):
        said = polarity(s.text, m.start(), m.end())
        left, right = clause_bounds(s.text, m.start(), m.end())
        gi = on_nsaid and bool(_NSAID_GI_RE.match(m.group()))
        if said == "negated" and _CAUSED_JUST_BEFORE.search(s.text[max(0, m.start() - 25) : m.start()]):
            said = "affirmed"  # "he notices no difference and it makes him foggy": the "no" is the other clause's
        foggy = m.group().lower().startswith(("fog", "brain"))
        if said == "affirmed" and foggy and not (
            _CAUSED_JUST_BEFORE.search(s.text[max(0, m.start() - 25) : m.start()]) or any(n and n in s.text[left:right].lower() for n in names)
        ):
            continue  # "foggy" is a head injury's symptom too: a drug's only where the drug is said to bring it
        if said == "affirmed" and _NSAID_ONLY_RE.match(m.group()) and not on_nsaid:
            continue  # stomach pain of a worker on no NSAID is no side effect
        if said == "affirmed" and _HISTORY_BEFORE.search(s.text[max(0, m.start() - 30) : m.start()]):
            continue  # "Hx GI bleed on NSAID": a past event, not an effect of the drug now
        if _BUT_ONE_BEFORE.search(s.text[max(0, m.start() - 30) : m.start()]) and (on_drug or on_opioid):
            ctx.draft.finding("monitoring.side_effects", "yes", clause_evidence(s, m.start(), m.end()))
            continue  # "no side effects besides some constipation"
        if said == "negated" and gi and not _PROCEDURE.search(s.text[left:right]):
            ctx.draft.finding("monitoring.side_effects", "no", clause_evidence(s, m.start(), m.end()))
            continue  # "No GI upset", "denies stomach pain or dark stools" of a worker on an NSAID
        if said == "negated":
            if _PROCEDURE.search(s.text[left:right]) or (template and not on_opioid):
                continue
            if _SCREENED.search(s.text[left:right]) and not _DRUG_CONTEXT.search(s.text[left:right]):
                continue  # "Denies LOC, vision changes, nausea": a head injury's or red flags' screen, not a drug's effects
            no_before = _NO_BEFORE.search(s.text[left : m.start()]) or _negated_by_list(s.text[left : m.start()])
            if (_DENIES.search(s.text[left : m.start()]) or _DRUG_CONTEXT.search(s.text[left:right])
                    or (no_before and (on_opioid or any(n in s.text[: m.start()].lower() for n in names if n)))):
                # "No sedation or constipation" of a worker on an opioid: its side effects denied
                # "Naproxen 500 BID - mild help, no GI sx": the drug named, the symptom denied
                ctx.draft.finding("monitoring.side_effects", "no", clause_evidence(s, m.start(), m.end()))
        elif said == "affirmed":
            clause = s.text[left:right].lower()
            if search(_ENDED, s.text) or _ABOUT_SIGNS.search(s.text[max(0, m.start() - 30) : m.start()]) or planned(s.text, m.start(), m.end()) \
                    or (taught and _TAUGHT.search(s.text[max(0, m.start() - 40) : m.start()])):
                continue  # "Signs of sedation reviewed", "risks of constipation discussed": teaching, not a finding
            if _RESOLVED.match(s.text, m.end()):
                # "mild dizziness first week on gabapentin, resolved": no side effect now, of a drug still taken
                if _SE_FIELD.search(s.text[max(0, m.start() - 40) : m.start()]) or _DRUG_CONTEXT.search(s.text[left:right]) or on_drug:
                    ctx.draft.finding("monitoring.side_effects", "no", clause_evidence(s, m.start(), m.end()))
                continue
            if _SE_FIELD.search(s.text[max(0, m.start() - 40) : m.start()]):
                ctx.draft.finding("monitoring.side_effects", "yes", clause_evidence(s, m.start(), m.end()))
                continue
            if on_opioid and _LAXATIVE.search(clause):
                # "Constipated - taking senna" of a worker on an opioid: the constipation it brings, treated
                ctx.draft.finding("monitoring.side_effects", "yes", clause_evidence(s, m.start(), m.end()))
                continue
            if re.search(r"\bfor\s+(?:\w+\s+)?$", s.text[max(0, m.start() - 20) : m.start()], _I):
                continue  # "received Norco from the ED for stomach pain": what a drug or visit was for, not its effect
            drug_said = _DRUG_CONTEXT.search(clause) and (
                bool(_CAUSED_BY_MEDS.search(clause[: m.start() - left])) or
                any(n in clause for n in names) or _DRUG_CONTEXT.search(clause[m.end() - left :])
                or (_CAUSES.search(clause) and may_name_a_drug(clause, ctx) and bool(drug_mentions(clause, ctx)))
            )
            sedating_now = on_opioid and not gi and not foggy
            if drug_said or ((sedating_now or gi) and _REPORTS.search(s.text[left : m.start()])) or (
                taking_sedating and _DEGREE.search(s.text[left : m.start()]) and not _OTHER_CAUSE.match(s.text, m.end())
            ) or (on_drug and _PRONOUN_CAUSE.search(s.text[left : m.start()])):
                ctx.draft.finding("monitoring.side_effects", "yes", clause_evidence(s, m.start(), m.end()))


def _controlled_from_another(s: Sentence, ctx: Context) -> None:
    """A controlled drug the worker gets from another prescriber documents other prescribers (CPMTG p. 78-80)."""
    m = search(_ANOTHER_SOURCE, s.text)
    if m is None or polarity(s.text, m.start(), m.end()) != "affirmed" or _NOT_NOW.search(s.text):
        return
    if "prescriber" in m.group().lower() or search(_CONTROLLED_WORDS, s.text) or (
        may_name_a_drug(s.text, ctx) and any(set(d.classes) & _CONTROLLED for d in drug_mentions(s.text, ctx))
    ):
        ctx.draft.finding("monitoring.other_prescribers", "yes", clause_evidence(s, m.start(), m.end()))


#: The ratings of a pain assessment (CPMTG p. 78): current, least, average, worst, and after the dose.
_ASSESSED_RATING = re.compile(
    r"\b(?P<kind>current|now|today|least|lowest|best|average|avg|usual|typical|worst|highest|max(?:imum)?"
    r"|after\s+(?:taking|a\s+dose|the\s+(?:dose|opioid|medications?|meds?|pill)))\b"
    r"(?:\s+(?:reported\s+)?(?:pain|level|score|rating|VAS|NRS))?[^.;:\d]{0,30}?:?\s*(?<![\d/])\d{1,2}(?:\.\d)?\s*/\s*10\b",
    _I,
)
_KINDS = {"now": "current", "today": "current", "lowest": "least", "best": "least", "avg": "average", "usual": "average",
          "typical": "average", "highest": "worst", "max": "worst", "maximum": "worst"}
#: How soon relief comes after a dose, and how long it lasts: both told are the assessment's timing.
_RELIEF_ONSET = re.compile(
    r"(?<!\bat\s)\b(?:onset|time\s+to\s+(?:relief|onset|effect)|takes?\s+effect|kicks?\s+in|starts?\s+(?:to\s+)?work(?:ing)?|works?\s+within"
    r"|relief\s+(?:in|within)|(?:begins?|starts?|comes\s+on)\s+(?:to\s+work\s+)?(?:in|within|after)|takes?\s+(?:about\s+|around\s+|roughly\s+)?\d+\s*(?:-\s*\d+\s*)?min(?:ute)?s?\s+to\s+(?:work|kick\s+in|take\s+effect|help))\b"
    r"[^.;]{0,30}?\d+\s*(?:-|to)?\s*\d*\s*(?:min(?:utes?)?|hrs?|hours?)\b"
    r"|\btakes?\s+(?:about\s+|around\s+|roughly\s+)?\d+\s*(?:-\s*\d+\s*)?min(?:ute)?s?\s+to\s+(?:work|kick\s+in|take\s+effect|help)\b",
    _I,
)
#: What "begins in 20 min" must be told of to be the relief's onset: "relief from the Norco begins in 20 min".
_ONSET_SUBJECT = re.compile(r"\b(?:relief|effect|it|medications?|meds|dose)\s+(?:[\w/]+\s+){0,3}?$", _I)


def _onset_of_relief(text: str, m: re.Match[str]) -> bool:
    """A "begins / starts / comes on in" match is the relief's onset only when the relief, the drug or "it" begins."""
    if not re.match(r"(?:begins?|starts?|comes)\s+(?:on\s+|to\s+work\s+)?(?:in|within|after)\b", m.group(), _I):
        return True
    return bool(_ONSET_SUBJECT.search(text[max(0, m.start() - 40) : m.start()]))
_RELIEF_LASTS = re.compile(
    r"\b(?:(?:relief|effect|benefit|it|dose)\b[^.;]{0,40}?\b(?:lasts?|lasting)|duration\s+of\s+(?:relief|effect|action)|duration\s*:)"
    r"[^.;]{0,20}?\d+\s*(?:-|to)?\s*\d*\s*(?:hrs?|hours?|min(?:utes?)?)\b",
    _I,
)


def _assessed_ratings(s: Sentence) -> set[str]:
    """The kinds of rating a sentence gives ("least 3/10, average 6/10" -> least, average)."""
    kinds = set()
    for m in finditer(_ASSESSED_RATING, s.text):
        word = m.group("kind").lower()
        kinds.add("after" if word.startswith("after") else _KINDS.get(word, word))
    return kinds


def read_pain_assessment(sentences: list[Sentence], ctx: Context) -> None:
    """The pain assessment the guideline asks for (CPMTG p. 78): pain on and off medication with the onset or duration of
    relief; or the current, least, average (worst, after-dose) ratings told together; or how soon relief comes and how
    long it lasts."""
    for s in sentences:
        if len(_assessed_ratings(s)) >= 3:
            m = search(_ASSESSED_RATING, s.text)
            if m is not None:
                ctx.draft.finding("monitoring.pain_assessment", "yes", clause_evidence(s, m.start(), m.end()))
                return
    onset = next(
        (
            (s, m) for s in sentences for m in finditer(_RELIEF_ONSET, s.text)
            if polarity(s.text, m.start(), m.end()) == "affirmed" and _onset_of_relief(s.text, m)
        ),
        None,
    )
    lasts = onset is not None and any(
        polarity(s.text, m.start(), m.end()) == "affirmed"
        for s in sentences if "last" in s.text.lower() or "duration" in s.text.lower()
        for m in finditer(_RELIEF_LASTS, s.text)
    )
    if onset is not None and lasts:
        ctx.draft.finding("monitoring.pain_assessment", "yes", clause_evidence(onset[0], onset[1].start(), onset[1].end()))
        return
    contexts = {p["context"] for p in ctx.draft.pain}
    if not {"with_medication", "without_medication"} <= contexts:
        return
    for s in sentences:
        for m in finditer(_RELIEF_TIMING, s.text):
            if _SYMPTOM_LASTS.search(s.text[max(0, m.start() - 30) : m.start()]):
                continue  # "morning stiffness lasts about 15 minutes": a symptom's length, not the relief's
            if polarity(s.text, m.start(), m.end()) == "affirmed":
                ctx.draft.finding("monitoring.pain_assessment", "yes", clause_evidence(s, m.start(), m.end()))
                return


#: A symptom right before "lasts": its own length ("morning stiffness lasts 20 minutes", "the headache lasting 2 hours").
_SYMPTOM_LASTS = re.compile(
    r"\b(?:stiffness|pain|ache|aching|headaches?|spasms?|cramp\w*|numbness|tingling|symptoms?|flares?|episodes?|attacks?|swelling)\s+(?:\w+\s+)?$", _I
)
#: Drug classes whose side effects the symptoms of `_SE_SYMPTOM` are (sedation, constipation, nausea, dizziness).
_NSAIDS = frozenset({"nsaid", "cox2_inhibitor", "salicylate"})
_SEDATING = frozenset({"opioid", "muscle_relaxant", "benzodiazepine", "antiepilepsy_drug", "sedative", "hypnotic"})
#: A screen named again by "one" after the sentence named the first: "UDS collected today; last one (1/5/16) was consistent".
_EARLIER_ONE = re.compile(r"\b(?:the\s+)?(?:last|previous|prior|most\s+recent|earlier)\s+one\b", _I)


def _named_screen(s: Sentence, ctx: Context) -> bool:
    return any(hit.key == "urine_drug_screen" for hit in ctx.vocab.mentions(s.text, ("service",)))


def _screens(s: Sentence, ctx: Context) -> None:
    named = False
    for hit in ctx.vocab.mentions(s.text, ("service",)):
        start, end = hit.start, hit.end
        if hit.key != "urine_drug_screen":
            continue
        said = polarity(s.text, start, end)
        if said == "negated" and _deviation_word(s.text) and _NO_DEVIATION.match(s.text, end, end + 40) is None and re.match(
            rf"[^.;]{{0,25}}?{_NO_DEVIATION.pattern}", s.text[end : end + 60], _I
        ):
            said = "affirmed"  # "UDS: no inconsistencies": the "no" is the result's, not the screen's
        if hit.key != "urine_drug_screen" or said in ("hedged", "undocumented", "negated"):
            continue
        named = True
        _screen_at(s, ctx, start, end)
    if named and (one := search(_EARLIER_ONE, s.text)) is not None and polarity(s.text, one.start(), one.end()) == "affirmed":
        _screen_at(s, ctx, one.start(), one.end())


_SCREEN_WORDS = re.compile(r"\b(?:UDS|UDT|urine|drug\s+(?:screen|test)|tox\w*)\b", _I)


def _missed_current_drug(clause: str, ctx: Context) -> bool:
    """Whether the screen was negative for a drug the worker takes now: the drug prescribed is absent (inconsistent)."""
    for m in _NEGATIVE_FOR.finditer(clause):
        what = m.group("what").lower()
        for d in ctx.draft.drugs:
            if d.status == "current" and "opioid" in d.classes and (
                d.name.lower() in what or any(i in what for i in d.ingredients if i != "acetaminophen")
            ):
                return True
    return False


def _screen_at(s: Sentence, ctx: Context, start: int, end: int) -> None:
    """The screen named at [start, end) of the sentence, with its date and result from its clause."""
    stop = _SCREEN_END.search(s.text, end)  # "UDS 01/16/2015: consistent" reads past a form's colon
    right = stop.start() if stop else len(s.text)
    if stop is not None and stop.group().startswith(";"):
        # a result told in the clause after the semicolon: "oxycodone +; consistent", "present (expected); also
        # oxycodone, not prescribed" - up to the sentence's end, if no other screen is named there
        full = re.search(r"\.\s|$", s.text[right:])
        rest = s.text[right : right + (full.start() if full else 0)]
        if (_INCONSISTENT.search(rest) or _CONSISTENT.search(rest)) and not _SCREEN_WORDS.search(rest):
            right += len(rest)
    clause = s.text[start:right]
    if (_PLANNED.search(s.text[max(0, start - 40) : start]) or _PLANNED_AFTER.match(clause[end - start :])
            or planned(s.text, start, end) or _IF_DEVIANT.search(clause)):
        return
    dates = [d for d in find_dates(clause) if not d.bare_year or re.search(r"\bin\s+$", clause[: d.start])]
    if re.search(r"\b(?:positive|\(\+\))\s+$", s.text[max(0, start - 12) : start], _I) and _ILLICIT_AFTER.match(clause[end - start :]):
        consistent = "no"  # "a positive UDS for marijuana in 2013"
    elif _RESULT_BEFORE.search(s.text[max(0, start - 25) : start]) or _missed_current_drug(clause, ctx):
        consistent = "no"  # "aberrant UDS 08/2020"; "negative for hydrocodone" of a worker on Norco
    else:
        no_deviation = _NO_DEVIATION.search(clause) if _deviation_word(clause) else None
        deviant = _INCONSISTENT.search(clause[: no_deviation.start()] + clause[no_deviation.end() :] if no_deviation else clause)
        consistent = "no" if deviant else "yes" if (no_deviation or _CONSISTENT.search(clause)) else "unknown"
    ctx.draft.screen(
        dates[0].date if dates else None,
        consistent,
        s.evidence(start, right if dates or consistent != "unknown" else end),
    )


#: The patterns `read_monitoring` asks each sentence about itself, asked once for all (`shut`); one left out is only asked.
_MONITORING_ASKS = (_SCREEN_WORDS, _SIDE_EFFECTS, _SE_NONE, _HAS_SIDE_EFFECTS, _ONE_PRESCRIBER, _PAIN_ASSESSMENT, _PAIN_RELIEF)
