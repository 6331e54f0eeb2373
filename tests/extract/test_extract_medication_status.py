"""A drug's status as the note tells it (the corpus conventions the lead settled in session 8).

- taken, used or on today: `current`, also a dose "took last night" told at a first visit;
- stopped or no longer taken: `past`;
- `tried_failed` only where the note says it did not help, was not tolerated, or a side effect ended it;
- a past medical history makes conditions past, not the drugs still taken for them ("HTN on lisinopril").
Each fragment was written for these tests.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _statuses(text: str) -> dict[str, str]:
    case = extract_text("Date of service: 03/14/2016\n" + text + "\n", ["Office visit x 1"])
    return {m.name.lower(): m.status for m in case.medications}


@pytest.mark.parametrize(("text", "drug", "status"), [
    ("S: L wrist pain 7/10 since the fall. Took ibuprofen OTC 400 mg x2 last night.", "ibuprofen", "current"),
    ('S: neck pain since the crash. She took acetaminophen at home, "it helps a little".', "acetaminophen", "current"),
    ("S: Uses Norco 10/325 1 PO q6h prn (#120/mo), no dose change in 6 mos.", "norco", "current"),
    ("HPI: tried amitriptyline (stopped: no effect) and duloxetine 30 mg (current, helps mood).", "duloxetine", "current"),
    ("S: Failed: PT 10 visits min benefit, naproxen helps the back some but not the leg.", "naproxen", "current"),
])
def test_a_drug_taken_now_is_current(text: str, drug: str, status: str) -> None:
    assert _statuses(text)[drug] == status


@pytest.mark.parametrize(("text", "drug"), [
    ("PMH: hypertension controlled (lisinopril). No DM.", "lisinopril"),
    ("PMH: type 2 diabetes (A1c 7.1%, on metformin 500 mg BID), GERD.", "metformin"),
    ("Past medical history: HTN on amlodipine 5 mg daily; appendectomy 1998.", "amlodipine"),
])
def test_a_drug_listed_with_a_past_medical_history_is_still_taken(text: str, drug: str) -> None:
    assert _statuses(text)[drug] == "current"


@pytest.mark.parametrize(("text", "drug"), [
    ("Meds: naproxen 500 mg BID - no help; omeprazole 20 mg daily.", "naproxen"),
    ("Failed: PT x 20, gabapentin (dizzy, stopped), nortriptyline 25 mg (no help).", "nortriptyline"),
    ("HPI: tried amitriptyline (stopped: no effect) and duloxetine 30 mg (current, helps mood).", "amitriptyline"),
])
def test_a_drug_that_did_not_help_or_was_not_tolerated_is_tried_and_failed(text: str, drug: str) -> None:
    assert _statuses(text)[drug] == "tried_failed"


@pytest.mark.parametrize(("text", "drug"), [
    ("S: wound healing, done w/ the Norco from surgery (took it 5 days).", "norco"),
    ("S: Took naproxen for 3 months in 2015, stopped.", "naproxen"),
])
def test_a_drug_stopped_is_past(text: str, drug: str) -> None:
    assert _statuses(text)[drug] == "past"


@pytest.mark.parametrize(("text", "drug"), [
    ("Prior: ibuprofen -> GI bleed 2014, can't take NSAIDs. Tylenol 500 mg BID.", "ibuprofen"),
    ("S: Nortriptyline 10 qhs -> urinary retention, stopped.", "nortriptyline"),
    ('S: Not taking anything now, "naproxen upsets my stomach" - took it 3 days.', "naproxen"),
])
def test_a_side_effect_that_ended_a_drug_makes_it_tried_and_failed(text: str, drug: str) -> None:
    assert _statuses(text)[drug] == "tried_failed"


@pytest.mark.parametrize("text", [
    "PMH: none. Meds: none. NKDA.",
    "Meds: Lyrica 75 mg BID - burning 7 -> 4 and able to sleep 6 hrs with it.",
])
def test_none_and_prose_in_a_medication_list_are_no_drugs(text: str) -> None:
    assert not {"none", "able"} & set(_statuses(text))


@pytest.mark.parametrize("heading", ["DISCHARGE MEDS:", "Medication review (from EHR med list):", "Home meds:"])
def test_a_discharge_or_reviewed_medication_list_is_the_drugs_taken(heading: str) -> None:
    statuses = _statuses(heading + "\n- Oxycodone 5 mg 1 PO q6h prn #30\n- Docusate 100 mg BID\n")
    assert statuses == {"oxycodone": "current", "docusate": "current"}


@pytest.mark.parametrize(("text", "drug", "status"), [
    ("Meds: cetirizine 10 mg daily prn itch, sertraline 100 mg daily.", "cetirizine", "current"),
    ("S: Tramadol 50 q8h since 2019 - pain 6/10 with; no change in walking or ADLs.", "tramadol", "current"),
    ('S: Celecoxib 200 mg daily for 3 months (2016) - stopped, "didn\'t do anything."', "celecoxib", "tried_failed"),
    ("Treatment to date: splint; diclofenac 75 mg BID x 2 months, stopped for stomach upset.", "diclofenac",
     "tried_failed"),
])
def test_an_indication_or_an_unchanged_function_is_no_failure_and_a_failure_in_other_words_is(
    text: str, drug: str, status: str
) -> None:
    assert _statuses(text)[drug] == status


@pytest.mark.parametrize(("text", "drug", "status"), [
    ("Medications (current):\n  acetaminophen 500 mg tab   2 tabs PO TID prn\n  lisinopril 10 mg tab   1 PO daily\n"
     "  (naproxen 500 mg - discontinued 2019, ineffective)\n", "lisinopril", "current"),
    ("Medications (current):\n  acetaminophen 500 mg tab   2 tabs PO TID prn\n  lisinopril 10 mg tab   1 PO daily\n"
     "  (naproxen 500 mg - discontinued 2019, ineffective)\n", "acetaminophen", "current"),
    ("MEDICATIONS:\n  metformin 500 mg BID\n  atorvastatin 20 mg qhs\n  gabapentin 300 mg TID - stopped, dizzy\n",
     "atorvastatin", "current"),
    ("MEDICATIONS:\n  metformin 500 mg BID\n  atorvastatin 20 mg qhs\n  gabapentin 300 mg TID - stopped, dizzy\n",
     "gabapentin", "tried_failed"),
    ("Current meds:\n  Omeprazole 20 mg daily\n  Tramadol 50 mg q6h prn - no longer taking\n", "omeprazole", "current"),
    ("Current meds:\n  Omeprazole 20 mg daily\n  Tramadol 50 mg q6h prn - no longer taking\n", "tramadol", "past"),
])
def test_a_medication_list_of_one_drug_a_line_keeps_each_line_to_its_drug(text: str, drug: str, status: str) -> None:
    assert _statuses(text)[drug] == status


@pytest.mark.parametrize(("text", "drug", "status"), [
    ("CURRENT MEDICATIONS\n| Medication | Sig | Status |\n|---|---|---|\n| Amlodipine 5 mg | 1 tab PO daily | Active |\n"
     "| Meloxicam 15 mg | 1 tab PO daily | Stopped 11/2022 |\n", "amlodipine", "current"),
    ("CURRENT MEDICATIONS\n| Medication | Sig | Status |\n|---|---|---|\n| Amlodipine 5 mg | 1 tab PO daily | Active |\n"
     "| Meloxicam 15 mg | 1 tab PO daily | Stopped 11/2022 |\n", "meloxicam", "past"),
    ("Medications:\n| Pantoprazole 40 mg | daily | taking |\n| Cyclobenzaprine 10 mg | qhs | d/c'd |\n", "pantoprazole", "current"),
    ("Medications:\n| Pantoprazole 40 mg | daily | taking |\n| Cyclobenzaprine 10 mg | qhs | d/c'd |\n", "cyclobenzaprine", "past"),
])
def test_a_medication_table_row_opens_with_its_border(text: str, drug: str, status: str) -> None:
    assert _statuses(text)[drug] == status


@pytest.mark.parametrize(("text", "drug"), [
    ("Medication List:\n  Naproxen 500 mg tab ..... 1 po BID ..... since 2019\n  Tramadol 50 mg tab ..... (requested - not yet started)\n",
     "tramadol"),
    ("Meds:\n  Ibuprofen 600 mg TID\n  Duloxetine 30 mg daily - to start after UR approval\n", "duloxetine"),
    ("Current medications:\n  Omeprazole 20 mg daily\n  Lidocaine 5% patch - pending authorization\n", "lidocaine"),
])
def test_a_listed_drug_not_yet_started_is_not_taken(text: str, drug: str) -> None:
    assert drug not in _statuses(text)


@pytest.mark.parametrize(("text", "drug", "status"), [
    ("MEDS:\n  Ketoprofen 10% / Lidocaine 5% compounded\n    cream 120 gm, apply TID\n  Tylenol ES prn\n", "cream", None),
    ("Medications:\n  Diclofenac 1%\n    gel 100 g, apply QID\n  Omeprazole 20 mg daily\n", "gel", None),
    ("Medications:\n  Diclofenac 1%\n    gel 100 g, apply QID\n  Omeprazole 20 mg daily\n", "omeprazole", "current"),
])
def test_a_wrapped_product_line_is_not_a_new_drug(text: str, drug: str, status: str | None) -> None:
    assert _statuses(text).get(drug) == status


@pytest.mark.parametrize(("text", "drug", "status"), [
    ("RECORDS REVIEWED: PTP notes 2017-2018.\n\nCURRENT MEDICATIONS (as reported and per CURES):\n"
     "  Oxycodone IR 10 mg q6h - since 2014\n  Alprazolam 0.5 mg prn anxiety - prescribed by PCP\n", "alprazolam", "current"),
    ("IMAGING: MRI 2019 L4-5 protrusion.\n\nMEDICATIONS (per patient, confirmed with pharmacy):\n"
     "  Meloxicam 15 mg daily\n  Senna 8.6 mg 2 tabs hs\n", "senna", "current"),
    ("Records reviewed: UR file.\n\nMEDICATION PROFILE (PBM claims 12/2018 - 05/2019, CURES 06/10/2019)\n"
     "Drug / strength    Sig    Qty\nMorphine sulfate ER 30 mg   1 PO q12h   60\nGabapentin 300 mg   1 PO TID   90\n",
     "gabapentin", "current"),
    ("Imaging reviewed: x-rays.\n\nPharmacy profile:\n  Duloxetine 60 mg daily\n  Tizanidine 4 mg qhs\n", "tizanidine", "current"),
])
def test_a_medication_heading_with_its_source_in_brackets_heads_the_list(text: str, drug: str, status: str) -> None:
    assert _statuses(text)[drug] == status


@pytest.mark.parametrize(("text", "drug", "status"), [
    ("MEDICATION HISTORY (tried and stopped):\n- Nortriptyline 25 mg qhs, 2022: dry mouth and grogginess, no clear benefit;\n"
     "  she stopped it.\n- Currently takes acetaminophen 500 mg twice a day.\n", "nortriptyline", "tried_failed"),
    ("MEDICATION HISTORY (tried and stopped):\n- Nortriptyline 25 mg qhs, 2022: dry mouth and grogginess, no clear benefit;\n"
     "  she stopped it.\n- Currently takes acetaminophen 500 mg twice a day.\n", "acetaminophen", "current"),
    ("Past medications:\n- Celecoxib 200 mg daily 2019: no real relief, stopped.\n- Still takes omeprazole 20 mg daily.\n",
     "celecoxib", "tried_failed"),
    ("Past medications:\n- Celecoxib 200 mg daily 2019: no real relief, stopped.\n- Still takes omeprazole 20 mg daily.\n",
     "omeprazole", "current"),
    ("Prior medications:\n- Baclofen 10 mg TID for 2 months, stopped 2020.\n- Remains on sertraline 50 mg daily.\n",
     "sertraline", "current"),
    ("Prior medications:\n- Baclofen 10 mg TID for 2 months, stopped 2020.\n- Remains on sertraline 50 mg daily.\n",
     "baclofen", "past"),
])
def test_a_medication_history_line_says_its_own_status(text: str, drug: str, status: str) -> None:
    assert _statuses(text)[drug] == status


@pytest.mark.parametrize(("text", "drug"), [
    ("S: groin pain 7/10.\nPLAN:\n1. Duloxetine 30 mg #30, one daily for one week then reassess.\n", "duloxetine"),
    ("S: knee pain.\nPlan:\n- Celecoxib 200 mg daily for 2 weeks, then follow up.\n", "celecoxib"),
    ("S: back pain.\nPlan: Methylprednisolone dose pack x 6 days.\n", "methylprednisolone"),
])
def test_a_duration_in_the_plan_is_the_prescription_not_use(text: str, drug: str) -> None:
    assert drug not in _statuses(text)


@pytest.mark.parametrize(("text", "drug", "status"), [
    ("S: Med trials: citalopram 40 mg x 12 wks 2012 - no response; sertraline 2013 - stopped after 2 wks, GI upset.",
     "citalopram", "tried_failed"),
    ("S: Med trials: citalopram 40 mg x 12 wks 2012 - no response; sertraline 2013 - stopped after 2 wks, GI upset.",
     "sertraline", "tried_failed"),
    ("S: Naproxen stopped 2013 for stomach upset; tramadol stopped 2014, nausea. Takes acetaminophen.", "tramadol",
     "tried_failed"),
    ("S: Cyclobenzaprine discontinued last year, drowsiness; uses ice.", "cyclobenzaprine", "tried_failed"),
    ("HPI: Previously tried: meloxicam 2020 (less effective, stopped), PT 12 visits.", "meloxicam", "tried_failed"),
    ("HPI: Duloxetine 60 mg 2019 - did not respond; now on nothing for mood.", "duloxetine", "tried_failed"),
])
def test_a_drug_that_did_not_work_or_was_stopped_for_its_effect(text: str, drug: str, status: str) -> None:
    assert _statuses(text)[drug] == status


@pytest.mark.parametrize(("text", "drug"), [
    ("S: On tramadol 50 bid + Voltaren gel knee (nonindustrial).", "voltaren gel"),
    ("S: On naproxen 500 BID and omeprazole 20 daily.", "omeprazole"),
    ("S: Takes gabapentin 300 tid, baclofen 10 prn.", "baclofen"),
])
def test_a_drug_joined_to_a_dosed_one_taken_is_taken(text: str, drug: str) -> None:
    assert _statuses(text)[drug] == "current"


_TAGGED = (
    "Medications:\n  [Active]  acetaminophen 500 mg prn\n  [Active] lidocaine 5% ointment topical BID\n"
    "  [Inactive] cyclobenzaprine 10 mg - 2017, short course\n  [Inactive] pregabalin 75 mg BID - 2016-2017, stopped (edema)\n"
)


@pytest.mark.parametrize(("text", "drug", "status"), [
    (_TAGGED, "acetaminophen", "current"),
    (_TAGGED, "cyclobenzaprine", "past"),
    (_TAGGED, "pregabalin", "tried_failed"),
    ("Medication list:\n  [Discontinued] venlafaxine 75 mg daily\n  [Current] sertraline 50 mg daily\n", "venlafaxine", "past"),
    ("Medication list:\n  [Discontinued] venlafaxine 75 mg daily\n  [Current] sertraline 50 mg daily\n", "sertraline", "current"),
])
def test_a_medication_line_tagged_with_its_status(text: str, drug: str, status: str) -> None:
    assert _statuses(text)[drug] == status


@pytest.mark.parametrize(("text", "drug", "status"), [
    ("Medications:\n  amitriptyline 25 mg qhs - stopped 2019 (dry mouth)\n  omeprazole 20 mg daily\n", "amitriptyline", "tried_failed"),
    ("Medications:\n  gabapentin 300 mg TID - d/c'd, weight gain\n  omeprazole 20 mg daily\n", "gabapentin", "tried_failed"),
    ("Medications:\n  furosemide 20 mg daily (edema)\n  omeprazole 20 mg daily\n", "furosemide", "current"),
])
def test_a_listed_drug_stopped_for_an_adverse_effect(text: str, drug: str, status: str) -> None:
    assert _statuses(text)[drug] == status


@pytest.mark.parametrize(("text", "drug", "status"), [
    ("PLAN: cont splints.\nMed list (active): naproxen 500 mg bid | cyclobenzaprine 10 mg tid | wrist splints\n",
     "cyclobenzaprine", "current"),
    ("S: Current medications: tramadol 50 mg BID | gabapentin 300 mg TID | omeprazole 20 mg\n", "gabapentin", "current"),
    ("S: Medication list (current): sertraline 50 mg daily | trazodone 50 mg qhs\n", "trazodone", "current"),
])
def test_a_one_line_list_with_bars_between_its_drugs(text: str, drug: str, status: str) -> None:
    assert _statuses(text)[drug] == status


@pytest.mark.parametrize(("text", "drug"), [
    ("S: Knee pain. Switched from tramadol to tapentadol in May.", "tramadol"),
    ("S: Was changed from cyclobenzaprine to tizanidine last month.", "cyclobenzaprine"),
    ("S: Uses meloxicam 7.5 mg daily now, instead of the naproxen.", "naproxen"),
])
def test_a_drug_another_replaced_is_past(text: str, drug: str) -> None:
    assert _statuses(text)[drug] == "past"


@pytest.mark.parametrize(("text", "drug", "status"), [
    ("HPI: At the ER he was given Norco 5/325, 12 tablets, which he used up in the first week.", "norco", "past"),
    ("HPI: Urgent care gave her tramadol 50 mg #10; she finished the bottle in 4 days.", "tramadol", "past"),
    ("HPI: Urgent care gave him cyclobenzaprine 5 mg #10 and he used them all up.", "cyclobenzaprine", "past"),
    ("HPI: She ran out of Percocet 10/325 early last month, UDS consistent.", "percocet", "current"),
])
def test_a_supply_used_up_is_past_but_running_out_early_is_not(text: str, drug: str, status: str) -> None:
    assert _statuses(text)[drug] == status


@pytest.mark.parametrize(("text", "drug"), [
    ('PAST MEDICATIONS: Ibuprofen 600 mg OTC 2012-2013, stopped, "didn\'t do much."\n', "ibuprofen"),
    ("Prior medications:\n- Tizanidine 4 mg qhs 2019 - did not do a thing.\n- Omeprazole 20 mg daily.\n", "tizanidine"),
    ("S: Tried naproxen 500 BID for 6 wks, not much help.", "naproxen"),
])
def test_a_drug_that_did_not_do_much_failed(text: str, drug: str) -> None:
    assert _statuses(text)[drug] == "tried_failed"


@pytest.mark.parametrize(("text", "drug", "status"), [
    ("O: Neuro intact.\nMME table\n  Drug   Sig   mg/day  factor  MME\n  Oxycodone 10 mg   1 QID   40  1.5  60  (current)\n"
     "  Naloxone 4 mg nasal - dispensed 2022, not expired\n", "naloxone", "current"),
    ("O: Neuro intact.\nMME calculation:\n  Morphine ER 30 mg  1 q12h  60 MME\n  Tramadol 50 mg  1 TID  15 MME (requested)\n",
     "morphine er", "current"),
])
def test_an_mme_table_lists_the_drugs_taken(text: str, drug: str, status: str) -> None:
    assert _statuses(text)[drug] == status


def test_an_mme_table_row_requested_is_not_taken() -> None:
    text = "O: Neuro intact.\nMME calculation:\n  Morphine ER 30 mg  1 q12h  60 MME\n  Tramadol 50 mg  1 TID  15 MME (requested)\n"
    assert "tramadol" not in _statuses(text)
