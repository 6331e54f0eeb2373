"""Loading case files (`cases/<id>/case.yaml`) into validated CaseFacts."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..errors import CaseFactsError
from ..yaml_source import YamlDocument, describe_validation_error
from .model import CaseFacts


def load_case(path: str | Path) -> CaseFacts:
    """Read and validate one case file; errors name the file, line and field."""
    doc = YamlDocument(path, CaseFactsError)
    if not isinstance(doc.data, dict):
        raise doc.fail("a case file must be a YAML mapping of case facts")
    try:
        return CaseFacts.model_validate(doc.data)
    except ValidationError as exc:
        loc, message = describe_validation_error(exc)
        raise doc.fail(message, loc) from None
