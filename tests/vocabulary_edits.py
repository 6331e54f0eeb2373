"""A copy of the bundled vocabulary with one edit, for tests of what loading refuses."""

from __future__ import annotations

from pathlib import Path

from imr_engine.resources import vocabulary_dir


def vocabulary_with(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """The bundled vocabulary copied under *tmp_path*, with *old* (found exactly once) replaced in *file*."""
    copy = tmp_path / "vocabulary"
    copy.mkdir()
    for source in vocabulary_dir().glob("*.yaml"):
        (copy / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    edited = copy / file
    text = edited.read_text(encoding="utf-8")
    assert text.count(old) == 1
    edited.write_text(text.replace(old, new), encoding="utf-8")
    return copy
