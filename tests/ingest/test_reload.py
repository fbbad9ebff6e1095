"""Recovering by itself: `engine.reload()` opens and checks the new base before it lets the old one go (a missing,
corrupt or misshapen file leaves the old base answering, and says why); the temporary files of an interrupted
build are removed by the next build, and a build running beside it keeps its own."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.answer.engine import Engine
from knowledge.ingest.build import build, remove_stale_temporaries, temp_prefix
from knowledge.kb import KnowledgeBaseError

QUESTION = "сколько стоит массаж медсестры в полустационаре в селе?"


@pytest.fixture
def live(kb_path: Path, tmp_path: Path) -> tuple[Engine, Path]:
    path = tmp_path / "kb.sqlite"
    shutil.copyfile(kb_path, path)
    return Engine.open(path), path


def drop_column(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("alter table tariffs drop column service_raw")
    db.commit()
    db.close()


@pytest.mark.parametrize(("damage", "said"), [
    pytest.param(lambda path: path.unlink(), "is missing", id="missing"),
    pytest.param(lambda path: path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000), "not a readable", id="corrupt"),
    pytest.param(drop_column, "lacks column tariffs.service_raw", id="misshapen"),
])
def test_a_bad_new_base_leaves_the_old_one_answering(live, damage, said) -> None:
    engine, path = live
    before = engine.ask(QUESTION)
    assert before.status == "answer"
    temp = path.with_name("new.sqlite")
    shutil.copyfile(path, temp)
    damage(temp)
    if temp.exists():
        os.replace(temp, path)
    else:
        path.unlink()
    with pytest.raises(KnowledgeBaseError, match=said):
        engine.reload()
    after = engine.ask(QUESTION)
    assert (after.status, after.text) == (before.status, before.text)


def test_a_good_new_base_is_taken(live, sources_copy: Path) -> None:
    engine, path = live
    old = engine.db
    build(path, sources_copy)
    engine.reload()
    assert engine.db is not old and engine.ask(QUESTION).status == "answer"
    with pytest.raises(sqlite3.ProgrammingError):
        old.execute("select 1")  # the old base was closed once the new one was in place


def test_an_interrupted_builds_temporary_file_is_removed_by_the_next(tmp_path: Path, sources_copy: Path) -> None:
    kb = tmp_path / "kb.sqlite"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    stale = tmp_path / f"{temp_prefix(kb, dead_pid)}abc123.tmp"
    stale.write_bytes(b"half a base")
    running = tmp_path / f"{temp_prefix(kb)}def456.tmp"  # this process: a build still running
    running.write_bytes(b"being written")
    build(kb, sources_copy)
    assert not stale.exists() and running.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("kb.sqlite")) == sorted([
        "kb.sqlite", "kb.sqlite.parsed", running.name])
    assert remove_stale_temporaries(kb) == []
