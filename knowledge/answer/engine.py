"""The answer engine: question text → Answer (issue 3).

Contract used by the CLI, the console and the bot:
    engine = Engine.open(kb_path=None)       # loads the knowledge base once (read-only), fast
    engine.ask(question, lang=None, *, setting=None, area=None, jurisdiction=None) -> Answer
        lang: the user's chosen reply language (kk | ru | en) or None (then the question's language, else kk).
        setting/area/jurisdiction: explicit filters that override what the question says (buttons use them).
    engine.documents(lang) -> list[Result]   # every source document as a "document" result (for /sources)
    engine.reload() -> None                  # reopen the knowledge base file (after `kb build`)

Everything searched per question is in memory (loaded at `open`); only the passage fallback queries SQLite (FTS5).
Confidence rules: a service / criterion is answered only when its score is high and not tied with a different one;
otherwise the engine asks back with ready follow-up questions, or says it does not know. No figure is ever made up.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from knowledge.answer import compose
from knowledge.answer.compose import cite, label, short_title, truncate
from knowledge.answer.glossary import load_glossary, loose, tokens
from knowledge.answer.index import INFLECTED, Hit, Index, Target, coverage, fts_passages
from knowledge.answer.understand import Understood, understand
from knowledge.domain import DEGREE_KK, LANGS, SETTINGS, TARIFF_EXPORT_FIELDS, Answer, Choice, Citation, Filters, Result
from knowledge.kb import open_kb

try:  # the reviewed alias table (another helper's module); the engine works without it, with less ru/en recall
    from knowledge.answer.aliases import aliases_by_lang
except ImportError:  # pragma: no cover - depends on another helper's progress
    aliases_by_lang = None

log = logging.getLogger(__name__)

ANSWER_SCORE = 0.5  # at or above: confident enough to answer (when not tied)
CLARIFY_SCORE = 0.34  # between: ask back with choices; below: not found
TIE = 0.035  # two different things this close are a tie → ask
COMPARE = 0.08
MIN_COVER = 0.34  # one matching word must cover at least this much of the name to be answered outright
TO_THE_POINT = 0.05  # a near rival whose name the question covers this much better is a real alternative
CLEARER = 0.07  # a near-equal whose name covers this much less of itself is no tie (it says more than was asked)
POSITION_BONUS = 0.15  # a service that has a row for the asked position beats a near-equal one that has not  # other settings/jurisdictions this close to the best are shown side by side
MAX_CHOICES = 5
LONG_WORD = 7  # a word this long found by its stem is specific enough to answer on
AREAS = ("city", "rural")
RECIPIENT_WORDS = ("кызмет", "алушы", "получат", "recipient", "resident", "человек", "адам", "клиент", "people")
JURISDICTIONS = ("oblast", "borli", "baiterek")


class Engine:
    def __init__(self, kb_path: Path | None = None, *, aliases: bool = True) -> None:
        self.kb_path = kb_path
        self.aliases = aliases  # False: the reviewed alias table is not loaded (what the engine does on its own)
        self.glossary = load_glossary()
        self.db: sqlite3.Connection | None = None
        self._load()

    @classmethod
    def open(cls, kb_path: Path | None = None, *, aliases: bool = True) -> Engine:
        return cls(kb_path, aliases=aliases)

    def reload(self) -> None:
        if self.db is not None:
            self.db.close()
        self._load()

    # ---------------------------------------------------------------- loading

    def _load(self) -> None:
        db = open_kb(self.kb_path)
        self.db = db
        self.docs: dict[str, dict] = {row["id"]: dict(row) for row in db.execute("select * from documents")}
        aliases = _aliases() if self.aliases else {}
        rows_by_service: dict[tuple, list[dict]] = {}
        for row in db.execute("select * from tariffs order by document, annex, item, id"):
            row = dict(row)
            rows_by_service.setdefault((row["document"], row["annex"], row["item"]), []).append(row)
        # A decree that replaces an older one for the same jurisdiction and year prints the same services: its items
        # take the reviewed aliases of the same-named service of the same table when they have none of their own.
        by_name = {(rows[0]["jurisdiction"], rows[0]["setting"], _name_key(rows[0]["service"])): aliases[("service", *ident)]
                   for ident, rows in rows_by_service.items() if ("service", *ident) in aliases}
        services = [_target("service", ident, rows[0]["service"],
                            aliases.get(("service", *ident))
                            or by_name.get((rows[0]["jurisdiction"], rows[0]["setting"], _name_key(rows[0]["service"]))),
                            jurisdiction=rows[0]["jurisdiction"], setting=rows[0]["setting"], rows=rows)
                    for ident, rows in rows_by_service.items()]
        # Acts in force win: a superseded act's table is searched only where no act in force covers the same
        # jurisdiction and setting (then its answers carry a "superseded by ..." warning).
        current = {_partition(t) for t in services if self._status(t.ident[0]) != "superseded"}
        self.services = [t for t in services if self._status(t.ident[0]) != "superseded" or _partition(t) not in current]
        self.service_index = Index(self.services)
        self._partitions: dict[tuple, frozenset[int]] = {}
        self.criteria = [_target("criterion", (row["item"],), row["criterion"],
                                 aliases.get(("criterion", row["document"], row["annex"], row["item"])), rows=[dict(row)])
                         for row in db.execute("select * from criteria order by item")]
        self.criterion_index = Index(self.criteria)
        self.checklist = [_target("checklist", (row["annex"], row["item"]), row["requirement"],
                                  aliases.get(("checklist", row["document"], row["annex"], row["item"])), rows=[dict(row)])
                          for row in db.execute("select * from checklist_items order by annex, item")]
        self.checklist_index = Index(self.checklist)
        self.checklist_settings = self._checklist_settings()
        norms: dict[tuple, Target] = {}
        for row in db.execute("select * from staffing_norms order by id"):
            row = dict(row)
            ident = (row["table_name"], row["position"])
            if ident not in norms:
                norms[ident] = Target("staffing", ident, [f"{row['position']} {row['table_name']}", row["position"]])
            norms[ident].rows.append(row)
        self.staffing = list(norms.values())
        self.staffing_index = Index(self.staffing)
        self.definitions = [dict(row) for row in db.execute(
            "select * from passages where kind = 'definition' order by id")]
        docs = [Target("document", (d["id"],), [d.get(f"title_{lang}") or "" for lang in LANGS]
                       + [d.get(f"issuer_{lang}") or "" for lang in LANGS], [d]) for d in self.docs.values()]
        self.document_index = Index(docs)
        for lang in LANGS:  # load Babel's locale data now, not on the first user's question
            compose.money(1.0, lang)

    # ---------------------------------------------------------------- asking

    def ask(self, question: str, lang: str | None = None, *, setting: str | None = None,
            area: str | None = None, jurisdiction: str | None = None) -> Answer:
        question = question if isinstance(question, str) else str(question or "")
        try:
            return self._ask(question, lang, setting, area, jurisdiction)
        except Exception:  # a question must never crash the bot: log it and answer politely
            log.exception("question failed: %r", question[:200])
            reply = lang if lang in LANGS else "kk"
            return Answer(question=question, lang=reply, intent="unknown", filters=Filters(), status="not_found",
                          text=label("error", reply))

    def _ask(self, question: str, lang: str | None, setting: str | None, area: str | None,
             jurisdiction: str | None) -> Answer:
        u = understand(question, self.glossary)
        if setting in SETTINGS:
            u.filters.setting = setting
        if area in AREAS:
            u.filters.area = area
        if jurisdiction in JURISDICTIONS:
            u.filters.jurisdiction = jurisdiction
        reply = lang if lang in LANGS else u.lang
        answer = Answer(question=question, lang=reply, intent=u.intent, filters=u.filters, status="not_found")
        if u.empty or (not u.words and not u.cues and not _any_filter(u.filters) and not u.degree):
            answer.text = label("empty" if u.empty else "not_found", reply)
            answer.choices = self._suggestions(reply)
            return answer
        handlers: dict[str, Callable[[Understood, Answer], bool]] = {
            "tariff": self._tariff, "violation": self._violation, "checklist": self._checklist,
            "staffing": self._staffing, "document": self._document,
        }
        if u.intent in handlers and handlers[u.intent](u, answer):
            return answer
        if u.intent == "violation" and u.degree and self._degree(u.degree, answer):
            return answer
        if u.intent in ("unknown", "checklist", "violation") and self._best_of_all(u, answer):
            return answer
        if self._passage(u, answer):
            return answer
        answer.status = "not_found"
        answer.results, answer.verdict = [], None
        if not answer.text:
            answer.text = label("not_found", reply)
            answer.choices = self._suggestions(reply)
        return answer

    # ---------------------------------------------------------------- tariffs

    def _tariff(self, u: Understood, answer: Answer) -> bool:
        f, lang = u.filters, answer.lang
        if self._other_year(u, answer):
            return True
        allowed = [t for t in self.services
                   if (not f.setting or t.setting == f.setting) and (not f.jurisdiction or t.jurisdiction == f.jurisdiction)]
        if not allowed:
            if f.setting and f.jurisdiction and self.services:
                answer.intent = "tariff"
                answer.text = label("not_in_table", lang)
                answer.choices = self._partition_choices(u, lang)
                return True
            return False
        hits = self.service_index.search(u.words, limit=40, only=self._service_indices(f.setting, f.jurisdiction))
        hits = self._prefer_position(hits, f.position)
        if not hits or hits[0].score < CLARIFY_SCORE:
            if not u.words and (f.setting or f.jurisdiction or f.position):
                answer.intent, answer.status = "tariff", "clarify"
                answer.text = label("clarify", lang)
                answer.choices = [self._service_choice(t, lang) for t in self._examples(allowed, f.position)]
                return True
            return False
        top = hits[0]
        answer.intent = "tariff"
        same_part = [h for h in hits[1:] if _partition(h.target) == _partition(top.target)]
        rivals = [h for h in same_part if _tied(h, top) and _name(h.target) != _name(top.target)
                  and self._position_rival(h, top, f.position)]
        if top.score < ANSWER_SCORE or rivals or not _enough_evidence(top, u.words):
            answer.status = "clarify"
            answer.text = label("clarify", lang)
            answer.choices = self._distinct_choices(hits, lang)
            return True
        chosen = [top] + [h for h in same_part if h.score >= top.score - TIE and _name(h.target) == _name(top.target)]
        if not (f.setting and f.jurisdiction):
            seen = {_partition(top.target)}
            for h in hits[1:]:
                part = _partition(h.target)
                if part not in seen and h.score >= max(top.score - COMPARE, ANSWER_SCORE):
                    seen.add(part)
                    chosen.append(h)
        answer.status = "answer"
        answer.results = [self._tariff_result(row, h.score, lang) for h in chosen for row in _rows(h.target, f.position)]
        answer.text = self._tariff_text(answer, chosen, u)
        if len({_partition(h.target) for h in chosen}) > 1:
            answer.choices = [self._service_choice(h.target, lang) for h in chosen][:MAX_CHOICES]
        return True

    def _other_year(self, u: Understood, answer: Answer) -> bool:
        """A tariff year the base does not hold ("тарифы 2024 года"): say so, offer the year it holds; never
        answer a 2024 question with 2026 figures."""
        held = sorted({d["year"] for d in self.docs.values() if d.get("kind") == "tariffs" and d.get("year")})
        asked = [int(n) for n in u.numbers if len(n) == 4 and 2000 <= int(n) <= 2099]
        numbers = {d.get("number") for d in self.docs.values()}
        if not held or not asked or any(year in held for year in asked) or numbers & set(u.numbers):
            return False  # a decree named by its number ("№ 286 от 2025 года") is asked about, not a year
        lang, year = answer.lang, held[-1]
        answer.intent, answer.status = "tariff", "clarify"
        answer.text = label("other_year", lang).format(asked=asked[0], held=", ".join(map(str, held)))
        answer.choices = [Choice(label("same_for_year", lang).format(year=year),
                                 re.sub(rf"\b{asked[0]}\b", str(year), u.question))]
        return True

    def _single_rate_note(self, document: str, annex: int, area: str | None, lang: str) -> str:
        """When an area is asked of a one-rate table, say what that one rate covers: a city-only rate must never
        pass for a rural one."""
        spec = next((a for a in _json_list((self.docs.get(document) or {}).get("annexes"))
                     if a.get("number") == annex), {})
        if not area or spec.get("rates") != "single":
            return ""
        return label("city_rate_only" if spec.get("area") == "city" else "single_rate", lang)

    def _status(self, document: str) -> str:
        return (self.docs.get(document) or {}).get("status") or "in_force"

    def _status_warning(self, document: str, lang: str) -> str:
        """"This act is repealed by ..." / "superseded by ..." for an act not in force; "" for one in force."""
        doc = self.docs.get(document) or {}
        if doc.get("status") == "repealed":
            return compose.repealed_line(doc, lang)
        if doc.get("status") == "superseded":
            newer = self.docs.get(doc.get("superseded_by") or "")
            return compose.superseded_line(short_title(newer, lang) if newer else doc.get("superseded_by") or "—", lang)
        return ""

    def _service_indices(self, setting: str | None, jurisdiction: str | None) -> frozenset[int] | None:
        """Indices of the services in a setting / jurisdiction (None: all), remembered per filter pair."""
        if not setting and not jurisdiction:
            return None
        key = (setting, jurisdiction)
        found = self._partitions.get(key)
        if found is None:
            found = self._partitions[key] = frozenset(
                i for i, t in enumerate(self.services)
                if (not setting or t.setting == setting) and (not jurisdiction or t.jurisdiction == jurisdiction))
        return found

    def _prefer_position(self, hits: list[Hit], position: str | None) -> list[Hit]:
        """Services with a row for the asked position rank first among near-equals (a small, bounded bonus)."""
        if not position:
            return hits
        for hit in hits:
            if any(self._has_position(row, position) for row in hit.target.rows):
                hit.score += POSITION_BONUS
        return sorted(hits, key=lambda h: -h.score)

    def _position_rival(self, hit: Hit, top: Hit, position: str | None) -> bool:
        """A near-equal service is no rival when the user named a position only the best one has."""
        if not position:
            return True
        has = any(self._has_position(r, position) for r in hit.target.rows)
        return has or not any(self._has_position(r, position) for r in top.target.rows)

    def _has_position(self, row: dict, position: str) -> bool:
        wanted = self.glossary.position_kb.get(position, ())
        name = " ".join(loose(t) for t in tokens(row.get("position") or ""))
        return any(w in name for w in wanted)

    def _tariff_result(self, row: dict, score: float, lang: str) -> Result:
        fields = {name: row.get(name) for name in TARIFF_EXPORT_FIELDS}
        fields["flagged"] = bool(row.get("flagged"))
        return Result(type="tariff", citation=self._citation(row["document"], row["annex"], row["item"], lang),
                      score=score, fields=fields)

    def _tariff_text(self, answer: Answer, chosen: list[Hit], u: Understood) -> str:
        lang, area = answer.lang, u.filters.area
        lines: list[str] = []
        if len({_partition(h.target) for h in chosen}) > 1:
            lines.append(label("compare", lang))
        for hit in chosen:
            target = hit.target
            head = f"{label(target.jurisdiction, lang)}, {label(target.setting, lang)}:"
            lines.append(head)
            for row in _rows(target, u.filters.position):
                lines.append("• " + compose.tariff_line(row, area, lang))
                if row.get("flagged"):
                    reason = "rate_pattern" if "rate_pattern" in (row.get("flag_reason") or "") else "flagged"
                    _warn(answer, lines, label(reason, lang))
            doc = target.rows[0]["document"]
            _warn(answer, lines, self._single_rate_note(doc, target.ident[1], area, lang), icon="ℹ")
            lines.append(f"{label('source', lang)}: {cite(self._citation(doc, target.ident[1], target.ident[2], lang), lang)}")
            _warn(answer, lines, self._status_warning(doc, lang))
        return "\n".join(lines)

    # ---------------------------------------------------------------- violations and checklists

    def _violation(self, u: Understood, answer: Answer) -> bool:
        lang = answer.lang
        hits = self.criterion_index.search(u.words + u.filter_words, limit=10)
        if not hits or hits[0].score < CLARIFY_SCORE:
            return False
        top = hits[0]
        near = [h for h in hits[1:] if _tied(h, top)]
        answer.intent = "violation"
        degrees = {h.target.rows[0]["degree"] for h in [top] + near}
        if top.score < ANSWER_SCORE or len(degrees) > 1 or not _enough_evidence(top, u.words + u.filter_words):
            answer.status = "clarify"
            answer.text = label("clarify", lang)
            answer.choices = [self._criterion_choice(h.target, lang) for h in hits[:MAX_CHOICES]]
            return True
        chosen = [top] + near[:2]
        answer.status = "answer"
        answer.results = [self._criterion_result(h, lang) for h in chosen]
        degree = top.target.rows[0]["degree"]
        lines = []
        if u.degree:
            answer.verdict = "yes" if degree == u.degree else "no"
            lines.append(f"{label(answer.verdict, lang)}: {compose.degree_text(degree, top.target.rows[0]['degree_kk'], lang)}.")
        for hit in chosen:
            row = hit.target.rows[0]
            lines.append(f"{label('criterion', lang)} {row['item']}: {truncate(row['criterion'], 300)} — "
                         f"{label('degree', lang)}: {compose.degree_text(row['degree'], row['degree_kk'], lang)}")
        definition = self._definition(degree)
        if definition:
            lines.append(f"{label('definition', lang)}: {truncate(definition, 400)}")
        lines.append(f"{label('source', lang)}: "
                     + "; ".join(cite(r.citation, lang) for r in answer.results))
        answer.text = "\n".join(lines)
        return True

    def _degree(self, degree: str, answer: Answer) -> bool:
        """"What is a gross violation?": the order's definition of the degree and the criteria that carry it."""
        lang = answer.lang
        criteria = [t for t in self.criteria if t.rows[0]["degree"] == degree]
        if not criteria:
            return False
        answer.intent, answer.status = "violation", "answer"
        lines = [f"{compose.degree_text(degree, DEGREE_KK[degree], lang).capitalize()}:"]
        definition = next((p for p in self.definitions if p["text"] == self._definition(degree)), None)
        if definition:
            citation = self._citation(definition["document"], definition.get("annex"), definition.get("item"), lang)
            answer.results.append(Result(type="passage", citation=citation, score=1.0,
                                         fields={"kind": "definition", "text": definition["text"]}))
            lines.append(f"{label('definition', lang)}: {truncate(definition['text'], 600)}")
        items = [t.rows[0]["item"] for t in criteria]
        lines.append(label("degree_criteria", lang).format(count=len(items), items=", ".join(map(str, items))))
        answer.results += [Result(type="criterion", citation=self._citation("004", 1, t.rows[0]["item"], lang),
                                  score=1.0, fields={name: t.rows[0][name]
                                                     for name in ("item", "criterion", "degree", "degree_kk")})
                           for t in criteria[:MAX_CHOICES]]
        lines.append(f"{label('source', lang)}: {cite(answer.results[0].citation, lang)}")
        answer.text = "\n".join(lines)
        return True

    def _definition(self, degree: str) -> str:
        word = {"gross": "өрескел", "significant": "елеулі", "minor": "болмашы"}[degree]
        for passage in self.definitions:
            if passage["text"].casefold().lstrip("0123456789)\" ").startswith(word) or word in (passage.get("title") or ""):
                return passage["text"]
        for passage in self.definitions:
            if word in passage["text"].casefold()[:60]:
                return passage["text"]
        return ""

    def _criterion_result(self, hit: Hit, lang: str) -> Result:
        row = hit.target.rows[0]
        return Result(type="criterion", citation=self._citation(row.get("document", "004"), row.get("annex", 1),
                                                                row["item"], lang),
                      score=hit.score, fields={"item": row["item"], "criterion": row["criterion"],
                                               "degree": row["degree"], "degree_kk": row["degree_kk"]})

    def _checklist_settings(self) -> dict[int, set[str]]:
        """Settings each checklist (annex) is about: those its title names, else those most of its requirements
        name ("Стационар және жартылай стационар жағдайларында ..." → stationary and semi-stationary)."""
        by_annex: dict[int, list[Target]] = {}
        for target in self.checklist:
            by_annex.setdefault(target.ident[0], []).append(target)
        found: dict[int, set[str]] = {}
        for annex, targets in by_annex.items():
            settings = self._settings_in(targets[0].rows[0].get("title") or "")
            if not settings:
                counts: dict[str, int] = {}
                for target in targets:
                    for setting in self._settings_in(target.rows[0]["requirement"]):
                        counts[setting] = counts.get(setting, 0) + 1
                settings = {s for s, n in counts.items() if 2 * n >= len(targets)}
            found[annex] = settings
        return found

    def _settings_in(self, text: str) -> set[str]:
        words = [loose(t) for t in tokens(text)[:60]]
        return {m.term.key for m in self.glossary.match(words) if m.term.category == "settings"}

    def _checklist(self, u: Understood, answer: Answer) -> bool:
        lang = answer.lang
        setting = u.filters.setting
        annexes = sorted(a for a, settings in self.checklist_settings.items() if setting in settings)
        only = frozenset(i for i, t in enumerate(self.checklist) if t.ident[0] in annexes) if annexes else None
        if not u.words and annexes and "checklist" in u.cues:
            return self._checklist_overview(annexes, answer)
        hits = self.checklist_index.search(u.words + u.filter_words, limit=10, only=only)
        if not hits or hits[0].score < CLARIFY_SCORE:
            if annexes and "checklist" in u.cues:
                return self._checklist_overview(annexes, answer)
            return False
        top = hits[0]
        answer.intent = "checklist"
        rivals = [h for h in hits[1:] if _tied(h, top) and _name(h.target) != _name(top.target)]
        if top.score < ANSWER_SCORE or rivals:
            if annexes and "checklist" in u.cues:
                # "the home-care checklist": no one requirement stands out, so the whole checklist is the answer
                return self._checklist_overview(annexes, answer)
            answer.status = "clarify"
            answer.text = label("clarify", lang)
            answer.choices = [Choice(truncate(_localised_name(h.target, lang), 60), truncate(h.target.names[0], 200))
                              for h in hits[:MAX_CHOICES]]
            return True
        row = top.target.rows[0]
        citation = self._citation(row["document"], row["annex"], row["item"], lang)
        answer.status = "answer"
        answer.results = [Result(type="checklist", citation=citation, score=top.score,
                                 fields={"annex": row["annex"], "title": row["title"], "item": row["item"],
                                         "requirement": row["requirement"]})]
        answer.text = (f"{label('checklist', lang)}: {truncate(row['title'], 200)}\n{row['item']}. {row['requirement']}"
                       f"\n{label('source', lang)}: {cite(citation, lang)}")
        return True

    def _checklist_overview(self, annexes: list[int], answer: Answer) -> bool:
        """"What does the home care checklist check": the checklist of that setting, its requirements listed."""
        lang = answer.lang
        answer.intent = "checklist"
        if len(annexes) > 1:
            answer.status = "clarify"
            answer.text = label("clarify", lang)
            titles = {t.ident[0]: t.rows[0]["title"] for t in self.checklist}
            answer.choices = [Choice(truncate(f"{a}. {titles[a]}", 60), f"{label('checklist', lang)} {a}: {titles[a]}")
                              for a in annexes[:MAX_CHOICES]]
            return True
        items = [t for t in self.checklist if t.ident[0] == annexes[0]]
        first = items[0].rows[0]
        answer.status = "answer"
        lines = [f"{label('checklist', lang)}: {truncate(first['title'], 250)}",
                 label("requirements", lang).format(n=len(items))]
        for target in items:
            row = target.rows[0]
            citation = self._citation(row["document"], row["annex"], row["item"], lang)
            answer.results.append(Result(type="checklist", citation=citation, score=1.0,
                                         fields={"annex": row["annex"], "title": row["title"], "item": row["item"],
                                                 "requirement": row["requirement"]}))
            lines.append(f"{row['item']}. {_localised_name(target, lang)}")
        lines.append(f"{label('source', lang)}: {cite(self._citation(first['document'], first['annex'], None, lang), lang)}")
        answer.text = "\n".join(lines)
        return True

    def _best_of_all(self, u: Understood, answer: Answer) -> bool:
        """No clear intent: answer from whichever of services, criteria and requirements matches clearly best."""
        scored = []
        for kind, index in (("tariff", self.service_index), ("violation", self.criterion_index),
                            ("checklist", self.checklist_index)):
            words = u.words if kind == "tariff" else u.words + u.filter_words
            hits = index.search(words, limit=1)
            if hits:
                scored.append((hits[0].score, kind))
        scored.sort(reverse=True)
        if not scored or scored[0][0] < ANSWER_SCORE:
            return False
        if len(scored) > 1 and scored[1][0] >= scored[0][0] - TIE:
            return False
        handler = {"tariff": self._tariff, "violation": self._violation, "checklist": self._checklist}[scored[0][1]]
        return handler(u, answer)

    # ---------------------------------------------------------------- staffing, documents, passages

    def _staffing(self, u: Understood, answer: Answer) -> bool:
        lang = answer.lang
        answer.intent = "staffing"
        doc = self.docs.get("003") or next((d for d in self.docs.values() if d.get("kind") == "rules"), None)
        if doc is None:
            return False
        # the head count's own words ("100 қызмет алушыға", "per 100 residents") say nothing about the position
        words = [w for w in u.words + u.filter_words if not w.text.startswith(RECIPIENT_WORDS)]
        hits = self.staffing_index.search(words, limit=10, drop_unmatched=True)
        warning = repealed = compose.repealed_line(doc, lang) if doc.get("status") == "repealed" else ""
        if warning:
            answer.warnings.append(warning)
        if not hits or hits[0].score < CLARIFY_SCORE:
            return False
        top = hits[0]
        rivals = [h for h in hits[1:] if _tied(h, top)]
        if top.score < ANSWER_SCORE or rivals:
            answer.status = "clarify"
            answer.text = label("clarify", lang) + ("\n" + repealed if repealed else "")
            answer.choices = [Choice(truncate(f"{h.target.ident[1]} — {h.target.ident[0]}", 60),
                                     f"{h.target.ident[1]} {h.target.ident[0]} штат нормативі")
                              for h in hits[:MAX_CHOICES]]
            return True
        answer.status = "answer"
        rows = sorted(top.target.rows, key=lambda r: not any(_in_range(n, r["recipients"]) for n in u.numbers))
        lines = [f"{label('staffing', lang)}: {top.target.ident[1]} — {top.target.ident[0]}"]
        for row in rows:
            lines.append(f"• {row['recipients']}: {row['value']}")
            answer.results.append(Result(
                type="staffing", citation=self._citation(doc["id"], None, row.get("item") or None, lang),
                score=top.score, fields={"table": row["table_name"], "position": row["position"],
                                         "recipients": row["recipients"], "value": row["value"]}))
        lines.append(f"{label('source', lang)}: {cite(answer.results[0].citation, lang)}")
        if repealed:
            lines.append("⚠ " + repealed)
        answer.text = "\n".join(lines)
        return True

    def _document(self, u: Understood, answer: Answer) -> bool:
        lang = answer.lang
        scores: dict[str, float] = dict.fromkeys(self.docs, 0.0)
        for hit in self.document_index.search(u.words, limit=10):
            scores[hit.target.ident[0]] += 2 * hit.score
        for doc_id, doc in self.docs.items():
            parts = {p for p in "".join(c if c.isdigit() else " " for c in doc.get("number") or "").split()}
            year = (doc.get("date") or "")[:4]
            for number in u.numbers:
                if number in parts:
                    scores[doc_id] += 3
                elif number == year or number == str(doc.get("year") or ""):
                    scores[doc_id] += 1
            if u.filters.jurisdiction and doc.get("jurisdiction") == u.filters.jurisdiction:
                scores[doc_id] += 2
            annexes = _json_list(doc.get("annexes"))
            if u.filters.setting and any(a.get("setting") == u.filters.setting for a in annexes):
                scores[doc_id] += 1
            kind = doc.get("kind")
            if kind == "tariffs" and ("tariff" in u.cues or u.filters.setting):
                scores[doc_id] += 1
            if kind == "criteria" and ({"violation", "checklist"} & u.cues or u.degree):
                scores[doc_id] += 2
            if kind == "rules" and "staffing" in u.cues:
                scores[doc_id] += 2
            if doc.get("status") == "superseded" and scores[doc_id] > 0:
                scores[doc_id] -= 0.5  # the act in force for the same table is the one meant, unless named
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        answer.intent = "document"
        if not ranked or ranked[0][1] < 1.0 or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 0.25):
            answer.status = "clarify"
            answer.text = label("clarify", lang)
            answer.choices = [Choice(truncate(short_title(self.docs[d], lang), 60),
                                     f"{short_title(self.docs[d], lang)}?") for d, _ in ranked[:MAX_CHOICES]]
            answer.results = self.documents(lang)
            return True
        doc = self.docs[ranked[0][0]]
        result = self._document_result(doc, lang, min(1.0, ranked[0][1] / 5))
        if "effective" in u.cues and self._entry_into_force(doc, result, answer):
            return True
        answer.status = "answer"
        answer.results = [result]
        lines = [doc.get(f"title_{lang}") or doc["title_kk"],
                 f"{label('issuer', lang)}: {doc.get(f'issuer_{lang}') or doc['issuer_kk']}",
                 f"{label('number', lang)} {doc['number']}, {label('date', lang)}: {doc['date']}",
                 f"{label('status', lang)}: {label(doc['status'], lang)}"]
        _warn(answer, lines, self._status_warning(doc["id"], lang))
        answer.text = "\n".join(lines)
        return True

    def _entry_into_force(self, doc: dict, document: Result, answer: Answer) -> bool:
        """"When does the Börli decree come into force": the act's own paragraph saying so, quoted and cited."""
        if self.db is None:
            return False
        row = self.db.execute(
            "select * from passages where document = ? and kind = 'paragraph' and (text like ? or text like ? "
            "or text like ?) order by line_start desc limit 1",
            (doc["id"], "%қолданысқа енгізіл%", "%күшіне ен%", "%вводится в действие%")).fetchone()
        if row is None:
            return False
        row, lang = dict(row), answer.lang
        citation = self._citation(row["document"], row.get("annex"), row.get("item") or None, lang)
        answer.intent, answer.status = "passage", "answer"
        answer.results = [Result(type="passage", citation=citation, score=1.0,
                                 fields={"kind": row.get("kind"), "text": row["text"]}), document]
        lines = [doc.get(f"title_{lang}") or doc["title_kk"], truncate(row["text"], 700)]
        if lang == "en" and doc.get("effective"):
            lines.append(f"({doc['effective']})")
        lines.append(f"{label('source', lang)}: {cite(citation, lang)}")
        _warn(answer, lines, self._status_warning(doc["id"], lang))
        answer.text = "\n".join(lines)
        return True

    def _passage(self, u: Understood, answer: Answer) -> bool:
        if not u.words or self.db is None:
            return False
        raw_words = [w for w in u.words if w.weight >= 1.0]
        rows = fts_passages(self.db, _raw_forms(u.question, raw_words))
        best, best_cov = None, 0.0
        for row in rows:
            cov = coverage(raw_words, row["text"])
            if cov > best_cov:
                best, best_cov = row, cov
        if best is None or best_cov < 0.75 or len(raw_words) < 2:
            return False
        lang = answer.lang
        answer.intent, answer.status = "passage", "answer"
        citation = self._citation(best["document"], best.get("annex"), best.get("item") or None, lang)
        answer.results = [Result(type="passage", citation=citation, score=best_cov,
                                 fields={"kind": best.get("kind"), "text": best["text"]})]
        lines = [truncate(best["text"], 700), f"{label('source', lang)}: {cite(citation, lang)}"]
        _warn(answer, lines, self._status_warning(best["document"], lang))
        answer.text = "\n".join(lines)
        return True

    # ---------------------------------------------------------------- documents, citations, choices

    def documents(self, lang: str) -> list[Result]:
        lang = lang if lang in LANGS else "kk"
        return [self._document_result(doc, lang, 1.0) for doc in sorted(self.docs.values(), key=lambda d: d["id"])]

    def _document_result(self, doc: dict, lang: str, score: float) -> Result:
        return Result(type="document", citation=self._citation(doc["id"], None, None, lang), score=score,
                      fields={"id": doc["id"], "title": doc.get(f"title_{lang}") or doc["title_kk"],
                              "jurisdiction": doc["jurisdiction"], "number": doc["number"], "date": doc["date"],
                              "status": doc["status"]})

    def _citation(self, document: str, annex: int | None, item, lang: str) -> Citation:
        doc = self.docs.get(document, {})
        # the contract knows in_force | repealed: a superseded act is no longer in force (the text says "superseded")
        status = "repealed" if doc.get("status") in ("repealed", "superseded") else "in_force"
        return Citation(document=document, title=short_title(doc, lang) if doc else document,
                        annex=annex or None, item=str(item) if item not in (None, "") else None, status=status)

    def _service_choice(self, target: Target, lang: str) -> Choice:
        name = _localised_name(target, lang)
        where = f"{label(target.jurisdiction, lang)} {label(target.setting, lang)}"
        return Choice(label=truncate(f"{name} ({where})", 60), query=f"{where} {name}")

    def _distinct_choices(self, hits: list[Hit], lang: str) -> list[Choice]:
        choices, seen = [], set()
        for hit in hits:
            choice = self._service_choice(hit.target, lang)
            if choice.query not in seen:
                seen.add(choice.query)
                choices.append(choice)
            if len(choices) == MAX_CHOICES:
                break
        return choices

    def _criterion_choice(self, target: Target, lang: str) -> Choice:
        row = target.rows[0]
        name = _localised_name(target, lang)
        ask = {"kk": "бұзушылық дәрежесі", "ru": "степень нарушения", "en": "violation degree"}[lang]
        return Choice(label=truncate(f"{row['item']}. {name}", 60), query=f"{name} — {ask}?")

    def _partition_choices(self, u: Understood, lang: str) -> list[Choice]:
        parts = sorted({_partition(t) for t in self.services})
        words = " ".join(w.text for w in u.words)
        return [Choice(label=f"{label(j, lang)}, {label(s, lang)}", query=f"{label(j, lang)} {label(s, lang)} {words}".strip())
                for j, s in parts][:MAX_CHOICES]

    def _examples(self, targets: list[Target], position: str | None) -> list[Target]:
        picked = [t for t in targets if not position or any(self._has_position(r, position) for r in t.rows)]
        return (picked or targets)[:MAX_CHOICES]

    def _suggestions(self, lang: str) -> list[Choice]:
        """Generic follow-ups built from the base itself: one tariff per setting, one criterion, the documents."""
        choices, seen = [], set()
        for target in self.services:
            if target.setting not in seen:
                seen.add(target.setting)
                choices.append(self._service_choice(target, lang))
            if len(choices) == 3:
                break
        if self.criteria:
            choices.append(self._criterion_choice(self.criteria[0], lang))
        ask = {"kk": "Қандай құжаттар бар?", "ru": "Какие документы в базе?", "en": "Which documents are in the base?"}
        choices.append(Choice(label=ask[lang], query={"kk": "қай бұйрықтар мен қаулылар бар",
                                                       "ru": "какие приказы и постановления есть",
                                                       "en": "which orders and decrees are there"}[lang]))
        return choices[:MAX_CHOICES]


