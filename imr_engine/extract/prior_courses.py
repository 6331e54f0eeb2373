"""Prior courses of care told anywhere in a note: the service, how many visits, when, and what they did.

Clinicians tell a course already given in a few words wherever it comes up: in the history
("completed 12 sessions of PT for the low back in 2015 without lasting benefit"), a terse list
("PT x 24, chiro x 12, acupuncture x 6"), a form's line ("Prior tx: PT x 18 (2019)"), or the
assessment ("tried TENS at PT", "s/p 6 chiro visits, helped 30%"). The other history readers
need a lead phrase before the list; this one starts from each course's name and reads the
words around it, so any of these phrasings yields the same course.

A mention is a prior course when the note says it was given: a count of visits, a verb of
having done it ("did", "completed", "tried", "attended", "failed"), a date, or an effect
("helped", "no relief"). Only the plan, a planned or requested course, a prescription's
frequency ("2x/wk x 6 wks") and a negated one ("denies prior PT", "never had chiro") are not.
A course another reader already found is completed (count, effect, date), never counted twice:
the same course told twice with the same count is one course.
"""

from __future__ import annotations

import re
from typing import Any

from ..facts.fuzzy_date import FuzzyDate
from ..facts.model import Evidence
from ..vocabulary import line_key, phrase_key
from ..vocabulary.vocab import Identity
from .context import Context
from .dates import MONTHS, ends_with_month_name, find_dates
from .device_relief import device_relief
from .draft import add_evidence
from .letter_case import is_the_patient
from .lists import item_end
from .medications import NOT_TOLERATED
from .negation import polarity
from .numbers import NUMBER, parse_number
from .other_person import told_of_another
from .planned import planned
from .sentences import Sentence
from .word_gate import search

#: Words whose stop is no sentence's end: "by Dr. Sandoval in October, which helped", "approx. 8 visits".
_TITLES = ("Dr", "dr", "DR", "Mr", "MR", "Mrs", "MRS", "Ms", "MS", "vs", "VS", "approx", "APPROX")
#: Month names as a date spelt out writes them, before its day: "November 20, 2014" (the date reader's names).
_MONTHS = tuple(MONTHS)
#: The comma of a date spelt out ("trial November 20, 2014 - December 20, 2014") is no list's: a lookbehind per month
#: and day width (each of fixed width), the year after it.
_DATE_COMMA = "(?i:" + "".join(rf"(?<!\b{m} \d)(?<!\b{m} \d\d)" for m in _MONTHS) + ")"
_NOT_DATE_COMMA = rf"(?:{_DATE_COMMA}|(?!,\s*(?:19|20)\d\d\b)),"
# A comma or semicolon, or a full stop that ends a sentence, ends a listed course (not a spelt-out date's comma).
_COURSE_ITEM_BREAK = re.compile(rf"{_NOT_DATE_COMMA}|;|" + "".join(rf"(?<!\b{t})" for t in _TITLES) + r"\.(?= |\Z)")
#: A title right before a stop, where a listed course is looked for backwards (`_item_start`).
_TITLE_BEFORE = re.compile(rf"\b(?:{'|'.join(_TITLES)})$")

_I = re.IGNORECASE

