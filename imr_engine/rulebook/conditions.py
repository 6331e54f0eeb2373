"""Rule conditions: a closed set of operators, checked against ItemFacts and compiled.

A condition is data, never code. Each leaf names one fact (a field of
`ItemFacts`) and one operator from the table below; `all` / `any` combine them.
Loading checks every fact name, operator and value against the model (with a
"did you mean" for misspellings); compiling turns the tree into a durable_rules
expression. Nothing here evaluates strings.

| operator       | fact type     | meaning                                  |
|----------------|---------------|------------------------------------------|
| is / is_not    | enum, text    | equals / differs from one value           |
| one_of/none_of | enum, text    | equals one of / none of the values        |
| lt lte gt gte  | number        | compares; never true while unknown        |
| known          | number        | true: the number is documented            |
| includes_any   | list          | the list holds at least one of the values |
| includes_none  | list          | the list holds none of the values         |
"""

from __future__ import annotations

import difflib
import math
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

if TYPE_CHECKING:
    #: Every fact a condition may name and its type (read from `ItemFacts` on first use).
    FACT_TYPES: dict[str, FactType]

Scalar = str | int | float

_VALUE_OPS = ("is", "is_not", "one_of", "none_of")
_NUMBER_OPS = ("lt", "lte", "gt", "gte")
_LIST_OPS = ("includes_any", "includes_none")
OPERATORS = _VALUE_OPS + _NUMBER_OPS + ("known",) + _LIST_OPS
#: Each operator and the model field that holds it (`is` is a Python keyword).
_OPERATOR_FIELDS = tuple((op, "is_" if op == "is" else op) for op in OPERATORS)


def _yaml_words(value: Any) -> Any:
    """YAML reads yes/no as booleans; in conditions they mean the tri-state words."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, list):
        return [_yaml_words(v) for v in value]
    return value


#: The largest limit a rule may state (facts are days, doses, mg, scores: far below), and the
#: smallest non-zero one: outside these Python writes the number in exponent notation, which
#: durable_rules cannot read.
MAX_LIMIT = 1_000_000_000
MIN_MAGNITUDE = 0.001


def _sane(value: float) -> bool:
    return math.isfinite(value) and abs(value) <= MAX_LIMIT and (value == 0 or abs(value) >= MIN_MAGNITUDE)


def _refuse_insane(fact: str, value: object) -> None:
    if isinstance(value, float) and not _sane(value):
        raise ValueError(
            f"a limit on '{fact}' must be a finite number from {-MAX_LIMIT:,} to {MAX_LIMIT:,}, "
            f"0 or at least {MIN_MAGNITUDE} in size (got {value!r})"
        )


class Compare(BaseModel):
    """One test of one fact, e.g. `{fact: long_term_use, is: yes}`."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    fact: str
    is_: Scalar | None = Field(None, alias="is")
    is_not: Scalar | None = None
    one_of: list[Scalar] | None = None
    none_of: list[Scalar] | None = None
    lt: float | None = None
    lte: float | None = None
    gt: float | None = None
    gte: float | None = None
    known: bool | None = None
    includes_any: list[str] | None = None
    includes_none: list[str] | None = None

    @model_validator(mode="before")
    @classmethod
    def _words(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: (v if k in ("fact", "known") or type(v) is str else _yaml_words(v)) for k, v in data.items()}
        return data

    @model_validator(mode="after")
    def _sane_and_one_operator(self) -> Compare:
        """Limits must be numbers durable_rules can read and a fact can reach (no inf/nan, no 1e+20);
        then exactly one operator. One validator, one look at the fields: a rule book has thousands
        of comparisons, each validated on every validating load."""
        fields = self.__dict__
        for name in ("lt", "lte", "gt", "gte", "is_", "is_not"):
            _refuse_insane(self.fact, fields[name])
        for name in ("one_of", "none_of"):
            for value in fields[name] or ():
                _refuse_insane(self.fact, value)
        used = sum(fields[name] is not None for _, name in _OPERATOR_FIELDS)
        if used != 1:
            names = ", ".join(OPERATORS)
            raise ValueError(f"a condition on '{self.fact}' needs exactly one operator of: {names} (found {used})")
        return self

    def operators(self) -> list[tuple[str, Any]]:
        return [(op, value) for op, name in _OPERATOR_FIELDS if (value := getattr(self, name)) is not None]

    @property
    def operator(self) -> tuple[str, Any]:
        """The first operator given (validation ensures there is exactly one).

        Asked thousands of times while the rule book loads (every check walks the conditions):
        it stops at the first operator instead of listing them all.
        """
        fields = self.__dict__  # the field values, read without an attribute lookup each
        for op, name in _OPERATOR_FIELDS:
            value = fields[name]
            if value is not None:
                return op, value
        return self.operators()[0]  # none: the same IndexError as ever


