"""Age and sex: "a 40 year old male", "this 29-year-old male", "aged 53"; else the pronouns used.

An explicit word (male, female, man, woman) decides the sex. Without one, the summary's
pronouns are counted and the sex is taken only when one kind clearly dominates (at
least three, and half as many again as the other): summaries also speak of "he" for
the physician, so a narrow majority decides nothing.
"""

from __future__ import annotations

import re

from .checkboxes import has_boxes, ticked_spans
from .context import Context
from .dates import find_dates
from .numbers import NUMBER, parse_number
from .other_person import RELATIVE as _RELATIVE
from .sentences import Sentence
from .word_gate import finditer, search

_I = re.IGNORECASE
_AGE = re.compile(
    rf"\b(?P<n>{NUMBER})[- ]?(?:years?|yrs?|y)[- ]?(?:of[- ]age|old)\b"
    rf"|\baged?\s+(?:of\s+)?(?P<n2>\d{{1,3}})\b"
    rf"|\b(?P<n3>\d{{1,3}})\s*(?:y/o|yo|y\.o\.|yr\.?\s+old|y\.?o\.?\s*[MF]\b)(?!\w)"
    rf"|\bage\s*(?:[:=]|\.{{2,}})\s*(?P<n4>\d{{1,3}})\b"  # "Age: 54", a form's dot leaders "Age ........ 54"
    # the age in brackets after a birth date, or years without "old" before the sex: "DOB 1986-10-03 (36y)", "47 yrs male"
    rf"|\((?P<n11>\d{{1,3}})\s*(?:y|yo|y/o|yrs?|years?)\.?\)"
    rf"|\b(?P<n12>\d{{1,3}})\s*(?:yrs?|years?)\.?\s+(?=(?:male|female|man|woman|M|F)\b)"
    # a name with its title, then the age between commas: "Ms. Adaeze Okonkwo-Linden, 46, follow-up for ..."
    rf"|\b(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z][\w'.-]*(?:[\s-][A-Z][\w'.-]*){{0,3}},\s*(?P<n13>[1-9]\d),"
    # the sex, a comma and the age: "(female, 39)", "Patient: [redacted]  F, 61"
    rf"|\((?P<sx>male|female|M|F),\s*(?P<n14>[1-9]\d)\)"
    rf"|(?<=\s)(?P<mf7>M|F),\s*(?P<n15>[1-9]\d)(?![\w/.:%-])"
    # a form's line spaced into columns, the sex and then the bare age: "Patient: Y.P.  F  57   DOI ...", "Pt: [name]   M   44"
    rf"|(?<![\w/.'-])(?P<mf8>(?-i:M|F))\s+(?P<n16>[1-9]\d)(?![\w/.:%-])(?!\s*(?:mg|mcg|lbs?|kg|cm|mm|min|deg\w*|%|x\b|/))"
    rf"|\bage\s*/\s*(?:sex|gender)\s*[:=]?\s*(?P<n6>\d{{1,3}})\s*/\s*(?P<mf2>[MF])\b"
    rf"|(?<![\w/#.-])(?P<n5>[1-9]\d)\s?(?P<mf>[MF])(?![\w/])"
    # the sex before the age on a header line: "(F) 52", "F/52", "M / 48"; or the age, a slash and the sex: "52/F"
    rf"|(?<![\w/#.-])(?:\((?P<mf3>[MF])\)\s*|(?P<mf4>[MF])\s*/\s*)(?P<n7>[1-9]\d)(?![\w/.:-])"
    rf"|(?<![\w/#.:-])(?P<n8>[1-9]\d)\s*(?:/\s*(?P<mf5>[MF])|\((?P<mf6>[MF])\))(?![\w/])",
    _I,
)
#: The worker's own line on a form or a letter's heading: "Patient:", "Pt:", "Applicant:", "Name:", "IW:", "Claimant".
_PATIENT_LABEL = re.compile(r"\b(?:patient|pt|applicant|claimant|employee|injured\s+worker|IW|name)\b\s*[:#-]?", _I)
#: Another person's age or sex, not the worker's: "a 20-year-old daughter", "her husband, a 60-year-old man".
_RELATIVE_AFTER = re.compile(rf"^[- ]*(?:(?:old|male|female|man|woman)\s+)?{_RELATIVE}\b", _I)
_RELATIVE_BEFORE = re.compile(
    rf"\b{_RELATIVE}(?:'s)?(?:\s*,\s*(?:[\w-]+\s+){{0,5}}|\s+(?:(?:is|was|who\s+is)\s+)?(?:a|an|the)?\s*)$", _I)


