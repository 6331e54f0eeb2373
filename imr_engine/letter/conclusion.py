"""What a rationale itself concludes: medically necessary or not.

The decision heading ("Upheld") and the rationale's last word on necessity
should agree; reading the conclusion separately lets the parser flag letters
where they do not.
"""

from __future__ import annotations

import re

_QUALIFIER = r"(?:(?:considered|deemed|therefore|thus|currently|then|now|also|as\s+such)\s+)*"
#: (pattern, conclusion); the last match in the rationale is its conclusion.
_CONCLUSIONS: tuple[tuple[re.Pattern[str], bool], ...] = (
    (re.compile(rf"\bnot\s+{_QUALIFIER}medically\s+necessary", re.IGNORECASE), False),
    (re.compile(rf"\b(?:is|are|was|were|be)\s+{_QUALIFIER}medically\s+necessary", re.IGNORECASE), True),
    (re.compile(r"\bnecessity\b[^.]*?\b(?:has|have)\s+not\s+been\s+established", re.IGNORECASE), False),
    (re.compile(r"\bnecessity\b[^.]*?\b(?:has|have)\s+been\s+established", re.IGNORECASE), True),
    (re.compile(r"\b(?:has|have)\s+not\s+been\s+established", re.IGNORECASE), False),
)


def read_conclusion(rationale: str) -> bool | None:
    """True/False from the rationale's last statement on medical necessity; None if it makes none."""
    # Latest match wins; where a negative and a positive end together, the negative.
    matches = [(m.end(), not value, value) for pattern, value in _CONCLUSIONS for m in pattern.finditer(rationale)]
    return max(matches)[2] if matches else None
