"""The decision renderer writes letters the real parser reads back item for item.

The decision below is test data in the corpus format, not a corpus document: its wording is
made up, so nothing here depends on what the gatherers collected.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.corpus.letters import layout_of, main, render_letter
from imr_engine.corpus.split import half_of
from imr_engine.letter import parse_letter


def _decision(doc_id: str, kind: str = "ca_imr") -> dict[str, object]:
    return {
        "id": doc_id,
        "source": {"url": "https://example.org/decision", "kind": kind, "title": "test"},
        "decided": date(2014, 3, 5),
        "claimant": {"age": 45, "sex": "female"},
        "date_of_injury": date(2012, 1, 10),
        "summary": "Low back pain radiating to the left leg; hydrocodone taken since 2012.",
        "reviewer": {"specialty": "Orthopedic Surgery", "licensure": "Texas"},
        "items": [
            {
                "request": "Lumbar epidural steroid injection at L4-5 with fluoroscopic guidance and a long request line",
                "outcome": "overturned",
                "category": "epidural_steroid_injections",
                "guideline": "Non-MTUS Citation Official Disability Guidelines (ODG), Low Back chapter, "
                "Epidural steroid injections (ESIs)",
                "rationale": "Radiculopathy is documented on examination and imaging",
            },
            {
                "request": "Hydrocodone 10/325 mg #90",
                "outcome": "upheld",
                "category": "opioids",
                "guideline": "Non-MTUS Citation Official Disability Guidelines (ODG), Pain chapter, Opioids",
                "rationale": "No functional improvement is documented.",
            },
        ],
    }


@settings(max_examples=60, deadline=None)
@given(st.from_regex(r"tx-[a-z0-9-]{1,20}", fullmatch=True), st.sampled_from(["ca_imr", "ca_wcab", "other", "tx_iro"]))
def test_every_layout_parses_back_to_the_same_items(doc_id: str, kind: str) -> None:
    decision = _decision(doc_id, kind)
    letter = parse_letter(render_letter(decision))
    texas = kind == "tx_iro"
    assert letter.layout == (4 if texas else layout_of(doc_id))
    assert letter.jurisdiction == ("texas" if texas else "california")
    assert [(i.request, i.decision, i.medically_necessary) for i in letter.items] == [
        (
            "Lumbar epidural steroid injection at L4-5 with fluoroscopic guidance and a long request line",
            "Overturned",
            True,
        ),
        ("Hydrocodone 10/325 mg #90", "Upheld", False),
    ]
    assert all(c.guideline == "Official Disability Guidelines" for i in letter.items for c in i.citations)


def test_the_decision_date_is_readable_from_layouts_with_a_cover() -> None:
    for doc_id in ("tx-a", "tx-b", "tx-c", "tx-d", "tx-e", "tx-f"):
        letter = parse_letter(render_letter(_decision(doc_id)))
        if layout_of(doc_id) in (1, 2):
            assert letter.ur_denial_date == date(2014, 3, 5)


def test_a_texas_iro_decision_is_a_texas_notice_with_its_parts() -> None:
    """Layout 4: the Texas form's headings, the outcome boxes, the reviewer, the ODG box ticked."""
    text = render_letter(_decision("tx-form", "tx_iro"))
    for heading in ("NOTICE OF INDEPENDENT REVIEW DECISION", "DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:",
                    "REVIEW OUTCOME:", "PATIENT CLINICAL HISTORY (SUMMARY):"):
        assert heading in text.splitlines()
    assert "[X] Partially Overturned (Agree in part / Disagree in part)" in text
    assert "[X] ODG - Official Disability Guidelines & Treatment Guidelines" in text
    assert "Non-MTUS" not in text and "MAXIMUS" not in text
    letter = parse_letter(text)
    assert letter.reviewer.specialties == ["Orthopedic Surgery"] and letter.reviewer.licensure_states == ["Texas"]
    assert letter.summary.startswith("The injured worker is a 45 year old female")
    assert [i.rationale.split(".")[0] for i in letter.items] == [
        "Radiculopathy is documented on examination and imaging", "No functional improvement is documented"]
    assert [", ".join(c.sections) for i in letter.items for c in i.citations] == [
        "Low Back chapter, Epidural steroid injections (ESIs)", "Pain chapter, Opioids"]
    assert not [w for w in letter.warnings if "guideline" in w or "ignored" in w]


def test_rendering_is_deterministic() -> None:
    assert render_letter(_decision("tx-x1")) == render_letter(_decision("tx-x1"))


def test_layouts_are_spread_and_independent_of_the_half() -> None:
    ids = [f"tx-{n}" for n in range(600)]
    by_layout = Counter(layout_of(i) for i in ids)
    assert set(by_layout) == {1, 2, 3} and min(by_layout.values()) > 150
    pairs = Counter((half_of(i), layout_of(i)) for i in ids)
    assert len(pairs) == 6


def test_main_writes_a_letter_per_decision(tmp_path: Path) -> None:
    doc_id = "tx-main-1"
    half = half_of(doc_id)
    (tmp_path / half).mkdir()
    (tmp_path / half / f"{doc_id}.yaml").write_text(yaml.safe_dump(_decision(doc_id)), encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    assert (tmp_path / half / "letters" / f"{doc_id}.txt").read_text(encoding="utf-8") == render_letter(
        _decision(doc_id)
    )


def test_a_misplaced_decision_is_refused_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc_id = "tx-main-1"
    wrong = "test" if half_of(doc_id) == "tune" else "tune"
    (tmp_path / wrong).mkdir()
    (tmp_path / wrong / f"{doc_id}.yaml").write_text(yaml.safe_dump(_decision(doc_id)), encoding="utf-8")
    assert main([str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"{doc_id}.yaml" in err


def test_a_letter_whose_decision_is_gone_is_removed(tmp_path: Path) -> None:
    doc_id = "tx-main-1"
    half = half_of(doc_id)
    (tmp_path / half / "letters").mkdir(parents=True)
    (tmp_path / half / f"{doc_id}.yaml").write_text(yaml.safe_dump(_decision(doc_id)), encoding="utf-8")
    orphan = tmp_path / half / "letters" / "tx-withdrawn.txt"
    orphan.write_text("old letter\n", encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    assert not orphan.exists() and (tmp_path / half / "letters" / f"{doc_id}.txt").exists()
