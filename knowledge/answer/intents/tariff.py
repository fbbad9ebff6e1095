"""Tariffs: "how much is a nurse's massage in semi-stationary care in a village" → the service's rates, from every
table that has it unless a setting and jurisdiction narrow it to one; asks back when two services are equally
likely. Answered from one year per jurisdiction (tariff_years: the year asked, else the year in force today), each
figure with its year and act, next year's figure beside it when the base holds it, two years side by side when
asked to compare; says so when a year the base does not hold is asked."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from knowledge.answer import compose, groups, names
from knowledge.answer.catalogue import table_of
from knowledge.answer.compose import cite, label
from knowledge.answer.context import Context, distinct_name, same_name, warn
from knowledge.answer.index import SURE, Hit, Target, key_words
from knowledge.answer.intents import tariff_years as years
from knowledge.answer.intents.tariff_compare import compared_text
from knowledge.answer.intents.tariff_years import When
from knowledge.answer.policy import (
    ANSWER,
    ANSWER_SCORE,
    CLARIFY,
    LEAD_RATIO,
    MAX_CHOICES,
    NOT_FOUND,
    POSITION_BONUS,
    TIE,
    Decision,
    decide,
    settle,
)
from knowledge.answer.positions import Asked, Positions
from knowledge.answer.understand import Understood
from knowledge.domain import AREAS, TARIFF_EXPORT_FIELDS, Answer, Choice, Result
from knowledge.text import (
    KAZAKH_NOT,
    PARTICIPLE_ENDINGS,
    is_russian_verb,
    kazakh_negation,
    key,
    loose,
    loose_words,
)


class Tariffs:
    name = "tariff"

    def best_score(self, u: Understood, ctx: Context) -> float:
        """How well the question matches a service; a question naming only a position printed in the tariff
        tables ("машинист", "санитар по уходу") is a tariff question whatever its words score, or any other's."""
        asked, view = ctx.positions.asked(u), years.when(u, ctx).view
        hits = ctx.catalogue.service_index.search(asked.search_words(u.words), limit=1,
                                                  only=ctx.catalogue.services_in(None, None, view))
        score = hits[0].score if hits else 0.0
        if asked.only and ctx.positions.services(ctx.catalogue.services, asked):
            score = 1.0  # only the tariff tables name positions: no requirement's words are what was asked
        return score

    def answer(self, u: Understood, reply: Answer, ctx: Context) -> bool:
        f, lang, catalogue = u.filters, reply.lang, ctx.catalogue
        when = years.when(u, ctx)
        if len(u.settings) > 1:
            f.setting = _setting_of_the_service(u, ctx, when)
        if self._other_year(u, when, reply, ctx):
            return True
        allowed = catalogue.services_of(f.setting, f.jurisdiction, when.view)
        if not allowed:
            if f.setting and f.jurisdiction and catalogue.services:
                reply.intent = self.name
                reply.text = label("not_in_table", lang)
                reply.choices = _table_choices(u, lang, ctx)
                return True
            return False
        asked, positions = ctx.positions.asked(u), ctx.positions
        if _unknown_position(asked, ctx):
            reply.intent, reply.status = self.name, NOT_FOUND
            reply.text = label("position_not_in_base", lang).format(position=asked.text)
            reply.choices = ctx.suggestions(lang, u.words + u.filter_words)
            return True
        words = asked.search_words(u.words)
        hits = catalogue.service_index.search(words, limit=40,
                                              only=catalogue.services_in(f.setting, f.jurisdiction, when.view))
        hits = _prefer_position(_condition_said(hits), asked, positions)
        group = groups.named(" ".join(u.tokens))  # the question's first words (a pasted page is cut short)
        hits = [h for h in hits if not groups.for_other_group(h.target, group)]  # "для детей" is no adults' service
        hits = _without_negated(hits, u, catalogue.synonyms)

        def has(hit: Hit) -> bool:
            return bool(positions.of(hit, asked)[1])

        def rival(hit: Hit, top: Hit) -> bool:  # a near-equal is no rival when only the best has the asked position
            return not asked or has(hit) or not has(top)

        decision = decide(hits, words, same=same_name, rival=rival, table=lambda h: table_of(h.target))
        # a question naming only a position ("машинист", "күтім жөніндегі санитар") is about that position's services,
        # unless a service is found by another word of it ("массаж ... у невролога"): that service is what is asked,
        # with or without the position (without it, the user is told so below and offered the position's services)
        if asked.only:
            having = positions.services(allowed, asked)
            titles = frozenset(w for t in having for r in t.rows if positions.fits(r.get("position") or "", asked)
                               for w in loose_words(r.get("position") or ""))
            named = decision.status == ANSWER and asked.names_service(decision.best, besides=titles)
            if having and not named:
                self._by_position(asked, having, hits, u, reply, ctx, when)
                return True
            # "Бәйтерек үйде логопед": the tables asked have no rate for the position, and no service its words name
            # is found ("ЛФК" is a service too); where it is set is offered
            if not having and decision.status != ANSWER and (
                    elsewhere := positions.services(catalogue.services_of(None, None, when.view), asked)):
                reply.intent, reply.status = self.name, NOT_FOUND
                reply.text = label("position_not_in_table", lang).format(position=asked.text)
                reply.choices = self._choices([Hit(t, 0.0) for t in elsewhere[:MAX_CHOICES]], asked, u, lang, ctx, when)
                return True
        decision = settle(decision, words, distinct=lambda h: (table_of(h.target), distinct_name(h.target)),
                          fits=has if asked else None)
        if decision.status == ANSWER and self._without_the_position(decision, asked, hits, allowed, u, reply, ctx,
                                                                    when):
            return True
        if decision.status == ANSWER:
            self._answer(decision, asked, u, reply, ctx, when)
            return True
        if decision.status == CLARIFY:
            reply.intent, reply.status = self.name, CLARIFY
            reply.text = label("clarify", lang)
            offered = decision.hits if not asked else _with_position(decision.hits, hits, allowed, has, asked, ctx)
            reply.choices = self._choices(offered, asked, u, lang, ctx, when)
            return True
        if not u.words and (f.setting or f.jurisdiction):
            examples = allowed[:MAX_CHOICES]
            if len(examples) == 1:
                self._answer(Decision(ANSWER, [Hit(examples[0], 1.0)]), asked, u, reply, ctx, when)
                return True
            reply.intent, reply.status = self.name, CLARIFY
            reply.text = label("clarify", lang)
            reply.choices = self._choices([Hit(t, 0.0) for t in examples], asked, u, lang, ctx, when)
            return True
        return False

    def _without_the_position(self, decision: Decision, asked: Asked, hits: list[Hit], allowed: list[Target],
                              u: Understood, reply: Answer, ctx: Context, when: When) -> bool:
        """A service found whose table sets no rate for the position named ("a psychologist's consultation" where the
        consultation is a social worker's): no figure is shown as that position's. The user is told which positions
        the service has and chooses: the service as it is, or a service with a rate for that position."""
        positions = ctx.positions
        best = decision.best
        named, rows = positions.of(best, asked)
        if not named or rows or any(positions.of(h, asked)[1] for h in decision.hits):
            return False
        having = _having_position(hits, allowed, asked, ctx)
        if not having:
            # the tables asked have no rate for that position at all: where the base sets one is offered beside
            # the service found when a service there fits the question clearly better ("a psychologist's
            # consultation" in Bäyterek, whose consultation is a social worker's); otherwise the service found is
            # answered, saying it has no rate for the position
            elsewhere = _elsewhere(best, asked, u, ctx, when)
            clearly_better = any(h.score > best.score + TIE for h in elsewhere)
            # ... or when the service found rests on one word and no priced service of the position is near it:
            # the position is what is asked ("a session with a massage therapist"), not a word of the service's
            # name ("ЕДШ жаттығулары", exercise therapy, matched alike where its instructor is priced)
            one_word = best.sure <= 1 and not any(h.score >= best.score - TIE for h in elsewhere)
            if clearly_better or one_word:
                having = elsewhere
        offered = [best] + [h for h in having if h.target is not best.target]
        if len(offered) < 2:
            return False  # no other service sets that position's rate: the answer says the item has none
        lang = reply.lang
        reply.intent, reply.status = self.name, CLARIFY
        reply.text = _no_position(best.target, named, lang)
        reply.choices = self._choices(offered[:MAX_CHOICES], asked, u, lang, ctx, when)
        return True

    def _by_position(self, asked: Asked, having: list[Target], hits: list[Hit], u: Understood, reply: Answer,
                     ctx: Context, when: When) -> None:
        """The services with a rate for the named position: one service (in one table or several) is answered,
        several are offered as choices, those the question's words match best first."""
        scores = {id(h.target): h.score for h in hits}
        having = sorted(having, key=lambda t: -scores.get(id(t), 0.0))
        if len({distinct_name(t) for t in having}) == 1:
            tables: dict = {}
            for target in having:
                tables.setdefault(table_of(target), target)
            chosen = [Hit(t, max(scores.get(id(t), 0.0), ANSWER_SCORE)) for t in tables.values()]
            self._answer(Decision(ANSWER, chosen, comparison=len(chosen) > 1), asked, u, reply, ctx, when)
            return
        reply.intent, reply.status = self.name, CLARIFY
        titles = ctx.positions.best_titles({r.get("position") or "" for t in having for r in t.rows}, asked)
        named = (" / ".join(dict.fromkeys(names.position_name(t, reply.lang) for t in sorted(titles)))
                 if len(titles) <= 2 else asked.text)
        reply.text = label("position_services", reply.lang).format(position=named)
        reply.choices = self._choices([Hit(t, scores.get(id(t), 0.0)) for t in having], asked, u, reply.lang, ctx,
                                      when)

    def _choices(self, hits: list[Hit], asked: Asked, u: Understood, lang: str, ctx: Context,
                 when: When) -> list[Choice]:
        """One choice per service and table (same-named items of one table read alike: the first stands for
        them); the row of the named position travels with each (its title, figure and follow-up question), and
        the years asked (a follow-up is about the same year)."""
        unique: list[Hit] = []
        for hit in hits:
            if all(table_of(h.target) != table_of(hit.target) or distinct_name(h.target) != distinct_name(hit.target)
                   for h in unique):
                unique.append(hit)
        rows = [next(iter(ctx.positions.of(h, asked)[1]), None) for h in unique]
        return _with_years(ctx.service_choices([h.target for h in unique], lang, rows=rows, area=u.filters.area), when)

    def _answer(self, decision: Decision, asked: Asked, u: Understood, reply: Answer, ctx: Context,
                when: When) -> None:
        lang = reply.lang
        hits = _leading(decision.hits, asked, ctx, u.filters.area)
        reply.intent, reply.status = self.name, ANSWER
        if when.compared:
            self._side_by_side(hits, asked, u, reply, ctx, when.compared)
        else:
            answered = [(row, h) for h in hits for row in _rows(h, asked, ctx)]
            reply.results = [_result(row, h, lang, ctx) for row, h in answered]
            reply.text = self._text(reply, hits, decision.comparison, asked, u, ctx)
            if u.filters.area is None and (priced := _the_one_area_priced([row for row, _ in answered])):
                reply.filters = replace(reply.filters, area=priced)  # the figure given is that area's
        if decision.comparison:
            reply.choices = _with_years(ctx.service_choices([h.target for h in hits], lang, area=u.filters.area), when)

    def _text(self, reply: Answer, hits: list[Hit], comparison: bool, asked: Asked, u: Understood,
              ctx: Context) -> str:
        lang, area = reply.lang, u.filters.area
        # several rows (tables compared, or one item's many positions): one compact line each
        several = sum(len(_rows(hit, asked, ctx)) for hit in hits) > 1
        if several and all(ctx.positions.of(hit, asked)[1] or not ctx.positions.of(hit, asked)[0] for hit in hits):
            info = [_single_rate_note(*hit.target.ident[:2], area, lang, ctx) for hit in hits]
            return compared_text(reply, hits, lambda hit: _rows(hit, asked, ctx), area, ctx, [i for i in info if i],
                                 comparison=comparison)
        lines: list[str] = []
        if comparison:
            lines.append(label("compare", lang))
        for hit in hits:
            target, (named, rows) = hit.target, ctx.positions.of(hit, asked)
            lines.append(_head(target, str(ctx.catalogue.year_of(target) or ""), lang, ctx))
            if named and not rows:
                warn(reply, lines, _no_position(target, named, lang), icon="ℹ")
            for row in _rows(hit, asked, ctx):
                lines.append("• " + compose.tariff_line(row, area, lang, target.local.get(lang)))
                if row.get("flagged"):
                    warn(reply, lines, compose.flag_warning(row.get("flag_reason"), lang))
                if following := years.next_year_line(row, target, area, lang, ctx):
                    lines.append(f"  {following}")
            document, annex, item = target.ident
            warn(reply, lines, _single_rate_note(document, annex, area, lang, ctx), icon="ℹ")
            lines.append(f"{label('source', lang)}: {cite(ctx.citation(document, annex, item, lang), lang)}")
            warn(reply, lines, ctx.status_warning(document, lang))
        return "\n".join(lines)

    def _side_by_side(self, hits: list[Hit], asked: Asked, u: Understood, reply: Answer, ctx: Context,
                      compared: tuple[int, int]) -> None:
        """Each service of the later year beside the same service of the earlier one, with the difference; the
        later year's results first (each with its `change`), then the earlier year's."""
        lang, area, (earlier, later) = reply.lang, u.filters.area, compared
        lines: list[str] = []
        newer, older = [], []
        for hit in hits:
            target = hit.target
            before = ctx.catalogue.counterpart(target, earlier)
            lines.append(_head(target, f"{earlier} → {later}", lang, ctx))
            for row in _rows(hit, asked, ctx):
                old = years.matching_row(row, target, before) if before else None
                result = _result(row, hit, lang, ctx)
                unit = label(row.get("unit") or "month", lang)
                if old is None:  # the earlier act has no such item (or no line for this position)
                    act = compose.act_title(years.act_of_year(target, earlier, ctx) or {}, lang)
                    lines.append(f"• {compose.tariff_line(row, area, lang, target.local.get(lang))}")
                    lines.append("  " + label("not_in_year", lang).format(year=earlier, act=act))
                else:
                    result.fields["change"] = years.change_fields(old, row, earlier)
                    older.append(_result(old, Hit(before, hit.score), lang, ctx))
                    text = compose.change_text(old, row, area, lang)
                    lines.append(f"• {compose.row_name(row, lang, target.local.get(lang))}: {text} ({unit})")
                newer.append(result)
                for printed in (old or {}, row):  # a figure of either year may be a flagged one
                    if printed.get("flagged"):
                        warn(reply, lines, compose.flag_warning(printed.get("flag_reason"), lang))
            document, annex, _ = target.ident
            warn(reply, lines, _single_rate_note(document, annex, area, lang, ctx), icon="ℹ")
            for shown in ([before] if before else []) + [target]:
                document, annex, item = shown.ident
                citation = cite(ctx.citation(document, annex, item, lang), lang)
                lines.append(f"{label('source', lang)} ({ctx.catalogue.year_of(shown)}): {citation}")
                warn(reply, lines, ctx.status_warning(document, lang))
        reply.results = newer + older
        reply.text = "\n".join(lines)

    def _other_year(self, u: Understood, when: When, reply: Answer, ctx: Context) -> bool:
        """A tariff year the base does not hold ("тарифы 2024 года"), of the jurisdiction asked about or of any:
        say so, offer the year in force; never answer a 2024 question with 2026 figures."""
        catalogue, place = ctx.catalogue, u.filters.jurisdiction
        place = place if place in catalogue.jurisdictions else None
        held = catalogue.years_of(place, u.filters.setting) or catalogue.years_of(place)
        missing = [year for year in when.years.named if year not in held]
        if not held or not missing:
            return False
        lang, today = reply.lang, ctx.today().year
        year = years.in_force(held, today) or held[-1]
        reply.intent, reply.status = self.name, CLARIFY
        shown = ", ".join(map(str, held))
        reply.text = (label("other_year_place", lang).format(place=catalogue.jurisdiction_name(place, lang),
                                                             asked=missing[0], held=shown)
                      if place else label("other_year", lang).format(asked=missing[0], held=shown))
        # each year held, the one in force first; and the acts of the base (what each covers): never one choice
        reply.choices = [Choice(label("same_for_year", lang).format(year=held_year),
                                _for_year(u, missing[0], held_year, place, lang, ctx))
                         for held_year in [year, *(y for y in reversed(held) if y != year)][:MAX_CHOICES - 1]]
        reply.choices.append(Choice(label("ask_documents", lang), label("ask_documents_query", lang)))
        return True


