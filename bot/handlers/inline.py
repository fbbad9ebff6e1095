"""Inline mode: `@bot massage rural` lists the whole answer first, then up to 9 results; choosing one posts that
answer or that result's full cited card. An answer's "share" button opens this with its question typed."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import InlineQuery, InlineQueryResultArticle, InputTextMessageContent
from aiogram.utils.i18n import get_i18n

from bot.actions import shared
from bot.i18n import LANGS
from bot.keyboards import ticket_id
from bot.labels import area_name, degree_name, setting_name
from bot.render import fit, money, render_answer, result_card, warning_blocks
from bot.service import Asker, engine_lang
from knowledge.domain import Answer, Result

MAX_RESULTS = 10


def describe(result: Result) -> tuple[str, str]:
    """(title, description) of a result for the inline list, plain text."""
    fields = result.fields
    if result.type == "tariff":
        title = " — ".join(part for part in (fields.get("service"), fields.get("position")) if part)
        if fields.get("rate_city") is not None or fields.get("rate_rural") is not None:
            rates = [f"{area_name('city')} {money(fields.get('rate_city'))}",
                     f"{area_name('rural')} {money(fields.get('rate_rural'))}"]
        else:
            rates = [money(fields.get("rate"))]
        return title, " · ".join([*rates, setting_name(fields.get("setting"))])
    if result.type == "criterion":
        return f"{fields.get('item', '')}. {fields.get('criterion', '')}", degree_name(fields.get("degree"))
    return fields.get("title") or result.citation.title, result.citation.title


def article(key: str, title: str, description: str, html_text: str) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=key[:64], title=title[:200] or "—", description=description[:300],
        input_message_content=InputTextMessageContent(message_text=fit(html_text), parse_mode="HTML"))


def articles(answer: Answer) -> list[InlineQueryResultArticle]:
    base = ticket_id(f"{answer.question}|{answer.filters}")
    if answer.status != "answer" or not answer.results:
        text = render_answer(answer)[0]
        return [article(f"{base}-0", answer.text.split("\n")[0][:200] or answer.question, "", text)]
    warnings = warning_blocks(answer)
    found = []
    if len(answer.results) > 1:
        # The answer as a chat shows it (what "share" posts), then each result on its own.
        title, _description = describe(answer.results[0])
        found.append(article(f"{base}-a", answer.question, title, render_answer(answer)[0]))
    for number, result in enumerate(answer.results[:MAX_RESULTS - len(found)]):
        title, description = describe(result)
        card = "\n\n".join([*warnings, result_card(result, answer.filters.area)])
        found.append(article(f"{base}-{number}", title, description, card))
    return found


async def on_inline(query: InlineQuery, asker: Asker, lang: str, lang_chosen: bool) -> None:
    text = query.query.strip()
    if len(text) < 2:
        await query.answer([], cache_time=5, is_personal=True)
        return
    # A share button's query: the answer it sat under, in its language and with its filters (an expired ticket:
    # the question alone).
    text, key = shared(text)
    ticket = await asker.tickets.fetch(key) if key else None
    filters = {name: value or None for name, value in ticket.about.items()} if ticket else {}
    reply = (ticket.lang if ticket else "") or engine_lang(lang, lang_chosen)
    answer = await asker.ask(text, reply, user_id=query.from_user.id, source="inline", **filters)
    i18n = get_i18n()
    with i18n.use_locale(answer.lang if answer.lang in LANGS else lang):
        results = articles(answer)
    await query.answer(results, cache_time=30, is_personal=True)


def router() -> Router:
    r = Router(name="inline")
    r.inline_query.register(on_inline)
    return r

