"""Everyday Kazakh words read as the words the acts print: word by word, by key, a two-word row in its context."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.answer.everyday import load_everyday
from knowledge.answer.understand import understand
from knowledge.text import loose


def _table(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "everyday.tsv"
    path.write_text("said\tprinted\n" + rows, encoding="utf-8")
    return path


def test_a_word_is_read_in_every_inflection_and_a_pair_only_in_its_context(tmp_path: Path):
    everyday = load_everyday(_table(tmp_path, "аурухана\tденсаулық\nтырнақ алу\tтырнақ кесу\n"))
    words = [loose(w) for w in ["ауруханада", "жатқан", "әжеге", "тырнақ", "алу", "көмек", "алу"]]
    assert everyday.printed(words, 0) == "денсаулык"
    assert everyday.printed(words, 4) == "кесу"  # "алу" after "тырнақ"
    assert everyday.printed(words, 6) is None  # "алу" elsewhere is itself
    assert everyday.printed(words, 1) is None


@pytest.mark.parametrize("rows", ["тырнақ алу\tкесу\n", "\tкесу\n", "бір екі үш\tбір екі үш\n"])
def test_a_row_not_word_for_word_is_an_error_naming_its_line(tmp_path: Path, rows: str):
    with pytest.raises(ValueError, match="everyday.tsv line 2"):
        load_everyday(_table(tmp_path, rows))


def test_the_question_word_keeps_its_text_and_gets_the_printed_reading():
    words = {w.text: w.alt for w in understand("ауруханада жатқан қызмет алушыға тамақ апару").words}
    assert words["ауруханада"] == "денсаулык" and words["апару"] == "жеткизу"


def test_a_latin_typed_word_gets_the_printed_reading_of_its_cyrillic_one():
    """"auruhanada" is "ауруханада" typed on a Latin keyboard: read as the acts print it too, "денсаулық"."""
    words = {w.text: w.alt for w in understand("statsionarda auruhanada jatqan klientke azyq-tulik aparu").words}
    assert words["auruhanada"] == "денсаулык" and words["aparu"] == "жеткизу"


@pytest.mark.parametrize(("question", "item"), [
    ("облыстық стационарда тырнақ алу қанша тұрады, қала?", 1),
    ("облыстық стационарда қарияның тырнағын алып беру айына қанша, ауыл?", 1),  # the converb of the same phrase
    ("облыстық стационарда ауыл тарифімен тырнақ қию қанша?", 1),
    ("облыстық стационарда қарияның тырнағын қиып беру қанша, қала?", 1),
    ("стационарда шаш қидыру қызметі қалада қанша тұрады", 3),  # the causative: "have one's hair cut"
    # learning sign language is mastering it (113), not having it interpreted (114)
    ("стационарда жестау тілін үйрену, дефектолог, қала", 113),
    ("стационарда жестау тілін үйренуге көмек қанша, қала", 113),
    ("жестау тіліне аудару стационар қала", 114),
    ("statsionarda auruhanada jatqan klientke azyq-tulik aparyp beru qala tarifi qansha?", 13),
    ("стационарда ауруханада жатқан адамға азық-түлік апару қанша тұрады, қала?", 13)])
def test_a_service_said_the_everyday_way_is_found(engine, question: str, item: int):
    answer = engine.ask(question)
    assert answer.status == "answer"
    assert answer.results[0].fields["item"] == item and answer.results[0].fields["jurisdiction"] == "oblast"


@pytest.mark.parametrize("question", ["мүгедекке санаторийге жолдама берілмеді, бұл елеулі бұзушылық па",
                                      "мүгедектігі бар інім санаторийге жолдама ала алмай жүр, қандай бұзушылық"])
def test_a_voucher_to_a_sanatorium_is_its_treatment_not_a_road(engine, question: str):
    """"жолдама" (a voucher) begins like "жол" (a road): beside "санаторий" it is the sanatorium treatment."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == 65


def test_how_long_it_went_on_names_nothing_not_done():
    """"жарты жылдан бері" (for half a year now): no content word, so "жарты" meets no "жартылай" (semi-)."""
    texts = [w.text for w in understand("саңырау балаға жарты жылдан бері есту аппаратын бермей жүр").words]
    assert "жарты" not in texts and "бери" not in texts
    assert understand("жарты стационарда массаж қанша").filters.setting == "semi_stationary"


