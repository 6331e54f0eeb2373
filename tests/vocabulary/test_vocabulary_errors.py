"""A broken vocabulary file fails loading with a RuleError naming the file, line, entry and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from imr_engine.errors import RuleError
from imr_engine.resources import vocabulary_dir
from imr_engine.vocabulary import Vocabulary


@pytest.fixture
def vocab_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "vocabulary"
    shutil.copytree(vocabulary_dir(), copy)
    return copy


def _edit(path: Path, old: str, new: str) -> int:
    """Replace *old* (which must occur once) and return the 1-based line it is on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _load_error(directory: Path) -> RuleError:
    with pytest.raises(RuleError) as caught:
        Vocabulary.load(directory)
    return caught.value


def test_unknown_class_names_file_line_entry_and_field(vocab_copy: Path) -> None:
    drugs = vocab_copy / "drugs.yaml"
    line = _edit(drugs, "  hydrocodone:\n    classes: [opioid]", "  hydrocodone:\n    classes: [opiod]") + 1
    error = _load_error(vocab_copy)
    assert error.source == str(drugs)
    assert error.message == (
        f"line {line}: ingredient 'hydrocodone': field 'classes[0]': unknown class 'opiod' (did you mean 'opioid'?)"
    )
    assert str(error).startswith(f"{drugs}: line {line}: ingredient 'hydrocodone'")


def test_unknown_ingredient_in_a_product(vocab_copy: Path) -> None:
    products = vocab_copy / "products.yaml"
    _edit(products, "Norco: {ingredients: [hydrocodone,", "Norco: {ingredients: [hydrocodon,")
    error = _load_error(vocab_copy)
    assert error.source == str(products)
    assert "product 'Norco'" in error.message
    assert "field 'ingredients[0]'" in error.message
    assert "unknown ingredient 'hydrocodon' (did you mean 'hydrocodone'?)" in error.message


def test_unknown_class_in_a_service(vocab_copy: Path) -> None:
    services = vocab_copy / "services.yaml"
    _edit(services, "    classes: [acupuncture]\n", "    classes: [acupunture]\n")
    error = _load_error(vocab_copy)
    assert error.source == str(services)
    assert "service 'acupuncture': field 'classes[0]': unknown class 'acupunture'" in error.message


def test_misspelt_field_is_refused(vocab_copy: Path) -> None:
    drugs = vocab_copy / "drugs.yaml"
    line = _edit(drugs, "  gabapentin:\n    classes:", "  gabapentin:\n    clases:") + 1
    error = _load_error(vocab_copy)
    assert error.source == str(drugs)
    assert error.message.startswith(f"line {line}: ingredient 'gabapentin': field 'clases': unknown field 'clases'")
    assert "did you mean 'classes'?" in error.message


def test_wrong_type_of_a_field(vocab_copy: Path) -> None:
    products = vocab_copy / "products.yaml"
    _edit(
        products,
        "Klonopin: {ingredients: [clonazepam], form: tablet}",
        "Klonopin: {ingredients: [clonazepam], form: tablet, release: slow}",
    )
    error = _load_error(vocab_copy)
    assert "product 'Klonopin': field 'release'" in error.message
    assert "'slow'" in error.message


def test_not_yaml(vocab_copy: Path) -> None:
    anatomy = vocab_copy / "anatomy.yaml"
    anatomy.write_text("title: [unclosed\npurpose: x\n", encoding="utf-8")
    error = _load_error(vocab_copy)
    assert error.source == str(anatomy)
    assert error.message.startswith("not valid YAML: line ")


def test_top_level_must_be_a_mapping(vocab_copy: Path) -> None:
    (vocab_copy / "sig.yaml").write_text("- a\n- b\n", encoding="utf-8")
    assert "expected a mapping" in _load_error(vocab_copy).message


def test_empty_file(vocab_copy: Path) -> None:
    (vocab_copy / "classes.yaml").write_text("", encoding="utf-8")
    assert "got an empty file" in _load_error(vocab_copy).message


def test_missing_file(vocab_copy: Path) -> None:
    (vocab_copy / "services.yaml").unlink()
    error = _load_error(vocab_copy)
    assert error.source == str(vocab_copy / "services.yaml")
    assert error.message == "vocabulary file is missing"


def test_header_is_required(vocab_copy: Path) -> None:
    classes = vocab_copy / "classes.yaml"
    _edit(classes, "title: Classes of drugs, supplies and services\n", "")
    error = _load_error(vocab_copy)
    assert error.source == str(classes)
    assert "field 'title': is required" in error.message


def test_one_spelling_cannot_name_two_products(vocab_copy: Path) -> None:
    products = vocab_copy / "products.yaml"
    _edit(products, "Endocet: {ingredients:", "Endocet: {aliases: [Norco], ingredients:")
    error = _load_error(vocab_copy)
    assert "product 'Endocet': field 'aliases[0]': spelling 'Norco' already names product 'Norco'" in error.message


