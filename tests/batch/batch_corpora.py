"""Corpora for the batch tests, built from the five real case folders in cases/.

(A module of its own, not conftest.py: several test folders have a conftest, and
`from conftest import ...` would get whichever was imported first.)
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "cases"
REAL = sorted(p for p in CASES.iterdir() if (p / "case.yaml").exists())


def extraction_available() -> bool:
    """True once imr_engine.extract offers extract_case (built by the extraction work)."""
    if importlib.util.find_spec("imr_engine.extract") is None:
        return False
    import imr_engine.extract as extract

    return hasattr(extract, "extract_case")


def no_items_letter() -> str:
    text = (REAL[3] / "letter.txt").read_text(encoding="utf-8")
    cut = text.index("The Final Determination was based")
    return text[: cut + 100]


def build_mixed_corpus(root: Path) -> dict[str, str]:
    """Good, broken and empty inputs under *root*; returns input key -> what must happen to it.

    'evaluated' inputs must give item lines; any other value is the refusal code expected.
    """
    expected: dict[str, str] = {}
    for folder in REAL:
        shutil.copytree(folder, root / "good" / folder.name)
        expected[f"good/{folder.name}"] = "evaluated"
    letters = root / "letters"
    letters.mkdir()
    shutil.copy(REAL[0] / "letter.txt", letters / "plain_letter.txt")
    expected["letters/plain_letter.txt"] = "evaluated" if extraction_available() else "no_facts"
    broken = root / "broken"
    broken.mkdir()
    (broken / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    expected["broken/binary.txt"] = "unreadable"
    (broken / "latin1.txt").write_bytes("Soma 350mg: Upheld caf\xe9".encode("latin-1"))
    expected["broken/latin1.txt"] = "unreadable"
    (broken / "unknown_layout.txt").write_text("Dear Sir,\nthis is not a determination letter.\n", encoding="utf-8")
    expected["broken/unknown_layout.txt"] = "unknown_layout"
    (broken / "no_items.txt").write_text(no_items_letter(), encoding="utf-8")
    expected["broken/no_items.txt"] = "no_items"
    (broken / "scan.pdf").write_bytes(b"%PDF-1.4")
    expected["broken/scan.pdf"] = "not_a_letter"
    empty = root / "empty"
    empty.mkdir()
    (empty / "empty.txt").write_text("", encoding="utf-8")
    expected["empty/empty.txt"] = "empty"
    (empty / "blank.txt").write_text("  \n\n \n", encoding="utf-8")
    expected["empty/blank.txt"] = "empty"
    bad_case = root / "cases_broken" / "bad_facts"
    bad_case.mkdir(parents=True)
    shutil.copy(REAL[1] / "letter.txt", bad_case / "letter.txt")
    (bad_case / "case.yaml").write_text("case_id: bad\nrequests: []\n", encoding="utf-8")
    expected["cases_broken/bad_facts"] = "case_facts"
    no_letter = root / "cases_broken" / "no_letter"
    no_letter.mkdir()
    shutil.copy(REAL[1] / "case.yaml", no_letter / "case.yaml")
    expected["cases_broken/no_letter"] = "missing_letter"
    mismatch = root / "cases_broken" / "too_few_requests"
    mismatch.mkdir()
    shutil.copy(REAL[2] / "letter.txt", mismatch / "letter.txt")
    shutil.copy(REAL[3] / "case.yaml", mismatch / "case.yaml")  # 2 requests for a letter of 4 items
    expected["cases_broken/too_few_requests"] = "mismatch"
    (root / ".hidden.txt").write_text("not an input", encoding="utf-8")
    return expected


def build_copies(root: Path, n: int) -> None:
    """n curated case folders: the five real ones, copied over and over under new names."""
    for i in range(n):
        shutil.copytree(REAL[i % len(REAL)], root / f"{i // 50:02d}" / f"case_{i:04d}")


def imr(*args: str, stdin: str | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """The real `imr` command in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "imr_engine", *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=120,
    )
