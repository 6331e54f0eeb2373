"""The same note written another way reads the same: rewrapped, typed in lower case, abbreviated.

A clinician the reader has never seen wraps prose at another width, types in lower case on a
phone, writes "pt" for physical therapy or "cures reviewed". Each class below is a fragment
written for these tests; the expected values are what the fragment states (8 CCR 9792.20
functional improvement, the CPMTG's opioid monitoring items p. 78-80), never what the reader
returns. The property at the end checks the whole class: rewrapping prose at any width changes
no fact read from it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imr_engine.extract import extract_text
from imr_engine.facts import CaseFacts

VISIT = "DOS: 04/07/2016\n"
NORCO = "Norco 10/325 mg #90"
CBT = "CBT x 6 more sessions, 1x/wk"


def _reports(case: CaseFacts) -> set[str]:
    return {str(d.date) for d in case.report_dates}


def _case(body: str, request: str = NORCO, visit: str = VISIT) -> CaseFacts:
    return extract_text(visit + body, [request])


# ---------------------------------------------------------------- wrapped prose

def test_a_label_split_by_the_wrap_is_no_field() -> None:
    """'Functional' at one line's end and 'gains: ...' at the next are one sentence, not a field 'gains'."""
    case = _case(
        "A: Adjustment disorder, improving with CBT. Functional\n"
        "gains: back at work modified duty, drives alone again,\n"
        "sleeps 6 hours (was 3).\n",
        CBT,
    )
    assert case.function.adl_improvement.value == "yes" or case.function.objective_improvement.value == "yes"
    assert not any(d.name.lower().startswith("gains") for d in case.diagnoses)


def test_an_initial_left_at_a_line_end_does_not_end_the_sentence() -> None:
    body = (
        "SUBJECTIVE: Failed PT, TENS and two epidural injections. Spine\n"
        "surgeon: not a surgical candidate. Psych evaluation (Dr. N.\n"
        "Ibarra, PhD, 2/24/2016): cleared for a stimulator trial.\n"
    )
    case = _case(body, "Spinal cord stimulator trial")
    assert any(t.service == "psychological_evaluation" for t in case.treatments)


def test_a_colon_left_at_a_wrapped_line_end_introduces_the_next_line() -> None:
    body = (
        "HPI: He has failed physical therapy and medications. Psych\n"
        "evaluation for SCS (Dr. Lee, PhD, 2/24/2016):\n"
        "noncontributory; no psychiatric contraindication, cleared\n"
        "for the trial.\n"
        "He wants to proceed with the trial this spring if possible.\n"
    )
    case = _case(body, "Spinal cord stimulator trial")
    assert any(t.service == "psychological_evaluation" for t in case.treatments)


def test_a_sentence_wrapped_before_a_label_word_stays_whole() -> None:
    """'... thumb and index' + 'finger. Reflexes: ...': the field-like line continues the sentence."""
    body = (
        "EXAM: Spurling maneuver is positive on\n"
        "the right. Sensation is decreased to\n"
        "pinprick over the right thumb and index\n"
        "finger. Reflexes: right biceps 1+, left\n"
        "2+. Hoffmann negative bilaterally.\n"
    )
    case = _case(body, "Cervical epidural steroid injection C5-6")
    assert case.exam.radiculopathy.value == "yes"


def test_double_spaces_after_a_full_stop_count_toward_the_wrap() -> None:
    """A typist's two spaces after a full stop make a wrapped line look short when collapsed."""
    body = (
        "A: Adjustment d/o, improving w/ CBT.\n"
        "Functional gains: RTW mod duty, resumed\n"
        "HEP, driving, sleep.    Residual\n"
        "moderate depressive sx (BDI 21).\n"
    )
    case = _case(body, CBT)
    assert not any("resumed" == d.name.split()[-1] for d in case.diagnoses)


def test_prose_broken_before_a_number_goes_on() -> None:
    """One sentence a line, the writer's own breaks kept: 'she reported' + '70 percent relief ...' is one sentence."""
    case = _case(
        "HPI: She underwent a C5-6 interlaminar epidural steroid injection on 06/15/2015.\n"
        "At her follow-up she reported\n"
        "70 percent relief of the arm pain, and the relief lasted about ten weeks.\n",
        "Repeat C5-6 interlaminar epidural steroid injection",
    )
    assert 70.0 in [t.relief_percent for t in case.treatments if t.kind == "injection"]


