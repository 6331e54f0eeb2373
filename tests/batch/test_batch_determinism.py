"""Same input, same bytes: the output does not depend on the number of worker processes."""

from __future__ import annotations

from pathlib import Path

from batch_corpora import build_copies, build_mixed_corpus, imr


def test_output_is_byte_identical_whatever_the_jobs(tmp_path: Path, frozen_rules: str) -> None:
    root = tmp_path / "corpus"
    build_copies(root / "copies", 40)
    build_mixed_corpus(root / "mixed")
    outputs = {}
    for jobs in ("1", "2", "3"):
        out = tmp_path / f"jobs{jobs}.jsonl"
        done = imr("qa", str(root), "--out", str(out), "--jobs", jobs, "--quiet", "--rules", frozen_rules)
        assert done.returncode == 2, done.stderr
        outputs[jobs] = out.read_bytes()
    assert outputs["1"] == outputs["2"] == outputs["3"]
    assert outputs["1"].count(b'"type":"refused"') >= 10 and outputs["1"].count(b'"type":"item"') >= 40 * 2
