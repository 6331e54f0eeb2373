"""Where the bundled rule book lives, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def default_rules_dir() -> Path:
    """The rule book shipped with the package.

    A wheel carries it inside the package (`imr_engine/_rules`); an editable
    install or a source checkout reads the repository's top-level `rules/`.
    """
    bundled = _PACKAGE_DIR / "_rules"
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent / "rules"


def vocabulary_dir(rules_dir: Path | None = None) -> Path:
    """The vocabulary (names -> ingredients -> classes) that belongs to a rule book."""
    return (rules_dir or default_rules_dir()) / "vocabulary"
