"""Source documents: "which decree approved the Bäyterek tariffs", "is order No. 343 in force" → the act, its issuer,
number, date and status; "when does the Börli decree come into force" → the act's own paragraph saying so."""

from __future__ import annotations

from knowledge.answer import compose
from knowledge.answer.catalogue import annexes
from knowledge.answer.compose import cite, label, short_title
from knowledge.answer.context import Context, Facets, choices, warn
from knowledge.answer.policy import ANSWER, CLARIFY, DOCUMENT_LEAD, DOCUMENT_POINTS, NOT_FOUND, leader
from knowledge.answer.understand import DOCUMENT_CUES, STRONG_DOCUMENT_CUES, Understood
from knowledge.answer.years import RELATIVE, asked_years
from knowledge.domain import Answer, Result
from knowledge.i18n import date

NOT_IN_FORCE = ("repealed", "superseded")
# How an act words its own entry into force (Kazakh, Russian).
IN_FORCE_FROM = ("%қолданысқа енгізіл%", "%күшіне ен%", "%вводится в действие%")


class Documents:
    name = "document"

    @staticmethod
    def _about_acts(u: Understood) -> bool:
        """An act asked about: a document word, unless it is only the paper a reported incident says is missing
        ("документов о приостановлении нет"), where the act must be asked for outright (its status, which act)."""
        reported = {"not_done", "incident"} & u.cues
        return bool(DOCUMENT_CUES & u.cues) and (not reported or bool((STRONG_DOCUMENT_CUES | {"in_force"}) & u.cues))

    def answer(self, u: Understood, reply: Answer, ctx: Context) -> bool:
        if u.intent != self.name and not self._about_acts(u):
            return False  # tried after another intent found nothing: only a question about acts is one
        lang, documents = reply.lang, ctx.catalogue.documents
        points = _points(u, ctx)
        reply.intent = self.name
        missing = _years_without_acts(u, ctx)
        if missing:  # "are the 2027 tariffs approved yet?": no act of that year is in the base, none is shown for it
            held = sorted({int(d["year"]) for d in documents.values() if str(d.get("year") or "").isdigit()})
            reply.status = NOT_FOUND
            reply.text = label("other_year", lang).format(asked=", ".join(map(str, missing)),
                                                          held=", ".join(map(str, held)))
            reply.results = documents_list(ctx, lang)
            return True
        best = leader(points, DOCUMENT_POINTS, DOCUMENT_LEAD)
        listed = _listed(u, ctx, points)
        if listed is not None and (best is None or len(listed) > 1):
            if len(listed) > 1:
                return self._list(listed, reply, ctx)
            best = listed[0]
        if best is None:
            ranked = sorted(points, key=lambda d: -points[d])
            reply.status = CLARIFY
            reply.text = label("clarify", lang)
            reply.choices = choices([Facets(short_title(documents[d], lang)) for d in ranked],
                                    [f"{short_title(documents[d], lang)}?" for d in ranked])
            reply.results = documents_list(ctx, lang)
            return True
        doc = documents[best]
        result = ctx.document_result(doc, lang, min(1.0, points[best] / 5))
        if "effective" in u.cues and self._entry_into_force(doc, result, reply, ctx):
            return True
        reply.status = ANSWER
        reply.results = [result]
        lines = [doc.get(f"title_{lang}") or doc["title_kk"],
                 f"{label('issuer', lang)}: {doc.get(f'issuer_{lang}') or doc['issuer_kk']}",
                 f"{label('number', lang)} {doc['number']}, {label('date', lang)}: {date(doc['date'], lang)}",
                 f"{label('status', lang)}: {label(doc['status'], lang)}"]
        if doc.get("registration"):  # the number people cite a ministry's order by
            lines.insert(3, label("registration", lang).format(number=doc["registration"]))
        warn(reply, lines, ctx.status_warning(doc["id"], lang))
        reply.text = "\n".join(lines)
        return True

    def _list(self, ids: list[str], reply: Answer, ctx: Context) -> bool:
        """"Which acts do you have" / "which acts are repealed": each act in one line with its status."""
        lang, documents = reply.lang, ctx.catalogue.documents
        reply.status = ANSWER
        reply.results = [ctx.document_result(documents[d], lang, 1.0) for d in ids]
        lines = [label("documents_list", lang).format(n=len(ids))]
        lines += [f"• {short_title(documents[d], lang)} — {label(documents[d]['status'], lang)}" for d in ids]
        reply.text = "\n".join(lines)
        return True

    def _entry_into_force(self, doc: dict, document: Result, reply: Answer, ctx: Context) -> bool:
        """"When does the Börli decree come into force": the act's own paragraph saying so, quoted and cited."""
        if ctx.db is None:
            return False
        row = ctx.db.execute(
            "select * from passages where document = ? and kind = 'paragraph' and (text like ? or text like ? "
            "or text like ?) order by line_start desc limit 1", (doc["id"], *IN_FORCE_FROM)).fetchone()
        if row is None:
            return False
        row, lang = dict(row), reply.lang
        citation = ctx.citation(row["document"], row.get("annex"), row.get("item") or None, lang)
        reply.intent, reply.status = self.name, ANSWER  # the act asked about, then its paragraph quoted
        reply.results = [document, Result(type="passage", citation=citation, score=1.0,
                                          fields={"kind": row.get("kind"), "text": row["text"]})]
        lines = [doc.get(f"title_{lang}") or doc["title_kk"], compose.excerpt(row["text"], 700, lang)]
        if lang == "en" and doc.get("effective"):
            lines.append(f"({doc['effective']})")
        lines.append(f"{label('source', lang)}: {cite(citation, lang)}")
        warn(reply, lines, ctx.status_warning(doc["id"], lang))
        reply.text = "\n".join(lines)
        return True


