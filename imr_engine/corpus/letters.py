"""Render the gathered real decisions as letters in the four known layouts.

The public sources (Texas IRO decisions, hearings that recount them, IMR summaries) do not
come as letters, so the QA path could not read them. A Texas IRO decision (`source.kind:
tx_iro`) is rendered as a Texas IRO notice of decision (layout 4): its reviewer applied the
ODG, the guideline Texas adopts, and the layout carries that jurisdiction to the engine. Every
other decision becomes a California IMR letter whose layout (1-3) is fixed by the id's hash,
so every layout is exercised and nobody picks which decision gets which. The half split uses
the lowest bit of the same hash; the layout uses higher bits, so layout and half are
independent.

Usage: ``python -m imr_engine.corpus.letters corpus/decisions`` writes
``<root>/<half>/letters/<id>.txt`` for every ``<root>/<half>/<id>.yaml``.
"""

from __future__ import annotations

import hashlib
import sys
import textwrap
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..letter.layouts import GUIDELINES, LAYOUT_4, RATIONALES, REVIEWER
from .split import half_of

Layout = Literal[1, 2, 3, 4]
_WIDTH = 95
_NOT_STATED = "not stated in the public source"


class Source(BaseModel):
    """Where the decision was read."""

    model_config = ConfigDict(extra="allow")
    url: str
    kind: str
    title: str = ""


class Claimant(BaseModel):
    """Age and sex, when the source gives them."""

    model_config = ConfigDict(extra="allow")
    age: int | None = None
    sex: str | None = None


class Reviewer(BaseModel):
    """The reviewer's specialty and licensure, when the source gives them."""

    model_config = ConfigDict(extra="allow")
    specialty: str | None = None
    licensure: str | None = None


class Item(BaseModel):
    """One disputed treatment and the reviewer's outcome."""

    model_config = ConfigDict(extra="allow")
    request: str
    outcome: Literal["upheld", "overturned"]
    category: str = ""
    guideline: str
    rationale: str

    @field_validator("request", "guideline", "rationale")
    @classmethod
    def _one_line(cls, value: str) -> str:
        """Collapse whitespace so wrapping decides the line breaks, not the YAML."""
        text = " ".join(value.split())
        if not text:
            raise ValueError("must not be empty")
        return text


class Decision(BaseModel):
    """A gathered decision as stored in ``corpus/decisions/<half>/<id>.yaml``."""

    model_config = ConfigDict(extra="allow")
    id: str
    source: Source
    decided: date
    claimant: Claimant = Field(default_factory=Claimant)
    date_of_injury: date | None = None
    summary: str
    reviewer: Reviewer = Field(default_factory=Reviewer)
    items: list[Item] = Field(min_length=1)


def _digest(doc_id: str) -> int:
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16)


def layout_of(doc_id: str) -> Layout:
    """1, 2 or 3 for a California document id: bits 8 and up of its SHA-256 (bit 0 picks the half)."""
    choice = (_digest(doc_id) >> 8) % 3
    return 1 if choice == 0 else 2 if choice == 1 else 3


def _case_number(decision: Decision) -> str:
    """A case number of the IMR form (CMyy-nnnnnnn), stable for the id."""
    return f"CM{decision.decided.year % 100:02d}-{(_digest(decision.id) >> 16) % 10_000_000:07d}"


def _us(day: date) -> str:
    return day.strftime("%m/%d/%Y")


def _long(day: date) -> str:
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def _wrap(text: str, trailing: str) -> list[str]:
    """Wrap a paragraph as PDF extraction leaves it (layouts 1-2 keep a trailing space)."""
    return [line + trailing for line in textwrap.wrap(" ".join(text.split()), _WIDTH)]


def _conclusion(item: Item) -> str:
    verdict = "is medically necessary" if item.outcome == "overturned" else "is not medically necessary"
    return f"The request for {item.request} {verdict}."


def _rationale(item: Item) -> str:
    """The paraphrased reasoning, ending as every IMR rationale does."""
    text = item.rationale.rstrip()
    if not text.endswith((".", "!", "?")):
        text += "."
    return f"{text} {_conclusion(item)}"


def _decision_word(item: Item) -> str:
    return "Overturned" if item.outcome == "overturned" else "Upheld"


def _summary(decision: Decision) -> str:
    """The clinical case summary: who, injured when, then the paraphrased facts."""
    who = []
    if decision.claimant.age is not None:
        who.append(f"{decision.claimant.age} year old")
    if decision.claimant.sex:
        who.append(decision.claimant.sex)
    opening = f"The injured worker is a {' '.join(who)}, who sustained" if who else "The injured worker sustained"
    when = f" on {_long(decision.date_of_injury)}" if decision.date_of_injury is not None else ""
    opening += f" an industrial injury{when}."
    requests = "; ".join(item.request for item in decision.items)
    return f"{opening} {decision.summary.strip()} The disputed requests were for {requests}."


