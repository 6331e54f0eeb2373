"""Single-fact tests as the checklist reads them: an equality on a number must not be read as a list test.

Regression: `holds` built every operator's answer at once, so `{is: 1}` on a number raised
TypeError ("argument of type 'int' is not iterable") and `imr qa` on a folder of notes ended
in a traceback.
"""

from __future__ import annotations

from imr_engine.checklist.facts import holds
from imr_engine.rulebook.conditions import Compare


def test_equality_on_a_number() -> None:
    leaf = Compare.model_validate({"fact": "prior_sessions", "is": 1})
    assert holds(leaf, 1) is True
    assert holds(leaf, 2) is False
    assert holds(leaf, None) is False


def test_inequality_and_list_tests() -> None:
    assert holds(Compare.model_validate({"fact": "route", "is_not": "topical"}), "oral") is True
    assert holds(Compare.model_validate({"fact": "route", "one_of": ["oral", "topical"]}), "oral") is True
    assert holds(Compare.model_validate({"fact": "route", "none_of": ["oral"]}), "oral") is False
