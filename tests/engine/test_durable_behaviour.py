"""durable_rules behaviours the engine is designed around, pinned by tests.

Each test states one measured behaviour of durable_rules 2.0.28 (see
../shared/domain/DURABLE_RULES.md). If a future release changes one, the test
fails and the adapter's workaround can be revisited. These tests talk to the
library directly on purpose: they document the library, not our code.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import textwrap

import pytest
from durable import engine as durable_engine
from durable.lang import get_host

from imr_engine.engine.durable_adapter import CompiledRuleset
from imr_engine.errors import EngineError

_names = itertools.count()


def _ruleset(rules: dict[str, dict]) -> tuple[str, list[str]]:
    """Register a throwaway ruleset whose actions record rule ids; return (name, log)."""
    name = f"probe_{next(_names)}"
    log: list[str] = []

    def recorder(rule_id: str):
        def action(c):
            log.append(rule_id)

        return action

    get_host().set_rulesets({name: {rid: {"all": [{"m": expr}], "run": recorder(rid)} for rid, expr in rules.items()}})
    return name, log


def test_post_fires_only_first_matching_rule_but_assert_fact_fires_all() -> None:
    name, log = _ruleset({"a": {"x": 1}, "b": {"x": 1}})
    get_host().post(name, {"sid": "p", "x": 1})
    assert len(log) == 1
    log.clear()
    get_host().assert_fact(name, {"sid": "f", "x": 1})
    assert sorted(log) == ["a", "b"]


def test_unmatched_fact_raises_message_not_handled() -> None:
    name, _ = _ruleset({"a": {"x": 1}})
    with pytest.raises(durable_engine.MessageNotHandledException):
        get_host().assert_fact(name, {"sid": "u", "x": 2})


def test_one_unmatched_fact_stops_a_whole_batch_from_firing() -> None:
    name, log = _ruleset({"a": {"x": 1}})
    with pytest.raises(durable_engine.MessageNotHandledException):
        get_host().assert_facts(name, [{"sid": "b", "i": 0, "x": 1}, {"sid": "b", "i": 1, "x": 2}])
    assert log == []  # the matching fact did not fire either


def test_exception_in_action_is_stored_in_state_not_raised() -> None:
    name = f"probe_{next(_names)}"

    def failing(c):
        raise ValueError("boom")

    get_host().set_rulesets({name: {"r": {"all": [{"m": {"x": 1}}], "run": failing}}})
    state = get_host().assert_fact(name, {"sid": "e", "x": 1})
    assert "boom" in state["exception"]


@pytest.mark.parametrize("operator", ["$ne", "$in"])
def test_ne_and_in_are_not_operators(operator: str) -> None:
    value = {"x": 1} if operator == "$ne" else {"x": [1, 2]}
    with pytest.raises(Exception, match="202"):
        get_host().set_rulesets({f"probe_{next(_names)}": {"r": {"all": [{"m": {operator: value}}], "run": lambda c: None}}})


def test_neq_and_lt_never_match_an_absent_attribute() -> None:
    name, log = _ruleset({
        "neq": {"$neq": {"y": "a"}},
        "lt": {"$lt": {"n": 5}},
        "nex": {"$and": [{"x": 1}, {"$nex": {"y": 1}}]},
    })
    get_host().assert_fact(name, {"sid": "n", "x": 1})
    assert log == ["nex"]


def test_a_rule_that_is_only_nex_hangs_assert_fact() -> None:
    # Measured: a top-level $nex (alone or in a top-level $or) never returns. Our compiler
    # therefore always wraps a rule in $and with the effective-date test first.
    probe = textwrap.dedent(
        """
        from durable.lang import get_host
        get_host().set_rulesets({"h": {"r": {"all": [{"m": {"$nex": {"y": 1}}}], "run": lambda c: None}}})
        get_host().assert_fact("h", {"sid": "1", "x": 1})
        print("returned")
        """
    )
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=5)


def test_iall_never_matches_an_empty_list() -> None:
    name, log = _ruleset({"all_differ": {"$iall": {"xs": {"$neq": {"$i": "a"}}}}, "seen": {"$ex": {"k": 1}}})
    get_host().assert_fact(name, {"sid": "l", "k": 1, "xs": []})
    assert log == ["seen"]
    log.clear()
    get_host().assert_fact(name, {"sid": "l2", "k": 1, "xs": ["b"]})
    assert sorted(log) == ["all_differ", "seen"]


def test_identical_fact_twice_in_a_session_raises() -> None:
    name, _ = _ruleset({"a": {"x": 1}})
    get_host().assert_fact(name, {"sid": "d", "x": 1})
    with pytest.raises(durable_engine.MessageObservedException):
        get_host().assert_fact(name, {"sid": "d", "x": 1})


def test_registering_a_name_twice_fails_and_definitions_are_consumed() -> None:
    name = f"probe_{next(_names)}"
    definition = {"r": {"all": [{"m": {"x": 1}}], "run": lambda c: None}}
    get_host().set_rulesets({name: definition})
    assert "run" not in definition["r"]  # set_rulesets took the action out of our dict
    with pytest.raises(Exception, match="already registered"):
        get_host().set_rulesets({name: {"r": {"all": [{"m": {"x": 1}}], "run": lambda c: None}}})


def test_get_state_of_deleted_session_raises() -> None:
    name, _ = _ruleset({"a": {"x": 1}})
    get_host().assert_fact(name, {"sid": "g", "x": 1})
    get_host().delete_state(name, "g")
    with pytest.raises(Exception, match="309"):
        get_host().get_state(name, "g")


def test_session_cap_raises_memory_error_around_1022_live_sessions() -> None:
    # Run in a child process: past the cap the ruleset stays broken and cleanup can crash.
    probe = textwrap.dedent(
        """
        from durable.lang import get_host
        host = get_host()
        host.set_rulesets({"cap": {"r": {"all": [{"m": {"x": 1}}], "run": lambda c: None}}})
        for i in range(2000):
            try:
                host.assert_fact("cap", {"sid": str(i), "x": 1})
            except MemoryError:
                print(i, flush=True)  # flushed now: the interpreter may crash at exit
                break
        else:
            print("none", flush=True)
        """
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    first_failure = out.stdout.strip().splitlines()[0]
    assert first_failure != "none"
    assert 1000 <= int(first_failure) <= 1024


def test_more_than_fifteen_groups_in_a_rule_is_refused_with_error_113() -> None:
    # In a child process: a refused registration can leave the host corrupt (a later
    # delete_state was seen to segfault, depending on heap layout).
    probe = textwrap.dedent(
        """
        from durable.lang import get_host
        h = get_host()
        for n in (15, 16):
            rule = {"$and": [{"x": 0}] + [{"$or": [{"y": i}, {"z": i}]} for i in range(n - 1)]}
            try:
                h.set_rulesets({f"g{n}": {"r": {"all": [{"m": rule}], "run": lambda c: None}}})
                print(n, "ok", flush=True)
            except Exception as exc:
                print(n, "refused", exc, flush=True)
        """
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    lines = out.stdout.splitlines()
    assert lines[0] == "15 ok"
    assert lines[1].startswith("16 refused") and "113" in lines[1]


# --- our adapter's answers to those traps -------------------------------------------------


def test_adapter_retracts_its_facts_so_identical_cases_can_follow() -> None:
    rs = CompiledRuleset("retract", [("r", {"x": 1})])
    fact = {"item_index": 0, "x": 1}
    assert rs.matches([fact]) == [(0, "r")]
    assert rs.matches([fact]) == [(0, "r")]  # MessageObservedException if the first stayed


def test_adapter_survives_far_more_evaluations_than_the_session_cap() -> None:
    rs = CompiledRuleset("cap_ok", [("r", {"x": 1})])
    for _ in range(3000):
        assert rs.matches([{"item_index": 0, "x": 1}, {"item_index": 1, "x": 2}]) == [(0, "r")]


def test_adapter_fires_every_matching_rule_and_tolerates_unmatched_facts() -> None:
    rs = CompiledRuleset("all_rules", [("a", {"x": 1}), ("b", {"$gte": {"x": 1}}), ("c", {"x": 9})])
    assert sorted(rs.matches([{"item_index": 0, "x": 1}, {"item_index": 1, "x": 0}])) == [(0, "a"), (0, "b")]


def test_adapter_gives_each_rule_fired_the_item_of_the_fact_that_fired_it() -> None:
    # Several facts in one ask, several rules each, one fact between them firing none; and one fact at a time
    # through a ruleset that is sent only what its rules read (the item's index not among it).
    rules = [("a", {"x": 1}), ("b", {"$gte": {"x": 1}}), ("c", {"$lt": {"x": 1}})]
    facts = [{"item_index": 3, "x": 1}, {"item_index": 7, "x": 5}, {"item_index": 2, "y": 0}, {"item_index": 5, "x": 0}]
    want = [(3, "a"), (3, "b"), (5, "c"), (7, "b")]
    assert sorted(CompiledRuleset("several", rules).matches(facts)) == want
    one = CompiledRuleset("one_by_one", rules, memo_size=8)
    assert one._reads == ("x",)
    assert sorted(one.matches(facts)) == want
    assert sorted(one.matches(facts)) == want  # remembered answers: the same items


def test_adapter_reports_a_refused_expression_as_engine_error() -> None:
    with pytest.raises(EngineError, match="refused"):
        CompiledRuleset("bad", [("r", {"$in": {"x": [1]}})])


def test_adapter_refuses_facts_with_too_many_properties() -> None:
    rs = CompiledRuleset("wide", [("r", {"x": 1})])
    with pytest.raises(EngineError, match="properties"):
        rs.matches([{f"p{i}": i for i in range(300)} | {"item_index": 0}])


def test_adapter_raises_errors_that_durable_would_swallow() -> None:
    rs = CompiledRuleset("swallow", [("r", {"x": 1})])
    with pytest.raises(EngineError, match="action failed"):
        rs.matches([{"x": 1, "item_index": "not a number"}])
