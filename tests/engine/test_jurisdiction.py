"""A Texas case is judged by the guideline Texas adopts (ODG) first; a California case by the MTUS first.

Texas Labor Code §413.011 and 28 TAC §137.100 make the Official Disability Guidelines the
treatment guidelines of Texas workers' compensation, so a Texas IRO reviewer applies the ODG;
a California IMR reviewer applies the MTUS and other guidelines only where it is silent
(8 CCR 9792.21.1). Where the rule book encodes no ODG criteria for a Texas request, the MTUS
criteria stand in and the answer says so.
"""

from __future__ import annotations

from pathlib import Path

from scenarios import build_case

from imr_engine.engine import Engine
from imr_engine.extract import extract_case
from imr_engine.facts.model import CaseFacts
from imr_engine.letter import parse_letter_file

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"
CASES = Path(__file__).resolve().parents[2] / "cases"


def _in(case: CaseFacts, jurisdiction: str) -> CaseFacts:
    return case.model_copy(update={"jurisdiction": jurisdiction})


def test_a_texas_neurotomy_is_judged_by_the_odg_criteria(engine: Engine) -> None:
    # No diagnostic block documented. MTUS ACOEM Ch. 12 (Table 12-8): neurotomy only after controlled
    # medial branch blocks; ODG Low Back, facet neurotomy: after a block with at least 70 % relief.
    case = build_case(["Radiofrequency ablation L4-5 facets"])
    california = engine.evaluate(case).items[0]
    assert california.decided_by == "MTUS" and california.jurisdiction_note is None
    assert all(c.source == "MTUS" for c in california.citations)
    result = engine.evaluate(_in(case, "texas"))
    texas = result.items[0]
    assert result.jurisdiction == "texas" and engine.evaluate(case).jurisdiction == "california"
    assert (texas.predicted, texas.decided_by, texas.basis) == ("Upheld", "non-MTUS", "not_established")
    assert [c.guideline for c in texas.citations] == ["Official Disability Guidelines"]
    assert any("70 %" in w for w in texas.would_change_if)
    assert texas.rationale.startswith("Texas") and "Official Disability Guidelines" in texas.rationale
    assert texas.jurisdiction_note is None


def test_documenting_the_odg_criterion_overturns_in_texas(engine: Engine) -> None:
    # ODG: a medial branch block with at least 70 % relief, at no more than two levels.
    case = build_case(["Radiofrequency ablation L4-5 facets"], treatments=[{
        "name": "medial branch block", "kind": "injection", "service": "medial_branch_block", "relief_percent": 80,
        "evidence": [{"quote": "80% relief after medial branch blocks", "source": "summary"}]}])
    texas = engine.evaluate(_in(case, "texas")).items[0]
    assert (texas.predicted, texas.decided_by) == ("Overturned", "non-MTUS")
    assert [r.rule_id for r in texas.rules if r.decisive] == ["odg.facet.neurotomy-criteria-met"]


def test_with_no_odg_criteria_encoded_the_mtus_stands_in_and_says_so(engine: Engine) -> None:
    # CPMTG p. 16-22: antiepilepsy drugs for neuropathic pain, with documented relief; the book holds no ODG rule for them.
    case = build_case(["Gabapentin 300mg tid #90"])
    california, texas = (engine.evaluate(_in(case, j)).items[0] for j in ("california", "texas"))
    assert (texas.predicted, texas.decided_by, texas.basis) == (california.predicted, "MTUS", california.basis)
    assert texas.citations == california.citations
    assert texas.jurisdiction_note is not None
    assert "no ODG criteria encoded; MTUS criteria used as the closest evidence-based guideline" in texas.rationale
    assert texas.rationale.endswith(california.rationale)


def test_a_texas_decision_before_the_books_odg_criteria_states_the_assumption(engine: Engine) -> None:
    case = _in(build_case(["Radiofrequency ablation L4-5 facets"], injury="2003-01-01", decided="2004-05-01"), "texas")
    texas = engine.evaluate(case).items[0]
    assert texas.decided_by == "non-MTUS"
    assert "assumed: they stand for the ODG applied on 2004-05-01" in texas.rationale


def test_the_jurisdiction_is_read_from_the_letter_layout() -> None:
    texas = extract_case(parse_letter_file(LAYOUTS / "layout4.txt"))
    assert texas.jurisdiction == "texas"
    for path in [LAYOUTS / "layout2.txt", LAYOUTS / "layout3.txt", *sorted(CASES.glob("*/letter.txt"))]:
        assert extract_case(parse_letter_file(path)).jurisdiction == "california", path


