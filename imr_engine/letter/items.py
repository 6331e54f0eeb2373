"""Cut the disputed-items text into one draft per item: heading, labelled fields.

Layouts 1 and 2 write each item as a block: "<request>: Upheld", then
"Claims Administrator guideline:", "MAXIMUS guideline:", "Decision rationale:".
Layout 3 lists the items under "ISSUE AT DISPUTE:" and gives their guideline
lines and rationales in later sections, in the same order (or after a line
naming the request); layout 4 (a Texas IRO decision) does the same under its
own headings, naming each service's criteria on a "Screening criteria:" line. Fields stay as lines here; `parser` turns them into prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .model import Decision
from .normalise import collapse, ends_sentence

CLAIMS_ADMINISTRATOR = "Claims Administrator guideline"
MAXIMUS = "MAXIMUS guideline"
RATIONALE = "Decision rationale"
SCREENING = "Screening criteria"  # layout 4's line for the guideline an item was decided by
_LABELS = (
    (CLAIMS_ADMINISTRATOR, re.compile(r"^Claims\s+Administrator(?:'s)?\s+guidelines?\s*:\s*", re.IGNORECASE)),
    (MAXIMUS, re.compile(r"^MAXIMUS\s+guidelines?\s*:\s*", re.IGNORECASE)),
    (RATIONALE, re.compile(r"^Decision\s+rationale\s*:\s*", re.IGNORECASE)),
    (SCREENING, re.compile(r"^Screening\s+criteria\s*:\s*", re.IGNORECASE)),
)
#: The characters a label can start with: its first letters either case ('\u017f', the long s, is an 's' to
#: IGNORECASE). A line starting otherwise is not tried against the four patterns.
_LABEL_STARTS = frozenset("CcMmDdSs\u017f")
_HEADING = re.compile(r"^(?P<request>.*?\S)\s*:\s*(?P<decision>Upheld|Overturned)\s*\.?$", re.IGNORECASE)
_DECISION_ONLY = re.compile(r"^(?P<decision>Upheld|Overturned)\s*\.?$", re.IGNORECASE)
_DECISIONS: dict[str, Decision] = {"upheld": "Upheld", "overturned": "Overturned"}
_NUMBERING = re.compile(r"^\d{1,2}\s*[.)]\s+")
_PREAMBLE = re.compile(r"^The\s+Final\s+Determination\s+was\s+based\s+on\b", re.IGNORECASE)


@dataclass
class ItemDraft:
    """One item as found: heading parts and the raw lines of each labelled field."""

    request: str
    decision: Decision
    fields: dict[str, list[str]] = field(default_factory=dict)


def label_of(line: str) -> tuple[str, str] | None:
    """(label, text after it) when *line* starts with a field label."""
    if line[:1] not in _LABEL_STARTS:
        return None
    for name, pattern in _LABELS:
        if m := pattern.match(line):
            return name, line[m.end() :]
    return None


def heading_at(lines: Sequence[str], i: int, *, numbered: bool = False) -> tuple[str, Decision, int] | None:
    """(request, decision, lines used) when an item heading starts at lines[i].

    Also reads a heading whose decision wrapped onto its own line ("...#15:" / "Upheld").
    """
    line = _NUMBERING.sub("", lines[i]) if numbered else lines[i]
    if label_of(line):
        return None
    if _may_decide(line) and (m := _HEADING.match(line)):
        return collapse(m["request"]), _DECISIONS[m["decision"].lower()], 1
    if line.endswith(":") and i + 1 < len(lines) and (d := _DECISION_ONLY.match(lines[i + 1])):
        request = collapse(line[:-1])
        return (request, _DECISIONS[d["decision"].lower()], 2) if request else None
    return None


def _may_decide(line: str) -> bool:
    """False when *line* cannot hold a decision word, so the heading pattern need not try it.

    That pattern's lazy request part tries every cut of the line; in ASCII text IGNORECASE is
    exactly `str.lower`, other text is always tried.
    """
    if not line.isascii():
        return True
    low = line.lower()
    return "upheld" in low or "overturned" in low


def _may_start_heading(line: str) -> bool:
    """A line just before a heading that is really its first half (a long request wrapped)."""
    return not (
        ends_sentence(line)
        or line.endswith(":")
        or label_of(line)
        or "medically necessary" in line.lower()
        or len(line) > 160
    )


def read_item_blocks(lines: Sequence[str], *, numbered: bool = False) -> tuple[list[ItemDraft], list[str]]:
    """Item drafts of a layout 1-2 issues section (or a layout 3 dispute list), and warnings."""
    drafts: list[ItemDraft] = []
    warnings: list[str] = []
    preamble: list[str] = []
    target: list[str] = preamble  # where the next plain line goes
    target_label: str | None = None  # the field *target* belongs to (None: preamble or stray text)
    last_plain = False  # was the previous line a plain continuation (not a heading or label)?
    i = 0
    while i < len(lines):
        head = heading_at(lines, i, numbered=numbered)
        if head:
            request, decision, used = head
            # A guideline line never runs into the next heading; a rationale or the preamble may.
            stealable = target_label in (None, RATIONALE) and last_plain and target
            if stealable and _may_start_heading(target[-1]):
                request = collapse(f"{target.pop()} {request}")
            drafts.append(ItemDraft(request, decision))
            target, target_label, last_plain = [], None, False
            i += used
            continue
        labelled = label_of(lines[i])
        if labelled:
            name, rest = labelled
            target, target_label = [], name
            if not drafts:
                warnings.append(f"'{name}:' before the first item heading ignored")
            elif name in drafts[-1].fields:
                warnings.append(f"item {len(drafts) - 1}: repeated '{name}:' ignored")
            else:
                drafts[-1].fields[name] = target
            if rest:
                target.append(rest)
            last_plain = False
        else:
            if drafts and not drafts[-1].fields and not target:
                warnings.append(f"item {len(drafts) - 1}: text between heading and first label ignored")
            target.append(lines[i])
            last_plain = True
        i += 1
    if preamble and not _PREAMBLE.match(preamble[0]):
        warnings.append(f"text before the first item ignored: {collapse(' '.join(preamble))[:80]!r}")
    return drafts, warnings


def assign_fields(
    drafts: Sequence[ItemDraft],
    lines: Sequence[str],
    labels: tuple[str, ...],
    *,
    default_label: str | None = None,
) -> list[str]:
    """Give layout-3 items their labelled fields from a later section; return warnings.

    Each label's k-th occurrence goes to item k, unless a line naming an item's
    request ("<request>:") precedes it. Unlabelled text goes to *default_label*.
    """
    names = {collapse(d.request).casefold(): n for n, d in enumerate(drafts)}
    warnings: list[str] = []
    counters = dict.fromkeys(labels, 0)
    named: int | None = None
    target: list[str] | None = None
    for line in lines:
        key = collapse(_NUMBERING.sub("", line)).rstrip(":").strip().casefold()
        if line.endswith(":") and key in names:
            named, target = names[key], None
            continue
        labelled = label_of(line)
        if labelled is None and target is not None:
            target.append(line)
            continue
        if labelled is None and default_label is None:
            warnings.append(f"text outside any labelled field ignored: {line[:60]!r}")
            continue
        name, rest = labelled if labelled else (default_label or "", line)
        if name not in counters:
            warnings.append(f"'{name}:' does not belong in this section; ignored")
            target = []
            continue
        k = named if named is not None else counters[name]
        counters[name] = k + 1
        target = [rest] if rest else []
        if k >= len(drafts):
            warnings.append(f"'{name}:' number {k + 1} has no disputed item; ignored")
        elif name in drafts[k].fields:
            warnings.append(f"item {k}: repeated '{name}:' ignored")
        else:
            drafts[k].fields[name] = target
    return warnings