# "без тяжёлых ограничений", "without severe limitations"
_NEGATING_BEFORE = frozenset({"без", "without"})
# "не лежачий", "not bedridden": only the one word after, and never a verb ("не может ходить" says who the person is,
# "does not walk" too: neither rules a service out)
_NOT = frozenset({"не", "not"})  # not "non": "non-food goods" is a thing of its own
_AUXILIARIES = frozenset({"do", "does", "did", "can", "could", "will", "would", "should", "may", "might", "must", "has",
                          "have", "had"})
# "ауыр шектеуі жоқ": what Kazakh says is absent stands before "жоқ" (a participle before it, "келген жоқ", is a
# verb said not done: it rules nothing out)
_ABSENT_AFTER = frozenset({"жок"})
_ABSENCE = ("отсутств", "болмау", "болмаган", "жок", "absen", "lack")  # a name saying something is missing (loose forms)
NEGATED_SPAN = 2  # words a negating word governs
MIN_NEGATED = 4  # shorter words (prepositions, particles) name nothing


def _negated_keys(u: Understood, synonyms: Callable[[str], tuple[str, ...]] | None = None) -> frozenset[str]:
    """The search keys of the words a negation governs in a price question ("ходячий, без тяжёлых ограничений", "не
    лежачий", "ауыр шектеуі жоқ", "ауыр емес", "ауыр шектелмеген"), and of the Kazakh words the lexicon renders them
    by ("bedridden": "абсолютті")."""
    words = [loose(t) for t in u.tokens]
    found: set[str] = set()
    for i, word in enumerate(words):
        if word in _NEGATING_BEFORE:
            found.update(key(w) for w in words[i + 1:i + 1 + NEGATED_SPAN] if len(w) >= MIN_NEGATED)
        elif word in _ABSENT_AFTER:
            found.update(key(w) for w in words[max(0, i - NEGATED_SPAN):i]
                         if len(w) >= MIN_NEGATED and not w.endswith(PARTICIPLE_ENDINGS))
        elif word == KAZAKH_NOT and i and len(words[i - 1]) >= MIN_NEGATED:
            found.add(key(words[i - 1]))  # "ауыр емес": not severe, so not the services for the severe
        elif (word.endswith(PARTICIPLE_ENDINGS) and (verbal_noun := kazakh_negation(word))
              and len(verbal_noun) >= MIN_NEGATED):
            found.add(key(verbal_noun))  # "ауыр шектелмеген": not limited, so not the services for the limited
        elif word in _NOT and i + 1 < len(words) and _rules_out(u.tokens[i + 1], words[i - 1] if i else ""):
            # one word, said of the person: its Kazakh renderings too (the names of one table say it one way)
            found.update(key(w) for w in (words[i + 1], *(synonyms(words[i + 1]) if synonyms else ())))
    return frozenset(found)


