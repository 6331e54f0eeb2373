"""Sleep as notes tell it: said fine with a dash or a quote, and lost in a bilingual note's Spanish quote.

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _sleep(note: str) -> str | None:
    return extract_text(note, ["Functional restoration program x 10 days"]).clinical.sleep_disturbance.value


@pytest.mark.parametrize("note", [
    'Sleep - "ok", 7 hrs.\n',
    "Sleep - fine, no waking.\n",
    "Sleeping - 'good' per pt.\n",
    "Sleep: \"well\" most nights.\n",
])
def test_sleep_said_fine_after_a_dash_or_in_quotes(note: str) -> None:
    assert _sleep(note) == "no"


@pytest.mark.parametrize("note", [
    'Pain at night when lying on R side ("no puedo dormir de ese lado").\n',
    'Dolor 7/10, "no duermo bien por el dolor".\n',
    'Reports "me despierta el dolor" 3 nights a week.\n',
    "Refiere insomnio desde la lesión.\n",
])
def test_sleep_lost_in_a_spanish_quote(note: str) -> None:
    assert _sleep(note) == "yes"


@pytest.mark.parametrize("note", [
    "Dolor del hombro derecho 6/10, peor al levantar el brazo.\n",
    "Sleep - not discussed today.\n",
])
def test_no_word_on_sleep_leaves_it_out(note: str) -> None:
    assert _sleep(note) not in ("yes", "no")
