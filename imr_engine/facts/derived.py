"""Derived item facts: the flat view of a case that rules are written against.

For each requested item the engine derives one `ItemFacts` from the case facts
(durations, phase, morphine-equivalent dose, monitoring status...). Rule
conditions may only name fields of this model, and are checked against it when
the rule book loads, so a misspelt fact or value fails at load time.

Conventions that keep durable_rules honest:
- tri-state fields are the strings yes / no / unknown, always present;
- numeric fields are optional: absent means unknown, and a rule must test
  `known: false` to act on that (comparisons never match an absent value);
- no booleans: they are tri-states or enums.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

Tri = Literal["yes", "no", "unknown"]
Phase = Literal["acute", "subacute", "chronic", "unknown"]


class ItemFacts(BaseModel):
    """Everything a rule can ask about one requested item in its case."""

    # Built on first validation, not at import: rule loading reads only the fields' annotations.
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # --- the item -------------------------------------------------------------
    item_index: int = Field(description="Position of the item in the case's requests.")
    kind: str = Field(description="drug, supply, dme, office_visit, therapy, procedure, imaging, diagnostic, program, other.")
    drug_class: str = Field("unknown", description="Primary class of the requested product.")
    classes: list[str] = Field(default_factory=list, description="Every class of every ingredient.")
    ingredients: list[str] = Field(default_factory=list)
    service: str = Field("none", description="Canonical service name, or 'none'.")
    form: str = Field("unknown")
    release: Literal["IR", "ER", "unknown"] = "unknown"
    prn: Tri = "unknown"
    request_purpose: Literal["continue", "initiate", "wean", "unknown"] = "unknown"
    body_region: str = Field("unknown", description="Body region the requested service is for.")
    visits_requested: int | None = Field(None, ge=0)
    injections_requested: int | None = Field(
        None, ge=0, description="Injections requested in one session, for a procedure item ('TPI x4')."
    )
    levels_requested: int | None = Field(None, ge=0)
    requested_supply_days: float | None = Field(
        None, ge=0,
        description="Days of use a drug request covers: the course its line states ('x 10 days', 'for 3 months'), else "
        "quantity x (1 + refills) / doses a day.",
    )
    item_med_mg: float | None = Field(None, ge=0, description="Morphine-equivalent mg/day of this item.")

    # --- use of the requested drug so far ----------------------------------
    currently_prescribed: Tri = Field("unknown", description="An ingredient of the item is among current medications.")
    use_duration_days: int | None = Field(None, ge=0, description="Days of use by the as-of date (a lower bound).")
    long_term_use: Tri = Field("unknown", description="Used 90 days or more, or the record calls the use long-term.")
    previously_failed: Tri = Field("unknown", description="An ingredient of the item was tried and failed.")

    # --- the case ---------------------------------------------------------------
    as_of_day: int = Field(description="The as-of date as a proleptic ordinal (date.toordinal()).")
    jurisdiction: Literal["california", "texas"] = Field(
        "california",
        description="The case's: ODG criteria that the MTUS replaces in California are applied to Texas items only.",
    )
    age: int | None = None
    sex: Literal["male", "female", "unknown"] = "unknown"
    days_since_injury: int | None = Field(None, ge=0)
    phase: Phase = Field("unknown", description="acute <= 4 weeks, subacute <= 3 months, chronic beyond.")
    body_regions: list[str] = Field(default_factory=list, description="Body regions of the diagnoses.")
    prior_surgery: Tri = "unknown"
    current_drug_classes: list[str] = Field(default_factory=list)
    current_systemic_drug_classes: list[str] = Field(
        default_factory=list,
        description="Classes of the drugs in use as the body receives them: a topical NSAID (gel, patch, cream) brings no "
        "systemic NSAID, whose laboratory monitoring the CPMTG (2009) p. 70 takes from the oral NSAIDs' package inserts.",
    )
    failed_drug_classes: list[str] = Field(default_factory=list, description="Classes of drugs tried and failed.")
    requested_drug_classes: list[str] = Field(
        default_factory=list, description="Classes of every drug requested in the same case (the regimen being managed)."
    )
    requested_services: list[str] = Field(
        default_factory=list,
        description="Services of the other non-drug items requested in the same case (an evaluation that admits to a program).",
    )

    # --- opioid-wide figures ----------------------------------------------------
    cumulative_med_mg: float | None = Field(None, ge=0, description="Total MED of requested opioids, when every dose is known.")
    cumulative_med_at_least_mg: float | None = Field(None, ge=0, description="Lower bound of the total MED.")

    # --- function and pain ------------------------------------------------------
    objective_functional_improvement: Tri = "unknown"
    subjective_improvement: Tri = "unknown"
    adl_improvement: Tri = "unknown"
    returned_to_work: Tri = Field("unknown", description="Returned to work or work restrictions reduced during treatment.")
    work_status: Literal["full_duty", "modified_duty", "part_time", "off_work", "unknown"] = "unknown"
    pain_relief_percent: float | None = Field(None, description="Relief with vs. without medication, latest pair of ratings.")
    latest_pain_score: float | None = Field(None, ge=0, le=10)

    # --- monitoring ---------------------------------------------------------------
    drug_screens_consistent: Tri = Field("unknown", description="yes: all documented screens consistent; no: any inconsistent.")
    cures_checked: Tri = "unknown"
    other_prescribers: Tri = "unknown"
    opioid_agreement: Tri = "unknown"
    side_effects: Tri = "unknown"
    aberrant_behavior: Tri = "unknown"
    pain_assessment: Tri = "unknown"

    # --- examination and clinical findings --------------------------------------
    muscle_spasm: Tri = "unknown"
    trigger_points: Tri = "unknown"
    tenderness: Tri = "unknown"
    neurological_deficit: Tri = "unknown"
    radiculopathy_on_exam: Tri = "unknown"
    imaging_corroborates_radiculopathy: Tri = Field(
        "unknown", description="An imaging study (MRI, CT...) corroborates radiculopathy; electrodiagnostics are apart."
    )
    electrodiagnostics_corroborate_radiculopathy: Tri = Field(
        "unknown", description="EMG/NCS corroborates radiculopathy (ESI criterion 1 accepts imaging or electrodiagnostics, CPMTG p. 46)."
    )
    homebound: Tri = Field("unknown", description="The worker is homebound (home health, CPMTG p. 51).")
    surgery_authorized: Tri = Field(
        "unknown", description="The operation the care serves is authorized or scheduled (yes), pending or denied (no)."
    )
    serves_surgery: Tri = Field(
        "unknown", description="yes: the request line names pre- or post-operative care, or the service exists only around an operation."
    )
    bed_positioning_need: Tri = Field(
        "unknown", description="Confined to bed or needing positioning an ordinary bed cannot give (ODG DME, hospital beds)."
    )
    mobility_limited: Tri = Field("unknown", description="Walking is impaired enough to need an aid (ODG walking aids).")
    diagnosis_confirmed_by_testing: Tri = Field(
        "unknown", description="The lesion a procedure treats is shown by the imaging or nerve test the guideline asks for."
    )
    localized_pain: Tri = Field(
        "unknown", description="The pain is localized (peripheral, in a defined area): lidocaine patch, CPMTG p. 56-57."
    )
    acute_exacerbation: Tri = "unknown"
    neuropathic_pain: Tri = "unknown"
    red_flags: Tri = "unknown"
    surgical_candidate: Tri = "unknown"
    conservative_care_failed: Tri = "unknown"
    home_exercise_program: Tri = "unknown"
    gi_risk_factors: Tri = "unknown"
    sleep_disturbance: Tri = "unknown"
    depression_or_anxiety: Tri = "unknown"
    nausea_from_opioids: Tri = "unknown"
    pain_management_consult: Tri = "unknown"
    dyspepsia: Tri = "unknown"
    significant_functional_loss: Tri = "unknown"
    baseline_functional_evaluation: Tri = "unknown"
    motivated_to_change: Tri = "unknown"
    nausea_other_cause: Tri = "unknown"
    nutritional_deficiency: Tri = "unknown"
    reduced_weight_bearing_indicated: Tri = "unknown"
    symptoms_changed: Tri = "unknown"
    intervention_considered: Tri = Field(
        "unknown", description="An epidural injection or spine surgery is planned or considered (ACOEM Low Back Disorders imaging)."
    )
    functional_restoration_adjunct: Tri = "unknown"
    device_unserviceable: Tri = Field(
        "unknown",
        description="The worker's own device of the kind requested is worn out, broken, outgrown or no longer fits (ODG replacement).",
    )
    refill_requested: Tri = Field(
        "unknown",
        description="yes when the request line refills, analyses or reprograms a device in place (an implanted pump).",
    )
    supplies_requested: Tri = Field(
        "unknown",
        description="yes when the request line asks for a device's supplies (electrodes, pads, batteries, lead wires), not the unit.",
    )
    replacement_requested: Tri = Field(
        "unknown", description="yes when the request line asks to replace a device the worker has ('replacement socket')."
    )
    custom_requested: Tri = Field(
        "unknown", description="yes when the request line asks for a custom-fabricated device ('custom-molded LSO')."
    )
    image_guidance_requested: Tri = Field(
        "unknown", description="yes when the request line asks for ultrasound or fluoroscopic guidance of an injection as the item."
    )
    monitoring_tests_requested: Tri = Field(
        "unknown",
        description="A laboratory request line names a test of the NSAID monitoring panel (CBC, chemistry, liver or renal "
        "function; CPMTG p. 70): yes; names only other tests (an A1c, lipids, thyroid): no; names no test: unknown.",
    )
    nerve_conduction_only: Tri = Field(
        "unknown", description="yes when an electrodiagnostic request line names nerve conduction studies and no needle EMG."
    )
    confirmatory_requested: Tri = Field(
        "unknown", description="yes when a drug-testing request line asks to confirm a screen (LC-MS/MS, GC/MS, definitive)."
    )
    trigger_point_twitch_response: Tri = "unknown"
    gi_risk: Tri = Field(
        "unknown",
        description=(
            "GI risk with NSAIDs (CPMTG p. 68): yes when the record documents a risk factor, the worker is over 65, or "
            "takes an anticoagulant, a corticosteroid or aspirin; no when the record documents none and age is 65 or less."
        ),
    )
    diagnosis_groups: list[str] = Field(
        default_factory=list,
        description="Guideline diagnosis groups of the diagnoses (myalgia, neuritis_radiculitis, crps, osteoarthritis...).",
    )
    days_since_surgery: int | None = Field(None, ge=0, description="Days from the latest dated surgery to the as-of date.")
    postoperative_pain: Tri = Field(
        "unknown",
        description="yes: an opioid asked for within the post-operative weeks of a dated surgery, so acute pain (thresholds.yaml).",
    )
    postsurgical_surgery: str = Field(
        "none", description="Service of the latest dated surgery that has a postsurgical course (vocabulary postsurgical.yaml)."
    )
    postsurgical_period: Tri = Field(
        "unknown",
        description="yes: within that surgery's postsurgical physical medicine period (8 CCR 9792.24.3); no: past it.",
    )
    postsurgical_general_course: int | None = Field(None, ge=0, description="Visits of that surgery's general course.")
    postsurgical_initial_course: int | None = Field(None, ge=0, description="One half of the general course (the initial course).")
    postsurgical_within_initial_course: Tri = Field(
        "unknown", description="Visits requested plus completed stay within the initial postsurgical course."
    )
    postsurgical_within_general_course: Tri = Field(
        "unknown", description="Visits requested plus completed stay within the general postsurgical course."
    )

    # --- a surgery requested together with this item ------------------------
    companion_surgery: Literal["none", "requested", "authorized"] = Field(
        "none",
        description="requested: the item serves a surgery requested with it (pre- or post-operative care, "
        "clearance, an assistant surgeon, an inpatient stay); authorized: one the record documents as "
        "authorized or scheduled.",
    )
    companion_surgery_service: str = Field("none", description="Service of that surgery.")
    companion_surgery_necessary: Tri = Field(
        "unknown",
        description="yes / no: the outcome predicted for that surgery; unknown before it is judged or when no rule judges it.",
    )
    companion_surgery_risk: Literal["low", "elevated", "unknown"] = Field(
        "unknown", description="Cardiac risk of that surgery: low for ambulatory and endoscopic surgery (thresholds.yaml)."
    )
    companion_stay_days: int | None = Field(
        None, ge=0, description="Best-practice target length of stay for that surgery, 0 for outpatient (thresholds.yaml)."
    )
    stay_within_target: Tri = Field(
        "unknown", description="yes / no: the inpatient days requested are within that surgery's target stay."
    )
    medical_comorbidity: Tri = Field(
        "unknown",
        description="yes: a medical condition preoperative testing criteria name (hypertension, diabetes, heart or "
        "kidney disease, anticoagulants), from diagnoses or current medications.",
    )

    # --- prior courses of the requested service -------------------------------
    prior_sessions: int | None = Field(None, ge=0, description="Sessions of the requested service already completed.")
    prior_sessions_functional_improvement: Tri = "unknown"
    prior_relief_percent: float | None = Field(
        None, description="Best pain relief (%) a prior course of the requested service gave (repeat injections)."
    )
    prior_relief_weeks: float | None = Field(None, description="How long that best relief lasted, in weeks.")
    prior_medication_reduction: Tri = Field("unknown", description="Medication use fell after a prior course.")
    sessions_total_at_least: int | None = Field(
        None, ge=0,
        description="Sessions requested plus those already completed (a lower bound: unknown prior counts add nothing).",
    )
    tried_services: list[str] = Field(default_factory=list, description="Services of every documented prior treatment.")
    failed_services: list[str] = Field(
        default_factory=list, description="Services of prior treatments documented without improvement."
    )
    diagnostic_block_relief_percent: float | None = Field(
        None, description="Best relief (%) from a prior medial branch or facet block (before radiofrequency ablation)."
    )
    prior_imaging_same_region: Tri = Field(
        "unknown", description="A study of the same kind (MRI, EMG...) of the same region is already documented."
    )

    # --- request details read by therapy, device and procedure criteria -----------
    route: str = Field("unknown", description="oral, topical, transdermal, sublingual, injection.")
    frequency_per_week: float | None = Field(None, ge=0, description="Sessions a week requested.")
    duration_weeks: float | None = Field(None, ge=0, description="Weeks of treatment requested.")
    duration_days: float | None = Field(None, ge=0, description="Days of use requested ('30 day trial').")
    hours_requested: float | None = Field(None, ge=0, description="Program hours requested ('x 80 hours').")
    hours_per_week: float | None = Field(
        None, ge=0,
        description="Hours of care a week requested ('20 hours/week'; '4 hrs/day, 5 days/wk' -> 20; '24/7' -> 168); "
        "bare hours ('x 30 hours') count as the week's; hours a day with no days a week leave it unknown.",
    )
    trial: Tri = Field("unknown", description="yes when the request is written as a trial.")
    extension_requested: Tri = Field(
        "unknown",
        description="yes when the request line asks to extend a course under way ('extension', 'additional 10 days', "
        "'remaining 2 weeks'): judged on the gains of the time given, not as a first course (CPMTG p. 32).",
    )
    acquisition: Literal["purchase", "rental", "unknown"] = "unknown"
    approach: Literal["transforaminal", "interlaminar", "caudal", "unknown"] = Field(
        "unknown", description="Epidural approach named in the request."
    )
    target_regions: list[str] = Field(
        default_factory=list,
        description="Where the service is aimed: the request's region (or its spinal levels), else the diagnoses' regions.",
    )
    maintenance_request: Tri = Field("unknown", description="The request is elective or maintenance care.")

    # --- monitoring counts ------------------------------------------------------------
    misuse_risk: Literal["low", "moderate", "high", "unknown"] = "unknown"
    stated_med_mg: float | None = Field(
        None, ge=0, description="The morphine-equivalent mg a day the record states for the current regimen."
    )
    drug_screens_past_year: int | None = Field(
        None, ge=0, description="Dated urine drug screens in the 365 days before the as-of date (when any is dated)."
    )
    days_since_last_drug_screen: int | None = Field(
        None, ge=0, description="Days from the latest dated urine drug screen to the as-of date (testing frequency by risk, ODG)."
    )

    def to_engine_fact(self) -> dict[str, object]:
        """The JSON fact for durable_rules: unknown numbers and empty lists are left out.

        durable_rules has no null, and its `$iall` never matches an empty list, so
        both are represented by absence (tested with `known` / `includes_none`).
        """
        return {k: v for k, v in self.model_dump(mode="json", exclude_none=True).items() if v != []}


# --- item facts as plain data ------------------------------------------------------------
#
#: The item facts read from the request line alone (their descriptions say "request line"): what the
#: request asks for, never the record's documentation. The engine keeps them fixed when it asks which
#: rules could speak to an item, and a checklist labels them the request's; both read this one list.
REQUEST_LINE_FACTS = frozenset(
    name for name, field in ItemFacts.model_fields.items() if "request line" in (field.description or "")
)


# The engine derives ~130 values per item and rules read them as JSON. Building an ItemFacts
# (validating every field) only to dump it to JSON again was the largest single cost of
# evaluation; `item_facts_json` gives the same dict straight from the derived values when
# each value already has its field's JSON type and bounds, and defers to the model otherwise
# (so a value the model refuses is refused with the model's own error). Most fields are
# yes/no/unknown strings: those are checked a group at a time by set operations.


@dataclass(frozen=True)
class _Field:
    """One field of ItemFacts as its JSON dump sees it."""

    name: str
    kind: Literal["enum", "str", "int", "float", "list", "other"]
    optional: bool
    allowed: frozenset[object] = frozenset()
    low: float | None = None
    high: float | None = None

    @classmethod
    def of(cls, name: str, annotation: object, metadata: list[Any]) -> _Field:
        optional = False
        if typing.get_origin(annotation) in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = len(args) < len(typing.get_args(annotation))
            annotation = args[0] if len(args) == 1 else None
        low = next((m.ge for m in metadata if getattr(m, "ge", None) is not None), None)
        high = next((m.le for m in metadata if getattr(m, "le", None) is not None), None)
        if typing.get_origin(annotation) is Literal and all(type(a) is str for a in typing.get_args(annotation)):
            allowed = frozenset(typing.get_args(annotation)) | ({None} if optional else set())
            return cls(name, "enum", optional, allowed)
        if typing.get_origin(annotation) is list and typing.get_args(annotation) == (str,):
            return cls(name, "list", optional)
        kinds: dict[object, Literal["str", "int", "float"]] = {str: "str", int: "int", float: "float"}
        return cls(name, kinds.get(annotation, "other"), optional, low=low, high=high)

    def json_value(self, value: object) -> object:
        """The value as the model's JSON dump gives it, or _BAD when only the model can tell."""
        if value is None:
            return None if self.optional else _BAD
        if self.kind == "str":
            return value if type(value) is str else _BAD
        if self.kind == "list":
            return value if type(value) is list and all(type(v) is str for v in value) else _BAD
        if self.kind == "int":
            return value if type(value) is int and self._bounded(value) else _BAD
        if self.kind == "float" and (type(value) is float or type(value) is int):  # the model turns 5 into 5.0
            number = float(value)
            if number - number != 0.0:  # NaN or an infinity: the model's JSON dump has its own rule
                return _BAD
            return number if self._bounded(number) else _BAD
        return _BAD

    def _bounded(self, value: float) -> bool:
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)


