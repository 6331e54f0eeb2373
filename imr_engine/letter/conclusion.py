"""What a rationale itself concludes: medically necessary or not.

The decision heading ("Upheld") and the rationale's last word on necessity
should agree; reading the conclusion separately lets the parser flag letters
where they do not.
"""

from __future__ import annotations

import re

_QUALIFIER = r"(?:(?:considered|deemed|therefore|thus|currently|then|now|also|as\s+such)\s+)*"
#: (word every match holds, pattern, conclusion); the last match in the rationale is its conclusion.
_CONCLUSIONS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    ("medically", re.compile(rf"\bnot\s+{_QUALIFIER}medically\s+necessary", re.IGNORECASE), False),
    ("medically", re.compile(rf"\b(?:is|are|was|were|be)\s+{_QUALIFIER}medically\s+necessary", re.IGNORECASE), True),
    ("established", re.compile(r"\bnecessity\b[^.]*?\b(?:has|have)\s+not\s+been\s+established", re.IGNORECASE),
     False),
    ("established", re.compile(r"\bnecessity\b[^.]*?\b(?:has|have)\s+been\s+established", re.IGNORECASE), True),
    ("established", re.compile(r"\b(?:has|have)\s+not\s+been\s+established", re.IGNORECASE), False),
)


def read_conclusion(rationale: str) -> bool | None:
    """True/False from the rationale's last statement on medical necessity; None if it makes none."""
    # Latest match wins; where a negative and a positive end together, the negative.
    # A pattern runs only where its word occurs: none has a literal start Python's `re` could skip
    # to, so each would try a match at every character. In ASCII text IGNORECASE is exactly
    # `str.lower`; other text is always searched.
    low = rationale.lower() if rationale.isascii() else None
    matches = [
        (m.end(), not value, value)
        for word, pattern, value in _CONCLUSIONS
        if low is None or word in low
        for m in pattern.finditer(rationale)
    ]
    return max(matches)[2] if matches else None
