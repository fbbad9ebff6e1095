"""Reviewed Russian/English aliases for Kazakh-named tariff services and risk criteria.

The sources are Kazakh only; users type Russian or English ("массаж", "UHF therapy"). The hand-written table
`data/aliases.tsv` maps each (kind, document, annex, item) to short names in both languages so search can match them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from knowledge import PACKAGE_DIR

ALIASES_PATH = PACKAGE_DIR / "data" / "aliases.tsv"
HEADER = ("kind", "document", "annex", "item", "lang", "alias")
KINDS = ("service", "criterion", "checklist")
LANGS = ("ru", "en")
_DOCUMENT = re.compile(r"^[0-9A-Za-z_-]+$")  # a manifest document id; whether it exists is checked against the base
_NUMBER = re.compile(r"^[1-9][0-9]*$")

AliasKey = tuple[str, str, int, int]  # (kind, document, annex, item)


@dataclass(frozen=True)
class AliasRow:
    kind: str
    document: str
    annex: int
    item: int
    lang: str
    alias: str
    line: int = 0  # 1-based line in the TSV, for error messages and review

    @property
    def key(self) -> AliasKey:
        return (self.kind, self.document, self.annex, self.item)


def _parse_row(fields: list[str], line: int) -> AliasRow:
    def bad(why: str) -> ValueError:
        return ValueError(f"aliases.tsv line {line}: {why}: {fields!r}")

    if len(fields) != len(HEADER):
        raise bad(f"expected {len(HEADER)} tab-separated fields, got {len(fields)}")
    kind, document, annex, item, lang, alias = fields
    if kind not in KINDS:
        raise bad(f"kind must be one of {KINDS}")
    if not _DOCUMENT.match(document):
        raise bad("document must be a manifest document id")
    if not _NUMBER.match(annex) or not _NUMBER.match(item):
        raise bad("annex and item must be positive integers")
    if lang not in LANGS:
        raise bad(f"lang must be one of {LANGS}")
    if not alias.strip():
        raise bad("empty alias")
    if alias != alias.strip():
        raise bad("alias has leading or trailing white space")
    return AliasRow(kind, document, int(annex), int(item), lang, alias, line)


def load_alias_rows(path: Path | str | None = None) -> list[AliasRow]:
    """All rows in file order; raises ValueError naming the line of the first bad or duplicate row."""
    path = Path(path) if path is not None else ALIASES_PATH
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        raise ValueError(f"aliases.tsv line 1: header must be {HEADER!r}")
    rows: list[AliasRow] = []
    seen: dict[tuple, int] = {}
    for number, text in enumerate(lines[1:], start=2):
        if not text.strip():
            continue  # tolerate blank lines (e.g. a trailing one)
        row = _parse_row(text.split("\t"), number)
        identity = (row.key, row.lang, row.alias)
        if identity in seen:
            raise ValueError(f"aliases.tsv line {number}: duplicate of line {seen[identity]}: {text!r}")
        seen[identity] = number
        rows.append(row)
    return rows


def load_aliases(path: Path | str | None = None) -> dict[AliasKey, list[str]]:
    """(kind, document, annex, item) → aliases in file order, both languages."""
    result: dict[AliasKey, list[str]] = {}
    for row in load_alias_rows(path):
        result.setdefault(row.key, []).append(row.alias)
    return result


def aliases_by_lang(path: Path | str | None = None) -> dict[AliasKey, dict[str, list[str]]]:
    """(kind, document, annex, item) → {"ru": [...], "en": [...]} in file order."""
    result: dict[AliasKey, dict[str, list[str]]] = {}
    for row in load_alias_rows(path):
        result.setdefault(row.key, {lang: [] for lang in LANGS})[row.lang].append(row.alias)
    return result
