"""Request lines of a Request for Authorization, parsed into RequestedItems and rendered back."""

from __future__ import annotations

from .format import format_request
from .model import ItemKind, RequestedItem, Strength
from .parser import parse_request

__all__ = ["ItemKind", "RequestedItem", "Strength", "format_request", "parse_request"]