def test_a_negated_verb_said_the_everyday_way_is_what_was_not_done():
    """"жуындырмады" names the service (bathing): not the generic verb a negation usually is, it weighs in full."""
    words = {w.text: w.weight for w in understand("қарияны жуындырмады").words}
    assert words["жуындырмады"] == 1.0
    assert {w.text: w.weight for w in understand("құжат берілмеді").words}["берилмеди"] < 1.0


def test_each_word_of_a_two_word_row_is_read_beside_the_other(tmp_path: Path):
    everyday = load_everyday(_table(tmp_path, "есту аппараты\tсурдотехникалық құрал\n"))
    words = [loose(w) for w in ["есту", "аппараты", "есту", "қабілеті"]]
    assert [everyday.printed(words, i) for i in range(4)] == ["сурдотехникалык", "курал", None, None]


def test_a_two_word_everyday_phrase_finds_the_printed_one(engine):
    """"ас әзірлеу" (making a meal) is what Börli's table prints as "тамақ дайындау" (cooking)."""
    answer = engine.ask("Бөрлі үйде қарт адамға ас әзірлеуге көмек, ауыл тарифі?")
    assert answer.status == "answer"
    assert (answer.results[0].fields["jurisdiction"], answer.results[0].fields["item"]) == ("borli", 11)


def test_a_word_of_a_two_word_phrase_means_the_printed_word_alone():
    """"есту аппараты" is a hearing aid: its "есту" (hearing) is not searched as itself, so the sign-language
    criterion ("есту қабілеті бұзылған ...") does not meet it; the "есту" of "есту қабілеті" still is."""
    texts = [w.text for w in understand("есту қабілеті нашар кісіге есту аппараты берілмеді").words]
    assert texts.count("есту") == 1 and "сурдотехникалык" in texts and "курал" in texts
    assert all(w.alt is None for w in understand("есту аппараты берілмеді").words if w.text == "сурдотехникалык")


def test_a_particle_between_the_words_of_a_phrase_keeps_it(tmp_path: Path):
    everyday = load_everyday(_table(tmp_path, "тырнақ алу\tтырнақ кесу\n"))
    words = [loose(w) for w in ["тырнағын", "да", "алмаған"]]
    assert everyday.printed(words, 2) == "кесу" and everyday.in_phrase(words, 2)
    assert not everyday.in_phrase([loose("алмаған")], 0)


def test_a_phrase_said_the_everyday_way_leads_to_its_criterion(engine):
    answer = engine.ask("ЖОБ бойынша есту қабілеті нашар кісіге есту аппараты берілмеді. Қандай дәреже?")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 62  # hearing aids, not sign language


def test_a_phrase_split_by_a_particle_leads_the_choices(engine):
    """"тырнағын да алмаған": nails not cut, personal care (criterion 23) first, not the legal help of 36."""
    answer = engine.ask("Үйде күтімдегі атаны бір ай жуындырмаған, тырнағын да алмаған. Өрескел бұзушылық па?")
    first = answer.results[0].fields["item"] if answer.status == "answer" else int(answer.choices[0].label.split(".")[0])
    assert answer.status in ("answer", "clarify") and first == 23


@pytest.mark.parametrize("question", [
    # "киімін ауыстыру" (changing her clothes) is dressing, personal care: not the clothes taken to the laundry (24)
    "Үйде әлеуметтік қызметкер бір апта бойы төсекте жатқан апаны жуындырмаған, киімін ауыстырмаған. Қандай бұзушылық?",
    "Соцработник на дому две недели не мыл бабушку и не переодевал её. Какая степень нарушения?",
    "The home care worker did not wash the grandmother and did not change her clothes for two weeks. How serious?",
])
def test_a_client_not_washed_or_changed_is_personal_care(engine, question):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == 23


def test_cooking_said_the_everyday_way_is_the_printed_cooking(engine):
    """"ас пісіру" (cooking a meal) is what Bäyterek's table prints as "тамақ дайындау"."""
    answer = engine.ask("Бәйтерек үйде қарияға ас пісіру көмегі қанша тұрады?")
    assert answer.status == "answer"
    assert (answer.results[0].fields["jurisdiction"], answer.results[0].fields["item"]) == ("baiterek", 8)


