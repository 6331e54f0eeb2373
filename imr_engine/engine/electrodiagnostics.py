"""Whether an electrodiagnostic request line asks for nerve conduction studies alone, without needle EMG.

The two halves of an electrodiagnostic study answer different questions. Needle EMG (with H-reflex tests)
is what the ACOEM low back chapter recommends for subtle focal neurologic dysfunction; nerve conduction
studies tell a peripheral neuropathy or an entrapment from a radiculopathy, and the ODG gives them minimal
justification when the worker is presumed to have a radiculopathy. A line that names nerve conduction and
no needle study ("NCV bilateral lower extremities", "nerve conduction studies, both legs") is judged as
nerve conduction alone; a line naming both, in either order, or only "electrodiagnostic studies", is the
combined study.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping

from ..facts.model import Evidence

#: Nerve conduction named: "NCS", "NCV", "nerve conduction study/velocity", the nerve conduction codes 95907-95913.
_NERVE_CONDUCTION = re.compile(r"\b(?:NCS|NCVs?|nerve\s+conduction\w*)\b|\b9590[7-9]\b|\b9591[0-3]\b", re.IGNORECASE)

#: A needle study, or the whole electrodiagnostic study, named: "EMG", "electromyography", "needle", "EDX",
#: "electrodiagnostic", the needle EMG codes 95860-95872 and 95885-95887.
_NEEDLE = re.compile(
    r"\b(?:EMGs?|electromyogra\w*|needle|EDX|electrodiagnos\w*)\b|\b958(?:6\d|7[0-2]|8[5-7])\b",
    re.IGNORECASE,
)


def nerve_conduction_only(text: str) -> bool:
    """Whether a request line names nerve conduction studies and no needle EMG or whole electrodiagnostic study."""
    return bool(_NERVE_CONDUCTION.search(text)) and not _NEEDLE.search(text)


def electrodiagnostic_facts(text: str, service: str, v: MutableMapping[str, object], ev: dict[str, list[Evidence]]) -> None:
    """Set an electrodiagnostic item's `nerve_conduction_only` from its request line."""
    if service == "emg_ncs" and nerve_conduction_only(text):
        v["nerve_conduction_only"] = "yes"
        ev["nerve_conduction_only"] = ev.get("kind", [])
