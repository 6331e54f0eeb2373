"""A rule directory of one probe rule file beside the bundled vocabulary, for rule-loading tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from imr_engine.errors import RuleError
from imr_engine.resources import default_rules_dir
from imr_engine.rulebook import load_rulebook


def probe_book(tmp_path: Path, text: str) -> Path:
    """A rule directory holding *text* as its only rule file, with the bundled vocabulary."""
    root = tmp_path / "rules"
    (root / "probe").mkdir(parents=True)
    shutil.copytree(default_rules_dir() / "vocabulary", root / "vocabulary")
    (root / "probe" / "probe.yaml").write_text(text)
    return root


def load_error(tmp_path: Path, text: str) -> str:
    """The one-line error loading *text* as a rule file gives (it must fail)."""
    with pytest.raises(RuleError) as info:
        load_rulebook(probe_book(tmp_path, text))
    return info.value.one_line()
