"""Deterministic indented JSON, as `json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)` writes it.

Every command's `--json` output is written that way. With an indent, the standard library's
encoder is its pure-Python one: a chain of generators in which every piece of text is yielded up
through each level of nesting above it (a listing of the rule book is 1 MB of such pieces, a
fifth of `imr rules --json` after the book itself). Here each value is written once into one
list of pieces, strings escaped by the standard library's own C function, so the bytes are the
same; any value outside plain JSON data (another type, a key that is not text, a subclass, a
cycle) is left to `json.dumps` itself, which writes or refuses it as before.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

_INDENT = "  "


class _NotPlain(Exception):
    """A value the short path does not write: `json.dumps` takes the whole document."""


def _scalar(value: Any) -> str:
    """A value that is not text, a list or an object, as JSON; _NotPlain for anything but plain data."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    kind = type(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        if value != value:
            return "NaN"
        if value == _INFINITY:
            return "Infinity"
        if value == -_INFINITY:
            return "-Infinity"
        return float.__repr__(value)
    raise _NotPlain


_INFINITY = float("inf")
#: The types written by `_container`; text is written inline, anything else by `_scalar`.
_CONTAINERS = frozenset({dict, list, tuple})


def _container(value: Any, out: list[str], level: int) -> None:
    """A list, tuple or object at nesting *level*; each text item written in place (most items are text)."""
    if not value:
        out.append("{}" if type(value) is dict else "[]")
        return
    if level > 200:  # deeper than any output of ours: perhaps a cycle, which json.dumps refuses by name
        raise _NotPlain
    inner = "\n" + _INDENT * (level + 1)
    separator = "," + inner
    append, encode = out.append, encode_basestring
    if type(value) is dict:
        for key in value:
            if type(key) is not str:
                raise _NotPlain
        head = "{" + inner
        for key in sorted(value):
            item = value[key]
            kind = type(item)
            if kind is str:
                append(head + encode(key) + ": " + encode(item))
            elif kind in _CONTAINERS:
                append(head + encode(key) + ": ")
                _container(item, out, level + 1)
            else:
                append(head + encode(key) + ": " + _scalar(item))
            head = separator
        append("\n" + _INDENT * level + "}")
        return
    head = "[" + inner
    for item in value:
        kind = type(item)
        if kind is str:
            append(head + encode(item))
        elif kind in _CONTAINERS:
            append(head)
            _container(item, out, level + 1)
        else:
            append(head + _scalar(item))
        head = separator
    append("\n" + _INDENT * level + "]")


def dumps_indented(data: Any) -> str:
    """`json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)`, the same text, written in one pass."""
    out: list[str] = []
    try:
        kind = type(data)
        if kind is str:
            out.append(encode_basestring(data))
        elif kind in _CONTAINERS:
            _container(data, out, 0)
        else:
            out.append(_scalar(data))
    except (_NotPlain, RecursionError):
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
    return "".join(out)
