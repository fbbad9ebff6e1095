"""Parse `004`, the 2022 joint order No. 401 / No. 69 on risk-assessment criteria and inspection checklists.

Three outputs:
- annex 1: the 90 risk criteria, each with its section and violation degree (өрескел / елеулі / болмашы);
- annexes 2..7: the inspection checklists (title as printed, numbered requirements);
- passages: the order's paragraphs (the amendments it makes, including the legal definitions of "елеулі
  бұзушылық" and "өрескел бұзушылық"), annex 1's headings, every criterion and every checklist requirement.

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
from collections.abc import Callable
from dataclasses import dataclass, field

from knowledge.domain import DEGREE_KK, ChecklistItem, Criterion, Passage
from knowledge.ingest.manifest import Document
from knowledge.ingest.repair import join_cell

DEGREE_BY_KK = {kk: degree for degree, kk in DEGREE_KK.items()}
CRITERIA_ANNEX = 1
CHECKLIST_ANNEXES = range(2, 8)

_ANNEX_MARK = re.compile(r"^\s*(\d+)-қосымша\s*$")
_ROW_NUMBER = re.compile(r"^(\d{1,3})(?:\s+(\S.*))?$")
_TRAILING_DEGREE = re.compile(r"^(.*\S)\s+(" + "|".join(DEGREE_BY_KK) + r")\s*$")
_SECTION_NUMBER = re.compile(r"^(\d+)\.\s+")
_HEADING_MIN_WIDTH = 60  # table cells wrap at ~40 characters; a full-width line is a section heading row
_PAGE_BREAK_BLANKS = 2  # cells are separated by one blank line, pages by three

# The order's body: a paragraph starts on an indented line; amendment instructions are printed between them.
_INDENT = re.compile(r"^ {6,}\S")
_LABEL = re.compile(r'^"?(\d+(?:-\d+)?)([.)])\s')
_INSTRUCTION = re.compile(r"редакцияда жазылсын|мазмұндағы|толықтыр|^:")
_AMENDED_PARAGRAPH = re.compile(r"(\d+)-тармақ")
_DEFINITION = re.compile(r'^"?(?:\d+\)\s*)?(' + "|".join(DEGREE_BY_KK) + r")\s+бұзушылық")


class CriteriaLayoutError(ValueError):
    """The source does not have the layout this parser was checked against; the message says where."""


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
    criteria, annex_passages = _parse_criteria_annex(lines, annexes[CRITERIA_ANNEX], document)
    checklist_items: list[ChecklistItem] = []
    for number in CHECKLIST_ANNEXES:
        if number not in annexes:
            raise CriteriaLayoutError(f"{document.file}: checklist annex {number} not found")
        checklist_items.extend(_parse_checklist(lines, number, annexes[number], document))
    passages = _parse_order_body(lines, document) + annex_passages
    passages += [_criterion_passage(c, document) for c in criteria]
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
    if CRITERIA_ANNEX not in regions:
        raise CriteriaLayoutError("annex 1 (\"1-қосымша\") not found")
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


def _first_line(lines: list[str], start: int, end: int, test: Callable[[str], bool]) -> int:
    return next((index for index in range(start, end) if test(lines[index])), end)


# --- annex 1: criteria ----------------------------------------------------------------------------------------------


def _parse_criteria_annex(
    lines: list[str], region: tuple[int, int], document: Document
) -> tuple[list[Criterion], list[Passage]]:
    mark, end = region
    heading = _title_after(lines, mark, end)
    title, after_title = join_cell(heading.lines), heading.first + len(heading.lines)
    start = _table_start(lines, after_title, end, None)
    # The table ends where the next annex's addressee block ("Қазақстан Республикасы / Ұлттық экономика ...") begins.
    stop = _first_line(lines, start, end, lambda line: line.strip() == "Қазақстан Республикасы")
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
                annex=CRITERIA_ANNEX,
                line_start=min(row.spans) + 1,
                line_end=max(row.spans) + 1,
            )
        )
    passages = [
        Passage(document.id, CRITERIA_ANNEX, "", "paragraph", title, heading.first + 1, after_title,
                extra={"role": "title"})
    ]
    for label, heading, first, last in headings:
        passages.append(
            Passage(document.id, CRITERIA_ANNEX, label, "paragraph", heading, first + 1, last + 1, title=title,
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
    stop = _first_line(lines, start, end, lambda line: line.strip().startswith("Лауазымды адам"))
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


# --- the order's body -----------------------------------------------------------------------------------------------


@dataclass
class _Unit:
    """An indented line and the unindented lines wrapped under it."""

    first: int
    last: int
    lines: list[str]


def _parse_order_body(lines: list[str], document: Document) -> list[Passage]:
    """The order's paragraphs, from "БҰЙЫРАМЫЗ:" to the signatures, and the act's heading above them.

    An indented line opens a unit. Units that are amendment instructions ("... мынадай редакцияда жазылсын")
    become the title of the amended text that follows; unlabelled, unquoted units continue the previous paragraph
    (the indented bullets of a definition).
    """
    start = _first_line(lines, 0, len(lines), lambda line: line.strip() == "БҰЙЫРАМЫЗ:")
    if start == len(lines):
        raise CriteriaLayoutError("\"БҰЙЫРАМЫЗ:\" not found: the order's body is missing")
    signature = _first_line(lines, start, len(lines), lambda line: "____" in line)
    # The body ends where the first signature's paragraph ("Қазақстан Республикасы ... министрі ____") begins.
    stop = next(index for index in range(signature, start, -1) if _INDENT.match(lines[index]))
    heading = [line for line in lines[:start] if line.strip()]
    passages = [
        Passage(document.id, None, "", "paragraph", join_cell(heading), 1, start, extra={"role": "heading"})
    ] if heading else []

    units: list[_Unit] = []
    for index in range(start + 1, stop):
        line = lines[index]
        if not line.strip():
            continue
        if _INDENT.match(line) or not units:
            units.append(_Unit(index, index, [line]))
        else:
            units[-1].lines.append(line)
            units[-1].last = index

    order_paragraph = ""
    instruction = ""
    current: Passage | None = None
    current_lines: list[str] = []
    for unit in units:
        body = unit.lines[0].strip()
        label = _LABEL.match(body)
        quoted = body.startswith('"')
        if label and not quoted and label[2] == ".":
            order_paragraph, instruction = label[1], ""
        elif not label and not quoted and _INSTRUCTION.search(join_cell(unit.lines)):
            instruction, current = join_cell(unit.lines), None
            continue
        if label or quoted or current is None:
            item = (label[1] + (")" if label[2] == ")" else "")) if label else ""
            current_lines = []
            current = Passage(document.id, None, item, "paragraph", "", unit.first + 1, unit.last + 1,
                              title=instruction, extra={"order_paragraph": order_paragraph})
            if instruction:
                current.extra["amends"] = instruction
                amended = _AMENDED_PARAGRAPH.search(instruction)
                if amended:
                    current.extra["paragraph"] = amended[1]
            passages.append(current)
        current_lines.extend(unit.lines)
        current.text = join_cell(current_lines)
        current.line_end = unit.last + 1
    for passage in passages:
        definition = _DEFINITION.match(passage.text)
        if definition:
            passage.kind = "definition"
            passage.extra["degree"] = DEGREE_BY_KK[definition[1]]
    return passages


# --- search passages ------------------------------------------------------------------------------------------------


def _criterion_passage(criterion: Criterion, document: Document) -> Passage:
    return Passage(
        document=document.id,
        annex=CRITERIA_ANNEX,
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
