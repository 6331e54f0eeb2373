"""The line structure of a progress note: headings, sections, labelled fields and list lines.

Letters are prose; notes are forms. A PR-2 or SOAP note puts one fact per line
("DOS: 4/7/16", "2. Tramadol 50 mg 1 PO q6h prn #120") and heads its parts
("OBJECTIVE FINDINGS:", "A:"). Read as flowing prose those lines run together into
one "sentence" and facts leak across them, so notes are cut into sentences at the
line breaks the layout means, and every sentence knows the section it stands in
(headings from `rules/vocabulary/note_sections.yaml`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from ..vocabulary.in_use import vocabulary_dir_in_use
from .letter_case import upper_case_note
from .sections import Segment
from .sentences import Sentence, no_sentence_end, split_sentences
from .textmap import TextMap

#: A letter's closing ("Sincerely,", "Please reconsider.") or a signature with credentials ("Ian Whitcombe, MD,
#: Hand Surgery", "- C. Nguyen, PsyD"): what follows is the writer's name and office, no part of the section above.
_CLOSING = re.compile(
    r"^(?:sincerely|respectfully(?:\s+submitted)?|(?:best\s+|kind\s+|warm\s+)?regards|yours\s+(?:truly|sincerely)|cordially"
    r"|please\s+reconsider|electronically\s+signed(?:\s+by)?)\b[\s,.:]*$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(
    r"^[-–\s]*(?:Dr\.?\s+)?[\[\]\w.' -]{2,40},\s*(?:MD|M\.D\.|DO|D\.O\.|PA-C|NP|FNP(?:-[A-Z]+)?|PhD|Ph\.D\.|PsyD|DC|D\.C\."
    r"|RN|DPT|OTR/?L|CHT|LCSW|MFT|QME|AME)\b[A-Za-z ,.&/()'-]{0,40}$"  # then only titles: "MD, Hand Surgery"
)
SIGNATURE_CHARS = 80
#: A line that is only a heading: capitals ("OBJECTIVE FINDINGS:") or a short label ending in a colon.
#: A source or span in parentheses after it may be in any case: "MEDICATION PROFILE (PBM claims 12/2018 - 05/2019)".
_CAPS_HEADING = re.compile(r"^(?P<h>[A-Z][A-Z0-9 /&'(),.-]{1,60}?)(?:\s*\([^()]{1,80}\))?\s*:?\s*$")
#: A full date in a line of capitals: the line is a dated title or field, not only a heading.
_MONTH_NAME = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DATED_TITLE = re.compile(
    r"\b\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})\b|\b(?:19|20)\d{2}([-/])\d{1,2}\1\d{1,2}\b"  # "03/08/2016", "2016-03-08"
    r"|\b\d{1,2}-(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)-(?:\d{4}|\d{2})\b"  # "08-MAR-2016"
    rf"|\b{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*(?:19|20)\d{{2}}\b"  # "June 5, 2019"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAME},?\s+(?:19|20)\d{{2}}\b"  # "5 June 2019"
)
#: What a heading alone never has: a code or count, or a closing full stop (a line of capitals that says something).
_STATED_AFTER_HEADING = re.compile(r"\d|[^.]\.\s*$")
#: A pain rating on a line of capitals ("VAS 5/10.", "NRS 6/10 TODAY"): the line is a terse entry to read, not a heading.
_RATING_LINE = re.compile(r"(?<![\d/])\d{1,2}(?:\.\d)?\s*/\s*10(?![\d/])")
#: "CURRENT MEDICATIONS (as reported and per CURES):": a source in parentheses is no part of the heading.
#: (No full stop inside: "Psych evaluation (Dr. N. Ibarra, PhD, 2/24/2016):" wrapped onto a line of its own is prose.)
_LABEL_HEADING = re.compile(r"^(?P<h>[A-Za-z][A-Za-z0-9 /&'()-]{0,40}?)(?:\s*\([A-Za-z0-9 ,/&'-]{1,60}\))?\s*:\s*$")
#: A heading followed on the same line by its content: "S: Pt c/o ...", "Diagnoses: 1. ...",
#: "MEDICATIONS (per PTP): ..." (a source in parentheses is no part of the heading).
_INLINE_HEADING = re.compile(r"^(?P<h>[A-Za-z][A-Za-z /&'-]{0,40}?)(?:\s*\([^()]{1,30}\))?\s*:\s+(?=\S)")
#: A dictated heading spoken with a full stop: "Plan. We discussed options.", "Impression. Lumbar strain."
#: (taken only when it names a known section).
_DICTATED_HEADING = re.compile(r"^(?P<h>[A-Za-z][A-Za-z /&'-]{0,30}?)\.\s+(?=\S)")
#: A SOAP heading set off by a spaced dash: "A - L de Quervain tenosynovitis", "Plan -- splint", "P -" with an en or em dash too (the content
#: on the lines below). Taken only when the words before the dash name a section exactly ("Off work - ..." is content).
_DASH_HEADING = re.compile(r"^(?P<h>[A-Za-z][A-Za-z /&'-]{0,30}?)\s+(?:-{1,2}|\u2013|\u2014)(?:\s+(?=\S)|\s*$)")
#: A study's title ending with a colon, its date or side in it: "Lumbar MRI 4/11/2015:", "EMG/NCS 6/2/2015:", "MRI of the
#: right shoulder (3/2016):", "X-rays L knee, 3 views, dated 1/5/16:". What follows is the study's report: imaging.
_STUDY_TITLE = re.compile(
    r"^(?P<h>(?:[A-Za-z][\w/-]*,?\s+){0,3}?(?:MRI|MRA|CT|CAT\s+scan|x-?rays?|radiographs?|EMG(?:/NC[SV])?|NC[SV]|nerve\s+conduction"
    r"(?:\s+stud(?:y|ies))?|ultrasound|bone\s+scan|arthrogram|myelogram|DEXA|electrodiagnostic\s+stud(?:y|ies))\b"
    r"[^:\n]{0,45}?)\s*:\s*",
    re.IGNORECASE,
)
_STUDY_DATE = re.compile(r"\d{1,2}/\d{2,4}|\b(?:19|20)\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.IGNORECASE)
#: Words that make a "title" a request or a plan's line, not a study's report: "MRI lumbar spine: requested".
_STUDY_NOT_TITLE = re.compile(
    r"\b(?:request\w*|order\w*|recommend\w*|pending|scheduled|plan\w*|authori[sz]\w*|denied|will|to\s+(?:rule\s+out|r/o|evaluate"
    r"|assess|look\s+for|further\s+evaluate))\b", re.IGNORECASE)
#: A line that starts a list entry or a labelled field: it never continues the line before.
_LIST_START = re.compile(
    # a form's checkbox opens an option of its own: "[x] CURES reviewed", "☑ no early refills", "( ) Lost Rx"
    r"^(?:\[\s*[xX✓✔]?\s*\]\s|\(\s*[xX]?\s*\)\s|[☐☑☒□■✓✔]\s?|"
    r"\(?\d{1,2}[.)]\s|#\d{1,2}[.)]?\s|[-*•·o]\s|[A-Za-z][A-Za-z0-9 ./#&'()-]{0,30}:\s*\S|[^|\n]*\|[^|\n]*\|)"
)
#: A row of a table an EHR exports ("Norco 10-325 mg | 1 tab q6h prn | 120 | 0 | Taking"): cells between bars.
_TABLE_ROW = re.compile(r"^[^|]*\S[^|]*\|[^|]*\|")
#: A line that is only a known section's name, as EHR exports head their parts ("Review of Systems").
_BARE_TITLE = re.compile(r"^[A-Za-z][A-Za-z /&'-]{0,40}\.?$")  # a dictated heading ends with a stop: "Diagnosis."
#: A list marker at the start of a line, left out of the sentence ("2. Tramadol ..." reads "Tramadol ...").
_LIST_MARKER = re.compile(r"^(?:\(?\d{1,2}[.)]|#\d{1,2}[.)]?|[-*•·])\s+")
#: The number of a form's item before its label: "15. Objective findings: ...".
_FORM_ITEM = re.compile(r"^\d{1,2}[.)]\s+(?=[A-Za-z])")
#: A numbered field's label followed by the form's instruction in an open bracket: "DIAGNOSIS (if occupational illness".
_FORM_INSTRUCTED = re.compile(r"^(?P<h>[A-Za-z][A-Za-z /&'-]{0,40}?)\s*\((?=[a-z])[^()]*$")
_FORM_LABEL = re.compile(r"^[A-Za-z][A-Za-z /&'()-]{0,40}?:\s*")
#: A form's yes/no question answered in its boxes at a line's end: "[ ] Yes [X] No", "[X] Yes".
_CHECKED_ANSWER = re.compile(r"\[\s*[xX]?\s*\]\s*(?:yes|no)\s*$", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.!?:;]['\")\]]*$")
#: A raw line shorter than this, without a closing full stop, is a line of a form, not wrapped prose.
SHORT_LINE = 60
#: A label heading of no known section has at most this many words ("Work restrictions:"); a longer line ending
#: with a colon ("Treatment that has failed or stopped helping:") is a sentence that introduces a list.
LABEL_WORDS = 4
#: A voice-recognition command left in the text ends its paragraph: "... on the right. New paragraph".
_DICTATED_BREAK = re.compile(r"\b(?:new|next)\s+(?:paragraph|line)\s*[.,]?$", re.IGNORECASE)
#: A wrapped line fills at least this share of its paragraph's width (a short last line is the writer's break).
WRAPPED_SHARE = 0.5
#: A line that opens with a drug and its strength: "Norco 10/325 mg ...", "Omeprazole 20 mg cap ...".
_DOSED_ENTRY = re.compile(
    r"^[A-Z][A-Za-z-]{2,}(?:\s+(?:ER|IR|XR|SR|CR|DR|XL|HCl|[A-Za-z-]{3,}))?\s+\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?\s*"
    r"(?:mg|mcg|g|gm|%|ml|units?)\b"
)
#: A line that opens with a drug and its dose, the unit left out or a sig after it: "Norco 10/325 one tid",
#: "Gabapentin 300 mg tid", "Meloxicam 15 daily".
_DRUG_LINE = re.compile(
    _DOSED_ENTRY.pattern + r"|^[A-Z][A-Za-z-]{2,}(?:\s+(?:ER|IR|XR|SR|CR|DR|XL))?\s+\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?\s+"
    r"(?:(?:one|two|1|2|i|ii)\s+)?(?:tabs?\s+|caps?\s+|po\s+)*(?:q\.?d\.?|b\.?i\.?d\.?|t\.?i\.?d\.?|q\.?i\.?d\.?|qhs|hs|prn|daily|nightly|q\d+h)\b",
    re.IGNORECASE,
)
#: Sections a list of drugs with their strengths does not go on: one after a blank line starts a part of its own.
_NO_DRUG_LIST = frozenset({"diagnoses", "objective", "imaging", "work_status", "review_of_systems", "allergies", "subjective"})
#: A line drawn across the page between a note's parts ("----------", "======", "- - - -"): it ends the block, and the
#: section above it unless it underlines a heading.
_RULER = re.compile(r"\s*(?:[-=_*~]\s?){3,}\s*")
#: A bracketed list marker at a line's start ("(1) ...", "(b) ..."), which opens an entry rather than an aside.
_BRACKET_MARKER = re.compile(r"\((?:\d{1,2}|[A-Za-z]|[ivx]{1,4})\)\s")
#: What parts the words of a heading when it is looked up among the section phrases.
_NOT_HEADING_WORD = re.compile(r"[^a-z0-9/&-]+")
#: A line that runs on into the next: it ends mid-phrase, or the next begins in lower case.
_RUNS_ON = re.compile(
    r"(?:[,&/-]|\b(?:and|or|with|of|to|the|a|an|for|in|on|at|from|by|but|than|as|his|her|was|were|is|which))$", re.IGNORECASE
)


#: A drug's dose the wrap split from how it is taken: "ibuprofen 800" + "bid 'helps a lot'", "Norco 10/325" + "1 q6h prn",
#: "gabapentin 300 mg" + "TID with good effect". The line ends in a number or unit and the next opens with a unit, a
#: count of tablets or a frequency; in any letter case (a note typed in capitals or lower case gives no other sign).
#: A line that opens with a name and its strength, in any case: "baclofen 10", "norco 10/325", "Gabapentin 300 mg".
_NAME_DOSE = re.compile(r"^[A-Za-z][A-Za-z-]{2,}\s+\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?(?:\s*(?:mg|mcg|ml|%))?(?:\s|$)", re.IGNORECASE)
_DOSE_ENDS = re.compile(r"(?:\d|(?:\d|\b)(?:mg|mcg|ml|units?))\s*$", re.IGNORECASE)  # "10mg" as often as "10 mg"
_DOSING_OPENS = re.compile(
    r"(?:mg|mcg|ml|tabs?|caps?|tablets?|capsules?|po|p\.o\.|b\.?i\.?d|t\.?i\.?d|q\.?i\.?d|q\.?d|qam|qpm|qhs|hs|prn|daily"
    r"|q\s?\d+(?:-\d+)?\s?h(?:rs?|ours?)?|once|twice|three\s+times|\d+\s+(?:tabs?|tablets?|caps?|capsules?|po|q\s?\d))\b",
    re.IGNORECASE,
)


#: A line of prose broken before a number it goes on with: "At her follow-up she reported" + "70 percent relief ...".
_PROSE_END = re.compile(r"(?:\b[A-Za-z]+\s+){3,}[a-z]{2,}$")
_COUNT_START = re.compile(r"\d+(?:\.\d+)?\s*(?:%|percent|visits?|sessions?|minutes?|hours?|days?|weeks?|months?|years?|mg|lbs?|pounds?)\b")


class _SectionsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sections: dict[str, list[str]]
    exam_parts: list[str] = []


@dataclass(frozen=True)
class NoteLine:
    """One non-blank line of the note, in clean-text offsets."""

    start: int
    end: int
    text: str
    number: int = 0  # the raw line's number (blank lines counted): consecutive numbers stand in one paragraph
    size: int = 0  # the raw line's width, its own spaces counted ("sleep.  Residual"): what a wrap filled


@cache
def _sections_file(directory: Path) -> _SectionsFile:
    with open(directory / "note_sections.yaml", encoding="utf-8") as fh:
        return _SectionsFile.model_validate(yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


@cache
def _section_phrases(directory: Path) -> tuple[tuple[str, str], ...]:
    """(phrase, section) pairs, longest phrase first so 'assessment and plan' beats 'assessment'."""
    data = _sections_file(directory)
    pairs = [(" ".join(p.lower().split()), name) for name, phrases in data.sections.items() for p in phrases]
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0])))


@cache
def _exam_parts(directory: Path) -> frozenset[str]:
    return frozenset(_heading_words(p) for p in _sections_file(directory).exam_parts)


#: A side before an examined part, or the word "exam" after it: "Left shoulder exam" is looked up as "shoulder".
_EXAM_PART_SIDE = re.compile(r"^(?:(?:left|right|bilateral|bilat|both|l|r|b/l|lt|rt)\s+)+")
_EXAM_PART_WORD = re.compile(r"\s+(?:exam|examination|findings|testing|tests?)$")


#: The limbs or side a part's label is qualified by, in parentheses after it: "Neuro (UE)", "Motor (bilateral)".
_EXAM_PART_QUALIFIER = re.compile(r"\s*\([^()]{1,25}\)\s*:?\s*$")


def exam_part(heading: str, directory: Path | None = None) -> bool:
    """Whether a label ("Neuro:", "R knee:", "Lumbar spine exam", "Neuro (UE)") heads a part of a physical examination."""
    words = _heading_words(_EXAM_PART_QUALIFIER.sub("", heading))
    words = _EXAM_PART_WORD.sub("", _EXAM_PART_SIDE.sub("", words))
    return bool(words) and words in _exam_parts(directory or vocabulary_dir_in_use())


@cache
def _section_index(directory: Path) -> dict[str, str]:
    """Each phrase's section, the first in `_section_phrases` order where a phrase is listed twice."""
    index: dict[str, str] = {}
    for phrase, name in _section_phrases(directory):
        index.setdefault(phrase, name)
    return index


