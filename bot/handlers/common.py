"""/start, /help, /lang, /sources, /about, the language and example buttons, and the answer to any button no other
handler knows (expired, forged or from an older version): Telegram shows a spinner until a callback is answered."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandStart
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.i18n import LANG_NAMES, LanguageMiddleware
from bot.keyboards import ExampleCb, LangCb, examples_keyboard, language_keyboard
from bot.render import document_card, esc, pack
from bot.service import Asker, engine_lang, send_answer


def examples() -> list[str]:
    """Real questions in the current language (translated in the catalogues)."""
    return [
        _("what is the rural rate for massage by a nurse in semi-stationary care?"),
        _("is missing the individual work plan a significant violation?"),
        _("which decree sets the Börli district tariffs?"),
        _("staffing norm of nurses in a stationary facility"),
    ]


async def cmd_start(message: Message) -> None:
    await message.answer(
        _("Hello! I am Kómekshi, a reference on special social services in Kazakhstan.") + "\n\n"
        + _("Ask about tariffs, violations and inspection criteria: I answer from the official acts and cite them.")
        + "\n\n" + _("Choose the language:"),
        reply_markup=language_keyboard())


async def cmd_lang(message: Message) -> None:
    await message.answer(_("Choose the language:"), reply_markup=language_keyboard())


async def on_lang(callback: CallbackQuery, callback_data: LangCb, i18n_middleware: LanguageMiddleware) -> None:
    if callback_data.code not in LANG_NAMES:
        await callback.answer()
        return
    await i18n_middleware.set_locale(callback.from_user.id, callback_data.code)
    text = _("Language: {name}. Ask your question, or see /help for examples.").format(
        name=LANG_NAMES[callback_data.code])
    if callback.message is not None and hasattr(callback.message, "edit_text"):
        await callback.message.edit_text(esc(text))
    await callback.answer(LANG_NAMES[callback_data.code])


async def cmd_help(message: Message) -> None:
    lines = [
        "<b>" + esc(_("How to ask")) + "</b>",
        esc(_("Write a question in your own words: service, position, setting, city or rural area.")),
        esc(_("In groups: /ask question, or mention me, or reply to my message.")),
        esc(_("Inline: type my name and a question in any chat.")),
        "",
        "<b>" + esc(_("Examples")) + "</b>",
        *[f"• {esc(example)}" for example in examples()],
        "",
        esc(_("Commands: /lang language, /sources documents, /about about the bot.")),
    ]
    await message.answer("\n".join(lines), reply_markup=examples_keyboard(examples()))


async def on_example(callback: CallbackQuery, callback_data: ExampleCb, asker: Asker, lang: str,
                     lang_chosen: bool) -> None:
    questions = examples()
    if not 0 <= callback_data.i < len(questions) or callback.message is None:
        await callback.answer()
        return
    answer = await asker.ask(questions[callback_data.i], engine_lang(lang, lang_chosen), user_id=callback.from_user.id,
                             source="button")
    await callback.answer()
    await send_answer(callback.message, answer, asker, reply=False)


async def cmd_sources(message: Message, asker: Asker, lang: str) -> None:
    documents = await asker.documents(lang)
    if not documents:
        await message.answer(esc(_("The knowledge base has no documents yet.")))
        return
    blocks = ["<b>" + esc(_("Sources")) + "</b>", *[document_card(document) for document in documents]]
    for chunk in pack(blocks):
        await message.answer(chunk)


async def cmd_about(message: Message) -> None:
    await message.answer(
        "<b>Kómekshi</b>\n"
        + esc(_("Answers about special social services from the official legal texts: tariffs of West Kazakhstan "
                "oblast and its districts, risk criteria and inspection checklists.")) + "\n\n"
        + "<i>" + esc(_("This is a reference, not legal advice: always check the cited act.")) + "</i>")


async def on_stale_button(callback: CallbackQuery) -> None:
    await callback.answer(_("This button has expired: please ask again."), show_alert=True)


def fallback_router() -> Router:
    """Included after every other router: a callback query nothing else handled still gets its answer."""
    r = Router(name="fallback")
    r.callback_query.register(on_stale_button)
    return r


def router() -> Router:
    r = Router(name="common")
    r.message.register(cmd_start, CommandStart())
    r.message.register(cmd_lang, Command("lang"))
    r.message.register(cmd_help, Command("help"))
    r.message.register(cmd_sources, Command("sources"))
    r.message.register(cmd_about, Command("about"))
    r.callback_query.register(on_lang, LangCb.filter())
    r.callback_query.register(on_example, ExampleCb.filter())
    return r