@pytest.mark.parametrize("heading", ["Plan / RFA", "PLAN/REQUEST", "Assessment / Plan"])
def test_a_bare_heading_with_a_slash_heads_its_section(heading: str) -> None:
    case = _case(f"S: Knee pain 6/10.\n{heading}\n1. MRI R knee w/o contrast - r/o meniscal tear\n", "MRI right knee")
    assert not any("MRI" in d.name for d in case.diagnoses)


def test_any_is_no_amount() -> None:
    """'before any extension' measures nothing: the plan's gains are to be assessed, not made."""
    case = _case(
        "HISTORY: Pregabalin since January, maybe 10 percent better, no change in sleep or activity.\n"
        "PLAN: Functional restoration program, 10 full-day sessions (80 hours), w/\n"
        "re-evaluation of objective gains before any extension.\n",
        "Functional restoration program x 10 days",
    )
    assert case.function.objective_improvement.value == "no"


# ---------------------------------------------------------------- lower case and abbreviations

LOWER_NOTE = (
    "valley pain medicine associates\n"
    "f/u visit -- 3/22/21\n"
    "pt: 60 m, doi 10/2/2015. dx: chronic lbp, failed back.\n"
    "s: pt c/o lbp 7/10 with meds, 9/10 without. norco helps him walk 20 min (was 5 min before). "
    "denies side effects. cures reviewed today, consistent. uds 1/2021 consistent. "
    "pt x 12 visits feb-apr 2020 w/o lasting benefit.\n"
    "o: ttp lumbar paraspinals. no spasm. slr neg bilat. neuro intact.\n"
    "p: continue norco 10/325 q8h prn #90. f/u 4 wks.\n"
)


def test_a_lower_case_note_is_dated_by_its_title() -> None:
    assert _reports(extract_text(LOWER_NOTE, [NORCO])) == {"2021-03-22"}


def test_a_lower_case_note_reads_its_monitoring_and_therapy() -> None:
    case = extract_text(LOWER_NOTE, [NORCO])
    assert case.monitoring.cures_checked.value == "yes"
    assert case.monitoring.side_effects.value == "no"
    assert any(t.service == "physical_therapy" and t.sessions == 12 for t in case.treatments)


def test_a_lower_case_note_splits_its_sentences() -> None:
    """Each sentence of a lower-case note stands alone: 'no spasm' answers the spasm only."""
    case = extract_text(LOWER_NOTE, [NORCO])
    assert case.exam.muscle_spasm.value == "no"
    assert case.function.objective_improvement.value == "yes"


def test_a_lower_case_month_before_a_year_is_a_date() -> None:
    note = "visit date: may 9, 2023\n" + LOWER_NOTE.split("\n", 2)[2]
    assert _reports(extract_text(note, [NORCO])) == {"2023-05-09"}


def test_a_title_further_down_is_an_appointment() -> None:
    """Only the note's top line is its title: a follow-up visit in the plan is still to come."""
    note = "Pain management note\nPatient seen for low back pain, 5/10 with medications.\n" + "x " * 60 + (
        "\nFollow-up visit 5/20/2016\n"
    )
    assert "2016-05-20" not in _reports(extract_text(note, [NORCO]))


def test_pt_is_physical_therapy_where_the_words_around_say_so() -> None:
    case = _case("S: Chronic neck pain despite pt, hep and nsaids. Had pt x 8 (2019) without benefit.\n")
    assert "physical_therapy" in {t.service for t in case.treatments}
    assert case.clinical.conservative_care_failed.value == "yes"


def test_pt_is_the_patient_where_a_verb_follows() -> None:
    case = _case("S: Continues Norco; pt reports 50% relief. Discussed w/ pt, pt agrees to taper.\n")
    assert "physical_therapy" not in {t.service for t in case.treatments}


CAPITALS_NOTE = (
    "SUBJECTIVE: CHRONIC LOW BACK PAIN AFTER A LIFTING INJURY AT WORK. {pt} THAT HE IS MUCH BETTER THAN WHEN HE "
    "STARTED ACUPUNCTURE AND HE DOES HIS HOME EXERCISES DAILY. STANDING TOLERANCE IS UP FROM 2 HOURS TO 4 HOURS.\n"
    "OBJECTIVE: MILD LUMBAR TENDERNESS, NO SPASM, STRAIGHT LEG RAISE NEGATIVE BILATERALLY.\n"
)