#: The kinds of care given as a course of visits, by the vocabulary's service classes (services.yaml).
_KIND_BY_CLASS = {
    "physical_medicine": "physical_therapy",
    "manual_therapy": "chiropractic",
    "acupuncture": "acupuncture",
    "psychological_treatment": "psychological",
    "electrotherapy": "modality",
    "neuromodulation": "modality",  # a spinal cord stimulator trial, told with its relief (CPMTG p. 105-107)
    "functional_restoration": "program",
    "spinal_injection": "injection",
    "facet_procedure": "injection",
    "joint_injection": "injection",
    "nerve_block": "injection",
    "trigger_point_injection": "injection",  # "trigger point injections x 4, temporary relief only"
    "chemodenervation": "injection",
    "regenerative_injection": "injection",
    "orthosis": "other",  # a splint or brace worn as care: "night wrist splint since 11/2014, no change"
}
_KIND_BY_SERVICE = {"chiropractic": "chiropractic", "acupuncture": "acupuncture"}
#: Diagnostic blocks: their relief lasts the hours of the anaesthetic by design, so brief relief is a response.
BRIEF_BY_DESIGN = frozenset({"medial_branch_block"})
#: A cheap test that a sentence may tell a course already given (most sentences tell none).
_GATE = re.compile(
    r"\b(?:PT|OT|physio\w*|physical|occupational|therap\w*|rehab\w*|chiro\w*|acu\w*|CBT|psycho\w*|counsel\w*|TENS"
    r"|ESIs?|TFESIs?|epidurals?|injections?|inj|aquatic|pool|manipulation|sessions?|visits?"
    r"|blocks?|shots?|MBBs?|SGBs?|LSBs|TPIs?|RFAs?|CSIs?|rhizotomy|cortisone|Kenalog|viscosupp\w*|Synvisc|Gel-?One|Euflexxa|Orthovisc|Hyalgan|Supartz|Monovisc|Durolane|Gelsyn|hyaluron\w*|CMT|OMT|manip\w*"
    r"|splint\w*|brac(?:e|es|ing)|orthos[ie]s|orthotics?"
    r"|H-?\s?wave|interferential|IF\s+unit|stimulat\w*|SCS|DRG"
    r"|hardening|conditioning)\b",  # a work programme named without "therapy" (session 16): "a work hardening program"
    _I,
)
#: A plan's line that tells the care already given: "Tx to date: PT x12 (2013)", "Failed 12 PT sessions, ...", "He
#: failed 12 visits of PT ... before his first TFESI" (a form's treatment-plan box often holds the history too).
_HISTORY_IN_PLAN = re.compile(
    r"^\W*(?:(?:tx|treatments?|care|therapy)\s+(?:to\s+date|history|so\s+far|tried)|(?:prior|previous|past)\s+(?:tx|treatments?|care|therapy)"
    r"|(?:tried|failed)\s*:)"
    r"|\b(?:failed|completed|finished|attended|underwent|has\s+had|have\s+had|had|did)\s+(?:\w+\s+){0,2}?\d{1,2}\s+(?:\w+\s+)?"
    r"(?:sessions?|visits?|treatments?)\b|\b(?:failed|completed|finished|attended|had|did)\s+\d{1,2}\s+(?-i:PT|OT)\b",
    _I,
)
#: A closed aside in brackets, which speaks only of what it follows: "wrist splints (no longer supportive), OT 8 visits".
_ASIDE = re.compile(r"\([^()]*\)")
#: Where a listed course's words begin and end: a comma, semicolon or colon outside brackets, or the sentence's end.
_SEPARATORS = ",;:"
#: Words that describe the care between its count and its name: "2 lumbar ESIs", "8 individual sessions".
_CARE_WORDS = (
    r"(?:(?:cervical|thoracic|lumbar|lumbosacral|caudal|left|right|bilateral|L\d-\d|C\d-\d|[LRB]|[LCTS]\d(?:-[LCTS]?\d)?"
    r"|individual|group|weekly|supervised|outpatient|formal|land-based|in-clinic|steroid|cortisone|corticosteroid"
    r"|transforaminal|interlaminar|intra-?articular|subacromial|facet|epidural|knee|shoulder|hip)\s+){0,3}"
)
#: A count right before the name: "12 sessions of PT", "6 PT visits" (with the unit after), "8 chiro",
#: "two lumbar ESIs", "10/12 authorized therapy visits", "completed 8 post-op PT".
_COUNT_BEFORE = re.compile(
    rf"(?<![\w/.-])(?:(?P<n>\d{{1,2}}|{NUMBER}|a\s+dozen)\+?(?:\s*\(\d{{1,2}}\))?(?:\s*of\s*\d{{1,2}}|\s*/\s*(?P<of>\d{{1,2}}))?\s+"
    r"(?:(?:prior|previous|authorized|approved|completed|post[- ]?op\w*|pre[- ]?op\w*|total|formal|outpatient)\s+){0,2}"
    # with its unit, any two words may describe the care: "6 sessions trauma-focused CBT", "12 visits of land-based PT"
    r"(?:(?:sessions?|visits?|treatments?|injections?|rounds?)\s+(?:of\s+)?"
    r"(?:(?!(?:with|for|to|at|in|on|and|or|but|of|then|from|by)\b)[\w-]+\s+){0,2}"
    rf"|{_CARE_WORDS})"
    # the count as the course's adjective: "a 6-visit chiropractic trial", "12-session course of PT"
    rf"|(?P<h>\d{{1,2}})-(?:visit|session|treatment)\s+(?:(?:course|trial|series|block)\s+(?:of\s+)?)?{_CARE_WORDS})$",
    _I,
)
#: What makes "N/M" before a name a count of visits done of those allowed: a unit or an approval word after it, or a
#: verb of doing the care before it ("completed 6/6 authorized PT", "has attended 8/12 PT").
_COUNTED_OF = re.compile(r"\b(?:sessions?|visits?|treatments?|authori[sz]ed|approved|certified|completed|total)\b", _I)
_DONE_BEFORE = re.compile(r"\b(?:completed|finished|attended|had|did|done|has\s+had|s/p)\s*$", _I)
#: A count after the name: "PT x 12", "chiro x6", "PT 12 visits", "PT (approx. 24 visits 2010-2011)",
#: "chiropractic (12)", "chiro 6", "PT 2022 x 8", "PT: 18 visits to date", "PT/desensitization 30 visits".
_COUNT_AFTER = re.compile(
    r"^[\s:(|)]*(?:(?:[A-Za-z/-]+\.?|\d{4}|\d{1,2}/\d{2,4}):?\s+){0,3}?"
    r"(?:(?:x|times)\s*(?P<a>\d{1,2})\+?\b(?!\s*(?:/|%|-?\s*(?:wks?|weeks?|mos?|months?|days?|d|yrs?|years?|hrs?|hours?|mins?|minutes?)\b))"
    r"|(?:approx(?:imately|\.)?\s*|about\s+|around\s+|~\s*|total\s+(?:of\s+)?)?(?P<b>\d{1,2}|a\s+dozen)\+?\s+(?:\w+\s+)?"
    r"(?:sessions?|visits?|treatments?|tx|injections?|times?)\b(?!\s*(?:a|per|/)\s*(?:wk|week|day|month)|\s*(?:x|for)?\s*\d{1,2}\s*(?:wks?|weeks?)\b)"
    r"|(?P<c>\d{1,2})\s*\)"
    r"|(?P<d>\d{1,2})(?=\s*(?:$|[,;|]|\(|[-\u2013\u2014]\s))(?![\d/.%]))",
    _I,
)
#: "N of M" or "N/M" visits told after the name: "CBT 4 of 6 sessions", "PT visits 10/12".
_DONE_OF = re.compile(r"(?P<n>\d{1,2})\s*(?:/|of)\s*\d{1,2}\s+(?:\w+\s+)?(?:sessions?|visits?|authorized|approved)", _I)
#: "N/M" right after a course said completed, no unit: "Completed PT 12/12 (initial 6 + additional 6)".
_DONE_SLASH = re.compile(r"^\s*(?P<n>\d{1,2})\s*/\s*(?P<of>\d{1,2})\b(?!\s*/|\s*\d)")
#: "N/M" right after the name with a word of having done them, no unit: "PT 6/6 done", "chiro 8/8 completed in April".
_SLASH_DONE = re.compile(
    r"^\s*(?P<n>\d{1,2})\s*/\s*(?P<of>\d{1,2})\s+(?:(?:visits?|sessions?|tx)\s+)?(?:done|completed?|finished|attended)\b", _I
)
#: A word after a prescription's frequency that says its visits were had: "PT 2x/wk x 6 wks (12 visits) finished 8/17",
#: "chiro 2x/wk x 4 wks completed in May" (not "to be completed", "once completed", "until finished").
_FREQUENCY_DONE = re.compile(
    r"(?<!\bto\sbe\s)(?<!\bwill\sbe\s)(?<!\bonce\s)(?<!\bwhen\s)(?<!\buntil\s)(?<!\bafter\s)(?<!\bif\s)(?<!\bbe\s)"
    r"\b(?:finished|completed|complete|done)\b(?!\s+(?:by|before|within)\b)",
    _I,
)
#: The course said completed right before its name, so a bare "N/M" after it is visits done of those allowed.
_COMPLETED_BEFORE = re.compile(r"\b(?:completed|finished|attended)\s+(?:\w+\s+)?$", _I)
#: The visits in brackets after a course told by its weeks: "PT x 6 wks (12 visits)", "chiro 2015 (approx. 20 tx)".
_COUNT_ASIDE = re.compile(
    r"\((?:[^()]*?[,;]\s*)?\s*(?:approx(?:imately|\.)?\s*|about\s+|~\s*|total\s+(?:of\s+)?)?(?P<n>\d{1,2}|a\s+dozen)\+?\s+(?:\w+\s+)?"
    r"(?:sessions?|visits?|treatments?|tx)\b", _I
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
#: Visits said had in a later clause of the course's sentence: "... and she has had 10 treatments", "has completed 8
#: sessions to date" (not "has had 10 sessions of acupuncture", another course's).
_HAD_COUNT = re.compile(
    rf"\b(?:has\s+had|have\s+had|had|completed|attended|finished|underwent|received|(?:has|have)\s+done|did|after)\s+(?:a\s+total\s+of\s+|about\s+"
    rf"|approximately\s+|~\s*)?(?:(?P<n>\d{{1,2}}|{NUMBER})\s+(?:\w+\s+)?(?:sessions?|visits?|treatments?)\b(?!\s+(?:of|with|for)\b)"
    r"|(?P<m>\d{1,2})\s*(?:of|/)\s*\d{1,2}\b(?!\s*(?:/|sessions?\s+of|visits?\s+of)))",
    _I,
)
#: The course said done later in its sentence, after it was allowed: "authorized 6 chiropractic visits, completed
#: 01/19/16 - 02/05/16", "Authorized 6 sessions of CBT (UR 08/2015); he has attended 6 of 6".
_DONE_LATER = re.compile(r"\b(?:attended|completed|finished)\b(?!\s+(?:an?|the|his|her|their)\b)", _I)
#: Words of a clause that only dates the course: "2018", "the last in 1/2020", "last one on March 3".
_DATE_CLAUSE_WORDS = frozenset({"the", "last", "latest", "most", "recent", "first", "one", "in", "on", "was", "dated", "of",
                                "from", "to", "through", "until", "and"})
_MONTH_NAMES = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})
#: The course told as past: a year it was given in, or a lead over a history ("Treatment history:", "prior").
_PAST_MARK = re.compile(r"\b(?:in|during)\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\s*[-\u2013]\s*(?:19|20)\d\d\b", _I)
#: A clause that only counts the course named before its comma: "chiropractic care, approximately 8 visits, which helped".
_COUNT_CLAUSE = re.compile(
    r"^\s*(?:approx(?:imately|\.)?\s*|about\s+|around\s+|roughly\s+|~\s*|a\s+total\s+of\s+|total\s+(?:of\s+)?)?"
    r"(?P<n>\d{1,2}|" + NUMBER + r")\+?\s+(?:\w+\s+)?(?:sessions?|visits?|treatments?|tx)\b(?:\s+(?:total|in\s+\d{4}|to\s+date))?\s*(?::|$)",
    _I,
)
#: A prescription, not a course given: "2x/wk x 6 wks", "PT 2x6", "3 times a week".
_FREQUENCY = re.compile(
    r"\b\d\s*x\s*/?\s*(?:wk|week)|\b\d\s*x\s*\d{1,2}\b(?!\s*(?:visits?|sessions?))|\b(?:times?|x)\s*(?:a|per|/)\s*(?:wk|week)\b"
    r"|/\s*wk\b|\bweekly\b",
    _I,
)
#: Visits said done after a course's frequency: "PT 2x/wk - 12 visits completed", "3x/week, 9 sessions attended".
_DONE_AFTER = re.compile(r"\b(?P<n>\d{1,2})\s+(?:visits?|sessions?|treatments?)\s+(?:were\s+)?(?:completed|done|attended)\b", _I)
#: A frequency and a length that make a course's visits: "2x/wk x 6 wks", "3 times a week for 4 weeks".
_FREQUENCY_COURSE = re.compile(
    r"\b(?P<per>[1-5])\s*(?:x|times)\s*(?:/|a|per)?\s*(?:wk|week)s?\s*(?:x|for)\s*(?P<weeks>\d{1,2})\s*(?:wks?|weeks?)\b", _I
)
#: Care not had since a date, which was had then: "has not had therapy since 2015 (8 visits then)", "no chiro since 3/2018".
_NOT_SINCE = re.compile(
    r"\s*(?:(?:visits?|sessions?|treatments?|care)\s+)?(?:at\s+all\s+)?since\s+(?:(?:19|20)\d\d|\d{1,2}/\d{2,4}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d"
    r"|last\s+(?:year|spring|summer|fall|autumn|winter)|(?:\d+|one|two|three|several)\s+(?:years?|months?)\s+ago)\b",
    _I,
)
#: A course only allowed, asked for or refused is not one given: "authorized 6 sessions", "12 PT visits requested".
_NOT_GIVEN = re.compile(
    r"\b(?:authori[sz]ed|approved|certified|request\w*|asked\s+for|asking\s+for|disputed|proposed|recommend\w*|denied|non-?certified|modified|prescribed|ordered|referred|agree[sd]?\s+to|willing|interested"
    r"|pending|awaiting|awaits)\b",
    _I,
)
#: Words that say the course was given: a verb of doing it, or a lead of a history list.
_GIVEN = re.compile(
    r"\b(?:did|done|had|has\s+had|have\s+had|tried|completed|finished|attended|underwent|received|failed|participated"
    r"|went\s+(?:to|through)|used|s/p|status\s+post|prior|previous|past|history\s+of|hx\s+of|h/o|since|after|following"
    r"|graduated|uses|using|continues\s+to\s+use|saw\s+(?:an?|the|his|her)"
    r"|(?:has|have|had|was|is)\s+(?:been\s+)?(?:seeing|going\s+to|treated\s+by|treating\s+with)|under\s+the\s+care\s+of|(?:treatment|tx|therapy|care)\s+(?:history|to\s+date))\b",
    _I,
)
#: A course's effect, said of it: no benefit ("without lasting benefit", "no relief", "failed", "temporary relief
#: only") or a benefit ("helped 30%", "partial benefit", "good relief", "improved").
_NO_EFFECT = re.compile(
    r"\b(?:no|not?\s+any|without(?:\s+any)?|w/o|w/\s*(?:no|little|minimal)|minimal|little|min|negligible)\s+(?:\w+\s+){0,2}?"
    r"(?:benefit|relief|improvement|help|change|gains?|progress|response|effect|difference)\b|\b(?:no|not\s+any)\s+different\b"
    # it did nothing: "said it did nothing", "did nothing for her", "nothing helped", "response: none"
    r"|\b(?:did|does|do)\s+nothing\b|\bnothing\s+(?:helped|worked|changed)\b"
    r"|\b(?:none|neither)(?:\s+of\s+(?:these|them|those|which|the\s+above))?\s+(?:has\s+|have\s+|really\s+)?(?:helped|worked|gave\s+(?:any\s+)?relief"
    r"|made\s+(?:a\s+|any\s+|much\s+(?:of\s+a\s+)?)?(?:real\s+)?difference|(?:was|were)\s+helpful"
    # what none of them changed: "none of which changed his pain", "neither improved her walking" (session 23)
    r"|(?:changed|improved)\s+(?:anything|much|(?:his|her|their|the)\s+\w+))\b|\bno\s+better\b|\bunchanged\b|\b(?:response|result|outcome|effect)\s*[:=-]\s*none\b"
    r"|\bdid\s*(?:n[o']t|not)\s+(?:help|improve|work|change)|\bdidn'?t\s+(?:help|improve|work|change)"
    r"|\b(?:it|they|this|that)\s+(?:not|no|never)\s+(?:help|work)|\bnot\s+(?:been\s+|really\s+|very\s+)?(?:helpful|effective|beneficial)\b"
    r"|\bfailed\b(?!\s+back\s+(?:surgery|syndrome))|\bunsuccessful\b|\bineffective\b|\bno\s+lasting\b|\bonly\s+(?:temporary|transient|brief)\b"
    r"|\b(?:temporary|transient|brief)\s+(?:\w+\s+)?(?:relief|benefit|improvement)\s+only\b|\bshort[- ]lived\b"
    rf"|\bwors(?:e|ened)\b|\b(?:{NOT_TOLERATED})|\b(?:aggravated|exacerbated|flared)\b"
    r"|\bhelp(?:ed|s)?\s+(?:only\s+)?while\b|\bback\s+to\s+(?:the\s+)?(?:same|baseline|where)\b|\bwore\s+off\b"
    r"|\b(?:plateau(?:ed)?|no\s+further\s+(?:gains?|progress|improvement))\b"
    # the care gave nothing, told with its verb: "did not provide any lasting relief", "has not given much benefit"
    r"|\b(?:did|does|has|have|had)\s*(?:n[o']t|not)\s+(?:provide|give|given|bring|brought|offer|produce|result\s+in)[ds]?\s+"
    r"(?:any\s+|much\s+)?(?:\w+\s+)?(?:relief|benefit|improvement|help|change|progress)\b"
    # a programme or therapy ended for want of progress (session 16): "stopped because he was not progressing", "did not
    # succeed", "stopped early due to lack of progress"
    r"|\b(?:he|she|they|pt|patient|claimant|worker|employee)\s+(?:(?:was|were|is|are|had\s+been|has\s+been)\s+not|wasn'?t|weren'?t|isn'?t)"
    r"\s+progressing\b|\b(?:lack|absence)\s+of\s+(?:\w+\s+)?progress\b|\bdid\s*(?:n[o']t|not)\s+succeed\b",
    _I,
)
#: Relief that lasted hours or days, or a week: "~1 week relief", "< 2 wks relief each" (a device helps while worn).
_BRIEF_FOR = (
    r"(?:<\s*|~\s*|about\s+|only\s+|maybe\s+|perhaps\s+|less\s+than\s+)?(?:(?:\d|one|two|three|a\s+few|few)\s*-?\s*(?:days?|hrs?|hours?)"
    r"|(?:<\s*|less\s+than\s+)\d\s*(?:wks?|weeks?)|(?:1|one|a)\s*-?\s*(?:wk|week))\b"
)
_BRIEF = re.compile(
    rf"{_BRIEF_FOR}\s+(?:of\s+)?(?:relief|benefit|improvement)"
    rf"|\b(?:relief|benefit|improvement|helped|better|lasting|lasted)\b[^.;,]{{0,25}}?\b(?:for|lasting|lasted|x)\s*{_BRIEF_FOR}",
    _I,
)
#: Relief below what counts as meaningful (30 %, the smallest clinically important change in pain): "20% relief",
#: "(<30% relief)", "helped maybe 10%", "less than 25 percent better" - the course did not help enough to tell.
_LOW_RELIEF = re.compile(
    # (not a score's value after a change: "ODI 46% to 12%", "NDI 30 -> 14%")
    r"(?:(?:<|less\s+than|under|below)\s*(?:[12]?\d|30)|(?<![\d.<])(?<!\bto\s)(?<!->\s)(?<!->)(?<!\u2192\s)(?<!\u2192)"
    r"(?:[12]?\d)(?!\s*(?:-|to)\s*\d))\s*(?:%|percent)"
    r"(?=\s*(?:\w+\s+){0,2}?(?:relief|improvement|better|reduction|benefit|decrease|less\s+pain)\b|\s*\)|\s*$)"
    r"|\b(?:helped|improved|relieved)\s+(?:(?:only|about|maybe|approx\.?|approximately|~)\s*)*(?:[12]?\d)\s*(?:%|percent)",
    _I,
)
_EFFECT = re.compile(
    r"\b(?:helped|helps|helping|helpful|beneficial|benefit(?:ed)?|improved|improvement|relief|better|gains?|progress(?:ed)?"
    r"|(?:some|good|great|a\s+lot\s+of|modest|mild|slight)\s+help|(?:good|great|excellent|positive|favou?rable|partial|some)\s+response"
    r"|responded|effective|good\s+results?|(?:less|decreased|reduced)\s+pain|less\s+(?:stiff|stiffness|sore|swelling)"
    # the relief told by what the care gave: "gave about 3 weeks", "each gave her 2-3 days" (its length is `course_lasting`'s)
    r"|gave\s+(?:(?:him|her|them)\s+)?(?:about\s+|approx\.?\s*|~\s*|only\s+|maybe\s+)?(?:\d{1,2}(?:\s*-\s*\d{1,2})?|a\s+few|a\s+couple\s+of)"
    r"\s*(?:days?|wks?|weeks?|mos?|months?)(?!\s+(?:later|after|ago))"
    r"|restored|eased|eases|stronger|(?:reduced|decreased|lowered|relieved|eased)\s+(?:his|her|their|the)\s+(?:\w+\s+)?pain"
    r"|pain\s+(?:is|was|has\s+been)\s+(?:(?:much|somewhat|a\s+little|slightly)\s+)?(?:better|improved)"
    # the pain the course is judged by went down: "pain decreased from 8/10 to 5/10", "pain went down"
    r"|pain\s+(?:level\s+)?(?:decreased|improved|reduced|dropped|went\s+down|was\s+reduced|got\s+better|lessened)"
    # a table's or a template's field: "Response: partial", "Outcome: good", "Result - improved"
    r"|(?:response|result|outcome)\s*[:=-]\s*(?:partial|fair|good|positive|favou?rable|some|moderate))\b|\d{1,3}\s*%",
    _I,
)
#: What may open the clause after a comma that still speaks of the course before it: "Finished PT x8, helped some".
#: The result attributed to the worker before it is told: "per pt \"no real change\"", "according to the patient, no
#: relief", "per her report".
_ATTRIBUTED = r"(?:per|according\s+to)\s+(?:the\s+)?(?:pt|patient|worker|(?:his|her)\s+(?:own\s+)?report|him|her)"
_ATTRIBUTION_CLAUSE = re.compile(rf"\s*{_ATTRIBUTED}\s*", _I)
_EFFECT_CLAUSE = re.compile(
    r"^\s*(?:-+>?\s*|with\s+|w/\s*|which\s+|that\s+|but\s+|and\s+|when\s+)?(?:\"|')?\s*"
    # the patient's report of it: "pt states it helped", "reports 40% improvement", "she felt it made no difference"
    r"(?:(?:(?:the\s+)?(?:pt|patient|he|she)\s+)?(?:reports?|reported|states?|stated|notes?|noted|felt|feels?|says?|said)\s+(?:that\s+)?(?:\"|')?)?"
    rf"(?:{_ATTRIBUTED}\s*,?\s*(?:\"|')?\s*)?"
    r"(?:it\s+|this\s+|they\s+|(?:each|both|all)(?:\s+one)?\s+)?"
    # what it was: "which were somewhat helpful", "it was of no benefit", "was not helpful"
    r"(?:(?:was|were|has\s+been|have\s+been|is|are)\s+(?:(?:of|somewhat|very|quite|mildly|moderately|partially|only|really|not)\s+)*)?"
    r"(?:(?:gave|provided|brought|offered|produced)\s+(?:(?:him|her|them|the\s+patient)\s+)?(?:about\s+|approx\.?\s*|~\s*)?)?"
    r"(?:(?:no|not|minimal|little|some|good|partial|significant|temporary|brief|without|helped|helps|helping|helpful|failed|improved"
    r"|relief|benefit|did|didn'?t|short|only|pain\s+(?:back|returned)|back\s+to|wore\s+off|plateau(?:ed)?|(?:less|decreased|reduced)\s+pain"
    r"|beneficial|effective|ineffective|unhelpful|useless|nothing|made|worse|better|little\s+better"
    rf"|{NOT_TOLERATED}"  # "PT x 3, tolerated poorly", "chiro x 6, couldn't tolerate the adjustments"
    # why it was stopped: "stopped by the therapist because pain was getting worse", "discontinued due to increased pain"
    r"|(?:was\s+)?(?:stopped|discontinued|d/c'?d)|restored|eased|(?:(?:he|she|they|I)\s+)?had\s+to\s+(?:stop|quit|discontinue)"
    r"|(?:(?:his|her|the)\s+)?pain\s+(?:level\s+)?(?:decreased|improved|reduced|dropped|went\s+down|got\s+better|lessened)"
    # the worker's state told as the course's result: "states pain is better", "feels stronger", "pain unchanged at 7/10",
    # "which reduced his pain from 8/10 to 5/10"
    r"|(?:(?:his|her|the)\s+)?pain\s+(?:is|was|has\s+been)\s+(?:(?:much|somewhat|a\s+little|slightly)\s+)?(?:better|improved|unchanged|no\s+better)"
    # a region's pain told better in a terse clause: "neck pain a bit better", "back pain somewhat improved"
    r"|(?:(?:his|her|the)\s+)?(?:low\s+)?[a-z]+\s+pain\s+(?:(?:much|somewhat|a\s+(?:little|bit)|slightly)\s+)?(?:better|improved)"
    r"|(?:feels?|felt|feeling)\s+(?:(?:much|somewhat|a\s+little|slightly)\s+)?(?:better|stronger|no\s+better|no\s+different)"
    r"|(?:(?:his|her|the)\s+)?(?:pain|symptoms)\s+(?:unchanged|the\s+same)"
    r"|(?:reduced|decreased|lowered|relieved|eased)\s+(?:his|her|their|the)\s+(?:\w+\s+)?pain"
    r"|(?:response|result|outcome)\s*[:=-]"
    # what it let the worker do again: "able to return to full duty", "back to regular work"
    r"|(?:(?:and|was|is|he\s+was|she\s+was)\s+)?able\s+to\s+(?:return|resume|go\s+back)|(?:back|returned)\s+to\s+(?:full|regular|usual|modified|light|work))\b"
    r"|\d{1,3}\s*%"
    # how long it helped: "~6 wks relief", "about 3 months of good relief"
    r"|(?:~|about\s+|approx\.?\s*|approximately\s+)?\d{1,2}\s*(?:wks?|weeks?|months?|mos?|days?)\s+(?:of\s+)?(?:\w+\s+)?relief\b)",
    _I,
)
#: A clause after the course telling a gain as what became of something: "grip and typing tolerance improved", "and
#: her walking got better" (a drug named in it makes it the drug's).
_GAIN_CLAUSE = re.compile(
    r"^\s*(?:and\s+)?(?:(?:his|her|their|the)\s+)?(?:[\w/-]+\s+){0,4}?(?:improved|got\s+better|increased|restored|normali[sz]ed"
    r"|progressed)\b",
    _I,
)
#: A failure verb right before the course's name, whose negation is the failure's, not a denial of the course: "could
#: not tolerate PT", "was unable to tolerate the aquatic therapy", "did not respond to chiro".
_FAILED_JUST_BEFORE = re.compile(
    rf"(?:\b(?:{NOT_TOLERATED})|\b(?:did|has|have|had)\s*(?:n[o']t|not)\s+(?:respond(?:ed)?|benefit(?:t?ed)?)\s+(?:to|from))"
    r"\s+(?:(?:the|a|an|any|his|her|more|further)\s+)?(?:(?:course|trial)\s+of\s+)?\Z",
    _I,
)
#: Effect words before the course, said of it: "she benefited from a course of 8 PT visits", "did well with chiro",
#: "no relief from 6 sessions of acupuncture", "did not respond to PT".
_LEAD_NO_EFFECT = re.compile(
    r"\b(?:no|little|minimal|without|not\s+much)\s+(?:\w+\s+)?(?:relief|benefit|improvement|help|response|change|difference|progress)"
    r"\s+(?:from|with|after|to)\s+"
    r"|\b(?:did|has|have|had)\s*(?:n[o']t|not)\s+(?:respond(?:ed)?|benefit(?:t?ed)?|improved?|gotten\s+better)\s+(?:\w+\s+)?(?:to|from|with)\s+"
    rf"|{_FAILED_JUST_BEFORE.pattern}"
    # the complaint went on through the care, which governs the list up to the name: "instability continues despite the
    # brace", "weakness despite a full course of therapy, an injection and NSAIDs", "still gives way even in the brace"
    r"|\b(?:despite|in\s+spite\s+of|regardless\s+of|even\s+(?:in|with|while\s+(?:wearing|using|in)))\s+"
    r"(?:(?!(?:lack|no|not|without|absence|any)\b)(?:[\w/-]+,?|[\w/-]+\s*\([^()]*\),?)\s+){0,8}?\Z",
    _I,
)
_LEAD_EFFECT = re.compile(
    r"\b(?:benefit(?:t?ed|s)|profited)\s+(?:\w+\s+)?from\s+"
    r"|\b(?:good|great|significant|excellent|some|moderate|partial|\d{1,3}\s*%)\s+(?:relief|benefit|improvement|results?|response)"
    r"\s+(?:from|with|after|to)\s+"
    r"|\b(?:did\s+well|improved|got\s+better|responded\s+(?:well\s+)?)\s*(?:with|to)\s+|\bhelped\s+by\s+",
    _I,
)
#: A return to work credited to the course: "good benefit, back to full duty", "returned to regular work after it".
_BACK_TO_WORK = re.compile(
    r"\b(?:back\s+to|returned\s+to|return(?:ing)?\s+to|resumed)\s+(?:(?:full|regular|usual|normal|his|her|modified|light)\s+)*"
    r"(?:duty|duties|work|job)\b|\b(?:RTW|released\s+to\s+(?:full|regular)\s+duty)\b",
    _I,
)
#: A block's result as its response is told: "lumbar facet MBB 2012 positive", "medial branch blocks 2022 (negative)".
_BLOCK_RESULT = re.compile(r"\b(?:(?P<positive>positive|concordant)|negative|non-?diagnostic|discordant)\b(?!\s+(?:for|SLR|straight))", _I)
#: A failure said before the list it heads: "failed conservative care including PT, NSAIDs and HEP".
_FAILED_LEAD = re.compile(r"\bfail(?:ed|ure\s+of)\b|\bunsuccessful\b|\brefractory\s+to\b", _I)
#: Where the words before a course stop belonging to it (another clause begins).
_LEAD_STOP = re.compile(r"[.;]\s|\b(?:then|but|however|although|now|before|prior\s+to)\b", _I)
#: A second course of the same care told in the same breath: "PT 2019 x 18 visits and again 2020 x 12 visits".
_AGAIN = re.compile(r"\s+(?:and\s+)?(?:again|then\s+again|repeated)\b\s*(?:in\s+)?", _I)
#: A second course of the same care told by its own count (and date) after the first's: "PT 24 visits in 2010-11 & 8 visits
#: 2017", "PT 2018 (10 visits) and 2019 (8 visits)", "physical therapy (16 visits 2012, 8 visits 2022 - no change)".
_SECOND_COUNT = (
    r"(?=(?:(?:in\s+)?(?:19|20)\d\d(?:\s*-\s*\d\d)?\s*)?(?:~\s*|about\s+|approx\.?\s*)?\d{1,2}\s+(?:more\s+)?(?:visits?|sessions?|treatments?)\b"
    r"(?!\s+(?:of|with|for)\b)"  # "24 sessions of PT and 12 sessions of aquatic therapy": the next care's count
    r"|(?:in\s+)?(?:19|20)\d\d\s*\(\s*\d{1,2}\s+(?:visits?|sessions?|treatments?)\s*\))"
)
AGAIN_COUNTED = re.compile(r"(?P<joined>\s*(?:,|&|\band\b)\s*)" + _SECOND_COUNT, _I)
#: The same, opening the clause after the first course's ("12 visits 2020 (helped), 8 visits 2021 (no further change)").
_SECOND_CLAUSE = re.compile(r"^\s*(?:and\s+|&\s*)?" + _SECOND_COUNT, _I)
#: A result said of everything listed before it: "- all without lasting benefit", "none of these has given more
#: than temporary relief", "and HEP - minimal relief", "all without lasting functional gains".
_SHARED = re.compile(
    r"(?:\b(?:all|none\s+of\s+(?:these|which|them)|each|both|neither)\b|(?:^|\s)(?:-+>?|[\u2013\u2014])\s"
    # the list's close, "..., with no meaningful change": a result after a comma said of everything before it
    r"|,\s*(?:all\s+)?(?:with|w/)\s+(?=(?:no|little|minimal|negligible)\b))[^.;]{0,40}?(?:"
    + _NO_EFFECT.pattern + r"|\btemporary\s+relief\b|\bhas\s+given\s+(?:no|only)\b)"
    # "neither of which gave lasting benefit", "none of them helped for long"
    r"|\b(?:neither|none)(?:\s+of\s+(?:which|these|them|those))?\s+(?:\w+\s+){0,2}?(?:helped|gave|provided|brought|worked|lasted"
    r"|changed|improved|made\s+(?:a|any|much)\s+(?:real\s+)?difference)\b",
    _I,
)
#: A result after a dash that closes two courses joined by "and": "PT x12 (2013) and chiropractic x18 (2013) - some
#: improvement" (said of both, whichever way it went).
_SHARED_AFTER_PAIR = re.compile(r"^[^.;]{0,40}?\s(?:-+>?|[\u2013\u2014])\s(?P<said>[^.;]{1,80})", _I)
_FAILED_AFTER_PAIR = re.compile(r"^[^.;,()]{0,40}?\s(?P<said>(?:with|without|w/o)\s[^.;,]{1,60})", _I)
#: Two courses joined by "and" with the second's count or words before its name: "PT and 12 sessions of", "PT in 2015
#: and 6".
_JOINED_COUNTED = re.compile(r"^[^.;,()]{0,40}?\s(?:and|\+|&)\s+(?!then\b|later\b|after\b)(?:[\w-]+\s+){1,3}$", _I)
_JOINED = re.compile(r"^[^.;,]{0,40}?\s(?:and|\+|&)\s*$", _I)
#: The Emergency Severity Index of an emergency record: "Triage ESI 4", "ESI level 2", "triage acuity (ESI): 3".
_TRIAGE_ESI = re.compile(r"\b(?:triage|acuity)\b[^.;]{0,15}?(?-i:\bESI\b)|(?-i:\bESI\b)\s*(?:level|acuity|triage)\b", _I)
#: "RFA" naming the Request for Authorization form: "RFA date:", "RFA of 06/29/2021", "DWC Form RFA", "my RFA".
_FORM_RFA = re.compile(
    r"(?-i:\bRFA\b)\s*(?:date|dated|of\b|form|#|no\.|submitted|sent|-?\s*DOS\b|items?\b)|\b(?:DWC|form|my|our|this|the|an?)\s+(?-i:RFA\b)"
    # the form attached or received, or a request line's kind: "the attached RFA (rec'd 08/27/2019)", "RFA - pharmacy only"
    r"|\b(?:attached|enclosed|submitted|accompanying|new|pending|revised|amended)\s+(?-i:RFA\b)"
    r"|(?-i:\bRFA\b)\s*(?:\(\s*(?:rec'?d|received|sent|faxed|dated)|[-:]\s*(?:pharmacy|medications?|meds|DME|imaging|therapy|PT\b|request))"
    # a report's title that is also the request form: "PR-2 / RFA", "PTP PROGRESS REPORT / RFA", "OFFICE NOTE / RFA"
    r"|\b(?:PR-?2|report|note|consult(?:ation)?|evaluation|visit)\s*/\s*(?-i:RFA\b)", _I
)
#: A course named as the purpose of another step, not given: "psych evaluation for SCS", "cleared for SCS trial",
#: "candidate for a TENS trial", "referral for acupuncture".
PURPOSE_BEFORE = re.compile(
    r"\b(?:eval(?:uation)?s?|clearance|cleared|candidate|consult(?:ation)?|referral|referred|screening|work-?up|approval"
    r"|authori[sz]ation|appropriate|ready)\s+for\s+(?:an?\s+|the\s+|possible\s+|potential\s+|further\s+|percutaneous\s+|diagnostic\s+"
    r"|therapeutic\s+|repeat\s+|home\s+|permanent\s+)*$",
    _I,
)
#: "PT"/"Pt" heading the worker's particulars: "PT NAME:", "PT: [redacted]  M  age 58  DOI 4/22/15", "Pt J. Doe 38 F DOI".
_PATIENT_PARTICULARS = re.compile(
    r"\s*(?:name\b|#|ID\b|DOB\b|:\s*\[)|[^.;]{0,30}?(?:\b\d{1,3}\s*(?:y/?o|yo|M|F)\b|\b(?:age|DOB|D\.O\.B\.?|DOI|D/I|SSN|claim\s*#)\b)",
    _I,
)
#: A specialty or department, not a course: "Physical Medicine & Rehabilitation", "Dept: Physical Therapy".
_SPECIALTY_AFTER = re.compile(r"\s*(?:&|and)\s+rehab", _I)
_SPECIALTY_BEFORE = re.compile(r"\b(?:specialty|department|dept\.?|division|service)\s*:?\s*$", _I)
#: Before the name, words that tie the course to a lead over the whole list ("Prior tx:", "He has had ...").
_REACH_BEFORE = 80