def _aliases() -> dict[tuple, dict[str, list[str]]]:
    if aliases_by_lang is None:
        return {}
    try:
        return aliases_by_lang()
    except Exception:  # noqa: BLE001 - a broken alias file must not stop the bot; it only lowers ru/en recall
        log.exception("could not load aliases")
        return {}


def _target(kind: str, ident: tuple, name: str, aliases: dict[str, list[str]] | None, **extra) -> Target:
    """A searchable target: the Kazakh name plus its ru/en aliases; the first alias per language is its local name."""
    aliases = aliases or {}
    names = [name] + [a for lang in ("ru", "en") for a in aliases.get(lang, [])]
    local = {lang: aliases[lang][0] for lang in ("ru", "en") if aliases.get(lang)}
    return Target(kind, ident, names, local=local, **extra)


def _name_key(text: str) -> str:
    return " ".join(loose(t) for t in tokens(text or ""))


def _warn(answer: Answer, lines: list[str], warning: str, icon: str = "⚠") -> None:
    """A warning line in the reply text, and once in `answer.warnings` (front ends show those prominently)."""
    if warning:
        lines.append(f"{icon} {warning}")
        if warning not in answer.warnings:
            answer.warnings.append(warning)


def _tied(hit: Hit, top: Hit) -> bool:
    """Too close to the best to pick silently. Exception: both match the question's words equally, and the other
    one's name says clearly more that the user did not say (then the best one is simply more to the point)."""
    if hit.score < top.score - TIE:
        # a little further behind, but its name is clearly more to the point: the best one only covers more of the
        # question's words because its long name happens to contain them ("юридически значимых документов")
        return (hit.score >= top.score - COMPARE and hit.sure >= top.sure
                and hit.cover >= top.cover + TO_THE_POINT)
    same_words = len(hit.matched) == len(top.matched) and all(
        abs(a - b) <= 0.1 for a, b in zip(hit.matched, top.matched, strict=True))
    return not (same_words and top.cover - hit.cover >= CLEARER)


