"""`komekshi ask -`: one question per "\\n" line (other line breaks inside a line are spaces), JSON lines that stay
one line each (U+2028/U+2029 escaped), and a reader that goes away (`| head -1`) ends it quietly with status 0."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

from knowledge.desk.cli import json_line, read_questions


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_only_newline_ends_a_question() -> None:
    data = "массаж\r\nсело\u2028город\vстационар\x0cдень\n\nқала\u2029ауыл".encode()
    assert list(read_questions(_Stdin(data))) == ["массаж", "село город стационар день", "", "қала ауыл"]


def test_a_final_newline_adds_no_question_and_junk_bytes_do_not_break_the_batch() -> None:
    assert list(read_questions(_Stdin(b"one\ntwo\n"))) == ["one", "two"]
    assert list(read_questions(_Stdin(b"\xff\xfe ok\n"))) == ["\ufffd\ufffd ok"]
    assert list(read_questions(_Stdin(b""))) == []


def test_json_lines_escape_the_javascript_line_separators() -> None:
    line = json_line({"text": "a\u2028b\u2029c", "kk": "мейіргер"})
    assert "\u2028" not in line and "\u2029" not in line and "\n" not in line
    assert "мейіргер" in line  # everything else stays readable UTF-8
    assert json.loads(line) == {"text": "a\u2028b\u2029c", "kk": "мейіргер"}


@pytest.mark.slow  # a komekshi process
def test_batch_with_odd_line_breaks_answers_one_line_each(run_komekshi, kb_path: Path) -> None:
    stdin = "стационар лазерлік терапия\r ауыл тарифі\r\nмас\u200bсаж\u2028медсестры полустационар село\n".encode()
    result = run_komekshi("--kb", str(kb_path), "ask", "--json", "-", stdin=stdin)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().split("\n")
    assert lines[-1] == "" and len(lines) == 3
    first, second = (json.loads(line) for line in lines[:2])
    assert first["results"][0]["rate_rural"] == 1020
    assert second["results"][0]["item"] == 63 and second["results"][0]["rate_city"] == 903


@pytest.mark.slow  # a komekshi process, a pipe closed by its reader
@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_closed_pipe_ends_quietly_with_status_0(komekshi: list[str], komekshi_env, kb_path: Path,
                                                json_flag: list[str]) -> None:
    writer = subprocess.Popen([*komekshi, "--kb", str(kb_path), "ask", *json_flag, "-"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=komekshi_env)
    assert writer.stdin and writer.stdout
    writer.stdin.write("массаж село полустационар\n".encode() * 200)
    writer.stdin.close()
    assert writer.stdout.readline()  # the first answer, then the reader goes away
    writer.stdout.close()
    assert writer.wait(timeout=120) == 0
    stderr = writer.stderr.read().decode() if writer.stderr else ""
    assert "Broken pipe" not in stderr and "Traceback" not in stderr and "Exception" not in stderr


@pytest.mark.slow  # a komekshi process, a pipe closed by its reader
def test_an_export_into_a_closed_pipe_ends_quietly(komekshi: list[str], komekshi_env, kb_path: Path) -> None:
    writer = subprocess.Popen([*komekshi, "--kb", str(kb_path), "kb", "export", "tariffs", "--format", "csv"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=komekshi_env)
    assert writer.stdout and writer.stdout.readline()  # the header, then the reader goes away
    writer.stdout.close()
    assert writer.wait(timeout=120) == 0
    stderr = writer.stderr.read().decode() if writer.stderr else ""
    assert "Broken pipe" not in stderr and "Traceback" not in stderr
