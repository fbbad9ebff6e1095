"""Understanding a question: its language, intent cues, filters, numbers and the content words left for matching."""

from __future__ import annotations

import pytest

from knowledge.answer.understand import MAX_TOKENS, Understood, understand
from knowledge.domain import Filters
from knowledge.text import loose


def words(u: Understood) -> list[tuple[str, str | None, float]]:
    return [(w.text, w.alt, w.weight) for w in u.words]


# ---------------------------------------------------------------- language


@pytest.mark.parametrize(("question", "lang"), [
    ("жартылай стационарда мейіргердің массажы ауылда қанша?", "kk"),  # Kazakh letters
    ("стационар тарифи", "kk"),  # no Kazakh letter, but a Kazakh word
    ("сколько стоит массаж медсестры в полустационаре в селе", "ru"),
    ("what is the rural rate for massage by a nurse in semi-stationary care", "en"),
    ("jartylay statsionarda meyirger massazh auylda qansha", "kk"),  # Latin-script Kazakh words
    ("Bórli aýdanynda úıde kútim qansha", "kk"),  # the 2018 acute alphabet
    ("awılda şaştaraz", "kk"),  # letters only Kazakh Latin has
    ("eki shagym tusti, dari bermeidi, ekeui de rastaldy", "kk"),  # Latin words no dictionary knows, no English word
    ("hydrotherapy Baiterek", "en"),  # ... spelt as English is
    # Kazakh on a Russian keyboard: most of its words are none the Russian dictionary knows
    ("уйде кызмет алатын кариага тамак жеткизилмеди, кандай бузушылык", "kk"),
    ("Байтерек ауданы уйде пеш жагуга комир жеткизу тарифи канша", "kk"),
    # a Russian question's misspelt or technical words are fewer than the ones the dictionary knows
    ("дарсонвализацыя в стационаре на селе, сколько стоит за месяц", "ru"),
    ("ЭЭГ у невролога в стационаре, какой сельский тариф", "ru"),
    # Latin words the glossary knows in Cyrillic too are transliterated, not English; nor is "is-shara" (іс-шара)
    ("pochem elektroforez polustacionar gorod", "ru"),
    ("jartylai stacionar logopedtin BOS terapiasy bir kunge qansha", "kk"),
    ("uide qyzmet korsetude demalys is-sharalaryna tartpady, qandai buzushylyq", "kk"),
    ("is this a gross violation", "en"),
    ("", "kk"),  # nothing to go on: Kazakh, the bot's first language
])
def test_language(question: str, lang: str) -> None:
    assert understand(question).lang == lang


# ---------------------------------------------------------------- intent and degree


@pytest.mark.parametrize(("question", "intent", "degree"), [
    ("массаж қанша тұрады", "tariff", None),
    ("сколько стоит массаж", "tariff", None),
    ("грубое нарушение отсутствие плана", "violation", "gross"),
    ("елеулі бұзушылық па", "violation", "significant"),
    ("is it a minor violation", "violation", "minor"),
    ("тексеру парағы уақытша болу", "checklist", None),
    ("штат 51-100 алушы", "staffing", None),
    ("how many nurses per 100 recipients", "staffing", None),  # a weak cue made strong by a head count
    ("ставка психолога в доме-интернате на 120 человек", "staffing", None),  # "ставка": a post, for a head count
    ("организация похорон в доме-интернате, ставка психолога, село", "tariff", None),  # ... a rate, for an area
    ("Байтерекский район, на дому: помощь в оплате коммуналки, ставка соцработника", "tariff", None),  # ... or a district
    ("Бөрлі ауданы, үйде: коммуналдық төлемдер, маман қажет пе", "tariff", None),
    ("кто утвердил приказ", "document", None),
    ("когда вступает в силу постановление Бурлинского района", "document", None),
    ("привет", "unknown", None),
    # a weak staffing word beside two areas weighed asks a rate compared, no head count
    ("stationary qualified medical consultation by a neurologist, city vs rural - I need the figure", "tariff", None),
])
def test_intent(question: str, intent: str, degree: str | None) -> None:
    u = understand(question)
    assert (u.intent, u.degree) == (intent, degree)


def test_a_price_asked_in_a_setting_asks_no_list_of_acts() -> None:
    story = ("Бурлинский район, временное пребывание. Мужчина все документы потерял, юрист помогает восстановить "
             "удостоверение личности. Какой тариф на восстановление документов?")
    assert "documents_list" not in understand(story).cues and understand(story).intent == "tariff"
    assert "documents_list" in understand("покажи все документы").cues


def test_cues() -> None:
    assert understand("когда вступает в силу постановление").cues == {"effective", "document"}
    assert understand("how many nurses are needed").cues == {"staffing_weak"}
    assert understand("штат").cues == {"staffing"}


# ---------------------------------------------------------------- filters


@pytest.mark.parametrize("question", [
    "жартылай стационарда мейіргердің массажы ауылда қанша?",
    "сколько стоит массаж медсестры в полустационаре в селе",
    "what is the rural rate for massage by a nurse in semi-stationary care",
    "jartylay statsionarda meyirger massazh auylda qansha",
    "жартылаи стационарда мейиргердин массажы ауылда канша",  # typed without Kazakh letters
])
def test_filters_in_every_language_and_script(question: str) -> None:
    assert understand(question).filters == Filters(setting="semi_stationary", area="rural", position="nurse")


