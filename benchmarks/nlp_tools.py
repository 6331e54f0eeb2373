"""`python -m benchmarks.nlp_tools [--half tune|test|both] [--json]`: the field's NLP tools vs the note reader.

Issue 10 item 6 asks whether general clinical-NLP tools read progress notes better than
the reader's own small modules. Each tool is measured two ways on the corpus notes
(`corpus/notes/<half>`), against the answer keys (`imr_engine/corpus/notes.py` scores them):

- **swapped in**: the tool replaces one function of the reader for the length of a run
  (the reader's modules are patched, then restored), and the whole pre-check is scored:
  facts precision and recall, item agreement, as-of dates as the answer key. This is the
  figure that decides, since it is what a user gets;
- **side by side**: what the tool and the current function say on the same inputs
  (polarity calls, sentence sections, date-like strings, sentence boundaries), to explain
  the figure.

The tools are optional and not dependencies of imr-engine: `pip install medspacy dateparser
pysbd` into the same environment. medspaCy runs on a blank spaCy pipeline (no model download).
Extraction speed is each variant's `extract_text` over the half's notes (best of three runs).
Not a test: nothing here fails the build.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from imr_engine.corpus.notes import note_files, score_notes
from imr_engine.extract import case as case_module
from imr_engine.extract import (
    conditions,
    findings,
    function,
    history,
    monitoring,
    negation,
    note_layout,
    timeline,
)
from imr_engine.extract import dates as dates_module
from imr_engine.extract.case import extract_text
from imr_engine.extract.sentences import Sentence, split_sentences
from imr_engine.extract.textmap import TextMap
from imr_engine.facts.fuzzy_date import FuzzyDate
from imr_engine.textio import read_text_file

REPO = Path(__file__).resolve().parent.parent
NOTES = REPO / "corpus" / "notes"
#: Modules that call `negation.polarity` by the name they imported.
_POLARITY_USERS = (findings, history, monitoring, conditions, function)
#: A fixed "today" for dateparser's relative dates, so output never depends on the calendar.
_FIXED_BASE = dt.datetime(2000, 1, 1)


# --- medspaCy ConText -------------------------------------------------------------------------


@cache
def _medspacy() -> Any:
    """A blank English pipeline with medspaCy's ConText and sectionizer and their default rules."""
    import medspacy

    return medspacy.load(medspacy_enable=["medspacy_context", "medspacy_sectionizer"])


def context_flags(text: str, start: int, end: int) -> frozenset[str]:
    """ConText's modifiers of the term at [start, end) of one sentence: negated, uncertain, historical..."""
    nlp = _medspacy()
    doc = nlp.make_doc(text)
    for token in doc:
        token.is_sent_start = token.i == 0
    span = doc.char_span(start, end, label="TARGET", alignment_mode="expand")
    if span is None:
        return frozenset()
    doc.ents = [span]
    doc = nlp.get_pipe("medspacy_context")(doc)
    ent = doc.ents[0]
    names = ("negated", "uncertain", "hypothetical", "historical", "family")
    return frozenset(n for n in names if getattr(ent._, f"is_{n}"))


def context_polarity(text: str, start: int, end: int, *, observation: bool = False) -> negation.Polarity:
    """What ConText says of the term at [start, end) of one sentence, as the reader's polarity.

    Negated -> negated; possible, hypothetical or about family -> hedged; else affirmed
    (a historical mention still affirms the finding). ConText has no "undocumented".
    """
    flags = context_flags(text, start, end)
    if "negated" in flags:
        return "negated"
    if flags & {"uncertain", "hypothetical", "family"}:
        return "hedged"
    return "affirmed"


def hybrid_polarity(text: str, start: int, end: int, *, observation: bool = False) -> negation.Polarity:
    """The reader's form answers and "not documented" first (ConText has neither), then ConText."""
    current = negation.polarity(text, start, end, observation=observation)
    if current == "undocumented" or negation._FIELD_ANSWER.match(text, end):
        return current
    return context_polarity(text, start, end)


#: medspaCy's default section categories, as the reader's canonical sections.
_MEDSPACY_SECTIONS = {
    "chief_complaint": "subjective",
    "history_of_present_illness": "subjective",
    "reason_for_examination": "subjective",
    "physical_exam": "objective",
    "neurological": "objective",
    "diagnoses": "diagnoses",
    "problem_list": "diagnoses",
    "observation_and_plan": "plan",
    "medications": "medications",
    "allergies": "allergies",
    "allergy": "allergies",
    "imaging": "imaging",
    "labs_and_studies": "imaging",
    "past_medical_history": "treatment_history",
}


