"""Classes of writing the appeal letters, hand-surgery notes and case-manager summaries brought, as fragments.

Each fragment is written for these tests; the expected values are what it states, read as the
guideline reads it: carpal tunnel syndrome proved by nerve conduction studies (ACOEM Ch. 11 p. 270),
repeat epidural injections after at least 50 % relief for 6 to 8 weeks (CPMTG p. 46), home health
services for the homebound (CPMTG p. 51), walking aids for impaired ambulation (ODG).
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text
from imr_engine.facts import CaseFacts

VISIT = "DOS: 04/07/2016\n"


def _case(body: str, request: str) -> CaseFacts:
    return extract_text(VISIT + body, [request])


CTR = "Right open carpal tunnel release"


@pytest.mark.parametrize("study", [
    "NCS 07/28/2015 (Dr. Lee): right median distal motor latency 5.9 ms, sensory latency 4.6 ms; moderate right carpal "
    "tunnel syndrome.",
    "NCS/EMG 06/2015 (Dr. Singh): moderate-to-severe right median neuropathy at the wrist (distal motor latency 6.1 ms).",
])
def test_a_study_report_with_titles_and_decimals_confirms_the_diagnosis(study: str) -> None:
    case = _case(f"S: Numbness R thumb and index fingers, night waking.\n{study}\n", CTR)
    assert case.clinical.diagnosis_confirmed_by_testing.value == "yes"


def test_a_diagnosis_graded_by_the_study_is_confirmed() -> None:
    case = _case("DIAGNOSES:\n1. G56.01 Carpal tunnel syndrome, right upper limb - moderate-severe by NCS\n", CTR)
    assert case.clinical.diagnosis_confirmed_by_testing.value == "yes"


def test_a_normal_study_report_confirms_nothing() -> None:
    case = _case("NCS 07/28/2015 (Dr. Lee): normal median latencies; no carpal tunnel syndrome.\n", CTR)
    assert case.clinical.diagnosis_confirmed_by_testing.value != "yes"


def test_codes_between_names_part_the_diagnoses_of_a_line() -> None:
    case = _case("Diagnoses:  354.0 Carpal tunnel syndrome, right (also left, mild)\n"
                 "            250.00 Diabetes mellitus type II        401.9 Hypertension\n", CTR)
    names = [d.name for d in case.diagnoses]
    assert "Diabetes mellitus type II" in names and "Hypertension" in names


def test_a_letters_closing_is_no_diagnosis() -> None:
    case = _case("Diagnoses:\n1. M54.16 Lumbar radiculopathy\n\nPlease reconsider.\n\nSincerely,\nJane Roe, MD, Pain Management\n",
                 "Lumbar epidural steroid injection L4-5")
    assert [d.name for d in case.diagnoses] == ["Lumbar radiculopathy"]


def test_an_argument_about_the_diagnosis_names_none() -> None:
    case = _case("The guideline supports release when the diagnosis is proved by clinical findings and nerve conduction "
                 "studies.\n", CTR)
    assert case.diagnoses == []


ESI = "Repeat L4-5 left transforaminal epidural steroid injection"


@pytest.mark.parametrize(("told", "relief"), [
    ("His leg pain went from 8/10 to about 3/10 and the relief lasted about 9 weeks.", 62.5),
    ('He estimates "more than half better", about 60%, for about 9 weeks.', 60.0),
])
def test_an_injections_relief_told_another_way(told: str, relief: float) -> None:
    case = _case(f"S: He had a left L4-5 TFESI on 02/20/2013. {told}\n", ESI)
    assert relief in [t.relief_percent for t in case.treatments if t.service == "epidural_steroid_injection"]


def test_a_drug_the_list_says_is_not_taken_is_no_current_drug() -> None:
    case = _case("Meds: ibuprofen 600 mg TID - no help; tramadol 50 mg prn - nausea, stopped. No gabapentin yet.\n",
                 "Gabapentin 300 mg 1 PO TID #90")
    assert "gabapentin" not in " ".join(m.name.lower() for m in case.medications if m.status == "current")


TRIGGER = "Right ring finger A1 pulley release"


def test_an_injection_told_with_the_verb_was_given() -> None:
    case = _case("S: Injected twice (Kenalog 10 mg + lidocaine to A1 sheath 6/12/2018 and 12/4/2018). First gave ~4 months, "
                 "second ~6 weeks; locking is back and worse.\n", TRIGGER)
    assert [(t.service, t.sessions) for t in case.treatments] == [("corticosteroid_injection", 2)]
    assert case.clinical.conservative_care_failed.value == "yes"


@pytest.mark.parametrize("body", ["S: No injection yet.\n", "P: Will be injected with Kenalog if no better in 4 weeks.\n"])
def test_an_injection_not_given_is_none(body: str) -> None:
    assert _case(body, TRIGGER).treatments == []


def test_relief_for_a_day_only_is_temporary_and_failed_care() -> None:
    """Relief of a day, the pain back the next, is relief that did not last: the course is `temporary`, and care that gave
    only temporary relief is failed conservative care (corpus/README.md, session 22's key review); round 6 read the
    sentence alone, before the keys had `temporary`, and left the failure out."""
    case = _case("S: Chiropractic helps for a day, pain back the next day.\n", "Chiropractic x 6 visits")
    assert [(t.service, t.temporary) for t in case.treatments] == [("chiropractic", "yes")]
    assert case.clinical.conservative_care_failed.value == "yes"


def test_pain_back_the_next_day_with_no_course_is_no_failed_care() -> None:
    case = _case("S: Sore after yard work, pain back the next day.\n", "Chiropractic x 6 visits")
    assert case.clinical.conservative_care_failed.value != "yes"


HOME_HEALTH = "Home health skilled nursing visits 2x/week x 3 weeks"


@pytest.mark.parametrize(("body", "value"), [
    ("Pt lives alone, has not left home since discharge except by medical transport.", "yes"),
    ("She is unable to leave the house without help from her son.", "yes"),
    ("At intake she did not leave the house; now she shops alone.", "unknown"),
    ("Independent w/ self-care, drives, not homebound.", "no"),
])
def test_homebound_as_notes_say_it(body: str, value: str) -> None:
    assert _case(f"S: {body}\n", HOME_HEALTH).clinical.homebound.value == value


def test_a_front_wheeled_walker_is_a_walking_aid() -> None:
    case = _case("S: Walks 20-30 feet in the home with a front-wheeled walker, unsteady without it.\n", "Front-wheeled walker")
    assert case.clinical.mobility_limited.value == "yes"


def test_care_told_before_despite_this_did_not_help() -> None:
    case = _case("HPI: He completed 12 visits of physical therapy (10/2017 - 01/2018) for cuff strengthening and continues "
                 "a home program daily; despite this he has failed to progress.\n", "MR arthrogram right shoulder")
    assert [(t.service, t.effect) for t in case.treatments] == [("physical_therapy", "no_improvement")]
    assert case.clinical.conservative_care_failed.value == "yes"


@pytest.mark.parametrize("line", ["2. Failed functional rehabilitation and bracing", "Failed splinting and activity modification."])
def test_failed_care_named_by_its_kind(line: str) -> None:
    case = _case(f"IMPRESSION:\n1. Chronic lateral ankle instability, right\n{line}\n", "Right ankle lateral ligament reconstruction")
    assert case.clinical.conservative_care_failed.value == "yes"


def test_the_name_a_bracketed_code_stands_for_is_a_diagnosis() -> None:
    case = _case("A: 1. S/p L ACL reconstruction 9/2/14 (S83.512A/844.2 - complete ACL tear, MRI confirmed)\n",
                 "Post-op hinged knee brace")
    names = [d.name for d in case.diagnoses]
    assert "complete ACL tear" in names and not any(n.strip(" .").isdigit() for n in names)


def test_a_dated_course_with_its_count_in_brackets() -> None:
    case = _case("S: Prior PT 10/2018 (8 visits) - improved, ODI went 38% -> 18%, back to full duty.\n",
                 "Physical therapy lumbar spine 2x/wk x 4 wks (8 visits)")
    assert [(t.service, t.sessions) for t in case.treatments] == [("physical_therapy", 8)]


def test_despite_this_on_its_own_line_speaks_of_the_care_before_it() -> None:
    case = _case("HPI: He completed 12 visits of physical therapy (10/2017 - 01/2018) for cuff strengthening;\n"
                 "despite this he has failed to progress and still cannot work overhead.\n", "MR arthrogram right shoulder")
    assert [(t.service, t.effect) for t in case.treatments] == [("physical_therapy", "no_improvement")]


def test_codes_part_the_diagnoses_of_a_lower_case_line() -> None:
    body = ("valley hand surgery - appeal of ur denial. the patient has numbness of the right hand at night and drops "
            "things at work. she wears a night splint and has had therapy and an injection without lasting relief.\n"
            "diagnoses:  354.0 carpal tunnel syndrome, right        250.00 diabetes mellitus type ii\n")
    names = [d.name for d in extract_text(VISIT.lower() + body, [CTR]).diagnoses]
    assert "diabetes mellitus type ii" in names
