"""Reading a new tariff decree's headings: jurisdiction, act number, date, year, annexes (setting, unit, rates).

Used by `komekshi kb add`: what can be read from the text is read; the rest comes from flags or a prompt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from knowledge.domain import Jurisdiction
from knowledge.ingest.manifest import Annex, Document
from knowledge.ingest.places import KINDS_KK, Place, same_name
from knowledge.text import fold

MONTHS_KK = {
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6,
    "шілде": 7, "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}
SETTING_CUES = (("жартылай стационар", "semi_stationary"), ("стационар", "stationary"), ("уақытша", "temporary"),
                ("үйде", "home"), ("үй жағдайында", "home"))
UNIT_CUES = (("айдағы", "month"), ("айына", "month"), ("күндік", "day"), ("күнде", "day"), ("тәуліктік", "day"))

_DATE = re.compile(r"(\d{4})\s*жылғы\s*\"?(\d{1,2})\"?\s*([а-яәіңғүұқөһ]+)", re.IGNORECASE)
_NUMBER = re.compile(r"№\s*(\d+)\s*қаулы", re.IGNORECASE)
_YEAR = re.compile(r"(\d{4})\s*жылға")
_ANNEX = re.compile(r"(?:(\d+)\s*-\s*қосымша|қаулысына\s+қосымша)\s*$", re.IGNORECASE)
# The issuer as a heading names it: "<name> ауданы / қаласы / облысы(ның) әкімдігінің".
_KIND_OF = {word: kind for kind, word in KINDS_KK.items()} | {f"{KINDS_KK['oblast']}ның": "oblast"}
_ISSUER = re.compile(rf"(?P<before>[^\n]*?)(?P<kind>{'|'.join(sorted(_KIND_OF, key=len, reverse=True))})\s+әкімдігінің",
                     re.IGNORECASE)
_OBLAST_WORD = re.compile(rf"\s(?:{'|'.join(w for w, kind in _KIND_OF.items() if kind == 'oblast')})\s", re.IGNORECASE)
NAME_WORDS = {"district": 3, "city": 3, "oblast": 2}  # at most this many capitalised words make a name


@dataclass
class DecreeDraft:
    """What the headings say, and what they did not (`missing`)."""

    layout: str
    jurisdiction: str | None = None  # a code of the manifest's
    place: Place | None = None  # the issuer the heading names (a new jurisdiction when the manifest lacks it)
    number: str | None = None
    date: str | None = None
    year: int | None = None
    annexes: list[Annex] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        names = [name for name in ("number", "date", "year") if getattr(self, name) in (None, "")]
        names = (["jurisdiction"] if not self.jurisdiction and not self.place else []) + names
        names += [f"annex {a.number} setting" for a in self.annexes if not a.setting]
        names += [f"annex {a.number} unit" for a in self.annexes if not a.unit]
        return names + ([] if self.annexes else ["annexes"])

    def document(self, doc_id: str, file: str, jurisdictions: list[Jurisdiction]) -> Document:
        where = next(j for j in jurisdictions if j.code == self.jurisdiction)
        # "Акимат района Байтерек" → "Постановление акимата района Байтерек"
        of_issuer_ru = re.sub(r"^Акимат\b", "акимата", where.issuer_ru) if where.issuer_ru else f"({where.name_ru})"
        return Document(
            id=doc_id, file=file, kind="tariffs", layout=self.layout,
            title_kk=f"{where.name_kk} әкімдігінің {self.year} жылға арналған тарифтер туралы № {self.number} қаулысы",
            title_ru=f"Постановление {of_issuer_ru} № {self.number} о тарифах на {self.year} год",
            title_en=f"{where.issuer('en')} decree No. {self.number} on {self.year} tariffs",
            issuer_kk=where.issuer_kk, issuer_ru=where.issuer_ru, issuer_en=where.issuer_en, act_type="decree",
            number=str(self.number), date=str(self.date), jurisdiction=str(self.jurisdiction), status="in_force",
            effective="as stated in the decree", year=self.year, annexes=tuple(self.annexes))


def first_cue(text: str, cues: tuple[tuple[str, str], ...]) -> str | None:
    lowered = text.casefold()
    found = [(lowered.find(cue), value) for cue, value in cues if cue in lowered]
    return min(found)[1] if found else None


def read_date(text: str) -> str | None:
    for year, day, month in _DATE.findall(text):
        number = next((n for stem, n in MONTHS_KK.items() if month.casefold().startswith(stem)), None)
        if number:
            return f"{int(year):04d}-{number:02d}-{int(day):02d}"
    return None


def read_annexes(lines: list[str]) -> list[Annex]:
    """Each annex heading, and the setting/unit/rate layout its next lines (title and column heads) describe."""
    annexes = []
    for index, line in enumerate(lines):
        match = _ANNEX.search(line.strip())
        if not match:
            continue
        number = int(match.group(1) or 1)
        if any(a.number == number for a in annexes):
            continue
        heading = " ".join(lines[index + 1:index + 25])
        two_rates = ("Ауыл тарифі" in heading) or ("– ауыл" in heading) or ("- ауыл" in heading)
        annexes.append(Annex(number=number, holds="Tariffs (read from the annex heading)",
                             setting=first_cue(heading, SETTING_CUES), unit=first_cue(heading, UNIT_CUES),
                             rates="city_rural" if two_rates else "single",
                             area="city" if not two_rates and "(қала)" in heading else None))
    return annexes


def jurisdiction_cues(jurisdictions: list[Jurisdiction]) -> tuple[tuple[str, str], ...]:
    """Heading words → jurisdiction code, from the manifest's `cues` (a district's name before its oblast's)."""
    return tuple((cue, j.code) for j in jurisdictions for cue in j.cues)


