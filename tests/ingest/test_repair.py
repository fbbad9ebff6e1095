"""Repair of PDF-converted text on real lines of the sources: broken words, letter spacing, punctuation spacing."""

from __future__ import annotations

import pytest

from knowledge.ingest.repair import Vocabulary, clean, default_vocabulary, join_cell

# Line ends in the sources where PDF conversion broke a word without a hyphen (head, tail as printed).
BROKEN = [
    ("Санитарлық-гигиен", "алық"),
    ("медициналық-әлеум", "еттік"),
    ("Электромиостимуля", "ция"),
    ("Электроэнцефалогр", "афия"),
    ("Әлеуметтік-медици", "налық"),
    ("әлеуметтік-психоло", "гиялық"),
    ("әлеуметтік-экономи", "калық"),
    ("әлеуметтік-педагоги", "калық"),
    ("санаторийлік-курор", "ттық"),
    ("протездік-ортопеди", "ялық"),
    ("Травмотолог-ортопе", "д"),
    ("психоневрологиялы", "қ"),
    ("Психопрофилактика", "лық"),
    ("түзету-дамытушыл", "ық"),
    ("медициналық-санит", "арлық"),
    ("шынықтыру-сауықт", "ыру"),
    ("Медициналық-әлеу", "меттік"),
    ("құрал-жабдықтарме", "н"),
    ("психологиялық-медицина", "лық-педагогикалық"),
    ("әлеуметтік-тұрм", "ыстық"),
    ("әлеуметтік-меди", "циналық"),
    ("санаторлық-курортт", "ық"),
    ("бағдарламалары", "на"),
    ("мамандандырыл", "ған"),
    ("телекоммуникац", "ия"),
    ("Мейірг", "ер"),
    ("Бухгал", "тер"),
]

# Line ends without a trailing space that are real word boundaries.
BOUNDARIES = [
    ("(қарапайым", "шаштараздарда"),
    ("мүмкін", "емес"),
    ("жүріп-тұру", "құралдарын"),
    ("жастан", "асқан"),
    ("үйірме", "жұмыстарын"),
    ("қатысу", "кезінде"),
    ("оның", "ішінде"),
    ("гигиеналық", "құралдарды"),
    ("(еңбекке", "оқыту"),
    ("сегіз", "жастан"),
    ("оқу", "бағдарламалары"),
    ("балаларды", "педагогикалық"),
    ("деңгейімен", "өмірдің"),
    ("отбасының", "материалдық"),
    ("қамтамасыз", "ету"),
    ("тұрғын", "үй"),
    ("соның", "ішінде"),
    ("төлеуге", "көмек"),
    ("әрекеті", "немесе"),
    ("жасалған", "физикалық"),
    ("мәдени", "іс-шараларға"),
    ("жұмыс", "жөнінд"),
    ("қызмет", "көрсет"),
    ("картоп", "тазала"),
    ("гидромассаж", "Емдік"),
    ("Лауазым", "Бір"),
]


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return default_vocabulary()


@pytest.mark.parametrize(("head", "tail"), BROKEN)
def test_vocabulary_joins_broken_words(vocabulary: Vocabulary, head: str, tail: str) -> None:
    assert vocabulary.joins(head, tail)


@pytest.mark.parametrize(("head", "tail"), BOUNDARIES)
def test_vocabulary_keeps_real_boundaries(vocabulary: Vocabulary, head: str, tail: str) -> None:
    assert not vocabulary.joins(head, tail)


def test_vocabulary_counts_only_unbroken_words() -> None:
    vocabulary = Vocabulary.from_texts(["бірінші Санитарлық-гигиен\nалық талаптар сөзі \nкелесі жол"])
    assert vocabulary.known("талаптар")
    assert not vocabulary.known("гигиен")  # a line ending on a letter before a lower-case line: maybe a fragment
    assert not vocabulary.known("алық")
    assert vocabulary.known("сөзі")  # ends a line with a space: a whole word


