"""Form checkboxes: only the ticked options of a line say anything.

PR-2 and RFA forms print every option ("☒ Remain off work  ☐ Modified work  ☐ Full duty");
read as text, the unticked ones would count as statements. A box is ticked when it holds
an x, a check mark or a filled glyph: ☒ ☑ ✓ ✔ [x] (x) _X_. A faxed or OCR'd form often loses its
empty boxes and keeps the tick as a bare "X" before its option, one option a line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .sentences import Sentence

_BOX = re.compile(
    r"(?P<on>☒|☑|✓|✔|■|\[\s*[xX✓]\s*\]|\(\s*[xX]\s*\)|_[xX]_)|(?P<off>☐|□|\[\s*\]|\(\s*\)|___+)"
)


def has_boxes(text: str) -> bool:
    return bool(_BOX.search(text))


def ticked_spans(text: str) -> list[tuple[int, int]]:
    """The spans of *text* that follow a ticked box, each up to the next box; [] when none is ticked."""
    boxes = list(_BOX.finditer(text))
    spans = []
    if boxes and text[: boxes[0].start()].strip(" :") and not text[boxes[-1].end() :].strip(" .;,"):
        # each option before its box: "Full duty ☐   Modified duty ☐   TTD ☒"
        for n, box in enumerate(boxes):
            if box.group("on"):
                spans.append((boxes[n - 1].end() if n else 0, box.start()))
        return spans
    for n, box in enumerate(boxes):
        if box.group("on"):
            end = boxes[n + 1].start() if n + 1 < len(boxes) else len(text)
            spans.append((box.end(), end))
    return spans


#: A tick whose box was lost: "X   Modified duty" at the start of an option's line.
_BARE_MARK = re.compile(r"^[xX✓✔]\s+(?=[A-Za-z])")
#: An option of a form is a short line; prose beside it is no option.
_OPTION_CHARS = 60


def bare_marks(sentences: Sequence[Sentence]) -> dict[int, bool]:
    """Ticked or not, per sentence index, for option lists whose ticks lost their boxes.

    A run of short lines of one section, at least one of them opening with a bare mark, is a
    list of options: the marked lines are ticked, the others are not.
    """
    out: dict[int, bool] = {}
    run: list[Sentence] = []

    def flush() -> None:
        marked = [bool(_BARE_MARK.match(line.text)) for line in run]
        if len(run) >= 2 and any(marked) and not all(marked):
            out.update((line.index, m) for line, m in zip(run, marked))
        run.clear()

    for line in sentences:
        if run and (line.section != run[-1].section or line.index != run[-1].index + 1):
            flush()
        if len(line.text) <= _OPTION_CHARS and line.section is not None:
            run.append(line)
        else:
            flush()
    flush()
    return out


def unticked_option(text: str, at: int) -> tuple[int, int] | None:
    """The span of the option that *at* stands in when an empty box opens it, else None.

    A form lists what it asks about ("[ ] Early refills  [ ] Aberrant behavior"); an empty box before
    a word says the option was not ticked, so the word states nothing about the worker.
    """
    opened = None
    for box in _BOX.finditer(text):
        if box.start() > at:
            return (opened.end(), box.start()) if opened is not None and opened.group("off") else None
        opened = box
    return (opened.end(), len(text)) if opened is not None and opened.group("off") else None
