"""The medication list: which drugs, current / past / tried and failed, since when, long-term or not.

Drugs are read where the text lists them ("Current medications include ...",
"Medications tried and failed include ...", "requests for ...", "being prescribed
..."), never from any mention of a drug name (a drug "recommended" or "not in the
patient's best interest" is not taken). Names are kept as written; the vocabulary
tells which mentions are the same drug ("Fentanyl patch" and "fentanyl").

Start dates bind to the nearest drug named before them in the sentence:
"Percocet (since at least February of 2015)", "use of Oxycodone dating back to
2011" (-> at least since), "prescribed Norco back on 08/13/2014" (-> on that day),
"taking Norco for 6 months" (-> counted back from the note's date).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from ..facts.fuzzy_date import FuzzyDate
from ..vocabulary import Vocabulary, phrase_key
from .anatomy import regions_in
from .context import Context
from .dates import find_dates
from .draft import Drug, add_evidence
from .durations import find_durations, start_from_duration
from .findings import clause_span
from .lists import list_items
from .negation import negated_nearby
from .sentences import Sentence
from .word_gate import among, finditer, search

_I = re.IGNORECASE
#: Lead phrases of drug lists, with the status they give; the last flag: any name counts (else only known drugs).
LIST_LEADS: tuple[tuple[re.Pattern[str], str, bool], ...] = (
    (
        re.compile(
            r"\b(?:medications?|meds)\s+(?:that\s+(?:were|have\s+been|had\s+been)\s+)?(?:previously\s+)?"
            r"(?:tried\s+and\s+failed|failed|tried)\s+(?:include[sd]?|including|are|were)\s*:?\s+"
            r"|\bfailed\s+(?:trials?\s+of|medications?\s+(?:include[sd]?|including))\s+",
            _I,
        ),
        "tried_failed",
        True,
    ),
    (
        re.compile(
            r"\b(?:past|previous|prior|former)\s+medications?\s+(?:include[sd]?|including|are|were)\s*:?\s+"
            # an EHR's list of the drugs stopped: "Discontinued: hydrocodone/APAP 5/325 (2019 - switched to Butrans ...)"
            r"|(?:^|\n)\s*(?:discontinued|stopped|inactive)(?:\s+(?:medications?|meds))?\s*:\s*",
            _I,
        ),
        "past",
        True,
    ),
    (
        re.compile(
            r"\b(?:(?:current|present|ongoing|active)\s+)?(?:medications?|meds|med(?:ication)?\s+list|medication\s+regimen)"
            r"(?:\s*\((?:current|active)\))?"  # "Med list (active): naproxen 500 mg bid | cyclobenzaprine 10 mg tid"
            r"(?:\s+(?:include[sd]?|including|consist(?:s|ed)?\s+of|listed\s+(?:as|include[sd]?)|(?:are|were|is|was)\s*:)|\s*:)"
            r"\s*:?\s+",
            _I,
        ),
        "current",
        True,
    ),
    # a line that opens "Current:" lists what is taken now (known drugs only): "Current: acetaminophen 500 mg 2 tabs bid"
    (re.compile(r"^\s*(?:current(?:ly)?|now\s+(?:takes|taking|on))\s*:\s*", _I | re.MULTILINE), "current", False),
    # the drugs named in parentheses after the word: "meds (ibuprofen, gabapentin 300 mg TID) have not controlled ..."
    (re.compile(r"\b(?:meds|medications?)\s+\((?=[A-Za-z])", _I), "current", False),
    (
        re.compile(
            r"\b(?:being|was|were|is|are|been|currently)\s+prescribed\s+|\b(?:is|was|has\s+been|had\s+been)\s+taking\s+"
            r"|\bcurrently\s+(?:on|taking|using)\s+",
            _I,
        ),
        "current",
        False,
    ),
    (
        re.compile(
            r"\brequests?\s+(?:was\s+|were\s+|had\s+been\s+|has\s+been\s+)?(?:made\s+)?for\s+|\brequested\s+for\s+"
            r"|\brequesting\s+",
            _I,
        ),
        "unknown",
        False,
    ),
)
_GENERIC = {
    phrase_key(w)
    for w in (
        "medication",
        "medications",
        "pain medication",
        "pain medications",
        "opioids",
        "opioid",
        "narcotics",
        "meds",
        "analgesics",
        "nsaids",
        "nsaid",
        "anti-inflammatories",
        "muscle relaxants",
        "muscle relaxers",
        "treatment",
        "treatments",
    )
}
_LEAD_WORDS = re.compile(
    # a compound's words before its ingredients: "compounded ketoprofen 10%/lidocaine 5%", "Compound cream flurbiprofen ..."
    r"^(?:(?:and|or|also|then|a|an|the|her|his|their|compound(?:ed)?|(?:topical\s+)?(?:creams?|gels?|ointments?)(?=\s+[a-z]+\s*\d[\d.]*\s*%)"
    r"|requests?\s+for"
    # a history line's own words of use: "Currently takes acetaminophen 500 mg", "Remains on sertraline"
    r"|(?:currently|still|now)\s+(?:takes|taking|on|uses|using)|continues\s+(?:to\s+(?:take|use)|on)|remains\s+on)\s+)+",
    _I,
)
_NAME_STOP = frozenset(
    "for over with on since back from at as dating daily which that was were is are to in by every per x prn bid tid "
    "qid hs po qhs qd q4h q6h q8h q12h twice once three four as-needed last but after until because".split()
)
_INDICATION = re.compile(
    r"^\s*for\s+(?!at\s|the\s+(?:past|last)\s|over\s|more\s|about\s|approximately\s|nearly\s|an?\s|several\s|many\s)"
    r"(?:his\s+|her\s+|the\s+)?(?P<what>[A-Za-z][A-Za-z -]{1,40}?)\s*(?:$|[,;(#]|\d)"
)
_NOT_CONDITIONS = frozenset("baseline breakthrough severe moderate mild chronic acute pain the his her".split())

_STARTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bsince\s+at\s+least\s+(?:the\s+)?$", _I), "at_least_since"),
    (re.compile(r"\b(?:dating|dates|dated|going|goes)\s+back\s+to\s+(?:at\s+least\s+)?$", _I), "at_least_since"),
    (re.compile(r"\bas\s+far\s+back\s+as\s+$", _I), "at_least_since"),
    (re.compile(r"\bat\s+least\s+since\s+$", _I), "at_least_since"),
    (re.compile(r"\bback\s+(?:on|in)\s+$", _I), "on"),
    (re.compile(r"\b(?:started|initiated|began|begun|commenced|starting|beginning)\s+(?:on\s+|in\s+)?$", _I), "on"),
    (re.compile(r"\bsince\s+$", _I), "on"),
)
#: "No longer" said of one dose, not of the drug: "no longer needed the midday dose" (the drug goes on at a lower dose).
A_DOSE_ONLY = r"(?!\s+(?:needs?|needed|requires?|required|takes?|taking)\s+(?:the|her|his|a|an|that)\s+(?:[\w-]+\s+){0,2}doses?\b)"
_PAST = re.compile(rf"\b(?:prior\s+to|previously|formerly|discontinued|stopped|no\s+longer{A_DOSE_ONLY}|used\s+to)\b", _I)
_LONG_TERM = re.compile(
    r"\blong[- ]term\b|\bchronic(?:ally)?\s+(?:(?P<cls>opioid|opiate|benzodiazepine|muscle\s+relaxant)s?\s+)?"
    r"(?:use|treatment|therapy)\b|\bused\s+chronically\b|\bchronic\s+users?\b",
    _I,
)
_THIS_DRUG = re.compile(r"\b(?:this|the\s+requested)\s+(?:medication|drug)\b", _I)
_CLASS_WORDS = {
    "opioid": "opioid",
    "opiate": "opioid",
    "benzodiazepine": "benzodiazepine",
    "muscle relaxant": "muscle_relaxant",
}


@dataclass(frozen=True)
class Mention:
    """A drug named in a sentence."""

    start: int
    end: int
    name: str
    identity: str | None
    ingredients: tuple[str, ...]
    classes: tuple[str, ...]


#: An opioid's strength over acetaminophen's: "hydrocodone 5/325", "oxycodone 10/325 mg", "tramadol 37.5/325".
_WITH_APAP = re.compile(r"\s*(?:HCl\s+|bitartrate\s+)?\d+(?:\.\d+)?\s*(?:mg\s*)?/\s*(?:325|300|500|650|750)\b", _I)
_APAP_PARTNERS = frozenset({"hydrocodone", "oxycodone", "codeine", "tramadol"})


def with_acetaminophen(ctx: Context, name: str, ingredients: tuple[str, ...], after: str) -> str:
    """*name*, or its acetaminophen combination when the strength after it says so ("hydrocodone 5/325")."""
    if len(ingredients) != 1 or ingredients[0] not in _APAP_PARTNERS or not _WITH_APAP.match(after):
        return name
    combined = f"{name}/APAP"
    info = ctx.vocab.resolve(combined)
    return combined if info and set(info.ingredients) == {ingredients[0], "acetaminophen"} else name


def describe(ctx: Context, name: str) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """(vocabulary identity, ingredients, classes) of a drug name; empty when the vocabulary does not know it."""
    found = ctx.vocab.identify(name, ("product", "ingredient"))
    info = ctx.vocab.resolve(name)
    ingredients = tuple(info.ingredients) if info else ()
    classes = tuple(info.classes) if info else ()
    return (found.key if found else None), ingredients, classes


#: A lead that is not use: "Never tried ...", "Consider a trial of ...", "will start ...".
_NEVER_USED = re.compile(
    r"\b(?:never|not|no|hasn'?t|has\s+not|have\s+not)\s+(?:\w+\s+)?$"
    r"|\b(?:consider(?:ing)?|recommend(?:ed)?|suggest(?:ed)?|plan(?:ned)?|will|may|could|begin|start)\s+(?:an?\s+)?$",
    _I,
)


def read_medication_lists(
    sentences: list[Sentence], ctx: Context, leads: tuple[tuple[re.Pattern[str], str, bool], ...] = LIST_LEADS
) -> None:
    """Drug lists in *sentences*: every item becomes a medication with the list's status."""
    for s in sentences:
        one_drug: bool | None = None  # whether the sentence names one drug at most: counted once, when first asked
        for lead, status, any_name in among(leads, s.text):
            for m in finditer(lead, s.text):
                if _NEVER_USED.search(s.text, max(0, m.start() - 30), m.start()):
                    continue  # "Never tried gabapentin, amitriptyline or other nerve meds"
                # "naproxen 500 mg bid | cyclobenzaprine 10 mg tid": a bar separates the drugs of a one-line list
                cuts = [m.end(), *(m.end() + b.end() for b in re.finditer(r"\s\|\s*", s.text[m.end() :]))]
                for chunk, stop in zip(cuts, [*cuts[1:], len(s.text)]):  # each chunk runs to the next bar
                    for start, end in list_items(s.text[:stop].rstrip(" |"), chunk):
                        # "was prescribed cyclobenzaprine last fall but stopped it ... too sleepy": the item's own words
                        said = s.text[start:end]
                        if not any_name and one_drug is None:
                            one_drug = drugs_named(s.text, ctx) <= 1
                        if not any_name and one_drug:
                            said = s.text[start:]  # one drug in the sentence: all it says after the name is of it
                        own = item_status(said, status) if status == "current" else status
                        if own == "tried_failed" and not any_name and _HELPED.search(said) and not _LINE_FAILED.search(said):
                            own = "past"  # "Tried OTC diclofenac gel in December: 'it helped but ...'": taken, not failed
                        if own == "tried_failed" and _STILL_TAKEN.search(said) \
                                and not _LINE_FAILED.search(said) and not _LINE_STOPPED.search(said):
                            own = "current"  # "Failed PT x8, naproxen 500 bid (continues, some relief)": still taken
                        _list_item(s, ctx, m, start, end, own, any_name)


