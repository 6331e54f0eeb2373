"""Progress notes read as forms: the phrasings the generalisation issue names, each as clinicians write it."""

from __future__ import annotations

import datetime as dt

import pytest

from imr_engine.extract import extract_text
from imr_engine.extract.note_layout import section_of


def _case(note: str, *requests: str):
    return extract_text(note, list(requests) or ["Tramadol 50 mg #120"])


@pytest.mark.parametrize("header", ["DOS: 4/7/16", "Date of service: 04/07/2016", "Visit date: 4-7-16",
                                    "Date of exam: April 7, 2016"])
def test_visit_date_headers_are_report_dates(header: str) -> None:
    case = _case(f"{header}\nPt c/o low back pain.\n")
    assert [r.date.earliest() for r in case.report_dates] == [dt.date(2016, 4, 7)]


def test_a_follow_up_appointment_is_not_the_visit_date() -> None:
    case = _case("Seen for low back pain on 03/01/2016.\nPlan: f/u 04/12/2016.\n")
    assert case.latest_date_mentioned is not None and str(case.latest_date_mentioned.date) == "2016-03-01"


def test_age_and_sex_from_form_fields() -> None:
    case = _case("Age: 52   Sex: M\nLow back pain.\n")
    assert (case.claimant.age, case.claimant.sex) == (52, "male")


def test_medication_list_lines_with_sig_and_their_status() -> None:
    note = ("CURRENT MEDICATIONS:\n1. Tramadol 50 mg 1 PO q6h prn #120\n2. Naproxen 550 mg 1 PO BID #60\n"
            "3. Gabapentin 300 mg TID - stopped, dizziness\n")
    status = {m.name.lower(): m.status for m in _case(note).medications}
    assert status == {"tramadol": "current", "naproxen": "current", "gabapentin": "tried_failed"}


@pytest.mark.parametrize("line", ["Pain 8/10 w/o meds, 4/10 with meds.", "Pain without medication 8/10, with medication 4/10.",
                                  "Analgesia with meds 8->4/10."])
def test_pain_with_and_without_medication_shorthand(line: str) -> None:
    scores = {p.context: p.score for p in _case(line).pain_scores}
    assert scores.get("without_medication") == 8 and scores.get("with_medication") == 4


def test_a_limitation_is_not_an_improvement() -> None:
    case = _case("He still cannot lift more than 10 lbs, sits 20 minutes at a time.\n")
    assert case.function.objective_improvement.value != "yes"


def test_a_measured_gain_against_before_is_an_improvement() -> None:
    case = _case("Able to walk 30 min now vs 10 min before.\n")
    assert case.function.objective_improvement.value == "yes"


def test_off_work_documents_no_return_to_work() -> None:
    case = _case("WORK STATUS:\nTTD, off work since 2016.\n")
    assert case.function.work_status.value == "off_work"
    assert case.function.returned_to_work.value == "no"


def test_exam_findings_in_the_objective_section() -> None:
    note = "OBJECTIVE:\nTTP lumbar paraspinals. No spasm. SLR + on L at 40 deg.\n"
    exam = _case(note).exam
    assert (exam.tenderness.value, exam.muscle_spasm.value, exam.radiculopathy.value) == ("yes", "no", "yes")


@pytest.mark.parametrize(("heading", "section"), [("OBJECTIVE FINDINGS", "objective"), ("S", "subjective"),
                                                  ("Current Medications", "medications"), ("Dx", "diagnoses"),
                                                  ("WORK STATUS", "work_status"), ("Random words", None),
                                                  ("Requested (RFA attached)", "plan"), ("RFA", "plan")])
def test_headings_map_to_sections(heading: str, section: str | None) -> None:
    assert section_of(heading) == section


def test_a_study_listed_under_the_requests_is_not_a_study_already_done() -> None:
    note = ("Date of service: 02/03/2015\nIMAGING:\nX-ray L-spine 11/2014: mild L4-5 narrowing.\n\n"
            "REQUESTED:\n1) MRI lumbar spine without contrast\n")
    studies = [(s.modality, s.body_region) for s in _case(note).imaging]
    assert studies == [("x_ray", "lumbar_spine")]


def test_only_the_ticked_work_status_counts() -> None:
    note = "WORK STATUS:\n☒ Remain off work until 04/23/2018   ☐ Modified work   ☐ Full duty\n"
    assert _case(note).function.work_status.value == "off_work"


def test_the_work_status_section_outranks_history() -> None:
    note = "HPI: Seen in urgent care 4/29, light duty given.\nWORK STATUS:\nTTD until next visit.\n"
    assert _case(note).function.work_status.value == "off_work"


