"""Inline keyboards and their callback data: short ids, one-letter codes and jurisdiction codes, under 64 bytes.

A question behind a button is kept in a small bounded in-memory map (`Tickets`) under an 8-character id keyed with
the deployment's secret and bound to the chat the buttons were sent to;
in groups the bot replies to the question, so an expired id can still be recovered from the replied message.
"""

from __future__ import annotations

import hashlib
import json
import secrets
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


class AddCb(CallbackData, prefix="pa"):
    """➕ add to plan: ticket id + the answer's area, setting, jurisdiction codes (as RefineCb) + the result's index."""

    t: str
    a: str
    s: str
    j: str
    i: int


class PlanCb(CallbackData, prefix="pl"):
    """The plan's buttons (bot.handlers.plan): an action and its number (a count's change, an area)."""

    act: str
    n: int = 0


class ExampleCb(CallbackData, prefix="x"):
    i: int


SHARED_PREFIX = "komekshi:ticket:"
SHARED_TTL = 7 * 24 * 3600  # a week: buttons older than that ask the user to ask again


def ticket_id(question: str, chat_id: int | None = None, secret: bytes = b"") -> str:
    """Deterministic short id: the same question in the same chat gets the same id in every replica (they share the
    deployment's secret). Keyed with the secret, an id cannot be computed from outside to forge a button."""
    data = question if chat_id is None else f"{chat_id}\n{question}"
    return hashlib.blake2b(data.encode("utf-8"), key=secret[:64], digest_size=6).hexdigest()[:8]


def ticket_secret(bot_token: str | None) -> bytes:
    """The deployment's ticket secret: derived from the bot token, which every replica has and no user sees; a random
    one for a process without a token (tests)."""
    if not bot_token:
        return secrets.token_bytes(32)
    return hashlib.blake2b(bot_token.encode("utf-8"), person=b"komekshi-ticket").digest()[:32]


@dataclass
class Ticket:
    question: str
    choices: list[str] = field(default_factory=list)  # ready follow-up questions of a clarify answer
    lang: str = ""  # the language the answer was given in: a button's answer keeps it
    about: dict[str, str] = field(default_factory=dict)  # what a vote records: the answer, the acts it cited
    chat: int | None = None  # the chat the buttons were sent to: pressed anywhere else, they have expired


class Tickets:
    """Bounded LRU map short id → question (and its choices); old buttons simply expire.

    With a shared Redis (several replicas behind a proxy) tickets are also written there, with an expiry, so a
    button pressed on another replica than the one that answered still works.
    """

    def __init__(self, size: int = 4096, redis=None, ttl: int = SHARED_TTL, secret: bytes | None = None) -> None:
        self.secret = secret if secret is not None else ticket_secret(None)
        self.size = size
        self.items: OrderedDict[str, Ticket] = OrderedDict()
        self.redis = redis
        self.ttl = ttl
        self.unshared: set[str] = set()

    def id_for(self, question: str, chat_id: int | None) -> str:
        return ticket_id(question, chat_id, self.secret)

    def put(self, question: str, choices: list[str] | None = None, lang: str = "",
            about: dict[str, str] | None = None, seed: str | None = None, chat_id: int | None = None) -> str:
        """The ticket's id: keyed from `seed` (else the question) and the chat, so one answer's buttons share it."""
        key = self.id_for(seed or question, chat_id)
        self.items[key] = Ticket(question, list(choices or []), lang, dict(about or {}), chat_id)
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
                value = json.dumps({"q": ticket.question, "c": ticket.choices, "l": ticket.lang, "a": ticket.about,
                                    "chat": ticket.chat}, ensure_ascii=False)
                await self.redis.set(SHARED_PREFIX + key, value, ex=self.ttl)

    async def fetch(self, key: str, chat_id: int | None = None) -> Ticket | None:
        """This replica's ticket, else the shared store's; None when it was sent to another chat than `chat_id`."""
        ticket = self.get(key)
        if ticket is None and self.redis is not None:
            raw = await self.redis.get(SHARED_PREFIX + key)
            if raw:
                data = json.loads(raw)
                ticket = self.items[key] = Ticket(data["q"], list(data.get("c") or []), data.get("l") or "",
                                                  dict(data.get("a") or {}), data.get("chat"))
        return ticket if ticket is not None and ticket.chat == chat_id else None


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


def more_buttons(answer: Answer, tickets: Tickets, chat_id: int | None = None) -> list[list[InlineKeyboardButton]]:
    """"📜 Text of the act" under a Russian or English answer; "📋 Show all" under a list the answer cut."""
    kinds = [(ALL_ROWS, _("📋 Show all"))] if is_cut(answer) else []
    kinds += [(ACT_TEXT, _("📜 Text of the act"))] if has_act_text(answer) else []
    if not kinds:
        return []
    ticket = tickets.put(answer.question, lang=answer.lang, seed=f"more|{answer.question}", chat_id=chat_id)
    f = answer.filters
    codes = {"a": code_of(AREAS, f.area), "s": code_of(SETTINGS, f.setting), "j": f.jurisdiction or NONE}
    return [[InlineKeyboardButton(text=text, callback_data=MoreCb(t=ticket, k=kind, **codes).pack())
             for kind, text in kinds]]


def more_filters(data: MoreCb) -> dict[str, str | None]:
    return {"area": AREAS.get(data.a), "setting": SETTINGS.get(data.s),
            "jurisdiction": data.j if data.j != NONE else None}


