"""The case's dates: date of injury, dates of the notes summarised, and the UR decision date.

A date's role comes from the words just before it: "industrial injury on ...",
"progress report dated ...", "documentation dated A and B", "On 09/27/2013, the treating
physician ...", "Utilization Review documentation dated ..." / "not certified ... on ...".
Each summary sentence also gets the date of the note it reports from, carried forward
until another note is named, so a pain rating two sentences after "documentation dated
August 17, 2015" is dated too; "during the previous visit" breaks the carry.
"""

from __future__ import annotations

import re

from ..facts.fuzzy_date import FuzzyDate
from .context import Context
from .dates import DateMatch, find_dates
from .sentences import Sentence
from .word_gate import search

_I = re.IGNORECASE
#: An event told after the injury whose date follows it: "injury; olecranon bursa surgery on February 8, 2008", "knee
#: injury, arthroscopy on 4/4/2013", "low back injury; MRI on 3/3/2015" date the operation or the study (session 16).
_LATER_EVENT = (r"surgery|surgeries|surgical|operation|operated|arthroscop\w*|repair|fusion|release|replacement|laminectomy"
                r"|discectomy|decompression|MRI|CT\s+(?:scan|myelogram|of)|x-?rays?|EMG|NCS|injections?|blocks?|ESI")
_INJURY = re.compile(
    r"\b(?:date\s+of\s+(?:the\s+)?(?:industrial\s+)?injury|DOI|(?-i:D/I)|(?:industrial\s+|work(?:-related)?\s+)?injur(?:y|ed|ies)"
    # a date "since" which something else held is not the injury's: "injuries, taking Norco since at least 3/9/2015"
    r"|sustained|hurt"
    # the injury told by how it happened at work: "slipped and fell at work on 3/14/14", "while lifting a box at work on"
    r"|(?:fell|slipped|tripped|twisted|lifting|lifted|pulling|pushing|struck|caught|crushed)\b[^.;]{0,40}?"
    r"\b(?:at\s+work|while\s+working|on\s+the\s+job))\b(?:(?!\d{1,2}[/-]\d|since\b|;|\b(?:" + _LATER_EVENT + r")\b).){0,60}$",
    _I,
)
_UR = re.compile(
    r"(?:\butilization\s+review\b|(?-i:\bUR\b)|\bpre-?authorization\b|\bnon-?certif\w*|\bnot\s+certified\b"
    r"|\b(?:was|were)\s+(?:denied|modified)\b|\bdenial\b)(?:(?!\d{1,2}[/-]\d).){0,80}$",
    _I,
)
#: A UR decision that approved care ("Authorized 6 sessions of CBT (UR 08/2015)", "PT certified by UR on
#: 1/19/2021") is an earlier request's: the decision a request is disputed or pre-checked against denies
#: or modifies it.
_UR_APPROVAL = re.compile(r"(?<![-\w])(?<!not\s)(?:authori[sz]ed|approved|certified)\b", _I)
_UR_ADVERSE = re.compile(r"\bdeni(?:ed|al)\b|\bnon-?certif|\bnot\s+(?:certified|authori[sz]ed|approved)\b|\bmodifi(?:ed|cation)\b"
    r"|\b(?:certified|authori[sz]ed|approved)\s+(?:only\s+)?\d+\s+(?:of|out\s+of)\b", _I)


#: A UR decision named as an earlier one is not the decision disputed now: "Previous UR denial 02/01/2016", "prior
#: non-certification of 1/5/16", "an earlier UR modified ..."; the note's own date stays its as-of date.
_EARLIER_UR = re.compile(r"\b(?:previous(?:ly)?|prior|earlier|last|past|initial|original)\s+(?:\w+\s+){0,2}$", _I)


#: The request's own date, right after its name: "RFA received: 06/05/2019", "from RFA 06/05/2019", "RFA (dated
#: 05/16/2022)", "the attached RFA (rec'd 08/27/2019)", "per Dr. Feld's RFA 02/11/2020", "RFA date: 3/9/17".
_RFA_DATED = re.compile(
    r"\b(?:RFA|DWC\s+RFA|request\s+for\s+authori[sz]ation)(?:\s+(?:date|dated|received|rec'?d|submitted|sent|of))?"
    r"\s*[:(]?\s*(?:dated|rec'?d|received|submitted|of)?\s*:?\s*$",
    _I,
)
#: Where "RFA" is the radiofrequency ablation or the request is an earlier one: "s/p RFA R L3-4 on 4/22/14",
#: "prior RFA 1/5/16 was denied".
_NOT_THE_REQUEST = re.compile(
    r"\b(?:radiofrequency|ablation|rhizotomy|neurotomy|medial\s+branch|facets?|s/p|status\s+post|after|before|previous|prior"
    r"|earlier|last|initial|original|denied|non-?certif\w*|modified)\b|\b[CTL]\d-\d",
    _I,
)


