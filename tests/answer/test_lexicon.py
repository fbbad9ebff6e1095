"""The word-level lexicon: a clean file, matching by word keys (longest phrase first), renderings that read as the
service in Russian and English, and a service no alias row names found by a Russian or English question."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from knowledge.answer.lexicon import HEADER, LEXICON_PATH, Entry, Lexicon, load_entries, load_lexicon

NAMES = ("select distinct service from tariffs union select criterion from criteria "
         "union select requirement from checklist_items")


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="module")
def names(kb_path: Path) -> list[str]:
    """Every Kazakh name of a service, criterion or requirement of the base."""
    return [row[0] for row in sqlite3.connect(kb_path).execute(NAMES)]


# --- the file ---


def test_file_parses_with_one_entry_per_kazakh_word(lexicon):
    entries = load_entries()
    assert len(entries) == len(lexicon) >= 300
    assert len({e.key for e in entries}) == len(entries)


def test_every_entry_is_words_of_the_base(names):
    """The lexicon is built from the vocabulary of the base: an entry whose words no name prints (in any inflection)
    is a typo or a stale form."""
    from knowledge.answer.lexicon import word_key
    from knowledge.text import tokens

    printed = [[word_key(t) for t in tokens(name) if not t.isdigit()] for name in names]
    runs = {tuple(words[i:i + size]) for words in printed for size in range(1, 9) for i in range(len(words))}
    unused = [e.kk for e in load_entries() if e.key not in runs]
    assert unused == []


def test_every_name_of_the_base_has_a_rendering_that_stands_for_it(lexicon, names):
    short = [name[:80] for name in names if not lexicon.render(name).stands_for_name]
    assert short == []
    words = sum(lexicon.render(name).words for name in names)
    known = sum(lexicon.render(name).known for name in names)
    assert known >= 0.97 * words


def test_russian_renderings_are_cyrillic_and_english_are_not():
    for entry in load_entries():
        assert all(any("а" <= ch.lower() <= "я" for ch in text) for text in entry.ru), entry
        assert not any(any("а" <= ch.lower() <= "я" for ch in text) for text in entry.en), entry


# --- matching and rendering ---


def test_the_longest_phrase_wins_and_inflection_does_not_matter(lexicon):
    matched = lexicon.match("қарттарға арналған кір жуу")
    assert [(printed, entry.kk if entry else None) for printed, entry in matched] == [
        ("қарттарға", "қарт"), ("арналған", "арналған"), ("кір жуу", "кір жуу")]
    assert lexicon.render("кір жуу").names["en"][0] == "laundry"


def test_function_words_are_known_but_not_rendered(lexicon):
    rendering = lexicon.render("Массаж және УВЧ терапиясы")
    assert rendering.names["ru"][0] == "массаж УВЧ-терапия"
    assert (rendering.known, rendering.words, rendering.unknown) == (4, 4, ())


def test_unknown_words_and_numbers(lexicon):
    rendering = lexicon.render("18 жастан асқан балаларға қырыққабат")
    assert rendering.unknown == ("қырыққабат",)
    assert rendering.words == 4  # the number is not a word
    assert "старше" in rendering.names["ru"][0] and "дети" in rendering.names["ru"][0]


def test_alternative_renderings_make_a_second_name_and_each_word_comes_once():
    lexicon = Lexicon([Entry("мейіргер", ("медсестра", "медицинская сестра"), ("nurse",)),
                       Entry("массаж", ("массаж",), ("massage",)), Entry("мен", (), ())])
    rendering = lexicon.render("массаж мейіргер мен массаж")
    assert rendering.names == {"ru": ["массаж медсестра", "массаж медицинская сестра"], "en": ["massage nurse"]}


SAMPLES = [
    # (a Kazakh service name as the base prints it, a Russian word, an English word its rendering must carry)
    ("Тырнақтарды кесу", "стрижка ногтей", "nail cutting"),
    ("Дәрігерге дейінгі көмек көрсету", "доврачебная помощь", "pre-medical aid"),
    ("УВЧ терапиясы", "УВЧ", "UHF"),
    ("Әлеуметтік-медициналық сипаттағы оңалту іс-шараларын жүргізу, оның ішінде дәрілік емес терапия қызметтері: "
     "массаж", "массаж", "massage"),
    ("қарттар мен мүгедектерге арналған заттарды жууға көмектесу", "стирка", "laundry"),
    ("Қарттарға және мүгедектігі бар адамдарға тамақ дайындауға көмек көрсету", "приготовление пищи", "cooking"),
    ("Қалалық телефон байланысы қызметтерін ұсыну", "телефонная связь", "telephone"),
    ("Мүгедектігі бар адамдарды кәсіптік оңалту", "профессиональная реабилитация", "vocational rehabilitation"),
    ("Психологиялық кеңес беру", "психологический", "counselling"),
    ("Шаштараз қызметтерін көрсету (қарапайым шаштараздарда қызмет көрсету қиын немесе мүмкін емес қызметтерді "
     "алушылар үшін)", "парикмахерские услуги", "hairdressing"),
    ("Орталық жылу және су жүйесі жоқ тұрғын үйде тұратын қарттарға және мүгедектігі бар адамдарға пешті жағуға, "
     "отын, көмір және су жеткізуге көмек көрсету", "уголь", "coal"),
]


@pytest.mark.parametrize(("kazakh", "ru", "en"), SAMPLES)
def test_renderings_of_services_read_as_the_service(lexicon, names, kazakh, ru, en):
    assert kazakh in names, "the sample must be a name the base prints"
    rendering = lexicon.render(kazakh)
    assert any(ru.casefold() in name.casefold() for name in rendering.names["ru"]), rendering.names["ru"]
    assert any(en.casefold() in name.casefold() for name in rendering.names["en"]), rendering.names["en"]


# --- validation: a bad row is a ValueError naming its line ---

GOOD = "массаж\tмассаж\tmassage\n"


@pytest.mark.parametrize(
    "bad_row",
    [
        "мейіргер\tмедсестра\n",  # missing field
        "мейіргер\tмедсестра\t\n",  # empty field
        "мейіргер\tмедсестра,\tnurse\n",  # empty rendering after a comma
        "мейіргер\t-\tnurse\n",  # a function word in one language only
        " мейіргер\tмедсестра\tnurse\n",  # stray white space
        "--\tмедсестра\tnurse\n",  # no Kazakh word
        "массажды\tмассаж\tmassage\n",  # the same word as line 2, inflected
    ],
)
def test_bad_row_raises_naming_the_line(tmp_path, bad_row):
    path = tmp_path / "lexicon.tsv"
    path.write_text("\t".join(HEADER) + "\n" + GOOD + bad_row, encoding="utf-8")
    with pytest.raises(ValueError, match="line 3"):
        load_entries(path)


def test_bad_header_raises(tmp_path):
    path = tmp_path / "lexicon.tsv"
    path.write_text("kazakh\tru\ten\n" + GOOD, encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        load_entries(path)


def test_the_packaged_file_has_the_header():
    assert tuple(LEXICON_PATH.read_text(encoding="utf-8").splitlines()[0].split("\t")) == HEADER


# --- in the engine: a service no alias row names ---


@pytest.fixture(scope="module")
def reworded_kb(kb_path: Path, tmp_path_factory) -> Path:
    """The base with Börli's home-care laundry item printed in a wording the alias table has never seen (as next
    year's decree might print it)."""
    path = tmp_path_factory.mktemp("reworded") / "kb.sqlite"
    shutil.copyfile(kb_path, path)
    connection = sqlite3.connect(path)
    connection.execute("update tariffs set service = 'Қарттар мен мүгедектігі бар адамдардың киімдерін жуу' "
                       "where document = '001' and annex = 1 and item = 37")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize(("question", "lang"), [("Бурлин на дому стирка одежды", "ru"),
                                                ("Borli home care laundry", "en")])
