"""Treatment history: surgeries, treatments (with their effect), imaging and studies.

Read from the summary's history phrases ("Treatment to date has included ...",
"Previous treatment included ...", "had been treated with ...", "a graduate of ...",
"good benefit from ...", "status post ...") and from names that imply a surgery
("post lumbar laminectomy syndrome" -> lumbar laminectomy). Each item is classified by
the vocabulary's services (rules/vocabulary/services.yaml): imaging and
electrodiagnostics go to `imaging`, procedures, therapies and programs to
`treatments`, surgical words to `surgeries`; "medications" is a treatment only when
the summary lists no current drug (otherwise the medication list already says it).
Planned or requested care ("awaiting approval for ...") is not history.
"""

from __future__ import annotations

import re

from ..facts.fuzzy_date import FuzzyDate
from ..vocabulary import ServiceInfo
from .anatomy import regions_in
from .context import Context
from .dates import find_dates
from .lists import list_items
from .negation import polarity
from .numbers import NUMBER, parse_number
from .sentences import Sentence

_I = re.IGNORECASE
_TX_LEAD = re.compile(
    r"\b(?P<plain>(?:treatments?|therapy|therapies|care)(?:\s+and\s+evaluations?)?(?:\s+to\s+date)?\s+(?:(?:has|have)\s+)?"
    r"(?:included?|includes|including|consisted\s+of)\s*:?\s+"
    r"|(?:previous|prior|past)\s+(?:treatments?|care)\s+(?:(?:has|have)\s+)?(?:included?|includes|including|consisted\s+of)\s*:?\s+"
    r"|(?:had\s+been|has\s+been|have\s+been|was|were)\s+treated\s+with\s+|graduate\s+of\s+|underwent\s+|completed\s+)"
    r"|\b(?P<effect>good|some|significant|excellent|temporary|no|minimal|little|without)?\s*"
    r"(?:benefit|relief|improvement)\s+(?:from|with)\s+",
    _I,
)
_SURGICAL = (
    r"(?:fusion|laminectomy|laminotomy|hemilaminectomy|discectomy|microdiscectomy|foraminotomy|arthrodesis|arthroplasty"
    r"|arthroscopy|decompression|ACDF|meniscectomy|replacement|repair|osteotomy|corpectomy|kyphoplasty|vertebroplasty"
    r"|surgery|surgeries)"
)
_SURGERY_WORD = re.compile(rf"\b{_SURGICAL}\b", _I)
_STATUS_POST = re.compile(r"\b(?:status\s+post|s/p|underwent|history\s+of|prior|previous)\s+", _I)
_POST_SYNDROME = re.compile(
    r"\b(?:(?P<before>cervical|thoracic|lumbar|lumbosacral)\s+)?post[- ]?(?:(?P<after>cervical|thoracic|lumbar|lumbosacral)\s+)?"
    r"(?P<proc>laminectomy|laminotomy|fusion|discectomy)\b",
    _I,
)
_MEDICATION_TX = re.compile(
    r"^(?:(?:oral|pain|prescription)\s+)?(?:medications?|meds|medication\s+management|pharmacotherapy)$", _I
)
_PROVIDER_HELPED = re.compile(
    r"\b(?:a|an|the|her|his)\s+(?P<who>psychologist|psychiatrist|therapist|counsel(?:l)?or|chiropractor|acupuncturist"
    r"|physical\s+therapist)\s+(?:has\s+|had\s+)?(?:helped|was\s+helpful|has\s+been\s+helpful)",
    _I,
)
_PROVIDER_KIND = {
    "psychologist": "psychological",
    "psychiatrist": "psychological",
    "therapist": "psychological",
    "counselor": "psychological",
    "counsellor": "psychological",
    "chiropractor": "chiropractic",
    "acupuncturist": "acupuncture",
    "physical therapist": "physical_therapy",
}
_PLANNED = re.compile(
    r"\b(?:awaiting|await|pending|planned|plan|scheduled|recommend\w*|request\w*|candidate|consider\w*|will|would)\b",
    _I,
)
#: Treatment kinds of the vocabulary's service classes (services.yaml) and of single services.
_KIND_BY_SERVICE = {"chiropractic": "chiropractic", "massage": "modality", "acupuncture": "acupuncture"}
_KIND_BY_CLASS = {
    "spinal_injection": "injection",
    "facet_procedure": "injection",
    "trigger_point_injection": "injection",
    "physical_medicine": "physical_therapy",
    "manual_therapy": "chiropractic",
    "acupuncture": "acupuncture",
    "functional_restoration": "program",
    "psychological_treatment": "psychological",
    "electrotherapy": "modality",
    "heat_cold_therapy": "modality",
    "home_exercise": "other",
}
_IMAGING = {"mri": "mri", "ct": "ct", "x_ray": "x_ray", "emg_ncs": "emg_ncs"}


