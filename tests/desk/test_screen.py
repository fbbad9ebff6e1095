"""`komekshi screen`: Kazakh text in Russian and English answers, look-alike and single clarify choices, lengths."""

from __future__ import annotations

import pytest

from knowledge.desk.evaluate import load_questions
from knowledge.desk.screen import SCREEN, alike_pairs, kazakh_words, measure, renderers
from knowledge.domain import Answer, Choice, Citation, Filters, Result


def test_kazakh_is_found_by_its_letters_and_words():
    assert kazakh_words("массаж — Мейіргер: город 842,40 ₸") == ["Мейіргер"]
    assert kazakh_words("помощь мен уход") == ["мен"]
    assert kazakh_words("massage — massage nurse: city 842.40 ₸") == []


def test_quoted_names_and_citation_lines_are_not_counted():
    assert kazakh_words("значительное («елеулі») — критерий 3") == []
    assert kazakh_words('position "Мейіргер" and “Медбике”') == []
    title = "приказ № 343 от 2021-09-22 (Министр, Қазақстан)"
    assert kazakh_words(f"норматив: 1\nИсточник: {title}", [title]) == []
    assert kazakh_words("📄 қаулы № 6") == []
    assert kazakh_words("норматив: 1\nИсточник: қаулы № 6") == ["қаулы"]  # a line citing no act of the answer


def test_alike_pairs_compare_the_first_forty_characters():
    same = "стационар — организация праздников и досуговых мероприятий"
    assert alike_pairs([same + " город", same + " село", "полустационар — массаж"]) == [
        (same + " город", same + " село")]
    assert alike_pairs(["a" * 39 + "x", "a" * 39 + "y"]) == []


def test_measure_counts_per_front_end():
    def ask(question: str, lang: str | None) -> Answer:
        if question == "clarify":
            return Answer(question, "ru", "tariff", Filters(), "clarify", choices=[Choice("один", "один")])
        citation = Citation("000", "постановление № 286", 1, "1", "in_force")
        return Answer(question, "ru", "tariff", Filters(), "answer", text="Мейіргер: 1 ₸",
                      results=[Result("tariff", citation, 1.0, {})])

    report = measure([{"id": "a", "q": "answer"}, {"id": "b", "q": "clarify"}], ask,
                     {"plain": lambda answer: answer.text, "long": lambda answer: "x" * (SCREEN + 1)})
    assert report.answers == 2 and report.clarifies == 1 and report.single == [("b", "clarify")]
    plain, long = report.fronts
    assert (plain.local, plain.local_clean, plain.screen, plain.short) == (2, 1, 2, 2)
    assert long.screen == 0 and long.longest == SCREEN + 1
    assert "single-choice clarifies: 1" in report.text()


@pytest.fixture(scope="module")
def figures(engine, test_data):
    """The console's figures over dev + tuned."""
    questions = [item for name in ("questions-dev.jsonl", "questions-tuned.jsonl")
                 for item in load_questions(test_data / name)[0]]
    return measure(questions, engine.ask, {"console": renderers()["console"]})


def test_phone_figures_over_the_dev_and_tuned_sets(figures):
    """The targets of the phone-first answers over dev + tuned. The tuned set is the project's own, tuned on: these
    figures say the rules hold there, not how a fresh set fares."""
    (console,) = figures.fronts
    assert console.local_clean / console.local >= 0.95, figures.text(details=True)
    assert not figures.alike and not figures.single, figures.text(details=True)
    assert console.screen / console.answers >= 0.95
    assert console.repeated == 0


def test_phone_figures_over_questions_generated_from_the_base(engine, kb_path):
    """The same targets over the metamorphic suite's questions (made from the base's rows, perturbed; a sample)."""
    from knowledge.desk.screen import metamorphic_questions
    from knowledge.kb import open_kb

    questions = metamorphic_questions(open_kb(kb_path), limit=40)
    report = measure(questions, engine.ask, {"console": renderers()["console"]})
    (console,) = report.fronts
    assert report.answers > 200 and console.local > 100
    assert console.local_clean / console.local >= 0.95, report.text(details=True)
    assert not report.alike and not report.single, report.text(details=True)
    assert console.screen / console.answers >= 0.95 and console.repeated == 0
