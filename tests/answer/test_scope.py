"""What the base does not hold: another region's tariffs, pension and benefit amounts, taxis, weather, tickets, and
fines. The reply says so and what the base does hold, offers follow-ups made from the question's own words, and never
shows a tariff figure."""

from __future__ import annotations

import pytest

from knowledge.answer.compose import label
from knowledge.answer.engine import Engine
from knowledge.answer.understand import understand
from knowledge.domain import Answer

OUT_OF_SCOPE = [
    # another region's tariffs
    ("сколько стоит массаж в Алматы", "ru"),
    ("тариф на уход на дому в Астане", "ru"),
    ("Шымкент стационар массаж медсестра город", "ru"),
    ("Ақтөбе облысында үйде күтім қанша тұрады", "kk"),
    ("Атырауда жартылай стационар массаж бағасы", "kk"),
    ("how much is home care in Almaty", "en"),
    ("Karaganda stationary massage rate", "en"),
    # pension and benefit amounts
    ("какой размер пенсии по инвалидности", "ru"),
    ("сколько составляет пособие по уходу за ребенком", "ru"),
    ("мүгедектік бойынша жәрдемақы қанша", "kk"),
    ("зейнетақы мөлшері қандай", "kk"),
    ("how much is the disability pension", "en"),
    # a district of the oblast the base holds no acts of, named beside a service it does hold elsewhere
    ("Home care tariff in Zhanibek district for helping with cooking?", "en"),
    ("Теректинский район надомное обслуживание массаж сколько стоит", "ru"),
    ("Қазталов ауданында үйде тамақ дайындауға көмек қанша тұрады", "kk"),
    # papers to hand in for a procedure the base does not describe
    ("Мүгедектік тобын алу үшін қандай құжаттар тапсыру керек?", "kk"),
    ("какие документы подать на оформление инвалидности", "ru"),
    # leave and what other codes say
    ("сколько дней отпуска положено соцработнику", "ru"),
    ("Әлеуметтік кодекстің 135-бабында не жазылған?", "kk"),
    ("how many days of annual leave does a carer get", "en"),
    # the price of an aid itself, as the state buys it, and a disabled person's taxi
    ("what does a wheelchair cost to buy for a client", "en"),
    ("какая закупочная цена слухового аппарата", "ru"),
    ("мемлекеттік сатып алу бойынша протездің бағасы қанша", "kk"),
    ("сколько стоит поездка на инватакси", "ru"),
    ("сколько стоит кресло-коляска в магазине", "ru"),
    # what the bills cost, not the help paying them
    ("сколько стоит газ в Уральске за месяц", "ru"),
    ("how much is the gas for a flat in Oral", "en"),
    # the utilities' own tariffs
    ("what is the electricity tariff in Oral this year", "en"),
    ("тариф на электроэнергию в ЗКО", "ru"),
    ("Оралда газ тарифі қанша", "kk"),
    # private services, and the amount of targeted social assistance
    ("Сколько стоит частная сиделка в Уральске в месяц?", "ru"),
    ("how much does a private nurse charge in Oral", "en"),
    ("жекеменшік қарттар үйі айына қанша тұрады", "kk"),
    ("какой размер АСП на одного члена семьи", "ru"),
    # taxi, weather, tickets
    ("сколько стоит такси до больницы", "ru"),
    ("таксиге қанша төлеймін", "kk"),
    ("weather in Uralsk tomorrow", "en"),
    ("ертең ауа райы қандай болады", "kk"),
    ("стоимость билета на поезд до Атырау", "ru"),
    # working hours, and what a person is paid
    ("Күтім жөніндегі әлеуметтік қызметкердің жұмыс күні қанша сағат?", "kk"),
    ("Сколько получает опекун на ребёнка в месяц?", "ru"),
    ("how much does a foster parent get paid a month?", "en"),
    # an office's telephone or address
    ("Бәйтерек ауданы әлеуметтік қорғау бөлімінің телефон нөмірі қандай?", "kk"),
    ("номер телефона отдела занятости в Бурлинском районе", "ru"),
    ("what is the phone number of the Borli social protection office?", "en"),
    # a law (the base holds decrees and orders)
    ("Арнаулы әлеуметтік қызметтер туралы заң қашан қабылданды?", "kk"),
    ("в каком году принят закон о специальных социальных услугах?", "ru"),
    ("when was the law on special social services passed?", "en"),
    # papers for a procedure, and a waiting list
    ("как получить пособие через ЦОН, какие документы?", "ru"),
    ("Орал қаласында қарттар үйіне кезекке қалай тұруға болады?", "kk"),
    ("how long is the waiting list for a care home in Oral?", "en"),
    # a free place in a home, a job vacancy
    ("Бөрлі ауданындағы қарттар үйінде бос орын бар ма?", "kk"),
    ("есть ли свободные места в доме престарелых в Уральске?", "ru"),
    ("есть вакансия соцработника в Бурлинском районе?", "ru"),
    # a quota, a worker's caseload, the length of a waiting list
    ("мүгедектерді жұмысқа қабылдау квотасы қанша пайыз?", "kk"),
    ("какая норма нагрузки у соцработника на дому, сколько подопечных?", "ru"),
    ("Бөрлі ауданында қарттар үйіне кезек қанша?", "kk"),
    # days off for a holiday
    ("Наурыз мерекесінде қанша күн демалыс болады?", "kk"),
    # a bus timetable, an office on Saturday
    ("Оралдан Ақсайға автобус қашан жүреді?", "kk"),
    ("аудандық бөлім сенбі күні жұмыс істей ме?", "kk"),
    ("отдел соцзащиты работает в субботу?", "ru"),
    # getting a job oneself
    ("Бөрлі ауданында әлеуметтік қызметкер болып жұмысқа қалай тұруға болады?", "kk"),
    # a carer to recommend
    ("Орал қаласында жақсы сиделка бар ма?", "kk"),
    ("can you recommend a good carer for my grandmother in Oral?", "en"),
    # an office's hours, a district named or not
    ("Бәйтерек аудандық әкімдігі нешеде ашылады?", "kk"),
    ("аудандық бөлімде түскі үзіліс қашан", "kk"),
]


