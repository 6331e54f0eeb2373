"""Drugs a note says the patient takes, took or failed, outside any drug list.

Clinicians rarely write "Current medications include ..." in the body of a note. They
write the drug with its dose ("Meloxicam 15 mg qd (PTP) - can't increase"), a verb of
use ("Takes Motrin 600 prn", "took naproxen for 3 months"), the condition or class it
treats ("type 2 diabetes (metformin)", "a muscle relaxer (cyclobenzaprine)"), or what
became of it ("gabapentin was not tolerated", "Ibuprofen without benefit"). Each such
mention of a drug the vocabulary knows is read with a status from its own list item:
failure words make it tried and failed, stopping words past, and otherwise the
sentence's tense (a treatment history is past) or current.

A drug the plan merely names is not taken: in the plan a dosed line counts only when it
continues or refills the drug ("Gabapentin 600 mg TID #90 - continue"), since "Start
pregabalin 75 mg" is a new prescription. A line that repeats a request is not use
either. Negated use ("never tried gabapentin") is no mention.
"""

from __future__ import annotations

import re

from ..vocabulary import line_key
from .context import Context
from .lists import item_end
from .medications import (
    A_DOSE_ONLY,
    FINISHED_WHEN,
    MONITORING_HARM,
    NOT_TOLERATED,
    Mention,
    describe,
    drug_mentions,
    item_status,
    may_name_a_drug,
    with_acetaminophen,
)
from .other_person import told_of_another
from .sentences import Sentence
from .word_gate import search

