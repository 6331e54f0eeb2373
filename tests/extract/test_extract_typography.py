"""A note typed in a word processor or exported from an EHR reads as one typed on a keyboard.

Curly quotes, en and em dashes, non-breaking spaces and a share spelt out ("58 percent") are how Word and
EHR templates write what clinicians type as ', -, a space and %. Expected values are what each fragment
states (a pain range, a relief share, a denial); the quotes keep the note's own characters.
"""

from __future__ import annotations

from fragments import read_fragment
from hypothesis import given
from hypothesis import strategies as st

from imr_engine.extract.typography import fold_typography

TYPED = (
    "MEDICATIONS: Norco 10/325 mg 1 tab q6h prn - pain 7/10 without it, 3/10 with it; "
    "the patient's pain is better, she doesn't report side effects.\n"
    "ASSESSMENT: Lumbar radiculopathy L4-5.\n"
)


def _word_processed(text: str) -> str:
    return (text.replace("'", "\u2019").replace(" - ", " \u2013 ").replace("L4-5", "L4\u20135")
            .replace(" mg", "\u00a0mg"))


def test_a_word_processed_note_gives_the_facts_of_the_typed_one() -> None:
    typed = read_fragment(TYPED, "Norco 10/325 mg #120").model_dump(mode="json", exclude={"case_id"})
    processed = read_fragment(_word_processed(TYPED), "Norco 10/325 mg #120")
    assert [p.score for p in processed.pain_scores] == [p["score"] for p in typed["pain_scores"]]
    assert [m.name for m in processed.medications] == [m["name"] for m in typed["medications"]]
    assert processed.monitoring.side_effects is not None and processed.monitoring.side_effects.value == "no"


def test_the_quotes_keep_the_notes_own_characters() -> None:
    processed = read_fragment(_word_processed(TYPED), "Norco 10/325 mg #120")
    quotes = [e.quote for f in processed.pain_scores for e in f.evidence]
    assert quotes and any("\u2013" in q for q in quotes), quotes


def test_a_share_spelt_out_is_read_as_one_with_its_sign() -> None:
    # the Oswestry index grades 41-60 % as severe disability
    program = "Functional restoration program 160 hours"
    signed = read_fragment("Testing: ODI 58% (severe disability), PHQ-9 14.", program)
    spelt = read_fragment("Testing: ODI 58 percent (severe disability), PHQ-9 14.", program)
    assert _values(spelt.model_dump(mode="json")) == _values(signed.model_dump(mode="json"))
    assert signed.clinical.significant_functional_loss.value == "yes"  # the share was read at all


def _values(dumped: object) -> object:
    """The facts without their quotes and offsets, which differ by the words' own lengths."""
    if isinstance(dumped, dict):
        return {k: _values(v) for k, v in dumped.items() if k not in ("evidence", "start", "end", "quote")}
    if isinstance(dumped, list):
        return [_values(v) for v in dumped]
    return dumped


@given(st.text(max_size=200))
def test_folding_keeps_every_offset(text: str) -> None:
    # one character for one: every quote cut by offset stands where it stood
    assert len(fold_typography(text)) == len(text)
