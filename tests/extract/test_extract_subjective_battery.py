"""The patient's unquantified "it helps" as writers the reader had not met tell it (reader round 13d; every sentence is
written for these tests).

The corpus README keys `function.subjective_improvement: yes` for a patient's unquantified "helps" about a current
treatment, and never for a benefit given a number, a help hoped for, a help denied, or a procedure's relief. Writers
say the drug lets the worker do something ("lets him drive", "is what gets her through a shift"), and often name the
drug in one sentence and its help in the next ("Meds: tramadol ... She says it helps her get through her shift").
"""

from __future__ import annotations

import pytest

from tests.fragments import read_fragment


def _subjective(text: str) -> str:
    return read_fragment(text).function.subjective_improvement.value


@pytest.mark.parametrize("text", [
    "S: He says the Norco lets him drive the tractor for his full shift.",
    "S: She is taking naproxen 550 mg twice a day, which she says lets her get through her shift.",
    "S: He says the meloxicam is what lets him do his crossing-guard shifts.",
    "S: Meds: tramadol ER 150 mg daily. She says it helps her get through her shift.",
    "S: Takes cyclobenzaprine 10 mg at bedtime. He says it gets him through the night.",
    "S: Gabapentin 300 mg TID. She states they make the burning tolerable.",
    "S: On Celebrex 200 mg daily; per pt it let her finish the school year.",
    "S: Uses Lidoderm 5% patch 12 hrs on, 12 off daily. Pt says the patch makes a real difference at work.",
    "S: Norco 5/325 BID. He says it is worth taking; without it he could not finish a shift.",
    "S: Continues duloxetine 60 mg daily. She feels it is working.",
])
def test_a_help_the_patient_reports_of_the_drug_is_subjective_improvement(text: str) -> None:
    assert _subjective(text) == "yes"


@pytest.mark.parametrize("text", [
    "S: She says the tramadol does not let her get through a shift.",
    "S: We hope the tramadol lets her get through her shift.",
    "S: Meds: tramadol 50 mg BID. The injection in May helped her get through the summer.",
    "S: Meds: tramadol 50 mg BID. She says it helps about 30%.",
    "S: Her husband lets her rest in the afternoons.",
    "S: Meds: none. She says her sister helps her get dressed.",
    "S: Gabapentin was stopped in March. She says it made no difference.",
    # a measured gain is objective improvement, not the unquantified "helps"
    "S: Norco 10/325 BID lets her walk her dog 30 min and do light housework.",
    "S: He states the naproxen lets him stand at the sorting line for his full 4-hour shift.",
])
def test_no_help_hoped_denied_quantified_or_of_something_else_is_no_subjective_improvement(text: str) -> None:
    assert _subjective(text) != "yes"
