"""Parse the order on risk-assessment criteria and inspection checklists (kind "criteria" in the manifest).

Three outputs:
- the criteria annex (content = "criteria" in the manifest): the risk criteria, each with its section and
  violation degree (өрескел / елеулі / болмашы);
- the checklist annexes (content = "checklist"): the inspection checklists (title as printed, numbered requirements);
- passages: the order's paragraphs (the amendments it makes, including the legal definitions of "елеулі
  бұзушылық" and "өрескел бұзушылық"), the criteria annex's headings, every criterion and every checklist requirement.

The text comes from a PDF conversion. Table rows are printed cell by cell: the row number, the wrapped text, then
the degree. A row broken by a page keeps its number and degree in one of its halves, so text can sit before its
number (the row started at the foot of a page) or after its degree (the row ends at the top of the next page).
Two independent cues decide which row such text belongs to, and they must agree or the parser refuses:
- a row's text begins with a capital letter, the tail of a broken cell does not;
- text printed before its number is followed by a page break, a broken tail is preceded by one.
Numbers must run 1, 2, 3... without gaps; each criterion must carry exactly one degree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.domain import ChecklistItem, Criterion, Passage
from knowledge.ingest.manifest import Document
from knowledge.ingest.parsers.criteria_order import DEGREE_BY_KK, CriteriaLayoutError, first_line, parse_order_body
from knowledge.ingest.repair import join_cell

_ANNEX_MARK = re.compile(r"^\s*(\d+)-қосымша\s*$")
_ROW_NUMBER = re.compile(r"^(\d{1,3})(?:\s+(\S.*))?$")
_TRAILING_DEGREE = re.compile(r"^(.*\S)\s+(" + "|".join(DEGREE_BY_KK) + r")\s*$")
_SECTION_NUMBER = re.compile(r"^(\d+)\.\s+")
_HEADING_MIN_WIDTH = 60  # table cells wrap at ~40 characters; a full-width line is a section heading row
_PAGE_BREAK_BLANKS = 2  # cells are separated by one blank line, pages by three




@dataclass
class _Chunk:
    """A run of non-blank lines; `first` is the 0-based index of its first line."""

    first: int
    lines: list[str]
    after_break: bool  # preceded by a page break


@dataclass
class _Row:
    number: int
    section: str
    text: list[tuple[int, str]] = field(default_factory=list)  # (0-based line index, line)
    spans: list[int] = field(default_factory=list)  # every line index the row uses, number and degree included
    degree_kk: str = ""
    filled: bool = False  # text seen after the number: later text is either a broken tail or the next row


def parse_criteria(text: str, document: Document) -> tuple[list[Criterion], list[ChecklistItem], list[Passage]]:
    lines = text.splitlines()
    annexes = _annex_regions(lines)
    holding = document.annexes_holding("criteria")
    if len(holding) != 1:
        raise CriteriaLayoutError(f"{document.file}: the manifest must mark one annex content = \"criteria\"")
    criteria_annex = holding[0].number
    if criteria_annex not in annexes:
        raise CriteriaLayoutError(f"{document.file}: criteria annex {criteria_annex} not found")
    criteria, annex_passages = _parse_criteria_annex(lines, annexes[criteria_annex], document, criteria_annex)
    checklist_items: list[ChecklistItem] = []
    for number in (a.number for a in document.annexes_holding("checklist")):
        if number not in annexes:
            raise CriteriaLayoutError(f"{document.file}: checklist annex {number} not found")
        checklist_items.extend(_parse_checklist(lines, number, annexes[number], document))
    passages = parse_order_body(lines, document) + annex_passages
    passages += [_criterion_passage(c) for c in criteria]
    passages += [_checklist_passage(item) for item in checklist_items]
    return criteria, checklist_items, passages


# --- annexes -------------------------------------------------------------------------------------------------------


def _annex_regions(lines: list[str]) -> dict[int, tuple[int, int]]:
    """Annex number -> (index of its last "N-қосымша" mark, index where the next annex begins).

    Each annex is headed twice ("... № 401 бұйрығына N-қосымша", then "... № 807 бірлескен бұйрығына N-қосымша");
    its content starts after the last mark.
    """
    marks: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        match = _ANNEX_MARK.match(line)
        if match:
            marks.setdefault(int(match[1]), []).append(index)
    numbers = sorted(marks)
    regions = {}
    for position, number in enumerate(numbers):
        end = marks[numbers[position + 1]][0] if position + 1 < len(numbers) else len(lines)
        regions[number] = (marks[number][-1], end)
    return regions


def _chunks(lines: list[str], start: int, end: int) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    blanks = 0
    for index in range(start, end):
        line = lines[index].rstrip()
        if not line.strip():
            blanks += 1
            continue
        if chunks and blanks == 0 and chunks[-1].first + len(chunks[-1].lines) == index:
            chunks[-1].lines.append(line)
        else:
            chunks.append(_Chunk(index, [line], blanks >= _PAGE_BREAK_BLANKS))
        blanks = 0
    return chunks


def _title_after(lines: list[str], mark: int, end: int) -> _Chunk:
    """The annex title: the first paragraph after its mark."""
    chunks = _chunks(lines, mark + 1, end)
    if not chunks:
        raise CriteriaLayoutError(f"line {mark + 1}: annex has no title")
    return chunks[0]


def _table_start(lines: list[str], start: int, end: int, last_header_line: str | None) -> int:
    """Index of the first line after the table header ("№ ..." and, for checklists, up to "келмейді")."""
    for index in range(start, end):
        if lines[index].strip().startswith("№"):
            if last_header_line is None:
                return index + 1
            for after in range(index, end):
                if lines[after].strip() == last_header_line:
                    return after + 1
    raise CriteriaLayoutError(f"line {start + 1}: table header not found")



# --- annex 1: criteria ----------------------------------------------------------------------------------------------


def _parse_criteria_annex(
    lines: list[str], region: tuple[int, int], document: Document, annex: int
) -> tuple[list[Criterion], list[Passage]]:
    mark, end = region
    heading = _title_after(lines, mark, end)
    title, after_title = join_cell(heading.lines), heading.first + len(heading.lines)
    start = _table_start(lines, after_title, end, None)
    # The table ends where the next annex's addressee block ("Қазақстан Республикасы / Ұлттық экономика ...") begins.
    stop = first_line(lines, start, end, lambda line: line.strip() == "Қазақстан Республикасы")
    rows, headings = _rows(lines, start, stop, with_degree=True)
    criteria = []
    for row in rows:
        if row.degree_kk not in DEGREE_BY_KK:
            raise CriteriaLayoutError(f"line {row.spans[0] + 1}: criterion {row.number} has no degree")
        criteria.append(
            Criterion(
                item=row.number,
                section=row.section,
                criterion=join_cell([line for _, line in row.text]),
                degree=DEGREE_BY_KK[row.degree_kk],
                degree_kk=row.degree_kk,
                document=document.id,
                annex=annex,
                line_start=min(row.spans) + 1,
                line_end=max(row.spans) + 1,
            )
        )
    passages = [
        Passage(document.id, annex, "", "paragraph", title, heading.first + 1, after_title,
                extra={"role": "title"})
    ]
    for label, heading, first, last in headings:
        passages.append(
            Passage(document.id, annex, label, "paragraph", heading, first + 1, last + 1, title=title,
                    extra={"role": "section"})
        )
    return criteria, passages


def _rows(lines: list[str], start: int, stop: int, with_degree: bool) -> tuple[list[_Row], list[tuple]]:
    """Table rows between `start` and `stop`, and the section headings met on the way (label, text, first, last)."""
    rows: list[_Row] = []
    headings: list[tuple[str, str, int, int]] = []
    section = ""
    pending: list[tuple[int, str]] = []  # a row's first text lines, printed before its number
    for chunk in _chunks(lines, start, stop):
        numbered = list(enumerate(chunk.lines, chunk.first))
        first = chunk.lines[0].strip()
        if with_degree and (len(first) > _HEADING_MIN_WIDTH or _SECTION_NUMBER.match(first)):
            if pending:
                raise CriteriaLayoutError(f"line {chunk.first + 1}: section heading inside an unnumbered row")
            raw = join_cell(chunk.lines)
            match = _SECTION_NUMBER.match(raw)
            section = raw[match.end():] if match else raw
            headings.append((match[1] if match else "", section, chunk.first, chunk.first + len(chunk.lines) - 1))
            continue
        number = _ROW_NUMBER.match(first)
        if number and int(number[1]) == len(rows) + 1:
            row = _Row(len(rows) + 1, section, spans=[chunk.first])
            if pending:
                if not chunk.after_break:
                    raise CriteriaLayoutError(
                        f"line {chunk.first + 1}: text before row {row.number} is not split from it by a page break"
                    )
                row.text.extend(pending)
                row.spans.extend(index for index, _ in pending)
                pending = []
            rows.append(row)
            if number[2]:
                row.text.append((chunk.first, number[2]))
                row.filled = True
            numbered = numbered[1:]
            if not numbered:
                continue
            _add_text(row, numbered, with_degree)
            continue
        if number and number[2] is None:
            raise CriteriaLayoutError(f"line {chunk.first + 1}: row number {first} out of sequence")
        if with_degree and len(chunk.lines) == 1 and first in DEGREE_BY_KK:
            if pending:
                raise CriteriaLayoutError(f"line {pending[0][0] + 1}: text and degree without a row number")
            _set_degree(rows, first, chunk.first)
            continue
        opens_row = first[:1].isupper()
        if pending:
            pending.extend(numbered)
        elif not rows or (opens_row and rows[-1].filled):
            if not rows:
                raise CriteriaLayoutError(f"line {chunk.first + 1}: text before the first row")
            pending = numbered
            if with_degree and _TRAILING_DEGREE.match(numbered[-1][1].strip()):
                raise CriteriaLayoutError(f"line {numbered[-1][0] + 1}: degree printed before its row number")
        else:
            if rows[-1].filled and not chunk.after_break:
                raise CriteriaLayoutError(
                    f"line {chunk.first + 1}: lower-case text after row {rows[-1].number} without a page break"
                )
            _add_text(rows[-1], numbered, with_degree)
    if pending:
        raise CriteriaLayoutError(f"line {pending[0][0] + 1}: text after the last row has no number")
    for row in rows:
        if not row.text:
            raise CriteriaLayoutError(f"line {row.spans[0] + 1}: row {row.number} has no text")
    return rows, headings


def _add_text(row: _Row, numbered: list[tuple[int, str]], with_degree: bool) -> None:
    """Add a cell's lines to a row; a degree printed at the end of the last line goes to the degree column."""
    last_index, last = numbered[-1]
    trailing = _TRAILING_DEGREE.match(last.strip()) if with_degree else None
    if trailing:
        numbered = numbered[:-1] + [(last_index, trailing[1])]
    row.text.extend(numbered)
    row.spans.extend(index for index, _ in numbered)
    row.filled = True
    if trailing:
        _set_degree([row], trailing[2], last_index)


