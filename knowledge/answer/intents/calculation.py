"""Calculations: "ЛФК и логопед в полустационаре Бурлинского района, 15 дней" → what the plan costs, one line per
service (tariff × days or months × recipients), the total, each line cited (knowledge.answer.plan).

The question is one only when it counts days or months (knowledge.answer.quantities). Its services are the parts
between "и", "мен", "and", commas (or, when it has any, only between semicolons and line breaks: the follow-up
questions this intent offers join services with "; ", since a service's own name may hold "и" or a comma); the
parts naming only a setting, area or district are context for all. Each service is resolved exactly as the tariff
intent resolves it asked alone, with the whole question's setting, area, district and year: one row is a line;
anything else (two services alike, several positions or tables, nothing found) is asked back for that service
alone, the rest of the plan kept. A city/rural table with no area asked is asked back too: never a sum guessed."""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.answer.compose import label
from knowledge.answer.context import Context, cut
from knowledge.answer.intents.tariff import Tariffs
from knowledge.answer.plan import NO_COUNT, Line, Plan
from knowledge.answer.policy import ANSWER, CLARIFY, MAX_CHOICES
from knowledge.answer.quantities import Quantities, read_quantities
from knowledge.answer.understand import MAX_QUESTION_CHARS, Understood, understand
from knowledge.domain import Answer, Choice, Filters, Result
from knowledge.i18n import money_exact

_STRONG = re.compile(r"\s*[;\n]+\s*")
_WEAK = re.compile(r"\s*(?:[,;+&\n]|\b(?:и|а также|также|мен|бен|пен|және|сондай-ақ|and|plus)\b)\s*", re.IGNORECASE)
_YEAR = re.compile(r"\b20\d\d\b")
TARIFF = Tariffs()
MAX_SERVICES = 12  # a plan asked in one message; longer plans are built in the bot's plan or `komekshi plan`


class Calculation:
    name = "calculation"

    def asks(self, u: Understood) -> bool:
        """The question counts days or months: it asks what a plan costs, not what a tariff is."""
        return read_quantities(u.question[:MAX_QUESTION_CHARS]).counted

    def answer(self, u: Understood, reply: Answer, ctx: Context) -> bool:
        said = read_quantities(u.question[:MAX_QUESTION_CHARS])
        if not said.counted:
            return False
        lang = reply.lang
        reply.intent = self.name
        parts = split_services(said.rest)
        years = " ".join(_YEAR.findall(u.question))
        read = {part: understand(f"{part} {years}".strip(), ctx.glossary) for part in parts}  # each read once
        services = [part for part in parts if read[part].words]
        context = [part for part in parts if part not in services]
        if not services:
            reply.status, reply.text = CLARIFY, label("plan_empty", lang)
            return True
        if len(services) > MAX_SERVICES:  # never a total over a part of what was asked
            reply.status, reply.text = CLARIFY, label("plan_too_many", lang).format(n=MAX_SERVICES)
            return True
        shared = understand(" ".join(context), ctx.glossary).filters  # what the parts naming no service say
        lines: list[Line] = []
        for index, part in enumerate(services):
            sub = resolve(read[part], u.filters, shared, lang, ctx)
            row = sub.results[0].to_dict() if sub.status == ANSWER and len(sub.results) == 1 else None
            if row is None:
                self._ask_back(index, part, sub, services, context, said, reply)
                return True
            if all(_row_key(row) != _row_key(line.tariff) for line in lines):  # a name split in two finds one row
                lines.append(Line(tariff=row, area=u.filters.area, days=said.days, months=said.months,
                                  recipients=said.recipients or 1))
        if not u.filters.area and any(line.rate is None for line in lines):
            reply.status, reply.text = CLARIFY, label("plan_area", lang)
            question = rebuilt(services, context, said)
            reply.choices = [Choice(f"{label(area, lang)}: {money_exact(_with_area(lines, area).total, lang)}",
                                    f"{question}; {label(area, lang)}") for area in ("city", "rural")]
            return True
        plan = Plan(lines)
        # a tariff whose unit the question gives no count of (days for a per-day one) leaves the plan's cost unknown:
        # its lines are shown, and the count asked for, never a total passed off as the plan's
        reply.status = CLARIFY if any(line.status == NO_COUNT for line in lines) else ANSWER
        reply.results = [Result(type=self.name, citation=lines[0].citation,
                                score=min(line.tariff.get("score", 0.0) for line in lines),
                                fields={k: v for k, v in plan.to_dict().items() if k != "type"})]
        text = plan.text(lang, total=reply.status == ANSWER)
        reply.warnings = plan.warnings(lang)
        for document in dict.fromkeys(line.citation.document for line in lines):
            if status := ctx.status_warning(document, lang):
                reply.warnings.append(status)
                text += f"\n⚠ {status}"
        if reply.status == CLARIFY:
            text += "\n" + label("plan_count", lang)
        reply.text = text
        return True

    def _ask_back(self, index: int, part: str, sub: Answer, services: list[str], context: list[str],
                  said: Quantities, reply: Answer) -> None:
        """One service could not be told for certain: its choices, each a whole plan question again."""
        lang, reply.status = reply.lang, CLARIFY
        if sub.status == ANSWER and sub.results:  # several rows: each row offered on its own
            offered = [_row_choice(r.to_dict(), lang) for r in sub.results][:MAX_CHOICES]
        else:
            offered = sub.choices[:MAX_CHOICES]
        if offered:
            reply.text = label("plan_which", lang).format(part=part)
            reply.choices = [Choice(c.label, rebuilt(_replace(services, index, c.query), context, said))
                             for c in offered]
            return
        reply.text = label("plan_not_found", lang).format(part=part)
        others = _replace(services, index, None)
        reply.choices = ([Choice(cut(label("plan_without", lang).format(part=part)), rebuilt(others, context, said))]
                         if others else [])


