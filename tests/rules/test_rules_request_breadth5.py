"""Request kinds the rule book did not cover before round cover9, written the ways RFAs write them.

Each line must reach the service the guideline names for it (the expected value is the guideline's
term for the request, not something read off the code) and be decided, never left Indeterminate:
chiropractic manipulative treatment (CPMTG p. 58-60), radiographs and casts of fractures (ACOEM
Ch. 11, 13, 14), pharmacogenomic panels (ODG Pain and Mental Illness & Stress, genetic testing),
office furniture requested as equipment (the ODG's DME definition), hearing and vestibular testing (ODG
Head), psychiatric day programs and admissions, PTSD therapies and prazosin (ODG Mental Illness & Stress),
ergonomic evaluations (ODG Neck and Upper Back), occlusal splints (orofacial pain guidance), topical
capsaicin (CPMTG p. 112-113), surface EMG, thermography and motion radiography (ODG Low Back and Neck), splints and dental care as RFAs write them, newer antidepressants,
antipsychotics and valproate (by their label classes), CGRP antibodies and gepants (ODG Head).
"""

from __future__ import annotations

import pytest
from scenarios import build_case

from imr_engine.engine import Engine
from imr_engine.requests import parse_request

SERVICE_LINES = [
    # chiropractic manipulative treatment, as chiropractors abbreviate it
    ("CMT lumbar/pelvis 2x/wk x 3 wk (6 visits)", "chiropractic"), ("CMT 3-4 regions x 6", "chiropractic"),
    ("Chiropractic manipulative treatment, cervical, 6 visits", "chiropractic"),
    ("Spinal adjustments 2x3", "chiropractic"), ("Chiropractic adjustments x 8", "chiropractic"),
    # radiographs written "XR", read by the region they name
    ("XR R wrist 3 views", "x_ray"), ("XR lumbar spine AP/lat", "x_ray"), ("XR left knee 2 views", "x_ray"),
    ("XRs bilateral hands", "x_ray"),
    # casts
    ("remove + replace short arm fiberglass cast", "cast"), ("Short leg walking cast, left ankle", "cast"),
    ("Long arm cast application", "cast"), ("Cast change right wrist", "cast"), ("Recast R forearm", "cast"),
    # a cast boot or walker is a walking boot (ACOEM Ch. 14), and casting for orthotics is the orthotic's mould
    ("Cast boot, left ankle", "walking_boot"), ("Removable cast walker", "walking_boot"), ("Post-op cast shoe", "walking_boot"),
    ("Casting for custom orthotics", "foot_orthotics"), ("Foot casting for orthotics", "foot_orthotics"),
    # therapy once the cast is off is therapy (CPMTG p. 98-99 or the postsurgical course), not a cast
    ("Post cast removal therapy 2x4", "physical_therapy"), ("Post-cast PT 2x4", "physical_therapy"),
    ("Out of cast hand therapy x 8", "physical_therapy"), ("Therapy following cast removal, 6 visits", "physical_therapy"),
    # pharmacogenomic panels
    ("GeneSight pharmacogenomic panel", "genetic_testing"), ("PGx testing (cheek swab)", "genetic_testing"),
    ("Pharmacogenomic panel for antidepressant selection", "genetic_testing"), ("CYP2D6 genotyping", "genetic_testing"),
    # office furniture requested as equipment
    ("Motorized sit-stand desk for her workstation (DME)", "convenience_item"), ("Standing desk", "convenience_item"),
    ("Ergonomic chair", "convenience_item"), ("Sit/stand desk converter", "convenience_item"),
    # hearing and vestibular testing (ODG Head)
    ("Comprehensive audiometric evaluation: pure-tone air and bone, speech audiometry, tympanometry", "audiometry"),
    ("Audiogram", "audiometry"), ("Hearing evaluation with tympanometry", "audiometry"), ("Audiology evaluation", "audiometry"),
    ("Videonystagmography (VNG) with positional and caloric testing", "vestibular_testing"), ("VNG", "vestibular_testing"),
    ("Computerized dynamic posturography", "vestibular_testing"), ("Vestibular function testing", "vestibular_testing"),
    # psychiatric programs and PTSD therapies (ODG Mental Illness & Stress)
    ("Intensive outpatient program (IOP) 3 days/week x 6 weeks", "psychiatric_day_program"),
    ("Partial hospitalization program x 10 days", "psychiatric_day_program"), ("PHP 5 days/week x 2 weeks", "psychiatric_day_program"),
    ("Inpatient psychiatric admission", "psychiatric_inpatient"), ("Psychiatric hospitalization x 5 days", "psychiatric_inpatient"),
    ("EMDR therapy x 8", "cognitive_behavioral_therapy"), ("Cognitive processing therapy, 12 sessions", "cognitive_behavioral_therapy"),
    ("Prolonged exposure therapy x 10", "cognitive_behavioral_therapy"),
    # ergonomic evaluations (ODG Neck and Upper Back; Carpal Tunnel Syndrome)
    ("Ergonomic workstation evaluation", "ergonomic_evaluation"), ("Job site analysis", "ergonomic_evaluation"),
    ("Worksite evaluation", "ergonomic_evaluation"), ("Ergonomic assessment of work station", "ergonomic_evaluation"),
    # occlusal splints (temporomandibular disorders, bruxism)
    ("Maxillary hard acrylic occlusal stabilization splint (night guard), with 2 adjustment visits", "occlusal_splint"),
    ("Night guard", "occlusal_splint"), ("TMJ splint", "occlusal_splint"), ("Occlusal splint", "occlusal_splint"),
    # diagnostic tests the ODG and the ACOEM Low Back Disorders guideline do not recommend
    ("Surface EMG paraspinals", "surface_emg"), ("sEMG lumbar", "surface_emg"), ("Thermography", "thermography"),
    ("Digital motion x-ray cervical spine", "motion_radiography"), ("Videofluoroscopy lumbar spine", "motion_radiography"),
    # a repair named by the epicondyle it repairs (dec9 landed the same spelling)
    ("Surgical repair, right lateral epicondyle", "elbow_surgery"),
    # splints, compression devices and dental care as RFAs write them
    ("Short arm splint", "wrist_splint"), ("Sugar tong splint, right", "wrist_splint"), ("Pneumatic compression device", "dvt_compression_device"),
    ("Periodontal scaling and root planing", "dental_treatment"), ("Dental cleaning", "dental_treatment"),
    # fracture care, supports, fitness, labs, soft-tissue techniques and biofeedback as RFAs write them
    ("Removal of retained hardware left ankle", "hardware_removal"), ("Chairback brace", "lumbar_support"),
    ("YMCA pool access 6 months", "gym_membership"), ("Liver and kidney function tests", "laboratory_tests"),
    ("Graston technique x 6", "massage"), ("IASTM 2x3", "massage"), ("Neurofeedback x 20", "cognitive_behavioral_therapy"),
    # selective nerve root blocks are transforaminal injections (CPMTG p. 46); attendant care is home health's
    # personal care (CPMTG p. 51); a dorsal root ganglion stimulator is a spinal cord stimulator (CPMTG p. 105-107)
    ("Selective nerve root block L5", "epidural_steroid_injection"), ("SNRB right L4-5", "epidural_steroid_injection"),
    ("Attendant care 8 hrs/day", "home_health"), ("Personal care attendant 4 hours daily", "home_health"),
    ("Dorsal root ganglion stimulator trial", "spinal_cord_stimulator"), ("Cardiology clearance", "preoperative_clearance"),
    # behavioural interventions (CPMTG p. 23; ODG Mental Illness & Stress), exercise outside medical supervision (ODG
    # gym memberships), psychiatric medication visits (ODG office visits)
    ("Pain coping skills group x 6", "cognitive_behavioral_therapy"), ("Mindfulness-based stress reduction, 8 weeks", "cognitive_behavioral_therapy"),
    ("Anger management x 8", "cognitive_behavioral_therapy"), ("Aqua aerobics 3x/week", "gym_membership"),
    ("Personal trainer 2x/week x 12 weeks", "gym_membership"), ("Psychotropic medication evaluation", "office_visit"),
    ("Hypnotherapy x 6 sessions", "hypnotherapy"), ("Clinical hypnosis x 4", "hypnotherapy"),
]