@pytest.fixture(scope="module")
def engine(kb_path) -> Engine:
    return Engine.open(kb_path)


def places(engine: Engine, lang: str) -> str:
    return ", ".join(place.name(lang) for place in engine.places())


@pytest.mark.parametrize(("question", "lang"), OUT_OF_SCOPE)
def test_out_of_scope_says_what_the_base_holds_and_shows_no_figure(engine: Engine, question: str, lang: str) -> None:
    answer = engine.ask(question)
    assert answer.status == "not_found" and answer.lang == lang
    assert not answer.results and answer.verdict is None
    assert answer.text == label("out_of_scope", lang).format(places=places(engine, lang))
    assert "₸" not in answer.text and answer.choices


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_out_of_scope_in_the_reply_language(engine: Engine, lang: str) -> None:
    answer = engine.ask("сколько стоит массаж в Алматы", lang)
    assert answer.text == label("out_of_scope", lang).format(places=places(engine, lang))
    for place in engine.places():
        assert place.name(lang) in answer.text  # the regions it does hold, from the base


def queries(answer: Answer) -> str:
    return " ".join(choice.query for choice in answer.choices).casefold()


def test_follow_ups_come_from_the_question_s_own_words(engine: Engine) -> None:
    massage = engine.ask("сколько стоит массаж в Алматы")
    assert "массаж" in queries(massage)  # the base's own massage services, to ask about instead
    hospital = engine.ask("сколько стоит такси до больницы")
    assert "больниц" in queries(hospital) or "аурухана" in queries(hospital)
    assert queries(massage) != queries(hospital)  # never one fixed list
    for choice in massage.choices:  # each follow-up is a question the engine answers or narrows down
        assert engine.ask(choice.query).status in ("answer", "clarify")


@pytest.mark.parametrize("question", ["Börli home care: help buying food for a client, rate",
                                      "азық-түлік сатып алуға көмек Бөрлі үйде ауыл"])
