#!/usr/bin/env python3
"""Place writers' notes into MAIN/corpus/notes/<half>/ by the id's hash (even = tune).

usage: place_writers.py MAIN DIR [DIR ...]
"""
import hashlib, shutil, sys
from pathlib import Path

main = Path(sys.argv[1])
for d in map(Path, sys.argv[2:]):
    for txt in sorted(d.glob("*.txt")):
        key = txt.with_suffix(".yaml")
        if not key.exists():
            print("no key for", txt.name); continue
        half = "tune" if int(hashlib.sha256(txt.stem.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"
        dest = main / "corpus" / "notes" / half
        shutil.copy(txt, dest / txt.name); shutil.copy(key, dest / key.name)
        print(half, txt.stem)
