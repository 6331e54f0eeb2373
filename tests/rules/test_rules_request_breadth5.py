"""Request kinds the rule book did not cover before round cover9, written the ways RFAs write them.

Each line must reach the service the guideline names for it (the expected value is the guideline's
term for the request, not something read off the code) and be decided, never left Indeterminate:
chiropractic manipulative treatment (CPMTG p. 58-60), radiographs and casts of fractures (ACOEM
Ch. 11, 13, 14), pharmacogenomic panels (ODG Pain and Mental Illness & Stress, genetic testing),
office furniture requested as equipment (the ODG's DME definition).
"""

from __future__ import annotations

import pytest
from scenarios import build_case

from imr_engine.engine import Engine
from imr_engine.requests import parse_request

SERVICE_LINES = [
    # chiropractic manipulative treatment, as chiropractors abbreviate it
    ("CMT lumbar/pelvis 2x/wk x 3 wk (6 visits)", "chiropractic"), ("CMT 3-4 regions x 6", "chiropractic"),
    ("Chiropractic manipulative treatment, cervical, 6 visits", "chiropractic"),
    ("Spinal adjustments 2x3", "chiropractic"), ("Chiropractic adjustments x 8", "chiropractic"),
    # radiographs written "XR", read by the region they name
    ("XR R wrist 3 views", "x_ray"), ("XR lumbar spine AP/lat", "x_ray"), ("XR left knee 2 views", "x_ray"),
    ("XRs bilateral hands", "x_ray"),
    # casts
    ("remove + replace short arm fiberglass cast", "cast"), ("Short leg walking cast, left ankle", "cast"),
    ("Long arm cast application", "cast"), ("Cast change right wrist", "cast"), ("Recast R forearm", "cast"),
    # pharmacogenomic panels
    ("GeneSight pharmacogenomic panel", "genetic_testing"), ("PGx testing (cheek swab)", "genetic_testing"),
    ("Pharmacogenomic panel for antidepressant selection", "genetic_testing"), ("CYP2D6 genotyping", "genetic_testing"),
    # office furniture requested as equipment
    ("Motorized sit-stand desk for her workstation (DME)", "convenience_item"), ("Standing desk", "convenience_item"),
    ("Ergonomic chair", "convenience_item"), ("Sit/stand desk converter", "convenience_item"),
]

# A drug's extended-release suffix is never read as an x-ray.
DRUG_LINES = [("Seroquel XR 50 mg qhs", "quetiapine"), ("Metformin XR 500 mg", "metformin")]


@pytest.mark.parametrize(("line", "service"), SERVICE_LINES, ids=[line for line, _ in SERVICE_LINES])
def test_service_line_is_classified_and_decided(engine: Engine, line: str, service: str) -> None:
    assert parse_request(line).service == service
    result = engine.evaluate(build_case([line])).items[0]
    assert result.predicted != "Indeterminate", f"{line}: no rule or covering topic"


@pytest.mark.parametrize(("line", "ingredient"), DRUG_LINES, ids=[line for line, _ in DRUG_LINES])
def test_extended_release_suffix_is_not_an_x_ray(line: str, ingredient: str) -> None:
    parsed = parse_request(line)
    assert ingredient in parsed.ingredients
    assert parsed.service != "x_ray"


def test_bare_xr_names_no_imaging(engine: Engine) -> None:
    """With no region on the line or in the diagnoses, "XR" names nothing the rules can judge."""
    result = engine.evaluate(build_case(["XR"])).items[0]
    assert result.predicted == "Indeterminate"