def _credentials(decision: Decision) -> tuple[str, str]:
    return (decision.reviewer.licensure or _NOT_STATED, decision.reviewer.specialty or _NOT_STATED)


def _claims_line(item: Item) -> str:
    """The claims administrator's basis: the item's ``claims_guideline`` when the source names it."""
    basis = getattr(item, "claims_guideline", None)
    if isinstance(basis, str) and basis.strip():
        return f"Claims Administrator guideline: Decision based on {' '.join(basis.split())}."
    return f"Claims Administrator guideline: The guideline is {_NOT_STATED}."


def _cited(guideline: str) -> str:
    """The guideline as IMR letters name it: anything outside the MTUS is a "Non-MTUS Citation"."""
    lowered = guideline.lower()
    if lowered.startswith(("mtus", "non-mtus", "ca mtus", "california mtus")) or "not stated" in lowered:
        return guideline
    return f"Non-MTUS Citation {guideline}"


def _maximus_line(item: Item) -> str:
    return f"MAXIMUS guideline: Decision based on {_cited(item.guideline)}."


_HOW_MADE = (
    "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no "
    "affiliation with the employer, employee, providers or the claims administrator. He/she has been "
    "in active clinical practice for more than five years and is currently working at least 24 hours a "
    "week in active practice."
)
_SUMMARY_INTRO = (
    "The expert reviewer developed the following clinical case summary based on a review of the "
    "case file, including all medical records:"
)
_ITEMS_INTRO = "The Final Determination was based on decisions for the disputed items/services set forth below:"


def _cover(decision: Decision) -> list[str]:
    return [
        f"Case Number: {_case_number(decision)}",
        f"Date Assigned: {_us(decision.decided)}",
        f"UR Denial Date: {_us(decision.decided)}",
    ]


def _maximus_body(decision: Decision, items_heading: str, documents: bool) -> list[str]:
    """Layouts 1 and 2 share their sections; 2 adds the documents list and renames one heading."""
    licensure, specialty = _credentials(decision)
    lines = ["HOW THE IMR FINAL DETERMINATION WAS MADE ", ""]
    lines += _wrap(_HOW_MADE, " ") + [""]
    lines += [
        "The Expert Reviewer has the following credentials: ",
        f"State(s) of Licensure: {licensure} ",
        f"Certification(s)/Specialty: {specialty} ",
        "",
    ]
    if documents:
        lines += ["DOCUMENTS REVIEWED ", ""]
        lines += _wrap(f"Utilization Review determination dated {_long(decision.decided)}.", " ")
        lines += ["Medical records from the treating providers. ", ""]
    lines += ["CLINICAL CASE SUMMARY ", ""]
    lines += _wrap(_SUMMARY_INTRO, " ") + [""]
    lines += _wrap(_summary(decision), " ") + [""]
    lines += [items_heading, ""]
    lines += _wrap(_ITEMS_INTRO, " ") + [""]
    for item in decision.items:
        lines += _wrap(f"{item.request}: {_decision_word(item)}", " ") + [""]
        lines += _wrap(_claims_line(item), " ") + [""]
        lines += _wrap(_maximus_line(item), " ") + [""]
        lines += _wrap(f"Decision rationale: {_rationale(item)}", " ") + [""]
    return lines


def _layout1(decision: Decision) -> list[str]:
    return [*_cover(decision), "", *_maximus_body(decision, "IMR ISSUES, DECISIONS AND RATIONALES ", False)]


def _layout2(decision: Decision) -> list[str]:
    head = ["MAXIMUS FEDERAL SERVICES, INC.", "Independent Medical Review", ""]
    return [*head, *_cover(decision), "", *_maximus_body(decision, "IMR DECISION(S) AND RATIONALE(S) ", True)]