#: The item's own words say the drug is still taken: "(continues, partial relief)", "(still taking)".
_STILL_TAKEN = re.compile(
    r"\b(?:continu(?:es|ing)|still\s+(?:on|taking|takes|using|uses)|currently\s+(?:on|taking|using))\b"
    r"|\b(?:which|that|it)\s+(?:still\s+)?(?:helps|is\s+helping)\b"  # "tried Lyrica, which helps the burning": taken now
    r"|\(\s*since\s+(?:\d{1,2}/)?\d{2,4}\s*\)",  # "tramadol 50 bid (since 10/2015)": taken from then to now
    _I,
)
#: The item says the drug helped: "it helped but ...", "which helped some".
_HELPED = re.compile(r"\b(?:it\s+)?(?:helped|worked|gave\s+(?:good|some)\s+relief)\b", _I)


#: A course told finished with when: "finished 5/20", "finished 3 weeks ago", "finished last week" (not "to be finished",
#: "once finished"); a stopped drug in a list line here and in a sentence (`drug_use`).
FINISHED_WHEN = (
    r"(?<!\bto\sbe\s)(?<!\bwill\sbe\s)(?<!\bonce\s)(?<!\bwhen\s)finished(?=\s*(?:$|[.,;)]|on\s|in\s|last\s|\d"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:a|an|one|two|three|four|few|\d{1,2})\s+(?:days?|weeks?|wks?|months?|mos?)\s+ago))"
)

