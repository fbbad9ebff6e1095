"""Shared fixtures: the knowledge base is built once per test session into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.ingest.build import build

REPO = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def kb_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "kb.sqlite"
    build(path)
    return path


@pytest.fixture(scope="session")
def engine(kb_path: Path):
    from knowledge.answer.engine import Engine

    return Engine.open(kb_path)