def test_jurisdiction_and_home_setting() -> None:
    assert understand("Bórli aýdanynda úıde kútim qansha").filters == Filters(setting="home", jurisdiction="borli")
    assert understand("Байтерек ауданы психолог тарифі").filters == Filters(jurisdiction="baiterek",
                                                                            position="psychologist")
    assert understand("тариф по области").filters.jurisdiction == "oblast"


@pytest.mark.parametrize(("question", "setting"), [
    ("обучение навыкам на дому логопед полустационаре", "semi_stationary"),  # "на дому" is part of the service
    ("teaching life skills at home semi stationary", "semi_stationary"),
    ("консультирование на дому", "home"),  # alone, it names the setting
    ("teaching life skills at home", "home"),
])
def test_home_words_yield_to_a_setting_named_outright(question: str, setting: str) -> None:
    assert understand(question).filters.setting == setting


@pytest.mark.parametrize("question", ["дневное отделение массаж", "күндізгі бөлімшеде массаж", "дневной центр массаж",
                                      "облыстық күндізгі стационарда массаж", "дневной стационар массаж",
                                      "күндізгі оңалту бөлімшесінде массаж", "отделение дневной реабилитации массаж",
                                      "day rehab centre massage"])
def test_a_day_department_is_semi_stationary_care(question: str) -> None:
    assert understand(question).filters.setting == "semi_stationary"


@pytest.mark.parametrize("question", ["какие документы нужны для оформления инвалидности",
                                      "мүгедектікті рәсімдеу үшін қандай құжаттар керек",
                                      "what documents do I need for disability status"])
def test_papers_to_gather_are_out_of_scope_not_the_list_of_acts(question: str) -> None:
    u = understand(question)
    assert u.scope == "paperwork" and u.intent != "document"


def test_every_setting_named_is_kept_in_order() -> None:
    u = understand("обучение навыкам на дому логопед полустационаре стационар")
    # the settings named outright first, then a setting word that yields to them ("на дому"), as a candidate
    assert u.settings == ["semi_stationary", "stationary", "home"] and u.filters.setting == "semi_stationary"


@pytest.mark.parametrize("question", ["Размер МРП на 2026 год?", "айлық есептік көрсеткіш қанша", "minimum wage 2026"])
def test_other_figures_than_tariffs_are_out_of_scope(question: str) -> None:
    assert understand(question).scope == "other_figures"
    assert understand("штраф в МРП за грубое нарушение").intent == "sanction"  # a fine: the sanction reply says so
    # the amount of a fine asked beside a violation or a degree: still the sanction, never a price
    assert understand("how much is the fine for a significant violation").intent == "sanction"


@pytest.mark.parametrize("question", ["nobody gave the family social-pedagogical consultations at home, how bad is it",
                                      "at the day centre they stopped providing transport, how serious is that"])
def test_nobody_and_stopped_report_something_not_done(question: str) -> None:
    u = understand(question)
    assert u.intent == "violation" and "not_done" in u.cues


def test_a_paper_missing_in_an_incident_is_no_act_asked() -> None:
    assert understand("қызмет көрсетуді тоқтаттық, растайтын құжат жоқ, қай дәрежедегі бұзушылық").intent == "violation"
    assert understand("какой документ утвердил критерии").intent == "document"


@pytest.mark.parametrize("question", ["по какому приказу определяют степень нарушения, грубое или значительное",
                                      "which order sets the massage tariff", "қай бұйрықпен штат нормативтері бекітілген"])
def test_which_act_sets_something_is_a_document_question(question: str) -> None:
    assert understand(question).intent == "document"


@pytest.mark.parametrize("question", ["жаңа келген адамға тексеру жасалмады, қанша ауыр?",
                                      "jana kelgen adamgha tekseru jasalmady, qanshalyqty auyr?"])
def test_how_heavy_asks_a_degree_not_a_price(question: str) -> None:
    u = understand(question)
    assert u.intent == "violation" and "price" not in u.cues


@pytest.mark.parametrize(("question", "degree"), [
    ("стационарда колик берилмеди, уш рет баралмай калдык. оскелел бузушылык па?", "gross"),
    ("бұл ереккел бұзушылық па", "gross"),
    ("уйде тамак жеткизилмеди, елеуели бузушылык па", "significant"),
])
def test_a_misspelt_word_before_violation_is_the_degree_it_looks_most_like(question: str, degree: str) -> None:
    assert understand(question).degree == degree


@pytest.mark.parametrize("question", [
    "бір ай бойы тамақ болмады бұзушылық па",  # a negated verb ("болмады" ~ "болмашы") is no degree word
    "бұл қандай бұзушылық",
])
def test_no_degree_is_read_off_a_verb_or_a_question_word(question: str) -> None:
    assert understand(question).degree is None


def test_two_degrees_named_ask_which_one_not_whether() -> None:
    assert understand("демалыс шараларына шақырмаған, бұл болмашы ма әлде өрескел ме?").degree is None
    assert understand("демалыс шараларына шақырмаған, бұл өрескел ме?").degree == "gross"


@pytest.mark.parametrize("question", ["Aleumettik qyzmetkerdin ailyq zhalakysy qansha?", "зарплата соцработника",
                                      "what is a social worker's salary"])
