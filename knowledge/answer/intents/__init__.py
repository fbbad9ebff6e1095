"""What a question can be about, one module each, behind one small protocol.

An intent fills the reply it is given and says whether it answered (or asked back); when it did not, the engine
tries the next one its route names. Each intent finds candidates with the catalogue's indexes, lets
`policy.decide` choose between answering, asking back and not knowing, and words the reply with `compose`.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from knowledge.answer import incident
from knowledge.answer.context import Context
from knowledge.answer.intents.checklist import Checklists
from knowledge.answer.intents.document import Documents
from knowledge.answer.intents.passage import Passages
from knowledge.answer.intents.staffing import Staffing
from knowledge.answer.intents.tariff import Tariffs
from knowledge.answer.intents.violation import Violations
from knowledge.answer.policy import ANSWER_SCORE
from knowledge.answer.understand import Understood
from knowledge.domain import Answer


class Intent(Protocol):
    name: str  # the Answer.intent it answers as

    def answer(self, u: Understood, reply: Answer, ctx: Context) -> bool:
        """Fill `reply` and return True when this intent answers or asks back; False leaves the question to the next."""
        ...


@runtime_checkable
class Ranked(Intent, Protocol):
    """An intent that can say how well the question's words match its best candidate, so that a question with no
    clear intent goes to the one matching clearly best."""

    def best_score(self, u: Understood, ctx: Context) -> float:
        ...


VIOLATIONS, STAFFING = Violations(), Staffing()
INTENTS: tuple[Intent, ...] = (Tariffs(), VIOLATIONS, Checklists(), STAFFING, Documents(), Passages())
BY_NAME: dict[str, Intent] = {intent.name: intent for intent in INTENTS}


def refine_intent(u: Understood, ctx: Context) -> str:
    """The intent a question's words show beyond its cue words: a head count with a position ("psychologists for
    300 residents", "санитарка сколько на 50 получателей") is a staffing question; an incident report that names no
    price, area or district ("на дому не провели профориентацию") is a violation question. Either only when the
    position or the criterion is found."""
    if u.intent not in ("tariff", "unknown") or u.filters.area or u.filters.jurisdiction:
        return u.intent
    if STAFFING.asks_head_count(u) and STAFFING.best_score(u, ctx) >= ANSWER_SCORE:
        return STAFFING.name
    if "tariff" not in u.cues and incident.reports_incident(u) and VIOLATIONS.matches_incident(u, ctx):
        return VIOLATIONS.name
    return u.intent
