"""The reviewed alias table: full coverage of the tariff annexes and risk criteria, clean rows, faithful spot checks."""

from __future__ import annotations

import re

import pytest

from knowledge import SOURCES_DIR
from knowledge.answer.aliases import ALIASES_PATH, HEADER, aliases_by_lang, load_alias_rows, load_aliases

# Every item of every tariff annex, risk criterion (004 annex 1) and checklist requirement, as printed in the sources.
COVERAGE = [
    ("service", "000", 1, 146),
    ("service", "000", 2, 103),
    ("service", "001", 1, 76),
    ("service", "001", 2, 61),
    ("service", "001", 3, 48),
    ("service", "002", 1, 76),
    ("criterion", "004", 1, 90),
    # inspection checklists of 004 (annexes 2..7), numbered requirements as printed
    ("checklist", "004", 2, 3),
    ("checklist", "004", 3, 20),
    ("checklist", "004", 4, 20),
    ("checklist", "004", 5, 18),
    ("checklist", "004", 6, 8),
    ("checklist", "004", 7, 16),
]


@pytest.fixture(scope="module")
def by_lang():
    return aliases_by_lang()


@pytest.mark.parametrize(("kind", "document", "annex", "last"), COVERAGE)
def test_every_item_has_ru_and_en_aliases(by_lang, kind, document, annex, last):
    missing = [
        item for item in range(1, last + 1)
        if not (entry := by_lang.get((kind, document, annex, item))) or not entry["ru"] or not entry["en"]
    ]
    assert missing == []


@pytest.mark.parametrize(("kind", "document", "annex", "last"), COVERAGE)
def test_no_items_beyond_the_printed_range(by_lang, kind, document, annex, last):
    stray = [key for key in by_lang if key[:3] == (kind, document, annex) and not 1 <= key[3] <= last]
    assert stray == []


def test_file_parses_with_clean_unique_rows():
    raw = ALIASES_PATH.read_text(encoding="utf-8").splitlines()
    assert tuple(raw[0].split("\t")) == HEADER
    body = [line for line in raw[1:] if line.strip()]
    assert len(body) == len(set(body)), "duplicate rows"
    rows = load_alias_rows()
    assert len(rows) == len(body)
    assert all(row.alias.strip() and row.alias == row.alias.strip() for row in rows)


def test_every_alias_names_a_document_of_the_manifest():
    from knowledge.ingest.manifest import load_manifest

    documents = {d.id for d in load_manifest()}
    assert {row.document for row in load_alias_rows(ALIASES_PATH)} <= documents


def test_at_most_three_aliases_per_language():
    for key, langs in aliases_by_lang().items():
        for lang, names in langs.items():
            assert len(names) <= 3, (key, lang, names)


def test_russian_aliases_are_cyrillic_and_english_are_not():
    for row in load_alias_rows():
        has_cyrillic = bool(re.search(r"[а-яё]", row.alias, re.IGNORECASE))
        assert has_cyrillic == (row.lang == "ru"), (row.line, row.alias)


def test_load_aliases_keeps_file_order_both_languages():
    aliases = load_aliases()
    rows = [r for r in load_alias_rows() if r.key == ("service", "000", 1, 1)]
    assert aliases[("service", "000", 1, 1)] == [r.alias for r in rows]
    assert {r.lang for r in rows} == {"ru", "en"}


# --- spot checks: the item number is confirmed in the Kazakh source, the alias carries the expected key word ---

def _source_block(document: str, annex: int, item: int) -> str:
    """Lines of the tariff source from the item's number to the next number (000 prints "N.", 001/002 "N")."""
    path = next(SOURCES_DIR.glob(f"{document}_*.txt"))
    lines = path.read_text(encoding="utf-8").splitlines()
    # 002 has a single, unnumbered annex ("... қаулысына қосымша"); 000/001 print "N-қосымша" / "N - қосымша".
    annex_heading = r"қосымша" if document == "002" else rf"(^|\s){annex}\s*-\s*қосымша"
    start = next(i for i, line in enumerate(lines) if re.search(annex_heading + r"\s*$", line))
    dot = r"\." if document == "000" else r""
    begin = next(i for i in range(start, len(lines)) if re.match(rf"^{item}{dot}(\s|$)", lines[i]))
    end = next((i for i in range(begin + 1, len(lines)) if re.match(rf"^{item + 1}{dot}(\s|$)", lines[i])), len(lines))
    return re.sub(r"\s+", " ", " ".join(lines[begin:end]))


