"""Layouts of progress notes the corpus has few of, written for these tests: faxed and OCR'd pages,
EHR exports, psychology and therapy reports, primary care notes that mix in non-industrial problems.

Where a statement sits decides what it says as much as its words: a fax banner or a page footer
inside a paragraph is no part of it, a word broken at a line end is one word, only a ticked option
of a form counts, a table row is one entry, a template's review of systems denies symptoms whatever
the drugs. The expected values are what each fragment states (the PR-2 work status words, the CPMTG
opioid monitoring items and GI risk factors, p. 68 and 78-80), never what the reader returns.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text
from imr_engine.extract.textmap import TextMap

VISIT = "DOS: 04/07/2016\n"
NORCO = "Norco 10/325 mg #90"


def _case(body: str, request: str = NORCO):
    return extract_text(VISIT + body, [request])


def _meds(case) -> set[tuple[str, str]]:
    return {(m.name.lower(), m.status) for m in case.medications}


# ---------------------------------------------------------------- faxed and OCR'd pages

def test_a_fax_banner_inside_a_paragraph_does_not_cut_it() -> None:
    case = _case(
        "SUBJECTIVE:\nPatient reports that with Norco his pain goes from 8/10 to 4/10 and he is able to walk\n"
        "04/08/2016 10:32 FAX 5105551212   ACME ORTHO GROUP        P.002/004\n"
        "for 30 minutes, up from 10 minutes before starting it.\n"
    )
    assert {p.score for p in case.pain_scores if p.context == "with_medication"} == {4}
    assert case.function.objective_improvement.value == "yes"


@pytest.mark.parametrize("footer", ["Page 2 of 4", "- Page 2 -"])
def test_a_page_footer_inside_a_sentence_does_not_cut_it(footer: str) -> None:
    case = _case(
        "SUBJECTIVE:\nShe states that since starting the medication she is able to do her own grocery\n"
        f"{footer}\nshopping again and sleeps 6 hours a night.\n"
    )
    assert case.function.adl_improvement.value == "yes"


def test_a_word_broken_at_a_line_end_is_read_whole() -> None:
    case = _case(
        "OBJECTIVE:\nFindings consistent with lumbar radicu-\nlopathy on the left, with decreased sensation in the left L5 derma-\n"
        "tome.\n"
    )
    assert case.exam.radiculopathy.value == "yes"
    assert any("radicu-\nlopathy" in e.quote for e in case.exam.radiculopathy.evidence)  # quoted as written


@pytest.mark.parametrize(("raw", "read"), [
    ("lumbar radicu-\nlopathy", "lumbar radiculopathy"),
    ("a follow-\nup visit", "a follow-up visit"),
    ("his non-\nindustrial hypertension", "his non-industrial hypertension"),
    ("a work-\nrelated injury", "a work-related injury"),
    ("L4-\n5 level", "L4-5 level"),
])
def test_line_end_hyphens_of_notes(raw: str, read: str) -> None:
    assert TextMap.build(raw, rejoin_words=True).text == read


def test_letters_keep_their_line_end_hyphens() -> None:
    assert TextMap.build("lumbar radicu-\nlopathy").text == "lumbar radicu-lopathy"


@pytest.mark.parametrize(("form", "status"), [
    ("WORK STATUS:\n[ ] Full duty  [ ] Modified duty\n[X] TTD until next visit\n", "off_work"),
    ("WORK STATUS:\n☐ Full duty\n☒ Modified duty: no lifting > 15 lbs\n☐ Temporarily totally disabled\n", "modified_duty"),
    ("Work status: ( ) Regular work (x) Modified work ( ) TTD\n", "modified_duty"),
    # the empty boxes lost in the fax, the tick left as a bare X
    ("WORK STATUS:\n    Return to full duty\nX   Modified duty - no repetitive bending\n    Off work\n", "modified_duty"),
    ("WORK STATUS:\nX  Temporarily totally disabled\n   Modified work\n   Full duty\n", "off_work"),
])
def test_only_the_ticked_option_of_a_form_counts(form: str, status: str) -> None:
    assert _case(form).function.work_status.value == status


@pytest.mark.parametrize(("line", "drug"), [
    ("1. 0xycodone 10 mg q6h prn", "oxycodone"),
    ("2. Gabapentln 300 mg TID", "gabapentin"),
    ("3. Cyclobenzaprlne 10 mg qhs", "cyclobenzaprine"),
])
def test_ocr_slips_in_drug_names(line: str, drug: str) -> None:
    case = _case(f"CURRENT MEDICATIONS:\n{line}\n", "Oxycodone 10 mg #120")
    assert (drug, "current") in _meds(case)
    assert any(line.split(" ", 1)[1].split()[0] in e.quote for m in case.medications for e in m.evidence)


def test_an_ocr_slip_in_a_strength() -> None:
    case = _case("MEDICATIONS:\nNorco l0/325 1 tab q6h prn pain\n")
    assert ("norco", "current") in _meds(case)
    assert TextMap.build("Norco l0/325").text == "Norco l0/325"  # the raw text is left as written


OCR_NUMERALS = [
    ("DATE OF SERVlCE: l0/20/20l4", "10/20/2014"), ("UDS 08/ll/20l4: consistent", "08/11/2014"),
    ("seen in the ER 9/2/l4", "9/2/14"), ("pain 8/l0 with meds", "8/10"), ("Opioid agreement signed 20l0.", "2010"),
    ("MRl L-spine 20l2: DDD", "2012"), ("last visit l2/0l/2019", "12/01/2019"),
]


@pytest.mark.parametrize(("line", "meant"), OCR_NUMERALS, ids=[o[1] for o in OCR_NUMERALS])
def test_an_ocr_l_for_one_in_a_date_rating_or_year(line: str, meant: str) -> None:
    from imr_engine.extract.ocr import repair
    from imr_engine.vocabulary import load_vocabulary

    read = repair(TextMap.build(line), load_vocabulary()).text
    assert meant in read and len(read) == len(line)


@pytest.mark.parametrize("line", ["ll/ll", "Sl nerve root", "l2h on/l2h off", "#l80/mo", "L4-5 and L5-S1", "C5-6"])
def test_no_digit_no_ocr_numeral(line: str) -> None:
    from imr_engine.extract.ocr import repair
    from imr_engine.vocabulary import load_vocabulary

    assert repair(TextMap.build(line), load_vocabulary()).text == TextMap.build(line).text


def test_an_icd_code_is_no_ocr_slip() -> None:
    case = _case("DIAGNOSES:\n1. Hypertension, controlled (I10 / 401.9)\n")
    assert all("I10" in e.quote for d in case.diagnoses for e in getattr(d, "evidence", []) if "401.9" in e.quote)


# ---------------------------------------------------------------- EHR exports

def test_a_medication_reconciliation_table() -> None:
    case = _case(
        "Medication Reconciliation\nMedication | Sig | Dispense | Refills | Status\n"
        "Norco 10-325 mg tablet | 1 tab PO q6h prn | 120 | 0 | Taking\n"
        "Ibuprofen 800 mg tablet | 1 tab PO TID | 90 | 2 | Not Taking\n"
        "Cyclobenzaprine 10 mg | 1 tab qhs | 30 | 0 | Discontinued\n"
    )
    meds = _meds(case)
    assert ("norco", "current") in meds
    assert ("ibuprofen", "current") not in meds and ("cyclobenzaprine", "current") not in meds


def test_a_table_set_out_in_tabs_reads_as_one_set_out_in_spaces() -> None:
    # an EHR export puts a tab between cells, one per gap; read as the same rows, never a fault
    # columns aligned with runs of spaces, each pair of spaces a tab in the export
    spaced = ("Medication                  Sig                   Qty     Status\n"
              "Norco 10-325 mg tablet      1 tab PO q6h prn      120     Taking\n"
              "Cyclobenzaprine 10 mg       1 tab PO qhs          30      Discontinued\n")
    tabbed = spaced.replace("  ", "\t")
    assert _meds(_case(tabbed)) == _meds(_case(spaced))
    assert ("norco", "current") in _meds(_case(tabbed))


@pytest.mark.parametrize("heading", ["Medication Reconciliation", "Current Outpatient Medications", "Active Medications"])
def test_a_bare_title_heads_the_medication_list(heading: str) -> None:
    case = _case(f"{heading}\nTramadol 50 mg 1 PO q6h prn\n", "Tramadol 50 mg #120")
    assert ("tramadol", "current") in _meds(case)


def test_a_template_review_of_systems_is_no_side_effect_statement_without_an_opioid() -> None:
    case = _case("REVIEW OF SYSTEMS:\nGI: Negative for nausea, vomiting, constipation, abdominal pain.\n"
                 "MEDICATIONS:\nIbuprofen 800 mg TID\n", "Ibuprofen 800 mg #90")
    assert case.monitoring.side_effects.value == "unknown"


def test_a_review_of_systems_denies_an_opioids_side_effects_when_one_is_taken() -> None:
    case = _case("MEDICATIONS:\nNorco 10/325 q6h prn\nREVIEW OF SYSTEMS:\nGI: Negative for nausea, vomiting, constipation.\n")
    assert case.monitoring.side_effects.value == "no"


def test_smart_phrase_fields() -> None:
    case = _case("Opioid monitoring:\nPDMP reviewed: Yes\nORT: 3 (low risk)\nOpioid agreement on file: Yes\n"
                 "Last UDS: 02/10/2016 - consistent\n")
    assert case.monitoring.cures_checked.value == "yes"
    assert case.monitoring.opioid_agreement.value == "yes"
    assert case.monitoring.misuse_risk.value == "low"
    assert [(str(s.date), s.consistent) for s in case.monitoring.urine_drug_screens] == [("2016-02-10", "yes")]


def test_smart_phrase_fields_answered_no_assert_nothing_done() -> None:
    case = _case("PDMP reviewed: No\nOpioid agreement on file: No\n")
    assert case.monitoring.cures_checked.value != "yes"
    assert case.monitoring.opioid_agreement.value != "yes"


def test_an_interval_history_after_a_copied_forward_hpi() -> None:
    case = _case("HPI (copied from 01/05/2016):\nPatient has been off work since the injury. Pain 9/10.\n"
                 "Interval history:\nReturned to modified duty on 3/1/16. Pain now 5/10 with Norco.\n")
    assert case.function.returned_to_work.value == "yes"


# ---------------------------------------------------------------- psychology, therapy, mixed problems

def test_psychology_pr2_scores_and_sessions() -> None:
    case = _case("PSYCHOLOGICAL PROGRESS REPORT (PR-2)\nTest results: BDI-II 28 (moderate), BAI 22 (moderate).\n"
                 "Patient has attended 4 of 6 authorized CBT sessions.\n", "Cognitive behavioral therapy x 6 sessions")
    assert case.clinical.depression_or_anxiety.value == "yes"
    assert [t.sessions for t in case.treatments] == [4]


def test_a_therapy_re_evaluation_counts_its_visits_and_goals() -> None:
    case = _case("PHYSICAL THERAPY RE-EVALUATION\nVisits to date: 8 of 12\nGoals:\n"
                 "1. Sit 60 min - MET (initial 15 min, now 60 min)\n"
                 "2. Lift 25 lbs floor to waist - NOT MET (initial 5 lbs, now 15 lbs)\n3. Independent HEP - MET\n",
                 "Physical therapy x 6")
    assert case.function.objective_improvement.value == "yes"
    assert case.clinical.home_exercise_program.value == "yes"
    assert [(t.service, t.sessions) for t in case.treatments] == [("physical_therapy", 8)]


def test_a_therapy_re_evaluation_that_plateaued() -> None:
    case = _case("PT RE-EVAL\nGoals: sitting tolerance 60 min - not met (15 min at IE, 15 min today). "
                 "Lifting 20 lbs - not met.\nFunction has plateaued.\n", "Physical therapy x 6")
    assert case.function.objective_improvement.value == "no"


@pytest.mark.parametrize("meds", [
    "PAST MEDICAL HISTORY (non-industrial):\nAtrial fibrillation on warfarin. Hypertension.\nMEDICATIONS:\nWarfarin 5 mg daily\n",
    "MEDICATIONS:\nAspirin 81 mg daily (cardiology)\n",
    "MEDICATIONS:\nPrednisone 10 mg daily for COPD\n",
])
def test_a_drug_for_another_problem_is_a_gi_risk_factor(meds: str) -> None:
    case = _case(meds + "Naproxen 550 mg BID\n", "Naproxen 550 mg #60")
    assert case.clinical.gi_risk_factors.value == "yes"


def test_a_past_gi_bleed_is_a_gi_risk_factor() -> None:
    case = _case("PMH: GI bleed 2012 on ibuprofen, treated at Kaiser.\n", "Naproxen 550 mg #60")
    assert case.clinical.gi_risk_factors.value == "yes"


def test_a_relatives_depression_is_not_the_patients() -> None:
    case = _case("FAMILY HISTORY:\nMother with depression. Father with diabetes.\n")
    assert case.clinical.depression_or_anxiety.value == "unknown"


# ---------------------------------------------------------------- before-and-after tables of re-evaluations

_THERAPY_TABLE = (
    "PHYSICAL THERAPY RE-EVALUATION - SHOULDER\n"
    "Visits used: 10 of 12\n\n"
    "OBJECTIVE            Initial eval 1/11/16      Re-eval 3/28/16\n"
    "  AROM abduction       70 deg                    140 deg\n"
    "  Carry tolerance      5 lbs                     20 lbs\n"
    "  Shoulder MMT         3/5                       4+/5\n"
    "  QuickDASH            64                        31\n\n"
    "PLAN:\nPhysical therapy 2x/wk x 3 wks, then discharge to HEP.\n"
)


def test_a_before_and_after_table_reads_as_gains_of_the_reported_course() -> None:
    case = extract_text("DOS: 03/28/2016\n" + _THERAPY_TABLE, ["Physical therapy x 6"])
    assert case.function.objective_improvement.value == "yes"
    assert [(t.service, t.sessions, t.functional_improvement) for t in case.treatments] == [("physical_therapy", 10, "yes")]
    quotes = [e.quote for e in case.function.objective_improvement.evidence]
    assert "Carry tolerance      5 lbs                     20 lbs" in quotes  # the row as written


def test_a_strength_grade_tracked_across_visits_is_no_neurological_sign() -> None:
    case = extract_text("DOS: 03/28/2016\n" + _THERAPY_TABLE, ["Physical therapy x 6"])
    assert case.exam.neurological_deficit.value != "yes"


def test_a_home_program_the_plan_ends_with_is_not_yet_done() -> None:
    case = extract_text("DOS: 03/28/2016\n" + _THERAPY_TABLE, ["Physical therapy x 6"])
    assert case.clinical.home_exercise_program.value == "unknown"


def test_a_table_headed_by_two_dates_reads_the_same() -> None:
    case = _case("FUNCTIONAL MEASURES        10/02/15        01/08/16\n"
                 "  Oswestry                   46 %            28 %\n"
                 "  Walking tolerance          10 min          40 min\n", "Chiropractic x 6")
    assert case.function.objective_improvement.value == "yes"


def test_columns_without_a_before_and_after_heading_are_left_alone() -> None:
    tm = TextMap.build("Name: A. B.        Age: 44\nClaim: 12-3456      DOI: 1/2/15\n")
    from imr_engine.extract.tables import compared_rows
    assert compared_rows(tm).text == tm.text


@pytest.mark.parametrize(("line", "sessions"), [
    ("Visits completed: 8 (02/01-03/20/16)", 8),
    ("Visits: 9 used of 12 authorized", 9),
    ("Sessions attended: 5", 5),
])
def test_a_course_counted_on_its_own_report(line: str, sessions: int) -> None:
    case = _case(f"CHIROPRACTIC PROGRESS REPORT\n{line}\n", "Additional chiropractic x 6")
    assert [t.sessions for t in case.treatments] == [sessions]


# ---------------------------------------------------------------- statements placed where forms put them

def test_a_diagnosis_line_that_rules_a_finding_out_is_no_diagnosis() -> None:
    case = _case("IMPRESSION:\n1. Lumbar strain\n2. Neg for radiculopathy on today's exam.\n")
    assert all("radiculopathy" not in d.name.lower() for d in case.diagnoses)
    assert case.clinical.neuropathic_pain.value != "yes"


@pytest.mark.parametrize("sentence", ["Neuro intact in the LEs.", "Neurovascularly intact distally."])
def test_a_terse_normal_neurological_exam(sentence: str) -> None:
    assert _case(f"EXAM:\n{sentence}\n").exam.neurological_deficit.value == "no"


def test_drugs_named_in_parentheses_that_did_not_control_the_pain() -> None:
    case = _case("SUBJECTIVE:\nHer meds (naproxen, duloxetine 30 mg daily) have not controlled the arm pain.\n",
                 "TENS unit 30-day rental")
    assert {("naproxen", "current"), ("duloxetine", "current")} <= _meds(case)
    assert case.clinical.conservative_care_failed.value == "yes"


@pytest.mark.parametrize("sentence", [
    'Tizanidine 4 mg qhs - "makes me too sleepy to drive."',
    "The gabapentin gives me grogginess in the morning.",
])
def test_a_drug_the_patient_says_makes_him_sleepy(sentence: str) -> None:
    assert _case(f"SUBJECTIVE:\n{sentence}\n").monitoring.side_effects.value == "yes"


def test_a_topical_cream_that_helps_a_little() -> None:
    case = _case('SUBJECTIVE:\nCompounded cream "helps a little" with the wrist pain.\n')
    assert case.function.subjective_improvement.value == "yes"


@pytest.mark.parametrize("sentence", ["Off Norco since March.", "Stopped the oxycodone 2 weeks ago."])
def test_a_drug_given_up_is_past(sentence: str) -> None:
    case = _case(f"SUBJECTIVE:\n{sentence}\n", "Tramadol 50 mg #60")
    assert any(status == "past" for _, status in _meds(case)) and not any(s == "current" for _, s in _meds(case))


def test_a_course_ur_approved_is_not_the_decision_disputed() -> None:
    case = extract_text("Date of service: 03/10/2016\nHPI: 8 PT visits were authorized (UR 12/2015) and completed.\n",
                        ["Additional PT x 8"])
    assert case.ur_decision_date is None
    denied = extract_text("Date of service: 03/10/2016\nHPI: UR denied the MRI on 02/20/2016.\n", ["Lumbar MRI"])
    assert denied.ur_decision_date is not None and str(denied.ur_decision_date.date) == "2016-02-20"


def test_a_plan_heading_with_a_slash() -> None:
    case = _case("Plan/Request:\n1. Acupuncture x 6, then HEP.\n", "Acupuncture x 6")
    assert case.clinical.home_exercise_program.value == "unknown"


# ---------------------------------------------------------------- round 4's leftovers

def test_a_screen_named_again_by_one() -> None:
    case = _case("SUBJECTIVE:\nUDS collected today; last one (1/5/16) was consistent.\n")
    assert ("2016-01-05", "yes") in [(str(s.date) if s.date else None, s.consistent) for s in case.monitoring.urine_drug_screens]


def test_a_denied_item_then_one_with_its_own_predicate() -> None:
    case = _case("SUBJECTIVE:\nNo sedation, constipation controlled with MiraLAX.\n")
    assert case.monitoring.side_effects.value == "yes"


def test_a_denied_list_still_denies_every_item() -> None:
    case = _case("SUBJECTIVE:\nOn Norco. No sedation, constipation or nausea.\n")
    assert case.monitoring.side_effects.value == "no"


@pytest.mark.parametrize("form", ["Work restrictions: none\n", "WORK STATUS:\nRestrictions: None.\n"])
def test_a_restrictions_field_answered_none(form: str) -> None:
    assert _case(form).function.work_status.value == "full_duty"


# ---------------------------------------------------------------- care told by its name first (terse and PM&R notes)

@pytest.mark.parametrize(("sentence", "service", "sessions", "effect"), [
    ("Land-based PT 10 visits 2014-2015, could not tolerate it.", "physical_therapy", 10, "no_improvement"),
    ("TENS: 1-month home trial 6/2016, used daily - no change in pain; returned.", "tens", None, "no_improvement"),
    ("Failed TENS trial in 2016.", "tens", None, "no_improvement"),
    ("Chiropractic x 6 visits (2015) did not help.", "chiropractic", 6, "no_improvement"),
])
def test_a_course_told_by_its_name_first(sentence: str, service: str, sessions: int | None, effect: str) -> None:
    case = _case(f"SUBJECTIVE:\n{sentence}\n", "H-wave unit 30-day home trial")
    assert [(t.service, t.sessions, t.effect) for t in case.treatments] == [(service, sessions, effect)]


def test_care_named_together_fails_together() -> None:
    case = _case("PLAN:\nInterferential unit as an adjunct - TENS trial failed 5/2016, PT/meds/HEP failed.\n",
                 "Interferential unit 30-day trial")
    assert {(t.service, t.effect) for t in case.treatments} == {("tens", "no_improvement"), ("physical_therapy", "no_improvement")}
    assert case.clinical.conservative_care_failed.value == "yes"


def test_a_requested_course_in_the_plan_is_not_a_course_given() -> None:
    case = _case("PLAN:\nAquatic therapy 2x/wk x 4 wks (8 visits).\nConsider PT 6 visits.\n", "Aquatic therapy x 8")
    assert case.treatments == []


@pytest.mark.parametrize(("line", "path"), [
    ("ROS: GI: neg dyspepsia, neg melena.", "clinical.dyspepsia"),
    ("Psych: neg depression.", "clinical.depression_or_anxiety"),
])
def test_a_terse_neg_denies_the_term_after_it(line: str, path: str) -> None:
    section, name = path.split(".")
    assert getattr(getattr(_case(line + "\n"), section), name).value == "no"


def test_a_neg_after_a_sign_answers_that_sign_only() -> None:
    case = _case("EXAM:\nSLR neg bilat, TTP L4-S1 paraspinals.\n")
    assert case.exam.tenderness.value == "yes"
    assert case.exam.radiculopathy.value == "no"


def test_no_sedation_on_a_muscle_relaxant() -> None:
    case = _case("MEDS:\nTizanidine 4 mg qhs\nSUBJECTIVE:\nNo sedation complaints.\n", "Tizanidine 4 mg #30")
    assert case.monitoring.side_effects.value == "no"


# ---------------------------------------------------------------- EHR tables set out in spaces, header lines

_SPACED_TABLE = (
    "Current Medications\n"
    " Medication                      Sig                        Disp   RF  Status\n"
    " traMADol 50 mg tablet           1 tab PO q6h prn           120    0   Taking\n"
    " acetaminophen 500 mg tablet     2 tabs PO TID              OTC    -   Taking\n"
    " meloxicam 15 mg tablet          --                         --     --  Discontinued 2015 (GERD)\n"
    " pantoprazole 40 mg tablet       1 tab PO daily (GERD)      30     3   Taking\n"
)


def test_a_medication_table_set_out_in_spaces() -> None:
    meds = _meds(_case(_SPACED_TABLE, "Tramadol 50 mg #120"))
    assert {("tramadol", "current"), ("acetaminophen", "current"), ("pantoprazole", "current")} <= meds
    assert ("meloxicam", "tried_failed") in meds  # stopped for the condition it caused


def test_sentences_typed_with_two_spaces_are_no_table() -> None:
    from imr_engine.extract.tables import columned_rows
    tm = TextMap.build("He walks daily.  Pain is 4/10.  Sleep is fair.\nHe is off work.  He drives.  He cooks.\n")
    assert columned_rows(tm).rows == frozenset()


def test_a_three_column_table_with_a_goal() -> None:
    case = _case("Objective              Visit 1 (02/01/16)    Visit 10 (04/01/16)    Goal\n"
                 "Overhead lift R        unable                5 lb                   25 lb\n"
                 "Carry tolerance        5 lb                  20 lb                  30 lb\n"
                 "Elbow flexion MMT      3/5                   4/5                    5/5\n", "Physical therapy x 6")
    assert case.function.objective_improvement.value == "yes"
    assert case.exam.neurological_deficit.value != "yes"


@pytest.mark.parametrize(("header", "sex"), [
    ("Patient: DOE, JANE  DOB 4/18/1977  Age 42 y.o.  Sex F  MRN 1093377", "female"),
    ("History: 51 y/o RHD M machinist with neck pain.", "male"),
])
def test_sex_in_an_ehr_header_and_after_handedness(header: str, sex: str) -> None:
    assert _case(header + "\n").claimant.sex == sex


def test_without_its_object_negates_nothing_after_it() -> None:
    case = _case("Interval history: pain 5/10 with meds, 7/10 without, back to modified duty since 3/2016.\n")
    assert case.function.returned_to_work.value == "yes"


def test_a_diagnosis_that_names_radiculopathy_only_to_deny_it() -> None:
    case = _case("DIAGNOSES:\n1. Cervical disc degeneration (mild C5-6, no radiculopathy)\n")
    assert case.clinical.neuropathic_pain.value != "yes"


def test_drugs_that_have_taken_the_edge_off() -> None:
    case = _case('SUBJECTIVE:\nNaproxen and tizanidine have "taken the edge off" but the spasms persist.\n',
                 "Tizanidine 4 mg #30")
    assert case.function.subjective_improvement.value == "yes"


# ---------------------------------------------------------------- yes/no questions answered by ticking a box

@pytest.mark.parametrize(("form", "path", "value"), [
    ("Side effects: ☐ Yes ☒ No\n", "monitoring.side_effects", "no"),
    ("Side effects: [X] Yes [ ] No - constipation\n", "monitoring.side_effects", "yes"),
    ("CURES checked: [X] Yes [ ] No\n", "monitoring.cures_checked", "yes"),
    ("Aberrant behavior: [ ] Yes [X] No\n", "monitoring.aberrant_behavior", "no"),
    ("Aberrant behavior:  Yes ☐  No ☒\n", "monitoring.aberrant_behavior", "no"),
])
def test_a_yes_no_question_answered_by_a_ticked_box(form: str, path: str, value: str) -> None:
    section, name = path.split(".")
    assert getattr(getattr(_case("OPIOID MONITORING:\n" + form), section), name).value == value


def test_an_unanswered_yes_no_question_says_nothing() -> None:
    case = _case("Opioid agreement signed: [ ] Yes [ ] No\n")
    assert case.monitoring.opioid_agreement.value == "unknown"


def test_options_each_before_its_box() -> None:
    assert _case("WORK STATUS:\nFull duty ☐   Modified duty ☐   TTD ☒\n").function.work_status.value == "off_work"


def test_a_sign_named_in_the_assessment_is_an_examination_finding() -> None:
    case = _case("ASSESSMENT/PLAN:\n# Lumbar radiculopathy: SLR positive L, decreased sensation L5. Request L5-S1 TFESI.\n",
                 "L5-S1 TFESI")
    assert case.exam.radiculopathy.value == "yes"


def test_a_problems_drug_told_without_a_subject() -> None:
    case = _case("PMH: AFib - takes Eliquis 5 mg BID (cardiology).\nMEDS: naproxen 500 BID\n", "Naproxen 500 mg #60")
    assert case.clinical.gi_risk_factors.value == "yes"


@pytest.mark.parametrize("sentence", ["NV intact distally.", "Calf soft, NVI."])
def test_neurovascular_intact_in_shorthand(sentence: str) -> None:
    assert _case(f"EXAM:\nR knee: effusion, crepitus. {sentence}\n").exam.neurological_deficit.value == "no"


def test_a_finding_under_an_imaging_heading_is_the_studys() -> None:
    case = _case("IMAGING:\nStanding AP/lateral R knee 1/2016 - bone-on-bone medial compartment, osteophytes.\n",
                 "Right total knee arthroplasty")
    assert case.clinical.diagnosis_confirmed_by_testing.value == "yes"


def test_a_normal_study_under_an_imaging_heading_confirms_nothing() -> None:
    case = _case("IMAGING:\nMRI L-spine 1/2016: no stenosis, no herniation.\n", "L4-5 laminectomy")
    assert case.clinical.diagnosis_confirmed_by_testing.value != "yes"


def test_a_status_copied_forward_gives_way_to_the_interval_history() -> None:
    case = _case("HPI (copied forward from 01/05/2016):\nPatient has been off work since the injury.\n"
                 "Interval history:\nReturned to modified duty on 3/1/16.\n")
    assert case.function.work_status.value == "modified_duty"


def test_without_a_copy_forward_mark_the_first_status_holds() -> None:
    case = _case("WORK STATUS:\nTTD until next visit.\nHPI:\nHe hopes to return to modified duty soon.\n")
    assert case.function.work_status.value == "off_work"


def test_a_table_s_week_column_before_today_is_a_before_and_after_pair() -> None:
    from imr_engine.extract import extract_text
    note = ("Objective:\n"
            "                      Post-op wk 3    Today (wk 13)\n"
            "R sh flex (AROM)      60            155\n"
            "QuickDASH             75            34\n"
            "Able to lift 10 lbs to shoulder level.\n")
    assert extract_text(note, ["Physical therapy x12"]).function.objective_improvement.value == "yes"


def test_a_series_of_three_dated_columns_is_not_read_from_its_first_two() -> None:
    from imr_engine.extract import extract_text
    note = ("                 IE 9/12/19   12/10/19   1/28/20\n"
            "Sit tolerance    20 min       25 min     20 min\n"
            "Lift             15 lb        15 lb      15 lb\n"
            "\nPlan: continue HEP.\n")
    assert extract_text(note, ["Physical therapy x12"]).function.objective_improvement.value != "yes"


@pytest.mark.parametrize(
    ("line", "path"),
    [
        ("CURES not reviewed today.\n", "cures_checked"),
        ("CURES: not checked this visit.\n", "cures_checked"),
        ("PDMP has not been queried yet.\n", "cures_checked"),
        ("Pain agreement was never signed.\n", "opioid_agreement"),
        ("Opioid contract not on file.\n", "opioid_agreement"),
    ],
)
def test_monitoring_said_not_done_after_its_name_is_no_monitoring(line: str, path: str) -> None:
    """The 4 A's (CPMTG p. 78-80) ask for monitoring done: "CURES not reviewed today" documents its absence."""
    case = _case("MEDICATIONS:\nNorco 10/325 q6h prn\nOPIOID MONITORING:\n" + line)
    assert getattr(case.monitoring, path).value == "no"


