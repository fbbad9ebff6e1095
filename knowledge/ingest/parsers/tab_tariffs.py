"""Tariff tables in the "tab" layout (002, Bäyterek): each cell is opened by a line holding only a tab.

Layout as converted from the decree's annex:

    <blank>          row ends with a blank line after its last cell
    \\t               cell opener
    12               item number
    \\t
    service text     one or more lines
    \\t
    position
    \\t
    742,5            the one rate of the row
    <blank>

A section header is a row of an empty cell and one text cell (the merged category cell).
Columns are mapped from the header row ("№", "Қызмет түрлері", "Лауазымы", "... құны ... теңге"), so a reordered
table still reads right; anything that does not fit the expected shape is kept and flagged rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.domain import TariffRow
from knowledge.ingest.manifest import Document
from knowledge.ingest.repair import clean, join_cell


@dataclass
class Cell:
    lines: list[tuple[int, str]] = field(default_factory=list)  # (1-based line number, text)

    @property
    def content(self) -> list[tuple[int, str]]:
        return [(n, t) for n, t in self.lines if t.strip()]

    @property
    def text(self) -> str:
        return join_cell([t for _, t in self.lines])

    @property
    def raw(self) -> str:
        return "\n".join(t.strip() for _, t in self.content)


Row = list[Cell]

_ITEM = re.compile(r"^\d{1,3}$")
_RATE = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]?\d{3})*(?:[.,]\d+)?$|^\d+(?:[.,]\d+)?$")
_ANNEX_NO = re.compile(r"(\d+)\s*-?\s*қосымша|қосымша\s*№?\s*(\d+)", re.IGNORECASE)
_SPACED_DASH = re.compile(r"\s*-\s*(?=\S)|(?<=\S)\s*-\s+")
_UNIT_WORDS = (("day", ("күнде", "күніне", "тәулік")), ("month", ("айына", "бір айда", "айлық")))

# Which header cell names which column.
_COLUMN_KEYS = (("item", ("№",)), ("service", ("қызмет түр",)), ("position", ("лауазым",)), ("rate", ("құны", "теңге")))


def _is_cell_opener(line: str) -> bool:
    return "\t" in line and not line.strip()


def _split_rows(numbered: list[tuple[int, str]]) -> list[Row]:
    """Cells open at tab-only lines; a row ends at the blank line that follows its last cell, before the next opener."""
    rows: list[Row] = []
    row: Row = []
    for index, (number, line) in enumerate(numbered):
        if _is_cell_opener(line):
            row.append(Cell())
            continue
        if not row:
            continue  # text before the first cell opener
        cell = row[-1]
        next_line = numbered[index + 1][1] if index + 1 < len(numbered) else "\t"
        # an empty cell is one blank line; a second blank (or a blank after text) ends the row
        closes_row = not line.strip() and _is_cell_opener(next_line) and bool(cell.lines)
        if closes_row:
            rows.append(row)
            row = []
        else:
            cell.lines.append((number, line))
    if row:
        rows.append(row)
    return rows


def _parse_rate(text: str) -> float | None:
    text = clean(text).replace("\u00a0", "").replace(" ", "")
    if not text or not _RATE.match(text):
        return None
    return float(text.replace(",", "."))


def _unit_from(text: str) -> str | None:
    folded = clean(text).casefold()
    for unit, words in _UNIT_WORDS:
        if any(word in folded for word in words):
            return unit
    return None


def _column_map(header: Row) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        text = cell.text.casefold()
        for name, keys in _COLUMN_KEYS:
            # the number column is a cell of "№" alone; elsewhere "№" also appears in the annex heading
            hit = text in keys if name == "item" else any(key in text for key in keys)
            if name not in columns and hit:
                columns[name] = index
                break
    return columns


def _clean_category(text: str) -> str:
    # "Әлеуметтік –еңбек" and "Әлеуметтік – тұрмыстық" are the same kind of heading: one spacing for both.
    return _SPACED_DASH.sub(" - ", clean(text))


def _find_header(rows: list[Row]) -> int | None:
    for index, row in enumerate(rows):
        columns = _column_map(row)
        if {"item", "service", "position", "rate"} <= columns.keys():
            return index
    return None


def _annex_number(text: str, document: Document) -> int:
    match = _ANNEX_NO.search(text)
    if match:
        return int(match.group(1) or match.group(2))
    return document.annexes[0].number if len(document.annexes) == 1 else 1


def parse_tab_tariffs(text: str, document: Document) -> list[TariffRow]:
    """All tariff rows of a tab-layout tariff document, in source order."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    numbered = list(enumerate(lines, start=1))
    rows = _split_rows(numbered)
    header_index = _find_header(rows)
    if header_index is None:
        return []
    # Text before the "№" cell (the annex heading) runs into the header row: drop it.
    header = rows[header_index][_column_map(rows[header_index])["item"] :]
    columns = _column_map(header)
    header_start = header[0].lines[0][0] if header[0].lines else 1
    preamble = "\n".join(lines[: header_start - 1])

    annex_no = _annex_number(preamble, document)
    annex = document.annex(annex_no)
    heading_unit = _unit_from(header[columns["rate"]].text) or _unit_from(preamble[-400:])
    manifest_unit = annex.unit if annex and annex.unit else None
    unit = heading_unit or manifest_unit or "month"
    unit_flag = "unit_mismatch" if heading_unit and manifest_unit and heading_unit != manifest_unit else ""
    setting = annex.setting if annex and annex.setting else ""

    result: list[TariffRow] = []
    category = ""
    last: TariffRow | None = None
    for row in rows[header_index + 1 :]:
        texts = [cell.text for cell in row]
        if not any(texts):
            continue
        item_text = texts[columns["item"]] if columns["item"] < len(texts) else ""
        filled = [t for t in texts if t]
        if not _ITEM.match(item_text):
            if len(filled) == 1 and _parse_rate(filled[0]) is None:
                category = _clean_category(filled[0])  # merged section-header cell
                continue
            # A row without an item number: another position of the item above, or something we cannot place.
            tariff = _continuation(row, texts, last, columns)
            if tariff:
                result.append(tariff)
            continue
        reasons = [unit_flag] if unit_flag else []
        if len(row) != len(header):
            reasons.append("row_layout")
        service_cell = row[columns["service"]] if columns["service"] < len(row) else Cell()
        position = texts[columns["position"]] if columns["position"] < len(texts) else ""
        rate_text = texts[columns["rate"]] if columns["rate"] < len(texts) else ""
        rate = _parse_rate(rate_text)
        if not rate_text:
            reasons.append("no_rates")
        elif rate is None:
            reasons.append("bad_rate")
        if not position:
            reasons.append("no_position")
        if setting == "":
            reasons.append("no_setting")
        spans = [n for cell in row for n, _ in cell.content]
        last = TariffRow(
            document=document.id,
            jurisdiction=document.jurisdiction,
            setting=setting,
            annex=annex_no,
            category=category,
            item=int(item_text),
            service=service_cell.text,
            position=position,
            rate=rate,
            unit=unit,
            line_start=min(spans),
            line_end=max(spans),
            flagged=bool(reasons),
            flag_reason=",".join(reasons),
            service_raw=service_cell.raw,
        )
        result.append(last)
    return result


def _continuation(row: Row, texts: list[str], last: TariffRow | None, columns: dict[str, int]) -> TariffRow | None:
    """A further position of the item above (merged item/service cells); always flagged, since it is inferred."""
    filled = [t for t in texts if t]
    if last is None or len(filled) != 2 or _parse_rate(filled[1]) is None:
        return None
    spans = [n for cell in row for n, _ in cell.content]
    return TariffRow(
        document=last.document,
        jurisdiction=last.jurisdiction,
        setting=last.setting,
        annex=last.annex,
        category=last.category,
        item=last.item,
        service=last.service,
        position=filled[0],
        rate=_parse_rate(filled[1]),
        unit=last.unit,
        line_start=min(spans),
        line_end=max(spans),
        flagged=True,
        flag_reason="position_continuation",
        item_inferred=True,
        service_raw=last.service_raw,
    )
