"""The build pipeline: atomic writes, clear errors, the export contract, the check verdict."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from knowledge.desk.export import write_export
from knowledge.domain import CRITERION_EXPORT_FIELDS, TARIFF_EXPORT_FIELDS
from knowledge.ingest.build import build, current_fingerprint, sources_fingerprint
from knowledge.ingest.check import check
from knowledge.ingest.manifest import ManifestError, load_manifest
from knowledge.ingest.overrides import OverrideError
from knowledge.kb import KnowledgeBaseError, open_kb


def test_build_records_the_sources_fingerprint(kb_path: Path) -> None:
    assert current_fingerprint(kb_path) == sources_fingerprint()


def test_build_if_changed_skips_a_current_base(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    assert build(path) is True
    assert build(path, if_changed=True) is False


def test_database_opens_read_only(kb_path: Path) -> None:
    db = open_kb(kb_path)
    with pytest.raises(sqlite3.OperationalError):
        db.execute("delete from tariffs")


def test_missing_base_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="kb build"):
        open_kb(tmp_path / "nothing.sqlite")


def test_corrupt_base_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(KnowledgeBaseError, match="kb build"):
        open_kb(path)


def test_failed_build_leaves_the_old_base_untouched(tmp_path: Path, sources_copy: Path) -> None:
    path = tmp_path / "kb.sqlite"
    build(path, sources_copy)
    before = path.read_bytes()
    (sources_copy / "overrides.toml").write_text('[[override]]\ndocument = "000"\n', encoding="utf-8")
    with pytest.raises(OverrideError, match="overrides.toml"):
        build(path, sources_copy)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_bad_override_value_is_refused(sources_copy: Path, tmp_path: Path) -> None:
    (sources_copy / "overrides.toml").write_text(
        '[[override]]\ndocument = "000"\nannex = 1\nitem = 1\nposition = "Ваннашы санитар"\n'
        'field = "rate_city"\nvalue = "cheap"\nreason = "test"\n', encoding="utf-8")
    with pytest.raises(OverrideError, match="must be a number"):
        build(tmp_path / "kb.sqlite", sources_copy)


def test_override_is_applied_and_listed_by_the_check(sources_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    build(path, sources_copy)
    row = open_kb(path).execute(
        "select document, annex, item, position from tariffs where document = '002' order by item").fetchone()
    (sources_copy / "overrides.toml").write_text(
        f'[[override]]\ndocument = "002"\nannex = {row["annex"]}\nitem = {row["item"]}\n'
        f'position = "{row["position"]}"\nfield = "rate"\nvalue = 999.5\nreason = "checked by hand"\n',
        encoding="utf-8")
    build(path, sources_copy)
    db = open_kb(path)
    pinned = db.execute("select rate, override_reason from tariffs where document = '002' and item = ? "
                        "and position = ?", (row["item"], row["position"])).fetchone()
    assert (pinned["rate"], pinned["override_reason"]) == (999.5, "checked by hand")
    assert "checked by hand" in check(db, load_manifest(sources_copy)).text()


def test_manifest_naming_a_missing_source_is_a_clear_error(sources_copy: Path, tmp_path: Path) -> None:
    next(sources_copy.glob("002_*.txt")).unlink()
    with pytest.raises(ManifestError, match="002_"):
        build(tmp_path / "kb.sqlite", sources_copy)


def test_check_passes_on_the_real_base(kb_path: Path) -> None:
    report = check(open_kb(kb_path), load_manifest())
    assert report.ok, report.text()


def test_check_reports_a_gap(kb_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "gap.sqlite"
    shutil.copy(kb_path, path)
    with sqlite3.connect(path) as db:
        db.execute("delete from tariffs where document = '000' and annex = 2 and item = 50")
    report = check(open_kb(path), load_manifest())
    assert not report.ok
    assert any("000 annex 2: missing items 50" in p for p in report.problems)


def test_export_jsonl_has_exactly_the_documented_fields(kb_path: Path) -> None:
    out = io.StringIO()
    count = write_export(open_kb(kb_path), "tariffs", "jsonl", out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(rows) > 0
    assert all(tuple(row) == TARIFF_EXPORT_FIELDS for row in rows)
    out = io.StringIO()
    write_export(open_kb(kb_path), "criteria", "jsonl", out)
    assert all(tuple(json.loads(line)) == CRITERION_EXPORT_FIELDS for line in out.getvalue().splitlines())


def test_export_csv_names_are_clean(kb_path: Path) -> None:
    out = io.StringIO()
    write_export(open_kb(kb_path), "tariffs", "csv", out)
    lines = out.getvalue().splitlines()
    assert lines[0] == ",".join(TARIFF_EXPORT_FIELDS)
    db = open_kb(kb_path)
    for row in db.execute("select service, position, category from tariffs"):
        for name in row:
            assert "\n" not in name and "  " not in name and name == name.strip(), name
            assert " ы з м " not in name  # letter-spacing collapsed
