"""Packages import their costly submodules only when a name from them is used (imr_engine.lazy_names)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import imr_engine.engine
import imr_engine.facts
import imr_engine.requests


def test_loading_the_rule_book_imports_neither_the_evaluator_nor_the_request_parser() -> None:
    probe = (
        "import sys\n"
        "from imr_engine.rulebook import load_rulebook\n"
        "load_rulebook()\n"
        "print(sorted(m for m in ('imr_engine.engine.evaluate', 'imr_engine.requests.parser', 'durable.lang') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(("package", "name", "home"), [
    (imr_engine.engine, "Engine", "imr_engine.engine.evaluate"),
    (imr_engine.facts, "CaseFacts", "imr_engine.facts.model"),
    (imr_engine.requests, "parse_request", "imr_engine.requests.parser"),
])
def test_a_lazy_name_is_the_submodules_own_object(package: object, name: str, home: str) -> None:
    value = getattr(package, name)
    assert value is getattr(sys.modules[home], name)
    assert vars(package)[name] is value  # kept: the next lookup is a plain attribute


def test_an_unknown_name_is_an_attribute_error_naming_the_package() -> None:
    with pytest.raises(AttributeError, match="imr_engine.facts"):
        _ = imr_engine.facts.NoSuchName
