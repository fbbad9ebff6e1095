"""The care plan built in conversation: ➕ under a tariff answer adds its row, 📋 (or /plan) shows the lines and the
total (knowledge.answer.plan), buttons change the days, months and recipients, ask the area a city/rural row needs,
send the plan as a message to forward, or as a spreadsheet (XLSX with the citations), in the user's language.

The plan lives in the FSM storage under "plan" (Redis when configured, so every replica sees the same plan): its
lines (each the tariff result it came from) and the counts applied to all of them."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.i18n import gettext as _

from bot.keyboards import AREAS, AddCb, PlanCb, refine_filters
from bot.labels import area_name, current_lang
from bot.render import LIMIT, esc, fit
from bot.service import Asker, chat_of, engine_lang
from knowledge.answer.compose import label
from knowledge.answer.plan import NO_AREA, Line, Plan

KEY = "plan"
COUNTS = {"d": "days", "m": "months", "r": "recipients"}
MAX_COUNT = 1000  # as many days, months or recipients as a plan can hold (the engine reads no more either)
MAX_LINES = 30
FILENAME = "komekshi-plan.xlsx"


class Stored:
    """The plan as kept in the FSM data: lines and the counts applied to every line."""

    def __init__(self, data: dict | None) -> None:
        data = data or {}
        self.plan = Plan.from_dict(data)
        self.counts = {"days": 1, "months": 1, "recipients": 1, **(data.get("counts") or {})}
        self.apply()  # the lines are kept without counts: the plan's counts are theirs

    def add(self, line: Line) -> bool:
        key = _key(line.tariff)
        if any(_key(kept.tariff) == key for kept in self.plan.lines) or len(self.plan.lines) >= MAX_LINES:
            return False
        self.plan.lines.append(line)
        self.apply()
        return True

    def apply(self) -> None:
        self.plan.set(**self.counts)

    def data(self) -> dict:
        return {"lines": [{"tariff": line.tariff, "area": line.area} for line in self.plan.lines],
                "counts": self.counts}


async def load(state: FSMContext) -> Stored:
    return Stored((await state.get_data()).get(KEY))


async def save(state: FSMContext, stored: Stored) -> None:
    await state.update_data({KEY: stored.data()})


def plan_html(stored: Stored) -> str:
    lang = current_lang()
    if not stored.plan.lines:
        return esc(_("The plan is empty: press ➕ under a tariff answer to add a service."))
    total = label("plan_total", lang).split("{")[0]
    lines = [f"<b>{esc(row)}</b>" if row.startswith(total) or row == label("plan_head", lang) else esc(row)
             for row in stored.plan.text(lang).splitlines()]
    return fit("\n".join(lines), LIMIT)


def plan_keyboard(stored: Stored) -> InlineKeyboardMarkup:
    c = stored.counts

    def button(text: str, act: str, n: int = 0) -> InlineKeyboardButton:
        return InlineKeyboardButton(text=text, callback_data=PlanCb(act=act, n=n).pack())

    rows = [
        [button("−5", "d", -5), button("−1", "d", -1), button(f"📅 {c['days']}", "noop"), button("+1", "d", 1),
         button("+5", "d", 5)],
        [button("−1", "m", -1), button(f"🗓 {c['months']}", "noop"), button("+1", "m", 1)],
        [button("−1", "r", -1), button(f"👥 {c['recipients']}", "noop"), button("+1", "r", 1)],
    ]
    if any(line.status == NO_AREA for line in stored.plan.lines):
        rows.append([button(f"🏙 {area_name('city')}", "area", 0), button(f"🌾 {area_name('rural')}", "area", 1)])
    if stored.plan.lines:
        rows.append([button("📤 " + _("Share"), "share"), button("📊 XLSX", "xlsx"), button("🗑 " + _("Clear"), "clear")])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def counts_caption(stored: Stored) -> str:
    c = stored.counts
    return esc(_("📅 days: {days} · 🗓 months: {months} · 👥 recipients: {recipients}").format(**c))


def view(stored: Stored) -> str:
    return fit(f"{plan_html(stored)}\n\n{counts_caption(stored)}", LIMIT)


async def on_add(callback: CallbackQuery, callback_data: AddCb, asker: Asker, state: FSMContext, lang: str,
                 lang_chosen: bool) -> None:
    ticket = await asker.tickets.fetch(callback_data.t, chat_of(callback))
    if ticket is None or callback.message is None:
        await callback.answer(_("This button has expired: please ask again."), show_alert=True)
        return
    answer = await asker.ask(ticket.question, engine_lang(lang, lang_chosen), user_id=callback.from_user.id,
                             source="button", **refine_filters(callback_data))
    results = answer.results
    if not 0 <= callback_data.i < len(results) or results[callback_data.i].type not in ("tariff", "calculation"):
        await callback.answer(_("This button has expired: please ask again."), show_alert=True)
        return
    stored = await load(state)
    chosen = results[callback_data.i]
    if chosen.type == "calculation":  # a calculation's lines, with its counts when the plan has none yet
        lines = [Line.from_dict(line) for line in chosen.fields.get("lines") or []]
        if not stored.plan.lines and lines:
            first = lines[0]
            stored.counts.update({k: v for k, v in (("days", first.days), ("months", first.months),
                                                    ("recipients", first.recipients)) if v})
    else:
        lines = [Line(tariff=chosen.to_dict(), area=answer.filters.area)]
    added = sum(stored.add(line) for line in lines)
    await save(state, stored)
    await callback.answer(_("Added to the plan: {n} lines in it.").format(n=len(stored.plan.lines)) if added
                          else _("Already in the plan."))
    await callback.message.answer(view(stored), reply_markup=plan_keyboard(stored))


async def on_plan(callback: CallbackQuery, callback_data: PlanCb, state: FSMContext) -> None:
    message = callback.message
    if message is None:
        await callback.answer()
        return
    stored, act = await load(state), callback_data.act
    if act == "noop":
        await callback.answer()
        return
    if act == "show":
        await callback.answer()
        await message.answer(view(stored), reply_markup=plan_keyboard(stored))
        return
    if act == "share":  # a message with no buttons: forwarded as it is
        await callback.answer()
        await message.answer(plan_html(stored))
        return
    if act == "xlsx":
        from knowledge.desk.plan_sheet import plan_xlsx

        await callback.answer()
        document = BufferedInputFile(plan_xlsx(stored.plan, current_lang()), filename=FILENAME)
        caption = label("plan_total", current_lang()).format(total=_money(stored))
        await message.answer_document(document, caption=esc(caption))
        return
    if act in COUNTS:
        name = COUNTS[act]
        stored.counts[name] = min(MAX_COUNT, max(1, stored.counts[name] + callback_data.n))
        stored.apply()
    elif act == "area":
        for line in stored.plan.lines:
            if line.status == NO_AREA:
                line.area = list(AREAS.values())[callback_data.n % 2]
    elif act == "clear":
        stored = Stored(None)
    await save(state, stored)
    await callback.answer()
    if isinstance(message, Message):
        await message.edit_text(view(stored), reply_markup=plan_keyboard(stored))


def _money(stored: Stored) -> str:
    from knowledge.i18n import money_exact

    return money_exact(stored.plan.total, current_lang())


async def on_plan_command(message: Message, state: FSMContext) -> None:
    stored = await load(state)
    await message.answer(view(stored), reply_markup=plan_keyboard(stored))


def _key(tariff: dict) -> tuple:
    citation = tariff.get("citation") or {}
    return citation.get("document"), tariff.get("annex"), tariff.get("item"), tariff.get("position")


def router() -> Router:
    r = Router(name="plan")
    r.callback_query.register(on_add, AddCb.filter())
    r.callback_query.register(on_plan, PlanCb.filter())
    r.message.register(on_plan_command, Command("plan"))
    return r