def lined_text(tm: TextMap) -> str:
    """The clean text with its line breaks put back (same length, same offsets): the tools read layout from them."""
    chars = list(tm.text)
    for start in tm.line_starts:
        if 0 < start <= len(chars) and chars[start - 1] == " ":
            chars[start - 1] = "\n"
    return "".join(chars)


def medspacy_sections(tm: TextMap) -> list[tuple[int, str | None]]:
    """(character where a section's title starts, the reader's name for it), from the sectionizer."""
    nlp = _medspacy()
    doc = nlp.get_pipe("medspacy_sectionizer")(nlp.make_doc(lined_text(tm)))
    out: list[tuple[int, str | None]] = []
    for sec in doc._.sections:
        begin = doc[sec.title_start].idx if sec.title_end > sec.title_start else 0
        out.append((begin, _MEDSPACY_SECTIONS.get(sec.category) if sec.category else None))
    return out


@cache
def _vocab_sectionizer() -> Any:
    """medspaCy's sectionizer given the reader's own headings (note_sections.yaml) as its rules, at line starts.

    This separates the tool's mechanics from its default vocabulary: a heading is its phrase
    with a colon, or the phrase in capitals.
    """
    import spacy
    from medspacy.section_detection import SectionRule

    from imr_engine.resources import vocabulary_dir

    nlp = spacy.blank("en")
    sectionizer = nlp.add_pipe("medspacy_sectionizer", config={"rules": None, "require_start_line": True})
    data = yaml.safe_load((vocabulary_dir() / "note_sections.yaml").read_text(encoding="utf-8"))
    rules = []
    for name, phrases in data["sections"].items():
        for phrase in phrases:
            rules.append(SectionRule(literal=f"{phrase}:", category=name))
            if len(phrase) >= 3:
                caps = [{"TEXT": t.text.upper()} for t in nlp.make_doc(phrase)]
                rules.append(SectionRule(literal=phrase.upper(), category=name, pattern=caps))
    sectionizer.add(rules)
    return nlp


def vocab_sections(tm: TextMap) -> list[tuple[int, str | None]]:
    """(character where a section's title starts, its section), from the sectionizer with the reader's headings."""
    nlp = _vocab_sectionizer()
    doc = nlp(lined_text(tm))
    return [(doc[sec.title_start].idx if sec.title_end > sec.title_start else 0, sec.category)
            for sec in doc._.sections]


def vocab_sectionizer_sentences(tm: TextMap) -> list[Sentence]:
    """The reader's sentences, each given the section the vocabulary-fed sectionizer puts it in."""
    marks = vocab_sections(tm)
    return [
        Sentence(s.text, s.start, s.source, s.item, s.index, tm, _section_at(marks, s.start))
        for s in _original["note_sentences"](tm)
    ]


def _section_at(marks: list[tuple[int, str | None]], at: int) -> str | None:
    section = None
    for begin, name in marks:
        if begin > at:
            break
        section = name
    return section


def sectionizer_sentences(tm: TextMap) -> list[Sentence]:
    """The reader's sentences, each given the section medspaCy's sectionizer puts it in."""
    marks = medspacy_sections(tm)
    return [
        Sentence(s.text, s.start, s.source, s.item, s.index, tm, _section_at(marks, s.start))
        for s in _original["note_sentences"](tm)
    ]


# --- pysbd --------------------------------------------------------------------------------------


@cache
def _pysbd() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def pysbd_split(tm: TextMap, segment: Any, *, lined: bool = False) -> list[Sentence]:
    """`split_sentences` with pysbd deciding the boundaries inside the segment (given the line breaks if *lined*)."""
    text = (lined_text(tm) if lined else tm.text)[segment.start : segment.end]
    out: list[Sentence] = []
    for span in _pysbd().segment(text) if text.strip() else []:
        chunk = text[span.start : span.end].rstrip()
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            out.append(Sentence(chunk.lstrip().replace("\n", " "), segment.start + span.start + lead, segment.source,
                                segment.item, len(out), tm))
    return out


def pysbd_whole_sentences(tm: TextMap) -> list[Sentence]:
    """pysbd over the whole note, no layout breaks; each sentence keeps the section of the layout block it starts in."""
    blocks = note_layout.note_blocks(tm)
    whole = note_layout.Segment(0, len(tm.text), "summary")
    out: list[Sentence] = []
    for s in pysbd_split(tm, whole, lined=True):
        section = next((name for seg, name in blocks if seg.start <= s.start < max(seg.end, seg.start + 1)), None)
        if section is None:
            section = next((name for seg, name in reversed(blocks) if seg.start <= s.start), None)
        out.append(Sentence(s.text, s.start, s.source, s.item, len(out), tm, section))
    return out


