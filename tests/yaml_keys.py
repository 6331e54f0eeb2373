"""Answer keys and other YAML data files, read once per test process with the project's own loader.

The corpus tests check every answer key of both halves, several tests per key: read with PyYAML's
pure-Python loader at every test, the keys alone took about 3 s of CPU per half and per reading.
`imr_engine.safe_yaml.safe_load` is the loader every program reads YAML with (`yaml.safe_load`
semantics, libyaml's parser where PyYAML has it, and the limits a key must also meet when `imr qa`
reads it), so the tests read a key exactly as the program does. The data is shared by every caller:
tests read it and never change it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from imr_engine.safe_yaml import safe_load


@cache
def read_yaml(path: Path) -> Any:
    """The data of the YAML file at *path*, as `yaml.safe_load` gives it (read once; do not change it)."""
    return safe_load(path.read_text(encoding="utf-8"))
