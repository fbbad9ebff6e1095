"""The 2021 amendments to the rules of special-social-service organisations (003): citable passages and staffing norms.

The text is a PDF conversion. The body is prose with paragraphs opened by an indent; the amended rule paragraphs are
quoted ('"7. ...";'). The annex is the minimum staffing-norm table of stationary organisations, converted badly:
the position column is cut into fragments of a few letters ("Директ" / "ордың " / "е г і  "), and a row's values
sit on one line after it ("- - 1 1 1 1 1 1 1 1 1"), or a few values then one merged cell ("- 0,5 0,5 мекемеге 1
бірлік"). Norms are produced only for rows whose values map to the columns without doubt (see `staffing_table.row_values`);
every row, read or not, stays citable in the table passages.
"""

from __future__ import annotations

import re

from knowledge.domain import AS_PRINTED, Passage, StaffingNorm
from knowledge.ingest.manifest import Document
from knowledge.ingest.parsers.staffing_table import parse_table, row_values, split_position
from knowledge.ingest.repair import clean, join_cell

_INDENT = re.compile(r"^ {4,}\S")
_QUOTED_PARAGRAPH = re.compile(r'^\s*"(\d+(?:-\d+)?)\.\s')
_QUOTED_SUBITEM = re.compile(r'^\s*"(\d+)\)\s')
_ORDER_PARAGRAPH = re.compile(r"^ {4,}(\d+)\.\s")
# A conversion moved the label to the end of the instruction line: "мынадай редакцияда жазылсын:7-тармақ".
_DISPLACED_LABEL = re.compile(r"^(.*?[:.])\s*(\d+(?:-\d+)?-(?:тармақтың|тармақ|қосымша))\s*$")
_SECTION = re.compile(r"нормативтер[іi]\s*$")


def _passage(document: Document, annex: int | None, item: str, kind: str, lines: list[tuple[int, str]],
             title: str = "", text: str | None = None, **extra) -> Passage:
    return Passage(
        document=document.id, annex=annex, item=item, kind=kind,
        text=text if text is not None else join_cell([t for _, t in lines]),
        line_start=lines[0][0], line_end=lines[-1][0], title=title, extra=extra,
    )


