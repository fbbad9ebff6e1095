"""When to answer, ask back or say "not found": every threshold of the answer engine, and the one decision every
intent takes from its scored candidates.

Scores are the index's (0..1: how much of the question a name covers and how much of the name the question covers).
A candidate is answered only when its score is high, it is not tied with a different thing and the match is more
than a guessed typo; otherwise the user is asked back with the candidates as choices, or told it is not known.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

from knowledge.answer.index import INFLECTED, Hit

ANSWER_SCORE = 0.5  # at or above: confident enough to answer (when not tied)
CLARIFY_SCORE = 0.34  # between: ask back with choices; below: not found
TIE = 0.035  # two different things this close are a tie → ask
SURER = 0.05  # ... and this close when the other one finds more of the question's words for sure
COMPARE = 0.08  # the same thing in other tables (settings, jurisdictions) this close to the best is shown alongside
MIN_COVER = 0.34  # one matching word must cover at least this much of the name to be answered outright
TO_THE_POINT = 0.05  # a near rival whose name the question covers this much better is a real alternative
CLEARER = 0.07  # a near-equal whose name covers this much less of itself is no tie (it says more than was asked)
# ... and when the question holds nearly the whole best name (typed or pasted whole: WHOLE_NAME of it), a long
# look-alike saying one word more ("өте төмен" for "төмен") is no tie either: one word is little of a long name
WHOLE_NAME = 0.9
CLEARER_WHOLE = 0.02
POSITION_BONUS = 0.15  # a service that has a row for the asked position beats a near-equal one that has not
# Below ANSWER_SCORE, a candidate far ahead of every other (this many times the next one's score, and sure of two
# words or more) is the only reading the base offers: choices beside it would be noise. This holds down to
# LEAD_FLOOR, under CLARIFY_SCORE, with the larger lead WEAK_LEAD_RATIO: a story told around an incident ("бабушке
# две недели ...") lowers every score alike.
LEAD_RATIO = 1.25
WEAK_LEAD_RATIO = 1.7  # the lead a candidate under CLARIFY_SCORE needs
LEAD_FLOOR = 0.24
SOLE_LEAD = 3.0  # ... and a candidate sure of one word only ("профориентацию"), this many times any other
MAX_CHOICES = 5
LONG_WORD = 7  # a word this long found by its stem is specific enough to answer on
# Documents are ranked by points (title words, number, year, jurisdiction, kind), not by index scores:
DOCUMENT_POINTS = 1.0  # at least this to name one document
DOCUMENT_LEAD = 0.25  # ... and this far ahead of the next one
# The passage fallback (full-text search) quotes a paragraph only when it holds nearly all the question says:
PASSAGE_COVER = 0.75  # share of the question's content words found in the paragraph
PASSAGE_WORDS = 2  # content words the question must have (one word matches too many paragraphs)

ANSWER, CLARIFY, NOT_FOUND = "answer", "clarify", "not_found"

Pair = Callable[[Hit, Hit], bool]


@dataclass(frozen=True)
class Decision:
    status: str  # answer | clarify | not_found
    hits: list[Hit] = field(default_factory=list)  # answer: what is shown, best first; clarify: what to offer
    comparison: bool = False  # the answer sets several tables side by side

    @property
    def best(self) -> Hit:
        return self.hits[0]


def _never(hit: Hit, top: Hit) -> bool:
    return False


def _always(hit: Hit, top: Hit) -> bool:
    return True


def decide(hits: Sequence[Hit], words: Sequence | None = None, *, same: Pair = _never, rival: Pair = _always,
           alongside: int = MAX_CHOICES, table: Callable[[Hit], Hashable] | None = None,
           check_evidence: bool = True) -> Decision:
    """Answer, clarify or not found, from candidates ranked best first.

    Of the candidates tied with the best one (`tied`), those `same(hit, best)` says are the same thing are shown
    alongside it (at most `alongside`); those `rival(hit, best)` says are a different thing make the user choose.
    `table(hit)` names the table a candidate comes from: candidates of other tables are no rivals, and those close
    to the best one (one per table) are shown side by side as a comparison. `words` are the question's words, for
    the evidence check (`check_evidence`): a guessed typo or a short word lost in a long name is never answered.
    """
    if not hits or (hits[0].score < CLARIFY_SCORE and not far_ahead(hits[0], hits[1:], same)):
        return Decision(NOT_FOUND)
    top, hits = hits[0], list(hits)
    home = table(top) if table else None
    same_table = [h for h in hits[1:] if table is None or table(h) == home]
    near = [h for h in same_table if tied(h, top)]
    unsure = ((top.score < ANSWER_SCORE and not far_ahead(top, hits[1:], same)
               and not sole_finder(top, hits[1:], words))
              or (check_evidence and not enough_evidence(top, words)))
    if unsure or any(not same(h, top) and rival(h, top) for h in near):
        return Decision(CLARIFY, hits)
    chosen = [top] + [h for h in near if same(h, top)][:alongside]
    if table is not None:
        shown = {home}
        for hit in hits[1:]:
            if table(hit) not in shown and hit.score >= max(top.score - COMPARE, ANSWER_SCORE):
                shown.add(table(hit))
                chosen.append(hit)
    return Decision(ANSWER, chosen, comparison=table is not None and len({table(h) for h in chosen}) > 1)


def settle(decision: Decision, words: Sequence | None = None, *, distinct: Callable[[Hit], Hashable] = id,
           fits: Callable[[Hit], bool] | None = None) -> Decision:
    """A clarify is a real question only between two choices or more that the question left open. Of a clarify's
    candidates, one per `distinct` key and at most MAX_CHOICES: a single one is answered when it would be answered
    on its own (score and evidence), else nothing is found; when only the first one `fits` what the question asked
    for (a named position), it is answered unless its evidence is a guessed typo; when several fit, only those are
    offered. Anything else stays a clarify."""
    if decision.status != CLARIFY:
        return decision
    seen: set = set()
    choices: list[Hit] = []
    for hit in decision.hits:
        name = distinct(hit)
        if name not in seen:
            seen.add(name)
            choices.append(hit)
            if len(choices) == MAX_CHOICES:
                break
    top = choices[0]
    if len(choices) == 1:
        answerable = top.score >= ANSWER_SCORE and enough_evidence(top, words)
        return Decision(ANSWER, [top]) if answerable else Decision(NOT_FOUND)
    fitting = [h for h in choices if fits(h)] if fits is not None else []
    if fitting == [top] and enough_evidence(top, words):
        return Decision(ANSWER, [top])
    return Decision(CLARIFY, fitting if len(fitting) > 1 else choices)


def far_ahead(top: Hit, others: Sequence[Hit], same: Pair = _never) -> bool:
    """A candidate of LEAD_FLOOR or more, sure of two words or more, scoring LEAD_RATIO times any other candidate
    found that is not `same` as it (those agree with it: the same degree, the same service elsewhere). A lone
    middling candidate leads nothing: the search found nothing to compare it with."""
    if not others:
        return False
    runner_up = max((h.score for h in others if not same(h, top)), default=0.0)
    ratio = LEAD_RATIO if top.score >= CLARIFY_SCORE else WEAK_LEAD_RATIO
    sure = top.sure >= 2 or (top.sure == 1 and top.score >= CLARIFY_SCORE and top.score >= SOLE_LEAD * runner_up)
    return top.score >= LEAD_FLOOR and sure and top.score >= ratio * runner_up


def sole_finder(top: Hit, others: Sequence[Hit], words: Sequence | None) -> bool:
    """A candidate sure of one long word ("профориентацию") that no other candidate finds, LEAD_RATIO ahead of them
    all (of its degree or not, in its table or not): the others matched only what many names share (a setting,
    "ребёнок")."""
    if top.sure != 1 or top.score < CLARIFY_SCORE or not others or not words:
        return False
    found = [i for i, sim in enumerate(top.matched) if sim >= INFLECTED]
    if len(found) != 1 or found[0] >= len(words) or len(words[found[0]].text) < LONG_WORD:
        return False
    return (all(len(h.matched) <= found[0] or h.matched[found[0]] < INFLECTED for h in others)
            and top.score >= LEAD_RATIO * max(h.score for h in others))


def tied(hit: Hit, top: Hit) -> bool:
    """Too close to the best to pick silently. Exception: both match the question's words equally, and the other
    one's name says clearly more that the user did not say (then the best one is simply more to the point)."""
    if hit.score < top.score - TIE:
        # a little further behind, but its name is clearly more to the point: the best one only covers more of the
        # question's words because its long name happens to contain them ("юридически значимых документов"); or it
        # finds more of the question's words for sure, the best one leading on a short name it covers well
        return (hit.score >= top.score - COMPARE and hit.sure >= top.sure and hit.cover >= top.cover + TO_THE_POINT
                or hit.score >= top.score - SURER and hit.sure > top.sure)
    same_words = len(hit.matched) == len(top.matched) and all(
        abs(a - b) <= 0.1 for a, b in zip(hit.matched, top.matched, strict=True))
    clearer = CLEARER_WHOLE if top.cover >= WHOLE_NAME else CLEARER
    return not (same_words and top.cover - hit.cover >= clearer)


def enough_evidence(hit: Hit, words: Sequence | None = None) -> bool:
    """Never answer on a typo-only match, nor on one short word that is a small part of a long name ("drop" →
    "drops"). One long word found with its own stem ("ритуальные" / "ритуальных") is evidence enough."""
    if hit.sure >= 2:
        return True
    if hit.sure != 1:
        return False
    if hit.exact >= 1 or hit.cover >= MIN_COVER:
        return True
    return any(sim >= INFLECTED and len(word.text) >= LONG_WORD
               for word, sim in zip(words or [], hit.matched, strict=False))


def clear_best(scores: dict[str, float]) -> str | None:
    """Of several searches (key → the score of its best candidate), the one answerable and not tied with another."""
    return leader(scores, ANSWER_SCORE, TIE)


def leader(scores: dict[str, float], minimum: float, lead: float) -> str | None:
    """The one key scoring at least `minimum` and more than `lead` ahead of every other; None when none does."""
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < minimum:
        return None
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - lead:
        return None
    return ranked[0][0]
