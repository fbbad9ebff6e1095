"""What a reader can do with an answer (handler tests with a recording session): the language kept after a button,
refine buttons only where the base has data, 👍 / 👎 with a reason recorded and shown to an admin, share through
inline mode, the link to the act's official publication."""

from __future__ import annotations

import re
import sqlite3

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.methods import AnswerCallbackQuery, AnswerInlineQuery, EditMessageReplyMarkup, EditMessageText
from fake_bot_api import BOT_TOKEN, Clock, FakeEngine, RecordingSession, bot_message, callback, inline_query
from test_bot_handlers import ADMIN, Harness, buttons, only_send, sends

from bot.actions import localized, official_urls, shared
from bot.config import Config
from bot.keyboards import RefineCb
from bot.main import build_dispatcher
from bot.throttle import Throttle


@pytest.fixture
def h(tmp_path) -> Harness:
    """The handler tests' harness: the fake engine, a recording session, a usage log, an admin."""
    engine, session, clock = FakeEngine(), RecordingSession(), Clock()
    config = Config(bot_token=BOT_TOKEN, admin_ids=frozenset({ADMIN}), usage_log=tmp_path / "usage.sqlite",
                    usage_salt="pepper", prefs_path=tmp_path / "prefs.sqlite")
    bot = Bot(BOT_TOKEN, session=session, default=DefaultBotProperties(parse_mode="HTML"))
    dispatcher = build_dispatcher(engine, config, throttle=Throttle(50, 50.0, clock=clock))
    return Harness(engine, session, bot, dispatcher, clock, config)


def pressed(sent, text: str) -> dict:
    """The callback of the button labelled `text` under `sent`, pressed on that very message."""
    button = next(b for b in buttons(sent) if b.text == text)
    markup = sent.reply_markup.model_dump(exclude_none=True)
    return {"callback_query": callback(button.callback_data, lang=None,
                                       on=bot_message(sent.text, int(sent.chat_id), "private", markup))}


# ---------------------------------------------------------------- the language is the user's

async def test_a_choice_worded_in_kazakh_answers_a_russian_reader_in_russian(h: Harness):
    sent = only_send(await h.say("штатный норматив медсестры", lang=None))
    assert [b.text for b in buttons(sent)] == ["Массаж жасау жөніндегі мейіргер"]
    requests = await h.feed(**pressed(sent, "Массаж жасау жөніндегі мейіргер"))
    assert h.asked["question"] == "Массаж жасау жөніндегі мейіргер штат нормативі 100"
    assert h.asked["lang"] == "ru"  # the answer's language, not the Kazakh wording of the choice
    reply = only_send(requests).text
    assert "Постановление акимата ЗКО № 286" in reply and "приложение 2" in reply


async def test_a_refine_button_keeps_the_answer_language(h: Harness):
    sent = only_send(await h.say("массаж в селе", lang=None))
    stationary = next(b.text for b in buttons(sent) if "стационар" in b.text and not b.text.startswith("✓"))
    requests = await h.feed(**pressed(sent, stationary))
    assert h.asked["lang"] == "ru" and h.asked["setting"] == "stationary"
    edit = next(r for r in requests if isinstance(r, EditMessageText))
    assert "Постановление акимата ЗКО № 286" in edit.text


async def test_a_chosen_language_still_wins_over_the_answer_language(h: Harness):
    await h.feed(callback_query=callback("l:en", lang="ru"))
    sent = only_send(await h.say("штатный норматив медсестры", lang="ru"))
    await h.feed(**pressed(sent, "Массаж жасау жөніндегі мейіргер"))
    assert h.asked["lang"] == "en"


# ---------------------------------------------------------------- refine buttons only with data

async def test_refine_buttons_are_offered_only_where_the_base_has_data(h: Harness):
    sent = only_send(await h.say("massage rural", lang="en"))
    labels = [b.text for b in buttons(sent)]
    assert "✓ Oblast" in labels and "Börli" in labels
    assert "Bäyterek" not in labels  # its decree sets home-care tariffs only: nothing for semi-stationary massage
    for button in buttons(sent):
        if button.callback_data and button.callback_data.startswith("r:"):
            data = RefineCb.unpack(button.callback_data)
            assert not (data.j == "baiterek" and data.s != "h")


