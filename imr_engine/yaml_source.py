"""YAML reading with line numbers, so errors can say where in the file a problem is.

`yaml.safe_load` alone forgets positions; composing the node tree keeps each mapping key's
line, which error messages then cite as `file:line`. The tree is composed again only for a
document that has an error to report: loading without it is about twice as fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ImrError
from .safe_yaml import MAX_YAML_BYTES, compose, safe_load
from .textio import read_text_file


def _locations(node: yaml.Node, path: tuple[Any, ...], out: dict[tuple[Any, ...], int], seen: set[int]) -> None:
    """Each node's line by path; a node reached again through an alias is not walked again
    (paths below it fall back to the alias's line), so aliases cannot multiply the work."""
    out[path] = node.start_mark.line + 1
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            k = key.value
            out[path + (k,)] = key.start_mark.line + 1
            _locations(value, path + (k,), out, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _locations(value, path + (i,), out, seen)


class YamlDocument:
    """A safely loaded YAML document and the line of every node in it."""

    def __init__(self, path: str | Path, error: type[ImrError]) -> None:
        self.path = str(path)
        self._error = error
        try:
            text = read_text_file(path, limit=MAX_YAML_BYTES)
        except ImrError as exc:  # unreadable is reported as this document's kind of error
            raise error(exc.message, source=self.path) from None
        try:
            self.data = safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"line {mark.line + 1}: " if mark else ""
            problem = getattr(exc, "problem", None) or str(exc)
            raise error(f"{where}not valid YAML: {problem}", source=self.path) from None
        self._text = text
        self._lines: dict[tuple[Any, ...], int] | None = None

    @property
    def lines(self) -> dict[tuple[Any, ...], int]:
        """The line of every node by path, composed only when an error needs one (most files have none)."""
        if self._lines is None:
            self._lines = {}
            node = compose(self._text)  # the text loaded above, so it composes within the limits
            if node is not None:
                _locations(node, (), self._lines, set())
        return self._lines

    def line_of(self, loc: tuple[Any, ...]) -> int | None:
        """Line of the deepest known node on the path *loc* (a pydantic error location)."""
        lines = self.lines
        loc = tuple(loc)
        while loc:
            if loc in lines:
                return lines[loc]
            loc = loc[:-1]
        return lines.get(())

    def fail(self, message: str, loc: tuple[Any, ...] = ()) -> ImrError:
        """An error of this document's kind, located at *loc*."""
        line = self.line_of(loc) if loc else None
        source = f"{self.path}:{line}" if line else self.path
        return self._error(message, source=source)


def describe_validation_error(exc: Any) -> tuple[tuple[Any, ...], str]:
    """The first pydantic error as (location, 'field a.b.c: message')."""
    first = exc.errors()[0]
    loc = tuple(first["loc"])
    field = ".".join(str(p) for p in loc) or "(document)"
    msg = first["msg"]
    if first["type"] == "extra_forbidden":
        msg = "unknown field"
    return loc, f"field '{field}': {msg}"
