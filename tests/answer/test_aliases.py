"""The reviewed alias table, keyed by concept (kind + the Kazakh name's key): every item of the base has Russian and
English names through its concept, no row is stale, rows are clean, spot checks are faithful, and an act printed
again under another id gets the aliases at once."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from knowledge import SOURCES_DIR
from knowledge.answer.aliases import (
    ALIASES_PATH,
    HEADER,
    aliases_by_lang,
    concept_key,
    load_alias_rows,
    load_aliases,
)

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
NAMES = {  # kind → the query listing (document, annex, item, Kazakh name) of every item of that kind in the base
    "service": "select distinct document, annex, item, service from tariffs",
    "criterion": "select document, annex, item, criterion from criteria",
    "checklist": "select document, annex, item, requirement from checklist_items",
}


def kazakh_names(db: sqlite3.Connection) -> dict[tuple, str]:
    """(kind, document, annex, item) → the Kazakh name the base prints for it."""
    return {(kind, *row[:3]): row[3] for kind, query in NAMES.items() for row in db.execute(query)}


@pytest.fixture(scope="module")
def by_lang():
    return aliases_by_lang()


@pytest.fixture(scope="module")
def names(kb_path: Path) -> dict[tuple, str]:
    return kazakh_names(sqlite3.connect(kb_path))


def aliases_of(by_lang, names, kind: str, document: str, annex: int, item: int) -> dict[str, list[str]]:
    return by_lang.get(concept_key(kind, names[(kind, document, annex, item)])) or {"ru": [], "en": []}


@pytest.mark.parametrize(("kind", "document", "annex", "last"), COVERAGE)
def test_every_printed_item_has_ru_and_en_aliases_through_its_concept(by_lang, names, kind, document, annex, last):
    absent = [item for item in range(1, last + 1) if (kind, document, annex, item) not in names]
    assert absent == [], "the base lacks printed items"
    missing = [item for item in range(1, last + 1)
               if not all(aliases_of(by_lang, names, kind, document, annex, item)[lang] for lang in ("ru", "en"))]
    assert missing == []


def test_every_item_of_the_base_has_a_concept_with_aliases(by_lang, names):
    missing = [ident for ident, name in names.items() if concept_key(ident[0], name) not in by_lang]
    assert missing == []


def test_no_row_is_stale(by_lang, names):
    """Each concept of the table is printed by some item of the base (a changed name would leave rows behind)."""
    concepts = {concept_key(ident[0], name) for ident, name in names.items()}
    stale = sorted({row.kazakh_name[:60] for row in load_alias_rows() if row.key not in concepts})
    assert stale == []


def test_one_spelling_of_the_kazakh_name_per_concept():
    spellings: dict[tuple, set[str]] = {}
    for row in load_alias_rows():
        spellings.setdefault(row.key, set()).add(row.kazakh_name)
    assert [s for s in spellings.values() if len(s) > 1] == []


def test_items_printing_one_name_share_its_aliases(by_lang, names):
    """Massage is massage in every act and annex: items of one concept, however printed, get one alias list."""
    groups: dict[tuple, set[str]] = {}
    for ident, name in names.items():
        groups.setdefault(concept_key(ident[0], name), set()).add(name)
    printed = {"Дәрігерге дейінгі көмек көрсету", "Дәрігерге дейінгі көмекті көрсету"}
    assert any(printed <= group for group in groups.values())
    assert by_lang[concept_key("service", "дәрігерге дейінгі көмек көрсету")]["en"]


def test_file_parses_with_clean_unique_rows():
    raw = ALIASES_PATH.read_text(encoding="utf-8").splitlines()
    assert tuple(raw[0].split("\t")) == HEADER
    body = [line for line in raw[1:] if line.strip()]
    assert len(body) == len(set(body)), "duplicate rows"
    rows = load_alias_rows()
    assert len(rows) == len(body)
    assert all(row.alias.strip() and row.alias == row.alias.strip() for row in rows)


def test_at_most_three_aliases_per_language():
    for key, langs in aliases_by_lang().items():
        for lang, found in langs.items():
            assert len(found) <= 3, (key, lang, found)


def test_russian_aliases_are_cyrillic_and_english_are_not():
    for row in load_alias_rows():
        has_cyrillic = bool(re.search(r"[а-яё]", row.alias, re.IGNORECASE))
        assert has_cyrillic == (row.lang == "ru"), (row.line, row.alias)


def test_load_aliases_keeps_file_order_both_languages():
    aliases = load_aliases()
    key = concept_key("service", "Тырнақтарды кесу")
    rows = [r for r in load_alias_rows() if r.key == key]
    assert aliases[key] == [r.alias for r in rows]
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
def test_spot_checks(by_lang, names, document, annex, item, kazakh, ru, en):
    block = _source_block(document, annex, item)
    assert kazakh.lower() in block.lower(), f"{document}/{annex}/{item} is not the expected service: {block[:120]}"
    entry = aliases_of(by_lang, names, "service", document, annex, item)
    assert any(ru.lower() in alias.lower() for alias in entry["ru"]), entry["ru"]
    assert any(en.lower() in alias.lower() for alias in entry["en"]), entry["en"]


def test_severity_variants_stay_distinct(by_lang, names):
    moderate = aliases_of(by_lang, names, "service", "000", 1, 17)["en"][0]
    severe = aliases_of(by_lang, names, "service", "000", 1, 19)["en"][0]
    assert "moderate" in moderate and "severe" in severe and moderate != severe


def test_individual_work_plan_criteria(by_lang, names):
    for item in (3, 4):
        entry = aliases_of(by_lang, names, "criterion", "004", 1, item)
        assert any("индивидуального плана работы" in alias for alias in entry["ru"])
        assert any("individual work plan" in alias for alias in entry["en"])


# --- validation: a bad row is a ValueError naming its line ---

GOOD = "service\tТырнақтарды кесу\tru\tстрижка ногтей\n"


@pytest.mark.parametrize(
    "bad_row",
    [
        "service\tТырнақтарды кесу\tru\t\n",  # empty alias
        "service\tТырнақтарды кесу\tru\n",  # missing field
        "tariff\tТырнақтарды кесу\tru\tмассаж\n",  # unknown kind
        "service\t - \tru\tмассаж\n",  # a Kazakh name without words
        "service\tТырнақтарды кесу\tkk\tмассаж\n",  # unsupported language
        "service\tТырнақтарды кесу\tru\t массаж\n",  # stray white space
        "service\tтырнақтарын кесу\tru\tстрижка ногтей\n",  # the same concept and alias, otherwise spelt: duplicate
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
    path.write_text("kind\tdocument\tannex\titem\tlang\talias\n" + GOOD, encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        load_aliases(path)


# --- an act printed again under another id is known by its aliases at once ---


def test_a_copy_of_a_decree_under_another_id_gets_the_aliases(kb_path, tmp_path):
    """A district's decree for next year (here: Börli's copied as act 901) needs no alias rows of its own."""
    from knowledge.answer.engine import Engine

    path = tmp_path / "kb.sqlite"
    shutil.copyfile(kb_path, path)
    connection = sqlite3.connect(path)
    columns = [c[1] for c in connection.execute("pragma table_info(documents)")]
    row = dict(zip(columns, connection.execute("select * from documents where id = '001'").fetchone(), strict=True))
    connection.execute("update documents set status = 'superseded' where id = '001'")
    row.update(id="901", number="901")
    connection.execute(f"insert into documents ({', '.join(row)}) values ({', '.join('?' * len(row))})",
                       list(row.values()))
    tariff_columns = [c[1] for c in connection.execute("pragma table_info(tariffs)") if c[1] != "id"]
    connection.execute(f"insert into tariffs ({', '.join(tariff_columns)}) select "
                       + ", ".join("'901'" if c == "document" else c for c in tariff_columns)
                       + " from tariffs where document = '001'")
    connection.commit()
    connection.close()
    engine = Engine.open(path)
    new = [t for t in engine.catalogue.services if t.ident[0] == "901"]
    assert len(new) == 76 + 61 + 48
    assert all(t.local.get("ru") and t.local.get("en") for t in new)
    answer = engine.ask("Бөрлі на дому вызов врача на дом", "ru")
    assert answer.status == "answer" and answer.results[0].citation.document == "901"


def test_linen_is_washed_by_the_laundry_help(engine):
    """"киім-кешек" is clothes and linen: "стирка белья" asks Börli's laundry help, not the hand-over to a laundry."""
    answer = engine.ask("бурлинский на дому помощь в стирке белья бабушке, село, сколько тариф")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 37


