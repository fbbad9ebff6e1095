"""Fakes for the bot tests: a recording Bot API session, an in-process fake Bot API server, update builders,
and a small fake answer engine returning realistic Answer objects (tariff, clarify, violation, not_found).
Both the session and the server check every call against the Bot API specification (bot_api_spec.py) and refuse,
as Telegram does, what it would refuse."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import GetMe, SendMessage, TelegramMethod
from aiogram.types import Chat, Message, Update, User
from aiohttp import web
from bot_api_spec import method_problems, problems

from knowledge.domain import Answer, Choice, Citation, Filters, Jurisdiction, Result
from knowledge.ingest.manifest import load_jurisdictions

BOT_ID = 123
BOT_TOKEN = f"{BOT_ID}:TEST"
BOT_USERNAME = "komekshi_test_bot"
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "Kómekshi", "username": BOT_USERNAME,
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True}


# ---------------------------------------------------------------- the recording session (handler tests)

class RecordingSession(BaseSession):
    """Records every Bot API method instead of sending it; answers with plausible results."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod] = []
        self.ids = itertools.count(1000)
        self.fail_next: list[Exception] = []  # raised (once each) by the next requests: retry tests
        self.violations: list[str] = []  # what the Bot API specification refuses in the requests made

    async def make_request(self, bot: Bot, method: TelegramMethod, timeout: int | None = None) -> Any:
        self.requests.append(method)
        if self.fail_next:
            raise self.fail_next.pop(0)
        # Checked against the Bot API specification as Telegram would: a call it would refuse fails the test's bot too.
        found = method_problems(method, default_parse_mode=bot.default.parse_mode)
        if found:
            self.violations += found
            raise TelegramBadRequest(method=method, message="Bad Request: " + "; ".join(found))
        if isinstance(method, GetMe):
            return User(**BOT_USER)
        if isinstance(method, SendMessage):
            chat_type = "private" if int(method.chat_id) > 0 else "supergroup"
            return Message(message_id=next(self.ids), date=dt.datetime.now(dt.UTC),
                           chat=Chat(id=int(method.chat_id), type=chat_type), from_user=User(**BOT_USER),
                           text=method.text, reply_markup=method.reply_markup)
        return True

    async def stream_content(self, *args: Any, **kwargs: Any):  # pragma: no cover - no files in these tests
        yield b""

    async def close(self) -> None:
        pass

    def of(self, kind: type) -> list:
        return [request for request in self.requests if isinstance(request, kind)]


# ---------------------------------------------------------------- update builders

_update_ids = itertools.count(1)
_message_ids = itertools.count(1)


def user(user_id: int = 1001, lang: str | None = "kk", first_name: str = "Aigerim") -> dict:
    data = {"id": user_id, "is_bot": False, "first_name": first_name}
    if lang:
        data["language_code"] = lang
    return data


GROUP_TITLE = "Social workers"


def chat(chat_id: int, kind: str = "private") -> dict:
    return {"id": chat_id, "type": kind, **({"title": GROUP_TITLE} if kind != "private" else {})}


def message(text: str, *, user_id: int = 1001, lang: str | None = "kk", chat_id: int | None = None,
            kind: str = "private", entities: list[dict] | None = None, reply_to: dict | None = None) -> dict:
    data = {"message_id": next(_message_ids), "date": int(time.time()), "chat": chat(chat_id or user_id, kind),
            "from": user(user_id, lang), "text": text}
    if text.startswith("/"):
        command = text.split()[0]
        entities = [{"type": "bot_command", "offset": 0, "length": len(command)}, *(entities or [])]
    if entities:
        data["entities"] = entities
    if reply_to:
        data["reply_to_message"] = reply_to
    return data


