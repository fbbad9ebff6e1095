"""`komekshi browse`: the knowledge base in a browser, read-only, through Datasette with bilingual metadata."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from knowledge.desk.rebuilt import supervise
from knowledge.kb import load_jurisdictions, open_kb

SITE = Path(__file__).parent / "site"  # the desk's Datasette plugin and templates
# What a clerk opens first, in this order, on the home page (each with its bilingual title and description).
HOME_TABLES = ("tariffs", "tariffs_city_vs_rural", "tariffs_across_jurisdictions", "tariffs_across_years",
               "criteria", "checklist_items", "documents")
HOW_TO_FIND_A_RATE = (
    "Тарифті табу: «Тарифтер» кестесін ашып, іздеу жолына қызметті жазыңыз (қазақша, орысша немесе ағылшынша: "
    "«массаж», «киім жуу», «laundry»), қажет болса нысан мен ауданды қосыңыз («массаж полустационар»); сосын "
    "сүзгілерден жылды, нысанды, аумақты таңдаңыз. 0 — тариф белгіленбеген. Әр жолда акт, қосымша және "
    "тармақ бар. Excel-ге жүктеу — кесте үстіндегі «excel» сілтемесі.",
    "Как найти тариф: откройте «Тарифы», введите в поиск услугу (по-казахски, по-русски или по-английски: "
    "«массаж», «стирка белья», «laundry»), при необходимости добавьте форму и район («массаж полустационар»), "
    "затем уточните год, форму и территорию фильтрами. 0 — тариф не установлен. В каждой строке — акт, "
    "приложение и пункт. Выгрузка для Excel — ссылка «excel» над таблицей.",
)


TARIFF_COLUMNS = {
    "document": "Құжат (манифест id) / Документ",
    "setting": "Қызмет көрсету нысаны / Форма: stationary, semi_stationary, home, temporary",
    "annex": "Қосымша / Приложение",
    "category": "Қызметтер тобы / Группа услуг",
    "item": "Тармақ (басылғандай) / Пункт (как напечатан)",
    "service": "Қызмет түрі / Вид услуги",
    "position": "Лауазым / Должность",
    "rate_city": "Қала тарифі, ₸ (unit бойынша: айына / күніне) / Городской тариф, ₸ за месяц или день (см. unit)",
    "rate_rural": "Ауыл тарифі, ₸ / Сельский тариф, ₸ (за unit)",
    "rate": "Бірыңғай тариф, ₸ / Единый тариф, ₸ (за unit)",
    "unit": "Кезең / Период: month (айына) | day (күніне)",
    "flagged": "1 = кесте пішімі қалпына келтірілді, ресми жарияланымды тексеріңіз / "
               "1 = разметка восстановлена, сверьте с официальной публикацией",
    "flag_reason": "Неліктен белгіленген / Почему помечено",
    "line_start": "Бастапқы мәтін жолы / Строка исходного текста",
    "line_end": "Соңғы жол / Последняя строка",
    "status": "Актінің мәртебесі / Статус акта",
    "year": "Тариф жылы (актінің жылы) / Год тарифа (год акта)",
    "override_reason": "Тексерілген түзету себебі / Причина проверенной правки",
}


def jurisdiction_legend(db: sqlite3.Connection) -> str:
    """"oblast (БҚО (облыс) / ЗКО (область)), borli (...)": the codes of the base, named from its manifest."""
    names = [f"{j.code} ({j.name_kk} / {j.name_ru})" for j in load_jurisdictions(db).values()]
    return "Аумақ / Территория: " + ", ".join(names)


def tariff_years(db: sqlite3.Connection) -> str:
    years = [str(row[0]) for row in db.execute(
        "select distinct year from documents where kind = 'tariffs' and year is not null order by year")]
    return ", ".join(years)


def metadata(db: sqlite3.Connection) -> dict:
    years = tariff_years(db)
    tariffs = {
        "title": "Тарифтер / Тарифы",
        "description": f"Арнаулы әлеуметтік қызметтер тарифтері, {years} / Тарифы на специальные социальные услуги, "
                       f"{years}. Іздеу / Поиск: массаж, стирка белья, laundry, массаж полустационар.",
        "columns": {**TARIFF_COLUMNS, "jurisdiction": jurisdiction_legend(db)},
        "facets": ["jurisdiction", "year", "setting", "category", "position"],
        "sort": "item",
        # the desk's search text: printed wording, ru/en names, setting and district words (ingest/desk_search.py)
        "fts_table": "tariffs_search",
        "fts_pk": "id",
        "label_column": "service",
    }
    return {
        "how_to_find_a_rate": list(HOW_TO_FIND_A_RATE),
        "title": "Көмекші: білім қоры / Кёмекши: база знаний",
        "description": "Арнаулы әлеуметтік қызметтер: тарифтер, тәуекел өлшемшарттары, тексеру парақтары, нормалар. "
                       "Специальные социальные услуги: тарифы, критерии риска, проверочные листы, нормативы.",
        "databases": {"kb": {"tables": {
            "tariffs": tariffs,
            "tariffs_city_vs_rural": {
                "title": "Қала мен ауыл / Город и село",
                "description": "Қала және ауыл тарифтері қатар, айырмасымен (0 — тариф жоқ, айырма жоқ) / Городской и "
                               "сельский тариф рядом, с разницей (0 — тарифа нет, разницы нет)",
                "facets": ["jurisdiction", "year", "setting"], "fts_table": "tariffs_search", "fts_pk": "id"},
            "tariffs_across_settings": {
                "title": "Нысандар бойынша салыстыру / Сравнение по формам обслуживания",
                "description": "Бір қызметтің барлық нысандағы тарифі / Тариф одной услуги во всех формах, ₸"},
            "tariffs_across_jurisdictions": {
                "title": "Аудандар бойынша салыстыру / Сравнение по районам",
                "description": "Бір қызметтің әр аумақтағы тарифі, жыл мен нысан бойынша (бағандар: аумақ коды, "
                               "_city / _rural) / Тариф одной услуги в каждом районе, по году и форме, ₸. "
                               + jurisdiction_legend(db),
                "facets": ["year", "setting"]},
            "tariffs_across_years": {
                "title": "Жылдар бойынша салыстыру / Сравнение по годам",
                "description": f"Бір қызметтің әр жылғы тарифі және өзгерісі ({years}) / Тариф одной услуги по "
                               f"годам и изменение к предыдущему году ({years}), ₸",
                "facets": ["jurisdiction", "setting"]},
            "criteria": {
                "title": "Тәуекел өлшемшарттары / Критерии оценки риска",
                "description": "Бұзушылық дәрежесі (өрескел, елеулі, болмашы) / "
                               "степень нарушения (грубое, значительное, незначительное)",
                "facets": ["degree", "section"], "fts_table": "criteria_search", "fts_pk": "item",
                "columns": {"item": "Тармақ / Пункт", "criterion": "Өлшемшарт / Критерий",
                            "degree": "gross | significant | minor", "degree_kk": "Дәреже (басылғандай) / Степень"}},
            "criteria_by_degree": {"title": "Дәреже бойынша / По степени"},
            "checklist_items": {"title": "Тексеру парақтары / Проверочные листы", "facets": ["annex", "title"],
                                "fts_table": "checklist_search", "fts_pk": "id",
                                "description": "Тексеру парағының талаптары / Требования проверочных листов"},
            "staffing_norms": {"title": "Штат нормативтері (күшін жойған акт) / Штатные нормативы (утратил силу)",
                               "facets": ["table_name", "position"]},
            "passages": {"title": "Мәтін үзінділері / Фрагменты текста", "facets": ["document", "kind"]},
            "documents": {"title": "Құжаттар / Документы", "facets": ["status", "jurisdiction", "year"],
                          "description": "Актілер: атауы қазақша және орысша, нөмірі, күні, мәртебесі / "
                                         "Акты: название на казахском и русском, номер, дата, статус"},
            "jurisdictions": {"title": "Аумақтар / Территории", "facets": ["kind", "parent"]},
            "documents_status": {"title": "Құжаттардың мәртебесі / Статус документов"},
            "meta": {"hidden": True},
        }}},
    }


def home_links(meta: dict, database: str = "kb") -> list[dict]:
    """The home page's list: what a clerk opens first, with the bilingual title and description of each."""
    tables = ((meta.get("databases") or {}).get(database) or {}).get("tables") or {}
    return [{"path": f"/{database}/{name}", "title": tables[name].get("title", name),
             "description": tables[name].get("description", "")} for name in HOME_TABLES if name in tables]


def serve(kb_path: Path, host: str = "127.0.0.1", port: int = 8001) -> int:
    """Run Datasette over the base (immutable: read-only, no locks), restarted when the base is rebuilt."""
    # The database is named "kb" in URLs whatever the file is called, so links stay stable.
    link = Path(tempfile.mkdtemp()) / "kb.sqlite"
    link.symlink_to(kb_path.resolve())

    def start() -> subprocess.Popen:  # the metadata (facets, views) is the current base's
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
            db = open_kb(kb_path)
            json.dump(metadata(db), handle, ensure_ascii=False)
            db.close()
        return subprocess.Popen([sys.executable, "-m", "datasette", "serve", "--immutable", str(link), "--metadata",
                                 handle.name, "--host", host, "--port", str(port), "--setting", "default_facet_size",
                                 "20", "--plugins-dir", str(SITE / "plugins"), "--template-dir",
                                 str(SITE / "templates")])

    return supervise(start, kb_path)