def _rules_out(token: str, before: str) -> bool:
    """Whether "не" / "not" before a word rules out what it names: a word of a name, not a verb."""
    return len(token) >= MIN_NEGATED and not is_russian_verb(token.casefold()) and before not in _AUXILIARIES


def _without_negated(hits: list[Hit], u: Understood, synonyms: Callable[[str], tuple[str, ...]] | None = None
                     ) -> list[Hit]:
    """The services not named by what the question rules out ("без тяжёлых ограничений": not the one "при
    тяжёлой степени ограничения"), when some are left."""
    negated = _negated_keys(u, synonyms)
    if not negated:
        return hits
    kept = [h for h in hits if not any(_names_present(name, negated) for name in h.target.names)]
    return kept or hits


def _names_present(name: str, negated: frozenset[str]) -> bool:
    """Whether a name says one of the ruled-out things as present: "при тяжёлой степени ограничения" does; "(при
    отсутствии родственников)", "туыстарының болмауы", "is not allowed" say them absent, as the question did."""
    words = loose_words(name)
    return (any(key(w) in negated for w in words)
            and not any(w.startswith(_ABSENCE) or w in _NEGATING_BEFORE or w in _NOT or w == KAZAKH_NOT
                        or kazakh_negation(w) for w in words))


def _unknown_position(asked: Asked, ctx: Context) -> bool:
    """A specialist the glossary knows whom no title of the base names ("стоматолог", "dentist"): no service
    shown beside it is what was asked."""
    positions = ctx.positions
    return any(part.key and not any(positions.fits(title, Asked((part,))) for title in positions.titles)
               for part in asked.parts)


