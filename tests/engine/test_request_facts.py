"""Every item fact read from the request line alone is the request's, for the engine and for a checklist.

A supporting rule that asks for a request-line fact the line does not state (supplies for a unit, a refill of a
pump for its implantation, confirmation for a screen) can never speak to that item; the engine knows that only for
the facts in its `REQUEST_FACTS`. A checklist labels a fact "request line" or "record" by its own `REQUEST_FACTS`.
The fields' own descriptions say which facts come from the request line, so a new one added without its place in
either list fails here.
"""

from __future__ import annotations

import pytest

from imr_engine.checklist.facts import source_of
from imr_engine.engine.evaluate import REQUEST_FACTS
from imr_engine.facts.derived import ItemFacts

LINE_FACTS = sorted(
    name for name, field in ItemFacts.model_fields.items() if "request line" in (field.description or "")
)


def test_the_request_line_facts_are_found() -> None:
    assert {
        "supplies_requested", "refill_requested", "nerve_conduction_only", "extension_requested",
        "replacement_requested", "monitoring_tests_requested", "serves_surgery",
    } <= set(LINE_FACTS)


@pytest.mark.parametrize("name", LINE_FACTS)
def test_a_fact_read_from_the_request_line_is_fixed_by_the_request(name: str) -> None:
    assert name in REQUEST_FACTS, f"{name} is read from the request line but missing from REQUEST_FACTS"


@pytest.mark.parametrize("name", LINE_FACTS)
def test_a_checklist_labels_a_request_line_fact_the_requests(name: str) -> None:
    assert source_of(name) == "request", f"{name} is read from the request line but a checklist calls it the record's"


@pytest.mark.parametrize("name", ["pain_relief_percent", "objective_functional_improvement", "cures_checked"])
def test_a_checklist_labels_documentation_the_records(name: str) -> None:
    assert name in ItemFacts.model_fields
    assert source_of(name) == "record"