def _approval(window: str) -> bool:
    """Whether the words around a UR date approve care and deny none."""
    return bool(_UR_APPROVAL.search(window)) and not _UR_ADVERSE.search(window)


_NOTE = (
    r"(?:progress\s+(?:report|note)s?|reports?|notes?|documentation|visits?|evaluations?|re-?evaluations?"
    r"|examinations?|exams?|records?|consultations?|follow[- ]?ups?|encounters?|PR-?2s?|RFAs?"
    r"|requests?\s+for\s+authori[sz]ation)"
)
_NOTE_DATED = re.compile(
    rf"\b(?P<note>{_NOTE}),?\s+(?:dated|of|on|from)\s+$"
    r"|\b(?P<seen>(?:was|were|is|been)\s+(?:seen|evaluated|examined|re-?evaluated)(?:\s+\w+){0,3}?\s+(?:on|in)\s+)$",
    _I,
)
#: A line titled by the note it starts, then a dash or colon and its date: "PTP PR-2 - 03/01/2017", "Progress note: 3/1/17".
_NOTE_TITLE_DATED = re.compile(
    r"^(?:[A-Z][\w&/-]*\s+){0,3}?(?:PR-?2|progress\s+(?:report|note)|(?:office\s+)?note|report|consultation|re-?evaluation"
    r"|evaluation|exam(?:ination)?)\s*[-\u2013\u2014:]\s*$",
    _I,
)
_DATE_LIST_GLUE = re.compile(r"^\s*(?:,|and|,\s*and|&)\s*$", _I)
_ON_VISIT = re.compile(r"(?:^|[.;]\s*)(?P<on>On)\s+$")
_VISIT_SUBJECT = re.compile(
    r"^,?\s+(?:the\s+)?(?:treat\w*|physician|provider|doctor|patient|injured|claimant|employee|worker|examination)", _I
)
_DATE_THEN_NOTE = re.compile(rf"^\s+(?:progress\s+)?{_NOTE}\b", _I)
#: A form's label for the visit or report date, right before the date: "DOS:", "Date of service:",
#: "Visit date:", "Date of exam", "Date:" (not "Date of injury" / "Date of birth", read elsewhere).
_VISIT_FIELD = re.compile(
    r"(?:\bD\.?O\.?S\.?|\bdate\s+of\s+(?:service|visit|exam(?:ination)?|evaluation|encounter|report|consultation"
    r"|re-?evaluation|follow[- ]?up|request|rfa)|(?<!next )(?<!last )(?<!prior )(?<!previous )(?<!f/u )(?<!return )\bvisit(?=\s*:)|\b(?:visit|exam(?:ination)?|service|encounter|report|evaluation"
    r"|consultation|appointment|request|rfa|signature)\s+date"
    # a line that opens with the visit: "Seen 7/20/15", "Pt seen today 3/1/16", "Examined: 3/1/16"
    r"|^\W*(?:(?:pt|patient|claimant)\s+(?:was\s+)?)?(?:seen|examined|evaluated)(?:\s+(?:today|in\s+(?:clinic|office)))?|(?<!injury )(?<!birth )(?<!surgery )(?<!accident )"
    r"(?<!hire )(?<!loss )(?<!denial )(?<!decision )(?<![\w-])date|\bseen(?:\s+today)?\s+on)\s*[:#.=-]?\s*$",
    _I,
)
#: Words before a date that put it outside the visit: a birth date, or an appointment still to come.
_NOT_VISIT = re.compile(
    r"(?:\bD\.?O\.?B\.?|\bbirth|\bborn|\bf/u|\bfollow[- ]?up|\breturn|\bRTC|\brecheck|\bre-?evaluat\w*\s+(?:on|in)"
    r"|\bnext\s+(?:visit|appointment)|\bscheduled|\bappointment|\buntil|\bthrough|\bthru)\W*(?:\w+\W+){0,3}$",
    _I,
)
#: A note's title in capitals naming the visit, then its date: "F/U VISIT -- 3/22/21", "OFFICE VISIT 2/3/19". In the plan
#: a note typed in capitals writes its appointments the same way ("RECHECK 6/8/15", "F/U 7/1/15": `_NEXT_VISIT`).
_VISIT_TITLE = re.compile(
    r"^\W*(?:[A-Z&/-]+\s+){0,4}?(?:F/U|FOLLOW[- ]?UP|OFFICE|CLINIC|RE-?CHECK|PROGRESS|RE-?EVALUATION|EVALUATION|VISIT"
    # the DWC form's own title: "REQUEST FOR AUTHORIZATION (DWC RFA)   10/7/2014"
    r"|REQUEST\s+FOR\s+AUTHORI[SZ]ATION|RFA)"
    r"(?:\s+(?:VISIT|NOTE|EVALUATION|REPORT|FORM))?(?:\s*\([A-Z0-9 .-]{1,20}\))?\s*(?:-{1,2}|—|–|:)?\s*$"
)
_NEXT_VISIT = re.compile(r"^\W*(?:F/U|FOLLOW[- ]?UP|RE-?CHECK|RE-?EVALUATION|RETURN|RTC)\b")
#: The same title in any case, read only at the very top of a note, where a title stands (a note typed in lower
#: case, "f/u visit -- 3/22/21"); further down, "Follow-up visit 4/5/21" is an appointment to come.
_TOP_TITLE = re.compile(_VISIT_TITLE.pattern, _I)
#: A note's own title at its very top that names the visit after a subtitle or an aside, then the date: "TELEHEALTH
#: VISIT (video, Doxy) - pain psychology f/u 15 Mar 2021", "Office visit - lumbar spine follow-up 4/2/19". There a
#: "follow-up" is the visit the note records, not one to come. A part named after it ("RE-CHECK, right knee --") too.
_TOP_TITLE_NAMED = re.compile(
    r"^\W*(?:[A-Za-z][\w&/'.-]*,?\s+|\([^()\n]{1,30}\)\s+|[-\u2013\u2014|]\s+){0,10}?"
    r"(?:f/u|follow[- ]?up|visit|office\s+note|progress\s+note|re-?check|re-?evaluation|consultation)"
    r"(?:\s+(?:visit|note|evaluation))?(?:(?:,\s*(?:[A-Za-z][\w/-]*\s*){1,3})?\s*(?:-{1,2}|\u2014|\u2013|:|\|))?\s*$",
    _I,
)
#: In a note typed in lower case, a later part's title line ends with its date: "ortho office note / rfa    2/10/16". Only a
#: note's or report's own name counts, never a visit ("follow-up visit 4/5/21" is an appointment to come).
_LOWER_NOTE_TITLE = re.compile(
    r"^\W*(?:[a-z&/-]+\s+){0,4}?(?:note|report|rfa|request\s+for\s+authori[sz]ation|pr-?2)"
    r"(?:\s*/\s*(?:rfa|pr-?2|note|report))?(?:\s*\([a-z0-9 .-]{1,20}\))?\s*(?:-{1,2}|\u2014|\u2013|:)?\s*$"
)
#: A line near the top that names a visit still to come, not the note's own: "Return to clinic 06/01/2016", "Next
#: follow-up visit 5/5/16", "RTC office visit 5/5/16", "Scheduled re-check 5/5/16".
_APPOINTMENT = re.compile(r"\b(?:return(?:ing|s)?|RTC|next|scheduled|due|until)\b", _I)
TOP = 160  # clean-text characters from the start of the note within which a line can be its title
LOOK_BACK = 160  # characters before a date that can say what it is
_PREVIOUS_VISIT = re.compile(
    r"\b(?:during|at|on|in)\s+(?:the|a|her|his)\s+(?:previous|prior|last|earlier)\s+(?:visit|exam|evaluation|note|report)",
    _I,
)


