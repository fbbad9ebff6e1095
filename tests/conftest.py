"""Shared fixtures: the knowledge base built once per test session into a temporary folder, the engine on it, the
question sets and hand-read tables in tests/data, a writable copy of the sources, and how to run `komekshi`.

The tests mirror the packages: ingest/, answer/, desk/, bot/ (bot/conftest.py adds the fake Bot API server)."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge import SOURCES_DIR
from knowledge.ingest.build import build

REPO = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def test_data() -> Path:
    """tests/data: the question sets and the hand-read tables."""
    return TEST_DATA


@pytest.fixture(scope="session")
def kb_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "kb.sqlite"
    build(path)
    return path


@pytest.fixture(scope="session")
def engine(kb_path: Path):
    from knowledge.answer.engine import Engine

    return Engine.open(kb_path)


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """A writable copy of the packaged sources (the originals may be read-only)."""
    copy = tmp_path / "sources"
    shutil.copytree(SOURCES_DIR, copy)
    for path in copy.iterdir():
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return copy


@pytest.fixture(scope="session")
def komekshi() -> list[str]:
    """The command line that starts `komekshi`: the installed script beside this Python, else the module."""
    script = Path(sys.executable).parent / "komekshi"
    return [str(script)] if script.exists() else [sys.executable, "-m", "knowledge.desk.cli"]


@pytest.fixture
def komekshi_env() -> dict[str, str]:
    """The environment for a `komekshi` child process: this checkout importable, no bot or base settings leaking in
    from the developer's shell (tests set the ones they mean)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "LOCALES_DIR": str(REPO / "locales")}
    for name in ("KB_PATH", "BOT_TOKEN", "WEBHOOK_URL", "REDIS_URL", "ADMIN_IDS", "HEALTH_PORT"):
        env.pop(name, None)
    return env


@pytest.fixture
def run_komekshi(komekshi: list[str], komekshi_env: dict[str, str], tmp_path: Path):
    """Run `komekshi ARGS` as a child process in tmp_path with `env` added: its exit code and output, as text
    unless `stdin` is bytes. The timeout only keeps a hung process from hanging the suite."""

    def run(*args: str, stdin: bytes | str | None = None, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run([*komekshi, *args], input=stdin, cwd=tmp_path, env={**komekshi_env, **env},
                              capture_output=True, text=not isinstance(stdin, bytes), timeout=300)

    return run


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def free_port() -> Callable[[], int]:
    """A function giving a free TCP port on 127.0.0.1 (for servers the tests start as child processes)."""
    return _free_port
