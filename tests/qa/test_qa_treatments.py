"""Prior courses of care scored against an answer key: the pairing by service and the three tallies."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from imr_engine.qa.treatments import KEYS, key_courses, score_courses
from imr_engine.vocabulary import load_vocabulary


def _counts(tallies: dict[str, Counter[str]], key: str) -> tuple[int, int, int]:
    t = tallies[key]
    return t["correct"], t["extracted"], t["documented"]


def test_a_course_read_as_the_key_has_it_is_right_on_every_key() -> None:
    want = [("physical_therapy", 12, "improved")]
    tallies, misses = score_courses(want, list(want))
    assert all(_counts(tallies, k) == (1, 1, 1) for k in KEYS)
    assert misses == []


def test_a_course_of_the_same_service_is_paired_by_its_sessions() -> None:
    want = [("physical_therapy", 12, None), ("physical_therapy", 6, "no_improvement")]
    got = [("physical_therapy", 6, "no_improvement"), ("physical_therapy", 12, None)]
    tallies, misses = score_courses(want, got)
    assert _counts(tallies, "treatments.sessions") == (2, 2, 2)
    assert _counts(tallies, "treatments.effect") == (1, 1, 1)
    assert misses == []


def test_a_course_only_one_side_gives_counts_against_that_side() -> None:
    tallies, misses = score_courses([("acupuncture", 6, None)], [("chiropractic", None, "improved")])
    assert _counts(tallies, "treatments") == (0, 1, 1)
    assert _counts(tallies, "treatments.sessions") == (0, 0, 1)
    assert _counts(tallies, "treatments.effect") == (0, 1, 0)
    assert ("treatments", "acupuncture", None) in misses and ("treatments", None, "chiropractic") in misses


def test_a_wrong_count_of_sessions_is_a_miss_of_the_sessions_only() -> None:
    tallies, misses = score_courses([("physical_therapy", 12, None)], [("physical_therapy", 8, None)])
    assert _counts(tallies, "treatments") == (1, 1, 1)
    assert _counts(tallies, "treatments.sessions") == (0, 1, 1)
    assert misses == [("treatments.sessions", "physical_therapy:12", "physical_therapy:8")]


def test_the_key_s_service_names_are_read_through_the_vocabulary() -> None:
    vocab = load_vocabulary()
    courses = key_courses([{"service": "physical_therapy", "sessions": 12, "effect": "improved"},
                           {"service": "epidural_steroid_injection", "effect": "unknown"}, {"sessions": 3}], vocab)
    assert courses == [("physical_therapy", 12, "improved"), ("epidural_steroid_injection", None, None)]


_COURSE = st.tuples(st.sampled_from(["physical_therapy", "chiropractic", "acupuncture"]),
                    st.none() | st.integers(0, 30), st.none() | st.sampled_from(["improved", "no_improvement"]))


@given(st.lists(_COURSE, max_size=5), st.lists(_COURSE, max_size=5))
def test_right_values_never_exceed_either_side(want: list, got: list) -> None:
    tallies, _ = score_courses(want, got)
    for key in KEYS:
        right, extracted, documented = _counts(tallies, key)
        assert right <= extracted and right <= documented
    assert _counts(tallies, "treatments")[1:] == (len(got), len(want))


def test_a_key_s_generic_name_pairs_with_the_course_the_reader_names() -> None:
    known = frozenset({"corticosteroid_injection", "wrist_splint", "knee_brace", "physical_therapy"})
    want = [("injection", None, "improved"), ("splinting", None, None), ("bracing", None, None)]
    got = [("corticosteroid_injection", None, "improved"), ("wrist_splint", None, None), ("knee_brace", None, None)]
    tallies, misses = score_courses(want, got, known)
    assert _counts(tallies, "treatments") == (3, 3, 3) and misses == []
    # a generic name pairs with nothing that shares no word with it, and a known service pairs by name only
    tallies, _ = score_courses([("injection", None, None)], [("physical_therapy", None, None)], known)
    assert _counts(tallies, "treatments") == (0, 1, 1)
    tallies, _ = score_courses([("knee_brace", None, None)], [("wrist_splint", None, None)], known)
    assert _counts(tallies, "treatments") == (0, 1, 1)


def test_relief_that_did_not_last_is_the_key_s_temporary() -> None:
    vocab = load_vocabulary()
    courses = key_courses([{"service": "chiropractic", "sessions": 8, "effect": "temporary"}], vocab)
    assert courses == [("chiropractic", 8, "temporary")]
    tallies, misses = score_courses(courses, [("chiropractic", 8, "improved")])
    assert _counts(tallies, "treatments.effect") == (0, 1, 1)


def test_a_study_or_evaluation_is_no_course() -> None:
    """corpus/README.md: imaging, electrodiagnostic studies and evaluations are never a `treatments` entry."""
    from imr_engine.facts import CaseFacts
    from imr_engine.facts.model import Treatment
    from imr_engine.qa.treatments import read_courses

    vocab = load_vocabulary()
    case = CaseFacts.model_construct(treatments=[
        Treatment(name="psych eval", kind="psychological", service="psychological_evaluation"),
        Treatment(name="labs", kind="other", service="laboratory_tests"),
        Treatment(name="PT", kind="physical_therapy", service="physical_therapy", sessions=12)])
    assert read_courses(case, vocab) == [("physical_therapy", 12, None)]
    assert len(read_courses(case)) == 3
