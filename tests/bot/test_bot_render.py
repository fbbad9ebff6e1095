"""Rendering answers as Telegram HTML: figures for the locale, escaping, warnings, splitting under 4096."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fake_bot_api import FakeEngine

from bot.render import LIMIT, money, render_answer
from knowledge.domain import Answer, Citation, Filters, Result


@pytest.fixture(params=["kk", "ru", "en"])
def lang(request, i18n):
    with i18n.context(), i18n.use_locale(request.param):
        yield request.param


class TagBalance(HTMLParser):
    """Telegram rejects a message whose tags do not close: check every chunk is balanced."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag


def balanced(chunk: str) -> bool:
    parser = TagBalance()
    parser.feed(chunk)
    return not parser.stack


def test_money_for_each_locale(lang):
    expected = {"kk": "842,40\u00a0₸", "ru": "842,40\u00a0₸", "en": "842.40\u00a0₸"}[lang]
    assert money(842.4) == expected
    assert money(0) == {"kk": "тариф белгіленбеген", "ru": "тариф не установлен", "en": "no tariff set"}[lang]
    assert money(None) == "—"


def test_tariff_card_bold_figures_citation_and_flag(lang):
    answer = FakeEngine().ask("massage rural", lang)
    answer.results[0].fields["flagged"] = True
    (chunk,) = render_answer(answer)
    assert re.search(r"<b>842[.,]40\u00a0₸</b>", chunk)
    assert "<i>📄 " in chunk and chunk.count("⚠️") == 1
    assert balanced(chunk)


def test_repealed_citation_gets_a_warning_line(lang):
    citation = Citation("003", "Rules <2021>", 2, "5", "repealed")
    answer = Answer("staffing", lang, "staffing", Filters(), "answer", text="Norm: 1 nurse per 10 <recipients>",
                    results=[Result("staffing", citation, 1.0, {})])
    (chunk,) = render_answer(answer)
    first = chunk.split("\n")[0]
    assert first.startswith("⚠️ ") and "Rules" not in first
    assert "1 nurse per 10 &lt;recipients&gt;" in chunk and "<i>📄 Rules &lt;2021&gt;" in chunk
    assert balanced(chunk)


def test_engine_warnings_are_shown_once_and_escaped(lang):
    answer = Answer("q", lang, "staffing", Filters(), "answer", text="x", warnings=["Act <repealed>"] * 2)
    chunk = render_answer(answer)[0]
    assert chunk.count("⚠️ Act &lt;repealed&gt;") == 1


def test_long_answers_split_under_the_limit_with_balanced_tags(lang):
    text = "\n\n".join(f"Paragraph {n} <&> " + "word " * 300 for n in range(40))
    citation = Citation("004", "Order", 1, "1", "in_force")
    answer = Answer("q", lang, "passage", Filters(), "answer", text=text, results=[Result("passage", citation, 1, {})])
    chunks = render_answer(answer)
    assert len(chunks) > 3
    assert all(len(chunk) <= LIMIT < 4096 for chunk in chunks)
    assert all(balanced(chunk) for chunk in chunks)
    assert "Paragraph 39 &lt;&amp;&gt;" in "".join(chunks)


def test_many_tariff_rows_are_the_engines_compact_list_not_a_card_each(lang):
    answer = FakeEngine().ask("massage", lang)
    answer.results = answer.results * 9
    answer.text = "Massage, 2026:\n" + "\n".join(f"• setting {n}: 842,40 ₸" for n in range(6)) + "\n…and 3 more"
    (chunk,) = render_answer(answer)
    assert "🏙" not in chunk and chunk.count("• setting") == 6 and "…and 3 more" in chunk


def test_a_tariff_card_names_its_year_the_change_and_next_years_figure():
    from bot.config import ROOT
    from bot.i18n import make_i18n
    from bot.render import tariff_card

    fields = {"service": "Хат жазу", "position": "Әлеуметтік қызметкер", "setting": "home", "jurisdiction": "baiterek",
              "jurisdiction_name": "район Байтерек", "rate": 390.0, "rate_city": None, "rate_rural": None,
              "unit": "day", "year": 2027, "act_number": "701",
              "change": {"from_year": 2026, "rates": {"rate": {"from": 371.25, "to": 390.0, "amount": 18.75,
                                                                "percent": 5.05}}},
              "next_year": {"year": 2028, "act_number": "12", "rate": 400.0}}
    result = Result("tariff", Citation("005", "постановление № 701", 1, "6", "in_force"), 1.0, fields)
    i18n = make_i18n(ROOT / "locales")
    with i18n.context(), i18n.use_locale("ru"):
        card = tariff_card(result)
    assert "2027" in card.splitlines()[2]
    assert "2026 → 2027" in card and "371,25" in card and "390,00" in card and "+18,75" in card
    assert "2028" in card and "400,00" in card and "№ 12" in card


def test_the_printed_wording_is_behind_a_button_in_russian_and_english(lang):
    from bot.render import act_text_blocks, has_act_text

    answer = FakeEngine().ask("massage rural", lang)
    assert has_act_text(answer) == (lang != "kk")
    blocks = act_text_blocks(answer)
    assert "«Массаж &lt;қол&gt; &amp; аяқ — Мейіргер»" in blocks[1] and "📄" in blocks[1]


def test_a_cut_list_is_shown_whole_behind_show_all(lang):
    from bot.render import full_list_blocks, is_cut

    answer = FakeEngine().ask("massage rural", lang)
    assert not is_cut(answer)
    answer.results = answer.results * 9
    answer.text = "Massage:\n" + "\n".join(f"• row {n}" for n in range(6)) + "\n…and 3 more"
    assert is_cut(answer)
    (rows, citation) = full_list_blocks(answer)
    assert rows.count("• ") == 9 and "<b>" in rows and "📄" in citation


def test_a_warning_in_the_engines_text_is_shown_once(lang):
    citation = Citation("003", "Rules 2021", None, "64", "repealed")
    warning = "This act is repealed by order No. 230"
    answer = Answer("q", lang, "staffing", Filters(), "answer", text=f"Norm: 1\nSource: Rules 2021\n⚠ {warning}",
                    results=[Result("staffing", citation, 1.0, {})], warnings=[warning])
    (chunk,) = render_answer(answer)
    assert chunk.count(warning) == 1 and "Norm: 1" in chunk


def test_a_criterion_card_names_the_criterion_in_the_readers_language(lang):
    from bot.render import criterion_card

    citation = Citation("004", "Risk criteria 2022", 1, "4", "in_force")
    fields = {"item": 4, "criterion": "Жеке жұмыс жоспары", "name": "individual work plan", "degree": "significant"}
    card = criterion_card(Result("criterion", citation, 1.0, fields))
    assert "individual work plan" in card and "Жеке" not in card
    fields.pop("name")
    assert "Жеке жұмыс жоспары" in criterion_card(Result("criterion", citation, 1.0, fields))