def _another_person(text: str, start: int, end: int) -> bool:
    """Whether the age or sex at text[start:end] is a relative's: named just before or just after it."""
    return bool(_RELATIVE_AFTER.match(text[end : end + 30]) or _RELATIVE_BEFORE.search(text[max(0, start - 60) : start]))
#: A form's sex field or the M/F after an age: "Sex: M", "Gender: female", "52 y/o F", "45M".
_SEX_FIELD = re.compile(r"\b(?:sex|gender)\s*[:=]?\s*(?P<v>male|female|M|F)\b(?!\s*/)", _I)
#: The label before a form's sex options, with or without its colon: "Sex: [ ] Male [X] Female", "6. Sex  ☐ M ☒ F".
_SEX_LABEL = re.compile(r"\b(?:sex|gender)\s*(?:[:=]\s*|(?=[\[(☐☒☑□■]))", _I)
#: M or F after an age, a handedness between them allowed: "52 y/o M", "34 y/o RHD F".
_SEX_LETTER = re.compile(r"^\s*(?:(?:RHD|LHD|R-?handed|L-?handed|right-handed|left-handed)\s+)?(?P<v>M|F)\b")
_SEX_LETTER_LOWER = re.compile(r"^\s*(?:(?:rhd|lhd|r-?handed|l-?handed|right-handed|left-handed)\s+)?(?P<v>m|f)\b(?![/'-])")
#: A box's option written as a letter: "(x) M ( ) F".
_BOXED_LETTER = re.compile(r"([MF])\b", _I)
_SEX_WORD = re.compile(
    r"\b(?P<male>male|man|gentleman|boy|Mr\.)(?!\w)|\b(?P<female>female|woman|lady|girl|Mrs\.|Ms\.)(?!\w)", _I
)
_SLASHED = re.compile(r"\b(?:he|she|his|her|him)\s*/\s*(?:he|she|his|her|him)\b", _I)
_FEMALE = re.compile(r"\b(?:she|her|hers|herself)\b", _I)
_MALE = re.compile(r"\b(?:he|him|his|himself)\b", _I)
MIN_PRONOUNS, PRONOUN_MARGIN = 3, 1.5


def read_claimant(sentences: list[Sentence], ctx: Context) -> None:
    d = ctx.draft
    for s in sentences:
        for m in finditer(_AGE, s.text):
            value = parse_number(
                m.group("n") or m.group("n2") or m.group("n3") or m.group("n4") or m.group("n5") or m.group("n6")
                or m.group("n7") or m.group("n8") or m.group("n11") or m.group("n12") or m.group("n13") or m.group("n14")
                or m.group("n15") or m.group("n16")
            )
            if (m.group("n15") or m.group("n16")) and not _PATIENT_LABEL.search(_line_before(sentences, s, m.start())):
                continue  # "F, 61" says the worker's sex and age on the worker's own line only
            if value is None or not 0 < value <= 120 or d.age is not None:
                continue
            sex = _SEX_WORD.match(s.text, m.end() + 1) if m.end() < len(s.text) else None
            if _another_person(s.text, m.start(), sex.end() if sex else m.end()):
                continue
            d.age = int(value)
            end = sex.end() if sex else m.end()
            if sex:
                d.sex = "male" if sex.group("male") else "female"
            elif m.group("sx") and len(m.group("sx")) > 1:
                d.sex = m.group("sx").lower()
            elif letter := (m.group("mf") or m.group("mf2") or m.group("mf3") or m.group("mf4") or m.group("mf5")
                            or m.group("mf6") or m.group("sx") or m.group("mf7") or m.group("mf8")
                            or _letter_after(m.group(), s.text[m.end() :], s.tm.lower_case)):
                d.sex = "male" if letter.upper() == "M" else "female"
            ev = s.evidence(m.start(), end)
            if ev:
                d.claimant_evidence.append(ev)
    if d.age is None:
        _age_from_birth_date(sentences, ctx)
    if d.sex == "unknown":
        _sex_field(sentences, ctx) or _header_letter(sentences, ctx) or _explicit_sex(sentences, ctx) \
            or _pronouns(sentences, ctx)


