"""The base's shape: the build writes the tables and columns the engine reads (knowledge.kb.SHAPE); a base that
lacks a column, a table or a full-text index is refused by the engine in one line and fails `kb check`."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from knowledge.answer.engine import Engine
from knowledge.desk.cli import main
from knowledge.ingest.build import TABLES
from knowledge.ingest.check import check
from knowledge.ingest.manifest import load_manifest
from knowledge.kb import FULL_TEXT, SHAPE, KnowledgeBaseError, open_kb


def test_the_build_writes_the_shape_the_engine_reads(kb_path: Path) -> None:
    assert {table: tuple(columns) for table, (columns, _) in TABLES.items() if table in SHAPE} == SHAPE
    db = sqlite3.connect(kb_path)
    for table, columns in FULL_TEXT.items():
        assert tuple(row[1] for row in db.execute(f"pragma table_info({table})")) == columns
    assert check(open_kb(kb_path), load_manifest()).ok


def damaged(kb_path: Path, tmp_path: Path, *statements: str) -> Path:
    copy = tmp_path / "kb.sqlite"
    shutil.copyfile(kb_path, copy)
    db = sqlite3.connect(copy)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()
    return copy


DAMAGES = [
    pytest.param(("alter table tariffs drop column service_raw",), "lacks column tariffs.service_raw", id="column"),
    pytest.param(("alter table jurisdictions drop column question_cues_en",),
                 "lacks column jurisdictions.question_cues_en", id="jurisdictions"),
    pytest.param(("drop table passages_fts",), "lacks table passages_fts", id="fts"),
    pytest.param(("drop table criteria_fts_data",), "cannot read criteria_fts", id="fts-shadow"),
]


@pytest.mark.parametrize(("statements", "said"), DAMAGES)
def test_the_engine_refuses_a_base_of_another_shape_in_one_line(kb_path, tmp_path, statements, said) -> None:
    with pytest.raises(KnowledgeBaseError) as error:
        Engine.open(damaged(kb_path, tmp_path, *statements))
    assert said in str(error.value) and "komekshi kb build" in str(error.value)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(("statements", "said"), DAMAGES)
def test_kb_check_fails_on_a_base_the_engine_cannot_use(kb_path, tmp_path, capsys, statements, said) -> None:
    path = damaged(kb_path, tmp_path, *statements)
    assert main(["--kb", str(path), "kb", "check"]) != 0
    assert said in capsys.readouterr().err
    report = check(sqlite3.connect(path), load_manifest())
    assert not report.ok and said in report.text()
