"""The metamorphic suite: its generators (deterministic, every perturbation really changes the question, the
expected rows right, words read from the data), its judge (on a scripted engine), and one run against the real
engine held at the floors measured when it was written."""

from __future__ import annotations

import random
import re
import sqlite3
from pathlib import Path

import pytest

from knowledge.answer.understand import understand
from knowledge.desk.cli import main
from knowledge.desk.metamorphic import Checker, Report, Vocabulary, criterion_cases, run, tariff_cases
from knowledge.desk.metamorphic.cases import CRITERION, TARIFF, Case, negate, perturbed
from knowledge.desk.metamorphic.check import ANSWERED, ASKED_WITHOUT, CLARIFIED, NOT_FOUND, QUOTED, WRONG, Outcome
from knowledge.desk.metamorphic.perturb import KINDS, PERTURBATIONS, kazakh_endings, to_latin
from knowledge.domain import SETTINGS, Answer, Choice, Citation, Filters, Result
from knowledge.kb import open_kb

QUESTIONS = {
    "kk": ["Массаж жасау жөніндегі мейіргер", "жартылай стационар", "Бөрлі ауданы", "ауыл"],
    "ru": ["консультация психолога", "полустационаре", "Бурлинский район", "село"],
    "en": ["individual psychological counselling", "semi stationary", "Börli district", "rural"],
}


@pytest.fixture(scope="module")
def db(kb_path: Path) -> sqlite3.Connection:
    return open_kb(kb_path)


@pytest.fixture(scope="module")
def vocab(db: sqlite3.Connection) -> Vocabulary:
    return Vocabulary.load(db)


@pytest.fixture(scope="module")
def cases(db: sqlite3.Connection, vocab: Vocabulary) -> list[Case]:
    tariffs, _, _ = tariff_cases(db, vocab, seed=7, limit=60)
    criteria, _ = criterion_cases(db, vocab, seed=7, limit=30)
    return tariffs + criteria


# ---------------------------------------------------------------- generators


def test_the_same_seed_gives_the_same_questions_and_another_seed_others(db, vocab) -> None:
    first, pairs, _ = tariff_cases(db, vocab, seed=7, limit=60)
    again, pairs_again, _ = tariff_cases(db, vocab, seed=7, limit=60)
    other, _, _ = tariff_cases(db, vocab, seed=8, limit=60)
    assert first == again and pairs == pairs_again
    assert [c.text for c in first] != [c.text for c in other]
    assert criterion_cases(db, vocab, seed=7)[0] == criterion_cases(db, vocab, seed=7)[0]


def test_a_row_is_asked_the_same_whatever_else_is_sampled(db, vocab) -> None:
    sampled, _, _ = tariff_cases(db, vocab, seed=7, limit=60)
    everything, _, unnamed = tariff_cases(db, vocab, seed=7)
    assert set(sampled) <= set(everything)
    assert len(everything) == 3 * db.execute("select count(*) from tariffs").fetchone()[0] - unnamed


def test_every_row_and_criterion_is_asked_in_every_language(db, vocab) -> None:
    tariffs, pairs, unnamed_tariffs = tariff_cases(db, vocab)
    criteria, unnamed_criteria = criterion_cases(db, vocab)
    # the alias table names every service and criterion in ru and en: a re-keyed table would leave them unnamed
    assert unnamed_tariffs == 0 and unnamed_criteria == 0
    assert {(c.key, c.lang) for c in criteria} == {((item,), lang) for (item,) in db.execute("select item from criteria")
                                                   for lang in ("kk", "ru", "en")}
    assert {c.perturbation for c in tariffs} == set(KINDS) and {c.form for c in tariffs} == {True, False}
    assert {p.added for p in pairs} == {"position", "setting"}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize("kind", list(PERTURBATIONS))
def test_each_perturbation_really_changes_the_question(kind: str, lang: str) -> None:
    parts = QUESTIONS[lang]
    for seed in range(20):
        changed = PERTURBATIONS[kind](parts, random.Random(seed), lang)
        if kind == "latin" and lang == "en":
            assert changed is None  # English is Latin already
            continue
        assert changed is not None and " ".join(changed) != " ".join(parts)
        if kind != "latin":
            assert len(" ".join(changed).split()) == len(" ".join(parts).split())  # one word changed or moved


