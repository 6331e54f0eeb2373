"""Dependency audit (issue 14, point 13): every declared dependency is installed under its real
project name and is used, so nothing sits in the install only as supply-chain risk.

"Used" means a module the installed distribution provides is imported by the package, the
tests or the benchmarks, or, for the few tools used another way, that use is checked here too.
Network-free on purpose: a vulnerability database lookup (pip-audit) belongs to CI with a network.
"""

from __future__ import annotations

import importlib.metadata as md
import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
_IMPORT = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_][A-Za-z0-9_]*)|importorskip\(\s*\"([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> list[str]:
    project = PYPROJECT["project"]
    specs = list(project["dependencies"]) + [s for group in project["optional-dependencies"].values() for s in group]
    names = {_normal(re.match(r"[A-Za-z0-9._-]+", spec).group()) for spec in specs}  # type: ignore[union-attr]
    return sorted(names - {_normal(project["name"])})


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for folder in ("imr_engine", "tests", "benchmarks"):
        for path in (REPO / folder).rglob("*.py"):
            found.update(a or b for a, b in _IMPORT.findall(path.read_text(encoding="utf-8")))
    return found


def _text_of(*parts: str) -> str:
    return (REPO.joinpath(*parts)).read_text(encoding="utf-8")


#: Dependencies used other than by an import, each with the check that the use is real.
INDIRECT = {
    "httpx": lambda: "fastapi.testclient" in _text_of("tests", "web", "conftest.py"),  # TestClient runs on httpx
    "mypy": lambda: '_tool("mypy")' in _text_of("tests", "test_code_quality.py"),
    # a pytest plugin: the Quick start's test command (the one .ci/run runs) hands the tests to its workers
    "pytest-xdist": lambda: "python3 -m pytest -n auto" in _text_of("README.md"),
    "ruff": lambda: '_tool("ruff")' in _text_of("tests", "test_code_quality.py"),
    "types-pyyaml": lambda: "yaml-stubs" in (md.distribution("types-PyYAML").read_text("RECORD") or ""),
}


def test_httpx2_is_not_a_dependency() -> None:
    assert "httpx2" not in _declared()


@pytest.mark.parametrize("name", _declared())
def test_every_declared_dependency_is_installed_under_its_real_name_and_used(name: str) -> None:
    try:
        dist = md.distribution(name)
    except md.PackageNotFoundError:
        pytest.skip(f"{name} is not installed here (an optional extra)")
    assert _normal(dist.metadata["Name"]) == name, f"declared {name}, installed as {dist.metadata['Name']}"
    if name in INDIRECT:
        assert INDIRECT[name](), f"{name}: its indirect use is gone; drop the dependency"
        return
    provided = {module for module, dists in md.packages_distributions().items()
                if name in {_normal(d) for d in dists}}
    assert provided, f"{name} provides no importable module"
    assert provided & _imported_modules(), f"{name} (modules {sorted(provided)}) is imported nowhere: drop it"
