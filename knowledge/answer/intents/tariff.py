"""Tariffs: "how much is a nurse's massage in semi-stationary care in a village" → the service's rates, from every
table that has it unless a setting and jurisdiction narrow it to one; asks back when two services are equally
likely; says so when a year the base does not hold is asked."""

from __future__ import annotations

import re

from knowledge.answer import compose
from knowledge.answer.catalogue import table_of
from knowledge.answer.compose import cite, label
from knowledge.answer.context import Context, same_name, warn
from knowledge.answer.glossary import Glossary
from knowledge.answer.index import Hit, Target
from knowledge.answer.policy import ANSWER, CLARIFY, MAX_CHOICES, POSITION_BONUS, Decision, decide
from knowledge.answer.understand import Understood
from knowledge.domain import TARIFF_EXPORT_FIELDS, Answer, Choice, Result
from knowledge.text import loose, tokens


class Tariffs:
    name = "tariff"

    def best_score(self, u: Understood, ctx: Context) -> float:
        hits = ctx.catalogue.service_index.search(u.words, limit=1)
        return hits[0].score if hits else 0.0

    def answer(self, u: Understood, reply: Answer, ctx: Context) -> bool:
        f, lang, catalogue = u.filters, reply.lang, ctx.catalogue
        if self._other_year(u, reply, ctx):
            return True
        allowed = [t for t in catalogue.services
                   if (not f.setting or t.setting == f.setting) and (not f.jurisdiction or t.jurisdiction == f.jurisdiction)]
        if not allowed:
            if f.setting and f.jurisdiction and catalogue.services:
                reply.intent = self.name
                reply.text = label("not_in_table", lang)
                reply.choices = _table_choices(u, lang, ctx)
                return True
            return False
        hits = catalogue.service_index.search(u.words, limit=40, only=catalogue.services_in(f.setting, f.jurisdiction))
        hits = _prefer_position(hits, f.position, ctx.glossary)

        def rival(hit: Hit, top: Hit) -> bool:  # a near-equal is no rival when only the best has the asked position
            return _position_rival(hit, top, f.position, ctx.glossary)

        decision = decide(hits, u.words, same=same_name, rival=rival, table=lambda h: table_of(h.target))
        if decision.status == ANSWER:
            self._answer(decision, u, reply, ctx)
            return True
        if decision.status == CLARIFY:
            reply.intent, reply.status = self.name, CLARIFY
            reply.text = label("clarify", lang)
            reply.choices = _distinct_choices(decision.hits, lang, ctx)
            return True
        if not u.words and (f.setting or f.jurisdiction or f.position):
            reply.intent, reply.status = self.name, CLARIFY
            reply.text = label("clarify", lang)
            reply.choices = [ctx.service_choice(t, lang) for t in _examples(allowed, f.position, ctx.glossary)]
            return True
        return False

    def _answer(self, decision: Decision, u: Understood, reply: Answer, ctx: Context) -> None:
        lang, position = reply.lang, u.filters.position
        reply.intent, reply.status = self.name, ANSWER
        reply.results = [_result(row, h.score, lang, ctx) for h in decision.hits
                         for row in _rows(h.target, position, ctx.glossary)]
        reply.text = self._text(reply, decision, u, ctx)
        if decision.comparison:
            reply.choices = [ctx.service_choice(h.target, lang) for h in decision.hits][:MAX_CHOICES]

    def _text(self, reply: Answer, decision: Decision, u: Understood, ctx: Context) -> str:
        lang, area = reply.lang, u.filters.area
        lines: list[str] = []
        if decision.comparison:
            lines.append(label("compare", lang))
        for hit in decision.hits:
            target = hit.target
            lines.append(f"{ctx.catalogue.jurisdiction_name(target.jurisdiction, lang)}, {label(target.setting, lang)}:")
            for row in _rows(target, u.filters.position, ctx.glossary):
                lines.append("• " + compose.tariff_line(row, area, lang))
                if row.get("flagged"):
                    warn(reply, lines, compose.flag_warning(row.get("flag_reason"), lang))
            document, annex, item = target.ident
            warn(reply, lines, _single_rate_note(document, annex, area, lang, ctx), icon="ℹ")
            lines.append(f"{label('source', lang)}: {cite(ctx.citation(document, annex, item, lang), lang)}")
            warn(reply, lines, ctx.status_warning(document, lang))
        return "\n".join(lines)

    def _other_year(self, u: Understood, reply: Answer, ctx: Context) -> bool:
        """A tariff year the base does not hold ("тарифы 2024 года"): say so, offer the year it holds; never
        answer a 2024 question with 2026 figures."""
        held = ctx.catalogue.tariff_years
        asked = [int(n) for n in u.numbers if len(n) == 4 and 2000 <= int(n) <= 2099]
        numbers = {d.get("number") for d in ctx.catalogue.documents.values()}
        if not held or not asked or any(year in held for year in asked) or numbers & set(u.numbers):
            return False  # a decree named by its number ("№ 286 от 2025 года") is asked about, not a year
        lang, year = reply.lang, held[-1]
        reply.intent, reply.status = self.name, CLARIFY
        reply.text = label("other_year", lang).format(asked=asked[0], held=", ".join(map(str, held)))
        reply.choices = [Choice(label("same_for_year", lang).format(year=year),
                                re.sub(rf"\b{asked[0]}\b", str(year), u.question))]
        return True


