"""Placeholder: being written (see issue 2)."""

from knowledge.manifest import Document
from knowledge.records import Passage, StaffingNorm


def parse_rules(text: str, document: Document) -> tuple[list[StaffingNorm], list[Passage]]:
    return [], []
