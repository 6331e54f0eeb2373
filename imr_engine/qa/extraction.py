"""QA on raw letters: parse -> extract -> evaluate -> compare, and extraction scored against case.yaml.

For each case folder (letter.txt + case.yaml) the letter is parsed, a draft case is
extracted from its raw text, the engine predicts each item from the draft, and the
prediction is compared with the reviewer's decision, next to the engine's agreement on
the curated case (with and without the facts only rationales state).

How extraction is scored. Each case is turned into *atoms*, one per fact per field
(fields listed in `FIELDS`); a draft and a curated case are compared atom by atom:
- **precision** of a field: the share of extracted atoms that the curated case states
  (the full case.yaml: a fact is right whatever the curator quoted for it);
- **recall**: the share of the *reference* atoms that were extracted. The reference is
  what the extraction could read: without `use_rationale`, the curated case with its
  rationale-only facts removed (`without_rationale_facts`); with it, the full case.
- `unknown` is "not documented" and asserts nothing: a finding, a drug's status or
  long-term use, or a request's purpose left unknown gives no atom on either side.
- Matching is on meaning, not spelling: names compare case-, spacing-, punctuation- and
  plural-insensitively (the vocabulary's phrase keys); a diagnosis is split into its
  conditions ("chronic neck and back pain" -> neck pain, back pain; leading
  "ongoing"/"chronic" dropped) so one curator's single complaint and another's two
  match; body regions compare by the vocabulary's canonical name ("leg" ->
  lower_extremities); dates by their written precision ("2015-02" is not "2015-02-01").
Per-field figures are null where neither side has an atom; `precision`/`recall` in the
summary pool every field's atoms (micro-average).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..batch.inputs import BatchInput
from ..batch.work import Outcome, WorkSettings
from ..engine import Engine
from ..errors import EngineError, ImrError
from ..facts import CaseFacts, load_case
from ..facts.model import Finding
from ..facts.rationale import without_rationale_facts
from ..vocabulary import phrase_key

Atom = tuple[Any, ...]

_FINDING_SECTIONS = ("function", "monitoring", "exam", "clinical")
_QUALIFIERS = ("ongoing", "chronic", "current", "persistent", "continued", "constant", "the", "a", "an")
_SYMPTOM = re.compile(r"(?:pain|ache|aches|headache|headaches|numbness|tingling|stiffness|weakness|symptoms)$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FieldScore(_Model):
    """Extraction against the curated case for one field, over all cases."""

    field: str
    extracted: int = Field(description="Atoms extracted.")
    correct: int = Field(description="Extracted atoms the curated case states.")
    reference: int = Field(description="Atoms the extraction could have read (see module doc).")
    found: int = Field(description="Reference atoms extracted.")
    precision: float | None
    recall: float | None
    spurious: list[str] = Field(default_factory=list, description="case: atom extracted but not curated.")
    missed: list[str] = Field(default_factory=list, description="case: reference atom not extracted.")


class ExtractionItem(_Model):
    case: str
    index: int
    request: str
    actual: str
    predicted: str = Field(description="From the extracted draft case.")
    agree: bool
    curated_predicted: str | None = Field(None, description="From the curated case.yaml.")
    curated_agree: bool | None = None
    curated_without_rationale_predicted: str | None = None
    curated_without_rationale_agree: bool | None = None


class ExtractionRefused(_Model):
    case: str
    reason: str


class FieldSummary(_Model):
    precision: float | None
    recall: float | None
    extracted: int
    reference: int


class ExtractionSummary(_Model):
    cases: int
    refused: int
    use_rationale: bool
    items: int
    agree: int
    curated_agree: int
    curated_without_rationale_agree: int
    precision: float | None = Field(description="Over all fields (micro-average).")
    recall: float | None
    fields: dict[str, FieldSummary]


class ExtractionQAReport(_Model):
    summary: ExtractionSummary
    items: list[ExtractionItem]
    fields: list[FieldScore]
    refused: list[ExtractionRefused]

    @property
    def all_agree(self) -> bool:
        return self.summary.agree == self.summary.items and not self.refused


# ---------------------------------------------------------------------------- atoms


def _key(name: str) -> str:
    return " ".join(phrase_key(name))


def condition_atoms(name: str) -> list[str]:
    """The conditions a diagnosis names: 'chronic neck and back pain' -> ['neck pain', 'back pain']."""
    words = list(phrase_key(name))
    while words and words[0] in _QUALIFIERS:
        words = words[1:]
    text = " ".join(words)
    parts = [p.strip() for p in text.split(" and ") if p.strip()]
    if len(parts) > 1:
        if all(_SYMPTOM.search(p) for p in parts):
            return [_key(p) for p in parts]
        last = parts[-1].split()
        if _SYMPTOM.search(parts[-1]) and all(len(p.split()) <= 2 and not _SYMPTOM.search(p) for p in parts[:-1]):
            symptom = last[-1]
            return [_key(f"{p} {symptom}") for p in parts[:-1]] + [_key(parts[-1])]
    return [_key(text)] if text else []


def _region(name: str) -> str:
    from ..extract.anatomy import canonical_region

    return canonical_region(name)


def case_atoms(case: CaseFacts) -> dict[str, set[Atom]]:
    """Every field's atoms for one case."""
    a: dict[str, set[Atom]] = {name: set() for name in FIELDS}
    if case.claimant.age is not None:
        a["claimant.age"].add((case.claimant.age,))
    if case.claimant.sex != "unknown":
        a["claimant.sex"].add((case.claimant.sex,))
    if case.date_of_injury:
        a["date_of_injury"].add((str(case.date_of_injury.date),))
    if case.ur_decision_date:
        a["ur_decision_date"].add((str(case.ur_decision_date.date),))
    a["report_dates"] = {(str(r.date),) for r in case.report_dates}
    a["diagnoses"] = {(c,) for d in case.diagnoses for c in condition_atoms(d.name)}
    a["body_regions"] = {(_region(r),) for d in case.diagnoses for r in d.body_regions}
    a["surgeries"] = {
        (_key(s.name), _region(s.body_region) if s.body_region else None, str(s.date) if s.date else None)
        for s in case.surgeries
    }
    a["treatments"] = {(_key(t.name), t.kind, t.effect) for t in case.treatments}
    a["imaging"] = {
        (i.modality, _region(i.body_region) if i.body_region else None, str(i.date) if i.date else None)
        for i in case.imaging
    }
    for m in case.medications:
        name = _key(m.name)
        a["medications"].add((name,))
        if m.status != "unknown":
            a["medications.status"].add((name, m.status))
        if m.started is not None:
            a["medications.started"].add((name, str(m.started), m.started_qualifier))
        if m.long_term != "unknown":
            a["medications.long_term"].add((name, m.long_term))
    a["pain_scores"] = {(p.score, p.score_max, str(p.date) if p.date else None, p.context) for p in case.pain_scores}
    a["monitoring.urine_drug_screens"] = {
        (str(s.date) if s.date else None, s.consistent) for s in case.monitoring.urine_drug_screens
    }
    for section in _FINDING_SECTIONS:
        block = getattr(case, section)
        for name in type(block).model_fields:
            value = getattr(block, name)
            if isinstance(value, Finding) and value.value != "unknown":
                a[f"{section}.{name}"].add((value.value,))
    if case.function.work_status.value != "unknown":
        a["function.work_status"].add((case.function.work_status.value,))
    a["function.measures"] = {(m,) for m in case.function.measures}
    a["requests"] = {(" ".join(r.text.split()),) for r in case.requests}
    a["requests.purpose"] = {(" ".join(r.text.split()), r.purpose) for r in case.requests if r.purpose != "unknown"}
    return a


