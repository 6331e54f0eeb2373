"""A drug's dose split from how it is taken by a line break reads as one sentence, in any letter case.

A short line ending in a dose ("ibuprofen 800") followed by a line opening with how it is taken ("bid ...",
"1 q6h prn", "TID with ...") is one sentence the wrap broke; what the rest says of the drug ("helps a lot") is
said of it. In mixed case the next line's small letter says so; a note typed in capitals or in lower case gives
no such sign, so the dose and the frequency must. Texts written for these tests; expected values are what each
text states. Near-misses: a dose line followed by a new list entry or a new heading stays apart.
"""

from __future__ import annotations

import re

import pytest

from imr_engine.extract.note_layout import note_sentences
from imr_engine.extract.textmap import TextMap

_OPENING = ("Subjective complaints:\nThe worker returns for follow-up of chronic low back pain after a lifting injury at\n"
            "the warehouse, with pain across the belt line and no leg symptoms since the last visit.\n")
_CLOSING = ("Objective findings:\nLumbar flexion to 70 degrees, mild paraspinal tenderness, straight leg raise negative on\n"
            "both sides, strength and sensation intact in both legs.\n")


def _sentences(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", s.text) for s in note_sentences(TextMap.build(text, rejoin_words=True))]


RUN_ON = [
    ("no leg sx. ibuprofen 800\nbid \"helps a lot\", no GI upset.", "ibuprofen 800 bid \"helps a lot\""),
    ("Taking Norco 10/325 mg\nq6h prn, which takes the edge off.", "Norco 10/325 mg q6h prn"),
    ("Continues gabapentin 300 mg\nTID with good effect on the burning.", "gabapentin 300 mg TID"),
    ("pt on naproxen 500\ntwice daily, says it helps.", "naproxen 500 twice daily"),
    ("Meloxicam 15 mg\ndaily - helps w/ stiffness.", "Meloxicam 15 mg daily"),
    ("uses tramadol 50\nq8h prn for flares.", "tramadol 50 q8h prn"),
]


@pytest.mark.parametrize("case", ["as written", "capitals", "lower case"])
@pytest.mark.parametrize(("text", "together"), RUN_ON)
def test_a_dose_and_its_frequency_stay_in_one_sentence(text: str, together: str, case: str) -> None:
    change = {"as written": str, "capitals": str.upper, "lower case": str.lower}[case]
    note = change(_OPENING + text + "\n" + _CLOSING)
    assert any(change(together) in s for s in _sentences(note)), _sentences(note)


NEAR_MISSES = [
    ("Medications:\n- ibuprofen 800\n- bid dosing reviewed", "ibuprofen 800 - bid"),
    ("Pain 6/10\nPLAN: PT 2x4", "6/10 PLAN"),
    ("Ibuprofen 800\n\nDaily exercise program reviewed.", "800 Daily"),
]


@pytest.mark.parametrize(("text", "apart"), NEAR_MISSES)
def test_a_dose_line_before_a_new_entry_stays_apart(text: str, apart: str) -> None:
    for change in (str, str.upper, str.lower):
        got = _sentences(change(_OPENING + text + "\n" + _CLOSING))
        assert not any(change(apart) in s for s in got), got
