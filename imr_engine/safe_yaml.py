"""The one YAML loader for every file we read: `yaml.safe_load` semantics, with limits.

`yaml.safe_load` builds only plain data, but it still lets a small hostile file do harm:
nesting a thousand levels deep ends in RecursionError, a 1 KB "billion laughs" of nested
aliases expands to 10^9 values in anything that walks the data as a tree (validation,
line lookup), a second `requests:` key silently replaces the first, and an impossible
unquoted date (`2015-02-30`) escapes as ValueError. This loader refuses each of those as
a YAMLError carrying the line, which every caller already reports as `file: line N: ...`.
"""

from __future__ import annotations

import operator
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.error import MarkedYAMLError

#: The largest rule, vocabulary or case file read (the largest real one is under 100 KB).
MAX_YAML_BYTES = 2 * 1024 * 1024
#: The deepest nesting accepted (case facts and rules nest fewer than 10 levels).
MAX_DEPTH = 64
#: The most values a document may stand for once its aliases are expanded.
MAX_VALUES = 500_000

_MERGE = "tag:yaml.org,2002:merge"


class YamlLimitError(MarkedYAMLError):
    """A document refused for its shape (depth, alias expansion, duplicate key), not its syntax."""


class SafeLoader(yaml.SafeLoader):
    """yaml.SafeLoader that refuses deep nesting, duplicate keys and impossible dates."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def fetch_flow_collection_start(self, token_class: Any) -> None:
        # checked in the scanner too: its work per token grows with the flow nesting depth
        if self.flow_level >= MAX_DEPTH:
            raise YamlLimitError(problem=f"nested deeper than {MAX_DEPTH} levels", problem_mark=self.get_mark())
        super().fetch_flow_collection_start(token_class)

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlLimitError(problem=f"nested deeper than {MAX_DEPTH} levels",
                                     problem_mark=self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def compose_mapping_node(self, anchor: Any) -> yaml.MappingNode:
        node: yaml.MappingNode = super().compose_mapping_node(anchor)
        first: dict[tuple[str, str], int] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag == _MERGE:
                continue
            seen = first.get((key.tag, key.value))
            if seen is not None:
                raise YamlLimitError(problem=f"duplicate key '{key.value}' (first given on line {seen})",
                                     problem_mark=key.start_mark)
            first[(key.tag, key.value)] = key.start_mark.line + 1
        return node

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # date or datetime
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise ConstructorError(None, None, f"'{node.value}' is not a valid date ({exc})", node.start_mark) from None


    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        try:
            return super().construct_yaml_int(node)
        except ValueError as exc:  # e.g. more digits than Python converts (sys.get_int_max_str_digits)
            raise ConstructorError(None, None, f"not a usable number ({exc})", node.start_mark) from None


SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", SafeLoader.construct_yaml_timestamp)
SafeLoader.add_constructor("tag:yaml.org,2002:int", SafeLoader.construct_yaml_int)

#: libyaml's parser and composer, with the resolver `yaml.SafeLoader` uses (None without libyaml).
_CParser: Any = None
if getattr(yaml, "__with_libyaml__", False):

    from yaml._yaml import CParser

    class _CParserType(CParser, yaml.resolver.Resolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.resolver.Resolver.__init__(self)

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            # The tag of a plain scalar depends only on these three (no path resolvers are
            # registered), and rule files repeat the same keys and words thousands of times.
            # Without path resolvers a collection takes its default tag, and so does a quoted
            # scalar or a plain one whose first character opens no implicit resolver (three in
            # four of a rule file's): answered without the memo's key (a tuple, the text hashed).
            if _PLAIN_RESOLVING:
                if kind is _SCALAR_NODE:
                    if not implicit[0] or value[:1] not in _IMPLICIT_FIRST:
                        return _STR
                elif kind is _MAPPING_NODE:
                    return _MAP
                elif kind is _SEQUENCE_NODE:
                    return _SEQ
            key = (kind, value, implicit)
            tag = _RESOLVED.get(key)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(_RESOLVED) >= _RESOLVED_MAX:
                    _RESOLVED.clear()
                _RESOLVED[key] = tag
            return tag

    _CParser = _CParserType
    _SCALAR_NODE, _MAPPING_NODE, _SEQUENCE_NODE = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode
    #: First characters that may make a plain scalar something else than text (`''` for the empty one).
    _IMPLICIT_FIRST = frozenset(k for k in _CParserType.yaml_implicit_resolvers if k is not None)
    #: The shortcuts above hold while no path resolver nor wildcard implicit resolver is registered, and the
    #: default tags are the standard ones.
    _PLAIN_RESOLVING = (
        not _CParserType.yaml_path_resolvers and None not in _CParserType.yaml_implicit_resolvers
        and (_CParserType.DEFAULT_SCALAR_TAG, _CParserType.DEFAULT_MAPPING_TAG, _CParserType.DEFAULT_SEQUENCE_TAG)
        == ("tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
    )

    if _PLAIN_RESOLVING:
        # Without path resolvers, descending into a node and ascending from it track nothing, yet the
        # composer calls both for every node: two Python frames per node (a seventh of composing a rule
        # file). C functions of the same arity, whose answer the composer ignores, take their place.
        _CParserType.descend_resolver = staticmethod(operator.is_)  # type: ignore[assignment]  # (parent, index)
        _CParserType.ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]  # ()

#: Tags resolved by (node kind, value, implicit flags); cleared when full.
_RESOLVED: dict[Any, Any] = {}
_RESOLVED_MAX = 20_000


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """How many values *node* stands for with every alias expanded (shared nodes counted once each time)."""
    known = memo.get(id(node))
    if known is not None:
        return known
    size = 1
    if isinstance(node, yaml.MappingNode):
        size += sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    elif isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(v, memo) for v in node.value)
    memo[id(node)] = size
    if size > MAX_VALUES:
        raise YamlLimitError(problem=f"stands for more than {MAX_VALUES:,} values once its aliases are expanded",
                             problem_mark=node.start_mark)
    return size


def _c_compose(text: str) -> yaml.Node | None:
    """The node tree as libyaml composes it, or None when it must be composed by the pure loader.

    libyaml is about twenty times faster but has none of our checks: the tree it gives is
    accepted only if it is within the depth limit and has no duplicate key. Anything else (a
    syntax error, a limit exceeded, no libyaml at all) is left to the pure loader, which reports
    the exact problem and line as it always has.
    """
    node = _c_node(text)
    if node is not None and not _tame(node):
        return None
    return node


def _c_node(text: str) -> yaml.Node | None:
    """libyaml's node tree, unchecked; None on any error (and for an empty document)."""
    if _CParser is None:
        return None
    parser = _CParser(text)
    try:
        node: yaml.Node | None = parser.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()
    return node