#: A note's medication section: every line names drugs, whatever lead it has ("Meds:", "1.", "Rx:"); a table row
#: opens with its cell border ("| Amlodipine 5 mg | 1 tab PO daily | Active |").
_SECTION_LEAD = re.compile(
    r"^[|\s]*(?:\[\s*(?:active|inactive|current|past|historical|discontinued|stopped|d/c'?d?)\s*\]\s*)?"  # "[Inactive] ..."
    # a line of the drugs tried or taken before, inside the list: "Tried: Lyrica - swelling, stopped", "Prior: Vicodin"
    r"(?:(?P<before>(?:(?:meds?|medications?)\s+)?(?:(?:previously\s+)?tried|prior|previous|past)(?:\s+(?:meds?|medications?))?)\s*:\s*"
    r"|(?:(?:current|active|home|present)\s+)?(?:medications?|meds|rx)?\s*[:-]?\s*)",
    _I,
)
_LINE_STOPPED = re.compile(
    rf"\b(?:d/c'?d?|dc'd|discontinued|stopped|quit|no\s+longer{A_DOSE_ONLY}|ran\s+out(?!\s+(?:early|of\b))|weaned\s+off|held|on\s+hold|not\s+(?:taking|using|used)|inactive|(?<!not\s)expired|cannot\s+find\s+it|lost\s+(?:it|them|the\s+kit)|(?<!\d\s)(?<!\bh\s)(?<!hr\s)(?<!hrs\s)(?<!hours\s)(?<!/)off\s+since"
    # a course run to its end: "completed 1/2024 (2-week course)", "6/10-6/30, course finished"
    r"|completed|course\s+(?:finished|completed|done|ended|over)"
    rf"|{FINISHED_WHEN})\b",
    _I
)
#: A row's own word that the drug is taken now: "(current)", "- active", "Status: Taking" (a list of past drugs may
#: mark the ones still taken so).
_LINE_CURRENT = re.compile(r"(?:\(|\s-\s*|:\s*|\s|^)(?:current(?:ly\s+taking)?|active|taking)\)?\s*$", _I)
#: A drug or a course the worker could not take, the one wording for every reader of a failure (a list row, a sentence,
#: a prior course): "could not tolerate", "didn't tolerate", "unable to tolerate", "can no longer tolerate", "not (well)
#: tolerated", "poorly tolerated", "tolerated poorly". An activity not tolerated ("can't tolerate sitting", "cannot
#: tolerate prolonged standing") is a limitation, not a failure (a regular-expression alternation, no groups).
NOT_TOLERATED = (
    r"(?:(?:could|can|did|does|do|would)\s*(?:not|n'?t)|cannot|unable\s+to|(?:can\s+)?no\s+longer|never)\s+(?:really\s+|fully\s+)?"
    r"tolerate[sd]?\b(?!\s+(?:(?!(?:any|no|some)thing\b)[a-z]+ing\b|prolonged|long\b|more\s+than|over\b|>|<|\d))"
    r"|(?:not|poorly|never)\s+(?:very\s+)?(?:well\s+)?tolerated|tolerated\s+(?:it\s+|them\s+)?(?:poorly|badly)"
)
_LINE_FAILED = re.compile(
    r"\b(?:failed|ineffective|not\s+effective|less\s+effective|did\s+not\s+help|didn'?t\s+help|no\s+response"
    r"|did\s*(?:not|n'?t)\s+do\s+(?:much|anything|a\s+thing|a\s+lot)|not\s+much\s+(?:help|relief|benefit)|did\s+(?:absolutely\s+)?nothing"
    r"|no\s+(?:(?:clear|real|significant|meaningful|noticeable|appreciable|lasting)\s+)?(?:relief|benefit|help|effect)"
    r"|(?:not\s+enough|insufficient|inadequate)\s+(?:pain\s+)?(?:relief|benefit|help|effect)|sleepy|too\s+tired"
    rf"|intoleran\w*|{NOT_TOLERATED}|(?<!\bno\s)(?<!\bwithout\s)(?<!\bw/o\s)(?<!\bdenies\s)(?<!\bany\s)side\s+effects?|allerg\w*|dizz\w*|sedat\w*|drows\w*"
    r"|somnolen\w*|groggy|grogginess|foggy|nause\w*|dyspeps\w*|heartburn|GI\s+bleed\w*|GI\s+upset|upset\s+stomach"
    r"|rash|constipat\w*|confus\w*|urinary\s+retention|vomit\w*|hives|palpitations|stomach\s+upset)\b",
    _I,
)
#: A harm a drug's monitoring found, the one list for every reader of why a drug was stopped: "stopped 01/2014 when
#: his creatinine rose", "stopped - BP up", "melena", "LFTs up" (a regular-expression alternation, no groups).
MONITORING_HARM = (
    r"creatinine|renal|kidneys?|CKD|eGFR|melena|LFTs?|liver|transaminases?"
    r"|(?:BP|blood\s+pressure)\s+(?:up|rose|went\s+up|high|elevated)"
)
#: A condition that is a drug's indication while it is taken ("omeprazole daily (GERD)") and its side effect when it
#: was stopped for it ("naproxen - Discontinued 2023 (GERD)").
_STOPPED_FOR = re.compile(
    r"\b(?:GERD|reflux|gastritis|ulcer|bleed\w*|edema|swelling|weight\s+gain|dry\s+mouth|diarrh\w*|tremor|insomnia"
    r"|seizure\w*|overdose|hospitali[sz]\w*|falls"
    r"|epigastr\w*"  # "naproxen d/c'd 12/20 - epigastric pain"
    r"|itch\w*|pruritus|stomach\s*(?:pain|aches?|cramps?|problems|issues)|abdominal\s+(?:pain|cramp\w*)"
    # stopped for doing nothing: "STOPPED 2016 - no change in numbness", '"not doing anything", stopped' (said in the
    # present tense of a drug still taken, "doesn't do much" is no failure: a drug still taken is current)
    r"|(?:does|do)\s*(?:not|n'?t)\s+do\s+(?:much|anything|a\s+thing)|does\s+(?:absolutely\s+)?nothing|not\s+doing\s+(?:much|anything|a\s+thing)"
    r"|no\s+(?:change|improvement|difference)(?!\s+in\s+(?:the\s+)?(?:dose|dosage|meds|medications?|regimen|frequency|prescription))"
    rf"|{MONITORING_HARM}|(?:BP|blood\s+pressure)\s+(?:climbed|increased|rising|rose)"
    r"|sexual\s+(?:side\s+effects?|dysfunction|SE)|(?-i:SE))\b",
    _I,
)
#: Drugs named as taken in the body of a note: "Continue Norco", "refill naproxen", "pt is on tramadol".
NOTE_LEADS: tuple[tuple[re.Pattern[str], str, bool], ...] = (
    (re.compile(r"\b(?:tried|trials?\s+of|failed)\s+(?:and\s+failed\s+)?", _I), "tried_failed", False),
    # a drug given up: "Off Norco since wk 2", "stopped the gabapentin", "weaned off oxycodone in May"
    (re.compile(r"\b(?:off|stopped|discontinued|d/c'?d|weaned\s+(?:off|from))\s+(?:(?:the|his|her|all)\s+)?", _I), "past", False),
    (
        re.compile(
            r"\b(?:continue[sd]?|continuing|refill(?:ed|s)?|renew(?:ed)?|remains?\s+on|maintained\s+on|stable\s+on)"
            r"\s+(?:with\s+|on\s+|the\s+|his\s+|her\s+|current\s+)?",
            _I,
        ),
        "current",
        False,
    ),
    (
        re.compile(
            r"\b(?:pt|patient|he|she|claimant|worker|employee)\s+(?:is\s+|has\s+been\s+|remains\s+)?"
            r"(?:currently\s+)?(?:on|taking|takes|using|uses)\s+",
            _I,
        ),
        "current",
        False,
    ),
)