@pytest.mark.parametrize("line", ["CURES reviewed today, no other prescribers.\n", "CURES: consistent, checked 3/2/2016.\n"])
def test_monitoring_said_done_stays_done(line: str) -> None:
    case = _case("MEDICATIONS:\nNorco 10/325 q6h prn\n" + line)
    assert case.monitoring.cures_checked.value == "yes"


#: A drug's strength at a line's end and its sig wrapped onto the next line, as typed in a short-lined form.
WRAPPED_SIGS = [
    ("ibuprofen 800\nbid, helps a lot.", "ibuprofen 800 bid"),
    ("Norco 10/325\nq6h prn pain, helps 50%.", "norco 10/325 q6h prn"),
    ("gabapentin 300 mg\nTID for nerve pain.", "gabapentin 300 mg tid"),
    ("tramadol 50\n1 tab po q6h prn.", "tramadol 50 1 tab po q6h"),
    ("meloxicam 15\ndaily with food.", "meloxicam 15 daily"),
    ("cyclobenzaprine 10mg\nqhs prn spasm.", "cyclobenzaprine 10mg qhs"),
]
_FILLER = (
    "Subjective: the worker returns for follow up of chronic low back pain after a lifting injury at work, "
    "with pain at the belt line that is worse with bending and better with rest and walking.\n"
)


