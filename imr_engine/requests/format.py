"""RequestedItem -> one canonical request line, which parses back to the same item.

Renders only what the name does not already imply (a form, release or route the name gives is
not repeated), in one fixed order: name, strengths, form, release, quantity, dose, frequency,
as needed, refills, then sessions, duration, hours, trial, purchase/rental, route, levels,
side, region.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import groupby

from ..vocabulary import Vocabulary, load_vocabulary
from ..vocabulary.in_use import vocabulary_dir_in_use
from .model import RequestedItem, Strength


def format_request(item: RequestedItem, vocabulary: Vocabulary | None = None) -> str:
    """A canonical request line for *item*, e.g. "Percocet 10/325 mg #100 4 times daily prn x 3 refills"."""
    from .parser import parse_request  # the name's own meaning decides what must be spelt out

    vocab = vocabulary or load_vocabulary(vocabulary_dir_in_use())
    implied = parse_request(item.name, vocab)
    parts = [item.name, _strengths(item.strengths)]
    if item.form and item.form != implied.form:
        parts.append(vocab.forms[item.form].words[0])
    if item.release and item.release != implied.release:
        parts.append(item.release)
    if item.quantity is not None:
        parts.append(f"#{item.quantity}")
    if item.units_per_dose is not None:
        parts.append(f"take {_number(item.units_per_dose)}")
    if item.doses_per_day is not None:
        parts.append(_per_day(item.doses_per_day))
    if item.prn:
        parts.append("prn")
    if item.refills is not None:
        parts.append(f"x {item.refills} refills" if item.refills else "no refills")
    parts += _sessions(item)
    if item.route and item.route != implied.route:
        with_form = parse_request(" ".join(p for p in parts if p), vocab)
        if with_form.route != item.route:
            parts.append(_route_word(vocab, item.route))
    parts += [level for level in item.levels if level not in implied.levels]
    if item.laterality and item.laterality != implied.laterality:
        parts.append(item.laterality)
    if item.body_region and item.body_region != implied.body_region:
        parts.append(item.body_region.replace("_", " "))
    return " ".join(p for p in parts if p)


def _number(value: float) -> str:
    """Shortest exact decimal ("10", "0.5", "1.3"), never scientific notation."""
    if float(value).is_integer():
        return str(int(value))
    text = repr(float(value))
    return text if "e" not in text else f"{value:.12f}".rstrip("0").rstrip(".")


def _strengths(strengths: list[Strength]) -> str:
    """Consecutive strengths of one unit share it: [10 mg, 325 mg] -> "10/325 mg"."""
    groups = []
    for unit, run in groupby(strengths, key=lambda s: s.unit):
        values = "/".join(_number(s.value) for s in run)
        groups.append(f"{values}%" if unit == "%" else f"{values} {unit}")
    return "/".join(groups)


def _per_day(doses: float) -> str:
    """Doses a day as the plainest schedule that reads back exactly."""
    exact = Fraction(doses).limit_denominator(10_000)
    if float(exact) == doses:
        num, den = exact.numerator, exact.denominator
        if den == 1:
            return "once daily" if num == 1 else f"{num} times daily"
        if num == 1:
            return f"every {den} days"
        if (24 * den) % num == 0:
            return f"every {24 * den // num} hours"
        if den == 7:
            return f"{num} times a week"
    return f"{_number(doses)} times daily"


def _sessions(item: RequestedItem) -> list[str]:
    parts = []
    weekly, days = item.frequency_per_week, item.duration_days
    implied_visits = weekly * days / 7 if weekly is not None and days is not None else None
    if item.visits is not None and (implied_visits is None or round(implied_visits) != item.visits):
        parts.append(f"{item.visits} visits")
    if weekly is not None:
        parts.append(f"{_number(weekly)} times a week")
    if days is not None:
        weeks = days / 7
        parts.append(f"for {_number(weeks)} weeks" if weeks.is_integer() else f"for {_number(days)} days")
    if item.hours is not None:
        parts.append(f"x {_number(item.hours)} hours")
    if item.trial:
        parts.append("trial")
    if item.acquisition:
        parts.append(item.acquisition)
    return parts


def _route_word(vocab: Vocabulary, route: str) -> str:
    words = {"oral": "by mouth", "sublingual": "sublingually", "topical": "topically", "transdermal": "transdermally"}
    return words.get(route, route)
