"""What the engine searches, loaded from kb.sqlite once: tariff services, risk criteria, checklist requirements
(each with Russian and English names: its concept's reviewed aliases, else a word-by-word lexicon rendering), staffing
norms, definitions and the source documents, each with its index.

The tariff year is a dimension of its own: a jurisdiction may hold the tables of several years (the act of each
year's December), and a question is answered from one year per jurisdiction (`view`: the year it names, else the
year in force on the day asked). Within a year, acts in force win: a superseded act's tariff table is searched only
where no act in force covers the same jurisdiction, setting and year. Which act holds what is read from the
documents table (`kind`, `year`, `status`), never assumed.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from knowledge.answer.aliases import ConceptKey, aliases_by_lang, concept_key
from knowledge.answer.counterparts import Counterparts
from knowledge.answer.glossary import Glossary, Term
from knowledge.answer.index import Index, Target
from knowledge.answer.lexicon import Lexicon, load_entries, load_lexicon
from knowledge.answer.places import place_terms
from knowledge.answer.service_kinds import Kinds
from knowledge.answer.staffing_names import position_key, staffing_names
from knowledge.answer.tariff_rows import services
from knowledge.answer.years import in_force
from knowledge.domain import LANGS, Jurisdiction
from knowledge.kb import load_jurisdictions
from knowledge.text import key, loose, tokens

log = logging.getLogger(__name__)

Aliases = dict[ConceptKey, dict[str, list[str]]]
View = tuple[tuple[str, int | None], ...]  # (jurisdiction, tariff year) pairs a question is answered from
SETTING_WORD = "жагдаи"  # loose "жағдай" (conditions): "Үйде қызмет көрсету жағдайларында ..." opens with its setting
LEAD_WORDS = 12  # a requirement names its setting within its first words


@dataclass
class Catalogue:
    documents: dict[str, dict]  # id → documents row
    places: dict[str, Jurisdiction]  # jurisdiction code → its names, from the manifest
    services: list[Target]  # one per tariff item (document, annex, item) of every year; rows: its positions
    criteria: list[Target]  # one per risk criterion
    checklist: list[Target]  # one per checklist requirement (annex, item)
    staffing: list[Target]  # one per (staffing table, position); rows: one per head-count column
    definitions: list[dict]  # definition passages ("significant violation is ...")
    checklist_settings: dict[int, set[str]]  # checklist annex → the settings it is about
    # (kind, ident) of a criterion or checklist requirement → the settings its own text opens with ("Үйде қызмет
    # көрсету жағдайларында ..."); absent when it names none (then it holds in every setting, or its annex says)
    named_settings: dict[tuple, frozenset[str]] = field(default_factory=dict)
    # a question word → the Kazakh words the lexicon renders by it (a word no name prints still finds its name)
    synonyms: Callable[[str], tuple[str, ...]] | None = None
    service_index: Index = field(init=False)
    kinds: Kinds = field(init=False)  # the kind of each service and the criteria requiring each kind
    counterparts: Counterparts = field(init=False)  # each requirement's criterion in the annex's other sections
    criterion_index: Index = field(init=False)
    checklist_index: Index = field(init=False)
    staffing_index: Index = field(init=False)
    document_index: Index = field(init=False)
    _tables: dict[tuple, frozenset[int] | None] = field(default_factory=dict, init=False, repr=False)
    # (jurisdiction, setting) → the tariff years of its tables, ascending; None in either place: any
    _years: dict[tuple[str | None, str | None], list[int]] = field(default_factory=dict, init=False, repr=False)
    # (jurisdiction, setting, year) → its services by concept (see `counterpart`), each table's made when first asked
    _same: dict[tuple, dict[ConceptKey, list[Target]]] = field(default_factory=dict, init=False, repr=False)
    _whole_views: dict[View, bool] = field(default_factory=dict, init=False, repr=False)
    _lists: dict[tuple, list[Target]] = field(default_factory=dict, init=False, repr=False)
    _jurisdictions: frozenset[str] = field(default=frozenset(), init=False, repr=False)
    _act_dates: dict[str, frozenset[int]] = field(default_factory=dict, init=False, repr=False)
    _views: dict[tuple, View] = field(default_factory=dict, init=False, repr=False)
    # (jurisdiction, setting, tariff year) → the indices of its services: what a filter or a view selects from
    _partitions: dict[tuple, list[int]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for index, target in enumerate(self.services):
            self._partitions.setdefault(_table_year(target, self.year_of(target)), []).append(index)
        for jurisdiction, setting, year in self._partitions:
            if jurisdiction and year is not None:
                for place in (jurisdiction, None):
                    for kind in (setting, None):
                        self._years.setdefault((place, kind), []).append(year)
        self._years = {key: sorted(set(years)) for key, years in self._years.items()}
        self._jurisdictions = frozenset(place for place, _, _ in self._partitions if place)
        for document in self.documents.values():
            year = int(str(document.get("date") or "0")[:4] or 0)
            for number in re.findall(r"\d+", str(document.get("number") or "")):
                self._act_dates[number] = self._act_dates.get(number, frozenset()) | {year}
        self.service_index = Index(self.services, self.synonyms)
        self.kinds = Kinds(self.services, self.criteria)
        self.counterparts = Counterparts(self.criteria, requirement_words)
        self.criterion_index = Index(self.criteria, self.synonyms)
        self.checklist_index = Index(self.checklist, self.synonyms)
        self.staffing_index = Index(self.staffing, self.synonyms)
        self.document_index = Index([
            Target("document", (d["id"],), [d.get(f"title_{lang}") or "" for lang in LANGS]
                   + [d.get(f"issuer_{lang}") or "" for lang in LANGS], [d]) for d in self.documents.values()])

    @property
    def jurisdictions(self) -> frozenset[str]:
        """The jurisdictions that have tariffs: the valid jurisdiction filters."""
        return self._jurisdictions

    @property
    def place_terms(self) -> list[Term]:
        """The names of the jurisdictions that have tariffs, as glossary terms (knowledge.answer.places)."""
        return place_terms([place for code, place in self.places.items() if code in self.jurisdictions])

    def year_of(self, target: Target) -> int | None:
        """The tariff year of a service: its act's manifest `year`."""
        return (self.documents.get(target.ident[0]) or {}).get("year")

    def years_of(self, jurisdiction: str | None, setting: str | None = None) -> list[int]:
        """The tariff years the base holds for a jurisdiction and setting (None: any), ascending."""
        return self._years.get((jurisdiction, setting), [])

    def year_in_force(self, jurisdiction: str, today: int) -> int | None:
        """The year whose tariffs apply in `today`'s year: the latest the jurisdiction holds up to it, else (every
        act is for a later year) the earliest."""
        return in_force(self.years_of(jurisdiction), today)

    @property
    def dated(self) -> list[str]:
        """The jurisdictions whose tariff acts have a year."""
        return sorted(place for place, setting in self._years if place and setting is None)

    def view(self, year: int | None, today: int) -> View:
        """The (jurisdiction, year) pairs a question is answered from: `year` where a jurisdiction holds it (a
        jurisdiction without it is left out), else each jurisdiction's year in force (remembered per pair)."""
        key = (year, today)
        if key not in self._views:
            self._views[key] = (tuple((code, year) for code in self.dated if year in self.years_of(code))
                                if year is not None else
                                tuple((code, self.year_in_force(code, today)) for code in self.dated))
        return self._views[key]

    @property
    def act_dates(self) -> dict[str, frozenset[int]]:
        """Each number of an act in the base ("286"; "401" and "69" of "401 / 69") → the years of its dates."""
        return self._act_dates

    def in_view(self, target: Target, view: View) -> bool:
        return self._in_view(target.jurisdiction, self.year_of(target), view)

    def _in_view(self, jurisdiction: str | None, year: int | None, view: View) -> bool:
        return (jurisdiction, year) in view or (year is None and not self.years_of(jurisdiction))

    @property
    def tables(self) -> list[tuple[str | None, str | None]]:
        """The tariff tables the base holds: (jurisdiction, setting), sorted."""
        return sorted({(place, setting) for place, setting, _ in self._partitions})

    def counterpart(self, target: Target, year: int) -> Target | None:
        """The same service in another year's table of its jurisdiction and setting: the item printing the same
        name (by its concept key, knowledge.answer.aliases), the one with the same number first; None when that
        year's act has no such item."""
        table = (target.jurisdiction, target.setting, year)
        if table not in self._same:  # that table's services by concept, made when first asked for
            self._same[table] = {}
            for index in self._partitions.get(table, ()):
                self._same[table].setdefault(_concept(self.services[index]), []).append(self.services[index])
        found = self._same[table].get(_concept(target), [])
        return min(found, key=lambda t: t.ident[-1] != target.ident[-1], default=None)

    def jurisdiction_name(self, code: str | None, lang: str) -> str:
        """A jurisdiction's name as shown to the user (the code itself for one the manifest does not name)."""
        place = self.places.get(code or "")
        return place.name(lang) if place else code or ""

    def document_of_kind(self, kind: str) -> dict | None:
        """The act holding `kind` (rules | criteria | tariffs), the one in force first."""
        found = [d for d in self.documents.values() if d.get("kind") == kind]
        return min(found, key=lambda d: (d.get("status") not in (None, "in_force"), d["id"]), default=None)

    def status(self, document: str) -> str:
        return (self.documents.get(document) or {}).get("status") or "in_force"

    def annex(self, document: str, number: int) -> dict:
        """What the documents table says of one annex (setting, rates: single, area ...); {} when nothing."""
        return next((a for a in annexes(self.documents.get(document) or {}) if a.get("number") == number), {})

    def services_in(self, setting: str | None, jurisdiction: str | None,
                    view: View | None = None) -> frozenset[int] | None:
        """Indices of the services in a setting / jurisdiction / view (None: all), remembered per filter."""
        if view is not None and self._whole(view):
            view = None  # the view holds every service (one year in the base): no filter
        if not setting and not jurisdiction and view is None:
            return None
        key = (setting, jurisdiction, view)
        if key not in self._tables:  # from the partitions: a few hundred tables, not every service
            self._tables[key] = frozenset(
                i for (place, kind, year), members in self._partitions.items()
                if (not setting or kind == setting) and (not jurisdiction or place == jurisdiction)
                and (view is None or self._in_view(place, year, view)) for i in members)
        return self._tables[key]

    def services_of(self, setting: str | None, jurisdiction: str | None, view: View | None = None) -> list[Target]:
        """The services in a setting / jurisdiction / view, in catalogue order (remembered like `services_in`)."""
        only = self.services_in(setting, jurisdiction, view)
        if only is None:
            return self.services
        key = (setting, jurisdiction, view)
        if key not in self._lists:
            self._lists[key] = [self.services[i] for i in sorted(only)]
        return self._lists[key]

    def _whole(self, view: View) -> bool:
        """The view holds every service (the base holds one year per jurisdiction), remembered per view."""
        if view not in self._whole_views:
            self._whole_views[view] = all(self._in_view(place, year, view) for place, _, year in self._partitions)
        return self._whole_views[view]


