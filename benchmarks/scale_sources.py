"""Sources N times today's tariff tables, made the way next Decembers' decrees arrive: each of today's three tariff
decrees (the oblast's No. 286, Börli's No. 6, Bäyterek's No. 668) re-issued for later years and by districts the
base has never seen, every one added through `kb add` (knowledge.ingest.add.add_decree) on a copy of the sources.

A size of N holds N copies of each of the three decrees (N × today's 634 tariff rows): the jurisdictions of today
first, then new districts (each made from the three decrees in turn), every one for `years` consecutive years from
2026. A derived decree differs from its model in its headings (the district's name, the year, the date, a new act
number) and in a few rates (raised a little per year, city and rural alike, so no figure breaks its row's pattern).
New districts' names are West Kazakhstan's and other oblasts' real district names whose Russian adjective follows by
rule (Теректі → Теректинский район), so `kb add` names them with no flag.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from knowledge import SOURCES_DIR
from knowledge.ingest.add import add_decree, parse_rows
from knowledge.ingest.manifest import Document, load_manifest, read_source

FIRST_YEAR = 2026
# Districts `kb add` names by rule (knowledge.ingest.places.russian_adjective), none a common Kazakh word.
DISTRICTS = ("Теректі", "Сырым", "Тасқала", "Жәнібек", "Жаңақала", "Казталов", "Қобда", "Ырғыз", "Қарғалы",
             "Шалқар", "Отырар", "Созақ", "Талғар", "Кеген", "Сарқан", "Арыс", "Қызылжар", "Мақтаарал")
MODELS = ("000", "001", "002")  # today's tariff decrees: the oblast (pdf), Börli (pdf), Bäyterek (tab)
FIRST_NUMBER = 700  # derived acts are numbered from here (never a four-digit number a question could read as a year)
VARIED_EVERY = 9  # one item in this many gets a new rate in a derived decree
_RATE = re.compile(r"(?<![\d,.])\d+(?:,\d+)?(?![\d,.])")


@dataclass(frozen=True)
class Model:
    """One of today's decrees and what a derived one changes in its headings."""

    document: Document
    text: str
    place: str  # the district's name as printed ("Бөрлі"), "" for the oblast's decree
    date: str  # the act's date as its heading prints it, year first ("2025 жылғы 25 желтоқсандағы")


@dataclass(frozen=True)
class Slot:
    """One act of the scaled base: a jurisdiction (today's, or a new district's name) and a tariff year."""

    model: str  # the model decree's id
    district: str  # a new district's Kazakh name; "" for the model's own jurisdiction
    year: int


def plan(factor: int, years: int = 10) -> list[Slot]:
    """The acts beyond today's of a base `factor` times today's: N copies of each model, today's jurisdictions first,
    then new districts, each for up to `years` years."""
    if factor <= 1:
        return []
    per_place = min(years, factor)
    places = -(-factor // per_place)  # jurisdictions per model
    slots = []
    for index in range(places):
        for model in MODELS:
            district = "" if index == 0 else DISTRICTS[(index - 1) * len(MODELS) + MODELS.index(model)]
            count = min(per_place, factor - index * per_place)
            slots += [Slot(model, district, FIRST_YEAR + k) for k in range(count)
                      if district or k > 0]  # today's own act is the model itself
    return slots


def load_models(sources: Path) -> dict[str, Model]:
    documents = {d.id: d for d in load_manifest(sources)}
    dates = {"000": "2025 жылғы 25 желтоқсандағы", "001": "2026 жылғы 6 қаңтардағы",
             "002": "2025 жылғы 26 желтоқсандағы"}
    places = {"000": "", "001": "Бөрлі", "002": "Бәйтерек"}
    return {doc_id: Model(documents[doc_id], read_source(documents[doc_id], sources), places[doc_id], dates[doc_id])
            for doc_id in MODELS}


def derive(model: Model, slot: Slot, number: int) -> str:
    """The model's text re-issued for the slot: its district, year, date, act number, and a few rates varied."""
    text = vary_rates(model, 1 + 0.03 * (slot.year - FIRST_YEAR) + 0.01 * (number % 5), number)
    document = model.document
    shift = slot.year - FIRST_YEAR
    year, day = model.date.split(" жылғы ")
    text = text.replace(model.date, f"{int(year) + shift} жылғы {day}")
    text = text.replace(f"{FIRST_YEAR} жылға", f"{slot.year} жылға")
    text = re.sub(rf"№\s*{document.number}(?!\d)", f"№ {number}", text)
    if slot.district:
        if model.place:
            text = text.replace(model.place, slot.district)
        else:  # the oblast's decree as a district's: its heading names the district after the oblast
            text = text.replace("Батыс Қазақстан облысы әкімдігінің",
                                f"Батыс Қазақстан облысы {slot.district} ауданы әкімдігінің", 1)
    return text


def vary_rates(model: Model, factor: float, seed: int) -> str:
    """Every VARIED_EVERY-th item's rates times `factor`, where its row's line prints them all (so every rate of the
    row moves together)."""
    lines = model.text.split("\n")
    for row in parse_rows(model.text, model.document):
        if (row.item + seed) % VARIED_EVERY:
            continue
        values = [v for v in (row.rate_city, row.rate_rural, row.rate) if v]
        index = row.line_end - 1
        printed = {m.group(): float(m.group().replace(",", ".")) for m in _RATE.finditer(lines[index])}
        if not values or min(values) < 10 or not set(values) <= set(printed.values()):
            continue
        lines[index] = _RATE.sub(lambda m, values=values: _scaled(m.group(), values, factor), lines[index])
    return "\n".join(lines)


def _scaled(printed: str, values: list[float], factor: float) -> str:
    value = float(printed.replace(",", "."))
    return f"{value * factor:.2f}".replace(".", ",") if value in values else printed


def scaled_sources(folder: Path, factor: int, years: int = 10) -> tuple[Path, list[Document]]:
    """A copy of the sources in `folder` grown to `factor` × today's tariff tables through `kb add`; the acts added."""
    sources = folder / "sources"
    shutil.copytree(SOURCES_DIR, sources)
    for path in sources.iterdir():
        path.chmod(path.stat().st_mode | 0o200)
    models = load_models(sources)
    added = []
    for number, slot in enumerate(plan(factor, years), FIRST_NUMBER):
        added.append(add(sources, folder, derive(models[slot.model], slot, number)))
    return sources, added


def add(sources: Path, folder: Path, text: str) -> Document:
    """`kb add` of a decree text, confirmed with no flags (the headings say everything)."""
    path = folder / "decree.txt"
    path.write_text(text, encoding="utf-8")
    document = add_decree(path, {}, confirm=lambda report: True, sources_dir=sources)
    assert document is not None
    return document


def next_decree(sources: Path, number: int) -> str:
    """One more decree for a base: Bäyterek's for the year after the latest it holds."""
    documents = load_manifest(sources)
    latest = max(d.year or FIRST_YEAR for d in documents if d.jurisdiction == "baiterek")
    return derive(load_models(sources)["002"], Slot("002", "", latest + 1), number)
