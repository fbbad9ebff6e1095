"""A care plan as a spreadsheet (XLSX): one row per service with its rate, counts, sum and full citation (act,
annex, item, position, year), then the total and the warnings, every heading in the reader's language. Sums are
numeric cells holding the exact decimals (a department re-adds them in Excel and gets the same total)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from knowledge.answer.compose import label
from knowledge.answer.names import position_name
from knowledge.answer.plan import Plan, service_title

HEADINGS = ("sheet_number", "sheet_service", "position", "sheet_place", "sheet_unit", "sheet_rate", "sheet_count",
            "recipients", "sheet_amount", "source", "sheet_annex", "sheet_item", "sheet_year", "sheet_note")
WIDTHS = (5, 60, 30, 28, 28, 14, 10, 12, 16, 50, 9, 9, 8, 40)
MONEY = "#,##0.00"


def plan_xlsx(plan: Plan, lang: str) -> bytes:
    """The workbook's bytes (for a file or a Telegram upload)."""
    book = Workbook()
    sheet = book.active
    sheet.title = label("sheet_title", lang)[:31]
    sheet.append([label(key, lang) for key in HEADINGS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for number, line in enumerate(plan.lines, 1):
        t, citation = line.tariff, line.citation
        place = ", ".join(p for p in (t.get("jurisdiction_name"), label(t.get("setting") or "", lang)) if p)
        rate = line.rate
        note = "" if line.status == "counted" else label(f"plan_{line.status}", lang).format(n=number)
        if line.area and (t.get("rate_city") is not None or t.get("rate_rural") is not None):
            note = f"{label(line.area, lang)}. {note}" if note else label(line.area, lang)
        sheet.append([number, service_title(t, lang), position_name(t.get("position") or "", lang), place,
                      label(line.unit, lang),
                      rate, line.quantity, line.recipients, line.amount, citation.title, citation.annex,
                      citation.item, t.get("year"), note])
        for column in (6, 9):
            sheet.cell(row=sheet.max_row, column=column).number_format = MONEY
    total_row = sheet.max_row + 1
    sheet.cell(row=total_row, column=8, value=label("sheet_total", lang)).font = Font(bold=True)
    total = sheet.cell(row=total_row, column=9, value=plan.total)
    total.number_format, total.font = MONEY, Font(bold=True)
    notes = [*plan.warnings(lang), *([label("plan_mixed", lang)] if plan.mixed else [])]
    for offset, note in enumerate(notes, 2):
        sheet.cell(row=total_row + offset, column=2, value=note)
    for index, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    for row in sheet.iter_rows(min_row=2, max_row=total_row):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
