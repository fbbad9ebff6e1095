"""Inline keyboards and their callback data: short ids, one-letter codes and jurisdiction codes, under 64 bytes.

A question behind a button is kept in a small bounded in-memory map (`Tickets`) under an 8-character id;
in groups the bot replies to the question, so an expired id can still be recovered from the replied message.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass, field

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _

from bot.i18n import LANG_NAMES, LANGS
from bot.labels import area_name, current_lang, setting_name
from bot.render import has_act_text, is_cut
from knowledge.domain import Answer, Jurisdiction

AREAS = {"c": "city", "r": "rural"}
SETTINGS = {"s": "stationary", "m": "semi_stationary", "h": "home", "t": "temporary"}
NONE = "-"


def code_of(table: dict[str, str], value: str | None) -> str:
    return next((code for code, name in table.items() if name == value), NONE)


class LangCb(CallbackData, prefix="l"):
    code: str


class PickCb(CallbackData, prefix="p"):
    """A clarifying choice: ticket id + choice index."""

    t: str
    i: int


class RefineCb(CallbackData, prefix="r"):
    """Same question, other filters: ticket id + area, setting, jurisdiction codes."""

    t: str
    a: str
    s: str
    j: str


class ExampleCb(CallbackData, prefix="x"):
    i: int


SHARED_PREFIX = "komekshi:ticket:"
SHARED_TTL = 7 * 24 * 3600  # a week: buttons older than that ask the user to ask again


def ticket_id(question: str) -> str:
    """Deterministic short id: the same question gets the same id in every replica."""
    return hashlib.blake2b(question.encode("utf-8"), digest_size=6).hexdigest()[:8]


@dataclass
class Ticket:
    question: str
    choices: list[str] = field(default_factory=list)  # ready follow-up questions of a clarify answer


class Tickets:
    """Bounded LRU map short id → question (and its choices); old buttons simply expire.

    With a shared Redis (several replicas behind a proxy) tickets are also written there, with an expiry, so a
    button pressed on another replica than the one that answered still works.
    """

    def __init__(self, size: int = 4096, redis=None, ttl: int = SHARED_TTL) -> None:
        self.size = size
        self.items: OrderedDict[str, Ticket] = OrderedDict()
        self.redis = redis
        self.ttl = ttl
        self.unshared: set[str] = set()

    def put(self, question: str, choices: list[str] | None = None) -> str:
        key = ticket_id(question)
        self.items[key] = Ticket(question, list(choices or []))
        self.items.move_to_end(key)
        while len(self.items) > self.size:
            self.items.popitem(last=False)
        if self.redis is not None:
            self.unshared.add(key)
        return key

    def get(self, key: str) -> Ticket | None:
        ticket = self.items.get(key)
        if ticket:
            self.items.move_to_end(key)
        return ticket

    async def share(self) -> None:
        """Write the tickets made since the last call to the shared store (no-op without one)."""
        pending, self.unshared = self.unshared, set()
        for key in pending:
            ticket = self.items.get(key)
            if ticket is not None:
                value = json.dumps({"q": ticket.question, "c": ticket.choices}, ensure_ascii=False)
                await self.redis.set(SHARED_PREFIX + key, value, ex=self.ttl)

    async def fetch(self, key: str) -> Ticket | None:
        """This replica's ticket, else the shared store's."""
        ticket = self.get(key)
        if ticket is not None or self.redis is None:
            return ticket
        raw = await self.redis.get(SHARED_PREFIX + key)
        if not raw:
            return None
        data = json.loads(raw)
        ticket = Ticket(data["q"], list(data.get("c") or []))
        self.items[key] = ticket
        return ticket


def language_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text=LANG_NAMES[code], callback_data=LangCb(code=code).pack()) for code in LANGS]])


def examples_keyboard(examples: list[str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=f"❓ {example[:60]}", callback_data=ExampleCb(i=index).pack())]
        for index, example in enumerate(examples)])


def current_filters(answer: Answer) -> tuple[str | None, str | None, str | None]:
    """The answer's area, setting, jurisdiction; setting and jurisdiction fall back to the best result's."""
    best = answer.results[0].fields if answer.results else {}
    return (answer.filters.area, answer.filters.setting or best.get("setting"),
            answer.filters.jurisdiction or best.get("jurisdiction"))


class MoreCb(CallbackData, prefix="w"):
    """More of the same answer: k = "a" the act's own wording, "m" every row of a cut list; with the filters it
    was answered with (ticket id + area, setting, jurisdiction codes)."""

    t: str
    k: str
    a: str
    s: str
    j: str


ACT_TEXT, ALL_ROWS = "a", "m"


def more_buttons(answer: Answer, tickets: Tickets) -> list[list[InlineKeyboardButton]]:
    """"📜 Text of the act" under a Russian or English answer; "📋 Show all" under a list the answer cut."""
    kinds = [(ALL_ROWS, _("📋 Show all"))] if is_cut(answer) else []
    kinds += [(ACT_TEXT, _("📜 Text of the act"))] if has_act_text(answer) else []
    if not kinds:
        return []
    ticket = tickets.put(answer.question)
    f = answer.filters
    codes = {"a": code_of(AREAS, f.area), "s": code_of(SETTINGS, f.setting), "j": f.jurisdiction or NONE}
    return [[InlineKeyboardButton(text=text, callback_data=MoreCb(t=ticket, k=kind, **codes).pack())
             for kind, text in kinds]]


def more_filters(data: MoreCb) -> dict[str, str | None]:
    return {"area": AREAS.get(data.a), "setting": SETTINGS.get(data.s),
            "jurisdiction": data.j if data.j != NONE else None}


def answer_keyboard(answer: Answer, tickets: Tickets, places: list[Jurisdiction]) -> InlineKeyboardMarkup | None:
    """The answer's buttons (`choice_keyboard`), then "show all" and "text of the act" (`more_buttons`)."""
    markup = choice_keyboard(answer, tickets, places)
    more = more_buttons(answer, tickets)
    if not more:
        return markup
    return InlineKeyboardMarkup(inline_keyboard=[*(markup.inline_keyboard if markup else []), *more])