def _heading_words(text: str) -> str:
    """*text* as the section phrases are looked up: lower case, words of letters, digits, '/', '&' and '-'."""
    return " ".join(_NOT_HEADING_WORD.sub(" ", text.lower()).split())


def section_of(heading: str, directory: Path | None = None) -> str | None:
    """The canonical section a heading names ('OBJECTIVE FINDINGS' -> 'objective'), else None.

    The longest phrase that is the heading's words, or their start up to a space or (after three
    characters or more) a slash: "Plan/Request" heads the plan. Looked up at each such cut, longest
    first, rather than by trying every phrase.
    """
    words = _heading_words(heading)
    index = _section_index(directory or vocabulary_dir_in_use())
    found = index.get(words)
    if found is not None:
        return found
    for cut in range(len(words) - 1, -1, -1):
        if (words[cut] == " " or (words[cut] == "/" and cut >= 3)) and (found := index.get(words[:cut])) is not None:
            return found
    return None


def exact_section(line: str, directory: Path | None = None) -> str | None:
    """The section a line names with nothing else on it ('Medication Reconciliation', 'Plan / RFA'), else None."""
    index = _section_index(directory or vocabulary_dir_in_use())
    words = _heading_words(line)
    found = index.get(words)
    parts = [p.strip() for p in words.split("/")]
    if found is None and len(parts) > 1 and all(0 < len(p.split()) <= 3 for p in parts):
        found = index.get(parts[0])  # "Plan / RFA": the first names it
    return found


