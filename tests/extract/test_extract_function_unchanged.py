"""Function said unchanged, and the patient's unquantified better (issue 10, reader round 10).

CPMTG p. 9 and 80: continued treatment turns on functional improvement; a note that says function has not changed
documents its absence (`function.objective_improvement: no`). The patient's own unquantified "better" about a
current treatment is `function.subjective_improvement` (corpus README, "Key conventions"). Fragments written for
these tests, several per class, both ways.
"""

from __future__ import annotations

import pytest
from fragments import read_fragment


def _read(text: str):  # noqa: ANN202 - the case's function block
    return read_fragment(text, "Norco 10/325 mg #90").function


@pytest.mark.parametrize("text", [
    "S: Still cannot lift a gallon of milk. ADLs unchanged over the last 6 months, wife helps with dressing.",
    'Function: "unchanged", needs help with housework; walks 1/2 block.',
    "Needs help with laundry. No gains in function this year. Not working.",
    "Pain 7/10. No new activities since the last visit.",
    "Functional status essentially unchanged since the spring.",
])
def test_function_said_unchanged_is_no_objective_improvement(text: str) -> None:
    assert _read(text).objective_improvement.value == "no"


@pytest.mark.parametrize("text", [
    "Function: improved, now walks 30 minutes (was 10).",
    "ADLs: independent, unchanged need for a cane is noted by PT as stable gait.",
])
def test_a_gain_or_an_aside_is_not_read_as_unchanged_function(text: str) -> None:
    assert _read(text).objective_improvement.value != "no"


@pytest.mark.parametrize("text", [
    "Reports energy and motivation better since starting bupropion XL 150 mg.",
    "On sertraline 100 mg: anxiety improved, sleeping more.",
    '"Se siente mejor con la medicina" - takes Norco twice a day.',
    'Tramadol 50 mg 1 q6h prn "me ayuda mucho".',
    # the same class in other words of the patient's (Spanish: feels better, helped, relieved)
    'Pt states "me siento mucho mejor" since gabapentin was started.',
    'Meloxicam 15 mg daily - "le ha ayudado" per his daughter, who interprets.',
    'Says the Lyrica "me alivia el dolor" at night.',
    'On naproxen she "se sinti\u00f3 un poco mejor" the first week.',
])
def test_the_patient_s_unquantified_better_about_a_drug_is_subjective_improvement(text: str) -> None:
    assert _read(text).subjective_improvement.value == "yes"


@pytest.mark.parametrize("text", [
    "PHQ-9 down from 21 to 11 on sertraline. She now cooks for her family and goes to church.",
    'Patient statement: "I am doing things at home I stopped doing, like cooking dinner."',
    "Since the program she has taken up activities she had given up: she cooks breakfast again.",
    "With Norco he now cooks meals and walks his dog.",
])
def test_an_everyday_activity_taken_up_again_is_an_adl_improvement(text: str) -> None:
    assert _read(text).adl_improvement.value == "yes"


@pytest.mark.parametrize("text", [
    "Her husband cooks for the family; she cannot stand at the stove.",
    "She stopped cooking dinner after the injury.",
])
def test_an_activity_done_by_others_or_given_up_is_no_adl_improvement(text: str) -> None:
    assert _read(text).adl_improvement.value != "yes"
