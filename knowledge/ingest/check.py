"""`komekshi kb check`: a report on the built base, and a verdict (gaps make it fail)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from knowledge.ingest.manifest import Document


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
        for annex in document.annexes:
            rows = db.execute(
                "select item, rate_city, rate_rural, rate, flagged, flag_reason from tariffs "
                "where document = ? and annex = ?", (document.id, annex.number)).fetchall()
            items = sorted({r["item"] for r in rows})
            no_rates = sum(1 for r in rows if r["rate_city"] is None and r["rate_rural"] is None and r["rate"] is None)
            flagged = sum(1 for r in rows if r["flagged"])
            report.say(f"  {document.id} annex {annex.number} ({annex.setting}, per {annex.unit}): "
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


def check(db: sqlite3.Connection, documents: list[Document]) -> Report:
    report = Report()
    built = db.execute("select value from meta where key = 'built_at'").fetchone()[0]
    report.say(f"Knowledge base built {built}; documents: " + ", ".join(
        f"{r['id']} ({r['status']})" for r in db.execute("select id, status from documents order by id")))
    check_tariffs(db, documents, report)
    check_criteria(db, documents, report)
    check_other(db, report)
    check_flags_and_overrides(db, report)
    return report