def _enough_evidence(hit: Hit, words: list | None = None) -> bool:
    """Never answer on a typo-only match, nor on one short word that is a small part of a long name ("drop" →
    "drops"). One long word found with its own stem ("ритуальные" / "ритуальных") is evidence enough."""
    if hit.sure >= 2:
        return True
    if hit.sure != 1:
        return False
    if hit.exact >= 1 or hit.cover >= MIN_COVER:
        return True
    return any(sim >= INFLECTED and len(word.text) >= LONG_WORD
               for word, sim in zip(words or [], hit.matched, strict=False))


def _any_filter(f: Filters) -> bool:
    return bool(f.setting or f.area or f.jurisdiction or f.position)


def _partition(target: Target) -> tuple[str | None, str | None]:
    return (target.jurisdiction, target.setting)


def _name(target: Target) -> str:
    """What tells services apart for a user: the aliases when there are any (two items with the same aliases read
    the same in every language, so they are shown side by side, not offered as indistinguishable choices)."""
    names = target.names[1:] or target.names[:1]
    return " | ".join(" ".join(loose(t) for t in tokens(name)) for name in names)


def _rows(target: Target, position: str | None) -> list[dict]:
    if not position:
        return target.rows
    glossary = load_glossary()
    wanted = glossary.position_kb.get(position, ())
    matching = [r for r in target.rows
                if any(w in " ".join(loose(t) for t in tokens(r.get("position") or "")) for w in wanted)]
    return matching + [r for r in target.rows if r not in matching]


def _localised_name(target: Target, lang: str) -> str:
    """The name to show in `lang`: its first alias in that language, else the Kazakh name as printed."""
    return truncate(target.local.get(lang) or target.names[0], 120)


def _in_range(number: str, recipients: str) -> bool:
    """Whether a head count falls in a staffing column header: "51-100", "25-ке дейін" (up to), "500-ден артық" (over)."""
    digits = [int(d) for d in re.findall(r"\d+", recipients or "")]
    count = int(number) if number.isdigit() else -1
    if len(digits) >= 2 and "ескертпе" not in recipients:
        return digits[0] <= count <= digits[1]
    if len(digits) == 1 and "дейін" in recipients:
        return 0 < count <= digits[0]
    if len(digits) == 1 and "артық" in recipients:
        return count > digits[0]
    return False


def _json_list(value) -> list[dict]:
    if isinstance(value, list):
        return value
    try:
        data = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return data if isinstance(data, list) else []


def _raw_forms(question: str, words) -> list:
    """Case-folded question words as printed (FTS keys keep Kazakh letters), for the words kept as content."""
    from knowledge.answer.understand import Word

    kept = {w.text for w in words}
    return [Word(t, None, 1.0) for t in tokens(question) if loose(t) in kept]
