"""A synthetic corpus of N letters, built deterministically from the five real letters.

Letter i is letter `i mod 5` of cases/ with these changes, drawn from a random
generator seeded with (seed, i) — the same N and seed always give the same bytes:

- drugs: each brand in `SWAPS` that the letter names is, with probability 1/2,
  replaced everywhere (request line, summary, rationale) by another name of its
  group: same ingredients (Norco -> Vicodin), or same class (Soma -> Flexeril,
  Klonopin -> Ativan), all names the vocabulary knows;
- dates: every full or month date (8/11/1998, 2/25/2015, August 28, 2015,
  February 2015, June, 2015) moves by the same k months, k uniform in -18..18
  (the day is kept, capped at 28); bare years (the "2009" of an edition) stay;
- age: "53 year old" moves by d years, d uniform in -10..10;
- pain scores: every "N/10" (and "N-M/10") moves by p, p uniform in -2..2,
  clipped to 0..10;
- quantities: each distinct "#N" / "# N" becomes one of 15, 30, 45, 60, 90,
  100, 120, 180 (consistently within the letter);
- item order: the disputed items' blocks are shuffled.

With `with_facts`, each letter gets a case folder whose case.yaml is the real
letter's curated case.yaml under the same changes (strings rewritten the same
way, ISO dates moved by k months, age by d, pain scores by p, requests in the
shuffled order), so the curated path can be measured without extraction.
"""

from __future__ import annotations

import calendar
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

CASES = Path(__file__).resolve().parent.parent / "cases"

#: Interchangeable names: same ingredients first, then same class. All in rules/vocabulary/products.yaml.
SWAPS: tuple[tuple[str, ...], ...] = (
    ("Norco", "Vicodin", "Lortab", "Lorcet"),
    ("Percocet", "Endocet", "Roxicet"),
    ("Soma", "Flexeril", "Robaxin", "Zanaflex", "Skelaxin"),
    ("Klonopin", "Ativan", "Valium", "Xanax"),
    ("Dilaudid", "Opana"),
    ("MS Contin", "Kadian", "Avinza"),
)
QUANTITIES = (15, 30, 45, 60, 90, 100, 120, 180)
MONTHS = tuple(calendar.month_name)[1:]

_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_WORD_DATE = re.compile(r"\b(" + "|".join(MONTHS) + r")( \d{1,2})?(,? )(\d{4})\b")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_AGE = re.compile(r"\b(\d{2})( ?-?year[- ]old)")
_PAIN = re.compile(r"(?<![\d/.])(\d{1,2})(?:-(\d{1,2}))?/10(?![\d/])")
_QUANTITY = re.compile(r"#( ?)(\d+)")
_ITEM_HEAD = re.compile(r"^.+:\s*(?:Upheld|Overturned)\s*$")


@dataclass(frozen=True)
class Variation:
    """The draws for one synthetic letter."""

    base: int
    months: int
    age: int
    pain: int
    swaps: tuple[tuple[str, str], ...]
    quantities: tuple[tuple[int, int], ...]
    order: tuple[int, ...]


@cache
def _word(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}\b")


def _shift(year: int, month: int, day: int | None, months: int) -> tuple[int, int, int | None]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1, None if day is None else min(day, 28)


class Varier:
    """Applies one Variation to letter text and to curated case facts alike."""

    def __init__(self, v: Variation) -> None:
        self.v = v
        self._quantity = dict(v.quantities)

    def text(self, text: str) -> str:
        for old, new in self.v.swaps:
            text = _word(old).sub(new, text)
        text = _NUMERIC_DATE.sub(self._numeric_date, text)
        text = _WORD_DATE.sub(self._word_date, text)
        text = _AGE.sub(lambda m: f"{self.age(int(m.group(1)))}{m.group(2)}", text)
        text = _PAIN.sub(self._pain_text, text)
        return _QUANTITY.sub(lambda m: f"#{m.group(1)}{self._quantity.get(int(m.group(2)), int(m.group(2)))}", text)

    def age(self, age: int) -> int:
        return max(18, min(90, age + self.v.age))

    def pain(self, score: float) -> float:
        return max(0.0, min(10.0, score + self.v.pain))

    def iso(self, text: str) -> str:
        m = _ISO_DATE.match(text)
        if not m:
            return text
        year, month, day = _shift(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None, self.v.months)
        return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")

    def _numeric_date(self, m: re.Match[str]) -> str:
        month_text, day_text = m.group(1), m.group(2)
        year, month, day = _shift(int(m.group(3)), int(month_text), int(day_text), self.v.months)
        mm = f"{month:0{len(month_text)}d}"
        dd = f"{day:0{len(day_text)}d}"
        return f"{mm}/{dd}/{year}"

    def _word_date(self, m: re.Match[str]) -> str:
        day = int(m.group(2)) if m.group(2) else None
        year, month, new_day = _shift(int(m.group(4)), MONTHS.index(m.group(1)) + 1, day, self.v.months)
        return f"{MONTHS[month - 1]}{'' if new_day is None else f' {new_day}'}{m.group(3)}{year}"

    def _pain_text(self, m: re.Match[str]) -> str:
        low = _score(self.pain(int(m.group(1))))
        high = f"-{_score(self.pain(int(m.group(2))))}" if m.group(2) else ""
        return f"{low}{high}/10"


