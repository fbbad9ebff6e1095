"""What keeps a base of many districts and years as cheap as today's: the index keys names, not acts (a name printed
in several acts is one key, scored once per question, every act holding it reachable); the catalogue selects from
(jurisdiction, setting, year) partitions; tariff rows share their texts; the Russian dictionary's reading of the
base's words is stored at build and taken at open. Each gives the answers the plain way gives."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from decrees import add, built, copy_sources, derive, source_of

from knowledge import russian
from knowledge.answer.engine import Engine
from knowledge.answer.index import Index, Target
from knowledge.answer.positions import Asked, Positions
from knowledge.answer.understand import Word, understand
from knowledge.kb import open_kb, remember_russian_words
from knowledge.text import loose

MASSAGE = ["Массаж жасау", "массаж", "massage"]
BATH = ["Жуынатын бөлмеде жуыну", "мытьё в ванной", "bathing"]


def two_acts(*, shared: bool) -> list[Target]:
    """Two acts printing the same two services (act "a": items 1, 2; act "b": items 1, 2) and a third name in act b;
    with `shared`, the acts' targets share one list of names per name (as the catalogue makes them)."""
    def names(base: list[str]) -> list[str]:
        return base if shared else list(base)

    return [Target("service", ("a", 1, 1), names(MASSAGE), rows=[{"document": "a", "rate": 100.0}]),
            Target("service", ("a", 1, 2), names(BATH), rows=[{"document": "a", "rate": 50.0}]),
            Target("service", ("b", 1, 1), names(MASSAGE), rows=[{"document": "b", "rate": 110.0}]),
            Target("service", ("b", 1, 2), names(BATH), rows=[{"document": "b", "rate": 55.0}]),
            Target("service", ("b", 1, 3), ["Массаж аппаратпен", "аппаратный массаж"], rows=[{"document": "b"}])]


def words(*texts: str) -> list[Word]:
    return [Word(loose(text), None, 1.0) for text in texts]


def found(hits) -> list[tuple]:
    return [(h.target.ident, round(h.score, 9), h.cover, h.sure, h.matched) for h in hits]


def test_a_name_printed_in_two_acts_is_one_key_scored_once(monkeypatch: pytest.MonkeyPatch) -> None:
    index = Index(two_acts(shared=True))
    assert len(index.keys) == len(MASSAGE + BATH) + 2  # each name once, though printed in two acts
    assert len(index.group_keys) == 3  # one per distinct set of names, not one per act
    scored: list[int] = []
    score = Index._group_score

    def counting(self, group, *args):
        scored.append(group)
        return score(self, group, *args)

    monkeypatch.setattr(Index, "_group_score", counting)
    hits = index.search(words("массаж"))
    assert sorted(scored) == sorted(set(scored)) and len(scored) == 2  # massage (both acts) and the device massage
    assert [h.target.ident for h in hits[:2]] == [("a", 1, 1), ("b", 1, 1)]
    assert hits[0].score == hits[1].score and hits[0].target.rows != hits[1].target.rows


def test_both_acts_rows_are_reachable_and_only_restricts_them() -> None:
    targets = two_acts(shared=True)
    index = Index(targets)
    in_b = index.search(words("массаж"), only=frozenset({2, 3, 4}))
    assert [h.target.ident for h in in_b] == [("b", 1, 1), ("b", 1, 3)]
    assert in_b[0].target.rows == [{"document": "b", "rate": 110.0}]
    in_a = index.search(words("bathing"), only={0, 1})
    assert [h.target.rows for h in in_a] == [[{"document": "a", "rate": 50.0}]]
    assert index.search(words("bathing"), allow=lambda t: t.ident[0] == "b")[0].target.ident == ("b", 1, 2)


@pytest.mark.parametrize("question", [("массаж",), ("массаж", "жасау"), ("bathing",), ("мытьё",), ("massage", "ванной"),
                                      ("аппаратный", "массаж"), ("массажы",), ("qwerty", "массаж")])
@pytest.mark.parametrize("limit", [1, 2, 3, 10])
def test_grouping_targets_changes_no_score(question: tuple[str, ...], limit: int) -> None:
    """Targets sharing one list of names, or each holding its own copy of the same names: the same hits."""
    shared, apart = Index(two_acts(shared=True)), Index(two_acts(shared=False))
    assert found(shared.search(words(*question), limit=limit)) == found(apart.search(words(*question), limit=limit))
    assert shared.idf == apart.idf


def test_the_best_of_many_equal_scores_are_the_earliest_targets() -> None:
    """`limit` cuts a run of equal scores (the same name in every act) at the earliest targets, as a sort would."""
    targets = [Target("service", (f"{n:03d}", 1, 1), MASSAGE) for n in range(30)]
    index = Index(targets)
    assert [h.target.ident[0] for h in index.search(words("массаж"), limit=7)] == [f"{n:03d}" for n in range(7)]
    only = frozenset(range(10, 30, 3))
    assert [h.target.ident[0] for h in index.search(words("массаж"), limit=3, only=only)] == ["010", "013", "016"]


