"""An injection told as done in the passive, its relief in the next sentence (helper reader13a, session 13).

"Diagnostic medial branch blocks bilateral L4-5 and L5-S1 were done 01/19/2016 ... Her diary showed about 80%
relief for the duration of the anesthetic": the block is one had, and the relief it gave is what a neurotomy's
criterion reads (ODG Low Back, facet joint radiofrequency neurotomy: a diagnostic block with at least 70 % relief);
a repeat block's or epidural's reads the earlier one's relief and weeks (CPMTG p. 46). An injection not done,
only planned or requested, or denied, is none.
"""

from __future__ import annotations

import pytest
from fragments import read_fragment


def _relief(text: str, service: str) -> list[float | None]:
    return [t.relief_percent for t in read_fragment(text).treatments if t.service == service]


@pytest.mark.parametrize(("text", "service", "percent"), [
    ("Diagnostic medial branch blocks bilateral L4-5 and L5-S1 were done 01/19/2016 with 0.5 mL 2% lidocaine per level, "
     "no sedation. Her post-block diary showed pain 7/10 pre-block, 1/10 at 30 min, 1-2/10 through 4 hours - about 80% "
     "relief for the duration of the anesthetic.", "medial_branch_block", 80.0),
    ("A right L5-S1 TFESI was performed on 3/2/2015. She reported 60% relief for 10 weeks.", "epidural_steroid_injection", 60.0),
    ("Left SI joint injection was given 11/28/16 under fluoroscopy. At two weeks she reported 80 percent improvement.",
     "sacroiliac_joint_injection", 80.0),
    ("Bilateral L4-5 facet injections were administered in January 2016. Relief was about 50% for two days.",
     "facet_injection", 50.0),
    ("Bilateral L3-4 and L4-5 MBBs have been performed with bupivacaine. He had 90% relief for six hours.",
     "medial_branch_block", 90.0),
])
def test_an_injection_done_in_the_passive_carries_the_relief_told_next(text: str, service: str, percent: float) -> None:
    assert percent in _relief(text, service)


@pytest.mark.parametrize(("text", "service"), [
    ("Medial branch blocks were not done, as the carrier denied them.", "medial_branch_block"),
    ("A right L5-S1 TFESI will be performed under fluoroscopy. We hope for 50% relief.", "epidural_steroid_injection"),
    ("The ESI was denied by UR on 3/1/2016. Pain is 7/10.", "epidural_steroid_injection"),
    ("Plan: bilateral L4-5 MBB to be performed next month; 80% relief would qualify her for RFA.", "medial_branch_block"),
])
def test_an_injection_not_done_is_none(text: str, service: str) -> None:
    assert _relief(text, service) == []


@pytest.mark.parametrize(("text", "weeks"), [
    ("She underwent a left SI joint injection on 11/28/2016 with 80 percent improvement. She says this relief lasted "
     "\"a good two months,\" and her diary agrees.", 8.6),
    ("Had a right L5-S1 TFESI 3/2015 with 70% relief that lasted a full 3 months.", 12.9),
    ("Underwent bilateral L4-5 facet injections 1/2016 - about 60% relief lasting a solid six weeks.", 6.0),
])
def test_how_long_an_injection_helped_said_fully_or_quoted(text: str, weeks: float) -> None:
    found = [t.relief_weeks for t in read_fragment(text).treatments if t.relief_weeks is not None]
    assert found and abs(found[0] - weeks) < 0.2, found
