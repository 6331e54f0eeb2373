"""`imr rules [--json]`: every loaded rule with its category, scope and guideline citation.

UR and QA staff need to see what the rule book covers and how far each citation can be trusted
(`citation_checked`: were the criterion and pages read in the guideline text itself?). The
listing follows the rule book's own order (files sorted by path, rules in file order), so the
output is byte-identical from run to run.
"""

from __future__ import annotations

import argparse
from typing import Any

from . import EXIT_OK, add_json_option, dump_json
from .evaluate import add_rules_option, as_of_date


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "rules",
        help="list every loaded rule with its category, scope and guideline citation",
        description=(
            "List every rule of the rule book (the bundled one, or --rules DIR): id, category, outcome, "
            "what it applies to, its citation (source, guideline, edition, sections, pages, effective "
            "dates) and whether the citation was checked against the guideline text. --json prints a "
            "list of objects with at least id, category and citation. --as-of DATE lists only the rules in "
            "force on that date, under the MTUS generation in force then (rules/generations.yaml)."
        ),
    )
    p.add_argument("--as-of", type=as_of_date, metavar="YYYY-MM-DD",
                   help="list only the rules in force on this date (the same choice evaluate makes)")
    add_rules_option(p)
    add_json_option(p)
    p.set_defaults(run=run)


def _scope_text(scope: dict[str, dict[str, list[str]]]) -> str:
    parts = []
    for level in ("file", "rule"):
        for key, values in scope[level].items():
            parts.append(f"{key}={'|'.join(values)}")
    return "; ".join(parts)


def render_rules(records: list[dict[str, Any]], heading: str = "") -> str:
    lines: list[str] = [heading] if heading else []
    category = None
    for r in records:
        if r["category"] != category:
            category = r["category"]
            lines.append(f"\n[{category}]")
        c = r["citation"]
        dates = c["effective_from"] + (f" to {c['effective_until']}" if c["effective_until"] else " on")
        checked = "checked" if r["citation_checked"] else "NOT checked"
        lines.append(f"{r['id']}  ({r['outcome']}, {r['tier']})")
        lines.append(f"    applies to: {_scope_text(r['applies_to'])}")
        generations = f" ({', '.join(c['generations'])})" if c["generations"] else ""
        lines.append(f"    cites: {c['label']}; in force {dates}{generations}; citation {checked}")
    categories = len({r["category"] for r in records})
    unchecked = sum(not r["citation_checked"] for r in records)
    lines.append("")
    lines.append(f"rules {len(records)}   categories {categories}   citations not checked {unchecked}")
    return "\n".join(lines).lstrip("\n") + "\n"


def _listing(rules: str | None, as_json: bool) -> Any:
    """Every rule's record, from the cache when the rule files and the code are unchanged: as the
    text `--json` prints (*as_json*), else as the records.

    A hit needs neither the models nor the vocabulary: the listing starts in a tenth of the
    time of loading and checking the rule book (see imr_engine/derived_cache.py). What is kept is
    the printed JSON itself, written once: a hit prints it without reading and writing it again.
    """
    import json
    from pathlib import Path

    from .. import derived_cache
    from ..resources import default_rules_dir

    base = Path(rules) if rules is not None else default_rules_dir()
    # the same key as the compiled book's (`rulebook.compiled.key_of`), without importing the models;
    # none when caching is off (`IMR_CACHE_DIR=off`): nothing would be read or kept under it
    key = derived_cache.content_key(base, base.rglob("*.yaml")) if base.is_dir() and derived_cache.enabled() else None
    text = derived_cache.load_text("rules", key)
    if text is not None and text.startswith("["):
        return text if as_json else json.loads(text)
    from ..collector import collector_paused, keep_until_exit

    with collector_paused():  # the models' imports as well as the load (see imr_engine/collector.py)
        from ..rulebook import load_rulebook
        from ..rulebook.listing import rule_records

        # the compiled book is read when a command left it, but not kept from here: the listing is
        records = rule_records(load_rulebook(rules, key=key, store=False))
        keep_until_exit()  # the command only prints now
    if key is None and not as_json:
        return records
    text = dump_json(records)
    derived_cache.store_text("rules", key, text)
    return text if as_json else records


def run(args: argparse.Namespace) -> int:
    import sys

    if args.as_of is None:
        listed = _listing(args.rules, args.json)
        print(listed if args.json else render_rules(listed), end="\n" if args.json else "")
        return EXIT_OK
    from ..collector import keep_until_exit
    from ..rulebook import load_rulebook

    book = load_rulebook(args.rules)
    keep_until_exit()  # the command only prints now
    heading = ""
    only: set[str] | None = None
    if args.as_of is not None:
        only = {r.id for r in book.in_force(args.as_of)}
        found = book.at(args.as_of)
        heading = f"rules in force on {args.as_of.isoformat()}"
        if found is not None:
            heading += f" under {found.generation.title}"
            if found.warning:
                print(f"imr rules: warning: {found.warning}", file=sys.stderr)
    from ..rulebook.listing import rule_records

    records = rule_records(book, only)
    print(dump_json(records) if args.json else render_rules(records, heading), end="\n" if args.json else "")
    return EXIT_OK
