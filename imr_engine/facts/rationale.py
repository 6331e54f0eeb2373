"""The case without what only the decision rationales state: what a pre-check could know.

Curated cases quote rationales for some facts ("A urine drug screen conducted in June,
2015 was not consistent ..."). Before a decision exists there is no rationale, so QA
also measures the engine on the case with those facts reset to "not documented":
- a finding resting only on rationale quotes becomes `unknown` (its quotes dropped);
- a list entry (drug, diagnosis, pain rating, drug screen, ...) resting only on them is removed;
- a single fact (date of injury, UR date, claimant, work status) resting only on them is cleared;
- from mixed evidence the rationale quotes are dropped; an entry's attribute that only
  those quotes gave is reset too: a drug's `long_term` (unless the remaining quotes say
  long-term or chronic) and a request's `purpose` (unless quotes beyond its heading remain).
Nothing else changes: facts without rationale evidence are returned as they were.
"""

from __future__ import annotations

import re
from typing import Any

from .model import CaseFacts, Evidence

_LONG_TERM_WORDS = re.compile(r"long[- ]term|chronic", re.IGNORECASE)
#: Fields holding one fact that is cleared (set to None) when only rationales state it.
_CLEARABLE = {"date_of_injury", "ur_decision_date"}


def without_rationale_facts(case: CaseFacts) -> CaseFacts:
    """A copy of *case* with every fact that rests only on rationale evidence reset to not documented."""
    data = case.model_dump(mode="python")
    cleaned = _clean(data, None)
    return CaseFacts.model_validate(cleaned)


def _is_rationale(e: dict[str, Any]) -> bool:
    return e.get("source") == "rationale"


def _clean(node: Any, field: str | None) -> Any:
    """*node* with rationale quotes removed; None when the whole node rested on them (list entries, single facts)."""
    if isinstance(node, list):
        out = []
        for entry in node:
            kept = _clean(entry, field)
            if kept is not None:
                out.append(kept)
        return out
    if not isinstance(node, dict):
        return node
    result = {k: (_clean(v, k) if k != "evidence" else v) for k, v in node.items()}
    evidence: list[dict[str, Any]] | None = node.get("evidence")
    if evidence is None:
        return result
    remaining = [e for e in evidence if not _is_rationale(e)]
    result["evidence"] = remaining
    if evidence and not remaining:
        return _reset(result, field)
    if len(remaining) != len(evidence):
        _reset_attributes(result, remaining)
    return result


def _reset(node: dict[str, Any], field: str | None) -> dict[str, Any] | None:
    """What is left of a fact that only rationales stated."""
    if "value" in node:  # Finding, WorkStatus
        return {**node, "value": "unknown", "evidence": []}
    if field == "claimant":
        return {"age": None, "sex": "unknown", "evidence": []}
    if field == "requests":  # a request always stands; only what rationales said of it goes
        return {**node, "purpose": "unknown"}
    if field in _CLEARABLE:
        return None
    return None  # a list entry: removed


def _reset_attributes(node: dict[str, Any], kept: list[dict[str, Any]]) -> None:
    """Attributes of a mixed-evidence entry that only the dropped rationale quotes gave."""
    if node.get("long_term") == "yes" and not any(_LONG_TERM_WORDS.search(e["quote"]) for e in kept):
        node["long_term"] = "unknown"
    if "purpose" in node and node["purpose"] != "unknown" and not any(e.get("source") != "request" for e in kept):
        node["purpose"] = "unknown"


def rationale_quotes(case: CaseFacts) -> list[Evidence]:
    """Every rationale quote in *case* (used to check that none remain)."""
    found: list[Evidence] = []
    _collect(case.model_dump(mode="python"), found)
    return found


def _collect(node: Any, found: list[Evidence]) -> None:
    if isinstance(node, list):
        for entry in node:
            _collect(entry, found)
    elif isinstance(node, dict):
        for e in node.get("evidence") or []:
            if _is_rationale(e):
                found.append(Evidence.model_validate(e))
        for k, v in node.items():
            if k != "evidence":
                _collect(v, found)
