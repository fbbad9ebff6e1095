"""Inspection checklists: one requirement quoted and cited, or, for "what does the home care checklist check", the
checklist of that setting with its requirements listed.

A question is matched like an incident report (knowledge.answer.incident): its object searched, its action weighed,
and the setting it names keeps the search to that setting's requirements (those of its checklist and those naming it).
"""

from __future__ import annotations

from knowledge.answer import incident, names
from knowledge.answer.compose import cite, label, truncate
from knowledge.answer.context import Context, Facets, choices, localised_name, same_name
from knowledge.answer.index import Hit
from knowledge.answer.policy import ANSWER, CLARIFY, MAX_CHOICES, decide, settle
from knowledge.answer.understand import Understood
from knowledge.domain import Answer, Result

CHECKLIST_PAGE = 8  # requirements listed of a checklist overview: one phone screen; the rest are counted


class Checklists:
    name = "checklist"

    def best_score(self, u: Understood, ctx: Context) -> float:
        hits = _search(u, ctx)
        return hits[0].score if hits else 0.0

    def answer(self, u: Understood, reply: Answer, ctx: Context) -> bool:
        lang, catalogue = reply.lang, ctx.catalogue
        annexes = sorted(a for a, settings in catalogue.checklist_settings.items() if u.filters.setting in settings)
        # "the home-care checklist": when no one requirement stands out, the whole checklist is the answer
        overview = bool(annexes) and "checklist" in u.cues
        if "checklist" in u.cues and {"where", "send"} & u.cues:
            # "where do I find / send me the home care checklist": the act holding it, then the checklist
            return self._overview(annexes, reply, ctx, act_first=True) if annexes else self._act(reply, ctx)
        if not u.words and overview:
            return self._overview(annexes, reply, ctx)
        if not u.words and not u.filters.setting and "checklist" in u.cues:
            return self._act(reply, ctx)
        hits = _search(u, ctx)
        # same-named requirements are no rivals; the best one is quoted alone
        decision = settle(decide(hits, same=same_name, alongside=0, check_evidence=False), u.words,
                          distinct=lambda h: h.target.names[0])
        if decision.status != ANSWER and overview:
            return self._overview(annexes, reply, ctx)
        if decision.status == CLARIFY:
            reply.intent, reply.status = self.name, CLARIFY
            reply.text = label("clarify", lang)
            targets = [h.target for h in decision.hits[:MAX_CHOICES]]
            reply.choices = choices([Facets(localised_name(t, lang), number=str(t.ident[1])) for t in targets],
                                    [truncate(t.names[0], 200) for t in targets])
            return True
        if decision.status != ANSWER:
            return False
        row = decision.best.target.rows[0]
        citation = ctx.citation(row["document"], row["annex"], row["item"], lang)
        reply.intent, reply.status = self.name, ANSWER
        reply.results = [Result(type="checklist", citation=citation, score=decision.best.score, fields=_fields(row))]
        # in Russian and English the requirement by its reviewed name (the act's Kazakh wording is in the result)
        requirement = row["requirement"] if lang == "kk" else localised_name(decision.best.target, lang)
        reply.text = (f"{label('checklist', lang)}: {truncate(names.checklist_title(row['title'], lang), 200)}\n"
                      f"{row['item']}. {requirement}\n{label('source', lang)}: {cite(citation, lang)}")
        return True

    def _overview(self, annexes: list[int], reply: Answer, ctx: Context, act_first: bool = False) -> bool:
        """"What does the home care checklist check": the checklist of that setting, its requirements listed (after
        the act holding it, `act_first`, when the checklist itself is asked for)."""
        lang, checklist = reply.lang, ctx.catalogue.checklist
        reply.intent = self.name
        if len(annexes) > 1:
            reply.status = CLARIFY
            reply.text = label("clarify", lang)
            titles = {t.ident[0]: t.rows[0]["title"] for t in checklist}
            reply.choices = choices([Facets(names.checklist_title(titles[a], lang), number=str(a)) for a in annexes],
                                    [f"{label('checklist', lang)} {a}: {titles[a]}" for a in annexes])
            return True
        items = [t for t in checklist if t.ident[0] == annexes[0]]
        first = items[0].rows[0]
        reply.status = ANSWER
        lines = [f"{label('checklist', lang)}: {truncate(names.checklist_title(first['title'], lang), 250)}",
                 label("requirements", lang).format(n=len(items))]
        for n, target in enumerate(items):
            row = target.rows[0]
            citation = ctx.citation(row["document"], row["annex"], row["item"], lang)
            fields = {**_fields(row), "name": localised_name(target, lang)}
            reply.results.append(Result(type="checklist", citation=citation, score=1.0, fields=fields))
            if n < CHECKLIST_PAGE or len(items) <= CHECKLIST_PAGE + 1:
                lines.append(f"{row['item']}. {truncate(fields['name'], 90)}")
        if len(items) > CHECKLIST_PAGE + 1:  # the first page; every requirement is in the results (the bot's "all")
            lines.append(label("more_requirements", lang).format(n=len(items) - CHECKLIST_PAGE))
        lines.append(f"{label('source', lang)}: {cite(ctx.citation(first['document'], first['annex'], None, lang), lang)}")
        reply.text = "\n".join(lines)
        if act_first and (doc := ctx.catalogue.documents.get(first["document"])):
            reply.results.insert(0, ctx.document_result(doc, lang, 1.0))
        return True


    def _act(self, reply: Answer, ctx: Context) -> bool:
        """"Скиньте проверочный лист", "тексеру парағын жіберіңізші": no setting and no requirement named ask for the
        checklists themselves: the act holding them, each of its checklists by its annex."""
        lang, checklist = reply.lang, ctx.catalogue.checklist
        doc = ctx.catalogue.documents.get(checklist[0].rows[0]["document"]) if checklist else None
        if doc is None:
            return False
        titles = {t.ident[0]: t.rows[0]["title"] for t in checklist}
        reply.intent, reply.status = self.name, ANSWER
        reply.results = [ctx.document_result(doc, lang, 1.0)]
        lines = [doc.get(f"title_{lang}") or doc["title_kk"], label("checklists_of_act", lang)]
        lines += [f"• {annex}: {truncate(names.checklist_title(title, lang), 90)}" for annex, title in titles.items()]
        lines.append(f"{label('source', lang)}: {cite(ctx.citation(doc['id'], None, None, lang), lang)}")
        reply.text = "\n".join(lines)
        return True


def _search(u: Understood, ctx: Context) -> list[Hit]:
    only = incident.in_setting(ctx.catalogue, "checklist", u.filters.setting)
    return incident.search(ctx.catalogue.checklist_index, incident.read(u), only=only)


def _fields(row: dict) -> dict:
    return {"annex": row["annex"], "title": row["title"], "item": row["item"], "requirement": row["requirement"]}
