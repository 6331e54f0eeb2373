"""The requests: the letter's item headings, in letter order, each quoted where it stands.

A request continues a drug the summary lists as current (the vocabulary says which
drugs are the same); a request that says "wean" or "taper" is a weaning request.
Anything else is left `unknown` for the engine to settle.
"""

from __future__ import annotations

import re

from ..facts.model import Evidence
from .context import Context
from .decisions import item_drug, set_purpose

_WEAN = re.compile(r"\b(?:wean(?:ing)?|taper(?:ing)?)\b", re.IGNORECASE)


def add_requests(ctx: Context, texts: list[str], evidence: list[Evidence | None]) -> None:
    for text, ev in zip(texts, evidence, strict=True):
        ctx.draft.requests.append({"text": text, "purpose": "unknown", "evidence": [ev] if ev else []})


def read_purposes(ctx: Context) -> None:
    """Purpose from the summary: a weaning request, or continuing a current drug."""
    for index, item in enumerate(ctx.items):
        if _WEAN.search(item.text):
            ctx.draft.requests[index]["purpose"] = "wean"
            continue
        if item.kind not in ("drug", "supply"):
            continue
        drug = item_drug(ctx, item)
        if drug is not None and drug.status == "current" and drug.evidence:
            named = [e for e in drug.evidence if drug.name.lower() in " ".join(e.quote.split()).lower()]
            set_purpose(ctx, index, "continue", (named or drug.evidence)[0])
