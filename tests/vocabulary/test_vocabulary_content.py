"""The vocabulary itself: every brand resolves, every class is declared, every file says what it is."""

from __future__ import annotations

import pytest
import yaml

from imr_engine.resources import vocabulary_dir
from imr_engine.vocabulary import FILE_NAMES, load_vocabulary

VOCAB = load_vocabulary()

# GUIDELINES.md, "Brand and generic names in the five letters", plus the letters' own spellings.
LETTER_BRANDS = {
    "Soma": ["carisoprodol"],
    "Norco": ["hydrocodone", "acetaminophen"],
    "Vicodin": ["hydrocodone", "acetaminophen"],
    "Percocet": ["oxycodone", "acetaminophen"],
    "Dilaudid": ["hydromorphone"],
    "MS Contin": ["morphine"],
    "Duragesic": ["fentanyl"],
    "Fentanyl patch": ["fentanyl"],
    "Klonopin": ["clonazepam"],
    "Lidoderm": ["lidocaine"],
    "Neurontin": ["gabapentin"],
    "Gralise": ["gabapentin"],
    "Nucynta": ["tapentadol"],
    "Lorzone": ["chlorzoxazone"],
    "Parafon Forte": ["chlorzoxazone"],
    "Mirapex": ["pramipexole"],
    "Requip": ["ropinirole"],
    "Lunesta": ["eszopiclone"],
    "Sonata": ["zaleplon"],
    "Rozerem": ["ramelteon"],
    "Silenor": ["doxepin"],
    "Cymbalta": ["duloxetine"],
    "Aciphex": ["rabeprazole"],
    "AcipHex": ["rabeprazole"],
    "Duexis": ["ibuprofen", "famotidine"],
    "Frova": ["frovatriptan"],
    "Flexeril": ["cyclobenzaprine"],
    "Flexor": ["cyclobenzaprine"],  # letter 000's spelling of Flexeril
    "Robaxin": ["methocarbamol"],
    "Zanaflex": ["tizanidine"],
    "Ambien": ["zolpidem"],
    "Ultracet": ["tramadol", "acetaminophen"],
    "Oxycontin": ["oxycodone"],
    "Senokot": ["senna"],
    "Docusate Sodium": ["docusate"],
    "sumatriptan": ["sumatriptan"],
    "trazodone": ["trazodone"],
    "hydrochlorothiazide": ["hydrochlorothiazide"],
    "lisinopril": ["lisinopril"],
    "Methadone": ["methadone"],
    "tizanidine": ["tizanidine"],
}

# The wider list of the brief, brand or generic name -> ingredients.
WIDER = {
    "Motrin": ["ibuprofen"], "Naprosyn": ["naproxen"], "Anaprox DS": ["naproxen"], "Mobic": ["meloxicam"],
    "Voltaren": ["diclofenac"], "Celebrex": ["celecoxib"], "etodolac": ["etodolac"], "nabumetone": ["nabumetone"],
    "ketorolac": ["ketorolac"], "Prilosec": ["omeprazole"], "Protonix": ["pantoprazole"], "Nexium": ["esomeprazole"],
    "lansoprazole": ["lansoprazole"], "ranitidine": ["ranitidine"], "misoprostol": ["misoprostol"],
    "Skelaxin": ["metaxalone"], "baclofen": ["baclofen"], "Norflex": ["orphenadrine"],
    "Roxicodone": ["oxycodone"], "Kadian": ["morphine"], "Avinza": ["morphine"], "Exalgo": ["hydromorphone"],
    "Opana": ["oxymorphone"], "Opana ER": ["oxymorphone"], "Ultram": ["tramadol"], "Ultram ER": ["tramadol"],
    "Nucynta ER": ["tapentadol"], "Butrans": ["buprenorphine"], "Suboxone": ["buprenorphine", "naloxone"],
    "Tylenol #3": ["acetaminophen", "codeine"], "Darvocet": ["propoxyphene", "acetaminophen"],
    "Xanax": ["alprazolam"], "Ativan": ["lorazepam"], "Valium": ["diazepam"], "Restoril": ["temazepam"],
    "zaleplon": ["zaleplon"], "Lyrica": ["pregabalin"], "Topamax": ["topiramate"], "Elavil": ["amitriptyline"],
    "Pamelor": ["nortriptyline"], "Effexor": ["venlafaxine"], "Desyrel": ["trazodone"],
    "Terocin": ["methyl salicylate", "capsaicin", "menthol", "lidocaine"], "Voltaren gel": ["diclofenac"],
    "Flector": ["diclofenac"], "ketoprofen cream": ["ketoprofen"], "capsaicin": ["capsaicin"],
    "Menthoderm": ["methyl salicylate", "menthol"], "flurbiprofen cream": ["flurbiprofen"],
    "Zofran": ["ondansetron"], "Phenergan": ["promethazine"], "metoclopramide": ["metoclopramide"],
    # tricyclics and SNRIs beyond the commonest, another AED and NSAID, opioid brands written without "ER"
    "Anafranil": ["clomipramine"], "Tofranil": ["imipramine"], "Norpramin": ["desipramine"],
    "Vivactil": ["protriptyline"], "Pristiq": ["desvenlafaxine"], "Zonegran": ["zonisamide"],
    "Clinoril": ["sulindac"], "Hysingla": ["hydrocodone"], "Zohydro": ["hydrocodone"],
    "Xtampza": ["oxycodone"], "Oxaydo": ["oxycodone"],
}  # fmt: skip

