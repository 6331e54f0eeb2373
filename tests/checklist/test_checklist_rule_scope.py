"""The what-if tries only rules that apply to the item, not every rule of its topic.

H-wave and TENS share a topic. CPMTG p. 117-118 considers an H-wave trial only for diabetic
neuropathic pain or chronic soft tissue inflammation (chronic soft-tissue injury: tendinitis, strain,
myofascial pain), after TENS and conservative care failed; the TENS rules' conditions (radiculopathy,
neuropathy, CRPS ...) can never make an H-wave request necessary, and trying them crowded the H-wave
rule's own conditions out of the search.
"""

from __future__ import annotations

from imr_engine.engine import load_engine
from imr_engine.precheck import precheck

_NOTE = """Date: 7/8/2015
Chronic low back pain radiating down the left leg (L5) since a fall at work 3/2013.
PT x 12 in 2013 and medications failed. TENS trial failed 4/2015 (30 days, no change in pain).
Continues his home exercise program daily.
Dx: Lumbar radiculopathy
"""


def test_the_h_wave_conditions_are_what_would_change_the_outcome() -> None:
    result = precheck(load_engine(), _NOTE, ["H-wave unit, 30-day home trial"])
    (item,) = result.checklist
    assert result.determination.items[0].predicted == "Upheld"
    changed = {(c.fact, tuple(c.becomes)) for s in item.to_change for c in s.changes if isinstance(c.becomes, list)}
    assert changed & {("diagnosis_groups", ("diabetic_neuropathy",)), ("diagnosis_groups", ("tendinitis",)),
                      ("diagnosis_groups", ("myalgia",))}
    assert not changed & {("diagnosis_groups", ("crps",)), ("diagnosis_groups", ("neuropathy",))}
