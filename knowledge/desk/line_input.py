"""Reading the console's lines: on a terminal, the standard library's readline (line editing, ↑/↓ through earlier
questions, kept between sessions in the user's data directory); on a pipe or without readline, plain lines. Every
failure of readline or of the history file only loses the history, never the chat."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

HISTORY_LENGTH = 1000


def history_path() -> Path:
    """$XDG_DATA_HOME/komekshi/console_history, else ~/.local/share/komekshi/console_history."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "komekshi" / "console_history"


def load_readline():
    """The readline module, or None where Python was built without it (Windows, some minimal builds)."""
    try:
        import readline
    except ImportError:
        return None
    return readline


class LineReader:
    """Lines from `stdin`, with readline's editing and history when `stdin` is this process's terminal."""

    def __init__(self, stdin: TextIO, stdout: TextIO, history: Path | None = None, readline=None) -> None:
        self.stdin, self.stdout = stdin, stdout
        interactive = stdin is sys.stdin and _isatty(stdin)
        self.readline = (readline or load_readline()) if interactive else readline
        self.history = history
        if self.readline is not None and history is not None:
            self._load()

    def _load(self) -> None:
        try:
            self.readline.set_history_length(HISTORY_LENGTH)
            if self.history.is_file():
                self.readline.read_history_file(str(self.history))
        except (OSError, AttributeError, ValueError):
            self.history = None  # unreadable: chat on without it

    def save(self) -> None:
        if self.readline is None or self.history is None:
            return
        try:
            self.history.parent.mkdir(parents=True, exist_ok=True)
            self.readline.write_history_file(str(self.history))
        except (OSError, AttributeError, ValueError):
            pass  # a read-only home loses the history, not the answers

    def read(self, prompt: str) -> str | None:
        """One line without its end, or None at the end of input (Ctrl+D)."""
        if self.readline is not None and self.stdin is sys.stdin:
            try:
                return input(prompt)
            except EOFError:
                return None
        print(prompt, end="", file=self.stdout, flush=True)
        line = self.stdin.readline()
        if not line:
            return None
        line = line.rstrip("\r\n")
        if self.readline is not None and line.strip():
            self.readline.add_history(line)  # input() does this itself on a terminal
        return line


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
