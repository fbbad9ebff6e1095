"""The glossary as a matcher: terms compared as loose tokens of knowledge.text, stems match word beginnings, whole
terms whole words, longer terms first, long terms also with a typo."""

from __future__ import annotations

import pytest

from knowledge.answer.glossary import CATEGORIES, MIN_ROOT, Glossary, Match, load_glossary
from knowledge.text import dictionary_key, loose, tokens


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary()


def found(glossary: Glossary, question: str) -> list[tuple[str, str, int, int]]:
    matches: list[Match] = glossary.match([loose(t) for t in tokens(question)])
    return [(m.term.category, m.term.key, m.start, m.end) for m in matches]


def test_terms_are_stored_as_loose_words(glossary: Glossary) -> None:
    assert {t.category for t in glossary.terms} == set(CATEGORIES)
    for term in glossary.terms:
        assert all(loose(word.rstrip("*")) == word.rstrip("*") for word in term.words), term
        assert term.prefix == term.words[-1].endswith("*")


def test_spellings_shared_by_languages_are_one_term(glossary: Glossary) -> None:
    stationary = [t for t in glossary.terms if t.key == "stationary" and t.words == ("стационар*",)]
    assert len(stationary) == 1 and stationary[0].lang == "kk ru"
    # a mixed-script spelling ("baйтерек") is read as the Cyrillic one it was meant to be
    baiterek = [t for t in glossary.terms if t.key == "baiterek" and t.words == ("баитерек*",)]
    assert len(baiterek) == 1 and set(baiterek[0].lang.split()) == {"kk", "ru", "en"}


def test_stems_match_word_beginnings_whole_terms_whole_words(glossary: Glossary) -> None:
    assert found(glossary, "стационарда") == [("settings", "stationary", 0, 1)]
    assert found(glossary, "интернатта") == [("settings", "stationary", 0, 1)]
    assert found(glossary, "қалада") == [("areas", "city", 0, 1)]
    assert found(glossary, "қалай") == []  # "қала" is a whole-word term: "қалай" (how) is not the city


def test_longer_terms_win(glossary: Glossary) -> None:
    assert found(glossary, "жартылай стационарда массаж") == [("settings", "semi_stationary", 0, 2)]
    assert found(glossary, "массаж медбикесі") == [("positions", "massage_nurse", 0, 2)]
    assert found(glossary, "home care") == [("settings", "home", 0, 2)]
    assert found(glossary, "care home") == [("settings", "stationary", 0, 2)]


def test_a_kazakh_compounds_first_noun_may_be_in_the_genitive(glossary: Glossary) -> None:
    """"еңбек терапиясы нұсқаушысы" and "еңбек терапиясының нұсқаушысы" are both said; only the words before the
    last take it, and only in Kazakh terms."""
    assert found(glossary, "еңбек терапиясының нұсқаушысы") == [("positions", "occupational_therapy_instructor", 0, 3)]
    assert found(glossary, "еңбек терапиясына нұсқаушысы") != [("positions", "occupational_therapy_instructor", 0, 3)]


def test_any_spelling_of_a_term_matches(glossary: Glossary) -> None:
    assert found(glossary, "мейиргер") == found(glossary, "мейіргер") == [("positions", "nurse", 0, 1)]
    assert found(glossary, "медсёстры") == [("positions", "nurse", 0, 1)]  # ё read as е
    assert found(glossary, "Bórli") == found(glossary, "börli") == [("jurisdictions", "borli", 0, 1)]
    assert found(glossary, "qala auylda") == [("areas", "city", 0, 1), ("areas", "rural", 1, 2)]
    assert found(glossary, "мей\u200bіргер") == [("positions", "nurse", 0, 1)]  # a zero-width space inside


def test_a_long_whole_word_with_one_letter_typed_for_another_is_a_typo(glossary: Glossary) -> None:
    assert found(glossary, "villige") == [("areas", "rural", 0, 1)]
    assert found(glossary, "уақытқа") == []  # a case ending, not "уақытша" misspelt: the last letters may differ


def test_long_terms_match_with_a_typo(glossary: Glossary) -> None:
    assert found(glossary, "дефектолок") == [("positions", "defectologist", 0, 1)]
    assert found(glossary, "стацеонарда") == [("settings", "stationary", 0, 1)]
    assert found(glossary, "логопет") == []  # too far from "логопед" for a short word
    assert found(glossary, "уақыташ") == [("settings", "temporary", 0, 1)]  # two letters swapped


