"""The minimum staffing-norm table of the rules annex (003), read from a bad PDF conversion.

The position column is cut into fragments of a few letters ("Директ" / "ордың " / "е г і  "), and a row's values
sit on one line after it ("- - 1 1 1 1 1 1 1 1 1"), or a few values then one merged cell ("- 0,5 0,5 мекемеге 1
бірлік"). A long merged cell is a paragraph of its own: after its values ("-" on the line before it, or after the last
piece of the position: "ер -"), or alone, spanning every column. `row_values` maps values to columns only where there
is no doubt.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from knowledge import SOURCES_DIR
from knowledge.ingest.repair import clean

_INDENT = re.compile(r"^ {4,}\S")
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


def vocabulary_digest() -> str:
    """A hash of the prose vocabulary: a staffing table parsed under one is parsed the same under an equal one."""
    return hashlib.sha256("\n".join(sorted(_vocabulary())).encode()).hexdigest()


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


def split_position(fragments: list[str], notes: dict[str, str]) -> tuple[str, str]:
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


def _cells(block: list[tuple[int, str]]) -> tuple[list[str], str, bool]:
    """A value block's leading column values, the merged text after them, and whether that text begins on the values'
    line (then a count before it may be the text's own: "- 0,5 0,5 50 қызмет алушыға 1 бірлік")."""
    first = block[0][1].split()
    values = []
    while first and _VALUE.match(first[0]):
        values.append(first.pop(0))
    return values, clean(" ".join(first + [text for _, text in block[1:]])), bool(first)


def row_values(row: _Row, width: int) -> tuple[list[str] | None, str]:
    """The row's value per column, or None with the reason it cannot be read without guessing."""
    if not row.blocks:
        return None, "no values"
    values, merged, beside = _cells(row.blocks[0])
    if row.stray:
        # A row printed in pieces (a blank line or a page break between them) is read only when its order is not in
        # doubt: values only in one piece, text only in the other. Values always come before the merged cell in this
        # table ("-" / "мекемеге 1 бірлік" / ... / "-": the "-" is the first column), whichever was printed first.
        pieces = [(values, merged)] + [_cells(block)[:2] for block in row.stray]
        counts = [v for v, _ in pieces if v]
        texts = [t for _, t in pieces if t]
        if len(pieces) != 2 or len(counts) != 1 or len(texts) != 1 or any(v and t for v, t in pieces):
            return None, "values or merged text outside the value line (page break)"
        values, merged, beside = counts[0], texts[0], False
    if not merged:
        if len(values) != width:
            return None, f"{len(values)} values for {width} columns"
        return values, ""
    if not values:  # a merged cell alone in its row spans every column (its lines are the widest of the table)
        return [merged] * width, ""
    if len(values) >= width:
        return None, "too many values"
    if beside and values[-1] != "-" and not merged.casefold().startswith(_PER_INSTITUTION):
        return None, "a count before the merged cell may belong to it"
    return values + [merged] * (width - len(values)), ""


def parse_table(lines: list[str], start: int, end: int) -> tuple[str, list[str], list[_Section], dict[str, str]]:
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


def _is_value_line(line: str) -> bool:
    return all(_VALUE.match(token) for token in line.split())


def _is_fragment_block(block: list[tuple[int, str]], notes: dict[str, str]) -> bool:
    """Pieces of the narrow position column: short lines of words ("0,75 га ", "емес)"), or footnote marks after
    them. A block of numbers alone is values: marks follow the words they mark ("дәрігер" / "4,5")."""
    if all(_is_value_line(line) for _, line in block):
        return False
    return all(len(line.strip()) <= 12 and (not _is_value_line(line) or _is_position_tail(line.strip(), notes))
               for _, line in block)


_TRAILING_DASH = re.compile(r"^(.*\S)\s+-\s*$")  # "ер -": the first column's "-" printed beside the position's end


def _assign_blocks(row: _Row, notes: dict[str, str]) -> None:
    """Blank-separated blocks of a row → position fragments, the value block, and stray blocks (page breaks)."""
    blocks = list(row.blocks)
    if not row.named and blocks:
        fragments = blocks.pop(0)
        last = _TRAILING_DASH.match(fragments[-1][1])
        if last and blocks and not _cells(blocks[0])[0]:  # the value block itself starts with no value
            number, text = blocks[0][0]
            fragments = fragments[:-1] + [(fragments[-1][0], last.group(1))]
            blocks[0] = [(number, "- " + text)] + blocks[0][1:]
        row.fragments.extend(line for _, line in fragments)
    values = blocks[:1]
    for later in blocks[1:]:
        if _is_fragment_block(later, notes):
            row.fragments.extend(line for _, line in later)
        else:
            row.stray.append(later)
    row.blocks = values
