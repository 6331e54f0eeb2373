"""Entry points: letter text -> ParsedLetter, refusing unreadable letters with LetterParseError.

The parser is strict about structure (a letter without its items section or
without items is refused) and lenient about content: a missing field, an
unreadable citation or a cut-off text becomes a warning on the result.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import LetterParseError
from ..textio import read_text_file
from .citations import parse_guideline_line
from .conclusion import read_conclusion
from .cover import parse_cover
from .items import (
    CLAIMS_ADMINISTRATOR,
    MAXIMUS,
    RATIONALE,
    SCREENING,
    ItemDraft,
    assign_fields,
    heading_at,
    read_item_blocks,
)
from .layouts import (
    DISPUTE,
    GUIDELINES,
    ISSUES,
    RATIONALES,
    REVIEWER,
    SUMMARY,
    Layout,
    LineHeadings,
    Sections,
    detect_layout,
    split_sections,
)
from .model import LetterItem, ParsedLetter
from .normalise import clean_lines, ends_sentence, join_prose
from .reviewer import parse_reviewer

#: A line of a check-box list ("[X] Upheld (Agree)", "[ ] ODG - ..."): layout 4's outcome and criteria boxes.
_CHECK_BOX = re.compile(r"^\[\s*[xX]?\s*\]")
#: The fields every item of a layout states; layout 4 names no claims administrator's guideline.
_ITEM_FIELDS: dict[int, tuple[str, ...]] = {4: (MAXIMUS, RATIONALE)}
_SUMMARY_PREAMBLE = re.compile(
    r"^The\s+(?:\w+\s+){0,2}reviewer\s+developed\s+the\s+following\s+clinical\s+case\s+summary\b[^:]*:\s*",
    re.IGNORECASE,
)


def parse_letter_file(path: str | Path) -> ParsedLetter:
    """Parse the letter in *path* (InputFileError if it is not readable text)."""
    return parse_letter(read_text_file(path), source=str(path))


def parse_letter(text: str, source: str | None = None) -> ParsedLetter:
    """Parse an IMR determination letter (or a Texas IRO decision) of any known layout."""
    where = source or "<letter text>"
    lines = clean_lines(text)
    if not lines:
        raise LetterParseError("letter is empty", source=where)
    headings = LineHeadings(lines)  # one pass over the lines for the layout and its sections
    layout = detect_layout(lines, where, headings)
    sections = split_sections(lines, layout, headings)
    warnings = list(sections.warnings)

    cover, cover_warnings = parse_cover(" ".join(sections.cover))
    warnings += cover_warnings
    reviewer, reviewer_warnings = parse_reviewer(join_prose(_section(sections, layout, REVIEWER, warnings)))
    warnings += reviewer_warnings
    summary = _summary(_section(sections, layout, SUMMARY, warnings))
    truncated = bool(summary) and not ends_sentence(summary)
    if truncated:
        warnings.append(f"clinical case summary ends mid-sentence ({summary[-30:]!r}): the text is cut off")

    drafts = _drafts(sections, layout, warnings)
    if not drafts:
        heading = layout.heading_for(layout.required)
        raise LetterParseError(
            f"letter lists no disputed items (no '<request>: Upheld|Overturned' line under '{heading}')",
            source=where,
        )
    expected = _ITEM_FIELDS.get(layout.number, (CLAIMS_ADMINISTRATOR, MAXIMUS, RATIONALE))
    items = [_item(n, draft, warnings, expected, layout.jurisdiction == "texas") for n, draft in enumerate(drafts)]
    return ParsedLetter(
        source=source,
        layout=layout.number,
        jurisdiction=layout.jurisdiction,
        case_number=cover.case_number,
        date_assigned=cover.date_assigned,
        ur_denial_date=cover.ur_denial_date,
        reviewer=reviewer,
        summary=summary,
        summary_truncated=truncated,
        items=items,
        warnings=warnings,
        text=text,
    )


def _section(sections: Sections, layout: Layout, role: str, warnings: list[str]) -> list[str]:
    """Lines of an optional section; its absence is a warning, not an error."""
    if role not in sections.by_role:
        warnings.append(f"no '{layout.heading_for(role)}' section found")
        return []
    return sections.by_role[role]


def _summary(lines: Sequence[str]) -> str:
    """The case narrative without the "The expert reviewer developed ..." preamble."""
    return _SUMMARY_PREAMBLE.sub("", join_prose(lines))


def _drafts(sections: Sections, layout: Layout, warnings: list[str]) -> list[ItemDraft]:
    if layout.required == ISSUES:
        drafts, item_warnings = read_item_blocks(sections.by_role[ISSUES])
        warnings += item_warnings
        return drafts
    dispute = sections.by_role[DISPUTE]
    if layout.number == 4:
        dispute = _from_first_item(dispute)
    drafts, item_warnings = read_item_blocks(dispute, numbered=True)
    warnings += item_warnings
    guideline_lines = _section(sections, layout, GUIDELINES, warnings)
    if layout.number == 4:
        guideline_lines = [line for line in guideline_lines if not _CHECK_BOX.match(line)]
        warnings += assign_fields(drafts, guideline_lines, (SCREENING,))
        for draft in drafts:
            if SCREENING in draft.fields:
                draft.fields[MAXIMUS] = draft.fields.pop(SCREENING)
    else:
        warnings += assign_fields(drafts, guideline_lines, (CLAIMS_ADMINISTRATOR, MAXIMUS))
    rationale_lines = _section(sections, layout, RATIONALES, warnings)
    warnings += assign_fields(drafts, rationale_lines, (RATIONALE,), default_label=RATIONALE)
    return drafts


def _from_first_item(lines: Sequence[str]) -> list[str]:
    """Layout 4's outcome section from its first "<n>. <service>: Upheld" line: the check boxes and the
    sentence above them give the overall outcome, which the per-service lines spell out."""
    for i in range(len(lines)):
        if heading_at(lines, i, numbered=True):
            return list(lines[i:])
    return []


def _item(index: int, draft: ItemDraft, warnings: list[str], expected: tuple[str, ...], texas: bool) -> LetterItem:
    """A finished item; every gap or inconsistency is noted in *warnings*.

    A Texas decision never labels a guideline MTUS or non-MTUS (the MTUS is California's), so
    the label's absence is not worth a warning there.
    """
    where = f"item {index} ({draft.request!r})"
    for label in expected:
        if label not in draft.fields:
            warnings.append(f"{where}: no '{label}:' found (letter cut off?)")
    citations, citation_warnings = parse_guideline_line(join_prose(draft.fields.get(MAXIMUS, [])))
    warnings += [f"{where}: {w}" for w in citation_warnings if not (texas and "says neither MTUS nor" in w)]
    rationale = join_prose(draft.fields.get(RATIONALE, []))
    if rationale and not ends_sentence(rationale):
        warnings.append(f"{where}: rationale ends mid-sentence (letter cut off?)")
    necessary = read_conclusion(rationale)
    if rationale and necessary is None:
        warnings.append(f"{where}: rationale states no conclusion on medical necessity")
    if necessary is not None and necessary == (draft.decision == "Upheld"):
        said = "medically necessary" if necessary else "not medically necessary"
        warnings.append(f"{where}: decision {draft.decision} contradicts the rationale's conclusion ({said})")
    return LetterItem(
        index=index,
        request=draft.request,
        decision=draft.decision,
        claims_administrator_guideline=join_prose(draft.fields.get(CLAIMS_ADMINISTRATOR, [])),
        citations=citations,
        rationale=rationale,
        medically_necessary=necessary,
    )
