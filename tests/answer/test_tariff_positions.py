"""A named position in a tariff question: matched against the printed titles by its words (glossary terms or the
printed words themselves), its row alone leads the answer, an item without it says so, a question naming only a
position is about that position's services."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.answer.compose import label
from knowledge.answer.context import Context
from knowledge.answer.engine import Engine
from knowledge.answer.glossary import GLOSSARY_PATH, load_glossary
from knowledge.answer.index import Hit
from knowledge.answer.intents.tariff import Tariffs, _leading, _prefer_position
from knowledge.answer.names import position_name, position_names
from knowledge.answer.positions import Asked, Positions
from knowledge.answer.understand import understand
from knowledge.domain import Answer, Filters


@pytest.fixture(scope="module")
def ctx(engine: Engine) -> Context:
    return engine.context


@pytest.fixture(scope="module")
def bare_context(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Context:
    """The engine's context with a glossary that knows no therapist, no doctor and no instructor of exercise
    therapy: positions it lacks must still be found from the titles printed in the base."""
    text = GLOSSARY_PATH.read_text(encoding="utf-8")
    for key in ("therapist_doctor", "doctor", "pe_instructor"):
        text = re.sub(rf"\n\[positions\.{key}\]\n(?:(?!\n\[).)*", "\n", text, flags=re.S)
    path: Path = tmp_path_factory.mktemp("glossary") / "glossary.toml"
    path.write_text(text, encoding="utf-8")
    glossary = load_glossary(path)
    assert not any(t.key in ("therapist_doctor", "doctor") for t in glossary.terms)
    return Context(engine.catalogue, glossary, engine.db)


def asked_in(context: Context, question: str) -> Asked:
    return context.positions.asked(understand(question, context.glossary))


def titles(context: Context) -> set[str]:
    return {row["position"] for target in context.catalogue.services for row in target.rows}


def fitting(context: Context, question: str) -> set[str]:
    asked = asked_in(context, question)
    return {title for title in titles(context) if context.positions.fits(title, asked)}


def test_glossary_positions_fit_titles_by_their_words(ctx: Context) -> None:
    asked = asked_in(ctx, "полустационар ингаляции врач-терапевт город")
    assert {part.key for part in asked.parts} == {"doctor", "therapist_doctor"}
    assert fitting(ctx, "врач-терапевт") == {"Терапевт дәрігер", "Врач-терапевт"}
    # a Russian-printed row is found from the Kazakh question and the other way round
    assert "Медицинская сестра" in fitting(ctx, "мейіргер")
    assert "Врач-невролог" in fitting(ctx, "невролог дәрігер")


def test_a_word_no_title_holds_beside_a_named_position_is_no_part_of_it(ctx: Context, engine: Engine) -> None:
    """"мама" is like "маманы", "терапию" like "терапиясы", but no title holds them with "учитель-дефектолог":
    they are the story's and the service's words, and the defectologist's row is the answer."""
    question = "учитель-дефектолог БОС-терапию, мама спрашивает сколько это стоит в полустационаре"
    assert {part.key for part in asked_in(ctx, question).parts} == {"teacher", "defectologist"}
    answer = engine.ask(question)
    assert answer.status == "answer" and [r.fields["position"] for r in answer.results] == ["Дефектолог мұғалім"]
    # a free word some title holds with the named position stays a part of it
    assert [(p.key, p.word) for p in asked_in(ctx, "учитель трудового обучения").parts] == [("teacher", ""),
                                                                                            ("", "трудового")]


def test_titles_the_glossary_lacks_are_found_from_their_printed_words(bare_context: Context) -> None:
    asked = asked_in(bare_context, "терапевт")
    assert [(part.key, part.word) for part in asked.parts] == [("", "терапевт")]
    assert fitting(bare_context, "терапевт") == {"Терапевт дәрігер", "Врач-терапевт"}
    assert fitting(bare_context, "машинист") == {"Киім және іш-киім жуатын машинист"}
    # the title is printed with a typo ("Травмотолог"); the question's spelling still finds it
    assert fitting(bare_context, "травматолог-ортопед") == {"Травмотолог-ортопед дәрігер"}


