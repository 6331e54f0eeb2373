"""The formulary's answer for one drug request: status, list version, prospective review, fills.

Follows the regulation's order: a compounded drug always needs prospective
review; an Exempt drug does not (when used as the MTUS recommends); a
Non-Exempt drug does unless Special Fill or Perioperative Fill applies; an
Unlisted drug does. Where the list as read, or the case, does not say, the
answer says "cannot tell" (None) and why, rather than guess.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import RuleError
from ..facts.fuzzy_date import FuzzyDate
from ..facts.model import CaseFacts
from ..requests.model import RequestedItem
from ..yaml_source import YamlDocument, describe_validation_error
from .model import Entry, Fill, FormularyAnswer, FormularyFile, ListVersion

FILE_NAME = "formulary.yaml"
_COMPOUND = re.compile(r"\bcompound(?:ed)?\b", re.IGNORECASE)


def days_supply(item: RequestedItem) -> float | None:
    """Days the requested quantity lasts at the prescribed rate (or the duration asked for)."""
    if item.duration_days:
        return item.duration_days
    if item.quantity and item.doses_per_day:
        return item.quantity / (item.doses_per_day * (item.units_per_dose or 1))
    return None


def is_compounded(item: RequestedItem) -> bool:
    """Called a compound, or a topical mixing two or more ingredients by percentage."""
    if _COMPOUND.search(item.text):
        return True
    percents = sum(1 for s in item.strengths if s.unit == "%")
    return item.route == "topical" and len(item.ingredients) >= 2 and percents >= 2


def _offsets(day: dt.date, when: FuzzyDate) -> tuple[int, int]:
    """Fewest and most days from *when* to *day*, over the days a fuzzy date may be."""
    return (day - when.latest()).days, (day - when.earliest()).days


class Formulary:
    """The formulary file, ready to answer drug requests."""

    def __init__(self, spec: FormularyFile) -> None:
        self.spec = spec

    def version_on(self, day: dt.date) -> ListVersion:
        return [v for v in self.spec.versions if v.effective_from <= day][-1]

    def entry_for(self, item: RequestedItem, day: dt.date) -> tuple[Entry | None, str]:
        """The list entry that gives the item's status on *day*, and what it was found under."""
        def live(entry: Entry | None) -> Entry | None:
            return entry if entry is not None and entry.from_ <= day else None

        if len(item.ingredients) == 1:
            found = live(self.spec.ingredients.get(item.ingredients[0]))
            if found is not None:
                return found, f"ingredient {item.ingredients[0]}"
            for cls in item.classes:
                found = live(self.spec.classes.get(cls))
                if found is not None:
                    return found, f"class {cls}"
        elif item.ingredients:
            for cls in item.classes:
                found = live(self.spec.classes.get(cls))
                if found is not None and found.combinations:
                    return found, f"class {cls} (combination product)"
        return None, "not among the statuses read from the MTUS Drug List"

    def answer(self, case: CaseFacts, index: int, item: RequestedItem, day: dt.date) -> FormularyAnswer | None:
        """The answer for a drug dispensed on *day*; None before the formulary or for a non-drug."""
        if item.kind != "drug" or day < self.spec.effective_from:
            return None
        version = self.version_on(day)
        text = self.spec.rules
        common: dict[str, Any] = {"list_version": version.id, "list_date": version.effective_from,
                  "regulation": self.spec.regulation, "sources": list(self.spec.sources)}
        entry, basis = self.entry_for(item, day)
        purpose = case.requests[index].purpose
        special = self._special_fill(case, item, day, entry, purpose)
        periop = self._perioperative_fill(case, item, day, entry)
        if is_compounded(item):
            return FormularyAnswer(status="unknown", compounded=True, prospective_review=True,
                                   reason=text.compounded, special_fill=special, perioperative_fill=periop, **common)
        if entry is None:
            return FormularyAnswer(
                status="unknown", prospective_review=None, special_fill=special, perioperative_fill=periop,
                reason=f"Status unknown: {basis}; the full list could not be read, so nothing is guessed.", **common,
            )
        sources = [entry.source] + common.pop("sources")
        if entry.status == "exempt":
            review: bool | None = False
            reason = text.exempt
        elif entry.status == "unlisted":
            review, reason = True, text.unlisted
        else:
            fills = (special.applies, periop.applies)
            review = False if True in fills else None if None in fills else True
            reason = text.non_exempt
            if review is False:
                reason += " " + (special.reason if special.applies else periop.reason)
            elif review is None:
                reason += " Cannot tell here: " + (special.reason if special.applies is None else periop.reason)
        return FormularyAnswer(status=entry.status, prospective_review=review, special_fill=special,
                               perioperative_fill=periop, reason=f"Status by {basis}. {reason}", sources=sources,
                               **common)

    def _allowed(self, entry: Entry | None, days: int | None, policy: str, item: RequestedItem) -> Fill | None:
        """The verdict on the list flag and the supply, or None when both allow it."""
        if entry is None or entry.status != "non_exempt":
            return Fill(applies=False, reason=f"{policy} applies only to Non-Exempt drugs the list flags.")
        if days is None:
            return Fill(applies=None, reason=f"Whether the list flags this drug for {policy} was not read.")
        if days == 0:
            return Fill(applies=False, days_allowed=0, reason=f"The list does not flag this drug for {policy}.")
        supply = days_supply(item)
        if supply is None:
            return Fill(applies=None, days_allowed=days, reason=f"The days' supply is not documented ({policy} allows {days}).")
        if supply > days:
            return Fill(applies=False, days_allowed=days,
                        reason=f"The supply ({supply:g} days) exceeds the {days} days {policy} allows.")
        return None

    def _special_fill(
        self, case: CaseFacts, item: RequestedItem, day: dt.date, entry: Entry | None, purpose: str
    ) -> Fill:
        window = self.spec.special_fill_window_days
        if case.date_of_injury is None:
            return Fill(applies=None, reason="The date of injury is not documented (Special Fill: initial visit within 7 days).")
        low, high = _offsets(day, case.date_of_injury.date)
        if low > window or high < 0:
            return Fill(applies=False, reason=f"Dispensed {low} days after the injury; Special Fill covers the initial visit within {window} days.")
        if purpose == "continue":
            return Fill(applies=False, reason="A continued drug, not a first fill at the initial visit.")
        verdict = self._allowed(entry, entry.special_fill_days if entry else None, "Special Fill", item)
        if verdict is not None:
            return verdict
        if high > window or low < 0:
            return Fill(applies=None, reason="The date of injury is not precise enough to place the initial visit.")
        assert entry is not None and entry.special_fill_days is not None
        return Fill(applies=True, days_allowed=entry.special_fill_days,
                    reason=f"Special Fill: first fill {low} days after the injury, within the {entry.special_fill_days} days' supply allowed.")

    def _perioperative_fill(self, case: CaseFacts, item: RequestedItem, day: dt.date, entry: Entry | None) -> Fill:
        window = self.spec.perioperative_window_days
        spans = [_offsets(day, s.date) for s in case.surgeries if s.date is not None]
        inside = [(lo, hi) for lo, hi in spans if -window <= lo and hi <= window]
        maybe = [(lo, hi) for lo, hi in spans if lo <= window and hi >= -window]
        if not maybe:
            return Fill(applies=False, reason=f"No surgery documented within {window} days before or after.")
        verdict = self._allowed(entry, entry.perioperative_fill_days if entry else None, "Perioperative Fill", item)
        if verdict is not None:
            return verdict
        if not inside:
            return Fill(applies=None, reason="The surgery date is not precise enough to place the perioperative window.")
        assert entry is not None and entry.perioperative_fill_days is not None
        offset = inside[0][0]
        when = f"{offset} days after" if offset >= 0 else f"{-offset} days before"
        return Fill(applies=True, days_allowed=entry.perioperative_fill_days,
                    reason=f"Perioperative Fill: {when} surgery, within the {entry.perioperative_fill_days} days' supply allowed.")


def load_formulary(vocabulary_dir: Path) -> Formulary | None:
    """The formulary of a rule directory's vocabulary, or None when it has none."""
    path = vocabulary_dir / FILE_NAME
    if not path.is_file():
        return None
    doc = YamlDocument(path, RuleError)
    if not isinstance(doc.data, dict):
        raise doc.fail("the formulary must be a mapping (title, purpose, regulation, versions, classes, ingredients)")
    try:
        return Formulary(FormularyFile.model_validate(doc.data))
    except ValidationError as exc:
        loc, message = describe_validation_error(exc)
        raise doc.fail(message.replace("Value error, ", ""), loc) from None