#: A form's date of birth: "DOB: 08/09/1990", "Date of birth: 8-9-90".
_BIRTH = re.compile(r"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|birth\s*date)\s*[:=#]?\s*", _I)


def _age_from_birth_date(sentences: list[Sentence], ctx: Context) -> None:
    """The age on the note's own date, from a date of birth: forms give the birth date, not the age."""
    d = ctx.draft
    dated = [date for date, _ in d.report_dates.values() if date.day is not None]
    if not dated and d.latest_mentioned is not None and d.latest_mentioned[0].day is not None:
        dated = [d.latest_mentioned[0]]  # no visit date found: the as-of date of last resort is the note's day too
    if not dated:
        return
    on = max(date.earliest() for date in dated)
    for s in sentences:
        for m in finditer(_BIRTH, s.text):
            found = find_dates(s.text[m.end() : m.end() + 20], years=False)
            if not found or found[0].start != 0 or found[0].date.month is None:
                continue
            born = found[0].date.earliest()
            if found[0].date.day is None and born.month == on.month:
                continue  # "DOB: 03/1953" seen in March: a birthday this month or not, the age is one of two
            age = on.year - born.year - ((on.month, on.day) < (born.month, born.day if found[0].date.day else 1))
            if 0 < age <= 120:
                d.age = age
                ev = s.evidence(m.start(), m.end() + found[0].end)
                if ev:
                    d.claimant_evidence.append(ev)
                return


def _letter_after(matched: str, after: str, lower_case: bool = False) -> str | None:
    """'M' or 'F' written right after an age ("52 y/o M"), or at its end ("52 y.o. F"); in a note typed in lower case,
    where nothing is in capitals, "27 y/o m" too."""
    tail = re.search(r"([MF])$", matched)
    if tail and not matched.lower().endswith(("from", "of")):
        return tail.group(1)
    m = (_SEX_LETTER_LOWER if lower_case else _SEX_LETTER).match(after)
    return m.group("v").upper() if m else None


def _sex_field(sentences: list[Sentence], ctx: Context) -> bool:
    for s in sentences:
        label = search(_SEX_LABEL, s.text)
        if label and has_boxes(s.text[label.end() : label.end() + 40]):
            # "Sex: [ ] Male [X] Female": only the ticked option says anything
            for lo, _ in ticked_spans(s.text[label.end() : label.end() + 40]):
                start = label.end() + lo
                at = start + len(s.text[start:]) - len(s.text[start:].lstrip())
                word = _SEX_WORD.match(s.text, at)
                if word:
                    return _record_sex(s, ctx, bool(word.group("male")), label.start(), word.end())
                letter = _BOXED_LETTER.match(s.text, at)
                if letter:
                    return _record_sex(s, ctx, letter.group(1).upper() == "M", label.start(), letter.end())
        m = search(_SEX_FIELD, s.text)
        if m:
            return _record_sex(s, ctx, m.group("v").lower().startswith("m"), m.start(), m.end())
    return False


