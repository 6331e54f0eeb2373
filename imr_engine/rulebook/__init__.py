"""The rule book: guideline criteria as YAML, validated when loaded."""

from .load import RuleBook, cached_rulebook, load_rulebook
from .model import GuidelineRef, Rule, RuleFile

__all__ = ["GuidelineRef", "Rule", "RuleBook", "RuleFile", "cached_rulebook", "load_rulebook"]