def read_prior_courses(sentences: list[Sentence], ctx: Context) -> None:
    """Each course of care a sentence tells as given, with its count, date and effect (module docstring)."""
    requests = [" ".join(line_key(item.text)) for item in ctx.items]  # sig abbreviations with or without full stops alike
    for s in sentences:
        if not search(_GATE, s.text) or (s.section == "plan" and not _HISTORY_IN_PLAN.search(s.text)):
            continue
        flat = " ".join(line_key(s.text))
        if any(r and r in flat for r in requests):
            continue  # the request line itself, wherever it is copied
        named = ctx.vocab.mentions(s.text, ("service",))
        hits = [(h, kind) for h in sorted([*named, *bare_therapy(s.text, named, ctx)], key=lambda h: h.start)
                if (kind := _kind(ctx, h.key)) and not is_the_patient(s.text[h.start : h.end])]  # "pt states": the patient
        read: list[dict[str, Any]] = []
        apart: set[int] = set()  # courses whose second course's result is its own, not the list's
        hits = [h for n, h in enumerate(hits) if n == 0 or not SETTING.search(s.text[hits[n - 1][0].end : h[0].start])]
        totalled = _list_total(s, hits)
        for n, (hit, kind) in enumerate(hits):
            stop = hits[n + 1][0].start if n + 1 < len(hits) else len(s.text)
            if s.section == "plan" and not _HISTORY_IN_PLAN.search(s.text[: hit.end]):
                continue  # in a plan, only care the words before it tell as given ("Tx to date: PT x12", "failed 12 PT")
            if totalled is not None and n >= totalled.first:
                entry = _record(ctx, hit.key, kind, s.text[hit.start : hit.end], None, totalled.effect, None, totalled.ev)
                if entry is not None:
                    read.append(entry)
                continue
            entry = _course(s, ctx, hit.key, kind, hit.start, hit.end, stop, apart, hits[n - 1][0].end if n else 0)
            if entry is not None:
                read.append(entry)
        if read and hits:
            _shared_effect(s.text[hits[-1][0].end :], [e for e in read if id(e) not in apart])
            _bracket_effect(s.text, hits[0][0].start, hits[-1][0].end, read)
        if len(read) >= 2 and len(hits) >= 2:
            between = s.text[hits[-2][0].end : hits[-1][0].start]
            if _JOINED.match(between):
                _pair_effect(s.text[hits[-1][0].end :], read)
            elif _JOINED_COUNTED.match(between):  # "24 sessions of PT and 12 sessions of aquatic therapy ... with no benefit"
                _pair_failure(s.text[hits[-1][0].end :], read)


