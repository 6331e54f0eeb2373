"""`imr rules` keeps its listing on disk: never stale after an edit, never hiding an error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from imr_engine.cli import main
from imr_engine.resources import default_rules_dir
from imr_engine.rulebook import load_rulebook

RULE_FILE = Path("mtus_2016") / "opioids.yaml"
OLD_TITLE = "title: Chronic opioid treatment continued without functional improvement"
NEW_TITLE = "title: Chronic opioid treatment continued although function did not improve"


def listing(capsys: pytest.CaptureFixture[str], root: Path) -> tuple[int, str, str]:
    code = main(["rules", "--json", "--rules", str(root)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled rule book, with the listing cache in a folder of its own."""
    monkeypatch.setenv("IMR_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), root)
    assert OLD_TITLE in (root / RULE_FILE).read_text(encoding="utf-8")
    return root


def test_a_stored_listing_is_the_listing_of_the_rule_book(capsys: pytest.CaptureFixture[str], book: Path,
                                                          tmp_path: Path) -> None:
    code, first, _ = listing(capsys, book)
    assert code == 0
    assert len(list((tmp_path / "cache").glob("rules-*.json"))) == 1
    code, second, _ = listing(capsys, book)
    assert code == 0 and second == first
    assert [r["id"] for r in json.loads(second)] == [r.id for r in load_rulebook(book).rules]


def test_an_edited_rule_file_is_listed_as_edited(capsys: pytest.CaptureFixture[str], book: Path) -> None:
    listing(capsys, book)
    path = book / RULE_FILE
    path.write_text(path.read_text(encoding="utf-8").replace(OLD_TITLE, NEW_TITLE), encoding="utf-8")
    code, out, _ = listing(capsys, book)
    titles = {r["title"] for r in json.loads(out)}
    assert code == 0
    assert NEW_TITLE.removeprefix("title: ") in titles
    assert OLD_TITLE.removeprefix("title: ") not in titles


def test_a_damaged_store_is_ignored(capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path) -> None:
    _, first, _ = listing(capsys, book)
    for stored in (tmp_path / "cache").glob("rules-*.json"):
        stored.write_text('{"key": "', encoding="utf-8")
    code, again, _ = listing(capsys, book)
    assert code == 0 and again == first


def test_a_broken_rule_book_is_never_stored(capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path) -> None:
    path = book / RULE_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    for _ in range(2):
        code, out, err = listing(capsys, book)
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert not list((tmp_path / "cache").glob("rules-*.json"))


def test_caching_can_be_turned_off(capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMR_CACHE_DIR", "off")
    code, _, _ = listing(capsys, book)
    assert code == 0
    assert not (tmp_path / "cache").exists()


def test_the_listing_keeps_no_compiled_book_but_reads_one_left(capsys: pytest.CaptureFixture[str], book: Path,
                                                               tmp_path: Path) -> None:
    """`imr rules` keeps only its listing; the compiled book an evaluating command left gives the same listing."""
    code, first, _ = listing(capsys, book)
    assert code == 0
    assert not list((tmp_path / "cache").glob("rulebook-*.json"))
    load_rulebook(book)  # what a command that evaluates leaves
    assert len(list((tmp_path / "cache").glob("rulebook-*.json"))) == 1
    for stored in (tmp_path / "cache").glob("rules-*.json"):
        stored.unlink()
    code, again, _ = listing(capsys, book)
    assert code == 0 and again == first
