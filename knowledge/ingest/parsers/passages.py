"""Citable passages of the tariff decrees: the decree's own numbered paragraphs and one passage per tariff row.

(The rules and criteria parsers split 003 and 004 themselves; this covers what the table parsers do not.)
"""

from __future__ import annotations

import re

from knowledge.domain import Passage, TariffRow
from knowledge.ingest.manifest import Document
from knowledge.ingest.repair import clean, join_cell

_PARAGRAPH = re.compile(r"^\s{2,}(\d+)\.\s")
_INDENTED = re.compile(r"^\s{2,}[А-ЯӘІҢҒҮҰҚӨҺЁ]")  # "      Облыс әкімі ...": a capitalised line opens the signature
_ANNEX_HEADING = re.compile(r"қосымша\s*$", re.IGNORECASE)


def decree_paragraphs(text: str, document: Document) -> list[Passage]:
    """The numbered paragraphs of the decree body (before the first annex), plus its preamble as item "preamble"."""
    passages: list[Passage] = []
    label, start, lines = "preamble", 1, []

    def close(end: int) -> None:
        if any(line.strip() for line in lines):
            passages.append(Passage(document=document.id, annex=None, item=label, kind="paragraph",
                                    text=join_cell(lines), line_start=start, line_end=end))

    for number, line in enumerate(text.splitlines(), start=1):
        if _ANNEX_HEADING.search(line.strip()):
            break
        match = _PARAGRAPH.match(line)
        if match:
            close(number - 1)
            label, start, lines = match.group(1), number, []
        elif _INDENTED.match(line) and label != "preamble":
            # An indented line without a number after the numbered paragraphs is the signature block.
            close(number - 1)
            label, lines = "signature", []
        if label != "signature":
            lines.append(line)
    else:
        number += 1
    close(number - 1)
    return passages


def tariff_passages(rows: list[TariffRow]) -> list[Passage]:
    """One passage per tariff row, so free-text search finds services too (and cites annex and item)."""
    return [Passage(document=row.document, annex=row.annex, item=str(row.item), kind="tariff",
                    text=clean(f"{row.service} — {row.position}"), title=row.category,
                    line_start=row.line_start, line_end=row.line_end,
                    extra={"setting": row.setting, "jurisdiction": row.jurisdiction})
            for row in rows]