#: Courses listed together: a comma, "and", "&", "+", "or" or "/" between their names ("PT, chiro and acupuncture").
_LIST_JOIN = re.compile(
    r"^(?:\s+(?:care|treatments?|therapy|manipulation|sessions))?\s*(?:,\s*(?:and\b\s*|&\s*)?|\band\b\s*|&\s*|\+\s*|\bor\b\s*|/\s*)$", _I
)
#: One count told after such a list, of the whole list: "PT, chiro and acupuncture, 24 sessions total", "(24 visits in
#: all)", "- a total of 30 visits", "about 30 visits altogether". The count is the list's, no one course's.
_LIST_TOTAL = re.compile(
    r"(?:\s+(?:care|treatments?|therapy|manipulation|sessions))?\s*(?:,|\(|:|-+|[\u2013\u2014])\s*"
    r"(?:(?:about|approx(?:imately|\.)?|around|roughly|~|over|more\s+than)\s*)?(?:(?P<lead>a\s+total\s+of|total(?:\s+of)?)\s+)?"
    rf"(?:{NUMBER}|\d{{1,3}})\+?\s+(?:sessions?|visits?|treatments?)\b"
    r"(?:\s*(?P<tail>total|in\s+total|in\s+all|combined|altogether|between\s+them))?\s*\)?",
    _I,
)