def _finding_fields() -> list[str]:
    from ..facts.model import Clinical, Exam, FunctionalStatus, Monitoring

    out = []
    for section, model in (
        ("function", FunctionalStatus),
        ("monitoring", Monitoring),
        ("exam", Exam),
        ("clinical", Clinical),
    ):
        for name, info in model.model_fields.items():
            if info.annotation is Finding:
                out.append(f"{section}.{name}")
    return out


#: The fields scored, in report order.
FIELDS: tuple[str, ...] = (
    "claimant.age",
    "claimant.sex",
    "date_of_injury",
    "report_dates",
    "ur_decision_date",
    "diagnoses",
    "body_regions",
    "surgeries",
    "treatments",
    "imaging",
    "medications",
    "medications.status",
    "medications.started",
    "medications.long_term",
    "pain_scores",
    "function.work_status",
    "function.measures",
    "monitoring.urine_drug_screens",
    *_finding_fields(),
    "requests",
    "requests.purpose",
)


def score_fields(
    pairs: Iterable[tuple[str, CaseFacts, CaseFacts, CaseFacts]],
) -> list[FieldScore]:
    """Per-field scores over (case id, extracted, curated, reference) tuples."""
    totals = {
        f: FieldScore(field=f, extracted=0, correct=0, reference=0, found=0, precision=None, recall=None)
        for f in FIELDS
    }
    for case_id, extracted, curated, reference in pairs:
        got, truth, ref = case_atoms(extracted), case_atoms(curated), case_atoms(reference)
        for f, t in totals.items():
            t.extracted += len(got[f])
            t.correct += len(got[f] & truth[f])
            t.reference += len(ref[f])
            t.found += len(ref[f] & got[f])
            t.spurious += [f"{case_id}: {_show(x)}" for x in sorted(got[f] - truth[f], key=repr)]
            t.missed += [f"{case_id}: {_show(x)}" for x in sorted(ref[f] - got[f], key=repr)]
    for t in totals.values():
        t.precision, t.recall = _ratio(t.correct, t.extracted), _ratio(t.found, t.reference)
    return list(totals.values())


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _show(atom: Atom) -> str:
    return ", ".join("-" if x is None else str(x) for x in atom)


