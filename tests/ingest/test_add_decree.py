"""`komekshi kb add`: a decree removed from the sources and added back gives exactly the same rows."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from knowledge.desk.export import export_rows
from knowledge.ingest.add import add_decree
from knowledge.ingest.build import build
from knowledge.ingest.decree import read_decree
from knowledge.ingest.manifest import load_jurisdictions, load_manifest, write_manifest
from knowledge.kb import open_kb


def remove_document(sources_dir: Path, doc_id: str, keep: Path) -> None:
    documents = load_manifest(sources_dir)
    gone = next(d for d in documents if d.id == doc_id)
    shutil.move(sources_dir / gone.file, keep)
    write_manifest([d for d in documents if d.id != doc_id], sources_dir)


def rows_of(path: Path, jurisdiction: str) -> list[dict]:
    return [row for row in export_rows(open_kb(path), "tariffs") if row["jurisdiction"] == jurisdiction]


@pytest.mark.parametrize(("doc_id", "jurisdiction"), [("001", "borli"), ("002", "baiterek")])
def test_remove_and_add_back_gives_the_same_rows(kb_path: Path, sources_copy: Path, tmp_path: Path,
                                                 doc_id: str, jurisdiction: str) -> None:
    before = rows_of(kb_path, jurisdiction)
    decree = tmp_path / "new-decree.txt"
    remove_document(sources_copy, doc_id, decree)
    added = add_decree(decree, {}, confirm=lambda report: True, sources_dir=sources_copy)
    assert added is not None and added.jurisdiction == jurisdiction
    path = tmp_path / "kb.sqlite"
    build(path, sources_copy)
    assert rows_of(path, jurisdiction) == before


def test_headings_are_read(sources_copy: Path) -> None:
    text = next(sources_copy.glob("000_*.txt")).read_text(encoding="utf-8")
    draft = read_decree(text, load_jurisdictions(sources_copy))
    assert (draft.jurisdiction, draft.number, draft.date, draft.year) == ("oblast", "286", "2025-12-25", 2026)
    assert [(a.number, a.setting, a.unit, a.rates) for a in draft.annexes] == [
        (1, "stationary", "month", "city_rural"), (2, "semi_stationary", "day", "city_rural")]


def test_declined_preview_writes_nothing(sources_copy: Path, tmp_path: Path) -> None:
    decree = tmp_path / "new.txt"
    remove_document(sources_copy, "002", decree)
    manifest = (sources_copy / "manifest.toml").read_text(encoding="utf-8")
    reports = []
    assert add_decree(decree, {}, confirm=lambda r: reports.append(r) or False, sources_dir=sources_copy) is None
    assert "items 1..76" in reports[0] and "gaps: none" in reports[0]
    assert (sources_copy / "manifest.toml").read_text(encoding="utf-8") == manifest


def test_a_new_decree_for_the_same_year_supersedes_the_old(sources_copy: Path, tmp_path: Path) -> None:
    old = next(d for d in load_manifest(sources_copy) if d.id == "002")
    amended = tmp_path / "amended.txt"
    amended.write_text((sources_copy / old.file).read_text(encoding="utf-8").replace("№ 668", "№ 700"),
                       encoding="utf-8")
    new = add_decree(amended, {}, confirm=lambda r: True, sources_dir=sources_copy)
    documents = {d.id: d for d in load_manifest(sources_copy)}
    assert new is not None and new.number == "700"
    assert (documents["002"].status, documents["002"].superseded_by) == ("superseded", new.id)
    path = tmp_path / "kb.sqlite"
    build(path, sources_copy)
    statuses = {row["status"] for row in open_kb(path).execute("select status from tariffs where document = '002'")}
    assert statuses == {"superseded"}


def test_missing_headings_need_flags(sources_copy: Path, tmp_path: Path) -> None:
    old = next(d for d in load_manifest(sources_copy) if d.id == "002")
    text = (sources_copy / old.file).read_text(encoding="utf-8")
    stripped = tmp_path / "stripped.txt"
    stripped.write_text(text.replace("Бәйтерек", "Х").replace("№ 668", "№ "), encoding="utf-8")
    remove_document(sources_copy, "002", tmp_path / "removed.txt")  # the same act is not added twice
    with pytest.raises(ValueError, match="jurisdiction"):
        add_decree(stripped, {}, confirm=lambda r: True, sources_dir=sources_copy)
    added = add_decree(stripped, {"jurisdiction": "baiterek", "number": "668"}, confirm=lambda r: True,
                       sources_dir=sources_copy)
    assert added is not None and added.jurisdiction == "baiterek"
    assert replace(added, id="002", file=old.file).number == old.number


@pytest.mark.slow  # two komekshi processes
def test_cli_add_without_yes_does_not_write(sources_copy: Path, tmp_path: Path, komekshi: list[str]) -> None:
    decree = tmp_path / "new.txt"
    remove_document(sources_copy, "002", decree)
    result = subprocess.run(
        [*komekshi, "kb", "add", str(decree), "--sources", str(sources_copy)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "--yes" in result.stdout
    assert len(load_manifest(sources_copy)) == 4
    result = subprocess.run(
        [*komekshi, "kb", "add", str(decree), "--yes", "--sources", str(sources_copy)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 0, result.stderr
    assert len(load_manifest(sources_copy)) == 5
