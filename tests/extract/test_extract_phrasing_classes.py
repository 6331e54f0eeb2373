"""Phrasing classes of progress notes, written for these tests from how clinicians chart, not from the corpus.

Each case is a sentence as a PR-2, SOAP, dictated or terse note might put it, under the heading it would
stand in; the expected value is what the sentence states (8 CCR 9792.20 for functional improvement,
the CPMTG opioid monitoring items, the PR-2 work status words). Planned, advised, taught and hoped-for
mentions state nothing; limitations and declines are not gains; a relative's condition is not the patient's.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _case(section: str, text: str):
    note = "DOS: 04/07/2016\n" + (f"{section}:\n" if section else "") + text + "\n"
    return extract_text(note, ["Norco 10/325 mg #90"])


def _value(case, path: str):
    if path == "work_status":
        return case.function.work_status.value
    if path == "uds":
        return [(str(s.date) if s.date else None, s.consistent) for s in case.monitoring.urine_drug_screens]
    if path.startswith("pain."):
        return sorted({p.score for p in case.pain_scores if p.context == path.split(".")[1]})
    obj = case
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj.value

STATED = [
    ('SUBJECTIVE', 'Since starting tramadol he can walk 30 minutes, up from 10 minutes before.', 'function.objective_improvement', 'yes'),
    ('SUBJECTIVE', 'Sitting tolerance improved from 15 to 45 minutes.', 'function.objective_improvement', 'yes'),
    ('SUBJECTIVE', 'Walking tolerance has increased to 1 mile (was 2 blocks).', 'function.objective_improvement', 'yes'),
    ('OBJECTIVE', 'Oswestry improved from 48% to 32%.', 'function.objective_improvement', 'yes'),
    ('OBJECTIVE', 'ODI 32% today (48% at initial eval).', 'function.objective_improvement', 'yes'),
    ('OBJECTIVE', 'Grip strength R 45 lbs, up from 30 lbs at start of PT.', 'function.objective_improvement', 'yes'),
    ('OBJECTIVE', 'FOTO functional score improved 42 -> 58.', 'function.objective_improvement', 'yes'),
    ('OBJECTIVE', 'LEFS 55/80, previously 38/80.', 'function.objective_improvement', 'yes'),
    ('OBJECTIVE', 'NDI down from 40% to 22%.', 'function.objective_improvement', 'yes'),
    ('OBJECTIVE', 'PSFS average improved from 3/10 to 6/10.', 'function.objective_improvement', 'yes'),
    ('OBJECTIVE', '6-minute walk test 380 m today vs 250 m at evaluation.', 'function.objective_improvement', 'yes'),
    ('SUBJECTIVE', 'With the medication she can do household chores for an hour vs 15 minutes without it.', 'function.objective_improvement', 'yes'),
    ('SUBJECTIVE', 'Now able to stand 30 min at a time to cook, previously only 10 min.', 'function.objective_improvement', 'yes'),
    ('WORK STATUS', 'Lifting restriction increased from 10 lbs to 25 lbs.', 'function.objective_improvement', 'yes'),
    ('SUBJECTIVE', 'Pt reports he is now able to walk his dog 2 miles, compared to half a mile last visit.', 'function.objective_improvement', 'yes'),
    ('SUBJECTIVE', 'He went back to work full duty on 3/1/16.', 'function.objective_improvement', 'yes'),
    ('SUBJECTIVE', 'Able to lift 20 lbs now (10 lbs in January).', 'function.objective_improvement', 'yes'),
    ('SUBJECTIVE', 'Functional gains: sitting 60 min (was 20), standing 30 min (was 10).', 'function.objective_improvement', 'yes'),
    ('SUBJECTIVE', 'No significant change in function since last visit.', 'function.objective_improvement', 'no'),
    ('SUBJECTIVE', 'Function unchanged.', 'function.objective_improvement', 'no'),
    ('SUBJECTIVE', 'ADLs remain limited; no improvement in function with the current medications.', 'function.objective_improvement', 'no'),
    ('SUBJECTIVE', 'Activity level is about the same as last month.', 'function.objective_improvement', 'no'),
    ('SUBJECTIVE', 'Meds help him get through the day.', 'function.subjective_improvement', 'yes'),
    ('SUBJECTIVE', 'States the Norco allows her to do light housework.', 'function.subjective_improvement', 'yes'),
    ('SUBJECTIVE', 'Reports pain is more manageable on the current regimen.', 'function.subjective_improvement', 'yes'),
    ('SUBJECTIVE', 'She finds the medication beneficial.', 'function.subjective_improvement', 'yes'),
    ('SUBJECTIVE', 'Pt says the Norco works well for her.', 'function.subjective_improvement', 'yes'),
    ('SUBJECTIVE', 'Current meds are keeping his pain under control.', 'function.subjective_improvement', 'yes'),
    ('SUBJECTIVE', 'With the medication she is now able to do her own grocery shopping again.', 'function.adl_improvement', 'yes'),
    ('SUBJECTIVE', 'Since the injection he has resumed yard work.', 'function.adl_improvement', 'yes'),
    ('SUBJECTIVE', 'ADLs improved; now dresses without help.', 'function.adl_improvement', 'yes'),
    ('SUBJECTIVE', 'Needs help from her daughter with bathing and dressing, no change.', 'function.adl_improvement', 'no'),
    ('SUBJECTIVE', 'Unable to do housework; her husband does the cooking, same as last visit.', 'function.adl_improvement', 'no'),
    ('SUBJECTIVE', 'He returned to work on 3/1/16 at full duty.', 'function.returned_to_work', 'yes'),
    ('SUBJECTIVE', 'Has been back at work since March, modified duty.', 'function.returned_to_work', 'yes'),
    ('SUBJECTIVE', 'Has not returned to work since the injury.', 'function.returned_to_work', 'no'),
    ('SUBJECTIVE', 'UDS 03/02/2016 consistent with prescribed medications.', 'uds', [('2016-03-02', 'yes')]),
    ('SUBJECTIVE', 'Last urine tox screen (01/10/16) was appropriate.', 'uds', [('2016-01-10', 'yes')]),
    ('SUBJECTIVE', 'Urine drug testing has been consistent.', 'uds', [(None, 'yes')]),
    ('OBJECTIVE', 'UDT 4/5/16: positive for oxycodone, as expected.', 'uds', [('2016-04-05', 'yes')]),
    ('SUBJECTIVE', 'Tox screen 10/2015 positive for THC, which is not prescribed.', 'uds', [('2015-10', 'no')]),
    ('SUBJECTIVE', 'UDS from 2/2016 was inconsistent - negative for hydrocodone.', 'uds', [('2016-02', 'no')]),
    ('SUBJECTIVE', 'Urine toxicology on 2/1/16 showed unexpected benzodiazepines.', 'uds', [('2016-02-01', 'no')]),
    ('PLAN', 'Will obtain UDS at next visit.', 'uds', []),
    ('PLAN', 'Random urine drug screens per protocol.', 'uds', []),
    ('PLAN', 'Urine drug screen to be collected at next visit.', 'uds', []),
    ('SUBJECTIVE', 'No UDS on file.', 'uds', []),
    ('PLAN', 'Recommend periodic urine drug testing.', 'uds', []),
    ('SUBJECTIVE', 'CURES report reviewed today, consistent, no other prescribers.', 'monitoring.cures_checked', 'yes'),
    ('SUBJECTIVE', 'CURES report reviewed today, consistent, no other prescribers.', 'monitoring.other_prescribers', 'no'),
    ('SUBJECTIVE', 'CURES checked 4/7/16 - appropriate.', 'monitoring.cures_checked', 'yes'),
    ('SUBJECTIVE', 'PDMP queried; this office is the only prescriber.', 'monitoring.cures_checked', 'yes'),
    ('SUBJECTIVE', 'PDMP queried; this office is the only prescriber.', 'monitoring.other_prescribers', 'no'),
    ('SUBJECTIVE', 'CURES shows prescriptions from two other physicians.', 'monitoring.other_prescribers', 'yes'),
    ('SUBJECTIVE', 'CURES showed Norco filled from an urgent care in March.', 'monitoring.other_prescribers', 'yes'),
    ('SUBJECTIVE', 'Controlled substance agreement on file.', 'monitoring.opioid_agreement', 'yes'),
    ('SUBJECTIVE', 'Narcotics contract signed 1/2015.', 'monitoring.opioid_agreement', 'yes'),
    ('SUBJECTIVE', 'Pain management agreement signed and in chart.', 'monitoring.opioid_agreement', 'yes'),
    ('SUBJECTIVE', 'Opioid treatment agreement on file.', 'monitoring.opioid_agreement', 'yes'),
    ('SUBJECTIVE', 'Patient has signed an opioid informed consent.', 'monitoring.opioid_agreement', 'yes'),
    ('SUBJECTIVE', 'Denies constipation, sedation or nausea.', 'monitoring.side_effects', 'no'),
    ('SUBJECTIVE', 'No side effects reported.', 'monitoring.side_effects', 'no'),
    ('SUBJECTIVE', 'Tolerating medications well without side effects.', 'monitoring.side_effects', 'no'),
    ('SUBJECTIVE', 'Reports some constipation from the Norco, managed with Colace.', 'monitoring.side_effects', 'yes'),
    ('SUBJECTIVE', 'Mild drowsiness with gabapentin.', 'monitoring.side_effects', 'yes'),
    ('SUBJECTIVE', 'No adverse effects from current meds.', 'monitoring.side_effects', 'no'),
    ('SUBJECTIVE', 'Side effects: none.', 'monitoring.side_effects', 'no'),
    ('SUBJECTIVE', 'Medications tolerated well with no SE.', 'monitoring.side_effects', 'no'),
    ('SUBJECTIVE', 'Tolerating meds without adverse effects.', 'monitoring.side_effects', 'no'),
    ('SUBJECTIVE', 'Norco causes some nausea.', 'monitoring.side_effects', 'yes'),
    ('SUBJECTIVE', 'No aberrant drug-taking behaviors.', 'monitoring.aberrant_behavior', 'no'),
    ('SUBJECTIVE', 'No signs of misuse or diversion.', 'monitoring.aberrant_behavior', 'no'),
    ('SUBJECTIVE', 'Requested an early refill twice this month.', 'monitoring.aberrant_behavior', 'yes'),
    ('SUBJECTIVE', 'She ran out of her Norco a week early.', 'monitoring.aberrant_behavior', 'yes'),
    ('SUBJECTIVE', 'Reported lost prescription in February.', 'monitoring.aberrant_behavior', 'yes'),
    ('SUBJECTIVE', 'No evidence of drug-seeking behavior.', 'monitoring.aberrant_behavior', 'no'),
    ('SUBJECTIVE', 'Takes medications as prescribed, no early refills.', 'monitoring.aberrant_behavior', 'no'),
    ('SUBJECTIVE', 'Burning, tingling pain radiating down the left leg to the foot.', 'clinical.neuropathic_pain', 'yes'),
    ('SUBJECTIVE', 'Numbness and tingling in the right hand in a median nerve distribution.', 'clinical.neuropathic_pain', 'yes'),
    ('SUBJECTIVE', 'Electric shock-like pain into the right calf.', 'clinical.neuropathic_pain', 'yes'),
    ('SUBJECTIVE', 'Dysesthesias over the lateral thigh.', 'clinical.neuropathic_pain', 'yes'),
    ('SUBJECTIVE', 'Complains of pins and needles in both feet.', 'clinical.neuropathic_pain', 'yes'),
    ('SUBJECTIVE', 'Shooting pain down the posterior right leg.', 'clinical.neuropathic_pain', 'yes'),
    ('SUBJECTIVE', 'Denies numbness, tingling or radiating pain.', 'clinical.neuropathic_pain', 'no'),
    ('SUBJECTIVE', 'The pain is axial and non-radiating.', 'clinical.neuropathic_pain', 'no'),
    ('SUBJECTIVE', 'No radicular symptoms.', 'clinical.neuropathic_pain', 'no'),
    ('OBJECTIVE', 'SLR positive on the left at 40 degrees reproducing leg pain below the knee.', 'exam.radiculopathy', 'yes'),
    ('OBJECTIVE', "Spurling's positive on the right with pain into the thumb.", 'exam.radiculopathy', 'yes'),
    ('OBJECTIVE', 'Decreased sensation to light touch in the right L5 dermatome.', 'exam.neurological_deficit', 'yes'),
    ('OBJECTIVE', 'Absent right Achilles reflex.', 'exam.neurological_deficit', 'yes'),
    ('OBJECTIVE', 'EHL 4/5 on the left.', 'exam.neurological_deficit', 'yes'),
    ('OBJECTIVE', 'Weakness of left ankle dorsiflexion 4-/5.', 'exam.neurological_deficit', 'yes'),
    ('OBJECTIVE', 'Patellar reflex 1+ on the right, 2+ on the left.', 'exam.neurological_deficit', 'yes'),
    ('OBJECTIVE', 'Hypoesthesia over the lateral aspect of the left foot.', 'exam.neurological_deficit', 'yes'),
    ('OBJECTIVE', 'Sensation intact to light touch throughout. DTRs 2+ and symmetric. Strength 5/5 in all myotomes.', 'exam.neurological_deficit', 'no'),
    ('OBJECTIVE', 'Negative SLR bilaterally.', 'exam.radiculopathy', 'no'),
    ('OBJECTIVE', 'No focal neurological deficits.', 'exam.neurological_deficit', 'no'),
    ('OBJECTIVE', 'Neuro: grossly intact.', 'exam.neurological_deficit', 'no'),
    ('OBJECTIVE', 'Motor and sensory exam normal in both lower extremities.', 'exam.neurological_deficit', 'no'),
    ('SUBJECTIVE', 'She has failed PT, NSAIDs and an ESI.', 'clinical.conservative_care_failed', 'yes'),
    ('SUBJECTIVE', 'Completed 12 sessions of PT without lasting benefit.', 'clinical.conservative_care_failed', 'yes'),
    ('SUBJECTIVE', 'Tried chiropractic and acupuncture with no relief.', 'clinical.conservative_care_failed', 'yes'),
    ('SUBJECTIVE', 'Despite 6 months of conservative care including PT and medications, the pain persists.', 'clinical.conservative_care_failed', 'yes'),
    ('ASSESSMENT', 'Conservative treatment has been exhausted.', 'clinical.conservative_care_failed', 'yes'),
    ('ASSESSMENT', 'Symptoms refractory to conservative management.', 'clinical.conservative_care_failed', 'yes'),
    ('ASSESSMENT', 'Persistent radicular pain unresponsive to PT, medications and time.', 'clinical.conservative_care_failed', 'yes'),
    ('SUBJECTIVE', 'Continues a daily home exercise program.', 'clinical.home_exercise_program', 'yes'),
    ('SUBJECTIVE', 'Doing HEP 3x/week.', 'clinical.home_exercise_program', 'yes'),
    ('SUBJECTIVE', 'Performs her home stretches daily.', 'clinical.home_exercise_program', 'yes'),
    ('SUBJECTIVE', 'Not compliant with HEP.', 'clinical.home_exercise_program', 'no'),
    ('SUBJECTIVE', 'Has not been doing his home exercises.', 'clinical.home_exercise_program', 'no'),
    ('SUBJECTIVE', 'Sleeps only 3-4 hours a night due to pain.', 'clinical.sleep_disturbance', 'yes'),
    ('SUBJECTIVE', 'Difficulty falling asleep.', 'clinical.sleep_disturbance', 'yes'),
    ('SUBJECTIVE', 'Insomnia secondary to pain.', 'clinical.sleep_disturbance', 'yes'),
    ('SUBJECTIVE', 'Wakes up 3-4x/night from pain.', 'clinical.sleep_disturbance', 'yes'),
    ('SUBJECTIVE', 'Sleep is adequate.', 'clinical.sleep_disturbance', 'no'),
    ('SUBJECTIVE', 'Denies sleep problems.', 'clinical.sleep_disturbance', 'no'),
    ('SUBJECTIVE', 'Sleeping well.', 'clinical.sleep_disturbance', 'no'),
    ('SUBJECTIVE', 'History of GI bleed in 2012.', 'clinical.gi_risk_factors', 'yes'),
    ('SUBJECTIVE', 'No history of GI bleeding or ulcers.', 'clinical.gi_risk_factors', 'no'),
    ('SUBJECTIVE', 'Complains of heartburn with naproxen.', 'clinical.dyspepsia', 'yes'),
    ('ASSESSMENT', 'NSAID-induced gastritis.', 'clinical.dyspepsia', 'yes'),
    ('SUBJECTIVE', 'Denies GI upset.', 'clinical.dyspepsia', 'no'),
    ('SUBJECTIVE', 'Stomach upset from the ibuprofen.', 'clinical.dyspepsia', 'yes'),
    ('SUBJECTIVE', 'PHQ-9 score 15.', 'clinical.depression_or_anxiety', 'yes'),
    ('SUBJECTIVE', 'Reports feeling depressed and anxious about her job.', 'clinical.depression_or_anxiety', 'yes'),
    ('SUBJECTIVE', 'Denies depression, anxiety or SI.', 'clinical.depression_or_anxiety', 'no'),
    ('REVIEW OF SYSTEMS', 'Psych: negative for depression, anxiety.', 'clinical.depression_or_anxiety', 'no'),
    ('REVIEW OF SYSTEMS', 'Denies bowel or bladder incontinence, fever or weight loss.', 'clinical.red_flags', 'no'),
    ('SUBJECTIVE', 'Flare-up of low back pain 2 weeks ago after lifting a box.', 'clinical.acute_exacerbation', 'yes'),
    ('SUBJECTIVE', 'Pain 8/10 without meds, 4/10 with meds.', 'pain.with_medication', [4.0]),
    ('SUBJECTIVE', 'Pain 8/10 without meds, 4/10 with meds.', 'pain.without_medication', [8.0]),
    ('SUBJECTIVE', 'VAS 7/10 w/o, 3/10 w/ medication.', 'pain.without_medication', [7.0]),
    ('SUBJECTIVE', 'VAS 7/10 w/o, 3/10 w/ medication.', 'pain.with_medication', [3.0]),
    ('SUBJECTIVE', 'Pain level: with medications 4/10; without medications 9/10.', 'pain.with_medication', [4.0]),
    ('SUBJECTIVE', 'Pain level: with medications 4/10; without medications 9/10.', 'pain.without_medication', [9.0]),
    ('SUBJECTIVE', 'The medications bring his pain from 8/10 down to 4/10.', 'pain.with_medication', [4.0]),
    ('SUBJECTIVE', 'The medications bring his pain from 8/10 down to 4/10.', 'pain.without_medication', [8.0]),
    ('SUBJECTIVE', 'Pain is 9/10 before taking Norco and 5/10 about an hour after.', 'pain.with_medication', [5.0]),
    ('SUBJECTIVE', 'Pain is 9/10 before taking Norco and 5/10 about an hour after.', 'pain.without_medication', [9.0]),
    ('SUBJECTIVE', 'Without his medications, pain is 8-9/10; with them, 5/10.', 'pain.with_medication', [5.0]),
    ('SUBJECTIVE', 'Rates pain 6/10 today.', 'pain.with_medication', []),
    ('SUBJECTIVE', 'Rates pain 6/10 today.', 'pain.without_medication', []),
    ('SUBJECTIVE', 'Pain goes up to 10/10 when she runs out of medication.', 'pain.without_medication', [10.0]),
    ('SUBJECTIVE', 'Pain 7/10, reduced to 3/10 with Norco.', 'pain.with_medication', [3.0]),
    ('SUBJECTIVE', 'Pain 7/10, reduced to 3/10 with Norco.', 'pain.without_medication', [7.0]),
    ('SUBJECTIVE', 'Pain on meds 4/10, off meds 8/10.', 'pain.with_medication', [4.0]),
    ('SUBJECTIVE', 'Pain on meds 4/10, off meds 8/10.', 'pain.without_medication', [8.0]),
    ('SUBJECTIVE', 'Medicated pain 5/10; unmedicated 9/10.', 'pain.with_medication', [5.0]),
    ('SUBJECTIVE', 'Medicated pain 5/10; unmedicated 9/10.', 'pain.without_medication', [9.0]),
    ('SUBJECTIVE', 'Pain scale: 4/10 (with meds) 8/10 (without meds).', 'pain.with_medication', [4.0]),
    ('SUBJECTIVE', 'Pain scale: 4/10 (with meds) 8/10 (without meds).', 'pain.without_medication', [8.0]),
    ('SUBJECTIVE', 'Pain 6/10. Meds decrease pain by 50%.', 'pain.with_medication', []),
    ('PLAN', 'Goal is to bring pain down to 3/10 with medication.', 'pain.with_medication', []),
    ('WORK STATUS', 'TTD through next visit.', 'work_status', 'off_work'),
    ('WORK STATUS', 'Remain off work until 5/15/16.', 'work_status', 'off_work'),
    ('WORK STATUS', 'Temporarily totally disabled.', 'work_status', 'off_work'),
    ('WORK STATUS', 'Return to modified work with no lifting over 20 lbs.', 'work_status', 'modified_duty'),
    ('WORK STATUS', 'Modified duty - no lifting over 15 lbs, no repetitive bending.', 'work_status', 'modified_duty'),
    ('WORK STATUS', 'Full duty without restrictions.', 'work_status', 'full_duty'),
    ('WORK STATUS', 'Released to regular work.', 'work_status', 'full_duty'),
    ('SUBJECTIVE', 'He is working his usual and customary job.', 'work_status', 'full_duty'),
    ('WORK STATUS', 'RTW full duty 6/1/16.', 'work_status', 'full_duty'),
    ('WORK STATUS', 'Off work x 4 weeks.', 'work_status', 'off_work'),
    ('WORK STATUS', 'No work until re-evaluated.', 'work_status', 'off_work'),
    ('WORK STATUS', 'TPD with restrictions as per prior report.', 'work_status', 'modified_duty'),
    ('WORK STATUS', 'Temporary partial disability: no lifting > 25 lbs.', 'work_status', 'modified_duty'),
    ('SUBJECTIVE', 'Her employer is unable to accommodate her restrictions, so she is not working.', 'work_status', 'off_work'),
    ('WORK STATUS', 'Remains on temporary total disability.', 'work_status', 'off_work'),
    ('WORK STATUS', 'Restrictions: no lifting > 10 lbs, no overhead work. If not accommodated, TTD.', 'work_status', 'modified_duty'),
    ('SUBJECTIVE', 'Previously on TTD; now working full duty.', 'work_status', 'full_duty'),
    ('WORK STATUS', 'Permanent and stationary with permanent restrictions.', 'work_status', 'unknown'),
    ('SUBJECTIVE', 'Pt is unemployed since being laid off in 2015.', 'work_status', 'off_work'),
]

NOT_STATED = [
    ('SUBJECTIVE', 'He still cannot lift more than 10 lbs and sits 20 minutes at a time.', 'function.objective_improvement'),
    ('SUBJECTIVE', 'Tolerates sitting for 20 min, standing 15 min.', 'function.objective_improvement'),
    ('PLAN', 'Goal: walk 30 minutes without increased pain.', 'function.objective_improvement'),
    ('PLAN', 'PT goals: increase sitting tolerance from 20 to 60 minutes.', 'function.objective_improvement'),
    ('SUBJECTIVE', 'Before the injury he walked 2 miles a day; now he can walk only 2 blocks.', 'function.objective_improvement'),
    ('SUBJECTIVE', 'Sitting tolerance has decreased from 60 minutes to 20 minutes.', 'function.objective_improvement'),
    ('SUBJECTIVE', 'Walking limited to one block due to leg pain.', 'function.objective_improvement'),
    ('WORK STATUS', 'Lifting restricted to 10 lbs, no prolonged standing over 30 minutes.', 'function.objective_improvement'),
    ('SUBJECTIVE', 'ODI worsened from 30% to 44%.', 'function.objective_improvement'),
    ('PLAN', 'Will reassess function at next visit; expect walking tolerance to increase to 30 minutes.', 'function.objective_improvement'),
    ('SUBJECTIVE', 'He feels the gabapentin is not doing much.', 'function.subjective_improvement'),
    ('SUBJECTIVE', 'No benefit from the medications.', 'function.subjective_improvement'),
    ('SUBJECTIVE', 'His wife helps him with the medications.', 'function.subjective_improvement'),
    ('SUBJECTIVE', 'Tramadol was not helpful and was stopped.', 'function.subjective_improvement'),
    ('PLAN', 'Continue Norco if it helps.', 'function.subjective_improvement'),
    ('SUBJECTIVE', 'Norco gives only minimal relief.', 'function.subjective_improvement'),
    ('PLAN', 'Goal is to resume grocery shopping independently.', 'function.adl_improvement'),
    ('SUBJECTIVE', 'Hopes to return to work next month.', 'function.returned_to_work'),
    ('PLAN', 'Anticipate return to modified duty in 4 weeks.', 'function.returned_to_work'),
    ('SUBJECTIVE', 'He would like to go back to work but the employer cannot accommodate restrictions.', 'function.returned_to_work'),
    ('PLAN', 'Will check CURES.', 'monitoring.cures_checked'),
    ('PLAN', 'Plan: obtain UDS, run CURES, have patient sign an opioid agreement.', 'monitoring.cures_checked'),
    ('PLAN', 'Plan: obtain UDS, run CURES, have patient sign an opioid agreement.', 'monitoring.opioid_agreement'),
    ('PLAN', 'CURES to be checked prior to next refill.', 'monitoring.cures_checked'),
    ('SUBJECTIVE', 'Family history of alcoholism in father.', 'monitoring.aberrant_behavior'),
    ('SUBJECTIVE', 'Opioid Risk Tool score 2 (low risk).', 'monitoring.aberrant_behavior'),
    ('PLAN', 'Discussed risk of addiction and dependence.', 'monitoring.aberrant_behavior'),
    ('PLAN', 'Counseled on the risks of opioid dependence and overdose.', 'monitoring.aberrant_behavior'),
    ('SUBJECTIVE', 'Family history of diabetic neuropathy in her mother.', 'clinical.neuropathic_pain'),
    ('REVIEW OF SYSTEMS', 'Neuro: negative for numbness, weakness, headaches.', 'clinical.neuropathic_pain'),
    ('PLAN', 'Consider ESI if radicular symptoms develop.', 'clinical.neuropathic_pain'),
    ('SUBJECTIVE', 'Has not yet tried physical therapy.', 'clinical.conservative_care_failed'),
    ('SUBJECTIVE', 'Responded well to PT.', 'clinical.conservative_care_failed'),
    ('PLAN', 'Will try PT before considering an injection.', 'clinical.conservative_care_failed'),
    ('PLAN', 'Will start a home exercise program.', 'clinical.home_exercise_program'),
    ('PLAN', 'Instructed in a home exercise program; handout given.', 'clinical.home_exercise_program'),
    ('SUBJECTIVE', 'Family history of depression in her mother.', 'clinical.depression_or_anxiety'),
    ('PLAN', 'Norco for flare-ups only.', 'clinical.acute_exacerbation'),
    ('PLAN', 'Toradol injection if she has a flare.', 'clinical.acute_exacerbation'),
]


@pytest.mark.parametrize(("section", "text", "path", "expected"), STATED)
def test_a_sentence_states_the_fact_as_written(section: str, text: str, path: str, expected: object) -> None:
    assert _value(_case(section, text), path) == expected


@pytest.mark.parametrize(("section", "text", "path"), NOT_STATED)
def test_plans_goals_limitations_and_relatives_state_no_finding(section: str, text: str, path: str) -> None:
    assert _value(_case(section, text), path) != "yes"


@pytest.mark.parametrize(("text", "percent", "weeks"), [
    ("Prior L5-S1 TFESI on 1/12/16 gave 70% relief for 8 weeks.", 70.0, 8.0),
    ("Previous cervical ESI helped about 50% for 6 weeks.", 50.0, 6.0),
    ("ESI x2 in 2015 with good relief, approximately 60%, lasting 4 months.", 60.0, 4 * 4.3),
    ("Bilateral L4-5 MBB 3/3/16: 90% relief x 6 hours with the lidocaine.", 90.0, None),
])
def test_a_prior_injection_is_read_with_its_relief(text: str, percent: float, weeks: float | None) -> None:
    [injection] = _case("SUBJECTIVE", text).treatments
    assert (injection.kind, injection.relief_percent) == ("injection", percent)
    assert injection.relief_weeks == pytest.approx(weeks) if weeks else injection.relief_weeks is None


@pytest.mark.parametrize(("text", "service", "sessions"), [
    ("She has completed 12 of 12 authorized PT sessions.", "physical_therapy", 12),
    ("Completed 8 acupuncture treatments.", "acupuncture", 8),
    ("Attended 10 PT visits with no improvement.", "physical_therapy", 10),
    ("s/p 24 sessions of PT in 2015.", "physical_therapy", 24),
])
def test_a_course_is_counted_by_the_visits_attended(text: str, service: str, sessions: int) -> None:
    [course] = _case("SUBJECTIVE", text).treatments
    assert (course.service, course.sessions) == (service, sessions)


def test_a_planned_course_is_no_history() -> None:
    assert _case("PLAN", "PT 2x/week x 6 weeks.").treatments == []


def test_a_numbered_form_field_heads_its_section() -> None:
    case = _case("", "14. Subjective complaints: low back pain 5/10.\n15. Objective findings: Paraspinal spasm and TTP L4-S1.\n"
                     "16. Diagnosis: lumbar strain.")
    assert (case.exam.muscle_spasm.value, case.exam.tenderness.value) == ("yes", "yes")


def test_a_ticked_sex_box_and_a_birth_date_give_sex_and_age() -> None:
    case = _case("", "5. Sex: [ ] Male [X] Female\n6. Date of birth: 04/08/1980\nLow back pain.")
    assert (case.claimant.sex, case.claimant.age) == ("female", 35)


@pytest.mark.parametrize(("line", "sex"), [
    ("6. Sex  [ ] Male  [X] Female", "female"),  # no colon after the label: the tick still decides
    ("Gender (x) M ( ) F", "male"),
    ("Sex ☐ Male ☒ Female", "female"),
])
def test_a_ticked_sex_box_decides_without_a_colon(line: str, sex: str) -> None:
    assert _case("", f"5. Name: [redacted]    {line}\nLow back pain.").claimant.sex == sex


@pytest.mark.parametrize(("text", "level"), [
    ("Opioid risk: ORT 6 - moderate risk.", "moderate"),
    ("ORT score 2, low risk.", "low"),
    ("Opioid Risk Tool: 9.", "high"),
    ("He is high risk for opioid misuse given a history of alcohol abuse.", "high"),
    ("Will complete the ORT at the next visit.", "unknown"),
])
def test_the_assessed_misuse_risk_is_read_in_words_or_by_score(text: str, level: str) -> None:
    assert _case("SUBJECTIVE", text).monitoring.misuse_risk.value == level


def test_a_twitch_response_on_palpation_is_read() -> None:
    case = _case("OBJECTIVE", "R upper trapezius: 2 circumscribed trigger points, taut band with local twitch response.")
    assert case.exam.trigger_point_twitch_response.value == "yes"


def test_a_failed_treatment_field_documents_failed_conservative_care() -> None:
    case = _case("SUBJECTIVE", "Failed treatment: PT 12 visits (2016), naproxen, chiropractic.")
    assert case.clinical.conservative_care_failed.value == "yes"
    assert [(t.service, t.sessions, t.effect) for t in case.treatments][0] == ("physical_therapy", 12, "no_improvement")


def test_an_evaluation_reported_by_date_and_result_is_care_given() -> None:
    case = _case("SUBJECTIVE", "Psych evaluation for SCS (Dr. A. Lee, PhD, 2/24/2016): no contraindication, cleared for trial.")
    assert [t.service for t in case.treatments] == ["psychological_evaluation"]


def test_gains_listed_under_since_then_are_the_course_s() -> None:
    case = _case("SUBJECTIVE", "Completed 6 acupuncture sessions (authorized trial). Since then:\n"
                               "  - sitting tolerance 20 min -> 60 min\n  - Oswestry 44% -> 28%")
    assert [(t.service, t.functional_improvement) for t in case.treatments] == [("acupuncture", "yes")]


@pytest.mark.parametrize("text", [
    "Gabapentin 300 mg 1 PO qhs titrate to TID #90 with 1 refill.",
    "Start meloxicam 15 mg daily #30, refills: 2.",
])
def test_the_refills_of_a_new_prescription_are_not_a_refill_of_a_current_drug(text: str) -> None:
    assert _case("PLAN", text).medications == []


def test_more_work_hours_and_less_medication_are_objective_improvement() -> None:
    assert _value(_case("SUBJECTIVE", "Went from 4 h/day modified duty to 6 h/day on 3/12/18."), "function.objective_improvement") == "yes"
    assert _value(_case("SUBJECTIVE", "Ibuprofen use down from 800 TID to 600 BID."), "function.objective_improvement") == "yes"


@pytest.mark.parametrize(("text", "status", "returned"), [
    ("Work: modified duty since 5/2021, limited keyboard 4 hrs/day.", "modified_duty", "yes"),
    ("Modified duty until next visit. Employer has him on the dispatch desk.", "modified_duty", "yes"),
    ("Working full time w/ restrictions: no overhead work.", "modified_duty", "yes"),
    ("Modified duty - no kneeling. Employer not accommodating; pt not working since 11/2014.", "off_work", "no"),
])
def test_work_status_as_forms_and_notes_put_it(text: str, status: str, returned: str) -> None:
    case = _case("WORK STATUS", text)
    assert (case.function.work_status.value, case.function.returned_to_work.value) == (status, returned)


def test_age_and_sex_in_one_field() -> None:
    case = _case("", "Name: A. Patel            Age/Sex: 34 / F\nLow back pain.")
    assert (case.claimant.age, case.claimant.sex) == (34, "female")


@pytest.mark.parametrize("text", [
    "Ibuprofen 600 mg TID prn #90 - continue, tolerating well.",
    "Naproxen 500 BID - mild help, no GI sx.",
    "Tramadol is well tolerated.",
])
def test_a_drug_tolerated_documents_no_side_effects(text: str) -> None:
    assert _case("SUBJECTIVE", text).monitoring.side_effects.value == "no"


def test_a_drug_not_tolerated_is_no_statement_that_there_are_no_side_effects() -> None:
    assert _case("SUBJECTIVE", "Gabapentin was not tolerated (dizziness).").monitoring.side_effects.value != "no"


@pytest.mark.parametrize("text", [
    "Chronic, plateaued. Flares with work.",
    "Cervical ROM: flex 40, ext 35 (unchanged from 6/15).",
    "Oswestry 44% before acupuncture in 3/2019, 44% on 9/18/19.",
])
def test_progress_that_has_stopped_documents_no_objective_improvement(text: str) -> None:
    assert _value(_case("SUBJECTIVE", text), "function.objective_improvement") == "no"


def test_numbness_and_tingling_abbreviated_and_denied() -> None:
    assert _value(_case("SUBJECTIVE", "Axial LBP 6/10, no leg pain, no N/T."), "clinical.neuropathic_pain") == "no"


#: Terse, historical, conditional, psychology, therapy and surgeon phrasings (a second set).
STATED_MORE = [
    ('S', 'Pt c/o LBP radiating to R LE w/ N/T to foot.', 'clinical.neuropathic_pain', 'yes'),
    ('S', 'RTW 3/1 full duty.', 'function.returned_to_work', 'yes'),
    ('S', 'RTW 3/1 full duty.', 'work_status', 'full_duty'),
    ('S', 'Pt remains TTD.', 'work_status', 'off_work'),
    ('S', 'P&S per AME 2015; currently not working.', 'work_status', 'off_work'),
    ('S', 'Meds help, able to do ADLs.', 'function.subjective_improvement', 'yes'),
    ('S', 'Doing HEP daily.', 'clinical.home_exercise_program', 'yes'),
    ('S', 'HEP: not doing.', 'clinical.home_exercise_program', 'no'),
    ('S', 'SE: constipation.', 'monitoring.side_effects', 'yes'),
    ('S', 'SE: none.', 'monitoring.side_effects', 'no'),
    ('S', 'CURES: appropriate 4/1/16.', 'monitoring.cures_checked', 'yes'),
    ('S', 'UDS 3/1/16 c/w meds.', 'uds', [('2016-03-01', 'yes')]),
    ('S', 'UDS 3/1/16 (+) for cocaine.', 'uds', [('2016-03-01', 'no')]),
    ('S', 'Sleep: poor, 4 hrs/night.', 'clinical.sleep_disturbance', 'yes'),
    ('S', 'Sleep: OK.', 'clinical.sleep_disturbance', 'no'),
    ('O', 'SLR (+) R at 45 deg.', 'exam.radiculopathy', 'yes'),
    ('O', 'SLR (-) bilat.', 'exam.radiculopathy', 'no'),
    ('O', 'Sensation decr L5 R.', 'exam.neurological_deficit', 'yes'),
    ('O', 'Spasm: +2 L paraspinals.', 'exam.muscle_spasm', 'yes'),
    ('O', 'No spasm.', 'exam.muscle_spasm', 'no'),
    ('S', 'In 2014 she was off work for 6 months; she has been working full duty since 2015.', 'work_status', 'full_duty'),
    ('S', 'She had a positive UDS for marijuana in 2013 but all screens since have been consistent.', 'uds', [('2013', 'no')]),
    ('S', 'Per the 1/2015 note, she denied side effects at that time; today she reports constipation with Norco.', 'monitoring.side_effects', 'yes'),
    ('P', 'If the UDS is inconsistent, will discontinue opioids.', 'uds', []),
    ('S', 'Screening questions for depression were negative.', 'clinical.depression_or_anxiety', 'no'),
    ('S', 'PHQ-2 negative.', 'clinical.depression_or_anxiety', 'no'),
    ('S', 'BDI-II 28 (severe), BAI 19.', 'clinical.depression_or_anxiety', 'yes'),
    ('S', "Mood is 'down'; affect constricted, tearful at times.", 'clinical.depression_or_anxiety', 'yes'),
    ('S', 'Pt has attended 8/12 visits; reports 40% improvement in function, now walks 20 min (was 5 min at IE).', 'function.objective_improvement', 'yes'),
    ('S', 'Progressing toward goals; sit tolerance 30 min (IE 10 min).', 'function.objective_improvement', 'yes'),
    ('S', 'Goals not met; tolerance unchanged.', 'function.objective_improvement', 'no'),
    ('A', 'He has failed over 6 months of conservative care including PT, NSAIDs and two ESIs.', 'clinical.conservative_care_failed', 'yes'),
    ('A', 'Given failure of nonoperative management, we discussed surgery.', 'clinical.conservative_care_failed', 'yes'),
]
NOT_STATED_MORE = [
    ('P', 'Should she develop GI upset, will add omeprazole.', 'clinical.dyspepsia'),
    ('P', 'If no improvement with PT, consider ESI.', 'clinical.conservative_care_failed'),
    ('P', 'Return if numbness, weakness or bowel/bladder changes develop.', 'clinical.neuropathic_pain'),
    ('P', 'Discussed that aberrant behavior will result in discharge from the practice.', 'monitoring.aberrant_behavior'),
    ('P', 'Signs of sedation reviewed with the patient and family.', 'monitoring.side_effects'),
    ('S', 'She reports her mood is good.', 'clinical.depression_or_anxiety'),
    ('A', 'He has not had any conservative treatment yet.', 'clinical.conservative_care_failed'),
]


@pytest.mark.parametrize(("section", "text", "path", "expected"), STATED_MORE)
def test_terse_historical_and_specialty_phrasings_state_the_fact(section: str, text: str, path: str, expected: object) -> None:
    assert _value(_case(section, text), path) == expected


@pytest.mark.parametrize(("section", "text", "path"), NOT_STATED_MORE)
def test_conditions_and_teaching_state_no_finding(section: str, text: str, path: str) -> None:
    assert _value(_case(section, text), path) != "yes"


#: Dictation, EHR template fields and form words (a third set).
STATED_THIRD = [
    ('SUBJECTIVE', 'She states that the medication does help her.', 'function.subjective_improvement', 'yes'),
    ('SUBJECTIVE', 'Medication efficacy: good.', 'function.subjective_improvement', 'yes'),
    ('SUBJECTIVE', 'Pain level (0-10): with medication 4, without medication 8.', 'pain.with_medication', [4.0]),
    ('SUBJECTIVE', 'Pain level (0-10): with medication 4, without medication 8.', 'pain.without_medication', [8.0]),
    ('SUBJECTIVE', 'Pain with meds: 4/10. Pain without meds: 8/10.', 'pain.with_medication', [4.0]),
    ('SUBJECTIVE', 'Pain with meds: 4/10. Pain without meds: 8/10.', 'pain.without_medication', [8.0]),
    ('SUBJECTIVE', 'Average pain 5/10 on current medications versus 9/10 before they were started.', 'pain.without_medication', [9.0]),
    ('SUBJECTIVE', 'Average pain 5/10 on current medications versus 9/10 before they were started.', 'pain.with_medication', [5.0]),
    ('SUBJECTIVE', 'The patient was able to return to work on 02/01/2016 in a modified capacity.', 'function.returned_to_work', 'yes'),
    ('SUBJECTIVE', 'He has been unable to return to work.', 'function.returned_to_work', 'no'),
    ('SUBJECTIVE', 'Aberrant behaviors: none observed.', 'monitoring.aberrant_behavior', 'no'),
    ('SUBJECTIVE', 'Opioid agreement: signed 1/4/2016.', 'monitoring.opioid_agreement', 'yes'),
    ('SUBJECTIVE', 'CURES report: reviewed, no discrepancies.', 'monitoring.cures_checked', 'yes'),
    ('SUBJECTIVE', 'Last UDS: 2/2/16, results consistent.', 'uds', [('2016-02-02', 'yes')]),
    ('SUBJECTIVE', 'Adverse effects: denies.', 'monitoring.side_effects', 'no'),
    ('SUBJECTIVE', 'HEP compliance: good.', 'clinical.home_exercise_program', 'yes'),
    ('SUBJECTIVE', 'She is compliant with her home exercises.', 'clinical.home_exercise_program', 'yes'),
    ('SUBJECTIVE', 'With the medications she is able to do light housework and walk her dog.', 'function.subjective_improvement', 'yes'),
    ('SUBJECTIVE', 'Able to perform ADLs independently with current medication regimen.', 'function.subjective_improvement', 'yes'),
    ('SUBJECTIVE', 'She walks 30 minutes a day now compared with 10 minutes three months ago.', 'function.objective_improvement', 'yes'),
    ('SUBJECTIVE', 'He is now able to sit through a two-hour movie, which he could not do before the injections.', 'function.objective_improvement', 'yes'),
    ('SUBJECTIVE', 'There has been no functional improvement with the medications.', 'function.objective_improvement', 'no'),
    ('SUBJECTIVE', 'The conservative measures to date have not been successful.', 'clinical.conservative_care_failed', 'yes'),
    ('SUBJECTIVE', 'Symptoms persist despite 8 weeks of PT, NSAIDs and activity modification.', 'clinical.conservative_care_failed', 'yes'),
    ('SUBJECTIVE', 'She has exhausted conservative treatment.', 'clinical.conservative_care_failed', 'yes'),
    ('WORK STATUS', 'Off work per PTP.', 'work_status', 'off_work'),
    ('WORK STATUS', 'Regular work.', 'work_status', 'full_duty'),
    ('WORK STATUS', 'Return to full duty on 5/1/16.', 'work_status', 'full_duty'),
    ('WORK STATUS', 'Temporarily partially disabled with restrictions as above.', 'work_status', 'modified_duty'),
]
NOT_STATED_THIRD = [
    ('SUBJECTIVE', 'Medication efficacy: poor.', 'function.subjective_improvement'),
    ('SUBJECTIVE', 'Functional status: ☒ Improved ☐ Unchanged ☐ Worse', 'function.subjective_improvement'),
]


@pytest.mark.parametrize(("section", "text", "path", "expected"), STATED_THIRD)
def test_dictation_and_template_fields_state_the_fact(section: str, text: str, path: str, expected: object) -> None:
    assert _value(_case(section, text), path) == expected


@pytest.mark.parametrize(("section", "text", "path"), NOT_STATED_THIRD)
def test_poor_efficacy_and_an_unticked_or_generic_box_state_no_benefit(section: str, text: str, path: str) -> None:
    assert _value(_case(section, text), path) != "yes"


#: Ratings set against the drug, misuse in the patient's words, reflexes, sleep, work and home exercise (a fourth set).
STATED_FOURTH = [
    ('SUBJECTIVE', 'Patient reports 60% improvement in pain with Norco and is able to walk 2 miles (previously 1/2 mile).', 'function.objective_improvement', 'yes'),
    ('SUBJECTIVE', 'Current pain 7/10; it would be 10/10 without the Norco.', 'pain.without_medication', [10.0]),
    ('SUBJECTIVE', 'Current pain 7/10; it would be 10/10 without the Norco.', 'pain.with_medication', [7.0]),
    ('SUBJECTIVE', 'Pain is a 3 with meds and an 8 without.', 'pain.with_medication', [3.0]),
    ('SUBJECTIVE', 'Pain is a 3 with meds and an 8 without.', 'pain.without_medication', [8.0]),
    ('SUBJECTIVE', 'Prescription monitoring report (CURES) dated 4/1/16 reviewed and appropriate.', 'monitoring.cures_checked', 'yes'),
    ('SUBJECTIVE', 'CURES reveals no other prescribers.', 'monitoring.other_prescribers', 'no'),
    ('SUBJECTIVE', 'He obtained Percocet from an urgent care last month without telling us.', 'monitoring.other_prescribers', 'yes'),
    ('SUBJECTIVE', "He admits to using his wife's Vicodin.", 'monitoring.aberrant_behavior', 'yes'),
    ('SUBJECTIVE', 'Reports mild nausea after each dose of tramadol.', 'monitoring.side_effects', 'yes'),
    ('SUBJECTIVE', 'Positive for tingling into the left foot.', 'clinical.neuropathic_pain', 'yes'),
    ('OBJECTIVE', 'Diminished sensation to pinprick in the L5 distribution on the left.', 'exam.neurological_deficit', 'yes'),
    ('OBJECTIVE', 'Straight leg raise is positive on the right at 30 degrees with radiation below the knee.', 'exam.radiculopathy', 'yes'),
    ('OBJECTIVE', 'Achilles reflex absent on the left.', 'exam.neurological_deficit', 'yes'),
    ('OBJECTIVE', 'EHL weakness 4/5 on the right.', 'exam.neurological_deficit', 'yes'),
    ('ASSESSMENT', 'He is a surgical candidate and wishes to proceed.', 'clinical.surgical_candidate', 'yes'),
    ('ASSESSMENT', 'Not a surgical candidate per spine surgeon.', 'clinical.surgical_candidate', 'no'),
    ('SUBJECTIVE', 'Denies saddle anesthesia, bowel or bladder incontinence.', 'clinical.red_flags', 'no'),
    ('SUBJECTIVE', 'Wakes up every 2 hours due to pain.', 'clinical.sleep_disturbance', 'yes'),
    ('SUBJECTIVE', 'Sleeps 7-8 hours without difficulty.', 'clinical.sleep_disturbance', 'no'),
    ('SUBJECTIVE', 'Continues to feel depressed about not working.', 'clinical.depression_or_anxiety', 'yes'),
    ('SUBJECTIVE', 'She has been back at her regular job since January.', 'function.returned_to_work', 'yes'),
    ('SUBJECTIVE', 'He was laid off in 2015 and has not worked since.', 'work_status', 'off_work'),
    ('WORK STATUS', 'Totally temporarily disabled x 6 weeks.', 'work_status', 'off_work'),
    ('SUBJECTIVE', 'Compliant with home stretching program.', 'clinical.home_exercise_program', 'yes'),
    ('SUBJECTIVE', 'Stopped doing her home exercises because of pain.', 'clinical.home_exercise_program', 'no'),
    ('SUBJECTIVE', 'He has completed 24 PT visits without significant improvement.', 'clinical.conservative_care_failed', 'yes'),
]
NOT_STATED_FOURTH = [
    ('SUBJECTIVE', 'Pill counts have been correct.', 'monitoring.aberrant_behavior'),
    ('ASSESSMENT', 'She is not interested in surgery at this time.', 'clinical.surgical_candidate'),
    ('SUBJECTIVE', 'Tried and failed: gabapentin, Lyrica, Cymbalta.', 'clinical.conservative_care_failed'),
]


@pytest.mark.parametrize(("section", "text", "path", "expected"), STATED_FOURTH)
def test_a_fourth_set_of_phrasings_states_the_fact(section: str, text: str, path: str, expected: object) -> None:
    assert _value(_case(section, text), path) == expected


@pytest.mark.parametrize(("section", "text", "path"), NOT_STATED_FOURTH)
def test_correct_pill_counts_disinterest_and_failed_drugs_state_no_finding(section: str, text: str, path: str) -> None:
    assert _value(_case(section, text), path) != "yes"


def test_leg_pain_greater_than_back_pain_is_the_radicular_pattern() -> None:
    assert _value(_case("SUBJECTIVE", "Leg pain greater than back pain, to the dorsum of the foot."), "clinical.neuropathic_pain") == "yes"


def test_a_release_to_modified_work_in_the_work_status_is_the_status() -> None:
    assert _value(_case("WORK STATUS", "May return to modified work on 5/1/16."), "work_status") == "modified_duty"


def test_may_return_outside_the_work_status_is_no_status() -> None:
    assert _value(_case("PLAN", "He may return to modified work if his employer can accommodate."), "work_status") == "unknown"