def _for_year(u: Understood, asked: int, year: int, place: str | None, lang: str, ctx: Context) -> str:
    """The question again, for `year` instead of the year asked."""
    question = re.sub(rf"\b{asked}\b", str(year), u.question)
    if question == u.question:  # the year was said in words ("next year"): ask again with its number
        question = " ".join([*(w.text for w in u.filter_words), *(w.text for w in u.words), str(year)])
        if place:
            question = f"{ctx.catalogue.jurisdiction_name(place, lang)} {question}"
    return question


def _the_one_area_priced(rows: list[dict]) -> str | None:
    """The one area every row answered sets a rate for ("қала: 2 934; ауыл: тариф белгіленбеген"), else None: a
    question naming no area is answered for it. One-rate tables (a single "rate") name no area."""
    priced = {tuple(area for area in AREAS if row.get(f"rate_{area}")) for row in rows}
    return priced.pop()[0] if len(priced) == 1 and len(next(iter(priced))) == 1 else None


def _single_rate_note(document: str, annex: int, area: str | None, lang: str, ctx: Context) -> str:
    """When an area is asked of a one-rate table, say what that one rate covers: a city-only rate must never
    pass for a rural one."""
    spec = ctx.catalogue.annex(document, annex)
    if not area or spec.get("rates") != "single":
        return ""
    return label("city_rate_only" if spec.get("area") == "city" else "single_rate", lang)


