"""A negation told after the term, within its clause (issue 10, reader round 10).

Clinicians deny a finding or a step of monitoring after naming it as often as before: "UDS was not done",
"CURES has not been checked", "sleep is not disturbed", "spasm was not noted". Read as affirmed, "UDS was not
done" counted as a drug screen done and "sedation not reported" as a side effect. A result is no absence ("UDS
not consistent" is a screen done), and a negation in the next clause says nothing of the term. Fragments written
for these tests, several per class; the property draws the auxiliary, the negation and the verb.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imr_engine.extract import extract_text
from imr_engine.extract.negation import polarity


def _polarity(sentence: str, term: str) -> str:
    at = sentence.index(term)
    return polarity(sentence, at, at + len(term))


@pytest.mark.parametrize(("sentence", "term"), [
    ("UDS was not done at this visit.", "UDS"),
    ("CURES not reviewed.", "CURES"),
    ("CURES report has not been checked yet.", "CURES"),
    ("Urine drug screen hasn't been done.", "Urine drug screen"),
    ("Sleep is not disturbed.", "Sleep"),
    ("Opioid agreement was never signed.", "Opioid agreement"),
    ("Sedation not reported; mild constipation.", "Sedation"),
    ("Muscle spasm was not appreciated on palpation.", "Muscle spasm"),
    ("Trigger points were not elicited.", "Trigger points"),
])
def test_a_negation_after_the_term_in_its_clause_denies_it(sentence: str, term: str) -> None:
    assert _polarity(sentence, term) == "negated"


@pytest.mark.parametrize(("sentence", "term"), [
    ("UDS not consistent with the prescribed tramadol.", "UDS"),
    ("UDS done 2/1; CURES not reviewed.", "UDS"),
    ("Spasm noted in the traps, but not reported by the patient before.", "Spasm"),
    ("Sleep is poor, mood not depressed.", "Sleep"),
    ("CURES reviewed today and was not concerning.", "CURES"),
])
def test_a_negation_of_something_else_leaves_the_term_affirmed(sentence: str, term: str) -> None:
    assert _polarity(sentence, term) == "affirmed"


_AUX = st.sampled_from(["", "was ", "is ", "has been ", "were ", "have been "])
_NOT = st.sampled_from(["not ", "never "])
_VERB = st.sampled_from(["done", "performed", "checked", "reviewed", "noted", "present", "seen", "obtained",
                         "disturbed", "signed", "reported", "completed"])
_TERM = st.sampled_from(["UDS", "CURES", "Spasm", "Sedation", "Opioid agreement", "Sleep"])


@given(_TERM, _AUX, _NOT, _VERB)
def test_term_then_negated_verb_is_negated_and_without_the_negation_affirmed(
    term: str, aux: str, neg: str, verb: str
) -> None:
    assert _polarity(f"{term} {aux}{neg}{verb}.", term) == "negated"
    assert _polarity(f"{term} {aux}{verb}.", term) == "affirmed"
    assert _polarity(f"{term} is present; the other {aux}{neg}{verb}.", term) == "affirmed"


@pytest.mark.parametrize(("text", "key", "value"), [
    ("UDS was not done at this visit.", "monitoring.urine_drug_screen", None),
    ("Urine drug screen hasn't been done yet.", "monitoring.urine_drug_screen", None),
    ("Side effects: sedation not reported.", "monitoring.side_effects", None),
    ("UDS 2/1/16 consistent with tramadol.", "monitoring.urine_drug_screen", "consistent"),
])
def test_through_extraction(text: str, key: str, value: str | None) -> None:
    from imr_engine.corpus.notes import case_values
    from imr_engine.vocabulary import load_vocabulary

    case = extract_text("Date of service: 03/14/2016\n" + text + "\n", ["Norco 10/325 mg #90"])
    assert case_values(case, load_vocabulary())[key] == value