DRUG_DECIDED = [
    ("Prazosin 2 mg qhs #30 x 5 RF", "prazosin"), ("Capsaicin 0.025% cream 60 g", "capsaicin"),
    # newer antidepressants and antipsychotics, valproate (classes by FDA label)
    ("Trintellix 10 mg daily", "vortioxetine"), ("Viibryd 20 mg", "vilazodone"), ("Fetzima 40 mg", "levomilnacipran"),
    ("Vraylar 1.5 mg", "cariprazine"), ("Rexulti 1 mg", "brexpiprazole"), ("Depakote ER 500 mg", "divalproex"),
    # anticoagulants (ODG Knee & Leg, venous thrombosis)
    ("Lovenox 40 mg SQ daily x 14 days", "enoxaparin"), ("Xarelto 10 mg daily x 35 days", "rivaroxaban"),
    ("Eliquis 2.5 mg bid", "apixaban"),
]

# CGRP drugs, requested after their approval (ODG Head)
CGRP_LINES = [("Aimovig 70 mg monthly injection", "erenumab"), ("Emgality 120 mg", "galcanezumab"), ("Ajovy 225 mg", "fremanezumab"),
              ("Qulipta 60 mg", "atogepant"), ("Nurtec ODT 75 mg #8", "rimegepant"), ("Ubrelvy 50 mg #10", "ubrogepant")]

