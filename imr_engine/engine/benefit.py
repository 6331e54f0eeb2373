"""A benefit is the benefit of the drug it is told of (session 16, rules16).

The CPMTG (2009) ongoing management of opioids (p. 78-80) asks for the opioid's own effect: pain relief and
function on the opioid, continued when the patient has improved function and pain; NSAIDs (p. 60, 67-68) and
antiepilepsy drugs (p. 16-19) are likewise continued on their own documented effect. A note that credits a gain to
one drug ("naproxen added in August takes the pain down 2 points and he can turn his head to drive") documents no
benefit of another drug requested beside it. A statement that names no drug ("meds help", "with medication pain
4/10") is of the regimen, and is every requested drug's; one that names the requested drug among others is its own.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping

from ..facts.model import Evidence
from ..requests.model import RequestedItem

#: The item facts a benefit statement makes: function gained and relief with the medication.
BENEFIT_FACTS = ("objective_functional_improvement", "subjective_improvement", "adl_improvement", "pain_relief_percent")

DrugsNamed = Callable[[str], tuple[frozenset[str], ...]]


def told_of_other_drugs(quotes: list[Evidence], wanted: set[str], drugs_named: DrugsNamed) -> list[frozenset[str]] | None:
    """The other drugs every quote is told of, or None when one names no drug or names the requested one."""
    others: list[frozenset[str]] = []
    for e in quotes:
        named = drugs_named(e.quote)
        if not named or any(not wanted.isdisjoint(d) for d in named):
            return None
        others.extend(named)
    return others or None


def benefit_of_other_drugs(
    item: RequestedItem, wanted: set[str], drugs_named: DrugsNamed | None,
    v: MutableMapping[str, object], ev: dict[str, list[Evidence]], how: dict[str, str],
) -> dict[str, str]:
    """Set aside, for a requested drug, each benefit fact whose every quote credits another drug (module docstring)."""
    if drugs_named is None or item.kind != "drug" or not wanted:
        return how
    changed: dict[str, str] = {}
    for name in BENEFIT_FACTS:
        value = v.get(name)
        if value is None or value == "unknown":
            continue
        others = told_of_other_drugs(ev.get(name, []), wanted, drugs_named)
        if others is None:
            continue
        v[name] = None if name == "pain_relief_percent" else "unknown"
        ev[name] = []
        drugs = ", ".join(sorted({i for d in others for i in d}))
        changed[name] = f"set aside: the record credits it to another drug ({drugs}), not to the one requested"
    return {**how, **changed} if changed else how
