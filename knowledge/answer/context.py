"""What every intent answers with: the catalogue, the open knowledge base, the glossary, and the pieces of a reply
they share (citations, act-status warnings, follow-up choices, names in the reply language)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from knowledge.answer import compose
from knowledge.answer.catalogue import Catalogue
from knowledge.answer.compose import label, short_title, truncate
from knowledge.answer.glossary import Glossary
from knowledge.answer.index import Hit, Target
from knowledge.answer.policy import MAX_CHOICES
from knowledge.answer.understand import Word
from knowledge.domain import Answer, Choice, Citation, Result
from knowledge.text import loose, tokens

SUGGESTED_CRITERIA = 2  # of the follow-ups offered for a question not answered, at most this many criteria


@dataclass
class Context:
    catalogue: Catalogue
    glossary: Glossary
    db: sqlite3.Connection | None  # for the full-text passages; everything else is in the catalogue

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

    def where(self, target: Target, lang: str) -> str:
        """A service's table in words: "Börli district home care"."""
        return f"{self.catalogue.jurisdiction_name(target.jurisdiction, lang)} {label(target.setting or '', lang)}"

    def service_choice(self, target: Target, lang: str) -> Choice:
        name, where = localised_name(target, lang), self.where(target, lang)
        return Choice(label=truncate(f"{name} ({where})", 60), query=f"{where} {name}")

    def criterion_choice(self, target: Target, lang: str) -> Choice:
        row = target.rows[0]
        name = localised_name(target, lang)
        return Choice(label=truncate(f"{row['item']}. {name}", 60), query=f"{name} — {label('ask_degree', lang)}?")

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


def localised_name(target: Target, lang: str) -> str:
    """The name to show in `lang`: its first alias in that language, else the Kazakh name as printed."""
    return truncate(target.local.get(lang) or target.names[0], 120)


def distinct_name(target: Target) -> str:
    """What tells things apart for a user: the aliases when there are any (two items with the same aliases read
    the same in every language, so they are shown side by side, not offered as indistinguishable choices)."""
    names = target.names[1:] or target.names[:1]
    return " | ".join(" ".join(loose(t) for t in tokens(name)) for name in names)


def same_name(hit: Hit, top: Hit) -> bool:
    return distinct_name(hit.target) == distinct_name(top.target)