def _layout3(decision: Decision) -> list[str]:
    lines = ["MEDICAL PROFESSIONAL REVIEW", "", "ISSUE AT DISPUTE:"]
    numbered = list(enumerate(decision.items, start=1))
    for n, item in numbered:
        lines.append(f"{n}. {item.request}: {_decision_word(item)}")  # one line: the list is read line by line
    lines += [""] + _wrap(f"CASE SUMMARY: {_summary(decision)}", "") + [""]
    lines += ["DOCUMENTS REVIEWED FOR DETERMINATION:"]
    lines += _wrap(f"Utilization Review determination dated {_long(decision.decided)}.", "")
    lines += ["Medical records from the treating providers.", ""]
    lines += ["MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY", "PROFESSIONAL REVIEWER AND WHY:"]
    for n, item in numbered:
        lines.append(f"{n}. {item.request}:")
        lines += _wrap(_claims_line(item), "") + _wrap(_maximus_line(item), "")
    lines += ["", "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:"]
    for n, item in numbered:
        lines.append(f"{n}. {item.request}:")
        lines += _wrap(_rationale(item), "")
    lines += ["", "MEDICAL REVIEWER QUALIFICATIONS:"]
    spec, lic = decision.reviewer.specialty, decision.reviewer.licensure
    if spec and lic:
        lines += _wrap(f"The physician reviewer is Board Certified in {spec} and is licensed to practice in {lic}.", "")
    else:
        licensure, specialty = _credentials(decision)
        lines += _wrap(f"The physician reviewer's specialty is {specialty}; the licensure is {licensure}.", "")
    return lines


#: The source boxes of a Texas IRO decision's screening criteria, each with the words in an item's
#: guideline that tick it; a decision naming none of them ticks the last box.
_CRITERIA_BOXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ACOEM - American College of Occupational & Environmental Medicine UM Knowledgebase", ("acoem",)),
    ("AHRQ - Agency for Healthcare Research & Quality Guidelines", ("ahrq", "ahcpr")),
    ("DWC - Division of Workers' Compensation Policies or Guidelines", ("division of workers", "tdi-dwc", "dwc ")),
    ("European Guidelines for Management of Chronic Low Back Pain", ("european guideline",)),
    ("InterQual Criteria", ("interqual",)),
    ("Medical judgment, clinical experience and expertise in accordance with accepted medical standards",
     ("judgment", "judgement", "clinical experience")),
    ("Mercy Center Consensus Conference Guidelines", ("mercy center",)),
    ("Milliman Care Guidelines", ("milliman",)),
    ("ODG - Official Disability Guidelines & Treatment Guidelines", ("odg", "official disability")),
    ("Pressley Reed, the Medical Disability Advisor", ("medical disability advisor", "pressley reed")),
    ("Texas Guidelines for Chiropractic Quality Assurance & Practice Parameters", ("chiropractic quality",)),
    ("Texas TACADA Guidelines", ("tacada",)),
    ("TMF Screening Criteria Manual", ("tmf",)),
    ("Peer reviewed nationally accepted medical literature (description provided)", ("literature", "peer review")),
)
_OTHER_BOX = "Other evidence based, scientifically valid, outcome focused guidelines (description provided)"
_TX_INTRO = (
    "The independent review organization named above is certified by the Texas Department of Insurance, which "
    "assigned it this dispute. The reviewer has no known conflict of interest with the injured employee, the "
    "carrier, the utilization review agent or the treating providers."
)


def _tx_number(decision: Decision, shift: int, digits: int) -> str:
    return f"{(_digest(decision.id) >> shift) % 10**digits:0{digits}d}"


def _tx_guideline(item: Item) -> str:
    """The item's guideline as a Texas decision names it (no California "Non-MTUS" label)."""
    text = item.guideline
    for prefix in ("Non-MTUS Citations", "Non-MTUS Citation", "Non-MTUS"):
        if text.startswith(prefix):
            return text[len(prefix):].lstrip(" :")
    return text


def _boxes(decision: Decision) -> list[str]:
    named = " ".join(_tx_guideline(item) for item in decision.items).lower()
    ticked = [label for label, words in _CRITERIA_BOXES if any(w in named for w in words)]
    lines = [f"[{'X' if label in ticked else ' '}] {label}" for label, _ in _CRITERIA_BOXES]
    return [*lines, f"[{' ' if ticked else 'X'}] {_OTHER_BOX}"]