def test_words_printed_in_service_names_are_the_services(ctx: Context) -> None:
    """"массаж" and "күтім" are printed in titles too ("Массаж жасау жөніндегі мейіргер"), but more in names."""
    assert not asked_in(ctx, "стационар массаж қала")
    assert not asked_in(ctx, "күтім")


def test_the_plainest_title_is_the_one_named(ctx: Context) -> None:
    positions = ctx.positions
    rows = [{"position": "Күтім көрсету жөніндегі әлеуметтік қызметкер"}, {"position": "Әлеуметтік қызметкер"}]
    assert positions.rows(rows, asked_in(ctx, "әлеуметтік қызметкер")) == rows[1:]
    assert positions.rows(rows, asked_in(ctx, "күтім көрсету жөніндегі әлеуметтік қызметкер")) == rows[:1]
    # what a title adds in brackets does not make it another position
    both = [{"position": "Еңбек терапиясы жөніндегі инструктор (еңбекке оқыту мұғалімі)"},
            {"position": "Еңбек терапиясы жөніндегі инструктор"}]
    assert positions.rows(both, asked_in(ctx, "инструктор по трудотерапии")) == both
    # the question's other words choose between titles holding the position
    sanitary = [{"position": "Ваннашы санитар"}, {"position": "Күтім жөніндегі санитар (паллиативтік көмек палаталарында)"}]
    assert positions.rows(sanitary, asked_in(ctx, "күтім жөніндегі санитар")) == sanitary[1:]


@pytest.mark.parametrize(("question", "lang", "position", "figure"), [
    ("полустационар ингаляции врач-терапевт город", "ru", "Терапевт дәрігер", "94,40"),
    ("стационар білікті медициналық консультация травматолог-ортопед қала", "kk", "Травмотолог-ортопед дәрігер",
     "2 620,00"),
    ("qualified medical consultation psychiatrist semi-stationary city", "en", "Психиатр дәрігер", "2,436.00"),
])
def test_the_named_positions_row_leads_alone(engine: Engine, question, lang, position, figure) -> None:
    answer = engine.ask(question, lang)
    assert answer.status == "answer"
    assert [r.fields["position"] for r in answer.results] == [position]
    rows = [line.replace("\xa0", " ") for line in answer.text.splitlines() if line.startswith("• ")]
    # the position named in the reply language (the printed title stays in the result)
    assert len(rows) == 1 and position_name(position, lang) in rows[0] and figure in rows[0]


def test_an_item_without_the_named_position_says_so(engine: Engine) -> None:
    """No figure passes for the psychologist's: the reply names the positions the item has and offers it first, then
    services the psychologist has a rate for."""
    answer = engine.ask("полустационар ингаляции психолог город", "en")
    assert answer.status == "clarify" and not answer.results
    note = ('This item has no rate for "психолог"; its positions are: nurse, pediatrician, '
            'general practitioner (therapist).')
    assert answer.text == note
    item = engine.ask(answer.choices[0].query, "en")
    assert {r.fields["item"] for r in item.results} == {66} and len(item.results) == 3


def test_a_position_word_that_is_the_services_own_name_asks_nothing(engine: Engine) -> None:
    """"Дәрігерге дейінгі көмек" (pre-doctor aid) names a service, not a doctor."""
    answer = engine.ask("жартылай стационарда дәрігерге дейінгі көмек ауылда қанша", "en")
    assert answer.status == "answer" and not any("no rate for" in w for w in answer.warnings)


