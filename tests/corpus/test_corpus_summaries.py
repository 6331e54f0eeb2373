"""Decision summaries state the record, never the answer: no review outcome, no later hearing.

A summary is what the reader may use to predict; a sentence saying how the IRO/IMR decided, what a
witness told the later hearing, or whether a party came to it gives the key away (or leans on it).
Both halves are checked; the test half's summaries were cleaned by a corpus editor who does not run
the engine, since that half is sealed to anyone who does.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from yaml_keys import read_yaml

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DECISIONS = sorted((CORPUS / "decisions").glob("*/*.yaml"))

#: Ways a summary gives the review's answer or the later hearing away.
GIVEAWAYS = re.compile(
    r"\b(?:IRO|IMR|independent\s+review\w*)\b[^.;]{0,60}?\b(?:found|overturn\w*|upheld|uph[eo]ld\w*|revers\w*"
    r"|grant\w*|ordered|agreed|disagreed|approved|determined)\b"
    r"|\btestif\w*\b"
    r"|\b(?:upheld|overturned|reversed|affirmed)\s+by\s+(?:an?\s+|the\s+)?(?:IRO|IMR|independent\s+review\w*|hearing|judge)\b"
    r"|\b(?:did\s+not|failed\s+to)\s+(?:appear|attend)\b[^.;]{0,30}\bhearing\b"
    r"|\b(?:at|before|time\s+of)\s+(?:the\s+|a\s+)?(?:SOAH\s+|contested\s+case\s+)?(?:hearing|SOAH)\b"
    r"|\bombudsman\b"
    r"|\b(?:hearing\s+officer|administrative\s+law\s+judge|SOAH\s+judge)\b"
    r"|\b(?:was|were|is)\s+(?:found\s+)?(?:reasonable\s+and\s+necessary|medically\s+necessary)\b",
    re.IGNORECASE,
)


def _summary(path: Path) -> str:
    return str(read_yaml(path).get("summary") or "")


@pytest.mark.parametrize(
    "sentence",
    [
        "The IRO reviewer found the program medically necessary.",
        "IMR overturned the UR denial.",
        "Her treating doctor testified that the ODG criteria were met.",
        "The claimant did not appear at the contested case hearing.",
        "The SOAH judge later reversed it.",
        "The MRI was found reasonable and necessary.",
        "The denial was upheld by an IRO in February 2012.",
        "The claimant twice failed to appear at the hearing.",
        "The carrier called an orthopedic physician at the hearing.",
        "The treatment had been given by the time of the SOAH hearing.",
        "She told the ombudsman she was in therapy.",
    ],
)
def test_the_check_catches_each_kind_of_giveaway(sentence: str) -> None:
    assert GIVEAWAYS.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Utilization review denied it; she applied for IMR on 9/6/2013.",
        "The carrier refused payment as not medically necessary.",
        "Two utilization reviewers found the ODG criteria not met.",
        "The IRO decision is dated June 18, 2008.",
        "Reconsideration upheld the initial denial.",
        "The treating doctor asked for a hearing aid.",
    ],
)
def test_the_record_of_the_denial_is_not_a_giveaway(sentence: str) -> None:
    assert not GIVEAWAYS.search(sentence)


def test_both_halves_are_checked() -> None:
    assert {p.parent.name for p in DECISIONS} == {"tune", "test"}


@pytest.mark.parametrize("path", DECISIONS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_summary_gives_the_outcome_away(path: Path) -> None:
    hit = GIVEAWAYS.search(_summary(path))
    assert hit is None, hit.group() if hit else ""