_BAD = object()
_ITEM_FIELDS = {name: _Field.of(name, f.annotation, f.metadata) for name, f in ItemFacts.model_fields.items()}
#: Every field, in the model's order, with its default as the JSON dump gives it (_BAD when required).
_DEFAULTS: dict[str, object] = {
    name: _BAD if f.is_required() else f.get_default(call_default_factory=True) for name, f in ItemFacts.model_fields.items()
}
_REQUIRED = tuple(name for name, default in _DEFAULTS.items() if default is _BAD)
_FRESH_LISTS = tuple(name for name, f in ItemFacts.model_fields.items() if f.default_factory is list)
#: Per enum field, the values it allows (None among them when it is optional).
_ALLOWED: dict[str, frozenset[object]] = {f.name: f.allowed for f in _ITEM_FIELDS.values() if f.kind == "enum"}
#: Fields that may be None (their JSON form is None), and the string and list-of-strings fields by their type:
#: the checks `json_value` makes, read without a call for the values most items carry.
_OPTIONAL = frozenset(f.name for f in _ITEM_FIELDS.values() if f.optional)
#: The fields whose JSON value may be a float (a float field's; every other field's is a str, list, int or None).
FLOAT_FIELDS = tuple(f.name for f in _ITEM_FIELDS.values() if f.kind in ("float", "other"))
_PLAIN_TYPE: dict[str, type] = {f.name: {"str": str, "list": list}[f.kind] for f in _ITEM_FIELDS.values() if f.kind in ("str", "list")}


