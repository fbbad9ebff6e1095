"""Answer objects: what the engine returns and every front end (CLI, console, bot, eval) renders.

`Answer.to_dict()` is the `komekshi ask --json` contract.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

INTENTS = ("tariff", "violation", "checklist", "staffing", "document", "passage", "unknown")
STATUSES = ("answer", "clarify", "not_found")
LANGS = ("kk", "ru", "en")


@dataclass
class Filters:
    setting: str | None = None  # stationary | semi_stationary | home | temporary
    area: str | None = None  # city | rural
    jurisdiction: str | None = None  # oblast | borli | baiterek
    position: str | None = None  # canonical position key, e.g. "nurse"


@dataclass
class Citation:
    document: str  # manifest id
    title: str  # short title in the reply language
    annex: int | None
    item: str | None
    status: str  # in_force | repealed


@dataclass
class Result:
    """One found thing. `type` is tariff | criterion | checklist | staffing | document | passage.

    `fields` holds the type's own fields: for tariffs exactly the `kb export tariffs` fields; for criteria
    item, criterion, degree, degree_kk; for documents id, title, jurisdiction, number, date, status; etc.
    """

    type: str
    citation: Citation
    score: float
    fields: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"type": self.type, **self.fields, "score": round(self.score, 3), "citation": asdict(self.citation)}


@dataclass
class Choice:
    label: str  # short button label in the reply language
    query: str  # a ready follow-up question


@dataclass
class Answer:
    question: str
    lang: str  # reply language
    intent: str
    filters: Filters
    status: str  # answer | clarify | not_found
    verdict: str | None = None  # yes | no | None
    results: list[Result] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    text: str = ""  # plain-text reply in `lang`
    warnings: list[str] = field(default_factory=list)  # repealed act, reconstructed layout... (also in text)

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "lang": self.lang,
            "intent": self.intent,
            "filters": asdict(self.filters),
            "status": self.status,
            "verdict": self.verdict,
            "results": [r.to_dict() for r in self.results],
            "choices": [asdict(c) for c in self.choices],
            "text": self.text,
        }
