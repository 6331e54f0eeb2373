"""A draft case for people: as a case file (YAML that `load_case` reads back) or as a fact list.

Both put every fact next to the words it rests on, so a reviewer can check a draft in
seconds: the YAML keeps each quote with its offsets; the list shows the quote and
where it starts in the letter.
"""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel

from ..facts.model import CaseFacts, Evidenced, Finding


def case_yaml(case: CaseFacts, *, source: str | None = None, use_rationale: bool = False) -> str:
    """The draft as a case file: defaults left out, each fact's evidence after its values."""
    data = _evidence_last(case.model_dump(mode="json", exclude_defaults=True, exclude_none=True))
    data.setdefault("requests", [])
    header = [
        f"# Draft case facts extracted from {source or 'the letter'} by `imr extract`"
        + (" (rationale facts included)." if use_rationale else " (case summary and item headings only)."),
        "# Every fact quotes the letter: text[start:end] == quote. Check each fact before relying on it.",
    ]
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)
    return "\n".join(header) + "\n" + body


def case_report(case: CaseFacts) -> str:
    """One line per stated fact: where it is, its value, and the first words it rests on."""
    lines = [f"Draft case {case.case_id}: {len(case.requests)} requested item(s)"]
    for path, fact in _facts(case):
        value = _value(fact)
        if not value:
            continue
        quotes = [f'"{" ".join(e.quote.split())}" ({e.source}@{e.start})' for e in fact.evidence[:2]]
        more = f" +{len(fact.evidence) - 2}" if len(fact.evidence) > 2 else ""
        lines.append(f"{path:34} {value}")
        lines += [f"{'':34}   {q}" for q in quotes]
        if more:
            lines.append(f"{'':34}   {more} more")
    return "\n".join(lines) + "\n"


def _evidence_last(node: Any) -> Any:
    if isinstance(node, list):
        return [_evidence_last(x) for x in node]
    if isinstance(node, dict):
        out = {k: _evidence_last(v) for k, v in node.items() if k != "evidence"}
        if "evidence" in node:
            out["evidence"] = node["evidence"]
        return out
    return node


def _facts(case: CaseFacts) -> list[tuple[str, Evidenced]]:
    out: list[tuple[str, Evidenced]] = []

    def walk(node: object, path: str) -> None:
        if isinstance(node, Evidenced):
            out.append((path, node))
        if isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, f"{path}[{i}]")
        elif isinstance(node, BaseModel):
            for name in type(node).model_fields:
                if name != "evidence":
                    walk(getattr(node, name), f"{path}.{name}" if path else name)

    walk(case, "")
    return out


def _value(fact: Evidenced) -> str:
    """The fact's values, or '' when it says nothing (an unknown finding without evidence)."""
    data = fact.model_dump(mode="json", exclude={"evidence"}, exclude_none=True)
    if isinstance(fact, Finding) and fact.value == "unknown":
        return "not documented" if fact.evidence else ""
    if not data and not fact.evidence:
        return ""
    nested = {k: v for k, v in data.items() if not isinstance(v, (dict, list)) or k in ("body_regions",)}
    return ", ".join(f"{k}={v}" for k, v in nested.items() if v not in ("unknown", None, []))
