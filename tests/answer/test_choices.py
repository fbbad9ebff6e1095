"""Choice labels (knowledge.answer.context): what tells the choices apart comes first, no two read alike for 40
characters, cut between words; and over every question of the dev and tuned sets in the three languages, the
engine never asks back with a single choice nor with two that read alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.answer.context import DISTINCT_CHARS, LABEL_CHARS, Facets, choice_labels, choices, cut
from knowledge.answer.engine import Engine
from knowledge.domain import LANGS


def test_cut_keeps_short_text_and_cuts_long_text_between_words():
    assert cut("стрижка ногтей") == "стрижка ногтей"
    text = "Ересектерге арналған мүгедектігі бар адамды оңалту және оңалтудың жеке бағдарламасына сәйкес"
    label = cut(text, 40)
    assert len(label) <= 40 and label.endswith("…")
    assert text.startswith(label[:-1]) and text[len(label) - 1] == " "  # the cut falls on a space
    assert cut("a " + "x" * 80, 20) == "a…"  # a word longer than the room is left out whole, never split


def test_what_differs_leads_and_what_is_shared_is_left_out():
    labels = choice_labels([
        Facets("Заңды мәні бар құжаттарды ресімдеуге көмек", place="Бөрлі", setting="үйде"),
        Facets("Заңды мәні бар құжаттарды ресімдеуге көмек", place="Бәйтерек", setting="үйде"),
    ])
    assert labels == ["Бөрлі — Заңды мәні бар құжаттарды ресімдеуге көмек",
                      "Бәйтерек — Заңды мәні бар құжаттарды ресімдеуге көмек"]


def test_a_shared_opening_is_elided_keeping_the_first_word():
    labels = choice_labels([
        Facets("individual exercise therapy session for children with musculoskeletal disorders"),
        Facets("individual exercise therapy session for children with psychoneurological disorders"),
        Facets("group exercise therapy session"),
    ])
    assert labels == ["individual … musculoskeletal disorders", "individual … psychoneurological disorders",
                      "group exercise therapy session"]


def test_look_alikes_get_the_position_then_the_figure_then_the_number_in_front():
    name = "Білікті медициналық консультацияны ұйымдастыру және өткізу, оның ішінде"
    by_position = choice_labels([Facets(name, position="Терапевт дәрігер"), Facets(name, position="Педиатр дәрігер")])
    assert [label.split(" — ")[0] for label in by_position] == ["Терапевт дәрігер", "Педиатр дәрігер"]
    by_figure = choice_labels([Facets(name, figure="2 620,00 ₸"), Facets(name, figure="2 644,00 ₸")])
    assert by_figure[0].startswith("2 620,00 ₸ — ")
    by_number = choice_labels([Facets(name, number="66"), Facets(name, number="68")])
    assert by_number[0].startswith("66 — ") and by_number[1].startswith("68 — ")
    same = choice_labels([Facets(name), Facets(name)])
    assert same[0][:DISTINCT_CHARS] != same[1][:DISTINCT_CHARS]


def test_choices_pair_labels_with_queries_and_stop_at_five():
    made = choices([Facets(f"service {i}") for i in range(8)], [f"query {i}" for i in range(8)])
    assert [c.query for c in made] == [f"query {i}" for i in range(5)]


def all_questions(test_data: Path) -> list[str]:
    questions = []
    for name in ("questions-dev.jsonl", "questions-tuned.jsonl"):
        questions += [json.loads(line)["q"] for line in (test_data / name).read_text(encoding="utf-8").splitlines()
                      if line.strip()]
    return questions


@pytest.fixture(scope="module")
def clarifications(engine: Engine, test_data: Path) -> list[tuple[str, str, list[str]]]:
    """Every ask-back the engine gives on the dev and tuned sets, in each reply language."""
    found = []
    for question in all_questions(test_data):
        for lang in LANGS:
            answer = engine.ask(question, lang)
            if answer.status == "clarify":
                found.append((question, lang, [choice.label for choice in answer.choices]))
    return found


def test_the_sets_hold_asks_back_to_check(clarifications) -> None:
    # 9 since the nurse's own staffing row (003 item 63, "Мейіргер") is read: "how many nurses ..." is answered by it
    assert len(clarifications) >= 9


def test_no_ask_back_offers_a_single_choice(clarifications) -> None:
    assert [(q, lang) for q, lang, labels in clarifications if len(labels) < 2] == []


def test_no_two_choices_read_alike_for_40_characters(clarifications) -> None:
    alike = [(q, lang, labels) for q, lang, labels in clarifications
             if len({label[:DISTINCT_CHARS].casefold() for label in labels}) < len(labels)]
    assert alike == []


def test_labels_are_short_and_at_most_five(clarifications) -> None:
    assert all(len(labels) <= 5 and all(len(label) <= LABEL_CHARS for label in labels)
               for _, _, labels in clarifications)


@pytest.mark.parametrize(("question", "item"), [
    ("приостановили услуги бабушке, а бумаг с основанием приостановки в папке нет, какое нарушение", "6"),
    ("в лифте нет табличек шрифтом Брайля для слепых, это грубо?", "56"),
])
def test_a_lone_requirement_found_unsure_is_offered_not_asked_as_a_choice_of_one(engine: Engine, question, item):
    """The search found one requirement only, not sure enough to answer: no ask-back with a single choice; the reply
    says nothing was found for sure and offers that requirement as the nearest thing."""
    answer = engine.ask(question)
    assert answer.status == "not_found" and answer.intent == "violation" and not answer.results
    assert [choice.label.split(".")[0] for choice in answer.choices] == [item]
