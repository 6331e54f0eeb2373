"""Treatment history: surgeries, treatments (with their effect), imaging and studies.

Read from the summary's history phrases ("Treatment to date has included ...",
"Previous treatment included ...", "had been treated with ...", "a graduate of ...",
"good benefit from ...", "status post ...") and from names that imply a surgery
("post lumbar laminectomy syndrome" -> lumbar laminectomy). Each item is classified by
the vocabulary's services (rules/vocabulary/services.yaml): imaging and
electrodiagnostics go to `imaging`, procedures, therapies and programs to
`treatments`, surgical words to `surgeries`; "medications" is a treatment only when
the summary lists no current drug (otherwise the medication list already says it).
Planned or requested care ("awaiting approval for ...") is not history.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..facts.fuzzy_date import FuzzyDate
from ..facts.model import Evidence
from ..requests.model import RequestedItem
from ..vocabulary import ServiceInfo, phrase_key
from .anatomy import regions_in
from .context import Context
from .dates import find_dates
from .draft import add_evidence, overlaps_evidence
from .letter_case import is_the_patient
from .lists import list_items
from .medications import drug_mentions, may_name_a_drug
from .negation import polarity
from .note_layout import line_texts
from .numbers import NUMBER, parse_number
from .planned import planned
from .prior_courses import (
    AGAIN_COUNTED,
    BRIEF_BY_DESIGN,
    PURPOSE_BEFORE,
    SETTING,
    counts_the_list,
    course_effect,
    names_the_patient,
)
from .sentences import Sentence
from .word_gate import finditer, search, shut

_I = re.IGNORECASE
_TX_LEAD = re.compile(
    r"\b(?P<plain>(?:treatments?|therapy|therapies|care)(?:\s+and\s+evaluations?)?(?:\s+to\s+date)?\s+(?:(?:has|have)\s+)?"
    r"(?:included?|includes|including|consisted\s+of)\s*:?\s+"
    r"|(?:previous|prior|past)\s+(?:treatments?|care)\s+(?:(?:has|have)\s+)?(?:included?|includes|including|consisted\s+of)\s*:?\s+"
    r"|(?:had\s+been|has\s+been|have\s+been|was|were)\s+treated\s+with\s+|graduate\s+of\s+|underwent\s+|completed\s+"
    # a course counted as it was attended: "attended 10 PT visits", "has had 6 chiropractic visits", "s/p 24 sessions of PT"
    rf"|(?:attended|has\s+had|had|finished|s/p|status\s+post)\s+(?=(?:about\s+|approximately\s+)?{NUMBER}\s+(?:of\s+\d+\s+)?"
    r"(?:[\w/-]+\s+){0,3}?(?:sessions?|visits?|treatments?)\b)"
    r"|(?:initial|completed|prior|previous|first)\s+trial\s+of\s+"
    # the care's start told in the past with what it was, as decision summaries open a history: "Treatment began the next
    # day: ...", "care started in March with ..." (not "will begin with", a plan)
    r"|(?:treatments?|therapy|care)\s+(?:began|started|commenced)(?:\s+[\w,/-]+){0,5}?(?:\s+with\s+|\s*:\s*))"
    # a form's field of the care that failed: "Failed treatment: PT 12 visits (2016), chiropractic 6 (2015)"
    r"|\b(?P<failed>failed|unsuccessful)\s+(?:conservative\s+)?(?:treatments?|therap(?:y|ies)|care|modalities)\s*:\s*"
    # "good relief from", "benefit with": opening with the word, so the word gate knows where a match can start;
    # without an effect word the lead also takes the spaces before the word (lead_start)
    r"|\b(?:(?P<effect>good|some|significant|excellent|temporary|no|minimal|little|without)\s*)?"
    r"(?:benefit|relief|improvement)\s+(?:from|with)\s+",
    _I,
)


def lead_start(text: str, lead: re.Match[str], floor: int = 0) -> int:
    """Where a treatment lead starts, a bare "relief from" counting the spaces between it and the word before.

    The lead was once written with its effect word optional before optional spaces, which let a
    match start where the word before it ends; every quote of a first listed item starts there.
    *floor*: where the lead before it ended (the spaces it took are not this one's).
    """
    start = lead.start()
    if lead.group("plain") is not None or lead.group("failed") is not None or lead.group("effect") is not None:
        return start
    before = start
    while before > floor and text[before - 1].isspace():
        before -= 1
    if before < start and before > 0 and (text[before - 1].isalnum() or text[before - 1] == "_"):
        return before
    return start
_SURGICAL = (
    r"(?:fusion|laminectomy|laminotomy|hemilaminectomy|discectomy|microdiscectomy|foraminotomy|arthrodesis|arthroplasty"
    r"|arthroscopy|decompression|ACDF|meniscectomy|replacement|repair|osteotomy|corpectomy|kyphoplasty|vertebroplasty"
    r"|release|ORIF|reconstruction|TKA|THA|TKR|THR|surgery|surgeries"
    # abbreviated operations: carpal tunnel release, rotator cuff repair, ACL reconstruction, total shoulder, interbody fusions
    r"|CTR|RCR|ACLR|TSA|TLIF|PLIF|ALIF|XLIF)"
)
_SURGERY_WORD = re.compile(rf"\b{_SURGICAL}\b", _I)
_STATUS_POST = re.compile(r"\b(?:status\s+post|s/p|underwent|history\s+of|prior(?!\s+to\b)|previous)\s+", _I)
_POST_SYNDROME = re.compile(
    r"\b(?:(?P<before>cervical|thoracic|lumbar|lumbosacral)\s+)?post[- ]?(?:(?P<after>cervical|thoracic|lumbar|lumbosacral)\s+)?"
    r"(?P<proc>laminectomy|laminotomy|fusion|discectomy)\b",
    _I,
)
_MEDICATION_TX = re.compile(
    r"^(?:(?:oral|pain|prescription)\s+)?(?:medications?|meds|medication\s+management|pharmacotherapy)$", _I
)
_PROVIDER_HELPED = re.compile(
    r"\b(?:a|an|the|her|his)\s+(?P<who>psychologist|psychiatrist|therapist|counsel(?:l)?or|chiropractor|acupuncturist"
    r"|physical\s+therapist)\s+(?:has\s+|had\s+)?(?:helped|was\s+helpful|has\s+been\s+helpful)",
    _I,
)
_PROVIDER_KIND = {
    "psychologist": "psychological",
    "psychiatrist": "psychological",
    "therapist": "psychological",
    "counselor": "psychological",
    "counsellor": "psychological",
    "chiropractor": "chiropractic",
    "acupuncturist": "acupuncture",
    "physical therapist": "physical_therapy",
}
#: A condition right before a lead, which tells no care given: "If no improvement with PT", "should there be no relief from".
_CONDITION_BEFORE = re.compile(r"\b(?:if|unless|should|in\s+case\s+of|in\s+the\s+event\s+of)\s+(?:there\s+(?:is|be)\s+)?$", _I)
_PLANNED = re.compile(
    r"\b(?:awaiting|await|pending|planned|plan|scheduled|recommend\w*|request\w*|candidate|consider\w*|will|would)\b",
    _I,
)
#: Treatment kinds of the vocabulary's service classes (services.yaml) and of single services.
_KIND_BY_SERVICE = {"chiropractic": "chiropractic", "massage": "modality", "acupuncture": "acupuncture"}
_KIND_BY_CLASS = {
    "spinal_injection": "injection",
    "facet_procedure": "injection",
    "trigger_point_injection": "injection",
    "physical_medicine": "physical_therapy",
    "manual_therapy": "chiropractic",
    "acupuncture": "acupuncture",
    "functional_restoration": "program",
    "psychological_treatment": "psychological",
    "electrotherapy": "modality",
    "neuromodulation": "modality",  # a stimulator trial is a course of its own, credited with the gains told of it
    "heat_cold_therapy": "modality",
    "home_exercise": "other",
}
_IMAGING = {"mri": "mri", "ct": "ct", "x_ray": "x_ray", "emg_ncs": "emg_ncs"}


#: Findings that put a nerve root at stake: a study that shows them corroborates radiculopathy (CPMTG p. 46).
_ROOT_FINDING = re.compile(
    r"\b(?:nerve\s+root|(?:exiting|traversing|descending)\s+(?:[LCS]\d\s+)?(?:nerve|root)|[LCS]\d\s+(?:nerve\s+)?root"
    r"|radiculopathy|impinge\w*|compress\w*|displac\w*|abut\w*|contact(?:s|ing)?\s+the|effac\w*\s+(?:of\s+)?the\s+(?:[LCS]\d\s+)?(?:nerve|root)"
    r"|(?:severe|moderate)\s+(?:neural\s+)?foraminal\s+(?:stenosis|narrowing)"
    r"|(?:severe|moderate)\s+(?:[\w-]+\s+){0,4}?lateral\s+recess\s+(?:stenosis|narrowing)"
    # the canal narrowed enough to press on the cauda equina's roots (neurogenic claudication, ACOEM Ch. 12 p. 305-307)
    r"|(?:severe|moderate)\s+(?:to\s+severe\s+)?(?:central\s+)?(?:canal|spinal|central)\s+(?:canal\s+)?stenosis)\b",
    _I,
)
_NO_ROOT_FINDING = re.compile(
    r"\b(?:no|without)\s+(?:\w+\s+){0,3}?(?:nerve\s+root|neural|foraminal|radiculopathy|impingement|compression|stenosis)"
    r"|\b(?:normal|unremarkable|negative)\s+(?:study|EMG|NCS|exam|MRI)?\b",
    _I,
)
_STUDY_PLANNED = re.compile(
    r"\b(?:request\w*|order\w*|recommend\w*|plan\w*|need\w*|will|would|schedul\w*|obtain|consider\w*|pending|RFA|repeat)\b[^.;]{0,40}$",
    _I,
)

_CLAUSE_STOP = re.compile(r"[.;](?=\s|$)")
#: A study's result told in the past or as it stands: it was done, whatever else the sentence says of its ordering.
_STUDY_RESULT = re.compile(
    r"\b(?:showed|shows|revealed|reveals|demonstrated|demonstrates|was\s+(?:normal|abnormal|positive|negative|unremarkable))\b",
    _I,
)


#: A procedure already done: "s/p L L4-5 TFESI 5/11/15", "underwent a right L5-S1 TFESI", "had a MBB".
_DONE = re.compile(
    r"\b(?:(?:s/p|status\s+post|underwent|had|received|got|after)\s+(?:a|an|the|his|her|prior|previous)?"
    r"|(?:(?:his|her|the)\s+)?(?:prior|previous|last|most\s+recent))\s*",
    _I,
)
#: An injection that opens its sentence told as done in the passive: "Diagnostic medial branch blocks bilateral L4-5
#: and L5-S1 were done 01/19/2016", "A right L5-S1 TFESI was performed on 3/2/2015" ("were not done" is not).
_DONE_PASSIVE = re.compile(r"\b(?:was|were|been)\s+(?:done|performed|given|administered|completed|carried\s+out)\b", _I)
#: An injection that opens its sentence and is told with its relief: "Facet injection 2/2016: 80% relief for 2 days".
_OPENS = re.compile(r"^\s*", _I)
#: A relief a plan's line tells as had, in the past tense: "Response to the ESI of 04/16/2019: leg pain went from 8/10
#: to 3/10 (about 60% relief) ... lasting until mid-July" (a form's plan box often tells the last injection's result).
_TOLD_DONE = re.compile(r"\b(?:went|was|were|gave|got|lasted|reduced|decreased|improved|helped|response\s+to\s+the)\b", _I)
#: The lead of `_DONE` that in a plan only orders the care: "PT after RFA", "brace after the injection".
_ORDER_WORD = re.compile(r"after\b", _I)
#: Words that tell an injection after "after" as had, in a plan too: "she has done well after the RFA".
_TOLD_HAD = re.compile(rf"{_TOLD_DONE.pattern}|\b(?:did|done|doing|had|felt|responded|response)\b", _I)
_RELIEF = re.compile(
    r"(?:~|about|approx(?:imately|\.)?|roughly|nearly|over|>)?\s*(?P<pct>\d{1,3})\s*(?:%|percent)\s+"
    r"(?:relief|improvement|reduction|better|decrease)"
    # the percentage after the word: "helped about 50%", "good relief, approximately 60%"
    r"|\b(?:helped|improved|relieved|reduced\s+(?:the\s+|her\s+|his\s+)?pain|relief|improvement|better[\"']?)\s*,?\s*(?:by\s+|was\s+)?"
    r"(?:~|about|approx(?:imately|\.)?|roughly|nearly|over|>|greater\s+than|more\s+than)?\s*(?P<pct2>\d{1,3})\s*(?:%|percent)"
    # the pain it fell to, then the percentage (round cover10): "her pain decrease to 3/10, around 60 %"
    r"|\b(?:decrease[sd]?|dropped|went\s+down|came\s+down|reduced|improved|fell)\s+to\s+\d{1,2}(?:/10)?\s*,?\s*"
    r"(?:around|about|approx(?:imately|\.)?|~|roughly|nearly)?\s*(?P<pct3>\d{1,3})\s*(?:%|percent)",
    _I,
)
_RELIEF_WEEKS = re.compile(
    # the span quoted or said fully too: 'this relief lasted "a good two months"', "lasted a full 3 months"
    rf"\b(?:lasting|lasted|for|x|over)\s*[\"\u201c']?\s*(?:~|about|approx(?:imately|\.)?|nearly|roughly|(?:a\s+)?(?:good|solid|full|whole)(?=\s))?"
    rf"\s*(?P<n>{NUMBER})(?:\s*(?:-|to)\s*{NUMBER})?\s*"
    r"(?P<unit>wks?|weeks?|months?|mos?)\b"
    # lasting until a day, then how long that was (round cover10): "lasting until end of November - so about 10 weeks",
    # "lasted until roughly late Nov 2014 (about 7 months)"
    r"|\b(?:lasting|lasted|last(?:s|ed)?)\s+(?:until|till|to|through)\b[^.;()]{0,40}?[\s(,\-\u2013]+(?:so\s+|i\.e\.\s+|that\s+is\s+)?"
    rf"(?:~|about|approx(?:imately|\.)?|nearly|roughly|around)?\s*(?P<n2>{NUMBER})(?:\s*(?:-|to)\s*{NUMBER})?\s*"
    r"(?P<unit2>wks?|weeks?|months?|mos?)\b",
    _I,
)
#: Less medication after the procedure, as notes say it: "cut her Norco from 4/day to 2/day", "reduced his
#: medications by half", "was able to decrease oxycodone", "used fewer pain pills", "off Norco for 6 weeks".
_MEDS_REDUCED = re.compile(
    r"\b(?:cut|reduced?|decreased?|lowered|tapered|weaned|dropped|cut\s+(?:back|down))\s+(?:(?:on|down)\s+)?"
    r"(?:(?:his|her|their|the|all|its)\s+)?(?:[\w/.-]+\s+){0,3}?(?:from\s+\S|by\s+\S|to\s+(?:none|zero|one|\d)|off\b|use\b)"
    r"|\b(?:less|fewer|reduced|decreased|lower|no)\s+(?:\w+\s+){0,2}?(?:medications?|meds|pills|tablets|opioids?|narcotics?|analgesics?)"
    r"(?:\s+(?:use|intake|consumption|needed))?\b"
    r"|\b(?:off|stopped|discontinued)\s+(?:(?:his|her|all)\s+)?(?:pain\s+)?(?:medications?|meds|opioids?|narcotics?)\b",
    _I,
)
#: The pain before and after the procedure, the relief it gave in other words: "leg pain went from 8/10 to about 3/10",
#: "9/10 before the RFA, 5/10 now", "since the block her pain is 4/10, was 8/10".
_PAIN_FROM_TO = re.compile(
    r"\bpain\b[^.;]{0,30}?\b(?:went|dropped|fell|decreased|improved|came\s+down)?\s*from\s+(?:an?\s+)?(?P<a>\d{1,2})(?:/10)?\s+"
    r"(?:down\s+)?to\s+(?:about\s+|around\s+|~\s*|approximately\s+)?(?P<b>\d{1,2})(?:/10)?\b"
    # the rating before it, then the one after: "9/10 before the RFA, 5/10 now", "8/10 prior to the block and 3/10 after"
    r"|(?<![\d/.])(?P<a2>\d{1,2})\s*/\s*10\s+(?:before|prior\s+to|pre[- ]?)\b[^.;\d]{0,40}?(?P<b2>\d{1,2})\s*/\s*10"
    # the rating now, then the one it was: "her pain is 4/10, was 8/10", "3/10 (previously 7/10)", "4/10, down from 8/10"
    r"|(?<![\d/.])(?P<b3>\d{1,2})\s*/\s*10\s*[,(]?\s*(?:(?:it|she|he|pain)\s+)?(?:was|previously|down\s+from|from|vs\.?)"
    r"\s+(?:a\s+|at\s+|about\s+)?(?P<a3>\d{1,2})\s*/\s*10",
    _I,
)
#: A procedure the pain is rated before, or since: done when the sentence rates the pain on both sides of it.
_BEFORE_SINCE = re.compile(r"\b(?:before|since|prior\s+to)\s+(?:(?:the|his|her|a|an)\s+)?", _I)
#: The ratings on both sides of it (the second and third forms of `_PAIN_FROM_TO`).
_RATED_AROUND = re.compile(
    r"\b\d{1,2}\s*/\s*10\s+(?:before|prior\s+to)\b[^.;\d]{0,40}?\d{1,2}\s*/\s*10"
    r"|\bsince\b[^.;]{0,60}?\d{1,2}\s*/\s*10\s*[,(]?\s*(?:(?:it|she|he|pain)\s+)?(?:was|previously|down\s+from|from)\s",
    _I,
)
#: How many sentences from the procedure's mention its outcome may still be told.
_OUTCOME_SENTENCES = 3
_INJECTION_CLASSES = {"spinal_injection", "facet_procedure", "trigger_point_injection", "joint_injection", "nerve_block"}


def read_prior_injections(sentences: list[Sentence], ctx: Context) -> None:
    """Injections already given, with the relief they gave and for how long (the repeat-injection criteria)."""
    for n, s in enumerate(sentences):
        leads = list(finditer(_DONE, s.text))
        if ("%" in s.text or "percent" in s.text.lower()) and (s.section != "plan" or _TOLD_DONE.search(s.text)) \
                and _RELIEF.search(s.text):
            leads.insert(0, _OPENS.match(s.text))  # type: ignore[arg-type]
        if s.section != "plan" and _DONE_PASSIVE.search(s.text):
            leads.insert(0, _OPENS.match(s.text))  # type: ignore[arg-type]  # "MBBs L4-5, L5-S1 were done 01/19/2016"
        if s.section != "plan" and "/" in s.text and _RATED_AROUND.search(s.text):
            leads += finditer(_BEFORE_SINCE, s.text)  # "8/10 before the RFA, 3/10 now": told as done by its ratings
        for done in leads:
            hit = ctx.vocab.identify(s.text[done.end() : done.end() + 60], ("service",))
            if hit is None or hit.start > 25:
                continue
            service = ctx.vocab.service_info(hit.key)
            if not _INJECTION_CLASSES & set(service.classes):
                continue
            start = done.end() + hit.start
            end = _whole_name(ctx, s.text, hit.key, done.end() + hit.end)
            if polarity(s.text, start, end) != "affirmed":
                continue
            dates = find_dates(s.text[end : end + 30], years=False)
            if s.section == "plan" and _ORDER_WORD.match(done.group()) and not dates and not _TOLD_HAD.search(s.text):
                continue  # "Plan: 6 visits PT after RFA": the order of the care asked for, not an injection had
            told = _outcome_sentences(sentences, n, ctx)
            near = " ".join(t.text for t in told)
            relief = _RELIEF.search(near) or _PAIN_FROM_TO.search(near)
            pct = _relief_percent(relief)
            weeks = _RELIEF_WEEKS.search(near[relief.end() :]) if relief else None
            span = (done.start(), min(len(s.text), end + (dates[0].end if dates else 0)))
            ev = s.evidence(*span)
            date = dates[0].date if dates else None
            effect = _relief_effect(near, relief, service.name)
            if effect == "unknown":  # no relief told: its result in other words ("with no lasting benefit", "helped")
                effect = course_effect(_own_words(ctx, s.text, end), brief_fails=service.name not in BRIEF_BY_DESIGN)
            ctx.draft.treatment(
                _same_injection(ctx, service.name, date, ev, alone=not _SEVERAL_BEFORE.search(s.text[max(0, start - 30) : end]))
                or s.text[start:end], "injection", service.name,
                effect, ev,
                date=date,
                relief_percent=float(pct) if pct and float(pct) <= 100 else None,
                relief_weeks=_weeks(weeks) if weeks else None,
                medication_reduction="yes" if relief and medication_reduced(told) else None,
            )


def _own_words(ctx: Context, text: str, end: int) -> str:
    """The words after an injection's name that still speak of it: up to the clause's end or the next service named."""
    stop = _CLAUSE_STOP.search(text, end)
    words = text[end : stop.start() if stop else len(text)]
    after = ctx.vocab.mentions(words, ("service",))
    return words[: after[0].start] if after else words


#: Words that may stand between two names of one injection: "C5-6 interlaminar cervical epidural steroid injection".
_NAME_BETWEEN = re.compile(r"^[\s\w/-]{0,30}$")


def _whole_name(ctx: Context, text: str, service: str, end: int) -> int:
    """Where an injection's name ends when the service is named twice in one name ("interlaminar ... ESI")."""
    for hit in ctx.vocab.mentions(text[end : end + 60], ("service",)):
        if hit.key != service or not _NAME_BETWEEN.match(text[end : end + hit.start]):
            break
        return end + hit.end
    return end


#: A count or a plural before or in an injection's name: "two prior epidurals", "3 ESIs", "injections".
_SEVERAL_BEFORE = re.compile(
    rf"(?<![\w/.-])(?:\d{{1,2}}|{NUMBER}|several|multiple|both|serial|repeat|another|second)\s+(?:[\w/-]+\s+){{0,3}}[\w/-]*$"
    r"|(?<![sS])s\s*$", _I
)


def _same_injection(
    ctx: Context, service: str, date: FuzzyDate | None, ev: Evidence | None, *, alone: bool = True,
) -> str | None:
    """The name of the injection already read that this mention tells again: the same service told in the same
    words (another reader's list item) or on the same day ("after a good response to CESI of 06/15/2015"), or, told
    *alone* (one injection, no count) and one of them undated, the one injection of that service read so far."""
    same = [e for e in ctx.draft.treatments.values() if e.get("service") == service and e.get("kind") != "medication"]
    for entry in same:
        if date is not None and date.day is not None and entry.get("date") == date:
            return str(entry["name"])
        if overlaps_evidence(entry, ev):
            return str(entry["name"])
    if alone and len(same) == 1 and (date is None or same[0].get("date") is None) and not same[0].get("sessions") \
            and not any(e is not None and _SEVERAL_BEFORE.search(e.quote) for e in same[0]["evidence"]):
        return str(same[0]["name"])  # "after cervical epidural" and "a C6-7 interlaminar ESI on 09/14/2023": one injection
    return None


#: Where the words of a relief begin, before its number: "(<30% relief", ", less than 20% relief".
_RELIEF_OPENS = re.compile(r"[(,;:]\s*|\b(?=(?:less\s+than|under|below)\b)|<\s*", _I)


def _relief_effect(near: str, relief: re.Match[str] | None, service: str) -> str:
    """The effect of an injection told with its relief: improved, unless the relief was too small to matter ("20%
    relief", "<30% relief") or brief ("20% relief for one week", "80% for 2 days"; not for a diagnostic block,
    whose relief is brief by design); unknown when no relief is told."""
    if relief is None:
        return "unknown"
    pct = _relief_percent(relief)
    if pct is not None and float(pct) < 30:
        return "no_improvement"  # below a meaningful change (prior_courses._LOW_RELIEF)
    stop = _CLAUSE_STOP.search(near, relief.end())
    opens = [m.start() for m in _RELIEF_OPENS.finditer(near, max(0, relief.start() - 15), relief.start() + 1)]
    told = near[opens[-1] if opens else relief.start() : stop.start() if stop else len(near)]
    brief_fails = service not in BRIEF_BY_DESIGN
    return "no_improvement" if course_effect(told, brief_fails=brief_fails) == "no_improvement" else "improved"


def _relief_percent(relief: re.Match[str] | None) -> str | None:
    """The relief a match states, in percent: told as such, or from the pain before and after ("8/10 to 3/10": 62)."""
    if relief is None:
        return None
    found = relief.groupdict()
    for a, b in (("a", "b"), ("a2", "b2"), ("a3", "b3")):
        if found.get(a) is not None:
            before, after = int(found[a]), int(found[b])
            if not 0 < before <= 10 or after > 10:
                return None
            return str(round(100 * max(0, before - after) / before, 1))  # no lower, or higher: no relief
    return found.get("pct") or found.get("pct2") or found.get("pct3")


def _outcome_sentences(sentences: list[Sentence], n: int, ctx: Context | None = None) -> list[Sentence]:
    """The procedure's sentence and the next ones of the same section, where its outcome is told; not past a sentence
    telling another dated injection ("She had a cervical ESI on 06/10/2016 with 60% relief" tells that one's)."""
    told = [sentences[n]]
    for t in sentences[n + 1 : n + _OUTCOME_SENTENCES]:
        if t.section != sentences[n].section or t.source != sentences[n].source:
            break
        if ctx is not None and find_dates(t.text) and any(
                _INJECTION_CLASSES & set(ctx.vocab.service_info(m.key).classes) for m in ctx.vocab.mentions(t.text, ("service",))):
            break
        told.append(t)
    return told


def medication_reduced(told: list[Sentence]) -> bool:
    """Less medication told after a procedure whose relief is reported: its relief came with reduced use."""
    for t in told:
        for m in _MEDS_REDUCED.finditer(t.text):
            if polarity(t.text, m.start(), m.end()) == "affirmed" and not m.group(0).lower().startswith("no "):
                return True
    return False


def _weeks(m: re.Match[str]) -> float:
    n, unit = (m.group("n"), m.group("unit")) if m.group("n") is not None else (m.group("n2"), m.group("unit2"))
    value = parse_number(n) or 0.0
    return value * 4.3 if unit.lower().startswith("mo") else value


def read_studies(sentences: list[Sentence], ctx: Context) -> None:
    """Studies a note reports with their findings: "MRI lumbar spine 06/02/2015: L5-S1 extrusion ... S1 root".

    A study is taken where the sentence starts with it (or reports it: "MRI showed ...") and
    is not planned; its findings decide whether it corroborates radiculopathy.
    """
    for n, s in enumerate(sentences):
        hit = ctx.vocab.identify(s.text, ("service",), end=40)
        if hit is None or hit.start > 12 or hit.key not in _IMAGING:
            continue
        after = _CLAUSE_STOP.split(s.text[hit.end : hit.end + 25], maxsplit=1)[0]  # "EMG pending." as "EMG pending"
        if (s.section == "plan" or _STUDY_PLANNED.search(s.text[: hit.start]) or _STUDY_PLANNED.search(after + " $")) \
                and not _STUDY_RESULT.search(s.text, hit.end, hit.end + 120):
            continue  # ordered or pending, unless its result is told: "Lumbar MRI (ordered 1/2016) showed ..."
        if polarity(s.text, hit.start, hit.end) in ("negated", "undocumented", "hedged"):
            continue
        if _named_only(s.text[hit.end :]) and not find_dates(s.text):
            continue  # "1. MRI L knee w/o contrast": a request's line, no study told as done
        head = s.text[hit.start : hit.end + 60]
        dates = find_dates(head)
        regions = regions_in(head)
        region, date = regions[0] if regions else None, dates[0].date if dates else None
        below = _findings_below(sentences, n, ctx)
        ctx.draft.imaging_study(_IMAGING[hit.key], region, date, s.evidence(), _corroborates(s.text[hit.end :]))
        if below is not None:
            ctx.draft.imaging_study(_IMAGING[hit.key], region, date, below.evidence(), _corroborates(below.text))


#: Words that may follow a study's name in a line that only names it: its side, contrast and views.
_STUDY_NAME_WORDS = frozenset({
    "of", "the", "left", "right", "bilateral", "bilat", "l", "r", "lt", "rt", "b/l", "with", "without", "w/o", "wo", "w",
    "and", "contrast", "gadolinium", "gad", "non-contrast", "noncontrast", "views", "view", "spine",
    # an RFA line's billing code and quantity: "(CPT 73221) -- x1", "72131, qty 1" (session 22)
    "cpt", "hcpcs", "qty", "quantity", "x",
})


def _named_only(rest: str) -> bool:
    """Whether what follows a study's name is only its region, side, contrast or views ("L knee w/o contrast", "R wrist
    3 views"): a study named, not told as done, which a date or a result would tell."""
    for word in re.findall(r"[A-Za-z][A-Za-z/-]*|\d+", rest):
        if word.isdigit() or word.lower() in _STUDY_NAME_WORDS or regions_in(word):
            continue
        return False
    return True


def _corroborates(findings: str) -> str:
    """Whether a study's findings show a nerve root compromised ("yes"), spared ("no"), or say neither."""
    root = _ROOT_FINDING.search(findings)
    if root and polarity(findings, *root.span()) == "affirmed":
        return "yes"
    return "no" if _NO_ROOT_FINDING.search(findings) else "unknown"


def _findings_below(sentences: list[Sentence], n: int, ctx: Context) -> Sentence | None:
    """The findings a study's title line introduces ("MRI L-spine w/wo contrast, 5/30/23:" over "At L4-5 ..."): the
    next sentence of the same part, unless it opens another study."""
    if not sentences[n].text.rstrip().endswith(":") or n + 1 >= len(sentences):
        return None
    below = sentences[n + 1]
    if below.section != sentences[n].section:
        return None
    other = ctx.vocab.identify(below.text, ("service",), end=40)
    return None if other is not None and other.start <= 12 and other.key in _IMAGING else below


#: A result line: the service, its provider or date in parentheses or after a dash, then a colon and what it found:
#: "Psych evaluation for SCS (Dr. N. Ibarra, PhD, 2/24/2016): ... cleared for SCS trial".
_RESULT_COLON = re.compile(r"^[^:;]{0,100}?\s*:\s*\S")


#: Days a trial or course ran, the year given once: "2/5-2/12/2024", "3/1 - 3/8/19".
_DATE_RANGE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}\s*-\s*\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])")


