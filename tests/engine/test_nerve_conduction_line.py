"""A request line for nerve conduction studies alone, without needle EMG: read from the line only.

The ACOEM low back chapter recommends EMG (with H-reflex tests) for subtle focal dysfunction and says
nothing of nerve conduction studies for a radiculopathy; the ODG's NCS entry decides those (not for a
presumed radiculopathy, unless a peripheral neuropathy or entrapment is to be told apart)."""

from __future__ import annotations

import pytest

from imr_engine.engine.electrodiagnostics import nerve_conduction_only


@pytest.mark.parametrize("line", [
    "NCV bilateral lower extremities",
    "NCS of the left leg",
    "Nerve conduction studies, both legs",
    "Nerve conduction velocity testing R LE",
    "Nerve conduction study (NCV) bilateral upper extremities",
    "Bilateral LE nerve conduction studies, CPT 95910",
    "NCS only, right lower extremity",
])
def test_nerve_conduction_alone_is_read(line: str) -> None:
    assert nerve_conduction_only(line)


@pytest.mark.parametrize("line", [
    "EMG/NCS bilateral lower extremities",
    "NCV / EMG bilateral upper extremities",             # both named, NCS first
    "EMG bilateral lower extremities",
    "Electromyography and nerve conduction studies of both legs",
    "Needle EMG with nerve conduction, left arm",
    "Electrodiagnostic studies (NCS) bilateral lower extremities",
    "Nerve conduction studies with needle examination, CPT 95886",
    "EDX study of both lower limbs",
    "Electrodiagnostic testing of the legs",
])
def test_lines_with_needle_emg_are_not_nerve_conduction_alone(line: str) -> None:
    assert not nerve_conduction_only(line)
