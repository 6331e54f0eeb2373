"""A determination as a UR reviewer reads it: outcome, citations, facts with quotes."""

from __future__ import annotations

import textwrap

from .confidence import render as render_confidence
from .determination import CaseDetermination, Determination

WIDTH = 100

#: Derivation notes shown beside a fact's value: what was assumed, what was judged from another item, what was set aside.
SHOWN_DERIVATIONS = ("assumed", "judged", "set aside")


def _wrap(text: str, indent: str, first: str | None = None) -> str:
    """Wrap *text*; *first* replaces the indent on the first line (e.g. a bullet)."""
    return textwrap.fill(text, WIDTH, initial_indent=first or indent, subsequent_indent=indent)


def render_item(d: Determination) -> str:
    lines = [f"[{d.index + 1}] {d.request}", f"    Predicted: {d.predicted}" + (f" (decided by {d.decided_by} rules)" if d.decided_by else "")]
    if d.jurisdiction_note is not None:
        lines.append(_wrap(f"Assumed (Texas): {d.jurisdiction_note}", "      ", "    "))
    if d.criteria_generation is not None:
        lines.append(_wrap(f"Assumed: criteria of {d.criteria_generation.title} (none of the generation in force "
                           "is encoded for this request)", "      ", "    "))
    for r in d.rules:
        mark = "*" if r.decisive else "-"
        lines.append(f"    {mark} {r.rule_id}: {r.title}  [{r.outcome.replace('_', ' ')}]")
        lines.append(_wrap(r.citation_label, "        "))
        for f in r.facts:
            value = ", ".join(f.value) if isinstance(f.value, list) else "not documented" if f.value is None else f.value
            flag = " (rationale only)" if f.rationale_only else ""
            if f.derived_by and f.derived_by.startswith(SHOWN_DERIVATIONS):
                flag += f" ({f.derived_by})"
            lines.append(f"        {f.name} = {value}{flag}")
            for e in f.evidence[:2]:
                lines.append(_wrap(f'"{e.quote}" ({e.source})', "            "))
    if d.confidence is not None:
        lines.append(_wrap(f"Confidence: {render_confidence(d.confidence)}", "      ", "    "))
    lines.append("    Rationale:")
    lines.append(_wrap(d.rationale, "      "))
    if d.would_change_if:
        lines.append("    Would change if:")
        lines += [_wrap(w, "        ", "      - ") for w in d.would_change_if]
    if d.advisories:
        lines.append("    Advisories:")
        lines += [_wrap(a, "        ", "      - ") for a in d.advisories]
    return "\n".join(lines)


def render_case(result: CaseDetermination) -> str:
    head = (
        f"Case {result.case_id} — as of {result.as_of} ({result.as_of_source.replace('_', ' ')}); "
        f"rules {result.rules_version}"
    )
    if result.jurisdiction == "texas":  # California, the default, is not named: its answers read as they always have
        head += "\nJurisdiction: Texas (28 TAC §137.100): the Official Disability Guidelines first, the MTUS where no ODG criteria are encoded"
    if result.generation is not None:
        head += f"\nGuideline generation: {result.generation.title}"
    warnings = [f"Warning: {w}" for w in result.warnings]
    return "\n\n".join([head, *warnings] + [render_item(d) for d in result.items]) + "\n"
