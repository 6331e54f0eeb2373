"""Parsing untrusted JSON with a depth limit.

`json.loads` recurses once per nesting level: a line of 3,000 brackets ends in
RecursionError, which is not a ValueError and escapes every `except` written for bad
JSON. Here it is one more way for JSON to be refused, with a reason.
"""

from __future__ import annotations

import json
from typing import Any

#: The deepest nesting accepted (a case's facts nest fewer than 10 levels).
MAX_JSON_DEPTH = 64


class JsonRefused(ValueError):
    """JSON that is not accepted: malformed, or nested too deep."""


def loads(text: str | bytes) -> Any:
    """`json.loads`, refusing malformed input and nesting deeper than MAX_JSON_DEPTH as JsonRefused."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonRefused(f"not JSON ({exc.msg})") from None
    except RecursionError:
        raise JsonRefused(f"nested deeper than {MAX_JSON_DEPTH} levels") from None
    if depth_exceeds(data, MAX_JSON_DEPTH):
        raise JsonRefused(f"nested deeper than {MAX_JSON_DEPTH} levels")
    return data


def depth_exceeds(data: Any, limit: int) -> bool:
    """True when lists and objects in *data* nest deeper than *limit* (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if level > limit:
            return True
        stack.extend((child, level + 1) for child in children)
    return False
