"""The build after `kb add` parses only what changed, and gives the base a build from nothing gives: every table's
rows (the full-text indexes' too), the views and the schema, row for row."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from knowledge.ingest import repair
from knowledge.ingest.add import add_decree
from knowledge.ingest.build import build, parse_sources
from knowledge.ingest.manifest import load_manifest, read_source, write_manifest
from knowledge.ingest.repair import Vocabulary
from knowledge.ingest.reuse import ParseCache, cache_path


def contents(kb: Path) -> dict[str, list[tuple]]:
    """Every table and view of a base, rows sorted, and its schema; only the build's time left out."""
    db = sqlite3.connect(kb)
    try:
        schema = db.execute("select type, name, tbl_name, sql from sqlite_master order by type, name").fetchall()
        found: dict[str, list[tuple]] = {"schema": schema}
        for kind, name, _, _ in schema:
            if kind in ("table", "view") and not name.endswith(("_data", "_idx", "_docsize", "_config")):
                rows = db.execute(f"select * from [{name}]").fetchall()
                found[name] = sorted(rows, key=repr)
        found["meta"] = [row for row in found["meta"] if row[0] != "built_at"]
        return found
    finally:
        db.close()


def full_text_agrees(kb: Path) -> dict[str, list[int]]:
    """Each full-text index checked against its table (FTS5 integrity-check), and what a few searches find."""
    db = sqlite3.connect(kb)
    try:
        found = {}
        for table in ("tariffs_fts", "passages_fts", "criteria_fts"):
            db.execute(f"insert into {table}({table}) values ('integrity-check')")
            for word in ("массаж", "мейіргер", "жоспар", "2027", "қызмет"):
                found[f"{table} {word}"] = [row[0] for row in db.execute(
                    f"select rowid from {table} where {table} match ? order by rowid", (word,))]
        return found
    finally:
        db.close()


def next_year_decree(sources: Path, folder: Path) -> Path:
    """Bäyterek's decree re-issued for 2027 with a new number and one rate changed."""
    document = next(d for d in load_manifest(sources) if d.id == "002")
    text = read_source(document, sources).replace("№ 668", "№ 701").replace("2025 жылғы 26 желтоқсандағы",
                                                                             "2026 жылғы 24 желтоқсандағы")
    text = text.replace("2026 жыл", "2027 жыл").replace("285,2", "300,0", 1)
    path = folder / "baiterek-2027.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_rebuild_after_add_equals_a_build_from_nothing(sources_copy: Path, tmp_path: Path) -> None:
    kb = tmp_path / "kb.sqlite"
    build(kb, sources_copy)
    assert cache_path(kb).is_file()
    added = add_decree(next_year_decree(sources_copy, tmp_path), {}, confirm=lambda report: True,
                       sources_dir=sources_copy)
    assert added is not None
    build(kb, sources_copy)  # reuses every act but the new one
    full = tmp_path / "full.sqlite"
    build(full, sources_copy, reuse=False)
    assert not cache_path(full).exists()
    incremental, scratch = contents(kb), contents(full)
    assert incremental.keys() == scratch.keys()
    for table in scratch:
        assert incremental[table] == scratch[table], table
    assert any(row[1] == added.id for row in scratch["tariffs"])
    assert full_text_agrees(kb) == full_text_agrees(full)
    assert any(full_text_agrees(full).values())


def test_a_rebuild_patches_only_the_rows_that_changed(sources_copy: Path, tmp_path: Path) -> None:
    """The base after an add is the old one with the new act's rows added: the old rows keep their pages."""
    kb = tmp_path / "kb.sqlite"
    build(kb, sources_copy)
    before = contents(kb)
    add_decree(next_year_decree(sources_copy, tmp_path), {}, confirm=lambda report: True, sources_dir=sources_copy)
    build(kb, sources_copy)
    after = contents(kb)
    assert set(before["tariffs"]) < set(after["tariffs"])  # every old row kept as it was, new ones added
    assert set(before["passages"]) < set(after["passages"])
    assert len(after["documents"]) == len(before["documents"]) + 1