def test_salaries_are_out_of_scope(question: str) -> None:
    assert understand(question).scope == "other_figures"


def test_a_city_of_the_region_is_the_city_area_and_a_home_for_the_old_is_stationary() -> None:
    assert understand("Орал қаласындағы жартылай стационарда хат жазуға көмек").filters.area == "city"
    assert understand("қарттар үйінде 300 адамға санитар").filters.setting == "stationary"


def test_an_out_of_scope_place_is_never_matched_by_a_typo() -> None:
    """"қаралған" (provided) looks like "Қарағанды" with a typo: a place the base does not hold is matched as written."""
    assert understand("100 қызмет алушыға неше психолог штат бірлігі қаралған").scope is None
    assert understand("Қарағандыда тариф қанша").scope == "other_region"


def test_an_abbreviated_temporary_stay_is_the_setting() -> None:
    assert understand("бурли врем. пребывание психолог тариф").filters.setting == "temporary"


def test_transliterated_russian_is_not_read_as_english() -> None:
    u = understand("konsultirovanie chlenov semi po vospitaniyu i obucheniyu detey na domu Burlinskiy rayon selo")
    assert (u.lang, u.filters.setting, u.filters.area) == ("ru", "home", "rural")  # "semi" is семьи here
    assert understand("Borli day care organising holidays").filters.setting == "semi_stationary"
    assert understand("i need the massage rate in semi stationary").lang == "en"


@pytest.mark.parametrize(("question", "area"), [("Borli auyly uige ystyq tamaq qansha", "rural"),
                                              ("Бәйтерек ауылында үйде хат жазу", "rural"),
                                              ("Қаладағы стационарда құжат рәсімдеу тарифі", "city")])
def test_an_area_in_any_case_form(question: str, area: str) -> None:
    assert understand(question).filters.area == area


def test_give_after_a_converb_only_says_for_whom() -> None:
    assert [w.text for w in understand("хат жазып, оқып беруге көмек").words] == ["хат", "жазып", "окып", "комек"]
    assert [w.text for w in understand("кеңес беру тарифі").words] == ["кенес", "беру"]  # "кеңес беру": to consult


@pytest.mark.parametrize(("question", "readings"), [
    ("хат жазып-оқып беруге көмек", {"жазып": "жазу", "окып": "оку"}),
    ("жәрдемақыны сенімхат арқылы алып беру", {"алып": "алу"}),
    # "әкеліп" is "әкелу" (bring), which the acts print as "жеткізу" (deliver): the printed reading comes first
    ("азық-түлік сатып әкеліп беру", {"сатып": "сату", "акелип": "жеткизу"}),
    ("бөлмені тазалап беру", {"тазалап": "тазалау"}),
    ("жазып алдым", {"жазып": None})])  # not done for someone: no service named by it
def test_a_converb_done_for_someone_is_read_as_the_service_it_names(question: str, readings: dict) -> None:
    """"жазып беру" is writing for someone: the acts name that service by the verbal noun, "хаттарды жазу"."""
    words = {w.text: w.alt for w in understand(question).words}
    assert {word: words.get(word) for word in readings} == readings


def test_the_unit_of_a_rate_said_as_a_day_names_nothing() -> None:
    assert "кундик" not in [w.text for w in understand("хат жазуға көмектің бір күндік құны").words]


@pytest.mark.parametrize("question", ["Полустационар в Уральске: помощь в оформлении документов",
                                      "Robotic locomotor therapy at a semi-stationary centre in Oral",
                                      "Орал қаласындағы қарттар үйінде тырнақ алу"])
def test_the_oblast_city_named_is_the_oblast_and_the_city_area(question: str) -> None:
    assert (understand(question).filters.jurisdiction, understand(question).filters.area) == ("oblast", "city")


def test_returning_home_is_not_the_city_named() -> None:
    assert understand("туған ауылына оралуға билет алуға көмек").filters.jurisdiction is None


def test_the_unit_of_a_rate_is_no_content() -> None:
    assert [w.text for w in understand("стационарда тырнақ алу айына қанша тұрады").words] == ["тырнак", "кесу"]  # "алу" of "тырнақ алу" read as printed
    assert {w.text for w in understand("monthly rate of massage in the stationary").words} == {"massage"}
    assert "daily" in {w.text for w in understand("daily health check semi stationary city").words}  # a service's word


def test_latin_script_kazakh_stopwords_are_no_content() -> None:
    u = understand("shtat normativteri boiynsha stacionarda medbike neshe birlik")
    assert not {"boiynsha", "neshe"} & {w.text for w in u.words}
    assert {w.text for w in understand("how many nurses per shift").words} >= {"shift"}  # English words stay


def test_the_first_setting_and_the_last_area_win() -> None:
    u = understand("стационар на дому в городе, в селе")
    assert (u.filters.setting, u.filters.area) == ("stationary", "rural")
    # ... unless the two areas are weighed against each other ("или в"): then both are shown
    assert understand("стационар на дому в городе или в селе").filters.area is None


# ---------------------------------------------------------------- words and numbers


def test_content_words_are_loose_with_positions_optional_and_settings_apart() -> None:
    u = understand("жартылай стационарда мейіргердің массажы ауылда қанша?")
    assert words(u) == [("меииргердин", None, 0.35), ("массажы", None, 1.0)]
    assert [w.text for w in u.filter_words] == ["жартылаи", "стационарда"]


