"""Questions about the acts themselves: which act, the list of acts, which are repealed, entry into force."""

from __future__ import annotations

import pytest

from knowledge.answer.compose import label
from knowledge.answer.engine import Engine


@pytest.mark.parametrize(("question", "lang"), [
    ("what documents do you have", "en"), ("какие документы есть в базе", "ru"), ("қандай құжаттар бар", "kk")])
def test_the_list_of_acts_is_answered_with_every_act_and_its_status(engine: Engine, question, lang):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.lang == lang
    assert {r.fields["id"] for r in answer.results} == set(engine.catalogue.documents)
    assert all(r.type == "document" for r in answer.results)
    assert len(answer.text.splitlines()) == len(engine.catalogue.documents) + 1


@pytest.mark.parametrize("question", ["какой приказ утратил силу", "which acts are repealed",
                                      "күші жойылған бұйрық қайсы"])
def test_a_repealed_act_is_found_by_its_status(engine: Engine, question):
    answer = engine.ask(question)
    assert answer.status == "answer"
    assert {r.fields["status"] for r in answer.results} <= {"repealed", "superseded"}


@pytest.mark.parametrize("question", ["штатные нормативы каким приказом утверждены",
                                      "which order sets the staffing norms"])
def test_the_act_holding_staffing_norms_is_named_and_marked_repealed(engine: Engine, question):
    answer = engine.ask(question)
    rules = next(d for d in engine.catalogue.documents.values() if d["kind"] == "rules")
    assert answer.status == "answer" and answer.results[0].fields["id"] == rules["id"]
    assert answer.warnings


def test_entry_into_force_quotes_the_acts_own_paragraph(engine: Engine):
    answer = engine.ask("с какого числа действует постановление Бурлинского района")
    assert answer.intent == "document" and [r.type for r in answer.results] == ["document", "passage"]
    assert answer.results[0].fields["jurisdiction"] == "borli"
    assert "қолданысқа енгізіледі" in answer.results[1].fields["text"]


def test_a_service_whose_name_holds_an_act_word_is_a_tariff(engine: Engine):
    answer = engine.ask("help obtaining medicines and medical supplies per doctors' orders, buying, home care Börli")
    assert answer.status == "answer" and answer.results[0].type == "tariff"
    assert engine.ask("which order approved the Börli home care tariffs").results[0].type == "document"


@pytest.mark.parametrize("question", ["штатные нормативы приказ 343 ещё действует?",
                                      "штат нормативтері туралы 343 бұйрық әлі күшінде ме",
                                      "is the staffing norms order 343 still valid"])
def test_an_act_named_by_its_number_is_the_subject_over_its_topic(engine: Engine, question):
    answer = engine.ask(question)
    assert answer.results[0].type == "document" and "343" in answer.results[0].fields["number"]
    assert engine.ask("штатные нормативы на 300 получателей санитарки").intent == "staffing"  # a head count


@pytest.mark.parametrize("question", ["приказ о критериях оценки степени риска 2022 года действует или нет?",
                                      "are the 2022 risk assessment criteria still in force or not?"])
def test_whether_an_act_is_in_force_or_not_asks_for_the_act(engine: Engine, question):
    """"или нет" is the question's other half, no incident: the act about risk criteria answers, not a criterion."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].type == "document"
    assert "401" in answer.results[0].fields["number"]


@pytest.mark.parametrize(("question", "number", "lang"), [
    ("Приказ, зарегистрированный в Минюсте под № 29983 — о чём он?", "401", "ru"),
    ("24491 тіркелген бұйрық күшінде ме?", "343", "kk"),
    ("is the order registered under No. 29983 in force?", "401", "en")])
def test_an_order_cited_by_its_registration_number_is_found(engine: Engine, question, number, lang):
    """People cite a ministry's order by the number the Ministry of Justice registered it under (the manifest's
    `registration`): the act answers, and says that number in the reader's language."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].type == "document"
    assert number in answer.results[0].fields["number"]
    registered = "24491" if number == "343" else "29983"
    assert label("registration", lang).format(number=registered) in answer.text.splitlines()


