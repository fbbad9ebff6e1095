"""Every district, every year: a decree of a district the base has never seen, and next year's decree of a known one,
each added with `komekshi kb add --yes` and no flags, go into the manifest, the base, `kb check` and the views with
no code change.

The decrees are made here from the real ones in the sources: the district's name changed in the text, a new act
number, and a rate or two changed, so each added act can be told from the one it was made from."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from knowledge.desk.cli import main
from knowledge.ingest.add import add_decree
from knowledge.ingest.build import build
from knowledge.ingest.manifest import load_jurisdictions, load_manifest, read_source
from knowledge.kb import load_jurisdictions as kb_jurisdictions
from knowledge.kb import open_kb


def source_text(sources: Path, doc_id: str) -> str:
    return read_source(next(d for d in load_manifest(sources) if d.id == doc_id), sources)


def change_rate(text: str, printed: str, new: str) -> str:
    """One printed rate changed (it must be printed once, so exactly one row changes)."""
    assert len(re.findall(rf"(?<![\d,]){re.escape(printed)}(?![\d,])", text)) == 1
    return re.sub(rf"(?<![\d,]){re.escape(printed)}(?![\d,])", new, text)


def kb_add(path: Path, sources: Path, capsys: pytest.CaptureFixture, *flags: str) -> str:
    assert main(["kb", "add", str(path), "--yes", "--sources", str(sources), *flags]) == 0
    return capsys.readouterr().out


def kb_check(kb: Path, sources: Path, capsys: pytest.CaptureFixture) -> list[str]:
    assert main(["--kb", str(kb), "kb", "check", "--sources", str(sources)]) == 0
    return capsys.readouterr().out.splitlines()


def columns(db: sqlite3.Connection, view: str) -> list[str]:
    return [row[1] for row in db.execute(f"pragma table_info({view})")]


# (source act, its district's Kazakh name, the new name, its number, the new number, a rate printed once, new rate;
#  then what the new district must be called, and the row changed: annex, item, its rate column, old and new rate)
NEW_DISTRICTS = [
    pytest.param("002", "Бәйтерек", "Теректі", "№ 668", "№ 512", "285,2", "300,0",
                 ("terekti", "Теректі ауданы", "Теректинский район", "Terekti district",
                  "Акимат Теректинского района"), (1, 37, "", 285.2, 300.0), id="tab-layout-terekti"),
    pytest.param("001", "Бөрлі", "Сырым", "№ 6 ", "№ 14 ", "487,5", "500,0",
                 ("syrym", "Сырым ауданы", "Сырымский район", "Syrym district", "Акимат Сырымского района"),
                 (1, 3, "_rural", 487.5, 500.0), id="pdf-layout-syrym"),
]


@pytest.mark.parametrize(("doc_id", "old_name", "new_name", "old_number", "new_number", "printed", "new_rate",
                          "names", "changed"), NEW_DISTRICTS)
def test_a_district_the_base_has_never_seen_is_added_from_its_headings(
        sources_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture, doc_id: str, old_name: str,
        new_name: str, old_number: str, new_number: str, printed: str, new_rate: str, names: tuple,
        changed: tuple) -> None:
    code, name_kk, name_ru, name_en, issuer_ru = names
    text = source_text(sources_copy, doc_id).replace(old_name, new_name).replace(old_number, new_number)
    decree = tmp_path / "decree.txt"
    decree.write_text(change_rate(text, printed, new_rate), encoding="utf-8")
    before = {d.id: d for d in load_manifest(sources_copy)}

    preview = kb_add(decree, sources_copy, capsys)
    assert f"new jurisdiction {code} (district of oblast)" in preview
    assert "gaps: none" in preview and "stays in force" not in preview and "supersedes" not in preview

    # The manifest: a [[jurisdiction]] named in every language, under the oblast its heading names.
    district = {j.code: j for j in load_jurisdictions(sources_copy)}[code]
    assert (district.kind, district.parent, district.name_kk, district.name_ru, district.name_en,
            district.issuer_ru) == ("district", "oblast", name_kk, name_ru, name_en, issuer_ru)
    assert new_name.lower() in district.cues and f"{new_name.lower()}*" in district.question_cues_kk
    assert f"район {new_name.lower()}" in district.question_cues_ru
    documents = {d.id: d for d in load_manifest(sources_copy)}
    (added,) = (d for d in documents.values() if d.id not in before)
    assert (added.jurisdiction, added.year, added.number, added.status) == (
        code, 2026, new_number.strip("№ "), "in_force")
    assert {d.id: d.status for d in before.values()} == {d: documents[d].status for d in before}

    # The base: the rows under the new jurisdiction and year, the same as the act they came from but the one rate.
    kb = tmp_path / "kb.sqlite"
    build(kb, sources_copy)
    db = open_kb(kb)
    assert kb_jurisdictions(db)[code].name("ru") == name_ru
    rows = db.execute("select * from tariffs where document = ? order by id", (added.id,)).fetchall()
    source_rows = db.execute("select * from tariffs where document = ? order by id", (doc_id,)).fetchall()
    assert {(r["jurisdiction"], r["year"], r["status"]) for r in rows} == {(code, 2026, "in_force")}
    assert len(rows) == len(source_rows)
    annex, item, suffix, old_value, new_value = changed
    differ = [(a["annex"], a["item"]) for a, b in zip(rows, source_rows, strict=True)
              if (a["rate_city"], a["rate_rural"], a["rate"]) != (b["rate_city"], b["rate_rural"], b["rate"])]
    assert differ == [(annex, item)]

    # kb check: the act, its rows per annex, and its services' Russian and English names.
    lines = kb_check(kb, sources_copy, capsys)
    assert f"  {added.id}: {code} 2026, No. {added.number} of {added.date}, in_force" in lines
    for number in (a.number for a in added.annexes):
        assert any(line.startswith(f"    {added.id} annex {number} ") and "rows" in line for line in lines)
    assert any(line.startswith(f"  {added.id} services: ") and "Kazakh only 0" in line for line in lines)
    assert lines[-1] == "OK: no gaps"

    # The views: the new district's columns, its changed rate beside the district it was made from.
    assert code in "".join(columns(db, "tariffs_across_jurisdictions"))
    assert any(c.startswith(f"{code}_") for c in columns(db, "tariffs_across_settings"))
    old_code = before[doc_id].jurisdiction
    compared = db.execute(
        f'select "{old_code}{suffix}" as old, "{code}{suffix}" as new from tariffs_across_jurisdictions '
        f'where "{old_code}{suffix}" = ? and "{code}{suffix}" = ?', (old_value, new_value)).fetchall()
    assert compared


def next_year(text: str) -> str:
    """Bäyterek's 2026 decree as its 2027 one: the year, the date, the number, one rate."""
    text = text.replace("2026 жылға", "2027 жылға").replace("№ 668", "№ 701")
    text = re.sub(r'2025\s*жылғы\s*"?26"?\s*желтоқсан', "2026 жылғы 24 желтоқсан", text)
    return change_rate(text, "855,6", "900,0")


