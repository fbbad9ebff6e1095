"""End to end: the real `komekshi run` process long-polls a fake Bot API server on 127.0.0.1 and answers a
private question, a group mention (ignoring chatter), button presses and an inline query, in kk, ru and en."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
from collections.abc import AsyncIterator

import aiohttp
import pytest
from fake_bot_api import (
    GROUP_TITLE,
    FakeBotApi,
    bot_message,
    callback,
    inline_query,
    mention,
    message,
)

pytestmark = pytest.mark.slow  # the real bot process against the fake Bot API server

GROUP = -100777
ADMIN = 9000

# The UI strings each language must show (from the catalogues), and a question in that language.
CASES = {
    "kk": ("Мысалдар", "Тіл: 🇰🇿 Қазақша", "жартылай стационарда мейіргердің массажы ауылда қанша?"),
    "ru": ("Примеры", "Язык: 🇷🇺 Русский", "сколько стоит массаж медсестры в полустационаре в селе?"),
    "en": ("Examples", "Language: 🇬🇧 English", "what is the rural rate for massage by a nurse in semi-stationary care"),
}


@pytest.fixture
async def running(fake_api: FakeBotApi, bot_process, tmp_path, free_port) -> AsyncIterator[FakeBotApi]:
    """The bot process up (its command menu set), with a usage log and a health endpoint."""
    health_port = free_port()
    usage_log = tmp_path / "usage.sqlite"
    async with bot_process(USAGE_LOG=str(usage_log), USAGE_SALT="e2e", HEALTH_PORT=str(health_port),
                           ADMIN_IDS=str(ADMIN), THROTTLE_BURST="20"):
        await fake_api.wait_for("setMyCommands", language_code="en")
        fake_api.health_url = f"http://127.0.0.1:{health_port}/health"
        fake_api.usage_log = usage_log
        yield fake_api


def markup(params: dict) -> list[dict]:
    return [button for row in (params.get("reply_markup") or {}).get("inline_keyboard", []) for button in row]


async def test_bot_process_answers_in_three_languages(running: FakeBotApi):
    api = running
    assert api.sent("deleteWebhook")
    menus = {params.get("language_code") for params in api.sent("setMyCommands")}
    assert {"kk", "ru", "en"} <= menus

    for number, (lang, (examples, chosen, question)) in enumerate(CASES.items()):
        user_id = 2000 + number

        # /help in the user's Telegram language
        await api.push({"message": message("/help", user_id=user_id, lang=lang)})
        help_text = (await api.wait_for("sendMessage", chat_id=user_id))["text"]
        assert f"<b>{examples}</b>" in help_text

        # a language button press: the callback is answered and the message edited in that language
        press = callback(f"l:{lang}", user_id=user_id, lang=lang, on=bot_message("…", user_id, "private"))
        await api.push({"callback_query": press})
        edit = await api.wait_for("editMessageText", chat_id=user_id)
        assert edit["text"].startswith(chosen)
        await api.wait_for("answerCallbackQuery", callback_query_id=press["id"])

        # a private question: an answer with its citation; a tariff answer has buttons under 64 bytes
        before = len(api.sent("sendMessage", chat_id=user_id))
        await api.push({"message": message(question, user_id=user_id, lang=lang)})
        answer = (await api.wait_for_more("sendMessage", before, chat_id=user_id))[before]
        assert answer["parse_mode"] == "HTML" and "<i>📄" in answer["text"] and "₸" in answer["text"]
        buttons = markup(answer)
        assert buttons and all(len(b["callback_data"].encode()) < 64 for b in buttons if "callback_data" in b)

        # pressing an answer button (switch area) edits the answer with new filters
        switch = next(b for b in buttons if not b["text"].startswith("✓") and b["callback_data"].startswith("r:"))
        edits = len(api.sent("editMessageText", chat_id=user_id))
        press = callback(switch["callback_data"], user_id=user_id, lang=lang,
                         on=bot_message(answer["text"], user_id, "private"))
        await api.push({"callback_query": press})
        await api.wait_for("answerCallbackQuery", callback_query_id=press["id"])
        await api.wait_for_more("editMessageText", edits, chat_id=user_id)

        # inline mode
        query = inline_query(question, user_id=user_id, lang=lang)
        await api.push({"inline_query": query})
        inline = await api.wait_for("answerInlineQuery", inline_query_id=query["id"])
        results = inline["results"]
        assert 1 <= len(results) <= 10 and all(r["input_message_content"]["parse_mode"] == "HTML" for r in results)
        assert "<i>📄" in results[0]["input_message_content"]["message_text"]

    # a group: chatter ignored, a mention answered as a reply
    await api.push({"message": message("who is bringing the cake?", user_id=3000, chat_id=GROUP, kind="supergroup")})
    asked = mention(CASES["ru"][2], user_id=3001, lang="ru", chat_id=GROUP, kind="supergroup")
    await api.push({"message": asked})
    reply = await api.wait_for("sendMessage", chat_id=GROUP)
    assert json.loads(json.dumps(reply["reply_parameters"]))["message_id"] == asked["message_id"]
    await asyncio.sleep(0.3)
    assert len(api.sent("sendMessage", chat_id=GROUP)) == 1
    assert GROUP_TITLE

    # the health endpoint (Docker HEALTHCHECK) and the usage log without user ids
    async with aiohttp.ClientSession() as http, http.get(api.health_url) as response:
        assert response.status == 200
    rows: list = []
    for _ in range(100):  # questions are written in batches of at most a few seconds' age; a guard, not a timing
        with sqlite3.connect(api.usage_log) as db:
            rows = db.execute("select user_hash, source, question from questions").fetchall()
        if {source for _, source, _ in rows} >= {"private", "group", "inline"}:
            break
        await asyncio.sleep(0.1)
    assert {source for _, source, _ in rows} >= {"private", "group", "inline"}
    assert all(re.fullmatch(r"[0-9a-f]{20}", user_hash) for user_hash, _, _ in rows)


async def press(api: FakeBotApi, on: dict, button: dict, user_id: int, lang: str) -> str:
    """Press `button` under the bot's message `on` (its params): the callback's id, once it is answered."""
    shown = bot_message(on["text"], user_id, "private", on.get("reply_markup"))
    pressed = callback(button["callback_data"], user_id=user_id, lang=lang, on=shown)
    await api.push({"callback_query": pressed})
    await api.wait_for("answerCallbackQuery", callback_query_id=pressed["id"])
    return pressed["id"]


async def test_every_answer_can_be_acted_on(running: FakeBotApi):
    """A Russian reader (language not chosen): a staffing choice worded in Kazakh answers in Russian; each refine
    button offered finds data; 👎 "wrong figure" is recorded and listed for an admin; share answers inline."""
    api, user_id, lang = running, 2100, "ru"

    # a clarify whose choices are worded as the act prints them (Kazakh): the reply stays Russian ("заведующий": of
    # stores, of a unit, of the laundry...)
    await api.push({"message": message("штатный норматив заведующего на 100 получателей в стационаре",
                                       user_id=user_id, lang=lang)})
    clarify = (await api.wait_for_more("sendMessage", 0, chat_id=user_id))[-1]
    choice = markup(clarify)[0]
    await press(api, clarify, choice, user_id, lang)
    reply = (await api.wait_for_more("sendMessage", 1, chat_id=user_id))[-1]
    assert "Штатный норматив" in reply["text"] and "Источник" in reply["text"]
    assert "Штат нормативі" not in reply["text"]

    # a tariff answer: every refine button offered finds data (an edit, never a "no data" alert)
    sent = len(api.sent("sendMessage", chat_id=user_id))
    await api.push({"message": message(CASES["ru"][2], user_id=user_id, lang=lang)})
    answer = (await api.wait_for_more("sendMessage", sent, chat_id=user_id))[-1]
    refine = [b for b in markup(answer) if b.get("callback_data", "").startswith("r:") and not b["text"].startswith("✓")]
    assert refine and not any("Байтерек" in b["text"] for b in markup(answer))  # home care only there
    for button in refine:
        edits = len(api.sent("editMessageText", chat_id=user_id))
        pressed = await press(api, answer, button, user_id, lang)
        assert not api.sent("answerCallbackQuery", callback_query_id=pressed)[0].get("show_alert")
        edit = (await api.wait_for_more("editMessageText", edits, chat_id=user_id))[-1]
        # a figure, or choices to tell the rows apart (another district prints the service several times)
        assert ("₸" in edit["text"] and "приложение" in edit["text"]) or any(
            b.get("callback_data", "").startswith("p:") for b in markup(edit))

    # 👎, then its reason: recorded with the question, the answer and the act; an admin sees it in /stats
    down = next(b for b in markup(answer) if b["text"] == "👎")
    await press(api, answer, down, user_id, lang)
    reasons = (await api.wait_for("editMessageReplyMarkup", chat_id=user_id))
    wrong = next(b for b in markup(reasons) if b["text"] == "❌ Неверная цифра")
    await press(api, {**answer, "reply_markup": reasons["reply_markup"]}, wrong, user_id, lang)
    with sqlite3.connect(api.usage_log) as db:
        votes = db.execute("select vote, reason, lang, question, acts from votes").fetchall()
    assert votes == [("down", "wrong_figure", "ru", CASES["ru"][2], votes[0][4])]
    assert "№ 286" in votes[0][4]
    await api.push({"message": message("/stats", user_id=ADMIN, lang="en")})
    stats = (await api.wait_for("sendMessage", chat_id=ADMIN))["text"]
    assert "Latest 👎" in stats and "wrong figure" in stats and CASES["ru"][2] in stats

    # share: the button types the question into inline mode, whose first result is the answer
    share = next(b for b in markup(answer) if "switch_inline_query" in b)
    assert share["switch_inline_query"].startswith(CASES["ru"][2] + " #")
    query = inline_query(share["switch_inline_query"], user_id=user_id, lang=lang)
    await api.push({"inline_query": query})
    results = (await api.wait_for("answerInlineQuery", inline_query_id=query["id"]))["results"]
    posted = results[0]["input_message_content"]["message_text"]
    assert "₸" in posted and "<i>📄" in posted and "приложение" in posted