MEDICAL_FOODS = ["Theramine", "Sentra", "Trepadone", "Gabadone"]


@pytest.mark.parametrize(("name", "ingredients"), sorted({**LETTER_BRANDS, **WIDER}.items()))
def test_brand_resolves_to_its_ingredients(name: str, ingredients: list[str]) -> None:
    found = VOCAB.resolve(name)
    assert found is not None, name
    assert list(found.ingredients) == ingredients


@pytest.mark.parametrize("name", MEDICAL_FOODS)
def test_medical_foods_are_a_class_of_their_own(name: str) -> None:
    found = VOCAB.resolve(name)
    assert found is not None and found.primary_class == "medical_food"


def test_every_product_spelling_resolves_to_that_product() -> None:
    for name, product in VOCAB.products.items():
        for spelling in (name, *product.aliases):
            found = VOCAB.resolve(spelling)
            assert found is not None and found.product == name, spelling
            assert set(found.ingredients) <= set(VOCAB.ingredients), spelling


def test_every_class_used_is_declared() -> None:
    declared = set(VOCAB.class_names)
    used = {c for ing in VOCAB.ingredients.values() for c in ing.classes}
    used |= {c for p in VOCAB.products.values() for c in (*p.classes, *filter(None, [p.primary_class]))}
    used |= {c for s in VOCAB.services.values() for c in s.classes}
    assert used <= declared, used - declared


def test_every_opioid_has_a_factor_or_says_why_not() -> None:
    for name, ingredient in VOCAB.ingredients.items():
        if "opioid" in ingredient.classes:
            assert ingredient.med or ingredient.med_note, name


def test_primary_class_of_combinations() -> None:
    assert VOCAB.resolve("Hydrocodone /APAP").primary_class == "opioid"  # type: ignore[union-attr]
    assert VOCAB.resolve("Duexis").primary_class == "nsaid"  # type: ignore[union-attr]
    assert VOCAB.resolve("Suboxone").primary_class == "opioid"  # type: ignore[union-attr]


def test_carisoprodol_is_metabolised_to_meprobamate() -> None:
    assert VOCAB.ingredients["carisoprodol"].metabolised_to == ["meprobamate"]
    assert VOCAB.ingredients["carisoprodol"].classes == ["muscle_relaxant"]


def test_propoxyphene_is_withdrawn() -> None:
    assert VOCAB.ingredients["propoxyphene"].withdrawn
    assert VOCAB.resolve("Darvocet").withdrawn  # type: ignore[union-attr]
    assert not VOCAB.resolve("Norco").withdrawn  # type: ignore[union-attr]


@pytest.mark.parametrize("file_name", FILE_NAMES)
def test_every_file_has_a_header(file_name: str) -> None:
    data = yaml.safe_load((vocabulary_dir() / file_name).read_text(encoding="utf-8"))
    for key in ("title", "purpose", "source"):
        assert isinstance(data.get(key), str) and data[key].strip(), (file_name, key)


def test_every_service_has_a_kind_that_is_not_a_drug() -> None:
    kinds = {s.kind for s in VOCAB.services.values()}
    assert "drug" not in kinds
    for name in (
        "office_visit",
        "physical_therapy",
        "chiropractic",
        "acupuncture",
        "aquatic_therapy",
        "massage",
        "tens",
        "h_wave",
        "home_exercise_kit",
        "hot_cold_unit",
        "epidural_steroid_injection",
        "facet_injection",
        "medial_branch_block",
        "radiofrequency_ablation",
        "trigger_point_injection",
        "urine_drug_screen",
        "mri",
        "ct",
        "x_ray",
        "emg_ncs",
        "functional_restoration_program",
        "psychological_evaluation",
        "cognitive_behavioral_therapy",
        "heat_wrap",
        "dme",
        "consultation",
    ):
        assert name in VOCAB.services, name


@pytest.mark.parametrize("name", ["clomipramine", "imipramine", "desipramine", "protriptyline"])
def test_tricyclics_are_antidepressants_of_the_tricyclic_class(name: str) -> None:
    # CPMTG p. 13-16: tricyclics are first-line for neuropathic pain, the class the rules ask about
    found = VOCAB.resolve(name)
    assert found is not None and {"antidepressant", "tricyclic_antidepressant"} <= set(found.classes)
