"""The `komekshi` command as people and outside checks use it: ask (one, batch, JSON), kb export/check, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CONTRACT_KEYS = {"question", "lang", "intent", "filters", "status", "verdict", "results", "choices", "text"}


def komekshi(*args: str, stdin: bytes | None = None, kb: Path | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "knowledge.desk.cli", *(["--kb", str(kb)] if kb else []), *args]
    return subprocess.run(command, input=stdin, capture_output=True, timeout=120)


def test_ask_json_follows_the_contract(kb_path: Path) -> None:
    result = komekshi("ask", "--json", "сколько стоит массаж медсестры в полустационаре в селе?", kb=kb_path)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) == CONTRACT_KEYS
    assert set(answer["filters"]) == {"setting", "area", "jurisdiction", "position"}
    assert answer["filters"]["setting"] == "semi_stationary" and answer["filters"]["area"] == "rural"
    best = answer["results"][0]
    assert best["type"] == "tariff" and best["item"] == 63 and best["jurisdiction"] == "oblast"
    assert best["rate_rural"] == 0 and best["rate_city"] == 903
    assert set(best["citation"]) == {"document", "title", "annex", "item", "status"}
    assert best["citation"]["annex"] == 2 and best["citation"]["status"] == "in_force"


def test_ask_lang_sets_the_reply_language(kb_path: Path) -> None:
    result = komekshi("ask", "--json", "--lang", "en", "стационар УВЧ терапия медсестра город", kb=kb_path)
    answer = json.loads(result.stdout)
    assert answer["lang"] == "en"
    assert "993.00" in answer["text"] or "993" in answer["text"]


def test_ask_batch_reads_one_question_per_line_and_survives_junk(kb_path: Path) -> None:
    lines = [
        "стационар лазерлік терапия ауыл тарифі".encode(),
        b"\xff\xfe\x00binary junk\x80",
        b"<b>hello</b>'; drop table tariffs; --",
        b"",
        "💉💉💉".encode(),
        b"price of a taxi to Uralsk",
    ]
    result = komekshi("ask", "--json", "-", stdin=b"\n".join(lines) + b"\n", kb=kb_path)
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(answers) == len(lines)
    assert answers[0]["status"] == "answer" and answers[0]["results"][0]["rate_rural"] == 1020
    assert answers[-1]["status"] != "answer"
    assert all(a["text"].strip() for a in answers)


def test_ask_plain_text(kb_path: Path) -> None:
    result = komekshi("ask", "--lang", "ru", "стационар галотерапия педиатр село", kb=kb_path)
    assert result.returncode == 0
    assert "122" in result.stdout.decode()


def test_missing_base_is_one_clear_error(tmp_path: Path) -> None:
    result = komekshi("ask", "массаж", kb=tmp_path / "absent.sqlite")
    assert result.returncode == 2
    assert b"kb build" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_via_cli(kb_path: Path, fmt: str) -> None:
    result = komekshi("kb", "export", "criteria", "--format", fmt, kb=kb_path)
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 90 + (fmt == "csv")


def test_check_via_cli(kb_path: Path) -> None:
    result = komekshi("kb", "check", kb=kb_path)
    assert result.returncode == 0, result.stdout
    assert b"OK: no gaps" in result.stdout
