"""A lidocaine patch asked for one peripheral site treats pain localized there (CPMTG p. 56-57).

The CPMTG recommends topical lidocaine "for localized peripheral pain after there has been evidence of a trial
of first-line therapy (tri-cyclic or SNRI anti-depressants or an AED such as gabapentin or Lyrica)". Notes
describe the pain at the wrist or the knee without the word "localized"; the request names where the patch
goes. Spine and whole-limb sites (axial or radicular pain) are not read so, nor are forms other than a patch,
nor a record that says the pain is widespread.
"""

from __future__ import annotations

import pytest
from scenarios import build_case, finding

from imr_engine.engine import Engine

RULE = "cpmtg.lidocaine-patch.localized-neuropathic-after-first-line"
NEUROPATHIC = {"neuropathic_pain": finding("yes", "burning, allodynia, Tinel positive")}
GABAPENTIN_FAILED = [{"name": "gabapentin", "status": "tried_failed",
                      "evidence": [{"quote": "gabapentin 900 TID x 4 mo - dizzy, no benefit", "source": "summary"}]}]


def _item(engine: Engine, line: str, clinical: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    case = build_case([line], medications=GABAPENTIN_FAILED, clinical={**NEUROPATHIC, **(clinical or {})})
    return engine.evaluate(case).items[0]


@pytest.mark.parametrize("line", [
    "Lidoderm (lidocaine 5%) patch #30, 1 patch to L palm/wrist 12 h on / 12 h off",
    "lidocaine 5% patch apply to R elbow 12h on/12h off #30",
    "Lidoderm patches #30 - R knee",
    "LIDODERM 5% PATCH TO LEFT FOOT, 1 DAILY, #30",
    "Lidocaine patch, rt ankle (lateral), 12 on 12 off",
    "Lidoderm 5% to the right shoulder, one patch daily",
])
def test_a_patch_for_one_peripheral_site_is_for_localized_pain(engine: Engine, line: str) -> None:
    item = _item(engine, line)
    assert RULE in {r.rule_id for r in item.rules}
    assert item.predicted == "Overturned"


@pytest.mark.parametrize("line", [
    "Lidoderm 5% patch #30 to low back 12 h on/off",  # axial or radicular: not peripheral
    "Lidocaine 5% patch to neck #30",
    "Lidoderm patch to L leg #30",  # a whole limb
    "Lidoderm 5% patch #30",  # no site named
    "Lidocaine 5% ointment to R wrist TID",  # not a patch
])
def test_no_localized_pain_is_read_elsewhere(engine: Engine, line: str) -> None:
    assert RULE not in {r.rule_id for r in _item(engine, line).rules}


def test_a_record_that_says_the_pain_is_widespread_keeps_its_word(engine: Engine) -> None:
    item = _item(engine, "Lidoderm 5% patch #30 to R wrist",
                 clinical={"localized_pain": finding("no", "diffuse pain both arms and neck")})
    assert RULE not in {r.rule_id for r in item.rules}
