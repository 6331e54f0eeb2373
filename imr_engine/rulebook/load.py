"""Loading the rule book: every rule file under a directory, validated.

Loading is where mistakes are caught: YAML syntax, unknown fields, unknown
facts or values in conditions, bad placeholders, duplicate ids. Each error names
the file and line, the rule id and the field, and is raised as RuleError.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..collector import collector_paused
from ..errors import RuleError
from ..resources import default_rules_dir
from .generations import FILE_NAME as GENERATIONS_FILE
from .generations import Generations, InForce
from .model import Rule, RuleFile

if TYPE_CHECKING:
    from ..yaml_source import YamlDocument
    from .names import KnownNames

_TAGS = {"_all", "_any", "_compare"}


@dataclass(frozen=True)
class LoadedRuleFile:
    path: Path
    spec: RuleFile


@dataclass
class RuleBook:
    """All rule files of one rule set, in a stable order, with a content hash."""

    root: Path
    files: list[LoadedRuleFile]
    version: str
    generations: Generations | None = None
    rules: list[Rule] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rules = [r for f in self.files for r in f.spec.rules]
        self.by_id = {r.id: r for r in self.rules}
        self.order = {r.id: i for i, r in enumerate(self.rules)}
        self.category_of = {r.id: f.spec.category for f in self.files for r in f.spec.rules}

    def at(self, day: dt.date) -> InForce | None:
        """The generation in force on *day* (None: the rule book declares none).

        Every command and the API choose by date through here, so they agree.
        """
        return self.generations.at(day) if self.generations is not None else None

    def in_force(self, day: dt.date) -> list[Rule]:
        """The rules whose (generation-clipped) dates hold on *day*, or on the nearest generation's day."""
        found = self.at(day)
        when = found.rules_day if found is not None else day
        return [r for r in self.rules if in_force(r, when)]


def in_force(rule: Rule, day: dt.date) -> bool:
    g = rule.guideline
    return g.effective_from <= day and (g.effective_until is None or day <= g.effective_until)


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """A pydantic error location without union tags, as a YAML path."""
    return tuple(p for p in loc if p not in _TAGS)


def _rule_context(data: Any, loc: tuple[Any, ...]) -> str:
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        try:
            rid = data["rules"][loc[1]].get("id")
        except (KeyError, IndexError, TypeError, AttributeError):
            rid = None
        return f"rule '{rid}': " if rid else f"rule #{loc[1] + 1}: "
    return ""