@dataclass(frozen=True)
class Naming:
    """The Russian and English names of a Kazakh-named service, criterion or requirement: the reviewed aliases of
    its concept, else (a new act's item no alias row names yet) its Kazakh words rendered through the lexicon."""

    aliases: Aliases
    lexicon: Lexicon | None
    _made: dict[tuple[str, str], tuple[list[str], dict[str, str]]] = field(default_factory=dict, compare=False,
                                                                           repr=False)

    def source(self, kind: str, name: str) -> str:
        """"aliases", "lexicon" (a rendering that stands for the name) or "kazakh" (known by its Kazakh name only)."""
        if self.aliases.get(concept_key(kind, name)):
            return "aliases"
        if self.lexicon is not None and self.lexicon.render(name).stands_for_name:
            return "lexicon"
        return "kazakh"

    def target(self, kind: str, ident: tuple, name: str, **extra) -> Target:
        """A searchable target: the Kazakh name, then its aliases (the first per language is the name shown in that
        language) or, without any, the lexicon's renderings (searched, never shown)."""
        searched, local = self._names(kind, name)
        return Target(kind, ident, searched, local=local, **extra)

    def _names(self, kind: str, name: str) -> tuple[list[str], dict[str, str]]:
        """The names searched and shown of a Kazakh name, made once per name: every district's and year's table
        prints the same ones (the lists are shared between targets and never changed)."""
        made = self._made.get((kind, name))
        if made is None:
            aliases = self.aliases.get(_concept_key(kind, name)) or {}
            searched = [name] + [a for lang in ("ru", "en") for a in aliases.get(lang, [])]
            if not aliases and self.lexicon is not None:
                rendered = self.lexicon.render(name).names
                searched += [n for lang in ("ru", "en") for n in rendered.get(lang, [])]
            local = {lang: aliases[lang][0] for lang in ("ru", "en") if aliases.get(lang)}
            made = self._made[(kind, name)] = (searched, local)
        return made


