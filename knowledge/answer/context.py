"""What every intent answers with: the catalogue, the open knowledge base, the glossary, and the pieces of a reply
they share (citations, act-status warnings, follow-up choices and their labels, names in the reply language)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from knowledge.answer import compose
from knowledge.answer.catalogue import Catalogue
from knowledge.answer.compose import label, short_title
from knowledge.answer.glossary import Glossary
from knowledge.answer.index import Hit, Target
from knowledge.answer.names import position_name
from knowledge.answer.policy import MAX_CHOICES
from knowledge.answer.positions import Positions
from knowledge.answer.understand import Word
from knowledge.domain import Answer, Choice, Citation, Result
from knowledge.i18n import money
from knowledge.text import loose, loose_words, tokens

LABEL_CHARS = 60  # a choice label at most this long (Telegram cuts buttons at 64), cut between words
DISTINCT_CHARS = 40  # no two choices of one question read the same this far: what tells them apart comes first
_BRACKETS = re.compile(r"\s*\([^()]*\)")
ELIDE_RUN = 2  # an opening shared with another choice is left out ("…") when it is at least this many words
KEEP_LAST = 3  # ... but a name that is all opening keeps this many of its last words
SUGGESTED_CRITERIA = 2  # of the follow-ups offered for a question not answered, at most this many criteria


@dataclass
class Context:
    catalogue: Catalogue
    glossary: Glossary
    db: sqlite3.Connection | None  # for the full-text passages; everything else is in the catalogue
    today: Callable[[], dt.date] = dt.date.today  # the day asked: which year's tariffs are in force (tests fix it)

    def citation(self, document: str, annex: int | None, item, lang: str) -> Citation:
        doc = self.catalogue.documents.get(document, {})
        # the contract knows in_force | repealed: a superseded act is no longer in force (the text says "superseded")
        status = "repealed" if doc.get("status") in ("repealed", "superseded") else "in_force"
        return Citation(document=document, title=short_title(doc, lang) if doc else document,
                        annex=annex or None, item=str(item) if item not in (None, "") else None, status=status)

    def status_warning(self, document: str, lang: str) -> str:
        """"This act is repealed by ..." / "superseded by ..." for an act not in force; "" for one in force."""
        documents = self.catalogue.documents
        doc = documents.get(document) or {}
        if doc.get("status") == "repealed":
            return compose.repealed_line(doc, lang)
        if doc.get("status") == "superseded":
            newer = documents.get(doc.get("superseded_by") or "")
            return compose.superseded_line(short_title(newer, lang) if newer else doc.get("superseded_by") or "—", lang)
        return ""

    def document_result(self, doc: dict, lang: str, score: float) -> Result:
        return Result(type="document", citation=self.citation(doc["id"], None, None, lang), score=score,
                      fields={"id": doc["id"], "title": doc.get(f"title_{lang}") or doc["title_kk"],
                              "jurisdiction": doc["jurisdiction"],
                              "jurisdiction_name": self.catalogue.jurisdiction_name(doc["jurisdiction"], lang),
                              "number": doc["number"], "date": doc["date"], "status": doc["status"]})

    positions: Positions = field(init=False)  # the titles printed in the base and the glossary's position terms

    def __post_init__(self) -> None:
        # built with the context (at load), not by the first question that names a position
        self.positions = Positions(self.catalogue.services, self.catalogue.service_index, self.glossary)

    def where(self, target: Target, lang: str) -> str:
        """A service's table in words: "Börli district home care"."""
        return f"{self.catalogue.jurisdiction_name(target.jurisdiction, lang)} {label(target.setting or '', lang)}"

    def place(self, target: Target, lang: str) -> str:
        """A service's jurisdiction as a button names it ("Бөрлі")."""
        place = self.catalogue.places.get(target.jurisdiction or "")
        return place.short(lang) if place else target.jurisdiction or ""

    def service_choice(self, target: Target, lang: str) -> Choice:
        name, where = localised_name(target, lang), self.where(target, lang)
        return Choice(label=cut(f"{name} ({where})"), query=f"{where} {name}")

    def service_choices(self, targets: list[Target], lang: str, *, rows: list[dict | None] | None = None,
                        area: str | None = None) -> list[Choice]:
        """Choices between services, labels led by what differs between them (district, setting; then the
        position, the figure, the item number where the names alone read alike). `rows`: per service, the row
        the question is about (its position, asked by name, goes into the follow-up question)."""
        targets = targets[:MAX_CHOICES]
        rows = (rows or [])[: len(targets)] + [None] * (len(targets) - len(rows or []))
        facets, queries = [], []
        for target, row in zip(targets, rows, strict=True):
            shown = row or (target.rows[0] if len(target.rows) == 1 else None)
            title = _BRACKETS.sub("", position_name((shown or {}).get("position") or "", lang)).strip()
            facets.append(Facets(name=full_name(target, lang), place=self.place(target, lang),
                                 setting=label(f"{target.setting}_short", lang), position=title,
                                 figure=_figure(shown, area, lang), number=str(target.ident[-1])))
            query = f"{self.where(target, lang)} {full_name(target, lang)}"
            queries.append(f"{query} {row['position']}" if row and row.get("position") else query)
        # a position the question named is not what is left open, unless the choices hold it under several titles
        lead = ("place", "setting", "position") if any(rows) else ("place", "setting")
        return [Choice(text, query) for text, query in zip(choice_labels(facets, lead), queries, strict=True)]

    def criterion_choice(self, target: Target, lang: str) -> Choice:
        row = target.rows[0]
        name = localised_name(target, lang)
        return Choice(label=cut(f"{row['item']}. {name}"), query=f"{name} — {label('ask_degree', lang)}?")

    def suggestions(self, lang: str, words: list[Word] | None = None) -> list[Choice]:
        """Follow-ups for a question the base does not answer: the services and risk criteria closest to the
        question's own words (found in the catalogue like any question); when none is near, ones built from the
        base itself: one tariff per setting, one criterion, the documents."""
        closest = self._closest(words, lang) if words else []
        if closest:
            return closest
        choices, seen = [], set()
        for target in self.catalogue.services:
            if target.setting not in seen:
                seen.add(target.setting)
                choices.append(self.service_choice(target, lang))
            if len(choices) == 3:
                break
        if self.catalogue.criteria:
            choices.append(self.criterion_choice(self.catalogue.criteria[0], lang))
        choices.append(Choice(label=label("ask_documents", lang), query=label("ask_documents_query", lang)))
        return choices[:MAX_CHOICES]

    def _closest(self, words: list[Word], lang: str) -> list[Choice]:
        """Services (one per name) and criteria matching at least one of the words as itself or its stem, best
        first: services first, then up to SUGGESTED_CRITERIA criteria."""
        services = self.catalogue.service_index.search(words, limit=4 * MAX_CHOICES, drop_unmatched=True)
        criteria = self.catalogue.criterion_index.search(words, limit=SUGGESTED_CRITERIA, drop_unmatched=True)
        choices: list[Choice] = []
        names: set[str] = set()
        for hit in services:
            name = localised_name(hit.target, lang)
            if hit.sure and name not in names and len(names) < MAX_CHOICES - SUGGESTED_CRITERIA:
                names.add(name)
                choices.append(self.service_choice(hit.target, lang))
        choices += [self.criterion_choice(hit.target, lang) for hit in criteria if hit.sure]
        return choices[:MAX_CHOICES]


