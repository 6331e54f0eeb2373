"""Writing the rationale paragraph from the decisive rules' templates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache

from ..facts.model import CaseFacts
from ..requests.model import RequestedItem
from ..rulebook.conditions import FACT_TYPES
from ..rulebook.model import Rule
from ..rulebook.templates import _PLACEHOLDER, render_value
from .derive import Derived

#: How a yes/no/unknown fact reads in a sentence.
TRI_WORDS = {"yes": "documented", "no": "documented as absent", "unknown": "not documented"}
TRI_FACTS = frozenset(n for n, t in FACT_TYPES.items() if t.kind == "enum" and set(t.values) == set(TRI_WORDS))


#: The readable extras `template_values` offers beside the item facts.
EXTRA_NAMES = ("request", "name", "as_of", "date_of_injury", "medication_started", "companion_surgery_request")
_EXTRA_SET = frozenset(EXTRA_NAMES)


class TemplateValues(Mapping[str, object]):
    """The values templates may name, converted only when a template asks.

    A rationale uses a handful of the ~100 item facts, so converting all of
    them for every item (as a plain dict would) is wasted work; the extras
    (EXTRA_NAMES) are written only when a template names one.
    """

    def __init__(self, dump: Mapping[str, object], extras: dict[str, object] | Callable[[str], object]) -> None:
        """*extras*: the extras as a dict, or a function giving each of EXTRA_NAMES by name (asked once per name)."""
        self._dump = dump
        self._given = extras if isinstance(extras, dict) else None
        self._make = extras if not isinstance(extras, dict) else None
        self._made: dict[str, object] = {}

    @property
    def _extras(self) -> dict[str, object]:
        if self._given is not None:
            return self._given
        return {name: self._extra(name) for name in EXTRA_NAMES} if self._make is not None else {}

    def _extra(self, name: str) -> object:
        """One extra, made the first time a template names it (most rationales name one or two)."""
        made = self._made
        if name not in made:
            made[name] = self._make(name) if self._make is not None else None
        return made[name]

    def __getitem__(self, name: str) -> object:
        if name in _EXTRA_SET:
            return self._extras[name] if self._make is None else self._extra(name)
        value = self._dump[name]
        return TRI_WORDS.get(value, value) if name in TRI_FACTS else value  # type: ignore[call-overload]

    def get(self, name: str, default: object = None) -> object:
        """`Mapping.get` without its Python-level try around `__getitem__` (every placeholder of every rationale)."""
        if name in _EXTRA_SET:
            return self._extras.get(name, default) if self._make is None else self._extra(name)
        if name not in self._dump:
            return default
        value = self._dump[name]
        return TRI_WORDS.get(value, value) if name in TRI_FACTS else value  # type: ignore[call-overload]

    def __iter__(self) -> Iterator[str]:
        yield from self._dump
        yield from (k for k in self._extras if k not in self._dump)

    def __len__(self) -> int:
        return len(self._dump) + sum(k not in self._dump for k in self._extras)


def template_values(
    case: CaseFacts, item: RequestedItem, derived: Derived, as_of: dt.date, dump: dict[str, object] | None = None
) -> Mapping[str, object]:
    """Everything a template may name: the item facts plus a few readable extras.

    *dump* is the item's values as the rules read them, when they differ from `derived.values`.
    """
    if dump is None:
        dump = derived.values

    def extra(name: str) -> object:  # each of EXTRA_NAMES, made only when a template names it
        if name == "request":
            return case.requests[derived.values["item_index"]].text
        if name == "name":
            return item.name
        if name == "as_of":
            return as_of.isoformat()
        if name == "date_of_injury":
            return str(case.date_of_injury.date) if case.date_of_injury else None
        if name == "medication_started":
            return derived.extras.get("medication_started")
        return (f'"{case.requests[derived.companion].text}"' if derived.companion is not None
                else derived.extras.get("companion_surgery_request"))

    return TemplateValues(dump, extra)


@lru_cache(maxsize=1024)
def _pieces(template: str) -> tuple[str, ...]:
    """A template cut once into literal text and placeholder names (odd positions)."""
    return tuple(_PLACEHOLDER.split(template))


def _render(template: str, values: Mapping[str, object]) -> str:
    """`templates.render` with the template cut up once, not scanned for every item."""
    pieces = _pieces(template)
    out = list(pieces)
    for i in range(1, len(pieces), 2):
        out[i] = render_value(values.get(pieces[i]))
    return "".join(out)


@lru_cache(maxsize=1024)
def _fixed_sentence(template: str) -> str | None:
    """The sentence of a template without placeholders (the same for every item), else None."""
    return _sentence(template) if len(_pieces(template)) == 1 else None


def _filled_sentence(template: str, values: Mapping[str, object]) -> str:
    """`_sentence(_render(template, values))`, a template with nothing to fill written once.

    Remembered per template and the values of its placeholders (each with its type: 1 and 1.0
    read differently), since items of a corpus fill the same templates with the same few values.
    """
    fixed = _fixed_sentence(template)
    if fixed is not None:
        return fixed
    pieces = _pieces(template)
    shown = [values.get(pieces[i]) for i in range(1, len(pieces), 2)]
    key = _sentence_key(template, shown)
    if key is None:
        return _sentence(_joined(pieces, shown))
    sentence = _SENTENCES.get(key)
    if sentence is None:
        sentence = _sentence(_joined(pieces, shown))
        if len(_SENTENCES) >= _SENTENCE_MEMO_SIZE:
            _SENTENCES.clear()
        _SENTENCES[key] = sentence
    return sentence


def _joined(pieces: tuple[str, ...], shown: list[object]) -> str:
    """The template's pieces with each placeholder's value rendered in its place (`_render`)."""
    out = list(pieces)
    for n, value in enumerate(shown):
        out[2 * n + 1] = render_value(value)
    return "".join(out)


#: Filled sentences by (template, each value's type and value); emptied when full.
_SENTENCES: dict[tuple[object, ...], str] = {}
_SENTENCE_MEMO_SIZE = 8192
#: Values whose rendering depends on their type and value alone (`render_value`), and can be keys.
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _sentence_key(template: str, shown: list[object]) -> tuple[object, ...] | None:
    """The memo key of a filled template, or None when a value is not a plain scalar or a list of them."""
    key: list[object] = [template]
    for value in shown:
        kind = type(value)
        if kind in _SCALARS:
            key += (kind, value)
        elif kind is list and all(type(v) in _SCALARS for v in value):  # type: ignore[attr-defined]
            key += (list, tuple((type(v), v) for v in value))  # type: ignore[attr-defined]
        else:
            return None
    return tuple(key)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def not_established_rationale(supporting: list[Rule], request: str) -> str:
    """Why a covered item is not medically necessary when no rule decided it: what the guideline asks for."""
    asks = "; ".join(dict.fromkeys(r.question.rstrip("?") for r in supporting))
    return (
        f"The guideline covers the request for {request} and supports it only in documented circumstances "
        f"({asks}). None of them is documented here, so medical necessity is not established. "
        f"The request for {request} is not medically necessary."
    )


def compose_rationale(decisive: list[Rule], request: str, necessary: bool | None, values: Mapping[str, object]) -> str:
    """Guideline statement, the facts of this case, then the conclusion, as one paragraph."""
    if necessary is None:
        return (
            f"No rule in the rule book addresses the request for {request} "
            f"(kind: {values.get('kind')}, class: {values.get('drug_class')}, service: {values.get('service')}). "
            "It is reported as Indeterminate for a reviewer to decide; nothing is guessed."
        )
    parts: list[str] = []
    for rule in decisive:
        parts.append(_filled_sentence(rule.statement, values))
        parts.append(_filled_sentence(rule.rationale, values))
    verdict = "medically necessary" if necessary else "not medically necessary"
    parts.append(f"The request for {request} is {verdict}.")
    return " ".join(parts)


#: Distinct filled rationales one `Rationales` remembers; emptied when full.
_RATIONALE_MEMO_SIZE = 1024


class Rationales:
    """`compose_rationale` for one list of decisive rules, each paragraph remembered per the values it names.

    Items decided by the same rules fill the same templates; a corpus fills them with few distinct
    values. One key (each value with its type, as `_filled_sentence` keys a sentence) for all of the
    rules' templates answers an item with one look-up instead of two per rule; the request's own
    verdict sentence is added per item.
    """

    def __init__(self, decisive: Sequence[Rule]) -> None:
        self._decisive = list(decisive)
        names: list[str] = []
        for rule in self._decisive:
            for template in (rule.statement, rule.rationale):
                pieces = _pieces(template)
                names += [pieces[i] for i in range(1, len(pieces), 2)]
        self._names = tuple(names)
        self._memo: dict[tuple[object, ...], str] = {}

    def compose(self, request: str, necessary: bool, values: Mapping[str, object]) -> str:
        """`compose_rationale(decisive, request, necessary, values)`."""
        key = _sentence_key("", [values.get(name) for name in self._names])
        if key is None:  # a value that is not a plain scalar or a list of them: written anew
            return compose_rationale(self._decisive, request, necessary, values)
        body = self._memo.get(key)
        if body is None:
            body = " ".join(_filled_sentence(template, values)
                            for rule in self._decisive for template in (rule.statement, rule.rationale))
            if len(self._memo) >= _RATIONALE_MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = body
        verdict = f"The request for {request} is {'medically necessary' if necessary else 'not medically necessary'}."
        return f"{body} {verdict}" if body else verdict

