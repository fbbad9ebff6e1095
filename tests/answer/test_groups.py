"""Who and what a service is for: a question naming children is never answered with a service named for adults
only, nor one ruling a thing out ("без тяжёлых ограничений") with the service named for it."""

from __future__ import annotations

import pytest

from knowledge.answer.engine import Engine
from knowledge.answer.groups import for_other_group, named
from knowledge.answer.index import Target


@pytest.mark.parametrize(("text", "groups"), [
    ("психокоррекция для детей", {"children"}),
    ("Ересектерге арналған психологиялық түзету", {"adults"}),
    ("Балалар мен он сегіз жастан асқан адамдарды оқыту", {"children"}),
    ("psychological correction for adults", {"adults"}),
    ("массаж", set()),
])
def test_the_groups_a_text_names(text, groups):
    assert named(text) == groups


def test_a_service_for_the_other_group_only_is_excluded():
    adults = Target("service", (1,), ["Ересектерге арналған психологиялық түзету", "psychological correction for adults"])
    both = Target("service", (2,), ["Балалар мен ересектерге кеңес беру"])
    plain = Target("service", (3,), ["Психологиялық кеңес беру"])
    children = frozenset({"children"})
    assert for_other_group(adults, children)
    assert not for_other_group(both, children) and not for_other_group(plain, children)
    assert not for_other_group(adults, frozenset())  # no group asked: nothing excluded


@pytest.mark.parametrize(("question", "item"), [
    ("психологическая коррекция для детей в стационаре, село", 143),
    ("психологическая коррекция для взрослых в стационаре, город", 144),
])
def test_the_group_asked_picks_its_item(engine: Engine, question, item):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == item


def test_a_table_without_the_group_s_service_answers_nothing_for_the_other(engine: Engine):
    answer = engine.ask("Бурлинский район, временное пребывание: психокоррекция для детей, тариф")
    assert answer.status in ("not_found", "clarify") and not answer.results  # only adults' correction is printed


@pytest.mark.parametrize(("question", "item"), [
    ("стационар, город: стрижка ногтей санитаром-ванщиком, подопечный без тяжёлых ограничений", 1),
    ("стационар, город: стрижка ногтей при тяжёлых ограничениях", 20),
    # the name says the relatives are absent, as the question does
    ("стационар, село: организация похорон подопечного без родственников, специалист по соцработе", 9),
    # "не" / "not" before a word of the person (never a verb), in the words of the names or the lexicon's
    ("дом-интернат, город: сколько стоит стрижка ногтей, дедушка не лежачий", 1),
    ("care home, rural rate for cutting nails of a resident who is not bedridden?", 1),
    ("дом-интернат, село: сколько стоит стрижка ногтей лежачему?", 20),
    ("стационар, қала: төсек тартып жатқан қарияның тырнағын кесу қанша тұрады?", 20),
    # Kazakh says what is absent before "жоқ"; a name saying "жоқ" says it absent too
    ("стационар, ауыл: тырнақ алу, ауыр шектеуі жоқ қарияға, айына қанша?", 1),
    ("стационар, ауыл: туыстары жоқ қарттың жерлеуін ұйымдастыруға көмек, әлеуметтік жұмыс маманы", 9),
    # a negated Kazakh participle: "not limited" rules out the services for the limited; a name saying "not" too
    # ("кәмелетке толмаған", under age) says it as the question does
    ("стационар, ауыл: тырнақ алу, тіршілігі ауыр шектелмеген қарияға, айына қанша?", 1),
    ("стационар, ауыл: жағдайы онша ауыр емес атаның тырнағын кесу айына қанша?", 1),  # "емес" after the word
    # a name saying a thing is not allowed says it absent, as the question does
    ("Бөрлі жартылай стационар: escorting to health facilities if public transport is not allowed, rate?", 27),
])
def test_what_the_question_rules_out_is_not_the_service_named_for_it(engine: Engine, question, item):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == item
