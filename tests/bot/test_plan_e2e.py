"""End to end: the real `komekshi run` process against the fake Bot API builds a care plan of three services with
the ➕ buttons under tariff answers, changes the number of days with a button, and receives the spreadsheet."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
from fake_bot_api import FakeBotApi, bot_message, callback, message
from openpyxl import load_workbook

pytestmark = pytest.mark.slow  # the real bot process against the fake Bot API server

USER = 4100
SERVICES = ("ЛФК полустационар Бурлинский район", "полустационар Бурлинский район педагогическая коррекция логопед",
            "Байтерек надомное обслуживание написание писем")
RATES = (Decimal("319.50"), Decimal("563.20"), Decimal("371.25"))  # items 23 and 35 of Börli's annex 2, Bäyterek's 6


@pytest.fixture
async def running(fake_api: FakeBotApi, bot_process) -> AsyncIterator[FakeBotApi]:
    async with bot_process(THROTTLE_BURST="50"):  # one person pressing quickly, not a flood
        await fake_api.wait_for("setMyCommands", language_code="en")
        yield fake_api


def buttons(params: dict) -> list[dict]:
    return [button for row in (params.get("reply_markup") or {}).get("inline_keyboard", []) for button in row]


def pressing(params: dict, data_prefix: str, text: str | None = None) -> dict:
    found = [b for b in buttons(params) if b.get("callback_data", "").startswith(data_prefix)
             and (text is None or b["text"] == text)]
    assert found, f"no {data_prefix!r} {text!r} button in {buttons(params)}"
    return callback(found[0]["callback_data"], user_id=USER, lang="ru", on=bot_message("…", USER, "private"))


async def press(api: FakeBotApi, params: dict, data_prefix: str, text: str | None = None) -> None:
    data = pressing(params, data_prefix, text)
    await api.push({"callback_query": data})
    await api.wait_for("answerCallbackQuery", callback_query_id=data["id"])


def money(value: Decimal) -> str:
    return f"{value:,.2f}".replace(",", "\xa0").replace(".", ",")  # as Babel writes it for ru_KZ


async def test_a_plan_of_three_services_built_with_buttons_and_sent_as_xlsx(running: FakeBotApi):
    api = running
    sent = 0
    for number, question in enumerate(SERVICES, 1):
        await api.push({"message": message(question, user_id=USER, lang="ru")})
        answer = (await api.wait_for_more("sendMessage", sent, chat_id=USER))[sent]
        assert "₸" in answer["text"]
        sent += 1
        await press(api, answer, "pa:")  # ➕ add to plan
        view = (await api.wait_for_more("sendMessage", sent, chat_id=USER))[sent]
        sent += 1
        assert view["text"].count("₸ × 1 дн.") == number  # each line counted for the plan's one day
    assert money(sum(RATES)) in view["text"]

    # the plan's days: 1 → 6 with the +5 button; the message is edited with the new sums and total
    await press(api, view, "pl:d:5")
    edited = await api.wait_for("editMessageText", chat_id=USER)
    total = sum(RATES) * 6
    assert edited["text"].count("× 6 дн.") == 3 and money(total) in edited["text"]
    assert "Итого" in edited["text"] and "приложение 2, пункт 35" in edited["text"]

    # the spreadsheet: three cited lines and the total, headings in Russian
    await press(api, edited, "pl:xlsx")
    document = (await api.wait_for("sendDocument", chat_id=USER))["document"]
    assert document["filename"].endswith(".xlsx")
    rows = list(load_workbook(io.BytesIO(document["data"])).active.iter_rows(values_only=True))
    assert rows[0][1] == "Услуга" and rows[0][9] == "Источник"
    assert [row[11] for row in rows[1:4]] == ["23", "35", "6"], rows
    assert [row[6] for row in rows[1:4]] == [6, 6, 6], rows
    assert rows[4][7] == "Итого" and Decimal(str(rows[4][8])) == total