@pytest.mark.parametrize(("question", "item", "title"), [
    ("Day-care (semi-stationary) in the city: first aid before the doctor by a nurse, daily rate?", 23, "Мейіргер"),
    ("стационарда паллятивтік көмек қызметі мейргер ауылда канша", 91, "Мейіргер"),
    ("In Borli home care the social worker gives the client eye drops and medicines as the doctor prescribed, rural",
     64, "Әлеуметтік қызметкер"),
])
def test_a_position_word_a_name_of_the_service_says_in_any_language_asks_nothing(engine: Engine, question, item,
                                                                                  title) -> None:
    """The doctor of "first aid before the doctor" is in the service's Kazakh name though the question met its
    English one: the nurse named is the position asked, and no note says the item lacks a "doctor nurse"."""
    answer = engine.ask(question, "en")
    assert answer.status == "answer" and not any("no rate for" in w for w in answer.warnings)
    assert answer.results[0].fields["item"] == item and answer.results[0].fields["position"] == title


def test_an_everyday_title_names_its_position(engine: Engine) -> None:
    """"музрук" is what people call the music director ("Музыкалық жетекші"), whose row leads."""
    answer = engine.ask("Отделение дневного пребывания в городе: музрук организует праздники и досуг — сколько за день?")
    assert answer.status == "answer" and answer.results[0].fields["position"] == "Музыкалық жетекші"


@pytest.mark.parametrize(("question", "title"), [
    ("stationary care: medical-social examination of adults by the therapist, city rate", "Терапевт дәрігер"),
    ("stationary care: massage by the massage therapist, city rate", "Массаж"),
])
def test_a_therapist_alone_is_the_general_practitioner(engine: Engine, question, title) -> None:
    """"the therapist" is the терапевт; a massage, speech or occupational therapist is named by the longer term."""
    answer = engine.ask(question, "en")
    assert answer.status == "answer" and answer.results[0].fields["position"].startswith(title)


def test_the_unit_of_a_rate_names_no_service(engine: Engine) -> None:
    """"за день" (per day) is the rate's unit: its stem "ден" must not meet "дене" (body) of the exercise therapy
    services and set them beside the psychiatric help asked for."""
    answer = engine.ask("Полустационар, город: психиатрическая помощь врача-психиатра, тариф за день?")
    assert answer.status == "answer" and {r.fields["item"] for r in answer.results} == {55}


def test_a_service_with_the_named_position_beats_a_near_equal_without(ctx: Context) -> None:
    services = ctx.catalogue.services
    with_it = next(t for t in services if any(r["position"] == "Логопед" for r in t.rows))
    without = next(t for t in services if all(r["position"] != "Логопед" for r in t.rows))
    asked = asked_in(ctx, "логопед")
    ranked = _prefer_position([Hit(without, 0.70), Hit(with_it, 0.66)], asked, ctx.positions)
    assert ranked[0].target is with_it
    # side by side, the table with the position leads
    assert _leading([Hit(without, 0.9), Hit(with_it, 0.8)], asked, ctx)[0].target is with_it


def test_a_question_naming_only_a_position_offers_its_services(engine: Engine) -> None:
    answer = engine.ask("күтім жөніндегі санитар", "kk")
    assert answer.status == "clarify" and "Күтім жөніндегі санитар" in answer.text
    picked = [engine.ask(choice.query, "kk") for choice in answer.choices]
    assert {a.results[0].fields["item"] for a in picked} == {77, 92, 93}
    for follow_up in picked:
        assert follow_up.status == "answer"
        assert [r.fields["position"] for r in follow_up.results] == [
            "Күтім жөніндегі санитар (паллиативтік көмек палаталарында)"]


def test_one_service_with_the_position_is_answered_in_every_table(engine: Engine) -> None:
    answer = engine.ask("машинист", "ru")
    assert answer.status == "answer" and answer.intent == "tariff"
    assert {(r.fields["setting"], r.fields["item"]) for r in answer.results} == {("stationary", 7),
                                                                                ("semi_stationary", 3)}
    assert all(r.fields["position"] == "Киім және іш-киім жуатын машинист" for r in answer.results)


@pytest.mark.parametrize("question", ["oblast stationary, city rate of the laundry machine operator washing clothes",
                                      "стирка белья в стационаре, машинист по стирке, город"])