_I = re.IGNORECASE
#: A dose or sig right after the name: "15 mg", "10/325", "5%", "500 BID", "prn" (not a date such as 9/13).
_DOSED = re.compile(
    r"(?:\s*(?:\([^()]{1,40}\)|(?:ER|IR|XR|SR|CR|DR|XL|ODT|LA|HCl|patch(?:es)?|tabs?|caps?|cream|gel|samples?)\b)){0,3}\s*"
    r"(?:#\s*\d+\b"
    r"|(?!\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\d{1,2}/\d{4}\b|(?:19|20)\d\d\b)\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)*(?!\s*(?:ng|pg|ug)\b)\s*(?:mg|mcg|g|gm|grams?|%|ml|units?)?\b"
    r"|(?:prn|bid|tid|qid|qd|qhs|hs|daily|nightly|weekly|monthly|q\s?week|qwk|as\s+needed|q\d+h|OTC|IM|IV|PO)\b)",
    _I,
)
#: Words of use just before the name: "takes", "has taken", "a 2 week course of", "using", "on".
_USE_BEFORE = re.compile(
    r"\b(?:takes|taking|took|taken|uses|using|used|tried|trials?\s+of|course\s+of|started(?:\s+(?:him|her|them))?\s+on"
    # a topical put on: "applies a compounded cream (ketoprofen/lidocaine)", "applying Voltaren gel"
    r"|started|on|w/|with|given|prescribed|prescribes|dispensed|added|receives|receiving|applies|applying|applied)"
    r"\s+(?:(?:a|an|the|his|her|low[- ]dose|oral|topical|OTC|some|compound(?:ed)?)\s+)*$"
    # the drug put in another's place, which is now taken: "was switched from tramadol to Nucynta", "changed him over to"
    r"|\b(?:switched|changed|transitioned|converted)\s+(?:(?:him|her|them)\s+)?(?:over\s+)?(?:from\s+[^.;]{1,40}?\s+)?to\s+(?:(?:the|his|her)\s+)?$"
    # the worker's own drug: "cut his Norco from 3 tablets a day to 1", "back to 3 Norco a day"
    r"|\b(?:his|her|my|their)\s+$|\b(?:to|of|on)\s+\d\s+$"
    # taken now and then or bought over the counter: "occasional acetaminophen", "Also OTC naproxen", "prn Tylenol"
    r"|\b(?:occasional(?:ly)?|intermittent(?:ly)?|OTC|over[- ]the[- ]counter|prn)\s+$"
    # the one drug a "no meds" leaves: "no meds other than ibuprofen", "no medications except Tylenol", "nothing but Aleve"
    r"|\b(?:no|any)\s+(?:other\s+)?(?:pain\s+)?(?:meds|medications?|medicines?|pills?)\s+(?:other\s+than|except(?:\s+for)?|besides|but)\s+"
    r"(?:(?:the|his|her|OTC|occasional)\s+)*$|\bnothing\s+(?:other\s+than|except(?:\s+for)?|besides|but)\s+(?:(?:the|his|her|OTC)\s+)*$",
    _I,
)
#: A possessed drug named for its request, not its use: "his Norco request", "her tramadol was denied".
_REQUEST_AFTER = re.compile(r"\s*(?:request|RFA|authori[sz]ation|refill\s+request|(?:was|were)\s+(?:denied|non-?certified|modified))\b", _I)
#: The condition or class a drug is named for, just before it in parentheses: "hypertension (lisinopril)".
_FOR_WHAT = re.compile(
    r"\b(?:diabetes|dm|hypertension|htn|hyperlipidemia|cholesterol|reflux|gerd|depression|anxiety|insomnia|asthma"
    r"|thyroid|hypothyroidism|muscle\s+relax(?:ant|er)s?|nsaids?|anti-?inflammator(?:y|ies)|opioids?|narcotics?"
    r"|pain\s+(?:medications?|meds|pills?)|sleep\s+aids?|antidepressants?|nerve\s+(?:medications?|meds|pills?)"
    r"|stool\s+softeners?|laxatives?"
    # the chronic conditions of a past history, each with its drugs: "Atrial fibrillation: apixaban", "gout (allopurinol)"
    r"|atrial\s+fibrillation|a-?fib|osteoporosis|osteopenia|gout|bph|prostate|copd|ckd|chf|heart\s+failure|cad|arrhythmia"
    r"|migraines?|ptsd|nightmares|seizures?|epilepsy|hyperthyroidism|hypothyroid|dyslipidemia|lipids|t2dm|dm2|iddm|niddm"
    r"|(?:type\s+(?:2|ii|1|i)\s+)?diabetes(?:\s+mellitus)?)"
    r"(?:\s+(?:well[- ])?(?:controlled|stable|managed|treated))?(?:\s*\(\s*(?:[^()]{1,40}?,\s*)?|\s*:\s*(?:[^():;]{1,40}?,\s*)?)$",
    _I,
)
#: Joined to the drug before it, which its use covers: "on lisinopril 40 and chlorthalidone", "carvedilol, amlodipine",
#: past the first one's sig: "taking Norco 5/325 one tablet about twice a day, senna at bedtime", "aspirin 81 mg BID; docusate".
#: A drug's dose and sig, between it and the next drug of a list: "5/325 one tablet about twice a day", "81 mg BID".
_SIG = (
    r"(?:\s*[\d./]+\s*(?:mg|mcg|units?|u)?)?(?:\s*(?:bid|tid|qid|qd|qhs|hs|prn|daily|nightly|po|q\d+-?\d*h"
    r"|(?:\d|one|two|three|four)\s*(?:x|times)\s*(?:a|per|/)\s*(?:day|night|week)|at\s+(?:night|bedtime)"
    r"|(?:about|approximately|~|up\s+to)|(?:\d(?:-\d)?|one|two|three|1/2|half\s+a)\s+(?:tabs?|tablets?|caps?|capsules?|pills?|patch(?:es)?)"
    r"|(?:once|twice|three\s+times)\s+(?:a|per)\s+(?:day|night|week)|(?:a|per)\s+day|as\s+needed|in\s+the\s+(?:morning|evening)))*"
)
_JOINED = re.compile(
    "^" + _SIG +
    # what the first is for: "gabapentin 600 mg three times a day for the leg pain (certified), and lisinopril"
    r"(?:\s+for\s+(?:the\s+|his\s+|her\s+)?[a-z]+(?:\s+[a-z]+){0,2}?)?"
    # an aside on the first drug between them: "on duloxetine 60 mg daily (x 1 yr, "helps my mood a bit") and acetaminophen"
    rf"(?:\s*\((?![^()]*\b(?:stopped|discontinued|d/c|dc'd|no\s+longer|failed|{NOT_TOLERATED})\b)[^()]{{0,80}}\))?"
    r"\s*(?:,|;|\band\b|\+|&|/)\s*(?:(?:and|his|her|the)\s+)*$",
    _I,
)
#: A failure verb right before a drug, which opens a list it speaks of whole: "Did not tolerate gabapentin (dizziness) and
#: pregabalin", "Failed naproxen, meloxicam and Celebrex", "Intolerant of NSAIDs: ibuprofen, naproxen", "tolerated
#: neither gabapentin nor pregabalin".
_FAILURE_BEFORE = re.compile(
    rf"(?:\b(?:{NOT_TOLERATED})|\bintoleran(?:t|ce)\s+(?:of|to)|\b(?:tried\s+and\s+)?failed|\b(?:tolerated|tolerate)\s+neither)"
    r"\s+(?:[\w-]+\s*:\s*)?(?:(?:the|his|her|a|an|both|either|neither|oral|topical|trials?\s+of)\s+)*\Z",
    _I,
)
#: The next drug of a list a failure verb opened, past the last one's dose, sig and bracket: "gabapentin (dizziness) and
#: pregabalin", "naproxen 500 bid, meloxicam", "gabapentin nor Lyrica", "Cymbalta (nausea) as well as Savella"; never past
#: a clause of its own ("; now on Lyrica", ", continues meloxicam", "and is taking Norco").
_FAILED_LIST_ON = re.compile(
    "^" + _SIG + r"(?:\s*\([^()]{0,80}\))?\s*(?:,|\band\b|\bor\b|\bnor\b|&|/|\bas\s+well\s+as\b)\s*"
    r"(?:(?:and|or|nor|then|either|the|his|her)\s+)*$",
    _I,
)
_TRIED_FAILED = re.compile(
    rf"\b(?:failed|having\s+failed|{NOT_TOLERATED}"
    r"|intoleran\w*"
    r"|(?:without|w/o)\s+(?:any\s+)?(?:benefit|relief|improvement|help)"
    r"|(?:no|little|minimal|limited)\s+(?!dose\b|dosage\b)(?:\w+\s+)?(?:benefit|relief|improvement|change(?!\s+in\s+(?!pain\b))(?!\s*[,;:-]?\s*(?:continue|cont\b|refill|renew|same\s+dose|to\s+(?:the\s+)?(?:dose|regimen)))|help|response)"
    r"|less\s+effective|did\s*(?:not|n'?t)\s+respond|non-?responsive"
    r"|(?:none|neither|nothing)(?:\s+of\s+(?:these|them|those|which))?\s+(?:really\s+)?(?:helped|worked)"
    r"|(?:not\s+enough|insufficient|inadequate)\s+(?:pain\s+)?(?:relief|benefit|help|effect)"
    r"|did\s*(?:not|n'?t)\s+do\s+(?:anything|much|a\s+thing|a\s+lot)|did\s+nothing|not\s+much\s+(?:help|relief|benefit)"
    r"|did\s*(?:not|n'?t)\s+help|ineffective|not\s+effective|(?:can'?t|cannot|can\s+not)\s+take"
    # a side effect it led to: "naproxen -> GI bleed 2012", "Amitriptyline 25 qhs -> urinary retention", "upsets my stomach"
    r"|(?:->|→)\s*[\"']?\s*(?:GI\s+bleed\w*|bleed\w*|rash|hives|nause\w*|vomit\w*|dizz\w*|sedat\w*|drows\w*|urinary\s+retention"
    r"|swelling|edema|constipat\w*|confus\w*|itch\w*|(?:upset\s+stomach|stomach\s+upset)|GI\s+upset|dyspeps\w*|heartburn|palpitations)"
    r"|upsets?\s+(?:my|his|her|the)\s+stomach"
    r"|no\s+(?:\w+\s+)?effect|(?:stopped|discontinued|d/c'?d|dc'?d)\b[^,;]{0,40}?\b(?:due\s+to|d/t|because|secondary\s+to|2/2)(?!"
    # a stop for no fault of the drug: "because she didn't need it", "because his pain resolved", "due to cost"
    r"\s+(?:of\s+)?(?:(?:she|he|they|pt|the\s+patient|his|her|the)\s+)?(?:did\s*(?:not|n'?t)\s+need|does\s*(?:not|n'?t)\s+need|no\s+longer\s+need"
    r"|(?:pain|symptoms?)\s+(?:had\s+)?(?:resolved|improved|went\s+away|settled)|felt\s+better|was\s+better|cost|insurance|pregnan\w*"
    r"|surgery|(?:the\s+)?(?:prescription|supply)\s+ran\s+out|ran\s+out))"
    r"|(?:stopped|discontinued|d/c'?d|dc'?d)\s+for\s+(?:\w+\s+)?(?:upset|GI|nause\w*|dizz\w*|sedat\w*|rash|side\s+effects?|intoleran\w*))\b",
    _I,
)
#: A sentence that tells history: its drugs were taken before, unless their own words say otherwise.
_PAST_SENTENCE = re.compile(
    r"\b(?:took|had\s+taken|previously|formerly|in\s+the\s+past|initial(?:ly)?\s+care|initial\s+treatment|used\s+to"
    r"|(?:prior|previous|past)\s+(?:conservative\s+)?(?:care|treatments?|therapy|therapies)"
    r"|(?:conservative\s+)?(?:care|treatment)\s+(?:so\s+far|to\s+date)|(?:was|were)\s+given|was\s+tried"
    # an earlier encounter: "He was seen at industrial clinic, given Motrin and Flexeril"
    r"|(?:was|were)\s+(?:initially\s+|first\s+)?seen\s+(?:at|in|by)|initially\s+(?:treated|seen))\b",
    _I,
)
#: A history list's own lead: every drug it names was taken ("Prior conservative care: PT, naproxen, ...").
_HISTORY_LEAD = re.compile(
    r"\b(?:(?:prior|previous|past)\s+(?:conservative\s+)?(?:care|treatments?|therapy|therapies)"
    r"|(?:conservative\s+)?(?:care|treatment)\s+(?:so\s+far|to\s+date)|initial\s+care\s+was|has\s+(?:tried|had)"
    r"|(?:has|have)\s+(?:been|gone)\s+through|went\s+through|underwent"
    r"|(?:conservative\s+)?(?:care|treatment)\b[^.:]{0,40}\bfailed"
    # a list of the drugs tried: "Med trials: citalopram 40 mg x 12 wks - no response; sertraline ..."
    r"|(?:med(?:ication)?s?|drug)\s+trials(?=\s*:))\b",
    _I,
)
#: A new prescription, not use: "Start duloxetine 30 mg", "Rx cyclobenzaprine 7.5 mg", "trial of Lyrica".
_NEW = re.compile(
    r"\b(?:start(?:ing)?|begin|initiate|rx|prescribe|add|switch\s+to|change\s+to|recommend(?:ed)?|consider(?:ing)?"
    r"|suggest(?:ed)?|will\s+(?:try|start|begin|trial|initiate|add|prescribe|order)"
    # a drug asked for, not taken: "Requesting authorization for Lyrica", "RFA for tramadol ER", "request approval of"
    r"|request(?:ing|ed|s)?(?:\s+(?:authori[sz]ation|approval|certification|auth))?\s+(?:for|of)|(?-i:RFA)\s+for)\s+(?:\w+\s+){0,3}$",
    _I,
)
#: A drug another replaces: "in place of OTC ibuprofen", "instead of the Norco", "switched from tramadol (to ...)".
_REPLACED = re.compile(
    r"\b(?:in\s+place\s+of|instead\s+of|(?:switched|changed|converted|transitioned)\s+(?:him\s+|her\s+)?(?:over\s+)?from)"
    r"\s+(?:(?:the|his|her|OTC|oral|prior)\s+)*$",
    _I,
)
#: A drug another replaced, told after it: "Nucynta was changed to Norco", "tramadol was switched to tapentadol".
_REPLACED_AFTER = re.compile(
    r"\s*(?:[\d./]+\s*(?:mg|mcg)?\s*)?(?:was|were|has\s+been|had\s+been)\s+(?:switched|changed|converted|replaced|swapped)\s+(?:over\s+)?(?:to|with|by|for)\b",
    _I,
)
#: A supply used up, not renewed: "ran out of gabapentin 2 weeks ago" (running out early is another matter).
_RAN_OUT = re.compile(r"\b(?:ran|has\s+run|had\s+run|have\s+run)\s+out\s+of\s+(?:(?:the|his|her|my)\s+)?$", _I)
#: Use not had for a while: "has not taken his tramadol in 2 weeks", "hasn't used the Lidoderm since May".
_NOT_LATELY = re.compile(
    r"\b(?:has|have|had)\s*(?:not|n'?t)\s+(?:taken|used|had|been\s+(?:on|taking|using))\s+(?:(?:the|his|her|my|any)\s+)?$", _I
)
_FOR_A_WHILE = re.compile(
    r"[^.;]{0,30}?\b(?:(?:in|for)\s+(?:over\s+|about\s+|the\s+(?:past|last)\s+)?(?:\d+|a|an|one|two|three|four|several|many|a\s+few)"
    r"\s+(?:days?|weeks?|wks?|months?|mos?|years?|yrs?)|since)\b",
    _I,
)
#: A dose changed, so the drug is taken: "Increase gabapentin to 600 TID", "decrease Norco to BID", "taper the Soma".
_TITRATED_BEFORE = re.compile(
    r"\b(?:(?:increas|decreas|reduc|rais)(?:e|es|ed|ing)|lower(?:s|ed|ing)?|titrat(?:e|es|ed|ing)(?:\s+(?:up|down))?"
    r"|cut(?:\s+back(?:\s+on)?)?|(?:taper|wean)(?:s|ing)?(?:\s+(?:off|down)(?:\s+of)?)?|(?:tapered|weaned)(?:\s+down)?)"
    r"\s+(?:(?:the|his|her|their)\s+)?(?:(?:dose|dosage|frequency)\s+of\s+(?:(?:the|his|her)\s+)?)?$",
    _I,
)
_TITRATION_WORDS = ("increas", "decreas", "reduc", "lower", "rais", "titrat", "cut", "taper", "wean")
_TITRATED_AFTER = re.compile(
    r"\s*(?:[\d./]+\s*(?:mg|mcg)?\s*)?(?:(?:dose|dosage)\s+)?(?:(?:(?:was|were|has\s+been|had\s+been|is\s+being)\s+(?:recently\s+)?"
    r"(?:increased|decreased|reduced|lowered|raised|titrated|tapered|cut)(?!\s+(?:off|from)\b))"
    r"|(?:increased|decreased|reduced|lowered|raised|titrated\s+(?:up|down)|tapered|cut)\s+(?:to|by|from|back)\b)",
    _I,
)
#: Use ended before the note: "He stopped Norco on his own", "weaned off oxycodone".
_STOPPED_BEFORE = re.compile(
    r"\b(?:stopped|discontinued|d/c'?d|weaned\s+(?:off|from)|tapered\s+off|came\s+off|quit|done\s+(?:w/|with)"
    # no longer taken, or taken once: "no longer taking gabapentin", "has been off Norco since May", "was on meloxicam"
    r"|no\s+longer\s+(?:taking|takes|using|uses|on|prescribed)|(?:is|has\s+been|been)\s+off(?:\s+of)?"
    # the pain as it was on a drug given up: "Pain 4/10, was 8/10 on oxycodone" (not "Today pain was 5/10 on Norco")
    r"|(?<!today\s)(?<!pain\s)(?:was|were|had\s+been)\s+(?:previously\s+|once\s+|(?:an?\s+)?\d+(?:\.\d+)?\s*(?:/\s*10|out\s+of\s+(?:10|ten))\s+)?on)\s+"
    r"(?:the\s+|his\s+|her\s+)?$",
    _I,
)
#: The drug's own entry says it was never taken: "celecoxib - had never tried", "Lyrica: never been prescribed".
_NEVER_AFTER = re.compile(
    r"\s*[-:(\u2013]\s*(?:(?:has|had|have)\s+)?(?:never|not\s+yet)\s+(?:been\s+)?(?:tried|taken|used|started|prescribed)\b", _I
)
#: Use that ended: "no longer taking", "no longer on" (not "never taking": `_NOT_USED`).
_NO_LONGER = re.compile(r"\bno\s+longer\s+(?:taking|takes|using|uses|on|prescribed)\s+(?:the\s+|his\s+|her\s+)?$", _I)
_TRIED_BEFORE = re.compile(r"(?<!not\s)(?<!never\s)(?<!yet\s)\b(?:tried|trials?\s+of|failed)(?:\s*:)?\s+(?:(?:a|an|the|oral|topical|low[- ]dose)\s+)*$", _I)  # "Tried: Lyrica - swelling"
_NOT_USED = re.compile(
    # (not a side effect denied on the drug: "No constipation on senna", "denies sedation on Norco" tell it is taken)
    r"\b(?:never|not|no|denies|n't)\s+(?!(?:constipation|nausea|sedation|drowsiness|dizziness|somnolence|side\s+effects?|SE|GI\s+upset"
    r"|problems|issues|complaints|adverse\s+effects?|itching|reflux|heartburn)\b)(?:\w+\s+){0,2}?(?:tried|taken|taking|used|using|on|had)\s+(?:\w+\s+)?$"
    r"|\b(?:never|no|not|nor)\s+$"
    r"|\b(?:positive|negative|screen(?:ed)?|tested)\s+for\s+(?:\S+\s+){0,2}$|\bnon-?prescribed\s+$",
    _I,
)
_CONTINUED = re.compile(
    r"(?<!not\s)(?<!n't\s)(?<!no\s)(?<!not\sfor\s)\b(?:continue[sd]?|cont\.?|continuing|renew(?:ed|al)?"
    # a refill of the drug, not the refills a new prescription allows ("#90 with 1 refill", "Refills: 2")
    r"|(?<!\d\s)(?<!\d)refill(?:ed)?(?!s?\s*[:x#]?\s*\d))\b",
    _I,
)
#: A plan line that says the drug is taken now: "Norco 5/325 prn - taking 1-2 at night", "uses 1 qhs".
_TAKING_NOW = re.compile(r"[-,;:]\s*(?:currently\s+|still\s+)?(?:taking|takes|uses|using)\s+(?:\d|one|two|it|about|~)", _I)
#: A full stop ends an item, not one closing a sig abbreviation written with full stops ("1 p.o. q.h.s. #7", "q.6h.").
_ITEM_BREAK = re.compile(r"[,;]|\s-\s|(?<!\.[A-Za-z])(?<!\.\d[A-Za-z])\.\s|(?<=\))\s+and\s")
#: Use said outright right before the drug, read even in an exam or a diagnosis list (where a drug is mostly named for
#: another reason): "7/10 on ibuprofen 600 bid", "Pain currently 6/10, on naproxen", "she is taking tramadol".
_STRONG_USE = re.compile(
    r"(?:\d\s*/\s*10\s*,?\s+|(?:^|[,;]\s*)|\b(?:currently|still|now)\s+|\b(?:he|she|pt|patient)\s+(?:is\s+)?(?:also\s+|still\s+|now\s+)?)"
    r"(?:on|taking|takes|using|uses)\s+(?:(?:the|his|her|daily|OTC)\s+)?$",
    _I,
)
#: The drug's end told right after it: "Celebrex was stopped in 2013 after his blood pressure climbed".
_STOPPED_SAID = re.compile(r"\s*(?:[\d./]+\s*(?:mg|mcg)\s*)?(?:was|were|had\s+been|has\s+been)\s+(?:stopped|discontinued|d/c'?d)\b", _I)
_NO_USE_SECTIONS = frozenset({"diagnoses", "imaging", "work_status", "objective", "allergies"})


