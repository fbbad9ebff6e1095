"""Staffing norms: the band of the asked head count in the reply language, every band in numeric order without one,
ru/en position names reaching the Kazakh titles, the repealed act always said."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from knowledge.answer.engine import Engine
from knowledge.answer.intents.staffing import Band, value_words
from knowledge.answer.staffing_names import position_key, staffing_names
from knowledge.answer.understand import understand

# ------------------------------------------------------------------------------------------------ bands and values


@pytest.mark.parametrize(("printed", "band"), [
    ("51-100", Band(51, 100)), ("25-ке дейін", Band(0, 25)), ("500-ден артық", Band(501, None)),
    ("6-30 (1-ескертпе)", Band(6, 30, "1")), ("ескертпе", None),
])
def test_a_band_is_read_from_its_column_header(printed, band):
    assert Band.read(printed) == band


def test_a_band_holds_its_head_counts():
    assert Band(51, 100).holds(75) and not Band(51, 100).holds(101)
    assert Band(0, 25).holds(1) and Band(501, None).holds(5000) and not Band(501, None).holds(500)


@pytest.mark.parametrize(("band", "lang", "words"), [
    (Band(51, 100), "ru", "51–100 получателей"), (Band(51, 100), "kk", "51–100 қызмет алушы"),
    (Band(51, 100), "en", "51–100 recipients"), (Band(0, 25), "ru", "до 25 получателей"),
    (Band(501, None), "en", "over 500 recipients"), (Band(6, 30, "1"), "kk", "6–30 қызмет алушы (1-ескертпе)"),
])
def test_a_band_in_the_reply_language(band, lang, words):
    assert band.words(lang) == words


@pytest.mark.parametrize(("value", "lang", "words"), [
    ("0,5", "en", "0.5"), ("1,5", "ru", "1,5"), ("2", "kk", "2"), ("-", "ru", "не предусмотрено"),
    ("мекемеге 1 бірлік", "en", "1 per institution"), ("мекемеге 1бірлік", "ru", "1 на учреждение"),
    ("Үлгілік нормативтерге сәйкес", "en", "according to the standard norms"),
    ("оқу тобына 1 бірлік *", "en", "оқу тобына 1 бірлік *"),  # other wording is the act's own
])
def test_a_staffing_value_in_the_reply_language(value, lang, words):
    assert value_words(value, lang) == words


# ------------------------------------------------------------------------------------------------ position names


def test_every_staffing_name_is_a_position_of_the_table(kb_path: Path):
    positions = {position_key(row[0]) for row in sqlite3.connect(kb_path).execute(
        "select distinct position from staffing_norms")}
    names = staffing_names()
    assert set(names) <= positions
    assert all(names[p].get("ru") and names[p].get("en") for p in positions)  # every position has both


def test_a_malformed_names_line_is_an_error_naming_it(tmp_path: Path):
    path = tmp_path / "names.tsv"
    path.write_text("position\tlang\tname\nПсихолог\tde\tPsychologe\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        staffing_names(path)


def test_note_marks_are_no_part_of_a_position():
    assert position_key("Логопед (2,3-ескертпе)") == position_key("Логопед") == "логопед"


# ------------------------------------------------------------------------------------------------ the answers


@pytest.mark.parametrize(("question", "lang", "position", "line"), [
    ("сколько массажистов положено на 75 человек", "ru", "Массаж жасау жөніндегі мейіргер", "51–100 получателей: 1"),
    ("кір жуушы 60 адамға қанша штат бірлігі", "kk", "Киім және ішкиімжуатын машинист", "51–100 қызмет алушы: 1,5"),
    ("psychologists for 300 residents", "en", "Психолог", "251–300 recipients: 2"),
    ("прачка на 200 проживающих норматив", "ru", "Киім және ішкиімжуатын машинист", "151–200 получателей: 2,5"),
    ("санитарка сколько положено на 50 получателей", "ru", "Санитар (тазалаушы)",
     "26–50 получателей: согласно типовым нормативам"),
    ("стационарда 250 қызмет алушыға қанша логопед керек", "kk", "Логопед (2,3-ескертпе)",
     "201–250 қызмет алушы: 2"),
    ("how many cooks for 120 residents", "en", "Аспазшы", "101–150 recipients: 3"),
    ("штатная численность юристов на 40 получателей", "ru", "Заңгер", "26–50 получателей: 1"),
    ("how many psychologists for 600 residents", "en", "Психолог", "over 500 recipients: 3"),
])
def test_a_head_count_gets_the_one_band_holding_it(engine: Engine, question, lang, position, line):
    answer = engine.ask(question)
    assert (answer.intent, answer.status, answer.lang) == ("staffing", "answer", lang)
    assert [r.fields["position"] for r in answer.results] == [position]  # one band, not the whole row
    assert answer.text.splitlines()[0].endswith(line)
    assert answer.results[0].citation.status == "repealed" and answer.warnings  # from the repealed act


def test_without_a_head_count_every_band_in_numeric_order(engine: Engine):
    answer = engine.ask("штатный норматив психолога", "en")
    assert answer.status == "answer" and len(answer.results) == 11
    bands = [Band.read(r.fields["recipients"]) for r in answer.results]
    ordinary = [b for b in bands if not b.note]
    assert [b.low for b in ordinary] == sorted(b.low for b in ordinary)
    assert bands[-1].note == "1"  # the supported-living column after the ordinary ones
    # neighbouring bands of one value read as one ("up to 25" and "26–50" are both 0.5)
    assert "• up to 50 recipients: 0.5" in answer.text and "• over 500 recipients: 3" in answer.text
    assert "• 151–500 recipients: 2" in answer.text and "26–50" not in answer.text


@pytest.mark.parametrize(("question", "lang", "position", "printed"), [
    ("сколько буфетчиков на 80 человек", "ru", "Буфетші", "- 0,5 0,5 50 қызмет алушыға 1 бірлік"),
    ("how many drivers staffing 120 residents", "en", "Жүргізуші", "- 1 техникалық жүріп тұрған көлік құралына 1 бірлік"),
    ("дезинфектор 100 адамға қанша штат", "kk", "Дезинфектор", "0,5 0,5 1 1 1,5 2 2 2 2"),
])
def test_a_row_the_act_prints_in_no_clear_column_is_shown_as_printed_with_no_figure_picked(
        engine: Engine, question, lang, position, printed):
    answer = engine.ask(question)
    assert (answer.intent, answer.status, answer.lang) == ("staffing", "answer", lang)
    assert [(r.fields["position"], r.fields["value"]) for r in answer.results] == [(position, printed)]
    assert printed in answer.text and "≤25; 26–50" in answer.text  # the columns it may stand in, in a short form
    assert answer.results[0].citation.status == "repealed" and answer.warnings


def test_a_rule_printed_in_every_band_is_read_once(engine: Engine):
    answer = engine.ask("палатный санитар на круглосуточный пост, штатный норматив", "en")
    assert answer.status == "answer" and "5,25" in answer.results[0].fields["value"]
    assert answer.text.count("• any number of recipients:") == 1 and answer.text.count("5,25") == 2  # and the note's
    assert "26–50" not in answer.text


def test_a_chosen_title_s_note_number_is_no_head_count(engine: Engine):
    """The follow-up of a choice asks for the title without its note marks: "(3,4,5-ескертпе)" counts no one."""
    clarify = engine.ask("санитарлар 60 адамға бақылау палата")  # observation or ward: asked back
    assert clarify.status == "clarify"
    noted = next(c for c in clarify.choices if c.query.startswith("Бақылау"))  # "(4-ескертпе)" in the table
    follow_up = engine.ask(noted.query)
    assert follow_up.status == "answer" and "ескертпе" not in noted.query
    assert "51–100" in follow_up.text and len({r.fields["position"] for r in follow_up.results}) == 1


def test_an_act_number_is_no_head_count(engine: Engine):
    answer = engine.ask("по приказу 343 штатный норматив психолога", "ru")
    assert answer.intent == "staffing" and len(answer.results) == 11


def test_an_ambiguous_position_asks_back_keeping_the_head_count(engine: Engine):
    answer = engine.ask("заведующий штатный норматив на 120 человек")  # head of a unit, of stores, of the laundry...
    assert answer.status == "clarify" and len(answer.choices) >= 2
    assert all("меңгерушісі" in c.query and "120" in c.query for c in answer.choices)
    follow_up = engine.ask(answer.choices[0].query)
    assert follow_up.status == "answer" and len(follow_up.results) == 1
    assert follow_up.results[0].fields["recipients"] == "101-150"


def test_a_head_count_does_not_turn_a_price_into_staffing(engine: Engine):
    assert engine.ask("стоимость массажа на 1 получателя в стационаре в городе").intent == "tariff"


@pytest.mark.parametrize("question", ["сколько санитарок палатных положено на отделение в доме-интернате",
                                      "how many nurses are required in a residential care home"])
def test_a_head_count_asked_without_a_price_is_a_staffing_question(engine: Engine, question):
    answer = engine.ask(question)
    assert answer.intent == "staffing" and answer.filters.setting == "stationary"


@pytest.mark.parametrize("question", ["shtat normativteri boiynsha stacionarda medbike neshe birlik",
                                      "стационарда медбике штаты қанша", "медсёстры в стационаре по штату"])
def test_a_position_word_the_titles_do_not_print_finds_its_titles(engine: Engine, question):
    # "медбике" is a nurse; the staffing table prints "мейіргер": the nurse's own row (item 63), before the head,
    # dietary and massage nurses
    answer = engine.ask(question)
    assert answer.intent == "staffing" and answer.status == "answer"
    assert {r.fields["position"] for r in answer.results} == {"Мейіргер"}


def test_a_price_asked_with_a_staffing_word_stays_a_tariff(engine: Engine):
    assert engine.ask("сколько стоит массаж, который положен в стационаре").intent == "tariff"


def test_staff_doing_a_service_whose_rate_is_asked_is_a_tariff_question(engine: Engine):
    # "our staff" says who does the service; the rate and the area asked make it a tariff question
    answer = engine.ask("a care home resident can't get to the bank so our staff collects his benefits with a power "
                        "of attorney. what's the rural tariff for that")
    assert answer.intent == "tariff" and answer.status == "answer"
    assert (answer.results[0].fields["item"], answer.results[0].fields["rate_rural"]) == (34, 1998)
    # a head count with it is still a staffing question
    assert engine.ask("how many staff for 80 residents in a rural care home").intent == "staffing"


def test_the_position_named_decides_over_the_other_words(engine: Engine):
    """A position word is what a staffing question asks: "болуы керек" or "бір" must not pick a title holding them
    ("кітапхана ... болғанда")."""
    answer = engine.ask("Стационарлық ұйымда психологтың штаты қанша қызмет алушыға бір бірлік болуы керек?")
    assert answer.status == "answer" and {r.fields["position"] for r in answer.results} == {"Психолог"}


@pytest.mark.parametrize(("question", "lang"), [
    ("Стационарлық ұйымда 80 қызмет алушыға неше аспазшы болуы керек?", "kk"),
    ("сколько поваров положено на 80 человек в доме-интернате", "ru"),
    ("how many cooks per 80 residents in a care home", "en"),
])
def test_a_title_asked_whole_beats_the_title_saying_one_word_more(engine: Engine, question, lang):
    # "аспазшы" (cook) is no "бас аспазшы" (chief cook): the question holds the one title, not the other
    answer = engine.ask(question, lang)
    assert answer.status == "answer"
    assert {r.fields["position"] for r in answer.results} == {"Аспазшы"}


@pytest.mark.parametrize("question", ["Мүгедектік тобын қалай ресімдеймін, қайда бару керек?",
                                      "Куда нужно идти, чтобы оформить группу инвалидности?"])
def test_a_weak_cue_with_no_title_found_is_no_staffing_question(engine: Engine, question: str):
    """"керек" / "нужно" ask a head count only of a title the question names: "бару" is not "бар болса" of the
    hairdresser's title."""
    answer = engine.ask(question)
    assert answer.status != "answer" and not any(r.type == "staffing" for r in answer.results)
    assert not answer.warnings  # no staffing act shown, so none of its repeal either