def test_latin_words_carry_their_cyrillic_reading() -> None:
    u = understand("jartylay statsionarda meyirger massazh auylda qansha")
    assert words(u) == [("meyirger", "меииргер", 0.35), ("massazh", "массаж", 1.0)]


def test_stopwords_and_single_letters_are_dropped() -> None:
    assert words(understand("и в массаж для a the")) == [("массаж", None, 1.0)]
    assert [w[0] for w in words(understand("their massage got its"))] == ["massage"]  # English function words
    # ... and those of phone-typed stories ("why", "during", "pls"): no word of a service's name
    assert [w[0] for w in words(understand("why massage during the week pls thx"))] == ["massage", "week"]


def test_numbers() -> None:
    assert understand("штат 51-100 алушы").numbers == ["51", "100"]
    assert understand("2026 жылғы тариф").numbers == ["2026"]
    assert understand("массаж").numbers == []


# ---------------------------------------------------------------- any input


@pytest.mark.parametrize("question", ["", "   ", "😀😀", "???", None])
def test_empty_input(question: str | None) -> None:
    u = understand(question)  # type: ignore[arg-type]
    assert u.empty and u.intent == "unknown" and not u.words and u.filters == Filters()


def test_html_tags_are_not_words() -> None:
    u = understand("<b>массаж</b> <a href='x'>қала</a>")
    assert [w.text for w in u.words] == ["массаж"] and u.filters.area == "city"


def test_zero_width_characters_do_not_split_words() -> None:
    assert understand("мей\u200bіргер массаж").filters.position == "nurse"


def test_long_input_is_cut() -> None:
    u = understand("массаж " * 1000)
    assert 0 < len(u.words) <= MAX_TOKENS


# ---------------------------------------------------------------- the form of a question


@pytest.mark.parametrize("question", [
    "сколько стоит обеспечение гигиеническими средствами",  # its words also name a risk criterion
    "почём психологическая диагностика",
    "стоимость доврачебной помощи",
    "гигиеналық құралдармен қамтамасыз ету қанша тұрады",
    "психологиялық диагностика бағасы",
    "how much is psychological diagnostics",
    "price of providing hygiene products",
    "тариф на консультацию психолога",
])
def test_a_price_asked_is_a_tariff_question(question: str) -> None:
    u = understand(question)
    assert {"price", "tariff_named"} & u.cues and u.intent == "tariff"


@pytest.mark.parametrize("question", ["какое постановление утвердило тарифы Бурлинского района",
                                      "Бөрлі ауданының тарифтері қай қаулымен бекітілген",
                                      "which decree sets the Bäyterek tariffs",
                                      "send me the oblast document with 2026 tariffs for stationary care",
                                      "Скиньте документ: тарифы Байтерекского района на надомное обслуживание",
                                      "Бөрлі ауданының үйде қызмет көрсету тарифтері бекітілген құжатты жіберші"])
def test_the_word_tariff_in_a_question_about_the_act_asks_about_the_act(question: str) -> None:
    assert understand(question).intent == "document"


@pytest.mark.parametrize("question", ["how much is help obtaining medicines per doctors' orders, rural",
                                      "rural semi stationary daily health check Börli district"])
def test_a_price_or_a_place_makes_cue_words_in_a_service_name_part_of_the_name(question: str) -> None:
    assert understand(question).intent == "tariff"


@pytest.mark.parametrize("question", [
    "психолог не провёл диагностику",
    "не обеспечили гигиеническими средствами",
    "психолог не проводит консультации",
    "отсутствует индивидуальный план работы",
    "нет индивидуального плана",
    "психолог диагностика жүргізбеді",
    "диагностика жүргізілмеді",
    "гигиеналық құралдармен қамтамасыз етпеді",
    "жеке жұмыс жоспары жоқ",
    "the psychologist did not carry out diagnostics",
    "recipients didn't get hygiene products",
    "the organisation failed to provide hygiene products",
    "hygiene products not provided",
    "no individual work plan for the recipient",
    "psiholog diagnostika ne provel",  # transliterated Russian
    "psikholog diagnostika zhurgizbedi",  # Latin-script Kazakh
])
def test_something_not_done_is_an_incident_and_a_violation_question(question: str) -> None:
    u = understand(question)
    assert u.incident and u.intent == "violation"


def test_an_incident_with_a_price_asked_stays_a_tariff_question() -> None:
    u = understand("массаж не провели, сколько он стоит")
    assert u.incident and u.intent == "tariff"
    # in a condition the same words describe a case: no incident at all
    u = understand("сколько стоит массаж, если его не провели")
    assert not u.incident and "described" in u.cues and u.intent == "tariff"


@pytest.mark.parametrize("question", [
    "Borli home care funeral services no relatives rural",  # a plain "no" is part of a name
    "не более 10 получателей",  # "не" before no verb
    "массаж қанша тұрады",
    "стационар массаж медсестра",
    "помады команды",  # Russian words that end like a Kazakh negative
])
def test_other_questions_are_no_incident(question: str) -> None:
    assert not understand(question).incident


@pytest.mark.parametrize("question", [
    "какой штраф за отсутствие индивидуального плана",
    "какое наказание за грубое нарушение",
    "айыппұл қандай",
    "бұзушылық үшін қандай жаза бар",
    "what is the fine for a gross violation",
    "penalty for missing the individual plan",
    "what sanctions apply",
])
def test_a_fine_or_penalty_asked_is_a_sanction_question(question: str) -> None:
    u = understand(question)
    assert "sanction" in u.cues and u.intent == "sanction"