def read_medication_section(sentences: list[Sentence], ctx: Context) -> None:
    """A note's medication list, one line per drug or several per line; stopped or failed drugs marked so."""
    for s in sentences:
        if s.section not in ("medications", "past_medications"):
            continue
        lead = _SECTION_LEAD.match(s.text)
        if lead is None:
            continue
        default = "current" if s.section == "medications" and not lead.group("before") else "past"
        if default == "past" and _TAKEN_NOW.match(s.text, lead.end()):
            default = "current"  # "Currently takes ibuprofen 600 bid and tramadol 50 mg 1-2/day" under past medications
        if drugs_named(s.text, ctx) <= 1:  # one drug a line: the whole line speaks of it
            default = item_status(s.text, default)
        # "APAP 500 2 PO TID; pantoprazole 40 qd (GI); lisinopril 20": a semicolon separates drugs here, and so
        # does a line that opens with a drug ("acetaminophen 500 mg tab 2 PO TID prn" / "amlodipine 5 mg 1 PO daily").
        lines = _drug_lines(s, ctx, lead.end())
        # a bar between cells too ("ibuprofen 600 mg PO TID prn  | acetaminophen 500 mg prn", an EHR's row)
        starts = sorted({lead.end(), *lines} | {m.end() for m in re.finditer(r";\s*|\s\|\s*", s.text) if m.end() > lead.end()})
        for chunk in starts:
            stop = min((at for at in lines if at > chunk), default=len(s.text))
            # the line's own words, its status tag too ("[Inactive] cyclobenzaprine 10 mg - 2017")
            words = s.text[lead.start() if chunk == lead.end() else chunk : stop]
            if _SCREEN_RESULT.search(words) and not _TAKEN_NOW.search(words):
                continue  # "Urine drug screen ... positive for hydrocodone and hydromorphone", "| hydromorphone | 96 | Y | metabolite |"
            tag = _STATUS_TAG.match(s.text[chunk:stop])
            chunk += tag.end() if tag else 0
            line = default
            if drugs_named(words, ctx) <= 1:
                if _NOT_YET.search(words):
                    continue  # "Oxycodone 15 mg tab ... (requested - not yet started)": not taken
                if lines:
                    line = item_status(words, default)  # "gabapentin 300 mg - stopped, dizzy": all of it
            if s.text.startswith("(", chunk) and s.text[chunk:stop].rstrip().endswith(")"):
                # "(oxycodone 5 mg - discontinued 09/06/2019)": a line in brackets is its own entry, read inside them
                stop = chunk + len(s.text[chunk:stop].rstrip()) - 1
                chunk += 1
            for start, end in list_items(s.text[:stop], chunk):
                item = s.text[start:end]
                # the stop told after the item's comma is the item's: 'nortriptyline 25 mg - "no change at all", stopped'
                tail = _STOP_TAIL.match(s.text[:stop], end)
                said = s.text[start : tail.end()] if tail else item
                _list_item(s, ctx, lead, start, end, item_status(said, line), _dosed_name(item))