#: Words after "RFA" in a header line that make it the Request for Authorization form, dated and sent, not an ablation.
_FORM_HEADER = re.compile(r"\b(?:dated?|rec'?d|received|submitted|signed|request(?:ing|ed)?)\b", _I)


def read_dated_results(sentences: list[Sentence], ctx: Context) -> None:
    """Evaluations and procedures reported by their date and result, as a line of their own, are care already given."""
    for s in sentences:
        if s.section == "plan" or ":" not in s.text or not _RESULT_COLON.match(s.text):
            continue
        head = s.text[: s.text.find(":")]
        if not any(not d.bare_year for d in find_dates(head)) and not _DATE_RANGE.search(head):
            continue  # dated in any form ("2/24/2016", "February 24, 2016", "2/5-2/12/2024"), else not a result line
        hit = ctx.vocab.identify(s.text, ("service",), end=60)
        if hit is None or hit.start > 3 or hit.key in _IMAGING or planned(s.text, hit.start, hit.end):
            continue
        if s.text[hit.start : hit.end].lower() == "pt" and names_the_patient(s.text, hit.end):
            continue  # "Pt [name] 38 F  DOI 1/9/2019  Employer: ...": the patient's particulars
        if s.text[hit.start : hit.end] == "RFA" and _FORM_HEADER.search(head, hit.end):
            continue  # "RFA date 11/05/2019 | Requesting: ...": the Request for Authorization's header (session 22)
        service = ctx.vocab.service_info(hit.key)
        if service.kind not in ("diagnostic", "procedure", "therapy", "program") or "drug_testing" in service.classes:
            continue  # a drug screen's result is monitoring, read as such
        dates = find_dates(s.text[: s.text.find(":") + 1], years=False)
        kind = _KIND_BY_SERVICE.get(service.name) or next(
            (_KIND_BY_CLASS[c] for c in service.classes if c in _KIND_BY_CLASS), "other"
        )
        ctx.draft.treatment(s.text[hit.start : hit.end], kind, service.name, "unknown", s.evidence(hit.start, s.text.find(":")),
                            date=dates[0].date if dates else None)