#: A cumulative-trauma injury told by its period: "DOI: CT 08/2013-03/2014", "Date of injury: CT 1/1/2012 - 6/30/2014".
_INJURY_PERIOD = re.compile(
    r"\b(?:DOI|D/I|date\s+of\s+injury)\s*[:#]?\s*(?:CT|cumulative(?:\s+trauma)?|continuous\s+trauma)?\s*:?\s*"
    r"(?:\d{1,2}/(?:\d{1,2}/)?(?:\d{4}|\d{2}))\s*(?:-|\u2013|to|through|thru)\s*(?P<end>\d{1,2}/(?:\d{1,2}/)?(?:\d{4}|\d{2}))(?![\d/])",
    _I,
)


def _injury_period(s: Sentence, ctx: Context) -> None:
    """The last day of a cumulative-trauma period is the date of injury the guidelines count from."""
    if ctx.draft.injury is not None or "/" not in s.text:
        return
    if (m := search(_INJURY_PERIOD, s.text)) is not None:
        found = find_dates(m.group("end"), years=False)
        if found:
            ev = s.evidence(m.start(), m.end())
            ctx.draft.injury = (found[0].date, [ev] if ev else [])


def read_timeline(sentences: list[Sentence], ctx: Context) -> None:
    """Injury, note and UR dates of the summary, and each sentence's note date."""
    carried: list[FuzzyDate] = []
    for s in sentences:
        _injury_period(s, ctx)
        notes = _read_sentence(s, ctx)
        if notes:
            carried = notes
        if search(_PREVIOUS_VISIT, s.text) and not notes:
            ctx.note_dates[s.start] = []
            continue
        ctx.note_dates[s.start] = list(carried)