def test_generated_questions_differ_from_their_plain_form_exactly_when_perturbed(cases) -> None:
    for case in cases:
        assert (case.text != case.plain) == (case.perturbation != "plain"), case


def test_the_typo_is_one_slip_in_one_long_word() -> None:
    parts = ["Психологиялық кеңес беру", "стационар"]
    for seed in range(30):
        changed = PERTURBATIONS["typo"](parts, random.Random(seed), "kk")
        before, after = " ".join(parts).split(), " ".join(changed).split()
        diff = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
        assert len(diff) == 1
        word, slipped = diff[0]
        assert len(word) >= 7 and word[0] == slipped[0] and abs(len(word) - len(slipped)) <= 1


def test_a_shuffle_moves_a_negating_particle_with_its_word() -> None:
    """"не обеспечено" shuffled apart reads "не стационарные": the particle goes where its word goes."""
    parts = ["не обеспечено: юридические консультации при оформлении документов", "стационар"]
    orders = {" ".join(PERTURBATIONS["shuffle"](parts, random.Random(seed), "ru")) for seed in range(40)}
    assert len(orders) > 10
    assert all("не обеспечено:" in order for order in orders)


def test_a_shuffle_keeps_a_setting_said_in_two_words_whole() -> None:
    """"home care" shuffled to "care home" names a residential home: a setting's own words move as one."""
    parts = ["holidays, leisure events, clubs and hobby groups in home care not ensured"]
    orders = {" ".join(PERTURBATIONS["shuffle"](parts, random.Random(seed), "en")) for seed in range(40)}
    assert len(orders) > 10
    assert all("home care" in order and "care home" not in order for order in orders)


@pytest.mark.parametrize(("parts", "lang", "mark"), [
    (["Протездік-ортопедиялық көмекпен қамтамасыз етілмеді"], "kk", r"\w+ме(?:ді|ген)\b"),
    (["Тұрмыстық қызметтер көрсетілмеді", "стационар"], "kk", r"\w+ме(?:ді|ген)\b"),
    (["непредоставление консультаций психолога"], "ru", r"\bне\w+")])
def test_a_typo_never_drops_the_letters_that_say_not(parts, lang, mark) -> None:
    """"етілмеді" slipped to "етіледі" says the requirement was met: another question, not a typo of this one."""
    slips = {" ".join(PERTURBATIONS["typo"](parts, random.Random(seed), lang)) for seed in range(80)}
    assert len(slips) > 5  # the slips still go everywhere else, the negated word too
    for changed in slips:
        assert re.search(mark, changed), changed


def test_case_endings_follow_the_word() -> None:
    assert kazakh_endings("қала") == ["ның", "ға", "да", "ны", "дан", "мен"]
    assert kazakh_endings("үй")[2] == "де" and kazakh_endings("кітап")[:2] == ["тың", "қа"]
    assert kazakh_endings("психолог")[0] == "тың"  # г is voiced, but "психологтың": loans take the voiceless
    for seed in range(5):
        changed = PERTURBATIONS["ending"](["консультация"], random.Random(seed), "ru")
        assert changed[0] in ("консультации", "консультацию", "консультацией")


def test_latin_letters_for_kazakh_and_russian() -> None:
    assert to_latin("Бөрлі ауданы қала") == "Borli audany qala"
    assert to_latin("Бөрлі ауданы қала", "2021") == "Börlı audany qala"
    assert to_latin("Шаштараз жүргізу", "2021") == "Şaştaraz jürgızu"
    assert to_latin("сколько стоит массаж") == "skolko stoit massazh"
    assert to_latin("медицинская сестра") == "meditsinskaya sestra"


def test_incidents_negate_the_requirement() -> None:
    rng = random.Random(0)
    assert negate("Жеке жұмыс жоспарын әзірлеу мерзімінің сақталуы", "kk", rng).endswith("мерзімінің сақталмады")
    assert negate("көлік қызметтерін ұсыну", "kk", rng) == "көлік қызметтерін ұсынылмады"
    assert negate("құралдарымен қамтамасыз ету", "kk", rng) == "құралдарымен қамтамасыз етілмеді"
    assert negate("сапасын сақтау", "kk", rng) == "сапасын сақталмады"
    assert negate("Стационар жағдайларында (кір жуу)", "kk", rng).endswith("(кір жуу) қамтамасыз етілмеді")
    assert negate("наличие документов", "ru", rng) == "отсутствие документов"
    assert negate("соблюдение сроков оценки", "ru", rng) == "несоблюдение сроков оценки"
    assert negate("питание в стационаре", "ru", rng) == "не обеспечено: питание в стационаре"
    assert negate("having documents", "en", rng) == "missing documents"
    assert negate("providing transport", "en", rng) in ("providing transport was not ensured",
                                                         "providing transport was not done")