#: A title before someone else's name: the letter's addressee ("Dear Ms. Pruitt"), an interpreter, an adjuster.
_OTHER_TITLE = re.compile(
    r"(?:\bdear|\battn\.?|\battention|\bcc|\bto|\binterpreter|\badjuster|\bexaminer|\bnurse|\bmanager|\bclaims|\bcoordinator"
    r"|\btherapist|\bcounsel|\battorney|\bassistant|\bsupervisor)\W{0,3}(?:\([^)]*)?$", _I)


def _explicit_sex(sentences: list[Sentence], ctx: Context) -> bool:
    """A word for the worker's sex ("male", "woman"); a title ("Ms.") only when no such word is written and the title
    names no one else (the letter's addressee, an interpreter)."""
    for titles in (False, True):
        for s in sentences:
            for m in finditer(_SEX_WORD, s.text):
                title = m.group().endswith(".")
                if title != titles or _another_person(s.text, m.start(), m.end()):
                    continue
                if title and _OTHER_TITLE.search(s.text[max(0, m.start() - 30) : m.start()]):
                    continue
                return _record_sex(s, ctx, bool(m.group("male")), m.start(), m.end())
    return False


#: A lone M or F on the worker's own line, between the name and the age or birth date: "PT: [redacted]   M   age 58",
#: "Pt: [name]   F   DOB 1983-05-27".
_HEADER_LETTER = re.compile(r"(?<![\w/.'-])(?P<v>[MF])(?=\s+(?:age\b|DOB\b|D\.O\.B|DOI\b|\(?\d{1,3}\s*(?:y|yo|y/o|yrs?)\b))")


def _header_letter(sentences: list[Sentence], ctx: Context) -> bool:
    for s in sentences:
        for m in finditer(_HEADER_LETTER, s.text):
            if _PATIENT_LABEL.search(_line_before(sentences, s, m.start())):
                return _record_sex(s, ctx, m.group("v") == "M", m.start(), m.end())
    return False


#: A sentence that ends in a name's initial ("Pt: G.H."): the splitter's stop, not the line's end.
_ENDS_IN_INITIAL = re.compile(r"(?:^|[\s.])[A-Z]\.$")


def _line_before(sentences: list[Sentence], s: Sentence, at: int) -> str:
    """Up to 80 characters before *at* on the worker's line: the sentence's own words, and the sentence before when the
    splitter cut the line at a name's initials ("Pt: G.H." | "M   56 yo")."""
    text = s.text[max(0, at - 80) : at]
    n = sentences.index(s) if len(text) < 80 and s.index > 0 else -1
    if n > 0:
        prev = sentences[n - 1]
        if prev.tm is s.tm and 0 <= s.start - (prev.start + len(prev.text)) <= 1 and _ENDS_IN_INITIAL.search(prev.text):
            text = prev.text[-80:] + " " + text
    return text


def _record_sex(s: Sentence, ctx: Context, male: bool, start: int, end: int) -> bool:
    """Set the worker's sex from s.text[start:end], quoting it; True, so a reader can stop there."""
    ctx.draft.sex = "male" if male else "female"
    ev = s.evidence(start, end)
    if ev:
        ctx.draft.claimant_evidence.append(ev)
    return True


def _pronouns(sentences: list[Sentence], ctx: Context) -> bool:
    counts = {"female": 0, "male": 0}
    first: dict[str, Sentence] = {}
    for s in sentences:
        text = _SLASHED.sub(" ", s.text)
        for sex, pattern in (("female", _FEMALE), ("male", _MALE)):
            n = len(pattern.findall(text))
            counts[sex] += n
            if n >= 2 and sex not in first:
                first[sex] = s
    for sex, other in (("female", "male"), ("male", "female")):
        if counts[sex] >= MIN_PRONOUNS and counts[sex] >= PRONOUN_MARGIN * counts[other] and sex in first:
            ctx.draft.sex = sex
            ev = first[sex].evidence()
            if ev:
                ctx.draft.claimant_evidence.append(ev)
            return True
    return False