@pytest.mark.parametrize("question", ["2021 жылғы штат нормативтері туралы министр бұйрығы жарамды ма",
                                      "приказ 2021 года о штатных нормативах актуален?"])
def test_an_act_named_by_its_year_and_asked_whether_valid_is_the_subject(engine: Engine, question):
    assert engine.ask(question).results[0].type == "document"


@pytest.mark.parametrize("question", ["дай документ с критериями оценки риска",
                                      "Which resolution sets the Börli home care tariffs?"])
def test_a_document_asked_in_other_words(engine: Engine, question):
    assert engine.ask(question).results[0].type == "document"


def test_a_question_that_is_not_about_acts_never_gets_an_act(engine: Engine):
    answer = engine.ask("price of a taxi to Uralsk")
    assert all(r.type != "document" for r in answer.results)


@pytest.mark.parametrize(("question", "lang"), [("Тарифы на спецсоцуслуги на 2027 год по области уже утвердили?", "ru"),
                                              ("2030 жылғы тариф қаулысы бекітілді ме?", "kk")])
def test_an_act_of_a_year_the_base_lacks_is_not_shown_for_it(engine, question, lang):
    answer = engine.ask(question)
    assert answer.status == "not_found" and answer.intent == "document"
    assert "2026" in answer.text and "2025" not in answer.text  # the tariff years held, not the acts' dates


def test_an_act_of_a_year_the_base_holds_is_still_found(engine):
    answer = engine.ask("приказ 2021 года о правилах деятельности действует?")
    assert answer.status == "answer" and answer.results[0].citation.document == "003"


@pytest.mark.parametrize(("question", "lang"), [("скиньте проверочный лист", "ru"), ("тексеру парағын жіберіңізші", "kk"),
                                                ("send me the checklist", "en")])
def test_a_checklist_asked_for_without_a_setting_or_requirement_is_the_act_holding_them(engine, question, lang):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.lang == lang
    assert answer.results[0].type == "document" and "401" in answer.results[0].fields["number"]
    annexes = {t.ident[0] for t in engine.catalogue.checklist}
    assert all(f"• {annex}:" in answer.text for annex in annexes)


@pytest.mark.parametrize(("question", "annex"), [("где найти проверочный лист для временного пребывания?", 5),
                                                 ("where can I find the home care checklist?", 4),
                                                 ("үйде қызмет көрсетудің тексеру парағын қайдан табамын?", 4),
                                                 ("дайте проверочный лист на дому", 4),
                                                 ("send me the home care checklist", 4)])
def test_a_checklist_asked_for_or_looked_for_is_the_act_holding_it_then_the_checklist(engine, question, annex):
    """"дайте", "send", "where do I find" ask for the checklist itself: the act that holds it comes first, then the
    setting's checklist whole ("дайте", "send" are no words of a requirement)."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.intent == "checklist"
    assert answer.results[0].type == "document" and "401" in answer.results[0].fields["number"]
    items = answer.results[1:]
    assert len(items) > 1 and {r.type for r in items} == {"checklist"} and {r.fields["annex"] for r in items} == {annex}


def test_a_sending_reported_not_done_asks_for_no_checklist(engine):
    answer = engine.ask("во временном пребывании человека не отправили домой — какое нарушение по проверочному листу?")
    assert answer.results and answer.results[0].type != "document"


@pytest.mark.parametrize("question", ["Дайте документ, где перечислены критерии оценки степени риска",
                                      "send the document listing the risk criteria and checklists",
                                      "пришлите документ, где проверочный лист по надомному обслуживанию",
                                      "send the document with the home care checklist"])
def test_the_document_asked_for_by_what_it_holds_is_the_act(engine, question):
    """A checklist's setting named ("по надомному обслуживанию") is the checklist's, not the district decree's with a
    home care tariff table: the act is the one holding the criteria and checklists."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].type == "document"
    assert "401" in answer.results[0].fields["number"]


