"""Decision summaries state the record, never the answer: no review outcome, no later hearing.

A summary is what the reader may use to predict; a sentence saying how the IRO/IMR decided, what a
witness told the later hearing, or whether a party came to it gives the key away (or leans on it).
Only the tune half is checked here: the test half is sealed to anyone who runs the engine, so its
summaries need the same check by someone who does not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
TUNE = sorted((CORPUS / "decisions" / "tune").glob("*.yaml"))

#: Ways a summary gives the review's answer or the later hearing away.
GIVEAWAYS = re.compile(
    r"\b(?:IRO|IMR|independent\s+review\w*)\b[^.;]{0,60}?\b(?:found|overturn\w*|upheld|uph[eo]ld\w*|revers\w*"
    r"|grant\w*|ordered|agreed|disagreed|approved|determined)\b"
    r"|\btestif\w*\b"
    r"|\bdid\s+not\s+(?:appear|attend)\b[^.;]{0,30}\bhearing\b"
    r"|\b(?:hearing\s+officer|administrative\s+law\s+judge|SOAH\s+judge)\b"
    r"|\b(?:was|were|is)\s+(?:found\s+)?(?:reasonable\s+and\s+necessary|medically\s+necessary)\b",
    re.IGNORECASE,
)


def _summary(path: Path) -> str:
    with open(path, encoding="utf-8") as fh:
        return str(yaml.safe_load(fh).get("summary") or "")


@pytest.mark.parametrize(
    "sentence",
    [
        "The IRO reviewer found the program medically necessary.",
        "IMR overturned the UR denial.",
        "Her treating doctor testified that the ODG criteria were met.",
        "The claimant did not appear at the contested case hearing.",
        "The SOAH judge later reversed it.",
        "The MRI was found reasonable and necessary.",
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
    ],
)
def test_the_record_of_the_denial_is_not_a_giveaway(sentence: str) -> None:
    assert not GIVEAWAYS.search(sentence)


@pytest.mark.parametrize("path", TUNE, ids=lambda p: p.stem)
def test_no_tune_summary_gives_the_outcome_away(path: Path) -> None:
    hit = GIVEAWAYS.search(_summary(path))
    assert hit is None, hit.group() if hit else ""
