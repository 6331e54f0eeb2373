"""Building case facts for guideline scenarios, one documented fact at a time.

Tests describe a patient in the guideline's own terms ("objective functional
improvement documented", "urine drug screens consistent") and get a valid
CaseFacts. Every fact set here carries a short evidence quote, as real cases do.
"""

from __future__ import annotations

from typing import Any

from imr_engine.facts import CaseFacts


def _ev(quote: str) -> list[dict[str, str]]:
    return [{"quote": quote, "source": "summary"}]


def finding(value: str, quote: str = "as documented in the progress note") -> dict[str, Any]:
    return {"value": value, "evidence": _ev(quote)}


def build_case(
    requests: list[str],
    *,
    injury: str = "2012-03-01",
    decided: str = "2015-06-01",
    medications: list[dict[str, Any]] | None = None,
    **sections: Any,
) -> CaseFacts:
    """A case injured on *injury*, UR decision on *decided*, with the given requests and facts.

    *sections* are CaseFacts fields (function=..., monitoring=..., exam=..., clinical=...,
    pain_scores=..., diagnoses=..., treatments=...), merged over an otherwise empty record.
    """
    data: dict[str, Any] = {
        "case_id": "scenario",
        "date_of_injury": {"date": injury, "evidence": _ev("injured at work")},
        "ur_decision_date": {"date": decided, "evidence": _ev("utilization review non-certified")},
        "requests": [{"text": r, "evidence": [{"quote": r, "source": "request"}]} for r in requests],
        "medications": medications or [],
    }
    data.update(sections)
    return CaseFacts.model_validate(data)


def on_drug(name: str, since: str = "2014-01", qualifier: str = "at_least_since") -> dict[str, Any]:
    """A current medication taken since *since*."""
    return {"name": name, "status": "current", "started": since, "started_qualifier": qualifier,
            "evidence": _ev(f"{name} since {since}")}


def pain(with_med: float, without_med: float, date: str = "2015-05-01") -> list[dict[str, Any]]:
    return [
        {"score": with_med, "context": "with_medication", "date": date, "evidence": _ev(f"{with_med}/10 with medication")},
        {"score": without_med, "context": "without_medication", "date": date, "evidence": _ev(f"{without_med}/10 without")},
    ]
