"""Fixtures of the batch tests; the corpus builders are in batch_corpora.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from batch_corpora import REPO, build_mixed_corpus


@pytest.fixture(scope="session")
def frozen_rules(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the rule book taken once: runs compared byte for byte must use the same rules."""
    target = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(REPO / "rules", target)
    return str(target)


@pytest.fixture
def mixed_corpus(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "corpus"
    root.mkdir()
    return root, build_mixed_corpus(root)
