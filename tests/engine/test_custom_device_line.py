"""A custom-fabricated device asked for on the request line (ODG Low Back, Back brace, post operative:
"a standard brace would be preferred over a custom post-op brace"): read from the line only."""

from __future__ import annotations

import pytest

from imr_engine.engine.devices import custom_requested


@pytest.mark.parametrize("line", [
    "Custom-molded lumbosacral orthosis (L0632)",
    "custom LSO",
    "TLSO, custom fabricated",
    "Lumbar brace - custom made",
    "Back brace made to measure",
    "CUSTOM MOLDED BACK BRACE POST OP",
    "c/f LSO after fusion",
])
def test_custom_devices_are_read(line: str) -> None:
    assert custom_requested(line)


@pytest.mark.parametrize("line", [
    "LSO, prefabricated, post-op",
    "Lumbar brace post-op",
    "Off-the-shelf lumbar support (custom fitted)",   # prefabricated, fitted: not custom-made
    "Custom compounded cream: ketoprofen 10%",        # a compound, not a device
    "Aspen LSO 627",
])
def test_prefabricated_devices_are_not(line: str) -> None:
    assert not custom_requested(line)