def test_a_swap_is_one_typo_not_any_two_edits(glossary: Glossary) -> None:
    assert found(glossary, "уақтыша") == [("settings", "temporary", 0, 1)]
    assert found(glossary, "уақытаа") == []  # two letters changed: too far


def test_a_letter_slipped_into_a_stem_is_a_typo_of_it(glossary: Glossary) -> None:
    assert found(glossary, "оресекел ме") == [("cues", "degree_gross", 0, 1)]
    assert found(glossary, "стацнионарда") == [("settings", "stationary", 0, 1)]
    assert found(glossary, "фактісінің") == []  # a letter before the stem makes another word ("актісі": the act's)


def test_a_doubled_letter_written_once_is_a_typo_of_the_stem(glossary: Glossary) -> None:
    assert found_by_keys(glossary, "временое пребывание") == [("settings", "temporary", 0, 1)]
    assert found_by_keys(glossary, "масажист") == [("positions", "massage_nurse", 0, 1)]
    # a word the dictionary knows is itself, not a slip: "со временем" (in time) names no setting, "содействует"
    # (assists) is no "действует" (in force)
    assert found_by_keys(glossary, "со временем") == []
    assert found_by_keys(glossary, "содействует") == []
    assert found_by_keys(glossary, "дествует") == [("cues", "in_force", 0, 1)]  # a slip still is


def test_a_phrase_matches_with_a_typo_in_its_long_last_word(glossary: Glossary) -> None:
    assert found(glossary, "how serius is that") == [("cues", "violation", 0, 2)]
    assert found(glossary, "serius") == []  # the words before it say which phrase: alone it is nothing known
    assert found(glossary, "how sirius") == []  # two letters off: too far
    assert found(glossary, "carer eucator") == [("positions", "educator", 0, 2)]  # a slip in the second letter
    # two letters swapped in the last word are one slip, as in a single word: the phrase, not the lone "surgeon"
    assert found(glossary, "orthopedic suregon") == [("positions", "traumatologist", 0, 2)]


def test_stopwords_and_positions_in_the_knowledge_base(glossary: Glossary) -> None:
    assert glossary.is_stopword("и") and glossary.is_stopword(loose("үшін")) and glossary.is_stopword("the")
    assert not glossary.is_stopword("массаж")
    assert glossary.position_kb["massage_nurse"] == ("массаж",)
    assert "qala" in glossary.kk_latin and "massage" not in glossary.kk_latin


def test_empty_input_matches_nothing(glossary: Glossary) -> None:
    assert glossary.match([]) == []
    assert found(glossary, "😀 ???") == []


def found_by_keys(glossary: Glossary, question: str) -> list[tuple[str, str, int, int]]:
    raw = tokens(question)
    matches = glossary.match([loose(t) for t in raw], [(k,) if (k := dictionary_key(t)) else () for t in raw])
    return [(m.term.category, m.term.key, m.start, m.end) for m in matches]


@pytest.mark.parametrize(("question", "key"), [
    ("педагогами", "teacher"),  # the term "педагог" in another inflection, by its dictionary form
    ("городов", "city"),  # "город"
    ("действовал", "in_force"),  # "действует": another form of the same verb
])
def test_whole_word_terms_meet_their_inflections_by_key(glossary: Glossary, question: str, key: str) -> None:
    assert found(glossary, question) == []  # not spelt as any term, nor a typo away from one
    assert [k for _, k, _, _ in found_by_keys(glossary, question)] == [key]


def test_kazakh_derivations_do_not_match_by_key(glossary: Glossary) -> None:
    assert found_by_keys(glossary, "қабылдау") == []  # admission is no "қабылданған" (adopted: a document cue)
    assert found_by_keys(glossary, "қажетті") == []  # "necessary" is no "қажет" (needed: a staffing cue)


def test_short_keys_do_not_match_by_inflection(glossary: Glossary) -> None:
    assert found_by_keys(glossary, "калий") == []  # "кал" is the key of "қала" too: too short to trust
    assert all(len(root) >= MIN_ROOT for term in glossary.terms for roots in term.roots for root in roots)
    assert all(not roots for term in glossary.terms for word, roots in zip(term.words, term.roots, strict=True)
               if word.endswith("*"))  # stems match by their beginning only


def test_each_setting_has_the_word_the_acts_print_it_by():
    words = load_glossary().setting_words
    assert words["stationary"] == "стационар" and words["temporary"] == "уакытша"
    assert set(words) == {"stationary", "semi_stationary", "home", "temporary"}
