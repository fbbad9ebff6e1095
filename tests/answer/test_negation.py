"""The one reading of a question's negations (knowledge.answer.negation, through `understand`): something reported
not done, something reported missing, a case described, or nothing."""

from __future__ import annotations

import pytest

from knowledge.answer.negation import ABSENT, NOT_DONE
from knowledge.answer.understand import understand
from knowledge.text import loose


def how(question: str) -> tuple[int, bool]:
    u = understand(question)
    return u.incident, "described" in u.cues


@pytest.mark.parametrize("question", [
    "психолог не провёл диагностику",
    "не обеспечены средствами гигиены",
    "диагностика жүргізілмеді",
    "жеке жоспар жасалмаған",  # a participle ending its clause reports
    "жоспар жасалмаған стационарда",
    "тамақ берілмеген, қандай бұзушылық",
    "кто не получил пособие",  # "кто" opening the question asks, it opens no relative clause
    "leisure activities not ensured",  # English "not" before a participle
    "the plan isn't drawn up",
    "the plan was not drawn up",
    "neobespechenie dostupnosti transporta",  # a fused negation in transliterated Russian
    "на дому не вели патронаж",  # a verb the dictionary reads first as a name ("Вели")
])
def test_something_not_done(question):
    assert how(question) == (NOT_DONE, False)


@pytest.mark.parametrize("question", [
    "нет пандуса на входе",
    "пандус жоқ",
    "пандус жоқ стационарда",  # a setting after "жоқ" says where, it is no noun qualified
    "жеке жұмыс жоспары болмады",  # "to be" negated
    "the ramp is missing",
    "ramp not at the entrance",  # a bare English "not": something not so
    "получатели не могут передвигаться",  # "cannot" says what is not possible, not what was not done
    # "тексеру кезінде" after it is when it was found, no condition of its own, nor a noun "жоқ" qualifies
    "пандус жоқ тексеру кезінде анықталды",
    "арбамен кіре алмайды тексеру кезінде анықталды",
    "кіреберісте пандус жоқ деп жазды",  # the quotative: what was written, reported
])
def test_something_missing(question):
    assert how(question) == (ABSENT, False)


@pytest.mark.parametrize("question", [
    "если нет медсестры",
    "при отсутствии родственников",
    "в случае отсутствия родственников",
    "сопровождение, если общественный транспорт не разрешен",
    "получатели, которые не могут ходить",
    "у кого нет родственников",
    "туыстары жоқ болса",
    "туыстары жоқ болған кезде",  # "to be" between the negation and the word making it a condition
    "туыстары болмаған жағдайда",
    "егер туыстары жоқ болса",
    "жерлеу рәсімдері туыстары болмаса",  # the Kazakh conditional -са/-се
    "ымдау тілі маманы берілмесе",
    "кәмелетке толмаған балаларға көмек",  # a negated participle before its noun: a relative clause
    "туыстары жоқ қарттарға жерлеу рәсімдері",  # "жоқ" before its noun too
    "өз бетінше жүре алмайтын қарттарға",
    "if the recipient does not have relatives",
    "residents who can not walk",
    "сколько стоит массаж, если его не провели",
    "nurse accompanying a client to the clinic because he is not allowed on public transport",  # a reason, too
    "сопровождение в поликлинику, потому что ему не разрешен общественный транспорт",
    "емханаға ілесіп жүру, себебі ол қоғамдық көлікке отыра алмайды",
])
def test_a_negation_in_a_condition_or_a_relative_clause_describes_a_case(question):
    assert how(question) == (0, True)


def test_a_condition_ends_with_its_clause():
    # the second clause reports, whatever the first describes
    assert how("если нет родственников, не провели ритуальные услуги") == (NOT_DONE, False)
    assert how("если на дому, не провели профориентацию") == (NOT_DONE, False)


@pytest.mark.parametrize("question", [
    "не было врача",
    "в доме престарелых не было врача",
    "врача не было в стационаре",
    "стационарда дәрігер жоқ",
    "дәрігер болмады",
    "nurse missing in home care",
])
def test_a_job_title_missing_is_no_incident(question):
    u = understand(question)
    assert (u.incident, u.cues & {"incident", "not_done", "described"}) == (0, set())
    assert u.intent != "violation"


@pytest.mark.parametrize("question", [
    "не более 10 получателей",
    "not more than 10 recipients",
    "Бөрлі ауданында стационар жоқ па",  # asked, not reported
    "нет ли тарифа на массаж в селе",
    "приказ 2021 года действует или нет?",  # the other half of a yes-or-no question
    "is the 2022 order still valid or not?",
    "тамақ немесе киім",  # "немесе" (or) only ends like a negated verb
    "стационар массаж медсестры город",
])
def test_no_negation_of_a_fact(question):
    assert how(question) == (0, False)


def test_a_checklist_named_keeps_its_intent_with_an_incident_in_it():
    u = understand("проверочный лист: на дому не провели профориентацию")
    assert u.incident == NOT_DONE and u.intent == "checklist"
    assert understand("проверочный лист: не провели профориентацию, какое нарушение").intent == "violation"


@pytest.mark.parametrize(("question", "negated", "done"), [
    ("мероприятия провели, но бабушку не пригласили", "пригласили", "провели"),
    ("мереке ұйымдастырылған, бірақ әжені тартпаған", "тартпаган", "уиымдастырылган"),
    ("the centre organised a concert but did not invite the residents", "invite", "organised"),
])
def test_the_verbs_negated_are_told_from_those_said_as_done(question, negated, done):
    words = {w.text: w.negated for w in understand(question).words}
    negated, done = loose(negated), loose(done)
    assert words[negated] is True and words[done] is False


@pytest.mark.parametrize(("question", "noun"), [("несолбюдение качества услуг при временном пребывании", "солбюдение"),
                                                ("неесодействие на дому по ИПР", "есодеиствие")])
def test_a_misspelt_noun_of_action_negated_in_one_word_still_reports_something_not_done(question, noun):
    """No dictionary knows "несолбюдение": its ending is a noun of action's, so "не" is split off and reports."""
    u = understand(question)
    assert u.incident == NOT_DONE and noun in [w.text for w in u.words]


@pytest.mark.parametrize("question", ["необходимость справки для оформления", "неделя без массажа"])
def test_a_word_beginning_with_ne_is_not_split_unless_it_reads_as_a_negated_action(question):
    assert understand(question).incident != NOT_DONE


def test_a_pronoun_after_not_is_no_verb():
    """"не моя работа" (not my job): "моя" also reads as a form of "мыть" (to wash), but after "не" it is the
    pronoun; nothing is reported not done by it."""
    assert how("не моя работа") == (0, False)