def read_history(sentences: list[Sentence], ctx: Context) -> None:
    """Treatment and surgical history: each sentence's patterns are asked once for all (`shut`)."""
    header: tuple[int, FuzzyDate] | None = None  # an operative report's day, and the sentence that gave it
    for n, s in enumerate(sentences):
        day = _operation_day(s) if s.section != "plan" else None
        if day is not None:
            header = (n, day)
        elif header is not None and n - header[0] > _OPERATION_DAY_REACH:
            header = None
        dead = shut(_HISTORY_ASKS, s.text)
        floor = 0
        for lead in () if id(_TX_LEAD) in dead else finditer(_TX_LEAD, s.text):
            begin, floor = lead_start(s.text, lead, floor), lead.end()
            if _PLANNED.search(s.text[max(0, begin - 30) : begin]) or _CONDITION_BEFORE.search(s.text[max(0, begin - 25) : begin]):
                continue  # (a result set as the plan's condition: "If no improvement with PT, consider ESI")
            if s.section == "plan" and re.search(r"trial\s+of\s+$", lead.group(0), _I):
                continue  # "Initial trial of acupuncture, 6 visits:" in the plan is the request
            effect = "no_improvement" if lead.group("failed") else _effect(lead.group("effect"), lead.group("plain") is None)
            for start, end in list_items(s.text, lead.end()):
                _history_item(s, ctx, lead, begin, start, end, effect)
        for lead in () if id(_STATUS_POST) in dead else finditer(_STATUS_POST, s.text):
            if _PLANNED.search(s.text[max(0, lead.start() - 30) : lead.start()]):
                continue
            procedures = _procedures(s.text, list_items(s.text, lead.end()))
            shared = _operation_date(s.text, procedures)
            for start, end in procedures:
                if _SURGERY_WORD.search(s.text[start:end]):
                    _surgery(s, ctx, s.text[start:end], start, end, shared)
        for lead in () if id(_RELATIVE_POST) in dead else finditer(_RELATIVE_POST, s.text):  # "POD 3 s/p R knee arthroscopy", "6 weeks after the repair"
            if not _relative_told_now(s.text, lead):
                continue
            when = _days_before_visit(s, ctx, lead)
            for start, end in _procedures(s.text, list_items(s.text, lead.end()))[:1]:
                if _SURGERY_WORD.search(s.text[start:end]):
                    _surgery(s, ctx, s.text[start:end], start, end, when)
        for m in finditer(_SURGERY_FIELD, s.text):
            _surgery_field(s, ctx, m, header[1] if header is not None and s.section != "plan" else None)
        opening = _DATED_OPERATION.match(s.text) if s.section != "plan" else None
        if opening and not _TOLD_WITH_LEAD.search(opening.group()) and not _NOT_OPERATED.search(opening.group()) \
                and polarity(s.text, 0, opening.end()) == "affirmed" \
                and not planned(s.text, 0, opening.end()) \
                and not planned(s.text, list(_SURGERY_WORD.finditer(opening.group()))[-1].start(), opening.end()):
            # "She will have an ACL reconstruction on 05/01/2016" opens with the plan's words, before the operation
            _surgery(s, ctx, opening.group(), 0, opening.end())
        if s.section != "plan":
            _injected(s, ctx)
            _operation_performed(s, ctx)
            _had_operation(s, ctx)
        for m in () if id(_POST_SYNDROME) in dead else finditer(_POST_SYNDROME, s.text):
            region = m.group("before") or m.group("after")
            name = f"{region.lower()} {m.group('proc').lower()}" if region else m.group("proc").lower()
            regions = regions_in(region) if region else []
            ctx.draft.surgery(name, regions[0] if regions else None, None, s.evidence(m.start(), m.end()))
        for m in () if id(_PROVIDER_HELPED) in dead else finditer(_PROVIDER_HELPED, s.text):
            who = " ".join(m.group("who").lower().split())
            ctx.draft.treatment(who, _PROVIDER_KIND[who], None, "improved", s.evidence(m.start("who"), m.end()))


