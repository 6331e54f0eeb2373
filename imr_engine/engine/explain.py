"""Writing the rationale paragraph from the decisive rules' templates."""

from __future__ import annotations

import datetime as dt

from ..facts.model import CaseFacts
from ..requests.model import RequestedItem
from ..rulebook.model import Rule
from ..rulebook.conditions import FACT_TYPES
from ..rulebook.templates import render

#: How a yes/no/unknown fact reads in a sentence.
TRI_WORDS = {"yes": "documented", "no": "documented as absent", "unknown": "not documented"}
TRI_FACTS = frozenset(n for n, t in FACT_TYPES.items() if t.kind == "enum" and set(t.values) == set(TRI_WORDS))
from .derive import Derived


def template_values(
    case: CaseFacts, item: RequestedItem, derived: Derived, as_of: dt.date, dump: dict[str, object] | None = None
) -> dict[str, object]:
    """Everything a template may name: the item facts plus a few readable extras.

    *dump* is `derived.facts.model_dump(mode="json")` when the caller already has it.
    """
    if dump is None:
        dump = derived.facts.model_dump(mode="json")
    values: dict[str, object] = {
        name: TRI_WORDS.get(value, value) if name in TRI_FACTS else value  # type: ignore[call-overload]
        for name, value in dump.items()
    }
    values["request"] = case.requests[derived.facts.item_index].text
    values["name"] = item.name
    values["as_of"] = as_of.isoformat()
    values["date_of_injury"] = str(case.date_of_injury.date) if case.date_of_injury else None
    values["medication_started"] = derived.extras.get("medication_started")
    return values


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def compose_rationale(decisive: list[Rule], request: str, necessary: bool | None, values: dict[str, object]) -> str:
    """Guideline statement, the facts of this case, then the conclusion, as one paragraph."""
    if necessary is None:
        return (
            f"No rule in the rule book addresses the request for {request} "
            f"(kind: {values.get('kind')}, class: {values.get('drug_class')}, service: {values.get('service')}). "
            "It is reported as Indeterminate for a reviewer to decide; nothing is guessed."
        )
    parts: list[str] = []
    for rule in decisive:
        parts.append(_sentence(render(rule.statement, values)))
        parts.append(_sentence(render(rule.rationale, values)))
    verdict = "medically necessary" if necessary else "not medically necessary"
    parts.append(f"The request for {request} is {verdict}.")
    return " ".join(parts)