def _paragraphs(numbered: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Body paragraphs: an indented line opens one; wrapped lines and blank lines (page breaks) follow it."""
    paragraphs: list[list[tuple[int, str]]] = []
    for number, line in numbered:
        if _INDENT.match(line) or not paragraphs:
            paragraphs.append([])
        if line.strip():
            paragraphs[-1].append((number, line))
    return [p for p in paragraphs if p]


def _restore_label(text: str) -> str:
    match = _DISPLACED_LABEL.match(text)
    return f"{match.group(2)} {match.group(1)}" if match else text


def _body_passages(document: Document, lines: list[str], annex_start: int) -> list[Passage]:
    numbered = list(enumerate(lines[: annex_start - 1], start=1))
    order_start = next((n for n, line in numbered if line.strip().startswith("БҰЙЫРАМЫН")), 1)
    passages = [_passage(document, None, "preamble", "paragraph", [p for p in numbered[:order_start - 1] if p[1].strip()],
                         title="title and status")]
    instruction = ""
    rule: list[tuple[int, str]] | None = None
    rule_label = ("", "")
    order_item: list[tuple[int, str]] = []
    order_label = ""

    def close_order() -> None:
        if order_item:
            text = " ".join(_restore_label(join_cell([t for _, t in p])) for p in _paragraphs(order_item))
            passages.append(_passage(document, None, order_label, "paragraph", order_item, text=text))

    for paragraph in _paragraphs(numbered[order_start:]):
        first = paragraph[0][1]
        if rule is not None:
            rule.extend(paragraph)
        elif (m := _QUOTED_PARAGRAPH.match(first)) or (s := _QUOTED_SUBITEM.match(first)):
            label = m.group(1) if m else re.search(r"(\d+(?:-\d+)?)-тармақ", instruction).group(1)
            rule_label = (label, "" if m else s.group(1) + ")")
            rule = list(paragraph)
        elif (o := _ORDER_PARAGRAPH.match(first)) and not instruction.endswith(":"):
            close_order()
            order_item, order_label = list(paragraph), o.group(1)
            instruction = join_cell([t for _, t in paragraph])
            continue
        else:
            if first.strip()[:1].isupper():  # the signature block after the last order paragraph
                close_order()
                order_item, instruction = [], ""
                continue
            instruction = _restore_label(join_cell([t for _, t in paragraph]))
            if order_item:
                order_item.extend(paragraph)
            continue
        text = join_cell([t for _, t in rule])
        if text.rstrip().endswith(('";', '".', '"')) and rule[-1][1].rstrip().endswith(('";', '."', '";')):
            body = text.strip().lstrip('"').rstrip(";").rstrip('"').strip()
            subitems = [join_cell([t for _, t in p]) for p in _paragraphs(rule)]
            passages.append(_passage(document, None, rule_label[0], "rule", rule, title=instruction, text=body,
                                     subitem=rule_label[1], subitems=subitems))
            order_item.extend(rule)
            rule = None
    close_order()
    return passages


def parse_rules(text: str, document: Document) -> tuple[list[StaffingNorm], list[Passage]]:
    """Staffing norms of the annex table and citable passages of the whole document."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    heading = next((n for n, line in enumerate(lines, 1) if _SECTION.search(line) and "ең төмен" in line), None)
    notes_at = next((n for n, line in enumerate(lines, 1) if line.strip().startswith("Ескертпе")), len(lines) + 1)
    annex_start = next((n for n, line in enumerate(lines, 1) if re.search(r"бұйрығына қосымша", line)), heading or len(lines))
    annex_no = _annex_number(lines, annex_start, heading)
    passages = _body_passages(document, lines, annex_start)
    if heading is None:
        return [], passages

    title, columns, sections, notes = parse_table(lines, heading, notes_at)
    norms: list[StaffingNorm] = []
    skipped: list[str] = []
    for section in sections:
        rendered = []
        for row in section.rows:
            position, marks = split_position(row.fragments, notes)
            values, reason = row_values(row, len(columns))
            printed = " / ".join(clean(t) for block in row.blocks + row.stray for _, t in block)
            shown = position + (f" ({marks}-ескертпе)" if marks else "")
            rendered.append(f"{row.item}. {shown}: {printed}")
            if values is None:
                skipped.append(f"{row.item} {position}: {reason}")
                # the row as printed, in no column: its position can still be asked, and is answered with the
                # printed line and a caution instead of a figure picked by a guess
                norms.append(StaffingNorm(document=document.id, table=title, position=shown, recipients=AS_PRINTED,
                                          value=printed, item=row.item, line_start=row.line_start,
                                          line_end=row.line_end))
                continue
            norms.extend(
                StaffingNorm(document=document.id, table=title, position=shown, recipients=column, value=value,
                             item=row.item, line_start=row.line_start, line_end=row.line_end)
                for column, value in zip(columns, values, strict=True)
            )
        end = section.rows[-1].line_end if section.rows else section.line_start
        body = f"{section.title}. Қызмет алушылардың саны: {'; '.join(columns)}. " + " ".join(rendered)
        passages.append(Passage(document=document.id, annex=annex_no, item=section.title, kind="staffing_table",
                                text=clean(body), line_start=section.line_start, line_end=end, title=title,
                                extra={"rows": [r.item for r in section.rows]}))
    note_lines = [(n, lines[n - 1]) for n in range(notes_at, len(lines) + 1) if lines[n - 1].strip()]
    if note_lines:
        passages.append(_passage(document, annex_no, "Ескертпе", "paragraph", note_lines, title=title))
    if passages and skipped:
        passages[-1].extra["unread_rows"] = skipped
    return norms, passages


def _annex_number(lines: list[str], start: int, heading: int | None) -> int | None:
    for line in lines[start - 1 : (heading or start) - 1]:
        match = re.search(r"(\d+)-қосымша", line)
        if match:
            return int(match.group(1))
    return None
