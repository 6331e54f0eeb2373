"""`imr schema`: the JSON Schema of case facts, the engine's only input.

Whoever writes or checks a `cases/<id>/case.yaml` (by hand, with an editor's YAML
schema support, or from another tool) needs the exact contract the engine
validates against; printing it from the model keeps the two from drifting apart.
"""

from __future__ import annotations

import argparse
from typing import Any

from . import EXIT_OK, dump_json

_DESCRIPTION = (
    "Print the JSON Schema of case facts (cases/<id>/case.yaml): every field the "
    "rules may look at, with its type, allowed values and description. Use it to "
    "validate case files in an editor or another tool, or to see what a case file "
    "can say. The output is deterministic (sorted keys), so it can be diffed."
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of case facts (case.yaml)",
        description=_DESCRIPTION,
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..facts.model import CaseFacts

    print(dump_json(CaseFacts.model_json_schema()))
    return EXIT_OK