@pytest.mark.parametrize(("question", "scope"), [
    ("сколько стоит массаж в Алматы", "other_region"),
    ("Астанада үйде күтім қанша тұрады", "other_region"),
    ("home care tariff in Shymkent", "other_region"),
    ("тарифы Актюбинской области", "other_region"),
    ("какой размер пенсии по инвалидности", "benefit"),
    ("жәрдемақы қанша", "benefit"),
    ("сколько стоит такси до больницы", "taxi"),
    ("погода в Уральске", "weather"),
    ("ауа райы қандай", "weather"),
    ("әлеуметтік қызметкердің жұмыс уақыты күніне неше сағат", "working_time"),
    ("сколько длится рабочий день соцработника на дому", "working_time"),
    ("working hours of a care worker in a care home", "working_time"),
    ("әлеуметтік қызметкердің жылдық демалысы неше күн", "leave"),
    ("әлеуметтік қызметкердің жыл сайынғы ақылы демалысы неше күн", "leave"),
    ("Сколько дней отпуска положено соцработнику на дому?", "leave"),
    ("Нормы питания в доме престарелых — сколько грамм мяса в день положено?", "food_norms"),
    ("Как уволить соцработника за прогул, какой порядок?", "employment"),
    ("Как оформить инвалидность ребёнку, какие документы нести в ЦОН?", "paperwork"),
])
def test_topics_the_base_does_not_hold(question: str, scope: str) -> None:
    assert understand(question).scope == scope


def test_benefits_as_the_subject_of_a_service_are_in_scope() -> None:
    # "содействие в получении пособий" is a service of the stationary tables: with a setting named it is asked about
    assert understand("стационар содействие в получении пособий город").scope is None
    assert understand("жартылай стационар жәрдемақыларды алуға жәрдемдесу").scope is None


# ---------------------------------------------------------------- Latin script reads like Cyrillic


def reading(u: Understood) -> tuple:
    """What the engine matches and filters by: the words' keys and weights, filters, cues, intent, incident."""
    return ([(w.roots, w.weight) for w in u.words], [w.roots for w in u.filter_words], u.filters, u.cues,
            u.intent, u.incident)


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("skolko stoit massazh v polustacionare", "сколько стоит массаж в полустационаре"),
    ("jartylai statsionar massaj qala", "жартылай стационар массаж қала"),
    ("psiholog diagnostika ne provel", "психолог диагностика не провел"),
    ("zhartylai statsionarda meyirger massazh auylda qansha", "жартылай стационарда мейіргер массаж ауылда қанша"),
    ("diagnostika zhurgizilmedi", "диагностика жүргізілмеді"),
    # a place or setting spelt in Latin letters with the word after it that makes its longer name
    ("borli audany uide kutim kir zhuuga komek", "бөрлі ауданы үйде күтім кір жууға көмек"),
])
def test_latin_script_reaches_the_words_of_the_cyrillic_question(latin: str, cyrillic: str) -> None:
    assert reading(understand(latin)) == reading(understand(cyrillic))


def test_a_shortened_specialist_in_a_shortened_district() -> None:
    u = understand("Временное пребывание в Бурлинском р-не, поддержка связи с родственниками, спец по соцработе")
    assert u.filters.position == "social_work_specialist" and u.filters.jurisdiction == "borli" and not u.incident


def test_a_specialist_in_social_work_said_short() -> None:
    assert understand("Скока ставок спеца по соц работе положено в стацонаре на 80").filters.position == \
        "social_work_specialist"


def test_a_request_word_in_another_form_asks_nothing() -> None:
    # "составьте" asks for a draft; "не составлен" reports a plan not drawn up
    u = understand("Индивидуальный план работы на клиента не составлен. Как это оценивается?")
    assert "how_to" not in u.cues and u.intent == "violation"
    assert "how_to" in understand("составьте заявление").cues


def test_still_working_asks_whether_an_act_is_in_force() -> None:
    assert "in_force" in understand("2021 жылғы 343 бұйрық әлі жұмыс істей ме?").cues


@pytest.mark.parametrize("question", [
    "штат нормативтері бекітілген бұйрықты әлі де қолдануға бола ма?",
    "можно ли ещё применять нормативы штатной численности 2021 года?",
    "can we still use the 2021 staffing norms order?",
    "Персоналдың ең төменгі штат нормативтері бекітілген бұйрық күшін жойды ма?",
    "приказ, утвердивший минимальные штатные нормативы персонала, утратил силу?",
])
def test_still_applied_asks_whether_an_act_is_in_force(engine, question: str) -> None:
    # a staffing question would show the repealed figures; this one asks about the act
    answer = engine.ask(question)
    assert answer.intent == "document" and answer.results[0].fields["number"] == "343"


@pytest.mark.parametrize(("question", "area"), [
    ("Дом-интернат в селе: услуга городской телефонной связи для проживающих, тариф?", "rural"),
    ("Oblast care home, rural: monthly rate for a city telephone line?", "rural"),
    ("городская телефонная связь в доме-интернате, город, тариф?", "city"),
])
def test_the_city_of_the_city_telephone_is_its_name_not_the_area(question: str, area: str) -> None:
    u = understand(question)
    assert u.filters.area == area and any(w.text.startswith(("телефон", "telephone")) for w in u.words)