def _with_years(choices: list[Choice], when: When) -> list[Choice]:
    """Follow-up questions keep the years the question named (or the two compared): a choice asked about 2027
    answers for 2027."""
    named = " ".join(str(year) for year in when.compared or when.years.named)
    return [Choice(c.label, f"{c.query} {named}") for c in choices] if named else choices


def _head(target: Target, year: str, lang: str, ctx: Context) -> str:
    """A table's head: "Бөрлі ауданы, үйде қызмет көрсету, 2026:"."""
    parts = [ctx.catalogue.jurisdiction_name(target.jurisdiction, lang), label(target.setting or "", lang), year]
    return ", ".join(part for part in parts if part) + ":"


def _result(row: dict, hit: Hit, lang: str, ctx: Context) -> Result:
    """A tariff result: the `kb export tariffs` fields, the flag, the jurisdiction's name, the year and act the
    figure comes from, and next year's figure (`next_year`) when the base holds it."""
    fields = {name: row.get(name) for name in TARIFF_EXPORT_FIELDS}
    fields["flagged"] = bool(row.get("flagged"))
    fields["flag_reason"] = row.get("flag_reason") or ""
    fields["jurisdiction_name"] = ctx.catalogue.jurisdiction_name(row.get("jurisdiction"), lang)
    # the names a reader of `lang` is shown (the printed ones stay in `service` and `position`)
    fields["service_name"] = names.shown(row.get("service") or "", hit.target.local.get(lang), lang)
    fields["position_name"] = names.position_name(row.get("position") or "", lang)
    fields.update(years.act_fields(ctx.catalogue.documents.get(row["document"]) or {}))
    if following := years.next_year_fields(row, hit.target, ctx):
        fields["next_year"] = following
    return Result(type="tariff", citation=ctx.citation(row["document"], row["annex"], row["item"], lang),
                  score=hit.score, fields=fields)


