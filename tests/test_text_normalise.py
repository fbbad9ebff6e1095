"""Unicode normalisation, once in `fold`, for index and question alike: NFKC (full-width Latin and digits,
ligatures), zero-width marks and soft hyphens removed, stress accents dropped, "№" kept."""

from __future__ import annotations

import pytest

from knowledge.text import fold, key_tokens

MASSAGE = key_tokens("массаж")


@pytest.mark.parametrize(
    "typed",
    [
        "мас\u200bсаж",  # zero-width space
        "мас\u00adсаж",  # soft hyphen
        "мас\u200dсаж\u2060",  # zero-width joiner, word joiner
        "\ufeffмассаж",  # byte-order mark
        "\u200eмассаж\u200f",  # bidi marks
        "масса\u0301ж",  # stress accent
        "ма\u0300ссаж",  # grave stress
    ],
)
def test_invisible_marks_and_stress_accents_leave_the_word(typed: str) -> None:
    assert fold(typed) == "массаж"
    assert key_tokens(typed) == MASSAGE


def test_full_width_latin_and_digits_fold_to_ascii() -> None:
    assert fold("ｍａｓｓａｚｈ １２３") == "massazh 123"
    assert key_tokens("ｍａｓｓａｚｈ") == key_tokens("massazh")


def test_ligatures_and_compatibility_forms_read_as_letters() -> None:
    assert fold("ﬁle") == "file"


def test_letters_with_their_own_marks_stay() -> None:
    # й and the 2018 Kazakh Latin acute letters are letters, not stress; "№" is how acts are cited.
    assert fold("и\u0306") == "й"
    assert fold("Bórli úıde") == "Bórli úıde"
    assert fold("постановление № 286") == "постановление № 286"
    assert fold("ё") == "е"


def test_line_separators_are_spaces() -> None:
    assert fold("массаж\u2028село\u2029город") == "массаж село город"


def test_question_with_invisible_marks_gets_the_same_answer(engine) -> None:
    plain = engine.ask("сколько стоит мас\u200bсаж медсестры в полустационаре в селе?")
    clean = engine.ask("сколько стоит массаж медсестры в полустационаре в селе?")
    assert plain.to_dict()["results"] == clean.to_dict()["results"]
    accented = engine.ask("сколько сто\u0301ит масса\u0301ж медсестры в полустационаре в селе?")
    assert accented.to_dict()["results"] == clean.to_dict()["results"]
    assert clean.to_dict()["results"]
