"""Faults: the real `komekshi run` process keeps going through Bot API failures (429 with retry_after, 500,
dropped connections while polling and while sending) and answers every update exactly once; a damaged knowledge
base or source gives one clear error naming the file and the fix, and `kb build` never leaves a broken base.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fake_bot_api import BOT_TOKEN, FakeBotApi, expected_replies, message, stop_process

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "knowledge" / "sources"
TARIFFS_000 = "000_d7fce49d0a222799.txt"
QUESTIONS = [
    "what is the rural rate for massage by a nurse in semi-stationary care",
    "жартылай стационарда мейіргердің массажы ауылда қанша?",
    "сколько стоит массаж медсестры в полустационаре в селе?",
    "is missing the individual work plan a significant violation",
    "Бөрлі ауданында үйде қызмет көрсету тарифі",
    "staffing norm for nurses in a care home",
]


def komekshi() -> list[str]:
    script = Path(sys.executable).parent / "komekshi"
    return [str(script)] if script.exists() else [sys.executable, "-m", "knowledge.desk.cli"]


@contextlib.asynccontextmanager
async def bot_process(api: FakeBotApi, tmp_path: Path, kb_path: Path) -> AsyncIterator[asyncio.subprocess.Process]:
    """`komekshi run` long-polling the fake API; always stopped (terminate, then kill) at the end."""
    env = {**os.environ, "BOT_TOKEN": BOT_TOKEN, "TELEGRAM_API_URL": api.url, "USAGE_LOG": "off", "PREFS_PATH": "off",
           "KB_PATH": str(kb_path), "PYTHONPATH": str(ROOT), "LOCALES_DIR": str(ROOT / "locales")}
    for name in ("WEBHOOK_URL", "REDIS_URL", "ADMIN_IDS", "HEALTH_PORT"):
        env.pop(name, None)
    log_path = tmp_path / "bot.log"
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(*komekshi(), "run", cwd=tmp_path, env=env, stdout=log,
                                                       stderr=asyncio.subprocess.STDOUT)
        try:
            yield process
        finally:
            await stop_process(process)
            print(log_path.read_text(errors="replace")[-4000:])


def answers(api: FakeBotApi) -> Counter:
    return Counter((int(params["chat_id"]), params["text"]) for params in api.sent("sendMessage"))


async def wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(0.05)
    return condition()


async def test_bot_rides_out_api_faults_and_answers_each_update_once(tmp_path, kb_path, engine):
    api = FakeBotApi(retry_after=1)
    await api.start()
    # Start-up calls fail once each too: within the retry budget the process starts anyway.
    api.fail("deleteWebhook", "500")
    api.fail("setMyCommands", "drop")
    try:
        async with bot_process(api, tmp_path, kb_path) as process:
            await api.wait_for("setMyCommands", timeout=30, language_code="en")

            # Polling fails three times in a row; the questions arrive while it does.
            api.fail("getUpdates", "drop", "500", "429")
            api.fail("sendMessage", "429", "drop", "500", "429", "drop", "500")
            assert await wait_until(lambda: len(api.faults["getUpdates"]) < 3, 10)
            expected: Counter = Counter()
            for number, question in enumerate(QUESTIONS * 2):
                user_id = 4000 + number % 4
                await api.push({"message": message(question, user_id=user_id, lang=("kk", "ru", "en")[number % 3])})
                expected.update((user_id, text) for text in expected_replies(engine, question))

            assert await wait_until(lambda: answers(api) == expected, 40), (expected - answers(api),
                                                                             answers(api) - expected)
            await asyncio.sleep(1.5)  # a late duplicate (a retry of a request that did get through) shows here
            assert answers(api) == expected
            assert api.faults_left() == 0 and process.returncode is None

            # 429 was honoured: the same message was not tried again before retry_after had passed.
            attempts = [(at, fault, (params.get("chat_id"), params.get("text")))
                        for method, at, fault, params in api.attempts if method == "sendMessage"]
            for number, (at, fault, key) in enumerate(attempts):
                if fault == "429":
                    retry = next(later for later, _, same in attempts[number + 1:] if same == key)
                    assert retry - at >= api.retry_after - 0.05
            failed_polls = [fault for method, _, fault, _ in api.attempts if method == "getUpdates" and fault]
            assert failed_polls == ["drop", "500", "429"]

            # And it is still serving, even when one answer fails three times in a row (within the retry budget).
            api.fail("sendMessage", "429", "drop", "500")
            question = QUESTIONS[0]
            await api.push({"message": message(question, user_id=4100, lang="en")})
            for text in expected_replies(engine, question):
                expected[(4100, text)] += 1
            assert await wait_until(lambda: answers(api) == expected, 15)
            await asyncio.sleep(0.5)
            assert answers(api) == expected and api.faults_left() == 0 and process.returncode is None
    finally:
        await api.stop()


# ---------------------------------------------------------------- a damaged knowledge base

def run_cli(*args: str, cwd: Path, timeout: float = 30) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("KB_PATH", "BOT_TOKEN", "WEBHOOK_URL"):
        env.pop(name, None)
    return subprocess.run([*komekshi(), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


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
def test_damaged_knowledge_base_gives_one_clear_error(tmp_path, kb_path, damage):
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
    result = run_cli("--kb", str(path), "ask", "massage nurse rural", cwd=tmp_path)
    assert_clear_error(result, str(path), "komekshi kb build")
    assert not result.stdout.strip()


def test_bot_with_a_damaged_knowledge_base_says_so_and_stops(tmp_path, kb_path):
    """`komekshi run` cannot serve without a base: one clear line and a non-zero exit, before any network."""
    path = tmp_path / "kb.sqlite"
    shutil.copyfile(kb_path, path)
    damage_pages(path)
    env_run = ["env", f"KB_PATH={path}", f"BOT_TOKEN={BOT_TOKEN}", "TELEGRAM_API_URL=http://127.0.0.1:9",
               "USAGE_LOG=off", "PREFS_PATH=off"]
    result = subprocess.run([*env_run, *komekshi(), "run"], cwd=tmp_path, capture_output=True, text=True, timeout=30,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert_clear_error(result, str(path), "komekshi kb build")


# ---------------------------------------------------------------- a malformed source

@pytest.fixture
def sources(tmp_path) -> Path:
    """A writable copy of the sources (the originals are read-only)."""
    copy = tmp_path / "sources"
    shutil.copytree(SOURCES, copy)
    for path in copy.iterdir():
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return copy


def truncate_in_annex_1(path: Path) -> None:
    """Cut the 000 tariff text half-way between the headings of annex 1 and annex 2, mid-line."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index("\n1-қосымша"), text.index("\n2-қосымша")
    middle = (start + end) // 2
    path.write_text(text[:middle], encoding="utf-8")