def warn(answer: Answer, lines: list[str], warning: str, icon: str = "⚠") -> None:
    """A warning line in the reply text, and once in `answer.warnings` (front ends show those prominently)."""
    if warning:
        lines.append(f"{icon} {warning}")
        if warning not in answer.warnings:
            answer.warnings.append(warning)


def full_name(target: Target, lang: str) -> str:
    """The name in `lang` as it is (its first alias in that language, else the Kazakh name as printed)."""
    return target.local.get(lang) or target.names[0]


def localised_name(target: Target, lang: str) -> str:
    """The name to show in `lang`: its first alias in that language, else the Kazakh name as printed."""
    return cut(target.local.get(lang) or target.names[0], 120)


def distinct_name(target: Target) -> str:
    """What tells things apart for a user: the aliases when there are any (two items with the same aliases read
    the same in every language, so they are shown side by side, not offered as indistinguishable choices)."""
    return _distinct(tuple(target.names[1:] or target.names[:1]))


@lru_cache(maxsize=8192)
def _distinct(names: tuple[str, ...]) -> str:
    return " | ".join(" ".join(loose_words(name)) for name in names)


def same_name(hit: Hit, top: Hit) -> bool:
    return distinct_name(hit.target) == distinct_name(top.target)


# --- choice labels: what tells the choices apart comes first ------------------------------------------------------