def test_a_product_spelling_cannot_be_a_service(vocab_copy: Path) -> None:
    products = vocab_copy / "products.yaml"
    _edit(products, "Tegaderm: {aliases: [Tegaderm dressing]", "Tegaderm: {aliases: [heat wrap]")
    assert "is also service 'heat_wrap'" in _load_error(vocab_copy).message


def test_a_product_spelling_cannot_be_an_ingredient(vocab_copy: Path) -> None:
    """Two branches can each add a name, one as a brand alias and one as a generic: merged, that is a clash."""
    products = vocab_copy / "products.yaml"
    line = _edit(products, "Tegaderm: {aliases: [Tegaderm dressing]", "Tegaderm: {aliases: [oxycodone]")
    error = _load_error(vocab_copy)
    assert error.source == str(products)
    assert error.message.startswith(f"line {line}: product 'Tegaderm'")
    assert "spelling 'oxycodone' is also ingredient 'oxycodone' (drugs.yaml)" in error.message


def test_a_service_spelling_cannot_be_an_ingredient_synonym(vocab_copy: Path) -> None:
    services = vocab_copy / "services.yaml"
    _edit(services, "spellings: [aquatic therapy, aqua therapy,", "spellings: [aquatic therapy, hydrocodone bitartrate, aqua therapy,")
    error = _load_error(vocab_copy)
    assert error.source == str(services)
    assert "service 'aquatic_therapy'" in error.message
    assert "spelling 'hydrocodone bitartrate' is also ingredient 'hydrocodone' (drugs.yaml)" in error.message


def test_an_opioid_needs_a_factor_or_a_reason(vocab_copy: Path) -> None:
    drugs = vocab_copy / "drugs.yaml"
    _edit(drugs, "    med: [{route: oral, unit: mg/day, factor: 3}]\n", "")
    error = _load_error(vocab_copy)
    assert "ingredient 'oxymorphone': field 'med': an opioid needs an MED factor" in error.message


def test_methadone_tiers_must_increase(vocab_copy: Path) -> None:
    drugs = vocab_copy / "drugs.yaml"
    _edit(drugs, "{up_to_mg_per_day: 40, factor: 8}", "{up_to_mg_per_day: 10, factor: 8}")
    error = _load_error(vocab_copy)
    assert "ingredient 'methadone': field 'med[0]'" in error.message
    assert "tier bounds must increase" in error.message


def test_unknown_route_of_a_form(vocab_copy: Path) -> None:
    sig = vocab_copy / "sig.yaml"
    _edit(
        sig,
        "tablet: {words: [tablet, tab, tabs, tablets, caplet], route: oral}",
        "tablet: {words: [tablet], route: orl}",
    )
    error = _load_error(vocab_copy)
    assert error.source == str(sig)
    assert "form 'tablet': field 'route': unknown route 'orl' (did you mean 'oral'?)" in error.message


def test_class_names_must_be_identifiers(vocab_copy: Path) -> None:
    _edit(vocab_copy / "classes.yaml", "  opioid:\n", "  Opioid Drugs:\n")
    assert "class 'Opioid Drugs': the name must be a lower-case identifier" in _load_error(vocab_copy).message


def test_a_service_including_an_unknown_service(vocab_copy: Path) -> None:
    services = vocab_copy / "services.yaml"
    _edit(services, "    includes: [lumbar_decompression]", "    includes: [lumbar_decompresion]")
    error = _load_error(vocab_copy)
    assert error.source == str(services)
    assert "service 'lumbar_fusion'" in error.message and "field 'includes[0]'" in error.message
    assert "unknown service 'lumbar_decompresion' (did you mean 'lumbar_decompression'?)" in error.message



def test_a_service_read_by_region_names_known_regions_and_services(vocab_copy: Path) -> None:
    services = vocab_copy / "services.yaml"
    _edit(services, "by_region: {foot: foot_night_splint,", "by_region: {feet: foot_night_splint,")
    error = _load_error(vocab_copy)
    assert error.source == str(services)
    assert "service 'wrist_splint'" in error.message and "field 'by_region.feet': unknown body region 'feet'" in error.message


def test_a_region_leads_to_a_service_that_region_does_not_lead_on_from(vocab_copy: Path) -> None:
    # a brace for the foot read as a wrist splint would then be read again as a night splint for the foot
    services = vocab_copy / "services.yaml"
    _edit(services, "by_region: {knee: knee_brace,", "by_region: {foot: wrist_splint, knee: knee_brace,")
    error = _load_error(vocab_copy)
    assert "service 'orthosis_unspecified'" in error.message
    assert "service 'wrist_splint' is read as 'foot_night_splint' for foot: name that service" in error.message


def test_overlapping_regions_name_known_regions(vocab_copy: Path) -> None:
    anatomy = vocab_copy / "anatomy.yaml"
    _edit(anatomy, "ankle: [foot]", "ankle: [feet]")
    error = _load_error(vocab_copy)
    assert error.source == str(anatomy)
    assert "unknown body region 'feet'" in error.message