def test_join_cell_real_cells() -> None:
    assert join_cell(["Санитарлық-гигиен", "алық талаптарға ", "сәйкес өмір сүру ", "жағдайларын ", "қамтамасыз ету"]) == (
        "Санитарлық-гигиеналық талаптарға сәйкес өмір сүру жағдайларын қамтамасыз ету"
    )
    assert join_cell(["Сақал мен мұртты ", "қыру (еркектерге)"]) == "Сақал мен мұртты қыру (еркектерге)"
    assert join_cell(["Шаштараз  ", "қызметтерін ", "көрсету (қарапайым", "шаштараздарда ", "қызмет көрсету "]) == (
        "Шаштараз қызметтерін көрсету (қарапайым шаштараздарда қызмет көрсету"
    )
    assert join_cell(["Ересектер үшін ", "медициналық-әлеум", "е т т і к  ", "зерттеп-қарауды (", "жеке"]) == (
        "Ересектер үшін медициналық-әлеуметтік зерттеп-қарауды (жеке"
    )
    assert join_cell(["психоневрологиялы", "қ аурулары бар "]) == "психоневрологиялық аурулары бар"


def test_join_cell_keeps_hyphen_of_compound_split_after_it() -> None:
    assert join_cell(["Санитарлық-", "гигиеналық талаптар"]) == "Санитарлық-гигиеналық талаптар"
    assert join_cell(["500-", "д е н  ", "артық"]) == "500-ден артық"


def test_join_cell_parentheses_and_blank_lines() -> None:
    lines = ["Жерлеу рәсімдерін ", "ұйымдастыру (", "", "қайтыс болған ", "туыстарының (", "заңды өкілдерінің) "]
    assert join_cell(lines) == "Жерлеу рәсімдерін ұйымдастыру (қайтыс болған туыстарының (заңды өкілдерінің)"
    assert join_cell(["тұруын және (", "н е м е с е )  ", "тоқтатылуын "]) == "тұруын және (немесе) тоқтатылуын"
    assert join_cell([]) == ""
    assert join_cell(["", "  "]) == ""


def test_letter_spacing_collapsed() -> None:
    assert clean("Қ ы з м е т  алушыларды") == "Қызмет алушыларды"
    assert clean("б а қ ы л а у  (мамандардың") == "бақылау (мамандардың"
    assert clean("сәйкес қызмет к ө р с е т у  мониторингі)") == "сәйкес қызмет көрсету мониторингі)"
    assert clean("Д е н е  шынықтыру") == "Дене шынықтыру"
    assert clean("мүмкіндіктері мен а қ ы л - о й  қабілеттерін") == "мүмкіндіктері мен ақыл-ой қабілеттерін"
    assert clean("беру ,  а с  әзірлеуге") == "беру, ас әзірлеуге"
    assert join_cell(["Лауаз", "ы м  ", "атауы"]) == "Лауазым атауы"


def test_lone_split_letter_glued_back() -> None:
    assert clean("Әлеуметтік жұмыс жөніндег і маман") == "Әлеуметтік жұмыс жөніндегі маман"
    # Latin "i" inside Cyrillic words and letter spacing, as the PDF text has it.
    assert join_cell(["Әлеуметтік жұмыс ", "жөнiнд", "е г i  ", "маман"]) == "Әлеуметтік жұмыс жөніндегі маман"


def test_real_one_letter_words_and_numbers_untouched() -> None:
    assert clean("1) а) 2) б) № 6") == "1) а) 2) б) № 6"
    assert clean("отдых и в доме") == "отдых и в доме"
    assert clean("и в с") == "и в с"
    assert clean("370,5 378") == "370,5 378"


def test_clean_quotes_dashes_spaces_punctuation() -> None:
    assert clean("«Арнаулы  әлеуметтік» — қызметі ,бар ( ерекше )") == '"Арнаулы әлеуметтік" - қызметі, бар (ерекше)'
    assert clean("ёлка\u00a0и\u00adтест") == "елка итест"
    assert clean("бірінші\nжол") == "бірінші жол"


@pytest.mark.parametrize(
    "junk",
    ["", " ", "😀" * 10_000, "\ud800\udfff", "\x00\x01\x02", "а" * 10_000, "\u0301" * 50, "е г i  ", "ʼ’‘``"],
)
def test_garbage_does_not_raise(junk: str) -> None:
    clean(junk)
    join_cell([junk, junk])


def test_non_text_input_does_not_raise() -> None:
    assert clean(None) == ""  # type: ignore[arg-type]
    assert clean(b"\xd0\xb0 \xff") == "а \ufffd"  # type: ignore[arg-type]
