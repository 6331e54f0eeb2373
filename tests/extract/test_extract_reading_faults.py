"""Known reading faults, each as a class of fragments written for these tests.

- An RFA dates itself on its title line ("REQUEST FOR AUTHORIZATION ... 10/7/2014"); a dictated letter on a line
  of its own above the salutation. The as-of date is the request's (8 CCR 9792.9.1: UR decides the request as
  received).
- A study ordered, pending or awaited has not been done and confirms nothing (ACOEM: surgery needs a lesion a
  study has shown).
- A medication list marks each row's status in its own words: "(current)", "active", "discontinued", "held",
  "on hold", "d/c'd".
- A faxed note carries a fax banner and a page header on every page, and a page may break a sentence; read
  without them it is the same note.

Expected values are what each fragment states, never what the reader returns.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text
from imr_engine.facts import CaseFacts

VISIT = "DOS: 04/07/2016\n"
NORCO = "Norco 10/325 mg #90"
SCOPE = "Right shoulder arthroscopy with rotator cuff repair"


def _reports(case: CaseFacts) -> set[str]:
    return {str(d.date) for d in case.report_dates}


# ----------------------------------------------------------------------------- the request's own date
@pytest.mark.parametrize("title", [
    "REQUEST FOR AUTHORIZATION (DWC RFA)                 10/7/2014",
    "REQUEST FOR AUTHORIZATION   10/07/2014",
    "DWC FORM RFA -- 10/7/2014",
    "Request for Authorization     10/7/14",
])
def test_an_rfa_title_line_dates_the_request(title: str) -> None:
    note = f"{title}\nEE: J.P.   DOI: 3/5/2011\n1. Physical therapy lumbar 2x/wk x 3 wks\n\nAttached PR-2 (DOS 9/30/14):\nS: LBP 7/10.\n"
    assert "2014-10-07" in _reports(extract_text(note, ["Physical therapy lumbar 2x/wk x 3 wks"]))


@pytest.mark.parametrize("phrase", ["RFA dated 10/7/14", "Request for authorization dated 10/07/2014"])
def test_an_rfa_named_with_its_date_dates_the_request(phrase: str) -> None:
    case = extract_text(f"{phrase}; PR-2 of 8/15/14 attached.\nS: low back pain 6/10.\n", ["Physical therapy lumbar x 6"])
    assert "2014-10-07" in _reports(case)


def test_a_date_alone_above_a_letters_salutation_dates_the_letter() -> None:
    note = ("COASTAL SPINE ASSOCIATES\nInterventional Pain Management\n\nMarch 14, 2014\n\nDear Dr. Hollander:\n\n"
            "I saw Mr. R. in follow-up on 03/11/2014. His low back pain is 6/10.\n")
    assert "2014-03-14" in _reports(extract_text(note, [NORCO]))


def test_a_birth_date_under_its_label_dates_no_report() -> None:
    note = "Patient: R. Alvarez\nDOB:\n08/02/1966\nDate of visit: 03/11/2014\nS: low back pain 6/10.\n"
    assert _reports(extract_text(note, [NORCO])) == {"2014-03-11"}


# ----------------------------------------------------------------------------- a planned study is not done
DIAGNOSES = "Dx: rotator cuff tear, right; carpal tunnel syndrome, right; lumbar radiculopathy\n"


@pytest.mark.parametrize("plan", [
    "EMG/NCS ordered to confirm carpal tunnel syndrome.",
    "Awaiting MRI results to confirm rotator cuff tear.",
    "Will get NCS, which will likely show carpal tunnel syndrome.",
    "Requesting EMG/NCS BUE to confirm CTS.",
    "MRI shoulder scheduled for 4/20/16 to evaluate for full thickness tear.",
    "MRI: pending, r/o rotator cuff tear.",
])
def test_a_study_still_to_come_confirms_no_diagnosis(plan: str) -> None:
    case = extract_text(VISIT + DIAGNOSES + plan + "\n", [SCOPE])
    assert case.clinical.diagnosis_confirmed_by_testing.value != "yes"


@pytest.mark.parametrize("report", [
    "MRI right shoulder 3/1/16 showed a full-thickness supraspinatus tear.",
    "EMG/NCS confirmed moderate right carpal tunnel syndrome.",
    "MRI (ordered 1/2016) showed a full-thickness supraspinatus tear.",
])
def test_a_study_with_its_result_confirms_the_diagnosis(report: str) -> None:
    case = extract_text(VISIT + DIAGNOSES + report + "\n", [SCOPE])
    assert case.clinical.diagnosis_confirmed_by_testing.value == "yes"


@pytest.mark.parametrize("line", [
    "EMG pending.",
    "MRI lumbar spine pending.",
    "MRI lumbar spine ordered.",
    "EMG/NCS BLE to be scheduled.",
    "MRI lumbar spine - ordered, not yet done.",
])
def test_a_study_ordered_or_pending_is_no_study_done(line: str) -> None:
    case = extract_text(VISIT + "S: LBP radiating to L leg.\n" + line + "\n", ["Lumbar epidural steroid injection L5-S1"])
    assert case.imaging == []


def test_a_study_reported_with_its_date_and_result_is_a_study_done() -> None:
    case = extract_text(VISIT + "MRI lumbar spine 3/1/2016: L5-S1 herniation contacting the S1 root.\n",
                        ["Lumbar epidural steroid injection L5-S1"])
    assert [(i.modality, str(i.date)) for i in case.imaging] == [("mri", "2016-03-01")]


# ----------------------------------------------------------------------------- a row's own status
def _statuses(note: str) -> dict[str, str]:
    return {m.name.lower(): m.status for m in extract_text(VISIT + note, [NORCO]).medications}


@pytest.mark.parametrize("note", [
    # one drug a line, no markers: lines of like length are a list, not prose wrapped at their width
    "Meds:\nNorco 10/325 mg q6h prn - current\nGabapentin 300 mg TID - d/c'd\nNaproxen 550 mg BID - held\n"
    "Cyclobenzaprine 10 mg qhs - discontinued\nOmeprazole 20 mg daily - active\n",
    # numbered
    "MEDICATIONS:\n1. Norco 10/325 mg 1 PO q6h prn (current)\n2. Gabapentin 300 mg TID - discontinued 1/2016\n"
    "3. Naproxen 550 mg BID - HELD\n4. Cyclobenzaprine 10 mg qhs - d/c'd\n5. Omeprazole 20 mg daily - active\n",
    # an EHR's columns
    "MEDICATIONS:\nMedication              Sig              Status\nNorco 10/325 mg tab     1 q6h prn        Active\n"
    "Gabapentin 300 mg cap   1 TID            Discontinued\nNaproxen 550 mg tab     1 BID            On hold\n"
    "Cyclobenzaprine 10 mg   1 qhs            D/C'd\nOmeprazole 20 mg cap    1 daily          Current\n",
])
def test_each_rows_status_is_its_own(note: str) -> None:
    got = _statuses(note)
    assert got["norco"] == "current" and got["omeprazole"] == "current"
    assert all(got[d] in ("past", "tried_failed") for d in ("gabapentin", "naproxen", "cyclobenzaprine"))


def test_a_row_marked_current_in_a_list_of_past_drugs_is_current() -> None:
    got = _statuses("Medication history:\nNorco 10/325 mg   Active\nTramadol 50 mg   Discontinued\n")
    assert got == {"norco": "current", "tramadol": "past"}


# ----------------------------------------------------------------------------- a faxed note
BANNERS = [
    "04/09/2016 10:42   FAX 5595550142        VALLEY OCC MED GRP             P.{n:03d}/002",
    "Apr 09 2016 10:42AM   VALLEY OCC MED GRP          (559) 555-0142       p.{n}",
    "04/09/2016  10:42    5595550142           VALLEY OCC MED GRP        PAGE  {n:02d}/02",
    "04/09/2016 10:42 FROM: VALLEY OCC MED GRP 5595550142 TO: UR/CLAIMS P. {n}/2",
]
PAGE_ONE = (
    "DOS: 04/07/2016\n"
    "S: Pt c/o low back pain radiating to the L leg, 7/10 without meds, 4/10 with Norco. He is able to walk 30\n"
    "minutes now, up from 10 minutes last month, and has returned to modified duty. Denies nausea, constipation or\n"
)
PAGE_TWO = (
    "sedation with Norco.\n"
    "UDS 3/2016 consistent. CURES reviewed today, no aberrancy.\n"
)


@pytest.mark.parametrize("banner", BANNERS)
def test_a_fax_banner_and_page_break_leave_the_note_as_written(banner: str) -> None:
    plain = extract_text(PAGE_ONE + PAGE_TWO, [NORCO])
    faxed = extract_text(
        banner.format(n=1) + "\nPage 1 of 2\n" + PAGE_ONE + banner.format(n=2) + "\nPage 2 of 2\n" + PAGE_TWO, [NORCO]
    )
    assert faxed.function.objective_improvement.value == plain.function.objective_improvement.value == "yes"
    assert faxed.monitoring.side_effects.value == plain.monitoring.side_effects.value == "no"  # the list runs on over the break
    assert _reports(faxed) == _reports(plain) == {"2016-04-07"}
    assert faxed.monitoring.cures_checked.value == plain.monitoring.cures_checked.value == "yes"
    assert [u.consistent for u in faxed.monitoring.urine_drug_screens] == [u.consistent for u in plain.monitoring.urine_drug_screens] == ["yes"]


def test_a_page_header_repeated_on_each_page_is_read_once() -> None:
    header = "RE: J. DOE    DOB 01/02/1960    CLAIM 0412-77    Page {n} of 2"
    note = (header.format(n=1) + "\n" + PAGE_ONE + header.format(n=2) + "\n" + PAGE_TWO)
    case = extract_text(note, [NORCO])
    assert case.function.objective_improvement.value == "yes"
    assert sum(1 for e in case.claimant.evidence if "DOB" in e.quote) <= 1


def test_a_fax_date_is_no_date_of_the_note() -> None:
    note = "04/19/2016 10:42   FAX 5595550142   VALLEY OCC MED GRP   P.001/001\nS: LBP 6/10, stable on Norco.\n"
    case = extract_text(note, [NORCO])
    assert case.latest_date_mentioned is None or str(case.latest_date_mentioned.date) != "2016-04-19"


@pytest.mark.parametrize("line", [
    "VALLEY OCC MED GRP   Tel (559) 555-0140   Fax (559) 555-0142",  # a letterhead: no transmission time
    "Faxed to the adjuster at 10:42 on 4/9/16; page 2 of the report was missing from her copy.",  # prose
    "BP 128/82   HR 72   Temp 98.6   Time 10:42",
])
def test_a_letterhead_prose_or_vitals_line_is_no_fax_banner(line: str) -> None:
    from imr_engine.extract.fax import furniture, is_fax_banner

    assert not is_fax_banner(line)
    assert furniture([line, "S: LBP 6/10.", line]) == frozenset()


# ----------------------------------------------------------------------------- an outcome scale told earlier value first
@pytest.mark.parametrize(("told", "gain"), [
    ("ODI 42% (initial) / 28% (today).", "yes"),  # lower is better on the disability index
    ("QuickDASH: 61 at IE, 34 today.", "yes"),
    ("ODI 28% (initial) / 42% (today).", None),  # worse
])
def test_an_outcome_scale_with_its_earlier_value_first(told: str, gain: str | None) -> None:
    case = extract_text(VISIT + "S: LBP.\nO: " + told + "\n", ["Physical therapy 2x/wk x 3 wks lumbar"])
    assert (case.function.objective_improvement.value == "yes") == (gain == "yes")


# ----------------------------------------------------------------------------- at work in any capacity
def _work(note: str) -> tuple[str, str]:
    case = extract_text(VISIT + note, [NORCO])
    return case.function.work_status.value, case.function.returned_to_work.value


@pytest.mark.parametrize(("note", "status"), [
    ("S: LBP 5/10. Working part-time (4 hrs/d) at a print shop.\n", "part_time"),
    ("S: She is on modified duty doing dispatch.\n", "modified_duty"),
    ("WORK STATUS: Modified duty - sit/stand option. She is working.\n", "modified_duty"),
    ("Work: full duty, no restrictions.\n", "full_duty"),
])
def test_a_worker_at_work_in_any_capacity_has_returned_to_work(note: str, status: str) -> None:
    assert _work(note) == (status, "yes")  # corpus/README key conventions: working in any capacity


@pytest.mark.parametrize("note", [
    "Work status: may return to modified duty if available.\n",
    "Modified duty: no lifting > 20 lbs. Employer to advise whether modified work is available; if not, TTD.\n",
    "Patient says his employer told him there is light work in the packing line.\n",
    "26. Is the patient able to perform usual work? [ ] Yes [X] No\nModified duty: no lifting > 20 lbs x 2 weeks.\n",
])
def test_work_only_offered_or_prescribed_on_a_first_report_is_no_return(note: str) -> None:
    assert _work(note)[1] != "yes"


def test_a_status_still_to_come_is_not_the_status() -> None:
    assert _work("Work: TTD through 06/25/2021, then anticipate return to full duty.\n") == ("off_work", "no")


def test_light_duty_the_employer_cannot_accommodate_is_off_work() -> None:
    note = "HPI: Seen here 4/29 - ice/heat, ibuprofen, light duty. Not working - employer cannot accommodate light duty.\n"
    assert _work(note) == ("off_work", "no")