# A drug's extended-release suffix is never read as an x-ray.
DRUG_LINES = [("Seroquel XR 50 mg qhs", "quetiapine"), ("Metformin XR 500 mg", "metformin")]


@pytest.mark.parametrize(("line", "service"), SERVICE_LINES, ids=[line for line, _ in SERVICE_LINES])
def test_service_line_is_classified_and_decided(engine: Engine, line: str, service: str) -> None:
    assert parse_request(line).service == service
    result = engine.evaluate(build_case([line])).items[0]
    assert result.predicted != "Indeterminate", f"{line}: no rule or covering topic"


@pytest.mark.parametrize(("line", "ingredient"), DRUG_LINES, ids=[line for line, _ in DRUG_LINES])
def test_extended_release_suffix_is_not_an_x_ray(line: str, ingredient: str) -> None:
    parsed = parse_request(line)
    assert ingredient in parsed.ingredients
    assert parsed.service != "x_ray"


@pytest.mark.parametrize(("line", "ingredient"), DRUG_DECIDED, ids=[line for line, _ in DRUG_DECIDED])
def test_drug_line_is_decided(engine: Engine, line: str, ingredient: str) -> None:
    assert ingredient in parse_request(line).ingredients
    result = engine.evaluate(build_case([line])).items[0]
    assert result.predicted != "Indeterminate", f"{line}: no rule or covering topic"


@pytest.mark.parametrize(("line", "ingredient"), CGRP_LINES, ids=[line for line, _ in CGRP_LINES])
def test_cgrp_line_is_decided(engine: Engine, line: str, ingredient: str) -> None:
    assert ingredient in parse_request(line).ingredients
    result = engine.evaluate(build_case([line], injury="2019-01-10", decided="2021-03-01")).items[0]
    assert result.predicted != "Indeterminate", f"{line}: no rule or covering topic"


def test_a_wrist_stabilization_splint_is_not_an_occlusal_splint() -> None:
    """Only the jaw's splints are occlusal: a wrist or thumb stabilization splint is the wrist's support."""
    assert parse_request("Wrist stabilization splint, right").service == "wrist_splint"
    assert parse_request("Maxillary stabilization splint").service == "occlusal_splint"


@pytest.mark.parametrize("line", ["Surgical repair", "Surgical treatment right knee"])
def test_surgery_that_names_no_operation_is_not_guessed(engine: Engine, line: str) -> None:
    """A "surgical repair" that names no operation names nothing the rules can judge, whatever region it names."""
    result = engine.evaluate(build_case([line])).items[0]
    assert result.predicted == "Indeterminate"


@pytest.mark.parametrize(("line", "service"), [("Surgical procedure: right carpal tunnel release", "carpal_tunnel_release"),
                                               ("Surgical treatment: L4-5 decompression", "lumbar_decompression")])
def test_a_surgical_lead_in_does_not_hide_the_operation(line: str, service: str) -> None:
    assert parse_request(line).service == service


def test_bare_xr_names_no_imaging(engine: Engine) -> None:
    """With no region on the line or in the diagnoses, "XR" names nothing the rules can judge."""
    result = engine.evaluate(build_case(["XR"])).items[0]
    assert result.predicted == "Indeterminate"


@pytest.mark.parametrize(("line", "service", "ingredient"), [("YMCA aquatic therapy 2x6", "aquatic_therapy", None),
                                                            ("Medication review; Norco 10/325 #90", None, "hydrocodone")])
def test_a_lead_in_word_does_not_hide_what_the_line_asks_for(line: str, service: str | None, ingredient: str | None) -> None:
    parsed = parse_request(line)
    assert parsed.service == service
    assert ingredient is None or ingredient in parsed.ingredients
