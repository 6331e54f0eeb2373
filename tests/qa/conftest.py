"""QA report fixtures: a rule book without one guideline topic."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from imr_engine.resources import default_rules_dir


@pytest.fixture(scope="session")
def rules_without_muscle_relaxants(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled rule book less every generation's muscle-relaxant rules (none left to carry across
    generations): every Soma item is then left Indeterminate."""
    root = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(default_rules_dir(), root)
    for folder in ("mtus_cpmtg", "mtus_acoem_2017"):
        (root / folder / "muscle_relaxants.yaml").unlink()
    return root