# ---------------------------------------------------------------------------- the run


class ExtractionCase(_Model):
    """One case folder's part of the report, made in a worker: its items and its field scores."""

    items: list[ExtractionItem]
    fields: list[FieldScore] = Field(default_factory=list, description="Empty when the folder has no case.yaml.")


def extraction_inputs(root: Path) -> list[BatchInput]:
    """The case folders under *root* that hold a letter.txt, in the batch's input order."""
    from ..batch.inputs import LETTER, discover

    return [i for i in discover(str(root)) if i.kind == "case_folder" and (Path(i.path or "") / LETTER).is_file()]


def run_extraction_qa(
    root: Path, *, use_rationale: bool = False, rules_dir: str | None = None, jobs: int = 1, cluster: str | None = None,
) -> ExtractionQAReport:
    """Extract every case under *root* from its raw letter, predict, compare, and score the extraction."""
    from .pipeline import run

    inputs = extraction_inputs(root)
    if not inputs:
        raise ImrError("no case folders with a letter.txt found", source=str(root))
    settings = WorkSettings(rules_dir=rules_dir, use_rationale=use_rationale, task="extraction")
    items: list[ExtractionItem] = []
    refused: list[ExtractionRefused] = []
    scores: list[list[FieldScore]] = []
    for item, outcome in zip(inputs, run(inputs, settings, jobs=jobs, cluster=cluster)):
        if not isinstance(outcome.payload, ExtractionCase):
            refused.append(ExtractionRefused(case=item.case, reason=outcome.refusal or "refused"))
            continue
        items += outcome.payload.items
        if outcome.payload.fields:
            scores.append(outcome.payload.fields)
    fields = _sum_scores(scores)
    extracted = sum(f.extracted for f in fields)
    reference = sum(f.reference for f in fields)
    summary = ExtractionSummary(
        cases=len(inputs),
        refused=len(refused),
        use_rationale=use_rationale,
        items=len(items),
        agree=sum(i.agree for i in items),
        curated_agree=sum(bool(i.curated_agree) for i in items),
        curated_without_rationale_agree=sum(bool(i.curated_without_rationale_agree) for i in items),
        precision=_ratio(sum(f.correct for f in fields), extracted),
        recall=_ratio(sum(f.found for f in fields), reference),
        fields={
            f.field: FieldSummary(precision=f.precision, recall=f.recall, extracted=f.extracted, reference=f.reference)
            for f in fields
            if f.extracted or f.reference
        },
    )
    return ExtractionQAReport(summary=summary, items=items, fields=fields, refused=refused)


