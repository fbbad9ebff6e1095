"""The console chat: the same answers as the bot, rendered as plain text, for local use without Telegram. On a
terminal the line is edited with readline and earlier questions come back with ↑ (knowledge/desk/line_input.py);
/help, /lang kk|ru|en and /quit (or exit, quit, выход, шығу, Ctrl+D) are commands; a number picks a choice of the
last answer, and a number it does not list gets a short hint rather than being searched."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from knowledge.answer.engine import Engine
from knowledge.desk.line_input import LineReader, history_path
from knowledge.domain import Answer
from knowledge.i18n import N_, gettext

PROMPT = "› "
LANGS = ("kk", "ru", "en")
DEFAULT_LANG = LANGS[0]  # the console's own messages before any answer: Kazakh, as the bot's
LEAVE = frozenset({"/quit", "/exit", "/q", "exit", "quit", "выход", "выйти", "шығу", "шыгу"})
TEXTS = {
    "greeting": N_("Kómekshi — special social services reference. Ask a question (/help: commands, /quit: leave)."),
    "help": N_("Type a question in Kazakh, Russian or English: a service, the setting and the area, a violation, "
               "a checklist.\nA number picks one of the numbered choices of the last answer.\n"
               "/lang kk, /lang ru, /lang en — the reply language\n/help — this help\n"
               "/quit (or exit, quit, выход, шығу, Ctrl+D) — leave"),
    "lang_set": N_("Replies are now in English."),
    "lang_usage": N_("Choose the language: /lang kk, /lang ru or /lang en."),
    "choice_hint": N_("There is no choice {number}: type a number from 1 to {count}, or a question."),
    "unknown_command": N_("Unknown command {command}: /help lists the commands."),
}


def text(key: str, lang: str | None, **values: object) -> str:
    return gettext(lang or DEFAULT_LANG, TEXTS[key]).format(**values)


def render_plain(answer: Answer) -> str:
    """Answer → plain text: the reply, then numbered choices the user can pick by typing the number."""
    lines = [answer.text.strip()]
    if answer.choices:
        lines.append("")
        lines += [f"  {n}. {choice.label}" for n, choice in enumerate(answer.choices, 1)]
    return "\n".join(lines)


@dataclass
class Session:
    """What the chat remembers between lines: the reply language the user set, and the last answer."""

    engine: Engine
    lang: str | None = None  # None: each question's own language
    last: Answer | None = None

    @property
    def ui_lang(self) -> str | None:
        """The language of the console's own messages: the one set, else the last answer's."""
        return self.lang or (self.last.lang if self.last else None)

    def reply(self, line: str) -> str | None:
        """The text for one typed line; None to leave; "" for an empty line."""
        question = line.strip()
        word = question.lower().rstrip(".!")
        if word in LEAVE:
            return None
        if not question:
            return ""
        if question.startswith("/"):
            return self.command(question)
        if question.isdigit() and self.last and self.last.choices:
            number, count = int(question), len(self.last.choices)
            if not 1 <= number <= count:
                return text("choice_hint", self.ui_lang, number=number, count=count)
            question = self.last.choices[number - 1].query
        self.last = self.engine.ask(question, self.lang)
        return render_plain(self.last)

    def command(self, line: str) -> str:
        name, _, argument = line.partition(" ")
        name, argument = name.lower(), argument.strip().lower()
        if name == "/help":
            return text("help", self.ui_lang)
        if name == "/lang":
            if argument not in LANGS:
                return text("lang_usage", self.ui_lang)
            self.lang = argument
            return text("lang_set", self.lang)
        return text("unknown_command", self.ui_lang, command=name)


def chat(engine: Engine, lang: str | None = None, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout,
         history: Path | None = None, readline=None) -> None:
    """Chat until the user leaves. `history`: readline's history file (default: in the user's data directory)."""
    session = Session(engine, lang)
    reader = LineReader(stdin, stdout, history or history_path(), readline)
    print(text("greeting", lang), file=stdout)
    try:
        while True:
            try:
                line = reader.read(PROMPT)
            except KeyboardInterrupt:  # Ctrl+C drops the line being typed, as in a shell; Ctrl+D or /quit leaves
                print(file=stdout)
                continue
            if line is None:
                print(file=stdout)
                return
            reply = session.reply(line)
            if reply is None:
                return
            if reply:
                print(reply, file=stdout, flush=True)
    finally:
        reader.save()
