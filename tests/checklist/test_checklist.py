"""The documentation checklist: criteria of the deciding rules, and what must change together.

Expected answers come from the guideline (CPMTG 2009, opioids, p. 74-82: continue opioids when
the worker has returned to work, or function and pain have improved, with monitoring of aberrant
drug-taking behaviour and drug screens) and, in the re-evaluation tests, from rule books written
in the test itself.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from imr_engine.checklist import document_checklist
from imr_engine.engine import Engine, load_engine
from imr_engine.engine.evaluate import decide
from imr_engine.precheck import check_case, precheck

RULES = Path(__file__).resolve().parents[2] / "rules"

#: A progress note that documents a consistent drug screen, two years old (no current monitoring of aberrant
#: behaviour, CPMTG p. 78-80, 94), but neither a return to work nor
#: an assessment of aberrant behaviour, nor objective functional gains or pain relief.
NOTE = """PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)
Date of exam: 03/12/2015
Date of injury: 05/02/2012

SUBJECTIVE: Chronic low back pain radiating to the left leg. Pain 7/10 today.

CURRENT MEDICATIONS:
Norco 10/325 mg one tablet every 6 hours as needed for pain, taking since 2013.

Urine drug screen on 01/15/2013 was consistent with prescribed medications.

OBJECTIVE: Lumbar tenderness. Decreased range of motion.

ASSESSMENT: Lumbar radiculopathy.

PLAN: Refill Norco.
"""
NORCO = "Norco 10/325 mg 1 tab q6h #120"


def test_two_undocumented_criteria_are_both_listed_and_must_change_together(engine: Engine) -> None:
    result = precheck(engine, NOTE, [NORCO])
    [item] = result.checklist
    assert item.predicted == "Upheld"
    status = {c.fact: c.status for c in item.criteria}
    assert status["returned_to_work"] == "not_documented"
    assert status["aberrant_behavior"] == "not_documented"
    assert status["drug_screens_consistent"] == "documented"
    screen = next(c for c in item.criteria if c.fact == "drug_screens_consistent")
    assert screen.quote is not None and "consistent with prescribed medications" in screen.quote
    best = item.to_change[0]
    assert {c.fact for c in best.changes} == {"returned_to_work", "aberrant_behavior"}
    assert best.outcome == "Overturned" and not best.changes_documented_facts
    assert "only if both are documented" in item.summary and "either alone does not change it" in item.summary
    # The screen is documented as consistent, so no set asks for one (a rule's wish list would).
    assert all(c.fact != "drug_screens_consistent" for s in item.to_change for c in s.changes)


def test_the_sets_are_what_re_evaluation_answers(engine: Engine) -> None:
    """Every listed set flips the outcome when supplied whole, and no smaller part of it does."""
    import datetime as dt

    result = precheck(engine, NOTE, [NORCO])
    [item] = result.checklist
    _, _, derived = engine.derive(result.case, dt.date.fromisoformat(result.determination.as_of))
    facts = derived[0].values
    for change_set in item.to_change:
        whole = {c.fact: c.becomes for c in change_set.changes}
        parts = [{k: v for k, v in whole.items() if k != left_out} for left_out in whole]
        fired = engine.fired_with_changes(facts, [list(whole.items())] + [list(p.items()) for p in parts])
        assert decide(fired[0])[0] == "Overturned"
        # A part alone flips nothing: some rule still upholds, or none decides, which the engine
        # answers as Upheld, "medical necessity not established" (issue 11's policy).
        assert all(decide(rules)[0] != "Overturned" for rules in fired[1:])


def _rule_book(tmp_path: Path, approve_needs_spasm: bool) -> Engine:
    """A one-topic rule book: cyclobenzaprine denied without an exacerbation (and, in one variant,
    without spasm on examination), approved when the criteria the variant names are documented."""
    root = tmp_path / ("two" if approve_needs_spasm else "one")
    shutil.copytree(RULES / "vocabulary", root / "vocabulary")
    (root / "test").mkdir()
    guideline = """
    guideline:
      source: MTUS
      guideline: Test guideline
      edition: "2009"
      sections: ["Muscle relaxants"]
      pages: [[63, 63]]
      effective_from: 2009-07-18
      citation_checked: false"""
    spasm_denial = f"""
  - id: test.no-spasm
    title: No spasm documented
    question: Is spasm on examination not documented?{guideline}
    when: {{fact: muscle_spasm, one_of: [no, unknown]}}
    outcome: not_medically_necessary
    statement: Spasm must be documented
    rationale: Spasm is {{muscle_spasm}}
    would_change_if: [Spasm on examination.]
""" if approve_needs_spasm else ""
    approve = "{all: [{fact: acute_exacerbation, is: yes}, {fact: muscle_spasm, is: yes}]}" if approve_needs_spasm \
        else "{fact: acute_exacerbation, is: yes}"
    (root / "test" / "relaxants.yaml").write_text(f"""topic: test_relaxants
category: muscle_relaxants
title: Test rules
applies_to: {{classes: [muscle_relaxant]}}
rules:
  - id: test.no-exacerbation
    title: No exacerbation documented
    question: Is an acute exacerbation not documented?{guideline}
    when: {{fact: acute_exacerbation, one_of: [no, unknown]}}
    outcome: not_medically_necessary
    statement: An exacerbation must be documented
    rationale: Exacerbation is {{acute_exacerbation}}
    would_change_if: [An exacerbation, spasm, a short course, anything at all.]
{spasm_denial}
  - id: test.short-course
    title: Short course for an exacerbation
    question: Is an exacerbation documented?{guideline}
    when: {approve}
    outcome: medically_necessary
    statement: A short course is supported
    rationale: Exacerbation is {{acute_exacerbation}}
    would_change_if: [No exacerbation.]
""")
    return load_engine(root)


@pytest.mark.parametrize("needs_spasm", [True, False])
def test_a_rule_book_change_changes_the_checklist(tmp_path: Path, needs_spasm: bool) -> None:
    engine = _rule_book(tmp_path, needs_spasm)
    note = "Progress note 03/12/2015. Low back pain. Medications: Flexeril 10 mg at night.\n"
    result = check_case(engine, precheck(engine, note, ["Flexeril 10 mg #30"]).case)
    [item] = result.checklist
    assert item.predicted == "Upheld"
    sets = [{c.fact for c in s.changes} for s in item.to_change]
    expected = {"acute_exacerbation", "muscle_spasm"} if needs_spasm else {"acute_exacerbation"}
    assert sets[0] == expected
    # The would_change_if wishes of the rule ("spasm, a short course, anything") are not what is listed.
    assert all("anything" not in c.wording for s in item.to_change for c in s.changes)


def test_an_item_no_rule_covers_has_no_checklist(engine: Engine) -> None:
    result = precheck(engine, NOTE, ["Widget therapy x 6"])
    [item] = result.checklist
    assert item.predicted == "Indeterminate"
    assert item.criteria == [] and item.to_change == []


def test_checklist_is_deterministic(engine: Engine) -> None:
    result = precheck(engine, NOTE, [NORCO, "Flexeril 10 mg #30"])
    again = document_checklist(engine, result.case, result.determination)
    assert [c.model_dump() for c in again] == [c.model_dump() for c in result.checklist]
