"""What a question can be about, one module each, behind one small protocol.

An intent fills the reply it is given and says whether it answered (or asked back); when it did not, the engine
tries the next one its route names. Each intent finds candidates with the catalogue's indexes, lets
`policy.decide` choose between answering, asking back and not knowing, and words the reply with `compose`.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from knowledge.answer.context import Context
from knowledge.answer.intents.checklist import Checklists
from knowledge.answer.intents.document import Documents
from knowledge.answer.intents.passage import Passages
from knowledge.answer.intents.sanction import Sanctions
from knowledge.answer.intents.staffing import Staffing
from knowledge.answer.intents.tariff import Tariffs
from knowledge.answer.intents.violation import Violations
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


INTENTS: tuple[Intent, ...] = (Tariffs(), Violations(), Checklists(), Staffing(), Documents(), Passages(), Sanctions())
BY_NAME: dict[str, Intent] = {intent.name: intent for intent in INTENTS}