def split_services(text: str) -> list[str]:
    """The parts of a question between its conjunctions and commas, or between its semicolons when it has any."""
    splitter = _STRONG if _STRONG.search(text.strip()) else _WEAK
    return [part.strip(" :.,-") for part in splitter.split(text) if part and part.strip(" :.,-")]


def resolve(u: Understood, whole: Filters, shared: Filters, lang: str, ctx: Context) -> Answer:
    """One service as the tariff intent answers it asked alone, with the question's year and its setting, area and
    district: a part's own words win; what it does not name comes from the whole question ("ЛФК и логопед в
    полустационаре Бурлинского района": ЛФК is in the same table), unless that makes a table the base does not
    have: then only from the parts naming no service ("стационар массаж; полустационар Бурлинского района ЛФК;
    город": the stationary massage is not Börli's, there is no such table)."""
    own = Filters(u.filters.setting, u.filters.area, u.filters.jurisdiction, u.filters.position)
    for inherited in (whole, shared):
        for name in ("setting", "area", "jurisdiction"):
            setattr(u.filters, name, getattr(own, name) or getattr(inherited, name))
        place, setting = u.filters.jurisdiction, u.filters.setting
        if not (place and setting) or (place, setting) in ctx.catalogue.tables:
            break
    u.intent = TARIFF.name
    sub = Answer(question=u.question, lang=lang, intent=TARIFF.name, filters=u.filters, status="not_found")
    if not TARIFF.answer(u, sub, ctx):
        sub.status = "not_found"
    return sub


def rebuilt(services: list[str], context: list[str], said: Quantities) -> str:
    """A plan question again, its parts parted by "; " (a service's name may hold "и" or a comma)."""
    return "; ".join([*services, *context, *said.said])


def _replace(services: list[str], index: int, query: str | None) -> list[str]:
    return [query if i == index else s for i, s in enumerate(services) if i != index or query is not None]


def _row_choice(row: dict, lang: str) -> Choice:
    where = f"{row.get('jurisdiction_name') or ''} {label(row.get('setting') or '', lang)}".strip()
    return Choice(cut(f"{row.get('position')} ({row.get('service')})"),
                  f"{where} {row.get('service')} {row.get('position')}")


def _with_area(lines: list[Line], area: str) -> Plan:
    """The plan as it would be in that area (each choice shows its total: they are told apart by what they cost)."""
    return Plan([replace(line, area=line.area or area) for line in lines])


def _row_key(row: dict) -> tuple:
    return row["citation"].get("document"), row.get("annex"), row.get("item"), row.get("position")
