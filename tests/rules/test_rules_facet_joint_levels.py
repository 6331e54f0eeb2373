"""Facet joint levels of a medial branch block or neurotomy request, named by joint or by nerve (reader13a, session 13).

ODG Low Back (facet joint diagnostic blocks; facet joint radiofrequency neurotomy) limits a session to two facet
joint levels. A request names the joints ("L4-5 and L5-S1"), the nerves that supply them ("L3, L4, L5 medial
branches"), or both. Each lumbar facet joint is supplied by two nerves, the medial branch of its own level's
dorsal ramus and the one above (L4-5 by the L3 and L4 medial branches; L5-S1 by the L4 medial branch and the L5
dorsal ramus), so the nerves of a run of joints number one more than the joints: three nerves are two joints,
not three levels, and joints named beside their nerves are counted once. An epidural injection's levels are
nerve roots and segments, each counted (CPMTG p. 46).
"""

from __future__ import annotations

import datetime as dt

import pytest
from scenarios import build_case

from imr_engine.engine import Engine
from imr_engine.engine.derive import derive_items


def _levels(engine: Engine, request: str) -> int | None:
    case = build_case([request])
    items = engine._requested_items(case)  # the parse evaluation itself uses
    return derive_items(case, items, dt.date(2015, 6, 1), engine.vocabulary)[0].facts.levels_requested


@pytest.mark.parametrize(("request_line", "joints"), [
    ("Repeat bilateral L3-4 and L4-5 radiofrequency ablation (L2, L3, L4 medial branches)", 2),
    ("Radiofrequency ablation bilateral L4-5, L5-S1 medial branches / L5 dorsal ramus", 2),
    ("Lumbar medial branch RFA L3, L4, L5 left", 2),
    ("Left L3, L4 medial branch blocks and L5 dorsal ramus block", 2),
    ("Bilateral L4-L5 and L5-S1 facet RFA", 2),
    ("Right L4 and L5 medial branch blocks under fluoroscopy", 1),
    ("Cervical radiofrequency neurotomy right C5-6 and C6-7 (C5, C6, C7 medial branches)", 2),
    ("RFA L3-4, L4-5, L5-S1 bilateral", 3),
    ("Medial branch block L2, L3, L4, L5 right", 3),
])
def test_a_facet_procedure_counts_the_joints_its_nerves_supply(engine: Engine, request_line: str, joints: int) -> None:
    assert _levels(engine, request_line) == joints


@pytest.mark.parametrize(("request_line", "levels"), [
    ("Transforaminal epidural steroid injection left L4-5 and L5-S1", 2),
    ("Left L5 and S1 transforaminal ESI", 2),
    ("L3, L4, L5 transforaminal epidural steroid injections", 3),
])
def test_an_epidural_injection_counts_every_level_it_names(engine: Engine, request_line: str, levels: int) -> None:
    assert _levels(engine, request_line) == levels