def _rows(hit: Hit, asked: Asked, ctx: Context) -> list[dict]:
    """A service's rows: only the asked position's when it has that position, else all of them, the nearest to it
    first."""
    return ctx.positions.of(hit, asked)[1] or ctx.positions.nearest_first(hit.target.rows, asked)


VARIANT_LEAD = 0.08  # a plain service's variant for the condition said leads it by this much: no tie to ask about


def _condition_said(hits: list[Hit]) -> list[Hit]:
    """A plain service ("Тырнақтарды кесу") leading while its variant for a condition, in the same table and ending
    with the plain one's name ("Тіршілік-тынысы ... шектелген жағдайда тырнақтарды кесу"), finds for sure a word the
    plain one does not ("лежачему"): the variant is the service asked, the condition said. It lends the plain one's
    words (the way the service itself was said: "подстричь") and leads it."""
    if len(hits) < 2:
        return hits
    top = hits[0]
    plain = key_words(top.target.names[0])
    if not plain:
        return hits
    for at, hit in enumerate(hits[1:], 1):
        own = key_words(hit.target.names[0])
        if table_of(hit.target) != table_of(top.target) or len(own) <= len(plain) or own[-len(plain):] != plain:
            continue
        if any(mine >= SURE and theirs < SURE for mine, theirs in zip(hit.matched, top.matched, strict=False)):
            matched = tuple(max(a, b) for a, b in zip(hit.matched, top.matched, strict=False))
            lifted = replace(hit, score=top.score + VARIANT_LEAD, matched=matched)
            return [lifted] + hits[:at] + hits[at + 1:]
    return hits