@pytest.mark.parametrize("pt", ["PT STATES", "PT REPORTS", "PT SAYS", "PT FEELS", "PT'S WIFE SAYS", "PT ADMITS"])
def test_pt_is_the_patient_where_a_verb_follows_in_a_note_of_capitals(pt: str) -> None:
    case = _case(CAPITALS_NOTE.format(pt=pt), request="ACUPUNCTURE 1X/WEEK X 6 WEEKS")
    assert "physical_therapy" not in {t.service for t in case.treatments}


@pytest.mark.parametrize(
    "course",
    ["PT UNDERWENT 6 ACUPUNCTURE TREATMENTS", "PT COMPLETED 6 ACUPUNCTURE TX", "PT ATTENDED 8 CHIROPRACTIC VISITS",
     "PT FINISHED 6 ACUPUNCTURE SESSIONS", "PT TRIED ACUPUNCTURE X 6"],
)
def test_pt_is_the_patient_who_completed_other_care_in_a_note_of_capitals(course: str) -> None:
    note = CAPITALS_NOTE.format(pt="HE SAYS") + f"HISTORY: {course} LAST YEAR.\n"
    case = _case(note, request="ACUPUNCTURE 1X/WEEK X 6 WEEKS")
    assert "physical_therapy" not in {t.service for t in case.treatments}


@pytest.mark.parametrize("course", ["PT COMPLETED 12 VISITS IN 2021", "PT COMPLETED X 12 IN 2021", "FAILED PT X 12 IN 2021"])
def test_pt_is_physical_therapy_in_a_note_of_capitals_where_no_verb_follows(course: str) -> None:
    note = CAPITALS_NOTE.format(pt="HE SAYS") + f"HISTORY: {course} WITHOUT BENEFIT.\n"
    case = _case(note, request="ACUPUNCTURE 1X/WEEK X 6 WEEKS")
    assert "physical_therapy" in {t.service for t in case.treatments}


# ---------------------------------------------------------------- the class as a property

PROSE = (
    "The patient is a 48-year-old warehouse worker with chronic low back pain after a lifting injury. "
    "With Norco his pain goes from 8/10 to 4/10 and he is able to walk for 30 minutes, up from 10 minutes "
    "before starting it. He denies side effects and constipation. CURES was reviewed today and was "
    "consistent, and the last urine drug screen on 01/05/2016 was consistent. He signed an opioid agreement. "
    "He completed 12 visits of physical therapy in 2015 without lasting benefit. He is working modified duty "
    "with no lifting over 20 pounds. Psych evaluation (Dr. N. Ibarra, PhD, 2/24/2016): no contraindication."
)


def _facts(case: CaseFacts) -> dict[str, object]:
    out: dict[str, object] = {}
    for group in ("function", "monitoring", "exam", "clinical"):
        part = getattr(case, group)
        for name in type(part).model_fields:
            value = getattr(getattr(part, name), "value", None)
            if isinstance(value, str):
                out[f"{group}.{name}"] = value
    out["treatments"] = sorted((t.service or t.name, t.sessions or 0) for t in case.treatments)
    out["medications"] = sorted((m.name.lower(), m.status) for m in case.medications)
    out["pain"] = sorted((p.context, p.score) for p in case.pain_scores)
    out["reports"] = sorted(_reports(case))
    return out