def read_history(sentences: list[Sentence], ctx: Context) -> None:
    for s in sentences:
        for lead in _TX_LEAD.finditer(s.text):
            if _PLANNED.search(s.text[max(0, lead.start() - 30) : lead.start()]):
                continue
            effect = _effect(lead.group("effect"), lead.group("plain") is None)
            for start, end in list_items(s.text, lead.end()):
                _history_item(s, ctx, lead, start, end, effect)
        for lead in _STATUS_POST.finditer(s.text):
            if _PLANNED.search(s.text[max(0, lead.start() - 30) : lead.start()]):
                continue
            for start, end in _procedures(s.text, list_items(s.text, lead.end())):
                if _SURGERY_WORD.search(s.text[start:end]):
                    _surgery(s, ctx, s.text[start:end], start, end)
        for m in _POST_SYNDROME.finditer(s.text):
            region = m.group("before") or m.group("after")
            name = f"{region.lower()} {m.group('proc').lower()}" if region else m.group("proc").lower()
            regions = regions_in(region) if region else []
            ctx.draft.surgery(name, regions[0] if regions else None, None, s.evidence(m.start(), m.end()))
        for m in _PROVIDER_HELPED.finditer(s.text):
            who = " ".join(m.group("who").lower().split())
            ctx.draft.treatment(who, _PROVIDER_KIND[who], None, "improved", s.evidence(m.start("who"), m.end()))


