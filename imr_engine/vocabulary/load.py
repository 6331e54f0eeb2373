"""Reading one vocabulary file: YAML via safe_load, then its pydantic model, errors made actionable.

Every failure becomes a RuleError whose source is the file and whose message names the YAML
line, the entry and the field, e.g.
``drugs.yaml: line 31: ingredient 'hydrocodone': field 'classes': unknown class 'opiod' (did you mean 'opioid'?)``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import ImrError, RuleError
from ..safe_yaml import MAX_YAML_BYTES, compose, problem_of, safe_load
from ..textio import read_bytes_bounded, read_text_file
from . import models

M = TypeVar("M", bound=BaseModel)

#: How an entry of each top-level mapping is called in messages.
ENTRY_LABELS = {
    "classes": "class",
    "routes": "route",
    "forms": "form",
    "frequencies": "frequency",
    "release": "release",
    "ingredients": "ingredient",
    "products": "product",
    "services": "service",
    "body_regions": "body region",
    "laterality": "side",
}

_KNOWN_FIELDS = sorted(
    {
        name
        for model in (
            models.ClassesFile,
            models.ClassEntry,
            models.SigFile,
            models.RouteEntry,
            models.FormEntry,
            models.FrequencyEntry,
            models.DrugsFile,
            models.Ingredient,
            models.MedFactor,
            models.MedTier,
            models.ProductsFile,
            models.Product,
            models.ServicesFile,
            models.Service,
            models.AnatomyFile,
        )
        for name in model.model_fields
    }
)

Loc = Sequence[str | int]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean ...?)' suffix for a misspelt name, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


@dataclass(frozen=True)
class LoadedFile(Generic[M]):
    """A validated vocabulary file, with its text kept so later checks can still cite a line."""

    path: Path
    text: str
    data: M

    def error(self, loc: Loc, problem: str) -> RuleError:
        """A RuleError at *loc* (top-level key, entry, field...) in this file."""
        return RuleError(_describe(self.text, loc, problem), source=str(self.path))


def load_file(path: Path, model: type[M]) -> LoadedFile[M]:
    """Read *path* with yaml.safe_load and validate it against *model*."""
    source = str(path)
    if not path.exists():
        raise RuleError("vocabulary file is missing", source=source)
    try:
        text = read_bytes_bounded(path, MAX_YAML_BYTES, "vocabulary file").decode("utf-8")
    except ImrError as exc:
        raise RuleError(f"cannot read vocabulary file: {exc.message}", source=exc.source) from None
    except UnicodeDecodeError as exc:
        raise RuleError(f"cannot read vocabulary file: not UTF-8 (invalid byte at offset {exc.start})",
                        source=source) from None
    try:
        data = safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleError(f"not valid YAML: {problem_of(exc)}", source=source) from None
    if not isinstance(data, dict):
        got = "an empty file" if data is None else f"a {type(data).__name__}"
        raise RuleError(f"expected a mapping with title, purpose, source and entries, got {got}", source=source)
    try:
        return LoadedFile(path, text, model.model_validate(data))
    except ValidationError as exc:
        # A misspelt field also makes the real one "missing": report the misspelling first.
        first = min(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        more = exc.error_count() - 1
        problem = _pydantic_problem(first) + (f" (and {more} more problem{'s' * (more > 1)})" if more else "")
        raise RuleError(_describe(text, first["loc"], problem), source=source) from None


def _pydantic_problem(error: ErrorDetails) -> str:
    kind = error["type"]
    loc = error["loc"]
    if kind == "extra_forbidden":
        name = str(loc[-1])
        return f"unknown field '{name}'{did_you_mean(name, _KNOWN_FIELDS)}"
    if kind == "missing":
        return "is required"
    message = str(error["msg"]).removeprefix("Value error, ")
    value = error.get("input")
    if value is not None and not isinstance(value, dict | list) and kind != "value_error":
        message += f" (got {value!r})"
    return message


def _describe(text: str, loc: Loc, problem: str) -> str:
    """'line N: <entry> '<key>': field '<path>': problem', naming only the parts *loc* has."""
    parts: list[str] = []
    line = line_of(text, loc)
    if line is not None:
        parts.append(f"line {line}")
    rest = list(loc)
    if len(rest) >= 2 and str(rest[0]) in ENTRY_LABELS:
        parts.append(f"{ENTRY_LABELS[str(rest[0])]} '{rest[1]}'")
        rest = rest[2:]
    if rest:
        parts.append(f"field '{_field_path(rest)}'")
    return ": ".join([*parts, problem])


def _field_path(loc: Loc) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def line_of(text: str, loc: Loc) -> int | None:
    """The 1-based line of the deepest node of *loc* present in the YAML *text*.

    Composes the YAML (SafeLoader: nodes only, nothing is constructed) because the loaded data
    no longer knows where each value stood.
    """
    try:
        node = compose(text)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    line = node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == str(part):
                    line, node = key.start_mark.line + 1, value
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def load_data_file(path: Path, model: type[M]) -> M | None:
    """A cited data file of the vocabulary as *model*; None when absent; RuleError naming file and field.

    Here, not beside the guideline thresholds' models, so that loading the rule book reads the
    diagnosis groups without building those models."""
    if not path.is_file():
        return None
    try:
        return model.model_validate(safe_load(read_text_file(path, limit=MAX_YAML_BYTES)))
    except ImrError as exc:
        raise RuleError(exc.message, source=exc.source) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"not valid YAML: {problem_of(exc)}", source=str(path)) from None
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise RuleError(f"field '{where}': {err['msg'].removeprefix('Value error, ')}", source=str(path)) from None
