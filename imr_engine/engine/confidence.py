"""How much of a determination rests on what the text says, and how much on what it leaves out.

A prediction from a note is only as good as the reading behind it. An item decided on
facts quoted from the note ("returned to full duty 07/06/2015") deserves more trust than
one decided because the note is silent (no urine drug screen found: was none done, or was
it missed?). Each determination counts its deciding facts, those of its decisive rules:
- **read**: a value the text states, with the words it rests on (or the request line);
- **assumed**: no value (not documented), or a value no words support (a default).
An item decided as "not established" rests wholly on absence: each piece of documentation
that would change it counts as assumed. The label sums it up for a reader in a hurry.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Label = Literal["high", "moderate", "low", "request only", "none"]

LABEL_TEXT: dict[str, str] = {
    "high": "every deciding fact was read from the text",
    "moderate": "most deciding facts were read from the text, some were absent",
    "low": "the decision rests mostly on facts the text does not document",
    "request only": "decided by the request line alone",
    "none": "no rule decided the item",
}


class Confidence(BaseModel):
    """Deciding facts read from the text versus absent or assumed, and a label for them."""

    model_config = ConfigDict(extra="forbid", frozen=True)  # frozen: one instance per count and label is shared

    read: int = Field(ge=0, description="Deciding facts with a value the text (or the request) states.")
    assumed: int = Field(ge=0, description="Deciding facts absent from the text, or set without words behind them.")
    label: Label
    meaning: str = Field(description="The label in words.")


def confidence(facts: Sequence[tuple[str, object, int]], *, basis: str, missing: int = 0) -> Confidence:
    """The confidence of an item from its deciding facts as (name, value, number of quotes).

    *missing* counts the documentation whose absence decided a "not established" item.
    """
    if basis == "no_rule":
        return _made(0, 0, "none")
    if basis == "not_established":
        return _made(0, max(1, missing), "low")
    read = assumed = 0
    for _name, value, quotes in _unique(facts):
        if _absent(value) or quotes == 0:
            assumed += 1
        else:
            read += 1
    if read + assumed == 0:
        return _made(0, 0, "request only")
    if assumed == 0:
        return _made(read, 0, "high")
    return _made(read, assumed, "moderate" if read >= assumed else "low")


def render(c: Confidence) -> str:
    """'high (3 read, 0 assumed: every deciding fact was read from the text)'."""
    return f"{c.label} ({c.read} read, {c.assumed} assumed: {c.meaning})"


@lru_cache(maxsize=1024)
def _made(read: int, assumed: int, label: Label) -> Confidence:
    """The confidence for these counts, built (and validated) once: every item of every case asks."""
    return Confidence(read=read, assumed=assumed, label=label, meaning=LABEL_TEXT[label])


def _absent(value: object) -> bool:
    return value is None or value == "unknown" or value == []


def _unique(facts: Sequence[tuple[str, object, int]]) -> list[tuple[str, object, int]]:
    """One entry per fact name: several decisive rules often read the same fact."""
    seen: dict[str, tuple[str, object, int]] = {}
    for f in facts:
        seen.setdefault(f[0], f)
    return list(seen.values())
