"""`Vocabulary.identify` and `mentions` read a text's names once; they must find what reading each piece alone found.

Readers used to ask `identify(text[end:])` after each name they found, and `identify(text[:40])`
of a sentence's first words, tokenising each piece again every time. Now a text's names are read
once and shared by every reader of it. The references below are `identify` as it read a piece on
its own (`identify_alone`, kept here as the definition) and the loop over suffixes. The shared
reading must give the same names at the same places on real sentences (every letter and note of
the corpus and the bundled cases) and on generated text built from the vocabulary's own
spellings, with the shapes that make pieces differ from the whole: asides in parentheses that a
name spans, that a walk ends inside or that a piece cuts, '#' names ("Tylenol #3"), names glued
to words or cut by the piece's end, plurals, upper case and look-alike letters.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from held_out import held_out
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.vocabulary import Identity, load_vocabulary

ROOT = Path(__file__).resolve().parents[2]
VOCAB = load_vocabulary()
CATEGORY_SETS = [("product", "ingredient"), ("service",), ("product", "service", "ingredient")]


_INDEX = {"product": VOCAB._idx.products, "service": VOCAB._idx.services, "ingredient": VOCAB._idx.ingredients}


def identify_alone(text: str, categories: tuple[str, ...]) -> tuple[str, str, int, int] | None:
    """The first name of *text* read on its own: outside asides, then with them; a '#' name first, then each index's first."""
    for candidate in (re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text), text):
        best: tuple[int, int, str, str, int] | None = None  # (start, -words, category, key, end)
        if "product" in categories and (hashed := VOCAB.hash_aliases(candidate)):
            start, end, key = min(hashed)
            best = (start, -99, "product", key, end)
        for category in categories:
            match = _INDEX[category].first(candidate)
            if match and (best is None or (match.start, -match.words) < best[:2]):
                best = (match.start, -match.words, category, match.value, match.end)
        if best:
            return best[2], best[3], best[0], best[4]
    return None


def suffix_by_suffix(text: str, categories: tuple[str, ...]) -> list[tuple[str, str, int, int]]:
    """The names found by reading the rest of the text after each name on its own (the old way)."""
    found = []
    pos = 0
    while pos < len(text):
        hit = identify_alone(text[pos:], categories)
        if hit is None:
            break
        found.append((hit[0], hit[1], pos + hit[2], pos + hit[3]))
        pos += hit[3]
    return found


def shared(text: str, categories: tuple[str, ...], end: int | None = None) -> tuple[str, str, int, int] | None:
    hit = VOCAB.identify(text, categories, end=end)  # type: ignore[arg-type]
    return None if hit is None else (hit.category, hit.key, hit.start, hit.end)


def one_pass(text: str, categories: tuple[str, ...]) -> list[tuple[str, str, int, int]]:
    hits: list[Identity] = VOCAB.mentions(text, categories)  # type: ignore[arg-type]
    return [(h.category, h.key, h.start, h.end) for h in hits]


def _sentences() -> list[str]:
    """Every distinct sentence of the tune half's notes and letters and of the bundled cases' letters."""
    files = [*sorted(ROOT.glob("corpus/notes/tune/*.txt")), *sorted(ROOT.glob("corpus/decisions/tune/letters/*.txt")),
             *sorted(ROOT.glob("cases/*/letter.txt"))]
    out: set[str] = set()
    for path in files:
        if held_out(path):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        out.update(s for s in re.split(r"(?<=[.;:!?\n])\s+", text) if s.strip())
    return sorted(out)


def test_real_sentences_give_the_same_names_at_the_same_places() -> None:
    """`mentions` walks as the suffixes read alone did, and `identify` finds the first of them."""
    sentences = _sentences()
    assert len(sentences) > 5_000
    named = 0
    for categories in CATEGORY_SETS:
        for sentence in sentences:
            expected = suffix_by_suffix(sentence, categories)
            assert one_pass(sentence, categories) == expected, sentence
            assert shared(sentence, categories) == (expected[0] if expected else None), sentence
            named += len(expected) > 1
    assert named > 500  # many sentences name more than one thing: the walk is exercised


#: Where readers cut a sentence's first words (the study and dated-result readers), and other cuts.
_ENDS = (12, 40, 60)


def test_real_sentences_first_words_give_the_same_first_name() -> None:
    sentences = _sentences()
    cut = 0
    for sentence in sentences:
        for categories in CATEGORY_SETS:
            for end in _ENDS:
                if end < len(sentence):
                    cut += 1
                    assert shared(sentence, categories, end) == identify_alone(sentence[:end], categories), (sentence, end)
    assert cut > 10_000


