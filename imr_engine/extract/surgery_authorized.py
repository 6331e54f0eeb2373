"""Whether the operation care is requested for is authorized or scheduled, or pending or denied.

Post-operative therapy, equipment and tests sent before the operation are decided by whether the
operation will take place: reviewers certify them once the surgery is authorized, certified or
scheduled, and not while it is pending authorization or has been denied by utilization review.
The whole sentence is quoted, so the engine can read which operation it names.
"""

from __future__ import annotations

import re

from .context import Context
from .negation import polarity
from .sentences import Sentence
from .word_gate import finditer, search

_I = re.IGNORECASE
#: Words that make a sentence speak of an operation.
_OPERATION = re.compile(
    r"\b(?:surgery|surgical|operation|operative|repair|release|arthroscop\w*|fusion|decompression|(?:micro)?discectomy"
    r"|lamin(?:ectomy|otomy)|arthroplasty|replacement|reconstruction|ORIF|ACDF|TKA|THA|TKR|THR|menis(?:c)?ectomy"
    r"|tenotomy|tenodesis|debridement|osteotomy|foraminotomy|stabilization|acromioplasty)\b"
    # a surgeon's consultation or opinion is no operation: "surgical consult f/u scheduled for 6/2018"
    r"(?!\s+(?:consult\w*|evaluation|opinion|referral|follow[- ]?up|f/u|clearance|candidate))",
    _I,
)
#: A condition, not a fact: "if surgery is not approved", "unless the fusion is certified".
_CONDITIONAL = re.compile(r"\b(?:if|unless|in\s+case|should|whether|until)\b[^.;]{0,60}$", _I)
_DATE = r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_AUTHORIZED = re.compile(
    r"\b(?:was\s+|has\s+been\s+|been\s+|is\s+|now\s+)?(?:authorized|authorised|certified|approved)\b"
    r"|\b(?:UR|utilization\s+review)\s+(?:has\s+)?(?:authorized|authorised|certified|approved)\b"
    r"|\bauthorization\s+(?:was\s+|has\s+been\s+)?(?:received|obtained|granted)\b"
    rf"|\b(?:is\s+|was\s+|now\s+|has\s+been\s+)?scheduled\s+(?:for\s+|on\s+)?(?:{_DATE})"
    r"|\b(?:is\s+|has\s+been\s+|now\s+)?scheduled\s+(?:for|on)\s+(?:next\s+week|(?:Mon|Tues|Wednes|Thurs|Fri)day)\b"
    rf"|\bsurgery\s+date\s*:?\s*(?:{_DATE})",
    _I,
)
_NOT_YET = re.compile(
    r"\b(?:pending|awaiting|await(?:s|ing)?|waiting\s+(?:for|on))\s+(?:UR\s+|insurance\s+|carrier\s+|the\s+)?"
    r"(?:authorization|authorisation|approval|certification|UR)\b"
    r"|\b(?:denied|non-?certified|not\s+(?:authorized|authorised|certified|approved))\b"
    r"|\b(?:UR|utilization\s+review)\s+(?:has\s+)?(?:denied|non-?certified)\b|\bnon-?certification\b",
    _I,
)
#: A request for authorization is no authorization: "request for authorization", "authorization requested".
_ASKED = re.compile(r"\b(?:request(?:ing|ed)?\s+(?:for\s+)?(?:authorization|approval)|authorization\s+(?:is\s+)?requested)\b", _I)


#: An operation already done, told by how long ago: "6 weeks post-op", "POD #10", "3 months status post L4-5
#: microdiscectomy", "2 weeks after carpal tunnel release" (not a course's length: "PT for 6 weeks after the repair").
_DONE = re.compile(
    r"\b(?:POD|post-?op(?:erative)?\s+day)\s*#?\s*\d+\b"
    r"|(?<!\bfor\s)(?<!\bx\s)(?<!\bover\s)\b\d+(?:\s*-\s*\d+)?\s*(?:days?|weeks?|wks?|months?|mos?)\s+"
    r"(?:post-?op(?:erative(?:ly)?)?|s/p|status\s+post|after\s+(?:(?:the|his|her)\s+)?(?:surgery|operation|(?:[\w-]+\s+){0,3}?"
    r"(?:repair|release|arthroscop\w*|\w+ectomy|\w+plasty|fusion|decompression|reconstruction|ORIF)))\b",
    _I,
)


def read_surgery_authorized(sentences: list[Sentence], ctx: Context) -> None:
    """clinical.surgery_authorized: yes (authorized, certified, scheduled), no (pending, denied), quoting the sentence.

    A sentence that says both ("denied by UR, now approved on appeal") is read as no: the reader cannot
    order the events, and a denial is the cautious reading.
    """
    requests_surgery = any("surgery" in item.classes for item in ctx.items)
    for s in sentences:
        if search(_OPERATION, s.text) is None and search(_DONE, s.text) is None:
            continue
        said = None
        for m in finditer(_NOT_YET, s.text):
            if not _CONDITIONAL.search(s.text, 0, m.start()):
                said = "no"
                break
        if said is None:
            for m in finditer(_AUTHORIZED, s.text):
                if polarity(s.text, m.start(), m.end()) == "affirmed" and not _ASKED.search(s.text, max(0, m.start() - 30), m.end()) \
                        and not _CONDITIONAL.search(s.text, 0, m.start()):
                    said = "yes"
                    break
        if said is None and not requests_surgery:
            for m in finditer(_DONE, s.text):
                if not _CONDITIONAL.search(s.text, 0, m.start()) and polarity(s.text, m.start(), m.end()) == "affirmed":
                    said = "yes"  # care after an operation done (corpus README); a note asking for one speaks of that one
                    break
        if said is not None:
            ctx.draft.finding("clinical.surgery_authorized", said, s.evidence(0, len(s.text)))


def read_operation_requested_here(ctx: Context) -> None:
    """An operation a note requests is not yet authorized (corpus/README.md, key review: `no` when the operation is
    requested in the same note), unless the note says it was; its request line is the words that say so.

    Run once the note's request lines are quoted.
    """
    if "clinical.surgery_authorized" in ctx.draft.findings:
        return
    for item, request in zip(ctx.items, ctx.draft.requests, strict=False):
        if "surgery" in item.classes and request["evidence"]:
            ctx.draft.finding("clinical.surgery_authorized", "no", request["evidence"][0])
            return
