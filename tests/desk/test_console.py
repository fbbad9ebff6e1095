"""The console chat behaves like a chat: commands (/help, /lang, /quit and the usual words for leaving), a choice
picked by its number and a number it does not list answered with a hint, and readline's history kept in the user's
data directory, failing soft when readline or the history file is not there."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from knowledge.desk.console import LEAVE, Session, chat
from knowledge.desk.line_input import LineReader, history_path

AMBIGUOUS = "массаж"  # the base prints massage in two settings: the answer lists both as numbered choices


def run(engine, lines: list[str], lang: str | None = None, **kwargs) -> str:
    out = io.StringIO()
    chat(engine, lang, stdin=io.StringIO("".join(line + "\n" for line in lines)), stdout=out, **kwargs)
    return out.getvalue()


def test_greeting_names_the_commands_in_the_chosen_language(engine) -> None:
    assert "/help" in run(engine, [], "en") and "Ask a question" in run(engine, [], "en")
    assert "Сұрағыңызды жазыңыз" in run(engine, [])


@pytest.mark.parametrize("word", ["/quit", "exit", "quit", "выход", "шығу", "Выход", "/exit"])
def test_the_usual_words_leave_the_chat(engine, word: str) -> None:
    assert word.lower() in LEAVE
    out = run(engine, [word, "стационар УВЧ терапия медсестра город"], "en")
    assert "993" not in out  # nothing after leaving is answered


def test_help_lists_the_commands_and_lang_switches_the_replies(engine) -> None:
    out = run(engine, ["/help", "/lang ru", "стационар УВЧ терапия медсестра город", "/lang xx", "/nope"], "en")
    assert "/lang kk, /lang ru, /lang en" in out and "/quit" in out
    assert "Теперь ответы на русском языке." in out
    assert "Источник" in out and "993" in out
    assert "Выберите язык" in out and "Неизвестная команда /nope" in out


def test_a_listed_number_picks_the_choice_and_another_gets_a_hint(engine) -> None:
    session = Session(engine, "en")
    first = session.reply(AMBIGUOUS)
    choices = session.last.choices
    assert len(choices) >= 2 and f"  {len(choices)}. " in first
    hint = session.reply(str(len(choices) + 5))
    assert hint == f"There is no choice {len(choices) + 5}: type a number from 1 to {len(choices)}, or a question."
    assert session.last.choices == choices  # the hint keeps the list: a right number still picks from it
    assert session.reply("0").startswith("There is no choice 0")
    picked = session.reply("1")
    assert picked and session.last.question == choices[0].query


def test_an_empty_line_is_not_a_question(engine) -> None:
    session = Session(engine, "en")
    assert session.reply("   ") == "" and session.last is None


class FakeReadline:
    """readline's history calls, recorded; `broken` makes the file calls fail as on a read-only home."""

    def __init__(self, broken: bool = False) -> None:
        self.lines: list[str] = []
        self.broken = broken

    def set_history_length(self, length: int) -> None:
        self.length = length

    def add_history(self, line: str) -> None:
        self.lines.append(line)

    def read_history_file(self, path: str) -> None:
        if self.broken:
            raise OSError("unreadable")
        self.lines += Path(path).read_text(encoding="utf-8").splitlines()

    def write_history_file(self, path: str) -> None:
        if self.broken:
            raise PermissionError("read-only")
        Path(path).write_text("".join(line + "\n" for line in self.lines), encoding="utf-8")


def test_questions_are_kept_in_the_history_file_between_sessions(engine, tmp_path: Path) -> None:
    history = tmp_path / "data" / "komekshi" / "console_history"
    run(engine, ["стационар УВЧ терапия медсестра город", "/quit"], "en", history=history, readline=FakeReadline())
    assert history.read_text(encoding="utf-8").splitlines() == ["стационар УВЧ терапия медсестра город", "/quit"]
    again = FakeReadline()
    run(engine, ["/help"], "en", history=history, readline=again)
    assert again.lines[0] == "стационар УВЧ терапия медсестра город"  # the earlier session's lines come back


def test_history_failures_and_a_missing_readline_never_stop_the_chat(engine, tmp_path: Path) -> None:
    out = run(engine, ["стационар УВЧ терапия медсестра город"], "en", history=tmp_path / "h",
              readline=FakeReadline(broken=True))
    assert "993" in out
    reader = LineReader(io.StringIO("a question\n"), io.StringIO(), tmp_path / "h", readline=None)
    assert reader.read("› ") == "a question" and reader.read("› ") is None
    reader.save()
    assert not (tmp_path / "h").exists()


def test_history_lives_in_the_users_data_directory(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert history_path() == tmp_path / "komekshi" / "console_history"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert history_path() == tmp_path / "home" / ".local" / "share" / "komekshi" / "console_history"


class InterruptedOnce(io.StringIO):
    """A terminal where the user presses Ctrl+C at the first prompt, then types the rest."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.interrupted = False

    def readline(self, *args) -> str:
        if not self.interrupted:
            self.interrupted = True
            raise KeyboardInterrupt
        return super().readline(*args)


def test_ctrl_c_drops_the_line_and_the_chat_goes_on(engine) -> None:
    out = io.StringIO()
    chat(engine, "en", stdin=InterruptedOnce("стационар УВЧ терапия медсестра город\n"), stdout=out)
    assert "993" in out.getvalue()
