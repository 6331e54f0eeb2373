"""The validated rule book kept as plain data, so that a command loads it without validating it again.

Loading the rule book validates every rule file against the models and the vocabulary: most of
a second, spent on every command that evaluates or lists, for an answer that changes only when a
rule file, a vocabulary file or this package changes. After a successful load the book is written
as plain JSON (models as `{"m": name, "v": field values, "s": which were set}`, tuples, dates and mappings
tagged, nothing that runs) into the user cache (`imr_engine.derived_cache`: `$IMR_CACHE_DIR`,
else `$XDG_CACHE_HOME/imr-engine`, else `~/.cache/imr-engine`), keyed by a hash of every YAML
file under the rule directory, this package's code and the Python version. A later load with the
same key rebuilds the same models without validation: only the classes named here can be built,
and anything unexpected in the file makes it count as absent. A book that fails to load is never
stored, so every error is reported by the full load, exactly as without the cache.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .. import derived_cache
from .conditions import All, Any_, Compare
from .generations import CarryCriteria, Generation, Generations
from .load import LoadedRuleFile, RuleBook
from .model import AppliesTo, GuidelineRef, Rule, RuleFile

KIND = "rulebook"
#: Bumped when the stored shape changes (the code hash changes too; this says why in the file).
FORMAT = 1

#: The only classes a stored book may name.
_MODELS: dict[str, type[BaseModel]] = {
    cls.__name__: cls
    for cls in (RuleFile, Rule, GuidelineRef, AppliesTo, All, Any_, Compare, Generation, CarryCriteria)
}

#: Each model's field names in order: a stored model gives its values in this order.
_NAMES: dict[type[BaseModel], tuple[str, ...]] = {cls: tuple(cls.__pydantic_fields__) for cls in _MODELS.values()}


class _Unstorable(Exception):
    """The book holds a value the plain form does not cover: it is then simply not stored."""


class _Damaged(Exception):
    """A stored book that does not have the plain form: it is then ignored."""


def key_of(base: Path) -> str | None:
    """The key of the rule directory *base* as it is now (None: a file could not be hashed)."""
    return derived_cache.content_key(base, base.rglob("*.yaml")) if base.is_dir() else None


def load(base: Path, key: str | None) -> RuleBook | None:
    """The stored book for *key*, rooted at *base*; None when absent, unreadable or damaged."""
    stored = derived_cache.load(KIND, key)
    if stored is None:
        return None
    try:
        return _book(base, stored)
    except (_Damaged, KeyError, TypeError, ValueError, AttributeError, IndexError):
        return None


def store(book: RuleBook, key: str | None) -> None:
    """Keep *book* under *key*; nothing when it cannot be stored (a value the plain form lacks, a write error)."""
    if key is None:
        return
    try:
        plain = {
            "format": FORMAT,
            "version": book.version,
            "files": [[f.path.relative_to(book.root).as_posix(), _plain(f.spec)] for f in book.files],
            "generations": None if book.generations is None else {
                "list": _plain(book.generations.list),
                "folders": _plain(book.generations.folders),
                "carry": _plain(book.generations.carry),
            },
        }
    except (_Unstorable, ValueError):
        return
    derived_cache.store(KIND, key, plain)


def _plain(value: Any) -> Any:
    """*value* as JSON data that `_revive` turns back into an equal value of the same types.

    Most values of a book are text, whole numbers, booleans or None, which stand for themselves:
    a list's items and a model's fields of those exact types are kept without a call each.
    """
    kind = type(value)
    if kind in _AS_IS or value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _Unstorable("a number JSON cannot hold")
        return value
    if kind is list:
        return [v if type(v) in _AS_IS else _plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return {"t": [_plain(v) for v in value]}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"d": value.isoformat()}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise _Unstorable("a mapping with keys that are not text")
        return {"o": [[k, _plain(v)] for k, v in value.items()]}
    if isinstance(value, BaseModel):
        if _MODELS.get(kind.__name__) is not kind or value.__pydantic_extra__ or value.__pydantic_private__:
            raise _Unstorable(kind.__name__)
        names, bit_of = _NAMES[kind], _BITS[kind]  # the field order, read once per class, not once per model stored
        fields = value.__dict__
        values = [v if type(v) in _AS_IS else _plain(v) for v in map(fields.__getitem__, names)]
        given = sum(map(bit_of.__getitem__, value.model_fields_set & bit_of.keys()))
        return {"m": kind.__name__, "v": values, "s": given}
    raise _Unstorable(type(value).__name__)


#: Types whose values `_plain` keeps as they are (exactly these: a subclass takes the general path).
_AS_IS = frozenset({str, int, bool, type(None)})
#: Per model, the bit `_plain` sets for each of its fields that was given (1 << the field's position).
_BITS: dict[type[BaseModel], dict[str, int]] = {
    cls: {name: 1 << i for i, name in enumerate(names)} for cls, names in _NAMES.items()
}


#: JSON values that stand for themselves.
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _revive(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value
    if type(value) is list:
        return [v if type(v) in _SCALARS else _revive(v) for v in value]
    if not isinstance(value, dict) or len(value) not in (1, 3):
        raise _Damaged
    if "m" in value:
        return _model(value["m"], value["v"], value["s"])
    if "t" in value:
        return tuple(_revive(v) for v in _list(value["t"]))
    if "d" in value:
        return dt.date.fromisoformat(value["d"])
    if "o" in value:
        return {_text(k): _revive(v) for k, v in _list(value["o"])}
    raise _Damaged


def _model(name: Any, values: Any, given: Any) -> BaseModel:
    """The model *name* with exactly these field values (in field order) and set fields (a bit per field)."""
    cls = _MODELS.get(_text(name))
    names = _NAMES.get(cls) if cls is not None else None
    if cls is None or names is None or not isinstance(values, list) or len(values) != len(names):
        raise _Damaged
    if not isinstance(given, int) or isinstance(given, bool) or not 0 <= given < 1 << len(names):
        raise _Damaged
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", {n: v if type(v) in _SCALARS else _revive(v) for n, v in zip(names, values)})
    object.__setattr__(model, "__pydantic_fields_set__", {n for i, n in enumerate(names) if given >> i & 1})
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _Damaged
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _Damaged
    return value


def _book(base: Path, stored: Any) -> RuleBook:
    if not isinstance(stored, dict) or stored.get("format") != FORMAT:
        raise _Damaged
    files = []
    for relative, spec in _list(stored["files"]):
        revived = _revive(spec)
        if not isinstance(revived, RuleFile):
            raise _Damaged
        files.append(LoadedRuleFile(base.joinpath(*_text(relative).split("/")), revived))
    registry = None
    if stored["generations"] is not None:
        g = stored["generations"]
        generations, folders, carry = _revive(g["list"]), _revive(g["folders"]), _revive(g["carry"])
        if not (isinstance(generations, list) and all(isinstance(x, Generation) for x in generations)
                and isinstance(folders, dict) and (carry is None or isinstance(carry, CarryCriteria))):
            raise _Damaged
        registry = Generations(generations, folders, carry)
    return RuleBook(root=base, files=files, version=_text(stored["version"]), generations=registry)
