"""Case facts: the engine's only input.

Everything the rules may look at about a case, each fact with the words it came
from. "Not documented" is a value of its own (`unknown`), never silently `no`:
most real determinations turn on what the record does not show.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from ..requests.model import RequestedItem
from .fuzzy_date import FuzzyDate


def _tri_state(value: Any) -> Any:
    """YAML reads yes/no as booleans; accept them as the tri-state's yes/no."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if value is None:
        return "unknown"
    return value


#: yes = documented present; no = documented absent; unknown = not documented.
TriState = Annotated[Literal["yes", "no", "unknown"], BeforeValidator(_tri_state)]

EvidenceSource = Literal["summary", "rationale", "request"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=True)


class Evidence(_Model):
    """The words a fact rests on, verbatim from the letter (or note)."""

    quote: str = Field(min_length=1)
    source: EvidenceSource = Field(
        "summary",
        description="Where the quote stands: the clinical case summary, a decision rationale, or an item's request line.",
    )
    start: int | None = Field(None, ge=0, description="Character offset of the quote in the letter text, when extracted.")
    end: int | None = Field(None, ge=0)


class Evidenced(_Model):
    """Base for every fact: what it rests on."""

    evidence: list[Evidence] = Field(default_factory=list)

    @property
    def rationale_only(self) -> bool:
        """True when only a decision rationale (not the case summary) states this fact."""
        return bool(self.evidence) and all(e.source == "rationale" for e in self.evidence)


class Finding(Evidenced):
    """A yes / no / not-documented fact, such as 'muscle spasm on exam'."""

    value: TriState = "unknown"


class DatedFact(Evidenced):
    date: FuzzyDate


class Claimant(Evidenced):
    age: int | None = Field(None, ge=0, le=120)
    sex: Literal["male", "female", "unknown"] = "unknown"


class Diagnosis(Evidenced):
    name: str
    body_regions: list[str] = Field(default_factory=list, description="e.g. lumbar_spine, cervical_spine, knee.")


class Surgery(Evidenced):
    name: str = Field(description="e.g. lumbar fusion, laminectomy, discectomy.")
    body_region: str | None = None
    date: FuzzyDate | None = None


class Medication(Evidenced):
    """A drug in the record: current, past, or tried and failed."""

    name: str = Field(description="As written: brand or generic.")
    status: Literal["current", "past", "tried_failed", "unknown"] = "current"
    started: FuzzyDate | None = Field(None, description="When use began, to the precision the record gives.")
    started_qualifier: Literal["on", "at_least_since"] = Field(
        "on", description="'at_least_since' when the record says 'since at least' / 'dating back to'."
    )
    long_term: TriState = Field("unknown", description="The record itself calls the use long-term or chronic.")


class Treatment(Evidenced):
    """A treatment tried, with its effect: therapy courses, injections, programs, drugs."""

    name: str
    kind: Literal[
        "medication", "physical_therapy", "chiropractic", "acupuncture", "injection", "surgery",
        "program", "psychological", "modality", "imaging", "diagnostic", "other",
    ] = "other"
    service: str | None = Field(None, description="Canonical service name from the vocabulary, when known.")
    region: str | None = Field(
        None,
        description="Body region the treatment was given to, as the record names it (lumbar_spine, knee, ...); "
        "None when not said. Care to one region is not prior care of another.",
    )
    condition: str | None = Field(
        None,
        description="The condition the course treated, in the record's words ('12 OT visits for fracture rehab' -> "
        "'fracture rehab'); None when not said. A course for another condition is no course of a new diagnosis.",
    )
    sessions: int | None = Field(None, ge=0, description="Sessions or visits completed.")
    effect: Literal["improved", "no_improvement", "unknown"] = "unknown"
    functional_improvement: TriState = "unknown"
    date: FuzzyDate | None = None
    relief_percent: float | None = Field(
        None, ge=0, le=100,
        description="Pain relief the treatment gave, in percent ('about 60 % relief'); repeat injections turn on it.",
    )
    relief_weeks: float | None = Field(
        None, ge=0, description="How long that relief lasted, in weeks ('relief for 8 weeks')."
    )
    temporary: TriState = Field(
        "unknown",
        description="'yes' when the record says the relief did not last ('helped for a few weeks, then the pain came "
        "back', 'temporary relief', 'wore off'); the effect says whether it helped at all.",
    )
    medication_reduction: TriState = Field(
        "unknown", description="Pain-medication use fell after the treatment (ESI repeat criterion, CPMTG p. 46)."
    )
    postoperative: TriState = Field(
        "unknown",
        description="Given after the surgery ('post-op PT x 6') or before it ('pre-op PT'): a postsurgical course counts only the first.",
    )


