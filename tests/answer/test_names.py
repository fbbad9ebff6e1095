"""Names in the reader's language for what the base prints in Kazakh only (job titles, checklist titles), and the
quoted printed name where none is known."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from knowledge.answer.names import checklist_title, load_names, position_name, quoted, shown


@pytest.fixture(scope="module")
def db(kb_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(kb_path)


def test_a_printed_name_is_quoted_outside_kazakh():
    assert quoted("Мейіргер", "kk") == "Мейіргер"
    assert quoted("Мейіргер", "ru") == "«Мейіргер»"
    assert quoted("Мейіргер", "en") == "“Мейіргер”"
    assert quoted("  ", "ru") == ""


def test_shown_prefers_the_name_in_the_language():
    assert shown("Тырнақтарды кесу", "стрижка ногтей", "ru") == "стрижка ногтей"
    assert shown("Тырнақтарды кесу", "nail cutting", "kk") == "Тырнақтарды кесу"
    assert shown("Тырнақтарды кесу", None, "en") == "“Тырнақтарды кесу”"


def test_position_names_from_both_tables():
    assert position_name("Мейіргер", "ru") == "медсестра"  # the tariff tables' names
    assert position_name("Массаж жасау жөніндегі мейіргер", "en") == "massage nurse"  # the staffing table's
    assert position_name("Мейіргер", "kk") == "Мейіргер"
    assert position_name("Белгісіз лауазым", "ru") == "«Белгісіз лауазым»"
    assert position_name("", "en") == ""


def test_every_position_and_checklist_of_the_base_has_a_russian_and_english_name(db):
    """A rule over every row: no job title or checklist title reaches a Russian or English reply in Kazakh."""
    titles = {row[0] for row in db.execute("select distinct position from tariffs") if row[0]}
    for lang in ("ru", "en"):
        missing = [t for t in titles if position_name(t, lang).startswith(("«", "“"))]
        assert not missing, (lang, missing)
    checklists = {row[0] for row in db.execute("select distinct title from checklist_items")}
    for lang in ("ru", "en"):
        assert not [t for t in checklists if checklist_title(t, lang).startswith(("«", "“"))]


def test_a_malformed_names_line_is_named(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_text("# comment\nposition\tlang\tname\nМейіргер\tde\tKrankenschwester\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3"):
        load_names(path)
