"""The last resort: a paragraph of the sources (full-text search) that holds nearly every word of the question,
quoted and cited."""

from __future__ import annotations

from knowledge.answer.compose import cite, excerpt, label
from knowledge.answer.context import Context, warn
from knowledge.answer.index import coverage, fts_passages
from knowledge.answer.policy import ANSWER, PASSAGE_COVER, PASSAGE_WORDS
from knowledge.answer.understand import Understood, Word
from knowledge.domain import Answer, Result
from knowledge.text import loose, tokens


class Passages:
    name = "passage"

    def answer(self, u: Understood, reply: Answer, ctx: Context) -> bool:
        asked_rate = "price" in u.cues or u.filters.area or u.filters.jurisdiction
        if not u.words or ctx.db is None or asked_rate or u.degree or u.incident:
            # a rate asked (a price, a city/rural rate, a district's), a degree asked or an incident
            # reported: a paragraph quoted holds no figure and no degree for it (another act's would mislead)
            return False
        words = [w for w in u.words if w.weight >= 1.0]
        best, best_cover = None, 0.0
        for row in fts_passages(ctx.db, _as_printed(u.question, words)):
            cover = coverage(words, row["text"])
            if cover > best_cover:
                best, best_cover = row, cover
        if best is None or best_cover < PASSAGE_COVER or len(words) < PASSAGE_WORDS:
            return False
        lang = reply.lang
        reply.intent, reply.status = self.name, ANSWER
        citation = ctx.citation(best["document"], best.get("annex"), best.get("item") or None, lang)
        reply.results = [Result(type="passage", citation=citation, score=best_cover,
                                fields={"kind": best.get("kind"), "text": best["text"]})]
        # the act's own words: quoted in a Russian or English reply
        lines = [excerpt(best["text"], 700, lang), f"{label('source', lang)}: {cite(citation, lang)}"]
        warn(reply, lines, ctx.status_warning(best["document"], lang))
        reply.text = "\n".join(lines)
        return True


def _as_printed(question: str, words: list[Word]) -> list[Word]:
    """Case-folded question words as printed (FTS keys keep Kazakh letters), for the words kept as content."""
    kept = {w.text for w in words}
    return [Word(t, None, 1.0) for t in tokens(question) if loose(t) in kept]
