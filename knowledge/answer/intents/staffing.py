"""Staffing norms: "how many nurses per 100 residents" → the position's norm in every head-count column of its
table (the asked head count first), from the rules act, always with that act's status."""

from __future__ import annotations

import re

from knowledge.answer import compose
from knowledge.answer.compose import cite, label, truncate
from knowledge.answer.context import Context
from knowledge.answer.policy import ANSWER, CLARIFY, MAX_CHOICES, NOT_FOUND, decide
from knowledge.answer.understand import Understood
from knowledge.domain import Answer, Choice, Result

# the head count's own words ("100 қызмет алушыға", "per 100 residents") say nothing about the position
RECIPIENT_WORDS = ("кызмет", "алушы", "получат", "recipient", "resident", "человек", "адам", "клиент", "people")
FOLLOW_UP = "штат нормативі"  # added to a chosen position so the follow-up question is read as a staffing one


class Staffing:
    name = "staffing"

    def answer(self, u: Understood, reply: Answer, ctx: Context) -> bool:
        lang = reply.lang
        reply.intent = self.name
        act = ctx.catalogue.document_of_kind("rules")
        if act is None:
            return False
        words = [w for w in u.words + u.filter_words if not w.text.startswith(RECIPIENT_WORDS)]
        hits = ctx.catalogue.staffing_index.search(words, limit=10, drop_unmatched=True)
        repealed = compose.repealed_line(act, lang) if act.get("status") == "repealed" else ""
        if repealed:
            reply.warnings.append(repealed)  # asked about staffing: the act's status is said whatever answers
        decision = decide(hits, check_evidence=False)
        if decision.status == NOT_FOUND:
            return False
        if decision.status == CLARIFY:
            reply.status = CLARIFY
            reply.text = label("clarify", lang) + ("\n" + repealed if repealed else "")
            reply.choices = [Choice(truncate(f"{h.target.ident[1]} — {h.target.ident[0]}", 60),
                                    f"{h.target.ident[1]} {h.target.ident[0]} {FOLLOW_UP}")
                             for h in decision.hits[:MAX_CHOICES]]
            return True
        reply.status = ANSWER
        top = decision.best
        table, position = top.target.ident
        rows = sorted(top.target.rows, key=lambda r: not any(_in_range(n, r["recipients"]) for n in u.numbers))
        lines = [f"{label('staffing', lang)}: {position} — {table}"]
        for row in rows:
            lines.append(f"• {row['recipients']}: {row['value']}")
            reply.results.append(Result(
                type="staffing", citation=ctx.citation(act["id"], None, row.get("item") or None, lang),
                score=top.score, fields={"table": row["table_name"], "position": row["position"],
                                         "recipients": row["recipients"], "value": row["value"]}))
        lines.append(f"{label('source', lang)}: {cite(reply.results[0].citation, lang)}")
        if repealed:
            lines.append("⚠ " + repealed)
        reply.text = "\n".join(lines)
        return True


def _in_range(number: str, recipients: str) -> bool:
    """Whether a head count falls in a staffing column header: "51-100", "25-ке дейін" (up to), "500-ден артық" (over)."""
    digits = [int(d) for d in re.findall(r"\d+", recipients or "")]
    count = int(number) if number.isdigit() else -1
    if len(digits) >= 2 and "ескертпе" not in recipients:
        return digits[0] <= count <= digits[1]
    if len(digits) == 1 and "дейін" in recipients:
        return 0 < count <= digits[0]
    if len(digits) == 1 and "артық" in recipients:
        return count > digits[0]
    return False
