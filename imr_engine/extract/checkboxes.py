"""Form checkboxes: only the ticked options of a line say anything.

PR-2 and RFA forms print every option ("☒ Remain off work  ☐ Modified work  ☐ Full duty");
read as text, the unticked ones would count as statements. A box is ticked when it holds
an x, a check mark or a filled glyph: ☒ ☑ ✓ ✔ [x] (x) _X_.
"""

from __future__ import annotations

import re

_BOX = re.compile(
    r"(?P<on>☒|☑|✓|✔|■|\[\s*[xX✓]\s*\]|\(\s*[xX]\s*\)|_[xX]_)|(?P<off>☐|□|\[\s*\]|\(\s*\)|___+)"
)


def has_boxes(text: str) -> bool:
    return bool(_BOX.search(text))


def ticked_spans(text: str) -> list[tuple[int, int]]:
    """The spans of *text* that follow a ticked box, each up to the next box; [] when none is ticked."""
    boxes = list(_BOX.finditer(text))
    spans = []
    for n, box in enumerate(boxes):
        if box.group("on"):
            end = boxes[n + 1].start() if n + 1 < len(boxes) else len(text)
            spans.append((box.end(), end))
    return spans
