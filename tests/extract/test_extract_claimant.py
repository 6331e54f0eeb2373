"""Age and sex: generated phrasings read back; pronouns decide only a clear majority."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.extract import extract_text
from imr_engine.extract.numbers import number_word

WRITE_AGE = (
    lambda n: f"{n} year old",
    lambda n: f"{n}-year-old",
    lambda n: f"{n} years old",
    lambda n: f"{number_word(n)}-year-old",
    lambda n: f"{number_word(n)} year old",
)
SEX = (("male", "male"), ("female", "female"), ("man", "male"), ("woman", "female"))


@settings(deadline=None)  # the first call loads the vocabulary
@given(n=st.integers(16, 99), write=st.sampled_from(WRITE_AGE), sex=st.sampled_from(SEX))
def test_generated_ages_and_sex_read_back(n: int, write, sex: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    case = extract_text(f"The injured worker is a {write(n)} {sex[0]}, who sustained an industrial injury.", ["Norco"])
    assert case.claimant.age == n
    assert case.claimant.sex == sex[1]


def test_aged_and_y_o_forms() -> None:
    assert extract_text("Patient aged 61 with neck pain.", ["Norco"]).claimant.age == 61
    assert extract_text("A 45 y/o male with neck pain.", ["Norco"]).claimant.age == 45


def test_sex_from_pronouns_needs_a_clear_majority() -> None:
    her = "She reported her pain. Her medications helped her. She walks daily. He, the physician, agreed."
    assert extract_text(her, ["Norco"]).claimant.sex == "female"
    mixed = "She reported pain. He prescribed Norco. She agreed. He noted spasm."
    assert extract_text(mixed, ["Norco"]).claimant.sex == "unknown"


def test_the_reviewer_paragraphs_he_she_is_not_a_pronoun_vote() -> None:
    text = "He/she reviewed the file. He/she is licensed. He/she agreed. The worker is tired."
    assert extract_text(text, ["Norco"]).claimant.sex == "unknown"
