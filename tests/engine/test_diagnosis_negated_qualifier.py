"""A diagnosis that names a condition only to deny it ("without radiculopathy") is not in that condition's group.

ICD-10 titles and clinicians write the absence into the diagnosis itself: "Spondylosis without myelopathy or
radiculopathy, lumbar region" (M47.816), "lumbar strain, no radiculopathy". The guideline criteria that turn on a
radiculopathy (ESI, facet blocks for non-radicular pain, the neuritis visit count) must not read it there.
Wordings written for this test.
"""

from __future__ import annotations

import pytest

from imr_engine.engine import load_engine

DENIED = [
    ("Spondylosis without myelopathy or radiculopathy, lumbar region", "neuritis_radiculitis"),
    ("Spondylosis without myelopathy or radiculopathy, lumbar region", "myelopathy"),
    ("Lumbar facet arthropathy L4-5, bilateral, without radiculopathy", "neuritis_radiculitis"),
    ("Cervical spondylosis w/o radiculopathy", "neuritis_radiculitis"),
    ("Lumbar strain, no radiculopathy", "neuritis_radiculitis"),
    ("Lumbar degenerative disc disease without radicular symptoms", "neuritis_radiculitis"),
    ("Chronic low back pain, negative for radiculopathy", "neuritis_radiculitis"),
]
KEPT = [
    ("Lumbar strain, no radiculopathy", "myalgia"),
    ("Lumbar disc herniation with radiculopathy", "neuritis_radiculitis"),
    ("L5 radiculopathy without motor deficit", "neuritis_radiculitis"),
    ("Cervical radiculopathy, no myelopathy", "neuritis_radiculitis"),
    ("Lumbar spondylosis with radiculopathy, not improved", "neuritis_radiculitis"),
]


@pytest.mark.parametrize(("name", "group"), DENIED)
def test_a_denied_condition_gives_no_group(name: str, group: str) -> None:
    assert group not in load_engine().vocabulary.diagnosis_groups_of(name)


@pytest.mark.parametrize(("name", "group"), KEPT)
def test_the_condition_named_keeps_its_group(name: str, group: str) -> None:
    assert group in load_engine().vocabulary.diagnosis_groups_of(name)
