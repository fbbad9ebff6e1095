"""The manifest's one schema, checked before anything is built: each field's type and allowed values, required
fields, unique ids, source files inside the sources folder and not empty. A problem is told as `file:line: where:
what (allowed: ...)`, so a typo such as `setting = "semi-stationary"` stops the build at its line.

`kb add` checks its flags against the same values (FIELD_VALUES), before anything is written."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields
from datetime import date
from pathlib import Path

from knowledge.domain import CUE_FIELDS, SETTINGS, Jurisdiction

# Allowed values of the manifest's closed fields (the parsers and the answer engine know these and no others).
FIELD_VALUES: dict[str, tuple[str, ...]] = {
    "kind": ("tariffs", "rules", "criteria"),
    "layout": ("pdf", "tab", "prose"),
    "status": ("in_force", "repealed", "superseded"),
    "setting": SETTINGS,
    "unit": ("month", "day"),
    "rates": ("city_rural", "single"),
    "area": ("city", "rural"),
    "content": ("criteria", "checklist", "rules"),
}
JURISDICTION_KINDS = ("oblast", "district", "city", "national")
LAYOUTS_OF = {"tariffs": ("pdf", "tab"), "rules": ("prose",), "criteria": ("prose",)}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CODE = re.compile(r"[a-z][a-z0-9_]*")
_NUMBER = re.compile(r"\S(.*\S)?")  # an act number: printed text, no leading or trailing blanks

DOCUMENT_TEXT = ("id", "file", "kind", "layout", "title_kk", "title_ru", "title_en", "issuer_kk", "issuer_ru",
                 "issuer_en", "act_type", "number", "date", "jurisdiction", "status")
DOCUMENT_OPTIONAL_TEXT = ("effective", "repealed_by_kk", "repealed_by_ru", "repealed_by_en", "repealed_on",
                          "superseded_by", "url", "registration")
ANNEX_TEXT = ("holds", "setting", "unit", "rates", "area", "content")
JURISDICTION_REQUIRED = ("code", "kind", "name_kk", "name_ru", "name_en")


def iso_date(value: str) -> bool:
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def tariff_year(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 2000 <= value <= 2100


def act_number(value: str) -> bool:
    return bool(_NUMBER.fullmatch(value)) and len(value) <= 40


class Lines:
    """Where each table and key of the manifest text is: (table, index[, annex index]) and key → line number."""

    def __init__(self, text: str) -> None:
        self.at: dict[tuple, int] = {}
        counts = {"document": -1, "jurisdiction": -1}
        current: tuple = ("top",)
        annex = -1
        for number, line in enumerate(text.splitlines(), 1):
            stripped = line.strip()
            if stripped in ("[[document]]", "[[jurisdiction]]"):
                kind = stripped.strip("[]")
                counts[kind] += 1
                current, annex = (kind, counts[kind]), -1
                self.at[current] = number
            elif stripped == "[[document.annex]]":
                annex += 1
                current = ("annex", counts["document"], annex)
                self.at[current] = number
            elif "=" in stripped and not stripped.startswith("#"):
                self.at[(*current, stripped.split("=", 1)[0].strip())] = number

    def line(self, *where: object) -> int:
        """The key's line, else its table's, else 0."""
        return self.at.get(where) or self.at.get(where[:-1]) or 0


class Check:
    """Collects the problems of one manifest, each with its line."""

    def __init__(self, path: Path, lines: Lines) -> None:
        self.path, self.lines, self.problems = path, lines, []

    def add(self, where: tuple, label: str, message: str) -> None:
        self.problems.append(f"line {self.lines.line(*where)}: {label}: {message}")

    def text(self, entry: dict, where: tuple, label: str, name: str, *, required: bool,
             allowed: tuple[str, ...] | None = None) -> str | None:
        if name not in entry:
            if required:
                self.add(where, label, f"{name} is missing; add `{name} = \"...\"`")
            return None
        value = entry[name]
        if not isinstance(value, str):
            self.add((*where, name), label, f"{name} must be text in quotes, not {type(value).__name__} {value!r}")
            return None
        if required and not value.strip():
            self.add((*where, name), label, f"{name} is empty")
            return None
        if allowed and value not in allowed and (value or required):
            self.add((*where, name), label, f"{name} = {value!r} is not allowed (allowed: {', '.join(allowed)})")
            return None
        return value

    def value(self, entry: dict, where: tuple, label: str, name: str, valid: Callable[[object], bool],
              expected: str) -> None:
        if name in entry and not valid(entry[name]):
            self.add((*where, name), label, f"{name} = {entry[name]!r} is not {expected}")

    def unknown(self, entry: dict, where: tuple, label: str, known: tuple[str, ...]) -> None:
        for name in entry:
            if name not in known:
                self.add((*where, name), label, f"unknown field {name!r} (known: {', '.join(known)})")


def check_manifest(path: Path, text: str, data: dict, sources_dir: Path | None) -> list[str]:
    """Every problem of the manifest, "line N: where: what" (empty: it is valid); the source files are checked
    when `sources_dir` is given."""
    check = Check(path, Lines(text))
    for name in data:
        if name not in ("document", "jurisdiction"):
            check.add(("top", name), "manifest", f"unknown table {name!r} (known: [[document]], [[jurisdiction]])")
    codes = check_jurisdictions(check, data.get("jurisdiction", []))
    check_documents(check, data.get("document", []), codes, sources_dir)
    return check.problems


def check_jurisdictions(check: Check, entries: object) -> set[str]:
    if not isinstance(entries, list):
        check.add(("top", "jurisdiction"), "manifest", "jurisdiction must be [[jurisdiction]] tables")
        return set()
    known = tuple(f.name for f in fields(Jurisdiction))
    codes: list[str] = []
    for index, entry in enumerate(entries):
        where = ("jurisdiction", index)
        label = f"jurisdiction {entry.get('code', index + 1)!s}"
        check.unknown(entry, where, label, known)
        for name in known:
            if name in CUE_FIELDS:
                value = entry.get(name, [])
                if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                    check.add((*where, name), label, f"{name} must be a list of words in quotes")
            else:
                check.text(entry, where, label, name, required=name in JURISDICTION_REQUIRED,
                           allowed=JURISDICTION_KINDS if name == "kind" else None)
        code = entry.get("code")
        if isinstance(code, str):
            if not CODE.fullmatch(code):
                check.add((*where, "code"), label, f"code {code!r} must be lower-case ASCII letters, digits or _")
            if code in codes:
                check.add((*where, "code"), label, f"code {code!r} is defined twice; keep one")
            codes.append(code)
    for index, entry in enumerate(entries):
        parent = entry.get("parent")
        if parent and parent not in codes:
            check.add(("jurisdiction", index, "parent"), f"jurisdiction {entry.get('code')}",
                      f"parent {parent!r} has no [[jurisdiction]] table (known: {', '.join(codes)})")
    return set(codes)


def check_documents(check: Check, entries: object, codes: set[str], sources_dir: Path | None) -> None:
    if not isinstance(entries, list):
        check.add(("top", "document"), "manifest", "document must be [[document]] tables")
        return
    known = (*DOCUMENT_TEXT, *DOCUMENT_OPTIONAL_TEXT, "year", "annex")
    ids = [entry.get("id") for entry in entries]
    for index, entry in enumerate(entries):
        where = ("document", index)
        label = f"document {entry.get('id', index + 1)!s}"
        check.unknown(entry, where, label, known)
        values = {name: check.text(entry, where, label, name, required=True, allowed=FIELD_VALUES.get(name))
                  for name in DOCUMENT_TEXT}
        for name in DOCUMENT_OPTIONAL_TEXT:
            check.text(entry, where, label, name, required=False)
        check.value(entry, where, label, "year", tariff_year, "a year (a whole number such as 2027, no quotes)")
        for name in ("date", "repealed_on"):
            check.value(entry, where, label, name, lambda v: isinstance(v, str) and (not v or iso_date(v)),
                        "a date written YYYY-MM-DD")
        check.value(entry, where, label, "number", lambda v: isinstance(v, str) and act_number(v), "an act number")
        check.value(entry, where, label, "registration", lambda v: isinstance(v, str) and (not v or v.isdigit()),
                    "a registration number written in digits (or left out)")
        check.value(entry, where, label, "url", lambda v: isinstance(v, str) and (not v or v.startswith("https://")),
                    "the official publication's address, https://... (or left out)")
        if values["id"] and values["id"] in ids[:index]:
            check.add((*where, "id"), label, f"id {values['id']!r} is already the id of an earlier document")
        if values["jurisdiction"] and values["jurisdiction"] not in codes:
            check.add((*where, "jurisdiction"), label, f"jurisdiction {values['jurisdiction']!r} has no "
                      f"[[jurisdiction]] table (known: {', '.join(sorted(codes))})")
        if entry.get("superseded_by") and entry["superseded_by"] not in ids:
            check.add((*where, "superseded_by"), label, f"superseded_by {entry['superseded_by']!r} is no document's id")
        if values["kind"] and values["layout"] and values["layout"] not in LAYOUTS_OF[values["kind"]]:
            check.add((*where, "layout"), label, f"layout {values['layout']!r} does not fit kind {values['kind']!r} "
                      f"(allowed: {', '.join(LAYOUTS_OF[values['kind']])})")
        if values["kind"] == "tariffs" and "year" not in entry:
            check.add(where, label, "a tariff decree needs `year = ...` (the year its tariffs apply in)")
        if values["file"] and sources_dir:
            check_file(check, (*where, "file"), label, values["file"], sources_dir)
        check_annexes(check, entry.get("annex", []), index, label, values["kind"])


def check_file(check: Check, where: tuple, label: str, name: str, sources_dir: Path) -> None:
    path = sources_dir / name
    if Path(name).is_absolute() or path.resolve().parent != sources_dir.resolve():
        check.add(where, label, f"file {name!r} must be a file name inside the sources folder {sources_dir}")
    elif not path.is_file():
        check.add(where, label, f"file {name!r} is not in {sources_dir}")
    elif path.stat().st_size == 0:
        check.add(where, label, f"file {name!r} is empty; restore it from the official text")


def check_annexes(check: Check, annexes: object, document: int, label: str, kind: str | None) -> None:
    if not isinstance(annexes, list):
        check.add(("document", document, "annex"), label, "annex must be [[document.annex]] tables")
        return
    numbers: list[object] = []
    known = ("number", "items", *ANNEX_TEXT)
    for index, annex in enumerate(annexes):
        where = ("annex", document, index)
        number = annex.get("number")
        here = f"{label} annex {number if number is not None else index + 1}"
        check.unknown(annex, where, here, known)
        if not (isinstance(number, int) and not isinstance(number, bool) and number >= 0):
            check.add((*where, "number"), here, "number must be a whole number (0: the act's body; no quotes)")
        elif number in numbers:
            check.add((*where, "number"), here, f"annex {number} is given twice")
        numbers.append(number)
        check.value(annex, where, here, "items", lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1,
                    "a count of items (a whole number from 1, no quotes)")
        for name in ANNEX_TEXT:
            check.text(annex, where, here, name, required=kind == "tariffs" and name in ("setting", "unit", "rates"),
                       allowed=FIELD_VALUES.get(name))
