#!/usr/bin/env python3
"""Place writers' notes into MAIN/corpus/notes/<half>/, each in the half its id fixes.

usage: place_writers.py MAIN DIR [DIR ...]

The half comes from imr_engine.corpus.split.half_of, the function the corpus tests check
placement with, so a placed note always sits where they expect it. A note without its key is
named on stderr and left unplaced, and the exit code is 1.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from imr_engine.corpus.split import half_of


def main(corpus_root: Path, writer_dirs: list[Path]) -> int:
    missing = 0
    for folder in writer_dirs:
        for note in sorted(folder.glob("*.txt")):
            key = note.with_suffix(".yaml")
            if not key.exists():
                print(f"{note}: no answer key {key.name}; not placed", file=sys.stderr)
                missing += 1
                continue
            half = half_of(note.stem)
            dest = corpus_root / "corpus" / "notes" / half
            shutil.copy(note, dest / note.name)
            shutil.copy(key, dest / key.name)
            print(half, note.stem)
    return 1 if missing else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: place_writers.py MAIN DIR [DIR ...]")
    root, folders = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
    for folder in [root / "corpus" / "notes" / "tune", *folders]:
        if not folder.is_dir():
            print(f"place_writers.py: {folder}: no such folder", file=sys.stderr)
            sys.exit(2)
    sys.exit(main(root, folders))
