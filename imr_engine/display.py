"""Showing untrusted text safely: on a terminal, in one line, on a strict UTF-8 stream.

File names and letter text come from outside: a name may hold a newline (two "lines" of
error), bytes that are not UTF-8 (lone surrogates a strict stream refuses) or a terminal
escape sequence. Everything printed goes through `neutralise`; names and one-line
messages through `shown`.
"""

from __future__ import annotations

import re

#: Characters a terminal may act on, or a strict UTF-8 stream refuses: C0 and C1 controls
#: (except tab and newline), DEL, bidirectional overrides and isolates, lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_OR_NEWLINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def neutralise(text: str) -> str:
    """*text* with every unsafe character written as a visible `\\uXXXX` escape; newlines and tabs kept.

    Inside a JSON string the escape means the same character, so JSON output stays
    equivalent; in a readable report it shows what was there without acting on it.
    """
    return _UNSAFE.sub(_escape, text)


def shown(name: object) -> str:
    """*name* (a path or an untrusted value) as one printable line: newlines and tabs escaped too."""
    return _UNSAFE_OR_NEWLINE.sub(_escape, str(name))