def test_a_short_alias_says_what_tells_its_service_from_a_look_alike(engine) -> None:
    # item 108 teaches children and adults, 109 children: "special education for children" is 109's
    answer = engine.ask("stationary, occupational therapy instructor: special education for children, rate?")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 109


def test_a_landline_is_the_city_telephone_service(engine) -> None:
    answer = engine.ask("Oblast residential care: landline phone service, rural tariff per month?")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 10


@pytest.mark.parametrize(("question", "item"), [
    # the act prints halotherapy as "тұз кеніші" (a salt mine): a salt cave named with it is that service ...
    ("salt cave halotherapy in stationary care, nurse, rural", 102),
    ("галотерапия в соляной пещере, стационар, село", 102),
    # ... and cave therapy without it is still speleotherapy
    ("salt cave therapy in stationary care, rural", 59),
])
def test_a_service_named_by_its_own_word_beside_a_shared_description(engine, question, item):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == item


# The kinds of service a requirement lists ("әлеуметтік-психологиялық, әлеуметтік-педагогикалық ..."), each by the
# stem its Russian and English renderings write it with: two criteria differing only in their kinds are told apart by
# them, so a rendering dropping one sends a question naming that kind to the other criterion.
SERVICE_KINDS = {
    "әлеуметтік-тұрмыстық": ("быт", "household"),
    "әлеуметтік-медициналық": ("медицин", "medical"),
    "әлеуметтік-психологиялық": ("психолог", "psycholog"),
    "әлеуметтік-педагогикалық": ("педагог", "pedagog"),
    "әлеуметтік-еңбек": ("труд", "labour"),
    "әлеуметтік-мәдени": ("культур", "cultur"),
    "әлеуметтік-экономикалық": ("эконом", "econom"),
    "әлеуметтік-құқықтық": ("прав", "legal"),
}


def test_a_criterion_s_long_rendering_names_every_kind_of_service_it_lists(by_lang, names):
    dropped = []
    for (kind, *_), name in names.items():
        listed = [stems for word, stems in SERVICE_KINDS.items() if word in name.casefold()]
        if kind != "criterion" or len(listed) < 2:  # one kind: a short rendering may say "services" alone
            continue
        aliases = by_lang[concept_key(kind, name)]
        for lang, at in (("ru", 0), ("en", 1)):
            longest = max(aliases[lang], key=len).casefold()
            dropped += [(name[:60], lang, stems[at]) for stems in listed if stems[at] not in longest]
    assert dropped == []