def dash_heading(text: str) -> tuple[str, int] | None:
    """(section, where the content begins) for a line opened by a section's name and a spaced dash ("A - ..."), else None."""
    m = _DASH_HEADING.match(text)
    if m is None or (section := exact_section(m.group("h"))) is None:
        return None
    return section, m.end()


def line_texts(tm: TextMap) -> Iterator[str]:
    """The texts of `note_lines(tm)`, in order, without their numbers and widths: a reader looking for a title
    line reads every line of a letter, and needs only its words."""
    starts = tm.line_starts or (0,)
    text = tm.text
    for start, end in zip(starts, (*starts[1:], len(text))):
        line = text[start:end].rstrip()
        if line:
            yield line


def note_lines(tm: TextMap) -> list[NoteLine]:
    """The note's non-blank lines, as clean-text spans."""
    starts = list(tm.line_starts) or [0]
    out: list[NoteLine] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(tm.text)
        text = tm.text[start:end].rstrip()
        if text:
            number = 0
            if out:  # count the raw line breaks since the last line: blank lines leave a gap in the numbers
                previous = out[-1]
                gap_start, gap_end = tm.offsets[previous.end - 1] + 1, tm.offsets[start]
                if tm.dropped and not _ENDS_SENTENCE.search(previous.text) and any(gap_start <= at < gap_end for at in tm.dropped):
                    number = previous.number + 1  # a page break (banner, header, footer) inside a sentence joins its halves
                else:
                    number = previous.number + max(1, tm.raw.count("\n", gap_start, gap_end))
            size = tm.offsets[start + len(text) - 1] + 1 - tm.offsets[start]
            out.append(NoteLine(start, start + len(text), text, number, size))
    return out