_WHOLE = _facts(extract_text(VISIT + "HPI: " + PROSE + "\n", [NORCO]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(width=st.integers(min_value=28, max_value=110), spaces=st.sampled_from([" ", "  "]))
def test_rewrapping_prose_changes_no_fact(width: int, spaces: str) -> None:
    text = ("HPI: " + PROSE).replace(". ", "." + spaces)
    wrapped = "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False))
    assert _facts(extract_text(VISIT + wrapped + "\n", [NORCO])) == _WHOLE


def _report_dates(note: str) -> list[str]:
    return sorted(str(d["date"]) for d in extract_text(note, [NORCO]).model_dump()["report_dates"])


@pytest.mark.parametrize("line", [
    "DOS 2016-03-08",
    "PR-2 / RFA                                    DOS 2016-03-08",
    "DOS 08-MAR-2016",
    "Date of service: 08-Mar-2016",
    "DOS: 8-mar-16",
])
def test_a_visit_date_written_iso_or_day_month_year_dates_the_note(line: str) -> None:
    assert _report_dates(f"{line}\nS: low back pain 6/10, Norco helps.\n") == ["2016-03-08"]


@pytest.mark.parametrize("title", [
    "ortho office note / rfa                                   2/10/16",
    "progress note - 2/10/16",
    "pr-2 report: 2/10/16",
])
def test_a_lower_case_note_s_later_part_is_dated_by_its_title(title: str) -> None:
    note = ("admit date: 02/05/2016      discharge date: 02/08/2016\nr tka 2/5/2016, spinal anesthesia, pt bid.\n"
            "discharged home on norco.\n\n" + title + "\npt seen at home. pain 5/10 on norco. denies fever.\n")
    assert "2016-02-10" in _report_dates(note)


def test_a_lower_case_appointment_line_is_no_title() -> None:
    note = "f/u visit -- 3/22/21\npt c/o lbp 7/10. norco helps.\nplan: cont meds.\nfollow-up visit 4/5/21\n"
    assert "2021-04-05" not in _report_dates(note)


@pytest.mark.parametrize("note", [
    "failed: pt/desensitization 30 visits, mirror therapy, cbt 8 sessions.\n",
    "history: failed: pt 12 visits and chiro.\n",
    "treatment to date: pt/aquatic 18 visits 2019.\n",
])
def test_pt_in_a_lower_case_list_of_care_with_its_visits_is_physical_therapy(note: str) -> None:
    services = [t.service for t in extract_text(note, [NORCO]).treatments]
    assert "physical_therapy" in services


@pytest.mark.parametrize("aside", ["(10/2017 - 01/2018)", "(12 visits, 2019)", "(per the therapist's notes)"])
def test_an_aside_wrapped_to_the_next_line_goes_on_with_its_sentence(aside: str) -> None:
    note = ("He has now completed 12 visits of physical therapy\n"
            f"{aside} focused on cuff strengthening; despite this he has failed to progress.\n")
    courses = [(t.service, t.effect) for t in extract_text(note, [NORCO]).treatments]
    assert ("physical_therapy", "no_improvement") in courses


def test_a_bracketed_list_marker_still_opens_an_entry() -> None:
    note = "Plan:\n(1) Continue Norco 10/325 TID.\n(2) Lumbar MRI.\n"
    assert extract_text(note, [NORCO]).medications[0].name.lower().startswith("norco")


@pytest.mark.parametrize("ruler", ["----------", "==========", "__________"])
def test_a_ruler_between_parts_does_not_run_into_the_next_part_s_dated_title(ruler: str) -> None:
    note = f"Date of evaluation: 15-Feb-2017\nS: pain 7/10.\n\n{ruler}\nPTP PR-2 - 01-Mar-2017\nAgree with plan.\n"
    assert _report_dates(note) == ["2017-02-15", "2017-03-01"]


@pytest.mark.parametrize("line", [
    "Surgery authorized (UR 28-Jan-2019): R shoulder arthroscopic rotator cuff repair, scheduled 25-Feb-2019.",
    "Surgery authorized (UR 1/28/2019) for a right shoulder arthroscopic rotator cuff repair, now scheduled 2/25/2019.",
])
def test_a_date_after_the_ur_s_own_date_is_not_the_ur_decision(line: str) -> None:
    case = extract_text(f"Date: 02/11/2019\n{line}\n", [NORCO])
    assert case.ur_decision_date is None or str(case.ur_decision_date.date) != "2019-02-25"


# ---------------------------------------------------------------- letter case changes nothing read

FAILED_CARE_LETTER = (
    "Pain clinic letter 03/14/2018\nI see Ms. Doe for chronic neck and arm pain after a fall at work in 2016. "
    "She remains off work and her pain is constant.\n\n{intro}\n- Physical therapy 24 visits in 2017\n"
    "- Naproxen 500 mg, stopped\n- Two cervical epidural injections, relief for a week each\n\n"
    "I ask that the trial be authorized.\n"
)


@pytest.mark.parametrize("intro", [
    "Treatment that has failed or stopped helping:",
    "Therapies which have not helped her so far:",
    "Care that had stopped helping by last spring:",
])
@pytest.mark.parametrize("case_of", [str, str.upper, str.lower, str.title])
def test_a_sentence_introducing_the_failed_care_is_read_in_any_letter_case(intro: str, case_of: Callable[[str], str]) -> None:
    """A line of several words ending with a colon introduces a list; typed in capitals it is still no heading."""
    note = case_of(FAILED_CARE_LETTER.format(intro=intro))
    assert extract_text(note, ["Spinal cord stimulator trial"]).clinical.conservative_care_failed.value == "yes"


AMPUTEE_NOTE = (
    "amputee clinic f/u 01/10/2016\npt 48 m, doi 2/2/2014, {side} after a crush injury at work. walks with a prosthesis "
    "community distances, back at work part time. residual limb skin intact, no edema. plan: new socket liner, "
    "continue home exercise, return in three months for a socket check.\n"
)


@pytest.mark.parametrize("side", ["l aka", "R BKA", "Left AKA", "right bka", "bilateral bka"])
@pytest.mark.parametrize("case_of", [str, str.upper, str.lower])
def test_an_amputation_by_its_side_is_read_in_any_letter_case(side: str, case_of: Callable[[str], str]) -> None:
    """'l aka' in a note typed in lower case is the above-knee amputation 'L AKA', not 'also known as'."""
    case = extract_text(case_of(AMPUTEE_NOTE.format(side=side)), ["Prosthetic socket liner"])
    assert any(d.name.lower() == side.lower() for d in case.diagnoses)


def _capitals_by_character(text: str) -> bool:
    """`upper_case_note` as first written: each character tested."""
    from imr_engine.extract.letter_case import MIN_CAPITALS_SHARE, MIN_LETTERS

    letters = [c for c in text if c.isalpha()]
    return len(letters) >= MIN_LETTERS and sum(c.isupper() for c in letters) >= MIN_CAPITALS_SHARE * len(letters)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ABCDEFXYZabcxyz 0123.,:/-\n"), max_size=400),
       st.text(alphabet=st.sampled_from("ÉéÄäßµ"), max_size=3))
def test_a_note_in_capitals_is_told_as_when_each_character_was_tested(text: str, beyond_ascii: str) -> None:
    """An ASCII note's letters are counted in C (two deletions); any other text as before, character by character."""
    from imr_engine.extract.letter_case import upper_case_note

    for one in (text, text.upper(), text + beyond_ascii, (text + beyond_ascii).upper()):
        assert upper_case_note(one) == _capitals_by_character(one)


# ---------------------------------------------------------------- a note typed in capitals: entries, not headings

def test_an_appointment_in_a_plan_typed_in_capitals_is_no_visit_date() -> None:
    """'- RECHECK 6/8/15.' under PLAN is the visit to come, as '- Recheck 6/8/15.' is in mixed case."""
    note = (
        "DATE OF SERVICE: 06/03/2015\nSUBJECTIVE: RIGHT ANKLE INVERSION INJURY AT WORK TODAY, PAIN 7/10.\n"
        "PLAN:\n- NAPROXEN 500 MG BID #20.\n- RECHECK 6/8/15.\n"
    )
    assert _reports(extract_text(note, ["NAPROXEN 500 MG #20"])) == {"2015-06-03"}


@pytest.mark.parametrize("label", ["RFA received:", "RFA RECEIVED:", "Date of RFA:"])
@pytest.mark.parametrize("date", ["June 5, 2019", "5 June 2019", "2019/06/05", "06/05/2019"])
def test_a_request_date_field_is_read_however_the_date_is_written(label: str, date: str) -> None:
    note = f"Review date: 06/12/2019\n{label}   {date}\nReason for review: opioid regimen\n"
    case = extract_text(note, ["Morphine ER 30 mg #60"])
    assert case.rfa_date is not None and str(case.rfa_date.date) == "2019-06-05"


@pytest.mark.parametrize("line", ["DX M17.12 PRIMARY OA L KNEE.", "DX: M17.12 PRIMARY OA L KNEE", "DIAGNOSIS M17.12 PRIMARY OA L KNEE."])
def test_a_diagnosis_line_typed_in_capitals_keeps_its_diagnosis(line: str) -> None:
    note = (
        "ORTHO F/U 5/14/2024\n66 M, LEFT KNEE PAIN 6/10, LIMITED TO 30 MIN WALKING. NO LOCKING.\n"
        f"EXAM: MEDIAL JOINT LINE TENDERNESS, TRACE EFFUSION.\n{line}\n"
    )
    case = extract_text(note, ["DICLOFENAC 1% GEL 100 G X 3"])
    assert any("OA" in d.name for d in case.diagnoses)


def test_a_neurovascular_exam_typed_in_capitals_is_normal() -> None:
    note = "DOS 7/9/19\nS: LEFT THUMB SPRAIN CATCHING A FALLING RACK. PAIN 5/10.\nPE: TTP OVER UCL. NV INTACT, SENS NL.\n"
    assert extract_text(note, ["THUMB SPICA SPLINT"]).exam.neurological_deficit.value == "no"


@pytest.mark.parametrize("day", ["12/18/18", "12-18-2018", "2018-12-18", "18-Dec-2018", "December 18, 2018"])
@pytest.mark.parametrize("told", ["S: s/p R ACL recon (BTB autograft) {day} - 13 wks.", "S: She had a right ACL reconstruction on {day}."])
def test_an_operation_is_dated_however_its_day_is_written(day: str, told: str) -> None:
    case = extract_text("DOS 3/19/19\n" + told.format(day=day) + "\n", ["Post-op PT x 12"])
    assert [str(s.date) for s in case.surgeries] == ["2018-12-18"]


_RATED = (
    "S: She had a right C6-7 epidural steroid injection on 09/14/2023. Before the injection her arm pain was {a} going "
    "down to the middle finger. After the injection her pain went down to {b}, around 60 %, starting after 1 week and "
    "lasting until the end of November, about 10 weeks.\n",
    "S: Low back pain {a} without medication and {b} with Norco; with it she walks 30 minutes and does her housework.\n",
)


@settings(max_examples=30, deadline=None)
@given(case=st.integers(min_value=0, max_value=1), before=st.integers(min_value=5, max_value=10),
       drop=st.integers(min_value=1, max_value=5), word=st.sampled_from(["10", "ten"]))
def test_a_rating_spelt_out_reads_as_its_slash(case: int, before: int, drop: int, word: str) -> None:
    """'8 out of 10' and '8/10' are the same rating to every reader: the same facts either way."""
    after = before - drop
    slashed = _RATED[case].format(a=f"{before}/10", b=f"{after}/10")
    spelt = _RATED[case].format(a=f"{before} out of {word}", b=f"{after} out of {word}")
    request = "Repeat cervical ESI C6-7" if case == 0 else NORCO
    facts = [_facts_without_quotes(extract_text("DOS: 01/23/2024\n" + text, [request])) for text in (slashed, spelt)]
    assert facts[0] == facts[1]


def _facts_without_quotes(case: CaseFacts) -> object:
    def strip(x: object) -> object:
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items() if k not in ("evidence", "quote", "start", "end")}
        if isinstance(x, list):
            return [strip(v) for v in x]
        return x
    return strip(case.model_dump(mode="json"))