def _procedures(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """List items, with a bare surgical word joined to the procedure before it ("discectomy and fusion")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        bare = re.fullmatch(rf"(?:an?\s+)?{_SURGICAL}(?:\s+(?:in|on)\s+[\w ,/-]{{1,20}})?", text[start:end], _I)
        if out and bare and re.fullmatch(r"\s+and\s+", text[out[-1][1] : start], _I):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


_SESSIONS = re.compile(rf"^(?P<n>{NUMBER})\s+(?:sessions?|visits?|treatments?|injections?)\s+of\s+", _I)
_ITEM_EFFECT = re.compile(
    r"\s+(?:(?P<no>without|with\s+no|with\s+minimal|with\s+little)|with(?:\s+\w+)?|and)\s+(?:\w+\s+)?(?:benefit|relief|improvement)$"
    r"|\s+(?:which|that)\s+(?P<helped>helped|did\s+not\s+help|failed)$",
    _I,
)


def _treatment_item(item: str) -> tuple[str, int | None, str]:
    """(name, sessions, effect) of a treatment item: "12 sessions of physical therapy without benefit"."""
    sessions = None
    if m := _SESSIONS.match(item):
        value = parse_number(m.group("n"))
        sessions = int(value) if value is not None and value == int(value) else None
        item = item[m.end() :]
    effect = "unknown"
    if m := _ITEM_EFFECT.search(item):
        helped = (m.group("helped") or "").lower()
        effect = "no_improvement" if m.group("no") or helped.startswith(("did", "failed")) else "improved"
        item = item[: m.start()]
    return re.sub(r"\s*\([^)]*\)\s*$", "", item).strip(), sessions, effect


def _effect(word: str | None, benefit_phrase: bool) -> str:
    if not benefit_phrase:
        return "unknown"
    if word and word.lower() in ("no", "minimal", "little", "without"):
        return "no_improvement"
    return "improved"


def _history_item(s: Sentence, ctx: Context, lead: re.Match[str], start: int, end: int, effect: str) -> None:
    item = re.sub(r"^(?:a|an|the|her|his|also)\s+", "", s.text[start:end], flags=_I)
    offset = end - len(item)
    if not item or len(item.split()) > 8:
        return
    first = start == lead.end()
    ev = s.evidence(lead.start() if first else offset, end)
    if _MEDICATION_TX.match(item):
        ctx.draft.treatment(item, "medication", None, effect, ev)
        return
    if _SURGERY_WORD.search(item):
        _surgery(s, ctx, item, offset, end)
        return
    service = _service(ctx, item)
    if service is None:
        return
    if service.name in _IMAGING:
        dates = find_dates(item)
        regions = regions_in(item)
        ctx.draft.imaging_study(
            _IMAGING[service.name], regions[0] if regions else None, dates[0].date if dates else None, ev
        )
    elif service.kind in ("procedure", "therapy", "program", "dme", "supply"):
        name, sessions, own_effect = _treatment_item(item)
        kind = _KIND_BY_SERVICE.get(service.name) or next(
            (_KIND_BY_CLASS[c] for c in service.classes if c in _KIND_BY_CLASS), "other"
        )
        ctx.draft.treatment(name, kind, service.name, own_effect if own_effect != "unknown" else effect, ev, sessions)


def _service(ctx: Context, item: str) -> ServiceInfo | None:
    """The vocabulary's service for an item; plural words are tried singular ("x-rays")."""
    found = ctx.vocab.identify(item)
    if found is None:
        singular = re.sub(r"(?<=[a-z])s\b", "", item, flags=_I)
        found = ctx.vocab.identify(singular)
    if found is None or found.category != "service":
        return None
    return ctx.vocab.service_info(found.key)


def _surgery(s: Sentence, ctx: Context, what: str, start: int, end: int) -> None:
    """A surgery named by *what* (s.text[start:end]), dated by "in 2002" inside or right after it."""
    if polarity(s.text, start, end) in ("negated", "undocumented"):
        return
    name = re.sub(r"^(?:a|an|the|prior|previous)\s+", "", what.strip(), flags=_I)
    date = None
    stop = end
    inside = _dated(name)
    if inside is not None:  # "an L4-5 fusion in 2014"
        name, date = name[: inside[0]], inside[1]
    else:
        after = _dated(s.text[end : end + 20])
        if after is not None and not s.text[end : end + after[0]].strip(" ,"):
            date, stop = after[1], end + after[2]
    ctx.draft.surgery(name, _first_region(name), date, s.evidence(start, stop))


def _dated(text: str) -> tuple[int, FuzzyDate, int] | None:
    """(where its " in/on" starts, the date, where the date ends) for a date introduced by in/on."""
    for d in find_dates(text):
        lead = re.search(r"\s*\b(?:in|on)\s+$", text[: d.start])
        if lead:
            return lead.start(), d.date, d.end
    return None


def _first_region(name: str) -> str | None:
    regions = regions_in(name)
    return regions[0] if regions else None


def has_summary_drugs(ctx: Context) -> bool:
    return any(d.status == "current" for d in ctx.draft.drugs)


def drop_redundant_medication_treatment(ctx: Context) -> None:
    """'Treatment to date has included medications' adds nothing when current drugs are listed."""
    if has_summary_drugs(ctx):
        ctx.draft.treatments = {k: v for k, v in ctx.draft.treatments.items() if v["kind"] != "medication"}