def _wrap_widths(lines: list[NoteLine]) -> list[int | None]:
    """Per line, the width its paragraph was wrapped at, for paragraphs that read as wrapped prose.

    A dictation system or a form's text box wraps prose at a fixed width, often narrower than
    `SHORT_LINE`. A run of three lines or more is wrapped prose when every line but the last
    either ends a sentence or is one the next word would not have fitted on (its width taken as
    the run's longest line); a list or a form's fields, of uneven lengths, is not.
    """
    widths: list[int | None] = [None] * len(lines)
    first = 0
    for n in range(1, len(lines) + 1):
        if n == len(lines) or lines[n].number != lines[n - 1].number + 1:
            _wrapped_run(lines, first, n, widths)
            first = n
    return widths


def _wrapped_run(lines: list[NoteLine], first: int, end: int, widths: list[int | None], part: bool = False) -> None:
    """Set the wrap width of lines[first:end] if they read as wrapped prose, else of each stretch of it between
    the lines the writer broke (form lines such as "DOS: 4/7/16" right above a wrapped paragraph, or one short
    line an editor left inside it)."""
    run = lines[first:end]
    if len(run) < 3:
        return
    width = max(line.size for line in run)
    broken = [
        k for k, (a, b) in enumerate(zip(run, run[1:]))
        if not (_ENDS_SENTENCE.search(a.text) or (_wrapped_at(a.size, b.text, width) and not _entry_follows(a.text, b.text)))
    ]
    if not broken:
        if not part or any(_runs_on_visibly(a.text, b.text) for a, b in zip(run, run[1:])):
            widths[first:end] = [width] * len(run)
        return
    # the writer's own breaks part the run; each stretch between them is tried at its own width, so one short
    # line left by an editor ("... desiccation without" + "stenosis.") does not unwrap the whole paragraph; a
    # stretch so found must show a sentence running on somewhere, as a list of like lines does not
    start = first
    for k in broken:
        _wrapped_run(lines, start, first + k + 1, widths, part=True)
        start = first + k + 1
    _wrapped_run(lines, start, end, widths, part=True)