# One dictated paragraph (written for this test); dictation systems and a form's text box wrap it at
# whatever width they have, and a line broken by wrapping must not cut a fact in two.
_DICTATED = (
    "After the C5-6 interlaminar ESI of 06/15/2015 she reported 70 percent relief lasting 10 weeks and "
    "cut Norco from 4 tablets to 1 a day. Physical therapy x 12, chiropractic x 8 and Naproxen 500 mg "
    "BID over 6 months gave no lasting benefit."
)


def _wrapped_reading(width: int) -> tuple[set[tuple[float | None, float | None]], str]:
    import textwrap

    note = "DATE OF SERVICE: 09/23/2015\n\nHISTORY:\n" + "\n".join(textwrap.wrap(_DICTATED, width)) + "\n"
    case = _case(note, "Repeat C5-6 cervical epidural steroid injection")
    relief = {(t.relief_percent, t.relief_weeks) for t in case.treatments
              if t.service == "epidural_steroid_injection" and t.relief_percent is not None}
    return (relief, case.clinical.conservative_care_failed.value)


@pytest.mark.parametrize("width", range(34, 101, 3))
def test_prose_wrapped_at_any_width_reads_as_one_paragraph(width: int) -> None:
    assert _wrapped_reading(width) == _wrapped_reading(1000) == ({(70.0, 10.0)}, "yes")


@pytest.mark.parametrize("note", [
    # the month May is no hedge
    "DOS: 6/1/2014\nEMG NCV of the upper extremities May 20, 2014 showed a left C6 radiculopathy.\n",
    # a blank line ends a paragraph even when its last line runs long without a full stop
    "DOS: 6/1/2014\nBiceps reflex is diminished on the left at 1+ compared to 2+ on the right, triceps intact\n\n"
    "MRI of the cervical spine dated 3/4/2014 shows contact of the exiting left C6 nerve root.\n",
    # a voice-recognition command left at the end of a line ends the paragraph
    "DOS: 6/1/2014\nSensation is decreased in the left C6 dermatome. New paragraph\n"
    "MRI of the cervical spine dated 3/4/2014 shows contact of the exiting left C6 nerve root.\n",
])
def test_a_study_that_shows_the_root_lesion_corroborates_radiculopathy(note: str) -> None:
    studies = _case(note, "Left C5-6 interlaminar ESI").imaging
    assert [s.corroborates_radiculopathy for s in studies] == ["yes"]


def test_the_hedge_may_still_hedges() -> None:
    studies = _case("DOS: 6/1/2014\nEMG may show a left C6 radiculopathy.\n", "Left C5-6 interlaminar ESI").imaging
    assert [s.corroborates_radiculopathy for s in studies] in ([], ["unknown"])


@pytest.mark.parametrize("sentence", [
    "Completed 6 acupuncture sessions 1/30/18 - 3/8/18 (authorized trial).",
    "Completed 6 acupuncture sessions January 30, 2018 - March 8, 2018 (authorized trial).",
])
def test_a_course_dated_in_words_is_still_a_course(sentence: str) -> None:
    services = [t.service for t in _case("DOS: 3/21/2018\n" + sentence + "\n", "Acupuncture x 6").treatments]
    assert services == ["acupuncture"]


@pytest.mark.parametrize("sentence", [
    "Naproxen brings the knee pain from about 8/10 down to 5/10.",
    "Naproxen brings the knee pain from about 8 out of 10 down to 5 out of 10.",
])
def test_pain_before_and_after_a_drug_out_of_ten(sentence: str) -> None:
    scores = {(p.context, p.score) for p in _case("DOS: 2/15/2014\n" + sentence + "\n", "Naproxen 500 mg #60").pain_scores}
    assert scores == {("without_medication", 8.0), ("with_medication", 5.0)}


@pytest.mark.parametrize("shorthand", ["without", "w/o"])
def test_care_that_failed_written_in_shorthand(shorthand: str) -> None:
    note = f"DOS: 3/1/2016\nPT x 12, chiro x 8 and multiple medication trials, all {shorthand} lasting functional gains.\n"
    assert _case(note, "Functional restoration program x 80 hours").clinical.conservative_care_failed.value == "yes"


_NOTE_IN_CAPITALS = (
    "DATE OF SERVICE: 02/11/2014\n"
    "SUBJECTIVE: NECK PAIN RADIATING TO THE RIGHT ARM WITH NUMBNESS IN THE THUMB AND INDEX FINGER.\n"
    "HOME TRACTION TRIAL IN CLINIC HELPED, DOES HEP DAILY.\n"
    "OBJECTIVE: SPURLING POSITIVE ON THE RIGHT.\n"
    "DECREASED SENSATION IN THE RIGHT C6 DERMATOME.\n"
    "NO UNSTEADY GAIT.\n"
    "PLAN: HOME CERVICAL TRACTION UNIT.\n"
)


