"""Loading case files (`cases/<id>/case.yaml`) into validated CaseFacts."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..errors import CaseFactsError
from ..yaml_source import YamlDocument, describe_validation_error
from .model import CaseFacts

#: Said when a file that is not a case file was given where one is expected: the commonest slip is a note or a letter.
TEXT_HINT = (
    " (a case file is YAML; to read a progress note use `imr precheck FILE --request LINE`, "
    "to draft facts from a letter `imr extract FILE`)"
)


def load_case(path: str | Path) -> CaseFacts:
    """Read and validate one case file; errors name the file, line and field."""
    hint = "" if Path(path).suffix.lower() in (".yaml", ".yml") else TEXT_HINT
    try:
        doc = YamlDocument(path, CaseFactsError)
    except CaseFactsError as exc:
        raise CaseFactsError(exc.message + (hint if "not valid YAML" in exc.message else ""), source=exc.source) from None
    if not isinstance(doc.data, dict):
        raise doc.fail("a case file must be a YAML mapping of case facts" + hint)
    try:
        return CaseFacts.model_validate(doc.data)
    except ValidationError as exc:
        loc, message = describe_validation_error(exc)
        raise doc.fail(message + hint, loc) from None
