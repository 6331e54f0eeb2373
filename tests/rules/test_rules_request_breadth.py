"""Request lines for the kinds of treatment IMR decides most, written the ways RFAs and notes write them.

Each line must reach the service or drug the guideline names for it (the expected value is the
guideline's term for the request, not something read off the code) and must be decided, either by a
rule or as "not established" under a topic whose criteria cover it, never left Indeterminate. The
kinds follow the DWC's IMR reports (pharmacy, rehabilitation, diagnostics, injections, DME, surgery,
programs, evaluation and management) and the guideline sections the rules cite.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scenarios import build_case

from imr_engine.engine import Engine
from imr_engine.requests import parse_request

# (request line, the service it is, or the ingredient it contains)
SERVICE_LINES = [
    # imaging and diagnostics (ACOEM Ch. 8, 9, 11-14; CPMTG; ODG)
    ("MRI right shoulder without contrast", "mri"), ("MRI of the left knee", "mri"), ("MRI R wrist", "mri"),
    ("MRI left ankle", "mri"), ("MR arthrogram right shoulder", "mr_arthrogram"), ("MRI arthrogram L shoulder", "mr_arthrogram"),
    ("CT scan lumbar spine", "ct"), ("CT of the cervical spine w/o contrast", "ct"), ("X-rays right knee 3 views", "x_ray"),
    ("Xray L shoulder", "x_ray"), ("Bone scan", "bone_scan"), ("Triple phase bone scan, right hand", "bone_scan"),
    ("Nerve conduction studies lower extremities", "emg_ncs"), ("NCV bilateral upper extremities", "emg_ncs"),
    ("Pharmacogenetic testing", "genetic_testing"), ("Genetic testing for opioid risk", "genetic_testing"),
    ("CYP450 testing", "genetic_testing"), ("Cytokine DNA testing", "cytokine_dna_testing"),
    ("CBC, CMP", "laboratory_tests"), ("Comprehensive metabolic panel", "laboratory_tests"),
    ("Lab work: hepatic and renal panel", "laboratory_tests"), ("Liver function tests", "laboratory_tests"),
    ("Sleep study", "sleep_study"), ("Polysomnography", "sleep_study"), ("Home sleep study", "sleep_study"),
    ("Computerized range of motion testing", "rom_testing"), ("Computerized muscle testing", "rom_testing"),
    # injections and procedures (ACOEM Ch. 9, 11, 13; CPMTG; ODG)
    ("Right shoulder subacromial injection", "corticosteroid_injection"), ("Cortisone injection left knee", "corticosteroid_injection"),
    ("Kenalog injection", "corticosteroid_injection"), ("Intra-articular steroid injection right hip", "corticosteroid_injection"),
    ("Trigger finger injection", "corticosteroid_injection"), ("Greater trochanteric bursa injection", "corticosteroid_injection"),
    ("PRP injection knee", "prp_injection"), ("Platelet-rich plasma injection right elbow", "prp_injection"),
    ("Stem cell injection knee", "stem_cell_injection"), ("Bone marrow aspirate concentrate injection", "stem_cell_injection"),
    ("Prolotherapy x 3", "prolotherapy"), ("Botox injection 200 units for migraine", "botulinum_toxin"),
    ("Botulinum toxin injection cervical", "botulinum_toxin"), ("Stellate ganglion block", "sympathetic_block"),
    ("Lumbar sympathetic block x 2", "sympathetic_block"), ("Greater occipital nerve block", "occipital_nerve_block"),
    ("Genicular nerve block, right knee", "genicular_procedure"), ("Genicular RFA left knee", "genicular_procedure"),
    ("Sacroiliac joint radiofrequency ablation", "si_joint_radiofrequency"), ("SI joint RFA", "si_joint_radiofrequency"),
    ("SI joint fusion", "si_joint_fusion"), ("Sacroiliac joint fusion, iFuse", "si_joint_fusion"),
    ("Intradiscal steroid injection L4-5", "intradiscal_procedure"), ("IDET L4-5", "intradiscal_procedure"),
    ("Intrathecal pump trial", "intrathecal_pump"), ("Morphine pump refill", "intrathecal_pump"),
    # therapies and modalities (CPMTG p. 57, 123; ACOEM Ch. 9 p. 203; ODG)
    ("Extracorporeal shockwave therapy right shoulder x3", "eswt"), ("ESWT plantar fascia", "eswt"),
    ("Low level laser therapy x 12", "laser_therapy"), ("Cold laser therapy", "laser_therapy"),
    ("Therapeutic ultrasound x 6", "therapeutic_ultrasound"), ("Infrared therapy", "infrared_therapy"),
    ("Paraffin bath unit", "paraffin_bath"), ("Gym membership x 6 months", "gym_membership"),
    ("YMCA membership with pool access", "gym_membership"),
    # DME (ACOEM Ch. 8, 13, 14; CPMTG p. 118-120; ODG)
    ("Hinged knee brace, left", "knee_brace"), ("Unloader knee brace", "knee_brace"), ("Interferential unit", "interferential_unit"),
    ("IF unit 30 day rental", "interferential_unit"), ("Soft cervical collar", "cervical_collar_item"),
    ("Custom foot orthotics", "foot_orthotics"), ("Orthotics", "foot_orthotics"), ("Front wheeled walker", "mobility_aid"),
    ("Single point cane", "mobility_aid"), ("Manual wheelchair", "mobility_aid"), ("Power wheelchair", "power_mobility"),
    ("Motorized scooter", "power_mobility"), ("Hospital bed", "hospital_bed"), ("Orthopedic mattress", "hospital_bed"),
    ("Shower chair", "bathroom_equipment"), ("Raised toilet seat", "bathroom_equipment"), ("3-in-1 commode", "bathroom_equipment"),
    ("Grab bars for bathroom", "home_modification"), ("Hot tub", "convenience_item"), ("Massage chair", "convenience_item"),
    ("Vascutherm x 30 days", "hot_cold_unit"), ("Game Ready cold compression unit", "hot_cold_unit"),
    ("CPM machine x 21 days", "continuous_passive_motion"), ("Continuous passive motion device", "continuous_passive_motion"),
    ("Bone growth stimulator", "bone_growth_stimulator"), ("Exogen bone stimulator", "bone_growth_stimulator"),
    # surgery (ODG Knee & Leg, Hip & Pelvis; ACOEM Ch. 10, 11)
    ("Right total knee arthroplasty", "knee_arthroplasty"), ("TKA left", "knee_arthroplasty"),
    ("Total hip arthroplasty", "hip_arthroplasty"), ("Right hip arthroscopy with labral repair", "hip_arthroscopy"),
    ("Cubital tunnel release, left", "cubital_tunnel_release"), ("Ulnar nerve transposition", "cubital_tunnel_release"),
    ("Trigger finger release", "tendon_sheath_release"), ("De Quervain release, left wrist", "tendon_sheath_release"),
    # services and programs (ODG; CPMTG p. 42, 102)
    ("Transportation to medical appointments", "transportation"), ("Medical transportation", "transportation"),
    ("Detox program", "detoxification"), ("Inpatient detoxification", "detoxification"), ("Rapid detox", "rapid_detox"),
    ("Speech therapy 2x6", "speech_therapy"), ("Vestibular rehab x 8", "vestibular_rehabilitation"),
    ("Cognitive rehabilitation", "cognitive_rehabilitation"), ("Neuropsychological testing", "neuropsychological_testing"),
    ("Cervical pillow", "cervical_pillow"), ("Spinal decompression therapy x 20", "spinal_decompression_therapy"),
    ("Inversion table", "spinal_decompression_therapy"), ("Diagnostic ultrasound right shoulder", "diagnostic_ultrasound"),
    ("MRI thoracic spine", "mri"), ("Group therapy x 8", "cognitive_behavioral_therapy"),
    ("Medication management visit", "office_visit"), ("E0730 TENS unit", "tens"), ("L1833 knee orthosis", "knee_brace"),
    ("LESI L4-5", "epidural_steroid_injection"), ("CESI C6-7", "epidural_steroid_injection"), ("TPIs", "trigger_point_injection"),
    ("Acu 2x3", "acupuncture"), ("OT 2x6", "physical_therapy"), ("MRI L/S spine", "mri"), ("MRI R hip", "mri"),
    ("X-ray left hip", "x_ray"), ("CT head", "ct"), ("MRI brain", "mri"), ("TLSO", "lumbar_support"),
    ("Compounded topical cream, 240g", "unspecified_compound"), ("Subacromial cortisone injection", "corticosteroid_injection"),
    ("Shoulder scope", "shoulder_surgery"), ("Total knee", "knee_arthroplasty"), ("HHA 4 hrs/day", "home_health"),
    # breadth round 4: extremity surgery (ACOEM Ch. 10, 11, 14; ODG Shoulder), supports (ACOEM Ch. 9, 10, 14),
    # post-operative and other services (ODG Knee & Leg, Shoulder, Head)
    ("Elbow arthroscopy", "elbow_surgery"), ("Lateral epicondylar release, right", "elbow_surgery"),
    ("Tennis elbow surgery", "elbow_surgery"), ("Wrist arthroscopy with TFCC debridement", "wrist_hand_surgery"),
    ("Ganglion cyst excision, left wrist", "wrist_hand_surgery"), ("Thumb CMC arthroplasty", "wrist_hand_surgery"),
    ("Ankle arthroscopy", "ankle_foot_surgery"), ("Bunionectomy", "ankle_foot_surgery"), ("Plantar fascia release", "ankle_foot_surgery"),
    ("Achilles tendon repair", "ankle_foot_surgery"), ("Right total shoulder arthroplasty", "shoulder_arthroplasty"),
    ("Reverse total shoulder arthroplasty, left", "shoulder_arthroplasty"), ("Shoulder replacement", "shoulder_arthroplasty"),
    ("Biceps tenodesis", "shoulder_surgery"), ("Arthroscopy, left knee", "knee_arthroscopy"), ("Repeat arthroscopy right knee", "knee_arthroscopy"),
    ("Tennis elbow strap", "elbow_brace"), ("Counterforce brace right elbow", "elbow_brace"), ("Ankle brace", "ankle_brace"),
    ("Aircast ankle stirrup", "ankle_brace"), ("CAM boot", "walking_boot"), ("Walking boot left", "walking_boot"),
    ("Arm sling", "sling"), ("Shoulder sling with abduction pillow", "sling"), ("DVT prophylaxis unit x 30 days", "dvt_compression_device"),
    ("Intermittent pneumatic compression device", "dvt_compression_device"), ("Sequential compression device", "dvt_compression_device"),
    ("Bilateral hearing aids", "hearing_aid"), ("Skilled nursing facility x 7 days", "skilled_nursing_facility"),
    ("SNF x 14 days", "skilled_nursing_facility"), ("Inpatient rehabilitation facility", "skilled_nursing_facility"),
    ("Hardware removal L4-S1", "hardware_removal"), ("Removal of hardware right ankle", "hardware_removal"),
    ("Balloon kyphoplasty L2", "vertebral_augmentation"), ("Vertebroplasty T12", "vertebral_augmentation"),
    ("Dental implants", "dental_treatment"), ("Dental evaluation", "dental_treatment"), ("Root canal", "dental_treatment"),
    ("Lumbar disc replacement L5-S1", "lumbar_disc_replacement"), ("Ultrasound of the left knee", "diagnostic_ultrasound"),
    ("Ultrasound-guided injection right shoulder", "corticosteroid_injection"), ("Cognitive therapy x 6", "cognitive_behavioral_therapy"),
    ("TENS electrodes and batteries", "tens"), ("PENS x 4", "pens"), ("Percutaneous electrical nerve stimulation", "pens"),
    ("Right piriformis injection", "piriformis_injection"), ("MMPI testing", "psychological_evaluation"),
    ("Behavioral pain management x 6", "cognitive_behavioral_therapy"), ("Patellar stabilizing brace", "knee_brace"),
    ("Compression stockings", "dvt_compression_device"), ("Vasopneumatic device", "hot_cold_unit"), ("Shoulder pulley", "home_exercise_kit"),
    ("Right knee surgery", "knee_surgery_other"), ("Tibial tubercle osteotomy", "knee_surgery_other"), ("MPFL reconstruction", "knee_surgery_other"),
    ("Distal radius ORIF", "fracture_fixation"), ("Open reduction internal fixation right ankle", "fracture_fixation"),
    ("Wrist surgery", "wrist_hand_surgery"), ("Lumbar spine surgery", "lumbar_decompression"), ("Neck surgery", "cervical_spine_surgery"),
    ("Shoulder manipulation under anesthesia", "shoulder_surgery"), ("Hand surgery consultation", "consultation"),
    ("Knee surgery consult", "consultation"), ("Yoga classes x 8", "yoga"),
    # round rules8: catastrophic-claim devices (ODG Knee & Leg prostheses; Burns pressure garments) and surgery spellings
    ("Replacement prosthetic socket, R BK, with 2 gel liners", "prosthesis"), ("Below knee prosthesis, right", "prosthesis"),
    ("Transfemoral prosthesis", "prosthesis"), ("Custom pressure garments: vest with sleeves, 2 sets", "burn_pressure_garment"),
    ("Burn garments x 2 sets", "burn_pressure_garment"), ("Compression stockings", "dvt_compression_device"),
    ("Right knee medial hemiarthroplasty", "knee_arthroplasty"), ("Unicompartmental knee replacement", "knee_arthroplasty"),
    ("Neuroplasty and/or transposition of the ulnar nerve at the left elbow", "cubital_tunnel_release"),
    ("Genetic opioid risk assessment panel (buccal swab)", "genetic_testing"),
]

# (request line, an ingredient it contains)
DRUG_LINES = [
    ("Voltaren gel 1% 100g", "diclofenac"), ("Flector patch 1.3% #30", "diclofenac"), ("Pennsaid 2% solution", "diclofenac"),
    ("Fioricet #30", "butalbital"), ("butalbital/APAP/caffeine #30", "butalbital"), ("Glucosamine sulfate 1500mg", "glucosamine"),
    ("Cosamin DS #90", "glucosamine"), ("Vitamin D 50,000 units", "cholecalciferol"), ("Vitamin B12 injection", "cyanocobalamin"),
    ("Testosterone cypionate injection", "testosterone"), ("AndroGel 1.62%", "testosterone"), ("Provigil 200mg", "modafinil"),
    ("Nuvigil 150mg #30", "armodafinil"), ("Narcan nasal spray", "naloxone"), ("Wellbutrin XL 150mg", "bupropion"),
    ("Amitiza 24mcg #60", "lubiprostone"), ("Movantik 25mg #30", "naloxegol"), ("Linzess 145mcg", "linaclotide"),
    ("Prednisone 10mg taper", "prednisone"), ("Medrol Dosepak", "methylprednisolone"),
    ("Lamictal 100mg", "lamotrigine"), ("Keppra 500mg", "levetiracetam"), ("Savella 50mg", "milnacipran"),
    ("Remeron 15mg", "mirtazapine"), ("MiraLAX 17g", "polyethylene glycol"), ("Relistor 150mg", "methylnaltrexone"),
    ("Embeda 30mg", "morphine"), ("Subsys 100mcg", "fentanyl"),
    # breadth round 4: sleep aids, antipsychotics, anxiolytics (ODG Pain; Mental Illness & Stress)
    ("Rozerem 8mg #30", "ramelteon"), ("Ramelteon 8mg qhs", "ramelteon"), ("Belsomra 10mg #30", "suvorexant"),
    ("Dayvigo 5mg", "lemborexant"), ("Melatonin 3mg qhs", "melatonin"), ("Benadryl 25mg qhs", "diphenhydramine"),
    ("Unisom 25mg", "doxylamine"), ("Seroquel 25mg qhs", "quetiapine"), ("Abilify 5mg", "aripiprazole"),
    ("Risperdal 1mg", "risperidone"), ("Zyprexa 5mg", "olanzapine"), ("Hydroxyzine pamoate 25mg #60", "hydroxyzine"),
    ("Vistaril 25mg tid prn", "hydroxyzine"), ("Buspar 15mg bid", "buspirone"), ("Ketamine infusion x 5", "ketamine"),
    ("Ketamine 10% cream 120g", "ketamine"), ("Medical marijuana", "cannabis"), ("CBD oil", "cannabidiol"),
    ("Marinol 5mg #60", "dronabinol"), ("Fanatrex 25mg/ml 420ml", "gabapentin"), ("Synapryn 10mg/ml 500ml", "tramadol"),
    ("Tabradol 1mg/ml 250ml", "cyclobenzaprine"), ("Deprizine 15mg/ml 250ml", "ranitidine"), ("Dicopanol 5mg/ml 150ml", "diphenhydramine"),
    ("Genicin #90", "glucosamine"), ("Laxacin #100", "docusate"), ("Zorvolex 35mg", "diclofenac"), ("Zubsolv 5.7/1.4mg", "buprenorphine"),
    ("Qutenza patch", "capsaicin"), ("Mentherm gel", "methyl salicylate"), ("Ultracin lotion", "capsaicin"),
    ("Fluriflex cream 180 gm", "cyclobenzaprine"), ("Toradol 60 mg IM injection", "ketorolac"),
]


@pytest.mark.parametrize(("line", "service"), SERVICE_LINES, ids=[line for line, _ in SERVICE_LINES])
def test_service_line_is_classified_and_decided(engine: Engine, line: str, service: str) -> None:
    assert parse_request(line).service == service
    result = engine.evaluate(build_case([line])).items[0]
    assert result.predicted != "Indeterminate", f"{line}: no rule or covering topic"


@pytest.mark.parametrize(("line", "ingredient"), DRUG_LINES, ids=[line for line, _ in DRUG_LINES])
def test_drug_line_is_classified_and_decided(engine: Engine, line: str, ingredient: str) -> None:
    assert ingredient in parse_request(line).ingredients
    result = engine.evaluate(build_case([line])).items[0]
    assert result.predicted != "Indeterminate", f"{line}: no rule or covering topic"


@settings(max_examples=60, deadline=None)
@given(
    pair=st.sampled_from(SERVICE_LINES),
    case=st.sampled_from([str.lower, str.upper, str.title, lambda s: s]),
    tail=st.sampled_from(["", " x1", ", as requested", " - RFA dated 3/2/2015"]),
)
def test_service_spelling_survives_case_and_trailing_words(pair: tuple[str, str], case: object, tail: str) -> None:
    """How a line is capitalised, or what follows the item's name, does not change what it names."""
    line, service = pair
    assert parse_request(case(line) + tail).service == service  # type: ignore[operator]