def read_drug_use(sentences: list[Sentence], ctx: Context) -> None:
    """Drugs named as used, by dose, verb, condition or outcome, each with the status its own words give."""
    requests = [line_key(item.text) for item in ctx.items]  # sig abbreviations with or without full stops alike
    asked = [frozenset(item.ingredients) for item in ctx.items if item.ingredients]
    previous = ""
    for s in sentences:
        lead_in, previous = (previous if previous.endswith(":") else ""), s.text
        if s.section in ("medications", "past_medications", "allergies"):
            continue
        strict = s.section in _NO_USE_SECTIONS  # an exam, a diagnosis, a study: only an outright "7/10 on ibuprofen"
        if not may_name_a_drug(s.text, ctx):
            continue
        key = line_key(s.text)
        if key and any(r[: len(key)] == key for r in requests):
            continue  # the note's copy of a request line
        mentions = [m for m in drug_mentions(s.text, ctx) if m.identity is not None and m.ingredients]
        if not mentions:
            continue
        mentions, compounds, apart = _with_compounds(s.text, mentions, ctx)
        history = search(_HISTORY_LEAD, s.text) or _HISTORY_LEAD.search(lead_in)
        failed_lead = history is not None and "fail" in history.group().lower()
        single = len({m.identity for m in mentions}) == 1
        last: tuple[int, str] | None = None  # where the drug read last ends, and its status
        led: int | None = None  # where the last drug of a list a failure verb opened ends
        for n, mention in enumerate(mentions):
            # where the next drug named is: a stop told after this one's comma that names it is its own ("takes
            # naproxen, stopped the tramadol")
            then = next((m.start for m in mentions[n + 1 :] if m.identity != mention.identity), None)
            if mention not in compounds and mention not in apart and _in_composition(s.text, mention, mentions):
                continue
            if told_of_another(s.text, mention.start, mention.end):
                continue  # "His wife takes Norco for her back"
            joined = last is not None and last[1] in ("current", "past") and _JOINED.match(s.text[last[0] : mention.start])
            in_history = s.section == "treatment_history" or (
                history is not None and (history.string is lead_in or history.end() <= mention.start)
            )
            status = _status(
                s, mention, in_history, failed_lead, single, compound=mention in compounds, requested=asked, then=then
            )
            if status == "past" and _reason_after_stop(s.text, mention, single, then):
                status = "tried_failed"  # "Flexeril stopped - too groggy at work": the stop's reason, after its dash
            opened = _FAILURE_BEFORE.search(s.text, max(0, mention.start - 60), mention.start) is not None
            if opened or (led is not None and _FAILED_LIST_ON.match(s.text[led : mention.start])):
                if status != "tried_failed" and not _present(s.text[slice(*_item_span(s.text, mention))]):
                    status = "tried_failed"  # the failure verb before the list speaks of each drug in it
                led = mention.end if status == "tried_failed" else None
            else:
                led = None
            if strict and not joined and not _STRONG_USE.search(s.text, 0, mention.start) and not _STOPPED_SAID.match(s.text, mention.end) \
                    and not (status in ("past", "tried_failed") and _ended_in_own_words(s.text, mention, single)):
                last = None  # an exam or a diagnosis names a drug for another reason, unless it says it is taken or ended
                continue
            if status is None and last is not None and last[1] in ("current", "past") and _JOINED.match(s.text[last[0] : mention.start]):
                status = last[1]  # "hypertension on lisinopril 40 and chlorthalidone", "given Motrin and Flexeril": both alike
            if status is None:
                last = None
                continue
            last = (mention.end, status)
            name = with_acetaminophen(ctx, mention.name, mention.ingredients, s.text[mention.end :])
            identity, ingredients, classes = (
                describe(ctx, name) if name != mention.name else (mention.identity, mention.ingredients, mention.classes)
            )
            ctx.draft.drug(name, identity, ingredients, classes, status, s.evidence(*_item_span(s.text, mention, single)))