def test_buying_as_a_service_is_still_its_tariff(engine: Engine, question: str) -> None:
    """Buying for a client is a service; only the price of an aid itself is out of scope."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == 40


def test_help_paying_the_bills_is_still_its_tariff(engine: Engine) -> None:
    answer = engine.ask("Бөрлі үйде коммуналдық төлемдерді төлеуге көмек қанша")
    assert answer.status == "answer" and answer.results[0].type == "tariff"


def test_benefits_as_the_subject_of_a_service_are_still_answered(engine: Engine) -> None:
    answer = engine.ask("стационар содействие в получении пособий компенсаций алиментов город")
    assert answer.status == "answer" and answer.results[0].type == "tariff"


@pytest.mark.parametrize("question", ["как уволить соцработника за прогулы?", "how to dismiss a carer for absenteeism"])
def test_firing_staff_is_not_in_the_base(engine: Engine, question: str) -> None:
    assert understand(question, engine.glossary).scope == "employment"


def test_a_worker_who_quit_is_the_story_of_a_service_not_given(engine: Engine) -> None:
    answer = engine.ask("Психолог в доме-интернате уволился, консультаций и диагностики полгода нет — какое нарушение?")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 15


def test_what_a_position_gets_for_a_service_of_a_setting_is_its_tariff(engine: Engine) -> None:
    answer = engine.ask("Стационар, город, массаж — сколько получает медсестра по массажу за это?")
    assert answer.status == "answer" and answer.results[0].type == "tariff"


@pytest.mark.parametrize(("question", "word"), [("they did not give massage", "massage"),
                                              ("массаж не сделали", "массаж")])
def test_a_question_not_answered_gets_follow_ups_from_its_words(engine: Engine, question: str, word: str) -> None:
    answer = engine.ask(question)  # an incident: never answered with a tariff figure
    assert answer.status == "not_found" and not answer.results
    assert answer.choices and word in queries(answer)


@pytest.mark.parametrize("question", ["massage was not done", "массаж жасалмады", "не сделали массаж в селе",
                                      # a payment is what was not helped with, and a degree is asked
                                      "Надомное обслуживание: соцработница не помогала с оплатой коммунальных услуг, "
                                      "счета копились два месяца. Какая степень?",
                                      # how bad it is asked, with a town named (no area of a rate)
                                      "A woman at the temporary stay centre wanted to return to her home town, but staff "
                                      "never helped her buy tickets or food for the trip. How serious is that?",
                                      # the service's own word is a word of paying, and a degree is asked
                                      "соцработник на дому не помог деду оплатить свет и газ, это грубое?",
                                      "the carer did not help my grandmother pay her utility bills, is that gross?"])
def test_an_incident_is_never_answered_with_a_tariff(engine: Engine, question: str) -> None:
    assert all(result.type != "tariff" for result in engine.ask(question).results)


# ---------------------------------------------------------------- fines and penalties


@pytest.mark.parametrize(("question", "lang"), [
    ("айыппұл қандай", "kk"),
    ("какое наказание предусмотрено", "ru"),
    ("what sanctions apply", "en"),
    # the field named is no violation named: "special social services" is what every criterion is about
    ("какие штрафы за нарушения в сфере специальных социальных услуг?", "ru"),
    ("арнаулы әлеуметтік қызметтер саласындағы бұзушылық үшін айыппұл қанша?", "kk"),
    # an inspection, a currency named: still no violation reported, so no requirement is the answer
    ("какой штраф в тенге за нарушение при проверке соцучреждения", "ru"),
])
def test_sanctions_are_not_in_the_base(engine: Engine, question: str, lang: str) -> None:
    answer = engine.ask(question)
    assert answer.status == "not_found" and answer.intent == "sanction" and not answer.results
    assert answer.text == label("no_sanctions", lang) and answer.choices


@pytest.mark.parametrize(("question", "lang", "criterion", "degree"), [
    ("какой штраф за отсутствие индивидуального плана работы", "ru", 3, "significant"),
    ("what is the fine if there is no individual work plan", "en", 3, "significant"),
    ("what fine do we pay for a missing ramp at the entrance", "en", 53, "gross"),
])
def test_a_fine_for_a_named_violation_still_gets_its_degree(engine: Engine, question: str, lang: str,
                                                            criterion: int, degree: str) -> None:
    # the fine asked is not found (no answer to it), and the degree the base holds is shown below the note
    answer = engine.ask(question)
    assert answer.status == "not_found" and answer.intent == "sanction"
    assert answer.text.startswith("ℹ " + label("no_sanctions", lang))
    assert label("no_sanctions", lang) in answer.warnings
    best = answer.results[0]
    assert best.type == "criterion" and best.fields["item"] == criterion and best.fields["degree"] == degree


@pytest.mark.parametrize(("question", "lang"), [("какой штраф за грубое нарушение в МРП", "ru"),
                                              ("какой штраф по КоАП за грубое нарушение в сфере соцуслуг", "ru"),
                                              ("what is the fine for a gross violation", "en"),
                                              ("өрескел бұзушылық үшін айыппұл қанша", "kk")])
def test_a_fine_for_a_degree_alone_is_not_in_the_base_and_offers_the_definition(engine: Engine, question: str,
                                                                                lang: str) -> None:
    answer = engine.ask(question)
    assert answer.status == "not_found" and answer.text == label("no_sanctions", lang) and not answer.results
    definition = engine.ask(answer.choices[0].query, lang)  # the first choice: the degree's definition
    assert definition.status == "answer" and definition.results[0].type == "passage"
    assert {r.fields.get("degree") for r in definition.results if r.type == "criterion"} == {"gross"}


@pytest.mark.parametrize(("question", "item"), [
    ("временном пребывании Бурлинский билет домой город", 3),  # tickets home: a service of temporary stay
    ("how much is ticket homes social work specialist temporary stay Börli district?", 3),
])
def test_tickets_home_as_the_subject_of_a_service_are_still_answered(engine: Engine, question: str, item: int) -> None:
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].type == "tariff"
    assert (answer.results[0].fields["jurisdiction"], answer.results[0].fields["item"]) == ("borli", item)


def test_taxi_stops_of_an_accessible_site_reported_missing_are_a_requirement(engine: Engine) -> None:
    answer = engine.ask("мүгедектігі бар адамдар үшін такси және автобус аялдамаларына қолжетімділік қамтамасыз етілмеді")
    assert answer.status != "not_found" and answer.intent == "violation"


@pytest.mark.parametrize("question", ["Как оформить инвалидность через МСЭ, какие документы собрать?",
                                      "мүгедектікті рәсімдеу үшін қандай құжаттар жинау керек"])
def test_papers_to_gather_are_not_the_list_of_acts(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.status == "not_found" and not answer.results


def test_a_sanatorium_voucher_is_no_service_of_the_base(engine: Engine) -> None:
    answer = engine.ask("Сколько стоит путёвка в санаторий «Акжайык» на 10 дней?")
    assert answer.status == "not_found" and not answer.results  # no calculation from an assistance service's rate


@pytest.mark.parametrize(("question", "lang"), [
    ("how do I apply for a Kazakh passport", "en"),
    ("Can you write a cover letter for me for a social worker job?", "en"),
    ("Мүгедектік тобын қалай рәсімдейді?", "kk"),
    ("как получить справку о составе семьи", "ru"),
    ("напишите заявление о переводе для соцработника", "ru"),
    ("Как через egov оформить инвалидность ребенку?", "ru"),
    ("через ЦОН как подать на инвалидность?", "ru")])
def test_a_procedure_or_a_task_is_said_to_be_beyond_the_base_with_its_nearest_things(engine: Engine, question, lang):
    """The base holds no procedures and drafts nothing: a question asking one, with nothing else about the base
    in it (no price, setting, place or incident), is never answered with a tariff row that shares a word."""
    answer = engine.ask(question)
    assert answer.status != "answer" and not answer.results
    assert answer.lang == lang and answer.text.startswith(label("how_to", lang)[:40])


@pytest.mark.parametrize("question", ["Полустационар в городе: помощь написать и прочитать письма — сколько за день?",
                                      "how to get help writing letters at home in Börli, rural rate"])
def test_a_how_to_word_beside_a_price_or_a_place_is_a_tariff_question(engine: Engine, question):
    answer = engine.ask(question)
    assert answer.intent == "tariff" and answer.status in ("answer", "clarify")


@pytest.mark.parametrize("question", ["Бөрлі ауданы үйде тамақ дайындауға көмек қанша тұрады",
                                      "Бөрлу ауданы үйде тамақ дайындауға көмек қанша тұрады",  # misspelt
                                      "массаж в стационаре в нашем районе, село, сколько?",
                                      "Borli audany uide tamaq daiyndauga komek qansha?",
                                      "Азаматтық кодексте белгіленген тәртіппен жерлеу, стационар, қанша?"])
def test_a_place_of_the_base_or_a_district_word_alone_is_no_place_beyond_it(engine: Engine, question):
    assert engine.ask(question).status in ("answer", "clarify")


@pytest.mark.parametrize("question", ["какая у меня будет пенсия?", "how big is the state pension?"])
def test_a_pension_is_out_of_scope(engine, question):
    assert engine.ask(question).status == "not_found"


def test_a_pensioner_helped_is_no_pension_asked(engine):
    answer = engine.ask("Бурлинский район, надомное: помощь пенсионеру растопить печь и принести уголь, тариф?")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 16


@pytest.mark.parametrize("question", ["Как получить жилищную помощь на оплату коммуналки в Уральске?",
                                      "how do I get housing assistance for my utility bills"])
def test_housing_assistance_is_a_benefit_the_base_does_not_hold(engine: Engine, question):
    answer = engine.ask(question)
    assert answer.status == "not_found" and not answer.results


def test_daily_beside_the_rate_is_its_unit_not_a_service_word(engine: Engine):
    # Börli's day care prices no massage: the nurse's "daily health check" is no answer to it
    answer = engine.ask("Börli semi-stationary: massage by a nurse — what is the daily rate?")
    assert answer.status != "answer"
    assert engine.ask("Börli semi-stationary daily health check by a nurse, rate?").status == "answer"


@pytest.mark.parametrize("question", ["contact with relatives, temporary stay, Börli", "қалалық телефон байланысы стационар"])
def test_a_service_of_contact_or_telephone_is_no_office_s_contacts(engine: Engine, question: str) -> None:
    assert understand(question, engine.glossary).scope is None


def test_a_pronoun_names_no_service(engine: Engine):
    # "оның" (its) is printed in names as "оның ішінде" (including): read as content, it found psychological help
    answer = engine.ask("Стационарда шаштараз қызметін ваннашы санитар көрсетсе, оның ауыл тарифі қанша?")
    if answer.status == "answer":
        assert answer.results[0].fields["item"] == 3
    else:
        assert answer.status == "clarify" and answer.choices[0].label.startswith("Шаштараз")


@pytest.mark.parametrize("question", [
    # a person to recommend: a rate's position ("юрист", "doctor") asked to be recommended is no rate
    "Посоветуйте хорошего юриста для нашего подопечного в Уральске",
    "Could you recommend a good doctor for my elderly client in Oral?",
    "Қарт кісіге жақсы заңгер ұсынып жіберіңізші",
    # an office's hours
    "Орал қаласындағы ХҚКО қай сағатқа дейін жұмыс істейді?",
    "До скольки работает отдел занятости в Уральске?",
    "What are the opening hours of the social protection office in Oral?",
    # how long to wait, a waiting list
    "Как оформить инвалидность взрослому, сколько ждать МСЭ?",
    "Ақсайда әлеуметтік үй кезегіне қалай тұрамын?",
    "Мүгедектікті рәсімдеуге қанша күту керек?",
    "How long to wait for the disability assessment?",
])
def test_people_hours_and_waiting_are_not_in_the_base(engine: Engine, question):
    answer = engine.ask(question)
    assert answer.status == "not_found" and not answer.results


@pytest.mark.parametrize("question", ["тарифы другой области на массаж в стационаре",
                                      "басқа облыстың стационар тарифтері қанша",
                                      "what are the home care rates of another region"])
def test_another_region_s_tables_are_not_held(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.status == "not_found" and not answer.results


@pytest.mark.parametrize(("question", "item"), [
    ("уақытша болу бөлімшесіне басқа облыстан келген адамды туған ауылына билет алып беріп жібердік, тарифі қанша", 3),
    ("мужчина из другой области во временном пребывании, купили ему билет домой в родное село, сколько стоит", 3),
])
def test_where_someone_comes_from_or_goes_back_to_is_no_filter(engine: Engine, question: str, item: int) -> None:
    # "from another region", "to his home village": the story, not the table asked (no oblast, no rural area)
    answer = engine.ask(question)
    assert answer.filters.jurisdiction is None and answer.filters.area is None
    assert answer.status == "answer" and answer.results[0].fields["item"] == item


@pytest.mark.parametrize(("question", "scope"), [
    ("мужчина просил помочь уехать в другой район, билет так и не купили", None),  # where he goes back to
    ("перевезти бабушку в другой район, сколько стоит", None),
    ("тарифы на дому другого района", "other_place"),  # whose tables: not held
    ("massage rate in another district", "other_place"),
])
def test_another_district_is_beyond_the_base_unless_it_is_a_way_there(question: str, scope) -> None:
    assert understand(question).scope == scope


def test_a_latin_pension_question_reading_as_russian_is_still_out_of_scope(engine: Engine) -> None:
    # every word reads as Russian in Cyrillic ("минимум", "пенсион", "казахстан"): still a pension, shown no tariff
    answer = engine.ask("pension minimum kazakhstan")
    assert answer.status == "not_found" and not answer.results
