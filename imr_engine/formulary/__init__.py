"""The MTUS Drug Formulary (from 2018-01-01): whether a drug request needs prospective review."""

from .decide import Formulary, days_supply, is_compounded, load_formulary
from .model import FormularyAnswer

__all__ = ["Formulary", "FormularyAnswer", "days_supply", "is_compounded", "load_formulary"]