def choice_keyboard(answer: Answer, tickets: Tickets, places: list[Jurisdiction]) -> InlineKeyboardMarkup | None:
    """Clarify → one button per choice; tariff answer → switch area, setting, jurisdiction; else none."""
    if answer.status == "clarify" and answer.choices:
        ticket = tickets.put(answer.question, [choice.query for choice in answer.choices])
        return InlineKeyboardMarkup(inline_keyboard=[
            [InlineKeyboardButton(text=choice.label[:64], callback_data=PickCb(t=ticket, i=index).pack())]
            for index, choice in enumerate(answer.choices[:20])])
    if answer.status != "answer" or not any(result.type == "tariff" for result in answer.results):
        return None
    ticket = tickets.put(answer.question)
    area, setting, jurisdiction = current_filters(answer)
    # a jurisdiction travels as its manifest code: stable across reloads, unlike a position in the list
    a, s, j = code_of(AREAS, area), code_of(SETTINGS, setting), jurisdiction or NONE

    def button(label: str, chosen: bool, **codes: str) -> dict:
        # Seven buttons on every tariff answer: plain dicts validated once with the markup, and callback data
        # packed directly (our own short codes), instead of a pydantic model per button and per pack().
        data = {"t": ticket, "a": a, "s": s, "j": j, **codes}
        packed = RefineCb.__separator__.join([RefineCb.__prefix__, *(data[name] for name in RefineCb.model_fields)])
        return {"text": ("✓ " if chosen else "") + label, "callback_data": packed}

    return InlineKeyboardMarkup(inline_keyboard=[
        [button(f"🏙 {area_name('city')}", a == "c", a="c"), button(f"🌾 {area_name('rural')}", a == "r", a="r")],
        [button(setting_name(name), s == code, s=code) for code, name in list(SETTINGS.items())[:2]],
        [button(setting_name(name), s == code, s=code) for code, name in list(SETTINGS.items())[2:]],
        *[[button(place.short(current_lang()), j == place.code, j=place.code) for place in places[n:n + 3]]
          for n in range(0, len(places), 3)],
    ])


def refine_filters(data: RefineCb) -> dict[str, str | None]:
    return {"area": AREAS.get(data.a), "setting": SETTINGS.get(data.s),
            "jurisdiction": data.j if data.j != NONE else None}

