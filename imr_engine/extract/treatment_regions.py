"""The body region each treatment tried was given to, where the note says it.

Care to one body part is no prior care of another: lumbar PT does not count toward a
cervical PT request, nor a finger's injection toward a wrist's surgery. Notes name the
region beside the care ("PT to the lumbar spine x12", "L4-5 ESI", "cortisone injection R
ring finger", "acupuncture for neck", "knee brace"); the readers that found a treatment
quote those words with it. A treatment whose words name one region (a spinal level names
its spine) takes it; one that names none, or several that are apart ("PT for the neck and
low back"), is left without: an unknown region counts everywhere, as before.
"""

from __future__ import annotations

from typing import Any

from .anatomy import UNSPECIFIED_BACK, regions_in
from .context import Context


def read_treatment_regions(ctx: Context) -> None:
    """Set each found treatment's region from the words its evidence quotes."""
    for entry in ctx.draft.treatments.values():
        if entry.get("region") is None:
            region = treatment_region(entry, ctx)
            if region is not None:
                entry["region"] = region


def treatment_region(entry: dict[str, Any], ctx: Context) -> str | None:
    """The one region a treatment's quotes name (the first of several that overlap); None when none, or apart."""
    found: list[str] = []
    for ev in entry.get("evidence", []):
        if ev is None:
            continue
        for region in regions_in(ev.quote):
            if region != UNSPECIFIED_BACK and region not in found:
                found.append(region)
    if not found:
        return None
    if any(ctx.vocab.regions_apart(a, b) for i, a in enumerate(found) for b in found[i + 1 :]):
        return None
    return found[0]