def test_stand_is_no_price() -> None:
    # "стоят закрытые": the workshops stand closed; "сколько стоят" still asks a price
    u = understand("В доме-интернате нет лечебно-трудовой деятельности, мастерские стоят закрытые. Какая степень?")
    assert "price" not in u.cues and u.intent == "violation"
    assert "price" in understand("сколько стоят услуги массажа").cues


@pytest.mark.parametrize("question", ["Joint order No. 401 on risk criteria — is it in force?", "Is order No 343 valid?"])
def test_no_before_a_number_is_the_number_sign(question: str) -> None:
    u = understand(question)
    assert not u.incident and "not_done" not in u.cues and "no" not in u.tokens


def test_no_before_a_count_still_reports_something_missing() -> None:
    assert understand("no food for 2 days, is it gross?").intent == "violation"


def test_transliterated_russian_is_russian() -> None:
    assert understand("skolko stoit massazh v polustacionare").lang == "ru"
    assert understand("psiholog diagnostika ne provel").lang == "ru"
    assert understand("how much is massage in semi-stationary care").lang == "en"  # English stays English


@pytest.mark.parametrize("question", ["Бөрлі ауданында стационар жоқ па", "нет ли тарифа на массаж в селе"])
def test_asking_whether_something_exists_is_no_incident(question: str) -> None:
    assert not understand(question).incident


@pytest.mark.parametrize("question", ["home care: no vocational guidance was carried out",
                                      "no sign language interpreter was provided for a deaf person",
                                      "there was no individual plan for the resident"])
def test_english_no_with_a_verb_or_for_reports_something_not_done(question):
    u = understand(question)
    assert u.incident and "not_done" in u.cues


def test_a_plain_english_no_reports_nothing():
    assert not understand("no, the rural rate please").incident


def test_a_benefit_word_in_an_incident_names_a_service_not_an_amount():
    assert understand("не помогли оформить пособие и алименты").scope is None
    assert understand("какая пенсия по инвалидности").scope == "benefit"


@pytest.mark.parametrize(("question", "noun"), [
    ("необеспечение доступности объекта для лиц с инвалидностью", "обеспечение"),
    ("непредоставление койко-места при временном пребывании", "предоставление"),
    ("несодействие в получении пособий", "содействие")])
def test_a_negated_noun_of_action_reports_something_not_done(question, noun):
    from knowledge.answer.negation import split_fused

    u = understand(question)
    assert "not_done" in u.cues and u.intent == "violation"
    assert noun in split_fused(question.split())


def test_words_that_only_begin_with_ne_stay_whole():
    from knowledge.answer.negation import split_fused

    words = ["неотложные", "несовершеннолетние", "недееспособных"]
    assert split_fused(words) == words


@pytest.mark.parametrize(("question", "setting"), [
    ("Отбасы мүшелерін үй жағдайында үйрету логопед жартылай стационар Бөрлі", "semi_stationary"),
    ("тұрғын үй жағдайын жақсартуға жәрдемдесу стационар", "stationary"),
    ("үй жағдайында күтім Бөрлі", "home")])
def test_a_setting_word_inside_a_service_name_yields_to_the_setting_named(question, setting):
    assert understand(question).filters.setting == setting


@pytest.mark.parametrize(("question", "setting"), [("Күндізгі болу бөлімшесінде массаж жасау қанша?", "semi_stationary"),
                                                   ("уақытша болу бөлімшесінде психолог кеңесі қанша?", "temporary")])
def test_a_setting_named_by_its_department_takes_the_department_word(question, setting):
    """"бөлімшесінде" (in the department) is the setting's word, not a service's."""
    u = understand(question)
    assert u.filters.setting == setting and not any(w.text.startswith("болимше") for w in u.words)


def test_an_abbreviated_city_is_the_city_area():
    assert understand("полустационар обл., массаж, тариф гор. в день").filters.area == "city"


@pytest.mark.parametrize("question", ["Во временном пребывании не проверили трудовые навыки. Насколько это грубо?",
                                      "Үйде демалыс шараларына шақырмаған, қаншалықты өрескел?",
                                      "no leisure activities at the day centre, how gross is that?"])
def test_how_bad_before_a_degree_word_asks_the_degree_not_yes_or_no(question) -> None:
    u = understand(question)
    assert u.degree is None and "violation" in u.cues


def test_a_degree_word_asked_outright_is_a_yes_or_no() -> None:
    assert understand("соцработник не провёл патронаж — это грубое нарушение?").degree == "gross"


@pytest.mark.parametrize("word", ["елеулі", "елеули", "елеулы", "елеуле"])
def test_the_significant_degree_in_any_spelling_of_its_vowel(word: str) -> None:
    # "і" is typed "и", "ы" or "е" on a keyboard without Kazakh letters
    assert understand(f"стационарда психолог кеңес бермеді, {word} бұзушылық па?").degree == "significant"


def test_russian_function_words_are_no_content() -> None:
    words = {w.text for w in understand("похороны проживающего если этим занимается наш специалист").words}
    assert not words & {"если", "етим", "наш"}


def test_oblast_stationary_in_one_word_is_stationary_care() -> None:
    assert understand("Облстационар, село: массаж медсестры сколько?").filters.setting == "stationary"


