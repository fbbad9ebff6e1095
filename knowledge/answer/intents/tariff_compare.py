"""A tariff comparison (or one item's many positions) that fits a phone screen: the service named once, one line per table and position
("• Бурлинский р-н, на дому — социальный работник: город 946,20 ₸; село 975,90 ₸"), what every line shares (place,
setting, unit, year) said once in the head, the citations grouped per act, and at most COMPARED_LINES lines: the
choices offered with the answer narrow down the rest."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.answer import compose, names
from knowledge.answer.compose import label
from knowledge.answer.context import Context, warn
from knowledge.answer.index import Hit
from knowledge.answer.intents import tariff_years as years
from knowledge.domain import Answer
from knowledge.i18n import gettext

COMPARED_LINES = 6  # rows shown of a comparison; the rest are counted ("…and 4 more")


@dataclass(frozen=True)
class Line:
    """One row of the comparison, part by part: a part all lines share goes into the head instead."""

    hit: Hit
    row: dict
    service: str
    place: str
    setting: str
    year: str
    unit: str  # month | day


def compared_text(reply: Answer, hits: list[Hit], rows_of, area: str | None, ctx: Context,
                  info: list[str] = (), comparison: bool = True) -> str:
    """The comparison of `hits` (each with its rows, `rows_of(hit)`) as a compact list; `info`: notes on what a
    figure covers (a one-rate table), each said once."""
    lang = reply.lang
    lines = [Line(hit, row, names.shown(row.get("service") or "", hit.target.local.get(lang), lang),
                  ctx.catalogue.jurisdiction_name(hit.target.jurisdiction, lang),
                  label(f"{hit.target.setting}_short", lang) if hit.target.setting else "",
                  str(ctx.catalogue.year_of(hit.target) or ""), row.get("unit") or "month")
             for hit in hits for row in rows_of(hit)]
    shared = {part for part in ("service", "place", "setting", "year", "unit")
              if len({getattr(line, part) for line in lines}) == 1}
    head = [getattr(lines[0], part) for part in ("service", "place", "setting", "year") if part in shared]
    unit = f" ({label(lines[0].unit, lang)})" if "unit" in shared else ""
    text = [label("compare", lang)] if comparison else []
    text.append(compose.truncate(", ".join(p for p in head if p), 200) + unit + ":")
    notes: list[str] = []
    shown = _shown(lines)
    for line, name in zip(shown, _names(shown, shared, lang), strict=True):
        text.append("• " + _line(line, name, shared, area, lang))
        if following := years.next_year_line(line.row, line.hit.target, area, lang, ctx):
            text.append(f"  {following}")
        if line.row.get("flagged"):
            notes.append(compose.flag_warning(line.row.get("flag_reason"), lang))
    if len(shown) < len(lines):
        text.append(label("more_rows", lang).format(n=len(lines) - len(shown)))
    text += _sources([line.hit for line in lines], lang, ctx)
    for note in dict.fromkeys(info):
        warn(reply, text, note, icon="ℹ")
    for note in dict.fromkeys(notes):
        warn(reply, text, note)
    for document in dict.fromkeys(line.hit.target.ident[0] for line in lines):
        warn(reply, text, ctx.status_warning(document, lang))
    return "\n".join(text)


def _shown(lines: list[Line]) -> list[Line]:
    """At most COMPARED_LINES lines, in their order: every table's first line before any table's second, so a
    table of many positions never hides the other tables."""
    tables: dict[tuple, list[int]] = {}
    for n, line in enumerate(lines):
        tables.setdefault(line.hit.target.ident[:2], []).append(n)
    if len(lines) <= COMPARED_LINES + 1:  # "…and 1 more" would take the line it saves
        return lines
    chosen: list[int] = []
    depth = 0
    while len(chosen) < COMPARED_LINES:
        chosen += [rows[depth] for rows in tables.values() if depth < len(rows)][:COMPARED_LINES - len(chosen)]
        depth += 1
    return [lines[n] for n in sorted(chosen)]


def _names(lines: list[Line], shared: set[str], lang: str) -> list[str]:
    """Each line's "place, setting — service — position", without the parts in the head. Two lines reading the same
    although the act prints two titles (two Kazakh titles with one Russian or English name) add the printed one."""
    found = []
    for line in lines:
        where = ", ".join(getattr(line, part) for part in ("place", "setting", "year") if part not in shared
                          and getattr(line, part))
        what = [compose.truncate(line.service, 80)] if "service" not in shared else []
        what += [names.position_name(line.row.get("position") or "", lang)]
        found.append(" — ".join(part for part in (where, *what) if part))
    printed: dict[str, set[str]] = {}
    for line, name in zip(lines, found, strict=True):
        printed.setdefault(name, set()).add(line.row.get("position") or "")
    return [f"{name} ({names.quoted(line.row.get('position') or '', lang)})"
            if lang != "kk" and len(printed[name]) > 1 and line.row.get("position") else name
            for line, name in zip(lines, found, strict=True)]


def _line(line: Line, name: str, shared: set[str], area: str | None, lang: str) -> str:
    """"name: rates (unit)"; the unit unless the head gives it."""
    unit = f" ({label(line.unit + '_short', lang)})" if "unit" not in shared else ""
    return f"{name}: {compose.rates_text(line.row, area, lang)}{unit}"


def _sources(hits: list[Hit], lang: str, ctx: Context) -> list[str]:
    """"Source: decree No. 6 of …, annex 1, items 32, 33; annex 2, item 8": one line per act."""
    places: dict[str, dict[int, list[str]]] = {}
    for hit in hits:
        document, annex, item = hit.target.ident
        title = ctx.citation(document, None, None, lang).title
        items = places.setdefault(title, {}).setdefault(annex, [])
        if str(item) not in items:
            items.append(str(item))
    lines = []
    for title, annexes in places.items():
        parts = [gettext(lang, compose.ANNEX).format(annex=annex) + ", "
                 + (gettext(lang, compose.ITEM).format(item=items[0]) if len(items) == 1
                    else label("items", lang).format(items=", ".join(items)))
                 for annex, items in annexes.items()]
        lines.append(f"{label('source', lang)}: {title}, " + "; ".join(parts))
    return lines