def _prefer_position(hits: list[Hit], asked: Asked, positions: Positions) -> list[Hit]:
    """Services with a row for the asked position rank first among near-equals (a small, bounded bonus); when none
    has it, those with a row for the position it is a kind of ("social worker" for "care social worker")."""
    if not asked:
        return hits
    if not any(positions.of(hit, asked)[1] for hit in hits):
        asked = positions.broader(asked)
    for hit in hits:
        if positions.of(hit, asked)[1]:
            hit.score += POSITION_BONUS
    return sorted(hits, key=lambda h: -h.score)


def _with_position(choices: list[Hit], ranked: list[Hit], allowed: list[Target], has, asked: Asked,
                   ctx: Context) -> list[Hit]:
    """What to offer when the question names a position: the candidates with a row for it; when they are fewer than
    two, the services with that position, those the question's words match best first (the position was not left
    open, so a service without it is no answer to choose); when no other service has it, the one that has it first."""
    fitting = [h for h in choices if has(h)]
    if len(fitting) >= 2:
        return fitting
    more = _having_position(ranked, allowed, asked, ctx)
    pool = fitting + [h for h in more if all(h.target is not f.target for f in fitting)]
    return pool if len(pool) >= 2 else fitting + [h for h in choices if not has(h)]


def _no_position(target: Target, named: Asked, lang: str) -> str:
    """"This item has no rate for the position named; its positions are: ...", in the reply language."""
    titles = ", ".join(dict.fromkeys(names.position_name(r.get("position") or "", lang) or "—" for r in target.rows))
    return label("no_position", lang).format(position=named.text, positions=titles)


