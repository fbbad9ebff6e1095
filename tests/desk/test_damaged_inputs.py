"""Damaged inputs: a damaged knowledge base or source gives one clear error naming the file and the fix, from
`komekshi ask`, `komekshi run` and `komekshi kb build`, and `kb build` never leaves a broken base behind."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a `komekshi` process per case, some building the base twice

BOT_TOKEN = "123:TEST"
TARIFFS_000 = "000_d7fce49d0a222799.txt"


# ---------------------------------------------------------------- a damaged knowledge base

def assert_clear_error(result: subprocess.CompletedProcess, names: str, fix: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert names in lines[0] and fix in lines[0], lines[0]


def damage_pages(path: Path) -> None:
    """Overwrite 64 KiB in the middle of the file: the header and schema still read, a table does not."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 65536] = bytes((n * 151 + 7) % 256 for n in range(65536))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["missing", "empty", "not sqlite", "truncated", "damaged pages"])
def test_damaged_knowledge_base_gives_one_clear_error(tmp_path, kb_path, run_komekshi, damage):
    path = tmp_path / "kb.sqlite"
    if damage != "missing":
        shutil.copyfile(kb_path, path)
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "not sqlite":
        path.write_bytes(b"%PDF-1.7 this is not a database\n" * 100)
    elif damage == "truncated":
        with path.open("r+b") as handle:
            handle.truncate(path.stat().st_size // 3)
    elif damage == "damaged pages":
        damage_pages(path)
    result = run_komekshi("--kb", str(path), "ask", "massage nurse rural")
    assert_clear_error(result, str(path), "komekshi kb build")
    assert not result.stdout.strip()


def test_bot_with_a_damaged_knowledge_base_says_so_and_stops(tmp_path, kb_path, run_komekshi):
    """`komekshi run` cannot serve without a base: one clear line and a non-zero exit, before any network."""
    path = tmp_path / "kb.sqlite"
    shutil.copyfile(kb_path, path)
    damage_pages(path)
    result = run_komekshi("run", KB_PATH=str(path), BOT_TOKEN=BOT_TOKEN, TELEGRAM_API_URL="http://127.0.0.1:9",
                     USAGE_LOG="off", PREFS_PATH="off")
    assert_clear_error(result, str(path), "komekshi kb build")


# ---------------------------------------------------------------- a malformed source

def truncate_in_annex_1(path: Path) -> None:
    """Cut the 000 tariff text half-way between the headings of annex 1 and annex 2, mid-line."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index("\n1-қосымша"), text.index("\n2-қосымша")
    middle = (start + end) // 2
    path.write_text(text[:middle], encoding="utf-8")


def snapshot(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.iterdir()}


@pytest.mark.parametrize("damage", ["truncated annex", "binary file"])
def test_malformed_source_fails_the_build_and_leaves_the_base_untouched(tmp_path, kb_path, sources_copy, run_komekshi,
                                                                        damage):
    if damage == "truncated annex":
        truncate_in_annex_1(sources_copy / TARIFFS_000)
    else:
        (sources_copy / TARIFFS_000).write_bytes(bytes(range(256)) * 64)
    target_dir = tmp_path / "out"
    target_dir.mkdir()
    target = target_dir / "kb.sqlite"
    shutil.copyfile(kb_path, target)
    before = snapshot(target_dir)

    result = run_komekshi("--kb", str(target), "kb", "build", "--sources", str(sources_copy))
    assert_clear_error(result, TARIFFS_000, "restore it" if damage == "truncated annex" else "UTF-8")
    assert snapshot(target_dir) == before  # the old base is intact, and no temporary file is left beside it

    # Building into a new place: nothing at all is created.
    fresh = target_dir / "new.sqlite"
    result = run_komekshi("--kb", str(fresh), "kb", "build", "--sources", str(sources_copy))
    assert result.returncode != 0 and snapshot(target_dir) == before


def test_intact_sources_copy_builds(tmp_path, sources_copy, run_komekshi):
    """The control: the same copy, undamaged, builds (so the failures above come from the damage)."""
    target = tmp_path / "kb.sqlite"
    result = run_komekshi("--kb", str(target), "kb", "build", "--sources", str(sources_copy))
    assert result.returncode == 0, result.stderr
    assert target.is_file() and [path.name for path in tmp_path.iterdir() if path.suffix == ".tmp"] == []
