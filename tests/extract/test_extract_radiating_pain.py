"""Pain that travels from the spine into a limb is radicular (neuropathic) pain, whatever the verb.

Clinicians write it as "radiating down the leg", "running from the back down to the foot",
"travels into the calf", "shooting into the L leg", "going down the right arm" or simply "pain
down the left leg" (MTUS CPMTG: antidepressants and antiepilepsy drugs are first-line for
neuropathic pain, of which radiculopathy is the common case).
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _neuropathic(sentence: str) -> str:
    case = extract_text(f"DOS: 04/07/2016\nHPI: {sentence}\n", ["Cymbalta 30 mg #30"])
    return case.clinical.neuropathic_pain.value


@pytest.mark.parametrize("sentence", [
    "She has chronic low back pain radiating down the left leg to the foot.",
    "She developed chronic pain running from the back down to the left foot.",
    "Low back pain that travels down into the right calf.",
    "LBP shooting into the L leg.",
    "Neck pain going down the right arm to the fingers.",
    "Pain down the left leg at night, worse with sitting.",
    "Pain runs into the RLE when he bends.",
    "Back pain spreading to both thighs.",
])
def test_pain_travelling_into_a_limb_is_neuropathic(sentence: str) -> None:
    assert _neuropathic(sentence) == "yes"


@pytest.mark.parametrize("sentence", [
    "Denies pain going down the legs.",
    "No pain radiating into the legs.",
])
def test_a_denied_radiation_is_a_documented_absence(sentence: str) -> None:
    assert _neuropathic(sentence) == "no"


@pytest.mark.parametrize("sentence", [
    "He goes to the gym and runs to the store daily.",
    "Her knee pain extends to the thigh.",
    "Pain is localized to the low back.",
])
def test_movement_or_local_pain_is_not_radiation(sentence: str) -> None:
    assert _neuropathic(sentence) == "unknown"