#: How long ago the operation was, told before it: "POD 3 s/p", "post-op day 10 after", "6 weeks s/p", "2 wks status post",
#: "three months after", "is 10 days post-op from" (the postsurgical period counts from the day it gives).
_RELATIVE_POST = re.compile(
    rf"\b(?:(?:POD|post-?op(?:erative)?\s+day)\s*#?\s*(?P<pod>\d{{1,3}})"
    rf"|(?P<n>\d{{1,3}}|{NUMBER})\s*-?\s*(?P<unit>days?|d|weeks?|wks?|wk|months?|mos?)\s*(?:post-?op(?:eratively)?|out)?)"
    r"\s*,?\s*(?:s/p|status\s+post|after|following|from|post)\s+(?:(?:a|an|the|his|her)\s+)?",
    _I,
)


#: Where "N weeks after the operation" tells the worker's time since it, not a plan's: the worker now, or the sentence's start.
_NOW_BEFORE = re.compile(r"(?:^|\b(?:is|now|currently|today|pt|patient|he|she|he's|she's|am)\s+(?:now\s+|currently\s+)?)$", _I)
_CONNECTOR_PAST = re.compile(r"\b(?:s/p|status\s+post)\b|\bpost\s*$|^(?:POD|post)", _I)


def _relative_told_now(text: str, lead: re.Match[str]) -> bool:
    """The span is the time since the operation: "POD 3", "6 wks s/p", "is 10 days post-op from"; not a plan's
    "return to work expected 6 weeks after the repair"."""
    if planned(text, lead.start(), lead.end()):
        return False
    said = lead.group()
    if _CONNECTOR_PAST.search(said) or re.search(r"post-?op|\bout\b", said, _I):
        return True
    return bool(_NOW_BEFORE.search(text[max(0, lead.start() - 20) : lead.start()].rstrip() + (" " if lead.start() else "")))


