"""Prior courses of care scored against an answer key's `treatments`: the service, its sessions and its effect.

The rules judge "more of the same" by the courses a note tells (how many visits, whether they helped), so the
reading of those courses is measured like every other fact. Each key course is paired with one extracted course
of the same service (the key's free-form service name read through the vocabulary, so "corticosteroid_injection"
and the reader's service compare), preferring one with the same number of sessions. A key's generic name that no
vocabulary service has ("injection", "splinting", "bracing") then pairs with a course left over whose service shares
its word ("corticosteroid_injection", "wrist_splint", "knee_brace"): the key leaves out which one, the reader names
it, and both tell the same course. Then three keys are tallied:
- `treatments`: the course itself (documented: the key's courses; extracted: the reader's; right: the pairs);
- `treatments.sessions`: the sessions of a course, where the key or the reader gives them;
- `treatments.effect`: improved / no_improvement / temporary (relief that did not last: the reader's
  `temporary`), where the key or the reader gives it.
A value only one side gives counts against that side, as for every fact.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from ..facts import CaseFacts
from ..vocabulary import Vocabulary

#: One course, as compared: (service, sessions or None, effect or None).
Course = tuple[str, int | None, str | None]
#: (key, expected, extracted) for each value that differs.
Miss = tuple[str, str | None, str | None]

KEYS = ("treatments", "treatments.sessions", "treatments.effect")
_EFFECTS = ("improved", "no_improvement", "temporary")
#: Vocabulary kinds of a study or an evaluation, which is no course of care.
_STUDIES = frozenset({"diagnostic", "imaging"})
#: Words of a service name too common to tell two services apart ("physical_therapy" and "aquatic_therapy").
_COMMON_WORDS = frozenset({"therapy", "treatment", "unit", "program", "unspecified", "and", "of"})


def key_courses(entries: Iterable[Any], vocab: Vocabulary) -> list[Course]:
    """The answer key's courses, services named as the vocabulary names them."""
    out: list[Course] = []
    for e in entries:
        if not isinstance(e, dict) or not e.get("service"):
            continue
        sessions = e.get("sessions")
        effect = e.get("effect")
        out.append((service_name(str(e["service"]), vocab),
                    int(sessions) if isinstance(sessions, int) else None,
                    str(effect) if effect in _EFFECTS else None))
    return out


def read_courses(case: CaseFacts, vocab: Vocabulary | None = None) -> list[Course]:
    """The courses the reader found (drugs are scored with the medications, not here). With *vocab*, a study or an
    evaluation the reader keeps as done (a psychological evaluation before a stimulator, labs, an FCE) is left out:
    the keys never list them (corpus/README.md: studies and evaluations are no course of care)."""
    return [(t.service, t.sessions, "temporary" if t.temporary == "yes" else None if t.effect == "unknown" else t.effect)
            for t in case.treatments if t.service and t.kind != "medication"
            and (vocab is None or t.service not in vocab.services or vocab.service_info(t.service).kind not in _STUDIES)]


def service_name(name: str, vocab: Vocabulary) -> str:
    """A key's service ("epidural_steroid_injections", "massage_therapy") as the vocabulary's service, else itself."""
    if name in vocab.services:
        return name
    info = vocab.service(name.replace("_", " "))
    return info.name if info is not None else name


def score_courses(
    want: list[Course], got: list[Course], known: frozenset[str] = frozenset(),
) -> tuple[dict[str, Counter[str]], list[Miss]]:
    """Tallies per key (extracted / documented / correct) and the values that differ.

    *known*: the vocabulary's services; a key service not among them is a generic name, paired by its word.
    """
    tallies = {k: Counter[str]() for k in KEYS}
    misses: list[Miss] = []
    free = list(got)
    pairs: list[tuple[Course | None, Course | None]] = []
    for course in want:
        same = [g for g in free if g[0] == course[0]]
        match = next((g for g in same if g[1] == course[1]), same[0] if same else None)
        if match is not None:
            free.remove(match)
        pairs.append((course, match))
    for n, (wanted, paired) in enumerate(pairs):
        if paired is None and wanted is not None and known and wanted[0] not in known:
            like = [g for g in free if _words(g[0]) & _words(wanted[0])]
            if like:
                found = next((g for g in like if g[1] == wanted[1]), like[0])
                free.remove(found)
                pairs[n] = ((found[0], wanted[1], wanted[2]), found)  # the same course, named as the reader names it
    pairs += [(None, g) for g in free]
    for key, value in (("treatments", _service), ("treatments.sessions", _sessions), ("treatments.effect", _effect)):
        _tally(pairs, key, value, tallies[key], misses)
    return tallies, misses


def _words(service: str) -> set[str]:
    """A service name's telling words, by their first four letters ("splinting" and "wrist_splint" share "spli")."""
    return {w[:4] for w in service.lower().split("_") if len(w) > 3 and w not in _COMMON_WORDS}


def _service(c: Course) -> str | None:
    return c[0]


def _sessions(c: Course) -> str | None:
    return None if c[1] is None else f"{c[0]}:{c[1]}"


def _effect(c: Course) -> str | None:
    return None if c[2] is None else f"{c[0]}:{c[2]}"


def _tally(
    pairs: list[tuple[Course | None, Course | None]], key: str, value: Callable[[Course], str | None],
    tally: Counter[str], misses: list[Miss],
) -> None:
    for want, got in pairs:
        truth = value(want) if want is not None else None
        read = value(got) if got is not None else None
        if count_value(tally, truth, read):
            misses.append((key, truth, read))


def count_value(tally: Counter[str], truth: object, read: object) -> bool:
    """Tally one scored value (None: not documented / not read) against its key's; True when they differ."""
    tally["extracted"] += read is not None
    tally["documented"] += truth is not None
    if truth is not None and truth == read:
        tally["correct"] += 1
        return False
    return truth is not None or read is not None