#: A drug screen's result, which names the drugs found, not the drugs taken.
_SCREEN_RESULT = re.compile(
    r"\b(?:metabolites?|(?:positive|negative)\s+for|(?-i:POSITIVE|NEGATIVE)|not\s+detected|ng/mL|analyte)\b",
    _I,
)
#: A list's next item that only says the one before was stopped: ", stopped 2016", ", d/c'd".
_STOP_TAIL = re.compile(r"\s*,\s*(?:stopped|discontinued|d/c'?d?|dc'd|quit|held)\b[^,;()]{0,30}?(?=[,;.)]|$)", _I)
_STATUS_TAG = re.compile(r"^\[\s*[A-Za-z/' ]{3,15}\]\s*")
_FORM_WORD = re.compile(
    r"(?:creams?|gels?|ointments?|lotions?|solutions?|patch(?:es)?|tabs?|tablets?|caps?|capsules?|liquid|spray|compound(?:ed)?)\b",
    _I,
)


def _drug_lines(s: Sentence, ctx: Context, after: int) -> list[int]:
    """Where the lines of *s* that open with a drug name begin, after *after*: one drug a line, the line ends its item.

    A line that goes on with the one before ("stopped due to" / "GI upset") is no new item; a drug in brackets
    ("(meloxicam 15 mg - discontinued, ineffective)") is, so its words are not said of the drug above it.
    """
    out: list[int] = []
    starts = s.tm.line_starts
    for at in starts[bisect_right(starts, s.start + after) : bisect_left(starts, s.start + len(s.text))]:
        pos = at - s.start
        line = _STATUS_TAG.sub("", s.text[pos:].lstrip("("), count=1)
        if _FORM_WORD.match(line):
            continue  # "... / Gabapentin 6% compounded" / "cream 180 gm, apply TID": the product goes on
        if _dosed_name(line) or (line[:1].isalpha() and may_name_a_drug(line.split(None, 1)[0], ctx)):
            out.append(pos)
    return out


