"""Sanctions: "какой штраф за отсутствие плана", "айыппұл қандай", "what is the penalty for ...". The base holds no
fines or other sanctions (the Code of Administrative Offences sets them): the reply says so, and when the question
also names a violation (or a degree), still gives its degree from the risk criteria."""

from __future__ import annotations

from knowledge.answer.compose import label
from knowledge.answer.context import Context, warn
from knowledge.answer.intents.violation import Violations
from knowledge.answer.policy import NOT_FOUND
from knowledge.answer.understand import Understood
from knowledge.domain import Answer


class Sanctions:
    name = "sanction"

    def answer(self, u: Understood, reply: Answer, ctx: Context) -> bool:
        lang = reply.lang
        note = label("no_sanctions", lang)
        if (u.words or u.degree) and Violations().answer(u, reply, ctx):
            lines: list[str] = []
            warn(reply, lines, note, icon="ℹ")
            reply.text = "\n".join([*lines, reply.text])
            return True
        reply.intent, reply.status, reply.results, reply.verdict = self.name, NOT_FOUND, [], None
        reply.text = note
        reply.choices = ctx.suggestions(lang, u.words + u.filter_words)
        return True
