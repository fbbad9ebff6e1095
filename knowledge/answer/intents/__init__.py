"""What a question can be about, one module each, behind one small protocol.

An intent fills the reply it is given and says whether it answered (or asked back); when it did not, the engine
tries the next one its route names. Each intent finds candidates with the catalogue's indexes, lets
`policy.decide` choose between answering, asking back and not knowing, and words the reply with `compose`.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from knowledge.answer import incident
from knowledge.answer.context import Context
from knowledge.answer.intents.calculation import Calculation
from knowledge.answer.intents.checklist import Checklists
from knowledge.answer.intents.document import Documents
from knowledge.answer.intents.passage import Passages
from knowledge.answer.intents.sanction import Sanctions
from knowledge.answer.intents.staffing import Staffing
from knowledge.answer.intents.tariff import Tariffs
from knowledge.answer.intents.violation import Violations
from knowledge.answer.policy import ANSWER_SCORE, clear_best
from knowledge.answer.understand import STRONG_DOCUMENT_CUES, Understood
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


TARIFFS, VIOLATIONS, STAFFING = Tariffs(), Violations(), Staffing()
CALCULATION = Calculation()
INTENTS: tuple[Intent, ...] = (TARIFFS, VIOLATIONS, Checklists(), STAFFING, Documents(), Passages(), Sanctions(),
                               CALCULATION)
BY_NAME: dict[str, Intent] = {intent.name: intent for intent in INTENTS}


def refine_intent(u: Understood, ctx: Context) -> str:
    """The intent a question's words show beyond its cue words: a head count with a position ("psychologists for
    300 residents", "санитарка сколько на 50 получателей") is a staffing question; an incident report (as
    `understand` read it) that names no price, area or district is a violation question when a criterion matches its
    object: always when it says an action was not done ("на дому не провели профориентацию"), and when it says
    something is missing ("нет пандуса") only if the criterion matches better than any service (whose name may say it
    too: "ритуальные услуги ... туыстары жоқ"). A negation describing a case ("если общественный транспорт не
    разрешен", "при отсутствии родственников") reports nothing: such a question stays a tariff question unless a
    criterion matches clearly better than any service (`policy.clear_best`)."""
    if _service_named_with_an_act_word(u, ctx) or _tariffs_of_a_table_not_held(u, ctx):
        return TARIFFS.name
    if u.intent == STAFFING.name and {"in_force", "repealed_status"} & u.cues and (
            _names_an_act_number(u, ctx) or not STAFFING.asks_head_count(u)):
        return "document"  # "is order 343 on staffing norms still in force?", "...repealed?": the act, no head count
    if u.intent == TARIFFS.name and incident.report(u) and ("violation" in u.cues or u.degree) and not (
            {"price", "tariff_named"} & u.cues):
        # something not done or missing, and how bad it is asked: no price, whatever place, even when a word of the
        # service is a word of paying ("не помог оплатить коммуналку, это грубое?")
        return VIOLATIONS.name
    if u.intent not in ("tariff", "unknown") or u.filters.area or u.filters.jurisdiction:
        return u.intent
    if STAFFING.asks_head_count(u) and STAFFING.best_score(u, ctx) >= ANSWER_SCORE:
        return STAFFING.name
    if "tariff" in u.cues:
        return u.intent
    how = incident.report(u)
    if how and VIOLATIONS.matches_incident(u, ctx) and (
            how == incident.NOT_DONE or VIOLATIONS.best_score(u, ctx) > TARIFFS.best_score(u, ctx)):
        return VIOLATIONS.name
    if "described" in u.cues and VIOLATIONS.matches_incident(u, ctx) and clear_best(
            {VIOLATIONS.name: VIOLATIONS.best_score(u, ctx), TARIFFS.name: TARIFFS.best_score(u, ctx)}
    ) == VIOLATIONS.name:
        return VIOLATIONS.name
    return u.intent


def _tariffs_of_a_table_not_held(u: Understood, ctx: Context) -> bool:
    """"What home care tariffs did the oblast resolution set?": the tariffs of a setting in a jurisdiction whose acts
    hold no table for it are asked, not the act: the tariff answer says so and offers the tables that are held."""
    f = u.filters
    return (u.intent == "document" and "tariff" in u.cues and not STRONG_DOCUMENT_CUES & u.cues
            and bool(f.setting and f.jurisdiction) and not ctx.catalogue.services_of(f.setting, f.jurisdiction))


# a service described in this many words is the question's subject, not an act
SERVICE_WORDS = 4


def _service_named_with_an_act_word(u: Understood, ctx: Context) -> bool:
    """A service whose name holds a word for an act ("help obtaining medicines per doctors' orders, home care"):
    a setting named and a service matched in full by the other words make it a tariff question, unless the
    question asks for the list of acts, their status or entry into force."""
    return (u.intent == "document" and not STRONG_DOCUMENT_CUES & u.cues and u.filters.setting is not None
            and len(u.words) >= SERVICE_WORDS and TARIFFS.best_score(u, ctx) >= ANSWER_SCORE)


def _names_an_act_number(u: Understood, ctx: Context) -> bool:
    """A number of two digits or more in the question that is the number or the year of an act in the base (a head
    count rarely is one; a one-digit number is too often a count to tell)."""
    numbers = {part for doc in ctx.catalogue.documents.values()
               for part in "".join(c if c.isdigit() else " " for c in doc.get("number") or "").split() if len(part) > 1}
    numbers |= {str(doc.get("date") or "")[:4] for doc in ctx.catalogue.documents.values()} - {""}
    return any(n in numbers for n in u.numbers)