class _Totalled:
    """A list of courses closed by one count of them all: where the list begins, its effect and its quote."""

    def __init__(self, first: int, effect: str, ev: Evidence | None) -> None:
        self.first, self.effect, self.ev = first, effect, ev


def counts_the_list(text: str, names: list[Identity], n: int) -> bool:
    """Whether the count after the *n*-th name is one count of the list it closes ("PT, chiro and acupuncture, 24
    sessions total"): no count of that one course."""
    if n == 0 or not _LIST_JOIN.match(text[names[n - 1].end : names[n].start]):
        return False
    return _count_of_all(text, names[n].end) is not None


def _count_of_all(text: str, end: int) -> re.Match[str] | None:
    """The count right after *end* when it is told as the count of everything before it ("24 sessions total", "a total
    of 30 visits"); None for a bare count, which may be the last course's own."""
    m = _LIST_TOTAL.match(text, end)
    return m if m is not None and (m.group("lead") or m.group("tail")) else None


def _list_total(s: Sentence, hits: list[tuple[Identity, str]]) -> _Totalled | None:
    """Courses named in a list whose one count comes after the last ("Physical therapy, chiropractic and acupuncture,
    24 sessions total, no lasting benefit"): each was given, none had that count, and the result told after the count
    is said of them all. The count says the care was given; a request, a plan or a prescription's frequency does not."""
    text = s.text
    if len(hits) < 2:
        return None
    m = _count_of_all(text, hits[-1][0].end)
    if m is None:
        return None
    first = len(hits) - 1
    while first > 0 and _LIST_JOIN.match(text[hits[first - 1][0].end : hits[first][0].start]):
        first -= 1
    start = hits[first][0].start
    if first == len(hits) - 1 or _NOT_GIVEN.search(text) or _FREQUENCY.search(text) or planned(text, start, hits[-1][0].end) \
            or polarity(text, start, hits[first][0].end) != "affirmed":
        return None
    told = text[m.end() : _sentence_end(text, m.end(), len(text))]
    lead = _lead(text, start)
    effect = course_effect(told)
    if effect == "unknown" and _FAILED_LEAD.search(lead):
        effect = "no_improvement"
    if effect == "unknown":
        effect = _lead_effect(lead)
    return _Totalled(first, effect, s.evidence(start, m.end() + len(told.rstrip(" ,;."))))