@pytest.mark.parametrize(("question", "item"), [
    ("жартылай стационар, қала: қарияға хатты жазып-оқып беру бір күндік бағасы", 4),
    ("стационар ауыл: сенімхатпен жәрдемақыны алып беру қанша тұрады", 34)])
def test_a_service_said_as_done_for_someone_is_found(engine, question: str, item: int) -> None:
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == item


@pytest.mark.parametrize(("question", "word"), [("ақыл-ой кемістігі бар балалар", "акыл"),
                                                 ("бағалау жүргізу мерзімі бұзылды", "багалау")])
def test_a_word_beginning_like_a_price_word_is_no_price(question: str, word: str) -> None:
    """"ақыл" (mind) and "бағалау" (assessment) begin like "ақы" (fee) and "баға" (price): they name what they name."""
    u = understand(question)
    assert word in [w.text for w in u.words] and "tariff" not in u.cues
    assert "tariff" in understand("бағасы қанша").cues and "tariff" in understand("ақысы қанша").cues


@pytest.mark.parametrize(("question", "area"), [
    ("Бурлинский район, г. Аксай: массаж на дому", "city"),
    ("в г.Аксай массаж", "city"),
    ("тарифы на 2026 г. Бурлинский район, массаж", None),  # "2026 г.": a year
])
def test_a_town_named_after_g_is_the_city_area(question, area):
    assert understand(question).filters.area == area


@pytest.mark.parametrize("question", ["Ақсайда үйде тамақ жеткізу қанша тұрады?",
                                      "в Аксае надомное обслуживание, доставка продуктов",
                                      "Aksaida uide tamaq jetkizu qansha?"])
def test_the_district_s_town_in_any_case_is_the_district_and_the_city_area(question):
    f = understand(question).filters
    assert f.jurisdiction == "borli" and f.area == "city"


def test_a_word_after_ne_is_read_as_the_verb_it_can_be() -> None:
    # "мыла" is "мыло" (soap) to the dictionary first; after "не" Russian puts a verb: "не мыла" is "not washed"
    washed = {w.text: w.alt for w in understand("соцработница не мыла бабушку неделю").words}
    assert washed["мыла"] == "мыт"  # loose: the soft sign dropped
    soap = {w.text: w.alt for w in understand("в стационаре не выдали мыла").words}
    assert soap["мыла"] is None


@pytest.mark.parametrize("question", ["в ПНИ не проводят досуг", "психоневрологический интернат, массаж, село"])
def test_a_psychoneurological_home_is_residential_care(question: str) -> None:
    assert understand(question).filters.setting == "stationary"


def test_a_verbal_noun_read_for_a_service_is_looked_up_by_its_own_keys() -> None:
    # "алып беру" (to get for someone): the service is "алу", whose inflections ("алуға") are its keys, not "алып"'s
    got = next(w for w in understand("тегін адвокат алып беру қанша").words if w.text == "алып")
    assert got.alt == "алу" and got.roots == ()


@pytest.mark.parametrize(("question", "intent"), [
    ("what does the inspector check in home care", "checklist"),
    ("the day centre did not do the medical check of a new client on admission", "violation"),
])
def test_check_asks_for_a_checklist_unless_something_is_reported_not_done(question, intent):
    assert understand(question).intent == intent


@pytest.mark.parametrize(("question", "setting"), [
    ("в ДИ нет кружков для проживающих", "stationary"),  # ДИ: дом-интернат
    ("Орал күндізгі бөлім логопед сабағы қанша", "semi_stationary"),
])
def test_abbreviated_and_short_names_of_a_setting(question, setting):
    assert understand(question).filters.setting == setting


@pytest.mark.parametrize("question", [
    "қажеттілікті бағалау мерзімінен кеш жүргізілді",
    "оценку потребности провели с опозданием",
    "the needs assessment was done late",
])
def test_something_done_late_is_reported_as_not_done_right(question):
    u = understand(question)
    assert "not_done" in u.cues and u.intent == "violation"


@pytest.mark.parametrize(("question", "intent", "degree"), [
    ("тексеру актісіне күтім сапасы сақталмаған деп жазылды, қандай дәреже", "violation", None),  # a report
    ("тәуекел дәрежесін бағалау өлшемшарттары бұйрығы қай күні тіркелді", "document", None),  # "бұйрығы"
    ("в интернате нет журнала учёта, это мелочь?", "violation", "minor"),
])
def test_an_inspection_report_an_order_in_any_case_and_a_trifle(question, intent, degree):
    u = understand(question)
    assert (u.intent, u.degree) == (intent, degree)


@pytest.mark.parametrize(("question", "intent"), [
    ("сколько инструкторов ЛФК положено, если 60 проживающих с нарушениями ОДА", "staffing"),
    ("the decision on services was issued late, how serious?", "violation"),
    ("the needs assessment was made after the deadline, what degree?", "violation"),
    ("the decision on services for a client was issued three weeks late, how serious?", "violation"),
])
def test_a_disorder_is_no_violation_and_something_issued_late_is_one(question, intent):
    u = understand(question)
    assert u.intent == intent
    assert "violation" not in u.cues or intent == "violation"


def test_the_words_of_a_disorder_are_still_searched():
    words = [w.text for w in understand("патронаж детей с нарушениями ОДА на дому").words]
    assert "ода" in words and not any(w.startswith("нарушени") for w in words)