def test_a_service_no_alias_names_is_found_in_russian_and_english(reworded_kb, question, lang):
    from knowledge.answer.engine import Engine

    engine = Engine.open(reworded_kb)
    target = next(t for t in engine.catalogue.services if t.ident == ("001", 1, 37))
    assert not target.local and len(target.names) > 1  # no alias: named through the lexicon
    answer = engine.ask(question, lang)
    assert answer.status in ("answer", "clarify")
    if answer.status == "answer":
        assert answer.results[0].fields["item"] == 37
    else:
        assert any("жуу" in choice.label.casefold() or "37" in str(choice) for choice in answer.choices)
    # Without the lexicon the reworded item is known in Kazakh only: the question finds some other laundry service.
    without = Engine.open(reworded_kb, lexicon=False).ask(question, lang)
    assert not (without.status == "answer" and without.results[0].fields["item"] == 37)


@pytest.mark.parametrize(("word", "kazakh"), [("поликлинику", "уиымы"), ("вызвал", "шакырту"), ("кормили", "тамактану"),
                                              ("hospital", "аурухана"), ("умер", "каитыс"), ("died", "каитыс"),
                                              ("возили", "колик"), ("вернуться", "жиберу"), ("return", "жиберу"),
                                              ("rehab", "оналту"), ("prosecute", "кылмыстык"), ("prosecuted", "кылмыстык"),
                                              ("трость", "тифлотехникалык"), ("cane", "тифлотехникалык"),
                                              ("invited", "тарту"), ("join", "тарту"),
                                              ("responsibility", "жауапкершилик"), ("присмотр", "бакылау"),
                                              ("watching", "бакылау"), ("получает", "алу"),
                                              ("некачественно", "сапасын"), ("купить", "сатып"), ("buy", "сатып"),
                                              ("surdotechnical", "сурдотехникалык"), ("typhlotechnics", "тифлотехникалык")])
def test_a_rendering_leads_back_to_its_kazakh_words_in_any_inflection(lexicon, word, kazakh):
    assert kazakh in lexicon.kazakh_of(word)


def test_a_word_no_entry_renders_has_no_kazakh_words(lexicon):
    assert lexicon.kazakh_of("квартплата123") == () and lexicon.kazakh_of("") == ()


def test_the_steps_and_the_porch_of_an_entrance_are_the_entrance_criterion(engine):
    """"крыльцо", "ступеньки": the everyday Russian for the entrance groups and outdoor stairs of criterion 53."""
    answer = engine.ask("Крыльцо только со ступеньками, пандуса нет. Насколько это серьёзно?")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 53


@pytest.mark.parametrize("question", ["Бәйтерек, на дому умер одинокий подопечный, помогаем с похоронами, сколько стоит?",
                                      "Baiterek home care: a lonely client died, we help with the funeral, what is the rate?"])
def test_a_client_who_died_is_the_funeral_service(engine, question):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == 2


def test_nobody_driven_anywhere_is_the_transport_criterion(engine):
    answer = engine.ask("Автобус в доме-интернате сломан, клиентов месяц никуда не возили, транспорта нет — это грубо?")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 9


def test_a_meal_not_given_is_the_feeding_requirement(engine):
    """"не покормили" is "покормить", a form of feeding the lexicon names with "тамақтану"."""
    answer = engine.ask("вчера в интернате проживающих не покормили обедом, какая это степень нарушения")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 7
