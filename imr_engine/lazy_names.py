"""Package names imported from their submodule on first use (PEP 562).

Several packages re-export names whose submodules are costly to import (the case model, the
request parser, the evaluator); a command that needs none of them should not pay for them.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def lazy_names(package: str, homes: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for *package*: each name in *homes* comes from its submodule when first
    asked for, and is then kept in the package so the next lookup is a plain attribute."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