def _days_before_visit(s: Sentence, ctx: Context, lead: re.Match[str]) -> FuzzyDate | None:
    """The day an operation told as "POD 3" or "6 weeks s/p" was done, counted back from the visit; a month for months."""
    dates = ctx.dates_of(s)
    visit = dates[0] if dates else ctx.latest_report
    if visit is None or visit.day is None:
        return None
    if lead.group("pod") is not None:
        days = int(lead.group("pod"))
    else:
        n = parse_number(lead.group("n"))
        unit = lead.group("unit").lower()
        if n is None:
            return None
        if unit.startswith("mo"):
            back = visit.latest() - dt.timedelta(days=round(30.44 * n))
            return FuzzyDate(back.year, back.month)
        days = round(n * (7 if unit.startswith("w") else 1))
    if days > 3 * 365:
        return None
    return FuzzyDate.parse(visit.latest() - dt.timedelta(days=days))


#: An operation told with the day it was done, anywhere in a sentence (round cover10): "R TKA performed 4/15/2013
#: (authorized)", "Post-op L knee - ACL recon (BTB autograft) 08/29/2019", "rotator cuff repair done on 3/2/2020".
#: A day written with the month's name (session 16): "January 6, 2010", "Sept. 14, 2015", "March 9 2015".
_NAMED_DAY = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b")
#: A day however a note writes it, the day it opens with read by `find_dates`: "12/18/18", "12-18-2018", "2018-12-18",
#: "18-Dec-2018" or with the month's name.
_A_DAY = (
    r"(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|(?:19|20)\d{2}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}-(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
    r"|nov|dec)[a-z]*-\d{2,4}|" + _NAMED_DAY + ")"
)
#: Room enough after an operation's name for its day, either way it is written ("(02/01/2018", " on September 16, 2010").
_DAY_WINDOW = 24
_OPERATION_PERFORMED = re.compile(
    rf"(?P<what>(?:[\w/-]+\s+){{0,4}}?(?:{_SURGICAL}|recon))\b"
    r"(?:\s*\([^()]{1,40}\)|\s+(?:was\s+|were\s+)?(?:performed|done)(?:\s+on)?)\s*,?\s*(?=" + _A_DAY + ")",
    _I,
)


#: An operation the worker "had", with its day when told: "She had a left knee arthroscopy on 2/2/2016", "has had a
#: right CTR (1/5/16)", "He had L4-5 fusion in 03/2015". Talk about an operation ("had a discussion about fusion",
#: "had a surgical consult") is none.
_HAD_OPERATION = re.compile(
    rf"\b(?:had|has\s+had|got)\s+(?:(?:a|an|the|his|her)\s+)?(?P<what>(?:(?!(?:discussion|consult\w*|evaluation|opinion"
    rf"|referral|recommendation|request|candidate|appointment|date|surgeon|no|not)\b)[\w/-]+\s+){{0,5}}?{_SURGICAL})\b"
    r"(?:\s*(?:on|in|dated)?\s*[(,]?\s*(?=\d{1,2}/|" + _A_DAY + "))?",
    _I,
)


def _had_operation(s: Sentence, ctx: Context) -> None:
    """An operation told as one the worker had: the postsurgical course counts from its day when the line gives one."""
    for m in finditer(_HAD_OPERATION, s.text):
        if polarity(s.text, m.start("what"), m.end()) != "affirmed" or planned(s.text, m.start(), m.end()):
            continue
        dates = find_dates(s.text[m.end() : m.end() + _DAY_WINDOW])
        date = dates[0].date if dates and dates[0].start == 0 else None
        name = m.group("what").strip(" -")
        ctx.draft.surgery(name, _first_region(name), date, s.evidence(m.start("what"), m.end() + (dates[0].end if date else 0)))


def _operation_performed(s: Sentence, ctx: Context) -> None:
    """An operation dated by the day it was done: the postsurgical course counts from it."""
    for m in finditer(_OPERATION_PERFORMED, s.text):
        if polarity(s.text, m.start("what"), m.end()) != "affirmed" or planned(s.text, m.start("what"), m.end()):
            continue
        dates = find_dates(s.text[m.end() : m.end() + _DAY_WINDOW])
        if not dates or dates[0].start != 0:
            continue
        name = m.group("what").strip(" -")
        ctx.draft.surgery(name, _first_region(name), dates[0].date, s.evidence(m.start("what"), m.end() + dates[0].end))


#: A sentence that opens with an operation and its date: "Right shoulder rotator cuff repair on 01/10/2022."
_DATED_OPERATION = re.compile(
    rf"(?:[\w/-]+\s+){{0,5}}?{_SURGICAL}\b(?=\s*(?:on|in|dated)?\s*[(,]?\s*(?:\d{{1,2}}/|{_NAMED_DAY}))", _I)
#: A steroid injection told with the verb: "Injected twice (Kenalog 10 mg + lidocaine to A1 sheath 6/12/2018 and
#: 12/4/2018)", "was injected with Depo-Medrol x 1".
_INJECTED = re.compile(
    # or told by its number in a series, the drug beside it: "Inj #1 9/15 (Kenalog 10 + lido) - 6 wks relief"
    r"(?:\binjected\b|\binj(?:ection)?\.?\s*#\s*\d\b)(?:\s+(?P<times>twice|once|three\s+times|x\s*\d|\d\s+times))?[^.;]{0,60}?"
    r"\b(?:kenalog|triamcinolone|depo-?medrol|methylprednisolone|cortisone|corticosteroids?|steroids?|celestone|betamethasone"
    r"|dexamethasone)\b",
    _I,
)
_TIMES = {"once": 1, "twice": 2, "three times": 3}


def _injected(s: Sentence, ctx: Context) -> None:
    """A corticosteroid injection already given, told with the verb; how many times when said."""
    for m in finditer(_INJECTED, s.text):
        if polarity(s.text, m.start(), m.end()) != "affirmed" or planned(s.text, m.start(), m.end()):
            continue
        said = " ".join((m.group("times") or "").lower().split())
        times = _TIMES.get(said) or (int(re.sub(r"\D", "", said)) if re.search(r"\d", said) else None)
        ctx.draft.treatment("corticosteroid injection", "injection", "corticosteroid_injection", "unknown",
                            s.evidence(m.start(), m.end()), times)


#: Words that make the opening a clause of its own, read by the leads above ("Pt underwent ...", "s/p ...").
#: An opening that tells what became of a request for the operation, not the operation: "Utilization review denied the
#: surgery on December 19, 2011", "The carrier approved the fusion on 3/3/2015" (session 16).
_NOT_OPERATED = re.compile(
    r"\b(?:denied|denial|non-?certified|certified|approved|authori[sz]ed|requested|request|recommended|proposed|scheduled"
    r"|review|reviewed|appeal\w*|disputed)\b", _I)
_TOLD_WITH_LEAD = re.compile(r"\b(?:underwent|had|has|was|is|s/p|status\s+post|history\s+of|prior|previous|pt|patient)\b", _I)
#: A form's field naming the operation: "Surgery: R shoulder arthroscopic SAD, DCE, 2018-03-14" (up to the next field).
_SURGERY_FIELD = re.compile(
    r"(?:^|(?<=\s))(?:Surgery|Surgeries|SURGERY|Operation|OPERATION|Procedure|PROCEDURE|Surgical\s+history"
    r"|surgery|surgeries|operation|procedure|surgical\s+history)(?:\s+(?:performed|PERFORMED))?\s*:\s*"
    r"(?P<what>.+?)(?=\s+[A-Z][A-Za-z/ ]{1,20}:\s|$)"
)


#: An operative report's header, the day above the operation's own field: "DATE OF SURGERY: 04/10/2018",
#: "Date of operation: 1/22/16", "Surgery date: 2016-02-02" (the PROCEDURE line below names the operation).
_OPERATION_DAY_FIELD = re.compile(
    r"\b(?:date\s+of\s+(?:surgery|operation|procedure)|(?:surgery|operation|procedure)\s+date)\s*:\s*(?=\S)", _I
)
#: Sentences below the header within which the operation's field takes its day.
_OPERATION_DAY_REACH = 12


def _operation_day(s: Sentence) -> FuzzyDate | None:
    """The day an operative report's header gives, or None."""
    m = _OPERATION_DAY_FIELD.search(s.text)
    if m is None:
        return None
    dates = find_dates(s.text[m.end() : m.end() + 20])
    return dates[0].date if dates and dates[0].start == 0 else None


def _surgery_field(s: Sentence, ctx: Context, m: re.Match[str], day: FuzzyDate | None = None) -> None:
    """The operation a labelled field names, dated by the last date in it, else by the report's header *day*."""
    what = m.group("what").rstrip(" .;,")
    if not _SURGERY_WORD.search(what) and not _is_surgery(ctx, what):
        return
    if polarity(s.text, m.start("what"), m.end("what")) in ("negated", "undocumented", "hedged"):
        return
    dates = find_dates(what)
    date = dates[-1].date if dates else day
    name = what[: dates[-1].start].rstrip(" ,;(") if dates else what
    if dates and not name.strip(" -:"):  # the date first: "Surgery: 01/20/2016 R shoulder arthroscopy, rotator cuff repair"
        name = what[dates[-1].end :].strip(" ,;:-")
    ctx.draft.surgery(name, _first_region(name), date, s.evidence(m.start(), m.start("what") + len(what)))


def _is_surgery(ctx: Context, text: str) -> bool:
    found = ctx.vocab.identify(text, ("service",))
    return found is not None and "surgery" in ctx.vocab.service_info(found.key).classes