def test_expected_rows_are_the_row_and_its_namesakes(db, cases) -> None:
    for case in cases:
        assert case.key in case.expected, case
        if case.kind == TARIFF:
            assert {key[:2] for key in case.expected} == {case.key[:2]}  # one table: the one the question names
    # an item printed twice under one Kazakh name in one table: a question by that name may lead with either
    twice = db.execute("select jurisdiction, setting, service, group_concat(distinct item) from tariffs "
                       "group by jurisdiction, setting, service having count(distinct item) > 1").fetchone()
    tariffs, _, _ = tariff_cases(db, Vocabulary.load(db))
    namesakes = {(twice[0], twice[1], int(item)) for item in twice[3].split(",")}
    asked = [c for c in tariffs if c.lang == "kk" and c.key in namesakes]
    assert asked and all(c.expected == frozenset(namesakes) for c in asked)


def test_a_named_position_is_the_rows_own(db, vocab, cases) -> None:
    positions = {(r["jurisdiction"], r["setting"], r["item"], r["position"]) for r in db.execute("select * from tariffs")}
    named = [c for c in cases if c.position]
    assert named
    for case in named:
        position = case.source.split(" ", 1)[1]
        assert (*case.key, position) in positions and vocab.has_position(position, case.position)
    assert vocab.position_key("Массаж жасау жөніндегі мейіргер") == "massage_nurse"
    assert vocab.position_key("Мейіргер") == "nurse"


def test_words_come_from_the_glossary_and_manifest_and_mean_what_they_should(vocab) -> None:
    for lang in ("kk", "ru", "en"):
        for setting in SETTINGS:
            assert understand(vocab.setting(setting, lang)).filters.setting == setting
        for area in ("city", "rural"):
            assert understand(vocab.area(area, lang)).filters.area == area
        for code in vocab.jurisdictions:
            assert vocab.jurisdiction(code, lang) == vocab.jurisdictions[code].name(lang)
    assert vocab.jurisdiction("borli", "ru") == "Бурлинский район"
    assert vocab.position("nurse", "ru") == "медицинская сестра"  # a stem of the glossary, as the base writes it
    assert vocab.position("nurse", "en") == "nurse"


# ---------------------------------------------------------------- the judge, on a scripted engine


class ScriptedEngine:
    def __init__(self, answers: dict[str, Answer]) -> None:
        self.answers = answers

    def ask(self, question: str, lang: str | None = None) -> Answer:
        return self.answers.get(question) or Answer(question, lang or "kk", "unknown", Filters(), "not_found")


def tariff(item: int, position: str = "Мейіргер", setting: str = "home") -> Result:
    return Result("tariff", Citation("001", "", 1, str(item), "in_force"), 1.0,
                  {"jurisdiction": "borli", "setting": setting, "item": item, "position": position})


def answer(status: str, results: list[Result] = (), choices: list[Choice] = ()) -> Answer:
    return Answer("", "ru", "tariff", Filters(), status, results=list(results), choices=list(choices))


def judged(answers: dict[str, Answer], vocab: Vocabulary, position: str | None = None, kind: str = TARIFF) -> Outcome:
    key = ("borli", "home", 5) if kind == TARIFF else (5,)
    case = Case(kind, "ru", "plain", False, "q", "q", frozenset({key}), position, key, "", table=("004", 1))
    return Checker(ScriptedEngine(answers), vocab).judge(case)


