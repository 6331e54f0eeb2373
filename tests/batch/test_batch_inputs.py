"""Input discovery: what counts as an input, in which order, and what is refused up front."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.batch import count_inputs, discover
from imr_engine.batch.inputs import read_records


def _tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_kinds_keys_and_order(tmp_path: Path) -> None:
    _tree(tmp_path, {
        "b/letter.txt": "x", "b/case.yaml": "x", "b/notes.md": "ignored: a case folder's own file",
        "b/sub/deeper.txt": "not searched inside a case folder",
        "a/2015/z.txt": "x", "a/2015/y.TXT": "x", "a/readme.md": "x",
        "c/case.yaml": "x", ".git/config.txt": "hidden", "top.txt": "x",
    })
    found = [(i.key, i.kind, i.case, i.code) for i in discover(str(tmp_path))]
    assert found == [
        ("a/2015/y.TXT", "letter_file", "a/2015/y", None),
        ("a/2015/z.txt", "letter_file", "a/2015/z", None),
        ("a/readme.md", "refused", "a/readme.md", "not_a_letter"),
        ("b", "case_folder", "b", None),
        ("c", "case_folder", "c", None),
        ("top.txt", "letter_file", "top", None),
    ]
    assert count_inputs(str(tmp_path)) == len(found)


def test_a_single_file_or_case_folder_is_one_input(tmp_path: Path) -> None:
    _tree(tmp_path, {"one.txt": "x", "case/letter.txt": "x"})
    assert [(i.key, i.kind) for i in discover(str(tmp_path / "one.txt"))] == [("one.txt", "letter_file")]
    assert [(i.key, i.kind) for i in discover(str(tmp_path / "case"))] == [("case", "case_folder")]


def test_a_symlinked_folder_is_reported_not_followed(tmp_path: Path) -> None:
    _tree(tmp_path, {"real/x.txt": "x"})
    os.symlink(tmp_path / "real", tmp_path / "loop")
    found = {i.key: i.code for i in discover(str(tmp_path))}
    assert found == {"loop": "not_followed", "real/x.txt": None}


def test_stdin_records_and_their_refusals() -> None:
    stream = io.StringIO("\n".join([
        json.dumps({"id": "a", "letter": "text"}),
        json.dumps({"letter": "text", "case": {"case_id": "c-1", "requests": []}}),
        json.dumps({"letter": "text", "extra": 1}),
        "[1, 2",
        json.dumps(["not", "an", "object"]),
    ]))
    found = [(i.key, i.kind, i.case, i.code) for i in read_records(stream)]
    assert found == [
        ("-:1", "record", "a", None),
        ("-:2", "record", "c-1", None),
        ("-:3", "refused", "line 3", "bad_record"),
        ("-:4", "refused", "line 4", "bad_record"),
        ("-:5", "refused", "line 5", "bad_record"),
    ]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.from_regex(r"[a-z]{1,6}(/[a-z]{1,6}){0,2}\.(txt|pdf|md)", fullmatch=True), min_size=1, max_size=12, unique=True))
def test_every_file_is_an_input_exactly_once_and_the_order_is_stable(tmp_path_factory, names: list[str]) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("tree")
    files = {}
    for name in names:
        if name.rsplit("/", 1)[-1] == "letter.txt":
            continue  # that makes a case folder (tested above)
        # a name cannot be both a file and a folder
        if any(other != name and (other.startswith(name + "/") or name.startswith(other.rsplit(".", 1)[0] + "/"))
               for other in names):
            continue
        files[name] = "x"
    _tree(root, files)
    keys = [i.key for i in discover(str(root))]
    assert sorted(keys) == sorted(files)
    assert keys == [i.key for i in discover(str(root))]
