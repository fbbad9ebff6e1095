"""`kb check`'s report of Russian and English names: per act, how many services, criteria and requirements are named
through the alias table, how many only through the lexicon, and which are found by their Kazakh name only."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from knowledge.ingest.check import KAZAKH_ONLY_SHOWN, check, shorten
from knowledge.ingest.manifest import load_manifest
from knowledge.kb import open_kb

SECTION = "Russian and English names (alias table / lexicon only / Kazakh only)"


def names_section(text: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(SECTION)
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    return lines[start + 1:end]


@pytest.fixture
def reworded(kb_path: Path, tmp_path: Path) -> Path:
    """The base with two of Börli's home-care items printed anew: one in words the lexicon knows (no alias row has
    this wording), one in words it does not know."""
    path = tmp_path / "kb.sqlite"
    shutil.copyfile(kb_path, path)
    with sqlite3.connect(path) as db:
        db.execute("update tariffs set service = 'Қарттар мен мүгедектігі бар адамдардың киімдерін жуу' "
                   "where document = '001' and annex = 1 and item = 37")
        db.execute("update tariffs set service = 'Қырыққабат пен сәбіз тұздау' "
                   "where document = '001' and annex = 1 and item = 38")
    return path


def test_the_real_base_is_named_through_the_alias_table_everywhere(kb_path: Path) -> None:
    from knowledge.answer.catalogue import naming

    report = check(open_kb(kb_path), load_manifest(), names=naming().source)
    assert report.ok
    assert names_section(report.text()) == [
        "  000 services: 249: aliases 249, lexicon only 0, Kazakh only 0",
        "  001 services: 185: aliases 185, lexicon only 0, Kazakh only 0",
        "  002 services: 76: aliases 76, lexicon only 0, Kazakh only 0",
        "  004 criteria: 90: aliases 90, lexicon only 0, Kazakh only 0",
        "  004 requirements: 85: aliases 85, lexicon only 0, Kazakh only 0",
    ]


def test_a_reworded_service_is_named_by_the_lexicon_and_an_unknown_one_is_listed(reworded: Path) -> None:
    from knowledge.answer.catalogue import naming

    report = check(open_kb(reworded), load_manifest(), names=naming().source)
    section = names_section(report.text())
    assert section[1] == "  001 services: 185: aliases 183, lexicon only 1, Kazakh only 1"
    assert section[2] == "    Kazakh only: annex 1 item 38: Қырыққабат пен сәбіз тұздау"
    assert report.ok  # a to-do for the reviewer, not a gap


def test_without_the_lexicon_both_are_kazakh_only(reworded: Path) -> None:
    from knowledge.answer.catalogue import naming

    report = check(open_kb(reworded), load_manifest(), names=naming(lexicon=False).source)
    assert names_section(report.text())[1] == "  001 services: 185: aliases 183, lexicon only 0, Kazakh only 2"


def test_a_long_list_is_cut_and_names_shortened(kb_path: Path) -> None:
    report = check(open_kb(kb_path), load_manifest(), names=lambda kind, name: "kazakh")
    section = names_section(report.text())
    assert section[0] == "  000 services: 249: aliases 0, lexicon only 0, Kazakh only 249"
    listed = section[1:1 + KAZAKH_ONLY_SHOWN]
    assert all(line.startswith("    Kazakh only: annex 1 item ") for line in listed)
    assert all(len(line.split(": ", 1)[1]) <= 60 + len("annex 1 item 10: ") for line in listed)
    assert section[1 + KAZAKH_ONLY_SHOWN] == f"    … and {249 - KAZAKH_ONLY_SHOWN} more"


def test_the_section_needs_a_name_source(kb_path: Path) -> None:
    assert SECTION not in check(open_kb(kb_path), load_manifest()).text()


def test_shorten() -> None:
    assert shorten("  Массаж   жасау ") == "Массаж жасау"
    long = "сөз " * 40
    assert len(shorten(long)) == 60 and shorten(long).endswith("…")