def naming(*, aliases: bool = True, lexicon: bool = True) -> Naming:
    """The alias table and the lexicon, each when asked for; a broken file only lowers ru/en recall (logged)."""
    return Naming(_aliases() if aliases else {}, _lexicon() if lexicon else None)


def load_catalogue(db: sqlite3.Connection, glossary: Glossary, *, aliases: bool = True,
                   lexicon: bool = True) -> Catalogue:
    """Everything searched, from an open knowledge base. Without `aliases` the reviewed alias table is left out,
    without `lexicon` the word-by-word renderings: without both, services, criteria and requirements are known by
    their Kazakh names alone."""
    names = naming(aliases=aliases, lexicon=lexicon)
    documents = {row["id"]: dict(row) for row in db.execute("select * from documents")}
    checklist = [names.target("checklist", (row["annex"], row["item"]), row["requirement"], rows=[dict(row)])
                 for row in db.execute("select * from checklist_items order by annex, item")]
    criteria = [names.target("criterion", (row["item"],), row["criterion"], rows=[dict(row)])
                for row in db.execute("select * from criteria order by item")]
    return Catalogue(
        documents=documents,
        places=load_jurisdictions(db),
        services=services(db, documents, names),
        criteria=criteria,
        checklist=checklist,
        staffing=_staffing(db),
        definitions=[dict(row) for row in db.execute("select * from passages where kind = 'definition' order by id")],
        checklist_settings=_checklist_settings(checklist, glossary),
        named_settings=_named_settings(criteria + checklist, glossary),
        synonyms=names.lexicon.kazakh_of if names.lexicon is not None else None)


