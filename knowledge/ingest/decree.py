"""Reading a new tariff decree's headings: jurisdiction, act number, date, year, annexes (setting, unit, rates).

Used by `komekshi kb add`: what can be read from the text is read; the rest comes from flags or a prompt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from knowledge.domain import Jurisdiction
from knowledge.ingest.manifest import Annex, Document

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


@dataclass
class DecreeDraft:
    """What the headings say, and what they did not (`missing`)."""

    layout: str
    jurisdiction: str | None = None
    number: str | None = None
    date: str | None = None
    year: int | None = None
    title_kk: str = ""
    annexes: list[Annex] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        names = [name for name in ("jurisdiction", "number", "date", "year") if getattr(self, name) in (None, "")]
        names += [f"annex {a.number} setting" for a in self.annexes if not a.setting]
        names += [f"annex {a.number} unit" for a in self.annexes if not a.unit]
        return names + ([] if self.annexes else ["annexes"])

    def document(self, doc_id: str, file: str, jurisdictions: list[Jurisdiction]) -> Document:
        where = next((j for j in jurisdictions if j.code == self.jurisdiction), None)
        issuer = (where.issuer_kk, where.issuer_ru, where.issuer_en) if where else ("", "", "")
        place_ru, place_en = (where.name_ru, where.name_en) if where else ("", "")
        return Document(
            id=doc_id, file=file, kind="tariffs", layout=self.layout,
            title_kk=self.title_kk or f"№ {self.number} қаулы",
            title_ru=f"Постановление акимата ({place_ru}) № {self.number} о тарифах на {self.year} год",
            title_en=f"{place_en} akimat decree No. {self.number} on {self.year} tariffs",
            issuer_kk=issuer[0], issuer_ru=issuer[1], issuer_en=issuer[2], act_type="decree",
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


def read_decree(text: str, jurisdictions: list[Jurisdiction]) -> DecreeDraft:
    lines = text.splitlines()
    head = "\n".join(lines[:12])
    layout = "tab" if text.count("\t") > 50 else "pdf"
    year = _YEAR.search(head)
    number = _NUMBER.search(head)
    title = " ".join(line.strip() for line in lines[:4] if line.strip()).split(" Батыс Қазақстан")[0]
    return DecreeDraft(
        layout=layout, jurisdiction=first_cue(head, jurisdiction_cues(jurisdictions)), number=number.group(1) if number else None,
        date=read_date(head), year=int(year.group(1)) if year else None, title_kk=title[:200],
        annexes=read_annexes(lines))


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
