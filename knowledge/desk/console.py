"""The console chat: the same answers as the bot, rendered as plain text, for local use without Telegram."""

from __future__ import annotations

import sys
from typing import TextIO

from knowledge.answer.engine import Engine
from knowledge.domain import Answer

PROMPT = "› "
GREETING = {
    "kk": "Көмекші — арнаулы әлеуметтік қызметтер бойынша анықтамашы. Сұрағыңызды жазыңыз (шығу: Ctrl+D).",
    "ru": "Кёмекши — справочник по специальным социальным услугам. Задайте вопрос (выход: Ctrl+D).",
    "en": "Kómekshi — special social services reference. Ask a question (quit: Ctrl+D).",
}


def render_plain(answer: Answer) -> str:
    """Answer → plain text: the reply, then numbered choices the user can pick by typing the number."""
    lines = [answer.text.strip()]
    if answer.choices:
        lines.append("")
        lines += [f"  {n}. {choice.label}" for n, choice in enumerate(answer.choices, 1)]
    return "\n".join(lines)


def chat(engine: Engine, lang: str | None = None, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> None:
    print(GREETING.get(lang or "kk", GREETING["kk"]), file=stdout)
    last: Answer | None = None
    while True:
        print(PROMPT, end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            print(file=stdout)
            return
        question = line.strip()
        if last and question.isdigit() and 1 <= int(question) <= len(last.choices):
            question = last.choices[int(question) - 1].query
        last = engine.ask(question, lang)
        print(render_plain(last), file=stdout, flush=True)
