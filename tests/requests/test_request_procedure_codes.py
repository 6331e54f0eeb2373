"""CPT codes on request lines name the service they bill; a ZIP code in an address names nothing.

Expected services follow the CPT descriptors (97110 therapeutic exercise, 64483 lumbar or sacral
transforaminal epidural injection, 20610 major-joint injection, 72148 lumbar MRI without contrast,
90837 psychotherapy, 98941 chiropractic manipulation of 3-4 regions, 97810 acupuncture, 99214 an
established-patient office visit, 95886 needle EMG, 29881 knee arthroscopy with meniscectomy, 63030
lumbar laminotomy, 01991 / 01992 anesthesia for a diagnostic or therapeutic nerve block or injection, 99152
moderate sedation). Many of these codes are also California ZIP codes (95886-95913 and 90832-90837
lie in ZIP ranges the state uses), so a code written as part of an address must not become a service.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vocabulary_edits import vocabulary_with

from imr_engine.errors import RuleError
from imr_engine.requests import parse_request
from imr_engine.resources import vocabulary_dir
from imr_engine.vocabulary import Vocabulary, load_vocabulary
from imr_engine.vocabulary.codes import expand_codes

CODED_LINES = [
    ("97110 x 8", "physical_therapy", 8), ("97110, 97112 x 12 visits", "physical_therapy", 12),
    ("64483 L5-S1", "epidural_steroid_injection", None), ("62323 x1", "epidural_steroid_injection", 1),
    ("64490 bilateral L4-5", "medial_branch_block", None), ("20610 right knee", "corticosteroid_injection", None),
    ("20552 x 4", "trigger_point_injection", 4), ("72148", "mri", None), ("73221 right shoulder", "mri", None),
    ("95886 x 2, 95911", "emg_ncs", 2), ("90837 x 6", "cognitive_behavioral_therapy", 6),
    ("96132", "psychological_evaluation", None), ("98941 x 6", "chiropractic", 6), ("97810 x 6", "acupuncture", 6),
    ("99214", "office_visit", None), ("29881 left knee", "knee_arthroscopy", None), ("63030 L5-S1", "lumbar_decompression", None),
    ("CPT 01991 x 1", "procedural_sedation", 1), ("01992 x 2", "procedural_sedation", 2), ("CPT 99152", "procedural_sedation", None),
]

ADDRESS_LINES = [
    "Sacramento, CA 95816", "123 Main St, Alturas, CA 96101", "Zip code 90832", "95864-1234",
    "Address: 1200 J Street, Sacramento 95864", "Long Beach, California 90837", "Suite 200, 95886",
]


@pytest.mark.parametrize(("line", "service", "visits"), CODED_LINES, ids=[c[0] for c in CODED_LINES])
def test_a_code_alone_names_the_service_it_bills(line: str, service: str, visits: int | None) -> None:
    item = parse_request(line)
    assert item.service == service
    assert item.visits == visits  # the code itself is never read as a count or a frequency


@pytest.mark.parametrize("line", ADDRESS_LINES)
def test_a_zip_code_in_an_address_is_no_service(line: str) -> None:
    assert parse_request(line).service is None


def test_a_named_service_wins_over_its_code() -> None:
    item = parse_request("Occupational therapy, right shoulder, 3x/week x 4 weeks (97110)")
    assert item.service == "physical_therapy" and item.visits == 12 and item.frequency_per_week == 3


CODES = sorted(load_vocabulary(vocabulary_dir()).services_by_code())
CALIFORNIA_ZIP_LIKE = [c for c in CODES if 90001 <= int(c) <= 96162]


def test_some_codes_are_also_california_zip_codes() -> None:
    """The reason for the address guard: without such codes the property below would test nothing."""
    assert len(CALIFORNIA_ZIP_LIKE) > 20


@settings(max_examples=60, deadline=None)
@given(code=st.sampled_from(CALIFORNIA_ZIP_LIKE), city=st.sampled_from(["Sacramento", "Long Beach", "Alturas", "Redding"]),
       state=st.sampled_from(["CA", "Calif.", "California"]), plus4=st.sampled_from(["", "-0001"]))
def test_no_code_written_as_a_zip_code_becomes_a_service(code: str, city: str, state: str, plus4: str) -> None:
    assert parse_request(f"{city}, {state} {code}{plus4}").service is None
    assert parse_request(f"{code}-1234").service is None


def test_code_ranges_expand_and_bad_ones_are_refused() -> None:
    assert expand_codes(["97161-97163", "97110"]) == ["97161", "97162", "97163", "97110"]
    for bad in ["9711", "97110-97100", "97110-98110", "J1030"]:
        with pytest.raises(ValueError):
            expand_codes([bad])


def _services_with(tmp_path: Path, old: str, new: str) -> Path:
    return vocabulary_with(tmp_path, "services.yaml", old, new)


def test_a_code_billing_two_services_fails_loading(tmp_path: Path) -> None:
    copy = _services_with(tmp_path, 'codes: ["97124"]', 'codes: ["97124", "97110"]')
    with pytest.raises(RuleError) as caught:
        Vocabulary.load(copy)
    assert "service 'massage'" in caught.value.message and "97110" in caught.value.message


def test_a_malformed_code_fails_loading(tmp_path: Path) -> None:
    copy = _services_with(tmp_path, 'codes: ["97124"]', 'codes: ["9712"]')
    with pytest.raises(RuleError) as caught:
        Vocabulary.load(copy)
    assert "service 'massage'" in caught.value.message and "'9712'" in caught.value.message
