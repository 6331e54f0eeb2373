"""The writers whose notes no code is tuned on during a session: the session's new, held-out writers.

A session's new corpus writers are held out whole while the reader and the rules are tuned: their
tune-half notes are the session's check of how the reader does on writers it has not seen (their
test-half notes are never read while tuning, like every test note). Tests that read the tune half's
real text leave these writers out, so that no failing assertion shows a helper a held-out sentence.
After the session's measurement their tune notes become ordinary tune notes.
"""

from __future__ import annotations

import re
from pathlib import Path

#: Session 23's new writers w73-w76; earlier sessions' held-out writers (w38-w42, w43-w48, w49-w53, w54-w58,
#: w59-w64, w65-w68, w69-w72) were measured (docs/fidelity.md) and are tune notes now.
_HELD_OUT_WRITERS: re.Pattern[str] | None = re.compile(r"w7[3-6]-")


def held_out(path: Path) -> bool:
    """Whether *path* is a note (or its answer key) by one of the session's held-out writers."""
    return _HELD_OUT_WRITERS is not None and _HELD_OUT_WRITERS.match(path.name) is not None