class All(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    all: list[Condition] = Field(min_length=1)


class Any_(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    any: list[Condition] = Field(min_length=1)


def _condition_kind(data: Any) -> str:
    if isinstance(data, dict):
        if "all" in data:
            return "_all"
        if "any" in data:
            return "_any"
    elif isinstance(data, (All, Any_)):
        return "_all" if isinstance(data, All) else "_any"
    return "_compare"


Condition = Annotated[
    Annotated[All, Tag("_all")] | Annotated[Any_, Tag("_any")] | Annotated[Compare, Tag("_compare")],
    Discriminator(_condition_kind),
]
# All and Any_ name Condition before it exists: their schemas are built on first validation
# (defer_build), when it does, so importing the models builds nothing.


# --- checking conditions against the ItemFacts model --------------------------------


@dataclass(frozen=True)
class FactType:
    """What kind of value a fact holds, read from the ItemFacts annotation."""

    kind: Literal["enum", "text", "number", "list"]
    optional: bool
    values: tuple[str, ...] = ()
    minimum: float | None = None  # the model's lower bound (ge), when it has one


@cache
def fact_types() -> dict[str, FactType]:
    """Every fact a condition may name and its type, read from the `ItemFacts` annotations.

    Read on first use, not on import: the models of a rule book read back from the user cache
    (`rulebook.compiled`) are not checked again, so listing it needs no case model.
    """
    from ..facts.derived import ItemFacts

    table: dict[str, FactType] = {}
    for name, field in ItemFacts.model_fields.items():
        ann = field.annotation
        optional = False
        origin = typing.get_origin(ann)
        if origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(ann) if a is not type(None)]
            optional = len(args) < len(typing.get_args(ann))
            ann = args[0]
            origin = typing.get_origin(ann)
        if origin is Literal:
            table[name] = FactType("enum", optional, tuple(typing.get_args(ann)))
        elif origin is list:
            table[name] = FactType("list", optional)
        elif ann in (int, float):
            bounds = [m.ge for m in field.metadata if getattr(m, "ge", None) is not None]
            table[name] = FactType("number", optional, minimum=float(bounds[0]) if bounds else None)
        else:
            table[name] = FactType("text", optional)
    return table


def __getattr__(name: str) -> Any:
    if name == "FACT_TYPES":
        return fact_types()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def suggest(name: str, choices: typing.Iterable[str]) -> str:
    """' (did you mean X?)' for a near miss, else ''."""
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class ConditionError(ValueError):
    """A condition that does not fit the facts; `loc` is its path inside `when`."""

    def __init__(self, message: str, loc: tuple[object, ...]) -> None:
        super().__init__(message)
        self.loc = loc


def check_condition(cond: Condition, path: str = "when", loc: tuple[object, ...] = ()) -> None:
    """Raise ConditionError naming *path* when a condition does not fit the facts it names."""
    if isinstance(cond, All):
        for i, c in enumerate(cond.all):
            check_condition(c, f"{path}.all[{i}]", loc + ("all", i))
        return
    if isinstance(cond, Any_):
        for i, c in enumerate(cond.any):
            check_condition(c, f"{path}.any[{i}]", loc + ("any", i))
        return
    try:
        _check_compare(cond, path)
    except ValueError as exc:
        raise ConditionError(str(exc), loc) from None


def _check_compare(cond: Compare, path: str) -> None:
    types_of = fact_types()
    ftype = types_of.get(cond.fact)
    if ftype is None:
        raise ValueError(f"{path}: unknown fact '{cond.fact}'{suggest(cond.fact, types_of)}")
    op, value = cond.operator
    allowed = {
        "enum": _VALUE_OPS, "text": _VALUE_OPS, "number": _NUMBER_OPS + ("known", "is", "is_not"), "list": _LIST_OPS,
    }[ftype.kind]
    if op == "known":
        if not ftype.optional:
            raise ValueError(f"{path}: fact '{cond.fact}' is always known; 'known' does not apply")
        return
    if op not in allowed:
        raise ValueError(f"{path}: operator '{op}' does not apply to {ftype.kind} fact '{cond.fact}' (use one of: {', '.join(allowed)})")
    if ftype.kind == "enum":
        for v in value if isinstance(value, list) else [value]:
            if v not in ftype.values:
                raise ValueError(
                    f"{path}: '{v}' is not a value of '{cond.fact}' (values: {', '.join(ftype.values)}){suggest(str(v), ftype.values)}"
                )
    if ftype.kind == "number" and op in ("is", "is_not") and not isinstance(value, (int, float)):
        raise ValueError(f"{path}: fact '{cond.fact}' is a number; '{value}' is not")


def decided_by(cond: Condition | None, values: dict[str, Any], fixed: frozenset[str]) -> bool | None:
    """The condition's truth from the *fixed* facts alone: True, False, or None when other facts matter.

    Three-valued: a leaf on a fact outside *fixed* is unknown; `all` is False as soon as one part
    is, `any` as soon as every part is. Used to ask whether a rule could ever speak to an item
    whatever else gets documented (e.g. a spine rule and a shoulder x-ray: never).
    """
    if cond is None:
        return True
    if isinstance(cond, (All, Any_)):
        parts = [decided_by(c, values, fixed) for c in (cond.all if isinstance(cond, All) else cond.any)]
        if isinstance(cond, All):
            return False if False in parts else (True if all(p is True for p in parts) else None)
        return True if True in parts else (False if all(p is False for p in parts) else None)
    if cond.fact not in fixed:
        return None
    return _holds(cond, values.get(cond.fact))


def _holds(cond: Compare, value: Any) -> bool:
    op, want = cond.operator
    if op == "known":
        return (value is not None) is bool(want)
    if op in ("includes_any", "includes_none"):
        items = set(value or [])
        return bool(items & set(want)) if op == "includes_any" else not items & set(want)
    if op in _NUMBER_OPS:
        if value is None:
            return False
        return {"lt": value < want, "lte": value <= want, "gt": value > want, "gte": value >= want}[op]
    if op == "is":
        return bool(value == want)
    if op == "is_not":
        return bool(value != want)
    return (value in want) if op == "one_of" else (value not in want)


def facts_named(cond: Condition | None) -> list[str]:
    """Every fact a condition reads, in order of first mention."""
    out: list[str] = []

    def walk(c: Condition) -> None:
        if isinstance(c, All):
            for x in c.all:
                walk(x)
        elif isinstance(c, Any_):
            for x in c.any:
                walk(x)
        elif c.fact not in out:
            out.append(c.fact)

    if cond is not None:
        walk(cond)
    return out


# --- compiling to durable_rules expressions -----------------------------------------


def _either(parts: list[dict[str, Any]], op: str) -> dict[str, Any]:
    return parts[0] if len(parts) == 1 else {op: parts}


def condition_groups(cond: Condition) -> int:
    """How many `$and`/`$or` nodes `compile_condition(cond)` has, counted without building it.

    Loading the rule book holds every rule to durable_rules' limit on groups; building each
    rule's expression only to count them was a fifth of the rule checks. Mirrors `_either` below:
    a group wherever there are not exactly one part (tested against the built expression).
    """
    if isinstance(cond, (All, Any_)):
        parts = cond.all if isinstance(cond, All) else cond.any
        return (len(parts) != 1) + sum(condition_groups(c) for c in parts)
    op, value = cond.operator
    if op in ("one_of", "none_of", "includes_any"):
        return int(len(value) != 1)
    if op == "includes_none":
        return 1 + (len(value) != 1)
    return 0


def compile_condition(cond: Condition) -> dict[str, Any]:
    """The durable_rules expression for a checked condition."""
    if isinstance(cond, All):
        return _either([compile_condition(c) for c in cond.all], "$and")
    if isinstance(cond, Any_):
        return _either([compile_condition(c) for c in cond.any], "$or")
    f = cond.fact
    op, value = cond.operator
    if op == "is":
        return {f: value}
    if op == "is_not":
        return {"$neq": {f: value}}
    if op == "one_of":
        return _either([{f: v} for v in value], "$or")
    if op == "none_of":
        return _either([{"$neq": {f: v}} for v in value], "$and")
    if op in _NUMBER_OPS:
        return {f"${op}": {f: value}}
    if op == "known":
        return {"$ex" if value else "$nex": {f: 1}}
    if op == "includes_any":
        return _either([{"$iany": {f: {"$i": v}}} for v in value], "$or")
    if op == "includes_none":
        # $iall never matches an empty list, and empty lists are left out of facts.
        every_differs = _either([{"$iall": {f: {"$neq": {"$i": v}}}} for v in value], "$and")
        return {"$or": [every_differs, {"$nex": {f: 1}}]}
    raise AssertionError(f"operator {op} not compiled")  # pragma: no cover - guarded by check_condition
