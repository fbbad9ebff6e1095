"""Tariff tables of the PDF-converted decrees (layout "pdf" in the manifest): one TariffRow per (annex, item, position).

The PDF conversion prints each table row as blocks of lines separated by blank lines: the item number
("7." in `000`, "7" in `001`), the wrapped service cell, then one block per position (the job title, wrapped)
with its rates at the end of the title or on the next block. Page breaks (three or more blank lines) cut rows:
the item number then sits after the break (it was vertically centred in the cell), the service name continues
after the break, and a position's two rates may be printed on both sides of the break.

Telling the service cell from the position cell needs to know the job titles: they are listed in `data/positions.toml`
as printed in these decrees (titles are a short closed list, rates are not). Matching ignores spacing and
punctuation, so wrapped or letter-spaced titles match too. A text block followed by rates that is not a
known title is kept as a position but flagged `unknown_position`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.domain import TariffRow
from knowledge.ingest.manifest import Annex, Document
from knowledge.ingest.parsers.positions import position_key, positions_by_key, russian_positions
from knowledge.ingest.repair import join_cell

_NUMBER = r"\d+(?:[.,]\d+)?"
_RATES_LINE = re.compile(rf"^\s*({_NUMBER})(?:\s+({_NUMBER}))?\s*$")
_TRAILING_RATES = re.compile(rf"^(.*?\S)\s+({_NUMBER})(?:\s+({_NUMBER}))?\s*$")
_ITEM = re.compile(r"^\s*(\d{1,3})(\.)?(?:\s+(\D.*?))?\s*$")
_CATEGORY = re.compile(r"^\s*(Әлеуметтік-[^\W\d_]+ қызметтер[іи]?)\s*$")
_ANNEX_HEADING = re.compile(r"(?:^|\s)(\d+)-қосымша\s*$")
# Lines of the signature block printed above each annex heading ("... әкімдігінің ... қаулысына").
_FURNITURE = re.compile(r"^\s*$|қаулысына|әкімдігінің|облысы\s*$|жылғы\s")
_BREAK_BLANKS = 3  # a run of this many blank lines is a page break; rows are separated by one


def _number(text: str) -> float:
    return float(text.replace(",", "."))


@dataclass
class _Line:
    number: int  # 1-based source line
    text: str


@dataclass
class _Block:
    lines: list[_Line]
    after_break: bool  # a page break separates this block from the previous one
    segment: int  # page segment counter (increments at each break inside the annex)


@dataclass
class _Position:
    lines: list[_Line]
    name: str | None  # the printed title once complete; None while only a fragment was read
    rates: list[tuple[list[float], int, int]] = field(default_factory=list)  # (numbers of one line, segment, line)
    detached: bool = False  # its rates were printed before the title

    def count(self) -> int:
        return sum(len(numbers) for numbers, _, _ in self.rates)


@dataclass
class _Row:
    category: str
    segment: int  # page segment where the row began
    item: int | None = None
    item_inferred: bool = False
    service: list[_Line] = field(default_factory=list)
    positions: list[_Position] = field(default_factory=list)
    orphan_rates: list[tuple[list[float], int, int]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


def parse_pdf_tariffs(text: str, document: Document) -> list[TariffRow]:
    """All tariff rows of a PDF-layout tariff decree, annex by annex, in printed order."""
    lines = text.split("\n")
    rows: list[TariffRow] = []
    for annex, start, end in _annex_spans(lines):
        spec = document.annex(annex)
        if spec is None or spec.setting is None:
            continue
        body = [_Line(i + 1, lines[i]) for i in range(start, end)]
        rows.extend(_AnnexParser(document, spec).parse(body))
    return rows


def _annex_spans(lines: list[str]) -> list[tuple[int, int, int]]:
    """(annex number, first body line index, end index) for each "N-қосымша" heading; the body starts at the
    first category header after the heading and ends before the signature block of the next annex."""
    headings = [(i, int(m.group(1))) for i, line in enumerate(lines) if (m := _ANNEX_HEADING.search(line))]
    spans = []
    for n, (index, annex) in enumerate(headings):
        start = next((i for i in range(index + 1, len(lines)) if _CATEGORY.match(lines[i])), len(lines))
        end = headings[n + 1][0] if n + 1 < len(headings) else len(lines)
        while end > start and _FURNITURE.search(lines[end - 1]):
            end -= 1
        spans.append((annex, start, end))
    return spans


class _AnnexParser:
    """A small state machine over the blocks of one annex body."""

    def __init__(self, document: Document, spec: Annex) -> None:
        self.document = document
        self.spec = spec
        self.two_rates = spec.rates == "city_rural"
        self.rows: list[_Row] = []
        self.category = ""
        self.last_item = 0
        self.continuation = False  # the next service text continues the current row (after a break or number)

    # -- driving -------------------------------------------------------------------------------------------
    def parse(self, body: list[_Line]) -> list[TariffRow]:
        for block in self._segmented(body):
            self._block(block)
        self._close_pending(None)
        return [row for r in self.rows for row in self._emit(r)]

    def _segmented(self, body: list[_Line]) -> list[_Block]:
        """Blocks with the page segment each one starts in."""
        blocks: list[_Block] = []
        current: list[_Line] = []
        blanks = 0
        segment = 0
        after_break = False
        for line in body:
            if not line.text.strip():
                blanks += 1
                continue
            if blanks:
                if current:
                    blocks.append(_Block(current, after_break, segment))
                    current = []
                after_break = blanks >= _BREAK_BLANKS
                if after_break:
                    segment += 1
                blanks = 0
            elif not current:
                after_break = False
            current.append(line)
        if current:
            blocks.append(_Block(current, after_break, segment))
        return blocks

    @property
    def row(self) -> _Row | None:
        return self.rows[-1] if self.rows else None

    def _block(self, block: _Block) -> None:
        if block.after_break:
            self.continuation = True
        lines = list(block.lines)
        first = lines[0]
        if len(lines) == 1 and (m := _CATEGORY.match(first.text)):
            self._close_pending(None)
            self.category = join_cell([m.group(1)])
            self.continuation = False
            return
        if all(_RATES_LINE.match(line.text) for line in lines) and not self._is_item_line(first):
            for line in lines:
                self._rates(line, block.segment)
            return
        if (number := self._is_item_line(first)) is not None:
            self._item(number, first, block.segment)
            rest = _ITEM.match(first.text).group(3)
            lines = ([_Line(first.number, rest)] if rest else []) + lines[1:]
            if not lines:
                return
        self._text(lines, block.segment)

    def _is_item_line(self, line: _Line) -> int | None:
        m = _ITEM.match(line.text)
        if not m:
            return None
        number = int(m.group(1))
        if number not in (self.last_item + 1, self.last_item + 2):
            return None
        if not m.group(2) and not m.group(3):
            # A bare integer: an item number unless a position is still waiting for its rates.
            row = self.row
            if row and row.positions and self._wants_rates(row.positions[-1]):
                return None
        return number

    # -- events --------------------------------------------------------------------------------------------
    def _item(self, number: int, line: _Line, segment: int) -> None:
        row = self.row
        if row is not None and row.item is None:
            if segment > row.segment and number == self.last_item + 1:
                # The row began before a page break; its number was printed in the middle of the cell.
                row.item = number
                self.last_item = number
                row.lines.append(line.number)
                self.continuation = True
                return
            self._close_pending(number)
        new = _Row(self.category, segment, item=number)
        if number != self.last_item + 1:
            new.flags.append("item_sequence")
        new.lines.append(line.number)
        self.rows.append(new)
        self.last_item = number
        self.continuation = True

    def _close_pending(self, next_number: int | None) -> None:
        """A row that never got a printed number takes the next one in sequence, flagged."""
        row = self.row
        if row is None or row.item is not None:
            return
        row.item = self.last_item + 1
        row.item_inferred = True
        row.flags.append("item_inferred")
        self.last_item = row.item

    def _text(self, lines: list[_Line], segment: int) -> None:
        row = self.row
        # A title cut by a page break, completed by this block?
        if row and row.positions and row.positions[-1].name is None:
            pending = row.positions[-1]
            texts, numbers = self._strip_rates(lines)
            name = positions_by_key().get(position_key(" ".join(x.text for x in pending.lines + texts)))
            if name:
                pending.lines += texts
                pending.name = name
                row.lines += [x.number for x in lines]
                if numbers:
                    pending.rates.append((numbers, segment, lines[-1].number))
                self.continuation = False
                return
        service, position, numbers, fragment = self._split(lines)
        if service:
            self._service(service, segment)
        if position:
            self._position(position, numbers, fragment, segment, lines[-1].number)

    def _strip_rates(self, lines: list[_Line]) -> tuple[list[_Line], list[float]]:
        last = lines[-1]
        m = _TRAILING_RATES.match(last.text)
        if not m:
            return lines, []
        numbers = [_number(g) for g in m.group(2, 3) if g]
        return lines[:-1] + [_Line(last.number, m.group(1))], numbers

    def _split(self, lines: list[_Line]) -> tuple[list[_Line], list[_Line], list[float], bool]:
        """(service lines, position lines, rates, position is a fragment) of one text block."""
        for texts, numbers in ((*self._strip_rates(lines),), (lines, [])):
            words = [(line.number, word) for line in texts for word in line.text.split()]
            for start in range(len(words)):
                if position_key(" ".join(w for _, w in words[start:])) in positions_by_key():
                    return _regroup(words[:start]), _regroup(words[start:]), numbers, False
        # A title cut by a page break: the block is the start of a known title.
        key = position_key(" ".join(line.text for line in lines))
        if len(key) >= 6 and any(k.startswith(key) and k != key for k in positions_by_key()):
            return [], lines, [], True
        return lines, [], [], False

    def _service(self, lines: list[_Line], segment: int) -> None:
        row = self.row
        if row is None or (row.positions and not self.continuation):
            self._close_pending(None)
            row = _Row(self.category, segment)
            self.rows.append(row)
        row.service += lines
        row.lines += [x.number for x in lines]

    def _position(self, lines: list[_Line], numbers: list[float], fragment: bool, segment: int, end: int) -> None:
        row = self.row
        if row is None:
            row = _Row(self.category, segment, flags=["no_item"])
            self.rows.append(row)
        name = None if fragment else positions_by_key()[position_key(" ".join(x.text for x in lines))]
        position = _Position(lines, name)
        if numbers:
            position.rates.append((numbers, segment, end))
        elif row.orphan_rates and not row.positions:
            position.rates, row.orphan_rates = row.orphan_rates, []
            position.detached = True
        row.positions.append(position)
        row.lines += [x.number for x in lines]
        self.continuation = False

    def _rates(self, line: _Line, segment: int) -> None:
        m = _RATES_LINE.match(line.text)
        numbers = [_number(g) for g in m.group(1, 2) if g]
        row = self.row
        if row is None:
            return
        row.lines.append(line.number)
        if row.positions and self._wants_rates(row.positions[-1]):
            row.positions[-1].rates.append((numbers, segment, line.number))
        elif not row.positions:
            row.orphan_rates.append((numbers, segment, line.number))
        else:
            row.flags.append("extra_numbers")
        self.continuation = False

    def _wants_rates(self, position: _Position) -> bool:
        return position.count() < (2 if self.two_rates else 1)

    # -- output --------------------------------------------------------------------------------------------
    def _emit(self, row: _Row) -> list[TariffRow]:
        service_lines = [x.text for x in row.service]
        service = join_cell(service_lines)
        out = []
        positions = row.positions or [_Position([], None)]
        for position in positions:
            flags = list(row.flags)
            rates = self._rates_of(position, flags)
            if position.name is None:
                name = join_cell([x.text for x in position.lines])
                flags.append("unknown_position" if position.lines else "no_position")
            else:
                name = position.name
                if name in russian_positions():
                    flags.append("position_in_russian")
            if row.orphan_rates:
                flags.append("unassigned_numbers")
            if not service:
                flags.append("no_service")
            span = row.lines or [0]
            out.append(TariffRow(
                document=self.document.id,
                jurisdiction=self.document.jurisdiction,
                setting=self.spec.setting or "",
                annex=self.spec.number,
                category=row.category,
                item=row.item or 0,
                service=service,
                position=name,
                unit=self.spec.unit or "",
                line_start=min(span),
                line_end=max(span),
                flagged=bool(flags),
                flag_reason=",".join(dict.fromkeys(flags)),
                item_inferred=row.item_inferred,
                service_raw="\n".join(line.rstrip() for line in service_lines),
                **rates,
            ))
        return out

    def _rates_of(self, position: _Position, flags: list[str]) -> dict:
        groups = position.rates
        numbers = [n for group, _, _ in groups for n in group]
        if not numbers:
            flags.append("no_rates")
            return {}
        if position.detached:
            flags.append("rates_before_position")
        if not self.two_rates:
            if len(numbers) > 1:
                flags.append("too_many_numbers")
                return {}
            return {"rate": numbers[0]}
        if len(numbers) != 2:
            flags.append("missing_rate" if len(numbers) < 2 else "too_many_numbers")
            return {}
        if len(groups) == 1:
            return {"rate_city": numbers[0], "rate_rural": numbers[1]}
        (first, first_segment, _), (second, second_segment, _) = groups
        if second_segment > first_segment:
            # Printed on both sides of a page break: the number before the break is the rural rate
            # (checked against unsplit rows of the same position, e.g. `001` rural = city x 1.0314).
            flags.append("split_rates")
            return {"rate_city": second[0], "rate_rural": first[0]}
        flags.append("rates_order_unknown")
        if first[0] == second[0]:
            return {"rate_city": first[0], "rate_rural": second[0]}
        return {}


def _regroup(words: list[tuple[int, str]]) -> list[_Line]:
    """Words back into their source lines (for service_raw and line spans)."""
    lines: list[_Line] = []
    for number, word in words:
        if lines and lines[-1].number == number:
            lines[-1].text += " " + word
        else:
            lines.append(_Line(number, word))
    return lines