@pytest.mark.parametrize("case", [str, str.upper, str.lower], ids=["as typed", "all capitals", "all lower case"])
@pytest.mark.parametrize(("wrapped", "joined"), WRAPPED_SIGS, ids=[w[1] for w in WRAPPED_SIGS])
def test_a_sig_wrapped_onto_the_next_line_stays_with_its_drug(wrapped: str, joined: str, case) -> None:
    from imr_engine.extract.letter_case import restore_capitals
    from imr_engine.extract.note_layout import note_sentences

    text = case(_FILLER + "Medications taken: " + wrapped + "\nPlan: continue the same.\n")
    sentences = [s.text.lower() for s in note_sentences(restore_capitals(TextMap.build(text, rejoin_words=True)))]
    assert any(joined in s for s in sentences), sentences


@pytest.mark.parametrize("case", [str, str.upper, str.lower], ids=["as typed", "all capitals", "all lower case"])
def test_a_drug_list_line_is_no_sig_of_the_line_before(case) -> None:
    from imr_engine.extract.letter_case import restore_capitals
    from imr_engine.extract.note_layout import note_sentences

    text = case(_FILLER + "Medications:\nIbuprofen 800\nBaclofen 10\nPlan: continue the same.\n")
    sentences = [s.text.lower() for s in note_sentences(restore_capitals(TextMap.build(text, rejoin_words=True)))]
    assert not any("800 baclofen" in s for s in sentences), sentences


