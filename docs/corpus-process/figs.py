#!/usr/bin/env python3
"""Headline figures of `imr qa --json` reports; given two, the items whose agreement changed.

usage: figs.py A.json [B.json]   (notes or decisions reports)

The notes report keeps its figures under "outcomes" and "facts", the letters report under
"summary"; both list their items under "items".
"""

from __future__ import annotations

import json
import sys
from typing import Any


def figures(path: str) -> dict[str, Any]:
    """Print one report's headline line and return the report."""
    with open(path, encoding="utf-8") as handle:
        report = json.load(handle)
    o = report.get("outcomes") or report["summary"]
    refused = report.get("refused")
    refused_count = len(refused) if isinstance(refused, dict) else o.get("refused")
    line = (
        f"{path}: agree {o['agree']}/{o['items']} ({o['agree'] / o['items']:.1%}) "
        f"baseline {o['majority_baseline']:.3f} kappa {o['kappa']:.3f} "
        f"OT recall {o.get('overturned_recall')} precision {o.get('overturned_precision')} "
        f"indeterminate {o['indeterminate']} refused {refused_count}"
    )
    if "facts" in report:
        f = report["facts"]
        line += f" | facts P {f['precision']:.3f} R {f['recall']:.3f} ({f['correct']}/{f['documented']})"
    print(line)
    return report


def item_key(item: dict[str, Any]) -> tuple[Any, Any, Any]:
    """An item's identity across two runs: its note (or letter), position and request line."""
    return (item.get("note") or item.get("case"), item.get("index"), item.get("request"))


def changed(before: dict[str, Any], after: dict[str, Any]) -> None:
    """Print the items that agree in one run and not in the other."""
    old = {item_key(i): i for i in before["items"]}
    new = {item_key(i): i for i in after["items"]}
    common = [k for k in new if k in old]
    better = [k for k in common if new[k]["agree"] and not old[k]["agree"]]
    worse = [k for k in common if old[k]["agree"] and not new[k]["agree"]]
    print(f"better {len(better)} worse {len(worse)}")
    for k in better:
        print("  +", k[0], k[1], (k[2] or "")[:70])
    for k in worse:
        print("  -", k[0], k[1], (k[2] or "")[:70], new[k]["predicted"], "expected", new[k]["expected"])


if __name__ == "__main__":
    if not 1 <= len(sys.argv) - 1 <= 2:
        sys.exit("usage: figs.py A.json [B.json]")
    reports = []
    for path in sys.argv[1:]:
        try:
            reports.append(figures(path))
        except (OSError, ValueError, KeyError, TypeError) as problem:
            print(f"figs.py: {path}: not a readable `imr qa --json` report ({problem!r})", file=sys.stderr)
            sys.exit(2)
    if len(reports) == 2:
        changed(*reports)
