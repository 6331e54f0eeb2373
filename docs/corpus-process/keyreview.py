#!/usr/bin/env python3
"""Blind key review of the scored keys corpus/README.md lists under "The other scored keys".

usage: keyreview.py batches MAIN N FIRST LAST   -> /work/review/batchK.txt (note paths of writers FIRST..LAST)
       keyreview.py keys MAIN                   -> the keys under review, one per line
       keyreview.py merge MAIN [--skip KEY,KEY] ADDITIONS.yaml...
                                                -> adds each reviewed key the answer key lacks, marked `# key review`;
                                                  prints counts and the disagreements with recorded values; --skip
                                                  leaves out keys the reviewers read in different ways
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml


def review_keys(main: Path) -> list[str]:
    text = (main / "corpus" / "README.md").read_text(encoding="utf-8")
    section = text.split("### The other scored keys", 1)[1].split("\n### ", 1)[0]
    return sorted(set(re.findall(r"`((?:exam|clinical|monitoring|function|pain)\.[a-z_]+)`", section)))


def notes(main: Path, first: int, last: int) -> list[Path]:
    found = []
    for half in ("tune", "test"):
        for p in sorted((main / "corpus" / "notes" / half).glob("w*.txt")):
            writer = int(re.match(r"w(\d+)-", p.name).group(1))
            if first <= writer <= last:
                found.append(p)
    return sorted(found, key=lambda p: p.name)


def merge(main: Path, files: list[Path], skip: frozenset[str] = frozenset()) -> None:
    keys = set(review_keys(main)) - skip
    added = same = differ = 0
    for f in files:
        additions = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        for note_id, facts in sorted(additions.items()):
            paths = [main / "corpus" / "notes" / h / f"{note_id}.yaml" for h in ("tune", "test")]
            path = next((p for p in paths if p.exists()), None)
            if path is None:
                print(f"{f}: no answer key for {note_id}", file=sys.stderr)
                continue
            text = path.read_text(encoding="utf-8")
            recorded = (yaml.safe_load(text).get("facts") or {})
            lines = []
            for key, value in sorted((facts or {}).items()):
                value = {True: "yes", False: "no"}.get(value, value)
                if key in skip:
                    continue
                if key not in keys or value not in ("yes", "no"):
                    print(f"{f}: {note_id}: {key}: {value!r} is not a reviewed yes/no key; skipped", file=sys.stderr)
                    continue
                if key in recorded:
                    was = {True: "yes", False: "no"}.get(recorded[key], recorded[key])
                    if was == value:
                        same += 1
                    else:
                        differ += 1
                        print(f"differs: {note_id} {key}: recorded {was}, review {value}")
                    continue
                lines.append(f"  {key}: {value}  # key review\n")
            if not lines:
                continue
            out, done = [], False
            for line in text.splitlines(keepends=True):
                out.append(line)
                if not done and line.rstrip() == "facts:":
                    out.extend(lines)
                    done = True
            if not done:
                print(f"{path}: no 'facts:' line; skipped", file=sys.stderr)
                continue
            new = "".join(out)
            check = yaml.safe_load(new)["facts"]
            assert all(k in check for k in (l.split(":")[0].strip() for l in lines)), path
            path.write_text(new, encoding="utf-8")
            added += len(lines)
    print(f"added {added}, agreed with recorded {same}, differed from recorded {differ} (not changed)")


if __name__ == "__main__":
    cmd, main = sys.argv[1], Path(sys.argv[2])
    if cmd == "keys":
        print("\n".join(review_keys(main)))
    elif cmd == "batches":
        n, first, last = (int(a) for a in sys.argv[3:6])
        paths = notes(main, first, last)
        for k in range(n):
            Path(f"/work/review/batch{k + 1}.txt").write_text("".join(f"{p}\n" for p in paths[k::n]), encoding="utf-8")
        print(f"{len(paths)} notes in {n} batches")
    elif cmd == "merge":
        args = sys.argv[3:]
        skip: frozenset[str] = frozenset()
        if args[:1] == ["--skip"]:
            skip, args = frozenset(args[1].split(",")), args[2:]
        merge(main, [Path(a) for a in args], skip)
