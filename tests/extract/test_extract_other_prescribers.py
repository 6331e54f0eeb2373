"""Other prescribers of controlled drugs (CPMTG p. 78-80, CURES): a controlled drug the worker now gets from another
prescriber documents them; a past one, a drug started elsewhere and now prescribed here, or a non-controlled drug from
the PCP does not. Sentences written for these tests."""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _other(note: str) -> str:
    return extract_text(note, ["Oxycodone 10 mg #90"]).monitoring.other_prescribers.value


@pytest.mark.parametrize("note", [
    "CURES 10/04/2021: oxycodone from this office only, plus alprazolam 0.5 mg #30 monthly from his PCP.\n",
    "Alprazolam 0.5 mg prn anxiety - prescribed by PCP (not the PTP).\n",
    "Also received alprazolam 0.5 mg #30 from PCP 7/2019.\n",
    "CURES shows a second prescriber (ER visit 12/2016, oxycodone #12).\n",
    "The ER prescribed Xanax 0.5 mg TID in February, which she takes daily.\n",
    "Zolpidem 10 mg qhs from her psychiatrist.\n",
])
def test_a_controlled_drug_from_another_prescriber_documents_other_prescribers(note: str) -> None:
    assert _other(note) == "yes"


@pytest.mark.parametrize("note", [
    "Hydrocodone 5/325 from urgent care x 2 weeks after the injury, stopped in 09/2012.\n",
    "Alprazolam 1 mg BID since 2020, prescribed originally by her psychiatrist, who retired.\n",
    "Zolpidem 10 mg nightly since 2015, started by his PCP, now refilled here.\n",
    "Lisinopril 20 mg daily from his PCP.\n",
])
def test_a_past_transferred_or_uncontrolled_drug_from_elsewhere_does_not(note: str) -> None:
    assert _other(note) != "yes"
