"""'after the injection' in a plan orders the care asked for; it tells no injection had (reader13a, session 13).

A plan often lays out the care it requests in order: "6 visits PT after RFA", "brace to wear after the injection",
"aquatic therapy after the epidural". The injection there is the one requested, not a prior one; read as had, it
makes the request a repeat procedure, judged on the relief of an injection that never was (ODG Low Back, repeat
neurotomy; CPMTG p. 46, repeat blocks). Told as had - in the history, with its date, or with how it went - it is one.
"""

from __future__ import annotations

import pytest
from fragments import read_fragment

INJECTIONS = {"radiofrequency_ablation", "epidural_steroid_injection", "medial_branch_block", "facet_injection",
              "sacroiliac_joint_injection", "corticosteroid_injection"}


def _injections(text: str) -> list[str]:
    return [t.service for t in read_fragment(text).treatments if t.service in INJECTIONS]


@pytest.mark.parametrize("text", [
    "Plan: RFA as above; 6 visits PT after RFA to advance core strengthening; continue tramadol ER.",
    "Plan: 12 visits of aquatic therapy after the epidural, then HEP.",
    "Plan: lumbar brace to wear after the injection.",
    "Plan: post-injection PT, 6 visits, to start 1 week after the ESI.",
    "PLAN:\n1. Bilateral L4-5 MBB.\n2. Home exercise after the MBB, reassess in 2 weeks.",
    "Plan: TFESI L5-S1 requested; PT to resume after the TFESI.",
])
def test_an_injection_after_which_care_is_planned_is_not_one_had(text: str) -> None:
    assert _injections(text) == []


@pytest.mark.parametrize(("text", "service"), [
    ("HPI: Pain improved 60% after RFA in 2017.\nPlan: repeat RFA.", "radiofrequency_ablation"),
    ("Plan: she has done well after the RFA; repeat requested.", "radiofrequency_ablation"),
    ("Plan: she has done well after the RFA of 3/2016; repeat requested.", "radiofrequency_ablation"),
    ("Assessment and plan: Did well after ESI 3/2015, 70% relief x 4 months; repeat ESI requested.",
     "epidural_steroid_injection"),
    ("Plan: She was much better after the ESI last spring. Repeat L5-S1 TFESI.", "epidural_steroid_injection"),
    ("History: s/p L5-S1 TFESI 5/11/15 with 70% relief for 3 months.", "epidural_steroid_injection"),
])
def test_an_injection_told_as_had_is_one(text: str, service: str) -> None:
    assert service in _injections(text)
