"""GI risk factors for an NSAID as the CPMTG names them (p. 68), and what only sounds like one (issue 10, round 10).

The CPMTG's risk factors: age over 65, a history of peptic ulcer, GI bleeding or perforation, concurrent aspirin,
corticosteroids or an anticoagulant. A corticosteroid injected into a joint, bursa or tendon sheath is no systemic
corticosteroid, and an ulcer of the skin is no peptic ulcer. Fragments written for these tests.
"""

from __future__ import annotations

import pytest
from fragments import read_fragment


def _gi_risk(text: str) -> str:
    return read_fragment(text, "Naproxen 500 mg #60").clinical.gi_risk_factors.value


@pytest.mark.parametrize("text", [
    "Prior care: one right carpal tunnel corticosteroid injection 03/10/2015 - about 5 weeks of relief.",
    "Plan: subacromial corticosteroid inj today if UR allows.",
    "Had two corticosteroid injections to the knee last year.",
    "s/p corticosteroid shot to the trochanteric bursa 2015, helped.",
    "Dx: L98.499 non-pressure skin ulcer, residual limb.",
    "Diabetic foot ulcer healed 2014.",
    "Venous stasis ulcer of the left leg, wound care weekly.",
])
def test_a_local_corticosteroid_or_a_skin_ulcer_is_no_gi_risk(text: str) -> None:
    assert _gi_risk(text) == "unknown"


@pytest.mark.parametrize("text", [
    "PMH: peptic ulcer disease 2010.",
    "History of GI bleeding on ibuprofen in 2012.",
    "Takes oral corticosteroids for asthma flares.",
    "On anticoagulation (warfarin) for atrial fibrillation.",
    "Hx duodenal ulcers.",
])
def test_the_guideline_s_risk_factors_are_read(text: str) -> None:
    assert _gi_risk(text) == "yes"