@pytest.mark.parametrize("question", ["Бөрлі үйде МӘС-ке жәрдемдесу, әлеуметтік жұмыс маманы, ауыл тарифі қанша?",
                                      "Бөрлі ауданы үйде қызмет: МӘС жүргізуге жәрдемдесу, қала, қанша тұрады?"])
def test_the_abbreviation_of_the_medical_social_assessment_finds_it(engine, question):
    answer = engine.ask(question)
    assert answer.status == "answer" and "сараптама" in answer.results[0].fields["service"].casefold()


def test_an_english_ing_form_meets_the_service_s_word(engine) -> None:
    answer = engine.ask("Baiterek home care: helping an old lady cook her meals, daily rate?")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 8


@pytest.mark.parametrize(("question", "intent", "item"), [
    ("Бөрлі уақытша болу: адамды бұрынғы тұрған жеріне қайтаруға көмек қанша тұрады?", "tariff", 3),
    ("Уақытша болу бөлімшесінде адамға ауылына қайтуға көмектеспеді, бұл қандай бұзушылық?", "violation", 42),
])
def test_going_back_home_is_the_printed_sending_to_the_former_residence(engine, question, intent, item):
    # "қайту", "қайтару" (to go, to bring back) are what the acts print as "жіберу" (sending back)
    answer = engine.ask(question)
    assert answer.intent == intent
    if answer.status == "answer":
        assert answer.results[0].fields["item"] == item
    else:
        assert answer.status == "clarify" and any(c.label.startswith(f"{item}.") for c in answer.choices)


@pytest.mark.parametrize("question", ["Облыстық стационарда шаш алу қызметі ауылда айына қанша?",
                                      "Облыс интернатында қарияның шашын қиып беру, қала тарифі қанша?"])
def test_a_haircut_said_the_everyday_way_is_the_hairdresser_s_service(engine, question):
    # "шаш алу", "шаш қию" (cutting hair) is what the oblast table prints as "шаштараз қызметтері"
    answer = engine.ask(question)
    assert answer.status == "answer"
    assert (answer.results[0].fields["setting"], answer.results[0].fields["item"]) == ("stationary", 3)


@pytest.mark.parametrize(("question", "item"), [
    ("Үйде қызмет көрсетуде қарияға заң кеңесі берілмеді, заң көмегі де болмады. Дәрежесі қандай?", 36),
    ("Стационарда психолог жарты жыл бойы тұрғындарға бірде-бір кеңес бермеген. Қандай бұзушылық?", 15),
])
def test_advice_said_the_everyday_way_is_the_printed_consultation(engine, question, item):
    # "кеңес" (advice) is what the criteria print as "консультация"; "бірде-бір" (not a single one) counts nothing
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == item


def test_not_a_single_one_counts_nothing_asked(engine):
    answer = engine.ask("Үйде күтімдегі апаны бірде-бір демалыс шарасына тартпаған. Бұл қандай бұзушылық?")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 34


def test_one_who_cannot_get_up_is_the_acts_severely_limited(engine):
    """"төсектен тұра алмайтын" (cannot get out of bed) is how people say the acts' "ауыр дәрежеде шектелген": the
    service for the severely limited is meant, not the plain one."""
    answer = engine.ask("қарттар үйінде төсектен тұра алмайтын кісінің тырнағын кесу, қала, айына қанша")
    assert answer.status == "answer" and "шектелген" in answer.results[0].fields["service"]


@pytest.mark.parametrize("question", ["жеке жұмыс жоспары уақытында жасалмай қалды, өрескел ме",
                                      "жеке жұмыс жоспары уақытында дайындалмады"])