def test_the_readable_answer_names_texas_and_the_assumption(engine: Engine) -> None:
    from imr_engine.engine.render import render_case

    case = build_case(["Gabapentin 300mg tid #90"])  # no ODG rule for antiepilepsy drugs
    texas = render_case(engine.evaluate(_in(case, "texas")))
    assert "Jurisdiction: Texas" in texas and "Official Disability Guidelines first" in texas
    assert "Assumed (Texas): no ODG criteria encoded" in texas
    assert "Jurisdiction" not in render_case(engine.evaluate(case))


def _found(value: str, quote: str) -> dict[str, object]:
    return {"value": value, "evidence": [{"quote": quote, "source": "summary"}]}


#: ODG Pain chapter, chronic pain programs: previous treatment failed, loss of function, a baseline
#: multidisciplinary evaluation, not a surgical candidate; motivation to change is the one criterion left out.
_PROGRAM_READY = {"clinical": {
    "conservative_care_failed": _found("yes", "therapy, injections and medications have not helped"),
    "significant_functional_loss": _found("yes", "unable to perform household tasks"),
    "baseline_functional_evaluation": _found("yes", "baseline PPE and psychological testing done"),
    "surgical_candidate": _found("no", "not a surgical candidate"),
}}


def test_a_texas_pain_program_is_judged_by_the_odg_and_a_california_one_by_the_cpmtg(engine: Engine) -> None:
    # Texas (28 TAC §137.100): the ODG's criteria; California (8 CCR 9792.21.1): the CPMTG's own (p. 30-34).
    case = build_case(["Chronic pain management program, 80 hours"], **_PROGRAM_READY)
    texas = engine.evaluate(_in(case, "texas")).items[0]
    california = engine.evaluate(case).items[0]
    assert (texas.predicted, texas.decided_by, texas.jurisdiction_note) == ("Upheld", "non-MTUS", None)
    assert [r.rule_id for r in texas.rules if r.decisive] == ["odg.pain-program.motivation-not-documented"]
    assert [c.guideline for c in texas.citations] == ["Official Disability Guidelines"]
    assert (california.predicted, california.decided_by) == ("Upheld", "MTUS")
    assert not any(r.rule_id.startswith("odg.") for r in california.rules)


def test_the_jurisdiction_is_never_documentation_to_ask_for(engine: Engine) -> None:
    # The checklist names what the record could document; the case's jurisdiction is not among it.
    from imr_engine.checklist import document_checklist

    case = _in(build_case(["Chronic pain management program, 80 hours"], **_PROGRAM_READY), "texas")
    [item] = document_checklist(engine, case, engine.evaluate(case))
    assert "jurisdiction" not in {c.fact for c in item.criteria}
    assert [[c.fact for c in s.changes] for s in item.to_change] == [["motivated_to_change"]]
    assert item.to_change[0].outcome == "Overturned"


def test_texas_only_criteria_never_support_a_california_item(engine: Engine) -> None:
    # A lumbar MRI with nothing documented: ACOEM Ch. 12 (p. 303-304) leaves it not established or upheld
    # in California; the ODG's Texas-only indications are neither cited nor fired there.
    case = build_case(["Lumbar MRI"], diagnoses=[{"name": "lumbar strain", "body_regions": ["lumbar_spine"],
                                                  "evidence": [{"quote": "lumbar strain", "source": "summary"}]}])
    california = engine.evaluate(case).items[0]
    assert all(c.source == "MTUS" for c in california.citations)
    texas = engine.evaluate(_in(case, "texas")).items[0]
    assert [r.rule_id for r in texas.rules if r.decisive] == ["odg.lumbar-mri.no-radiculopathy-or-red-flags"]


def test_under_the_acoem_mtus_a_california_knee_course_still_borrows_the_cpmtg_not_the_texas_odg(engine: Engine) -> None:
    # From 2017-12-01 no MTUS rule in force counts knee therapy visits; California borrows the CPMTG's
    # (p. 98-99, rules/README.md "carry_criteria"). The ODG's limb numbers are written for Texas items only,
    # so they neither decide nor make the California item "not established".
    knee = [{"name": "left knee sprain", "body_regions": ["knee"],
             "evidence": [{"quote": "left knee sprain", "source": "summary"}]}]
    case = build_case(["Physical therapy x6, left knee"], injury="2019-01-15", decided="2019-06-01", diagnoses=knee)
    california = engine.evaluate(case).items[0]
    assert all(c.source == "MTUS" for c in california.citations), california.citations
    assert california.criteria_generation is not None and california.criteria_generation.id == "mtus_2009"
    texas = engine.evaluate(_in(case, "texas")).items[0]
    assert texas.decided_by == "non-MTUS" and texas.predicted == "Overturned"
