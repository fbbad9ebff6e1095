"""Handler tests: updates fed through Dispatcher.feed_update, Bot API requests recorded by a fake session."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter
from aiogram.methods import (
    AnswerCallbackQuery,
    AnswerInlineQuery,
    EditMessageText,
    GetMe,
    SendMessage,
)
from fake_bot_api import (
    BOT_TOKEN,
    BOT_USERNAME,
    Clock,
    FakeEngine,
    RecordingSession,
    as_update,
    bot_message,
    callback,
    inline_query,
    mention,
    message,
    update,
)

from bot.config import Config
from bot.main import build_dispatcher
from bot.privacy import salted_hash
from bot.retry import RetryMiddleware
from bot.throttle import Throttle

ADMIN = 9
GROUP = -100500


@dataclass
class Harness:
    engine: FakeEngine
    session: RecordingSession
    bot: Bot
    dispatcher: object
    clock: Clock
    config: Config
    calls_before: int = 0

    @property
    def asked(self) -> dict:
        """The engine call of the question the last update asked (later calls check the refine buttons)."""
        return self.engine.asked_after(self.calls_before)

    async def feed(self, **payload) -> list:
        """Feed one update; return the requests it caused."""
        self.calls_before = len(self.engine.calls)
        before = len(self.session.requests)
        await self.dispatcher.feed_update(self.bot, as_update(update(**payload), self.bot))
        return self.session.requests[before:]

    async def say(self, text: str, **kwargs) -> list:
        """Send a message; return the requests it caused, except getMe (the bot learning its own name)."""
        return [r for r in await self.say_raw(text, **kwargs) if not isinstance(r, GetMe)]

    async def say_raw(self, text: str, **kwargs) -> list:
        return await self.feed(message=message(text, **kwargs))


@pytest.fixture
def h(tmp_path) -> Harness:
    engine = FakeEngine()
    config = Config(bot_token=BOT_TOKEN, admin_ids=frozenset({ADMIN}), usage_log=tmp_path / "usage.sqlite",
                    usage_salt="pepper", prefs_path=tmp_path / "prefs.sqlite")
    session = RecordingSession()
    bot = Bot(BOT_TOKEN, session=session, default=DefaultBotProperties(parse_mode="HTML"))
    clock = Clock()
    dispatcher = build_dispatcher(engine, config, throttle=Throttle(5, 1.0, clock=clock))
    return Harness(engine, session, bot, dispatcher, clock, config)


def sends(requests: list) -> list[SendMessage]:
    return [request for request in requests if isinstance(request, SendMessage)]


def buttons(method) -> list:
    return [button for row in method.reply_markup.inline_keyboard for button in row]


def only_send(requests: list) -> SendMessage:
    sent = sends(requests)
    assert len(sent) == 1, requests
    return sent[0]


# ---------------------------------------------------------------- questions in a private chat

async def test_private_question_gets_rendered_tariff_with_buttons(h):
    sent = only_send(await h.say("massage nurse rural", lang="en"))
    assert sent.chat_id == 1001
    assert h.engine.calls[0] == {"question": "massage nurse rural", "lang": None, "setting": None, "area": None,
                                 "jurisdiction": None}
    assert "Массаж &lt;қол&gt; &amp; аяқ" in sent.text  # knowledge base text escaped
    assert "<b>842.40\u00a0₸</b>" in sent.text and "<b>1,263.60\u00a0₸</b>" in sent.text
    assert sent.text.index("842.40") < sent.text.index("1,263.60")  # the asked area first
    assert "<i>📄 West Kazakhstan oblast akimat decree No. 286, annex 2, item 63</i>" in sent.text
    labels = [button.text for button in buttons(sent)]
    assert "✓ 🌾 rural area" in labels and "🏙 city" in labels and "✓ semi-stationary care" in labels
    assert all(len(button.callback_data.encode()) < 64 for button in buttons(sent) if button.callback_data)


async def test_chosen_language_is_passed_to_the_engine_and_used_for_figures(h):
    requests = await h.feed(callback_query=callback("l:ru", lang="en"))
    assert any(isinstance(r, AnswerCallbackQuery) for r in requests)
    edit = next(r for r in requests if isinstance(r, EditMessageText))
    assert edit.text.startswith("Язык: 🇷🇺 Русский")
    sent = only_send(await h.say("massage", lang="en"))
    assert h.asked["lang"] == "ru"
    assert "<b>1\u00a0263,60\u00a0₸</b>" in sent.text and "приложение 2, пункт 63" in sent.text


async def test_user_text_is_escaped(h):
    sent = only_send(await h.say("<b>&<script>"))
    assert "&lt;b&gt;&amp;&lt;script&gt;" in sent.text
    assert "<script>" not in sent.text and "<b>&" not in sent.text


async def test_violation_answer_shows_text_and_citation(h):
    sent = only_send(await h.say("is this a violation"))
    assert "Yes: a significant violation (item 4)." in sent.text
    assert "<i>📄 Risk criteria 2022, annex 1, item 4</i>" in sent.text
    # no refine buttons: the criterion as the act prints it, then the votes
    assert [b.text for b in buttons(sent)][:3] == ["📜 Text of the act", "👍", "👎"]


async def test_unknown_command_in_private_points_to_help(h):
    sent = only_send(await h.say("/nosuch", lang="ru"))
    assert "/help" in sent.text and not h.engine.calls


# ---------------------------------------------------------------- groups

async def test_group_command_is_answered_as_a_reply(h):
    payload = message(f"/ask@{BOT_USERNAME} massage rural", chat_id=GROUP, kind="supergroup", lang="en")
    sent = only_send(await h.feed(message=payload))
    assert sent.chat_id == GROUP and sent.reply_parameters.message_id == payload["message_id"]
    assert h.asked["question"] == "massage rural"


async def test_group_command_without_question_explains(h):
    sent = only_send(await h.say("/tariff", chat_id=GROUP, kind="supergroup", lang="kk"))
    assert "/ask" in sent.text and "Сұрақты командадан кейін жазыңыз" in sent.text and not h.engine.calls


async def test_group_mention_is_answered_without_the_mention(h):
    sent = only_send(await h.feed(message=mention("massage nurse", chat_id=GROUP, kind="supergroup")))
    assert sent.chat_id == GROUP
    assert h.asked["question"] == "massage nurse"


async def test_group_chatter_is_ignored(h):
    assert await h.say("massage is nice, who is coming tonight?", chat_id=GROUP, kind="group") == []
    other = message("@another_bot massage", chat_id=GROUP, kind="group",
                    entities=[{"type": "mention", "offset": 0, "length": 12}])
    assert await h.feed(message=other) == []
    assert h.engine.calls == []


async def test_reply_to_the_bot_in_a_group_is_answered(h):
    mine = bot_message("earlier answer", GROUP)
    sent = only_send(await h.say("and massage?", chat_id=GROUP, kind="supergroup", reply_to=mine))
    assert sent.chat_id == GROUP and h.asked["question"] == "and massage?"
    others = {**mine, "from": {"id": 77, "is_bot": False, "first_name": "Dana"}}
    assert await h.say("and massage?", chat_id=GROUP, kind="supergroup", reply_to=others) == []


# ---------------------------------------------------------------- buttons

async def test_clarify_choices_are_buttons_that_ask_the_follow_up(h):
    sent = only_send(await h.say("which massage?"))
    choice_buttons = buttons(sent)
    assert [button.text for button in choice_buttons] == ["Stationary", "Semi-stationary"]
    assert all(len(button.callback_data.encode()) < 64 for button in choice_buttons)
    on = bot_message(sent.text, 1001, "private")
    requests = await h.feed(callback_query=callback(choice_buttons[1].callback_data, on=on))
    assert any(isinstance(r, AnswerCallbackQuery) for r in requests)
    assert h.asked["question"] == "massage nurse semi-stationary"
    assert "Массаж" in only_send(requests).text


async def test_filter_button_reasks_with_other_filters_and_edits(h):
    sent = only_send(await h.say("massage rural", lang="en"))
    stationary = next(b for b in buttons(sent) if b.text == "stationary care")
    on = bot_message(sent.text, 1001, "private")
    requests = await h.feed(callback_query=callback(stationary.callback_data, lang="en", on=on))
    assert h.asked == {"question": "massage rural", "lang": "en", "setting": "stationary",
                                  "area": "rural", "jurisdiction": "oblast"}
    edit = next(r for r in requests if isinstance(r, EditMessageText))
    assert "<b>no tariff set</b>" in edit.text  # rural rate 0 in stationary care
    assert any(b.text == "✓ stationary care" for b in buttons(edit))
    assert any(isinstance(r, AnswerCallbackQuery) for r in requests)


async def test_unknown_button_id_expires_politely(h):
    requests = await h.feed(callback_query=callback("p:deadbeef:0", lang="en"))
    answer = next(r for r in requests if isinstance(r, AnswerCallbackQuery))
    assert answer.show_alert and "expired" in answer.text and not h.engine.calls


# ---------------------------------------------------------------- inline mode

async def test_inline_query_lists_results_with_full_cited_message(h):
    query = inline_query("massage rural", lang="en")
    requests = await h.feed(inline_query=query)
    answer = next(r for r in requests if isinstance(r, AnswerInlineQuery))
    assert answer.inline_query_id == query["id"] and 1 <= len(answer.results) <= 10
    article = answer.results[0]
    assert article.title == "Массаж <қол> & аяқ — Мейіргер"
    assert "842.40" in article.description and "1,263.60" in article.description
    assert "semi-stationary care" in article.description
    content = article.input_message_content
    assert content.parse_mode == "HTML" and "Массаж &lt;қол&gt;" in content.message_text
    assert "annex 2, item 63</i>" in content.message_text


# ---------------------------------------------------------------- commands

async def test_start_greets_and_offers_languages(h):
    sent = only_send(await h.say("/start", lang="kk"))
    assert "Сәлеметсіз бе" in sent.text
    assert [b.callback_data for b in buttons(sent)] == ["l:kk", "l:ru", "l:en"]


@pytest.mark.parametrize(("lang", "title", "example"), [
    ("kk", "Мысалдар", "жартылай стационарда мейіргердің массажы ауылда қанша тұрады?"),
    ("ru", "Примеры", "сколько стоит массаж медсестры в полустационаре в селе?"),
    ("en", "Examples", "what is the rural rate for massage by a nurse in semi-stationary care?"),
])
async def test_help_in_each_language_with_example_buttons(h, lang, title, example):
    sent = only_send(await h.say("/help", lang=lang))
    assert f"<b>{title}</b>" in sent.text and example in sent.text
    requests = await h.feed(callback_query=callback(buttons(sent)[0].callback_data, lang=lang))
    assert h.asked["question"] == example
    assert sends(requests)


async def test_telegram_language_outside_ours_falls_back_to_kazakh(h):
    sent = only_send(await h.say("/help", lang="de"))
    assert "<b>Мысалдар</b>" in sent.text


async def test_lang_choice_is_kept(h):
    assert [b.callback_data for b in buttons(only_send(await h.say("/lang")))] == ["l:kk", "l:ru", "l:en"]
    await h.feed(callback_query=callback("l:en", lang="ru"))
    assert "<b>Examples</b>" in only_send(await h.say("/help", lang="ru")).text
    with sqlite3.connect(h.config.prefs_path) as db:
        # kept under the salted hash of the user id (USAGE_SALT "pepper"), never the id
        assert db.execute("select * from choice").fetchall() == [(salted_hash("pepper", 1001), "en")]


async def test_sources_lists_documents_with_status(h):
    sent = only_send(await h.say("/sources", lang="ru"))
    assert "<b>Источники</b>" in sent.text and "Rules &lt;2021&gt;" in sent.text
    assert "✅ действует" in sent.text and "⚠️ утратил силу" in sent.text and "№ 286" in sent.text


async def test_about(h):
    assert "Kómekshi" in only_send(await h.say("/about", lang="en")).text


# ---------------------------------------------------------------- admin

async def test_stats_and_reload_only_for_admins(h):
    await h.say("massage", user_id=501)
    await h.say("where is the canteen", user_id=502)
    await h.say("where is the canteen", user_id=503)
    refused = only_send(await h.say("/stats", user_id=501, lang="en"))
    assert refused.text == "This command is for administrators only."
    stats = only_send(await h.say("/stats", user_id=ADMIN, lang="en")).text
    assert "Questions: 3, answered: 33%" in stats
    assert "2× where is the canteen" in stats
    assert only_send(await h.say("/reload", user_id=501, lang="en")).text.endswith("administrators only.")
    assert h.engine.reloads == 0
    reloaded = only_send(await h.say("/reload", user_id=ADMIN, lang="en"))
    assert h.engine.reloads == 1 and "2 documents" in reloaded.text


async def test_usage_log_keeps_no_user_identity(h):
    await h.say("massage", user_id=4242)
    h.dispatcher["asker"].usage.flush()  # questions are written in batches
    with sqlite3.connect(h.config.usage_log) as db:
        rows = db.execute("select * from questions").fetchall()
    assert len(rows) == 1 and "massage" in rows[0]
    flat = " ".join(str(value) for value in rows[0])
    assert "4242" not in flat and "Aigerim" not in flat


# ---------------------------------------------------------------- robustness

async def test_flood_gets_one_notice_then_silence_then_service_again(h):
    replies = [await h.say(f"massage {n}", lang="en") for n in range(8)]
    assert all(len(sends(r)) == 1 for r in replies[:5])
    notice = only_send(replies[5])
    assert "Too many messages" in notice.text
    assert replies[6] == [] and replies[7] == []
    assert len({call["question"] for call in h.engine.calls}) == 5
    assert sends(await h.say("massage", user_id=2002, lang="en"))  # other users are not affected
    h.clock.now += 1.0
    assert "Массаж" in only_send(await h.say("massage again", lang="en")).text


async def test_failing_handler_answers_something_went_wrong(h):
    sent = only_send(await h.say("boom", lang="kk"))
    assert "Бірдеңе дұрыс болмады" in sent.text


async def test_retry_after_and_network_errors_are_retried():
    session = RecordingSession()
    session.middleware(RetryMiddleware(attempts=3, base_delay=0.01))
    bot = Bot(BOT_TOKEN, session=session)
    method = SendMessage(chat_id=1, text="x")
    session.fail_next = [TelegramRetryAfter(method=method, message="flood", retry_after=0),
                         TelegramNetworkError(method=method, message="reset")]
    await bot.send_message(1, "hello")
    assert len(session.of(SendMessage)) == 3
    session.fail_next = [TelegramNetworkError(method=method, message="down")] * 3
    with pytest.raises(TelegramNetworkError):
        await bot.send_message(1, "hello")


async def test_retry_waits_as_telegram_says_then_backs_off_exponentially(monkeypatch):
    """429 waits exactly its retry_after before the same request goes again; network errors wait 0.5, 1, 2 s."""
    waits: list[float] = []

    async def sleep(seconds: float) -> None:  # records the wait instead of waiting
        waits.append(seconds)

    monkeypatch.setattr("bot.retry.asyncio", SimpleNamespace(sleep=sleep))
    session = RecordingSession()
    session.middleware(RetryMiddleware(attempts=4, base_delay=0.5))
    bot = Bot(BOT_TOKEN, session=session)
    method = SendMessage(chat_id=1, text="x")
    session.fail_next = [TelegramRetryAfter(method=method, message="flood", retry_after=7)]
    await bot.send_message(1, "hello")
    assert waits == [7] and len(session.of(SendMessage)) == 2  # the refused attempt, then the one that went
    waits.clear()
    session.fail_next = [TelegramNetworkError(method=method, message="reset")] * 3
    await bot.send_message(1, "hello")
    assert waits == [0.5, 1.0, 2.0] and len(session.of(SendMessage)) == 2 + 4


async def test_inline_query_without_answer_offers_the_engine_reply(h):
    requests = await h.feed(inline_query=inline_query("<nothing> here", lang="en"))
    (answer,) = [r for r in requests if isinstance(r, AnswerInlineQuery)]
    (article,) = answer.results
    assert article.title == "Nothing found for: <nothing> here"
    assert "Nothing found for: &lt;nothing&gt; here" in article.input_message_content.message_text


async def test_failing_button_answers_the_callback_with_an_alert(h):
    sent = only_send(await h.say("which massage?", lang="en"))
    h.engine.ask = lambda *args, **kwargs: (_ for _ in ()).throw(RuntimeError("engine down"))
    requests = await h.feed(callback_query=callback(buttons(sent)[0].callback_data, lang="ru"))
    (alert,) = [r for r in requests if isinstance(r, AnswerCallbackQuery)]  # not answered twice
    assert alert.show_alert
    assert alert.text.startswith("Что-то пошло не так")


async def test_text_of_the_act_button_sends_the_printed_wording_of_an_english_answer(h):
    sent = only_send(await h.say("massage rural", lang="en"))
    act = next(b for b in buttons(sent) if b.text == "📜 Text of the act")
    assert len(act.callback_data.encode()) < 64
    on = bot_message(sent.text, 1001, "private")
    requests = await h.feed(callback_query=callback(act.callback_data, lang="en", on=on))
    assert h.engine.calls[-1]["question"] == "massage rural" and h.engine.calls[-1]["area"] == "rural"
    text = only_send(requests).text
    assert "«Массаж &lt;қол&gt; &amp; аяқ — Мейіргер»" in text and "📄" in text
    assert any(isinstance(r, AnswerCallbackQuery) for r in requests)


async def test_a_kazakh_answer_has_no_text_of_the_act_button(h):
    sent = only_send(await h.say("массаж ауылда қанша", lang="kk"))
    assert not any("📜" in b.text for b in buttons(sent))
