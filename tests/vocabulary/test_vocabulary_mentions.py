"""`Vocabulary.mentions` walks a text name by name in one pass; it must find what `identify` found suffix by suffix.

Readers used to ask `identify(text[end:])` after each name they found, tokenising the rest of
the sentence again every time. The reference below is that loop, kept here as the definition;
the one pass must give the same names at the same places on real sentences (every letter and
note of the corpus and the bundled cases) and on generated text built from the vocabulary's own
spellings, with the shapes that make suffixes differ from the whole: asides in parentheses that
a name spans or that a walk ends inside, '#' names ("Tylenol #3"), names glued to words,
plurals, upper case and look-alike letters.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.vocabulary import Identity, load_vocabulary

ROOT = Path(__file__).resolve().parents[2]
VOCAB = load_vocabulary()
CATEGORY_SETS = [("product", "ingredient"), ("service",), ("product", "service", "ingredient")]


def suffix_by_suffix(text: str, categories: tuple[str, ...]) -> list[tuple[str, str, int, int]]:
    """The names found by asking `identify` of the rest of the text after each name (the old way)."""
    found = []
    pos = 0
    while pos < len(text):
        hit = VOCAB.identify(text[pos:], categories)  # type: ignore[arg-type]
        if hit is None:
            break
        found.append((hit.category, hit.key, pos + hit.start, pos + hit.end))
        pos += hit.end
    return found


def one_pass(text: str, categories: tuple[str, ...]) -> list[tuple[str, str, int, int]]:
    hits: list[Identity] = VOCAB.mentions(text, categories)  # type: ignore[arg-type]
    return [(h.category, h.key, h.start, h.end) for h in hits]


def _sentences() -> list[str]:
    files = sorted(ROOT.glob("corpus/**/*.txt")) + sorted(ROOT.glob("cases/*/letter.txt"))
    out: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        out += [s for s in re.split(r"(?<=[.;:!?\n])\s+", text) if s.strip()]
    return out


def test_real_sentences_give_the_same_names_at_the_same_places() -> None:
    sentences = _sentences()
    assert len(sentences) > 5_000
    named = 0
    for categories in CATEGORY_SETS:
        for sentence in sentences:
            expected = suffix_by_suffix(sentence, categories)
            assert one_pass(sentence, categories) == expected, sentence
            named += len(expected) > 1
    assert named > 1_000  # many sentences name more than one thing: the walk is exercised


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
