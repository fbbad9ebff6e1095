"""Placeholder: being written (see issue 2)."""

from knowledge.manifest import Document
from knowledge.records import TariffRow


def parse_pdf_tariffs(text: str, document: Document) -> list[TariffRow]:
    return []