# ---------------------------------------------------------------- rules across the page

_REQUEST_BOX = "RFA items:\n  1. R knee arthroscopy, partial medial meniscectomy\n  2. Post-op PT x 12\n"


@pytest.mark.parametrize("rule", ["-" * 60, "=" * 40, "_" * 30, "- - - - - - - - - -", "*****"])
@pytest.mark.parametrize("drug", ["Takes ibuprofen occasionally.", "He is on naproxen 500 mg BID.",
                                  "Uses Tylenol as needed for the pain."])
def test_a_rule_across_the_page_ends_the_part_above_it(rule: str, drug: str) -> None:
    """A claims summary's request box, then a rule, then the attached report: its history is no part of the box
    (a plan's drugs are not taken yet; the report's are)."""
    body = (_REQUEST_BOX + rule + "\nOrthopedic Follow-up - 4/7/2016\n\n"
            "50M warehouse worker, R knee pain since a twisting injury. " + drug + "\n")
    taken = {m.name.lower(): m.status for m in _case(body, "R knee arthroscopy, partial medial meniscectomy").medications}
    assert any(status == "current" for status in taken.values()), taken


def test_a_rule_under_a_heading_underlines_it() -> None:
    """"PLAN" underlined: what follows is still the plan, so a drug started today is no drug already taken."""
    body = ("HISTORY:\nLow back pain after lifting.\n\nPLAN\n" + "-" * 20 + "\nStart naproxen 500 mg BID.\n")
    assert "naproxen" not in {m.name.lower() for m in _case(body).medications}


@pytest.mark.parametrize("title", ["PR-2 / RFA                        DOS 03/08/2016",
                                   "PTP PROGRESS REPORT / RFA  -  DOS 05/20/2014",
                                   "ORTHO OFFICE NOTE / RFA                      2/10/16"])
def test_a_report_titled_as_the_request_form_tells_no_ablation(title: str) -> None:
    """"RFA" in a report's title is the request form (DWC Form RFA), not a radiofrequency ablation given."""
    case = _case("=" * 50 + "\n" + title + "\n" + "=" * 50 + "\nLow back pain, 6/10.\n")
    assert not any(t.service == "radiofrequency_ablation" for t in case.treatments), [t.model_dump() for t in case.treatments]