_LOWER_SPINE = (
    "spine surgery clinic\nvisit date: 5/22/2018\n"
    "s: 64 m, bilateral buttock and thigh pain with walking over 2 blocks, relieved by sitting, for 2 years despite "
    "pt x 12 and two epidurals.\n"
    "o: lumbar extension reproduces thigh pain. slr negative bilaterally. strength 5/5 except bilateral ehl 4+/5. "
    "light touch decreased over both lateral calves.\n"
    "a: lumbar stenosis l4-5 with bilateral l5 radiculopathy.\n"
)


def test_initials_a_lower_case_note_writes_small_read_as_in_mixed_case() -> None:
    """'ehl 4+/5' in a note typed in lower case is the weak muscle 'EHL 4+/5' is in mixed case."""
    mixed = _LOWER_SPINE.replace("ehl", "EHL").replace("l4-5", "L4-5").replace("l5 rad", "L5 rad")
    got = [extract_text(text, ["L4-5 laminectomy"]).exam.radiculopathy.value for text in (_LOWER_SPINE, mixed)]
    assert got[0] == got[1] == "yes"


@pytest.mark.parametrize(("written", "sex"), [("27 y/o m", "male"), ("52 yo f", "female"), ("44 y/o rhd m", "male")])
def test_the_sex_after_an_age_in_a_lower_case_note(written: str, sex: str) -> None:
    note = LOWER_NOTE.replace("pt: 60 m, doi 10/2/2015.", f"pt: {written}, receiving clerk, doi 10/2/2015.")
    assert extract_text(note, [NORCO]).claimant.sex == sex


def test_a_lower_case_letter_after_an_age_that_is_no_sex_stays_unknown() -> None:
    note = LOWER_NOTE.replace("pt: 60 m, doi 10/2/2015.", "pt: 60 y/o from fresno, doi 10/2/2015.")
    assert extract_text(note, [NORCO]).claimant.sex == "unknown"