def _runs_on_visibly(text: str, next_line: str) -> bool:
    """A line that plainly goes on into the next: it ends mid-phrase, or the next begins in lower case."""
    return bool(_RUNS_ON.search(text)) or next_line[:1].islower()


def _entry_follows(text: str, next_line: str) -> bool:
    """A drug list's next line, one drug with its strength ("Gabapentin 300 mg TID - d/c'd") after a line that ends whole:
    lines of like length, but a list, not prose wrapped at their width."""
    return _DOSED_ENTRY.match(next_line) is not None and not _RUNS_ON.search(text) and not text.endswith(",")


def _wrapped_at(size: int, next_line: str, width: int) -> bool:
    """A line *size* wide broken by wrapping at *width*: it fills most of it and the next word would not have fitted."""
    words = next_line.split(maxsplit=1)
    if not words or size + 1 + len(words[0]) <= width:
        return False
    return size >= WRAPPED_SHARE * width or 2 * len(words[0]) >= width  # or a long word left the line short


#: Marks a template or a typed note sets around a heading: ">> ASSESSMENT", "## Plan", "**DIAGNOSES**", "== IMPRESSION ==".
_HEADING_MARKS = re.compile(r"^\s*(?:>{2,3}|#{1,4}|\*{2,3}|={2,}|-{2,}|~{2,})\s*")
_TRAILING_MARKS = re.compile(r"\s*(?:\*{2,3}|={2,}|-{2,}|~{2,}|#{1,4})\s*$")