async def test_an_area_button_is_offered_only_where_a_row_sets_a_rate_for_it(h: Harness):
    sent = only_send(await h.say("massage", lang="en"))
    assert {"🏙 city", "🌾 rural area"} <= {b.text for b in buttons(sent)}
    requests = await h.feed(**pressed(sent, "stationary care"))
    edit = next(r for r in requests if isinstance(r, EditMessageText))
    labels = {b.text for b in buttons(edit)}
    assert "✓ stationary care" in labels and "🏙 city" in labels
    assert "🌾 rural area" not in labels  # stationary care: no rural tariff (0)


async def test_a_button_without_data_never_replaces_the_answer(h: Harness):
    sent = only_send(await h.say("massage rural", lang="en"))
    ticket = RefineCb.unpack(next(b.callback_data for b in buttons(sent) if b.text == "Börli")).t
    stale = RefineCb(t=ticket, a="r", s="m", j="baiterek").pack()  # e.g. from a message older than a reload
    requests = await h.feed(callback_query=callback(stale, lang="en", on=bot_message(sent.text, 1001, "private")))
    alert = next(r for r in requests if isinstance(r, AnswerCallbackQuery))
    assert alert.show_alert and "no data" in alert.text
    assert not any(isinstance(r, EditMessageText) for r in requests) and not sends(requests)


# ---------------------------------------------------------------- votes

async def test_a_thumbs_down_with_its_reason_is_recorded_and_listed_for_an_admin(h: Harness):
    sent = only_send(await h.say("massage rural", lang="en"))
    requests = await h.feed(**pressed(sent, "👎"))
    assert next(r for r in requests if isinstance(r, AnswerCallbackQuery)).text == "Thank you. What was wrong?"
    edit = next(r for r in requests if isinstance(r, EditMessageReplyMarkup))
    labels = [b.text for row in edit.reply_markup.inline_keyboard for b in row]
    assert "❌ Wrong figure" in labels and "❓ Not what I asked" in labels and "👎" not in labels
    assert "Börli" in labels and any("Share" in label for label in labels)  # the rest of the keyboard stays

    sent.reply_markup = edit.reply_markup
    await h.feed(**pressed(sent, "❌ Wrong figure"))
    with sqlite3.connect(h.config.usage_log) as db:
        rows = db.execute("select vote, reason, lang, question, answer, acts from votes").fetchall()
        desk = db.execute("select reason, question, acts from desk_disliked").fetchall()
    assert rows == [("down", "wrong_figure", "en", "massage rural", "Massage: 1263.6",
                     "West Kazakhstan oblast akimat decree No. 286, annex 2, item 63")]
    assert desk == [("wrong_figure", "massage rural", "West Kazakhstan oblast akimat decree No. 286, annex 2, item 63")]

    stats = only_send(await h.say("/stats", user_id=ADMIN, lang="en")).text
    assert "👍 0 · 👎 1" in stats and "Latest 👎" in stats
    assert "wrong figure" in stats and "<b>massage rural</b>" in stats and "decree No. 286" in stats


async def test_a_thumbs_up_is_recorded_once_per_reader_and_answer(h: Harness):
    sent = only_send(await h.say("is this a violation", lang="en"))
    await h.feed(**pressed(sent, "👍"))
    await h.feed(**pressed(sent, "👍"))
    with sqlite3.connect(h.config.usage_log) as db:
        assert db.execute("select vote, reason, intent from votes").fetchall() == [("up", "", "violation")]


async def test_unanswered_questions_reach_the_desk_view(h: Harness):
    await h.say("weather tomorrow", lang="en")
    await h.say("Weather tomorrow ", lang="en")
    await h.say("massage rural", lang="en")
    h.dispatcher["asker"].usage.flush()  # no vote yet: the views exist from the start
    with sqlite3.connect(h.config.usage_log) as db:
        assert db.execute("select question, times from desk_unanswered").fetchall() == [("weather tomorrow", 2)]


