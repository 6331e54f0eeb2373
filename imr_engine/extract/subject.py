"""The conditions a letter introduces its subject with: "a worker with a spinal cord injury and paraplegia".

Summaries recounted from a decision often name the worker's conditions only in the phrase that
introduces the worker ("Injured worker with a spinal cord injury and paraplegia who uses a
wheelchair", "Woman with severe spinal stenosis and sciatica after cervical surgery"), with no
"diagnosed with" or "diagnoses:" lead. Each condition of that phrase is kept as a diagnosis when
the guideline's diagnosis groups (diagnoses.yaml) name it, so a mere "worker with two children"
or "a woman with a forklift licence" adds nothing. Read from letters only: a progress note
lists its diagnoses under their own heading.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..engine.diagnoses import load_diagnosis_groups
from ..engine.terminology import padded_words
from .anatomy import regions_in
from .context import Context
from .negation import polarity
from .sentences import Sentence
from .word_gate import finditer

_I = re.IGNORECASE
_PERSON_WITH = re.compile(
    r"\b(?:male|female|man|woman|patient|worker|employee|claimant)\s+with\s+(?P<what>[^.;:()]{3,120})", _I
)
#: Where the introducing phrase ends: a relative clause, or what happened to the worker.
_PHRASE_END = re.compile(
    r"\s(?:who|whose|that|which|after|from|since|because|when|while|following|treated|taking|on|in|at|for)\b", _I
)
_PARTS = re.compile(r"\s*(?:,|\band\b|\bplus\b)\s*", _I)
_ARTICLE = re.compile(r"^(?:a|an|the|his|her|their)\s+", _I)
_NEGATED = re.compile(r"^(?:no|not|without|denies|denied|negative\s+for)\b", _I)


@lru_cache(maxsize=8)
def _group_words(directory: str) -> tuple[str, ...]:
    groups = load_diagnosis_groups(Path(directory))
    return tuple(padded_words(w) for words in groups.groups.values() for w in words) if groups else ()


def read_subject_conditions(sentences: list[Sentence], ctx: Context) -> None:
    """Diagnoses named in the phrase that introduces the worker, when the diagnosis groups know them."""
    words = _group_words(str(ctx.vocab.directory))
    if not words:
        return
    for s in sentences:
        for m in finditer(_PERSON_WITH, s.text):
            start = m.start("what")
            phrase = m.group("what")
            if (end := _PHRASE_END.search(phrase)) is not None:
                phrase = phrase[: end.start()]
            at = start
            for part in _PARTS.split(phrase):
                offset = s.text.find(part, at) if part else -1
                if offset < 0:
                    continue
                at = offset + len(part)
                name = _ARTICLE.sub("", part).strip()
                if not name or _NEGATED.match(name) or not any(w in padded_words(name) for w in words):
                    continue
                if polarity(s.text, offset, offset + len(part)) != "affirmed":
                    continue
                ctx.draft.diagnosis(name, regions_in(name), s.evidence(offset, offset + len(part)))
