"""A rule book read back from the user cache is the book its files give, and never hides an error.

`load_rulebook` keeps each successfully loaded book as plain JSON keyed by the rule directory's
files and the package's code (imr_engine/rulebook/compiled.py). These tests compare what comes
back with what the validating load gives, and check that edits, damage and unwritable caches
all end in the validating load.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from imr_engine.errors import RuleError
from imr_engine.resources import default_rules_dir
from imr_engine.rulebook import compiled, load_rulebook
from imr_engine.rulebook.load import RuleBook

RULE_FILE = Path("mtus_2016") / "opioids.yaml"
OLD_TITLE = "title: Chronic opioid treatment continued without functional improvement"
NEW_TITLE = "title: Chronic opioid treatment continued although function did not improve"


def same(a: Any, b: Any, where: str = "book") -> None:
    """Equal values of the same types all the way down; for models also the same fields set."""
    assert type(a) is type(b), (where, type(a), type(b))
    if isinstance(a, BaseModel):
        assert a.model_fields_set == b.model_fields_set, where
        for name in type(a).model_fields:
            same(getattr(a, name), getattr(b, name), f"{where}.{name}")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{i}]")
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for k in a:
            same(a[k], b[k], f"{where}[{k}]")
    else:
        assert a == b, (where, a, b)


def same_book(a: RuleBook, b: RuleBook) -> None:
    assert (a.root, a.version) == (b.root, b.version)
    assert [f.path for f in a.files] == [f.path for f in b.files]
    same([f.spec for f in a.files], [f.spec for f in b.files])
    assert (a.generations is None) == (b.generations is None)
    if a.generations is not None and b.generations is not None:
        same(a.generations.list, b.generations.list)
        same(a.generations.folders, b.generations.folders)
        same(a.generations.carry, b.generations.carry)


def stored_files(cache: Path) -> list[Path]:
    return sorted(cache.glob(f"{compiled.KIND}-*.json"))


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("IMR_CACHE_DIR", str(where))
    return where


@pytest.fixture()
def book(tmp_path: Path) -> Path:
    """A copy of the bundled rule book."""
    root = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), root)
    assert OLD_TITLE in (root / RULE_FILE).read_text(encoding="utf-8")
    return root


def validated(root: Path, monkeypatch: pytest.MonkeyPatch) -> RuleBook:
    """The book as the validating load gives it, with the cache off."""
    with monkeypatch.context() as m:
        m.setenv("IMR_CACHE_DIR", "off")
        return load_rulebook(root)


def test_the_bundled_book_read_back_is_the_book_its_files_give(cache: Path, book: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_rulebook(book)
    assert len(stored_files(cache)) == 1
    again = compiled.load(book, compiled.key_of(book))
    assert again is not None
    same_book(validated(book, monkeypatch), again)
    same_book(first, again)
    same_book(again, load_rulebook(book))
    assert [r.id for r in again.rules] == [r.id for r in first.rules] and len(again.rules) > 100


def test_a_book_read_back_is_not_validated_again(cache: Path, book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from imr_engine.rulebook import load as load_module

    load_rulebook(book)
    validations: list[Path] = []
    real = load_module._load_rulebook

    def counted(base: Path) -> RuleBook:
        validations.append(base)
        return real(base)

    monkeypatch.setattr(load_module, "_load_rulebook", counted)
    load_rulebook(book)
    assert validations == []
    (book / RULE_FILE).write_text((book / RULE_FILE).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load_rulebook(book)
    assert validations == [book]  # a changed file: a new key, validated


def test_an_edited_rule_file_is_loaded_as_edited(cache: Path, book: Path) -> None:
    load_rulebook(book)
    path = book / RULE_FILE
    path.write_text(path.read_text(encoding="utf-8").replace(OLD_TITLE, NEW_TITLE), encoding="utf-8")
    titles = {r.title for r in load_rulebook(book).rules}
    assert NEW_TITLE.removeprefix("title: ") in titles
    assert OLD_TITLE.removeprefix("title: ") not in titles


def test_an_edited_vocabulary_gives_a_new_key(cache: Path, book: Path) -> None:
    before = compiled.key_of(book)
    vocabulary = sorted((book / "vocabulary").glob("*.yaml"))[0]
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert compiled.key_of(book) not in (None, before)


def test_a_broken_rule_file_fails_as_without_the_cache(cache: Path, book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_rulebook(book)
    path = book / RULE_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    with pytest.raises(RuleError) as cached_run:
        load_rulebook(book)
    with monkeypatch.context() as m:
        m.setenv("IMR_CACHE_DIR", "off")
        with pytest.raises(RuleError) as plain_run:
            load_rulebook(book)
    assert cached_run.value.one_line() == plain_run.value.one_line()
    assert "opioids.yaml" in cached_run.value.one_line() and "field 'title'" in cached_run.value.one_line()
    assert len(stored_files(cache)) == 1  # only the good book's


def damage_by_hand(stored: Path, change: Any) -> None:
    """Rewrite a stored book's body with *change* applied and a header that matches it again."""
    header, body = stored.read_bytes().split(b"\n", 1)
    value = change(json.loads(body))
    new_body = json.dumps(value).encode()
    key = json.loads(header)["key"]
    stored.write_bytes(json.dumps({"key": key, "sha256": hashlib.sha256(new_body).hexdigest()}).encode() + b"\n" + new_body)


