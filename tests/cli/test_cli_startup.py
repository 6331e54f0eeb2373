"""What a command costs to start: it imports what it uses, and a listing keeps what it loaded out of the collector's way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from imr_engine.cli import COMMANDS, build_parser

REPO = Path(__file__).resolve().parents[2]

#: Run as `imr ARGS` in a fresh interpreter; reports the modules it imported and what the collector froze.
PROBE = """
import gc, json, sys
from imr_engine.cli import main
code = main(sys.argv[1:])
mods = sorted(m for m in sys.modules if m.startswith(("imr_engine", "durable", "fastapi", "starlette")))
print(json.dumps({"code": code, "modules": mods, "frozen": gc.get_freeze_count()}), file=sys.stderr)
"""


def _probe(tmp_path: Path, *argv: str, cache: str = "cache") -> tuple[str, dict[str, object]]:
    env = {**os.environ, "IMR_CACHE_DIR": str(tmp_path / cache), "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout, json.loads(done.stderr.strip().splitlines()[-1])


def test_a_command_that_names_itself_registers_only_its_own_parser() -> None:
    """Its usage, help and errors come from its own subparser, which does not depend on the others."""
    for name in COMMANDS:
        only = build_parser(name)
        full = build_parser()
        sub_only = next(a for a in only._actions if a.dest == "command")
        sub_full = next(a for a in full._actions if a.dest == "command")
        assert list(sub_only.choices) == [name]  # type: ignore[attr-defined]
        assert sub_only.choices[name].format_help() == sub_full.choices[name].format_help()  # type: ignore[attr-defined]


def test_listing_the_rules_imports_no_extraction_engine_or_web_module(tmp_path: Path) -> None:
    """`imr rules` on an empty user cache loads and checks the rule book, and nothing that reads letters or serves."""
    out, seen = _probe(tmp_path, "rules", "--json")
    assert seen["code"] == 0 and len(json.loads(out)) > 100
    modules = set(seen["modules"])  # type: ignore[arg-type]
    assert "imr_engine.rulebook.load" in modules
    unused = sorted(m for m in modules if m.startswith((
        "imr_engine.extract", "imr_engine.letter", "imr_engine.web", "imr_engine.batch", "imr_engine.qa",
        "imr_engine.engine.evaluate", "imr_engine.engine.guideline_data", "durable", "fastapi", "starlette",
    )))
    assert unused == []


@pytest.mark.parametrize("argv", [("rules", "--json"), ("rules", "--as-of", "2016-01-01")])
def test_a_listing_freezes_what_its_load_built(tmp_path: Path, argv: tuple[str, ...]) -> None:
    """After a validating load the command only prints: the load's objects are frozen, so no
    collection walks them again before the process exits; a listing read back loads nothing."""
    _, cold = _probe(tmp_path, *argv)
    assert cold["code"] == 0
    assert isinstance(cold["frozen"], int) and cold["frozen"] > 20_000
    if "--json" in argv:
        _, warm = _probe(tmp_path, *argv)  # the listing the first run kept
        assert warm["frozen"] == 0