def test_next_years_decree_of_a_known_district_leaves_this_years_in_force(
        sources_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    decree = tmp_path / "baiterek-2027.txt"
    decree.write_text(next_year(source_text(sources_copy, "002")), encoding="utf-8")
    jurisdictions = load_jurisdictions(sources_copy)

    preview = kb_add(decree, sources_copy, capsys)
    assert "(baiterek, 2027)" in preview and "new jurisdiction" not in preview
    assert "002 (No. 668 of 2025-12-26, 2026) stays in force" in preview
    assert load_jurisdictions(sources_copy) == jurisdictions
    documents = {d.id: d for d in load_manifest(sources_copy)}
    added = documents["005"]
    assert (added.jurisdiction, added.year, added.number, added.date, added.status) == (
        "baiterek", 2027, "701", "2026-12-24", "in_force")
    assert (documents["002"].status, documents["002"].superseded_by) == ("in_force", "")

    kb = tmp_path / "kb.sqlite"
    build(kb, sources_copy)
    db = open_kb(kb)
    years = db.execute("select year, status, count(*) from tariffs where jurisdiction = 'baiterek' "
                       "group by year, status order by year").fetchall()
    assert [tuple(r) for r in years] == [(2026, "in_force", 76), (2027, "in_force", 76)]
    assert "  005: baiterek 2027, No. 701 of 2026-12-24, in_force" in kb_check(kb, sources_copy, capsys)

    # The views show both years: the comparison across years with the change, and the years apart elsewhere.
    assert {"rate_2026", "rate_2027", "rate_change_2027"} <= set(columns(db, "tariffs_across_years"))
    assert {"baiterek_home_2026", "baiterek_home_2027"} <= set(columns(db, "tariffs_across_settings"))
    changed = db.execute("select rate_2026, rate_2027, rate_change_2027 from tariffs_across_years "
                         "where jurisdiction = 'baiterek' and rate_change_2027 != 0").fetchall()
    assert [tuple(r) for r in changed] == [(855.6, 900.0, 44.4)]
    both = db.execute("select count(*) from tariffs_across_years where jurisdiction = 'baiterek' and years = 2")
    assert both.fetchone()[0] > 0
    by_year = db.execute("select year, count(baiterek) from tariffs_across_jurisdictions group by year")
    assert {year for year, n in by_year if n} == {2026, 2027}


def test_a_second_decree_for_one_year_supersedes_that_year_only(sources_copy: Path, tmp_path: Path) -> None:
    text = next_year(source_text(sources_copy, "002"))
    first, amended = tmp_path / "2027.txt", tmp_path / "2027-amended.txt"
    first.write_text(text, encoding="utf-8")
    amended.write_text(text.replace("№ 701", "№ 720"), encoding="utf-8")
    reports: list[str] = []
    one = add_decree(first, {}, confirm=lambda r: True, sources_dir=sources_copy)
    two = add_decree(amended, {}, confirm=lambda r: reports.append(r) or True, sources_dir=sources_copy)
    assert one is not None and two is not None
    assert f"supersedes {one.id}" in reports[0] and "002 (No. 668 of 2025-12-26, 2026) stays in force" in reports[0]
    statuses = {d.id: (d.status, d.superseded_by) for d in load_manifest(sources_copy)}
    assert statuses["002"] == ("in_force", "")
    assert statuses[one.id] == ("superseded", two.id) and statuses[two.id] == ("in_force", "")


def test_a_city_is_asked_its_russian_name_at_add(sources_copy: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture) -> None:
    text = source_text(sources_copy, "002").replace("Бәйтерек ауданы", "Орал қаласы").replace("№ 668", "№ 90")
    decree = tmp_path / "oral.txt"
    decree.write_text(text.replace("Бәйтерек", "Орал"), encoding="utf-8")
    with pytest.raises(ValueError, match="--name-ru"):
        add_decree(decree, {}, confirm=lambda r: True, sources_dir=sources_copy)
    prompts: list[str] = []
    added = add_decree(decree, {}, confirm=lambda r: True, sources_dir=sources_copy,
                       ask=lambda prompt: prompts.append(prompt) or "город Уральск")
    assert added is not None and added.jurisdiction == "oral" and len(prompts) == 1
    oral = {j.code: j for j in load_jurisdictions(sources_copy)}["oral"]
    assert (oral.kind, oral.parent, oral.name_ru, oral.issuer_ru, oral.name_en) == (
        "city", "oblast", "город Уральск", "Акимат города Уральск", "Oral city")
    assert added.title_ru == "Постановление акимата города Уральск № 90 о тарифах на 2026 год"
