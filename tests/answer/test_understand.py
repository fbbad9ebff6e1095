"""Understanding a question: its language, intent cues, filters, numbers and the content words left for matching."""

from __future__ import annotations

import pytest

from knowledge.answer.understand import MAX_TOKENS, Understood, understand
from knowledge.domain import Filters


def words(u: Understood) -> list[tuple[str, str | None, float]]:
    return [(w.text, w.alt, w.weight) for w in u.words]


# ---------------------------------------------------------------- language


@pytest.mark.parametrize(("question", "lang"), [
    ("жартылай стационарда мейіргердің массажы ауылда қанша?", "kk"),  # Kazakh letters
    ("стационар тарифи", "kk"),  # no Kazakh letter, but a Kazakh word
    ("сколько стоит массаж медсестры в полустационаре в селе", "ru"),
    ("what is the rural rate for massage by a nurse in semi-stationary care", "en"),
    ("jartylay statsionarda meyirger massazh auylda qansha", "kk"),  # Latin-script Kazakh words
    ("Bórli aýdanynda úıde kútim qansha", "kk"),  # the 2018 acute alphabet
    ("awılda şaştaraz", "kk"),  # letters only Kazakh Latin has
    ("", "kk"),  # nothing to go on: Kazakh, the bot's first language
])
def test_language(question: str, lang: str) -> None:
    assert understand(question).lang == lang


# ---------------------------------------------------------------- intent and degree


@pytest.mark.parametrize(("question", "intent", "degree"), [
    ("массаж қанша тұрады", "tariff", None),
    ("сколько стоит массаж", "tariff", None),
    ("грубое нарушение отсутствие плана", "violation", "gross"),
    ("елеулі бұзушылық па", "violation", "significant"),
    ("is it a minor violation", "violation", "minor"),
    ("тексеру парағы уақытша болу", "checklist", None),
    ("штат 51-100 алушы", "staffing", None),
    ("how many nurses per 100 recipients", "staffing", None),  # a weak cue made strong by a head count
    ("кто утвердил приказ", "document", None),
    ("когда вступает в силу постановление Бурлинского района", "document", None),
    ("привет", "unknown", None),
])
def test_intent(question: str, intent: str, degree: str | None) -> None:
    u = understand(question)
    assert (u.intent, u.degree) == (intent, degree)


def test_cues() -> None:
    assert understand("когда вступает в силу постановление").cues == {"effective", "document"}
    assert understand("how many nurses are needed").cues == {"staffing_weak"}
    assert understand("штат").cues == {"staffing"}


# ---------------------------------------------------------------- filters


@pytest.mark.parametrize("question", [
    "жартылай стационарда мейіргердің массажы ауылда қанша?",
    "сколько стоит массаж медсестры в полустационаре в селе",
    "what is the rural rate for massage by a nurse in semi-stationary care",
    "jartylay statsionarda meyirger massazh auylda qansha",
    "жартылаи стационарда мейиргердин массажы ауылда канша",  # typed without Kazakh letters
])
def test_filters_in_every_language_and_script(question: str) -> None:
    assert understand(question).filters == Filters(setting="semi_stationary", area="rural", position="nurse")


def test_jurisdiction_and_home_setting() -> None:
    assert understand("Bórli aýdanynda úıde kútim qansha").filters == Filters(setting="home", jurisdiction="borli")
    assert understand("Байтерек ауданы психолог тарифі").filters == Filters(jurisdiction="baiterek",
                                                                            position="psychologist")
    assert understand("тариф по области").filters.jurisdiction == "oblast"


def test_the_first_setting_and_the_last_area_win() -> None:
    u = understand("стационар на дому в городе или в селе")
    assert (u.filters.setting, u.filters.area) == ("stationary", "rural")


# ---------------------------------------------------------------- words and numbers


def test_content_words_are_loose_with_positions_optional_and_settings_apart() -> None:
    u = understand("жартылай стационарда мейіргердің массажы ауылда қанша?")
    assert words(u) == [("меииргердин", None, 0.35), ("массажы", None, 1.0)]
    assert [w.text for w in u.filter_words] == ["жартылаи", "стационарда"]


def test_latin_words_carry_their_cyrillic_reading() -> None:
    u = understand("jartylay statsionarda meyirger massazh auylda qansha")
    assert words(u) == [("meyirger", "меииргер", 0.35), ("massazh", "массаж", 1.0)]


def test_stopwords_and_single_letters_are_dropped() -> None:
    assert words(understand("и в массаж для a the")) == [("массаж", None, 1.0)]


def test_numbers() -> None:
    assert understand("штат 51-100 алушы").numbers == ["51", "100"]
    assert understand("2026 жылғы тариф").numbers == ["2026"]
    assert understand("массаж").numbers == []


# ---------------------------------------------------------------- any input


@pytest.mark.parametrize("question", ["", "   ", "😀😀", "???", None])
def test_empty_input(question: str | None) -> None:
    u = understand(question)  # type: ignore[arg-type]
    assert u.empty and u.intent == "unknown" and not u.words and u.filters == Filters()


def test_html_tags_are_not_words() -> None:
    u = understand("<b>массаж</b> <a href='x'>қала</a>")
    assert [w.text for w in u.words] == ["массаж"] and u.filters.area == "city"


def test_zero_width_characters_do_not_split_words() -> None:
    assert understand("мей\u200bіргер массаж").filters.position == "nurse"


def test_long_input_is_cut() -> None:
    u = understand("массаж " * 1000)
    assert 0 < len(u.words) <= MAX_TOKENS
