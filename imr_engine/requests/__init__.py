"""Request lines of a Request for Authorization, parsed into RequestedItems and rendered back.

The names are imported on first use (PEP 562): the item model alone (`requests.model`) is
needed by modules that never parse a line, such as the terminology that reads the diagnosis
groups when the rule book loads, and the parser's compiled patterns are not cheap to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy_names import lazy_names

if TYPE_CHECKING:
    from .format import format_request
    from .model import ItemKind, RequestedItem, Strength
    from .parser import parse_request

_HOME = {
    "format_request": "format",
    "ItemKind": "model",
    "RequestedItem": "model",
    "Strength": "model",
    "parse_request": "parser",
}

__all__ = ["ItemKind", "RequestedItem", "Strength", "format_request", "parse_request"]


__getattr__ = lazy_names(__name__, _HOME)
