"""Domain types and codes shared by every layer: the records the parsers produce and the ingest writes (one data
class per table), and the Answer objects the engine returns and every front end renders
(`Answer.to_dict()` is the `komekshi ask --json` contract). Imports nothing from the project."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SETTINGS = ("stationary", "semi_stationary", "home", "temporary")
AREAS = ("city", "rural")
DEGREES = ("gross", "significant", "minor")
DEGREE_KK = {"gross": "өрескел", "significant": "елеулі", "minor": "болмашы"}

@dataclass(frozen=True)
class Jurisdiction:
    """A body whose acts the base holds (oblast, district, city, or the national level), as the manifest names it."""

    code: str
    kind: str  # oblast | district | city | national
    name_kk: str
    name_ru: str
    name_en: str
    parent: str = ""
    short_kk: str = ""
    short_ru: str = ""
    short_en: str = ""
    issuer_kk: str = ""
    issuer_ru: str = ""
    issuer_en: str = ""
    cues: tuple[str, ...] = ()  # words in a decree's heading that name it (read by `kb add`)
    # Words a question names it by, per language, in the glossary's notation (a trailing "*" matches any ending).
    question_cues_kk: tuple[str, ...] = ()
    question_cues_ru: tuple[str, ...] = ()
    question_cues_en: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return getattr(self, f"name_{lang}", "") or self.name_kk

    def short(self, lang: str) -> str:
        return getattr(self, f"short_{lang}", "") or self.name(lang)

    def issuer(self, lang: str) -> str:
        return getattr(self, f"issuer_{lang}", "") or self.issuer_kk


# A jurisdiction's lists of words (stored as JSON in the base's jurisdictions table).
CUE_FIELDS = ("cues", "question_cues_kk", "question_cues_ru", "question_cues_en")


# The exact fields of `komekshi kb export tariffs` (and of tariff results in answers).
TARIFF_EXPORT_FIELDS = (
    "jurisdiction", "setting", "annex", "category", "item", "service", "position",
    "rate_city", "rate_rural", "rate", "unit", "flagged",
)
CRITERION_EXPORT_FIELDS = ("item", "section", "criterion", "degree", "degree_kk")


@dataclass
class TariffRow:
    """One (document, annex, item, position) line of a tariff table."""

    document: str  # manifest id, e.g. "000"
    jurisdiction: str  # a jurisdiction code from the manifest
    setting: str  # stationary | semi_stationary | home | temporary
    annex: int
    category: str  # section header the row sits under, clean text
    item: int  # item number as printed (or inferred, see item_inferred)
    service: str  # clean service name
    position: str  # clean position name
    rate_city: float | None = None  # two-rate tables
    rate_rural: float | None = None
    rate: float | None = None  # one-rate tables
    unit: str = "month"  # month | day
    line_start: int = 0  # 1-based source line span, for citation and review
    line_end: int = 0
    flagged: bool = False
    flag_reason: str = ""  # why the layout was ambiguous (split_rates, item_inferred, no_rates, ...)
    item_inferred: bool = False
    service_raw: str = ""  # the service cell as printed (lines joined with \n), for citation
    override_reason: str = ""  # set when a reviewed override changed this row

    def export(self) -> dict:
        data = asdict(self)
        return {name: data[name] for name in TARIFF_EXPORT_FIELDS}


@dataclass
class Criterion:
    """One risk-assessment criterion of `004` annex 1."""

    item: int
    section: str
    criterion: str
    degree: str  # gross | significant | minor
    degree_kk: str  # as printed
    document: str = ""
    annex: int = 1
    line_start: int = 0
    line_end: int = 0

    def export(self) -> dict:
        data = asdict(self)
        return {name: data[name] for name in CRITERION_EXPORT_FIELDS}


@dataclass
class ChecklistItem:
    """One numbered requirement of an inspection checklist (`004` annexes 2..7)."""

    document: str
    annex: int
    title: str  # checklist title as printed, clean
    item: int
    requirement: str
    line_start: int = 0
    line_end: int = 0


AS_PRINTED = ""  # a staffing row whose values cannot be put in their columns without a guess: its line as printed


@dataclass
class StaffingNorm:
    """One cell of a staffing-norm table (`003`): how many staff units of a position per number of recipients."""

    document: str
    table: str  # which organisation type / table the norm belongs to
    position: str
    recipients: str  # the column header as printed, e.g. "100 қызмет алушыға"; AS_PRINTED: the row in no column
    value: str  # as printed: "1", "0,5", "1 (1 per 25)" ...
    item: str = ""  # row number as printed
    line_start: int = 0
    line_end: int = 0


@dataclass
class Passage:
    """A citable piece of a document: a paragraph, sub-paragraph or item."""

    document: str
    annex: int | None  # None for the body of the act
    item: str  # paragraph / item label as printed, e.g. "2", "10-1", "7"
    kind: str  # paragraph | definition | rule | criterion | checklist | tariff_note
    text: str  # clean text
    line_start: int = 0
    line_end: int = 0
    title: str = ""  # optional heading the passage sits under
    extra: dict = field(default_factory=dict)


# ---------------------------------------------------------------- answers

INTENTS = ("tariff", "violation", "checklist", "staffing", "document", "passage", "unknown")
STATUSES = ("answer", "clarify", "not_found")
LANGS = ("kk", "ru", "en")


@dataclass
class Filters:
    setting: str | None = None  # stationary | semi_stationary | home | temporary
    area: str | None = None  # city | rural
    jurisdiction: str | None = None  # a jurisdiction code from the manifest
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