#: Care named as the place of the care before it, which is no course of its own: "TENS unit trial at PT helped", "used
#: the clinic TENS during PT - no lasting change" (the result is the device's).
SETTING = re.compile(r"^[^,;.()|]{0,30}?\b(?:at|during|in)\s+(?:the\s+|his\s+|her\s+)?(?:clinic'?s?\s+|office\s+)?$", _I)


#: "therapy" alone, as clinicians call a course of physical medicine ("finished therapy in March", "failed splinting,
#: NSAIDs, therapy and an injection", "therapy 12 visits in 2015"): the word before it must be one that tells of the
#: course (a verb of doing it, a list's comma), never a kind of therapy ("cold", "opioid", "massage", "drug").
_BARE_THERAPY = re.compile(
    r"\btherapy\b(?!\s*(?:unit|pad|wrap|device|machine|dog|pillow|ball|band|putty|mat|cuff|referral|evaluation|eval|order"
    r"|script|prescription)\b)",
    _I,
)
_THERAPY_LEAD = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:had|did|done|finished|completed|attended|tried|failed|with|from|after|of|and|or|prior|previous"
    r"|past|formal|outpatient|no|any|some|more)\s+)(?:(?:the|his|her|their)\s+)?$",
    _I,
)
#: A sentence about the mind's care, where "therapy" is psychotherapy.
_PSYCH_WORDS = re.compile(
    r"(?:psych\w*|counsel\w*|CBT|depress\w*|anxiety|anxious|PTSD|trauma|mood|therapist\s+(?:dr|Dr)|mental|LCSW|MFT|PsyD|PhD)\b", _I
)


def bare_therapy(text: str, named: list[Identity], ctx: Context) -> list[Identity]:
    """Each "therapy" alone in *text* outside the services it names, as the course of physical medicine the note already
    tells (its one physical or occupational therapy), else physical therapy; none where the sentence is about the mind."""
    if "therap" not in text.lower() or _PSYCH_WORDS.search(text):
        return []
    out = []
    for m in _BARE_THERAPY.finditer(text):
        if not _THERAPY_LEAD.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # "cold therapy", "opioid therapy", "in therapy": a kind of therapy, or the mind's
        if any(h.start < m.end() and m.start() < h.end for h in named):
            continue  # "physical therapy", "cold therapy": a service of its own
        known = {str(e.get("service")) for e in ctx.draft.treatments.values()} & {"physical_therapy", "occupational_therapy"}
        key = known.pop() if len(known) == 1 else "physical_therapy"
        out.append(Identity("service", key, m.start(), m.end()))
    return out


def _shared_effect(tail: str, read: list[dict[str, Any]]) -> None:
    """One result told after a list of care, of all of it: "PT x 24, chiro x 12 - all without lasting benefit"."""
    m = _SHARED.search(tail)
    if m is None:
        return
    for entry in read:
        if entry["effect"] == "unknown":
            entry["effect"] = "no_improvement"


#: What opens the words after a closed list of care that tell its result: a verb said of care, or "all"/"both".
_AFTER_BRACKET = re.compile(
    r"\s*(?:(?:all|both|each)\s+|(?:has|have|had)\s+(?:all\s+)?)?(?:did|didn'?t|does|was|were|has|have|had|gave|provided|brought|helped|failed"
    r"|without|w/o|with\s+(?:no|little|minimal|some|good|partial)|only\s+helped)\b",
    _I,
)


def _bracket_effect(text: str, first: int, last: int, read: list[dict[str, Any]]) -> None:
    """A result told after the bracket that lists the care, said of all of it: "Conservative care (PT 12 visits, cortisone
    injection x2) did not help" (a course whose own words in the bracket told its result keeps it)."""
    opened = text.rfind("(", 0, first)
    if opened < 0 or ")" in text[opened:first]:
        return
    close = text.find(")", last)
    if close < 0 or "(" in text[last:close] or not _AFTER_BRACKET.match(text, close + 1):
        return
    told = text[close + 1 : _sentence_end(text, close + 1, min(len(text), close + 90))]
    effect = course_effect(told)
    if effect == "unknown":
        return
    for entry in read:
        if entry["effect"] == "unknown":
            entry["effect"] = effect


def _pair_effect(tail: str, read: list[dict[str, Any]]) -> None:
    """A result after a dash closing "A and B": said of both ("PT x12 and chiro x18 - some improvement")."""
    m = _SHARED_AFTER_PAIR.match(tail)
    if m is None:
        _pair_failure(tail, read)
        return
    effect = course_effect(m.group("said"))
    if effect != "unknown":
        for entry in read[-2:]:
            if entry["effect"] == "unknown":
                entry["effect"] = effect


def _pair_failure(tail: str, read: list[dict[str, Any]]) -> None:
    """A failure told after "A and B": "24 sessions of PT and 12 sessions of aquatic therapy in 2014 with no lasting
    benefit" (a benefit so told may be the last course's alone: "PT and an ESI with 70% relief")."""
    if (m := _FAILED_AFTER_PAIR.match(tail)) and course_effect(m.group("said")) == "no_improvement":
        for entry in read[-2:]:
            if entry["effect"] == "unknown":
                entry["effect"] = "no_improvement"


def _kind(ctx: Context, key: str) -> str | None:
    service = ctx.vocab.service_info(key)
    if service.kind == "diagnostic":
        return None  # an evaluation is no course of care ("the initial psychological evaluation")
    return _KIND_BY_SERVICE.get(service.name) or next(
        (_KIND_BY_CLASS[c] for c in service.classes if c in _KIND_BY_CLASS), None
    )


