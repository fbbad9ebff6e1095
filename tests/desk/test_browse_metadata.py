"""The desk's Datasette metadata follows the base: a year facet on tariff rows, and every table and view it describes
exists (the comparison views are generated from the manifest)."""

from __future__ import annotations

from pathlib import Path

from knowledge.desk.browse import metadata
from knowledge.kb import open_kb


def test_tariff_rows_have_a_year_facet_and_every_described_view_exists(kb_path: Path) -> None:
    db = open_kb(kb_path)
    tables = metadata(db)["databases"]["kb"]["tables"]
    assert "year" in tables["tariffs"]["facets"] and "year" in tables["tariffs"]["columns"]
    present = {row[0] for row in db.execute("select name from sqlite_master where type in ('table', 'view')")}
    assert set(tables) <= present
    assert {"tariffs_across_jurisdictions", "tariffs_across_years"} <= set(tables)
    years = {row[0] for row in db.execute("select year from tariffs")}
    assert years == {row[0] for row in db.execute("select year from documents where kind = 'tariffs'")}