@pytest.mark.parametrize("question", ["A blind resident was never given the reading aids as required. Is this gross?",
                                      "Есту қабілеті нашар кісіге ымдау тілі маманы керек еді, берілмеді. Өрескел ме?"])
def test_a_degree_asked_is_no_staffing_question(question):
    """"as required" / "керек" beside a degree asked: a violation, not a head count."""
    assert understand(question).intent != "staffing"


@pytest.mark.parametrize(("question", "lang"), [
    ("Сколько ставок поваров положено в интернате на 45 человек?", "ru"),
    ("Statsionarda 45 adam bolsa neshe aspazshy qoiýǵa bolady?", "kk"),
    ("Statsionarda 45 adamğa neshe aspazshy kerek?", "kk")])
def test_a_head_count_is_read_in_any_script_and_case(engine: Engine, question: str, lang: str):
    """"ставок" (the genitive plural) is "ставка"; "45 adam" typed in Latin letters is "45 адам"; "ý", "ǵ" of the 2018
    Latin alphabet are Kazakh letters."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.intent == "staffing" and answer.lang == lang
    assert answer.results[0].fields["position"].startswith("Аспазшы") and answer.results[0].fields["recipients"] == "26-50"


@pytest.mark.parametrize("question", ["сколько медсестер надо в доме престарелых на 180 коек",
                                      "skolko medsester nado v internate na 180 koek"])
def test_nurses_for_beds_in_the_plural_genitive(engine: Engine, question: str):
    """"медсестер" (no "ё") is "медсестра", "коек" is beds (the head count's word), "надо" asks a norm."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.intent == "staffing"
    assert answer.results[0].fields["position"] == "Мейіргер" and answer.results[0].fields["recipients"] == "151-200"


@pytest.mark.parametrize("question", ["Our staff did not help the client apply for benefits. How serious is that?",
                                      "Персонал не помог клиенту оформить пособие — это нарушение?",
                                      # a degree asked is a violation question with no violation word
                                      "staff at the home didn't help residents get their benefits — is it significant?"])
def test_staff_reported_not_doing_something_is_a_violation_question(question):
    assert understand(question).intent == "violation"


def test_staffing_norms_of_the_staff_are_still_asked():
    assert understand("staffing norm for nurses in a care home").intent == "staffing"


@pytest.mark.parametrize("question", ["Норматив медсестёр в интернате на круглосуточный пост?",
                                      "staffing norm for nurses per 24-hour post in a care home",
                                      "Стационарда мейіргерлердің тәулік бойғы постына қанша ставка қаралған?"])
def test_the_nurse_per_round_the_clock_post_is_the_nurse_s_norm(engine, question):
    """The act sets the nurse's norm per round-the-clock post (item 63); "24-hour" counts no recipients."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["position"] == "Мейіргер"
    assert "up to 25" not in answer.text and "до 25" not in answer.text


def test_the_ward_orderly_per_round_the_clock_post_is_named_in_kazakh_too(engine):
    answer = engine.ask("Палаталық санитарлардың тәулік бойғы постына неше ставка?")
    assert answer.status == "answer" and answer.results[0].fields["position"].startswith("Санитар-палатадағы")


@pytest.mark.parametrize("question", ["паллиатив палатасында күтім жөніндегі санитардың нормасы қанша?",
                                      "какая норма санитаров по уходу в паллиативной палате?"])
def test_a_norm_asked_is_a_staffing_question(engine, question):
    """"нормасы қанша", "какая норма" ask the staffing norm, not a price ("қанша" alone would)."""
    answer = engine.ask(question)
    assert answer.intent == "staffing" and answer.status == "answer"
    assert "Күтім жөніндегі санитар" in answer.results[0].fields["position"]


def test_a_word_like_a_norm_in_a_service_name_is_no_staffing_cue():
    """"формасы", "формаларына" are one letter from "нормасы": a one-word cue would be matched fuzzily."""
    assert "staffing" not in understand("тіршілік формаларына үйрету стационар қала").cues


@pytest.mark.parametrize("question", [
    "сколько палатных санитарок нужно на тех, кто сами не едят и не передвигаются?",
    "how many ward orderlies for residents who cannot move or eat on their own?",
    "өздігінен қозғала және тамақтана алмайтын қарттарға неше санитар керек?",
    "сколько палатных санитарок положено на группу лежачих в доме-интернате?",
])
def test_orderlies_for_residents_who_cannot_move_or_eat_are_the_self_care_group_s(engine: Engine, question: str):
    """Of the two ward orderlies, the one counted per group by self-care skills (its norm says "өздігінен қозғала
    және тамақтана алмайды"), not the one per round-the-clock post."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["position"].startswith("Санитар-палатадығы")


@pytest.mark.parametrize("question", ["ЕДШ нұсқаушысы қанша адамға бір штат бірлігі?",
                                      "ЕДШ нұсқаушысының штат нормативі қандай?"])
def test_a_position_named_by_words_no_staffing_title_prints_is_its_title(engine, question):
    # "ЕДШ" is the glossary's abbreviation of "емдік дене шынықтыру": the staffing table prints the words only
    answer = engine.ask(question)
    assert answer.intent == "staffing" and answer.status in ("answer", "clarify")
    shown = answer.results[0].fields["position"] if answer.status == "answer" else answer.choices[0].label
    assert "Емдік дене шынықтыру" in shown


@pytest.mark.parametrize(("question", "position"), [
    ("250 adam turatyn internatqa aspazshy neshe shtat", "Аспазшы"),
    ("180 adam turatyn qarttar uyine massazhist qansha shtat", "Массаж жасау жөніндегі мейіргер"),
])
def test_a_head_count_in_latin_script_kazakh_is_read_as_in_cyrillic(engine: Engine, question, position):
    # "adam" is a recipients' word, "aspazshy" the title said: the one position, its band for the head count
    answer = engine.ask(question)
    assert answer.intent == "staffing" and answer.status == "answer"
    assert {r.fields["position"] for r in answer.results} == {position}


def test_staff_failing_beside_a_violation_named_is_a_violation_question(engine: Engine):
    answer = engine.ask("our staff did nothing to help the client restore his lost ID documents. how serious is "
                        "this violation?")
    assert answer.intent == "violation"


@pytest.mark.parametrize("question", ["сколько положено палатных санитарок на 80 проживающих", "палаталық санитар штаты"])
def test_a_title_the_table_prints_twice_is_answered_with_both_rows_each_cited(engine: Engine, question):
    # "Санитар-палатадығы" (per group, note 2) and "Санитар-палатадағы" (per post, notes 3-5): one title, two rows
    answer = engine.ask(question)
    assert (answer.intent, answer.status) == ("staffing", "answer")
    assert {r.fields["position"].split(" (")[0] for r in answer.results} == {"Санитар-палатадығы", "Санитар-палатадағы"}
    assert {r.citation.item for r in answer.results} == {"35", "36"}
    assert sum(line.startswith(("Дереккөз", "Источник")) for line in answer.text.splitlines()) == 2


@pytest.mark.parametrize(("question", "positions"), [
    ("200 орындық интернатқа жүргізуші мен күзетші неше бірлік", {"Жүргізуші", "Күзетші"}),
    ("штатный норматив: сколько сторожей и водителей положено", {"Жүргізуші", "Күзетші"}),
])
def test_two_positions_asked_together_are_each_answered(engine: Engine, question, positions):
    answer = engine.ask(question)
    assert (answer.intent, answer.status) == ("staffing", "answer")
    assert {r.fields["position"] for r in answer.results} == positions


def test_a_title_said_only_as_part_of_a_longer_one_is_not_asked_too(engine: Engine):
    answer = engine.ask("бас аспазшы штат 100 адамға")  # "аспазшы" is said only inside "бас аспазшы"
    assert answer.status == "answer" and {r.fields["position"] for r in answer.results} == {"Бас аспазшы"}


@pytest.mark.parametrize("question", ["стационарда 50 адамга канша санитар керек", "120 adamga qansha sanitar kerek"])
def test_a_title_said_but_for_what_it_adds_in_brackets_is_the_one_asked(engine: Engine, question: str):
    """"санитар" is "Санитар (тазалаушы)" (what the brackets add need not be said), not the bath or ward orderly."""
    answer = engine.ask(question)
    assert answer.status == "answer" and [r.fields["position"] for r in answer.results][:1] == ["Санитар (тазалаушы)"]


def test_to_be_before_must_names_nothing_asked(engine: Engine):
    """"қанша болу керек" (how many must there be): "болу" is the verb "to be", no word of a title's "бар болса"."""
    answer = engine.ask("интернатта шаштараз штаты қанша болу керек, норматив бойынша")
    assert answer.status == "answer" and answer.results[0].fields["position"].startswith("Шаштараз")
