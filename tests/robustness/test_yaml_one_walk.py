"""`safe_load` builds a common document in one walk; it must give what the general path gives.

The general path (`load_with_nodes`: depth and duplicate-key checks, alias expansion count,
PyYAML's constructor) is the reference, because its results and refusals are the ones the
loader has always had. Compared on every YAML file of the repository, on generated documents
(nested mappings and lists of every scalar kind, with anchors, aliases and merge keys) and on
the shapes that must leave the one walk for the general path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.safe_yaml import load_with_nodes, problem_of, safe_load

ROOT = Path(__file__).resolve().parents[2]


def _outcome(load: Any, text: str) -> tuple[str, str]:
    try:
        return "data", repr(load(text))
    except yaml.YAMLError as exc:
        return "refused", problem_of(exc)
    except RecursionError:
        return "recursion", ""


def _general(text: str) -> Any:
    return load_with_nodes(text)[0]


def _same(text: str) -> None:
    assert _outcome(safe_load, text) == _outcome(_general, text)


def test_every_yaml_file_of_the_repository_loads_the_same() -> None:
    files = [p for p in sorted(ROOT.glob("rules/**/*.yaml")) + sorted(ROOT.glob("cases/**/*.yaml"))]
    assert len(files) > 100
    for path in files:
        _same(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",                                    # a duplicate key: refused with its line
    "a: &a {b: 1}\nc: *a\n",                           # an alias gives the same mapping
    "a: &a {x: 1, y: 2}\nc:\n  <<: *a\n  y: 5\n",     # a merge key, overridden
    "a: &a {x: 1}\nb: &b {y: 2, x: 3}\nc:\n  <<: [*a, *b]\n",   # several merges: the constructor's way
    "a: &a {x: 1}\nb: &b {x: 2}\nc:\n  <<: *a\n  <<: *b\n",
    "a: &a {x: 1}\nb: &b\n  <<: *a\n  y: 2\nc:\n  <<: *b\n",    # a merge of a mapping that merges
    "a: &a [1]\nc:\n  <<: *a\n",                       # a merge of a list: refused
    "&x [*x]\n",                                       # an alias inside its own anchor
    "1: a\n01: b\n", "True: 1\n1: 2\n",               # keys that are equal once built
    "a: 2015-02-30\n",                                 # an impossible date: refused with its line
    "x: !!binary aGk=\n", "- !!set {a, b}\n", "!!omap [a: 1]\n", "=: 1\n", "x: !custom 1\n",
    "? [a]\n: 1\n", "", "---\n", "a: [1, 2\n",
    "[" * 70 + "]" * 70,                               # nested too deep
    "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
])
def test_shapes_at_the_edge_of_the_one_walk(text: str) -> None:
    _same(text)


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20),
    st.floats(allow_nan=False), st.dates(), st.text(max_size=12),
    st.sampled_from(["yes", "No", "~", "null", "1e3", ".inf", "0x1f", "0o17", "2015-06-01", "<<", "=", "1_000"]),
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(_DATA, st.sampled_from([None, True, False]))
def test_dumped_documents_load_the_same(data: Any, flow: bool | None) -> None:
    _same(yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True))


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(["x", "y", "z", "w"]), st.integers(0, 9), min_size=1, max_size=4),
       st.dictionaries(st.sampled_from(["x", "y", "v"]), st.integers(0, 9), max_size=3),
       st.integers(1, 3))
def test_anchors_aliases_and_merges_load_the_same(base: dict[str, int], own: dict[str, int], uses: int) -> None:
    lines = ["base: &base " + yaml.safe_dump(base, default_flow_style=True).strip()]
    for i in range(uses):
        lines.append(f"use{i}:")
        lines.append("  <<: *base")
        lines += [f"  {k}: {v}" for k, v in own.items()]
        lines.append(f"again{i}: *base")
    _same("\n".join(lines) + "\n")


def test_every_rule_file_takes_the_one_walk() -> None:
    """The bundled rule files (anchors and `<<: *anchor` included) need no second walk."""
    from imr_engine.safe_yaml import _c_node, _plain_data

    for path in sorted(ROOT.glob("rules/**/*.yaml")):
        node = _c_node(path.read_text(encoding="utf-8"))
        assert node is not None, path
        _plain_data(node)  # raises _NotPlain for a document the general path must take


def _tree(node: Any) -> Any:
    """A node tree as plain data: each node's kind, tag, line and column, value or children."""
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.start_mark.line, node.start_mark.column, node.value)
    if isinstance(node, yaml.SequenceNode):
        return ("seq", node.tag, node.start_mark.line, [_tree(v) for v in node.value])
    return ("map", node.tag, node.start_mark.line, [(_tree(k), _tree(v)) for k, v in node.value])


def test_libyaml_composes_the_tree_the_pure_loader_composes() -> None:
    """libyaml's composer runs with C stand-ins for the resolver's descend/ascend hooks (no path
    resolvers are registered): its tags and lines must still be the pure loader's, node for node."""
    from imr_engine.safe_yaml import _c_node, _CParser, _pure_compose

    if _CParser is None:
        pytest.skip("PyYAML without libyaml")
    files = sorted(ROOT.glob("rules/**/*.yaml")) + sorted(ROOT.glob("cases/**/*.yaml"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert _tree(_c_node(text)) == _tree(_pure_compose(text)), path
    for text in ("a: 1\nb: [yes, no, ~, 1.5, 2015-02-03, '7', \"x\"]\n", "- {a: &x [1, 2], b: *x}\n- !!str 3\n"):
        assert _tree(_c_node(text)) == _tree(_pure_compose(text))
