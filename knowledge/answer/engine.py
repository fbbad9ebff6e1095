"""The answer engine: question text → Answer.

Contract used by the CLI, the console and the bot:
    engine = Engine.open(kb_path=None, *, aliases=True, lexicon=True, today=date.today)  # loads the base once
    engine.ask(question, lang=None, *, setting=None, area=None, jurisdiction=None) -> Answer
        lang: the user's chosen reply language (kk | ru | en) or None (then the question's language, else kk).
        setting/area/jurisdiction: explicit filters that override what the question says (buttons use them).
    engine.documents(lang) -> list[Result]   # every source document as a "document" result (for /sources)
    engine.places() -> list[Jurisdiction]    # the jurisdictions that have tariffs (refine buttons)
    engine.reload() -> None                  # reopen the knowledge base file (after `kb build`)
`today` is the clock: the tariffs answered by default are each jurisdiction's year in force on that day (the latest
tariff year up to today's year the base holds for it, else its earliest); tests pass a fixed day.

A tariff result (`Result.fields`, `Answer.to_dict()["results"]`) carries the `kb export tariffs` fields, `flagged`,
`flag_reason`, `jurisdiction_name`, and the year and act its figure comes from: `year` (the act's tariff year),
`act_number`, `act_date` (ISO), `act_status` (in_force | superseded | repealed); `next_year` when the base holds the
same service in a later year's act ({year, act_number, act_date, act_status, rate | rate_city, rate_rural}); and, in
an answer comparing two years, `change` on each later-year result ({from_year, rates: {rate | rate_city |
rate_rural: {from, to, amount, percent}}}), the earlier year's results following the later year's.
A question counting days or months ("ЛФК и логопед в полустационаре Бурлинского района, 15 дней") is a calculation
(intents/calculation.py): `Answer.intent` "calculation", one result of type "calculation" whose fields are `lines`
(each {tariff: the tariff result it came from, area, unit, days, months, quantity, recipients, rate, amount, status}),
`total` (a decimal string, "13240.50"), `currency`, `units`, `mixed_units` (knowledge.answer.plan).
Jurisdictions are recognised in questions by every name the base gives them (knowledge.answer.places), not only by
the glossary: a district added to the manifest is asked about by name at once.

`aliases=False` leaves out the reviewed ru/en alias table: things are then known by their Kazakh names and the
lexicon's word-by-word ru/en renderings of them (how a new act no alias row covers yet fares); `lexicon=False` leaves
out the renderings too (how well the engine's own matching of Kazakh names carries).

Everything searched per question is in memory (the catalogue, loaded at `open`); only the passage fallback queries
SQLite (FTS5). The engine only routes: the intent the question signals first, then the fallbacks of its route
(`ROUTES`); each intent decides with `policy.decide` whether to answer, ask back or leave the question to the next.
No figure is ever made up.
"""

from __future__ import annotations

import gc
import logging
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from knowledge.answer import compose
from knowledge.answer.catalogue import Catalogue, load_catalogue
from knowledge.answer.compose import label
from knowledge.answer.context import Context
from knowledge.answer.glossary import Glossary, load_glossary
from knowledge.answer.intents import BY_NAME, CALCULATION, Ranked, refine_intent
from knowledge.answer.intents.document import documents_list
from knowledge.answer.policy import clear_best
from knowledge.answer.understand import Understood, understand
from knowledge.domain import AREAS, LANGS, SETTINGS, Answer, Filters, Jurisdiction, Result
from knowledge.kb import open_kb, remember_russian_words

log = logging.getLogger(__name__)

BEST_MATCH = "best match"  # whichever of BEST_MATCH_AMONG matches the question's words clearly best
BEST_MATCH_AMONG = ("tariff", "violation", "checklist")
COUNTABLE = ("tariff", "staffing", "unknown")  # intents a question counting days or months is a calculation instead of
# The intent the question signals → what is tried, in order, until one answers or asks back.
# "document" after another intent answers only a question about acts ("staffing norms: which order set them?").
ROUTES: dict[str, tuple[str, ...]] = {
    "tariff": ("tariff", "document", "passage"),
    "violation": ("violation", BEST_MATCH, "document", "passage"),
    "checklist": ("checklist", BEST_MATCH, "document", "passage"),
    "staffing": ("staffing", "document", "passage"),
    "document": ("document", "passage"),
    "sanction": ("sanction",),
    "calculation": ("calculation", "tariff", "document", "passage"),
    "unknown": (BEST_MATCH, "document", "passage"),
    "how_to": ("document", "passage"),  # a procedure or a task: the acts' own words about it, if any
}