def _layout4(decision: Decision) -> list[str]:
    """A Texas IRO notice of decision: the state form's headings, outcome and criteria as check boxes."""
    numbered = list(enumerate(decision.items, start=1))
    outcomes = {item.outcome for item in decision.items}
    overall = "Upheld" if outcomes == {"upheld"} else "Overturned" if outcomes == {"overturned"} else "Partial"
    lines = [
        "Independent Review Organization",
        f"IRO Certificate Number: {_tx_number(decision, 40, 4)}",
        "",
        "NOTICE OF INDEPENDENT REVIEW DECISION",
        "",
        f"Date Notice Sent to All Parties: {_us(decision.decided)}",
        f"IRO Case Number: {_tx_number(decision, 56, 6)}",
        "",
    ]
    lines += _wrap(_TX_INTRO, "") + [""]
    lines += ["DESCRIPTION OF THE SERVICE OR SERVICES IN DISPUTE:"]
    lines += [f"{n}. {item.request}" for n, item in numbered] + [""]
    lines += [LAYOUT_4.heading_for(REVIEWER)]
    spec, lic = decision.reviewer.specialty, decision.reviewer.licensure
    if spec and lic:
        lines += _wrap(f"The reviewer is Board Certified in {spec} and is licensed to practice in {lic}.", "")
    elif spec:
        lines += _wrap(f"The reviewer is Board Certified in {spec}; the licensure is {_NOT_STATED}.", "")
    else:
        licensure, specialty = _credentials(decision)
        lines += _wrap(f"The reviewer's specialty is {specialty}; the licensure is {licensure}.", "")
    lines += ["", "REVIEW OUTCOME:"]
    lines += _wrap("Upon independent review, the reviewer finds that the previous adverse determination should be:", "")
    lines += [
        f"[{'X' if overall == 'Upheld' else ' '}] Upheld (Agree)",
        f"[{'X' if overall == 'Overturned' else ' '}] Overturned (Disagree)",
        f"[{'X' if overall == 'Partial' else ' '}] Partially Overturned (Agree in part / Disagree in part)",
        "Medical necessity of each health care service in dispute:",
    ]
    lines += [f"{n}. {item.request}: {_decision_word(item)}" for n, item in numbered] + [""]
    lines += ["INFORMATION PROVIDED TO THE IRO FOR REVIEW:"]
    lines += _wrap(f"Utilization review determination dated {_long(decision.decided)}.", "")
    lines += ["Medical records from the treating providers.", ""]
    lines += ["PATIENT CLINICAL HISTORY (SUMMARY):"] + _wrap(_summary(decision), "") + [""]
    lines += [LAYOUT_4.heading_for(RATIONALES)]
    for n, item in numbered:
        lines.append(f"{n}. {item.request}:")
        lines += _wrap(_rationale(item), "")
    lines += ["", LAYOUT_4.heading_for(GUIDELINES), *_boxes(decision)]
    for n, item in numbered:
        lines.append(f"{n}. {item.request}:")
        lines += _wrap(f"Screening criteria: Decision based on {_tx_guideline(item)}.", "")
    return lines


def letter_layout(decision: Decision) -> Layout:
    """4 for a Texas IRO decision; else the California layout the id selects."""
    return 4 if decision.source.kind == "tx_iro" else layout_of(decision.id)


def render_letter(decision: dict[str, object]) -> str:
    """The decision as a letter in its layout; same input, same bytes."""
    parsed = Decision.model_validate(decision)
    layout = letter_layout(parsed)
    lines = (_layout1(parsed) if layout == 1 else _layout2(parsed) if layout == 2
             else _layout3(parsed) if layout == 3 else _layout4(parsed))
    return "\n".join(lines).rstrip() + "\n"


def _decision_files(root: Path) -> Iterable[Path]:
    for half in ("tune", "test"):
        yield from sorted((root / half).glob("*.yaml"))


def _load(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("not a YAML mapping")
    if data.get("id") != path.stem:
        raise ValueError(f"id {data.get('id')!r} differs from the file name")
    if half_of(path.stem) != path.parent.name:
        raise ValueError(f"belongs in {half_of(path.stem)}/, not {path.parent.name}/")
    return data


def main(argv: Sequence[str] | None = None) -> int:
    """Render every decision under the root given (default corpus/decisions); exit 2 on bad input."""
    args = list(sys.argv[1:] if argv is None else argv)
    root = Path(args[0] if args else "corpus/decisions")
    if not root.is_dir():
        print(f"{root}: not a directory", file=sys.stderr)
        return 2
    rendered: list[tuple[Path, str]] = []
    for path in _decision_files(root):
        try:
            text = render_letter(_load(path))
        except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, ValidationError) as err:
            problem = " ".join(str(err).split())
            print(f"{path}: {problem}", file=sys.stderr)
            return 2
        rendered.append((path.parent / "letters" / f"{path.stem}.txt", text))
    for target, text in rendered:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    stale = _remove_orphans(root, {target for target, _ in rendered})
    print(f"{len(rendered)} letters written under {root}; {stale} stale letters removed")
    return 0


def _remove_orphans(root: Path, kept: set[Path]) -> int:
    """Delete letters whose decision file is gone, so letters/ always mirrors the decisions."""
    orphans = [p for half in ("tune", "test") for p in (root / half / "letters").glob("*.txt") if p not in kept]
    for path in orphans:
        path.unlink()
    return len(orphans)


if __name__ == "__main__":
    raise SystemExit(main())
