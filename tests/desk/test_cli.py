"""The `komekshi` command as people and outside checks use it (each a real process, so marked slow): ask (one,
batch, JSON), kb export/check, errors, and `run`, which the bot adds through the entry point group."""

from __future__ import annotations

import json
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from knowledge.desk.cli import PLUGIN_GROUP, build_parser

CONTRACT_KEYS = {"question", "lang", "intent", "filters", "status", "verdict", "results", "choices", "text"}


@pytest.mark.slow  # a komekshi process
def test_ask_json_follows_the_contract(run_komekshi, kb_path: Path) -> None:
    result = run_komekshi("--kb", str(kb_path), "ask", "--json", "сколько стоит массаж медсестры в полустационаре в селе?")
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


@pytest.mark.slow  # a komekshi process
def test_ask_lang_sets_the_reply_language(run_komekshi, kb_path: Path) -> None:
    result = run_komekshi("--kb", str(kb_path), "ask", "--json", "--lang", "en", "стационар УВЧ терапия медсестра город")
    answer = json.loads(result.stdout)
    assert answer["lang"] == "en"
    assert "993.00" in answer["text"] or "993" in answer["text"]


@pytest.mark.slow  # a komekshi process
def test_ask_batch_reads_one_question_per_line_and_survives_junk(run_komekshi, kb_path: Path) -> None:
    lines = [
        "стационар лазерлік терапия ауыл тарифі".encode(),
        b"\xff\xfe\x00binary junk\x80",
        b"<b>hello</b>'; drop table tariffs; --",
        b"",
        "💉💉💉".encode(),
        b"price of a taxi to Uralsk",
    ]
    result = run_komekshi("--kb", str(kb_path), "ask", "--json", "-", stdin=b"\n".join(lines) + b"\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(answers) == len(lines)
    assert answers[0]["status"] == "answer" and answers[0]["results"][0]["rate_rural"] == 1020
    assert answers[-1]["status"] != "answer"
    assert all(a["text"].strip() for a in answers)


@pytest.mark.slow  # a komekshi process
def test_ask_plain_text(run_komekshi, kb_path: Path) -> None:
    result = run_komekshi("--kb", str(kb_path), "ask", "--lang", "ru", "стационар галотерапия педиатр село")
    assert result.returncode == 0
    assert "122" in result.stdout


@pytest.mark.slow  # a komekshi process
def test_missing_base_is_one_clear_error(run_komekshi, tmp_path: Path) -> None:
    result = run_komekshi("--kb", str(tmp_path / "absent.sqlite"), "ask", "массаж")
    assert result.returncode == 2
    assert "kb build" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow  # a komekshi process
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_via_cli(run_komekshi, kb_path: Path, fmt: str) -> None:
    result = run_komekshi("--kb", str(kb_path), "kb", "export", "criteria", "--format", fmt)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 90 + (fmt == "csv")


@pytest.mark.slow  # a komekshi process
def test_check_via_cli(run_komekshi, kb_path: Path) -> None:
    result = run_komekshi("--kb", str(kb_path), "kb", "check")
    assert result.returncode == 0, result.stdout
    assert "OK: no gaps" in result.stdout


def test_run_is_the_bots_command_added_through_the_entry_point_group() -> None:
    (plugin,) = [ep for ep in entry_points(group=PLUGIN_GROUP) if ep.name == "run"]
    assert plugin.value == "bot.cli:register"
    args = build_parser().parse_args(["run", "--lang", "en"])
    assert args.command == "run" and args.lang == "en" and args.func.__module__ == "bot.cli"


@pytest.mark.slow  # a komekshi process
def test_run_without_a_token_is_the_console_chat(run_komekshi, kb_path: Path) -> None:
    result = run_komekshi("--kb", str(kb_path), "run", "--lang", "en", stdin="стационар УВЧ терапия медсестра город\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("BOT_TOKEN is not set: starting the console chat")
    assert "993" in result.stdout


def test_a_broken_reviewed_table_is_one_line_naming_its_row(tmp_path: Path) -> None:
    """The bot answers without a broken alias table or lexicon (and logs it); `kb check` refuses them, one line
    each, naming the row to mend."""
    from knowledge.answer.aliases import ALIASES_PATH
    from knowledge.answer.catalogue import table_problems
    from knowledge.answer.lexicon import LEXICON_PATH

    assert table_problems() == []
    lexicon = tmp_path / "lexicon.tsv"
    lines = LEXICON_PATH.read_text(encoding="utf-8").splitlines()
    lexicon.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")  # its first entry again
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text(ALIASES_PATH.read_text(encoding="utf-8") + "service\t\tru\tмассаж\n", encoding="utf-8")
    problems = table_problems(aliases_path=aliases, lexicon_path=lexicon)
    assert len(problems) == 2 and all("\n" not in p for p in problems)
    assert problems[0].startswith("aliases.tsv line ") and problems[1].startswith(f"lexicon.tsv line {len(lines) + 1}:")