def _field_name(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(file)"


def load_rule_file(path: Path, known: KnownNames | None = None) -> RuleFile:
    """One rule file, validated; with *known*, every vocabulary name it uses is checked too.

    The checking modules are imported here, not with the module: a book read back from the
    user cache (`rulebook.compiled`) needs only the models.
    """
    from pydantic import ValidationError

    from ..yaml_source import YamlDocument
    from .conditions import ConditionError, check_condition
    from .templates import check_template

    doc = YamlDocument(path, RuleError)
    if not isinstance(doc.data, dict):
        raise doc.fail("a rule file must be a YAML mapping with topic, category, title, applies_to, rules")
    try:
        spec = RuleFile.model_validate(doc.data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = _clean_loc(tuple(err["loc"]))
        msg = "unknown field" if err["type"] == "extra_forbidden" else err["msg"].removeprefix("Value error, ")
        raise doc.fail(f"{_rule_context(doc.data, where)}field '{_field_name(where)}': {msg}", where) from None
    loc: tuple[Any, ...]
    for i, rule in enumerate(spec.rules):
        loc = ("rules", i, "when")
        try:
            if rule.when is not None:
                try:
                    check_condition(rule.when)
                except ConditionError as exc:
                    loc = loc + exc.loc
                    raise
            for name in ("statement", "rationale", "advisory"):
                loc = ("rules", i, name)
                text = getattr(rule, name)
                if text:
                    check_template(text)
        except ValueError as exc:
            field = _field_name(loc[:3]) if isinstance(exc, ConditionError) else _field_name(loc)
            raise doc.fail(f"rule '{rule.id}': field '{field}': {exc}", loc) from None
        _check_compilable(doc, i, rule)
    _check_names(doc, spec, known)
    return spec


def _check_names(doc: YamlDocument, spec: RuleFile, known: KnownNames | None) -> None:
    """Unknown vocabulary names, limits that are not finite numbers, rules that can never fire."""
    from .names import unknown_names, unknown_scope_names
    from .satisfiable import can_fire, finite_limits

    if known is not None:
        for key, problem in unknown_scope_names(spec.applies_to, known):
            raise doc.fail(f"field 'applies_to.{key}': {problem}", ("applies_to", key))
    for i, rule in enumerate(spec.rules):
        where = f"rule '{rule.id}': field 'rules.{i}"
        if known is not None:
            for key, problem in unknown_scope_names(rule.applies_to, known):
                raise doc.fail(f"{where}.applies_to.{key}': {problem}", ("rules", i, "applies_to", key))
            for loc, problem in unknown_names(rule.when, known):
                raise doc.fail(f"{where}.when': {problem}", ("rules", i, "when") + loc)
        for fact, value in finite_limits(rule.when):
            raise doc.fail(f"{where}.when': the limit on '{fact}' must be a finite number, not {value}", ("rules", i, "when"))
        if not can_fire(rule.when, (spec.applies_to, rule.applies_to), known):
            raise doc.fail(
                f"{where}': the rule can never fire: its criteria contradict each other or its scope",
                ("rules", i, "id"),
            )


def _check_compilable(doc: YamlDocument, index: int, rule: Rule) -> None:
    """Refuse at load time what durable_rules would refuse (or crash on) when compiled.

    The groups of the rule's expression are counted from the rule (`rule_expression_groups`),
    without building the expression the engine builds when it compiles the book."""
    from ..engine.compile import rule_expression_groups
    from ..engine.expressions import check_groups
    from ..errors import EngineError

    try:
        check_groups(rule.id, rule_expression_groups(rule))
    except EngineError as exc:
        raise doc.fail(f"field 'rules.{index}.when': {exc.message}", ("rules", index, "when")) from None


def _digest(root: Path, paths: list[Path]) -> str:
    from ..safe_yaml import MAX_YAML_BYTES
    from ..textio import read_bytes_bounded

    h = hashlib.sha256()
    for p in paths:
        h.update(p.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(read_bytes_bounded(p, MAX_YAML_BYTES, "rule file"))
        h.update(b"\0")
    return "sha256:" + h.hexdigest()[:16]


#: The most rules one rule book may hold (the bundled one has a few hundred).
MAX_RULES = 2_000


def rule_file_paths(root: Path) -> list[Path]:
    """Rule files in a stable order; the vocabulary folder and the generations registry hold no rules."""
    return sorted(
        p for p in root.rglob("*.yaml")
        if "vocabulary" not in p.relative_to(root).parts and p.relative_to(root).as_posix() != GENERATIONS_FILE
    )


def _in_generations(loaded: LoadedRuleFile, root: Path, registry: Generations) -> LoadedRuleFile:
    """The file with each rule's dates clipped to the generations its folder (or file, or rule) declares.

    A rule keeps its own dates where they are narrower; a rule whose own dates
    fall outside its generations could never apply and is refused.
    """
    relative = loaded.path.relative_to(root)
    declared = loaded.spec.generations or registry.folder_of(relative)
    if declared is None:
        raise RuleError(
            f"folder '{relative.parts[0] if len(relative.parts) > 1 else '.'}' declares no MTUS generation: "
            f"add it under 'folders:' in {GENERATIONS_FILE}, or give the file 'generations:'",
            source=str(loaded.path),
        )
    try:
        rules = [_clip(rule, rule.guideline.generations or declared, registry) for rule in loaded.spec.rules]
    except ValueError as exc:
        raise RuleError(str(exc), source=str(loaded.path)) from None
    return LoadedRuleFile(loaded.path, loaded.spec.model_copy(update={"rules": rules}))


def _clip(rule: Rule, declared: list[str] | str, registry: Generations) -> Rule:
    names = [g.id for g in registry.list] if declared == "every" else list(declared)
    unknown = [n for n in names if n not in registry.by_id]
    if unknown:
        raise ValueError(f"rule '{rule.id}': unknown generation '{unknown[0]}' (known: {', '.join(registry.by_id)})")
    first, last = registry.window(names)
    g = rule.guideline
    start = max(g.effective_from, first)
    ends = [d for d in (g.effective_until, last) if d is not None]
    until = min(ends) if ends else None
    if until is not None and until < start:
        raise ValueError(
            f"rule '{rule.id}': its guideline dates ({g.effective_from} to {g.effective_until or 'open'}) "
            f"fall outside its generations ({', '.join(names)})"
        )
    guideline = g.model_copy(update={"effective_from": start, "effective_until": until, "generations": names})
    return rule.model_copy(update={"guideline": guideline})


def load_rulebook(root: str | Path | None = None, *, key: str | None = None, store: bool = True) -> RuleBook:
    """Load and validate every rule file under *root* (default: the bundled rule book).

    A book loaded before from the same files by the same code is read back from the user cache
    without validating it again (`rulebook.compiled`); any other is loaded and validated here.
    *key* is the rule directory's `rulebook.compiled.key_of`, when the caller has just computed it
    (`imr rules` keys its listing by the same files): hashing every rule file again costs a read of each.
    With *store* false a book validated here is not kept: `imr rules` keeps only its listing, and
    shaping and writing the book for a later command was a tenth of its first run.
    """
    from .. import derived_cache
    from . import compiled

    base = Path(root) if root is not None else default_rules_dir()
    with collector_paused():
        if key is None and derived_cache.enabled():  # with caching off no key is needed: nothing is read or kept
            key = compiled.key_of(base)
        book = compiled.load(base, key)
        if book is None:
            book = _load_rulebook(base)
            if store:
                compiled.store(book, key)
        else:  # the limit is this process's, not the one in force when the book was stored
            _refuse_oversized(book.files)
        return book


def _refuse_oversized(files: list[LoadedRuleFile], total: int = 0) -> int:
    """Refuse a book of more than MAX_RULES rules, naming the file that crosses the limit.

    *total* counts the rules of files checked before these (a load checks each file as it is read,
    without counting the earlier ones again); returns the count with these files.
    """
    for f in files:
        total += len(f.spec.rules)
        if total > MAX_RULES:
            raise RuleError(f"more than {MAX_RULES:,} rules: over the limit a rule book may hold "
                            f"(compiling and evaluating grow with it)", source=str(f.path))
    return total


def _load_rulebook(base: Path) -> RuleBook:
    if not base.is_dir():
        raise RuleError("rule directory not found", source=str(base))
    paths = rule_file_paths(base)
    if not paths:
        raise RuleError("no rule files (*.yaml) found", source=str(base))
    from .generations import load_generations

    known = known_names(base)
    files: list[LoadedRuleFile] = []
    total = 0
    for p in paths:
        files.append(LoadedRuleFile(p, load_rule_file(p, known)))
        total = _refuse_oversized(files[-1:], total)  # as soon as the limit is crossed, before reading further files
    registry = load_generations(base)
    if registry is not None:
        files = [_in_generations(f, base, registry) for f in files]
    seen: dict[str, Path] = {}
    for f in files:
        for rule in f.spec.rules:
            if rule.id in seen:
                raise RuleError(f"rule '{rule.id}': duplicate id (also in {seen[rule.id]})", source=str(f.path))
            seen[rule.id] = f.path
    all_yaml = sorted(base.rglob("*.yaml"))
    return RuleBook(root=base, files=files, version=_digest(base, all_yaml), generations=registry)


def known_names(root: Path) -> KnownNames:
    """The names the rules under *root* may use: those of the vocabulary beside them."""
    from ..vocabulary.shared import diagnosis_group_names, vocabulary_for
    from .names import KnownNames

    return KnownNames.of(vocabulary_for(root), diagnosis_group_names(root))


@lru_cache(maxsize=8)
def cached_rulebook(root: str | None = None) -> RuleBook:
    """The rule book for *root*, loaded once per process."""
    return load_rulebook(root)
