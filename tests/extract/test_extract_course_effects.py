"""What a prior course did, as clinicians tell it (issue 10, reader round 10).

corpus/README.md, "Key conventions": a course's `effect` is `improved` when the note says it helped (pain or
function), `no_improvement` when it did not help or the relief did not last. Each fragment was written for these
tests, several per phrasing class: an injection's relief told in the sentence after it, joint and nerve-block
injections told with their relief, relief below a meaningful change (30 %, the change the CPMTG calls meaningful
for pain, p. 8-9 and 78-80) and brief relief, and one injection told twice (its names, its day) as one course.
"""

from __future__ import annotations

import pytest
from fragments import OFFICE_VISIT as REQUEST
from fragments import VISIT, courses, one_course, read_fragment

from imr_engine.extract import extract_text


@pytest.mark.parametrize("text", [
    "HPI: She had a right L5-S1 transforaminal epidural steroid injection on 02/03/2015. At follow-up she reported "
    "60 percent relief of the leg pain lasting about eight weeks.",
    "Pt s/p L L4-5 TFESI 9/9/14. Reports ~70% relief x 3 months, Norco down to 1/day.",
    "He underwent a C6-7 interlaminar ESI on 04/21/2015. Arm pain went from 8/10 to 3/10 for two months.",
])
def test_an_injection_with_lasting_relief_told_after_it_improved(text: str) -> None:
    assert one_course(text, "epidural_steroid_injection").effect == "improved"


@pytest.mark.parametrize("text", [
    "HPI: He had a left L4-5 transforaminal epidural steroid injection on 01/06/2015, which gave about 20% relief "
    "for one week.",
    "Pt s/p R L5 TFESI 11/2/15 - reports 15 percent relief, gone in a few days.",
    "She underwent a lumbar interlaminar ESI on 06/02/2015. She reports 10% relief at best.",
])
def test_an_injection_with_little_or_brief_relief_did_not_improve(text: str) -> None:
    assert one_course(text, "epidural_steroid_injection").effect == "no_improvement"


@pytest.mark.parametrize(("text", "effect"), [
    ("Treatment so far: naproxen, a cortisone injection to the right knee 02/10/2015 with about six weeks of relief.",
     "improved"),
    ("Hx: right carpal tunnel steroid injection 04/2015 that helped for about 5 weeks.", "improved"),
    ("Prior care: 3 cortisone injections R shoulder (last 6/2015, 2 months relief each).", "improved"),
    ("Hx: Synvisc series 2/2015 (no benefit), bracing.", "no_improvement"),
    ("Past tx: lumbar sympathetic blocks x3 (2015; 2-3 days relief each).", "no_improvement"),
])
def test_joint_injections_and_nerve_blocks_are_courses_with_their_effect(text: str, effect: str) -> None:
    case = read_fragment(text)
    injections = [t for t in case.treatments if t.kind == "injection"]
    assert [t.effect for t in injections] == [effect], [t.model_dump() for t in injections]


@pytest.mark.parametrize(("text", "service"), [
    ("Hx: L4-5 and L5-S1 facet MBB 2014 (<30% relief).", "medial_branch_block"),
    ("06/2014  Cervical facet MBB C4-6 right: 20 % relief, not pursued.", "medial_branch_block"),
    ("Prior: acupuncture x6 (2014), helped maybe 10%.", "acupuncture"),
    ("He did chiropractic x 8 in 2013 - less than 25 percent better.", "chiropractic"),
])
def test_relief_below_a_meaningful_change_is_no_improvement(text: str, service: str) -> None:
    assert one_course(text, service).effect == "no_improvement"


@pytest.mark.parametrize(("text", "service"), [
    ("Hx: L4-5 and L5-S1 facet MBB 2014 (80% relief for 6 hours, diagnostic).", "medial_branch_block"),
    ("Prior: acupuncture x6 (2014), helped about 50%.", "acupuncture"),
    ("He did chiropractic x 8 in 2013 - 40 percent better.", "chiropractic"),
])
def test_meaningful_relief_is_no_failure(text: str, service: str) -> None:
    assert one_course(text, service).effect == "improved"


