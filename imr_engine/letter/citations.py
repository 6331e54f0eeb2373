"""Read the reviewer's "MAXIMUS guideline" line into structured Citations.

The line is free text written by many reviewers ("Decision based on MTUS
Chronic Pain Medical Treatment 2009, Section(s): ...", "... Page(s): 74-75, 78").
We map the guideline's many spellings onto the canonical names of
`imr_engine.citations` so QA can compare the reviewer's citation with a rule's,
and keep section names exactly as the letter spells them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import ValidationError

from ..citations import ACUPUNCTURE, CPMTG, ODG, POST_SURGICAL, Citation, PageRange, Source, acoem
from .normalise import collapse

_DECISION_BASED_ON = re.compile(r"\bDecision\s+based\s+on\s+", re.IGNORECASE)
_NON_MTUS = re.compile(r"^Non[-\s]?MTUS(?:\s+Citations?)?\s*:?\s*", re.IGNORECASE)
_MTUS = re.compile(r"^(?:the\s+)?(?:CA\s+|California\s+)?MTUS\b(?:\s*\(Effective[^)]*\))?\s*:?\s*", re.IGNORECASE)

_RANGE = r"\d+(?:\s*[-\u2013]\s*\d+)?"
_PAGES = re.compile(rf"\bPages?(?:\s*\(s\))?\s*:?\s*(?P<spec>{_RANGE}(?:\s*(?:,|and)\s*{_RANGE})*)", re.IGNORECASE)
_DANGLING_PAGES = re.compile(r"\bPages?(?:\s*\(s\))?\s*:?\s*$", re.IGNORECASE)
_SECTION_MARKER = re.compile(r"^(?:Section\s*\(s\)\s*:?|Sections?\s+on\b|Sections?\s*:)\s*", re.IGNORECASE)
_EDGE_PUNCT = " \t,;:.-\u2013"

_GuidelineName = Callable[[re.Match[str]], str]
#: (pattern matched at the start of the guideline text, canonical name from the match)
_GUIDELINES: tuple[tuple[re.Pattern[str], _GuidelineName], ...] = (
    (
        re.compile(
            r"^Chronic\s+Pain(?:\s+Medical)?(?:\s+Treatment)?(?:\s+Guidelines?)?(?:\s*\(CPMTG\))?"
            r"(?:\s*,?\s*\(?\s*(?:May\s+)?2009\s*\)?)?",
            re.IGNORECASE,
        ),
        lambda m: CPMTG,
    ),
    (
        re.compile(
            r"^(?:ACOEM|American\s+College\s+of\s+Occupational\s+and\s+Environmental\s+Medicine"
            r"(?:\s*\(ACOEM\))?)(?:\s+Practice)?(?:\s+Guidelines?)?(?:\s*,?\s*2nd\s+Edition)?"
            r"(?:\s*,?\s*\(?2004\)?)?(?:\s*,?\s*(?:Chapter|Ch\.?)\s*:?\s*(?P<chapter>\d+))?",
            re.IGNORECASE,
        ),
        lambda m: acoem(int(m["chapter"]) if m["chapter"] else None),
    ),
    (
        re.compile(
            r"^(?:Official\s+Disabilit(?:y|ies)\s+Guidelines?(?:\s*\(ODG\))?|ODG)"
            r"(?:\s+Treatment\s+in\s+Workers'?\s*Comp(?:ensation)?(?:\s*\(TWC\))?)?",
            re.IGNORECASE,
        ),
        lambda m: ODG,
    ),
    (re.compile(r"^Acupuncture(?:\s+Medical)?\s+Treatment(?:\s+Guidelines?)?", re.IGNORECASE), lambda m: ACUPUNCTURE),
    (re.compile(r"^Post[-\s]?Surgical(?:\s+Treatment)?(?:\s+Guidelines?)?", re.IGNORECASE), lambda m: POST_SURGICAL),
)


def parse_guideline_line(text: str) -> tuple[list[Citation], list[str]]:
    """Citations of a "MAXIMUS guideline" line, and warnings about what could not be read.

    A line may hold several citations, each introduced by "Decision based on".
    """
    text = collapse(text)
    parts = _DECISION_BASED_ON.split(text)
    warnings: list[str] = []
    if parts[0].strip(_EDGE_PUNCT):
        warnings.append(f"ignored text before 'Decision based on': {parts[0].strip()!r}")
    if len(parts) == 1:
        if text:
            warnings.append(f"no 'Decision based on' citation in {text!r}")
        return [], warnings
    citations: list[Citation] = []
    for chunk in parts[1:]:
        citation = _parse_one(chunk, warnings)
        if citation is not None:
            citations.append(citation)
    return citations, warnings


def _parse_one(chunk: str, warnings: list[str]) -> Citation | None:
    """One "Decision based on ..." citation (the words after that phrase)."""
    body = chunk.strip(_EDGE_PUNCT)
    source: Source | None = None
    if m := _NON_MTUS.match(body):
        source, body = "non-MTUS", body[m.end() :]
    elif m := _MTUS.match(body):
        source, body = "MTUS", body[m.end() :]
    body, pages, extra = _split_pages(body, warnings)
    guideline, rest = _guideline(body.strip(_EDGE_PUNCT))
    if guideline is None:
        if not body.strip(_EDGE_PUNCT):
            warnings.append(f"citation names no guideline: {chunk.strip()!r}")
            return None
        guideline, rest = body.strip(_EDGE_PUNCT), ""
        warnings.append(f"unrecognised guideline {guideline!r}; kept as written")
    if source is None:
        source = "non-MTUS" if guideline == ODG else "MTUS"
        warnings.append(f"citation {chunk.strip()!r} says neither MTUS nor Non-MTUS; assumed {source}")
    sections = split_sections(rest) + split_sections(extra)
    try:
        return Citation(source=source, guideline=guideline, sections=tuple(sections), pages=tuple(pages))
    except ValidationError as exc:  # defensive: the parts above are already validated
        warnings.append(f"unreadable citation {chunk.strip()!r}: {exc.errors()[0]['msg']}")
        return None


def _split_pages(body: str, warnings: list[str]) -> tuple[str, list[PageRange], str]:
    """Text before the page list, the page ranges, and any text after them."""
    m = _PAGES.search(body)
    if not m:
        return _DANGLING_PAGES.sub("", body.rstrip(_EDGE_PUNCT)), [], ""
    return body[: m.start()], parse_pages(m["spec"], warnings), body[m.end() :]


def parse_pages(spec: str, warnings: list[str] | None = None) -> list[PageRange]:
    """ "74-75, 78, 93" -> [(74, 75), (78, 78), (93, 93)]; impossible ranges are dropped."""
    pages: list[PageRange] = []
    for token in re.split(r"\s*(?:,|\band\b)\s*", spec.strip()):
        bounds = [int(n) for n in re.findall(r"\d+", token)]
        if not bounds:
            continue
        first, last = bounds[0], bounds[-1]
        if first < 1 or last < first:
            if warnings is not None:
                warnings.append(f"impossible page range {token!r} dropped")
            continue
        pages.append((first, last))
    return pages


def _guideline(body: str) -> tuple[str | None, str]:
    """Canonical guideline named at the start of *body*, and the text after it."""
    for pattern, name in _GUIDELINES:
        if m := pattern.match(body):
            return name(m), body[m.end() :]
    return None, body


def split_sections(text: str) -> list[str]:
    """Section names: "Section(s): Weaning of Medications, Duragesic (a, b)" -> two names.

    Names are split at commas outside parentheses. A piece starting in lower case
    continues the previous name ("Opioids, criteria for use"): guideline section
    names start with a capital.
    """
    text = _SECTION_MARKER.sub("", text.strip(_EDGE_PUNCT)).strip(_EDGE_PUNCT)
    pieces: list[str] = []
    depth, current = 0, ""
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        if char in ",;" and depth == 0:
            pieces.append(current)
            current = ""
        else:
            current += char
    pieces.append(current)
    names: list[str] = []
    for piece in (p.strip(_EDGE_PUNCT) for p in pieces):
        if not piece:
            continue
        if names and piece[0].islower():
            names[-1] = f"{names[-1]}, {piece}"
        else:
            names.append(piece)
    return names
