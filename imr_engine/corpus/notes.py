"""Scoring imr-engine on the development corpus of progress notes: outcomes and the facts the rules use.

Each note (`<id>.txt`) comes with its answer key (`<id>.yaml`, format in corpus/README.md):
the request lines, the outcome the guideline gives each, and the facts the note documents.
The note is read and decided exactly as `imr precheck` does (no as-of date given), and:
- outcomes are compared item by item (medically necessary = Overturned), with the
  agreement figures of `qa.agreement` (majority baseline, kappa, Overturned recall);
- facts are compared key by key over `SCORED_KEYS`, the medication list and the prior courses of care
  (`qa.treatments`: service, sessions, effect). A key the
  answer key leaves out is "not documented": extracting a value for it counts against
  precision. Precision = correct extracted values / extracted values; recall = correct
  extracted values / documented values in the answer key (both over the same keys).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from ..batch.inputs import BatchInput
from ..batch.work import Outcome, WorkSettings
from ..display import shown
from ..errors import ImrError
from ..extract import extract_text
from ..facts import CaseFacts
from ..qa.agreement import Agreement, agreement
from ..qa.treatments import count_value, key_courses, read_courses, score_courses
from ..safe_yaml import MAX_YAML_BYTES, problem_of, safe_load
from ..textio import read_text_file
from ..vocabulary import Vocabulary, load_vocabulary

OUTCOME = {"medically_necessary": "Overturned", "not_medically_necessary": "Upheld"}
_FINDING_SECTIONS = ("function", "monitoring", "exam", "clinical")
#: Scalar facts scored besides every yes/no finding of the sections above.
_SCALARS = ("claimant.age", "claimant.sex", "date_of_injury", "function.work_status",
            "monitoring.urine_drug_screen", "pain.with_medication", "pain.without_medication")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NoteItem(_Model):
    note: str
    style: str = Field("", description="The note's format as its answer key names it (pr2, soap, ehr, ...).")
    writer: str = Field("", description="Who wrote the note (the answer key's writer id).")
    index: int
    request: str
    category: str
    expected: str
    predicted: str
    agree: bool
    rules: list[str] = Field(description="Decisive rule ids.")


class FactMiss(_Model):
    note: str
    key: str
    expected: str | None = Field(description="None: the note does not document it.")
    extracted: str | None = Field(description="None: not extracted.")


class AsOfMiss(_Model):
    """A note whose as-of date differs from its answer key's: the date decides the guideline generation."""

    note: str
    as_of: str = Field(description="The date the note was judged as of.")
    source: str = Field(description="Where that date came from (ur_decision_date, latest_report, ...).")
    expected: str | None = Field(description="The answer key's as-of date (None: the key gives none).")


class FactScore(_Model):
    extracted: int = Field(description="Values extracted for the scored keys.")
    documented: int = Field(description="Values the answer keys give for the scored keys.")
    correct: int = Field(description="Extracted values equal to the answer key's.")
    precision: float | None
    recall: float | None


class GroupScore(_Model):
    """Outcomes and facts over the notes of one format or one writer."""

    notes: int
    outcomes: Agreement
    facts: FactScore


class NotesReport(_Model):
    notes: int
    refused: dict[str, str] = Field(description="note id -> reason.")
    answered_without_as_of: int = Field(description="Notes answered with no as-of date given.")
    as_of_correct: int = Field(description="Notes whose as-of date equals the answer key's.")
    outcomes: Agreement
    medically_necessary_predicted: int = Field(description="Expected medically necessary items predicted so.")
    medically_necessary_expected: int
    facts: FactScore
    facts_in_writer_scope: FactScore = Field(
        description="The facts over the keys each note's writer gives in at least one of the folder's answer keys: a "
        "key a writer never gives is one they did not know to give, so the reader's values for it show nothing wrong.")
    facts_by_key: dict[str, FactScore]
    by_style: dict[str, GroupScore] = Field(description="The figures per note format: where reading generalises and where not.")
    by_writer: dict[str, GroupScore] = Field(description="The figures per writer: a writer the reader was not tuned on is unseen text.")
    items: list[NoteItem]
    fact_misses: list[FactMiss]
    as_of_misses: list[AsOfMiss] = Field(default_factory=list, description="Answered notes judged as of another date than the key's.")


def note_files(directory: Path) -> list[tuple[Path, Path]]:
    """(note, answer key) pairs of a corpus folder, by id."""
    pairs = [(p.with_suffix(".txt"), p) for p in sorted(directory.glob("*.yaml")) if p.with_suffix(".txt").is_file()]
    if not pairs:
        raise ImrError("no notes (<id>.txt with <id>.yaml) found", source=str(directory))
    return pairs