class PainScore(Evidenced):
    """One pain rating; a range such as 8-10/10 keeps both ends."""

    score: float = Field(ge=0, le=10)
    score_max: float | None = Field(None, ge=0, le=10)
    date: FuzzyDate | None = None
    context: Literal["with_medication", "without_medication", "unspecified"] = "unspecified"

    @property
    def value(self) -> float:
        """The rating as one number: a range's midpoint ("6-7/10" is 6.5), as the answer keys take it (corpus/README.md,
        counted in session 17: 10 of 17 tune keys of a range take the midpoint)."""
        return self.score if self.score_max is None else (self.score + self.score_max) / 2


class WorkStatus(Evidenced):
    value: Literal["full_duty", "modified_duty", "part_time", "off_work", "unknown"] = "unknown"


class FunctionalStatus(_Model):
    objective_improvement: Finding = Field(
        default_factory=Finding,
        description="Specific, measured improvement in function (ADLs, work restrictions) documented.",
    )
    measures: list[str] = Field(default_factory=list, description="The specific measures, when given.")
    subjective_improvement: Finding = Field(
        default_factory=Finding, description="Only a general statement such as 'medications help'."
    )
    adl_improvement: Finding = Field(default_factory=Finding)
    work_status: WorkStatus = Field(default_factory=WorkStatus)
    returned_to_work: Finding = Field(
        default_factory=Finding,
        description="A return to work or a reduction in work restrictions during treatment (not merely being at work).",
    )


class RiskLevel(Evidenced):
    """A graded risk, such as the risk of opioid misuse, as the record states it."""

    value: Literal["low", "moderate", "high", "unknown"] = "unknown"


class StatedDose(Evidenced):
    """The morphine-equivalent dose a day the record states for the current opioid regimen ("MED 160", "60 MME/day")."""

    mg_per_day: float | None = Field(None, ge=0, le=10000)


class StatedRelief(Evidenced):
    """Relief from medication the record states as a share of the pain ("50% relief with meds", "Norco helps ~30%")."""

    percent: float = Field(ge=0, le=100)
    ingredients: list[str] = Field(
        default_factory=list, description="The drug the relief is told of, when the statement names one (generic names)."
    )


class DrugScreen(Evidenced):
    date: FuzzyDate | None = None
    consistent: TriState = "unknown"


class Monitoring(_Model):
    """Opioid and controlled-drug monitoring: the '4 A's' and their documentation."""

    urine_drug_screens: list[DrugScreen] = Field(default_factory=list)
    cures_checked: Finding = Field(default_factory=Finding)
    other_prescribers: Finding = Field(default_factory=Finding, description="Controlled drugs from other providers (e.g. CURES).")
    opioid_agreement: Finding = Field(default_factory=Finding)
    side_effects: Finding = Field(default_factory=Finding)
    aberrant_behavior: Finding = Field(default_factory=Finding)
    pain_assessment: Finding = Field(
        default_factory=Finding,
        description="Current, least and average pain, pain after the dose, time to and duration of relief documented.",
    )
    misuse_risk: RiskLevel = Field(
        default_factory=RiskLevel,
        description="Risk of opioid misuse or addiction as assessed in the record; sets how often drug testing is due.",
    )
    stated_med: StatedDose = Field(
        default_factory=StatedDose,
        description="The morphine-equivalent dose a day the record states for the current regimen, when it states one.",
    )
    stated_relief: list[StatedRelief] = Field(
        default_factory=list,
        description="Relief from medication stated as a share of the pain ('Norco helps ~40%', '50% relief with meds').",
    )


