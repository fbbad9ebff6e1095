"""The tariff year as a dimension: next year's decree of a district added beside this year's (and this year's
amended by a decree superseding it), then asked about with no year, with a year, with "next year", and to compare.

The base is built here from the sources: Bäyterek's decree No. 668 (2026) is superseded by No. 700 (2026, item 76
changed), and No. 701 (2027, from the same text with its headings' year moved on and item 6 changed) is added."""

from __future__ import annotations

from datetime import date

import pytest
from decrees import add, built, copy_sources, derive, source_of

from knowledge.answer.engine import Engine
from knowledge.answer.glossary import load_glossary
from knowledge.answer.understand import understand
from knowledge.answer.years import Years, asked_years, in_force

TODAY = date(2026, 11, 30)
LETTERS_KK = "Бәйтерек ауданы үйде хаттарды жазуға және оқуға көмек"
LETTERS_RU = "Байтерек на дому помощь в написании писем"


@pytest.fixture(scope="module")
def years_kb(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("years")
    sources = copy_sources(folder)
    document, text = source_of(sources, "baiterek")
    amended = add(sources, folder, "baiterek-700.txt",
                  derive(document, text, words={"№ 668": "№ 700"}, rates={76: "260,0"}))
    next_year = add(sources, folder, "baiterek-2027.txt", derive(document, text, words={
        "2026 жылға": "2027 жылға", "2025 жылғы 26 желтоқсандағы № 668": "2026 жылғы 24 желтоқсандағы № 701",
        "№ 668 қаулысына": "№ 701 қаулысына"}, rates={6: "390,00"}))
    assert (amended.year, next_year.year, next_year.number) == (2026, 2027, "701")
    return {"path": built(sources, folder), "old": document.id, "amended": amended.id, "next": next_year.id}


def engine_on(years_kb: dict, day: date = TODAY) -> Engine:
    return Engine.open(years_kb["path"], today=lambda: day)


@pytest.fixture(scope="module")
def engine(years_kb) -> Engine:
    return engine_on(years_kb)


def best(answer) -> dict:
    assert answer.status == "answer", answer.text
    return answer.results[0].fields


# ---------------------------------------------------------------- no year: the year in force, next year mentioned


@pytest.mark.parametrize(("question", "lang", "next_line"), [
    (LETTERS_KK, "kk", "2027 жылға: 390,00"),
    (LETTERS_RU, "ru", "На 2027 год: 390,00"),
    ("Baiterek home care help writing letters", "en", "2027: 390.00"),
])
def test_no_year_answers_the_year_in_force_and_names_next_year(engine, years_kb, question, lang, next_line):
    answer = engine.ask(question, lang)
    fields = best(answer)
    assert (fields["item"], fields["rate"], fields["year"]) == (6, 371.25, 2026)
    assert (fields["act_number"], fields["act_status"]) == ("700", "in_force")  # No. 668 of 2026 gave way to 700
    assert answer.results[0].citation.document == years_kb["amended"]
    assert {r.fields["year"] for r in answer.results} == {2026}  # one year's block, not both years' one under other
    assert answer.text.splitlines()[0].endswith(", 2026:")
    assert next_line in answer.text and "701 " in answer.text
    assert fields["next_year"] == {"year": 2027, "act_number": "701", "act_date": "2026-12-24",
                                   "act_status": "in_force", "rate": 390.0}


def test_the_json_carries_the_year_and_the_act(engine):
    result = engine.ask(LETTERS_RU, "ru").to_dict()["results"][0]
    assert {key: result[key] for key in ("year", "act_number", "act_date", "act_status")} == {
        "year": 2026, "act_number": "700", "act_date": "2025-12-26", "act_status": "in_force"}


def test_the_year_in_force_follows_the_clock(years_kb):
    later = engine_on(years_kb, date(2027, 3, 1))
    fields = best(later.ask(LETTERS_RU, "ru"))
    assert (fields["year"], fields["rate"], fields["act_number"]) == (2027, 390.0, "701")
    assert "next_year" not in fields
    earlier = engine_on(years_kb, date(2025, 12, 28))  # before every act's year: the earliest year
    assert best(earlier.ask(LETTERS_RU, "ru"))["year"] == 2026


def test_a_superseded_act_of_a_year_gives_way_within_that_year(engine, years_kb):
    fields = best(engine.ask("Бәйтерек үйде әлеуметтік-психологиялық патронаж", "kk"))
    assert (fields["item"], fields["rate"], fields["act_number"], fields["year"]) == (76, 260.0, "700", 2026)


# ---------------------------------------------------------------- a year asked


@pytest.mark.parametrize(("question", "lang"), [
    (f"{LETTERS_KK} 2027 жылға", "kk"),
    (f"{LETTERS_KK} 2027 жылы", "kk"),
    (f"{LETTERS_KK} келесі жылы", "kk"),
    (f"{LETTERS_RU} на 2027 год", "ru"),
    (f"{LETTERS_RU} на следующий год", "ru"),
    ("Baiterek home care help writing letters next year", "en"),
    ("Baiterek home care help writing letters 2027", "en"),
])
def test_a_year_asked_gets_that_years_act(engine, years_kb, question, lang):
    answer = engine.ask(question, lang)
    fields = best(answer)
    assert (fields["item"], fields["rate"], fields["year"], fields["act_number"]) == (6, 390.0, 2027, "701")
    assert answer.results[0].citation.document == years_kb["next"]
    assert answer.text.splitlines()[0].endswith(", 2027:") and "701 " in answer.text


@pytest.mark.parametrize(("question", "lang"), [(f"{LETTERS_KK} биылғы", "kk"), (f"{LETTERS_RU} в этом году", "ru"),
                                                (f"{LETTERS_RU} на 2026 год", "ru")])
def test_this_year_is_the_clocks_year(engine, question, lang):
    fields = best(engine.ask(question, lang))
    assert (fields["year"], fields["rate"]) == (2026, 371.25)


def test_a_year_the_jurisdiction_does_not_hold_is_said_so(engine):
    answer = engine.ask("Бөрлі үйде массаж 2027 жылға", "kk")
    assert answer.status == "clarify" and not answer.results
    assert "Бөрлі ауданы" in answer.text and "2027" in answer.text and "2026" in answer.text
    assert answer.choices[0].query == "Бөрлі үйде массаж 2026 жылға"
    other = engine.ask("тарифы 2024 года массаж", "ru")
    assert other.status == "clarify" and "2024" in other.text and "2026, 2027" in other.text


def test_a_year_said_in_words_is_asked_again_with_its_number(years_kb):
    answer = engine_on(years_kb, date(2027, 6, 1)).ask(f"{LETTERS_RU} на следующий год", "ru")
    assert answer.status == "clarify" and "2028" in answer.text
    assert answer.choices[0].query.endswith("2027")


# ---------------------------------------------------------------- two years side by side


@pytest.mark.parametrize(("question", "lang", "change"), [
    ("как изменился тариф на помощь в написании писем на дому в Байтереке с 2026 на 2027", "ru",
     "371,25\xa0₸ → 390,00\xa0₸ (+18,75\xa0₸, +5,1\xa0%)"),
    (f"{LETTERS_KK} 2026 бен 2027 салыстыру", "kk", "371,25\xa0₸ → 390,00\xa0₸ (+18,75\xa0₸, +5,1%)"),
    ("compare 2026 and 2027 Baiterek home care help writing letters", "en",
     "371.25\xa0₸ → 390.00\xa0₸ (+18.75\xa0₸, +5.1%)"),
    (f"{LETTERS_RU} как изменился тариф", "ru", "371,25\xa0₸ → 390,00\xa0₸"),
])
def test_two_years_are_compared_with_the_difference(engine, years_kb, question, lang, change):
    answer = engine.ask(question, lang)
    later = best(answer)
    assert (later["year"], later["rate"], later["act_number"]) == (2027, 390.0, "701")
    assert later["change"] == {"from_year": 2026, "rates": {"rate": {"from": 371.25, "to": 390.0, "amount": 18.75,
                                                                     "percent": 5.05}}}
    assert [(r.fields["year"], r.fields["rate"]) for r in answer.results] == [(2027, 390.0), (2026, 371.25)]
    assert "2026 → 2027:" in answer.text.splitlines()[0]
    assert change in answer.text
    assert "700 " in answer.text and "701 " in answer.text  # both acts cited


@pytest.mark.parametrize(("question", "lang", "said"), [
    ("Бәйтерек үйде жерлеу рәсімдерін ұйымдастыруға көмек 2026 бен 2027 салыстыру", "kk", "өзгеріссіз"),
    ("Байтерек на дому помощь в организации похорон сравнить 2026 и 2027", "ru", "без изменений")])
def test_an_unchanged_rate_says_so(engine, question, lang, said):
    answer = engine.ask(question, lang)
    fields = best(answer)
    assert fields["change"]["rates"]["rate"]["amount"] == 0 and said in answer.text


# ---------------------------------------------------------------- which act: the year in force's, unless one is named


@pytest.mark.parametrize(("question", "number"), [
    ("Бәйтерек тарифтері қай қаулымен бекітілген", "700"),
    ("Бәйтерек келесі жылғы тарифтері қай қаулымен бекітілген", "701"),
    ("постановление о тарифах Байтерек на 2027 год", "701"),
])
def test_the_act_asked_about_is_the_years(engine, question, number):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.intent == "document", answer.text
    assert answer.results[0].fields["number"] == number


# ---------------------------------------------------------------- reading the years of a question


@pytest.mark.parametrize(("question", "expected"), [
    ("массаж 2027 жылға", Years((2027,))),
    ("массаж на следующий год", Years((2027,))),
    ("массаж келесі жылға", Years((2027,))),
    ("massage this year", Years((2026,))),
    ("былтырғы тариф", Years((2025,))),
    ("с 2026 на 2027", Years((2026, 2027))),
    ("2026 бен 2027 салыстыру", Years((2026, 2027), compare=True)),
    ("как изменился тариф", Years((), compare=True)),
    ("постановление № 286 от 2025 года", Years()),  # an act named by its number: its date's year is no tariff year
    ("постановление № 286 на 2026 год", Years((2026,))),
    ("пункт 6 на 2027 год", Years((2027,))),  # a number that is also an act's number leaves the year a year
    ("массаж 75 человек", Years()),
])
def test_the_years_a_question_names(question, expected):
    acts = {"286": frozenset({2025}), "6": frozenset({2026})}
    assert asked_years(understand(question, load_glossary()), 2026, acts) == expected


@pytest.mark.parametrize(("years", "today", "expected"), [
    ([2026, 2027], 2026, 2026), ([2026, 2027], 2027, 2027), ([2026, 2027], 2030, 2027), ([2026, 2027], 2025, 2026),
    ([], 2026, None)])
def test_the_year_in_force(years, today, expected):
    assert in_force(years, today) == expected


def test_year_words_are_no_content_words():
    u = understand("Бәйтерек хаттарды жазуға көмек 2027 жылға", load_glossary())
    assert "жылга" not in [w.text for w in u.words] and "year" in u.cues
