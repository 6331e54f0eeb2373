"""The requested items of a case, read by the request-line parser where not given."""

from __future__ import annotations

from typing import Any

from ..facts.model import CaseFacts
from ..requests.model import RequestedItem


def requested_items(case: CaseFacts, vocabulary: Any) -> list[RequestedItem]:
    """Each request's structured item: as given in the case, else parsed from its text."""
    from ..requests import parse_request

    return [r.item if r.item is not None else parse_request(r.text, getattr(vocabulary, 'vocabulary', vocabulary)) for r in case.requests]