# ------------------------------------------------------------------ a base of two years: partitions, shared texts


@pytest.fixture(scope="module")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sources with Bäyterek's decree of 2027 (its 2026 one re-issued for the next year, one rate changed)."""
    folder = tmp_path_factory.mktemp("two-years")
    sources = copy_sources(folder)
    document, text = source_of(sources, "baiterek")
    add(sources, folder, "baiterek-2027.txt", derive(document, text, words={
        "2026 жылға": "2027 жылға", "2025 жылғы 26 желтоқсандағы № 668": "2026 жылғы 24 желтоқсандағы № 701",
        "№ 668 қаулысына": "№ 701 қаулысына"}, rates={6: "390,00"}))
    return built(sources, folder)


@pytest.fixture(scope="module")
def engine_2y(two_years: Path) -> Engine:
    return Engine.open(two_years, today=lambda: date(2026, 11, 30))


def test_partitions_select_what_a_scan_of_every_service_selects(engine_2y: Engine) -> None:
    catalogue = engine_2y.catalogue
    views = [None, catalogue.view(None, 2026), catalogue.view(2027, 2026), catalogue.view(2026, 2026)]
    for setting in (None, "home", "stationary", "semi_stationary"):
        for place in (None, "baiterek", "borli", "oblast"):
            for view in views:
                scanned = frozenset(i for i, t in enumerate(catalogue.services)
                                    if (not setting or t.setting == setting) and (not place or t.jurisdiction == place)
                                    and (view is None or catalogue.in_view(t, view)))
                selected = catalogue.services_in(setting, place, view)
                assert (selected if selected is not None else frozenset(range(len(catalogue.services)))) == scanned
    assert catalogue.tables == sorted({(t.jurisdiction, t.setting) for t in catalogue.services})


def test_rows_are_the_tables_rows_with_their_texts_shared_between_acts(engine_2y: Engine, two_years: Path) -> None:
    services = engine_2y.catalogue.services
    rows = {row["id"]: row for target in services for row in target.rows}
    db = open_kb(two_years)
    for stored in db.execute("select * from tariffs"):
        expected = {key: stored[key] for key in stored.keys()  # noqa: SIM118 - sqlite3.Row iterates values
                    if key not in ("service_raw", "override_reason")}
        assert rows[stored["id"]] == expected
    by_year = {engine_2y.catalogue.year_of(t): t for t in services if t.jurisdiction == "baiterek" and t.ident[2] == 6}
    assert by_year[2026].rows[0]["service"] is by_year[2027].rows[0]["service"]  # one string in memory
    assert by_year[2026].names is by_year[2027].names  # one list of names: one group of the index


def test_a_position_s_services_are_those_a_scan_finds(engine_2y: Engine) -> None:
    positions: Positions = engine_2y.context.positions
    catalogue = engine_2y.catalogue
    for question in ("машинист", "санитар", "әлеуметтік қызметкер", "медсестра по массажу", "психолог"):
        asked: Asked = positions.asked(understand(question, engine_2y.glossary))
        for targets in (catalogue.services, catalogue.services_of("home", "baiterek", catalogue.view(2027, 2026))):
            best = positions.best_titles({row.get("position") or "" for t in targets for row in t.rows}, asked)
            assert positions.services(targets, asked) == [
                t for t in targets if any((row.get("position") or "") in best for row in t.rows)]


# ------------------------------------------------------------------ the dictionary's reading, stored at build


def test_the_base_stores_the_dictionary_s_reading_of_its_words(kb_path: Path) -> None:
    db = sqlite3.connect(kb_path)
    stored = dict(db.execute("select word, normal from russian_words"))
    assert stored["медицинская"] == "медицинский" and stored["массаж"] == "массаж"
    assert "мейіргер" not in stored  # a Kazakh word never reaches the dictionary
    assert stored.get(loose("мейіргер"), "absent") is None  # its loose form is looked up: the dictionary lacks it
    assert db.execute("select value from meta where key = 'russian_version'").fetchone()[0] == russian.version()
    # an English name word spelt the British way is keyed by its loose, American spelling, read in Cyrillic
    assert "бехавиор" in stored and "организатионс" in stored


def test_a_reading_made_under_another_version_is_not_taken(kb_path: Path, tmp_path: Path) -> None:
    assert remember_russian_words(open_kb(kb_path)) > 1000
    other = tmp_path / "kb.sqlite"
    shutil.copyfile(kb_path, other)
    db = sqlite3.connect(other)
    db.execute("update meta set value = 'another' where key = 'russian_version'")
    db.commit()
    db.close()
    assert remember_russian_words(open_kb(other)) == 0