def _course(
    s: Sentence, ctx: Context, key: str, kind: str, start: int, end: int, next_name: int, apart: set[int] | None = None,
    prev_name: int = 0,
) -> dict[str, Any] | None:
    """The course entry the mention at [start, end) of a service of *kind* tells of, read or completed; None when it
    tells of none. *apart* collects the ids of courses told with a second course whose result is that one's own;
    *prev_name*: where the care named before it ends (its words are not this course's: "acupuncture for neck and PT")."""
    text = s.text
    # a closed aside before the name speaks of what it follows: its "no" negates nothing after it
    asides_out = _ASIDE.sub(lambda m: " " * len(m.group()), text[:start]) + text[start:] if ")" in text[:start] else text
    said = polarity(asides_out, start, end)
    if said == "negated" and _FAILED_JUST_BEFORE.search(text, max(0, start - 60), start):
        said = "affirmed"  # "could not tolerate PT": the course was had, and failed
    if (said != "affirmed" and not (said == "negated" and _NOT_SINCE.match(text, end))) or planned(text, start, end):
        return None  # (care "not had since 2015" was had in 2015)
    if text[start:end].lower() == "pt" and (text[start:end] != "PT" or names_the_patient(text, end)):
        return None  # "pt states ...", "PT NAME: ...", "PT: [name]  M  age 58  DOI ...": the patient
    if _SPECIALTY_AFTER.match(text, end) or _SPECIALTY_BEFORE.search(text[max(0, start - 20) : start]):
        return None  # "Specialty: Physical Medicine & Rehabilitation": the doctor's field, no course
    if _TRIAGE_ESI.search(text[max(0, start - 25) : end + 12]):
        return None  # "Triage ESI 4", "ESI level 3": the Emergency Severity Index of an ED record, no epidural
    if told_of_another(text, start, end):
        return None  # "her husband has had chiropractic care": a relative's care
    if PURPOSE_BEFORE.search(text[max(0, start - 40) : start]):
        return None  # "psych evaluation for SCS (2/24/2016)": the evaluation was given, not the stimulator
    if _FORM_RFA.search(text[max(0, start - 12) : end + 12]):
        return None  # "RFA date: 03/09/2017", "my RFA of 06/29/2021": the request form, not an ablation
    begin = _item_start(text, start)
    if prev_name > begin:  # "acupuncture for neck and PT for the low back": PT's words begin after the "and"
        joins = list(re.finditer(r"\b(?:and|or|then|plus)\b|[&+]", text[prev_name:start], _I))
        begin = prev_name + (joins[-1].end() if joins else 0)
    stop = min(_item_end(text, end), next_name)
    before, after = text[begin:start], text[end:stop]
    again = None
    shared = True  # a result told after both courses is said of both ("... and again 6 sessions with no lasting relief")
    if m := _AGAIN.search(after):
        after, again = after[: m.start()], after[m.end() :]
    elif (m := AGAIN_COUNTED.search(after)) and _count(before, after[: m.start()]) is not None:
        after, again = after[: m.start()], after[m.end() :]
        shared = "," not in m.group("joined")  # "(16 visits 2012, 8 visits 2022 - no change)": the second's own
    # the clause after a comma may still tell the course's effect: "Finished PT x8 lumbar (9/13-10/13), helped some"
    told = after
    counted = None
    if stop < next_name and stop < len(text) and text[stop] == ",":  # "chiro care, about 8 visits, which helped"
        rest_end = min(_item_end(text, stop + 1), next_name)
        if (m := _COUNT_CLAUSE.match(text[stop + 1 : rest_end])) and _given_before(text, start):
            counted, stop = _whole(m.group("n")), rest_end
            told = after = text[end:stop]
    # the clauses after it: its effect ("..., with some improvement"), past a clause that only dates it ("from March 12 to
    # May 3, 2018, with some improvement", "3 cortisone injections, the last in 1/2020; they did not help"), and the
    # visits said had ("Chiropractic began on May 6, 2019 and she has had 10 treatments")
    at, had_later = stop, None
    for _ in range(3):
        if not (at < next_name and at < len(text) and text[at] in ",;"):
            break
        rest_end = min(_item_end(text, at + 1), next_name)
        clause = text[at + 1 : rest_end]
        if again is None and _SECOND_CLAUSE.match(clause) and _count(before, after) is not None:
            again, shared = clause, False  # "12 visits 2020 (helped neck ROM), 8 visits 2021 (no further change)"
            break
        if _EFFECT_CLAUSE.match(clause) or (_GAIN_CLAUSE.match(clause) and not ctx.vocab.mentions(clause, ("product", "ingredient"))):
            told = text[end:rest_end]
            break
        if not (_date_clause(clause) or _ATTRIBUTION_CLAUSE.fullmatch(clause)):
            break  # past a clause that only dates the course or says whose word the result is
        at = rest_end
    rest = text[stop : _sentence_end(text, stop, next_name)]
    if counted is None and (m := _HAD_COUNT.search(after + " " + rest)):
        had_later = _whole(m.group("n") or m.group("m"))
    if drugs := ctx.vocab.mentions(told, ("product", "ingredient")):  # the clause naming a drug tells the drug's result
        told = told[: max(0, *(told.rfind(c, 0, drugs[0].start) for c in ",;:")) or drugs[0].start]  # "..., pain improved with Norco"
    whole = before + text[start:end] + after
    done_before = re.search(r"\b(?:completed|finished|attended|did|had)\b", before, _I)
    frequency = _FREQUENCY.search(whole)
    done_after = frequency is not None and _FREQUENCY_DONE.search(after) is not None
    if frequency and not done_before and not done_after and not _DONE_AFTER.search(after) \
            and not (_COUNT_ASIDE.search(after) and (_told_past(_lead(text, start), after)
                                                      or course_effect(told) != "unknown")):
        return None  # "PT 2x/wk x 6 wks": a prescription (not "PT 2x/wk - 12 visits completed", "PT (2x/wk, 12 visits) - helped")
    if _NOT_GIVEN.search(whole) and not re.search(r"\b(?:attended|completed|finished|had|did)\b", whole, _I) \
            and not _DONE_LATER.search(rest):
        return None  # (not "authorized 6 chiropractic visits, completed 01/19/16 - 02/05/16")
    sessions = _count(before, after) if counted is None else counted
    if sessions is None:
        sessions = had_later
    if sessions is None and (done_before or done_after) and (course := _FREQUENCY_COURSE.search(whole)):
        sessions = _whole(str(int(course.group("per")) * int(course.group("weeks"))))  # "did PT 2x/wk x 6 wks": 12
    lead = text[max(0, start - _REACH_BEFORE) : start]
    cut = list(_LEAD_STOP.finditer(lead))
    lead = lead[cut[-1].end() :] if cut else lead
    brief_fails = kind != "modality" and key not in BRIEF_BY_DESIGN
    effect = course_effect(told, brief_fails=brief_fails)
    if effect == "unknown" and again is not None and shared:  # the result told after both courses is said of both
        effect = course_effect(again, brief_fails=brief_fails)
    if effect == "unknown" and kind == "injection" and (m := _BLOCK_RESULT.search(told)) \
            and polarity(told, m.start(), m.end()) == "affirmed":
        effect = "improved" if m.group("positive") else "no_improvement"  # "MBB 2012 positive", "blocks 2022 (negative)"
    if effect == "unknown" and _FAILED_LEAD.search(lead):
        effect = "no_improvement"
    if effect == "unknown":
        effect = _lead_effect(lead)
    relief = _device_relief(ctx, text, told, end, stop, next_name) if kind == "modality" else None
    if relief is not None and effect == "unknown":  # the relief told is the effect: 30 % is a meaningful change
        effect = "improved" if relief >= 30 else "no_improvement"
    dates = find_dates(after)
    date = dates[0].date if dates else None
    if sessions is None and effect == "unknown" and date is None and not _GIVEN.search(lead):
        return None  # a course named without anything that says it was given
    if s.section in ("medications",) and sessions is None:
        return None
    quote_end = end + len(told.rstrip(" ,;.")) if told is not after else stop
    ev = s.evidence(begin + (len(before) - len(before.lstrip())), max(end, quote_end))
    entry = _record(ctx, key, kind, text[start:end], sessions, effect, date, ev, relief=relief)
    if entry is not None and effect != "no_improvement" and (back := _BACK_TO_WORK.search(told)) \
            and polarity(told, back.start(), back.end()) == "affirmed":
        entry["functional_improvement"] = "yes"  # a return to work is a functional gain (MTUS 9792.20(e))
    if again is not None and (more := _count("", again)) is not None:  # "PT 2019 x 18 and again 2020 x 12"
        later = find_dates(again)
        own = course_effect(again, brief_fails=brief_fails)
        _record(ctx, key, kind, text[start:end], more, own if own != "unknown" or not shared else effect,
                later[0].date if later else None, ev, apart=True)
        if not shared and entry is not None and apart is not None:
            apart.add(id(entry))
    return entry


def _device_relief(ctx: Context, text: str, told: str, end: int, stop: int, next_name: int) -> float | None:
    """A device's relief (CPMTG p. 105-107, 114-116), told with it or in the clause after its comma when that clause names
    no drug or other care: "TENS helps, pain 7 -> 4 when using it" (not "TENS helps a little, Norco gives 50%")."""
    relief = device_relief(told)
    if relief is not None or stop >= next_name or stop >= len(text) or text[stop] != ",":
        return relief
    clause = text[stop + 1 : min(_item_end(text, stop + 1), next_name)]
    if ctx.vocab.mentions(clause, ("product", "ingredient", "service")):
        return None
    return device_relief(clause)


