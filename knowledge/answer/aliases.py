"""Reviewed Russian/English aliases of the Kazakh-named services, risk criteria and checklist requirements.

The sources are Kazakh only; users type Russian or English ("массаж", "UHF therapy"). The hand-written table
`data/aliases.tsv` gives each concept short names in both languages so search can match them. A concept is a kind
and a Kazakh name, compared by its search key (knowledge.text.search_key): every item that prints the same name, in
any act, annex or year, and whatever its inflection, spacing or PDF damage, shares its aliases. So the same service
in next year's decree, or in another district's, is known in Russian and English the day it is added.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from knowledge import PACKAGE_DIR
from knowledge.answer.tables import tsv_rows
from knowledge.text import search_key

ALIASES_PATH = PACKAGE_DIR / "data" / "aliases.tsv"
HEADER = ("kind", "kazakh_name", "lang", "alias")
KINDS = ("service", "criterion", "checklist")
LANGS = ("ru", "en")

ConceptKey = tuple[str, str]  # (kind, search key of the Kazakh name)


def concept_key(kind: str, kazakh_name: str) -> ConceptKey:
    """What identifies a concept: its kind and the search key of its Kazakh name ("Дәрігерге дейінгі көмек
    көрсету" and "дәрігерге дейінгі көмекті көрсету" are one concept)."""
    return (kind, search_key(kazakh_name))


@dataclass(frozen=True)
class AliasRow:
    kind: str
    kazakh_name: str  # written in full for the reviewer; matched by its key
    lang: str
    alias: str
    line: int = 0  # 1-based line in the TSV, for error messages and review
    key: ConceptKey = ("", "")  # concept_key(kind, kazakh_name), computed once when read


def _parse_row(fields: list[str], line: int, keys: dict[str, str]) -> AliasRow:
    """One row; `keys` remembers the search key of each Kazakh name (a concept's rows repeat it; long requirement
    texts make keying them the bulk of the loading time)."""
    def bad(why: str) -> ValueError:
        return ValueError(f"aliases.tsv line {line}: {why}: {fields!r}")

    if len(fields) != len(HEADER):
        raise bad(f"expected {len(HEADER)} tab-separated fields, got {len(fields)}")
    kind, kazakh_name, lang, alias = fields
    if kind not in KINDS:
        raise bad(f"kind must be one of {KINDS}")
    if kazakh_name not in keys:
        keys[kazakh_name] = search_key(kazakh_name)
    if not keys[kazakh_name]:
        raise bad("the Kazakh name has no words")
    if lang not in LANGS:
        raise bad(f"lang must be one of {LANGS}")
    if not alias.strip():
        raise bad("empty alias")
    if alias != alias.strip() or kazakh_name != kazakh_name.strip():
        raise bad("leading or trailing white space")
    return AliasRow(kind, kazakh_name, lang, alias, line, (kind, keys[kazakh_name]))


def load_alias_rows(path: Path | str | None = None) -> list[AliasRow]:
    """All rows in file order; raises ValueError naming the line of the first bad or duplicate row."""
    path = Path(path) if path is not None else ALIASES_PATH
    rows: list[AliasRow] = []
    seen: dict[tuple, int] = {}
    keys: dict[str, str] = {}
    for number, text, fields in tsv_rows(path, HEADER, "aliases.tsv"):
        row = _parse_row(fields, number, keys)
        identity = (row.key, row.lang, row.alias)
        if identity in seen:
            raise ValueError(f"aliases.tsv line {number}: duplicate of line {seen[identity]}: {text!r}")
        seen[identity] = number
        rows.append(row)
    return rows


def load_aliases(path: Path | str | None = None) -> dict[ConceptKey, list[str]]:
    """(kind, name key) → aliases in file order, both languages."""
    result: dict[ConceptKey, list[str]] = {}
    for row in load_alias_rows(path):
        result.setdefault(row.key, []).append(row.alias)
    return result


def aliases_by_lang(path: Path | str | None = None) -> dict[ConceptKey, dict[str, list[str]]]:
    """(kind, name key) → {"ru": [...], "en": [...]} in file order."""
    result: dict[ConceptKey, dict[str, list[str]]] = {}
    for row in load_alias_rows(path):
        result.setdefault(row.key, {lang: [] for lang in LANGS})[row.lang].append(row.alias)
    return result
