"""Answer keys and other YAML data files, read once per test process with libyaml's safe loader.

The corpus tests check every answer key of both halves, several tests per key: read with PyYAML's
pure-Python loader at every test, the keys alone took about 3 s of CPU per half and per reading.
`yaml.CSafeLoader` builds the same data as `yaml.safe_load` (the same safe constructor and resolver,
libyaml's parser) about ten times faster; PyYAML built without libyaml falls back to `yaml.SafeLoader`.
The data is shared by every caller: tests read it and never change it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def read_yaml(path: Path) -> Any:
    """The data of the YAML file at *path*, as `yaml.safe_load` gives it (read once; do not change it)."""
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=SAFE_LOADER)