def _single_rate_note(document: str, annex: int, area: str | None, lang: str, ctx: Context) -> str:
    """When an area is asked of a one-rate table, say what that one rate covers: a city-only rate must never
    pass for a rural one."""
    spec = ctx.catalogue.annex(document, annex)
    if not area or spec.get("rates") != "single":
        return ""
    return label("city_rate_only" if spec.get("area") == "city" else "single_rate", lang)


def _result(row: dict, score: float, lang: str, ctx: Context) -> Result:
    fields = {name: row.get(name) for name in TARIFF_EXPORT_FIELDS}
    fields["flagged"] = bool(row.get("flagged"))
    fields["flag_reason"] = row.get("flag_reason") or ""
    fields["jurisdiction_name"] = ctx.catalogue.jurisdiction_name(row.get("jurisdiction"), lang)
    return Result(type="tariff", citation=ctx.citation(row["document"], row["annex"], row["item"], lang),
                  score=score, fields=fields)


def _has_position(row: dict, position: str, glossary: Glossary) -> bool:
    wanted = glossary.position_kb.get(position, ())
    name = " ".join(loose(t) for t in tokens(row.get("position") or ""))
    return any(w in name for w in wanted)


def _prefer_position(hits: list[Hit], position: str | None, glossary: Glossary) -> list[Hit]:
    """Services with a row for the asked position rank first among near-equals (a small, bounded bonus)."""
    if not position:
        return hits
    for hit in hits:
        if any(_has_position(row, position, glossary) for row in hit.target.rows):
            hit.score += POSITION_BONUS
    return sorted(hits, key=lambda h: -h.score)


def _position_rival(hit: Hit, top: Hit, position: str | None, glossary: Glossary) -> bool:
    """A near-equal service is no rival when the user named a position only the best one has."""
    if not position:
        return True
    has = any(_has_position(r, position, glossary) for r in hit.target.rows)
    return has or not any(_has_position(r, position, glossary) for r in top.target.rows)


def _rows(target: Target, position: str | None, glossary: Glossary) -> list[dict]:
    """A service's rows, those of the asked position first."""
    if not position:
        return target.rows
    matching = [r for r in target.rows if _has_position(r, position, glossary)]
    return matching + [r for r in target.rows if r not in matching]


def _examples(targets: list[Target], position: str | None, glossary: Glossary) -> list[Target]:
    picked = [t for t in targets if not position or any(_has_position(r, position, glossary) for r in t.rows)]
    return (picked or targets)[:MAX_CHOICES]


def _distinct_choices(hits: list[Hit], lang: str, ctx: Context) -> list[Choice]:
    choices, seen = [], set()
    for hit in hits:
        choice = ctx.service_choice(hit.target, lang)
        if choice.query not in seen:
            seen.add(choice.query)
            choices.append(choice)
        if len(choices) == MAX_CHOICES:
            break
    return choices


def _table_choices(u: Understood, lang: str, ctx: Context) -> list[Choice]:
    """The tables the base has, for a setting and jurisdiction it has no table for."""
    tables = sorted({table_of(t) for t in ctx.catalogue.services})
    words = " ".join(w.text for w in u.words)
    name = ctx.catalogue.jurisdiction_name
    return [Choice(label=f"{name(j, lang)}, {label(s, lang)}", query=f"{name(j, lang)} {label(s, lang)} {words}".strip())
            for j, s in tables][:MAX_CHOICES]

