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
    # CPMTG p. 24: benzodiazepines for 4 weeks at most, for an indication; the book holds no ODG rule for them.
    case = build_case(["Klonopin 0.5mg HS #14"])
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

    case = build_case(["Klonopin 0.5mg HS #14"])
    texas = render_case(engine.evaluate(_in(case, "texas")))
    assert "Jurisdiction: Texas" in texas and "Official Disability Guidelines first" in texas
    assert "Assumed (Texas): no ODG criteria encoded" in texas
    assert "Jurisdiction" not in render_case(engine.evaluate(case))
