"""The body region each treatment tried was given to, where the note says it.

Care to one body part is no prior care of another: lumbar PT does not count toward a
cervical PT request, nor a finger's injection toward a wrist's surgery. Notes name the
region beside the care ("PT to the lumbar spine x12", "L4-5 ESI", "cortisone injection R
ring finger", "acupuncture for neck", "PT x 8 for the knee"); the readers that found a
treatment quote those words with it. The rest of the clause may add a part the quote left
out ("PT for the neck and low back x 12" is read as PT for the neck, then a bare "low back").
A treatment whose words name one region (a spinal level names its spine), or several that
overlap, takes the first; one that names none, or parts that are apart, is left without:
an unknown region counts everywhere, as before.
"""

from __future__ import annotations

import re

from ..facts.model import Evidence
from .anatomy import UNSPECIFIED_BACK, regions_in
from .context import Context
from .draft import add_evidence
from .sentences import Sentence, quote_sentence

#: The vocabulary's brace or splint of no named part (services.yaml), which its region names.
UNSPECIFIED_ORTHOSIS = "orthosis_unspecified"
#: Where the clause after a treatment's quote ends: a sentence's or clause's end, a comma, a line's end.
_CLAUSE_END = re.compile(r"[.;,:\n]|\s-\s|\(")


def read_treatment_regions(sentences: list[Sentence], ctx: Context) -> None:
    """Set each found treatment's region from the words it is quoted with and the rest of their clause."""
    for entry in ctx.draft.treatments.values():  # a few per note: each quote's sentence is looked up
        if entry.get("region") is not None:
            continue
        named: list[str] = []
        for ev in entry.get("evidence", []):
            if ev is not None:
                named += regions_in(ev.quote) + regions_in(rest_of_clause(ev, sentences, ctx))
        region = _one_region([r for r in named if r != UNSPECIFIED_BACK], ctx)
        if region is not None:
            entry["region"] = region
    _name_regional_devices(ctx)


def _name_regional_devices(ctx: Context) -> None:
    """A brace or splint named without its part ("has worn a brace", "failed splinting") is the device of the part
    it was worn on, or else of the one part the diagnoses name: a knee case's brace is a knee brace (the names
    several body parts share, services.yaml `by_region`). Told twice, once by each name, it is one course."""
    case_wide = _one_region([r for d in ctx.draft.diagnoses.values() for r in d["body_regions"] if r != UNSPECIFIED_BACK], ctx)
    for key, entry in list(ctx.draft.treatments.items()):
        service = entry.get("service")
        if entry.get("kind") == "medication" or not service or service not in ctx.vocab.services:
            continue
        if "orthosis" not in ctx.vocab.service_info(service).classes:
            continue
        # the case's part stands in only for a name every part shares ("brace"), not for one ("wrist splint")
        region = entry.get("region") or (case_wide if service == UNSPECIFIED_ORTHOSIS else None)
        named = ctx.vocab.service_for_region(service, region)
        if named == service:
            continue
        same = next((e for k, e in ctx.draft.treatments.items() if k != key and e.get("service") == named), None)
        if same is None:
            entry["service"] = named
            continue
        for ev in entry["evidence"]:
            add_evidence(same["evidence"], ev)
        if same.get("effect") == "unknown":
            same["effect"] = entry.get("effect", "unknown")
        if same.get("sessions") is None and entry.get("sessions") is not None:
            same["sessions"] = entry["sessions"]
        del ctx.draft.treatments[key]


def _one_region(named: list[str], ctx: Context) -> str | None:
    """The first region named, unless two named are apart (care told of two parts names neither alone)."""
    found = list(dict.fromkeys(named))
    if not found or any(ctx.vocab.regions_apart(a, b) for i, a in enumerate(found) for b in found[i + 1 :]):
        return None
    return found[0]


def rest_of_clause(ev: Evidence, sentences: list[Sentence], ctx: Context) -> str:
    """The words after a quote up to its clause's end or the next care named ('' when the quote is not found)."""
    found = quote_sentence(ev, sentences)
    if found is None:
        return ""
    tail = found[0].text[found[1] :]
    stop = _CLAUSE_END.search(tail)
    tail = tail[: stop.start() if stop else len(tail)]
    other = ctx.vocab.identify(tail, ("service",))
    return tail[: other.start] if other is not None else tail