def _read_sentence(s: Sentence, ctx: Context) -> list[FuzzyDate]:
    """Record this sentence's dates by role; return the note dates it names."""
    notes: list[FuzzyDate] = []
    previous: DateMatch | None = None
    previous_was_note = False
    for d in find_dates(s.text, years=False):
        before = s.text[max(0, d.start - LOOK_BACK) : d.start]
        shift = max(0, d.start - LOOK_BACK)
        after = s.text[d.end :]
        is_note = False
        titled = shift == 0 and s.start < TOP and s.section is None and _TOP_TITLE_NAMED.match(before) is not None \
            and not _APPOINTMENT.search(before)
        if d.date.day is not None and (titled or not _NOT_VISIT.search(before[-40:])):
            _mentioned(ctx, d, s)
        if shift == 0 and (
            (_VISIT_TITLE.match(before) and not (s.section == "plan" and _NEXT_VISIT.match(before))) or titled
            or (s.start < TOP and s.section is None and _TOP_TITLE.match(before) and not _APPOINTMENT.search(before))
            or (s.tm.lower_case and _LOWER_NOTE_TITLE.match(before) and not after.strip(" ,.;"))
            or (d.start == 0 and _dated_heading(s, d))
        ):
            is_note = True
            ctx.draft.report_date(d.date, s.evidence(0, d.end))
        elif (field := _VISIT_FIELD.search(before[-40:])) and not _UR.search(before[-40:]):
            is_note = True
            ctx.draft.report_date(d.date, s.evidence(d.start - (len(before[-40:]) - field.start()), d.end))
        elif (m := _INJURY.search(before)) and ctx.draft.injury is None:
            ctx.draft.injury = (d.date, [e for e in [s.evidence(shift + m.start(), d.end)] if e])
        elif (m := _UR.search(before)) and not find_dates(before[m.start() :], years=False) \
                and not _approval(before[-80:] + " " + after[:20]) and not _EARLIER_UR.search(before[: m.start()][-30:]):
            # the UR's own date follows its mention, before any other date ("UR 1/28/19 ... scheduled 2/25/2019")
            if ctx.draft.ur_decision is None:
                ctx.draft.ur_decision = (d.date, [e for e in [s.evidence(shift + m.start(), d.end)] if e])
        elif shift == 0 and _NOTE_TITLE_DATED.match(before):
            is_note = True
            ctx.draft.report_date(d.date, s.evidence(0, d.end))
        elif m := _NOTE_DATED.search(before):
            is_note = True
            ctx.draft.report_date(d.date, s.evidence(shift + m.start(), d.end))
        elif previous is not None and previous_was_note and _DATE_LIST_GLUE.match(s.text[previous.end : d.start]):
            is_note = True
            glue_start = _note_start(s.text, previous.start)
            ctx.draft.report_date(d.date, s.evidence(glue_start, d.end))
        elif (
            (on := _ON_VISIT.search(before))
            and (shift == 0 or on.group()[0] in ".;")
            and (subject := _VISIT_SUBJECT.match(after))
        ):
            is_note = True
            ctx.draft.report_date(d.date, s.evidence(shift + on.start("on"), d.end + subject.end()))
        elif then := _DATE_THEN_NOTE.match(after):
            is_note = True
            ctx.draft.report_date(d.date, s.evidence(d.start, d.end + then.end()))
        if d.date.day is not None and _RFA_DATED.search(before[-60:]) and not _NOT_THE_REQUEST.search(s.text):
            if ctx.draft.rfa is None or d.date.earliest() > ctx.draft.rfa[0].earliest():
                ctx.draft.rfa = (d.date, [e for e in [s.evidence(d.start, d.end)] if e])
        if is_note:
            notes.append(d.date)
        previous, previous_was_note = d, is_note
    return notes


def _dated_heading(s: Sentence, d: DateMatch) -> bool:
    """A full date alone on its line at the top of a note or letter, as a dictated letter dates itself ("March 14, 2014"
    above "Dear Dr. ..."): the report's date. Not after a label line ("DOB:"), whose value it would be."""
    return (
        s.start < TOP and s.section is None and d.date.day is not None and not s.text[d.end :].strip(" ,.")
        and not s.tm.text[: s.start].rstrip().endswith(":")
    )


def _mentioned(ctx: Context, d: DateMatch, s: Sentence) -> None:
    """Keep the latest full date the text mentions: the as-of date of last resort."""
    known = ctx.draft.latest_mentioned
    if known is None or d.date.earliest() > known[0].earliest():
        ev = s.evidence(d.start, d.end)
        ctx.draft.latest_mentioned = (d.date, [ev] if ev else [])


def _note_start(text: str, date_start: int) -> int:
    """Where the note phrase before the first date of a date list begins."""
    shift = max(0, date_start - LOOK_BACK)
    m = _NOTE_DATED.search(text[shift:date_start])
    return shift + m.start() if m else date_start