SPOT_CHECKS = [
    # (document, annex, item, Kazakh word in the source, expected ru word, expected en word)
    ("000", 1, 48, "УВЧ", "УВЧ", "UHF"),
    ("000", 2, 27, "УВЧ", "УВЧ", "UHF"),
    ("000", 1, 56, "Электроэнцефалогр", "ЭЭГ", "EEG"),
    ("000", 2, 35, "Электроэнцефалогр", "ЭЭГ", "EEG"),
    ("000", 1, 100, "массаж", "массаж", "massage"),
    ("000", 2, 63, "массаж", "массаж", "massage"),
    ("000", 1, 1, "Тырнақтарды", "ногт", "nail"),
    ("000", 1, 114, "Жестау", "жестов", "sign language"),
    ("001", 1, 10, "Дәрігерді үйге шақыру", "вызов врача на дом", "call a doctor home"),
    ("002", 1, 59, "дәрігерді үйге шақыру", "вызов врача на дом", "call a doctor home"),
    ("001", 3, 17, "куәландыратын", "удостоверени", "ID"),
]


@pytest.mark.parametrize(("document", "annex", "item", "kazakh", "ru", "en"), SPOT_CHECKS)
def test_spot_checks(by_lang, document, annex, item, kazakh, ru, en):
    block = _source_block(document, annex, item)
    assert kazakh.lower() in block.lower(), f"{document}/{annex}/{item} is not the expected service: {block[:120]}"
    entry = by_lang[("service", document, annex, item)]
    assert any(ru.lower() in alias.lower() for alias in entry["ru"]), entry["ru"]
    assert any(en.lower() in alias.lower() for alias in entry["en"]), entry["en"]


def test_severity_variants_stay_distinct(by_lang):
    moderate = by_lang[("service", "000", 1, 17)]["en"][0]
    severe = by_lang[("service", "000", 1, 19)]["en"][0]
    assert "moderate" in moderate and "severe" in severe and moderate != severe


def test_individual_work_plan_criteria(by_lang):
    for item in (3, 4):
        entry = by_lang[("criterion", "004", 1, item)]
        assert any("индивидуального плана работы" in alias for alias in entry["ru"])
        assert any("individual work plan" in alias for alias in entry["en"])


# --- validation: a bad row is a ValueError naming its line ---

GOOD = "service\t000\t1\t1\tru\tстрижка ногтей\n"


@pytest.mark.parametrize(
    "bad_row",
    [
        "service\t000\t1\t1\tru\t\n",  # empty alias
        "service\t000\t1\t1\tru\n",  # missing field
        "tariff\t000\t1\t1\tru\tмассаж\n",  # unknown kind
        "service\t0 7\t1\t1\tru\tмассаж\n",  # not a document id
        "service\t000\tone\t1\tru\tмассаж\n",  # annex not a number
        "service\t000\t1\t0\tru\tмассаж\n",  # item not positive
        "service\t000\t1\t1\tkk\tмассаж\n",  # unsupported language
        "service\t000\t1\t1\tru\t массаж\n",  # stray white space
        GOOD,  # duplicate of line 2
    ],
)
def test_bad_row_raises_naming_the_line(tmp_path, bad_row):
    path = tmp_path / "aliases.tsv"
    path.write_text("\t".join(HEADER) + "\n" + GOOD + bad_row, encoding="utf-8")
    with pytest.raises(ValueError, match="line 3"):
        load_aliases(path)


def test_bad_header_raises(tmp_path):
    path = tmp_path / "aliases.tsv"
    path.write_text("kind\tdoc\tannex\titem\tlang\talias\n" + GOOD, encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        load_aliases(path)