def is_notes_folder(path: Path) -> bool:
    """True when *path* holds corpus notes: .txt files each with a .yaml answer key."""
    return path.is_dir() and any(p.with_suffix(".txt").is_file() for p in path.glob("*.yaml"))


class NoteResult(_Model):
    """One note's part of the report, made in a worker."""

    note: str = Field(description="The note's id (its answer key's file name when the key cannot be read).")
    style: str = ""
    writer: str = ""
    refused: str | None = None
    as_of_miss: AsOfMiss | None = Field(None, description="Set when the as-of date differs from the key's.")
    items: list[NoteItem] = Field(default_factory=list)
    tallies: dict[str, dict[str, int]] = Field(default_factory=dict, description="key -> extracted/documented/correct.")
    misses: list[FactMiss] = Field(default_factory=list)


def note_inputs(directory: Path) -> list[BatchInput]:
    """The notes of a corpus folder as pipeline inputs (the answer key's path; the note sits beside it)."""
    return [BatchInput(key=key.name, case=key.stem, kind="note", path=str(key)) for _, key in note_files(directory)]


def score_notes(directory: Path, *, rules_dir: str | None = None, jobs: int = 1, cluster: str | None = None) -> NotesReport:
    """Every note of *directory* pre-checked and scored against its answer key."""
    from ..qa.pipeline import run

    inputs = note_inputs(directory)
    items: list[NoteItem] = []
    misses: list[FactMiss] = []
    as_of_misses: list[AsOfMiss] = []
    refused: dict[str, str] = {}
    tallies: dict[str, Counter[str]] = {}
    answered = as_of_ok = 0
    groups: dict[tuple[str, str], tuple[list[NoteItem], Counter[str]]] = {}
    by_writer_key: dict[tuple[str, str], Counter[str]] = {}
    settings = WorkSettings(rules_dir=rules_dir, task="notes")
    for item, outcome in zip(inputs, run(inputs, settings, jobs=jobs, cluster=cluster)):
        result = outcome.payload
        if not isinstance(result, NoteResult):
            refused[item.case] = outcome.refusal or "refused"
            continue
        if result.refused is not None:
            refused[result.note] = result.refused
            continue
        answered += 1
        if result.as_of_miss is None:
            as_of_ok += 1
        else:
            as_of_misses.append(result.as_of_miss)
        items += result.items
        misses += result.misses
        for key, counts in result.tallies.items():
            tallies.setdefault(key, Counter()).update(counts)
            by_writer_key.setdefault((result.writer, key), Counter()).update(counts)
        for group in (("style", result.style), ("writer", result.writer)):
            group_items, group_tally = groups.setdefault(group, ([], Counter()))
            group_items += result.items
            for counts in result.tallies.values():
                group_tally.update(counts)
    necessary = [i for i in items if i.expected == "Overturned"]
    return NotesReport(
        notes=len(inputs), refused=refused, answered_without_as_of=answered, as_of_correct=as_of_ok,
        outcomes=agreement((i.predicted, i.expected) for i in items),
        medically_necessary_predicted=sum(i.predicted == "Overturned" for i in necessary),
        medically_necessary_expected=len(necessary),
        facts=_fact_score(sum(tallies.values(), Counter())),
        facts_in_writer_scope=_fact_score(sum((c for c in by_writer_key.values() if c["documented"]), Counter())),
        facts_by_key={k: _fact_score(c) for k, c in sorted(tallies.items())},
        by_style=_group_scores(groups, "style"), by_writer=_group_scores(groups, "writer"),
        items=items, fact_misses=misses, as_of_misses=as_of_misses,
    )


def _group_scores(groups: dict[tuple[str, str], tuple[list[NoteItem], Counter[str]]], kind: str) -> dict[str, GroupScore]:
    """Per value of *kind* (style or writer, '' when the key names none): notes, outcomes and facts."""
    return {
        name: GroupScore(
            notes=len({i.note for i in group_items}),
            outcomes=agreement((i.predicted, i.expected) for i in group_items),
            facts=_fact_score(tally),
        )
        for (k, name), (group_items, tally) in sorted(groups.items())
        if k == kind
    }