def _having_position(ranked: list[Hit], allowed: list[Target], asked: Asked, ctx: Context) -> list[Hit]:
    """The services of `allowed` with a rate for the asked position, those the question's words match best first."""
    found = {id(h.target): h for h in ranked}
    return sorted((found.get(id(t)) or Hit(t, 0.0) for t in ctx.positions.services(allowed, asked)),
                  key=lambda h: -h.score)


def _elsewhere(best: Hit, asked: Asked, u: Understood, ctx: Context, when: When) -> list[Hit]:
    """The services with a rate for the asked position in the other tables of the setting asked, else of the
    jurisdiction asked, else of any (a psychologist in Bäyterek's home care: the psychologist's consultations of the
    oblast and Börli), those the question's words match best first."""
    catalogue, f = ctx.catalogue, u.filters
    words = asked.search_words(u.words)
    for setting, jurisdiction in ((f.setting, None), (None, f.jurisdiction), (None, None)):
        others = [t for t in catalogue.services_of(setting, jurisdiction, when.view)
                  if table_of(t) != table_of(best.target)]
        if others and (having := ctx.positions.services(others, asked)):
            scored = catalogue.service_index.search(words, limit=40, only=catalogue.services_in(setting, jurisdiction,
                                                                                              when.view))
            return _having_position(scored, having, asked, ctx)[:MAX_CHOICES - 1]
    return []


def _leading(hits: list[Hit], asked: Asked, ctx: Context, area: str | None = None) -> list[Hit]:
    """Tables compared side by side: those with a row for the asked position first, then (an area asked) those
    setting a rate of that area apart from the other's, else as ranked."""
    def key(hit: Hit) -> tuple[bool, bool]:
        spec = ctx.catalogue.annex(*hit.target.ident[:2])
        return (bool(asked) and not ctx.positions.of(hit, asked)[1], bool(area) and spec.get("rates") == "single")

    return sorted(hits, key=key)


def _table_choices(u: Understood, lang: str, ctx: Context) -> list[Choice]:
    """The tables the base has, for a setting and jurisdiction it has no table for."""
    tables = ctx.catalogue.tables
    words = " ".join(w.text for w in u.words)
    name = ctx.catalogue.jurisdiction_name
    return [Choice(label=f"{name(j, lang)}, {label(s, lang)}", query=f"{name(j, lang)} {label(s, lang)} {words}".strip())
            for j, s in tables][:MAX_CHOICES]



def _setting_of_the_service(u: Understood, ctx: Context, when: When) -> str | None:
    """Of several settings named, the one whose table has the service asked for ("обучение ... на дому ...
    полустационар": the semi-stationary table's service is taught "at home"): the best search score in each table,
    the first setting named when they are close."""
    catalogue, words = ctx.catalogue, ctx.positions.asked(u).search_words(u.words)
    best = {}
    for setting in u.settings:
        hits = catalogue.service_index.search(words, limit=1, only=catalogue.services_in(setting, u.filters.jurisdiction,
                                                                                       when.view))
        best[setting] = hits[0].score if hits else 0.0
    first = u.settings[0]
    leader = max(u.settings, key=lambda s: best[s])
    # the first setting named keeps the question while its table holds the service answerably: another table
    # wording it a little closer ("тұрғын үй жағдайын" of a home-care name) is no reason to leave it
    if best[first] >= ANSWER_SCORE and best[leader] < LEAD_RATIO * best[first]:
        return first
    return leader if best[leader] > best[first] + TIE else first
