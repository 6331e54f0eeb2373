"""Every rule, tested from the guideline text: a case where it decides and one where it does not.

The table lives in tests/rules/scenarios/*.yaml (see rule_scenario_table.py for the shorthand).
Each scenario names the criterion and the guideline page it comes from; the expected outcome is
what that criterion leads to, written down before the engine was run. Meta-tests check that the
table covers the whole rule book.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from rule_scenario_table import RULE_OUTCOME, Scenario, expand, load_scenarios

from imr_engine.engine import Engine
from imr_engine.rulebook import load_rulebook

SCENARIOS = load_scenarios()
BOOK = load_rulebook()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.label for s in SCENARIOS])
def test_guideline_scenario(engine: Engine, scenario: Scenario) -> None:
    assert scenario.rule in BOOK.by_id, f"unknown rule {scenario.rule}"
    case = engine.evaluate(expand(scenario.request, scenario.also, scenario.facts))
    result = case.items[0]
    fired = [r.rule_id for r in result.rules]
    why = f"{scenario.criterion} ({scenario.page}); fired: {fired}"
    assert (scenario.rule in fired) is scenario.fires, why
    assert result.predicted == scenario.expect, why
    rule = BOOK.by_id[scenario.rule]
    if scenario.fires and RULE_OUTCOME.get(rule.outcome) == scenario.expect and rule.tier == min(
        BOOK.by_id[r.rule_id].tier for r in result.rules if r.outcome != "advisory"
    ):
        decisive = [r.rule_id for r in result.rules if r.decisive]
        assert scenario.rule in decisive, why
        # The citation names the generation whose criteria were applied (rules/generations.yaml): the one in
        # force, or the nearest one whose criteria the rule book encodes, which the answer then names.
        if case.jurisdiction == "texas" and rule.guideline.source != "MTUS":
            # Texas: the ODG decides in its own right (28 TAC §137.100), not as a generation of the MTUS.
            assert rule.guideline.as_citation() in result.citations
            return
        applied = result.criteria_generation or result.generation
        assert applied is not None and applied.id in rule.guideline.generations
        assert rule.guideline.as_citation().model_copy(update={"generation": applied.title}) in result.citations


def _by_rule() -> dict[str, list[Scenario]]:
    table: dict[str, list[Scenario]] = defaultdict(list)
    for s in SCENARIOS:
        table[s.rule].append(s)
    return table


@pytest.mark.parametrize("rule_id", sorted(BOOK.by_id))
def test_every_rule_has_a_deciding_and_a_silent_scenario(rule_id: str) -> None:
    rule = BOOK.by_id[rule_id]
    mine = _by_rule().get(rule_id, [])
    assert any(not s.fires for s in mine), f"{rule_id}: no scenario where it does not fire"
    if rule.outcome == "advisory":
        assert any(s.fires for s in mine), f"{rule_id}: no scenario where the advisory fires"
    else:
        assert any(s.fires and s.expect == RULE_OUTCOME[rule.outcome] for s in mine), (
            f"{rule_id}: no scenario where it decides the item"
        )


def test_every_scenario_names_a_criterion_and_a_page() -> None:
    for s in SCENARIOS:
        assert len(s.criterion) >= 10, s.label
        assert any(ch.isdigit() for ch in s.page) or "9792" in s.page or "ODG" in s.page, s.label


@pytest.mark.parametrize("rule_id", sorted(BOOK.by_id))
def test_every_rule_has_a_complete_citation(rule_id: str) -> None:
    rule = BOOK.by_id[rule_id]
    g = rule.guideline
    assert g.guideline and g.edition and g.sections and g.effective_from
    assert g.note and len(g.note) >= 20, "the note says where the criterion comes from"
    if not g.pages:
        assert "page" in g.note or "online" in g.note or "9792" in g.note, "a citation without pages says why"
    if rule.outcome != "advisory":
        assert rule.would_change_if


def test_non_mtus_rules_say_so() -> None:
    for rule in BOOK.rules:
        if rule.guideline.source != "MTUS":
            assert "Non-MTUS" in (rule.guideline.note or ""), rule.id
            assert "non-MTUS" in rule.guideline.label().replace("Non-MTUS", "non-MTUS")


def test_the_rule_book_spans_at_least_twenty_categories() -> None:
    assert len(set(BOOK.category_of.values())) >= 20
