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
from .sentences import Sentence, quote_sentence

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

