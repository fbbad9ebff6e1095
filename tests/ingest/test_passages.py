"""Citable passages of the tariff decrees: numbered paragraphs without the signature block, one per tariff row."""

from __future__ import annotations

from pathlib import Path

from knowledge.kb import open_kb


def paragraphs(kb_path: Path, document: str) -> dict[str, str]:
    return {row["item"]: row["text"] for row in open_kb(kb_path).execute(
        "select item, text from passages where document = ? and kind = 'paragraph'", (document,))}


def test_decree_paragraphs_are_numbered_and_end_before_the_signature(kb_path: Path) -> None:
    borli = paragraphs(kb_path, "001")
    assert set(borli) == {"preamble", *map(str, range(1, 8))}
    assert borli["7"].startswith("7. Осы қаулы") and borli["7"].endswith("қолданылады.")
    oblast = paragraphs(kb_path, "000")
    assert "1-қосымшасына" in oblast["1"]  # the indented continuation lines stay with their paragraph
    assert "1) осы қаулыға" in oblast["2"]  # and so do its sub-items
    for text in [*borli.values(), *oblast.values(), *paragraphs(kb_path, "002").values()]:
        assert "Тукжанов" not in text and "Төреғалиев" not in text and "Токжанов" not in text


def test_every_tariff_row_is_a_searchable_passage(kb_path: Path) -> None:
    db = open_kb(kb_path)
    rows = db.execute("select count(*) from tariffs").fetchone()[0]
    assert db.execute("select count(*) from passages where kind = 'tariff'").fetchone()[0] == rows
    hits = db.execute("select document, annex, item from passages_fts join passages on passages.id = "
                      "passages_fts.rowid where passages_fts match 'Электроэнцефалография'").fetchall()
    assert {(h["document"], h["annex"]) for h in hits} >= {("000", 1), ("000", 2)}