def test_a_note_typed_in_capitals_keeps_its_short_lines_as_text() -> None:
    """Capitals mark headings only in mixed-case notes: in an all-capitals note, short lines are findings."""
    case = _case(_NOTE_IN_CAPITALS, "Home cervical traction unit")
    assert case.exam.neurological_deficit.value == "yes"


def test_a_dictated_heading_with_a_full_stop_opens_its_section() -> None:
    note = ("DOS: 10/22/2013\nX-rays of the right knee 9/2013 show medial joint space narrowing.\n"
            "Plan. We discussed options. I am requesting\n1. MRI right knee without contrast\n")
    studies = _case(note, "MRI right knee without contrast").imaging
    assert [s.modality for s in studies] == ["x_ray"]  # the requested MRI is no study already done


def test_terse_lower_case_fields_and_shorthand() -> None:
    note = ("dos 3/20/2018\nsurgery: r shoulder arthroscopic subacromial decompression 3/14/2018\n"
            "pain 2/10, off norco, doing hep 1x/day. hep c screen negative.\n")
    case = _case(note, "Post-op PT x 12")
    assert [str(s.date) for s in case.surgeries] == ["2018-03-14"]
    assert case.clinical.home_exercise_program.value == "yes"
    only_hepatitis = _case("dos 3/20/2018\nhep c screen negative.\n", "Post-op PT x 12")
    assert only_hepatitis.clinical.home_exercise_program.value == "unknown"


@pytest.mark.parametrize(("sentence", "mg"), [
    ("Opioids: Norco, MED 160.", 160.0),
    ("Current MME: 90 mg/day.", 90.0),
    ("Total MED is approximately 165 mg/day.", 165.0),
    ("Now oxycodone 10 mg QID (60 MME/day).", 60.0),
    ("Next taper step, 60 -> 45 MME/day.", 60.0),  # the dose now, not the step's target
    ("He takes 90 mg morphine equivalents a day.", 90.0),
    ("Goal </= 45 MME by 07/2019.", None),  # a goal
    ("Doses above 120 mg MED are not recommended.", None),  # a threshold
    # the dose stated with the day it is of (recall17meds)
    ("MED today: 105 mg/day.", 105.0),
    ("MME currently 80 (OxyContin 20 q12h + oxycodone 5 bid).", 80.0),
    ("Morphine equivalents this month = 60 mg.", 60.0),
    ("MED today: goal under 50 by spring.", None),
])
def test_a_stated_morphine_equivalent_dose(sentence: str, mg: float | None) -> None:
    case = _case("DOS: 6/11/2019\nChronic LBP on opioids. " + sentence + "\n", "Naloxone 4 mg nasal spray")
    assert case.monitoring.stated_med.mg_per_day == mg


@pytest.mark.parametrize("date", ["2/24/2016", "February 24, 2016"])
def test_a_result_line_dated_in_any_form_is_care_given(date: str) -> None:
    note = f"DOS: 3/22/2016\nPsych evaluation for SCS (Dr. N. Ibarra, PhD, {date}): MMPI-2 and interview, cleared for SCS trial.\n"
    services = [t.service for t in _case(note, "Spinal cord stimulator trial").treatments]
    assert services == ["psychological_evaluation"]


@pytest.mark.parametrize("note", [
    "DOS 2/3/2017\nS - R thumb pain x 3 mo, worse pinching.\nA - R de Quervain tenosynovitis.\nP - thumb spica splint\n",
    "DOS 2/3/2017\nS -- R thumb pain x 3 mo.\nAssessment - right de Quervain's tenosynovitis\nPlan - splint\n",
    "DOS 2/3/2017\nS \u2013 R thumb pain x 3 mo.\nA \u2013 R de Quervain tenosynovitis\nP \u2013\n- splint\n",
])
def test_a_soap_heading_set_off_by_a_dash_opens_its_section(note: str) -> None:
    """"A - <diagnosis>" is the assessment as "A: <diagnosis>" is: its diagnosis is read."""
    case = _case(note, "Thumb spica orthosis, prefab, R")
    assert any("quervain" in d.name.lower() for d in case.diagnoses)


@pytest.mark.parametrize("line", [
    "Off work - no light duty available.", "Pain - 6/10 today.", "Left knee - swelling improved.",
    "Tramadol - helps, no side effects.",
])
def test_a_dash_after_words_that_name_no_section_is_no_heading(line: str) -> None:
    from imr_engine.extract.note_layout import dash_heading
    assert dash_heading(line) is None