#: A list line's name followed by its strength ("Amlodipine 5 mg 1 PO daily"): a drug, known or not.
_NAME_THEN_STRENGTH = re.compile(
    r"^[A-Za-z][A-Za-z-]{2,}(?:\s+(?:ER|IR|XR|SR|CR|DR|XL|HCl|[A-Za-z-]{3,}))?\s+\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?\s*(?:mg|mcg|g|gm|%|ml|units?)\b",
    _I,
)


def _dosed_name(item: str) -> bool:
    return bool(_NAME_THEN_STRENGTH.match(item))


def item_status(item: str, default: str) -> str:
    """A listed drug's status from its own words: '(stopped - sedation)' is tried and failed."""
    if _LINE_FAILED.search(item) or (_LINE_STOPPED.search(item) and _STOPPED_FOR.search(item)):
        return "tried_failed"
    if _LINE_STOPPED.search(item) and default != "tried_failed":
        return "past"
    if default == "past" and (_LINE_CURRENT.search(item) or _TAKEN_NOW.search(item)):
        return "current"
    return default


#: A line of a medication history that says the drug is taken now: "Currently takes acetaminophen 500 mg".
_TAKEN_NOW = re.compile(
    r"\b(?:currently|still|now)\s+(?:takes|taking|on|uses|using)\b|\bcontinues\s+(?:to\s+(?:take|use)|on)\b"
    r"|\b(?:is|remains)\s+(?:still\s+)?(?:on|taking)\b",
    _I,
)


#: A list entry that names a drug not taken: "No gabapentin yet", "not on opioids", "never tried Lyrica".
_NOT_TAKEN = re.compile(
    r"^\s*(?:no|none|nil|n/a|not\s+(?:on|taking|yet\s+on)|(?:(?:has|had|have)\s+)?never\s+(?:tried|taken|on|used)|denies)\b", re.IGNORECASE
)
#: The entry's own words after the name say it is not taken: "Lidoderm - never tried", "gabapentin (not yet started)".
NOT_TAKEN_AFTER = re.compile(
    # "celecoxib - had never tried", "Lyrica: has never been taken"
    r"[-:,(]\s*(?:(?:(?:has|had|have)\s+)?never\s+(?:been\s+)?(?:tried|taken|used|started|prescribed)"
    r"|not\s+(?:yet\s+)?(?:tried|taken|started|filled|begun))\b"
    # "acetaminophen has not been added (he takes it in the Percocet)"
    r"|^\s*[A-Za-z][\w-]*(?:\s+[\w./%-]+){0,3}?\s+(?:has|have|was|were)\s+not\s+(?:been\s+|yet\s+been\s+)?(?:added|started|prescribed|tried|filled|given)\b",
    re.IGNORECASE,
)
#: A list entry for a drug asked for, not yet taken: "Oxycodone 15 mg tab (requested - not yet started)", "- pending auth".
_NOT_YET = re.compile(
    r"\b(?:not\s+yet\s+(?:started|taking|taken|begun|filled|dispensed)|requested|pending\s+(?:auth\w*|approval|UR|RFA)"
    # a table's status column: "(req.)", "new" (first prescribed at this visit: the request says it)
    r"|(?<=\()req\.?\s*\)|(?<=\s)new(?:\s+new)?\s*$"
    r"|awaiting\s+(?:auth\w*|approval|UR)|to\s+(?:start|begin)\b)",
    re.IGNORECASE,
)