def rename_first_model(value: Any) -> Any:
    value["files"][0][1]["m"] = "Path"
    return value


def drop_a_field(value: Any) -> Any:
    value["files"][0][1]["v"].pop()
    return value


def misshape_a_date(value: Any) -> Any:
    value["files"][0][1]["v"][-1][0]["v"][3]["v"][6] = {"d": "2016-02-30"}
    return value


@pytest.mark.parametrize("damage", [
    lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),  # cut short
    lambda p: p.write_bytes(p.read_bytes().replace(b"Chronic", b"Chronix", 1)),  # changed, hash no longer matches
    lambda p: p.write_bytes(b"\0\1\2"),
    lambda p: damage_by_hand(p, rename_first_model),  # a class not in the book's models
    lambda p: damage_by_hand(p, drop_a_field),
    lambda p: damage_by_hand(p, misshape_a_date),
    lambda p: damage_by_hand(p, lambda v: {**v, "format": 0}),
    lambda p: damage_by_hand(p, lambda v: []),
])
def test_a_damaged_store_is_ignored(cache: Path, book: Path, damage: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    load_rulebook(book)
    (stored,) = stored_files(cache)
    damage(stored)
    assert compiled.load(book, compiled.key_of(book)) is None
    same_book(validated(book, monkeypatch), load_rulebook(book))


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("IMR_CACHE_DIR", str(blocker / "cache"))
    same_book(validated(book, monkeypatch), load_rulebook(book))
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_caching_off_stores_nothing(tmp_path: Path, book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMR_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    load_rulebook(book)
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


plain_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
    | st.dates(),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@given(plain_values)
def test_plain_values_come_back_with_their_types(value: Any) -> None:
    stored = json.loads(json.dumps(compiled._plain(value)))
    same(value, compiled._revive(stored))


@given(st.dates())
def test_a_date_is_not_taken_for_a_datetime(day: dt.date) -> None:
    back = compiled._revive(json.loads(json.dumps(compiled._plain(day))))
    assert type(back) is dt.date and back == day


def test_the_listing_and_the_compiled_book_share_one_key() -> None:
    """`imr rules` keys its listing without importing the models and hands that key to the load:
    it must be the key the compiled book is stored under."""
    from imr_engine import derived_cache
    from imr_engine.resources import default_rules_dir

    base = default_rules_dir()
    assert derived_cache.content_key(base, base.rglob("*.yaml")) == compiled.key_of(base) is not None
