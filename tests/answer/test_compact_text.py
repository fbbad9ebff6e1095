"""One screen first: several tariff rows as one compact list, a checklist's first page, text cut between words."""

from __future__ import annotations

from knowledge.answer.compose import excerpt, label, truncate
from knowledge.answer.engine import Engine
from knowledge.answer.intents.checklist import CHECKLIST_PAGE
from knowledge.answer.intents.tariff_compare import COMPARED_LINES


def rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("• ")]


def test_a_comparison_names_the_service_once_and_gives_a_line_per_table(engine: Engine):
    answer = engine.ask("сколько стоит кружки Бурлинский район?", "ru")
    assert answer.status == "answer" and len(answer.results) == 4
    lines = rows(answer.text)
    assert len(lines) == 4 and len(answer.text) <= 600
    head = answer.text.splitlines()[1]
    assert "кружковой" in head and "Бурлинский" in head and not any("кружковой" in line for line in lines)
    assert {line.split(" — ")[0] for line in lines} == {"• на дому", "• полустационар", "• временно"}
    assert sum(line.startswith("Источник:") for line in answer.text.splitlines()) == 1  # one act, one line


def test_a_long_comparison_shows_every_table_and_counts_the_rest(engine: Engine):
    answer = engine.ask("сколько стоит организация обучения детей и лиц старше 18 лет по специальным учебным "
                        "программам Западно-Казахстанская область?", "ru")
    lines = rows(answer.text)
    assert len(answer.results) > COMPARED_LINES + 1 and len(lines) == COMPARED_LINES
    assert any(line.startswith("• стационар") for line in lines)
    assert any(line.startswith("• полустационар") for line in lines)
    more = label("more_rows", "ru").format(n=len(answer.results) - COMPARED_LINES)
    assert more in answer.text and len(answer.text) <= 1200


def test_a_checklist_lists_its_first_page_and_keeps_every_requirement(engine: Engine):
    answer = engine.ask("what does the home care checklist check", "en")
    listed = [line for line in answer.text.splitlines() if line[:1].isdigit() and ". " in line[:4]]
    assert len(answer.results) > CHECKLIST_PAGE + 1 and len(listed) == CHECKLIST_PAGE
    assert all(r.fields.get("name") for r in answer.results)
    assert answer.text.startswith("Checklist: guaranteed volume of special social services in home care")


def test_text_is_cut_between_words():
    text = "организация обучения детей и лиц старше восемнадцати лет"
    cut = truncate(text, 30)
    assert cut.endswith("…") and len(cut) <= 30 and text.startswith(cut[:-1]) and text[len(cut) - 1] == " "
    assert excerpt("\"елеулі бұзушылық - талаптарды бұзу\"", 20, "ru") == "«елеулі бұзушылық…»"
    assert excerpt("елеулі бұзушылық", 60, "kk") == "елеулі бұзушылық"


def test_two_printed_titles_with_one_name_are_told_apart_by_the_printed_title():
    from knowledge.answer.index import Hit, Target
    from knowledge.answer.intents.tariff_compare import Line, _names

    hit = Hit(Target("service", ("000", 1, 5), ["Қызмет"]), 1.0)
    lines = [Line(hit, {"position": title}, "service", "Oblast", "stationary", "2026", "month")
             for title in ("Мейіргер", "Медбике", "Психолог")]
    named = _names(lines, {"service", "place", "year", "unit"}, "en")
    assert named == ["stationary — nurse (“Мейіргер”)", "stationary — nurse (“Медбике”)", "stationary — psychologist"]
    assert _names(lines, {"service", "place", "year", "unit"}, "kk")[0] == "stationary — Мейіргер"


def test_a_criterion_whose_own_words_read_like_a_meaning_question_gets_no_definition(engine: Engine):
    """"определения потребности" names the requirement; "что означает" asks for the degree's definition."""
    plain = engine.ask("несоблюдение сроков оценки и определения потребности в специальных социальных услугах")
    assert plain.status == "answer" and label("definition", "ru") not in plain.text
    asked = engine.ask("нет индивидуального плана что означает значительное нарушение")
    assert label("definition", "ru") in asked.text
