"""The 2021 amendments to the rules of special-social-service organisations (003): citable passages and staffing norms.

The text is a PDF conversion. The body is prose with paragraphs opened by an indent; the amended rule paragraphs are
quoted ('"7. ...";'). The annex is the minimum staffing-norm table of stationary organisations, converted badly:
the position column is cut into fragments of a few letters ("Директ" / "ордың " / "е г і  "), and a row's values
sit on one line after it ("- - 1 1 1 1 1 1 1 1 1"), or a few values then one merged cell ("- 0,5 0,5 мекемеге 1
бірлік"). Norms are produced only for rows whose values map to the columns without doubt (see `_row_values`);
every row, read or not, stays citable in the table passages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from knowledge import SOURCES_DIR
from knowledge.domain import Passage, StaffingNorm
from knowledge.ingest.manifest import Document
from knowledge.ingest.repair import clean, join_cell

_INDENT = re.compile(r"^ {4,}\S")
_QUOTED_PARAGRAPH = re.compile(r'^\s*"(\d+(?:-\d+)?)\.\s')
_QUOTED_SUBITEM = re.compile(r'^\s*"(\d+)\)\s')
_ORDER_PARAGRAPH = re.compile(r"^ {4,}(\d+)\.\s")
# A conversion moved the label to the end of the instruction line: "мынадай редакцияда жазылсын:7-тармақ".
_DISPLACED_LABEL = re.compile(r"^(.*?[:.])\s*(\d+(?:-\d+)?-(?:тармақтың|тармақ|қосымша))\s*$")
_SECTION = re.compile(r"нормативтер[іi]\s*$")
_ROW_START = re.compile(r"^(\d{1,3})(?:\s+(\S.*))?$")
_VALUE = re.compile(r"^(?:-|\d+(?:[.,]\d+)?)$")
_NOTE = re.compile(r"^\s*(\d)\s+[–-]\s+(.*)$")
_COLUMN = re.compile(r"(\d+)\s*-\s*(\d+)|(\d+)\s*-\s*ке\s+дейін|(\d+)\s*-\s*ден\s+артық")
_LATIN_I = re.compile(r"(?<=[а-яәіңғүұқөһ])i|i(?=[а-яәіңғүұқөһ])", re.IGNORECASE)
_WORD = re.compile(r"[а-яәіңғүұқөһё]+", re.IGNORECASE)
_PER_INSTITUTION = "мекемеге"  # "per institution": a merged cell that never takes a count before it


def _kk(text: str) -> str:
    """Latin "i" inside Kazakh words (old fonts) as Cyrillic "і", so names match their search keys."""
    return _LATIN_I.sub(lambda m: "І" if m.group(0).isupper() else "і", text)


def _collapse_spaced(fragment: str) -> str:
    """ "е г і  " → "егі"; other fragments unchanged."""
    tokens = fragment.split()
    if len(tokens) > 1 and all(len(t) == 1 for t in tokens) and sum(t.isalpha() for t in tokens) >= 2:
        return "".join(tokens)
    return fragment.strip()


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """Words of the prose lines of all sources; table fragments (short lines) are left out."""
    words: set[str] = set()
    for path in sorted(SOURCES_DIR.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if len(line.strip()) >= 25:
                words.update(w.casefold() for w in _WORD.findall(_kk(line)))
    return frozenset(words)


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    return frozenset(word[:n] for word in _vocabulary() for n in range(2, len(word) + 1))


_STANDALONE = {"мен", "кем", "бар", "жоқ", "бас", "аға", "және", "үшін", "емес"}  # short words that do stand alone in position names


def _continues(last: str, head: str) -> bool:
    """Whether the fragment `head` continues the word `last` (a narrow cell broke the word)."""
    if last.endswith("-") and head[:1].isalpha():
        return True  # "Ыдыс-" / "аяқ": a compound broken at its hyphen
    if not head or head[0].isdigit() or not last[-1:].isalpha():
        return False  # footnote marks and numbers stand apart
    joined = (last + head).casefold().strip("(),;")
    if joined in _prefixes():
        return True
    core = re.match(r"[^\W\d_]+", head)
    if core and len(core.group(0)) <= 4 and core.group(0).casefold() not in _STANDALONE:
        return True  # a word tail such as "ор", "шы", "тер"
    return last.casefold().strip("(),-") not in _vocabulary()


def join_fragments(fragments: list[str]) -> str:
    """Re-join a narrow table cell cut into pieces: a trailing space ends a word; otherwise the prose vocabulary
    decides whether the next piece continues the word or starts a new one."""
    words: list[str] = []
    open_word = False  # the last word may continue on the next fragment
    for raw in fragments:
        if not raw.strip():
            continue
        piece = _kk(_collapse_spaced(raw))
        ends_word = raw != raw.rstrip() or piece.endswith((",", ")", ";"))
        if open_word and words and not piece.startswith("("):
            head, _, rest = piece.partition(" ")
            if _continues(words[-1], head):
                words[-1] += head
                piece = rest
        if piece:
            words.extend(piece.split(" "))
        open_word = not ends_word
    return clean(" ".join(words)).replace("( ", "(").replace(" )", ")").replace(" ,", ",")


@dataclass
class _Row:
    item: str
    fragments: list[str] = field(default_factory=list)
    blocks: list[list[tuple[int, str]]] = field(default_factory=list)  # blank-separated blocks after the start
    line_start: int = 0
    line_end: int = 0
    named: bool = False  # the position cell is complete (name and values shared the number line)
    stray: list[list[tuple[int, str]]] = field(default_factory=list)  # value-like blocks after the value line


@dataclass
class _Section:
    title: str
    line_start: int
    rows: list[_Row] = field(default_factory=list)


def _notes(lines: list[str], start: int) -> dict[str, str]:
    """Numbered footnotes of the table ("1 – ..."), each with its wrapped lines."""
    notes: dict[str, str] = {}
    current = None
    for line in lines[start:]:
        if (m := _NOTE.match(line)):
            current = m.group(1)
            notes[current] = clean(m.group(2))
        elif current and line.strip() and not _INDENT.match(line):
            notes[current] = clean(notes[current] + " " + line)
        else:
            current = None
    return notes


def _columns(header_text: str, notes: dict[str, str]) -> list[str]:
    """Recipient-count column labels; a footnote mark glued to a range ("6-301") is split off when the note
    confirms it (note 1 speaks of "6-дан 30-ға дейін")."""
    labels = []
    for match in _COLUMN.finditer(header_text):
        low, high, upto, over = match.groups()
        if upto:
            labels.append(f"{upto}-ке дейін")
        elif over:
            labels.append(f"{over}-ден артық")
        else:
            label = f"{low}-{high}"
            for cut in range(1, len(high)):
                mark, bound = high[-cut:], high[:-cut]
                note = notes.get(mark, "")
                if re.search(rf"\b{low}-", note) and re.search(rf"\b{bound}-", note):
                    label = f"{low}-{bound} ({mark}-ескертпе)"
                    break
            labels.append(label)
    return labels


def _split_position(fragments: list[str], notes: dict[str, str]) -> tuple[str, str]:
    """Position name and its footnote marks ("Педиатр дәрігер", "2,3")."""
    text = join_fragments(fragments)
    marks = re.compile(r"(?<=\S)\s+(\d(?:\s*,\s*\d)*)(?=\s*\(|\s*$)")
    found = []
    for match in list(marks.finditer(text))[::-1]:
        digits = [d.strip() for d in match.group(1).split(",")]
        if all(d in notes for d in digits):
            found.insert(0, ",".join(digits))
            text = text[: match.start()] + text[match.end() :]
    return clean(text), ",".join(found)


def _row_values(row: _Row, width: int) -> tuple[list[str] | None, str]:
    """The row's value per column, or None with the reason it cannot be read without guessing."""
    if not row.blocks:
        return None, "no values"
    block = row.blocks[0]
    first = block[0][1].split()
    values = []
    while first and _VALUE.match(first[0]):
        values.append(first.pop(0))
    merged = clean(" ".join(first + [text for _, text in block[1:]]))
    if row.stray:
        return None, "values or merged text outside the value line (page break)"
    if not merged:
        if len(values) != width:
            return None, f"{len(values)} values for {width} columns"
        return values, ""
    if not values or len(values) >= width:
        return None, "text only, no column values" if not values else "too many values"
    if first and values[-1] != "-" and not merged.casefold().startswith(_PER_INSTITUTION):
        return None, "a count before the merged cell may belong to it"
    return values + [merged] * (width - len(values)), ""