@pytest.mark.parametrize(("question", "lang"), [("What home care tariffs did the oblast akimat resolution set?", "en"),
                                                ("облыстық қаулыдағы үйде қызмет көрсету тарифтері", "kk")])
def test_tariffs_of_a_table_the_jurisdiction_does_not_hold_are_no_document_answer(engine, question, lang):
    """The oblast's act holds no home care table: its act is not shown as if it did; the tables held are offered."""
    answer = engine.ask(question)
    assert answer.status == "not_found" and not answer.results
    not_held = f"{engine.catalogue.jurisdiction_name('oblast', lang)} {label('home', lang)}"
    assert answer.choices and not_held not in [c.query for c in answer.choices]


def test_the_act_setting_tariffs_a_jurisdiction_holds_is_still_a_document(engine):
    answer = engine.ask("Бөрлі ауданының үйде қызмет көрсету тарифтері бекітілген қаулы")
    assert answer.status == "answer" and answer.results[0].type == "document"
    assert answer.results[0].fields["jurisdiction"] == "borli"


@pytest.mark.parametrize("question", ["облыстық стационар тарифтер құжатын жіберші", "Бөрлі тарифтер құжаты қандай?"])
def test_the_tariffs_document_asked_for_is_the_act(engine, question):
    """"тарифтер құжаты" (the tariffs' document) asks for the decree, not a tariff."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].type == "document"


@pytest.mark.parametrize("question", ["Где установлены грубые, значительные и незначительные нарушения? Дайте реквизиты",
                                      "Өрескел бұзушылықтар қай құжатта бекітілген?",
                                      "Where are gross and minor violations set out?"])
def test_where_something_is_laid_down_asks_for_the_act(engine: Engine, question):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].type == "document"
    assert "401" in answer.results[0].fields["number"]


@pytest.mark.parametrize("question", ["В каком документе перечислены критерии риска с грубыми и незначительными нарушениями?",
                                      "В каком приказе утверждены проверочные листы по спецсоцуслугам?"])
def test_in_which_document_asks_for_the_act(engine: Engine, question):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].type == "document"
    assert "401" in answer.results[0].fields["number"]


def test_a_paper_reported_missing_is_no_question_about_the_acts(engine: Engine):
    """"документов ... нет" in a reported incident names the paper that is missing, not an act asked about: when no
    requirement is found for it, no act is the answer."""
    answer = engine.ask("Проверка: у подопечных на дому услуги фактически не оказываются, а документов о "
                        "приостановлении нет. Степень нарушения?")
    assert not answer.results or answer.results[0].type != "document"
    assert engine.ask("приказ 343 действует?").results[0].type == "document"


@pytest.mark.parametrize("question", ["стационардағы қызметкерлердің штат нормативі қандай бұйрықпен бекітілген",
                                      "штатные нормативы для интерната каким приказом утверждены, действует ли он",
                                      "which order set the staffing norms of residential care homes, is it in force"])
def test_the_staffing_norms_of_a_setting_are_the_act_holding_them_not_its_tariff_decree(engine: Engine, question):
    # the setting named is whose staff; the staffing norms' act (repealed) is meant, not the oblast's tariff decree
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].citation.status == "repealed"
    assert "343" in answer.results[0].fields["number"]


@pytest.mark.parametrize("question", ["where does it say that a missing ramp is a gross violation",
                                      "где сказано, что отсутствие пандуса — грубое нарушение, номер приказа?"])
def test_where_a_rule_is_written_asks_for_the_act(engine: Engine, question):
    """"Where does it say ..." / "номер приказа" ask for the act holding the rule (the risk criteria's order), not
    the rule's degree again."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].type == "document"
    assert "401" in answer.results[0].fields["number"]