def snapshot(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.iterdir()}


@pytest.mark.parametrize("damage", ["truncated annex", "binary file"])
def test_malformed_source_fails_the_build_and_leaves_the_base_untouched(tmp_path, kb_path, sources, damage):
    if damage == "truncated annex":
        truncate_in_annex_1(sources / TARIFFS_000)
    else:
        (sources / TARIFFS_000).write_bytes(bytes(range(256)) * 64)
    target_dir = tmp_path / "out"
    target_dir.mkdir()
    target = target_dir / "kb.sqlite"
    shutil.copyfile(kb_path, target)
    before = snapshot(target_dir)

    result = run_cli("--kb", str(target), "kb", "build", "--sources", str(sources), cwd=tmp_path, timeout=60)
    assert_clear_error(result, TARIFFS_000, "restore it" if damage == "truncated annex" else "UTF-8")
    assert snapshot(target_dir) == before  # the old base is intact, and no temporary file is left beside it

    # Building into a new place: nothing at all is created.
    fresh = target_dir / "new.sqlite"
    result = run_cli("--kb", str(fresh), "kb", "build", "--sources", str(sources), cwd=tmp_path, timeout=60)
    assert result.returncode != 0 and snapshot(target_dir) == before


def test_intact_sources_copy_builds(tmp_path, sources):
    """The control: the same copy, undamaged, builds (so the failures above come from the damage)."""
    target = tmp_path / "kb.sqlite"
    result = run_cli("--kb", str(target), "kb", "build", "--sources", str(sources), cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert target.is_file() and [path.name for path in tmp_path.iterdir() if path.suffix == ".tmp"] == []