def answer_keyboard(answer: Answer, tickets: Tickets, places: list[Jurisdiction],
                    offered: set[tuple[str, str]] | None = None, chat_id: int | None = None
                    ) -> InlineKeyboardMarkup | None:
    """The answer's buttons (`choice_keyboard`), then "show all" and "text of the act" (`more_buttons`)."""
    markup = choice_keyboard(answer, tickets, places, offered, chat_id)
    more = more_buttons(answer, tickets, chat_id)
    if not more:
        return markup
    return InlineKeyboardMarkup(inline_keyboard=[*(markup.inline_keyboard if markup else []), *more])


def refine_options(answer: Answer, places: list[Jurisdiction]) -> list[tuple[str, str, dict[str, str | None]]]:
    """Every refine button a tariff answer could offer, other than its current filters: (kind, code, the filters
    the same question is asked with when it is pressed). Kinds: "a" area, "s" setting, "j" jurisdiction."""
    area, setting, jurisdiction = current_filters(answer)
    options = [("a", code, {"area": name, "setting": setting, "jurisdiction": jurisdiction})
               for code, name in AREAS.items() if name != area]
    options += [("s", code, {"area": area, "setting": name, "jurisdiction": jurisdiction})
                for code, name in SETTINGS.items() if name != setting]
    options += [("j", place.code, {"area": area, "setting": setting, "jurisdiction": place.code})
                for place in places if place.code != jurisdiction]
    return options


def choice_keyboard(answer: Answer, tickets: Tickets, places: list[Jurisdiction],
                    offered: set[tuple[str, str]] | None = None, chat_id: int | None = None
                    ) -> InlineKeyboardMarkup | None:
    """Clarify → one button per choice; tariff answer → switch area, setting, jurisdiction; else none.

    `offered`: the refine buttons (kind, code) whose filters the base has data for (None: every one); the current
    filters are always shown (✓), a group with nothing else to press is left out. The buttons' ticket is bound to
    `chat_id`, the chat they are sent to."""
    if answer.status == "clarify" and answer.choices:
        ticket = tickets.put(answer.question, [choice.query for choice in answer.choices], lang=answer.lang,
                             chat_id=chat_id)
        return InlineKeyboardMarkup(inline_keyboard=[
            [InlineKeyboardButton(text=choice.label[:64], callback_data=PickCb(t=ticket, i=index).pack())]
            for index, choice in enumerate(answer.choices[:20])])
    if answer.status == "answer" and any(result.type == "calculation" for result in answer.results):
        # asked again as it was (its own words name each service's table): no filter imposed on all its services
        ticket = tickets.put(answer.question, lang=answer.lang, chat_id=chat_id)
        return InlineKeyboardMarkup(inline_keyboard=plan_rows(answer, ticket, NONE, NONE, NONE))
    if answer.status != "answer" or not any(result.type == "tariff" for result in answer.results):
        return None
    ticket = tickets.put(answer.question, lang=answer.lang, chat_id=chat_id)
    area, setting, jurisdiction = current_filters(answer)
    # a jurisdiction travels as its manifest code: stable across reloads, unlike a position in the list
    a, s, j = code_of(AREAS, area), code_of(SETTINGS, setting), jurisdiction or NONE

    def button(label: str, chosen: bool, **codes: str) -> dict:
        # Seven buttons on every tariff answer: plain dicts validated once with the markup, and callback data
        # packed directly (our own short codes), instead of a pydantic model per button and per pack().
        data = {"t": ticket, "a": a, "s": s, "j": j, **codes}
        packed = RefineCb.__separator__.join([RefineCb.__prefix__, *(data[name] for name in RefineCb.model_fields)])
        return {"text": ("✓ " if chosen else "") + label, "callback_data": packed}

    def group(kind: str, buttons: list[tuple[str, str, bool]], width: int) -> list[list[dict]]:
        shown = [(label, code, chosen) for label, code, chosen in buttons
                 if chosen or offered is None or (kind, code) in offered]
        if not any(not chosen for _, _, chosen in shown):
            return []
        made = [button(label, chosen, **{kind: code}) for label, code, chosen in shown]
        return [made[n:n + width] for n in range(0, len(made), width)]

    rows = [
        *group("a", [(f"🏙 {area_name('city')}", "c", a == "c"), (f"🌾 {area_name('rural')}", "r", a == "r")], 2),
        *group("s", [(setting_name(name), code, s == code) for code, name in SETTINGS.items()], 2),
        *group("j", [(place.short(current_lang()), place.code, j == place.code) for place in places], 3),
        *plan_rows(answer, ticket, a, s, j),
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def plan_rows(answer: Answer, ticket: str, a: str, s: str, j: str) -> list[list[dict]]:
    """➕ add to plan under a tariff answer (one button per row shown, at most three) or a calculation (its lines),
    and 📋 the plan. Plain dicts with callback data packed directly, like the refine buttons."""
    shown = [(index, r) for index, r in enumerate(answer.results) if r.type in ("tariff", "calculation")][:3]
    adds = [[{"text": ("➕ " + _("Add to plan")) if len(shown) == 1 else f"➕ {number}. {str(r.fields.get('position'))[:24]}",
              "callback_data": AddCb.__separator__.join([AddCb.__prefix__, ticket, a, s, j, str(index)])}]
            for number, (index, r) in enumerate(shown, 1)]
    return [*adds, [{"text": "📋 " + _("Plan"), "callback_data": PlanCb(act="show").pack()}]]


def refine_filters(data: RefineCb | AddCb) -> dict[str, str | None]:
    return {"area": AREAS.get(data.a), "setting": SETTINGS.get(data.s),
            "jurisdiction": data.j if data.j != NONE else None}