@pytest.mark.parametrize("text", [
    "HPI: She underwent a C5-6\ninterlaminar cervical epidural steroid injection on 06/15/2015. She reported 70 "
    "percent relief for ten weeks.\nAssessment: recurrence of radicular pain after a good response to CESI of "
    "06/15/2015.",
    "History: s/p right L5-S1 transforaminal ESI on 3/3/2015 with 60% relief for 2 months.\nA/P: radicular pain "
    "returned; prior TFESI 3/3/2015 helped.",
])
def test_one_injection_told_again_by_its_day_is_one_course(text: str) -> None:
    found = courses(text, "epidural_steroid_injection")
    assert len(found) == 1, [t.model_dump() for t in found]
    assert found[0].effect == "improved"


@pytest.mark.parametrize("text", [
    "Intake date: 3/14/2016          RFA date: 03/09/2016",
    "I am appealing the non-certification of the following items from my RFA of 02/29/2016:",
    "DWC FORM RFA                     Date: 02/04/2016",
    "The RFA dated 3/1/2016 asked for PT x 6.",
])
def test_the_request_form_is_no_ablation(text: str) -> None:
    assert courses(text, "radiofrequency_ablation") == []


@pytest.mark.parametrize("text", [
    "Hx: lumbar RFA 2014 - no lasting benefit.",
    "Prior: bilateral L4-5 RFA 05/2015 with 6 months of 60% relief.",
])
def test_an_ablation_told_as_rfa_is_still_a_course(text: str) -> None:
    assert len(courses(text, "radiofrequency_ablation")) == 1


@pytest.mark.parametrize(("text", "service", "line"), [
    ("Completed 6 chiropractic visits 01/05/16 - 02/20/16. Since completing the visits she can sit 60 minutes "
     "(was 20 minutes at the start of care) and is back to lifting 25 lbs at work.", "chiropractic", REQUEST),
    ("PHYSICAL THERAPY RE-EVALUATION\nVisit: 12 of 12\nAssessment: since the start of care she can now walk "
     "30 minutes (was 10 minutes) and climbs a flight of stairs reciprocally, previously unable.",
     "physical_therapy", "Additional physical therapy x 6 visits, lumbar"),
    ("He attended 8 sessions of individual CBT. Since starting the sessions he drives again and returned to "
     "part-time modified work, previously unable to leave the house.", "cognitive_behavioral_therapy", REQUEST),
])
def test_a_course_credited_with_measured_gains_improved(text: str, service: str, line: str) -> None:
    found = [t for t in extract_text(VISIT + text + "\n", [line]).treatments if t.service == service]
    assert len(found) == 1, [t.model_dump() for t in found]
    course = found[0]
    assert course.functional_improvement == "yes"
    assert course.effect == "improved"


def test_gains_are_no_effect_of_an_evaluation() -> None:
    text = ("Psychological evaluation 01/12/2016 (Dr. Ames): cleared for the trial. Since the start of care she can "
            "walk 30 minutes (was 10 minutes).")
    assert all(t.effect == "unknown" for t in read_fragment(text).treatments if t.service == "psychological_evaluation")