def _list_item(
    s: Sentence, ctx: Context, lead: re.Match[str], start: int, end: int, status: str, any_name: bool
) -> None:
    item = s.text[start:end]
    if _NOT_TAKEN.match(item) or NOT_TAKEN_AFTER.search(item):
        return  # a drug the list says is not taken is none of the patient's drugs ("Lidoderm - never tried")
    span = drug_name(item)
    if span is None:
        return
    ns, ne = start + span[0], start + span[1]
    name = s.text[ns:ne]
    if phrase_key(name) in _GENERIC:
        opened = re.match(r"\s*\(", s.text[ne:end])
        closed = s.text.find(")", ne, end) if opened else -1
        if opened and closed > 0:
            # "NSAIDs (ibuprofen, then meloxicam - stopped 2021 for gastritis)": the class's drugs, each as listed
            inside = s.text[ne + opened.end() : closed]
            if status in ("past", "tried_failed") and item_status(inside, "current") != "current":
                status = "current"  # the stop the brackets tell is of the drug it follows, not of every one
            for a, b in list_items(s.text[:closed], ne + opened.end()):
                own = item_status(s.text[a:b], status)
                if own == "current" and re.match(r"\s*,?\s*(?:and\s+)?then\b", s.text[b:closed]):
                    own = "past"  # "ibuprofen, then meloxicam": the one given up for the next
                _list_item(s, ctx, lead, a, b, own, any_name)
        return
    identity, ingredients, classes = describe(ctx, name)
    numbered = _PRODUCT_NUMBER.match(s.text, ne, end) if "#" in s.text[ne : ne + 3] or "no" in s.text[ne : ne + 4].lower() else None
    if numbered:  # "Tylenol #3 1 tab q4-6h prn": the number names the product (with codeine), not a quantity
        longer = f"{name} #{numbered.group('n')}"
        if (parts := describe(ctx, longer))[0] is not None:
            name, ne = longer, numbered.end()
            identity, ingredients, classes = parts
    composed = _COMPOSITION.match(s.text, ns, end)
    if composed:  # "Flurbiprofen 20% / Cyclobenzaprine 4% / Gabapentin 6% compounded cream": one compound
        parts = describe(ctx, composed.group())
        if len(set(parts[1])) > 1:
            name, ne = composed.group(), composed.end()
            identity, ingredients, classes = parts
    combined = with_acetaminophen(ctx, name, ingredients, s.text[ne:end])
    if combined != name:
        name = combined
        identity, ingredients, classes = describe(ctx, name)
    found = ctx.vocab.identify(name)
    if found is not None and found.category == "service":
        return  # "three follow up visits" in a list of requests is no drug
    if not any_name and identity is None and ctx.draft.find_drug(None, (), name) is None:
        return
    if identity is None and name.islower() and not _dosed_name(item):
        return  # "... and able to sleep 6 hrs": an unknown lower-case word without a strength is prose, not a drug
    # The first item is quoted with its lead ("Current medications include Fentanyl patch ..."),
    # later ones as the lead and the item apart.
    first = lead.end() >= ns - 1
    drug = ctx.draft.drug(
        name,
        identity,
        ingredients,
        classes,
        status,
        s.evidence(lead.start(), end if first else lead.end()),
        listed=any_name,
    )
    if not first:
        add_evidence(drug.evidence, s.evidence(start, end))
    if any_name:  # a drug list proper: "Frova for headache" names a condition
        indication = _INDICATION.match(s.text[ne:end] + " ")
        if indication:
            what = indication.group("what").strip()
            if set(what.lower().split()) - _NOT_CONDITIONS:
                w0 = ne + indication.start("what")
                ctx.draft.diagnosis(what, regions_in(what), s.evidence(start, w0 + len(what)))


#: A product's number right after its name: "Tylenol #3", "Tylenol No. 4" (known to the vocabulary so, not a quantity).
_PRODUCT_NUMBER = re.compile(r"\s*(?:#|No\.?\s*)\s*(?P<n>[1-4])(?!\d)", _I)
#: A compound written by its ingredients and strengths: "ketoprofen 10%/gabapentin 6%/lidocaine 5%".
_COMPOSITION = re.compile(
    r"[A-Za-z][A-Za-z-]+\s*\d+(?:\.\d+)?\s*%?(?:\s*/\s*[A-Za-z][A-Za-z-]+\s*\d+(?:\.\d+)?\s*%?)+", _I
)


def drug_name(item: str) -> tuple[int, int] | None:
    """Span of the drug name at the head of a list item ("Frova for headache" -> "Frova")."""
    lead = _LEAD_WORDS.match(item)
    pos = lead.end() if lead else 0
    words = list(re.finditer(r"\S+", item[pos:]))
    taken = []
    for w in words:
        word = w.group()
        bare = word.lower().strip(",.;:")
        if word[0].isdigit() or word[0] in "#(" or bare in _NAME_STOP or re.match(r"^q\d", bare):
            break
        taken.append(w)
        if len(taken) > 5:
            return None
    if not taken or not taken[0].group()[0].isalpha():
        return None
    return pos + taken[0].start(), pos + taken[-1].end() - (1 if taken[-1].group()[-1] in ",.;:" else 0)


def drug_mentions(text: str, ctx: Context) -> list[Mention]:
    """Drugs named in *text*: names already on the list, then any product or ingredient the vocabulary knows."""
    found: list[Mention] = []
    lowered = text.lower() if text.isascii() else None
    for drug in ctx.draft.drugs:
        if lowered is not None and drug.name.isascii() and drug.name.lower() not in lowered:
            continue  # ASCII in ASCII: the name matches, case aside, only where its lower case stands in the text's
        for m in re.finditer(rf"(?<!\w){re.escape(drug.name)}(?!\w)", text, _I):
            found.append(Mention(m.start(), m.end(), drug.name, drug.identity, drug.ingredients, drug.classes))
    for start, end, name in _vocabulary_mentions(text, ctx):
        if not any(f.start <= start < f.end or start <= f.start < end for f in found):
            identity, ingredients, classes = describe(ctx, name)
            found.append(Mention(start, end, name, identity, ingredients, classes))
    return sorted(found, key=lambda f: f.start)


def may_name_a_drug(text: str, ctx: Context) -> bool:
    """Whether *text* has a word that starts the name of a drug (an ingredient, or a product that has one).

    A cheap test before the full vocabulary search: most sentences of a note name no drug.
    """
    return not _drug_words(ctx.vocab).isdisjoint(phrase_key(text))


@cache
def _drug_words(vocab: Vocabulary) -> frozenset[str]:
    """The first word of every spelling of an ingredient, or of a product made of ingredients."""
    spellings = [*vocab.ingredients, *(s for e in vocab.ingredients.values() for s in e.synonyms)]
    spellings += [n for name, p in vocab.products.items() if p.ingredients for n in (name, *p.aliases)]
    return frozenset(key[0] for key in map(phrase_key, spellings) if key)


