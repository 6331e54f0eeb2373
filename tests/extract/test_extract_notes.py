"""Free-text notes (the pre-check): phrasings not taken from the five letters, each fact checked against the note."""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text

NOTE_1 = """Progress note dated 03/14/2016. This 62-year-old woman was injured at work on 5/2/2012 when she fell.
She is status post right knee arthroscopy in 2013 and an L4-5 fusion in 2014. Diagnoses include lumbar radiculopathy,
right knee pain and depression. She complains of low back pain radiating to the left leg. Pain is 6/10 with medications
and 9/10 without medications. She has been taking Norco 10/325 for over two years and gabapentin since March 2015.
Medications tried and failed include ibuprofen and Celebrex. She is able to walk 30 minutes and her ADLs have improved.
Urine drug screen on 01/05/2016 was consistent with prescribed medications. CURES report was reviewed and showed no
other prescribers. She has a signed opioid agreement. She denies side effects. No aberrant behaviors were noted. On
examination there is paraspinal tenderness with muscle spasm; straight leg raise is positive on the left. She remains on
modified duty. Prior treatment included 12 sessions of physical therapy and acupuncture without benefit."""

NOTE_2 = """Date of injury: 10/01/2010. PR-2 report of 12/02/2015: the claimant, a thirty-eight-year-old gentleman,
reports worsening neck pain with a flare-up over the last two weeks. VAS pain score of 9. Medications: Percocet 10/325
q6h, Valium 5 mg, Zanaflex. He has been on Valium for 8 months. Urine toxicology dated 11/10/2015 was inconsistent,
positive for non-prescribed alprazolam. Early refills were requested twice. The UR physician non-certified the request on
12/15/2015. He works full duty."""


def test_a_well_documented_opioid_note() -> None:
    case = extract_text(NOTE_1, ["Norco 10/325mg #120", "Physical therapy 2x4 lumbar spine"])
    assert (case.claimant.age, case.claimant.sex) == (62, "female")
    assert str(case.date_of_injury.date) == "2012-05-02"  # type: ignore[union-attr]
    assert [str(r.date) for r in case.report_dates] == ["2016-03-14"]
    assert {(s.name, s.body_region, str(s.date)) for s in case.surgeries} == {
        ("right knee arthroscopy", "knee", "2013"),
        ("L4-5 fusion", "lumbar_spine", "2014"),
    }
    meds = {m.name: m for m in case.medications}
    assert (meds["Norco"].status, str(meds["Norco"].started), meds["Norco"].started_qualifier) == (
        "current",
        "2014-03",
        "at_least_since",
    )
    assert (str(meds["gabapentin"].started), meds["gabapentin"].started_qualifier) == ("2015-03", "on")
    assert {meds["ibuprofen"].status, meds["Celebrex"].status} == {"tried_failed"}
    assert {(p.score, p.context, str(p.date)) for p in case.pain_scores} == {
        (6, "with_medication", "2016-03-14"),
        (9, "without_medication", "2016-03-14"),
    }
    assert case.function.objective_improvement.value == "yes"
    assert case.function.measures == ["able to walk 30 minutes"]
    assert case.function.work_status.value == "modified_duty"
    m = case.monitoring
    assert [(str(s.date), s.consistent) for s in m.urine_drug_screens] == [("2016-01-05", "yes")]
    assert (m.cures_checked.value, m.other_prescribers.value, m.opioid_agreement.value) == ("yes", "no", "yes")
    assert (m.side_effects.value, m.aberrant_behavior.value) == ("no", "no")
    assert (case.exam.tenderness.value, case.exam.muscle_spasm.value, case.exam.radiculopathy.value) == (
        "yes",
        "yes",
        "yes",
    )
    assert {(t.name, t.sessions, t.effect) for t in case.treatments} == {
        ("physical therapy", 12, "no_improvement"),  # "... and acupuncture without benefit": said of both
        ("acupuncture", None, "no_improvement"),
    }
    assert case.clinical.depression_or_anxiety.value == "yes"
    assert [r.purpose for r in case.requests] == ["continue", "unknown"]


def test_a_note_with_misuse_and_a_taper_request() -> None:
    case = extract_text(NOTE_2, ["Valium 5mg #60", "Percocet 10/325mg #120 taper"])
    assert (case.claimant.age, case.claimant.sex) == (38, "male")
    assert str(case.date_of_injury.date) == "2010-10-01"  # type: ignore[union-attr]
    assert str(case.ur_decision_date.date) == "2015-12-15"  # type: ignore[union-attr]
    assert [(p.score, str(p.date)) for p in case.pain_scores] == [(9, "2015-12-02")]
    assert {m.name for m in case.medications} == {"Percocet", "Valium", "Zanaflex"}
    valium = next(m for m in case.medications if m.name == "Valium")
    assert str(valium.started) == "2015-04"  # 8 months before the note of 12/02/2015
    assert [(str(s.date), s.consistent) for s in case.monitoring.urine_drug_screens] == [("2015-11-10", "no")]
    assert case.monitoring.aberrant_behavior.value == "yes"
    assert case.clinical.acute_exacerbation.value == "yes"
    assert case.function.work_status.value == "full_duty"
    assert [r.purpose for r in case.requests] == ["continue", "wean"]


def test_a_sparse_note_states_little_and_guesses_nothing() -> None:
    text = (
        "The patient is a 45 y/o male with neck pain. He was seen on June 3, 2015. He rated his pain at eight out of "
        "ten. He has had no epidural injections. He is not working. He may be a surgical candidate. "
        "Current meds: Tramadol 50 mg, Flexeril."
    )
    case = extract_text(text, ["Tramadol 50mg #60"])
    assert [(p.score, str(p.date)) for p in case.pain_scores] == [(8, "2015-06-03")]
    assert case.treatments == []
    assert case.clinical.surgical_candidate.value == "unknown"
    assert case.function.work_status.value == "off_work"
    assert [m.name for m in case.medications] == ["Tramadol", "Flexeril"]
    assert [d.name for d in case.diagnoses] == ["neck pain"]


def test_request_lines_found_in_the_note_are_quoted_there() -> None:
    text = "Request: Norco 10/325mg #90. Pain 7/10."
    case = extract_text(text, ["Norco 10/325mg #90", "Soma 350mg #30"])
    first, second = (r.evidence[0] for r in case.requests)
    assert (first.start, text[first.start : first.end], first.source) == (9, "Norco 10/325mg #90", "request")  # type: ignore[index,misc]
    assert second.start is None and (second.quote, second.source) == ("Soma 350mg #30", "request")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("He has received Norco from another physician.", "yes"),
    ("She received oxycodone from the ER last week.", "yes"),
    ("I declare that the information I have received from others is true and correct.", "unknown"),
])
def test_other_prescribers_are_drugs_from_someone_else_not_a_declaration(sentence: str, expected: str) -> None:
    case = extract_text("Date of service: 01/02/2015\n" + sentence, ["Norco 10/325 #90"])
    assert case.monitoring.other_prescribers.value == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Symptomatic osteoarthritis that has not responded adequately to exercise, NSAIDs and bracing.", "yes"),
    ("Her back pain did not respond to physical therapy or medications.", "yes"),
    ("He has responded well to physical therapy.", "unknown"),
])
def test_failed_conservative_care_as_clinicians_write_it(sentence: str, expected: str) -> None:
    case = extract_text("Date of service: 01/02/2015\n" + sentence, ["Synvisc injection, right knee"])
    assert case.clinical.conservative_care_failed.value == expected