def note_outcome(item: BatchInput, settings: WorkSettings) -> Outcome:
    """The notes task for one note: read and decided as `imr precheck` does, then scored."""
    from ..engine import load_engine

    engine = load_engine(settings.rules_dir)
    key_path = Path(item.path or "")
    note_path = key_path.with_suffix(".txt")

    def done(result: NoteResult) -> Outcome:
        return Outcome(key=item.key, payload=result)

    try:
        key = safe_load(read_text_file(key_path, limit=MAX_YAML_BYTES))
    except yaml.YAMLError as exc:
        return done(NoteResult(note=key_path.stem, refused=f"{shown(key_path)}: not valid YAML: {problem_of(exc)}"))
    except ImrError as exc:
        return done(NoteResult(note=key_path.stem, refused=exc.one_line()))
    note_id = str(key["id"])
    style, writer = str(key.get("style") or ""), str(key.get("writer") or "")
    requests = key["requests"]
    try:
        # The pre-check's reading and decision, without its checklist: scoring needs only the outcomes.
        case = extract_text(read_text_file(note_path), [r["text"] for r in requests], case_id=note_id,
                            vocabulary=engine.names)
        determination = engine.evaluate(case)
    except ImrError as exc:
        return done(NoteResult(note=note_id, refused=exc.one_line()))
    items = []
    for request, d in zip(requests, determination.items):
        expected = OUTCOME[request["expected"]]
        items.append(NoteItem(
            note=note_id, style=style, writer=writer, index=d.index, request=d.request,
            category=str(request.get("category", "")),
            expected=expected, predicted=d.predicted, agree=d.predicted == expected,
            rules=[r.rule_id for r in d.rules if r.decisive],
        ))
    tallies: dict[str, Counter[str]] = {}
    misses: list[FactMiss] = []
    _score_facts(note_id, key.get("facts") or {}, case, engine.names or load_vocabulary(), tallies, misses)
    expected_as_of = _iso(key.get("as_of"))
    as_of = str(determination.as_of)
    miss = None if as_of == expected_as_of else AsOfMiss(
        note=note_id, as_of=as_of, source=determination.as_of_source, expected=expected_as_of)
    return done(NoteResult(
        note=note_id, style=style, writer=writer, as_of_miss=miss, items=items,
        tallies={k: dict(c) for k, c in tallies.items()}, misses=misses,
    ))


def _score_facts(
    note_id: str, expected: dict[str, Any], case: CaseFacts, vocab: Vocabulary,
    tallies: dict[str, Counter[str]], misses: list[FactMiss],
) -> None:
    got = case_values(case, vocab)
    want = {k: _norm(v) for k, v in expected.items() if k in got}
    for name, value in got.items():
        if name == "medications":
            continue
        truth = want.get(name)
        if count_value(tallies.setdefault(name, Counter()), truth, value):
            misses.append(FactMiss(note=note_id, key=name, expected=truth, extracted=value))
    t = tallies.setdefault("medications", Counter())
    have, need = set(got["medications"]), set(_expected_medications(expected.get("medications") or [], vocab))
    t["extracted"] += len(have)
    t["documented"] += len(need)
    t["correct"] += len(have & need)
    for m in sorted(have ^ need):
        misses.append(FactMiss(note=note_id, key="medications", expected=m if m in need else None,
                               extracted=m if m in have else None))
    course_tallies, course_misses = score_courses(key_courses(expected.get("treatments") or [], vocab), read_courses(case, vocab),
                                                 frozenset(vocab.services))
    for key, counts in course_tallies.items():
        tallies.setdefault(key, Counter()).update(counts)
    misses += [FactMiss(note=note_id, key=key, expected=want, extracted=got) for key, want, got in course_misses]


def case_values(case: CaseFacts, vocab: Vocabulary) -> dict[str, Any]:
    """The scored facts of an extracted case, as the answer keys write them (None = not documented)."""
    out: dict[str, Any] = {}
    for section in _FINDING_SECTIONS:
        block = getattr(case, section)
        for name in type(block).model_fields:
            value = getattr(block, name)
            if hasattr(value, "value") and name != "work_status":
                out[f"{section}.{name}"] = None if value.value == "unknown" else value.value
    out["claimant.age"] = None if case.claimant.age is None else str(case.claimant.age)
    out["claimant.sex"] = None if case.claimant.sex == "unknown" else case.claimant.sex
    out["date_of_injury"] = str(case.date_of_injury.date) if case.date_of_injury else None
    out["function.work_status"] = None if case.function.work_status.value == "unknown" else case.function.work_status.value
    out["monitoring.urine_drug_screen"] = _screens(case)
    for context in ("with_medication", "without_medication"):
        scores = [p for p in case.pain_scores if p.context == context]
        out[f"pain.{context}"] = _norm(scores[-1].value) if scores else None
    out.pop("monitoring.misuse_risk", None)
    out["medications"] = sorted({_medication(m.name, m.status, vocab) for m in case.medications})
    return out