def test_only_the_new_act_is_parsed(sources_copy: Path, tmp_path: Path) -> None:
    kb = tmp_path / "kb.sqlite"
    build(kb, sources_copy)
    acts = len(load_manifest(sources_copy))
    add_decree(next_year_decree(sources_copy, tmp_path), {}, confirm=lambda report: True, sources_dir=sources_copy)
    cache = ParseCache(cache_path(kb))
    parse_sources(sources_copy, cache)
    cache.close()
    assert (cache.parsed, cache.reused) == (1, acts)


def test_an_act_the_vocabulary_reads_otherwise_is_parsed_again(sources_copy: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A new decree's words change the repair's vocabulary: an act whose broken words it would now join otherwise
    is parsed again, and the acts it does not touch are reused."""
    cache = ParseCache(tmp_path / "parsed")
    parse_sources(sources_copy, cache)
    cache.save()
    assert (cache.parsed, cache.reused) == (len(load_manifest(sources_copy)), 0)
    others = [read_source(d, sources_copy) for d in load_manifest(sources_copy) if d.id != "001"]
    changed = Vocabulary.from_texts(others)  # the sources' vocabulary without Börli's decree
    monkeypatch.setattr(repair, "default_vocabulary", lambda: changed)
    monkeypatch.setattr("knowledge.ingest.reuse.default_vocabulary", lambda: changed)
    monkeypatch.setattr("knowledge.ingest.build.default_vocabulary", lambda: changed)
    cache = ParseCache(tmp_path / "parsed")
    again = parse_sources(sources_copy, cache)
    cache.close()
    assert cache.parsed >= 1 and cache.reused >= 1
    fresh = parse_sources(sources_copy)
    assert again.tariffs == fresh.tariffs and again.passages == fresh.passages and again.criteria == fresh.criteria


def test_vocabulary_answers_a_trace_only_when_it_gives_the_same_answers() -> None:
    vocabulary = Vocabulary(Counter({"қызмет": 3, "көрсету": 1}))
    vocabulary.trace = {}
    assert vocabulary.known_form("қызметі") and not vocabulary.seen_more_than("көрсету", 1)
    assert vocabulary.starts_known("қыз")
    trace, vocabulary.trace = vocabulary.trace, None
    assert Vocabulary(Counter({"қызмет": 3, "көрсету": 1, "басқа": 5})).answers(trace)
    assert Vocabulary(Counter({"қызмет": 9, "көрсету": 1})).answers(trace)  # commoner: the same answers
    assert not Vocabulary(Counter({"қызмет": 3, "көрсету": 2})).answers(trace)  # now seen twice: another answer
    assert not Vocabulary(Counter({"көрсету": 1})).answers(trace)


def test_a_damaged_cache_is_started_afresh(sources_copy: Path, tmp_path: Path) -> None:
    kb = tmp_path / "kb.sqlite"
    cache_path(kb).write_bytes(b"not a database" * 100)
    build(kb, sources_copy)
    full = tmp_path / "full.sqlite"
    build(full, sources_copy, reuse=False)
    assert contents(kb) == contents(full)


def test_a_rebuild_after_removing_an_act_equals_a_build_from_nothing(sources_copy: Path, tmp_path: Path) -> None:
    kb = tmp_path / "kb.sqlite"
    build(kb, sources_copy)
    documents = load_manifest(sources_copy)
    gone = next(d for d in documents if d.id == "001")
    (sources_copy / gone.file).unlink()
    write_manifest([d for d in documents if d.id != "001"], sources_copy)
    build(kb, sources_copy)
    full = tmp_path / "full.sqlite"
    build(full, sources_copy, reuse=False)
    assert contents(kb) == contents(full) and full_text_agrees(kb) == full_text_agrees(full)
    assert not any(row[1] == "001" for row in contents(kb)["tariffs"])