class Exam(_Model):
    muscle_spasm: Finding = Field(default_factory=Finding)
    trigger_points: Finding = Field(default_factory=Finding)
    tenderness: Finding = Field(default_factory=Finding)
    neurological_deficit: Finding = Field(default_factory=Finding)
    radiculopathy: Finding = Field(default_factory=Finding, description="Radiculopathy documented on physical exam.")
    trigger_point_twitch_response: Finding = Field(
        default_factory=Finding,
        description="Circumscribed trigger points with a twitch response and referred pain on palpation (CPMTG p. 122).",
    )


class ImagingStudy(Evidenced):
    modality: str = Field(description="mri, ct, x_ray, emg_ncs, ...")
    body_region: str | None = None
    date: FuzzyDate | None = None
    corroborates_radiculopathy: TriState = "unknown"


class Request(Evidenced):
    """A requested (disputed) item: the request line and its structured reading."""

    text: str = Field(min_length=1)
    purpose: Literal["continue", "initiate", "wean", "unknown"] = Field(
        "unknown", description="'wean' only when the request is itself a taper."
    )
    maintenance: TriState = Field(
        "unknown",
        description="The request is elective or maintenance care after the condition plateaued (manual therapy, p. 58-60).",
    )
    item: RequestedItem | None = Field(None, description="Filled from `text` by the request parser when absent.")


class Clinical(_Model):
    """Condition-level findings that many guideline criteria share."""

    acute_exacerbation: Finding = Field(default_factory=Finding)
    neuropathic_pain: Finding = Field(default_factory=Finding)
    red_flags: Finding = Field(default_factory=Finding)
    surgical_candidate: Finding = Field(default_factory=Finding)
    conservative_care_failed: Finding = Field(default_factory=Finding)
    home_exercise_program: Finding = Field(default_factory=Finding)
    gi_risk_factors: Finding = Field(default_factory=Finding, description="Age > 65, ulcer or GI bleeding, aspirin, corticosteroids or anticoagulants.")
    sleep_disturbance: Finding = Field(default_factory=Finding)
    depression_or_anxiety: Finding = Field(default_factory=Finding)
    nausea_from_opioids: Finding = Field(default_factory=Finding)
    pain_management_consult: Finding = Field(
        default_factory=Finding, description="A pain-management specialist reviewed the opioid regimen."
    )
    # Added for guideline coverage (issue 7); each names the criterion that needs it.
    dyspepsia: Finding = Field(
        default_factory=Finding,
        description="GI symptoms such as dyspepsia, reflux or gastritis (GI protection with NSAIDs, CPMTG p. 68-69).",
    )
    significant_functional_loss: Finding = Field(
        default_factory=Finding,
        description="Significant loss of the ability to function independently because of chronic pain (pain programs, CPMTG p. 32).",
    )
    baseline_functional_evaluation: Finding = Field(
        default_factory=Finding,
        description="An adequate evaluation with baseline functional testing was done (pain programs, CPMTG p. 32).",
    )
    motivated_to_change: Finding = Field(
        default_factory=Finding,
        description="The worker shows motivation to change and to forgo secondary gains (pain programs, CPMTG p. 32).",
    )
    homebound: Finding = Field(
        default_factory=Finding,
        description="The worker is homebound: leaving home takes a considerable and taxing effort (home health, CPMTG p. 51).",
    )
    surgery_authorized: Finding = Field(
        default_factory=Finding,
        description="The operation care is requested for is authorized, certified or scheduled (yes), or pending "
        "authorization or denied by UR (no); the quote names the operation.",
    )
    bed_positioning_need: Finding = Field(
        default_factory=Finding,
        description="Confined to bed, or needs positioning an ordinary bed cannot give (head elevated, frequent repositioning, "
        "cannot get into or out of a regular bed); no: sleeps in an ordinary bed without difficulty (hospital beds, ODG DME).",
    )
    mobility_limited: Finding = Field(
        default_factory=Finding,
        description="Walking is impaired enough to need an aid, or the worker cannot walk in the home (ODG walking aids, wheelchairs).",
    )
    diagnosis_confirmed_by_testing: Finding = Field(
        default_factory=Finding,
        description=(
            "The lesion a procedure treats is shown by the test the guideline asks for: imaging for a meniscal, "
            "ligament or rotator cuff tear, nerve conduction studies for carpal tunnel syndrome (ACOEM surgical criteria)."
        ),
    )
    localized_pain: Finding = Field(
        default_factory=Finding,
        description="Pain localized to a defined peripheral area rather than widespread (lidocaine patch, CPMTG p. 56-57).",
    )
    nausea_other_cause: Finding = Field(
        default_factory=Finding,
        description="Nausea from a cause for which antiemetics are indicated: chemotherapy, surgery, gastroenteritis (ODG).",
    )
    nutritional_deficiency: Finding = Field(
        default_factory=Finding,
        description="A disease with distinctive nutritional requirements that a medical food addresses (ODG medical food).",
    )
    reduced_weight_bearing_indicated: Finding = Field(
        default_factory=Finding,
        description="Reduced weight bearing is desirable, e.g. extreme obesity (aquatic therapy, CPMTG p. 22).",
    )
    symptoms_changed: Finding = Field(
        default_factory=Finding,
        description="A significant change in symptoms or findings since the last study (repeat imaging).",
    )
    intervention_considered: Finding = Field(
        default_factory=Finding,
        description=(
            "An invasive spinal intervention (an epidural injection, a nerve root block, spine surgery or a spine "
            "surgeon's opinion on it) is planned or considered, often on a study's result; no: the worker is not a "
            "candidate for one or declines them (ACOEM Low Back Disorders: MRI for candidates for invasive interventions)."
        ),
    )
    functional_restoration_adjunct: Finding = Field(
        default_factory=Finding,
        description="The modality is an adjunct to a program of evidence-based functional restoration (TENS, H-wave).",
    )
    device_unserviceable: Finding = Field(
        default_factory=Finding,
        description=(
            "The worker's own device (a prosthesis or its socket or liner, a pressure garment, a walker, a brace) is worn "
            "out, broken beyond repair, outgrown or no longer fits: the grounds on which the ODG replaces one. "
            "no: documented to fit and work. Each quote names the device it tells of."
        ),
    )