# --- dateparser ---------------------------------------------------------------------------------

_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "MDY",
    "RELATIVE_BASE": _FIXED_BASE,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
}


def dateparser_find_dates(text: str, *, years: bool = True) -> list[dates_module.DateMatch]:
    """Full dates (day, month and year) found by `dateparser.search.search_dates`, with their spans."""
    from dateparser.search import search_dates

    found = search_dates(text, languages=["en"], settings=_DATEPARSER_SETTINGS) or []  # type: ignore[arg-type]
    out: list[dates_module.DateMatch] = []
    at = 0
    for phrase, when in found:
        where = text.find(phrase, at)
        if where < 0:
            continue
        at = where + len(phrase)
        out.append(dates_module.DateMatch(where, at, FuzzyDate(when.year, when.month, when.day), "dateparser"))
    return out


# --- running the reader with a function swapped ---------------------------------------------------

_original: dict[str, Any] = {"note_sentences": note_layout.note_sentences}


@contextlib.contextmanager
def patched(targets: list[tuple[Any, str, Any]]) -> Iterator[None]:
    """Set module attributes for the length of the block, then put the originals back."""
    saved = [(module, name, getattr(module, name)) for module, name, _ in targets]
    try:
        for module, name, value in targets:
            setattr(module, name, value)
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)


VARIANTS: dict[str, Callable[[], list[tuple[Any, str, Any]]]] = {
    "current": lambda: [],
    "medspacy_context": lambda: [(m, "polarity", context_polarity) for m in _POLARITY_USERS],
    "medspacy_context_hybrid": lambda: [(m, "polarity", hybrid_polarity) for m in _POLARITY_USERS],
    "medspacy_sectionizer": lambda: [(case_module, "note_sentences", sectionizer_sentences)],
    "medspacy_sectionizer_vocab": lambda: [(case_module, "note_sentences", vocab_sectionizer_sentences)],
    "pysbd_in_layout": lambda: [(note_layout, "split_sentences", pysbd_split)],
    "pysbd_whole_note": lambda: [(case_module, "note_sentences", pysbd_whole_sentences)],
    "dateparser": lambda: [(timeline, "find_dates", dateparser_find_dates)],
}


def _notes(directory: Path) -> list[tuple[str, list[str]]]:
    out = []
    for note, key in note_files(directory):
        answer = yaml.safe_load(key.read_text(encoding="utf-8"))
        out.append((read_text_file(note), [r["text"] for r in answer["requests"]]))
    return out


