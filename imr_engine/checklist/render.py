"""The checklist as a UR reviewer reads it in a terminal, under each item's determination."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from ..engine.render import render_item
from .model import ItemChecklist

if TYPE_CHECKING:
    from ..precheck import PrecheckResult

WIDTH = 100
_MARK = {"documented": "[x]", "documented_absent": "[-]", "not_documented": "[ ]"}
_WORDS = {"documented": "documented", "documented_absent": "documented absent", "not_documented": "not documented"}
DISCLAIMER = (
    "A prediction from encoded guideline criteria, not a determination: the reviewer decides. "
    "Citations marked 'not yet checked' have not been checked against the guideline text."
)
UNCHECKED = "citation not yet checked against the guideline text"


def _wrap(text: str, indent: str, first: str | None = None) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=first or indent, subsequent_indent=indent)


def applied(item: ItemChecklist) -> dict[tuple[str, bool], list[str]]:
    """The deciding rules grouped by guideline generation and whether their citation was checked."""
    out: dict[tuple[str, bool], list[str]] = {}
    for g in item.guidelines:
        out.setdefault((g.generation, g.citation_checked), []).append(g.rule_id)
    return out


def render_checklist(item: ItemChecklist) -> str:
    """Generation applied, each criterion marked with its quote, and what must change together."""
    lines: list[str] = []
    for (generation, checked), rules in applied(item).items():
        note = "citation checked" if checked else UNCHECKED
        lines.append(_wrap(f"{generation}; {note} ({', '.join(rules)})", "        ", "    Guideline applied: "))
    if item.criteria:
        lines.append("    Documentation checklist:")
        for c in item.criteria:
            where = " (request line)" if c.source == "request" else ""
            lines.append(_wrap(f"{c.label}{where}: {_WORDS[c.status]}", "          ", f"      {_MARK[c.status]} "))
            if c.quote:
                lines.append(_wrap(f'"{c.quote}"', "          "))
    lines.append(_wrap(item.summary, "      ", "    To change the outcome: "))
    for n, s in enumerate(item.to_change, 1):
        lines.append(_wrap("; ".join(c.wording for c in s.changes) + f" -> {s.outcome}", "          ",
                           f"      set {n}: "))
    return "\n".join(lines)


def render_precheck(result: PrecheckResult) -> str:
    """`imr precheck`'s text: the case line, warnings, then each item with its checklist."""
    d = result.determination
    head = f"Case {d.case_id} — as of {d.as_of} ({d.as_of_source.replace('_', ' ')}); rules {d.rules_version}"
    if d.as_of_quote:
        head += f'\n  date read from: "{d.as_of_quote}"'
    checklists = {c.index: c for c in result.checklist}
    blocks = [head, *(f"Warning: {w}" for w in d.warnings)]
    for item in d.items:
        if item.index not in checklists:
            blocks.append(render_item(item))
            continue
        block = render_item(item.model_copy(update={"would_change_if": []}))  # the checklist says it, filtered
        if item.index in checklists:
            block += "\n" + render_checklist(checklists[item.index])
        blocks.append(block)
    blocks.append(DISCLAIMER)
    return "\n\n".join(blocks) + "\n"
