"""The fuzzy index: question words meet name words as the same word, another inflection of it, or a typo, in that
order of weight; words found nowhere weigh little; searches can be restricted; the FTS fallback and its coverage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from knowledge.answer.index import COMPOUND, INFLECTED, Index, Target, coverage, fts_passages, key_words, word_roots
from knowledge.answer.understand import Word, understand
from knowledge.text import loose, stem

NAMES = [
    "Массаж",  # 0: the very word
    "Массажы",  # 1: another inflection of it
    "Масаж",  # 2: a typo away
    "Емдік дене шынықтыру",  # 3
    "Физическая культура",  # 4
    "Жуынатын бөлмеде жуыну",  # 5
    "Терапия",  # 6
    "Психологиялық кеңес беру",  # 7
]


@pytest.fixture(scope="module")
def index() -> Index:
    return Index([Target("service", (i,), [name]) for i, name in enumerate(NAMES)])


def words(*texts: str, weight: float = 1.0) -> list[Word]:
    """Question words as `understand` makes them: loose."""
    return [Word(loose(text), None, weight) for text in texts]


def test_keys_are_loose_words_without_numbers_or_single_letters() -> None:
    assert key_words("Қызметтер, 2 рет, a) ёлка") == ("кызметтер", "рет", "елка")


def test_exact_beats_inflected_beats_typo(index: Index) -> None:
    hits = index.search(words("массаж"), limit=3)
    assert [h.target.ident for h in hits] == [(0,), (1,), (2,)]
    exact, inflected, typo = hits
    assert exact.matched == (1.0,) and exact.exact == 1
    assert INFLECTED <= inflected.matched[0] < 1.0 and inflected.exact == 0 and inflected.inflected == 1
    assert 0 < typo.matched[0] < INFLECTED and typo.inflected == 0 and typo.sure == 0
    assert exact.score > inflected.score > typo.score


def test_word_matches_grades_similarity(index: Index) -> None:
    matches = index.word_matches(loose("массаж"))
    assert matches["массаж"] == 1.0 and matches["массажы"] == 0.9 and matches["масаж"] < INFLECTED
    assert index.word_matches("qwerty") == {}


def test_the_shared_stemmer_joins_verb_forms(index: Index) -> None:
    # "жуындыру" (to bathe someone) shares no long beginning with "жуынатын" / "жуыну": only the stem joins them.
    found = index.word_matches(loose("жуындыру"))
    assert found.get("жуынатын") == INFLECTED and found.get("жуыну") == INFLECTED
    assert word_roots("жуындыру") == (stem(loose("жуынатын")),) == ("жуын",)
    assert word_roots("су") == ()  # too short to tell its ending from its root
    assert word_roots("massages") == word_roots("massage") == ("en:massag",)  # a Latin word by its English stem


def test_a_three_letter_root_meets_its_inflections() -> None:
    # "хат жазу" (writing letters) is printed "хаттарды жазуға": the short root meets its plural and case endings
    index = Index([Target("service", (0,), ["Хаттарды жазуға көмек"]), Target("service", (1,), ["Хабарлама"])])
    assert index.word_matches("хат").get("хаттарды") == INFLECTED
    assert "хабарлама" not in index.word_matches("хат")


RUSSIAN = Index([Target("service", (i,), [name]) for i, name in enumerate([
    "Массажист",  # 0
    "Консультация психолога",  # 1
    "Юридическая консультация",  # 2
    "Помощь медицинской сестры",  # 3
    "Массаж",  # 4
])])


@pytest.mark.parametrize(("typed", "ident"), [
    ("массажистов", 0), ("массажистами", 0),
    ("психологами", 1), ("психологом", 1),
    ("юридической", 2), ("юридическими", 2),
    ("сестрой", 3), ("медицинскими", 3),
])
def test_a_russian_word_meets_its_indexed_form_by_its_dictionary_form(typed: str, ident: int) -> None:
    u = understand(typed)
    hits = RUSSIAN.search(u.words + u.filter_words, limit=1)
    assert hits and hits[0].target.ident == (ident,) and hits[0].inflected == 1


def test_a_negated_kazakh_verb_meets_its_verbal_noun() -> None:
    index = Index([Target("criterion", (0,), ["Гигиеналық құралдармен қамтамасыз ету"]),
                   Target("criterion", (1,), ["Медициналық тексеру жүргізу"])])
    assert index.word_matches(loose("етпеді"), word_roots("етпеді")).get("ету") == INFLECTED  # a short verbal noun
    assert index.word_matches(loose("жүргізбеді"), word_roots("жүргізбеді")).get("жургизу") == INFLECTED
    assert index.word_matches(loose("жүргізілмеді"), word_roots("жүргізілмеді")).get("жургизу") == INFLECTED


def test_compound_abbreviation_covers_two_name_words(index: Index) -> None:
    assert index.word_matches(loose("физкультура")) == {"физкултура": COMPOUND}
    top = index.search(words("физкультура"), limit=1)[0]
    assert top.target.ident == (4,) and top.cover == pytest.approx(COMPOUND)


def test_unknown_words_weigh_less_than_known_ones(index: Index) -> None:
    with_unknown = index.search(words("массаж", "qwertyuiop"), limit=1)[0]
    with_known = index.search(words("массаж", "терапия"), limit=1)[0]
    assert with_unknown.target.ident == with_known.target.ident == (0,)
    assert with_unknown.score > with_known.score  # a word found nowhere is often noise
    dropped = index.search(words("массаж", "qwertyuiop"), limit=1, drop_unmatched=True)[0]
    assert dropped.score == pytest.approx(1.0)


def test_optional_words_count_only_where_they_match(index: Index) -> None:
    plain = index.search(words("массаж"), limit=1)[0]
    with_position = index.search(words("массаж") + words("терапия", weight=0.35), limit=1)[0]
    assert with_position.target.ident == (0,) and with_position.score == pytest.approx(plain.score)


def test_a_word_no_name_prints_meets_the_kazakh_words_it_renders() -> None:
    # "поликлиника" is printed nowhere; the lexicon renders "денсаулық сақтау ұйымы" by it
    names = [Target("criterion", (0,), ["Денсаулық сақтау ұйымдарына ілесіп жүру"]),
             Target("criterion", (1,), ["Кір жуу"])]
    synonyms = {"поликлиника": ("денсаулык", "сактау", "уиымы")}
    index = Index(names, lambda word: synonyms.get(word, ()))
    top = index.search(words("поликлиника"))[0]
    assert top.target.ident == (0,) and top.inflected == 1 and top.exact == 0  # as good as another inflection
    assert Index(names).search(words("поликлиника")) == []
    # a word the names print is matched as printed: its renderings are not searched
    assert Index(names, lambda word: ("кир",)).search(words("жуу"))[0].target.ident == (1,)


def test_a_common_word_weighs_as_its_commonest_form() -> None:
    # "қызметі" (service) is common; one name printing "қызметін" does not make it as telling as "тырнақ" (nails)
    names = ["Тырнақтарды кесу", "Массаж қызметі", "Ванна қызметі", "Душ қызметі", "Емдеу-еңбек қызметін жүргізу"]
    index = Index([Target("service", (i,), [name]) for i, name in enumerate(names)])
    hits = {h.target.ident[0]: h.score for h in index.search(words("тырнақ", "қызметі"), limit=5)}
    assert hits[0] > max(hits[i] for i in range(1, 5))


def test_only_and_allow_restrict_the_targets(index: Index) -> None:
    assert [h.target.ident for h in index.search(words("массаж"), only={1, 2})] == [(1,), (2,)]
    assert [h.target.ident for h in index.search(words("массаж"), only=set())] == []
    allowed = index.search(words("массаж"), allow=lambda t: t.ident != (0,))
    assert [h.target.ident for h in allowed] == [(1,), (2,)]


def test_names_of_one_target_are_alternatives(index: Index) -> None:
    both = Index([Target("service", (0,), ["Массаж", "Massage", "Массаж жасау"])])
    english = both.search(words("massage"))[0]
    kazakh = both.search(words("массаж"))[0]
    assert english.exact == kazakh.exact == 1
    assert kazakh.cover == pytest.approx(1.0)  # the name explaining the question best: "Массаж", not "Массаж жасау"


def test_empty_question_finds_nothing(index: Index) -> None:
    assert index.search([]) == []
    assert index.search(words("qwertyuiop"), drop_unmatched=True) == []


def test_coverage_is_the_share_of_question_words_found_by_stem() -> None:
    text = "Эталондық бақылау банкінде жариялау үшін"
    assert coverage(words("эталондық", "бақылау", "банкінде"), text) == pytest.approx(1.0)
    assert coverage(words("эталондык", "бакылау", "массаж"), text) == pytest.approx(2 / 3)
    assert coverage(words("массаж", weight=0.5) + words("банкінде"), text) == pytest.approx(1 / 1.5)
    assert coverage([], text) == 0.0


@pytest.fixture(scope="module")
def db(kb_path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(kb_path)
    connection.row_factory = sqlite3.Row
    return connection


@pytest.mark.parametrize("question", [
    "эталондық бақылау банкінде жариялану",
    "эталондык бакылау банкинде жариялану",  # typed without Kazakh letters
    "etalondyq baqylau bankinde zhariyalanu",  # typed in Latin
])
def test_fts_fallback_finds_the_passage_however_typed(db: sqlite3.Connection, question: str) -> None:
    rows = fts_passages(db, understand(question).words)
    assert any("Эталондық бақылау банкінде" in row["text"] for row in rows[:5])


def test_fts_fallback_survives_odd_words(db: sqlite3.Connection) -> None:
    assert fts_passages(db, []) == []
    assert fts_passages(db, words('"', "ab")) == []  # nothing long enough to search
    assert isinstance(fts_passages(db, words('abc" OR "x', "NEAR(a b)")), list)  # FTS syntax is quoted away


def test_a_stressed_word_is_stressed_where_found_not_where_guessed(index: Index) -> None:
    """A word weighing more than 1 (what a negated verb says was not given) adds its weight to the names that have
    it; a name it only resembles (a typo match) gains no more than from an unstressed word."""
    plain = index.search(words("терапия", "масаж"), limit=8)
    stressed = index.search(words("терапия") + words("масаж", weight=1.5), limit=8)
    score = {h.target.ident: h.score for h in plain}
    stressed_score = {h.target.ident: h.score for h in stressed}
    assert stressed_score[(2,)] > score[(2,)]  # "Масаж" has the very word
    assert stressed_score[(0,)] <= score[(0,)]  # "Массаж" only resembles it


def test_a_word_found_nowhere_but_as_a_guess_is_not_stressed(index: Index) -> None:
    plain = index.search(words("терапия", "qwertyuiop"), limit=1)[0]
    stressed = index.search(words("терапия") + words("qwertyuiop", weight=1.5), limit=1)[0]
    assert stressed.score == pytest.approx(plain.score)


def test_two_name_words_written_as_one_are_the_compound() -> None:
    """"аяқкиім" is "аяқ киім" written together: it finds the name printing the two words apart, also when another
    name prints it whole; a short conjunction after a word ("құралдар мен") makes no compound."""
    index = Index([Target("service", (0,), ["Киім, аяқ киім беру"]), Target("service", (1,), ["Аяқкиім кептіру"]),
                   Target("service", (2,), ["Техникалық құралдар мен жабдықтар"])])
    found = {h.target.ident for h in index.search(words("аяқкиім"), limit=5)}
    assert found == {(0,), (1,)}
    assert loose("аяқкиім") in index.compound_parts and loose("құралдармен") not in index.compound_parts


def test_a_compound_of_five_letters_and_a_word_meets_the_two_words() -> None:
    index = Index([Target("criterion", (0,), ["психологическая диагностика"]), Target("criterion", (1,), ["диагностика"])])
    found = [h.target.ident for h in index.search(words("психодиагностику"), limit=5)]
    assert found[0] == (0,)


def test_an_english_word_meets_its_other_endings_by_its_light_stem_only() -> None:
    english = Index([Target("service", (0,), ["help with shopping"]), Target("service", (1,), ["if not allowed"])])
    assert english.word_matches("helping", word_roots("helping")).get("help") == INFLECTED
    assert english.word_matches("shop", word_roots("shop")).get("shopping") == INFLECTED
    assert "allowed" not in english.word_matches("allowances", word_roots("allowances"))


def test_an_english_question_word_keeps_to_its_light_stem_whatever_its_other_keys() -> None:
    # understand gives a Latin word its Cyrillic readings first and its English key last
    english = Index([Target("service", (0,), ["help with shopping"]), Target("service", (1,), ["if not allowed"])])
    word = next(w for w in understand("help getting allowances in a care home").words if w.text == "allowances")
    assert len(word.roots) > 1 and not word.roots[0].startswith("en:")
    assert "allowed" not in english.word_matches(word.text, word.roots)


def test_a_name_word_typed_as_two_words_is_found_by_both() -> None:
    index = Index([Target("service", (0,), ["Кварцтерапия қызметтері"]), Target("service", (1,), ["Терапия"])])
    hits = index.search(words("кварц", "терапия"))
    assert hits[0].target.ident == (0,) and hits[0].matched[0] >= INFLECTED and hits[0].matched[1] >= INFLECTED
    # two words that only spell a name word's beginning together, by a guess, are read apart
    assert index.search(words("кварт", "терапия"))[0].target.ident == (1,)


def test_the_first_part_of_a_name_word_made_of_two_says_it() -> None:
    """"кварц" is "кварцтерапия" ("кварц" + "терапия", itself a name word); "парафин" is "парафинотерапия" with the
    linking "о"."""
    index = Index([Target("service", (0,), ["Кварцтерапия қызметтері"]), Target("service", (1,), ["Парафинотерапия"]),
                   Target("service", (2,), ["Психологиялық терапия"])])
    assert index.word_matches("кварц").get("кварцтерапия", 0.0) >= INFLECTED
    assert index.word_matches("парафин").get("парафинотерапия", 0.0) >= INFLECTED
    assert "терапия" not in index.first_parts  # "психологиялық терапия": no word of two
    hits = index.search([Word("кварц", None, 1.0)])
    assert hits and hits[0].target.ident == (0,)