@pytest.mark.parametrize(("text", "services", "effect"), [
    ("Previous tx: PT 30+ visits, chiro x 10, acupuncture x 6 \u2014 no lasting benefit.",
     ("physical_therapy", "chiropractic", "acupuncture"), "no_improvement"),
    ("He had two courses of physical therapy and 8 chiropractic visits, neither of which gave lasting benefit.",
     ("physical_therapy", "chiropractic"), "no_improvement"),
    ("Hx: PT x 12 and acupuncture x 6, none of which helped for long.",
     ("physical_therapy", "acupuncture"), "no_improvement"),
    ("She completed 10 sessions of physical therapy in 2014 and has taken naproxen for a month, with no "
     "meaningful change.", ("physical_therapy",), "no_improvement"),
    ("PT x12 (spring 2013) and chiropractic x18 (summer-fall 2013) - some improvement, back to work part time.",
     ("physical_therapy", "chiropractic"), "improved"),
    ("Prior: PT x 8 and chiro x 6 - no change.", ("physical_therapy", "chiropractic"), "no_improvement"),
])
def test_a_result_closing_a_list_is_said_of_each_course(text: str, services: tuple[str, ...], effect: str) -> None:
    case = read_fragment(text)
    for service in services:
        found = [t.effect for t in case.treatments if t.service == service]
        assert found == [effect], (service, [t.model_dump() for t in case.treatments])


def test_a_result_after_two_courses_of_one_care_is_said_of_both() -> None:
    text = "She has had physical therapy 12 sessions in 2013 and again 6 sessions in 2014 with no lasting improvement."
    found = sorted((t.sessions, t.effect) for t in courses(text, "physical_therapy"))
    assert found == [(6, "no_improvement"), (12, "no_improvement")]


@pytest.mark.parametrize("text", [
    "PT 10 visits 2015 (hip stretching, glute strengthening) - some help w/ the groin pain.",
    "Chiro x 6 in 2014, good help with the stiffness.",
])
def test_some_help_is_an_improvement(text: str) -> None:
    service = "physical_therapy" if text.startswith("PT") else "chiropractic"
    assert one_course(text, service).effect == "improved"


@pytest.mark.parametrize(("text", "service", "sessions"), [
    ("Treatment to date: 12 sessions of individual CBT since 9/2015.", "cognitive_behavioral_therapy", 12),
    ("She attended 8 sessions of group CBT in 2015.", "cognitive_behavioral_therapy", 8),
    ("Had 10 sessions of supervised PT after the fall.", "physical_therapy", 10),
])
def test_a_count_before_a_qualified_course(text: str, service: str, sessions: int) -> None:
    assert one_course(text, service).sessions == sessions


@pytest.mark.parametrize("text", [
    "Treatment to date has included PT x 12, HEP - minimal relief.",
    "Treatment to date: chiropractic x 8 and continues HEP daily.",
    "She has completed 12 sessions of physical therapy and continues her home exercise program daily.",
    "Prior treatment: PT, home exercises - no sustained relief.",
])
def test_the_worker_s_home_program_is_no_course_or_device(text: str) -> None:
    case = read_fragment(text)
    assert [t.service for t in case.treatments if t.service == "home_exercise_kit"] == []


def test_a_home_exercise_device_had_is_still_read() -> None:
    case = read_fragment("Treatment to date has included PT x 12 and an over the door pulley, which helped.")
    assert [t.service for t in case.treatments if t.service == "home_exercise_kit"] == ["home_exercise_kit"]


@pytest.mark.parametrize("text, service", [
    ("Prior care: PT 12 visits in 2019 - good benefit, back to full duty then.", "physical_therapy"),
    ("Had 8 chiropractic visits in 2017 which helped, and he returned to regular work.", "chiropractic"),
    ("Completed 12 sessions of physical therapy; returned to his usual job after it.", "physical_therapy"),
    ("Acupuncture x 6 (2018): improved, RTW full duty.", "acupuncture"),
])
def test_a_return_to_work_credited_to_a_course_is_its_functional_gain(text: str, service: str) -> None:
    """Returning to work is functional improvement (8 CCR 9792.20(e)): a course told with it gave a functional gain."""
    assert one_course(text, service).functional_improvement == "yes"


@pytest.mark.parametrize("text, service", [
    ("Had 12 PT visits without benefit; he has not returned to work.", "physical_therapy"),
    ("Completed 8 chiropractic visits with no relief, still off work, hopes to return to full duty.", "chiropractic"),
])
def test_no_return_to_work_is_no_functional_gain(text: str, service: str) -> None:
    assert one_course(text, service).functional_improvement != "yes"