def test_the_judge(vocab) -> None:
    assert judged({"q": answer("answer", [tariff(5)])}, vocab).verdict == ANSWERED
    wrong = judged({"q": answer("answer", [tariff(6), tariff(5)])}, vocab)
    assert wrong.verdict == WRONG and wrong.shown and wrong.how == "another item of the same table"
    other_table = judged({"q": answer("answer", [tariff(5, setting="temporary")])}, vocab)
    assert other_table.verdict == WRONG and other_table.how == "another table"
    # the named position must lead: the right item with another position first is wrong
    assert judged({"q": answer("answer", [tariff(5, "Психолог")])}, vocab, "nurse").how.startswith("the right item")
    assert judged({"q": answer("answer", [tariff(5, "Мейіргер")])}, vocab, "nurse").verdict == ANSWERED
    choices = [Choice("a", "first"), Choice("b", "second")]
    asked_back = {"q": answer("clarify", choices=choices), "first": answer("answer", [tariff(6)]),
                  "second": answer("answer", [tariff(5)])}
    assert judged(asked_back, vocab).verdict == CLARIFIED
    del asked_back["second"]
    assert judged(asked_back, vocab).verdict == ASKED_WITHOUT
    assert judged({}, vocab).verdict == NOT_FOUND
    quoted = Result("passage", Citation("004", "", 1, "5", "in_force"), 1.0, {})
    assert judged({"q": answer("answer", [quoted])}, vocab, kind=CRITERION).verdict == QUOTED
    other = Result("checklist", Citation("004", "", 3, "5", "in_force"), 1.0, {})
    assert judged({"q": answer("answer", [other])}, vocab, kind=CRITERION).how == "a checklist instead"


def test_the_report_fails_on_any_confidently_wrong_answer(vocab) -> None:
    right = judged({"q": answer("answer", [tariff(5)])}, vocab)
    wrong = judged({"q": answer("answer", [tariff(6)])}, vocab)
    assert Report(0, [right]).ok and not Report(0, [right, wrong]).ok
    text = Report(0, [right, wrong]).text()
    assert "confidently wrong: 1" in text and "expected" in text


def test_perturbed_falls_back_to_another_perturbation_when_one_cannot_change_the_question() -> None:
    kinds = {perturbed(["кеңес"], None, random.Random(seed), "kk")[0] for seed in range(40)}
    assert "typo" not in kinds  # no word of seven letters
    assert kinds <= set(KINDS) and len(kinds) >= 3


# ---------------------------------------------------------------- against the engine

# Measured on 2026-11-30 (seed 0, 200 tariff rows and all 90 criteria, each in kk, ru, en: 870 questions): the
# floors of today's engine, not its aim. The aim is ≥ 98 % passed in every class and none confidently wrong. Raised
# when the question's negations got one reading (a bare incident such as "... was not ensured" read as one in every
# word order; a condition or a relative clause describing a case, not reporting one), and again when negated Russian
# nouns of action, position typos and setting words inside service names were read by rule; raised to today's
# figures when a typo and a shuffle were made to keep what negates.
SAMPLE = 200
FLOORS = {  # share passed (answered, or asked back with the row among the choices), per kind and language
    (TARIFF, "kk"): 0.995,  # 199/200
    (TARIFF, "ru"): 0.995,  # 199/200
    (TARIFF, "en"): 0.995,  # 199/200
    (CRITERION, "kk"): 0.985,  # 89/90
    (CRITERION, "ru"): 1.0,  # 90/90
    (CRITERION, "en"): 0.985,  # 89/90
}
CONFIDENTLY_WRONG_CEILING = {TARIFF: 0, CRITERION: 0}
PAIR_VIOLATIONS_CEILING = 5  # 3 of 449 with a position added, 2 of 600 with a setting


@pytest.mark.slow  # 870 questions and 1,049 pairs
def test_the_engine_keeps_its_floors(engine, db, vocab) -> None:
    report = run(engine, db, vocab, seed=0, limit=SAMPLE)
    assert report.unnamed == 0
    figures = report.text()
    for (kind, lang), floor in FLOORS.items():
        assert report.rate(kind, lang) >= floor, figures
    for kind, ceiling in CONFIDENTLY_WRONG_CEILING.items():
        assert sum(o.case.kind == kind for o in report.confidently_wrong) <= ceiling, figures
    assert len(report.pair_violations) <= PAIR_VIOLATIONS_CEILING, figures


@pytest.mark.slow  # the command over a small sample
def test_the_command_prints_the_report_and_fails_on_a_wrong_answer(kb_path: Path, engine, db, vocab, capsys) -> None:
    code = main(["--kb", str(kb_path), "metamorphic", "--seed", "3", "--limit", "5", "--show", "2"])
    out = capsys.readouterr().out
    assert "metamorphic suite, seed 3: 30 questions" in out and "criterion all" in out
    assert code == (0 if run(engine, db, vocab, seed=3, limit=5).ok else 1)
