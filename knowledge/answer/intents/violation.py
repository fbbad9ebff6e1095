"""Violation degrees: "is missing the individual work plan a significant violation" → the risk criterion, its degree
(with a yes/no verdict when a degree was asked) and the order's definition of that degree; "what is a gross
violation" → the definition and the criteria that carry the degree."""

from __future__ import annotations

from knowledge.answer import compose
from knowledge.answer.compose import cite, label, truncate
from knowledge.answer.context import Context
from knowledge.answer.index import Hit
from knowledge.answer.policy import ANSWER, CLARIFY, MAX_CHOICES, decide
from knowledge.answer.understand import Understood
from knowledge.domain import DEGREE_KK, Answer, Result

SHOWN_ALONGSIDE = 2  # near-equal criteria of the same degree quoted with the best one


class Violations:
    name = "violation"

    def best_score(self, u: Understood, ctx: Context) -> float:
        hits = ctx.catalogue.criterion_index.search(u.words + u.filter_words, limit=1)
        return hits[0].score if hits else 0.0

    def answer(self, u: Understood, reply: Answer, ctx: Context) -> bool:
        lang, words = reply.lang, u.words + u.filter_words
        hits = ctx.catalogue.criterion_index.search(words, limit=10)
        decision = decide(hits, words, same=_same_degree, alongside=SHOWN_ALONGSIDE)
        if decision.status == CLARIFY:
            reply.intent, reply.status = self.name, CLARIFY
            reply.text = label("clarify", lang)
            reply.choices = [ctx.criterion_choice(h.target, lang) for h in decision.hits[:MAX_CHOICES]]
            return True
        if decision.status != ANSWER:
            return bool(u.degree) and self._degree(u.degree, reply, ctx)
        reply.intent, reply.status = self.name, ANSWER
        reply.results = [_result(h, lang, ctx) for h in decision.hits]
        top = decision.best.target.rows[0]
        lines = []
        if u.degree:
            reply.verdict = "yes" if top["degree"] == u.degree else "no"
            lines.append(f"{label(reply.verdict, lang)}: {compose.degree_text(top['degree'], top['degree_kk'], lang)}.")
        for hit in decision.hits:
            row = hit.target.rows[0]
            lines.append(f"{label('criterion', lang)} {row['item']}: {truncate(row['criterion'], 300)} — "
                         f"{label('degree', lang)}: {compose.degree_text(row['degree'], row['degree_kk'], lang)}")
        definition = _definition(top["degree"], ctx)
        if definition:
            lines.append(f"{label('definition', lang)}: {truncate(definition['text'], 400)}")
        lines.append(f"{label('source', lang)}: " + "; ".join(cite(r.citation, lang) for r in reply.results))
        reply.text = "\n".join(lines)
        return True

    def _degree(self, degree: str, reply: Answer, ctx: Context) -> bool:
        """"What is a gross violation?": the order's definition of the degree and the criteria that carry it."""
        lang = reply.lang
        criteria = [t.rows[0] for t in ctx.catalogue.criteria if t.rows[0]["degree"] == degree]
        if not criteria:
            return False
        reply.intent, reply.status = self.name, ANSWER
        lines = [f"{compose.degree_text(degree, DEGREE_KK[degree], lang).capitalize()}:"]
        definition = _definition(degree, ctx)
        if definition:
            citation = ctx.citation(definition["document"], definition.get("annex"), definition.get("item"), lang)
            reply.results.append(Result(type="passage", citation=citation, score=1.0,
                                        fields={"kind": "definition", "text": definition["text"]}))
            lines.append(f"{label('definition', lang)}: {truncate(definition['text'], 600)}")
        items = [row["item"] for row in criteria]
        lines.append(label("degree_criteria", lang).format(count=len(items), items=", ".join(map(str, items))))
        reply.results += [Result(type="criterion", citation=ctx.citation(row["document"], row["annex"], row["item"], lang),
                                 score=1.0, fields=_fields(row)) for row in criteria[:MAX_CHOICES]]
        lines.append(f"{label('source', lang)}: {cite(reply.results[0].citation, lang)}")
        reply.text = "\n".join(lines)
        return True


def _same_degree(hit: Hit, top: Hit) -> bool:
    return hit.target.rows[0]["degree"] == top.target.rows[0]["degree"]


def _definition(degree: str, ctx: Context) -> dict | None:
    """The order's definition of a degree: the passage that starts with (or is titled by) its Kazakh word."""
    word = DEGREE_KK[degree]
    definitions = ctx.catalogue.definitions
    for passage in definitions:
        if passage["text"].casefold().lstrip("0123456789)\" ").startswith(word) or word in (passage.get("title") or ""):
            return passage
    return next((p for p in definitions if word in p["text"].casefold()[:60]), None)


def _fields(row: dict) -> dict:
    return {name: row[name] for name in ("item", "criterion", "degree", "degree_kk")}


def _result(hit: Hit, lang: str, ctx: Context) -> Result:
    row = hit.target.rows[0]
    return Result(type="criterion", citation=ctx.citation(row["document"], row["annex"], row["item"], lang),
                  score=hit.score, fields=_fields(row))