@pytest.mark.parametrize(("text", "expected"), [
    # a '#' name written out: the suffix's own pattern decides, so the text is read suffix by suffix
    ("Tylenol number 3 and Norco", [("product", "Tylenol #3", 0, 16), ("product", "Norco", 21, 26)]),
    # a walk that ends inside an aside: the rest's aside is open, so the next aside is blanked in it
    # and "MS ... Contin" joins across it (the whole text's blanking would hide "MS")
    ("Soma (oxycodone MS) (q) Contin daily",
     [("product", "Soma", 0, 4), ("ingredient", "oxycodone", 6, 15), ("product", "MS Contin", 16, 30)]),
    ("MS (morphine sulfate) Contin and Norco", [("product", "MS Contin", 0, 28), ("product", "Norco", 33, 38)]),
])
def test_the_shapes_where_the_rest_reads_differently_from_the_whole(
    text: str, expected: list[tuple[str, str, int, int]],
) -> None:
    categories = ("product", "ingredient")
    assert suffix_by_suffix(text, categories) == expected  # the definition, on these shapes
    assert one_pass(text, categories) == expected


_SPELLINGS = sorted({
    *VOCAB.products, *VOCAB.services, *VOCAB.ingredients,
    *(a for p in VOCAB.products.values() for a in p.aliases),
    *(s for i in VOCAB.ingredients.values() for s in i.synonyms),
    *(s for v in VOCAB.services.values() for s in v.spellings),
})
_PIECES = st.one_of(
    st.sampled_from(_SPELLINGS).map(lambda s: s.replace("_", " ")),
    st.sampled_from(["Tylenol #3", "Tylenol No. 3", "tylenol#4", "(", ")", "((", "#", "#3", " no. 3", "s", "-", "/",
                     ",", ";", " and ", "x12", "ER", "mg", "10/325", "PT", "UDS", "Ｎｏｒｃｏ", "Охусоdone", "ﬁ",
                     "\u200b", "½", "™", " "]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789 ().,#/-", max_size=8),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=14), st.lists(st.sampled_from(["", " ", "  ", "(", ")", "-"]), max_size=14),
       st.sampled_from(CATEGORY_SETS), st.booleans())
def test_generated_text_gives_the_same_names(pieces: list[str], glue: list[str], categories: tuple[str, ...],
                                             upper: bool) -> None:
    text = "".join(p + (glue[i] if i < len(glue) else " ") for i, p in enumerate(pieces))
    if upper:
        text = text.upper()
    assert one_pass(text, categories) == suffix_by_suffix(text, categories)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=14), st.lists(st.sampled_from(["", " ", "  ", "(", ")", "-"]), max_size=14),
       st.sampled_from(CATEGORY_SETS), st.integers(min_value=-3, max_value=120))
def test_generated_text_and_any_piece_of_it_give_the_same_first_name(
    pieces: list[str], glue: list[str], categories: tuple[str, ...], end: int,
) -> None:
    text = "".join(p + (glue[i] if i < len(glue) else " ") for i, p in enumerate(pieces))
    assert shared(text, categories) == identify_alone(text, categories)
    assert shared(text, categories, end) == identify_alone(text[:end], categories)


@pytest.mark.parametrize(("text", "end", "expected"), [
    # the piece cuts a word: "Physical therapy" is not in "Physical thera", and no shorter name is
    ("Physical therapy twice weekly", 14, None),
    # the piece cuts a longer spelling short: the shorter spelling it still holds is read
    ("EMG/NCV studies", 3, ("service", "emg_ncs", 0, 3)),
    # the piece cuts an aside open, so the aside is not blanked: the drug in it, not "MS ... Contin"
    ("MS (morphine sulfate) Contin", 12, ("ingredient", "morphine", 4, 12)),
    # a '#' name whose number the piece cuts: "Tylenol #3" is not read from "Tylenol #"
    ("Tylenol #3 daily", 9, ("product", "Tylenol", 0, 7)),
    # the piece cuts an aside open, so it reads the drug in it before the closed aside it does blank
    ("(Soma) x (morphine sulfate)", 18, ("ingredient", "morphine", 10, 18)),
])
def test_the_shapes_where_a_piece_reads_differently_from_the_whole(
    text: str, end: int, expected: tuple[str, str, int, int] | None,
) -> None:
    categories = ("product", "service", "ingredient")
    assert identify_alone(text[:end], categories) == expected  # the definition, on these shapes
    assert shared(text, categories, end) == expected