def annexes(document: dict) -> list[dict]:
    """The annexes a documents row lists (stored as JSON)."""
    value = document.get("annexes")
    if isinstance(value, list):
        return value
    try:
        data = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return data if isinstance(data, list) else []


def table_of(target: Target) -> tuple[str | None, str | None]:
    """The tariff table a service belongs to: (jurisdiction, setting)."""
    return (target.jurisdiction, target.setting)


def _table_year(target: Target, year: int | None) -> tuple:
    return (target.jurisdiction, target.setting, year)


def _concept(target: Target) -> ConceptKey:
    return _concept_key("service", target.names[0])


@lru_cache(maxsize=65536)
def _concept_key(kind: str, name: str) -> ConceptKey:
    """`concept_key` remembered: keying a name is most of what loading a name costs, and names repeat across acts."""
    return concept_key(kind, name)


def _aliases() -> Aliases:
    try:
        return aliases_by_lang()
    except (OSError, ValueError) as error:  # a broken alias file must not stop the bot: it only lowers ru/en recall
        log.error("answering without the alias table: %s", error)
        return {}


def _lexicon() -> Lexicon | None:
    try:
        return load_lexicon()
    except (OSError, ValueError) as error:  # as with the aliases: a broken lexicon must not stop the bot
        log.error("answering without the lexicon: %s", error)
        return None


