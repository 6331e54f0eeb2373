"""The documentation checklist: per requested item, what the deciding rules read, what the note
documents of it, and which missing facts, documented together, would change the outcome."""

from .build import document_checklist, generation
from .model import Change, ChangeSet, Criterion, Guideline, ItemChecklist

__all__ = ["Change", "ChangeSet", "Criterion", "Guideline", "ItemChecklist", "document_checklist", "generation"]