def _procedures(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """List items, with a bare surgical word joined to the procedure before it ("discectomy and fusion")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        bare = re.fullmatch(rf"(?:an?\s+)?{_SURGICAL}(?:\s+(?:in|on)\s+[\w ,/-]{{1,20}})?", text[start:end], _I)
        if out and bare and re.fullmatch(r"\s+and\s+", text[out[-1][1] : start], _I):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


_SESSIONS = re.compile(rf"^(?P<n>{NUMBER})\s+(?:sessions?|visits?|treatments?|injections?)\s+of\s+", _I)
#: The count before the course's name: "12 of 12 authorized PT sessions", "8 acupuncture treatments", "10 PT visits".
_SESSIONS_BEFORE = re.compile(
    rf"^(?:about\s+|approximately\s+)?(?P<n>{NUMBER})\s+(?:of\s+(?:\d+|{NUMBER})\s+)?(?:(?:authorized|approved|certified|prior|previous)\s+)?"
    r"(?P<name>(?:[\w/-]+\s+){0,3}?[\w/-]+?)\s+(?:sessions?|visits?|treatments?)\b",
    _I,
)
#: The count right after the name: "PT 12 visits (2016)", "chiropractic 6 sessions".
_SESSIONS_AFTER_NAME = re.compile(r"^(?P<name>[A-Za-z][\w/-]*(?:\s+[A-Za-z][\w/-]*){0,2}?)\s+(?P<n>\d{1,2})\s+(?:sessions?|visits?|treatments?)\b", _I)
#: The count after the name: "PT x 12", "chiropractic x6 visits".
_SESSIONS_TIMES = re.compile(r"\s+x\s*(?P<n>\d{1,2})(?:\s+(?:sessions?|visits?|treatments?))?\b", _I)
#: A count set aside after the treatment's name: "cognitive behavioral therapy (four individual sessions)".
_SESSIONS_ASIDE = re.compile(rf"\(\s*(?P<n>{NUMBER})\s+(?:\w+\s+)?(?:sessions?|visits?|treatments?)\s*\)", _I)
_ITEM_EFFECT = re.compile(
    r"\s+(?:(?P<no>without|with\s+no|with\s+minimal|with\s+little)|with(?:\s+\w+)?|and)\s+(?:\w+\s+)?(?:benefit|relief|improvement)$"
    r"|\s+(?:which|that)\s+(?P<helped>helped|did\s+not\s+help|failed)$",
    _I,
)


def _treatment_item(item: str) -> tuple[str, int | None, str]:
    """(name, sessions, effect) of a treatment item: "12 sessions of physical therapy without benefit"."""
    sessions = None
    if m := _SESSIONS.match(item):
        value = parse_number(m.group("n"))
        sessions = int(value) if value is not None and value == int(value) else None
        item = item[m.end() :]
    if sessions is None and (m := _SESSIONS_BEFORE.match(item)):
        value = parse_number(m.group("n"))
        if value is not None and value == int(value):
            sessions, item = int(value), m.group("name") + item[m.end() :]
    if sessions is None and (m := _SESSIONS_AFTER_NAME.match(item)):
        sessions, item = int(m.group("n")), m.group("name") + item[m.end() :]
    if sessions is None and (m := _SESSIONS_TIMES.search(item)):
        sessions, item = int(m.group("n")), item[: m.start()] + item[m.end() :]
    if sessions is None and (m := _SESSIONS_ASIDE.search(item)):
        value = parse_number(m.group("n"))
        sessions = int(value) if value is not None and value == int(value) else None
    effect = "unknown"
    if m := _ITEM_EFFECT.search(item):
        helped = (m.group("helped") or "").lower()
        effect = "no_improvement" if m.group("no") or helped.startswith(("did", "failed")) else "improved"
        item = item[: m.start()]
    return re.sub(r"\s*\([^)]*\)\s*$", "", item).strip(), sessions, effect


def _effect(word: str | None, benefit_phrase: bool) -> str:
    if not benefit_phrase:
        return "unknown"
    if word and word.lower() in ("no", "minimal", "little", "without"):
        return "no_improvement"
    return "improved"


def _history_item(
    s: Sentence, ctx: Context, lead: re.Match[str], begin: int, start: int, end: int, effect: str
) -> None:
    item = re.sub(r"^(?:a|an|the|her|his|also)\s+", "", s.text[start:end], flags=_I)
    offset = end - len(item)
    if not item or _words_besides_dates(item) > 8:  # an aside is not the name
        return
    first = start == lead.end()
    ev = s.evidence(begin if first else offset, end)
    if _MEDICATION_TX.match(item):
        ctx.draft.treatment(item, "medication", None, effect, ev)
        return
    if _SURGERY_WORD.search(item):
        _surgery(s, ctx, item, offset, end)
        return
    service = _service(ctx, item)
    if service is None or ("home_exercise" in service.classes and _HOME_PROGRAM.search(item)):
        return  # the worker's own home program is clinical.home_exercise_program, no course or device given
    if service.name in _IMAGING:
        dates = find_dates(item)
        regions = regions_in(item)
        ctx.draft.imaging_study(
            _IMAGING[service.name], regions[0] if regions else None, dates[0].date if dates else None, ev
        )
    elif service.kind in ("procedure", "therapy", "program", "dme", "supply"):
        name, sessions, own_effect = _treatment_item(item)
        kind = _KIND_BY_SERVICE.get(service.name) or next(
            (_KIND_BY_CLASS[c] for c in service.classes if c in _KIND_BY_CLASS), "other"
        )
        told = own_effect if own_effect != "unknown" else effect
        if (again := _told_again(ctx, service.name, name, sessions)) is not None:
            if again["effect"] == "unknown" and told != "unknown":
                again["effect"] = told
            add_evidence(again["evidence"], ev)
            return  # "care including 8 PT visits" after "finished 8 PT sessions": one course told twice
        ctx.draft.treatment(name, kind, service.name, told, ev, sessions)


def _told_again(ctx: Context, service: str, name: str, sessions: int | None) -> dict[str, Any] | None:
    """The course already read that a listed item names again under other words: the same service with the same count,
    or, told without a count, the one course of that service ("per PT note 4/15/16" after "8 PT sessions")."""
    if phrase_key(name) in ctx.draft.treatments:
        return None  # the same words: the draft joins them itself
    same = [e for e in ctx.draft.treatments.values() if e.get("service") == service and e.get("kind") != "medication"]
    if sessions is not None:
        return next((e for e in same if e.get("sessions") == sessions), None)
    return same[0] if len(same) == 1 else None


#: A home exercise program told as care had ("continues HEP daily", "home exercise program - minimal relief"), not a kit.
_HOME_PROGRAM = re.compile(r"(?-i:\bHEP\b)|\bhome\s+(?:exercise\s+|stretching\s+)?program\b|\bhome\s+exercises?\b", _I)


def _words_besides_dates(item: str) -> int:
    """Words of a listed item outside parentheses, a date counting as one ("January 30, 2018" as "1/30/18")."""
    for d in reversed(find_dates(item)):
        item = item[: d.start] + "DATE" + item[d.end :]
    return len(re.sub(r"\([^)]*\)", " ", item).split())


def _service(ctx: Context, item: str) -> ServiceInfo | None:
    """The vocabulary's service for an item; plural words are tried singular ("x-rays")."""
    found = ctx.vocab.identify(item)
    if found is None:
        singular = re.sub(r"(?<=[a-z])s\b", "", item, flags=_I)
        found = ctx.vocab.identify(singular)
    if found is None or found.category != "service":
        return None
    if is_the_patient(item[found.start : found.end]):
        return None  # "..., per pt no change"
    return ctx.vocab.service_info(found.key)


def _operation_date(text: str, procedures: list[tuple[int, int]]) -> FuzzyDate | None:
    """The date closing a list of the procedures of one operation: "s/p R knee arthroscopy, partial meniscectomy
    and chondroplasty 11/4/13", "status post ACDF C5-6 and C6-7 plate fixation on 1/4/2020".

    The last procedure's own date, when no other procedure of the list has one (each dated apart is its own
    operation: "s/p L4-5 fusion 2014, R TKA 2019") and none names another body region than the dated one.
    """
    if len(procedures) < 2:
        return None
    last = _dated(text[procedures[-1][0] : procedures[-1][1]]) or _dated(text[procedures[-1][1] : procedures[-1][1] + 20])
    if last is None or any(_dated(text[a:b]) for a, b in procedures[:-1]):
        return None
    regions = {r for a, b in procedures for r in regions_in(text[a:b])}
    return last[1] if len(regions) <= 1 else None


def _surgery(s: Sentence, ctx: Context, what: str, start: int, end: int, shared: FuzzyDate | None = None) -> None:
    """A surgery named by *what* (s.text[start:end]), dated by "in 2002" inside or right after it, else by the
    *shared* date of the operation whose procedures it is listed with."""
    if polarity(s.text, start, end) in ("negated", "undocumented"):
        return
    name = re.sub(r"^(?:a|an|the|prior|previous)\s+", "", what.strip(), flags=_I)
    date = None
    stop = end
    inside = _dated(name)
    if inside is not None:  # "an L4-5 fusion in 2014"
        name, date = name[: inside[0]], inside[1]
    else:
        after = _dated(s.text[end : end + _DAY_WINDOW])
        if after is not None and not s.text[end : end + after[0]].strip(" ,("):
            date, stop = after[1], end + after[2]
    ctx.draft.surgery(name.rstrip(" ,("), _first_region(name), date or shared, s.evidence(start, stop))


#: What may stand between a surgery's name and its date: "in", "on", "dated", or only "(" or "," ("L4-5
#: microdiscectomy (02/01/2018, Dr. X)", "ACDF C5-6 3/14/19").
_DATE_LEAD = re.compile(r"(?:\s*\b(?:in|on|dated)\s+|\s*[(,]\s*|\s+)$", _I)


def _dated(text: str) -> tuple[int, FuzzyDate, int] | None:
    """(where the words before the date start, the date, where the date ends) for a date set beside a name."""
    for d in find_dates(text):
        lead = _DATE_LEAD.search(text[: d.start])
        if lead or d.start == 0:
            return (lead.start() if lead else 0), d.date, d.end
    return None


def _first_region(name: str) -> str | None:
    regions = regions_in(name)
    return regions[0] if regions else None


def has_summary_drugs(ctx: Context) -> bool:
    return any(d.status == "current" for d in ctx.draft.drugs)


def drop_redundant_medication_treatment(ctx: Context) -> None:
    """'Treatment to date has included medications' adds nothing when current drugs are listed."""
    if has_summary_drugs(ctx):
        ctx.draft.treatments = {k: v for k, v in ctx.draft.treatments.items() if v["kind"] != "medication"}


#: A gain measured against the course of care: "could not at start of care", "at intake she did not leave the
#: house", "since starting therapy", "after the six sessions".
_AGAINST_CARE = re.compile(
    r"\b(?:start|beginning|onset|outset)\s+of\s+(?:care|treatment|therapy|the\s+program)\b|\b(?:at|since)\s+intake\b"
    r"|\bsince\s+(?:starting|beginning|(?:she|he)\s+(?:started|began))\b|\b(?:initial|first)\s+(?:visit|session|evaluation)\b"
    r"|\bafter\s+(?:the|these|those|her|his|\w+)\s+(?:sessions|visits|treatments)\b"
    r"|\b(?:during|over|with)\s+(?:the|this|her|his)\s+(?:initial\s+|first\s+)?(?:trial|course|program|sessions|visits)\b",
    _I,
)
#: Kinds of treatment given as a course of sessions, whose gains the rules weigh (not injections or drugs).
_COURSE_KINDS = {"physical_therapy", "chiropractic", "acupuncture", "psychological", "program", "modality"}


def read_course_gains(sentences: list[Sentence], ctx: Context) -> None:
    """A completed course credited with the objective gains a note reports of it.

    A progress report on a course (chiropractic, therapy, psychology) names the course and then
    measures the patient against its start ("could not at start of care", "at intake she did
    not leave the house"), or credits the course by name ("improving w/ CBT. Functional gains:
    ..."). The function reader has already found the gains; a gain measured against the start
    of care goes to the nearest course named before it, and a gain told in, or right after, a
    sentence naming a course's service goes to that course.
    """
    gains = [e for path in ("function.objective_improvement", "function.adl_improvement")
             for e in (ctx.draft.findings[path].yes if path in ctx.draft.findings else [])]
    courses = sorted(
        ((at, entry) for entry in ctx.draft.treatments.values() if entry["kind"] in _COURSE_KINDS
         for at in [next((e.start for e in entry["evidence"] if e.start is not None), None)] if at is not None),
        key=lambda pair: pair[0],
    )
    if not gains or not courses:
        return
    spans = [s.evidence() for s in sentences]
    for gain in gains:
        n = next((i for i, ev in enumerate(spans) if ev and ev.start is not None and ev.end is not None
                  and ev.start <= (gain.start if gain.start is not None else -1) < ev.end), None)
        if n is None:
            continue
        lead = _list_lead(sentences, n)
        if lead is not None and (_AGAINST_CARE.search(sentences[lead].text) or _SINCE_THEN.search(sentences[lead].text)):
            n = lead  # a list of gains under "Since then:" or "Since completing the sessions:"
        against = _AGAINST_CARE.search(sentences[n].text) or _SINCE_THEN.search(sentences[n].text)
        if against and _since_a_drug(ctx, sentences[n].text[against.end() : against.end() + 40]):
            continue  # "since starting tramadol she can walk 30 min": the drug's gain, not the course's
        if against:
            before = [entry for at, entry in courses if at <= (gain.start or 0)]
            credited = before[-1:]
        elif sentences[n].start in sentences[n].tm.rows:
            # a row of the report's own before-and-after table: the gain is the reported course's
            reported = {item.service for item in _continued_courses(sentences, ctx)}
            credited = [entry for _, entry in courses if entry.get("service") in reported]
        else:
            first = _above_measures(sentences, n)
            named = {_named_service(ctx, t.text) for t in sentences[max(0, first - 1) : n + 1]} - {None}
            credited = _nearest_courses([(at, entry) for at, entry in courses if entry.get("service") in named],
                                        gain.end if gain.end is not None else gain.start or 0)
        for entry in credited:
            if entry.get("functional_improvement", "unknown") == "unknown":
                entry["functional_improvement"] = "yes"
            if entry["effect"] == "unknown" and not _evaluation(ctx, entry):
                entry["effect"] = "improved"  # a course with measured gains helped (corpus README, "Key conventions")


def _evaluation(ctx: Context, entry: dict[str, Any]) -> bool:
    """Whether a course entry is an evaluation ("psychological evaluation for SCS"), which gains are not the effect of."""
    service = entry.get("service")
    return isinstance(service, str) and ctx.vocab.service_info(service).kind == "diagnostic"


#: A row of scores measured against the start: "PHQ-9: 19 -> 10", "PCS 44 -> 26", "Grip R 6 kg -> 12 kg".
_MEASURE_ROW = re.compile(r"^[^.]{0,60}?\d+(?:\.\d+)?\s*(?:%|kg|lbs?|min|deg)?\s*(?:->|→|=>|>)\s*\d+(?:\.\d+)?\s*\S{0,4}$")
#: How many rows of scores may stand between a course's line and the gains told after them.
_MEASURE_REACH = 8


def _above_measures(sentences: list[Sentence], n: int) -> int:
    """The first of the rows of scores right above sentence *n* (n itself when there are none): the course
    that the line above them names is the one the gains after them are told of."""
    first = n
    while first > 0 and n - first < _MEASURE_REACH and sentences[first - 1].section == sentences[n].section \
            and _MEASURE_ROW.match(sentences[first - 1].text.strip()):
        first -= 1
    return first


def _nearest_courses(found: list[tuple[int, dict[str, Any]]], at: int) -> list[dict[str, Any]]:
    """Per service, the course told last before a gain ("PT x 12 before surgery ... post-op PT x 6, flexion 90 -> 115"
    credits the post-operative course); a service with none before it keeps all of its courses."""
    out: list[dict[str, Any]] = []
    for service in dict.fromkeys(entry.get("service") for _, entry in found):
        mine = [(start, entry) for start, entry in found if entry.get("service") == service]
        before = [entry for start, entry in mine if start < at]
        out += before[-1:] if before else [entry for _, entry in mine]
    return out


#: "Since then:" after a course's sentence measures the gains that follow against that course.
_SINCE_THEN = re.compile(
    r"\bsince\s+(?:then|that\s+time|completing|finishing|completion|the\s+(?:last|final)\s+(?:session|visit|treatment))\b", _I
)
#: How far back a list's lead-in ("Since then:") may stand from an entry of the list.
_LIST_REACH = 6


def _list_lead(sentences: list[Sentence], n: int) -> int | None:
    """The sentence ending in a colon that a list entry hangs from, if the entry is one of a list."""
    for i in range(n - 1, max(-1, n - 1 - _LIST_REACH), -1):
        t = sentences[i]
        if t.section != sentences[n].section:
            return None
        if t.text.rstrip().endswith(":"):
            return i
        if t.text.rstrip().endswith("."):
            return None
    return None


def _since_a_drug(ctx: Context, following: str) -> bool:
    """Whether the words after "since starting" name a drug rather than a course of care."""
    head = " ".join(following.split()[:3])
    return bool(re.match(r"\s*(?:the\s+|his\s+|her\s+)?(?:medications?|meds|drug)\b", following, _I)) or (
        may_name_a_drug(head, ctx) and bool(drug_mentions(head, ctx))
    )


def _named_service(ctx: Context, text: str) -> str | None:
    found = ctx.vocab.identify(text, ("service",))
    return found.key if found else None


#: A course counted where it stands: "Visit: 12 of 12", "CBT session #4 of 4 authorized".
_VISIT_OF = re.compile(
    r"\b(?:visits?|sessions?|treatments?|tx|appointments?)(?:\s+(?:to\s+date|completed|attended|used))?\s*:?\s*#?\s*"
    r"(?P<n>\d{1,2})\s+(?:(?:used|completed|attended)\s+)?of\s+(?P<of>\d{1,2})\b"
    # a form's count without the course's size: "Visits completed: 8", "Visits used: 8"
    r"|\b(?:visits?|sessions?|treatments?)\s+(?:to\s+date|completed|attended|used)\s*:\s*(?P<done>\d{1,2})\b(?!\s*(?:of|/))"
    # a visit numbered in the therapist's own header: "Visit # 18", "Session no. 7", "Tx #9"
    r"|\b(?:visit|session|treatment|tx)\s*(?:#|no\.|number)\s*(?P<nth>\d{1,2})\b(?!\s*(?:of|/|-))",
    _I,
)
#: The title of a course's own report: "PHYSICAL THERAPY RE-EVALUATION", "Chiropractic progress report".
_COURSE_REPORT = re.compile(
    r"\b(?:re-?\s?eval(?:uation)?|progress\s+(?:report|note|summary)|daily\s+note|treatment\s+note|PR-?2|discharge\s+summary)\b", _I
)
#: A title is a short line.
_TITLE_CHARS = 70
#: A request for more of a course already under way: "12 additional PT visits", "CBT x 6 more sessions".
_MORE_OF = re.compile(r"\b(?:additional|more|continued|continuing|continue|further|extension|extend\w*|another)\b", _I)


def _continued_courses(sentences: list[Sentence], ctx: Context) -> list[RequestedItem]:
    """The requested course already under way: one asked for 'additional', else the one the note reports on."""
    return [item for item in ctx.items if item.service and _MORE_OF.search(item.text)] or _reported_course(sentences, ctx)


def _reported_course(sentences: list[Sentence], ctx: Context) -> list[RequestedItem]:
    """The requested course whose own report the note is ("PHYSICAL THERAPY RE-EVALUATION" for more PT)."""
    if not sentences:
        return []
    for line in line_texts(sentences[0].tm):  # titles and headings are lines, not sentences
        if len(line) <= _TITLE_CHARS and _COURSE_REPORT.search(line) and (named := _named_service(ctx, line)):
            return [item for item in ctx.items if item.service == named][:1]
    return []


def read_visit_counts(sentences: list[Sentence], ctx: Context) -> None:
    """Visits already given of a course the note asks to continue: "Visit 12 of 12" in a request for 12 more.

    The count names no service; it is the course of the request that asks for more of it, or
    of the requested course whose own report the note is (a therapist's re-evaluation), and
    is taken only when no other reading has counted that course's sessions.
    """
    more = _continued_courses(sentences, ctx)
    if not more:
        return
    service = ctx.vocab.service_info(more[0].service)  # type: ignore[arg-type]
    if service.kind not in ("therapy", "program") or any(
        t.get("service") == service.name and t.get("sessions") for t in ctx.draft.treatments.values()
    ):
        return
    for s in sentences:
        m = search(_VISIT_OF, s.text)
        done = m and (m.group("n") or m.group("done") or m.group("nth"))
        if m is None or not done or not 0 < int(done) <= int(m.group("of") or done):
            continue
        kind = _KIND_BY_SERVICE.get(service.name) or next(
            (_KIND_BY_CLASS[c] for c in service.classes if c in _KIND_BY_CLASS), "other"
        )
        ctx.draft.treatment(service.name.replace("_", " "), kind, service.name, "unknown", s.evidence(m.start(), m.end()),
                            int(done))
        return



#: What a course or device trial came to, said after its name: "TENS trial failed 4/2015", "PT/meds/HEP failed",
#: "TENS: 30-day home trial 4/2015 used daily - no change in pain".
_CAME_TO_NOTHING = re.compile(
    r"\b(?:failed(?!\s+back\s+(?:surgery|syndrome))|was\s+unsuccessful|did\s+not\s+help|didn'?t\s+help|not\s+(?:helpful|effective)"
    r"|(?:with\s+)?no\s+(?:benefit|relief|improvement)|without\s+(?:any\s+)?(?:benefit|relief|improvement))\b"
    # no change in the pain or the function, not in one measure: "no change in extension" says less
    r"|\bno\s+change\b(?!\s+in\s+(?!(?:(?:his|her|the)\s+)?(?:pain|function|symptoms)\b))",
    _I,
)
#: The same said before it: "Failed TENS trial in 2015", "failed a course of PT".
_FAILED_BEFORE = re.compile(r"\bfailed\s+(?:an?\s+|the\s+)?(?:course\s+of\s+|trial\s+of\s+)?$", _I)
#: A course counted right after its name: "PT 12 visits 2013-2014", "Chiro x 8 sessions".
_COUNT_AFTER = re.compile(
    r"^[\s:-]*(?:(?:in\s+)?\d{1,2}/(?:\d{4}|\d{2})\s*)?\(?\s*(?:x\s*)?(?P<n>\d{1,2})\s+(?:visits?|sessions?|treatments?)\b", _I
)  # "PT 12 visits", "Prior PT 10/2018 (8 visits) - improved"
#: Where what is said of a course ends: its clause, or the next course named.
_TRIAL_END = re.compile(r"[;]|\.\s|\.$|\b(?:but|however|although|then)\b", _I)
#: Care named together, one result for all: "PT/meds/HEP", "PT & chiro" ("PT and acupuncture without benefit" may
#: say it of the last alone, and is left to it).
_JOINED = re.compile(r"(?:\s*(?:/|&|\+|\bmeds\b|\bmedications\b|\bNSAIDs?\b)\s*)+", _I)
#: A cheap test for the words either reading needs, so most sentences are passed over at once.
_TRIAL_GATE = re.compile(
    r"fail|unsuccessful|not\s+(?:help|effective)|didn'?t\s+help|\bno\s+(?:change|benefit|relief|improvement)|without\s+"
    r"|\d\s+(?:visits?|sessions?|treatments?)\b",
    _I,
)
#: Visits only asked for, allowed or awaited, not had: "Chiropractic 8 visits pending authorization", "PT 12 visits requested".
_ASKED = re.compile(
    r"\b(?:pending|awaiting|requested|request|authori[sz]ed|approved|certified|denied|non-?certified|recommended|ordered"
    r"|planned|scheduled|prescribed)\b",
    _I,
)
#: Kinds of care a trial of which can be read this way (a home program or a drug cannot).
_TRIAL_KINDS = frozenset({"physical_therapy", "chiropractic", "acupuncture", "modality", "psychological", "program"})


#: "..., despite this he has failed to progress": what was told before it did not help.
_DESPITE = re.compile(r"\b(?:despite|in\s+spite\s+of)\s+(?:this|these|that|them|it|all\s+(?:of\s+)?(?:this|these|that))\b", _I)


def read_despite_care(sentences: list[Sentence], ctx: Context) -> None:
    """Courses told in a sentence that goes on "despite this ..." came to no improvement (a failed strengthening program)."""
    for n, s in enumerate(sentences):
        if s.section == "plan" or not (m := search(_DESPITE, s.text)):
            continue
        if polarity(s.text, m.start(), m.end()) != "affirmed":
            continue
        told = s if s.text[: m.start()].strip() or n == 0 else sentences[n - 1]  # "...; " + "despite this ..." on its own
        head = told.evidence(0, m.start() if told is s else None)
        if head is None or head.start is None or head.end is None:
            continue
        for entry in ctx.draft.treatments.values():
            if entry["kind"] in _COURSE_KINDS and entry["effect"] == "unknown" and any(
                    e is not None and e.start is not None and head.start <= e.start < head.end for e in entry["evidence"]):
                entry["effect"] = "no_improvement"


def read_service_trials(sentences: list[Sentence], ctx: Context) -> None:
    """Courses and device trials told by their name first, with their count or what they came to.

    Terse notes put the care first and its result after it ("TENS trial failed 4/2015", "PT 12
    visits 2013-2014: could not tolerate", "PT/meds/HEP failed"), with no lead phrase for
    `read_history`. A count is taken outside the plan only, and only for a course no other
    reading has counted; a failure marks the course no improvement.
    """
    for s in sentences:
        if not search(_TRIAL_GATE, s.text):
            continue  # no result and no count: nothing to read (most sentences)
        hits = ctx.vocab.mentions(s.text, ("service",))
        for n, hit in enumerate(hits):
            start, end = hit.start, hit.end
            service = ctx.vocab.service_info(hit.key)
            kind = _KIND_BY_SERVICE.get(service.name) or next(
                (_KIND_BY_CLASS[c] for c in service.classes if c in _KIND_BY_CLASS), "other"
            )
            if kind not in _TRIAL_KINDS or polarity(s.text, start, end) != "affirmed" or planned(s.text, start, end):
                continue
            if is_the_patient(s.text[start:end]):
                continue  # "chiro x 8, pt reports no change"
            if n and SETTING.search(s.text[hits[n - 1].end : start]):
                continue  # "tried TENS unit at physical therapy": where the care before it was given
            if PURPOSE_BEFORE.search(s.text[max(0, start - 40) : start]):
                continue  # "a candidate for a spinal cord stimulator trial ... after failed care": the step asked for
            stop = _TRIAL_END.search(s.text, end)
            following = hits[n + 1] if n + 1 < len(hits) else None  # the next name after this one
            if following is not None and _JOINED.fullmatch(s.text[end : following.start]):
                following = None  # "PT/meds/HEP failed": what is said of the last is said of all
            said = s.text[end : min(stop.start() if stop else len(s.text), following.start if following else len(s.text))]
            failed_before = bool(_FAILED_BEFORE.search(s.text[max(0, start - 30) : start]))
            if _CAME_TO_NOTHING.search(said) or failed_before:  # the care failed, whichever of its courses
                ctx.draft.finding("clinical.conservative_care_failed", "yes", s.evidence(start, end + len(said.rstrip(" ."))))
            if (second := AGAIN_COUNTED.search(said)) and "," in second.group("joined"):
                said = said[: second.start()]  # "(16 visits 2012, 8 visits 2022 - no change)": the result is the second's
            failed = bool(_CAME_TO_NOTHING.search(said) or failed_before)
            count = _COUNT_AFTER.match(said) if s.section != "plan" and not _ASKED.search(said) else None
            if count is not None and counts_the_list(s.text, hits, n):
                count = None  # "PT, chiro and acupuncture, 24 sessions total": the list's count, not this course's
            if not failed and count is None:
                continue
            known = [t for t in ctx.draft.treatments.values() if t.get("service") == service.name]
            if known:
                for entry in known:
                    if failed and entry["effect"] == "unknown":
                        entry["effect"] = "no_improvement"
                continue
            ev = s.evidence(start, end + (len(said.rstrip(" .")) if failed or count else 0))
            ctx.draft.treatment(service.name.replace("_", " "), kind, service.name, "no_improvement" if failed else "unknown",
                                ev, int(count.group("n")) if count else None)


#: The patterns `read_history` asks each sentence about, asked once for all (`shut`); one left out is only asked.
_HISTORY_ASKS = (_TX_LEAD, _STATUS_POST, _RELATIVE_POST, _POST_SYNDROME, _PROVIDER_HELPED)
