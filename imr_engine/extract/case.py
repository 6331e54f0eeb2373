"""From raw text to a draft case: run every reader in order over the parts of the letter.

Order matters and is fixed: dates first (pain ratings and durations are dated by the
note they come from), then the drug lists (start dates, requests and long-term use
refer to them), then everything else; the requests come from the item headings; the
rationales are read last, and only when asked, so a pre-check (which has none) reads
exactly what a default extraction reads.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from ..errors import ExtractionError, ImrError
from ..facts.fuzzy_date import FuzzyDate
from ..facts.model import CaseFacts, Evidence
from ..letter import ParsedLetter, parse_letter
from ..requests import parse_request
from ..textio import read_text_file
from ..vocabulary import Vocabulary, load_vocabulary
from ..vocabulary.in_use import reading_with, vocabulary_dir_in_use
from .bed_need import read_bed_need
from .care_failed import read_failed_courses
from .claimant import read_claimant
from .clinical import read_age_risk, read_clinical, read_localized_site, read_requested_surgery
from .conditions import read_conditions, read_diagnosis_section, read_neuropathic
from .context import Context
from .course_followup import read_followup_effects
from .course_lasting import read_temporary_relief
from .courses import read_course_timing
from .dates import find_dates
from .decisions import case_statements, read_item_rationale, read_prescribed
from .device_condition import read_device_condition
from .device_trial import read_trial_outcomes
from .draft import Draft
from .drug_use import read_drug_use
from .exam import read_exam
from .function import read_function
from .history import (
    drop_redundant_medication_treatment,
    read_course_gains,
    read_dated_results,
    read_despite_care,
    read_history,
    read_prior_injections,
    read_service_trials,
    read_studies,
    read_visit_counts,
)
from .injection_count import count_single_injections
from .intervention_plan import read_intervention_plan, read_intervention_requested_here
from .items import add_requests, read_purposes
from .letter_case import restore_capitals
from .medications import NOTE_LEADS, read_long_term, read_medication_lists, read_medication_section, read_start_dates
from .monitoring import read_monitoring, read_pain_assessment
from .negation import forget_answers
from .note_layout import note_sentences
from .ocr import repair
from .opioid_nausea import read_opioid_nausea
from .pain import rate_on_current_medication, read_pain
from .prior_courses import read_prior_courses
from .psych_clearance import read_psych_clearance
from .relief import read_stated_relief
from .sections import locate_parts
from .sentences import Sentence, split_sentences
from .subject import read_subject_conditions
from .surgery_authorized import read_operation_requested_here, read_surgery_authorized
from .tables import columned_rows, compared_rows
from .taper_plan import read_taper_plans
from .textmap import TextMap
from .timeline import read_timeline
from .treatment_conditions import read_treatment_conditions
from .treatment_regions import read_treatment_regions
from .typography import fold_text_map, fold_typography

MAX_CHARS = 2_000_000


def extract_case(
    letter: ParsedLetter | str,
    *,
    case_id: str | None = None,
    use_rationale: bool = False,
    source: str | None = None,
    vocabulary: Vocabulary | None = None,
) -> CaseFacts:
    """A draft case from a determination letter (raw text, or parsed with `source` naming its file).

    Every fact quotes the raw letter with offsets: raw[start:end] == quote. Facts only a
    decision rationale states are read only with *use_rationale*. *vocabulary*: the one of
    the rule directory in use (default: the bundled one).
    """
    with reading_with(vocabulary.directory if vocabulary is not None else None):
        return _extract_letter(letter, case_id, use_rationale, source)


def _extract_letter(letter: ParsedLetter | str, case_id: str | None, use_rationale: bool, source: str | None) -> CaseFacts:
    where = source or (letter.source if isinstance(letter, ParsedLetter) else None) or "<letter text>"
    raw, parsed = _raw_and_parsed(letter, source, where)
    tm = TextMap.build(raw)
    parts = locate_parts(tm, parsed)
    ident = case_id or _case_id(parsed, source)
    ctx = _context(ident, [item.request for item in parsed.items])
    ctx.draft.jurisdiction = parsed.jurisdiction
    summary = split_sentences(tm, parts.summary) if parts.summary else []
    _read_summary(summary, ctx)
    read_subject_conditions(summary, ctx)
    read_neuropathic(ctx)  # again, for the conditions just read (evidence already there is not added twice)
    _letter_dates(tm, parsed, ctx)
    headings = [tm.evidence(h.start, h.end, "request") if h else None for h in parts.headings]
    add_requests(ctx, [item.request for item in parsed.items], headings)
    read_purposes(ctx)
    if use_rationale:
        for index, segment in enumerate(parts.rationales):
            if segment is not None:
                _read_rationale(split_sentences(tm, segment), ctx, index)
    return _finish(ctx, where)


def extract_text(
    text: str, requests: list[str], *, case_id: str = "precheck", vocabulary: Vocabulary | None = None,
) -> CaseFacts:
    """A draft case from a free-text progress note and the request lines (no letter, no rationale).

    *vocabulary*: the one of the rule directory in use (default: the bundled one).
    """
    with reading_with(vocabulary.directory if vocabulary is not None else None):
        return _extract_note(text, requests, case_id)


def note_text_map(text: str, vocab: Vocabulary | None = None) -> TextMap:
    """A note's text as the reader reads it: typography folded, OCR repaired, capitals restored, table rows joined
    (the sections and sentences every fact is read from, so a layout test reads exactly what the reader does)."""
    vocab = vocab if vocab is not None else load_vocabulary(vocabulary_dir_in_use())
    tm = fold_text_map(repair(TextMap.build(text, rejoin_words=True), vocab))
    return columned_rows(compared_rows(restore_capitals(tm)))


def _extract_note(text: str, requests: list[str], case_id: str) -> CaseFacts:
    _check_text(text, "<note text>")
    lines = [" ".join(fold_typography(str(r)).split()) for r in requests]
    lines = [r for r in lines if r]
    if not lines:
        raise ExtractionError("no request lines given: a case needs at least one requested item", source="<requests>")
    ctx = _context(case_id, lines)
    ctx.note = True
    tm = note_text_map(text, ctx.vocab)
    sentences = note_sentences(tm)
    _read_summary(sentences, ctx)
    evidence: list[Evidence | None] = []
    for line in lines:
        at = tm.find(line)
        found = tm.evidence(at, at + len(line), "request") if at >= 0 else None
        evidence.append(found if found else Evidence(quote=line, source="request"))
    add_requests(ctx, lines, evidence)
    read_purposes(ctx)
    read_taper_plans(sentences, ctx)
    read_operation_requested_here(ctx)
    read_intervention_requested_here(ctx)
    _latest_date_anywhere(tm, ctx)
    return _finish(ctx, "<note text>")


_COVER_UR_DATE = re.compile(r"UR\s+Denial\s+Date\s*:\s*\S+", re.IGNORECASE)
#: Outside the summary a letter names the UR decision it reviews: "disputing the Utilization
#: Review Denial dated 8/30/2013", "Utilization Review determination dated February 16, 2011"
#: (the documents reviewed). The date follows within a few words.
_UR_DECISION_DATED = re.compile(
    r"\b(?:utilization\s+review|(?-i:UR))\s+(?:denial|determination|decision|non-?certification|modification)"
    r"(?:\s+letters?)?\s+(?:dated|of|issued(?:\s+on)?|on)\s+",
    re.IGNORECASE,
)


def _letter_dates(tm: TextMap, parsed: ParsedLetter, ctx: Context) -> None:
    """Dates outside the summary: the cover's UR denial date, else the latest full date anywhere in the letter.

    The summary is read first; these only fill what it left empty, so a letter whose
    summary names its dates reads exactly as before.
    """
    draft = ctx.draft
    if draft.ur_decision is None and parsed.ur_denial_date is not None:
        m = _COVER_UR_DATE.search(tm.text)
        ev = tm.evidence(m.start(), m.end(), "summary") if m else None
        draft.ur_decision = (FuzzyDate(*parsed.ur_denial_date.timetuple()[:3]), [ev] if ev else [])
    if draft.ur_decision is None:
        draft.ur_decision = _ur_decision_named(tm)
    _latest_date_anywhere(tm, ctx)


def _latest_date_anywhere(tm: TextMap, ctx: Context) -> None:
    """The as-of date of last resort where the reading found no dated UR decision, report or sentence: the
    latest full date anywhere in the text, a heading's or a signature block's included, so that a text with a date
    is never refused for want of one (the answer warns that it is a guess)."""
    draft = ctx.draft
    if draft.ur_decision is None and not draft.report_dates and draft.latest_mentioned is None:
        found = [d for d in find_dates(tm.text, years=False) if d.date.day is not None]
        if found:
            latest = max(found, key=lambda d: d.date.earliest())
            ev = tm.evidence(latest.start, latest.end, "summary")
            draft.latest_mentioned = (latest.date, [ev] if ev else [])


def _ur_decision_named(tm: TextMap) -> tuple[FuzzyDate, list[Evidence]] | None:
    """The first UR decision the letter names with its full date ("... Denial dated 8/30/2013")."""
    for m in _UR_DECISION_DATED.finditer(tm.text):
        found = find_dates(tm.text[m.end() : m.end() + 40], years=False)
        if found and found[0].start == 0 and found[0].date.day is not None:
            ev = tm.evidence(m.start(), m.end() + found[0].end, "summary")
            return found[0].date, [ev] if ev else []
    return None


def _read_summary(sentences: list[Sentence], ctx: Context) -> None:
    read_timeline(sentences, ctx)
    read_claimant(sentences, ctx)
    read_medication_lists(sentences, ctx)
    read_medication_section(sentences, ctx)
    read_medication_lists(sentences, ctx, NOTE_LEADS)
    read_drug_use(sentences, ctx)
    read_start_dates(sentences, ctx)
    read_conditions(sentences, ctx)
    read_diagnosis_section(sentences, ctx)
    read_history(sentences, ctx)
    read_studies(sentences, ctx)
    read_prior_injections(sentences, ctx)
    read_dated_results(sentences, ctx)
    read_visit_counts(sentences, ctx)
    read_service_trials(sentences, ctx)
    read_prior_courses(sentences, ctx)
    read_psych_clearance(sentences, ctx)
    read_course_timing(sentences, ctx)
    read_followup_effects(sentences, ctx)  # after every reader that finds a course in its own sentence
    read_despite_care(sentences, ctx)
    read_stated_relief(sentences, ctx)
    read_pain(sentences, ctx)
    read_exam(sentences, ctx)
    read_function(sentences, ctx)
    read_course_gains(sentences, ctx)
    read_trial_outcomes(sentences, ctx)  # after the function reader: a trial credited with the gains its log reports
    read_monitoring(sentences, ctx)
    read_pain_assessment(sentences, ctx)
    read_clinical(sentences, ctx)
    read_intervention_plan(sentences, ctx)
    read_device_condition(sentences, ctx)
    read_bed_need(sentences, ctx)
    read_surgery_authorized(sentences, ctx)
    for s in sentences:
        read_long_term(s, ctx, None)
    drop_redundant_medication_treatment(ctx)
    rate_on_current_medication(ctx, sentences)  # after every reader of drugs and ratings
    read_requested_surgery(ctx)  # after every reader of surgical candidacy
    read_treatment_regions(sentences, ctx)  # after every reader that finds or quotes a treatment
    read_treatment_conditions(sentences, ctx)
    read_temporary_relief(sentences, ctx)  # after every reader that finds or quotes a course
    count_single_injections(sentences, ctx)  # after every reader that counts a course
    read_failed_courses(ctx)  # after every reader of a course's effect and of its relief's end
    read_neuropathic(ctx)
    read_localized_site(ctx)  # after every reader of diagnoses and of localized pain
    read_age_risk(ctx)
    read_opioid_nausea(sentences, ctx)  # after every reader of drugs


def _read_rationale(sentences: list[Sentence], ctx: Context, index: int) -> None:
    about_case = case_statements(sentences)
    read_prescribed(about_case, ctx)
    read_start_dates(about_case, ctx)
    read_item_rationale(about_case, ctx, index, ctx.items[index])
    read_stated_relief(about_case, ctx)
    read_pain(about_case, ctx)
    read_exam(about_case, ctx)
    read_function(about_case, ctx)
    read_monitoring(about_case, ctx)
    read_clinical(about_case, ctx)


def _context(case_id: str, requests: list[str]) -> Context:
    forget_answers()  # each text's own repeats only: a corpus of like letters is not read faster for their likeness
    vocab = load_vocabulary(vocabulary_dir_in_use())
    ctx = Context(Draft(case_id), vocab)
    ctx.items = [parse_request(r, vocab) for r in requests]
    return ctx


def _finish(ctx: Context, where: str) -> CaseFacts:
    try:
        return ctx.draft.to_case()
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise ExtractionError(f"the draft case does not validate at {loc}: {first['msg']}", source=where) from None


def _raw_and_parsed(letter: ParsedLetter | str, source: str | None, where: str) -> tuple[str, ParsedLetter]:
    if isinstance(letter, ParsedLetter):
        raw = _raw_of(letter)
        _check_text(raw, where)
        return raw, letter
    if not isinstance(letter, str):
        raise ExtractionError(f"expected letter text or a parsed letter, got {type(letter).__name__}", source=where)
    _check_text(letter, where)
    return letter, parse_letter(letter, source=source)


def _raw_of(letter: ParsedLetter) -> str:
    """The raw text behind a parsed letter: the text it was parsed from, else its file, else its parts as text.

    Without either, offsets refer to that reconstruction (summary, then each item's
    heading and rationale), which is what the parsed letter holds.
    """
    if letter.text:
        return letter.text
    if letter.source and Path(letter.source).is_file():
        try:
            return read_text_file(letter.source)
        except ImrError:
            pass
    blocks = [letter.summary] + [f"{i.request}: {i.decision}\n\n{i.rationale}" for i in letter.items]
    return "\n\n".join(b for b in blocks if b)


def _check_text(text: str, where: str) -> None:
    if not text.strip():
        raise ExtractionError("text is empty", source=where)
    if "\x00" in text:
        raise ExtractionError("binary text (contains NUL characters), expected prose", source=where)
    if len(text) > MAX_CHARS:
        raise ExtractionError(f"text is too long ({len(text)} characters; at most {MAX_CHARS})", source=where)


def _case_id(letter: ParsedLetter, source: str | None) -> str:
    if letter.case_number:
        return letter.case_number
    if source:
        path = Path(source)
        return path.parent.name if path.stem == "letter" and path.parent.name else path.stem or "letter"
    return "letter"
