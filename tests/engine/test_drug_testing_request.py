"""A drug-testing request line that asks to confirm a screen (ODG Pain: confirmation for unexpected results).

Spellings written for this test in the ways RFAs name definitive testing, and screening lines that must not read so.
"""

from __future__ import annotations

import pytest

from imr_engine.engine.drug_testing import confirmatory_requested


@pytest.mark.parametrize("line", [
    "Confirmatory urine drug testing (LC-MS/MS) of today's specimen",
    "GC/MS confirmation of the POC screen",
    "Send specimen for confirmation",
    "UDT with LC/MS/MS confirmation",
    "Definitive drug testing, 22+ classes (G0483)",
    "Quantitative urine drug testing",
    "Drug testing 80365 x1",
    "Urine tox - confirm positive benzodiazepine by mass spectrometry",
])
def test_confirmatory_lines(line: str) -> None:
    assert confirmatory_requested(line)


@pytest.mark.parametrize("line", [
    "Urine drug screen x1",
    "Point-of-care UDS at next visit",
    "Random urine drug screen quarterly",
    "Urine toxicology screen (80305)",
    "UDT 4x/year",
    # a screen with its confirmation is screening, judged by the frequency for the worker's risk
    "Urine drug screen, point-of-care with confirmatory testing",
    "Urine drug test (point-of-care immunoassay with confirmation of positives)",
    "UDS (POC + confirm), on hydrocodone",
    "Urine drug test, presumptive + definitive",
    "Random urine drug screen (POC + lab confirmation)",
])
def test_screening_lines(line: str) -> None:
    assert not confirmatory_requested(line)