class Engine:
    def __init__(self, kb_path: Path | None = None, *, aliases: bool = True, lexicon: bool = True,
                 today: Callable[[], date] = date.today) -> None:
        self.kb_path = kb_path
        self.aliases = aliases
        self.lexicon = lexicon
        self.today = today
        self.glossary_file: Glossary | None = None  # `glossary` is this and the jurisdiction names of the base
        self.db: sqlite3.Connection | None = None
        self._load()

    @classmethod
    def open(cls, kb_path: Path | None = None, *, aliases: bool = True, lexicon: bool = True,
             today: Callable[[], date] = date.today) -> Engine:
        return cls(kb_path, aliases=aliases, lexicon=lexicon, today=today)

    def reload(self) -> None:
        """Open, check and load the base afresh, then switch to it. A missing or broken base raises (its error names
        the fix) with the old base still open and answering."""
        fresh = type(self)(self.kb_path, aliases=self.aliases, lexicon=self.lexicon, today=self.today)
        old = self.db
        self.glossary_file, self.db, self.catalogue = fresh.glossary_file, fresh.db, fresh.catalogue
        self.glossary, self.context = fresh.glossary, fresh.context
        if old is not None:
            old.close()
        gc.unfreeze()  # the old base's objects may now be collected, then the new one is set aside again
        gc.collect()
        gc.freeze()

    def _load(self) -> None:
        # Loading makes a few hundred thousand objects (a base of many acts) and no garbage: the cyclic collector,
        # run over and over as they pile up, would cost a quarter of the loading time. Paused meanwhile.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self.db = open_kb(self.kb_path)
            remember_russian_words(self.db)  # before any word is keyed: the dictionary's look-ups made at build
            if self.glossary_file is None:
                self.glossary_file = load_glossary()
            self.catalogue: Catalogue = load_catalogue(self.db, self.glossary_file, aliases=self.aliases,
                                                         lexicon=self.lexicon)
            self.glossary = self.glossary_file.with_terms(self.catalogue.place_terms)
            self.context = Context(self.catalogue, self.glossary, self.db, self.today)
        finally:
            if collecting:
                gc.enable()
                gc.collect()  # now, once: not as a pause in the first questions answered
                # the base lives as long as the engine: later full collections need not walk its objects again
                gc.freeze()
        for lang in LANGS:  # load Babel's locale data now, not on the first user's question
            compose.money(1.0, lang)
        if self.catalogue.synonyms is not None:  # the lexicon's renderings keyed now, as well
            self.catalogue.synonyms("")

    def places(self) -> list[Jurisdiction]:
        """The jurisdictions that have tariffs, in the manifest's order (what a refine button can switch to)."""
        return [place for place in self.catalogue.places.values() if place.code in self.catalogue.jurisdictions]

    def documents(self, lang: str) -> list[Result]:
        return documents_list(self.context, lang if lang in LANGS else "kk")

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
        if jurisdiction in self.catalogue.jurisdictions:
            u.filters.jurisdiction = jurisdiction
        u.intent = refine_intent(u, self.context)
        if u.intent in COUNTABLE and CALCULATION.asks(u):  # days or months counted: what a plan costs
            u.intent = CALCULATION.name
        reply = Answer(question=question, lang=lang if lang in LANGS else u.lang, intent=u.intent,
                       filters=u.filters, status="not_found")
        if u.scope:  # another region, pension amounts, taxi...: what the base holds instead, never a figure
            places = ", ".join(place.name(reply.lang) for place in self.places())
            reply.text = label("out_of_scope", reply.lang).format(places=places)
            reply.choices = self.context.suggestions(reply.lang, u.words + u.filter_words)
            return reply
        if u.empty or not (u.words or u.cues or u.degree or _any_filter(u.filters)):
            reply.text = label("empty" if u.empty else "not_found", reply.lang)
            reply.choices = self.context.suggestions(reply.lang)
            return reply
        for step in ROUTES.get(u.intent, ROUTES["unknown"]):
            if self._try(step, u, reply):
                return reply
        reply.status = "not_found"
        reply.results, reply.verdict = [], None
        if not reply.text:
            reply.text = label("how_to" if u.intent == "how_to" else "not_found", reply.lang)
            reply.choices = self.context.suggestions(reply.lang, u.words + u.filter_words)
        return reply

    def _try(self, step: str, u: Understood, reply: Answer) -> bool:
        if step == BEST_MATCH:
            # something reported not done is no price question: a tariff figure is never its best match, unless a
            # price is asked and no degree ("не помогала с оплатой ... Какая степень?" asks a degree)
            priced = "tariff" in u.cues and "violation" not in u.cues
            among = [name for name in BEST_MATCH_AMONG if name != "tariff" or "not_done" not in u.cues or priced]
            if u.degree:  # a degree asked ("это грубое или нет?"): a checklist's requirement carries none
                among = [name for name in among if name != "checklist"]
            ranked = [intent for intent in map(BY_NAME.get, among) if isinstance(intent, Ranked)]
            step = clear_best({intent.name: intent.best_score(u, self.context) for intent in ranked}) or ""
        intent = BY_NAME.get(step)
        return intent is not None and intent.answer(u, reply, self.context)


def _any_filter(f: Filters) -> bool:
    return bool(f.setting or f.area or f.jurisdiction or f.position)