@pytest.mark.parametrize(("question", "degree"), [
    ("нет журнала учёта, это мелочь или серьёзно?", None),  # which one: no yes-or-no about "minor"
    ("is it serious or minor?", None),
    ("нет журнала учёта, это грубое или нет?", "gross"),  # yes or no about "gross"
    ("is it minor or not?", "minor"),
    ("нет журнала учёта, это мелочь или как?", "minor"),  # "or what": yes or no about "minor"
    ("is it minor or what", "minor"),
])
def test_a_degree_set_against_something_else_by_or_asks_which(question, degree):
    assert understand(question).degree == degree


@pytest.mark.parametrize("question", ["массаж стационар горот", "лфк на дому бурли горад сколько"])
def test_the_city_typed_as_heard_is_the_city(question):
    assert understand(question).filters.area == "city"


@pytest.mark.parametrize(("question", "position"), [
    ("в интернате не оказывают психиатрическую помощь, какая степень", None),  # a service, no job title
    ("сколько стоит консультация психиатра в стационаре", "psychiatrist"),
])
def test_psychiatric_care_is_a_service_and_the_psychiatrist_a_position(question, position):
    assert understand(question).filters.position == position


@pytest.mark.parametrize("question", ["в селе дешевле массаж в стационаре или в городе?",
                                      "residential care massage: city vs village, which costs more",
                                      "стационарда массаж қалада қымбат па, ауылда ма"])
def test_two_areas_weighed_against_each_other_leave_the_area_open(question: str) -> None:
    u = understand(question)
    assert u.filters.area is None and "weighed" in u.cues
    assert not {"город", "city", "кала", "селе", "village", "ауылда"} & {w.text for w in u.words}


def test_an_area_word_of_a_name_is_still_searched_beside_the_area_asked() -> None:
    u = understand("городская телефонная связь в стационаре в селе")
    assert u.filters.area == "rural" and any(w.text.startswith("город") for w in u.words)


def test_psych_is_psychological(engine) -> None:
    answer = engine.ask("psych consultation in residential care, city rate")
    assert answer.status == "answer" and answer.results[0].fields["position"] == "Психолог"


def test_under_is_a_function_word() -> None:
    """"under his rehab programme": "under" names nothing a requirement or a service is about."""
    assert "under" not in {w.text for w in understand("he never got hearing aids under his rehab programme").words}


def test_its_severity_asked_is_a_violation_question(engine) -> None:
    """"ауырлығы қандай" (how severe is it) asks a degree: the participle before it reports what was not done."""
    question = "уақытша болу бөлімінде келген адамға алғашқы медициналық тексеру жасалмаған ауырлығы қандай"
    assert understand(question).intent == "violation"
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].type == "criterion"


@pytest.mark.parametrize(("typed", "printed"), [("элеуметтик", "әлеуметтік"), ("кэсиптик", "кәсіптік")])
def test_a_kazakh_word_typed_with_e_for_its_look_alike_ae_is_also_read_with_ae(typed: str, printed: str) -> None:
    word = next(w for w in understand(f"стационар {typed} қызмет").words if w.text == loose(typed))
    assert word.alt == loose(printed)


def test_a_position_typed_with_e_for_ae_is_the_position() -> None:
    """"элеуметтик жумыс жониндеги маман" is the social work specialist's title, read by the glossary as well."""
    u = understand("Байтерек уйде мэс откизуге жардемдесу элеуметтик жумыс жониндеги маман канша")
    assert u.filters.position == "social_work_specialist"
    assert [w.text for w in u.words if not w.position] == ["мес", "откизуге", "жардемдесу"]


def test_a_verb_made_perfective_by_pro_is_also_read_without_it() -> None:
    word = next(w for w in understand("на дому не проконсультировали семью").words if w.negated)
    assert word.alt == "консултировали"


def test_a_russian_word_with_e_keeps_its_own_reading() -> None:
    word = next(w for w in understand("экспертиза документов").words if w.text.startswith("е"))
    assert word.alt is None


def test_a_rate_asked_with_ae_typed_as_e_is_answered(engine) -> None:
    answer = engine.ask("стационар егде жастагы адамдарга элеуметтик психологиялык камкорлык ауыл")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 137


@pytest.mark.parametrize(("question", "area"), [("үйде күтім ауылдық жерде", "rural"), ("қалалық жерде массаж", "city")])
def test_an_area_said_with_jer_is_the_area_and_leaves_no_word_to_search(question: str, area: str) -> None:
    u = understand(question)
    assert u.filters.area == area and not any(w.text.startswith("жер") for w in u.words)


@pytest.mark.parametrize(("question", "degree"), [
    ("не возили на лечение, насколько серьёзно, значительное?", "significant"),  # how bad, then a yes or no
    ("насколько это грубо", None),  # how bad only
    ("жоспар жасалмаған, ауыр бұзушылық па", "gross"),  # a grave one asked: yes or no
    ("жоспар жасалмаған, бұл канша ауыр бұзушылык", None),  # how grave
    ("врача не вызвали, это минор или нет?", "minor"),
])
def test_a_degree_after_a_how_bad_phrase_of_its_own_asks_yes_or_no(question: str, degree: str | None) -> None:
    assert understand(question).degree == degree
