"""The pain relief a stimulator in use or tried gives, in percent, from the words told of it.

The CPMTG asks a TENS trial to document its outcomes in pain relief (p. 114-116) and a spinal cord
stimulator trial to succeed, e.g. 50 % relief (p. 105-107). Clinicians tell that relief as a share
("~40% relief", "helps 30-40%", "reduces his pain by 50%", "60% decrease in pain") or as the pain
before and with the unit ("pain 7 -> 4 when using it", "pain go down from 8 to 5", "8/10 to 4/10").
The words read are those the course reader gives of the device alone (prior_courses.py), so a
drug's relief told in the same sentence is not the device's.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_ABOUT = r"(?:~\s*|about\s+|approx(?:imately|\.)?\s*|roughly\s+|nearly\s+|around\s+|at\s+least\s+|over\s+|>\s*)?"
#: The share: "40% relief", "50% pain relief", "60 % decrease in pain", "helps 30-40%", "reduces his pain by 50%".
_SHARE = re.compile(
    rf"{_ABOUT}(?P<a>\d{{1,3}})(?:\s*(?:-|to)\s*\d{{1,3}})?\s*(?:%|percent)\s+(?:(?:of\s+)?(?:his|her|the|their|pain|in)\s+)*"
    r"(?:relief|improvement|reduction|decrease|better|less\s+pain)"
    r"|\b(?:helps?|helped|help(?:ing)?|relie(?:ves|ved)|improve[sd]?|reduces?|reduced|decreases?|decreased|lowers?|lowered|cuts?)"
    rf"\s+(?:(?:him|her|them|the|his|pain|symptoms|it)\s+)*(?:by\s+)?{_ABOUT}(?P<b>\d{{1,3}})(?:\s*(?:-|to)\s*\d{{1,3}})?\s*(?:%|percent)",
    _I,
)
#: The pain before and with the unit: "pain 7 -> 4", "pain from 8/10 to 4/10", "pain go down from 8 to 5".
_FROM_TO = re.compile(
    r"\bpain\b[^.;%]{0,25}?(?:from\s+)?(?P<a>\d{1,2})(?:\s*/\s*10)?\s*(?:-+>|\u2192|=>|to|down\s+to)\s*(?P<b>\d{1,2})(?:\s*/\s*10)?\b"
    r"(?!\s*(?:%|percent|min|minutes|hours?|hrs?|days?|weeks?|wks?))",
    _I,
)


def device_relief(told: str) -> float | None:
    """The relief in percent the words told of a device state (the lower bound of a range); None when none is told."""
    m = _SHARE.search(told)
    if m is not None:
        value = float(m.group("a") or m.group("b"))
        return value if value <= 100 else None
    m = _FROM_TO.search(told)
    if m is not None:
        before, after = int(m.group("a")), int(m.group("b"))
        if 0 < before <= 10 and after <= 10:
            return round(100 * max(0, before - after) / before, 1)
    return None
