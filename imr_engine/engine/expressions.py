"""What durable_rules can hold of a rule's expression, checked without importing durable_rules.

Loading the rule book refuses an expression the C engine would reject (or be corrupted by);
`imr rules` loads the rule book without ever running it, so the check lives apart from the
adapter that imports the engine.
"""

from __future__ import annotations

from typing import Any

from ..errors import EngineError

MAX_GROUPS = 15  # $and/$or nodes per rule; measured: 16 fails with error 113


def expression_groups(expr: Any) -> int:
    """How many `$and`/`$or` nodes an expression has (durable_rules allows MAX_GROUPS)."""
    if isinstance(expr, dict):
        return sum(
            (1 if key in ("$and", "$or") else 0) + sum(expression_groups(v) for v in value)
            if key in ("$and", "$or") else 0
            for key, value in expr.items()
        )
    return 0


def check_expression(rule_id: str, expr: dict[str, Any]) -> None:
    """Refuse an expression durable_rules would reject (and be corrupted by)."""
    check_groups(rule_id, expression_groups(expr))


def check_groups(rule_id: str, groups: int) -> None:
    """Refuse a rule whose expression has *groups* `$and`/`$or` nodes, more than durable_rules holds."""
    if groups > MAX_GROUPS:
        raise EngineError(
            f"rule '{rule_id}': its criteria need {groups} all/any groups; durable_rules allows "
            f"{MAX_GROUPS}: split the rule or flatten its criteria"
        )