def checked_item_facts(values: dict[str, object]) -> dict[str, object] | None:
    """*values* as the model's JSON dump would give them (5 as 5.0 for a float fact), or None when only the model can tell.

    One pass over the values given (an item's own are a few dozen of the model's fields), each
    checked by its own field: an enum by membership, anything else by `json_value`.
    """
    out: dict[str, object] = {}
    allowed_of, fields, plain = _ALLOWED, _ITEM_FIELDS, _PLAIN_TYPE
    for name, value in values.items():
        allowed = allowed_of.get(name)
        if allowed is not None:
            try:
                if value not in allowed:
                    return None
            except TypeError:  # an unhashable value where a string belongs
                return None
            out[name] = value
            continue
        if value is None and name in _OPTIONAL:
            out[name] = None
            continue
        if type(value) is plain.get(name) and (type(value) is not list or all(type(v) is str for v in value)):
            out[name] = value  # a string or list-of-strings field: its own JSON form
            continue
        field = fields.get(name)
        if field is None:
            return None
        found = field.json_value(value)
        if found is _BAD:
            return None
        out[name] = found
    return out


def item_facts_json(values: dict[str, object], checked: dict[str, object] | None = None) -> dict[str, Any]:
    """`ItemFacts.model_validate(values).model_dump(mode="json")`, without the model when it is not needed.

    *checked*: values that `checked_item_facts` returned (a case's, the same for each of its items),
    under *values*. Every field in the model's order, defaults filled in; the values themselves are
    kept (lists included, so callers treat the result as read-only apart from replacing a key's
    value). Raises the model's ValidationError for a value it refuses.
    """
    return CaseFactsJson(checked).item(values)


class CaseFactsJson:
    """`item_facts_json(values, checked)` for each item of a case: the case's part of every item's JSON made once.

    The defaults with the case's checked values over them are the same for each of its items; an
    item's JSON is a copy of them with its own values over them, and a fresh list for each list
    field neither the case nor the item set (no two items share a list that is not the case's own).
    """

    def __init__(self, checked: dict[str, object] | None = None) -> None:
        self._checked = checked
        base = dict(_DEFAULTS)
        if checked:
            base.update(checked)
        self._base = base
        self._fresh = tuple(name for name in _FRESH_LISTS if not checked or name not in checked)

    def item(self, values: dict[str, object]) -> dict[str, Any]:
        """The item's JSON dump (see `item_facts_json`)."""
        checked = self._checked
        own = checked_item_facts(values)
        if own is None:
            return ItemFacts.model_validate({**(checked or {}), **values}).model_dump(mode="json")
        out = dict(self._base)
        for name in self._fresh:
            if name not in own:
                out[name] = []
        out.update(own)
        if any(out[name] is _BAD for name in _REQUIRED):
            return ItemFacts.model_validate({**(checked or {}), **values}).model_dump(mode="json")
        return out