def _score(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _blocks(text: str) -> tuple[str, list[str]] | None:
    """The letter split into (everything before the items, one block per item), or None."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if _ITEM_HEAD.match(line.strip())]
    if not starts:
        return None
    head = "".join(lines[: starts[0]])
    blocks = ["".join(lines[a:b]) for a, b in zip(starts, starts[1:] + [len(lines)])]
    if not blocks[-1].endswith("\n"):
        blocks[-1] += "\n"
    return head, blocks


class Corpus:
    """The five real letters (and their curated facts), and the variations drawn from them."""

    def __init__(self, cases: Path = CASES, seed: int = 0) -> None:
        folders = sorted(p for p in cases.iterdir() if (p / "letter.txt").exists())
        self.letters = [(f / "letter.txt").read_text(encoding="utf-8") for f in folders]
        self.facts = [yaml.safe_load((f / "case.yaml").read_text(encoding="utf-8")) for f in folders]
        self.names = [f.name for f in folders]
        self.seed = seed
        #: Per base letter and swap group, the names the letter uses (searched once, not per variant).
        self._present = [
            [[name for name in group if re.search(rf"\b{re.escape(name)}\b", text)] for group in SWAPS]
            for text in self.letters
        ]
        self._quantities = [sorted({int(q) for _, q in _QUANTITY.findall(text)}) for text in self.letters]
        self._items = [len(b[1]) if (b := _blocks(text)) else 0 for text in self.letters]

    def variation(self, i: int) -> Variation:
        rng = random.Random(f"{self.seed}:{i}")
        base = i % len(self.letters)
        swaps = []
        for group, present in zip(SWAPS, self._present[base]):
            if present and rng.random() < 0.5:
                old = present[0]
                swaps.append((old, rng.choice([n for n in group if n != old])))
        quantities = tuple((q, rng.choice(QUANTITIES)) for q in self._quantities[base])
        order = list(range(self._items[base]))
        rng.shuffle(order)
        return Variation(
            base=base, months=rng.randint(-18, 18), age=rng.randint(-10, 10), pain=rng.randint(-2, 2),
            swaps=tuple(swaps), quantities=quantities, order=tuple(order),
        )

    def letter(self, i: int) -> str:
        v = self.variation(i)
        text = Varier(v).text(self.letters[v.base])
        split = _blocks(text)
        if split is None:
            return text
        head, blocks = split
        return head + "".join(blocks[j] for j in v.order)

    def case_facts(self, i: int, case_id: str) -> dict[str, Any]:
        """The curated facts of letter i's base letter, varied the same way as the letter."""
        v = self.variation(i)
        varier = Varier(v)
        data = _map_strings(self.facts[v.base], varier.text)
        data = _walk_fields(data, varier)
        data["case_id"] = case_id
        if v.order and len(v.order) == len(data["requests"]):
            data["requests"] = [data["requests"][j] for j in v.order]
        return data

    @staticmethod
    def paths(root: Path, n: int, *, with_facts: bool = False, per_folder: int = 1000) -> list[Path]:
        """Where `write` puts letters 0..n-1 (a case folder each, with *with_facts*)."""
        return [root / f"{i // per_folder:04d}" / (f"{i:07d}" if with_facts else f"{i:07d}.txt") for i in range(n)]

    def write(self, root: Path, n: int, *, with_facts: bool = False, per_folder: int = 1000) -> list[Path]:
        """Write letters 0..n-1 under *root* (sharded in folders of *per_folder*); their paths."""
        paths = []
        for i in range(n):
            shard = root / f"{i // per_folder:04d}"
            name = f"{i:07d}"
            if with_facts:
                folder = shard / name
                folder.mkdir(parents=True, exist_ok=True)
                (folder / "letter.txt").write_text(self.letter(i), encoding="utf-8")
                facts = self.case_facts(i, name)
                (folder / "case.yaml").write_text(yaml.safe_dump(facts, sort_keys=False, allow_unicode=True), encoding="utf-8")
                paths.append(folder)
            else:
                shard.mkdir(parents=True, exist_ok=True)
                path = shard / f"{name}.txt"
                path.write_text(self.letter(i), encoding="utf-8")
                paths.append(path)
        return paths


def _map_strings(data: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(data, str):
        return fn(data)
    if isinstance(data, list):
        return [_map_strings(x, fn) for x in data]
    if isinstance(data, dict):
        return {k: _map_strings(x, fn) for k, x in data.items()}
    return data


def _walk_fields(data: Any, varier: Varier) -> Any:
    """Move the structured fields: ISO dates, the claimant's age, pain scores."""
    if isinstance(data, list):
        return [_walk_fields(x, varier) for x in data]
    if not isinstance(data, dict):
        return data
    out = {}
    for key, value in data.items():
        if key in ("date", "started", "as_of") and isinstance(value, str):
            out[key] = varier.iso(value)
        elif key in ("date", "started", "as_of") and hasattr(value, "isoformat"):
            out[key] = varier.iso(value.isoformat())
        elif key == "age" and isinstance(value, int):
            out[key] = varier.age(value)
        elif key in ("score", "score_max") and isinstance(value, (int, float)):
            out[key] = varier.pain(float(value))
        else:
            out[key] = _walk_fields(value, varier)
    return out