def extraction_outcome(item: BatchInput, settings: WorkSettings) -> Outcome:
    """The extraction task for one case folder (`batch.work.process` turns an ImrError into a refusal)."""
    from ..engine import load_engine
    from ..extract import extract_case
    from ..letter import parse_letter_file

    engine = load_engine(settings.rules_dir)
    folder = Path(item.path or "")
    letter_path, case_path = folder / "letter.txt", folder / "case.yaml"
    letter = parse_letter_file(letter_path)  # read once: the parsed letter keeps the text extraction quotes
    draft = extract_case(letter, case_id=folder.name, use_rationale=settings.use_rationale, source=str(letter_path),
                         vocabulary=engine.names)
    predicted = engine.evaluate(draft)
    curated = load_case(case_path) if case_path.is_file() else None
    stripped = without_rationale_facts(curated) if curated else None
    by_curated = _predict(engine, curated)
    by_stripped = _predict(engine, stripped)
    items = []
    for n, (asked, got) in enumerate(zip(letter.items, predicted.items, strict=True)):
        full = by_curated[n] if by_curated and n < len(by_curated) else None
        bare = by_stripped[n] if by_stripped and n < len(by_stripped) else None
        items.append(
            ExtractionItem(
                case=folder.name,
                index=n,
                request=asked.request,
                actual=asked.decision,
                predicted=got.predicted,
                agree=got.predicted == asked.decision,
                curated_predicted=full,
                curated_agree=None if full is None else full == asked.decision,
                curated_without_rationale_predicted=bare,
                curated_without_rationale_agree=None if bare is None else bare == asked.decision,
            )
        )
    fields = []
    if curated is not None and stripped is not None:
        fields = score_fields([(folder.name, draft, curated, curated if settings.use_rationale else stripped)])
    return Outcome(key=item.key, payload=ExtractionCase(items=items, fields=fields))


def _sum_scores(per_case: list[list[FieldScore]]) -> list[FieldScore]:
    """Every field's score over all cases, from each case's own (same as scoring all cases at once)."""
    totals = score_fields([])
    for scores in per_case:
        for t, s in zip(totals, scores, strict=True):
            t.extracted += s.extracted
            t.correct += s.correct
            t.reference += s.reference
            t.found += s.found
            t.spurious += s.spurious
            t.missed += s.missed
    for t in totals:
        t.precision, t.recall = _ratio(t.correct, t.extracted), _ratio(t.found, t.reference)
    return totals


def _predict(engine: Engine, case: CaseFacts | None) -> list[str] | None:
    if case is None:
        return None
    try:
        return [d.predicted for d in engine.evaluate(case).items]
    except EngineError:
        return None


# ---------------------------------------------------------------------------- the readable report

_COLS = (
    ("case", 8),
    ("#", 2),
    ("request", 40),
    ("extracted", 13),
    ("curated", 13),
    ("w/o rat.", 13),
    ("actual", 10),
    ("agree", 5),
)


def render_extraction_report(report: ExtractionQAReport) -> str:
    """Items (prediction from the extracted draft vs. curated cases vs. the letter), then field scores."""
    head = "  ".join(name.ljust(w) for name, w in _COLS)
    lines = [head, "-" * len(head)]
    for i in report.items:
        cells = (
            i.case[:8],
            str(i.index + 1),
            i.request,
            i.predicted,
            i.curated_predicted or "-",
            i.curated_without_rationale_predicted or "-",
            i.actual,
            "yes" if i.agree else "NO",
        )
        lines.append("  ".join(_cut(c, w).ljust(w) for c, (_, w) in zip(cells, _COLS, strict=True)).rstrip())
    s = report.summary
    mode = "with rationale facts" if s.use_rationale else "summary only (no rationale facts)"
    lines += [
        "",
        f"extraction: {mode}",
        f"items {s.items}   agree {s.agree}/{s.items}   curated case agree {s.curated_agree}/{s.items}   "
        f"curated without rationale facts agree {s.curated_without_rationale_agree}/{s.items}",
        f"cases {s.cases}   refused {s.refused}   extraction precision {_pct(s.precision)}   recall {_pct(s.recall)}",
        "",
        f"{'field':34}  {'precision':>9}  {'recall':>7}  {'extracted':>9}  {'reference':>9}",
    ]
    for f in report.fields:
        if f.extracted or f.reference:
            lines.append(
                f"{f.field:34}  {_pct(f.precision):>9}  {_pct(f.recall):>7}  {f.extracted:>9}  {f.reference:>9}"
            )
    for f in report.fields:
        for what, entries in (("spurious", f.spurious), ("missed", f.missed)):
            for entry in entries:
                lines.append(f"  {what}: {f.field}: {entry}")
    for r in report.refused:
        lines.append(f"refused: {r.case}: {r.reason}")
    return "\n".join(lines) + "\n"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"
