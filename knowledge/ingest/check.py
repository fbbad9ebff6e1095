"""`komekshi kb check`: a report on the built base, and a verdict (gaps make it fail)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from knowledge.ingest.manifest import Document
from knowledge.kb import FULL_TEXT, SHAPE, shape_problems


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def say(self, line: str = "") -> None:
        self.lines.append(line)

    def problem(self, line: str) -> None:
        self.problems.append(line)
        self.lines.append(f"  ✗ {line}")

    @property
    def ok(self) -> bool:
        return not self.problems

    def text(self) -> str:
        verdict = "OK: no gaps" if self.ok else f"FAILED: {len(self.problems)} problem(s)"
        return "\n".join([*self.lines, "", verdict])


def item_gaps(items: list[int], expected: int | None) -> tuple[list[int], list[int]]:
    """Missing item numbers in 1..N (N = expected, else the largest seen), and numbers beyond N."""
    present = set(items)
    last = expected or max(present, default=0)
    missing = [n for n in range(1, last + 1) if n not in present]
    extra = sorted(n for n in present if n > last or n < 1)
    return missing, extra


def compact(numbers: list[int], limit: int = 20) -> str:
    shown = ", ".join(map(str, numbers[:limit]))
    return shown + (f" … (+{len(numbers) - limit})" if len(numbers) > limit else "")


def check_tariffs(db: sqlite3.Connection, documents: list[Document], report: Report) -> None:
    report.say("Tariff tables")
    for document in (d for d in documents if d.kind == "tariffs"):
        report.say(f"  {document.id}: {document.jurisdiction} {document.year}, No. {document.number} of "
                   f"{document.date}, {document.status}")
        for annex in document.annexes:
            rows = db.execute(
                "select item, rate_city, rate_rural, rate, flagged, flag_reason from tariffs "
                "where document = ? and annex = ?", (document.id, annex.number)).fetchall()
            items = sorted({r["item"] for r in rows})
            no_rates = sum(1 for r in rows if r["rate_city"] is None and r["rate_rural"] is None and r["rate"] is None)
            flagged = sum(1 for r in rows if r["flagged"])
            report.say(f"    {document.id} annex {annex.number} ({annex.setting}, per {annex.unit}): "
                       f"{len(rows)} rows, items {items[0] if items else '-'}..{items[-1] if items else '-'} "
                       f"(expected 1..{annex.items}), {no_rates} without rates, {flagged} flagged")
            missing, extra = item_gaps(items, annex.items)
            if not rows:
                report.problem(f"{document.id} annex {annex.number}: no rows")
            elif missing:
                report.problem(f"{document.id} annex {annex.number}: missing items {compact(missing)}")
            if extra:
                report.problem(f"{document.id} annex {annex.number}: unexpected items {compact(extra)}")


def check_criteria(db: sqlite3.Connection, documents: list[Document], report: Report) -> None:
    report.say("Risk criteria and checklists")
    for document in (d for d in documents if d.kind == "criteria"):
        annex = next(iter(document.annexes_holding("criteria")), None)
        rows = db.execute("select item, degree from criteria where document = ?", (document.id,)).fetchall()
        degrees: dict[str, int] = {}
        for row in rows:
            degrees[row["degree"]] = degrees.get(row["degree"], 0) + 1
        report.say(f"  {document.id} annex {annex.number if annex else '?'}: {len(rows)} criteria "
                   f"({', '.join(f'{k} {v}' for k, v in sorted(degrees.items()))})")
        missing, extra = item_gaps([r["item"] for r in rows], annex.items if annex else None)
        if not rows:
            report.problem(f"{document.id} annex 1: no criteria")
        elif missing or extra:
            report.problem(f"{document.id} annex 1: missing criteria {compact(missing)} unexpected {compact(extra)}")
        bad = [r["item"] for r in rows if r["degree"] not in ("gross", "significant", "minor")]
        if bad:
            report.problem(f"{document.id} annex 1: criteria without a degree: {compact(bad)}")
        for row in db.execute("select annex, title, count(*) n, group_concat(item) items from checklist_items "
                              "where document = ? group by annex, title order by annex", (document.id,)):
            items = sorted(int(i) for i in row["items"].split(","))
            missing, _ = item_gaps(items, None)
            report.say(f"  {document.id} checklist annex {row['annex']}: {row['n']} requirements — {row['title'][:70]}")
            if missing:
                report.problem(f"{document.id} checklist annex {row['annex']}: missing requirements {compact(missing)}")


def check_other(db: sqlite3.Connection, report: Report) -> None:
    norms = db.execute("select count(*) from staffing_norms").fetchone()[0]
    report.say(f"Staffing norms (repealed act): {norms}")
    report.say("Passages (full-text indexed): " + ", ".join(
        f"{r['document']} {r['n']}" for r in db.execute(
            "select document, count(*) n from passages group by document order by document")))


def check_flags_and_overrides(db: sqlite3.Connection, report: Report) -> None:
    report.say("Flagged rows (layout reconstructed or ambiguous; shown to users with a warning)")
    for row in db.execute("select flag_reason, count(*) n from tariffs where flagged group by flag_reason"):
        report.say(f"  {row['flag_reason'] or 'unspecified'}: {row['n']}")
    overrides = json.loads(db.execute("select value from meta where key = 'overrides'").fetchone()[0])
    report.say(f"Overrides (knowledge/sources/overrides.toml): {len(overrides)}")
    for o in overrides:
        report.say(f"  {o['document']} annex {o['annex']} item {o['item']} {o['position']}: "
                   f"{o['field']} = {o['value']} — {o['reason']} ({o['rows']} row(s))")
        if not o["rows"]:
            report.problem(f"override for {o['document']} annex {o['annex']} item {o['item']} {o['position']!r} "
                           "matches no row: fix its document/annex/item/position in overrides.toml")


# Where a Kazakh-named thing gets its Russian and English names: (kind, Kazakh name) → "aliases" (the reviewed alias
# table), "lexicon" (the lexicon's word-by-word renderings only) or "kazakh" (neither: found by its Kazakh name only).
# Given by the caller (the desk), since ingest does not read the answer layer's tables.
NameSource = Callable[[str, str], str]
NAMED = (  # kind, what the report calls them, the query listing them (document, annex, item, name)
    ("service", "services", "select document, annex, item, min(service) as name from tariffs "
                            "group by document, annex, item order by document, annex, item"),
    ("criterion", "criteria", "select document, annex, item, criterion as name from criteria "
                              "order by document, annex, item"),
    ("checklist", "requirements", "select document, annex, item, requirement as name from checklist_items "
                                  "order by document, annex, item"),
)
KAZAKH_ONLY_SHOWN = 10  # items listed per act; the rest counted


def shorten(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def name_lines(document: str, kind: str, plural: str, rows: list[tuple[int, int, str]],
               source: NameSource) -> list[str]:
    """One act's count of (annex, item, Kazakh name) rows per name source, then the Kazakh-only ones (the first
    few): the same lines in `kb check` and in `kb add`'s preview."""
    sources = [source(kind, name) for _, _, name in rows]
    kazakh = [row for row, found in zip(rows, sources, strict=True) if found == "kazakh"]
    lines = [f"  {document} {plural}: {len(rows)}: aliases {sources.count('aliases')}, "
             f"lexicon only {sources.count('lexicon')}, Kazakh only {len(kazakh)}"]
    lines += [f"    Kazakh only: annex {annex} item {item}: {shorten(name)}"
              for annex, item, name in kazakh[:KAZAKH_ONLY_SHOWN]]
    if len(kazakh) > KAZAKH_ONLY_SHOWN:
        lines.append(f"    … and {len(kazakh) - KAZAKH_ONLY_SHOWN} more")
    return lines