def _heading(line: NoteLine, shouting: bool = False) -> tuple[str | None, int] | None:
    """(section, where the line's content begins) when the line is or starts with a heading.

    In a note typed all in capitals (*shouting*), capitals mark nothing: a line is a heading only
    when it names a known section or is a label of a few words ending with a colon, as in mixed case.
    """
    if _CLOSING.match(line.text) or (len(line.text) <= SIGNATURE_CHARS and _SIGNATURE.match(line.text)):
        return "signature", len(line.text)
    if m := _CAPS_HEADING.match(line.text):
        if shouting and section_of(m.group("h")) is None and not (
            line.text.rstrip().endswith(":") and len(m.group("h").split()) <= LABEL_WORDS
        ):
            return None  # the same line typed in mixed case would be no heading either
        if sum(c.isalpha() for c in m.group("h")) >= 2:
            if _STATED_AFTER_HEADING.search(line.text) and exact_section(m.group("h")) is None \
                    and exact_section(m.group("h").split()[0]) is not None:
                # "DX M17.12 PRIMARY OA L KNEE.": a heading word opens an entry typed in capitals, as "Dx M17.12 ..." in mixed
                # case; the entry is read with its heading word, in the section that word names
                return section_of(m.group("h")), 0
            if _DATED_TITLE.search(line.text) or _RATING_LINE.search(line.text):
                # "DATE OF EXAM 7/15/14", "F/U VISIT -- 3/22/21": a date to read; "VAS 5/10", "NRS 7/10": a rating
                return section_of(m.group("h")), 0
            return section_of(m.group("h")), len(line.text)
    if m := _LABEL_HEADING.match(line.text):
        section = section_of(m.group("h"))
        if section is None and line.text[:1].islower() and "(" in line.text[m.end("h") :]:
            return None  # "evaluation for SCS (Dr. Lee, PhD, 2/24/2016):": a wrapped sentence's aside, no heading
        if section is not None or len(m.group("h").split()) <= LABEL_WORDS:
            # a dated label ("RFA (dated 05/16/2022) items:") keeps its words: the date's role is read from them
            return section, 0 if section is not None and _DATED_TITLE.search(line.text) else len(line.text)
    if m := _INLINE_HEADING.match(line.text):
        section = section_of(m.group("h"))
        if section is not None:
            # "RFA received: 06/05/2019", "Request date: 3/9/17": the label says what the date is, so it stays
            return section, 0 if _DATED_TITLE.match(line.text, m.end()) else m.end()
    if (m := _BARE_TITLE.match(line.text)) and (section := exact_section(line.text)) is not None:
        return section, len(line.text)
    if m := _DICTATED_HEADING.match(line.text):
        if len(m.group("h")) == 1 and _FORM_LABEL.match(line.text[m.end() :]):
            # a form's lettered sub-field ("A. Physical examination: ...", "B. X-ray results: none"): the letter numbers
            # the field, it is not the SOAP "A." (assessment); the field's label heads its section, or ends the one before
            rest = NoteLine(line.start + m.end(), line.end, line.text[m.end() :])
            head = _heading(rest)
            return (head[0], m.end() + head[1]) if head is not None and head[0] is not None else (None, m.end())
        section = exact_section(m.group("h"))  # "Plan. We ...", never "A lifting injury." wrapped onto a line
        if section is not None:
            return section, m.end()
    opening = line.text[:36]  # a dash heading's dash comes early; most lines have none there (no call for them)
    if (" -" in opening or " \u2013" in opening or " \u2014" in opening) and (dashed := dash_heading(line.text)) is not None:
        return dashed
    if (marks := _HEADING_MARKS.match(line.text)) and line.text[marks.end() :].strip():
        # a heading set off by marks: ">> ASSESSMENT", "## Plan", "**DIAGNOSES**", "== IMPRESSION =="
        inner = line.text[marks.end() :]
        bare = _TRAILING_MARKS.sub("", inner)
        head = _heading(NoteLine(line.start + marks.end(), line.start + marks.end() + len(bare), bare), shouting)
        if head is not None and head[0] is not None:
            return head[0], len(line.text) if head[1] >= len(bare) else marks.end() + head[1]
    if (number := _FORM_ITEM.match(line.text)) and line.text[number.end() :].strip():
        # a numbered form field (the Doctor's First Report: "15. Objective findings: ...") heads its section
        rest = NoteLine(line.start + number.end(), line.end, line.text[number.end() :])
        head = _heading(rest)
        if head is not None and head[0] is not None:
            return head[0], number.end() + head[1]
        if (instructed := _FORM_INSTRUCTED.match(rest.text)) and (section := exact_section(instructed.group("h"))) is not None:
            # the field's label, then the form's instruction in brackets, wrapped onto the next line: "20. DIAGNOSIS (if
            # occupational illness specify etiologic agent and duration": the line is the label's
            return section, len(line.text)
        if _FORM_LABEL.match(rest.text):
            return None, number.end()  # another field of the form (read with its label) ends the section before it
    return None


def _study_title(text: str) -> int | None:
    """Where a study's report begins after its title ("Lumbar MRI 4/11/2015:"): a title dated, or alone on its line."""
    m = _STUDY_TITLE.match(text)
    if m is None or section_of(m.group("h")) not in (None, "imaging") or _STUDY_NOT_TITLE.search(text):
        return None
    if m.end() < len(text.rstrip()) and not _STUDY_DATE.search(m.group("h")):
        return None  # "MRI lumbar spine: L4-5 protrusion" undated with its report: a line of the section it stands in
    return m.end()