def _parse_table(lines: list[str], start: int, end: int) -> tuple[str, list[str], list[_Section], dict[str, str]]:
    notes = _notes(lines, end)
    title = ""
    header: list[str] = []
    sections: list[_Section] = []
    row: _Row | None = None
    pending: list[str] = []  # fragments printed before their row number (page break)
    expected = 1
    block: list[tuple[int, str]] = []
    for number in range(start, end):
        line = lines[number - 1]
        text = line.strip()
        if not title:
            title = text if _SECTION.search(text) else ""
            continue
        if not sections and not _SECTION.search(text):
            header.append(_collapse_spaced(line))
            continue
        start_match = _ROW_START.match(text)
        if _SECTION.search(text) and not start_match:
            if row and block:
                row.blocks.append(block)
            sections.append(_Section(clean(text), number))
            row, block, pending = None, [], []
            continue
        if start_match and int(start_match.group(1)) == expected:
            if row and block:
                row.blocks.append(block)
            row, block = _Row(str(expected), fragments=pending, line_start=number, line_end=number), []
            pending = []
            sections[-1].rows.append(row)
            expected += 1
            rest = start_match.group(2) or ""
            split = re.match(r"^(\D*?)\s+((?:-|\d)(?:\s|[.,\d]).*|-)$", rest)
            if split:  # "Вахтер - - - 1 мекемеге 1 бірлік": name and values on the number line
                row.fragments.append(split.group(1) + " ")
                row.blocks.append([(number, split.group(2))])
                row.named = True
            elif rest:
                block.append((number, rest + (" " if line.endswith(" ") else "")))
            continue
        if row is None:
            if text:
                pending.append(line)
            continue
        if not text:
            if block:
                row.blocks.append(block)
                block = []
            continue
        row.line_end = number
        block.append((number, line))
    if row and block:
        row.blocks.append(block)
    for section in sections:
        for item in section.rows:
            _assign_blocks(item, notes)
    return title, _columns(" ".join(header), notes), sections, notes


