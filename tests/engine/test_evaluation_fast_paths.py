"""Evaluation's fast paths give what the plain forms they replace give.

Each is checked against the plain form written out here (not the code's own slow path), on the
bundled cases' real item facts and request lines and on generated input:

- durable_rules is sent only the attributes a ruleset's rules read (its signature's fields and
  the item's index): every rule that fires for the whole fact fires for the part, and no other;
- an item's values over its case's (`ItemValues`) behave as `ChainMap(own, case)`;
- the epidural approach read with one pattern per approach is `any(f" {w}" in words)`;
- a rationale's values read with `TemplateValues.get` are `Mapping.get`'s, and a template with
  nothing to fill gives the sentence `_sentence(_render(...))` gives.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.engine import Engine
from imr_engine.engine.derive import ItemValues, _approach, derive_items
from imr_engine.engine.durable_adapter import CompiledRuleset
from imr_engine.engine.evaluate import engine_fact, resolve_as_of
from imr_engine.engine.explain import _filled_sentence, _render, _sentence, template_values
from imr_engine.engine.guideline_data import DEFAULTS
from imr_engine.facts import load_case
from imr_engine.facts.derived import FLOAT_FIELDS, ItemFacts

CASES = sorted(Path(__file__).resolve().parents[2].joinpath("cases").glob("*/case.yaml"))


def _items(engine: Engine) -> list[tuple[Any, Any, Any, dict[str, Any]]]:
    """(case, item, derived, values) of every requested item of the bundled cases."""
    out = []
    for path in CASES:
        case = load_case(path)
        items = engine._requested_items(case)
        for item, d in zip(items, derive_items(case, items, resolve_as_of(case, None).date, engine.vocabulary)):
            out.append((case, item, d, d.values))
    return out


def _fired_whole(ruleset: CompiledRuleset, fact: dict[str, Any]) -> list[tuple[int, str]]:
    """What the ruleset fires when durable_rules is sent the whole fact."""
    reads, ruleset._reads = ruleset._reads, None
    try:
        return ruleset._ask([fact])
    finally:
        ruleset._reads = reads


def test_a_ruleset_fires_the_same_rules_for_the_attributes_it_reads(engine: Engine) -> None:
    asked = 0
    for _, _, _, values in _items(engine):
        fact = engine_fact(values)
        for t in engine._topics_for(values):
            ruleset = engine.topics[t].ruleset
            assert ruleset._reads is not None and "item_index" not in ruleset._reads  # the actions read nothing
            assert ruleset._ask([fact]) == _fired_whole(ruleset, fact)
            asked += 1
    assert asked > 20


#: Values rules compare attributes with, and some they never name.
_VALUES = st.one_of(
    st.sampled_from(["yes", "no", "unknown", "none", "opioid", "nsaid", "chronic", "acute", "lumbar_spine"]),
    st.integers(0, 400),
    st.sampled_from([0.0, 29.5, 30.0, 50.0, 90.0, 120.5]),
    st.lists(st.sampled_from(["opioid", "nsaid", "physical_therapy", "lumbar_spine"]), min_size=1, max_size=3),
)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_changed_facts_fire_the_same_rules_for_the_attributes_read(engine: Engine, data: st.DataObject) -> None:
    _, _, _, values = data.draw(st.sampled_from(_items(engine)))
    topics = engine._topics_for(values)
    ruleset = engine.topics[data.draw(st.sampled_from(topics))].ruleset if topics else engine.topics[0].ruleset
    fact = engine_fact(values)
    assert ruleset._reads is not None
    names = sorted(ruleset._reads) + ["not_read_by_any_rule"]
    changes = data.draw(st.dictionaries(st.sampled_from(names), st.one_of(st.none(), _VALUES), max_size=6))
    for name, value in changes.items():
        if value is None:
            fact.pop(name, None)
        else:
            fact[name] = value
    assert ruleset._ask([fact]) == _fired_whole(ruleset, fact)


_NAMES = st.sampled_from(["a", "b", "c", "d", "e"])
_OPS = st.lists(st.tuples(
    st.sampled_from(["set", "del", "pop", "pop_default", "update", "setdefault", "popitem", "ior"]),
    _NAMES, st.integers(0, 9),
), max_size=14)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_NAMES, st.integers(0, 9), max_size=4), _OPS)
def test_item_values_behave_as_a_chainmap_over_the_case(case: dict[str, int], ops: list[tuple[str, str, int]]) -> None:
    own: dict[str, object] = {}
    plain: Any = ChainMap(own, dict(case))
    fast = ItemValues(dict(case))

    def both(op: str, name: str, value: int) -> None:
        answers: list[object] = []
        for m in (plain, fast):
            try:
                if op == "set":
                    m[name] = value
                    answers.append(None)
                elif op == "del":
                    del m[name]
                    answers.append(None)
                elif op == "pop":
                    answers.append(m.pop(name))
                elif op == "pop_default":
                    answers.append(m.pop(name, -1))
                elif op == "update":
                    m.update({name: value}, z=value)
                    answers.append(None)
                elif op == "ior":
                    m |= {name: value}
                    answers.append(None)
                elif op == "setdefault":
                    answers.append(m.setdefault(name, value))
                else:
                    answers.append(m.popitem())
            except KeyError:
                answers.append(KeyError)
        assert answers[0] == answers[1]

    for op, name, value in ops:
        both(op, name, value)
        assert list(plain.items()) == list(fast.items())
        assert own == fast.own and list(own) == list(fast.own)
        assert all(plain.get(n) == fast.get(n) and (n in plain) == (n in fast) for n in "abcdez")
    assert dict(fast.copy()) == dict(plain.copy()) and fast.copy().own == own


def _approach_as_written(text: str) -> str:
    """The approach as the spellings read before one pattern per approach: a spelling with a space before it."""
    words = " " + " ".join(text.casefold().replace("-", " ").split()) + " "
    for approach, spellings in DEFAULTS.epidural_approach.words.items():
        if any(f" {w}" in words for w in spellings):
            return approach
    return "unknown"


_SPELLINGS = [w for spellings in DEFAULTS.epidural_approach.words.values() for w in spellings]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(
    st.sampled_from(_SPELLINGS + ["L4-5", "ESI", "epidural", "x", "-", "(", "TF", "inter", "caudally"]),
    st.text(alphabet="abcfilnrstu-() ", max_size=12),
), max_size=8))
def test_the_approach_is_read_as_any_spelling_starting_a_word(parts: list[str]) -> None:
    for text in (" ".join(parts), "".join(parts), "-".join(parts).upper()):
        assert _approach(text) == _approach_as_written(text)


def test_the_approach_of_the_bundled_request_lines(engine: Engine) -> None:
    lines = [item.text for _, item, _, _ in _items(engine)]
    assert lines and all(_approach(t) == _approach_as_written(t) for t in lines)


def test_rationale_values_read_as_mapping_get_and_fixed_sentences(engine: Engine) -> None:
    book = engine.book
    names = sorted({n for r in book.rules for n in _placeholders(r.statement) + _placeholders(r.rationale)})
    for case, item, d, _values in _items(engine):
        shown = template_values(case, item, d, resolve_as_of(case, None).date)
        for name in [*names, "request", "no_such_fact", "item_index"]:
            assert shown.get(name) == Mapping.get(shown, name)
            assert shown.get(name, "x") == Mapping.get(shown, name, "x")
        for rule in book.rules:
            for template in (rule.statement, rule.rationale):
                assert _filled_sentence(template, shown) == _sentence(_render(template, shown))


def _placeholders(template: str) -> list[str]:
    return [p for i, p in enumerate(template.replace("}", "{").split("{")) if i % 2]


@pytest.mark.parametrize("template", ["No placeholder here", "Ends.", "  spaced   out ", "{kind} reads", ""])
def test_a_template_without_placeholders_is_its_sentence(engine: Engine, template: str) -> None:
    case, item, d, _ = _items(engine)[0]
    shown = template_values(case, item, d, resolve_as_of(case, None).date)
    assert _filled_sentence(template, shown) == _sentence(_render(template, shown))


def _signatures(engine: Engine) -> list[Any]:
    return [t.ruleset.signature for t in engine.topics if t.ruleset.signature is not None]


def test_an_items_key_read_from_its_values_is_the_key_of_its_engine_fact(engine: Engine) -> None:
    signatures = _signatures(engine)
    for _, _, _, values in _items(engine):
        for signature in signatures:
            assert signature.key_of_values(values) == signature.key(engine_fact(values))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_keys_from_values_with_nothing_and_empty_lists(engine: Engine, data: st.DataObject) -> None:
    _, _, _, values = data.draw(st.sampled_from(_items(engine)))
    signature = data.draw(st.sampled_from(_signatures(engine)))
    names = signature.fields + ["not_read"]
    changes = data.draw(st.dictionaries(st.sampled_from(names), st.one_of(
        st.sampled_from([None, [], (), "", 0, 0.0, False, True, [1], {"a": 1}, float("nan")]), _VALUES), max_size=6))
    changed = {**values, **changes}
    assert signature.key_of_values(changed) == signature.key(engine_fact(changed))


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.sampled_from(FLOAT_FIELDS), st.one_of(
        st.none(), st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([1e-5, -1e-5, 1e17, 0.0, 2.5, 1e16])),
        max_size=6),
    st.integers(0, 140), st.integers(0, 4),
)
def test_values_are_refused_as_their_engine_fact_is(floats: dict[str, Any], more: int, which: int) -> None:
    # An item's values: a real item's, its float facts changed, and more attributes (the count durable_rules allows).
    from imr_engine.engine.durable_adapter import check_fact
    from imr_engine.engine.evaluate import _check_values
    from imr_engine.errors import EngineError

    real = _REAL_VALUES[which % len(_REAL_VALUES)]
    values = {**real, **floats, **{f"extra_{i}": "s" for i in range(more)}}

    def refusal(check: Any, arg: dict[str, Any]) -> str | None:
        try:
            check(arg)
        except EngineError as exc:
            return str(exc)
        return None

    assert refusal(_check_values, values) == refusal(check_fact, engine_fact(values))


def _real_values() -> list[dict[str, Any]]:
    from imr_engine.engine import load_engine
    engine = load_engine(None)
    return [values for _, _, _, values in _items(engine)][:5]


_REAL_VALUES = _real_values()


def test_an_items_values_hold_floats_only_in_float_fields(engine: Engine) -> None:
    # What _check_values relies on: the other ~115 values need no look for a bad float.
    floats = 0
    for _, _, _, values in _items(engine):
        assert values.keys() == set(ItemFacts.model_fields)
        assert not [k for k, v in values.items() if type(v) is float and k not in FLOAT_FIELDS]
        floats += sum(type(v) is float for v in values.values())
    assert floats  # there are some, which the check does read


def _perioperative_as_written(words: str) -> bool:
    from imr_engine.engine.terminology import padded_words
    return any(padded_words(w) in words for w in DEFAULTS.perioperative.words)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(list(DEFAULTS.perioperative.words) + ["pre", "op", "x", "-", "clearance."]),
                          st.text(alphabet="acelnoprs- ", max_size=10)), max_size=8))
def test_perioperative_words_are_found_as_any_padded_word(parts: list[str]) -> None:
    from imr_engine.engine.derive import _names_perioperative
    from imr_engine.engine.terminology import padded_words
    for text in (" ".join(parts), "".join(parts)):
        words = padded_words(text)
        assert _names_perioperative(words, DEFAULTS) == _perioperative_as_written(words)


class _Named(str):
    """A str subclass: a string for the key, as isinstance says."""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=3), st.integers(), st.none(), st.booleans(),
                          st.builds(_Named, st.text(max_size=2))), max_size=4))
def test_a_list_is_keyed_exactly_when_every_element_is_a_string(value: list[Any]) -> None:
    from imr_engine.engine.durable_adapter import _UNKEYABLE, _exact_part
    expected = ("list", *value) if all(isinstance(v, str) for v in value) else _UNKEYABLE
    assert _exact_part(value) == expected or (_exact_part(value) is _UNKEYABLE and expected is _UNKEYABLE)


@settings(max_examples=200, deadline=None)
@given(st.fixed_dictionaries({}, optional={
    "generation": st.none(), "decided_by": st.sampled_from(["MTUS", "non-MTUS", None]),
    "basis": st.sampled_from(["rule", "not_established", "no_rule"]), "rules": st.just([]),
    "would_change_if": st.lists(st.text(max_size=3), max_size=2), "advisories": st.lists(st.text(max_size=3), max_size=2),
    "leans_on_rationale_facts": st.booleans(), "jurisdiction_note": st.one_of(st.none(), st.text(max_size=4)),
}), st.booleans())
def test_an_answer_built_from_given_fields_is_the_models(extra: dict[str, Any], complete: bool) -> None:
    from imr_engine.engine.determination import Determination, trusted_fields
    given = {"index": 1, "request": "MRI", "predicted": "Upheld", "medically_necessary": False,
             **({"rationale": "r"} if complete else {}), **extra}
    try:
        expected: Any = Determination(**given)
    except Exception as exc:
        expected = type(exc)
    try:
        built: Any = trusted_fields(Determination, given)
    except Exception as exc:
        built = type(exc)
    if isinstance(expected, type):
        assert built is expected
        return
    assert built.model_dump() == expected.model_dump() and list(built.model_dump()) == list(expected.model_dump())
    assert built.model_fields_set == set(Determination.model_fields)
    if "advisories" not in given:  # a default list is made fresh for each answer, never shared
        assert trusted_fields(Determination, given).advisories is not built.advisories


def test_the_approach_is_remembered_per_guideline_data() -> None:
    # The same line read under other guideline words gets their answer, not the one remembered for the defaults.
    words = {"caudal": ["transforaminal"], "interlaminar": ["tf"]}
    other = DEFAULTS.model_copy(update={
        "epidural_approach": DEFAULTS.epidural_approach.model_copy(update={"words": words})})
    line = "Right L4-5 transforaminal epidural steroid injection"
    for _ in range(2):
        assert _approach(line) == _approach_as_written(line) == "transforaminal"
        assert _approach(line, other) == "caudal"
        assert _approach("TF ESI", other) == "interlaminar"


def _daily_med_as_written(vocab: Any, item: Any) -> float | None:
    """Morphine-equivalent mg a day as `daily_med_mg` computed it before it was remembered, from the item itself."""
    opioids = [i for i in item.ingredients if "opioid" in vocab.classes_of([i])]
    if not opioids:
        return None
    if len(item.strengths) == len(item.ingredients):
        pairs = list(zip(item.ingredients, item.strengths))
    elif len(item.strengths) == 1 and len(opioids) == 1:
        pairs = [(opioids[0], item.strengths[0])]
    else:
        return None
    total = 0.0
    for ingredient, strength in pairs:
        if ingredient not in opioids:
            continue
        if strength.unit == "mcg/hr":
            factor = vocab.vocabulary.med_factor(ingredient, route="transdermal")
            if factor is None:
                return None
            total += strength.value * factor
            continue
        if strength.unit != "mg" or not item.doses_per_day:
            return None
        daily = strength.value * (item.units_per_dose or 1) * item.doses_per_day
        factor = vocab.vocabulary.med_factor(ingredient, daily_mg=daily, route=item.route)
        if factor is None:
            return None
        total += daily * factor
    return round(total, 2)


_OPIOID_LINES = [
    "Norco 10/325 mg q6h #120", "Norco 10/325mg 1 tab every 6 hours", "Percocet 10/325 mg 2 tabs TID #180",
    "Fentanyl 25 mcg/hr patch #10", "Duragesic 50mcg/hr", "Methadone 10 mg TID #90", "Methadone 40mg BID",
    "Oxycodone 15 mg QID", "OxyContin 20 mg ER q12h", "Tramadol 50 mg q6h prn #120", "Ultracet 37.5/325 mg BID",
    "Hydrocodone/APAP 5/325 mg", "Nucynta 50mg", "Butrans 10 mcg/hr patch", "Tylenol #3 TID", "Morphine sulfate 15 mg",
]


@pytest.mark.parametrize("line", _OPIOID_LINES)
def test_the_daily_med_remembered_is_the_items_own(engine: Engine, line: str) -> None:
    from imr_engine.requests import parse_request

    vocab = engine.vocabulary
    item = parse_request(line, engine.names)
    # twice, and beside the same drug with other fields the dose does not read (text, quantity)
    twin = item.model_copy(update={"text": line + " (refill)", "quantity": (item.quantity or 0) + 30})
    # and beside the same drug with each field it does read changed: a key missing one would answer for the other
    changed = [item.model_copy(update=u) for u in (
        {"units_per_dose": 2.0}, {"doses_per_day": (item.doses_per_day or 1) + 1}, {"route": "transdermal"},
        {"strengths": item.strengths[:1]}, {"ingredients": item.ingredients[::-1]})]
    for asked in (item, twin, *changed, item):
        assert vocab.daily_med_mg(asked) == _daily_med_as_written(vocab, asked)
    assert sum(vocab.daily_med_mg(parse_request(x, engine.names)) is not None for x in _OPIOID_LINES) >= 8


def test_a_medications_drug_is_its_ingredients_and_their_classes(engine: Engine) -> None:
    vocab = engine.vocabulary
    names = [m.name for path in CASES for m in load_case(path).medications] + ["Norco", "unknown stuff", "Lyrica"]
    for name in names + names:
        ingredients = vocab.ingredients_of(name)
        assert vocab.drug_of(name) == (tuple(ingredients), tuple(vocab.classes_of(ingredients)))


def test_a_rationales_extras_are_made_when_named_as_all_at_once(engine: Engine) -> None:
    # Each extra is made only when a template names it; what it says is what the six made at once said.
    from imr_engine.engine.explain import EXTRA_NAMES

    for case, item, d, _ in _items(engine):
        as_of = resolve_as_of(case, None).date
        at_once = {
            "request": case.requests[d.values["item_index"]].text,
            "name": item.name,
            "as_of": as_of.isoformat(),
            "date_of_injury": str(case.date_of_injury.date) if case.date_of_injury else None,
            "medication_started": d.extras.get("medication_started"),
            "companion_surgery_request": (
                f'"{case.requests[d.companion].text}"' if d.companion is not None
                else d.extras.get("companion_surgery_request")),
        }
        for order in (EXTRA_NAMES, EXTRA_NAMES[::-1]):
            shown = template_values(case, item, d, as_of)
            assert [shown.get(n) for n in order] == [at_once[n] for n in order]
            assert [shown[n] for n in order] == [at_once[n] for n in order]
        shown = template_values(case, item, d, as_of)
        assert list(shown) == [*d.values, *at_once] and len(shown) == len(d.values) + len(at_once)


def _decided_as_written(rules: list[Any]) -> dict[str, Any]:
    """How the rules that fired decide an item, computed per item as `_decide` did before plans were remembered."""
    from imr_engine.engine.evaluate import decide

    deciding = [r for r in rules if r.rule.outcome != "advisory"]
    advisory = [r for r in rules if r.rule.outcome == "advisory"]
    if not deciding:
        return {"deciding": [], "advisory": advisory}
    predicted, tier = decide([r.rule for r in deciding])
    in_tier = [r for r in deciding if r.rule.tier == tier]
    necessary = predicted == "Overturned"
    outcome = "medically_necessary" if necessary else "not_medically_necessary"
    decisive = [r for r in in_tier if r.rule.outcome == outcome]
    others = [r for r in deciding if r.rule.id not in {d.rule.id for d in decisive}]
    citations, seen = [], set()
    for r in decisive + advisory:
        if r.citation_key not in seen:
            seen.add(r.citation_key)
            citations.append(r.citation)
    would_change: list[str] = []
    for r in decisive:
        would_change += [w for w in r.rule.would_change_if if w not in would_change]
    advisories: list[str] = []
    for r in decisive + advisory:
        if r.rule.advisory and r.rule.advisory not in advisories:
            advisories.append(r.rule.advisory)
    return {"deciding": deciding, "advisory": advisory, "necessary": necessary, "tier": tier, "decisive": decisive,
            "rest": others + advisory, "citations": citations, "would_change": would_change, "advisories": advisories}


def _plan_as_dict(plan: Any) -> dict[str, Any]:
    out = {"deciding": list(plan.deciding), "advisory": list(plan.advisory)}
    if plan.deciding:
        out |= {"necessary": plan.necessary, "tier": plan.tier, "decisive": list(plan.decisive), "rest": list(plan.rest),
                "citations": list(plan.citations), "would_change": list(plan.would_change),
                "advisories": list(plan.advisories)}
        assert list(plan.decisive_rules) == [r.rule for r in plan.decisive]
    return out


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_remembered_plan_decides_as_the_rules_fired_do(engine: Engine, data: st.DataObject) -> None:
    # Lists of fired rules of every mix (tiers, outcomes, advisory, repeats), asked twice: the second from the memo.
    ids = sorted(engine.book.by_id)
    chosen = data.draw(st.lists(st.sampled_from(ids), max_size=7))
    views = [engine._views[i] for i in chosen]
    for _ in range(2):
        assert _plan_as_dict(engine._plan(views)) == _decided_as_written(views)


def test_the_plans_of_the_bundled_cases_items(engine: Engine) -> None:
    for path in CASES:
        case = load_case(path)
        _, items, derived = engine.derive(case)
        fired = engine._fire(derived, [d.values for d in derived], engine._views)
        for i in range(len(derived)):
            rules = fired.get(i, [])
            assert _plan_as_dict(engine._plan(rules)) == _decided_as_written(rules)


_FILL_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 12), st.floats(allow_nan=True, allow_infinity=False, width=16),
    st.sampled_from([1, 1.0, True, 0, 0.0, -0.0, False, "1", "1.0", "lumbar_spine", "lumbar spine", "yes", "", "a_b_c"]),
    st.lists(st.sampled_from(["opioid", "nsaid", "lumbar_spine", 1, 1.0, True]), max_size=3),
    st.sampled_from([("x",), {"a": 1}, [["nested"]]]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["{a} and {b}.", "Only {a}", "{b}{a} {a}", "{a}"]),
                          st.dictionaries(st.sampled_from(["a", "b"]), _FILL_VALUES)), min_size=1, max_size=6))
def test_a_remembered_sentence_is_the_one_its_values_fill(asks: list[tuple[str, dict[str, Any]]]) -> None:
    # Values alike but of other types (1, 1.0, True, "1") and repeated asks: each sentence as rendered afresh.
    for template, values in asks + asks[::-1]:
        assert _filled_sentence(template, values) == _sentence(_render(template, values))


_LINES = ["Post-op physical therapy 2x6", "postoperative cold therapy unit", "Pre-operative clearance", "Preop labs CBC",
          "Assistant surgeon", "FRP extension x 10 days", "Additional 6 sessions PT", "2 more weeks of FRP",
          "Norco 10/325 #90", "Continue Lyrica 75 mg", "Medical clearance with internist", "Inpatient stay 2 days",
          "PT after the surgery", "EKG", "Post surgical DME", ""]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_LINES), st.text(alphabet="adeilnoprstux- 0123456789", max_size=20)),
                min_size=1, max_size=8))
def test_a_request_lines_words_remembered_are_read_as_its_patterns_read_them(lines: list[str]) -> None:
    # Lines read once (post-op words, extension words, perioperative words) answer as the patterns do, asked again.
    from imr_engine.engine.derive import (
        _EXTENSION,
        _POSTOPERATIVE,
        _perioperative_care,
        _says_extension,
        _says_postoperative,
    )
    from imr_engine.engine.terminology import padded_words
    from imr_engine.requests.model import RequestedItem

    words = {"preop": ["clearance"], "none": []}
    other = DEFAULTS.model_copy(update={
        "perioperative": DEFAULTS.perioperative.model_copy(update={"words": words["preop"], "services": []})})
    item = RequestedItem(text="x", name="x", kind="office_visit", service="office_visit")
    for line in lines + lines[::-1]:
        assert _says_postoperative(line) == (_POSTOPERATIVE.search(line) is not None)
        assert _says_extension(line) == (_EXTENSION.search(line) is not None)
        assert _perioperative_care(line, item, DEFAULTS) == (
            item.service in DEFAULTS.perioperative.services or _perioperative_as_written(padded_words(line)))
        assert _perioperative_care(line, item, other) == (" clearance " in padded_words(line))


def test_the_case_views_findings_are_read_as_written_out(engine: Engine) -> None:
    # The (fact, accessor) rows against the findings named one by one, on each bundled case with its
    # findings given one, two and no quotes (two distinct quotes stay two; one stays the finding's own list).
    from imr_engine.engine.derive import _case_view
    from imr_engine.facts.model import Evidence

    for path in CASES:
        case = load_case(path)
        quotes = [Evidence(quote="first words", start=1, end=12), Evidence(quote="second words", start=20, end=32)]
        for n, finding in enumerate(f for part in (case.function, case.monitoring, case.exam, case.clinical)
                                    for f in (getattr(part, k) for k in type(part).model_fields)
                                    if hasattr(f, "evidence") and hasattr(f, "value")):
            finding.evidence = quotes[: n % 3]
        view = _case_view(case, resolve_as_of(case, None).date, engine.vocabulary)
        f, m, x = case.function, case.monitoring, case.exam
        written = {
            "objective_functional_improvement": f.objective_improvement, "subjective_improvement": f.subjective_improvement,
            "adl_improvement": f.adl_improvement, "returned_to_work": f.returned_to_work, "work_status": f.work_status,
            **{k: getattr(m, k) for k in ("cures_checked", "other_prescribers", "opioid_agreement", "side_effects",
                                          "aberrant_behavior", "pain_assessment")},
            "muscle_spasm": x.muscle_spasm, "trigger_points": x.trigger_points, "tenderness": x.tenderness,
            "neurological_deficit": x.neurological_deficit, "radiculopathy_on_exam": x.radiculopathy,
            "trigger_point_twitch_response": x.trigger_point_twitch_response,
            **{k: getattr(case.clinical, k) for k in type(case.clinical).model_fields},
        }
        for name, finding in written.items():
            assert view.values[name] == finding.value
            assert view.evidence[name] == finding.evidence
        names = list(view.values)
        assert names.index("work_status") < names.index("cures_checked") < names.index("muscle_spasm")


def _ev_as_written(*sources: Any) -> list[Any]:
    """The quotes of *sources*, each (quote, source, start, end) once, in order: the plain form of `_ev`."""
    out, seen = [], set()
    for s in sources:
        if s is not None:
            for e in s.evidence:
                key = (e.quote, e.source, e.start, e.end)
                if key not in seen:
                    seen.add(key)
                    out.append(e)
    return out


_QUOTES = st.builds(
    dict, quote=st.sampled_from(["Norco 10 mg", "Soma", "pain 7/10"]),
    source=st.sampled_from(["summary", "rationale"]), start=st.sampled_from([None, 3, 40]), end=st.sampled_from([None, 9]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.none(), st.lists(st.integers(0, 5), max_size=4)), max_size=5),
       st.lists(_QUOTES, min_size=6, max_size=6))
def test_the_quotes_of_several_findings_are_each_once_in_order(shapes: list[list[int] | None], quotes: list[dict[str, Any]]) -> None:
    # Sources sharing quote objects, quotes alike in value, the same words at other offsets: the same objects in order.
    from imr_engine.engine.derive import _ev
    from imr_engine.facts.model import Evidence, Finding

    pool = [Evidence(**q) for q in quotes]
    sources = [None if shape is None else Finding(value="yes", evidence=[pool[i] for i in shape]) for shape in shapes]
    got, want = _ev(*sources), _ev_as_written(*sources)
    assert [id(e) for e in got] == [id(e) for e in want]


def test_a_surgerys_course_remembered_per_name_is_the_tables_course_for_that_name(engine: Engine) -> None:
    # Every service of the postsurgical table, named by each variant's words, by other words and by none:
    # the remembered course is the one `for_name` reads anew (the same figures, asked twice).
    terminology: Any = engine.vocabulary
    table = terminology._postsurgical
    assert table
    for service, course in table.items():
        names = [None, "", "knee", "right shoulder arthroscopy", "status post surgery"]
        names += [w for variant in course.variants for w in variant.words]
        names += [f"left {w} with repair" for variant in course.variants for w in variant.words]
        for name in names:
            want = course.for_name(name)
            assert terminology.postsurgical_course(service, name) == want
            assert terminology.postsurgical_course(service, name) == want
            assert terminology.postsurgical_course(service, name).visits == want.visits
    assert terminology.postsurgical_course("no_such_service", "knee") is None


def test_a_trace_entry_is_its_rule_written_out(engine: Engine) -> None:
    # Each fired rule of the bundled cases' answers (decisive and not) against a FiredRule validated from the
    # rule book's own fields: the same values, the fields in the model's order and all of them set.
    from imr_engine.engine.determination import FiredRule

    seen = {False: 0, True: 0}
    for path in CASES:
        for d in engine.evaluate(load_case(path)).items:
            for fired in d.rules:
                rule = engine.book.by_id[fired.rule_id]
                written = FiredRule(
                    rule_id=rule.id, title=rule.title, question=rule.question, outcome=rule.outcome,
                    tier="MTUS" if rule.tier == 1 else "non-MTUS", decisive=fired.decisive,
                    citation=rule.guideline.as_citation().model_copy(
                        update={"generation": d.generation.title if d.generation else None}),
                    citation_label=rule.guideline.label() + (f"; generation: {d.generation.title}" if d.generation else ""),
                    facts=fired.facts,
                )
                assert fired.model_dump_json() == written.model_dump_json()
                assert list(fired.__dict__) == list(FiredRule.model_fields)
                assert fired.model_fields_set == set(FiredRule.model_fields)
                seen[fired.decisive] += 1
    assert seen[False] > 5 and seen[True] > 5


_EVIDENCE_SOURCES = st.lists(st.sampled_from(["summary", "rationale", "request"]), max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(["unknown", "yes", "no", None, 0, 0.0, 3]),
                 st.lists(st.sampled_from(["opioid", "nsaid"]), max_size=2)), _EVIDENCE_SOURCES)
def test_a_fact_leans_on_the_rationale_when_only_a_rationale_says_something(value: Any, sources: list[str]) -> None:
    # The plain form: something said (not unknown, None or []) and every quote the rationale's.
    from imr_engine.engine.evaluate import leans_on_rationale
    from imr_engine.facts.model import Evidence

    evidence = [Evidence(quote="words", source=s) for s in sources]
    said = value not in ("unknown", None, [])
    assert leans_on_rationale(value, evidence) == (said and bool(sources) and all(s == "rationale" for s in sources))


_PLACEHOLDER_VALUES = st.one_of(
    st.none(), st.booleans(), st.sampled_from([0, 1, 2, 30, 1.0, 2.5, 30.0]),
    st.sampled_from(["yes", "no", "unknown", "chronic", "Norco 10/325 #60"]),
    st.lists(st.sampled_from(["opioid", "nsaid", 1, 1.0]), max_size=3),
)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_remembered_rationale_is_the_one_its_rules_and_values_compose(engine: Engine, data: st.DataObject) -> None:
    # Rules of the book with placeholders, their values alike in all but type (1, 1.0, True), asked again and
    # again in random order: each paragraph is what `compose_rationale` writes for those rules and values.
    from imr_engine.engine.explain import Rationales, compose_rationale
    from imr_engine.rulebook.templates import _PLACEHOLDER

    named = [r for r in engine.book.rules if _PLACEHOLDER.search(r.statement + r.rationale)]
    rules = data.draw(st.lists(st.sampled_from(named), min_size=1, max_size=3, unique_by=lambda r: r.id))
    names = sorted({n for r in rules for t in (r.statement, r.rationale) for n in _PLACEHOLDER.findall(t)})
    remembered = Rationales(rules)
    for _ in range(4):
        values = {n: data.draw(_PLACEHOLDER_VALUES) for n in names}
        necessary = data.draw(st.booleans())
        request = data.draw(st.sampled_from(["Norco 10/325 #60", "PT x 8"]))
        for _ in range(2):
            assert remembered.compose(request, necessary, values) == compose_rationale(rules, request, necessary, values)