def note_blocks(tm: TextMap) -> list[tuple[Segment, str | None]]:
    """The note cut where its layout breaks: each block one line or a paragraph of wrapped prose.

    A block ends at a heading, before a list entry or a labelled field, and after a
    short line or one that ends a sentence; each block carries its section.
    """
    blocks: list[tuple[Segment, str | None]] = []
    section: str | None = None
    open_start: int | None = None
    open_end = 0

    def close() -> None:
        nonlocal open_start
        if open_start is not None and open_end > open_start:
            blocks.append((Segment(open_start, open_end, "summary"), section))
        open_start = None

    lines = note_lines(tm)
    shouting = upper_case_note("".join(line.text for line in lines))
    widths = _wrap_widths(lines)
    paragraphs = not _double_spaced(lines)
    resume: list[str | None] = []  # the part a study's report interrupts, taken up again after its paragraph
    headed = -1  # the last line that was a heading: a rule under it underlines it
    for n, line in enumerate(lines):
        if _RULER.fullmatch(line.text):
            if headed != n - 1:
                close()  # a rule across the page ends the part above it: a form's box, a document attached after it
                section = None
                resume.clear()
            continue
        follows = n + 1 < len(lines) and lines[n + 1].number == line.number + 1
        next_line = lines[n + 1].text if n + 1 < len(lines) else ""
        width = widths[n] if follows else None
        if paragraphs and not follows:
            next_line = ""  # a blank line ends the paragraph: nothing runs on across it
        if resume and paragraphs and n and lines[n - 1].number != line.number - 1:
            close()
            section = resume.pop()  # the study's paragraph has ended: the part it stood in goes on
        head = _heading(line, shouting)
        if head is not None and head[0] == "imaging" and 0 < head[1] < len(line.text.rstrip()) \
                and _STUDY_TITLE.match(line.text) and not _STUDY_NOT_TITLE.search(line.text):
            # "MRI LUMBAR SPINE WO CONTRAST (09/14/2020): L4-5 protrusion ...": a study's title over its report on one
            # line heads the imaging part, and its name stays with the report, for the name says which study it is
            head = ("imaging", 0)
        if (head is None or head[0] is None) and (study := _study_title(line.text)) is not None:
            # "Lumbar MRI 4/11/2015:" over its report, "NCS/EMG 06/2015 (Dr. Singh): moderate ...": the study's paragraph
            # is imaging; its name stays with a report on the same line, for the name says which study it is
            close()
            if section != "imaging":
                resume[:] = [section]
            section = "imaging"
            if study == len(line.text.rstrip()):
                continue
        elif head is not None:
            resume.clear()
        if head is not None and head[0] == "imaging" and 0 < head[1] < len(line.text) and _STUDY_NOT_TITLE.search(line.text):
            # "MRI of the right shoulder: to rule out a cuff tear", "MRI: pending": a study still to come is read on its
            # own, and the part it stands in (the plan, the diagnoses) goes on after it
            close()
            blocks.append((Segment(line.start + head[1], line.end, "summary"), "imaging"))
            continue
        if head is not None:
            close()
            headed = n
            name, content = head
            if section == "objective" and name is None and content == len(line.text) and exam_part(line.text):
                pass  # "Neuro:" on a line of its own inside the exam heads a part of it: the exam goes on
            elif name is not None or content == len(line.text) or _FORM_ITEM.match(line.text):
                section = name
            if content < len(line.text):
                open_start, open_end = line.start + content, line.end
                if _ends_block(line.text, next_line, width, line.size, tm.lower_case):
                    close()
            continue
        if section in _NO_DRUG_LIST and n and lines[n - 1].number != line.number - 1 and _DRUG_LINE.match(line.text):
            close()  # a drug list after a blank line, unheaded: the diagnoses or findings above have ended
            section = None
        row = line.start in tm.rows  # a row of a before-and-after table, or its heading: one entry
        if row and (named := _table_section(tm, line)) is not None:
            close()
            section = named  # "OBJECTIVE   Initial eval 3/31/14   Re-eval 5/21/14"
        if open_start is not None and (
            row or (_LIST_START.match(line.text) and not _continues_item(lines[n - 1], line.text, widths[n - 1]))
        ):
            close()
        if open_start is None:
            marker = _LIST_MARKER.match(line.text)
            open_start = line.start + (marker.end() if marker else 0)
        open_end = line.end
        if row or _ends_block(line.text, next_line, width, line.size, tm.lower_case):
            close()
    close()
    return blocks


def _table_section(tm: TextMap, line: NoteLine) -> str | None:
    """The section a table's first cell names, its cells as the raw line spaces them."""
    at = tm.offsets[line.start]
    raw_line = tm.raw[at : tm.raw.find("\n", at) if "\n" in tm.raw[at:] else len(tm.raw)]
    first = re.split(r"\s{2,}|\t", raw_line.strip(), maxsplit=1)[0]
    return section_of(first.rstrip(":")) if _BARE_TITLE.match(first.rstrip(":")) or _CAPS_HEADING.match(first) else None


def _continues_item(previous: NoteLine, text: str, width: int | None = None) -> bool:
    """A wrapped line that only looks like a field: "... to complete the authorized" + "course: strengthening, ...",
    "Functional" + "gains: RTW mod duty", "... thumb and index" + "finger. Reflexes: 1+". The line before was full
    (long, or filled to its paragraph's wrap *width*) and ended mid-sentence.
    """
    pronoun = text.startswith("I ")  # "..., which" + "I personally reviewed: ..." reads on
    if not (text[:1].islower() or pronoun) or _LIST_MARKER.match(text) or text.startswith("o ") \
            or _ENDS_SENTENCE.search(previous.text):
        return False  # a lower-case list entry ("o tramadol") starts its own line
    return len(previous.text) >= SHORT_LINE or (width is not None and _wrapped_at(previous.size, text, width))