def _extract_seconds(notes: list[tuple[str, list[str]]], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for text, requests in notes:
            extract_text(text, requests)
        best = min(best, time.perf_counter() - t0)
    return best


def run_variant(name: str, directory: Path) -> dict[str, Any]:
    """The whole pre-check scored with variant *name* swapped in (in this process), and its extraction rate."""
    notes = _notes(directory)
    with patched(VARIANTS[name]()):
        extract_text(*notes[0])  # warm the tool's caches, so the rate measures reading
        report = score_notes(directory)
        seconds = _extract_seconds(notes)
    o, f = report.outcomes, report.facts
    return {
        "variant": name,
        "notes": report.notes,
        "refused": len(report.refused),
        "as_of_correct": report.as_of_correct,
        "items": o.items,
        "agreement": o.agreement,
        "kappa": o.kappa,
        "indeterminate": o.indeterminate,
        "necessary_predicted": f"{report.medically_necessary_predicted}/{report.medically_necessary_expected}",
        "facts_extracted": f.extracted,
        "facts_documented": f.documented,
        "facts_correct": f.correct,
        "facts_precision": f.precision,
        "facts_recall": f.recall,
        "notes_per_s": round(len(notes) / seconds, 1),
        "by_key": {k: (s.extracted, s.documented, s.correct) for k, s in report.facts_by_key.items()},
    }


# --- side by side -------------------------------------------------------------------------------


def polarity_agreement(directory: Path) -> dict[str, Any]:
    """Every polarity call the reader makes on the notes, with what ConText says of the same span."""
    calls: list[tuple[str, int, int, bool, str]] = []

    def recording(text: str, start: int, end: int, *, observation: bool = False) -> negation.Polarity:
        said = negation.polarity(text, start, end, observation=observation)
        calls.append((text, start, end, observation, said))
        return said

    with patched([(m, "polarity", recording) for m in _POLARITY_USERS]):
        for text, requests in _notes(directory):
            extract_text(text, requests)
    pairs = Counter((said, context_polarity(t, s, e)) for t, s, e, _, said in calls)
    examples: dict[str, list[str]] = {}
    for t, s, e, _, said in calls:
        other = context_polarity(t, s, e)
        if other != said and len(examples.setdefault(f"{said}->{other}", [])) < 4:
            examples[f"{said}->{other}"].append(f"{t[max(0, s - 60):s]}[{t[s:e]}]{t[e:e + 30]}".replace("\n", " "))
    agree = sum(n for (a, b), n in pairs.items() if a == b)
    historical = [f"{t[max(0, s - 60):s]}[{t[s:e]}]{t[e:e + 30]}".replace("\n", " ")
                  for t, s, e, _, _ in calls if "historical" in context_flags(t, s, e)]
    return {
        "calls": len(calls),
        "historical": len(historical),
        "historical_examples": historical[:6],
        "agree": agree,
        "pairs": {f"{a}->{b}": n for (a, b), n in sorted(pairs.items())},
        "examples": examples,
    }


def section_agreement(directory: Path) -> dict[str, Any]:
    """Per sentence: the section note_layout gives it vs the one medspaCy's sectionizer gives it."""
    out: dict[str, Any] = {}
    for name, sections in (("default_rules", medspacy_sections), ("reader_headings", vocab_sections)):
        pairs: Counter[tuple[str, str]] = Counter()
        for text, _ in _notes(directory):
            tm = TextMap.build(text)
            marks = sections(tm)
            for s in note_layout.note_sentences(tm):
                pairs[(str(s.section), str(_section_at(marks, s.start)))] += 1
        out[name] = {"sentences": sum(pairs.values()), "agree": sum(n for (a, b), n in pairs.items() if a == b),
                     "disagreements": {f"{a}->{b}": n for (a, b), n in pairs.most_common(12) if a != b}}
    return out


_DATE_LIKE = re.compile(
    r"(?<![\w/.-])(?:\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+\d{4}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4})(?![\w/-])"
)


def _shape(s: str) -> str:
    if re.fullmatch(r"\d{1,2}/10", s):
        return "N/10 (pain rating)"
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", s):
        return "YYYY-MM-DD"
    if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}", s):
        return "M/D/YYYY"
    if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}", s):
        return "M/D/YY"
    if re.fullmatch(r"\d{1,2}/\d{4}", s):
        return "M/YYYY"
    if re.fullmatch(r"\d{1,4}[/.-]\d{1,2}", s):
        return "N/N (no year)"
    return "month name"


def date_strings(directory: Path) -> dict[str, Any]:
    """Every date-like string of the notes: how many dates.py and dateparser each read, and agree on."""
    import dateparser

    settings = {"DATE_ORDER": "MDY", "RELATIVE_BASE": _FIXED_BASE, "PREFER_DAY_OF_MONTH": "first"}
    shapes: dict[str, Counter[str]] = {}
    examples: dict[str, list[str]] = {}
    for text, _ in _notes(directory):
        for m in _DATE_LIKE.finditer(text):
            s = m.group()
            c = shapes.setdefault(_shape(s), Counter())
            c["found"] += 1
            ours = dates_module.parse_date(s)
            theirs = dateparser.parse(s, languages=["en"], settings=settings)  # type: ignore[arg-type]
            c["dates_py"] += ours is not None
            c["dateparser"] += theirs is not None
            if theirs is not None and ours is None and len(examples.setdefault(_shape(s), [])) < 6:
                examples[_shape(s)].append(f"{s} -> {theirs.date().isoformat()}")
            if ours is not None and theirs is not None:
                same = (ours.year, ours.month or theirs.month, ours.day or theirs.day) == (
                    theirs.year, theirs.month, theirs.day)
                c["both_same"] += same
                c["both_differ"] += not same
    return {"by_shape": {k: dict(v) for k, v in sorted(shapes.items())}, "read_by_dateparser_only": examples}


def as_of_with_dateparser(directory: Path) -> dict[str, int]:
    """Notes whose answer-key as-of date appears as a full date dateparser / dates.py reads anywhere in the note."""
    seen = {"notes": 0, "dates_py": 0, "dateparser": 0}
    for note, key in note_files(directory):
        answer = yaml.safe_load(key.read_text(encoding="utf-8"))
        want = answer.get("as_of")
        text = read_text_file(note)
        seen["notes"] += 1
        ours = {(d.date.year, d.date.month, d.date.day) for d in dates_module.find_dates(text, years=False)}
        theirs = {(d.date.year, d.date.month, d.date.day) for d in dateparser_find_dates(text)}
        if isinstance(want, dt.date):
            seen["dates_py"] += (want.year, want.month, want.day) in ours
            seen["dateparser"] += (want.year, want.month, want.day) in theirs
    return seen


