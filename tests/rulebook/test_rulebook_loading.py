"""Rule files are validated when loaded; each mistake names file, line, rule id and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from probe_book import load_error, probe_book

from imr_engine.errors import RuleError
from imr_engine.rulebook import load_rulebook

GOOD_RULE = """\
topic: probe_topic
category: probe
title: Probe rules
applies_to: {classes: [opioid]}
rules:
  - id: probe.opioid-long-term
    title: Probe rule
    question: Is the opioid used long-term?
    guideline:
      source: MTUS
      guideline: Chronic Pain Medical Treatment Guidelines
      edition: "2009"
      sections: ["Opioids, criteria for use"]
      pages: [[76, 80]]
      effective_from: 2009-07-18
      citation_checked: false
    when:
      all:
        - {fact: long_term_use, is: yes}
    outcome: not_medically_necessary
    statement: Probe statement
    rationale: Here long-term use is {long_term_use}
    would_change_if: [Something documented]
"""




def test_the_bundled_rule_book_loads_with_a_content_hash() -> None:
    book = load_rulebook()
    assert book.rules and book.version.startswith("sha256:")
    assert len({r.id for r in book.rules}) == len(book.rules)


def test_a_good_rule_file_loads(tmp_path: Path) -> None:
    book = load_rulebook(probe_book(tmp_path, GOOD_RULE))
    assert [r.id for r in book.rules] == ["probe.opioid-long-term"]


def test_the_version_changes_with_the_content(tmp_path: Path) -> None:
    first = load_rulebook(probe_book(tmp_path, GOOD_RULE)).version
    second = load_rulebook(probe_book(tmp_path / "b", GOOD_RULE.replace("Probe statement", "Other statement"))).version
    assert first != second


def test_unknown_fact_is_named_with_a_suggestion_and_line(tmp_path: Path) -> None:
    msg = load_error(tmp_path, GOOD_RULE.replace("fact: long_term_use", "fact: long_term_usage"))
    assert "probe.yaml:19" in msg
    assert "rule 'probe.opioid-long-term'" in msg
    assert "unknown fact 'long_term_usage'" in msg and "did you mean 'long_term_use'" in msg


def test_a_value_the_fact_cannot_take_is_refused(tmp_path: Path) -> None:
    msg = load_error(tmp_path, GOOD_RULE.replace("is: yes", "is: maybe"))
    assert "'maybe' is not a value of 'long_term_use'" in msg


def test_an_unknown_field_is_named(tmp_path: Path) -> None:
    msg = load_error(tmp_path, GOOD_RULE.replace("    outcome:", "    outcomes: x\n    outcome:"))
    assert "rule 'probe.opioid-long-term'" in msg and "field 'rules.0.outcomes': unknown field" in msg
    assert "probe.yaml:20" in msg


def test_a_bad_placeholder_is_refused(tmp_path: Path) -> None:
    msg = load_error(tmp_path, GOOD_RULE.replace("{long_term_use}", "{long_term}"))
    assert "placeholder '{long_term}' is not a fact" in msg and "did you mean 'long_term_use'" in msg


def test_a_template_cannot_reach_attributes(tmp_path: Path) -> None:
    msg = load_error(tmp_path, GOOD_RULE.replace("{long_term_use}", "{long_term_use.__class__}"))
    assert "must be a plain fact name" in msg


def test_a_deciding_rule_needs_would_change_if(tmp_path: Path) -> None:
    msg = load_error(tmp_path, GOOD_RULE.replace("    would_change_if: [Something documented]\n", ""))
    assert "would_change_if" in msg


def test_not_yaml_is_reported_with_its_line(tmp_path: Path) -> None:
    msg = load_error(tmp_path, GOOD_RULE + "  - id: [unclosed\n")
    assert "not valid YAML" in msg and "probe.yaml" in msg


def test_duplicate_ids_across_files_are_refused(tmp_path: Path) -> None:
    root = probe_book(tmp_path, GOOD_RULE)
    (root / "probe" / "again.yaml").write_text(GOOD_RULE.replace("probe_topic", "probe_again"))
    with pytest.raises(RuleError, match="duplicate id"):
        load_rulebook(root)


def test_criteria_durable_rules_cannot_hold_are_refused_at_load(tmp_path: Path) -> None:
    groups = "\n".join(
        "        - any: [{fact: muscle_spasm, is: yes}, {fact: trigger_points, is: yes}]" for _ in range(16)
    )
    msg = load_error(tmp_path, GOOD_RULE.replace("        - {fact: long_term_use, is: yes}", groups))
    assert "all/any groups" in msg and "rule 'probe.opioid-long-term'" in msg


def test_missing_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="not found"):
        load_rulebook(tmp_path / "nowhere")


def test_loading_pauses_the_collector_and_gives_it_back_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector is off while a rule book loads (a third of the load was collections), on again after."""
    import gc

    monkeypatch.setenv("IMR_CACHE_DIR", "off")  # every load validates its files (none read back from the cache)

    from imr_engine.rulebook import load as load_module

    seen: list[bool] = []
    real = load_module.load_rule_file

    def spy(path: Path, known: object = None) -> object:
        seen.append(gc.isenabled())
        return real(path, known)  # type: ignore[arg-type]

    load_module.load_rule_file = spy  # type: ignore[assignment]
    try:
        assert gc.isenabled()
        load_rulebook(probe_book(tmp_path / "good", GOOD_RULE))
        assert seen and not any(seen)
        assert gc.isenabled()
        gc.disable()
        try:
            load_rulebook(probe_book(tmp_path / "again", GOOD_RULE))
            assert not gc.isenabled()  # a caller that turned it off keeps it off
        finally:
            gc.enable()
        with pytest.raises(RuleError):
            load_rulebook(probe_book(tmp_path / "bad", GOOD_RULE.replace("fact: long_term_use", "fact: long_term_usage")))
        assert gc.isenabled()  # given back after a refused rule book too
    finally:
        load_module.load_rule_file = real  # type: ignore[assignment]