def mention(text_after: str, **kwargs: Any) -> dict:
    text = f"@{BOT_USERNAME} {text_after}"
    entity = {"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}
    return message(text, entities=[entity], **kwargs)


def bot_message(text: str, chat_id: int, kind: str = "supergroup", reply_markup: dict | None = None) -> dict:
    data = {"message_id": next(_message_ids), "date": int(time.time()), "chat": chat(chat_id, kind),
            "from": BOT_USER, "text": text}
    if reply_markup:
        data["reply_markup"] = reply_markup
    return data


def update(**payload: Any) -> dict:
    return {"update_id": next(_update_ids), **payload}


def callback(data: str, *, user_id: int = 1001, lang: str | None = "kk", on: dict | None = None) -> dict:
    return {"id": f"cb{next(_update_ids)}", "from": user(user_id, lang), "chat_instance": "ci1", "data": data,
            "message": on or bot_message("…", user_id, "private")}


def inline_query(query: str, *, user_id: int = 1001, lang: str | None = "kk") -> dict:
    return {"id": f"iq{next(_update_ids)}", "from": user(user_id, lang), "query": query, "offset": ""}


def as_update(data: dict, bot: Bot) -> Update:
    return Update.model_validate(data, context={"bot": bot})


# ---------------------------------------------------------------- a fake engine with realistic answers

CITY, RURAL = 1263.6, 842.4
TARIFF_TITLE = {"kk": "БҚО әкімдігінің № 286 қаулысы", "ru": "Постановление акимата ЗКО № 286",
                "en": "West Kazakhstan oblast akimat decree No. 286"}


@dataclass
class FakeEngine:
    """Keyword-driven stand-in for knowledge.engine.Engine (same interface); records its calls."""

    calls: list[dict] = field(default_factory=list)
    reloads: int = 0

    def asked_after(self, before: int) -> dict:
        """The first call after the first `before`: the question an update asked (the bot then checks the
        refine buttons' filters with more calls)."""
        return self.calls[before]

    @classmethod
    def open(cls, kb_path: Any = None) -> FakeEngine:
        return cls()

    def ask(self, question: str, lang: str | None = None, *, setting: str | None = None, area: str | None = None,
            jurisdiction: str | None = None) -> Answer:
        self.calls.append({"question": question, "lang": lang, "setting": setting, "area": area,
                           "jurisdiction": jurisdiction})
        lang = lang or detect_lang(question)
        text = question.lower()
        if "boom" in text:
            raise RuntimeError("engine exploded")
        if "which" in text or "қайсы" in text:
            return Answer(question=question, lang=lang, intent="tariff", filters=Filters(), status="clarify",
                          text="Which setting do you mean?",
                          choices=[Choice("Stationary", "massage nurse stationary"),
                                   Choice("Semi-stationary", "massage nurse semi-stationary")])
        if "штатный норматив" in text or "staffing norm" in text:
            # like the engine's staffing clarify: the follow-up questions are worded as the act prints them
            return Answer(question=question, lang=lang, intent="staffing", filters=Filters(), status="clarify",
                          text="Which position?",
                          choices=[Choice("Массаж жасау жөніндегі мейіргер",
                                          "Массаж жасау жөніндегі мейіргер штат нормативі 100")])
        if ("massage" in text or "массаж" in text) and (jurisdiction == "baiterek" and setting != "home"):
            # like the base: Bäyterek's decree sets home-care tariffs only
            return Answer(question=question, lang=lang, intent="tariff", filters=Filters(), status="not_found",
                          text=f"Nothing found for: {question}")
        if "massage" in text or "массаж" in text:
            filters = Filters(setting=setting or "semi_stationary", area=area or ("rural" if "rural" in text else None),
                              jurisdiction=jurisdiction or "oblast", position="nurse")
            fields = {"jurisdiction": filters.jurisdiction, "setting": filters.setting, "annex": 2, "category": "",
                      "item": 63, "service": "Массаж <қол> & аяқ", "position": "Мейіргер", "rate_city": CITY,
                      "rate_rural": RURAL if filters.setting != "stationary" else 0.0, "rate": None, "unit": "day",
                      "flagged": False, "jurisdiction_name": self.name(filters.jurisdiction, lang)}
            citation = Citation("000", TARIFF_TITLE[lang], 2, "63", "in_force")
            return Answer(question=question, lang=lang, intent="tariff", filters=filters, status="answer",
                          results=[Result("tariff", citation, 0.93, fields)], text=f"Massage: {CITY}")
        if "violation" in text or "бұзушылық" in text:
            citation = Citation("004", "Risk criteria 2022", 1, "4", "in_force")
            fields = {"item": 4, "section": "", "criterion": "No individual work plan", "degree": "significant",
                      "degree_kk": "елеулі"}
            return Answer(question=question, lang=lang, intent="violation", filters=Filters(), status="answer",
                          verdict="yes", results=[Result("criterion", citation, 0.8, fields)],
                          text="Yes: a significant violation (item 4).")
        return Answer(question=question, lang=lang, intent="unknown", filters=Filters(), status="not_found",
                      text=f"Nothing found for: {question}")

    def documents(self, lang: str) -> list[Result]:
        citation = Citation("003", "Rules 2021", None, None, "repealed")
        return [
            Result("document", Citation("000", TARIFF_TITLE[lang], None, None, "in_force"), 1.0,
                   {"id": "000", "title": TARIFF_TITLE[lang], "jurisdiction": "oblast", "number": "286",
                    "date": "2025-12-25", "status": "in_force"}),
            Result("document", citation, 1.0, {"id": "003", "title": "Rules <2021>", "jurisdiction": "national",
                                               "number": "1", "date": "2021-01-01", "status": "repealed"}),
        ]

    def reload(self) -> None:
        self.reloads += 1

    def places(self) -> list[Jurisdiction]:
        """The manifest's jurisdictions that are not national (the real engine: those that have tariffs)."""
        return [place for place in load_jurisdictions() if place.kind != "national"]

    def name(self, code: str | None, lang: str) -> str:
        return next((place.name(lang) for place in load_jurisdictions() if place.code == code), code or "")


def detect_lang(question: str) -> str:
    """Like the engine: Kazakh letters → kk, other Cyrillic → ru, else en."""
    text = question.lower()
    if any(ch in "әіңғүұқөһ" for ch in text):
        return "kk"
    return "ru" if any("а" <= ch <= "я" for ch in text) else "en"


def expected_replies(engine: Any, question: str) -> list[str]:
    """The messages the bot sends for a private question whose language the user did not choose: the engine's
    answer rendered in the answer's language (what load and fault tests expect each update to get, once)."""
    from bot.config import ROOT
    from bot.i18n import LANGS, make_i18n
    from bot.render import render_answer

    i18n = make_i18n(ROOT / "locales")
    answer = engine.ask(question, None)
    with i18n.context(), i18n.use_locale(answer.lang if answer.lang in LANGS else "kk"):
        return render_answer(answer)


class Clock:
    """A throttle clock the test moves by hand, so rate arithmetic is exact and no test waits for real time."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# ---------------------------------------------------------------- the fake Bot API server (end-to-end test)

FAULTS = ("429", "500", "drop")
GUARD_SECONDS = 60.0  # the longest any wait for the bot under test may take before the test gives up


class FakeBotApi:
    """Serves getMe/getUpdates from a queue and records every other method (aiohttp, 127.0.0.1, free port).

    Fault injection: `fail(method, "429", "500", "drop")` makes the method's next calls answer 429 Too Many
    Requests (retry_after), 500, or close the connection without a reply, in that order; a failed call is not
    recorded in `calls` (Telegram did not act on it) but every attempt is kept in `attempts`."""

    def __init__(self, retry_after: int = 1) -> None:
        self.retry_after = retry_after
        self.faults: dict[str, list[str]] = {}
        self.attempts: list[tuple[str, str | None, dict]] = []  # (method, fault or None, params), in order
        self.updates: list[dict] = []
        self.calls: list[tuple[str, dict]] = []
        self.violations: list[str] = []  # calls refused by the Bot API specification (tests/bot/bot_api_spec.py)
        self.changed = asyncio.Condition()
        self.message_ids = itertools.count(5000)
        self.chat_types: dict[int, str] = {}
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self.handle)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        host, port = self.runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        return self.url

    async def stop(self) -> None:
        if self.runner:
            await self.runner.cleanup()

    async def push(self, payload: dict) -> dict:
        data = update(**payload)
        if "message" in payload:
            self.chat_types[payload["message"]["chat"]["id"]] = payload["message"]["chat"]["type"]
        async with self.changed:
            self.updates.append(data)
            self.changed.notify_all()
        return data

    async def params(self, request: web.Request) -> dict:
        if request.content_type == "application/json":
            return await request.json()
        raw = dict(await request.post())
        params = {key: uploaded(value) if isinstance(value, web.FileField) else
                  json.loads(value) if isinstance(value, str) and value[:1] in "[{" else value
                  for key, value in raw.items()}
        # a file is sent as its own part, the parameter naming it "attach://<part>" (aiogram's multipart form): the
        # part is read into the parameter and is no parameter of its own
        parts = {value.removeprefix("attach://") for value in params.values()
                 if isinstance(value, str) and value.startswith("attach://")}
        return {key: params.get(value.removeprefix("attach://"), value)
                if isinstance(value, str) and value.startswith("attach://") else value
                for key, value in params.items() if key not in parts}

    def fail(self, method: str, *faults: str) -> None:
        assert all(fault in FAULTS for fault in faults), faults
        self.faults.setdefault(method, []).extend(faults)

    def faults_left(self) -> int:
        return sum(len(faults) for faults in self.faults.values())

    def failure(self, request: web.Request, fault: str) -> web.Response:
        if fault == "drop":
            request.transport.close()  # the client sees the connection closed with no response
            return web.Response()
        if fault == "429":
            return web.json_response({"ok": False, "error_code": 429, "parameters": {"retry_after": self.retry_after},
                                      "description": f"Too Many Requests: retry after {self.retry_after}"},
                                     status=429)
        return web.json_response({"ok": False, "error_code": 500, "description": "Internal Server Error"},
                                 status=500)

    async def handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self.params(request)
        pending = self.faults.get(method)
        fault = pending.pop(0) if pending else None
        async with self.changed:
            self.attempts.append((method, fault, params))
            self.changed.notify_all()
        if fault:
            return self.failure(request, fault)
        # an uploaded file part stands for the InputFile the method was given: checked as such, kept for the test
        found = problems(method, {key: "attach://file" if is_upload(value) else value for key, value in params.items()})
        if found:  # refused as Telegram refuses a bad call: 400 with the reason; the test sees it in `violations`
            self.violations += found
            return web.json_response({"ok": False, "error_code": 400, "description": "Bad Request: " + "; ".join(found)},
                                     status=400)
        if method.lower() == "getme":
            return web.json_response({"ok": True, "result": BOT_USER})
        if method.lower() == "getupdates":
            return web.json_response({"ok": True, "result": await self.get_updates(params)})
        async with self.changed:
            self.calls.append((method, params))
            self.changed.notify_all()
        return web.json_response({"ok": True, "result": self.result(method, params)})

    async def get_updates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), 1.0)
        async with self.changed:
            pending = [u for u in self.updates if u["update_id"] >= offset]
            if not pending and wait:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.changed.wait(), wait)
                pending = [u for u in self.updates if u["update_id"] >= offset]
        return pending

    def result(self, method: str, params: dict) -> Any:
        if method == "sendDocument" and params.get("chat_id") is not None:  # a file sent (multipart upload)
            chat_id, document = int(params["chat_id"]), params.get("document") or {}
            return {"message_id": next(self.message_ids), "date": int(time.time()), "from": BOT_USER,
                    "chat": chat(chat_id, self.chat_types.get(chat_id, "private")),
                    "caption": params.get("caption", ""),
                    "document": {"file_id": f"file{chat_id}", "file_unique_id": f"u{chat_id}",
                                 "file_name": document.get("filename"), "file_size": len(document.get("data", b""))}}
        if method in ("sendMessage", "editMessageText") and params.get("chat_id") is not None:
            chat_id = int(params["chat_id"])
            message_id = int(params.get("message_id") or next(self.message_ids))
            return {"message_id": message_id, "date": int(time.time()), "from": BOT_USER,
                    "chat": chat(chat_id, self.chat_types.get(chat_id, "private")), "text": params.get("text", "")}
        return True

    def sent(self, method: str, **match: Any) -> list[dict]:
        return [params for name, params in self.calls if name == method
                and all(str(params.get(key)) == str(value) for key, value in match.items())]

    async def wait_until(self, condition: Callable[[], bool], what: str | Callable[[], str],
                         guard: float = GUARD_SECONDS) -> None:
        """Wait until `condition()` holds (checked on every request the server sees). `guard` only keeps a broken
        bot from hanging the suite: it is generous, and says nothing about speed."""
        async def holds() -> None:
            async with self.changed:
                await self.changed.wait_for(condition)

        try:
            await asyncio.wait_for(holds(), guard)
        except TimeoutError:
            said = what() if callable(what) else what
            raise AssertionError(f"never happened: {said}; last calls: {self.calls[-20:]}") from None

    async def wait_for(self, method: str, **match: Any) -> dict:
        """The first recorded call of `method` whose params match, once it has happened."""
        await self.wait_until(lambda: bool(self.sent(method, **match)), f"{method} {match}")
        return self.sent(method, **match)[0]

    async def wait_for_more(self, method: str, than: int, **match: Any) -> list[dict]:
        """The recorded calls of `method` matching `match`, once there are more than `than` of them."""
        await self.wait_until(lambda: len(self.sent(method, **match)) > than, f"{method} {match} call {than + 1}")
        return self.sent(method, **match)


def is_upload(value: object) -> bool:
    return isinstance(value, dict) and {"filename", "content_type", "data"} <= value.keys()


def uploaded(field: web.FileField) -> dict:
    """A file of a multipart request (sendDocument): its name, type and bytes, kept for the test to read."""
    return {"filename": field.filename, "content_type": field.content_type, "data": field.file.read()}


async def stop_process(process: asyncio.subprocess.Process, grace: float = 5) -> None:
    """Stop a `komekshi run` under test: terminate, then kill if it does not exit within `grace` seconds."""
    if process.returncode is not None:
        return
    process.terminate()
    try:
        await asyncio.wait_for(process.wait(), grace)
    except TimeoutError:
        process.kill()
        await process.wait()
