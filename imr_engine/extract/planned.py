"""Is a mention something done, or only planned, taught, advised or aimed at?

Notes put what will be done beside what was done, often in the same words: "CURES reviewed
today" documents a check, "will check CURES", "CURES to be run before the next refill" and
"Plan: obtain UDS, run CURES" do not. A plan says it by a future or modal word, a verb of
ordering or advising, or a verb in its bare (imperative) form before the thing ("run CURES",
"sign an opioid agreement"); a report uses the past ("checked", "signed") or a state. A goal
("Goal: walk 30 minutes", "to increase sitting tolerance to 60 minutes") and teaching
("instructed in a home program", "counseled on the risks of dependence") are not the thing
either.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
#: Words before the mention, in its clause, that make it planned: "will check", "plan to", "ordered",
#: "have the patient sign", "instructed in", "counseled on the risks of".
_BEFORE = re.compile(
    r"\b(?:will|would|shall|should|going\s+to|plan(?:s|ned|ning)?(?:\s+to|\s+for)?|intends?\s+to|recommend\w*|advis\w*"
    r"|suggest\w*|order(?:ed|ing)?|request(?:s|ing)?|schedul\w*|refer(?:red|ral)?\s+(?:for|to)|consider\w*|discuss\w*"
    r"|counsel\w*|educat\w*|instruct\w*|taught|teach|explain\w*|goals?|aims?|target|expect\w*|anticipat\w*|hope[sd]?"
    r"|hoping|awaiting|await|pending|needs?\s+to|must|have\s+(?:the\s+)?(?:patient|pt|him|her)|if"
    # watching for a thing is not finding it: "monitor for aberrant behavior", "watch for sedation"
    r"|monitor(?:ing)?\s+(?:closely\s+)?for|watch(?:ing)?\s+for)\b:?"
    r"(?:\s+(?:[\w/'-]+|\([^)]{0,20}\))){0,4}?\s*$"
    # a verb in its bare form right before the thing: "run CURES", "obtain a UDS", "pt to sign an agreement"
    # (not after its subject: "he do chiropractic 6 time", the past in a second language's word order)
    r"|(?<!\bhe )(?<!\bshe )(?<!\bthey )(?<!\bwe )(?<!\bI )(?<!\bpt )(?<!\bpatient )"
    r"\b(?:obtain|check|run|query|review|perform|collect|send|sign|repeat|start|begin|initiate|do|get)"
    r"(?!\s+of\b)(?:\s+(?:a|an|the|his|her|new|random|repeat|updated?|another))?\s*$",
    _I,
)
#: Words after the mention that make it planned: "CURES to be checked", "UDS at next visit", "agreement pending".
_AFTER = re.compile(
    r"^\s*(?:is\s+|was\s+|will\s+be\s+)?(?:to\s+be\b|pending\b|ordered\b|requested\b|planned\b|scheduled\b|recommended\b"
    r"|(?:at|on|prior\s+to|before)\s+(?:the\s+)?next\b|next\s+(?:visit|time|appointment)\b|at\s+f/u\b|at\s+follow[- ]?up\b)",
    _I,
)
#: Words after the mention that say it was not done: "CURES not reviewed today", "UDS: not obtained this visit",
#: "agreement has not been signed", "PDMP never checked".
_NOT_DONE_AFTER = re.compile(
    r"^\s*:?\s*(?:was\s+|is\s+|were\s+|has\s+|have\s+)?(?:not|never)\s+(?:yet\s+|been\s+|yet\s+been\s+)?"
    r"(?:reviewed|checked|done|run|obtained|performed|queried|accessed|collected|signed|completed|on\s+file)\b",
    _I,
)
#: A verb of doing in the past before the mention is a report, whatever comes before it: "reviewed CURES today".
_DONE_VERB = re.compile(
    r"\b(?:checked|reviewed|ran|run\s+on|queried|performed|collected|obtained|signed|completed|done|was|were|has|have|had)"
    r"\s+(?:(?:the|a|an|his|her|today'?s?)\s+)?$",
    _I,
)
#: The clause the plan words may stand in ends at these.
_CLAUSE_END = re.compile(r"[;.]\s|[;]|\b(?:but|however|and\s+(?:she|he|pt|the\s+patient)\b)", _I)


def planned(text: str, start: int, end: int) -> bool:
    """Whether the mention at text[start:end] is planned, advised, taught or aimed at rather than done."""
    left = 0
    for m in _CLAUSE_END.finditer(text, 0, start):
        left = m.end()
    before = text[left:start]
    if _DONE_VERB.search(before):
        return False
    return bool(_BEFORE.search(before) or _AFTER.match(text[end : end + 40]))


def not_done(text: str, end: int) -> bool:
    """Whether the words right after a mention ending at *end* say it was not done ("CURES not reviewed today")."""
    return bool(_NOT_DONE_AFTER.match(text[end : end + 60]))