def _years_without_acts(u: Understood, ctx: Context) -> list[int]:
    """The years the question names that no act of the base is dated or sets tariffs for."""
    documents = ctx.catalogue.documents.values()
    held = {str(d.get("year") or "") for d in documents} | {str(d.get("date") or "")[:4] for d in documents}
    named = asked_years(u, ctx.today().year, ctx.catalogue.act_dates).named
    return [year for year in named if str(year) not in held]


def documents_list(ctx: Context, lang: str) -> list[Result]:
    """Every source document as a result, by id."""
    documents = sorted(ctx.catalogue.documents.values(), key=lambda d: d["id"])
    return [ctx.document_result(doc, lang, 1.0) for doc in documents]


def _listed(u: Understood, ctx: Context, points: dict[str, float]) -> list[str] | None:
    """The acts a list question asks for ("which acts are repealed", "the Börli decrees"), by id; None when the
    question asks for no list."""
    if not {"documents_list", "repealed_status"} & u.cues:
        return None
    if "repealed_status" in u.cues and not u.numbers:
        ids = [d for d, doc in ctx.catalogue.documents.items() if doc.get("status") in NOT_IN_FORCE]
    elif "documents_list" in u.cues:
        named = [d for d in points if points[d] >= DOCUMENT_POINTS]
        ids = named if u.filters.jurisdiction or u.filters.setting else list(ctx.catalogue.documents)
    else:
        return None
    return sorted(ids) or None


def _points(u: Understood, ctx: Context) -> dict[str, float]:
    """Each document's points for the question: its title or issuer named, its number or year, its jurisdiction,
    a setting its annexes cover, and what it holds (tariffs, criteria, rules) matching the question's cues."""
    documents = ctx.catalogue.documents
    points: dict[str, float] = dict.fromkeys(documents, 0.0)
    for hit in ctx.catalogue.document_index.search(u.words, limit=10):
        points[hit.target.ident[0]] += 2 * hit.score
    for doc_id, doc in documents.items():
        parts = {p for p in "".join(c if c.isdigit() else " " for c in doc.get("number") or "").split()}
        year = (doc.get("date") or "")[:4]
        for number in u.numbers:
            if number in parts or number == doc.get("registration"):
                points[doc_id] += 3
            elif number == year or number == str(doc.get("year") or ""):
                points[doc_id] += 1
        if u.filters.jurisdiction and doc.get("jurisdiction") == u.filters.jurisdiction:
            points[doc_id] += 2
        kind = doc.get("kind")
        # a checklist or staffing norms asked for are of the act holding them: the setting named is theirs, not a
        # tariff table's ("проверочный лист по надомному обслуживанию", "штат нормативтері стационарда")
        checklist = bool({"checklist", "staffing"} & u.cues) and "tariff" not in u.cues
        if u.filters.setting and not checklist and any(a.get("setting") == u.filters.setting for a in annexes(doc)):
            points[doc_id] += 1
        if kind == "tariffs" and ("tariff" in u.cues or (u.filters.setting and not checklist)):
            points[doc_id] += 1
        if kind == "criteria" and ({"violation", "checklist"} & u.cues or u.degree):
            points[doc_id] += 2
        if kind == "rules" and "staffing" in u.cues:
            points[doc_id] += 2
        if "repealed_status" in u.cues and doc.get("status") in NOT_IN_FORCE:
            points[doc_id] += 2
        if doc.get("status") == "superseded" and points[doc_id] > 0:
            points[doc_id] -= 0.5  # the act in force for the same table is the one meant, unless named
        if kind == "tariffs" and doc.get("year") and points[doc_id] > 0:
            points[doc_id] += _year_points(u, doc, ctx)
    return points


def _year_points(u: Understood, doc: dict, ctx: Context) -> float:
    """Of a jurisdiction's tariff acts for several years, the one of the year said in words ("next year's decree")
    is meant, else (no year named) the one of the year in force today."""
    today = ctx.today().year
    said = {today + shift for cue, shift in RELATIVE.items() if cue in u.cues}
    if said:
        return 1.0 if doc["year"] in said else 0.0
    if any(len(n) == 4 for n in u.numbers):
        return 0.0  # a year by its number is counted above
    return 0.0 if doc["year"] == ctx.catalogue.year_in_force(doc.get("jurisdiction") or "", today) else -0.5
