"""Request lines as RFAs write them reach the rules written for them; uncovered items stay Indeterminate."""

from __future__ import annotations

import pytest
from scenarios import build_case

from imr_engine.engine import Engine
from imr_engine.requests import parse_request

# Issue 7's spellings, and the service each must resolve to (with the rule topic that covers it).
RFA_LINES = [
    ("physical therapy 2x4", "physical_therapy", 8),
    ("PT 2 times a week for 4 weeks", "physical_therapy", 8),
    ("chiropractic x 6", "chiropractic", 6),
    ("acupuncture 2x3 lumbar", "acupuncture", 6),
    ("L4-5 transforaminal ESI", "epidural_steroid_injection", None),
    ("MRI lumbar spine without contrast", "mri", None),
    ("EMG/NCV bilateral lower extremities", "emg_ncs", None),
    ("TENS unit 30 day trial", "tens", None),
    ("H-wave", "h_wave", None),
    ("functional restoration program x 80 hours", "functional_restoration_program", None),
]


@pytest.mark.parametrize(("line", "service", "visits"), RFA_LINES, ids=[line for line, _, _ in RFA_LINES])
def test_rfa_spellings_reach_a_rule(engine: Engine, line: str, service: str, visits: int | None) -> None:
    item = parse_request(line)
    assert item.service == service
    if visits is not None:
        assert item.visits == visits
    low_back = [{"name": "lumbar strain", "body_regions": ["lumbar_spine"], "evidence": [{"quote": "lumbar strain"}]}]
    result = engine.evaluate(build_case([line], diagnoses=low_back)).items[0]
    assert result.rules, f"no rule spoke to {line}"


# Every drug the issue names, by brand and by generic: the ingredient and the class rules test.
DRUGS = [
    ("Flexeril", "cyclobenzaprine", "muscle_relaxant"), ("Robaxin", "methocarbamol", "muscle_relaxant"),
    ("Zanaflex", "tizanidine", "muscle_relaxant"), ("Parafon Forte", "chlorzoxazone", "muscle_relaxant"),
    ("Skelaxin", "metaxalone", "muscle_relaxant"), ("Lioresal", "baclofen", "muscle_relaxant"),
    ("Norflex", "orphenadrine", "muscle_relaxant"), ("Soma", "carisoprodol", "muscle_relaxant"),
    ("Norco", "hydrocodone", "opioid"), ("OxyContin", "oxycodone", "opioid"), ("Roxicodone", "oxycodone", "opioid"),
    ("MS Contin", "morphine", "opioid"), ("MSIR", "morphine", "opioid"), ("Dilaudid", "hydromorphone", "opioid"),
    ("Opana ER", "oxymorphone", "opioid"), ("Duragesic", "fentanyl", "opioid"), ("Dolophine", "methadone", "opioid"),
    ("Ultram", "tramadol", "opioid"), ("Nucynta", "tapentadol", "opioid"), ("Butrans", "buprenorphine", "opioid"),
    ("Tylenol #3", "codeine", "opioid"), ("Darvon", "propoxyphene", "opioid"),
    ("Klonopin", "clonazepam", "benzodiazepine"), ("Xanax", "alprazolam", "benzodiazepine"),
    ("Ativan", "lorazepam", "benzodiazepine"), ("Valium", "diazepam", "benzodiazepine"),
    ("Restoril", "temazepam", "benzodiazepine"), ("Ambien", "zolpidem", "hypnotic"),
    ("Lunesta", "eszopiclone", "hypnotic"), ("Neurontin", "gabapentin", "antiepilepsy_drug"),
    ("Lyrica", "pregabalin", "antiepilepsy_drug"), ("Topamax", "topiramate", "antiepilepsy_drug"),
    ("Elavil", "amitriptyline", "antidepressant"), ("Pamelor", "nortriptyline", "antidepressant"),
    ("Cymbalta", "duloxetine", "antidepressant"), ("Effexor", "venlafaxine", "antidepressant"),
    ("Desyrel", "trazodone", "antidepressant"), ("Paxil", "paroxetine", "ssri"), ("Zoloft", "sertraline", "ssri"),
    ("Maxalt", "rizatriptan", "triptan"), ("ZTlido", "lidocaine", "local_anesthetic"), ("Naprosyn", "naproxen", "nsaid"), ("Motrin", "ibuprofen", "nsaid"),
    ("Mobic", "meloxicam", "nsaid"), ("Celebrex", "celecoxib", "nsaid"), ("Prilosec", "omeprazole", "proton_pump_inhibitor"),
    ("Protonix", "pantoprazole", "proton_pump_inhibitor"), ("Zofran", "ondansetron", "antiemetic"),
    ("Lidoderm", "lidocaine", "local_anesthetic"), ("Voltaren Gel", "diclofenac", "nsaid"),
]


@pytest.mark.parametrize(("brand", "generic", "klass"), DRUGS, ids=[b for b, _, _ in DRUGS])
def test_brand_and_generic_resolve_alike(brand: str, generic: str, klass: str) -> None:
    by_brand, by_generic = parse_request(f"{brand} #30"), parse_request(f"{generic} #30")
    assert generic in by_brand.ingredients and klass in by_brand.classes
    assert by_generic.ingredients == [generic] and klass in by_generic.classes


@pytest.mark.parametrize("line", ["Tegaderm dressing", "Pramipexole 0.25mg #30", "Metformin 500mg #60", "Lisinopril 10mg #30"])
def test_an_item_no_rule_covers_is_still_indeterminate(engine: Engine, line: str) -> None:
    result = engine.evaluate(build_case([line])).items[0]
    assert result.predicted == "Indeterminate" and result.medically_necessary is None
    assert not [r for r in result.rules if r.decisive]