def boundary_agreement(directory: Path) -> dict[str, Any]:
    """Sentence starts of the reader (layout + split_sentences) vs pysbd over the whole note."""
    ours_n = theirs_n = common = 0
    for text, _ in _notes(directory):
        tm = TextMap.build(text)
        ours = {s.start for s in note_layout.note_sentences(tm)}
        theirs = {s.start for s in pysbd_whole_sentences(tm)}
        ours_n, theirs_n, common = ours_n + len(ours), theirs_n + len(theirs), common + len(ours & theirs)
    in_blocks_ours = in_blocks_theirs = in_blocks_common = 0
    for text, _ in _notes(directory):
        tm = TextMap.build(text)
        for segment, _section in note_layout.note_blocks(tm):
            a = {s.start for s in split_sentences(tm, segment)}
            b = {s.start for s in pysbd_split(tm, segment)}
            in_blocks_ours, in_blocks_theirs = in_blocks_ours + len(a), in_blocks_theirs + len(b)
            in_blocks_common += len(a & b)
    return {
        "whole_note": {"reader": ours_n, "pysbd": theirs_n, "common": common},
        "inside_layout_blocks": {"split_sentences": in_blocks_ours, "pysbd": in_blocks_theirs,
                                 "common": in_blocks_common},
    }


@dataclass
class Options:
    halves: list[str]
    variants: list[str]
    side_by_side: bool
    as_json: bool


def _options(argv: list[str] | None) -> Options:
    p = argparse.ArgumentParser(prog="python -m benchmarks.nlp_tools", description=__doc__.split("\n")[0])
    p.add_argument("--half", choices=["tune", "test", "both"], default="tune")
    p.add_argument("--variant", action="append", choices=sorted(VARIANTS), help="default: all")
    p.add_argument("--no-side-by-side", action="store_true")
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)
    halves = ["tune", "test"] if a.half == "both" else [a.half]
    return Options(halves, a.variant or list(VARIANTS), not a.no_side_by_side, a.json)


def main(argv: list[str] | None = None) -> int:
    opts = _options(argv)
    results: dict[str, Any] = {}
    for half in opts.halves:
        directory = NOTES / half
        out: dict[str, Any] = {"variants": [run_variant(v, directory) for v in opts.variants]}
        if opts.side_by_side:
            out["polarity"] = polarity_agreement(directory)
            out["sections"] = section_agreement(directory)
            out["date_strings"] = date_strings(directory)
            out["as_of_in_text"] = as_of_with_dateparser(directory)
            out["boundaries"] = boundary_agreement(directory)
        if half == "test":
            _drop_examples(out)
        results[half] = out
    if opts.as_json:
        json.dump(results, sys.stdout, indent=1, sort_keys=True, default=str)
        print()
    else:
        print(render(results))
    return 0


def _drop_examples(out: dict[str, Any]) -> None:
    """The test half is scored, never read: its figures are printed, its sentences are not."""
    out.get("polarity", {}).pop("examples", None)
    out.get("polarity", {}).pop("historical_examples", None)
    out.get("date_strings", {}).pop("read_by_dateparser_only", None)


def render(results: dict[str, Any]) -> str:
    lines: list[str] = []
    for half, out in results.items():
        lines.append(f"== {half} half ==")
        lines.append(f"{'variant':<26}{'as-of':>6}{'agree':>8}{'kappa':>7}{'indet':>6}{'MN':>8}"
                     f"{'prec':>8}{'recall':>8}{'right/extr/doc':>16}{'notes/s':>9}")
        for v in out["variants"]:
            lines.append(
                f"{v['variant']:<26}{v['as_of_correct']:>3}/{v['notes']:<2}{v['agreement']:>8.3f}"
                f"{v['kappa'] or 0:>7.2f}{v['indeterminate']:>6}{v['necessary_predicted']:>8}"
                f"{v['facts_precision']:>8.3f}{v['facts_recall']:>8.3f}"
                f"{v['facts_correct']:>6}/{v['facts_extracted']}/{v['facts_documented']:<4}{v['notes_per_s']:>9}"
            )
        for key in ("polarity", "sections", "date_strings", "as_of_in_text", "boundaries"):
            if key in out:
                lines.append(f"{key}: {json.dumps(out[key], indent=1, default=str)}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
