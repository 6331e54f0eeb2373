"""Rationale templates: `{fact}` placeholders filled from an item's facts.

Only bare names are allowed (no attribute access, no format specs), and every
name is checked against the facts at load time, so a template cannot run code
or fail at evaluation time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from .conditions import fact_types, suggest

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")

#: Names a template may use besides the ItemFacts fields.
EXTRA_NAMES = frozenset({"request", "name", "as_of", "date_of_injury", "medication_started", "companion_surgery_request"})


def placeholders(template: str) -> list[str]:
    return _PLACEHOLDER.findall(template)


@cache
def _fact_names() -> frozenset[str]:
    """The names every template may use (built once: the rule book has over a thousand templates)."""
    return frozenset(fact_types()) | EXTRA_NAMES


def check_template(template: str, allowed: Iterable[str] = ()) -> None:
    """Raise ValueError for a placeholder that is not a known fact name."""
    known = _fact_names() | frozenset(allowed) if allowed else _fact_names()
    for name in placeholders(template):
        if not _NAME.match(name):
            raise ValueError(f"placeholder '{{{name}}}' must be a plain fact name")
        if name not in known:
            raise ValueError(f"placeholder '{{{name}}}' is not a fact{suggest(name, known)}")


#: A value that is a vocabulary code (service, region, status): lower case words joined by underscores.
_CODE = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)+")


def render_value(value: object) -> str:
    if value is None:
        return "not documented"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.1f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(render_value(v) for v in value) or "none"
    text = str(value)
    # a code of the vocabulary reads as words in a rationale: "lumbar_spine" -> "lumbar spine"
    return text.replace("_", " ") if _CODE.fullmatch(text) else text


def render(template: str, values: Mapping[str, object]) -> str:
    """Fill a checked template; a name with no value reads 'not documented'."""
    return _PLACEHOLDER.sub(lambda m: render_value(values.get(m.group(1))), template)