def _set_degree(rows: list[_Row], degree_kk: str, index: int) -> None:
    if not rows:
        raise CriteriaLayoutError(f"line {index + 1}: degree before the first row")
    if rows[-1].degree_kk:
        raise CriteriaLayoutError(f"line {index + 1}: second degree for row {rows[-1].number}")
    rows[-1].degree_kk = degree_kk
    rows[-1].spans.append(index)


# --- annexes 2..7: checklists ---------------------------------------------------------------------------------------


def _parse_checklist(lines: list[str], annex: int, region: tuple[int, int], document: Document) -> list[ChecklistItem]:
    mark, end = region
    heading = _title_after(lines, mark, end)
    title = join_cell(heading.lines)
    start = _table_start(lines, heading.first + len(heading.lines), end, "келмейді")
    stop = first_line(lines, start, end, lambda line: line.strip().startswith("Лауазымды адам"))
    rows, _ = _rows(lines, start, stop, with_degree=False)
    if not rows:
        raise CriteriaLayoutError(f"line {start + 1}: checklist annex {annex} has no requirements")
    return [
        ChecklistItem(
            document=document.id,
            annex=annex,
            title=title,
            item=row.number,
            requirement=join_cell([line for _, line in row.text]),
            line_start=min(row.spans) + 1,
            line_end=max(row.spans) + 1,
        )
        for row in rows
    ]


# --- search passages ------------------------------------------------------------------------------------------------


def _criterion_passage(criterion: Criterion) -> Passage:
    return Passage(
        document=criterion.document,
        annex=criterion.annex,
        item=str(criterion.item),
        kind="criterion",
        text=criterion.criterion,
        line_start=criterion.line_start,
        line_end=criterion.line_end,
        title=criterion.section,
        extra={"degree": criterion.degree, "degree_kk": criterion.degree_kk},
    )


def _checklist_passage(item: ChecklistItem) -> Passage:
    return Passage(
        document=item.document,
        annex=item.annex,
        item=str(item.item),
        kind="checklist",
        text=item.requirement,
        line_start=item.line_start,
        line_end=item.line_end,
        title=item.title,
    )