_SLASHED = re.compile(r"\s*(?:\d+(?:\.\d+)?\s*(?:%|mg|mcg)?)?\s*/\s*$")
#: A product named right before the bracket that gives its composition: "Terocin patch (", "Fluriflex (".
_PRODUCT_THEN_BRACKET = re.compile(r"^\s*(?:[A-Za-z]+\s+){0,2}\(\s*$")
#: A compound's form right before the bracket of its ingredients: "a compounded cream (ketoprofen 10% / ...".
_FORM_THEN_BRACKET = re.compile(
    r"\b(?:(?:compound(?:ed)?|topical|transdermal)\s+)*(?:creams?|gels?|ointments?|lotions?|compound|topical)\s*\(\s*$", _I
)


#: A compound's form right before its slashed ingredients: "Compound cream flurbiprofen/baclofen/lidocaine",
#: "the compounded cream (flurbiprofen/baclofen/lidocaine)".
_COMPOUND_FORM = re.compile(r"\b(?:compound(?:ed)?(?:\s+(?:topical\s+)?(?:creams?|gels?|ointments?|lotions?))?|topical\s+compound)\s*\(?\s*$", _I)


def _with_compounds(
    text: str, mentions: list[Mention], ctx: Context
) -> tuple[list[Mention], list[Mention], list[Mention]]:
    """(*mentions* with the compounds added, the compounds, the drugs slashed together that stay apart).

    A compound written by its ingredients and strengths ("a compounded cream (ketoprofen 10% / gabapentin 6% /
    lidocaine 5%)") is one drug, quoted from its form words, and so is a combination tablet with paired strengths
    ("lisinopril/HCTZ 20/12.5"); drugs slashed together without either ("on docusate/senna") are each taken. A product
    named before its bracketed composition ("Terocin patch (lidocaine 4%/menthol 4%)") stays the product."""
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups and _SLASHED.match(text[groups[-1][-1].end : m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    compounds: list[Mention] = []
    products: list[Mention] = []
    apart: list[Mention] = []
    for group in (g for g in groups if len(g) > 1):
        first, last = group[0], group[-1]
        end = last.end + (pct.end() if (pct := re.match(r"\s*\d+(?:\.\d+)?\s*%", text[last.end :])) else 0)
        name = text[first.start : end]
        paired = re.match(r"\s*\d+(?:\.\d+)?\s*/\s*\d+(?:\.\d+)?", text[last.end :])
        compounded = _COMPOUND_FORM.search(text, max(0, first.start - 30), first.start)
        if "%" not in name and not paired and not compounded:
            apart.extend(group)  # "on docusate/senna": two drugs taken together, not one product
            continue
        if any(p.end <= first.start and _PRODUCT_THEN_BRACKET.match(text[p.end : first.start]) for p in mentions):
            continue  # "Terocin patch (lidocaine 4%/menthol 4%)": the product is the drug
        identity, ingredients, classes = describe(ctx, name)
        if len(set(ingredients)) < 2:
            continue
        form = _FORM_THEN_BRACKET.search(text, 0, first.start)
        start = form.start() if form else first.start
        if form:
            closed = text.find(")", end)
            end = closed + 1 if closed >= 0 else end
        whole = Mention(start, end, name, identity or name, ingredients, classes)
        # "lisinopril/HCTZ 20/12.5": a combination tablet, its strengths paired, dosed like any drug
        (products if paired and "%" not in name else compounds).append(whole)
    return sorted(mentions + compounds + products, key=lambda x: x.start), compounds, apart


def _in_composition(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """An ingredient of a compound or product: "cream (ketoprofen 10% / lidocaine 5%)", "ketoprofen 10%/gabapentin 6%"."""
    slash = re.compile(r"\s*(?:\d+(?:\.\d+)?\s*(?:%|mg|mcg)?)?\s*/\s*$")
    if any(m is not mention and (
        (m.end <= mention.start and slash.match(text[m.end:mention.start]))
        or (mention.end <= m.start and slash.match(text[mention.end:m.start]))
    ) for m in mentions):
        return True  # "ketoprofen 10%/gabapentin 6%/lidocaine 5%": one compound
    opened = text.rfind("(", 0, mention.start)
    if opened < 0 or text.rfind(")", 0, mention.start) > opened:
        return False
    if _FOR_WHAT.search(text[max(0, opened - 40) : opened + 1]):
        return False  # the drugs a condition is treated with: "hypertension (carvedilol, amlodipine)"
    closed = text.find(")", mention.end)
    inside = [m for m in mentions if opened < m.start and (closed < 0 or m.end <= closed)]
    # "cream (ketoprofen 10% / lidocaine 5%)" is one compound; "the current regimen (Norco TID, gabapentin)" two drugs
    compound = "%" in text[opened : closed if closed > 0 else len(text)] or bool(_FORM_BEFORE.search(text[max(0, opened - 30) : opened]))
    return (len(inside) > 1 and compound) or any(m.end <= opened and opened - m.end <= 12 for m in mentions)


#: A compounded product's form right before the bracket that names its ingredients.
_FORM_BEFORE = re.compile(
    r"\b(?:creams?|gels?|ointments?|lotions?|solutions?|patch(?:es)?|compound(?:ed)?|topicals?|rub|liniment|spray)\s*$", _I
)


def _status(
    s: Sentence, mention: Mention, in_history: bool, failed_lead: bool, single: bool, *, compound: bool = False,
    requested: list[frozenset[str]] | None = None, then: int | None = None,
) -> str | None:
    """The status the mention's own words give, or None when the sentence does not say the drug was used.

    A compound's strengths and quantity are no sign of use (a compound is mostly the cream a note requests)."""
    text = s.text
    before = text[: mention.start][-50:]
    # cheap word tests first: most mentions have none of the rarer cues, and each pattern asked is a scan
    low = before.lower()
    after = text[mention.end : mention.end + 60].lower()
    if _REPLACED.search(before[-40:]) or (("was " in after or "were " in after or "been " in after) and _REPLACED_AFTER.match(text, mention.end)):
        # "Naproxen 500 mg BID in place of OTC ibuprofen", "switched from tramadol to ...": given up; failed when the
        # item says what it did ("switched from oxycodone IR, which caused nausea and itch")
        item = text[mention.start :].split(";")[0].split(")")[0].split(". ")[0]  # to the clause's end, past "which caused ..."
        return "tried_failed" if _own_status(item) == "tried_failed" or item_status(item, "") == "tried_failed" else "past"
    if "out of" in low and _RAN_OUT.search(before[-40:]) and not re.match(r"[^.;]{0,40}\bearly\b", text[mention.end :], _I):
        return "past"  # "ran out of gabapentin 2 weeks ago": not taken now
    if ("not" in low or "n't" in low) and _NOT_LATELY.search(before[-40:]) and _FOR_A_WHILE.match(text, mention.end):
        return "past"  # "has not taken his tramadol in 2 weeks": taken, not lately
    if _NO_LONGER.search(before[-40:]):
        return _own_status(text[mention.start :]) or "past"  # "no longer taking gabapentin": taken, then stopped
    if _NOT_USED.search(before[-40:]) or _NEW.search(before):
        return None
    if _NEVER_AFTER.match(text, mention.end):
        return None  # "celecoxib - had never tried" in a list of the care tried: named, never taken
    start, end = _item_span(text, mention, single, then)
    item = _own_words(text, start, end, mention) if "(" in text[mention.end : end] else text[start:end]
    near = text[mention.end : mention.end + 120].lower()
    shared = (
        _SHARED_FATE.search(text, mention.end)
        if ("both" in near or "all" in near or "each" in near) and text.rfind("(", 0, mention.start) > text.rfind(")", 0, mention.start)
        else None
    )
    if shared and shared.start() - mention.end < 80:
        item += " " + shared.group()  # "NSAIDs (naproxen, then diclofenac - both stopped for rising creatinine)": of each
    if _only_requested(text, item, before, mention, requested or []):
        return None  # "3) Lidoderm 5% patch 1 daily #30", "Lidoderm #30 was non-certified": the request, not use
    if any(w in low for w in ("now", "still", "currently", "continues", "remains")) and _PRESENT_USE.search(before[-40:]) \
            and not _STOPPED.search(item):
        return "current"  # "Now takes only Tylenol 500 mg, 'not much help'": still taken, however little it helps
    if ("took" in low[-20:] or "taken" in low[-20:] or "taking" in low[-20:]) and _TOOK_RECENTLY.search(before[-20:]) \
            and _RECENT.match(text, mention.end) and not _STOPPED.search(item):
        return "current"  # "Took ibuprofen OTC 400 mg x2 last night, minimal help": what the worker is taking now
    if "on " in low[-16:] and _ADVERSE_ON.search(before[-45:]) and _HISTORY_WORDS.search(text):
        return "tried_failed"  # "hx of duodenal ulcer 2009 on naproxen": the harm it did
    if _MARKED_CURRENT.match(text, mention.end):
        return "current"  # "naproxen bid (current), was 7 when she stopped it in Dec": its own mark says it is taken now
    tried_before = ("tri" in low or "fail" in low) and bool(_TRIED_BEFORE.search(before))
    failed = bool(_TRIED_FAILED.search(item))
    if tried_before and not failed and _present(item):
        return "current"  # "has tried meloxicam, which he continues", "tried Lyrica, which helps": tried and still taken
    if tried_before and not failed and _IT_HELPED.search(item):
        return "past"  # "Tried OTC diclofenac gel in December: 'it helped but ...'": taken, not failed
    if failed or tried_before:
        return "tried_failed"
    dosed = bool(_DOSED.match(text, mention.end)) and not compound
    for_what = bool(_FOR_WHAT.search(before[-40:]))
    titrated = any(w in low or w in after for w in _TITRATION_WORDS) and bool(
        _TITRATED_BEFORE.search(before[-40:]) or _TITRATED_AFTER.match(text, mention.end)
    )
    if s.section == "plan" and not for_what:
        if titrated:
            return _own_status(item) or "current"  # "Increase gabapentin to 600 mg TID": its dose changes, it is taken
        taking = _CONTINUED.search(text, mention.end) or _TAKING_NOW.search(item)
        return (_own_status(item) or "current") if dosed and taking else None
    if _STOPPED_BEFORE.search(before):
        return _own_status(item) or "past"
    said = _own_status(item)
    use_word = _USE_BEFORE.search(before)
    if use_word and re.search(r"\b(?:his|her|my|their)\s+$", use_word.group(), _I) and _REQUEST_AFTER.match(text, mention.end):
        use_word = None
    used = dosed or titrated or in_history or bool(said) or for_what or bool(use_word) or bool(_HELPS.match(text, mention.end)) \
        or bool(_STILL_TAKES.search(item)) or (("use" in after or "intake" in after or "dose" in after) and bool(_USE_AFTER.match(text, mention.end)))  # "naproxen (now takes 500 mg once or twice a day)": its own words say it is taken
    if not used:
        return None
    if said:
        return said
    # a condition's drug in a past history is still taken ("hypertension (lisinopril)"); a class's is not ("NSAIDs (naproxen)")
    for_condition = for_what and not _CLASS_BEFORE.search(before[-40:])
    if in_history and not for_condition and not _TAKES_NOW.search(before[-25:]) and not _present(item):
        # "hypertension (lisinopril)" in a past history is a drug still taken; "AFib - takes Eliquis" too
        return "tried_failed" if failed_lead else "past"
    if _ONE_DOSE.match(text, mention.end) and _ENCOUNTER.search(text):
        return "past"  # "Seen in ER 5/30 (Toradol IM, d/c w/ ibuprofen)": a dose given there, not a drug taken
    if _RECENT_WORDS.search(text, mention.end):
        return "current"  # "took ibuprofen last night": at a first visit, what the worker is taking
    return "past" if _PAST_SENTENCE.search(text[: mention.start]) and not _present(item) else "current"


#: "continue" right after the item's dash: "Terocin patches (...) #30 - continue per patient preference".
_CONTINUE_AFTER = re.compile(r"[^.;]{0,60}?\s[-\u2013\u2014]\s*(?:continue|cont\.?|refill|renew)", _I)
#: A prescription's quantity: "#30", "# 90", "qty 60".
_QUANTITY = re.compile(r"#\s*\d+\b|\bqty\.?\s*\d+", _I)
#: A request's fate told of the drug: "was non-certified", "denied by UR", "IMR upheld the non-certification".
_REQUEST_HISTORY = re.compile(r"\bnon-?certifi\w*|\b(?:was|were)\s+denied\b|\bdenied\s+by\b|\b(?-i:UR|IMR)\b", _I)


#: A dose taken, right before the drug: "Took", "has taken", "took some".
_TOOK_RECENTLY = re.compile(r"\b(?:took|has\s+taken|had\s+taken|taking)\s+(?:(?:some|an?|the|his|her|OTC|\d|one|two|three|four)\s+)*$", _I)
#: The drug's use told as a row: "Ibuprofen use:   800 mg 3x/day -> 1x/day".
_USE_AFTER = re.compile(r"\s+(?:use|usage|intake|dose)\s*:?\s*(?:\d|one|two|three)", _I)
#: Use in the present right before the drug: "now takes only", "still taking", "continues on".
_PRESENT_USE = re.compile(
    r"\b(?:(?:now|still|currently)\s+(?:takes|taking|uses|using|on)|continues\s+(?:to\s+(?:take|use)|on)|remains\s+on)"
    r"\s+(?:only\s+)?(?:(?:the|his|her|OTC)\s+)?$",
    _I,
)
#: A harm the drug did, named before it: "duodenal ulcer 2009 on naproxen", "GI bleed in 2012 on ibuprofen".
_ADVERSE_ON = re.compile(
    r"\b(?:ulcers?|(?:GI\s+)?bleed(?:ing|s)?|hemorrhage|gastritis|rash|hives|seizures?|overdose|anaphylaxis|renal\s+(?:failure|injury)|AKI|falls)"
    r"\b[^,;.]{0,20}?\bon\s+(?:the\s+|his\s+|her\s+)?$",
    _I,
)
#: Words that put a sentence in the past: "hx of", "history of", a year.
_HISTORY_WORDS = re.compile(r"\b(?:hx|history|h/o|prior|previous(?:ly)?|(?:19|20)\d\d)\b", _I)
#: The item says the drug helped: "it helped but ...", "which helped some".
_IT_HELPED = re.compile(r"\b(?:it\s+)?(?:helped|worked|gave\s+(?:good|some)\s+relief)\b", _I)


#: What a bracket of drugs says of them all: "both stopped by PCP for rising creatinine", "all failed".
_SHARED_FATE = re.compile(r"\b(?:both|all(?:\s+(?:of\s+)?(?:them|three|these))?|each)\s+(?:were\s+|was\s+)?[^()]{0,60}(?=\))", _I)
#: A drug class before its drugs in brackets: "NSAIDs (", "muscle relaxants: ".
_CLASS_BEFORE = re.compile(
    r"\b(?:muscle\s+relax(?:ant|er)s?|nsaids?|anti-?inflammator(?:y|ies)|opioids?|narcotics?|pain\s+(?:medications?|meds|pills?)"
    r"|antidepressants?|nerve\s+(?:medications?|meds|pills?))\s*(?:\(\s*(?:[^()]{1,40}?,\s*)?|:\s*(?:[^():;]{1,40}?,\s*)?)$",
    _I,
)


def _ended_in_own_words(text: str, mention: Mention, single: bool) -> bool:
    """The drug's own words say it was stopped or failed: "Gabapentin to 2400 mg/day (no benefit, stopped 2018)",
    "Previously on oxycodone/APAP 5/325 TID (2012-2019): stopped 10/2019 for persistent nausea"."""
    start, end = _item_span(text, mention, single)
    item = text[start:end]
    return bool(_STOPPED.search(item) or _TRIED_FAILED.search(item) or _STOPPED_BEFORE.search(text[: mention.start][-50:]))


def _own_words(text: str, start: int, end: int, mention: Mention) -> str:
    """The item's words that are the drug's own: an aside in brackets right after a later drug of the item is that
    drug's ("meloxicam and tramadol (tramadol stopped 02/2020 for nausea)": the nausea is not the meloxicam's)."""
    item = text[start:end]
    for m in _LATER_DRUG_ASIDE.finditer(text, mention.end, end):
        if not re.search(r"\b(?:both|all|each|either|neither)\b", m.group("aside"), _I):  # "(both stopped)" is of both
            item = item.replace(m.group("aside"), "")
    return item


_LATER_DRUG_ASIDE = re.compile(r"\s(?:and|or|&|,)\s+[A-Za-z][\w-]+(?:\s+[\w./]+){0,3}?\s*(?P<aside>\([^()]*\))")


def _only_requested(text: str, item: str, before: str, mention: Mention, requested: list[frozenset[str]]) -> bool:
    """The drug is named for its request, not its use: its prescription line ("3) Lidoderm 5% patch 1 daily #30", a
    drug the note requests) or its request's fate ("Lidoderm #30 was non-certified"), with no word of use or continuing."""
    if _CONTINUED.search(item) or _CONTINUE_AFTER.match(text, mention.end) or _present(item) or _TAKING_NOW.search(item):
        return False
    if _USE_BEFORE.search(before):
        return False
    return bool(_REQUEST_HISTORY.search(item)) or (bool(_QUANTITY.search(item)) and _requested(mention, requested))


def _requested(mention: Mention, requested: list[frozenset[str]]) -> bool:
    """Whether the drug is one the note's requests ask for (its ingredients those of a request line)."""
    ingredients = set(mention.ingredients)
    return bool(ingredients) and any(ingredients <= r for r in requested)


#: What the drug does for the worker, right after its name: "naproxen helps back some".
_HELPS = re.compile(
    r"\s*[\"']?\s*(?:helps|helped|works|is\s+helping|gives\s+(?:some|good|partial)|takes\s+the\s+edge|upsets?\b"
    # what it does to the pain: "the tramadol lowers her pain to 4/10", "Norco brings the pain from 8 to 4"
    r"|(?:lowers|reduces|decreases|eases|relieves|controls|brings|takes|gets|keeps|knocks)\s+(?:(?:the|his|her|my|their)\s+)?pain\b"
    r"|(?:\d[\w./]*\s+(?:\w+\s+)?)?(?:->|→))",
    _I,
)
#: A single dose by injection: "Toradol IM", "ketorolac 60 mg IM", "Depo-Medrol 80 mg injection".
_ONE_DOSE = re.compile(r"\s*(?:\d+(?:\.\d+)?\s*(?:mg|mcg)\s*)?(?:IM|IV|shot|injection|injected)\b", _I)
#: An emergency or urgent care visit, where such a dose is given.
_ENCOUNTER = re.compile(r"\b(?-i:ER|ED|UC)\b|\b(?:emergency|urgent\s+care|hospital)\b", _I)
#: A dose taken just before the visit: "Took ibuprofen OTC 400 mg x2 last night", "took acetaminophen at home".
_RECENT = re.compile(
    r"[^.;]{0,40}?\b(?:last\s+(?:night|evening|pm|p\.m\.)|yesterday|this\s+morning|earlier\s+today|today|at\s+home|before\s+coming"
    r"|over\s+the\s+weekend|since\s+the\s+injury)\b",
    _I,
)
#: Its time words alone: `_RECENT.search(text, pos)` finds a match exactly when they stand somewhere from *pos* on (the
#: lazy lead may be empty), and searching for them alone does not try the lead at every character of the rest.
_RECENT_WORDS = re.compile(_RECENT.pattern.removeprefix(r"[^.;]{0,40}?"), _RECENT.flags)


_STOPPED = re.compile(
    rf"\b(?:d/c'?d?|dc'd|discontinued|stopped|no\s+longer{A_DOSE_ONLY}|weaned\s+off|held"
    # a supply run out and not renewed, told after the drug: "ran out 2 wks ago" (not "ran out early": still taken);
    # one used up ("given Norco 5/325, 12 tablets, which he used up in the first week") is on the line below
    r"|(?:ran|has\s+run|had\s+run)\s+out(?:\s+of\s+(?:it|them))?(?!\s+(?:early|of\b))"
    r"|quit(?:\s+taking)?|(?<!\d\s)(?<!\bh\s)(?<!hr\s)(?<!hrs\s)(?<!hours\s)(?<!/)off\s+since|completed|course\s+(?:finished|completed|done|ended|over)|used\s+(?:(?:it|them)\s+(?:all\s+)?|all\s+of\s+(?:it|them)\s+)?up|finished\s+(?:the|his|her)\s+(?:course|bottle|supply|prescription|tablets|pills)"
    rf"|{FINISHED_WHEN})\b",
    _I,
)
#: The item's own words that the drug is taken now: "(now takes 500 mg ...)", "which he still takes", "currently taking".
_STILL_TAKES = re.compile(
    r"\b(?:now|still|currently)\s+(?:takes|taking|uses|using|on)\b|\bcontinues\s+to\s+(?:take|use)\b", _I
)
#: The drug marked as taken now in a bracket of its own, dose and schedule between: "naproxen 500 bid (current)",
#: "tramadol (active)", "(currently taking)".
_MARKED_CURRENT = re.compile(
    r"[^.;()]{0,30}?\(\s*(?:current(?:ly\s+(?:taking|using|on))?|active|ongoing|still\s+taking)\s*\)", _I
)
#: A verb of use in the present right before the drug: in a past history it is still taken.
_TAKES_NOW = re.compile(r"\b(?:takes|taking|uses|using|(?:is|remains)\s+on)\s+$", _I)
_TRIED = re.compile(r"\btried\b", _I)


#: The break between a stop and its reason: "stopped - too groggy", "stopped 2017, she did not feel it did anything".
_REASON_BREAK = re.compile(r"\s*(?:[-\u2013\u2014:,]|\(|\bdue\s+to\b|\bbecause\b|\bb/c\b)\s*", _I)
#: A stop word that ends the drug's item, so that what follows it is its reason.
_STOP_ENDS = re.compile(rf"(?:{_STOPPED.pattern})[^,;:()-]{{0,20}}$", _I)
#: A doubt told of the drug's effect: "she did not feel it did anything", "didn't think it did much".
_NO_EFFECT_FELT = re.compile(
    r"\b(?:did|does)\s*(?:not|n'?t)\s+(?:feel|think|notice)\s+(?:that\s+)?(?:it|they)\s+(?:did|helped|made\s+a\s+difference)"
    r"(?:\s+(?:anything|much|a\s+thing))?\b",
    _I,
)


def _reason_after_stop(text: str, mention: Mention, single: bool, then: int | None) -> bool:
    """Whether a drug whose item ends in its stop ("Flexeril stopped") has its reason told right after the item's break,
    a failure or a harm ("- too groggy at work", ", she did not feel it did anything"): stopped for a reason, it failed
    (corpus README: past is only for a drug stopped for no stated reason or because the course was completed)."""
    start, end = _item_span(text, mention, single, then)
    if single or not _STOP_ENDS.search(text, start, end):
        return False
    gap = _REASON_BREAK.match(text, end)
    if gap is None:
        return False
    stop = min([at for at in (then, *(end + m.start() for m in re.finditer(r"[.;]\s|[.;]$", text[end:]))) if at is not None and at > end]
               or [len(text)])
    reason = text[gap.end() : stop]
    return bool(_TRIED_FAILED.search(reason) or _NO_EFFECT_FELT.search(reason) or item_status(reason, "current") == "tried_failed")


def _own_status(item: str) -> str | None:
    """What the item says became of the drug; a side effect alone ("no GI upset", "GI upset on a higher dose") says nothing.

    Failure words fail it; stopping or trying it, together with a side effect, fails it; stopping alone ends it.
    """
    if _TRIED_FAILED.search(item):
        return "tried_failed"
    stopped, tried = _STOPPED.search(item), _TRIED.search(item)
    if (stopped or tried) and item_status(item, "") == "tried_failed":
        return "tried_failed"
    return "past" if stopped else None


def _present(item: str) -> bool:
    """The item says the drug is still taken: 'which he still takes', 'currently'."""
    return bool(re.search(r"\b(?:still|current|currently|continues|now\s+takes|remains\s+on|helps|is\s+helping)\b", item, _I))


def _item_span(text: str, mention: Mention, single: bool = False, then: int | None = None) -> tuple[int, int]:
    """The list item around a mention: from the previous break to the next, outside parentheses.

    A sentence naming one drug speaks of it from its item to the end ("Gabapentin 300 TID tried Jan 2016 -
    dizzy, stopped"; not the "min benefit" of the PT listed before it); a trailing modifier of a whole list (", with no meaningful change") joins the item,
    unless it names the next drug (*then*, where that one starts): "takes naproxen, stopped the tramadol" stops tramadol.
    """
    start = 0
    depth = 0
    for i in range(mention.start - 1, -1, -1):
        ch = text[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (ch in ",;." or ch.isspace()) and _ITEM_BREAK.match(text, i):  # every break opens so
            start = i + 1
            break
    if single:
        # what the rest of the sentence says is said of it; the care listed before it is not, nor a result that other care
        # listed after it carries as its own ("OTC ibuprofen prn, HEP daily, heel cups x 6 wk w/o benefit"): only one said
        # of the whole list after its close reaches it ("Tried ibuprofen, ice and a brace, all without relief")
        other = _OTHER_CARE_AFTER.search(text, mention.end)
        if other is None or _WHOLE_LIST_CLOSE.search(text, other.end()):
            return start, len(text)
        return start, other.start()
    end = _item_end(text, mention.end)
    tail = re.match(
        rf"(?:,|\s-)\s*(?:with|without|stopped|discontinued|d/c'?d|failed|{NOT_TOLERATED}|did\s*(?:not|n'?t)\s+help"
        r"|no\s+(?:\w+\s+)?(?:response|benefit|relief|effect|help)|ineffective|less\s+effective)\b",
        text[end:],
        _I,
    )
    if tail:
        longer = _item_end(text, end + tail.end())
        if then is None or not end <= then < longer:
            end = longer
    # the effect that ended it, after the stop: "tramadol stopped 2014, nausea", "sertraline - stopped after 2 wks, GI upset"
    if _STOPPED.search(text, start, end) and (effect := _EFFECT_AFTER.match(text, end)):
        end = _item_end(text, effect.end())
    # what became of it after a dash, to the clause's end: "zolpidem 5 mg x 2 weeks - groggy next day, stopped",
    # "gabapentin up to 900 mg tid - dizziness, off since 10/2014"
    elif (fate := _FATE_AFTER.match(text, end)) and (
        _TRIED_FAILED.search(fate.group()) or (_STOPPED.search(fate.group()) and item_status(fate.group(), "") == "tried_failed")
    ):
        end = fate.end()
    return start, end


#: Care other than a drug, opening a later item of the list a drug is named in: ", HEP daily", ", ice and stretching",
#: "; a knee sleeve x 4 wk", ", PT x 6" (its result is its own).
_OTHER_CARE_AFTER = re.compile(
    r"[,;]\s*(?:and\s+)?(?:(?:OTC|a|an|the|his|her|home|daily|custom|night|gel|knee|wrist|ankle|back|lumbar|formal|prior)\s+)*"
    r"(?:PT\b|OT\b|physical\s+therapy|therapy|HEP\b|home\s+exercises?|exercises?|stretch\w*|ice\b|heat\b|brac(?:e|es|ing)\b"
    r"|splint\w*|heel\s+(?:cups?|lifts?|pads?)|orthotics?|insoles?|inserts?|injections?|chiro\w*|acupuncture|massage|TENS\b"
    r"|sleeve|wraps?\b|cane\b|rest\b|activity\s+modification|ergonomic\w*|taping\b|tape\b)",
    _I,
)
#: A result said of a whole list after its close: ", all without relief", " - all without lasting benefit", ", none helped",
#: ", with no relief from any of them".
_WHOLE_LIST_CLOSE = re.compile(
    r"(?:,|\s[-\u2013\u2014])\s*(?:(?:all|each|both|none|neither)\b|(?:with|without|w/o|w/)\s+[^.;,]{0,30}\b(?:any|all)\s+of\s+(?:them|these|those))",
    _I,
)
#: A side effect named right after a stopped drug's item: ", nausea", ", GI upset/diarrhea".
_EFFECT_AFTER = re.compile(
    r"(?:,|\s[-\u2013\u2014])\s*(?:\w+\s+)?(?:nause\w*|vomit\w*|dizz\w*|sedat\w*|drows\w*|GI\s+upset|upset\s+stomach"
    r"|stomach\s+upset|rash|hives|constipat\w*|confus\w*|itch\w*|headaches?|palpitations|dyspeps\w*|heartburn|diarrh\w*"
    rf"|swelling|edema|somnolen\w*|{MONITORING_HARM})\b",
    _I,
)


#: The words after a drug's dash to the clause's end: " - groggy next day, stopped".
_FATE_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?\s[-\u2013\u2014]\s*[^;.()]{0,60}")


def _item_end(text: str, pos: int) -> int:
    return item_end(text, pos, _ITEM_BREAK)
