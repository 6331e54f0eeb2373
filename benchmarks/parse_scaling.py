"""`python -m benchmarks.parse_scaling [--json]`: letter parsing time against letter length.

Parses a real letter (cases/) repeated to 0.25, 0.5, 1, 2 and 4 MiB (twice the
largest letter any command reads, `textio.MAX_TEXT_BYTES`), best of three runs each,
and reports seconds per MiB. Linear parsing keeps that figure flat; the quadratic join
this guards against (issue 14, point 6) doubled it with every doubling of the length.
A 50 MB letter file is refused by size before parsing. Not a test: nothing here fails the build.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from imr_engine.letter import parse_letter
from imr_engine.textio import MAX_TEXT_BYTES

REPO = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024


def measure(sizes_mib: tuple[float, ...] = (0.25, 0.5, 1, 2, 4)) -> list[dict[str, float]]:
    letter = sorted((REPO / "cases").glob("*/letter.txt"))[0].read_text(encoding="utf-8")
    rows = []
    for size in sizes_mib:
        text = (letter * (int(size * MIB) // len(letter) + 1))[: int(size * MIB)]
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            parse_letter(text, source="benchmark")
            best = min(best, time.perf_counter() - started)
        rows.append({"mib": size, "seconds": round(best, 3), "seconds_per_mib": round(best / size, 3)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = measure()
    if args.json:
        print(json.dumps({"limit_bytes": MAX_TEXT_BYTES, "rows": rows}, indent=2))
        return
    for row in rows:
        print(f"{row['mib']:>5} MiB  {row['seconds']:>7.3f} s  {row['seconds_per_mib']:>6.3f} s/MiB")
    ratio = rows[-1]["seconds_per_mib"] / rows[0]["seconds_per_mib"]
    print(f"s/MiB at {rows[-1]['mib']} MiB over s/MiB at {rows[0]['mib']} MiB: {ratio:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