def test_a_position_named_by_its_reviewed_name_leads(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == 7
    assert answer.results[0].fields["position"] == "Киім және іш-киім жуатын машинист"


def test_a_name_word_services_share_names_no_position(engine: Engine) -> None:
    # "special" is in "special education teacher" and in the service's own name: the service's word, not a title's
    answer = engine.ask("organising training of children under spceial curricula, speech therapist, stationary, city")
    assert answer.status == "answer" and answer.results[0].fields["position"] == "Логопед"


@pytest.mark.parametrize(("question", "lang"), [("Сколько стоит приём стоматолога в областном стационаре?", "ru"),
                                              ("how much is a dentist's consultation in residential care", "en"),
                                              ("консультация врача-хирурга в стационаре, город", "ru"),
                                              ("хирург кеңесі стационарда ауылда", "kk")])
def test_a_specialist_no_table_names_is_not_in_the_base(engine: Engine, question: str, lang: str) -> None:
    answer = engine.ask(question)
    assert (answer.intent, answer.status, answer.results) == ("tariff", "not_found", [])
    assert answer.text.startswith(label("position_not_in_base", lang).split("{")[0])


@pytest.mark.parametrize("question", ["qualified medical consultation by the trauma-orthopedic doctor in stationary care",
                                      "consultation with an orthopedic doctor, oblast stationary"])
def test_a_doctor_named_by_adjective_in_english_is_that_position(engine: Engine, question: str) -> None:
    answer = engine.ask(question + ", city")
    assert answer.status == "answer" and answer.results[0].fields["position"] == "Травмотолог-ортопед дәрігер"


def test_a_specialist_the_base_names_elsewhere_is_offered_with_its_services(engine: Engine) -> None:
    # psychiatrists are printed (stationary care), not for massage: their services are offered, not "none in the base"
    answer = engine.ask("массаж в стационаре у психиатра, город", "ru")
    assert answer.status == "clarify" and answer.choices
    assert label("position_not_in_base", "ru").split("{")[0] not in answer.text


@pytest.mark.parametrize("question", [
    "Bäyterek home care: helping pay utility bills, done by the social work specialist (not the care worker)",
    "Байтерек, на дому: помощь в оплате коммуналки, делает специалист по социальной работе, а не соцработник",
])
def test_a_position_ruled_out_is_not_asked(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == 14
    assert answer.results[0].fields["position"] == "Әлеуметтік жұмыс жөніндегі маман"


def test_choices_for_a_named_position_all_have_it(engine: Engine) -> None:
    answer = engine.ask("санитар по уходу", "ru")
    assert answer.status == "clarify" and len(answer.choices) >= 2
    assert all("санитар" in choice.query.casefold() for choice in answer.choices)
    # (a service named with a checklist word, "...санитарно-гигиеническим требованиям", is routed to the checklists
    # by the question's cues; the tariff follow-ups all lead with the position's row)
    tariffs = [a for a in (engine.ask(choice.query, "ru") for choice in answer.choices) if a.intent == "tariff"]
    assert len(tariffs) >= 2
    for follow_up in tariffs:
        assert follow_up.status == "answer" and "санитар" in follow_up.results[0].fields["position"].casefold()


def test_without_the_glossary_the_printed_title_still_leads(bare_context: Context) -> None:
    u = understand("полустационар ингаляции терапевт город", bare_context.glossary)
    reply = Answer(question=u.question, lang="ru", intent="tariff", filters=Filters(**vars(u.filters)),
                   status="not_found")
    assert Tariffs().answer(u, reply, bare_context) and reply.status == "answer"
    assert [r.fields["position"] for r in reply.results] == ["Терапевт дәрігер"]


def test_a_bare_positions_matcher_needs_no_engine(ctx: Context) -> None:
    positions = Positions(ctx.catalogue.services, ctx.catalogue.service_index, load_glossary())
    assert positions.fits("Логопед", asked_in(ctx, "логопед"))
    assert not Asked() and positions.rows([{"position": "Логопед"}], Asked()) == [{"position": "Логопед"}]


@pytest.mark.parametrize(("question", "title"), [
    ("hospitalisation physiotherapy innstructor semi stationary West Kazakhstan oblast", "инструктор"),
    ("prosthetics for adults orthopedic suregon stationary West Kazakhstan oblast city", "ортопед")])
def test_a_position_said_with_a_typo_still_leads(engine, question, title):
    answer = engine.ask(question)
    assert answer.status == "answer"
    assert title in answer.results[0].fields["position"].casefold()


def test_a_position_typo_does_not_choose_the_service(engine):
    """A misspelt title is as optional in the service search as a title spelt right: it picks no item."""
    right = engine.ask("how much is special education speech therapist semi stationary Börli rural?")
    typo = engine.ask("how much is special education speech theraist semi stationary Börli rural?")
    assert typo.status == right.status == "answer"
    assert typo.results[0].fields["item"] == right.results[0].fields["item"]


def test_of_two_settings_named_the_one_whose_table_has_the_service_leads(engine):
    """"стационар" is said first, but Börli has no stationary table: the semi-stationary one holds the service."""
    answer = engine.ask("сколько стоит обучение членов семьи формированию у детей жизненных навыков стационар "
                        "полустационар Бурлинский район логопед")
    assert answer.status == "answer" and answer.results[0].fields["setting"] == "semi_stationary"
    assert engine.ask("массаж стационар полустационар").results[0].fields["setting"] == "stationary"  # both have it


@pytest.mark.parametrize("question", [
    "Стационарда тұратын адамға жәрдемақы, алимент алуға, тұрғын үй жағдайын жақсартуға көмектесу қалалық тарифі?",
    "Стационарда қалада жәрдемақы алуға, тұрғын үй жағдайын жақсартуға көмек — тарифі қанша?"])
def test_a_setting_named_outright_keeps_a_service_its_table_holds(engine, question):
    """"тұрғын үй жағдайын" (housing conditions) is a home-care table's words too, and Börli's home-care table words
    the service a little closer; the stationary table named holds it, and it is asked."""
    answer = engine.ask(question)
    assert answer.status == "answer"
    assert {(r.fields["jurisdiction"], r.fields["setting"], r.fields["item"]) for r in answer.results} == {
        ("oblast", "stationary", 23)}


def test_a_misspelt_word_yields_to_a_position_spelt_out(engine):
    """"заңгрелік" (legal, misspelt) is one edit from "заңгер" (lawyer), but the question spells out the social work
    specialist: that title's row leads, and no lawyer is asked."""
    answer = engine.ask("Бәйтерек үйде әлеуметтік қамсыздандыру құқықтары бойынша заңгрелік кеңес беру әлеуметтік жұмыс "
                        "жөніндегі маман қанша тұрады?")
    assert answer.status == "answer"
    assert answer.results[0].fields["position"] == "Әлеуметтік жұмыс жөніндегі маман"
    assert "заңгрелік" not in answer.text


def test_an_american_spelling_names_the_position_a_british_one_does(engine):
    """"labor therapy instructor" is the "labour therapy instructor" of the glossary: the same row leads."""
    british = engine.ask("semi-stationary city: labour therapy instructor advising families on work at home, rate?")
    american = engine.ask("semi-stationary city: labor therapy instructor advising families on work at home, rate?")
    assert american.status == british.status == "answer"
    assert american.results[0].fields == british.results[0].fields


@pytest.mark.parametrize("question", ["Жартылай стационар, қалада: мейіргердің дәрігерге дейінгі көмегі қанша тұрады?",
                                      "қалада жартылай стационарда мейіргердің дәрігерге дейінгі көмегінің бағасы",
                                      "semi-stationary city: pre-medical care by a nurse, daily rate?"])
def test_of_tables_compared_the_one_with_the_asked_areas_own_rate_leads(engine, question):
    """No place named: the oblast's day department (city and rural rates apart) leads Börli's (one rate for both)
    when the city is asked."""
    answer = engine.ask(question)
    assert answer.status == "answer" and len({r.fields["jurisdiction"] for r in answer.results}) > 1
    assert answer.results[0].fields["jurisdiction"] == "oblast"


def test_a_word_service_names_print_in_a_shorter_form_names_no_title(ctx: Context, engine):
    """"лечебное" is like "лечебной" of the exercise instructor's Russian title, but service names print "лечебно":
    it is a word of the service ("лечебное плавание"), not a position asked."""
    u = understand("лечебное плавание в полустационаре, городской тариф", ctx.glossary)
    assert not ctx.positions.asked(u)
    answer = engine.ask("Гидрокинезотерапия и лечебное плавание в полустационаре, городской тариф в день")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 64
    # a title word that only begins a longer service word stays a title ("санитар" / "санитарлық")
    assert ctx.positions.asked(understand("стационар санитар по уходу город", ctx.glossary))


@pytest.mark.parametrize("question", [
    "what is the rate for foster care social worker home care Börli district?",
    "Бурлинский район на дому: социальный работник по уходу, помощь органам опеки в устройстве детей на патронат",
    "Бөрлі үйде күтім жөніндегі әлеуметтік қызметкер балаларды патронатқа орналастыруға жәрдемдесу қанша"])
def test_a_position_no_row_has_yields_to_the_one_it_is_a_kind_of(engine, question):
    """Börli's home table prints the same placement help twice, for a social-work specialist and for a social worker,
    and no care social worker: the social worker's row is the one asked ("care social worker" is a social worker)."""
    answer = engine.ask(question)
    assert answer.status == "answer"
    assert (answer.results[0].fields["item"], answer.results[0].fields["position"]) == (54, "Әлеуметтік қызметкер")


@pytest.mark.parametrize("question", ["oblast stationary, rural: laundry machinist washing and ironing clothes, rate?",
                                      "machinist washing clothes oblast stationary, monthly rate"])
def test_a_title_is_named_by_each_of_its_english_names(engine, question):
    """"Laundry machinist" and "laundry machine operator" are one title (position_names.tsv lists both): its row
    alone, not the housekeeper's of the same item first."""
    answer = engine.ask(question)
    assert answer.status == "answer"
    assert [r.fields["position"] for r in answer.results] == ["Киім және іш-киім жуатын машинист"]


@pytest.mark.parametrize(("question", "lang"), [
    ("oblast stationary city: paraffin therapy by the music director, rate?", "en"),
    ("стационар город: парафинотерапия у музыкального руководителя, сколько стоит?", "ru")])
def test_a_service_without_the_position_named_is_asked_back_with_that_positions_services(engine, question, lang):
    """Paraffin therapy is a nurse's: no figure is shown as the music director's. The reply says which positions the
    service has and offers it beside the services the music director has a rate for."""
    answer = engine.ask(question)
    assert answer.status == "clarify" and not answer.results
    assert answer.text.startswith(label("no_position", lang).split("{position}")[0])
    assert len(answer.choices) >= 2 and len({c.label[:40] for c in answer.choices}) == len(answer.choices)
    followed = [engine.ask(c.query) for c in answer.choices]
    assert followed[0].status == "answer" and followed[0].results[0].fields["position"] == "Мейіргер"
    assert "Парафин" in followed[0].results[0].fields["service"]
    positions = {r.results[0].fields["position"] for r in followed[1:] if r.status == "answer"}
    assert positions and all(p.startswith("Музыка") for p in positions)


def test_a_position_the_tables_asked_lack_is_offered_where_it_fits_the_question_better(engine):
    """Bäyterek's home-care table has no psychologist: its consultation is a care worker's. The psychologist's
    counselling elsewhere fits the question better, so no figure is shown as the psychologist's: the item found is
    offered first, then the psychologist's consultations of the tables that price them."""
    answer = engine.ask("Бәйтерек ауданында үйде қызмет көрсетуде психологтың кеңес беруінің бағасы қанша?", "en")
    assert answer.status == "clarify" and not answer.results
    assert answer.text.startswith('This item has no rate for "психологтың"')
    assert "Bäyterek" in answer.choices[0].label or "Baiterek" in answer.choices[0].label
    assert len(answer.choices) >= 3 and all("psychologist" in c.label for c in answer.choices[1:])


def test_a_service_found_for_sure_without_the_position_is_answered_with_a_note(engine):
    """Börli's semi-stationary exercise therapy is the nurse's; no service elsewhere fits "ЕДШ жаттығулары" better,
    so it is answered, saying the table has no rate for the instructor."""
    answer = engine.ask("жартылай стационар Бөрлі ауданы ЕДШ жаттығулары", "en")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 23
    assert any("no rate for" in w for w in answer.warnings)


def test_a_position_the_tables_lack_asked_of_a_service_found_by_one_word_is_asked_back(engine):
    """Börli's temporary stay prices no massage: "a session" alone found the psychologist's group sessions. The
    massage therapist is what is asked, so no figure is shown as theirs: the item found, then massage where priced."""
    answer = engine.ask("Börli temporary stay - how much does a session with a massage therapist cost?", "en")
    assert answer.status == "clarify" and not answer.results
    assert any("massage nurse" in c.label for c in answer.choices[1:])


@pytest.mark.parametrize("question", [
    "stationary, rural: culture organizer involving residents in leisure and cultural events, monthly rate?",
    "stationary, rural: cultural organiser involving residents in leisure and cultural events, monthly rate?",
])
def test_the_culture_organiser_in_english_is_the_organiser_s_row(engine, question):
    answer = engine.ask(question)
    assert answer.status == "answer" and "ұйымдастырушы" in answer.results[0].fields["position"].casefold()


@pytest.mark.parametrize("question", [
    "Стационарда киім-кешекті жуатын машинистің қызметі қала тарифімен қанша?",
    "Statsionarda kiim-keshekti juatyn mashinistin qyzmeti qala qansha?",
])
def test_a_clarify_leads_with_the_only_service_that_has_the_position_named(engine, question):
    # the laundry machinist is priced for one service of the table: the others offered beside it lack the position
    answer = engine.ask(question)
    assert answer.status == "clarify"
    assert "машинист" in answer.choices[0].label.casefold()
    assert not any("машинист" in c.label.casefold() for c in answer.choices[1:])


def test_a_nurse_is_no_housekeeper_sister(engine, ctx):
    # "сестра-хозяйка" (the housekeeper's Russian title) says "сестра" too: a nurse asked is not her
    asked = ctx.positions.asked(understand("медсестра", ctx.glossary))
    assert not ctx.positions.fits("Шаруашылық бикесі", asked)
    assert ctx.positions.fits("Мейіргер", asked)
    answer = engine.ask("медсестра обучает получателей пользоваться техническими средствами, стационар, город, сколько?")
    assert answer.status == "answer" and answer.results[0].fields["position"] == "Мейіргер"


@pytest.mark.parametrize(("question", "lang"), [("Бәйтерек үйде логопед қызметінің тарифі қандай?", "kk"),
                                                ("Бурлинский район, временное пребывание: тариф психиатра?", "ru")])
def test_a_position_the_tables_asked_lack_is_said_so_with_where_it_is_priced(engine, question, lang):
    """Only a position named, and the tables asked set no rate for it: no figure of another position's service, but
    that, and the services elsewhere that have it."""
    answer = engine.ask(question)
    assert answer.status == "not_found" and not answer.results and answer.lang == lang
    assert answer.text.startswith(label("position_not_in_table", lang).split("{")[0])
    assert answer.choices and all(c.query for c in answer.choices)


def test_a_position_that_is_also_a_service_s_name_still_finds_the_service(engine):
    answer = engine.ask("ЛФК в полустационаре Бурлинского района")
    assert answer.status == "answer" and answer.results[0].fields["jurisdiction"] == "borli"


@pytest.mark.parametrize(("question", "service"), [("Полустационар, город: массаж — сколько у психолога?", "массаж"),
                                                   ("Стационар, село: массаж у врача-терапевта сколько стоит?",
                                                    "массаж")])
def test_a_service_named_with_a_position_it_lacks_is_asked_back_with_it_first(engine, question, service):
    """"массаж у психолога": the massage is asked; the psychologist's or therapist's own services are no answer,
    only choices beside it."""
    answer = engine.ask(question)
    assert answer.status == "clarify" and service in answer.choices[0].label.casefold()


@pytest.mark.parametrize("question", ["Жартылай стационар, қала: жүзу нұсқаушысының гидрокинезотерапиясы күніне қанша?",
                                      "полустационар город инструктор по плаванию гидрокинезотерапия тариф",
                                      "zhartylai statsionar qala juzu nusqaushysy tarifi"])
def test_the_swimming_instructor_is_a_position(engine, question):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == 64
    assert "Жүзу" in answer.results[0].fields["position"]


@pytest.mark.parametrize("question", ["Жартылай стационарда массажды мейірбике жасаса, қалада күніне қанша?",
                                      "жартылай стационар мейрбике массаж қала тарифі"])
def test_meyirbike_is_the_nurse(engine, question):
    answer = engine.ask(question)
    assert answer.filters.position == "nurse"


def test_free_legal_aid_got_for_the_client_is_the_advocate_s_service(engine):
    answer = engine.ask("Бөрлі үйде қызмет: қарияға тегін адвокат алып беру, әлеуметтік қызметкер, ауыл тарифі қанша?")
    assert answer.status in ("answer", "clarify")
    first = answer.results[0].fields["service"] if answer.status == "answer" else answer.choices[0].label
    assert "адвокат" in first.casefold()


@pytest.mark.parametrize("question", ["funeral arrangements by a social worker in residential care, city rate",
                                      "стационарда жерлеу рәсімін әлеуметтік қызметкер ұйымдастырса қалада қанша"])
def test_a_position_the_item_lacks_leads_with_the_nearest_one_it_has(engine, question):
    """Funerals in residential care are priced for the social work specialist and the housekeeper, not the social
    worker asked: the answer says so, and the specialist (the title sharing "әлеуметтік") comes first."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == 9
    assert answer.results[0].fields["position"].startswith("Әлеуметтік жұмыс")


@pytest.mark.parametrize("question", ["прачка стирает и гладит бельё в стационаре, городской тариф",
                                      "laundress washing clothes in residential care, rural rate"])
def test_the_laundress_is_the_laundry_machinist(engine, question):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["position"] == "Киім және іш-киім жуатын машинист"


def test_a_condition_said_leads_to_the_service_s_variant_for_it(engine):
    """"Лежачему ... ногти подстричь": nail cutting for those who cannot move (item 20) first, the plain nail cutting
    (item 1) behind it; without the condition the plain one is answered."""
    answer = engine.ask("лежачему деду ногти подстричь в стационаре сколько в городе")
    first = answer.results[0].fields["item"] if answer.status == "answer" else answer.choices[0].query
    assert first == 20 or "ограничения" in first, answer.text
    plain = engine.ask("подстричь ногти в стационаре город")
    assert plain.status == "answer" and plain.results[0].fields["item"] == 1


@pytest.mark.parametrize("question", ["стационар кір жуатын машинист қала тарифі", "stacionar kir juatyn mashinist qala"])
def test_a_title_said_the_everyday_kazakh_way_names_its_position(engine: Engine, question: str) -> None:
    """"кір жуатын машинист" is how people say "Киім және іш-киім жуатын машинист": its reviewed everyday name."""
    assert "кір жуатын машинист" in position_names("Киім және іш-киім жуатын машинист")
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["position"] == "Киім және іш-киім жуатын машинист"
