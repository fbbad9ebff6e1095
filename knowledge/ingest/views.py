"""SQL views the department desk shows beside the tables, generated from the manifest: a jurisdiction, setting or
year added by a new decree gets its columns without a code change."""

from __future__ import annotations

from knowledge.ingest.manifest import Document

CITY_VS_RURAL = """
    select document, jurisdiction, setting, annex, item, service, position, unit,
           rate_city, rate_rural, round(rate_rural - rate_city, 2) as difference,
           case when rate_city > 0 then round(100.0 * (rate_rural - rate_city) / rate_city, 2) end
               as difference_percent,
           flagged
    from tariffs where rate_city is not null or rate_rural is not null
    order by document, annex, item"""

CRITERIA_BY_DEGREE = """
    select degree, degree_kk, count(*) as criteria, group_concat(item, ', ') as items
    from criteria group by degree, degree_kk
    order by case degree when 'gross' then 1 when 'significant' then 2 else 3 end"""

DOCUMENTS_STATUS = """
    select id, title_kk, title_ru, title_en, act_type, number, date, year, jurisdiction, status,
           repealed_by_ru, repealed_on, superseded_by
    from documents order by id"""


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def rate_columns(documents: list[Document]) -> list[tuple[str, str]]:
    """(column name, SQL expression) per rate a tariff act in force prints: `<jurisdiction>_<setting>[_<area>]`,
    with the year added where one jurisdiction has acts in force for several years."""
    tariffs = [d for d in documents if d.kind == "tariffs" and d.status != "superseded"]
    years: dict[str, set] = {}
    for document in tariffs:
        years.setdefault(document.jurisdiction, set()).add(document.year)
    columns = []
    for document in tariffs:
        suffix = f"_{document.year}" if len(years[document.jurisdiction]) > 1 else ""
        for annex in document.annexes:
            if not annex.setting:
                continue
            where = f"document = {_quote(document.id)} and annex = {int(annex.number)}"
            name = f"{document.jurisdiction}_{annex.setting}{suffix}"
            if annex.rates == "city_rural":
                columns += [(f"{name}_{area}", f"max(case when {where} then rate_{area} end)")
                            for area in ("city", "rural")]
            else:
                columns.append((name, f"max(case when {where} then rate end)"))
    return columns


def across_settings(documents: list[Document]) -> str:
    """One row per service and position, one column per jurisdiction, setting (and area) of the acts in force."""
    columns = "".join(f"{expression} as {name},\n           " for name, expression in rate_columns(documents))
    return f"""
    select service, position,
           {columns}count(distinct setting) as settings
    from tariffs where status != 'superseded'
    group by lower(service), lower(position) order by settings desc, service"""


def views(documents: list[Document]) -> dict[str, str]:
    return {
        "tariffs_city_vs_rural": CITY_VS_RURAL,
        "tariffs_across_settings": across_settings(documents),
        "criteria_by_degree": CRITERIA_BY_DEGREE,
        "documents_status": DOCUMENTS_STATUS,
    }