#: Where the case is decided, which fixes the guideline its reviewer must apply first: California IMR
#: applies the MTUS (8 CCR 9792.21.1), a Texas IRO the ODG (28 TAC §137.100, Labor Code §413.011).
Jurisdiction = Literal["california", "texas"]


class CaseFacts(_Model):
    """Everything known about one case, with evidence; the requests to decide."""

    case_id: str = Field(min_length=1)
    jurisdiction: Jurisdiction = Field(
        "california",
        description="california: judged MTUS first; texas: judged by the ODG first (read from a Texas IRO letter's layout).",
    )
    claimant: Claimant = Field(default_factory=Claimant)
    date_of_injury: DatedFact | None = None
    report_dates: list[DatedFact] = Field(default_factory=list, description="Dates of progress notes and reports.")
    ur_decision_date: DatedFact | None = None
    rfa_date: DatedFact | None = Field(
        None,
        description="The date of the request for authorization the text forwards or reviews ('RFA received: 06/05/2019', "
        "'per Dr. X's RFA 02/11/2020'): the day the request was made, the as-of date after a UR decision's.",
    )
    latest_date_mentioned: DatedFact | None = Field(
        None,
        description="The latest full date the text mentions (not after the last report): the as-of date of last resort.",
    )
    as_of: dt.date | None = Field(
        None,
        description="Explicit evaluation date; else the UR decision date, else the latest report, else the latest date mentioned.",
    )
    diagnoses: list[Diagnosis] = Field(default_factory=list)
    surgeries: list[Surgery] = Field(default_factory=list)
    treatments: list[Treatment] = Field(default_factory=list)
    medications: list[Medication] = Field(default_factory=list)
    pain_scores: list[PainScore] = Field(default_factory=list)
    function: FunctionalStatus = Field(default_factory=FunctionalStatus)
    monitoring: Monitoring = Field(default_factory=Monitoring)
    exam: Exam = Field(default_factory=Exam)
    clinical: Clinical = Field(default_factory=Clinical)
    imaging: list[ImagingStudy] = Field(default_factory=list)
    requests: list[Request] = Field(min_length=1)
