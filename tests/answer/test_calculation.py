"""The cost of a care plan: quantities read from a question, the exact line and total arithmetic, the calculation
intent (services split, each resolved as the tariff intent would, ambiguity asked back) and its JSON contract."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from knowledge.answer.intents.calculation import split_services
from knowledge.answer.plan import COUNTED, NO_AREA, NO_COUNT, NO_TARIFF, Line, Plan, decimal
from knowledge.answer.quantities import read_quantities, unit_of
from knowledge.desk.evaluate import run_eval

CALCULATIONS = Path(__file__).resolve().parents[1] / "data" / "questions-calculation.jsonl"
CITATION = {"document": "001", "title": "decree No. 6", "annex": 2, "item": "23", "status": "in_force"}


def tariff(**fields) -> dict:
    base = {"type": "tariff", "service": "LFK", "position": "Nurse", "unit": "day", "rate": None, "rate_city": None,
            "rate_rural": None, "year": 2026, "citation": CITATION}
    return base | fields


@pytest.mark.parametrize(("question", "days", "months", "recipients"), [
    ("ЛФК и логопед в полустационаре Бурлинского района, 15 дней", 15, None, None),
    ("стационар, 3 получателя, ЛФК нұсқаушысы мен массаж, 2 ай", None, 2, 3),
    ("home care Börli rural: help with shopping and cleaning, 12 days", 12, None, None),
    ("за 2-х месяцев 3 қызмет алушыға", None, 2, 3),
    ("10 күнге 2 алушы", 10, None, 2),
    ("6 months for 1 recipient", None, 6, 1),
])
def test_quantities_are_read_in_kk_ru_en(question, days, months, recipients):
    said = read_quantities(question)
    assert (said.days, said.months, said.recipients) == (days, months, recipients)
    assert said.counted
    assert not any(ch.isdigit() for ch in said.rest)


@pytest.mark.parametrize("question", [
    "сколько стоит массаж в день", "тарифы на 2027 год", "сколько санитарок на 75 человек", "массаж 2026 жылға",
    "per day rate of massage", "айтылған 5 айтылған",
])
def test_no_count_of_days_or_months_is_no_calculation(question):
    assert not read_quantities(question).counted


def test_unit_words_by_stem():
    assert [unit_of(w) for w in ("дней", "айға", "алушыға", "months", "айналым", "жыл")] == [
        "days", "months", "recipients", "months", None, None]


def test_services_split_on_conjunctions_or_only_on_semicolons():
    assert split_services("ЛФК и логопед в полустационаре, ") == ["ЛФК", "логопед в полустационаре"]
    assert split_services("ЛФК нұсқаушысы мен массаж") == ["ЛФК нұсқаушысы", "массаж"]
    # a follow-up question parts services by "; ": a service's own name keeps its "и" and commas
    assert split_services("обучение детей и лиц старше 18 лет, на дому; ЛФК") == [
        "обучение детей и лиц старше 18 лет, на дому", "ЛФК"]


def test_line_arithmetic_is_exact_decimal():
    line = Line(tariff(rate=0.1), days=3, recipients=1)  # 0.1 × 3 in floats is 0.30000000000000004
    assert line.amount == Decimal("0.30")
    line = Line(tariff(rate=319.5), days=15, recipients=3)
    assert (line.rate, line.amount, line.status) == (Decimal("319.50"), Decimal("14377.50"), COUNTED)
    assert decimal(975.9) == Decimal("975.90")


def test_lines_left_out_of_the_total_say_why():
    plan = Plan([
        Line(tariff(rate=319.5), days=10),
        Line(tariff(rate=0.0), days=10),  # no tariff set: never free, never summed
        Line(tariff(rate=100.0, unit="month"), days=10),  # a per-month tariff with no months given
        Line(tariff(rate_city=946.2, rate_rural=975.9), days=10),  # two rates, no area
    ])
    assert [line.status for line in plan.lines] == [COUNTED, NO_TARIFF, NO_COUNT, NO_AREA]
    assert plan.total == Decimal("3195.00")
    assert plan.mixed and plan.units == ["day", "month"]
    text = plan.text("en")
    assert "Total: 3,195.00" in text and "Line 2: no tariff set" in text and "Line 4:" in text
    assert "mixes per-day and per-month" in text
    assert "Итого: 3\xa0195,00" in plan.text("ru") and "Барлығы: 3\xa0195,00" in plan.text("kk")


def test_plan_round_trips_through_json_and_counts_change():
    plan = Plan([Line(tariff(rate=319.5), days=10), Line(tariff(rate=200.0, unit="month"), months=2)])
    again = Plan.from_dict(json.loads(json.dumps(plan.to_dict())))
    assert again.to_dict() == plan.to_dict()
    again.set(days=20, months=3, recipients=2)
    assert again.total == Decimal("319.50") * 20 * 2 + Decimal("200.00") * 3 * 2
    assert again.to_dict()["total"] == "13980.00"


@pytest.mark.parametrize(("question", "lang", "total", "items"), [
    ("ЛФК и логопед педагогическая коррекция в полустационаре Бурлинского района, 15 дней", "ru", "13240.50", [23, 35]),
    ("стационар ауыл, 3 алушы, ЛФК нұсқаушысының консультациясы мен массаж жасау жөніндегі мейіргер, 2 ай", "kk",
     "8289.00", [96, 100]),
    ("semi-stationary Börli exercise therapy and speech therapist pedagogical correction, 20 days, 3 recipients",
     "en", "52962.00", [23, 35]),
])
def test_a_calculation_in_kk_ru_en_gives_the_exact_total_every_line_cited(engine, question, lang, total, items):
    answer = engine.ask(question)
    assert (answer.intent, answer.status, answer.lang) == ("calculation", "answer", lang)
    data = answer.to_dict()["results"][0]
    assert data["type"] == "calculation" and data["total"] == total
    assert [line["tariff"]["item"] for line in data["lines"]] == items
    for line in data["lines"]:
        assert line["tariff"]["type"] == "tariff" and line["tariff"]["citation"]["annex"]
        assert line["amount"] == str(Decimal(line["rate"]) * line["quantity"] * line["recipients"])
    cited = [row for row in answer.text.splitlines() if row.strip().startswith(("Source", "Источник", "Дереккөз"))]
    assert len(cited) == len(items) and all("(2026)" in row for row in cited)


def test_a_plain_tariff_question_stays_a_tariff_question(engine):
    assert engine.ask("ЛФК в полустационаре Бурлинского района").intent == "tariff"
    assert engine.ask("сколько санитарок положено на 50 получателей").intent == "staffing"


def test_an_ambiguous_service_is_asked_back_and_each_choice_counts_the_plan(engine):
    answer = engine.ask("ЛФК и логопед в полустационаре Бурлинского района, 15 дней")
    assert (answer.intent, answer.status) == ("calculation", "clarify")
    assert "логопед" in answer.text and len(answer.choices) >= 2
    totals = set()
    for choice in answer.choices:
        follow = engine.ask(choice.query)
        assert follow.status == "answer", choice.query
        lines = follow.results[0].fields["lines"]
        assert [line["tariff"]["position"] for line in lines] == ["Медбике", "Логопед"]
        totals.add(follow.results[0].fields["total"])
    assert totals == {"13240.50"}  # the speech therapist's rate is the same in each of these items


def test_an_area_not_given_for_a_city_rural_table_is_asked_back(engine):
    answer = engine.ask("стационар, 3 получателя, ЛФК нұсқаушысы мен массаж жасау жөніндегі мейіргер, 2 ай")
    assert answer.status == "clarify" and len(answer.choices) == 2
    assert [c.label for c in answer.choices] == ["қала: 8\xa0285,40\xa0₸", "ауыл: 8\xa0289,00\xa0₸"]
    rural = engine.ask(answer.choices[1].query)
    assert rural.results[0].fields["total"] == "8289.00"


def test_no_tariff_is_shown_and_left_out(engine):
    answer = engine.ask("сколько будет стоить массаж в полустационаре в селе за 30 дней")
    fields = answer.results[0].fields
    assert fields["total"] == "0.00" and fields["lines"][0]["status"] == NO_TARIFF
    assert "тариф не установлен" in answer.text and "в итог не входит" in answer.text


def test_the_calculation_set_passes(engine):
    report = run_eval(CALCULATIONS, engine)
    assert report.total >= 14 and report.ok, report.text()
    assert set(report.by("lang")) == {"kk", "ru", "en"}


def test_a_tariff_unit_without_its_count_is_asked_never_totalled(engine):
    answer = engine.ask("полустационар Бурлинский район ЛФК медбике, 2 месяца")  # a per-day tariff, months given
    assert (answer.intent, answer.status) == ("calculation", "clarify")
    assert answer.results[0].fields["lines"][0]["status"] == NO_COUNT
    assert "Итого" not in answer.text and "Сколько дней" in answer.text