async def test_no_votes_under_a_clarify_or_not_found(h: Harness):
    assert not any(b.text in ("👍", "👎") for b in buttons(only_send(await h.say("which massage?"))))
    assert only_send(await h.say("weather tomorrow")).reply_markup is None


# ---------------------------------------------------------------- share and the act's link

async def test_share_opens_inline_mode_with_the_question_which_answers_it(h: Harness):
    sent = only_send(await h.say("массаж в селе", lang=None))
    share = next(b for b in buttons(sent) if b.switch_inline_query is not None)
    assert re.fullmatch(r"массаж в селе #[0-9a-f]{8}", share.switch_inline_query)
    assert share.text == "↗️ Поделиться"
    requests = await h.feed(inline_query=inline_query(share.switch_inline_query, lang="en"))
    answer = next(r for r in requests if isinstance(r, AnswerInlineQuery))
    posted = answer.results[0].input_message_content.message_text
    assert "Массаж &lt;қол&gt;" in posted and "<b>842,40\u00a0₸</b>" in posted
    assert "Постановление акимата ЗКО № 286" in posted  # in the language the shared answer was given in


async def test_a_shared_follow_up_worded_in_kazakh_is_answered_inline_in_the_reader_language(h: Harness):
    sent = only_send(await h.say("штатный норматив медсестры", lang=None))
    follow_up = only_send(await h.feed(**pressed(sent, "Массаж жасау жөніндегі мейіргер")))
    share = next(b for b in buttons(follow_up) if b.switch_inline_query is not None)
    requests = await h.feed(inline_query=inline_query(share.switch_inline_query, lang=None))
    assert h.asked["lang"] == "ru"
    answer = next(r for r in requests if isinstance(r, AnswerInlineQuery))
    assert "Постановление акимата ЗКО № 286" in answer.results[0].input_message_content.message_text


async def test_the_official_publication_is_linked_only_where_the_manifest_knows_it(h: Harness):
    urls = official_urls()
    assert urls["004"] == "https://adilet.zan.kz/kaz/docs/V2200029983" and "000" not in urls
    violation = only_send(await h.say("is this a violation", lang="en"))
    links = [b.url for b in buttons(violation) if b.url]
    assert links == ["https://adilet.zan.kz/eng/docs/V2200029983"]
    tariff = only_send(await h.say("massage rural", lang="en"))
    assert not [b for b in buttons(tariff) if b.url]  # decree No. 286: no known URL, no link


def test_adilet_links_follow_the_reader_language():
    url = "https://adilet.zan.kz/kaz/docs/V2100024491"
    assert localized(url, "ru") == "https://adilet.zan.kz/rus/docs/V2100024491"
    assert localized(url, "kk") == url
    assert localized("https://example.org/kaz/x", "ru") == "https://example.org/kaz/x"


async def test_a_refined_answer_is_shared_as_shown_not_as_first_asked(h: Harness):
    sent = only_send(await h.say("massage rural", lang="en"))
    requests = await h.feed(**pressed(sent, "Börli"))
    refined = next(r for r in requests if isinstance(r, EditMessageText))
    share = next(b for b in buttons(refined) if b.switch_inline_query is not None)
    await h.feed(inline_query=inline_query(share.switch_inline_query, lang="kk"))
    assert h.asked == {"question": "massage rural", "lang": "en", "setting": "semi_stationary", "area": "rural",
                       "jurisdiction": "borli"}


async def test_an_expired_share_answers_the_question_alone(h: Harness):
    await h.feed(inline_query=inline_query("massage rural #0badc0de", lang="en"))
    assert h.asked == {"question": "massage rural", "lang": None, "setting": None, "area": None,
                       "jurisdiction": None}


def test_shared_queries_are_told_from_typed_ones():
    assert shared("massage rural #0badc0de") == ("massage rural", "0badc0de")
    assert shared("  massage #1 ") == ("massage #1", None)
    assert shared("#0badc0de") == ("#0badc0de", None)