def _double_spaced(lines: list[NoteLine]) -> bool:
    """Text with a blank line after almost every line (a PDF or fax read line by line): blank lines mean nothing."""
    gaps = sum(1 for a, b in zip(lines, lines[1:]) if b.number != a.number + 1)
    return len(lines) >= 6 and gaps >= 0.75 * (len(lines) - 1)


def _ends_block(text: str, next_line: str, width: int | None = None, size: int | None = None, lower_case: bool = False) -> bool:
    """Whether a line closes its block: a sentence's end, or a short line that does not run on.

    With the paragraph's wrap *width* known, a line the next word would not have fitted on
    was broken by wrapping, not by the writer, and runs on whatever its length.
    """
    if not next_line or _DICTATED_BREAK.search(text) or _RULER.fullmatch(text):
        return True  # a ruler ("----------") parts the note: nothing runs on from it
    if text.endswith(":") and width is not None and _wrapped_at(len(text) if size is None else size, next_line, width):
        return False  # wrapped prose whose colon fell at a line's end: what it introduces follows
    if text.endswith(";") and next_line[:1].islower() and not lower_case and not _LIST_START.match(next_line):
        return False  # a clause the wrap carried on: "First gave ~4 months, second ~6 weeks;" + "locking is back ..."
    if _ENDS_SENTENCE.search(text) and not text.endswith(","):
        # a title or an initial that wrapping left at a line's end ("Psych evaluation (Dr. N." + "Ibarra, PhD)") ends nothing
        return not (no_sentence_end(text) and not text.lower().endswith(" no.") and not _LIST_START.match(next_line))
    if _TABLE_ROW.match(text):
        return True  # a table row is one entry, however long
    if _CHECKED_ANSWER.search(text):
        return True  # a form's yes/no question answered in its boxes ("... involved? [ ] Yes [X] No"): the field ends
    runs_on = bool(_RUNS_ON.search(text)) or (next_line[:1].islower() and not lower_case)  # all lower case: no sign
    if not runs_on and _DOSE_ENDS.search(text) and _DOSING_OPENS.match(next_line):
        runs_on = True  # a dose split from its frequency: "ibuprofen 800" + "bid ..." (rules12, for the readers)
    elif runs_on and not _RUNS_ON.search(text) and _DOSE_ENDS.search(text) and _NAME_DOSE.match(next_line) \
            and not _DOSING_OPENS.match(next_line):
        runs_on = False  # a drug list's next entry in lower case ("ibuprofen 800" + "baclofen 10"), in a note too short to
        # tell it is typed in lower case throughout
    if not runs_on and text.count("(") > text.count(")"):
        runs_on = True  # a bracket still open goes on: "Injected twice (Kenalog ... to A1 sheath" + "6/12/2018 and ...)"
    if not runs_on and next_line[:1] == "(" and not _BRACKET_MARKER.match(next_line):
        runs_on = True  # an aside the wrap carried to the next line: "... 12 visits of physical therapy" + "(10/2017 - ...)"
    if not runs_on and next_line[:1].isdigit():
        runs_on = _COUNT_START.match(next_line) is not None and _PROSE_END.search(text) is not None
    if not runs_on and width is not None and not _LIST_START.match(next_line) and not _entry_follows(text, next_line):
        runs_on = _wrapped_at(len(text) if size is None else size, next_line, width)
    return len(text) < SHORT_LINE and not runs_on


#: An entry of an assessment that says what to do, not what the worker has: a problem-oriented plan's bullets under
#: each problem ("- continue naproxen 500 mg bid", "- refer to pain psychology", "Will request PT"). It is the plan's.
_PLAN_ENTRY = re.compile(
    r"^(?:continue|cont\.?|start|begin|initiate|resume|refer(?:ral)?|request(?:ing|ed)?|order(?:ed)?|obtain|schedule[d]?"
    r"|follow[- ]?up|f/u|return|RTC|recheck|increase|decrease|reduce|taper|titrate|wean|discontinue|d/c|stop|hold|add"
    r"|switch|change|prescribe[d]?|refill(?:ed)?|dispense[d]?|recommend(?:ed)?|consider|will|plan(?:\s+to)?|proceed|await"
    r"|monitor|check|trial\s+of|advised?|encourage[d]?|counsel(?:ed)?|educated?|instructed|apply|use|may)\b",
    re.IGNORECASE,
)


def note_sentences(tm: TextMap) -> list[Sentence]:
    """Every sentence of the note, none crossing a layout break, each with its section."""
    out: list[Sentence] = []
    for segment, section in note_blocks(tm):
        for s in split_sentences(tm, segment):
            here = "plan" if section == "diagnoses" and _PLAN_ENTRY.match(s.text) else section
            out.append(Sentence(s.text, s.start, s.source, s.item, len(out), tm, here))
    return out
