"""Which of the four known letter layouts a text is, and its sections.

A layout is a set of headings, each with a role (where the reviewer is
described, the case summary, the disputed items...). The parser works on roles,
so the rest of the code need not know which layout it reads. Layouts 1-3 are
California IMR letters; layout 4 is a Texas IRO decision, whose reviewer applies
the guideline Texas adopts (ODG), so the layout also tells the jurisdiction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import LetterParseError
from ..facts.model import Jurisdiction
from .model import LayoutNumber
from .normalise import collapse

# Section roles.
REVIEWER = "reviewer"
SUMMARY = "summary"
ISSUES = "issues"  # layouts 1-2: item blocks "<request>: Upheld", guideline lines, rationale
DOCUMENTS = "documents"
DISPUTE = "dispute"  # layout 3: the list of disputed items and decisions
GUIDELINES = "guidelines"  # layout 3: guideline lines of every item
RATIONALES = "rationales"  # layout 3: rationale of every item
TITLE = "title"  # header lines that only mark the layout
SERVICES = "services"  # layout 4: the services in dispute, listed again under the review outcome


@dataclass(frozen=True)
class Layout:
    """One letter layout: its headings by role and the role that must be present."""

    number: LayoutNumber
    headings: tuple[tuple[str, str], ...]  # (heading text, role)
    required: str
    markers: frozenset[str] = field(default_factory=frozenset)  # headings that identify it
    jurisdiction: Jurisdiction = "california"

    def heading_for(self, role: str) -> str:
        return next(text for text, r in self.headings if r == role)


LAYOUT_1 = Layout(
    1,
    (
        ("HOW THE IMR FINAL DETERMINATION WAS MADE", REVIEWER),
        ("CLINICAL CASE SUMMARY", SUMMARY),
        ("IMR ISSUES, DECISIONS AND RATIONALES", ISSUES),
    ),
    required=ISSUES,
    markers=frozenset({"IMR ISSUES, DECISIONS AND RATIONALES"}),
)
LAYOUT_2 = Layout(
    2,
    (
        ("MAXIMUS FEDERAL SERVICES, INC.", TITLE),
        ("Independent Medical Review", TITLE),
        ("HOW THE IMR FINAL DETERMINATION WAS MADE", REVIEWER),
        ("DOCUMENTS REVIEWED", DOCUMENTS),
        ("CLINICAL CASE SUMMARY", SUMMARY),
        ("IMR DECISION(S) AND RATIONALE(S)", ISSUES),
    ),
    required=ISSUES,
    markers=frozenset({"IMR DECISION(S) AND RATIONALE(S)"}),
)
LAYOUT_3 = Layout(
    3,
    (
        ("MEDICAL PROFESSIONAL REVIEW", TITLE),
        ("ISSUE AT DISPUTE:", DISPUTE),
        ("CASE SUMMARY:", SUMMARY),
        ("DOCUMENTS REVIEWED FOR DETERMINATION:", DOCUMENTS),
        ("MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:", GUIDELINES),
        ("RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:", RATIONALES),
        ("MEDICAL REVIEWER QUALIFICATIONS:", REVIEWER),
    ),
    required=DISPUTE,
    markers=frozenset({"MEDICAL PROFESSIONAL REVIEW", "ISSUE AT DISPUTE:"}),
)
#: A Texas IRO decision (28 TAC §133.308): the form's headings, the outcome as check boxes with one
#: line per service, and the screening criteria as a check-box list of guideline sources.
LAYOUT_4 = Layout(
    4,
    (
        ("NOTICE OF INDEPENDENT REVIEW DECISION", TITLE),
        ("DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:", SERVICES),
        ("A DESCRIPTION OF THE QUALIFICATIONS FOR EACH PHYSICIAN OR OTHER HEALTH CARE PROVIDER WHO REVIEWED "
         "THE DECISION:", REVIEWER),
        ("REVIEW OUTCOME:", DISPUTE),
        ("INFORMATION PROVIDED TO THE IRO FOR REVIEW:", DOCUMENTS),
        ("PATIENT CLINICAL HISTORY (SUMMARY):", SUMMARY),
        ("ANALYSIS AND EXPLANATION OF THE DECISION INCLUDE CLINICAL BASIS, FINDINGS, AND CONCLUSIONS USED TO "
         "SUPPORT THE DECISION:", RATIONALES),
        ("A DESCRIPTION AND THE SOURCE OF THE SCREENING CRITERIA OR OTHER CLINICAL BASIS USED TO MAKE THE "
         "DECISION:", GUIDELINES),
    ),
    required=DISPUTE,
    markers=frozenset({"NOTICE OF INDEPENDENT REVIEW DECISION", "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:"}),
    jurisdiction="texas",
)
#: Most specific first: layouts 4, 3 and 2 have markers layout 1 lacks.
LAYOUTS = (LAYOUT_4, LAYOUT_3, LAYOUT_2, LAYOUT_1)


@dataclass(frozen=True)
class HeadingHit:
    """A heading found at lines[start:end]; `rest` is text after a 'HEADING:' on its line."""

    start: int
    end: int
    heading: str
    role: str
    rest: str


def _match(candidate: str, heading: str) -> str | None:
    """Text after *heading* if *candidate* is that heading line, else None."""
    cand, head = candidate.casefold(), heading.casefold()
    if cand == head or (head.endswith(":") and cand == head[:-1]):
        return ""
    if head.endswith(":") and cand.startswith(head):
        return candidate[len(heading) :].strip()
    return None


#: Every layout's headings, each text once (layouts 1 and 2 share three), casefolded, in layout order.
_HEADINGS: tuple[tuple[str, str], ...] = tuple(
    dict.fromkeys((text, text.casefold()) for layout in LAYOUTS for text, _ in layout.headings)
)
#: The headings by their first two casefolded characters: a line can only start a heading it starts like.
_BY_START: dict[str, tuple[tuple[str, str], ...]] = {
    start: tuple(h for h in _HEADINGS if h[1][:2] == start) for start in {h[1][:2] for h in _HEADINGS}
}


class LineHeadings:
    """Where each heading of any layout could stand in *lines*, found in one pass over the lines.

    For each line that starts a heading (of any layout), the heading texts it starts, each with the
    lines it spans (a heading may wrap over 2-3 lines) and the text after a 'HEADING:' on its line.
    Whether a heading stands at a line does not depend on the layout, only which heading wins there
    (the layout's first) and which lines the walk skips (those a heading spans): `find` walks the
    found lines for one layout, so detecting the layout and cutting the sections read the lines once
    instead of once per layout.
    """

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.at: dict[int, dict[str, tuple[int, str]]] = {}
        for i, raw in enumerate(lines):
            line = raw.casefold()
            candidates = _BY_START.get(line[:2], ()) if len(line) >= 2 else _HEADINGS
            for heading, head in candidates:
                found = _heading_at(lines, i, line, heading, head)
                if found is not None:
                    self.at.setdefault(i, {})[heading] = found
        self.starts = sorted(self.at)

    def find(self, layout: Layout) -> list[HeadingHit]:
        """Every occurrence of the layout's headings (a heading's lines are not read again)."""
        hits: list[HeadingHit] = []
        i = 0
        for start in self.starts:
            if start < i:
                continue
            here = self.at[start]
            for heading, role in layout.headings:
                if heading in here:
                    width, rest = here[heading]
                    hits.append(HeadingHit(start, start + width, heading, role, rest))
                    i = start + width
                    break
        return hits


def _heading_at(lines: Sequence[str], i: int, line: str, heading: str, head: str) -> tuple[int, str] | None:
    """(lines spanned, text after it) when *heading* stands at lines[i] (*line*: casefolded), else None."""
    p = min(len(line), len(head) - 1, 8)
    if line[:p] != head[:p]:
        return None
    for width in (1, 2, 3):
        if width > 1 and not head.startswith(line + " "):
            break  # only a proper prefix of a heading can wrap
        rest = _match(collapse(" ".join(lines[i : i + width])), heading)
        if rest is not None:
            return width, rest
    return None


def find_headings(lines: Sequence[str], layout: Layout, headings: LineHeadings | None = None) -> list[HeadingHit]:
    """Every occurrence of the layout's headings, also when wrapped over 2-3 lines.

    *headings*: the lines' `LineHeadings`, when the caller has them already.
    """
    return (headings if headings is not None else LineHeadings(lines)).find(layout)


def detect_layout(lines: Sequence[str], source: str, headings: LineHeadings | None = None) -> Layout:
    """The layout whose marker headings the text carries, or a LetterParseError saying why none.

    A letter that has a layout's other headings but not its items section is
    reported as missing that section: the most useful thing to tell the user.
    *headings*: the lines' `LineHeadings`, when the caller has them already.
    """
    headings = headings if headings is not None else LineHeadings(lines)
    found = {layout.number: {hit.heading for hit in headings.find(layout)} for layout in LAYOUTS}
    for layout in LAYOUTS:
        if found[layout.number] & layout.markers:
            _require(layout, found[layout.number], source)
            return layout
    layout_2_only = {text for text, _ in LAYOUT_2.headings} - {text for text, _ in LAYOUT_1.headings}
    if found[2] & layout_2_only:
        _require(LAYOUT_2, found[2], source)
    if found[1]:
        _require(LAYOUT_1, found[1], source)
    raise LetterParseError(
        "unknown letter layout: none of the headings of the known layouts "
        f"('{LAYOUT_1.heading_for(ISSUES)}', '{LAYOUT_2.heading_for(ISSUES)}', "
        f"'{LAYOUT_3.heading_for(DISPUTE)}', '{LAYOUT_4.heading_for(DISPUTE)}') found",
        source=source,
    )


def _require(layout: Layout, found: set[str], source: str) -> None:
    heading = layout.heading_for(layout.required)
    if heading not in found:
        raise LetterParseError(f"no '{heading}' section found", source=source)


@dataclass
class Sections:
    """The letter cut at its headings: lines before the first heading, and each role's lines."""

    cover: list[str]
    by_role: dict[str, list[str]]
    warnings: list[str]


def split_sections(lines: Sequence[str], layout: Layout, headings: LineHeadings | None = None) -> Sections:
    """Cut *lines* at the layout's headings; a repeated heading keeps its first section.

    The cover is everything before the first section heading, title lines excluded
    (a layout-2 letter puts its case number under the MAXIMUS header).
    *headings*: the lines' `LineHeadings`, when the caller has them already.
    """
    hits = find_headings(lines, layout, headings)
    cover = list(lines[: hits[0].start]) if hits else list(lines)
    by_role: dict[str, list[str]] = {}
    warnings: list[str] = []
    for n, hit in enumerate(hits):
        stop = hits[n + 1].start if n + 1 < len(hits) else len(lines)
        body = ([hit.rest] if hit.rest else []) + list(lines[hit.end : stop])
        if hit.role == TITLE:
            if not by_role:
                cover += body
        elif hit.role in by_role:
            warnings.append(f"heading '{hit.heading}' appears more than once; the first is used")
        else:
            by_role[hit.role] = body
    return Sections(cover, by_role, warnings)
