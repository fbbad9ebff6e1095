"""The desk's search text: per tariff row and criterion, its Kazakh wording and its Russian and English names (the
reviewed alias table, else the lexicon word by word), the setting's words and the jurisdiction's names in kk / ru /
en, so a clerk finds "массаж полустационар", "стирка белья" or "laundry" in Datasette. Written at build into the
full-text tables `tariffs_search` and `criteria_search` (rowid = the row's id), beside the engine's own tables.

Ingestion never imports the answer package, so the data files are read here directly, by the same keys
(`knowledge.text.search_key` for a whole Kazakh name, the Kazakh rule stem for a lexicon word).
"""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from knowledge import PACKAGE_DIR
from knowledge.domain import Criterion, Jurisdiction
from knowledge.text import keys, search_key, tokens

DATA = PACKAGE_DIR / "data"
LANGS = ("ru", "en")
SEARCH_TABLES = ("tariffs_search", "criteria_search", "checklist_search")
DEGREE_WORDS = {"gross": "грубое грубые gross", "significant": "значительное значительные significant",
                "minor": "незначительное незначительные minor"}


@dataclass(frozen=True)
class Names:
    """What the desk's search knows besides the printed text, loaded once per build."""

    aliases: dict[tuple[str, str], list[str]]  # (kind, name key) → ru and en aliases
    lexicon: dict[tuple[str, ...], list[str]]  # Kazakh word keys → ru and en renderings
    settings: dict[str, list[str]]  # setting code → its words in kk, ru, en

    def name_words(self, kind: str, kazakh: str | None) -> list[str]:
        """The reviewed aliases of a Kazakh name, else its words rendered through the lexicon."""
        if not kazakh:
            return []
        found = self.aliases.get((kind, search_key(kazakh)))
        return list(found) if found else self.rendered(kazakh)

    def rendered(self, kazakh: str) -> list[str]:
        words = [t for t in tokens(kazakh) if not t.isdigit()]
        keyed = [keys(t)[-1] for t in words]
        longest = max((len(k) for k in self.lexicon), default=1)
        found: list[str] = []
        start = 0
        while start < len(keyed):
            for size in range(min(longest, len(keyed) - start), 0, -1):
                renderings = self.lexicon.get(tuple(keyed[start:start + size]))
                if renderings is not None:
                    found += renderings
                    start += size
                    break
            else:
                start += 1
        return found


def _rows(path: Path) -> Iterable[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader, None)
        yield from (row for row in reader if row and not row[0].startswith("#"))


def load_names(data: Path = DATA) -> Names:
    aliases: dict[tuple[str, str], list[str]] = {}
    for kind, kazakh, _lang, alias in (row for row in _rows(data / "aliases.tsv") if len(row) == 4):
        aliases.setdefault((kind, search_key(kazakh)), []).append(alias)
    lexicon: dict[tuple[str, ...], list[str]] = {}
    for row in (row for row in _rows(data / "lexicon.tsv") if len(row) == 3):
        renderings = [part.strip() for text in row[1:] if text != "-" for part in text.split(",")]
        if renderings:
            lexicon[tuple(keys(t)[-1] for t in tokens(row[0]))] = renderings
    glossary = tomllib.loads((data / "glossary.toml").read_text(encoding="utf-8"))
    settings = {code: [term.rstrip("*") for lang in ("kk", "ru", "en") for term in terms.get(lang, [])]
                for code, terms in glossary.get("settings", {}).items()}
    return Names(aliases, lexicon, settings)


def place_words(jurisdiction: Jurisdiction | None) -> list[str]:
    if jurisdiction is None:
        return []
    j = jurisdiction
    cues = [c.rstrip("*") for c in (*j.question_cues_kk, *j.question_cues_ru, *j.question_cues_en)]
    return [j.code, j.name_kk, j.name_ru, j.name_en, j.short_kk, j.short_ru, j.short_en, *cues]


def joined(parts: Iterable[str | None]) -> str:
    """Each distinct part once, in order: the text one FTS row indexes."""
    return " | ".join(dict.fromkeys(p.strip() for p in parts if p and p.strip()))


def kazakh_keys(*texts: str | None) -> str:
    """The search keys (loose letters, stems) of printed Kazakh text: an inflected or Latin-typed word in the search
    box ("киімдерді", "massazh") meets the name through them (knowledge.desk.cells.fts_query keys it the same way)."""
    return " ".join(search_key(text) for text in texts if text)


def tariff_search_rows(tariffs: Iterable[tuple[int, object]], jurisdictions: list[Jurisdiction],
                       names: Names) -> Iterable[dict]:
    """(id, TariffRow) → {"rowid", "text"}: printed wording, ru/en names, setting and place words."""
    places = {j.code: j for j in jurisdictions}
    for number, row in tariffs:
        yield {"rowid": number, "text": joined([
            row.service, row.position, row.category, kazakh_keys(row.service, row.position, row.category),
            *names.name_words("service", row.service), *names.rendered(row.position or ""),
            *names.settings.get(row.setting or "", []), *place_words(places.get(row.jurisdiction)),
        ])}


def criterion_search_rows(criteria: Iterable[Criterion], names: Names) -> Iterable[dict]:
    for criterion in criteria:
        yield {"rowid": criterion.item, "text": joined([
            criterion.criterion, criterion.section, kazakh_keys(criterion.criterion), DEGREE_WORDS.get(criterion.degree, criterion.degree),
            criterion.degree_kk,
            *names.name_words("criterion", criterion.criterion)])}


def checklist_search_rows(items: Iterable[tuple[int, object]], names: Names) -> Iterable[dict]:
    for number, item in items:
        yield {"rowid": number, "text": joined([
            item.requirement, item.title, kazakh_keys(item.requirement),
            *names.name_words("checklist", item.requirement)])}


def write_search_tables(conn, tariffs: list, criteria: list[Criterion], checklist: list,
                        jurisdictions: list[Jurisdiction]) -> None:
    """Create and fill the desk's full-text tables (tariff and checklist ids are numbered from 1 in build order, as
    in their tables)."""
    names = load_names()
    tables = {"tariffs_search": tariff_search_rows(enumerate(tariffs, 1), jurisdictions, names),
              "criteria_search": criterion_search_rows(criteria, names),
              "checklist_search": checklist_search_rows(enumerate(checklist, 1), names)}
    for table, rows in tables.items():
        conn.execute(f"create virtual table [{table}] using fts5(text, content = '', tokenize = 'unicode61 remove_diacritics 0')")
        conn.executemany(f"insert into [{table}] (rowid, text) values (:rowid, :text)", rows)
