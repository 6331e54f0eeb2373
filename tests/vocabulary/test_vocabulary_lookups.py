"""Lookups: names in any spelling, services by spelling, MED factors, caching per directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from imr_engine.resources import vocabulary_dir
from imr_engine.vocabulary import load_vocabulary

VOCAB = load_vocabulary()


@pytest.mark.parametrize(
    ("name", "ingredients", "form", "release"),
    [
        ("Hydrocodone /APAP", ["hydrocodone", "acetaminophen"], "tablet", "IR"),
        ("hydrocodone-apap", ["hydrocodone", "acetaminophen"], "tablet", "IR"),
        ("MS (morphine sulfate) Contin ER", ["morphine"], "tablet", "ER"),
        ("Morphine Er", ["morphine"], "tablet", "ER"),
        ("morphine sulfate", ["morphine"], None, None),
        ("Fentanyl patch", ["fentanyl"], "patch", "ER"),
        ("NORCO", ["hydrocodone", "acetaminophen"], "tablet", "IR"),
        ("oxycodone ER", ["oxycodone"], "tablet", "ER"),
        ("Oxycodone", ["oxycodone"], None, None),
        ("Thermacare heatwrap", [], "wrap", None),
        ("Lidocaine patch", ["lidocaine"], "patch", None),
        ("gabapentin/ketoprofen/lidocaine cream", ["gabapentin", "ketoprofen", "lidocaine"], "cream", None),
    ],
)
def test_resolve_tolerates_spelling(name: str, ingredients: list[str], form: str | None, release: str | None) -> None:
    found = VOCAB.resolve(name)
    assert found is not None
    assert (list(found.ingredients), found.form, found.release) == (ingredients, form, release)


def test_resolve_unknown_is_none() -> None:
    assert VOCAB.resolve("Brandnovum") is None  # a made-up brand name
    assert VOCAB.resolve("") is None


def test_route_and_topical_class() -> None:
    fentanyl = VOCAB.resolve("fentanyl 25 mcg patch")
    assert fentanyl is not None and fentanyl.route == "transdermal" and fentanyl.primary_class == "opioid"
    lidocaine = VOCAB.resolve("Lidoderm")
    assert lidocaine is not None and lidocaine.route == "topical" and lidocaine.primary_class == "topical_analgesic"
    assert "local_anesthetic" in lidocaine.classes
    compound = VOCAB.resolve("flurbiprofen/cyclobenzaprine cream")
    assert compound is not None and compound.primary_class == "topical_analgesic"
    assert {"nsaid", "muscle_relaxant"} <= set(compound.classes)


@pytest.mark.parametrize(
    ("spelling", "service", "kind"),
    [
        ("follow-up visits", "office_visit", "office_visit"),
        ("Office visit", "office_visit", "office_visit"),
        ("consultation", "consultation", "office_visit"),
        ("PT", "physical_therapy", "therapy"),
        ("physiotherapy", "physical_therapy", "therapy"),
        ("physical medicine", "physical_therapy", "therapy"),
        ("chiro", "chiropractic", "therapy"),
        ("manual therapy", "chiropractic", "therapy"),
        ("acupuncture", "acupuncture", "therapy"),
        ("aquatic therapy", "aquatic_therapy", "therapy"),
        ("massage", "massage", "therapy"),
        ("TENS unit", "tens", "dme"),
        ("H-wave", "h_wave", "dme"),
        ("home exercise kit", "home_exercise_kit", "dme"),
        ("hot/cold unit", "hot_cold_unit", "dme"),
        ("ESI", "epidural_steroid_injection", "procedure"),
        ("interlaminar", "epidural_steroid_injection", "procedure"),
        ("facet injection", "facet_injection", "procedure"),
        ("medial branch block", "medial_branch_block", "procedure"),
        ("RFA", "radiofrequency_ablation", "procedure"),
        ("rhizotomy", "radiofrequency_ablation", "procedure"),
        ("trigger point injection", "trigger_point_injection", "procedure"),
        ("urine toxicology", "urine_drug_screen", "diagnostic"),
        ("MRI", "mri", "imaging"),
        ("CT", "ct", "imaging"),
        ("X-ray", "x_ray", "imaging"),
        ("EMG/NCS", "emg_ncs", "diagnostic"),
        ("electrodiagnostic", "emg_ncs", "diagnostic"),
        ("FRP", "functional_restoration_program", "program"),
        ("chronic pain program", "functional_restoration_program", "program"),
        ("HELP program", "functional_restoration_program", "program"),
        ("psychological evaluation", "psychological_evaluation", "diagnostic"),
        ("CBT", "cognitive_behavioral_therapy", "therapy"),
        ("psychotherapy", "cognitive_behavioral_therapy", "therapy"),
        ("heat wrap", "heat_wrap", "supply"),
        ("DME", "dme", "dme"),
    ],
)
def test_service_by_spelling(spelling: str, service: str, kind: str) -> None:
    found = VOCAB.service(spelling)
    assert found is not None and (found.name, found.kind) == (service, kind)


def test_service_unknown_is_none() -> None:
    assert VOCAB.service("Norco 10/325") is None


def test_region_and_side() -> None:
    assert VOCAB.body_region_in("EMG/NCV bilateral lower extremities") == "lower_extremities"
    assert VOCAB.laterality_in("EMG/NCV bilateral lower extremities") == "bilateral"
    assert VOCAB.laterality_in("left and right knee") == "bilateral"
    assert VOCAB.laterality_in("MRI") is None


def test_loaded_once_per_directory(tmp_path: Path) -> None:
    assert load_vocabulary() is load_vocabulary(vocabulary_dir())
    copy = tmp_path / "vocabulary"
    shutil.copytree(vocabulary_dir(), copy)
    other = load_vocabulary(copy)
    assert other is not VOCAB
    assert other is load_vocabulary(copy)


@pytest.mark.parametrize(("one", "other", "apart"), [
    ("lumbar_spine", "cervical_spine", True),     # separate ACOEM chapters (Ch. 12 low back, Ch. 8 neck)
    ("knee", "shoulder", True),
    ("hand", "wrist", True),                      # a finger's trigger injection is no carpal tunnel care
    ("lumbar_spine", "lower_extremities", False),  # the limb the lumbar roots serve
    ("cervical_spine", "upper_extremities", False),
    ("upper_extremities", "wrist", False),        # a limb takes in its joints
    ("ankle", "foot", False),                     # one chapter (ACOEM Ch. 14)
    ("lumbar_spine", "back", False),              # an unqualified back names no part
])
def test_regions_apart(one: str, other: str, apart: bool) -> None:
    assert load_vocabulary().regions_apart(one, other) is apart
