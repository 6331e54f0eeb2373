"""The rule book as plain records, one per rule: what `imr rules --json` lists.

UR and QA staff read these to see what the rule book covers and how far each
citation can be trusted (`citation_checked`). The order is the rule book's own
(files sorted by path, rules in file order), so a listing is byte-identical
from run to run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .load import RuleBook


def _scope(scope: Any) -> dict[str, list[str]]:
    """The scope's non-empty lists by field, in field order (read directly: its fields are lists of names)."""
    if scope is None:
        return {}
    return {k: list(v) for k in type(scope).model_fields if (v := getattr(scope, k))}


def rule_records(book: RuleBook, only: set[str] | None = None) -> list[dict[str, Any]]:
    """One plain record per rule, in rule book order (only the ids in *only*, when given)."""
    records = []
    for loaded in book.files:
        spec = loaded.spec
        try:
            where = loaded.path.relative_to(book.root).as_posix()
        except ValueError:  # pragma: no cover - files always live under the root
            where = loaded.path.as_posix()
        for rule in spec.rules:
            if only is not None and rule.id not in only:
                continue
            g = rule.guideline
            records.append({
                "id": rule.id,
                "category": spec.category,
                "topic": spec.topic,
                "file": where,
                "title": rule.title,
                "outcome": rule.outcome,
                "tier": "MTUS" if rule.tier == 1 else "non-MTUS",
                "applies_to": {"file": _scope(spec.applies_to), "rule": _scope(rule.applies_to)},
                "citation": {
                    "source": g.source,
                    "guideline": g.guideline,
                    "edition": g.edition,
                    "sections": list(g.sections),
                    "pages": [list(p) for p in g.pages],
                    "effective_from": g.effective_from.isoformat(),
                    "effective_until": g.effective_until.isoformat() if g.effective_until else None,
                    "generations": list(g.generations),
                    "label": g.label(),
                },
                "citation_checked": g.citation_checked,
                "note": g.note,
            })
    return records