def check_names(db: sqlite3.Connection, source: NameSource, report: Report) -> None:
    """Per act and kind: how many have Russian and English names through the alias table, how many only through the
    lexicon, and which are found by their Kazakh name only (a reviewer's to-do, not a gap)."""
    report.say("Russian and English names (alias table / lexicon only / Kazakh only)")
    for kind, plural, query in NAMED:
        by_document: dict[str, list[tuple[int, int, str]]] = {}
        for row in db.execute(query):
            by_document.setdefault(row["document"], []).append((row["annex"], row["item"], row["name"]))
        for document, rows in by_document.items():
            for line in name_lines(document, kind, plural, rows, source):
                report.say(line)


def check_shape(db: sqlite3.Connection, report: Report) -> bool:
    """The tables, columns and full-text indexes the engine reads (knowledge.kb.SHAPE): a base it cannot use fails."""
    problems = shape_problems(db)
    for problem in problems:
        report.problem(f"the base {problem}: rebuild it (komekshi kb build)")
    if not problems:
        report.say(f"Shape: {len(SHAPE)} tables and {len(FULL_TEXT)} full-text indexes as the engine reads them")
    return not problems


def check(db: sqlite3.Connection, documents: list[Document], names: NameSource | None = None) -> Report:
    report = Report()
    if not check_shape(db, report):
        return report
    built = db.execute("select value from meta where key = 'built_at'").fetchone()[0]
    report.say(f"Knowledge base built {built}; documents: " + ", ".join(
        f"{r['id']} ({r['status']})" for r in db.execute("select id, status from documents order by id")))
    check_tariffs(db, documents, report)
    check_criteria(db, documents, report)
    check_other(db, report)
    if names is not None:
        check_names(db, names, report)
    check_flags_and_overrides(db, report)
    return report