def table_problems(aliases_path: Path | None = None, lexicon_path: Path | None = None) -> list[str]:
    """What is wrong with the reviewed tables the engine would otherwise answer without (the alias table and the
    lexicon), one line each: `kb check` refuses them, so a slip in an edit is caught before the bot runs on it."""
    problems = []
    for load, path in ((aliases_by_lang, aliases_path), (load_entries, lexicon_path)):
        try:
            load(path)
        except (OSError, ValueError) as error:
            problems.append(str(error))
    return problems


def _staffing(db: sqlite3.Connection) -> list[Target]:
    """One target per (table, position), known by its Kazakh title and its ru / en / everyday Kazakh names."""
    names = staffing_names()
    norms: dict[tuple, Target] = {}
    for row in db.execute("select * from staffing_norms order by id"):
        row = dict(row)
        ident = (row["table_name"], row["position"])
        if ident not in norms:
            other = names.get(position_key(row["position"]), {})
            norms[ident] = Target("staffing", ident, [f"{row['position']} {row['table_name']}", row["position"]]
                                  + [name for lang in ("kk", "ru", "en") for name in other.get(lang, [])],
                                  local={lang: other[lang][0] for lang in ("ru", "en") if other.get(lang)})
        norms[ident].rows.append(row)
    return list(norms.values())


def _checklist_settings(checklist: list[Target], glossary: Glossary) -> dict[int, set[str]]:
    """Settings each checklist (annex) is about: those its title names, else those most of its requirements
    name ("Стационар және жартылай стационар жағдайларында ..." → stationary and semi-stationary)."""

    def settings_in(text: str) -> set[str]:
        words = [loose(t) for t in tokens(text)[:60]]
        return {m.term.key for m in glossary.match(words) if m.term.category == "settings"}

    by_annex: dict[int, list[Target]] = {}
    for target in checklist:
        by_annex.setdefault(target.ident[0], []).append(target)
    found: dict[int, set[str]] = {}
    for annex, targets in by_annex.items():
        settings = settings_in(targets[0].rows[0].get("title") or "")
        if not settings:
            counts: dict[str, int] = {}
            for target in targets:
                for setting in settings_in(target.rows[0]["requirement"]):
                    counts[setting] = counts.get(setting, 0) + 1
            settings = {s for s, n in counts.items() if 2 * n >= len(targets)}
        found[annex] = settings
    return found


MIN_WORD = 4  # shorter words (conjunctions, postpositions) say nothing about what a criterion requires


@lru_cache(maxsize=1024)
def requirement_words(text: str) -> frozenset[str]:
    """A requirement's words after the setting it opens with ("Үйде қызмет көрсету жағдайларында ..."), keyed."""
    words = tokens(text)
    lead = next((i for i, w in enumerate(words[:LEAD_WORDS]) if loose(w).startswith(SETTING_WORD)), -1)
    return frozenset(key(w) for w in words[lead + 1:] if len(w) >= MIN_WORD and not w.isdigit())


def _named_settings(targets: list[Target], glossary: Glossary) -> dict[tuple, frozenset[str]]:
    """The settings a requirement's text opens with: those named before its first "жағдай" word ("Стационар және
    жартылай стационар жағдайларында: ..."); settings named later are part of what it requires ("... стационарлық
    мекемелеріне орналастыру")."""
    found = {}
    for target in targets:
        words = [loose(t) for t in tokens(target.names[0])[:LEAD_WORDS]]
        lead = next((i for i, word in enumerate(words) if word.startswith(SETTING_WORD)), None)
        settings = frozenset(m.term.key for m in glossary.match(words[:lead]) if m.term.category == "settings") \
            if lead else frozenset()
        if settings:
            found[(target.kind, target.ident)] = settings
    return found
