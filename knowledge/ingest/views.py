"""SQL views the department desk shows beside the tables, generated from the manifest: a jurisdiction, setting or
year added by a new decree gets its columns without a code change."""

from __future__ import annotations

from knowledge.ingest.manifest import Document

# A rate of 0 is "no tariff set", never free: a difference with it is no difference (NULL), not -100 %.
# `id` is the tariff row's: the desk searches the view through tariffs_search by it.
CITY_VS_RURAL = """
    select document, jurisdiction, year, setting, annex, item, service, position, unit,
           rate_city, rate_rural,
           case when rate_city > 0 and rate_rural > 0 then round(rate_rural - rate_city, 2) end as difference,
           case when rate_city > 0 and rate_rural > 0 then round(100.0 * (rate_rural - rate_city) / rate_city, 2) end
               as difference_percent,
           flagged, id
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


def in_force(documents: list[Document]) -> list[Document]:
    return [d for d in documents if d.kind == "tariffs" and d.status == "in_force"]


def rate_kinds(documents: list[Document]) -> list[str]:
    """The rates the acts print, in a fixed order: city and rural (two-rate annexes), rate (one-rate annexes)."""
    kinds = {kind for d in documents for a in d.annexes if a.setting
             for kind in (("city", "rural") if a.rates == "city_rural" else ("rate",))}
    return [kind for kind in ("city", "rural", "rate") if kind in kinds]


def _rate(kind: str) -> str:
    return "rate" if kind == "rate" else f"rate_{kind}"


def across_jurisdictions(documents: list[Document]) -> str:
    """One row per year, setting, service and position; one column per jurisdiction with tariffs in force (and per
    rate it prints: `<code>_city`, `<code>_rural`, `<code>`): a service compared across the districts."""
    acts = in_force(documents)
    columns = []
    for code in dict.fromkeys(d.jurisdiction for d in acts):
        for kind in rate_kinds([d for d in acts if d.jurisdiction == code]):
            name = code if kind == "rate" else f"{code}_{kind}"
            columns.append(f"max(case when jurisdiction = {_quote(code)} then {_rate(kind)} end) as \"{name}\"")
    return _pivot("year", columns, "jurisdiction", "jurisdictions")


def across_years(documents: list[Document]) -> str:
    """One row per jurisdiction, setting, service and position; one column per tariff year and rate (`city_2026`,
    `rural_2026`, `rate_2026`), and the change from the year before (`city_change_2027`): a service across years."""
    acts = in_force(documents)
    years = sorted({d.year for d in acts if d.year is not None})
    columns = []
    for index, year in enumerate(years):
        kinds = rate_kinds([d for d in acts if d.year == year])
        columns += [f"max(case when year = {int(year)} then {_rate(kind)} end) as {kind}_{year}" for kind in kinds]
        if index:
            before = years[index - 1]
            shared = [k for k in kinds if k in rate_kinds([d for d in acts if d.year == before])]
            # nullif: a year without a tariff (0) has no change to or from it
            columns += [f"round(max(case when year = {int(year)} then nullif({_rate(kind)}, 0) end) - "
                        f"max(case when year = {int(before)} then nullif({_rate(kind)}, 0) end), 2) "
                        f"as {kind}_change_{year}" for kind in shared]
    return _pivot("jurisdiction", columns, "year", "years")


def _pivot(kept: str, columns: list[str], spread: str, counted: str) -> str:
    """The tariffs in force, one row per `kept` value, setting, unit, service and position, with `columns` (one per
    `spread` value) and how many `spread` values hold the row (`counted`), the widest first."""
    listed = "".join(f"{c},\n           " for c in columns)
    return f"""
    select {kept}, setting, unit, service, position,
           {listed}count(distinct {spread}) as {counted}
    from tariffs where status = 'in_force'
    group by {kept}, setting, unit, lower(service), lower(position)
    order by {counted} desc, {kept}, setting, service"""


def views(documents: list[Document]) -> dict[str, str]:
    return {
        "tariffs_city_vs_rural": CITY_VS_RURAL,
        "tariffs_across_settings": across_settings(documents),
        "tariffs_across_jurisdictions": across_jurisdictions(documents),
        "tariffs_across_years": across_years(documents),
        "criteria_by_degree": CRITERIA_BY_DEGREE,
        "documents_status": DOCUMENTS_STATUS,
    }