def _screens(case: CaseFacts) -> str | None:
    screens = case.monitoring.urine_drug_screens
    if not screens:
        return None
    if any(s.consistent == "no" for s in screens):
        return "inconsistent"
    if any(s.consistent == "yes" for s in screens):
        return "consistent"
    return "done"


def _expected_medications(entries: list[Any], vocab: Vocabulary) -> list[str]:
    out = set()
    for e in entries:
        if isinstance(e, dict) and e.get("name"):
            out.add(_medication(str(e["name"]), str(e.get("status", "current")), vocab))
    return sorted(out)


def _medication(name: str, status: str, vocab: Vocabulary) -> str:
    """'hydrocodone+acetaminophen:current' for 'Norco' — names compare by ingredients."""
    info = vocab.resolve(name)
    what = "+".join(sorted(info.ingredients)) if info and info.ingredients else " ".join(name.lower().split())
    return f"{what}:{'current' if status == 'unknown' else status}"


def _norm(value: Any) -> str | None:
    if value is None:
        return None
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else (str(value) if value else None)


def _fact_score(c: Counter[str]) -> FactScore:
    return FactScore(
        extracted=c["extracted"], documented=c["documented"], correct=c["correct"],
        precision=round(c["correct"] / c["extracted"], 4) if c["extracted"] else None,
        recall=round(c["correct"] / c["documented"], 4) if c["documented"] else None,
    )


def render_notes_report(report: NotesReport) -> str:
    """The figures, the facts by key, and the items where prediction and answer key differ."""
    o = report.outcomes

    def pct(x: float | None) -> str:
        return "n/a" if x is None else f"{100 * x:.1f} %"

    f = report.facts
    lines = [
        f"notes {report.notes}   answered without an as-of date {report.answered_without_as_of}   "
        f"as-of date as the answer key {report.as_of_correct}   refused {len(report.refused)}",
        f"items {o.items}   agreement {pct(o.agreement)}   majority baseline {pct(o.majority_baseline)}   "
        f"kappa {'n/a' if o.kappa is None else f'{o.kappa:.2f}'}   indeterminate {o.indeterminate}",
        f"medically necessary items predicted so {report.medically_necessary_predicted}/"
        f"{report.medically_necessary_expected}   Overturned precision {pct(o.overturned_precision)}",
        f"facts: precision {pct(f.precision)} ({f.correct}/{f.extracted} extracted values right)   "
        f"recall {pct(f.recall)} ({f.correct}/{f.documented} documented values read)",
        f"facts over the keys each writer gives: precision {pct(report.facts_in_writer_scope.precision)} "
        f"({report.facts_in_writer_scope.correct}/{report.facts_in_writer_scope.extracted})",
        "",
        "facts by key (extracted / documented / right):",
    ]
    for key, s in report.facts_by_key.items():
        if s.extracted or s.documented:
            lines.append(f"  {key:<44} {s.extracted:>4} {s.documented:>4} {s.correct:>4}")
    for title, scores in (("by note format", report.by_style), ("by writer", report.by_writer)):
        if not scores:
            continue
        lines += ["", f"{title} (notes, items, agreement, majority baseline, facts precision / recall):"]
        for name, g in scores.items():
            lines.append(f"  {name or '(none)':<12} {g.notes:>4} {g.outcomes.items:>5}  {pct(g.outcomes.agreement):>8}  "
                         f"{pct(g.outcomes.majority_baseline):>8}  {pct(g.facts.precision):>8} / {pct(g.facts.recall)}")
    for note, reason in report.refused.items():
        lines.append(f"refused: {note}: {reason}")
    if report.as_of_misses:
        lines += ["", "Notes judged as of another date than the answer key's (the date picks the guideline generation):"]
        for m in report.as_of_misses:
            lines.append(f"  {m.note}: as of {m.as_of} ({m.source.replace('_', ' ')}), answer key {m.expected or 'none'}")
    wrong = [i for i in report.items if not i.agree]
    if wrong:
        lines += ["", "Items where the prediction differs from the answer key:"]
        for i in wrong:
            lines.append(f"  {i.note} [{i.index + 1}] {i.request}: predicted {i.predicted}, expected {i.expected}"
                         f" ({', '.join(i.rules) or 'no deciding rule'})")
    return "\n".join(lines) + "\n"
