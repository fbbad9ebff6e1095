"""Sanctions: "какой штраф за отсутствие плана", "айыппұл қандай", "what is the penalty for ...". The base holds no
fines or other sanctions (the Code of Administrative Offences sets them): the reply says so, and when the question
also names a violation, still gives its degree from the risk criteria, below that note, as what the base holds
instead: the fine asked is not found, so the reply is no answer to it. A fine asked for a degree alone ("штраф за
грубое нарушение") is not in the base: the definition of the degree is no answer to it."""

from __future__ import annotations

from knowledge.answer import incident
from knowledge.answer.compose import degree_text, label
from knowledge.answer.context import Context, warn
from knowledge.answer.intents.violation import Violations
from knowledge.answer.policy import NOT_FOUND
from knowledge.answer.understand import Understood
from knowledge.domain import Answer, Choice


class Sanctions:
    name = "sanction"

    def answer(self, u: Understood, reply: Answer, ctx: Context) -> bool:
        lang = reply.lang
        note = label("no_sanctions", lang)
        # a degree or the word "violation" is named by an incident only: "штраф за грубое нарушение в сфере
        # спецсоцуслуг" names a degree and the field, "штраф за нарушение при проверке" an inspection
        named = bool(u.degree) or "violation" in u.cues
        described = u.words and (incident.report(u) or "described" in u.cues or not named)
        if described and Violations().answer(u, reply, ctx) and reply.results and reply.results[0].type == "criterion":
            lines: list[str] = []
            warn(reply, lines, note, icon="ℹ")
            reply.text = "\n".join([*lines, reply.text])
            reply.intent, reply.status = self.name, NOT_FOUND  # the degree is shown; the fine asked is not held
            return True
        reply.intent, reply.status, reply.results, reply.verdict = self.name, NOT_FOUND, [], None
        reply.text = note
        reply.choices = ctx.suggestions(lang, u.words + u.filter_words)
        if u.degree:  # what the base does hold about the degree asked: its definition, one tap away
            degree = label(u.degree, lang)
            named = degree_text(u.degree, None, lang)
            reply.choices = [Choice(f"{named[:1].upper()}{named[1:]}: {label('definition', lang).lower()}",
                                    f"{degree} {label('degree', lang)}")]
        return True