def _date_clause(clause: str) -> bool:
    """A clause that only dates the course before it: "2018", "the last in 1/2020", "the last one on March 3"."""
    words = clause.split()
    return (0 < len(words) <= 6 and any(ch.isdigit() for ch in clause)
            and all(w.lower() in _DATE_CLAUSE_WORDS or w.lower()[:3] in _MONTH_NAMES
                    for w in re.findall(r"[A-Za-z]+", clause)))


def _sentence_end(text: str, at: int, limit: int) -> int:
    """Where the sentence holding *at* ends: a full stop, or *limit* (the next course's name)."""
    m = re.compile(r"\.(?:\s|$)").search(text, at, limit)
    return m.start() if m else limit


def _lead(text: str, start: int) -> str:
    """The words before a course's name, back to where another clause begins."""
    lead = text[max(0, start - _REACH_BEFORE) : start]
    cut = list(_LEAD_STOP.finditer(lead))
    return lead[cut[-1].end() :] if cut else lead


def _told_past(lead: str, after: str) -> bool:
    """The course is told as given: a lead of a history ("Treatment history:", "prior", "s/p"), or a past year."""
    return bool(_GIVEN.search(lead) or _PAST_MARK.search(after))


def _item_start(text: str, start: int) -> int:
    """Where the listed item holding [start, ...) begins: after the separator before it, brackets respected."""
    depth = 0
    for i in range(start - 1, -1, -1):
        ch = text[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return i + 1
            depth -= 1
        elif depth == 0 and (ch in _SEPARATORS or (ch == "." and (i + 1 >= len(text) or text[i + 1] == " ")
                                                     and not _TITLE_BEFORE.search(text[max(0, i - 6) : i]))):
            return i + 1
    return 0


def _item_end(text: str, end: int) -> int:
    """Where the listed item that goes on at *end* stops: the next separator outside brackets."""
    return item_end(text, end, _COURSE_ITEM_BREAK)


def _count(before: str, after: str) -> int | None:
    """Visits or injections of the course, told before or after its name; None when not told."""
    m = _COUNT_BEFORE.search(before)
    if m and m.group("of") and not _COUNTED_OF.search(m.group()) and not _DONE_BEFORE.search(before[: m.start()]):
        m = None  # "Missed 12/27 PT eval": a month and day, not 12 of 27 visits ("completed 6/6 authorized PT" is)
    if m:
        return _whole(m.group("n") or m.group("h"))
    if m := _DONE_OF.search(after[:40]):
        return _whole(m.group("n"))
    if m := _COUNT_ASIDE.search(after[:40]):
        return _whole(m.group("n"))
    if m := _DONE_AFTER.search(after[:40]):
        return _whole(m.group("n"))
    if (m := _DONE_SLASH.match(after)) and _COMPLETED_BEFORE.search(before) and int(m.group("n")) <= int(m.group("of")) <= 24:
        return _whole(m.group("n"))
    if (m := _SLASH_DONE.match(after)) and 0 < int(m.group("n")) <= int(m.group("of")) <= 36:
        return _whole(m.group("n"))
    m = _COUNT_AFTER.match(after)
    if m:
        group = next(name for name in "abcd" if m.group(name))
        if ends_with_month_name(after[: m.start(group)]):
            return None  # "PT progress note January 17, 2019": a day of the month, no count
        return _whole(m.group(group))
    return None


def names_the_patient(text: str, end: int) -> bool:
    """"PT" or "Pt" ending at *end* heads the worker's particulars (name, age, sex, DOI): the patient, not therapy."""
    return bool(_PATIENT_PARTICULARS.match(text, end))


def _given_before(text: str, start: int) -> bool:
    """The clause before a course's name says it was given ("He had ..."), not asked for ("a request for ...")."""
    lead = text[max(0, start - _REACH_BEFORE) : start]
    cut = list(_LEAD_STOP.finditer(lead))
    lead = lead[cut[-1].end() :] if cut else lead
    if _NOT_GIVEN.search(lead):
        return False
    # a date or a span of months before it ("2015-08 to 2015-11  PT, 16 visits"), or nothing but the name
    return bool(_GIVEN.search(lead) or find_dates(lead) or _YEAR.search(lead) or not re.search(r"[A-Za-z]", lead))


def _lead_effect(lead: str) -> str:
    """The effect told before the course's name: "benefited from", "no relief from", "did not respond to"."""
    if _LEAD_NO_EFFECT.search(lead):
        return "no_improvement"
    m = _LEAD_EFFECT.search(lead)
    if m and polarity(lead, m.start(), m.end()) == "affirmed":
        return "improved"
    return "unknown"


def _whole(number: str) -> int | None:
    value = 12.0 if number.lower().split()[-1] == "dozen" else parse_number(number)
    return int(value) if value is not None and value == int(value) and 0 < value <= 60 else None


def course_effect(told: str, *, brief_fails: bool = True) -> str:
    """The effect the words told of a course say: no_improvement, improved or unknown.

    *brief_fails*: False where relief for hours or days is all the care gives (a modality helps while worn, a
    diagnostic block numbs for the hours of its anaesthetic), so brief relief is no failure.
    """
    if (brief_fails and _BRIEF.search(told)) or _LOW_RELIEF.search(told):
        return "no_improvement"
    if fails := list(_NO_EFFECT.finditer(told)):
        return "improved" if _mixed(told, fails) else "no_improvement"
    for m in _EFFECT.finditer(told):
        if polarity(told, m.start(), m.end()) == "affirmed":
            return "improved"
    return "unknown"


#: A want of effect that leaves room for a gain told beside it: a stall after gains ("improved, then plateau"), or one
#: complaint or measure unchanged ("no change in the leg pain", "arm no better", "not the leg").
_PARTIAL_NO_EFFECT = re.compile(
    r"\bplateau(?:ed|ing|s)?\b|\bno\s+further\s+(?:gains?|progress|improvement)\b"
    r"|\b(?:no|not?\s+any|without(?:\s+any)?|w/o|minimal|little)\s+(?:real\s+|significant\s+|meaningful\s+|much\s+)?"
    r"(?:change|improvement|difference|benefit|relief|help)\s+(?:in|to|for|of|with)\s+(?:the\s+|his\s+|her\s+|their\s+)?[\w/-]+"
    r"|\b[\w/-]+\s+(?:no\s+better|unchanged)\b",
    _I,
)


def _mixed(told: str, fails: list[re.Match[str]]) -> bool:
    """A gain told beside a want of effect that is only partial: the course helped (corpus/README.md: a prior course with
    mixed results, helping one complaint and not another, is `improved`; keys read "improved, then plateau" so too). A
    stall or an unchanged complaint with no gain told, and any whole failure ("no lasting benefit", "did not help"),
    are no help."""
    partial = [m.span() for m in _PARTIAL_NO_EFFECT.finditer(told)]
    if not all(any(a < f.end() and f.start() < b for a, b in partial) for f in fails):
        return False
    taken = partial + [f.span() for f in fails]
    return any(not any(a < m.end() and m.start() < b for a, b in taken) and not m.group().rstrip().endswith("%")
               and polarity(told, m.start(), m.end()) == "affirmed" for m in _EFFECT.finditer(told))


def _record(
    ctx: Context, key: str, kind: str, name: str, sessions: int | None, effect: str, date: FuzzyDate | None, ev: Evidence | None,
    *, apart: bool = False, relief: float | None = None,
) -> dict[str, Any] | None:
    """Complete the course another reader found for this service, or add it as a course of its own.

    *apart*: a second course told in the words of the first, which only a count of its own can join.
    """
    span = (ev.start, ev.end) if ev is not None and ev.start is not None and ev.end is not None else None
    same = [e for e in ctx.draft.treatments.values() if e.get("service") == key]
    here = [e for e in same if span and not apart and any(
        x is not None and x.start is not None and x.end is not None and x.start < span[1] and span[0] < x.end
        for x in e["evidence"])]
    if not here:
        here = [e for e in same if sessions is not None and e.get("sessions") == sessions]
    if not here and not apart and same and all(e.get("sessions") is None for e in same) and len(same) == 1:
        here = same  # the one course told elsewhere without its count
    if not here and same and sessions is None:
        if len(same) > 1:
            return None  # a course named again, and which of them is not said
        here = same
    if here:
        entry = here[0]
        if entry.get("sessions") is None and sessions is not None:
            entry["sessions"] = sessions
        if entry["effect"] == "unknown" and effect != "unknown":
            entry["effect"] = effect
        if entry.get("date") is None and date is not None:
            entry["date"] = date
        if entry.get("relief_percent") is None and relief is not None:
            entry["relief_percent"] = relief
        add_evidence(entry["evidence"], ev)
        return entry
    label = name if date is None else f"{name} {date}"
    while phrase_key(label) in ctx.draft.treatments:
        label += " (again)"
    ctx.draft.treatment(label, kind, key, effect, ev, sessions, date=date, relief_percent=relief)
    return ctx.draft.treatments[phrase_key(label)]