@dataclass(frozen=True)
class Facets:
    """What a choice is, part by part. Its label leads with the parts that differ between the choices offered."""

    name: str
    place: str = ""  # "Бөрлі"
    setting: str = ""  # "үйде"
    position: str = ""
    figure: str = ""  # the rate, formatted
    number: str = ""  # the item number


def choices(facets: list[Facets], queries: list[str]) -> list[Choice]:
    """Choices with labels from `choice_labels`, at most MAX_CHOICES."""
    facets, queries = facets[:MAX_CHOICES], queries[:MAX_CHOICES]
    return [Choice(text, query) for text, query in zip(choice_labels(facets), queries, strict=True)]


def choice_labels(facets: list[Facets], lead: tuple[str, ...] = ("place", "setting")) -> list[str]:
    """One label per choice, each starting with what distinguishes it: the `lead` parts (place, setting, position)
    that differ, then the name without the opening it shares with another ("Ересектерге … есту протездік
    көмегін …"). Labels that would still read alike for DISTINCT_CHARS get the position, the figure or the item
    number in front (the first of those that differs within the look-alikes); all are cut between words at
    LABEL_CHARS."""
    if not facets:
        return []
    lead = tuple(part for part in lead if len({getattr(f, part) for f in facets}) > 1)
    heads = [[getattr(f, part) for part in lead if getattr(f, part)] for f in facets]
    tails = _tails([f.name for f in facets])
    labels = [_label(head, tail) for head, tail in zip(heads, tails, strict=True)]
    for extra in (part for part in ("position", "figure", "number") if part not in lead):
        for group in _alike(labels):
            if len({getattr(facets[i], extra) for i in group}) > 1:
                for i in group:
                    if getattr(facets[i], extra):
                        heads[i] = [getattr(facets[i], extra), *heads[i]]
                        labels[i] = _label(heads[i], tails[i])
    for group in _alike(labels):  # the very same thing twice: only its place in the list tells it apart
        for n, i in enumerate(group, 1):
            labels[i] = cut(f"{n}) {labels[i]}")
    return labels


def cut(text: str, limit: int = LABEL_CHARS) -> str:
    """`text` at most `limit` characters, cut at a word boundary with "…" (never inside a word)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if text[limit - 1] != " " and " " in head:
        head = head[: head.rindex(" ")]
    return head.rstrip(" ,;:·—-(") + "…"


def _label(head: list[str], tail: str) -> str:
    return cut(" · ".join(head) + " — " + tail if head else tail)


def _alike(labels: list[str]) -> list[list[int]]:
    """Groups (of two or more) of labels reading the same for DISTINCT_CHARS characters."""
    groups: dict[str, list[int]] = {}
    for i, text in enumerate(labels):
        groups.setdefault(text[:DISTINCT_CHARS].casefold(), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def _tails(names: list[str]) -> list[str]:
    """Each name with the opening it shares with another name left out ("individual … musculoskeletal
    disorders" / "individual … psychoneurological disorders"): what follows is what tells them apart. The first
    word stays, to say what kind of thing it is; a name that is all opening keeps its last words."""
    words = [name.split() for name in names]
    normed = [[_norm(w) for w in ws] for ws in words]
    tails = []
    for i, ws in enumerate(words):
        common = max((_common_words(normed[i], other) for other in normed if other != normed[i]), default=0)
        if common == len(ws):
            common -= KEEP_LAST  # the whole name opens another one: its last words say where it stops
        if common - 1 < ELIDE_RUN:
            tails.append(names[i])
        else:
            tails.append(" ".join([ws[0], "…", *ws[common:]]))
    return tails


def _common_words(a: list[str], b: list[str]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _norm(word: str) -> str:
    return " ".join(loose(t) for t in tokens(word))


def _figure(row: dict | None, area: str | None, lang: str) -> str:
    if not row:
        return ""
    if row.get("rate") is not None:
        return money(row["rate"], lang)
    return money(row.get(f"rate_{area or 'city'}"), lang)