def _is_position_tail(text: str, notes: dict[str, str]) -> bool:
    """A footnote mark line ("2,3") inside the position cell, not a value line."""
    return bool(re.fullmatch(r"\d(?:\s*,\s*\d)*", text)) and all(d.strip() in notes for d in text.split(","))


def _is_fragment_block(block: list[tuple[int, str]], notes: dict[str, str]) -> bool:
    """Pieces of the narrow position column: short lines of letters, or footnote marks."""
    return all(len(line.strip()) <= 12 and (not _VALUE.match(line.split()[0]) or _is_position_tail(line.strip(), notes))
               for _, line in block)


def _assign_blocks(row: _Row, notes: dict[str, str]) -> None:
    """Blank-separated blocks of a row → position fragments, the value block, and stray blocks (page breaks)."""
    blocks = list(row.blocks)
    if not row.named and blocks:
        row.fragments.extend(line for _, line in blocks.pop(0))
    elif row.named:
        blocks = blocks[:1] + blocks[1:]
    values = blocks[:1]
    for later in blocks[1:]:
        if _is_fragment_block(later, notes):
            row.fragments.extend(line for _, line in later)
        else:
            row.stray.append(later)
    row.blocks = values


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

    title, columns, sections, notes = _parse_table(lines, heading, notes_at)
    norms: list[StaffingNorm] = []
    skipped: list[str] = []
    for section in sections:
        rendered = []
        for row in section.rows:
            position, marks = _split_position(row.fragments, notes)
            values, reason = _row_values(row, len(columns))
            printed = " / ".join(clean(t) for block in row.blocks + row.stray for _, t in block)
            rendered.append(f"{row.item}. {position}" + (f" ({marks}-ескертпе)" if marks else "") + f": {printed}")
            if values is None:
                skipped.append(f"{row.item} {position}: {reason}")
                continue
            shown = position + (f" ({marks}-ескертпе)" if marks else "")
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