def _vocabulary_mentions(text: str, ctx: Context) -> list[tuple[int, int, str]]:
    """Products and ingredients the vocabulary finds in *text*, left to right; once per text and run."""
    cached = ctx.vocabulary_mentions.get(text)
    if cached is not None:
        return cached
    out = [(hit.start, hit.end, text[hit.start : hit.end]) for hit in ctx.vocab.mentions(text, ("product", "ingredient"))]
    ctx.vocabulary_mentions[text] = out
    return out


def drugs_named(text: str, ctx: Context) -> int:
    """How many drugs *text* names: each generic ingredient, and each brand whose ingredients are not also written out.

    "one drug a line, the whole line speaks of it" must count "Flexeril" as a drug as much as "cyclobenzaprine", or
    a row's status ("Flexeril - groggy") reaches the generic named on the row before it. A combination the vocabulary
    knows written by its ingredients ("oxycodone/APAP 5/325", "hydrocodone-acetaminophen") is one drug, not two, or an
    EHR row's status column ("... discontinued (sedation)") is not read as the row's own.
    """
    mentions = [(start, end, frozenset(describe(ctx, name)[1])) for start, end, name in _vocabulary_mentions(text, ctx)]
    blanked = text
    for start, end, ingredients in mentions:
        if len(ingredients) > 1:  # the combination's own ingredient names are the combination, counted below
            blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    generics = set(ctx.vocab.ingredients_in(blanked))
    brands = {ingredients for _, _, ingredients in mentions if ingredients and not ingredients <= generics}
    return len(generics) + len(brands)


def read_start_dates(sentences: list[Sentence], ctx: Context) -> None:
    """Start dates and durations of use, bound to the nearest drug named before them."""
    for s in sentences:
        dates = find_dates(s.text)
        durations = find_durations(s.text)
        mentions = drug_mentions(s.text, ctx) if dates or durations else []
        if not mentions:
            continue
        for d in dates:
            before = s.text[: d.start]
            qualifier = next((q for pattern, q in _STARTS if pattern.search(before[-40:])), None)
            if qualifier is None:
                continue
            _bind_start(s, ctx, mentions, d.start, d.end, d.date, qualifier)
        note_dates = ctx.dates_of(s)
        reference = note_dates[0] if note_dates else ctx.latest_report
        if reference is None:
            continue
        for duration in durations:
            start = start_from_duration(reference.latest(), duration)
            _bind_start(
                s, ctx, mentions, duration.start, duration.end, start, "at_least_since" if duration.at_least else "on"
            )


def _bind_start(
    s: Sentence, ctx: Context, mentions: list[Mention], start: int, end: int, date: FuzzyDate, qualifier: str
) -> None:
    before = [m for m in mentions if m.end <= start]
    if not before:
        return
    mention = before[-1]
    past = search(_PAST, s.text)
    status = "past" if past and past.start() < mention.start else "current"
    known = ctx.draft.find_drug(mention.identity, mention.ingredients, mention.name)
    if known is None and (mention.identity is None or s.section == "plan"):
        return  # "Duloxetine 30 mg #30, one daily for one week": a plan's duration is the prescription's, not use
    drug = ctx.draft.drug(
        mention.name,
        mention.identity,
        mention.ingredients,
        mention.classes,
        status if known is None else known.status,
        s.evidence(mention.start, end),
    )
    _set_start(drug, date, qualifier)


def _set_start(drug: Drug, date: FuzzyDate, qualifier: str) -> None:
    """Keep the earliest start the record gives."""
    if drug.started is None or date.earliest() < drug.started.earliest():
        drug.started, drug.started_qualifier = date, qualifier


def read_long_term(s: Sentence, ctx: Context, item_drug: Drug | None) -> None:
    """'long-term use of Soma', 'chronic opioid treatment', 'this medication ... for long term use'."""
    for m in finditer(_LONG_TERM, s.text):
        if negated_nearby(s.text, m.start()):
            continue
        mentions = drug_mentions(s.text, ctx)
        targets: list[Drug] = []
        if mentions:
            nearest = min(mentions, key=lambda x: _distance(x, m.start(), m.end()))
            found = ctx.draft.find_drug(nearest.identity, nearest.ingredients, nearest.name)
            targets = [found] if found else []
        elif item_drug is not None and search(_THIS_DRUG, s.text):
            targets = [item_drug]
        elif m.group("cls"):
            wanted = _CLASS_WORDS[" ".join(m.group("cls").lower().split())]
            targets = [d for d in requested_drugs(ctx) if wanted in d.classes]
        for drug in targets:
            drug.long_term = "yes"
            add_evidence(drug.evidence, s.evidence(*clause_span(s.text, m.start(), m.end())))


def _distance(mention: Mention, start: int, end: int) -> int:
    """Characters between a drug name and a cue at [start, end), whichever comes first."""
    return mention.start - end if mention.start >= end else max(0, start - mention.end)


def requested_drugs(ctx: Context) -> list[Drug]:
    """Medication entries that are requested items of the case, in request order."""
    out: list[Drug] = []
    for item in ctx.items:
        if item.kind not in ("drug", "supply"):
            continue
        identity, ingredients, _ = describe(ctx, item.name)
        drug = ctx.draft.find_drug(identity, tuple(item.ingredients) or ingredients, item.name)
        if drug is not None and drug not in out:
            out.append(drug)
    return out