def name_before(text: str, limit: int) -> str:
    """The capitalised words that end `text` ("… облысы Бөрлі" → "Бөрлі"), at most `limit`; a heading set in
    capitals gives them capitalised ("ТЕРЕКТІ" → "Теректі"). A word in the possessive ends an earlier name
    ("Қазақстан Республикасы Ақтөбе" → "Ақтөбе")."""
    words: list[str] = []
    for word in reversed(text.split()):
        if not word[:1].isupper() or not word.replace("-", "").isalpha() or len(words) == limit:
            break
        if words and word.lower().endswith(("сы", "сі")):
            break
        words.insert(0, word.capitalize() if word.isupper() and len(word) > 1 else word)
    return " ".join(words)


def read_place(head: str) -> Place | None:
    """The issuer the heading names: "Батыс Қазақстан облысы Теректі ауданы әкімдігінің" → Теректі, a district of
    Батыс Қазақстан; "Батыс Қазақстан облысы әкімдігінің" → the oblast. None when no name can be read (a name of
    fewer than three letters is a damaged heading, not a place)."""
    match = _ISSUER.search(" ".join(fold(head).split()))  # one line: a heading may break anywhere
    if not match:
        return None
    kind = _KIND_OF[match["kind"].lower()]
    before = f" {match['before']} "
    oblast = ""
    if kind != "oblast" and (parts := _OBLAST_WORD.split(before)) and len(parts) > 1:
        oblast, before = name_before(parts[-2], NAME_WORDS["oblast"]), parts[-1]
    name = name_before(before, NAME_WORDS[kind])
    return Place(name=name, kind=kind, oblast=oblast) if len(name.replace(" ", "")) >= 3 else None


def known_place(place: Place, jurisdictions: list[Jurisdiction]) -> str | None:
    """The manifest's jurisdiction of that Kazakh name and kind, by its code."""
    return next((j.code for j in jurisdictions if j.kind == place.kind and same_name(j.name_kk, place.name_kk)), None)


def read_decree(text: str, jurisdictions: list[Jurisdiction]) -> DecreeDraft:
    """What the headings say. The issuer is read from the heading's own words; only when they cannot be read do the
    manifest's `cues` decide (a place the manifest lacks is kept as `place`, for `kb add` to name)."""
    lines = text.splitlines()
    head = "\n".join(lines[:12])
    layout = "tab" if text.count("\t") > 50 else "pdf"
    year = _YEAR.search(head)
    number = _NUMBER.search(head)
    place = read_place(head)
    jurisdiction = known_place(place, jurisdictions) if place else first_cue(head, jurisdiction_cues(jurisdictions))
    return DecreeDraft(
        layout=layout, jurisdiction=jurisdiction, place=place, number=number.group(1) if number else None,
        date=read_date(head), year=int(year.group(1)) if year else None, annexes=read_annexes(lines))


def with_answers(draft: DecreeDraft, answers: dict[str, str]) -> DecreeDraft:
    """Fill what detection missed (or override it) from flags / prompts: jurisdiction, number, date, year,
    and "annex N setting" / "annex N unit" / "annex N rates"."""
    draft = replace(draft, annexes=list(draft.annexes))
    for name in ("jurisdiction", "number", "date"):
        if answers.get(name):
            setattr(draft, name, answers[name])
    if answers.get("year"):
        draft.year = int(answers["year"])
    for index, annex in enumerate(draft.annexes):
        for part in ("setting", "unit", "rates"):
            value = answers.get(f"annex {annex.number} {part}")
            if value:
                annex = replace(annex, **{part: value})
        draft.annexes[index] = annex
    return draft
