"""Placeholder: being written (see issue 2)."""

from knowledge.manifest import Document
from knowledge.records import ChecklistItem, Criterion, Passage


def parse_criteria(text: str, document: Document) -> tuple[list[Criterion], list[ChecklistItem], list[Passage]]:
    return [], [], []