def test_on_time_is_the_acts_deadline(engine, question):
    """"уақытында" (on time) is how people say the acts' "мерзім" (deadline): the plan drawn up late is the
    deadline's requirement (3), not the plan's being there (4)."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == 3


@pytest.mark.parametrize("question", ["интернатта жестау тілін үйрету дефектолог, қала",
                                      "стационар жестау тілін үйретуге көмек қала"])
def test_teaching_a_language_is_the_acts_helping_to_master_it(engine, question):
    """"ымдау/жестау тілін үйрету" (teaching sign language) is the acts' "жестау тілін меңгеруіне жәрдемдесу"
    (helping to master it), not the translation into sign language."""
    answer = engine.ask(question)
    assert answer.status == "answer" and "меңгеру" in answer.results[0].fields["service"]


@pytest.mark.parametrize(("question", "found"), [
    ("байтерек на дому юр консультация сколько стоит", "заң"),  # "юр": legal
    ("на дому псих поддержку не оказывают, какая степень", "психологиялық"),  # "псих": psychological
])
def test_russian_shorthand_is_read_as_the_word_it_cuts(engine, question, found):
    answer = engine.ask(question)
    best = answer.results[0].fields
    assert answer.status == "answer" and found in (best.get("service") or best.get("criterion") or "")


def test_clothes_not_changed_is_the_acts_dressing(engine):
    """"киім-кешегін ауыстырмаған" (did not change her clothes) is the acts' dressing ("киіну, шешіну"), personal
    care (23), not the laundry that also names clothes (24)."""
    answer = engine.ask("үйде күтімде қызметкер әжені екі апта жуындырмаған, киім-кешегін ауыстырмаған, дәрежесі")
    assert answer.status == "answer" and answer.results[0].fields["item"] in (23, 26)


@pytest.mark.parametrize("question", [
    # "туған ауыл", "өз ауылы", "родной город": the former place of residence the acts print, not the rural area
    "уақытша болу бөлімшесінде тұрған кісіге туған ауылына қайтуға билет алып бермедік, бұл қандай дәреже",
    "уақытша болу бөлімшесінде тұрған кісіге өз ауылына қайтуға билет алып бермедік, бұл қандай дәреже",
])
def test_going_back_home_said_the_everyday_way_is_the_former_place_of_residence(engine, question):
    answer = engine.ask(question)
    assert answer.status == "answer", answer.text
    assert answer.results[0].fields["item"] == 42


def test_procedures_said_the_everyday_way_are_the_printed_ones(engine):
    """"емшара" is what people call the procedures the acts print as "процедура"."""
    assert {w.text: w.alt for w in understand("емшаралар жасалмаған").words}["емшаралар"] == "процедура"
    answer = engine.ask("стационарда дәрігер жазған емшаралар жасалмаған, бұл қай дәреже")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 12


@pytest.mark.parametrize("question", ["Бурлинский соцработник на дому научить родных ухаживать за лежачим село",
                                      "Байтерек надомка научить родных уходу и гигиене за лежачим"])
def test_teaching_relatives_is_the_training_of_family_members(engine, question: str):
    """"научить родных" is what the names call "обучение членов семьи / родственников": not the bedridden's own care."""
    answer = engine.ask(question)
    assert answer.status == "answer" and "отбасы мүшелерін" in answer.results[0].fields["service"]


def test_an_old_person_is_the_names_elderly_and_cooking_is_preparing_food(engine):
    words = {w.text: w.alt for w in understand("жалғыз тұратын қарияға тамақ пісіру").words}
    assert words["карияга"] == "карт" and "даиындау" in words  # the phrase's word read as printed
    answer = engine.ask("Бөрлі ауданы, үйде қызмет көрсету. Ауылда жалғыз тұратын әжейге тамақ пісіруге "
                        "көмектессек, тарифі қанша болады?")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 11


def test_cutting_a_bedridden_persons_nails_is_the_service_for_the_severely_restricted(engine):
    """"подстричь" is the names' "стрижка"; "скок" ("сколько" as said) names nothing: the bedridden's row leads."""
    assert [w.text for w in understand("скок стоит подстричь ногти лежачему").words] == ["подстрич", "ногти", "лежачему"]
    answer = engine.ask("скок стоит подстричь ногти лежачему в стацонаре, село")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 20


def test_bedridden_said_in_kazakh_is_the_severely_restricted_and_not_bedridden_is_nothing(engine):
    """"жатып қалған" (bedridden) is what the names call "ауыр дәрежеде шектелген"; "жатып қалған емес" denies it."""
    answer = engine.ask("стационарда төсекте жатып қалған қарияның тырнағын кесу ауылда қанша")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 20
    words = [w.text for w in understand("киім беру (жатып қалған емес, жай клиентке) қала тарифі").words]
    assert "шектелген" not in words and "ауыр" not in words