def _tame(root: yaml.Node) -> bool:
    """No node deeper than MAX_DEPTH (as the composer counts: an alias is one level) and no duplicate key."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if id(node) in seen:  # an alias: its node was walked where it was defined
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[tuple[str, str]] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != _MERGE:
                    if (key.tag, key.value) in keys:
                        return False
                    keys.add((key.tag, key.value))
                stack += ((key, depth + 1), (value, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack += ((value, depth + 1) for value in node.value)
    return True


def _pure_compose(text: str) -> yaml.Node | None:
    loader = SafeLoader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
    finally:
        loader.dispose()
    return node


def compose(text: str) -> yaml.Node | None:
    """The node tree of *text* (positions kept, nothing constructed), within the limits."""
    node = _c_compose(text)
    if node is None:
        node = _pure_compose(text)
    if node is not None:
        _expanded_size(node, {})
    return node


def load_with_nodes(text: str) -> tuple[Any, yaml.Node | None]:
    """The data of *text* as `yaml.safe_load` gives it, and its node tree; YAMLError past a limit."""
    node = compose(text)
    if node is None:
        return None, None
    constructor = SafeLoader("")  # our constructors (dates, numbers) over whichever tree
    try:
        return constructor.construct_document(node), node
    finally:
        constructor.dispose()


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_SCALAR = yaml.ScalarNode
#: Scalar tags built by our constructor's own methods; any other tag takes the general path.
_SCALAR_TAGS = frozenset({
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp",
})


class _NotPlain(Exception):
    """The document needs the general path: an alias, a merge key, an unusual tag or a limit."""


def _plain_data(root: yaml.Node) -> Any:
    """The data of a node tree in one walk, for the common document; _NotPlain otherwise.

    The general path walks a tree four times (depth and duplicate keys, alias expansion,
    construction, and each node's line). A document without merge keys, unusual tags or
    recursive aliases, within the depth and expansion limits and without a duplicate key,
    gives the same data in one walk: a node reached again through an alias gives the same
    object, as the constructor does, and counts its whole expansion again, as the limit
    does. Anything else is left to the general path, which refuses it with the line as before.

    A text scalar (most of a rule file: keys, words, names) is its own value, counts one and holds
    nothing, so a mapping or list takes its text children inline, without a call, a memo entry or an
    alias check each (what an alias of one gives is the same string object either way).
    """
    constructor = SafeLoader("")
    built: dict[int, tuple[Any, int]] = {}
    started: set[int] = set()
    merging: set[int] = set()  # mappings with a merge key

    def build(node: yaml.Node, depth: int) -> tuple[Any, int]:
        if depth > MAX_DEPTH:
            raise _NotPlain
        done = built.get(id(node))
        if done is not None:
            return done
        if id(node) in started:
            raise _NotPlain  # an alias inside its own anchor
        started.add(id(node))
        tag = node.tag
        data: Any
        size = 1
        leaves = depth < MAX_DEPTH  # a child text scalar is within the depth limit: taken inline
        if isinstance(node, yaml.ScalarNode):
            if tag == _STR:
                data = node.value
            elif tag in _SCALAR_TAGS:
                data = constructor.yaml_constructors[tag](constructor, node)
            else:
                raise _NotPlain
        elif isinstance(node, yaml.MappingNode) and tag == _MAP:
            merged: list[dict[Any, Any]] = []  # the `<<: *anchor` mapping: its keys come first
            own: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if leaves and type(key_node) is _SCALAR and key_node.tag == _STR:  # a text key: itself
                    key = key_node.value
                    if key in own:
                        raise _NotPlain  # a duplicate, refused with its line by the general path
                    if type(value_node) is _SCALAR and value_node.tag == _STR:
                        own[key] = value_node.value
                        size += 2
                    else:
                        own[key], value_size = build(value_node, depth + 1)
                        size += 1 + value_size
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _NotPlain
                if key_node.tag == _MERGE:
                    # one `<<: *anchor` of a mapping that merges nothing itself: the constructor's
                    # way with several (it keeps a key by the identity of its string) is left to it
                    if merged or not isinstance(value_node, yaml.MappingNode) or id(value_node) in merging:
                        raise _NotPlain
                    merged_value, merged_size = build(value_node, depth + 1)
                    if id(value_node) in merging:
                        raise _NotPlain
                    merged.append(merged_value)
                    merging.add(id(node))
                    size += 1 + merged_size
                    continue
                key, key_size = build(key_node, depth + 1)
                if key in own or not isinstance(key, str | int | float | bool | None):
                    raise _NotPlain  # a duplicate (refused with its line) or an unusual key
                own[key], value_size = build(value_node, depth + 1)
                size += key_size + value_size
            data = own
            if merged:
                data = {}
                for mapping in merged:
                    data.update(mapping)
                data.update(own)
        elif isinstance(node, yaml.SequenceNode) and tag == _SEQ:
            data = []
            for child in node.value:
                if leaves and type(child) is _SCALAR and child.tag == _STR:
                    data.append(child.value)
                    size += 1
                    continue
                value, child_size = build(child, depth + 1)
                data.append(value)
                size += child_size
        else:
            raise _NotPlain
        if size > MAX_VALUES:
            raise _NotPlain
        built[id(node)] = (data, size)
        return data, size

    try:
        return build(root, 1)[0]
    finally:
        constructor.dispose()


def safe_load(text: str) -> Any:
    """`yaml.safe_load` within the limits (the node tree is not kept: see `load_with_nodes`)."""
    node = _c_node(text)
    if node is not None:
        try:
            return _plain_data(node)
        except (_NotPlain, RecursionError):
            pass
    return load_with_nodes(text)[0]


def problem_of(exc: yaml.YAMLError) -> str:
    """'line N: problem' for a YAML error, as every loader reports it."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    return f"line {mark.line + 1}: {problem}" if mark is not None else str(problem)
