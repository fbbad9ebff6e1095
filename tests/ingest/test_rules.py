"""The rules parser on 003 (2021 amendments, repealed): rule passages and the staffing-norm table."""

from __future__ import annotations

import pytest

from knowledge.domain import AS_PRINTED, Passage, StaffingNorm
from knowledge.ingest.manifest import load_manifest, read_source
from knowledge.ingest.parsers.rules import parse_rules
from knowledge.ingest.parsers.staffing_table import join_fragments, parse_table, row_values, split_position


@pytest.fixture(scope="module")
def document():
    return next(d for d in load_manifest() if d.id == "003")


@pytest.fixture(scope="module")
def parsed(document) -> tuple[list[StaffingNorm], list[Passage]]:
    return parse_rules(read_source(document), document)


def _rule(passages: list[Passage], item: str) -> Passage:
    found = [p for p in passages if p.kind == "rule" and p.item == item]
    assert len(found) == 1, item
    return found[0]


def test_amended_rule_paragraphs_with_their_opening_words(parsed):
    _, passages = parsed
    assert _rule(passages, "7").text.startswith("7. Стационарлық үлгідегі ұйымдарда:")
    assert _rule(passages, "10-1").text.startswith("10-1. Қауіпсіздікті қамтамасыз ету мақсатында")
    rule_23 = _rule(passages, "23")
    assert rule_23.text.startswith('5) "Зейнетақымен қамсыздандыру туралы" Заңда')
    assert rule_23.text.endswith("қарт адамдар.")
    assert rule_23.extra["subitem"] == "5)"
    assert rule_23.title.startswith("23-тармақтың 5) тармақшасы")  # label moved back in front by the parser


def test_rule_passages_keep_their_sub_items(parsed):
    _, passages = parsed
    rule = _rule(passages, "10-1")
    assert "2) бас және қосалқы кіру есіктері;" in rule.text
    assert len(rule.extra["subitems"]) == 6  # opening sentence, "Мыналар:", 1) 2) 3), closing sentence
    assert "интернетке қолжетімділігі" in _rule(passages, "7").text
    assert all(p.annex is None and p.line_start <= p.line_end for p in passages if p.kind == "rule")


def test_intro_names_the_amended_order_and_the_repeal(parsed):
    _, passages = parsed
    preamble = next(p for p in passages if p.item == "preamble")
    assert "№ 379" in preamble.text and "№ 230" in preamble.text and "Күші жойылды" in preamble.text
    order = {p.item: p for p in passages if p.kind == "paragraph" and p.annex is None}
    assert {"1", "2", "3", "4"} <= order.keys()
    assert "1-қосымша осы бұйрыққа қосымшаға сәйкес жаңа редакцияда жазылсын" in order["1"].text
    assert "Сарбасов" not in order["4"].text


def test_accountant_for_100_recipients_in_a_stationary_organisation(parsed):
    norms, _ = parsed
    hits = [n for n in norms if n.position == "Бухгалтер" and n.recipients == "51-100"]
    assert len(hits) == 1
    assert hits[0].value == "1"  # printed row 8: "- - 1 1 1 1 1 1 1 1 1"
    assert hits[0].item == "8" and "Стационарлық" in hits[0].table
    chief = [n for n in norms if n.position == "Бас бухгалтер" and n.recipients == "51-100"]
    assert [n.value for n in chief] == ["мекемеге 1бірлік"]  # merged "per institution" cell, as printed


def test_columns_and_a_full_row(parsed):
    norms, _ = parsed
    social = [n for n in norms if n.item == "33"]
    assert [n.recipients for n in social] == [
        "6-30 (1-ескертпе)", "25-ке дейін", "26-50", "51-100", "101-150", "151-200", "201-250", "251-300",
        "301-400", "401-500", "500-ден артық",
    ]
    assert [n.value for n in social] == ["1", "1,5", "2", "2,5", "3,5", "4,5", "5,5", "6,5", "8", "9,5", "10"]
    assert social[0].position == "Әлеуметтік жұмыс жөніндегі маман"  # name split across a page break


def test_all_norms_have_a_position_and_a_value(parsed):
    norms, _ = parsed
    assert len(norms) > 500
    assert all(n.position and n.value and n.item and n.line_start for n in norms)
    assert all(n.recipients for n in norms if n.item not in AMBIGUOUS)
    assert all(n.document == "003" for n in norms)


# Rows whose values cannot be put in their columns without guessing: 10 or 9 values for 11 columns (4, 17), values
# printed in two pieces across a page break, in an order the text does not keep (5, 59), or a count before a merged
# cell that may be the cell's own ("- 1 техникалық жүріп тұрған көлік құралына 1 бірлік": 21, 22, 44, 74).
AMBIGUOUS = {"4", "5", "17", "21", "22", "44", "59", "74"}


def test_ambiguous_rows_are_kept_as_printed_in_no_column_and_named(parsed):
    norms, passages = parsed
    read = {n.item for n in norms if n.recipients != AS_PRINTED}
    assert AMBIGUOUS.isdisjoint(read)
    printed = {n.item: n for n in norms if n.recipients == AS_PRINTED}
    assert set(printed) == AMBIGUOUS and len([n for n in norms if n.item in AMBIGUOUS]) == len(AMBIGUOUS)
    assert printed["44"].position == "Буфетші" and printed["44"].value == "- 0,5 0,5 50 қызмет алушыға 1 бірлік"
    assert printed["59"].value == "- - - 0,5 0,5 1 1 1 1 1 / 1"  # its two pieces, in printed order
    unread = passages[-1].extra["unread_rows"]
    assert {line.split()[0] for line in unread} == AMBIGUOUS
    assert "59 Дәріхана меңгерушісі (дәріхана болған жағдайда): values or merged text outside the value line" \
        " (page break)" in unread  # its "1" after the page break is a value, not note mark 1


def test_every_printed_row_is_read_in_every_column_unless_ambiguous(parsed):
    norms, passages = parsed
    printed = {row for p in passages if p.kind == "staffing_table" for row in p.extra["rows"]}
    items = {n.item for n in norms if n.recipients != AS_PRINTED}
    assert printed - items == AMBIGUOUS  # a long merged cell, or a row printed in pieces, is read
    assert items <= printed
    bands = [n.recipients for n in norms if n.item == "1"]
    assert len(bands) == 11
    assert all([n.recipients for n in norms if n.item == item] == bands for item in items)


def _row(norms: list[StaffingNorm], item: str) -> tuple[str, list[str]]:
    row = [n for n in norms if n.item == item]
    assert len({n.position for n in row}) == 1, item
    return row[0].position, [n.value for n in row]


SANITAR_GROUPS = (
    "Мыналардан: өзіне-өзі қызмет ету және жеке гигиенаның қарапайым дағдылары болмаған кезде - 6 адамнан (өздігінен "
    "қозғала және тамақтана алмайды), үнемі күтімді қажет етеді; өзіне-өзі қызмет ету және жеке гигиена дағдыларының "
    "қалыптасуы жағдайында - 8 адамнан (ішінара қалыптасқан) үнемі қадағалауды қажет етеді; тұрмыстық дағдылардың "
    "қалыптасуы жағдайында - 10 адамнан (ішінара қалыптасқан); қолының ептілігі дағдыларының қалыптасуы жағдайында - "
    "12 адамнан (еңбек бағдары бағдарламасын іске асыру үшін топ 6 адамнан шағын топқа бөлінеді) тұратын топқа 5,25 "
    "ставка")
POST_50 = ("әрбір тәулік бойы жұмыс істейтін постқа 5,25 ставка. Бір тәулік бойғы пост орналасатын алаңның болуын, "
           "қажеттілігі мен мүмкіндіктерді ескере отырып, кемінде 50 төсек-орынға қалыптастырылады")
NURSE_POST = ("әрбір тәулік бойғы постқа - 5,25 ставка. Бір тәулік бойғы пост орналасатын алаңның болуын, қажеттілігі мен "
              "мүмкіндіктерді ескере отырып, кемінде 50 төсек-орынға қалыптастырылады")


def test_long_merged_cells_are_read(parsed):
    norms, _ = parsed
    # alone in its row, a merged cell spans every column (35, 36: no "-" printed for the first one)
    assert _row(norms, "35") == ("Санитар-палатадығы (2-ескертпе)", [SANITAR_GROUPS] * 11)  # "палатадығы" as printed
    assert _row(norms, "36") == ("Санитар-палатадағы (3,4,5-ескертпе)", [POST_50] * 11)
    # "Мейірг" / "ер -": the first column's "-" printed after the end of the position
    assert _row(norms, "63") == ("Мейіргер", ["-"] + [NURSE_POST] * 10)
    # "-", a blank line, then the merged cell
    position, values = _row(norms, "61")
    assert position == "Емдік дене шынықтыру инструкторы" and values[0] == "-" and len(set(values[1:])) == 1
    assert values[1].startswith("тірек-қимыл аппараттары") and values[1].endswith("2 бірліктен көп емес")
    assert _row(norms, "19")[1][1].endswith("(бұдан әрі - үлгілік нормативтер)")
    # the merged cell before a page break, the rest of the position and the first column's "-" after it
    assert _row(norms, "23") == ("Бағбан (тазаланатын алаң 0,75 га кем емес)", ["-"] + ["мекемеге 1 бірлік"] * 10)


# A made-up excerpt of the table's layouts: four columns; a merged cell alone (1), after "-" on the position's last
# line (2), after "-" and a blank line (3), before a page break with its "-" after it (4); values split by a page
# break (5) stay unread. "␣" is a space ending a printed line (it ends a word of the narrow column).
EXCERPT = """Ең төмен штат нормативтері
6-301 25-ке
дейін 26-50 500-
ден артық
Шаруашылық персоналдың штат нормативтері

1

Санита
р-пала
тадағы
3

әрбір постқа 5,25 ставка, кемінде 50␣
төсек-орынға

2
Мейірг
ер -

әрбір постқа – 5,25 ставка

3

Лифте
р

-

үлгілік нормативтерге сәйкес

4

Бағбан
(алаң␣

мекемеге 1 бірлік



0,75 га␣
к е м␣␣
емес)

-

5

Медиц
иналы
қ

- 1 1



бөлім

1

      Ескертпе:
      1 – 6-дан 30-ға дейін бөлімшелерде енгізіледі;
      3 – психоневрологиялық ұйымдарға енгізіледі.
"""


def test_merged_cell_layouts_of_a_made_up_excerpt():
    lines = EXCERPT.replace("␣", " ").split("\n")
    notes_at = next(n for n, line in enumerate(lines, 1) if "Ескертпе" in line)
    _, columns, sections, notes = parse_table(lines, 1, notes_at)
    assert columns == ["6-30 (1-ескертпе)", "25-ке дейін", "26-50", "500-ден артық"]
    read = {}
    for row in sections[0].rows:
        position, marks = split_position(row.fragments, notes)
        read[row.item] = (position, marks, *row_values(row, len(columns)))
    assert read["1"] == ("Санитар-палатадағы", "3", ["әрбір постқа 5,25 ставка, кемінде 50 төсек-орынға"] * 4, "")
    assert read["2"] == ("Мейіргер", "", ["-"] + ["әрбір постқа - 5,25 ставка"] * 3, "")
    assert read["3"] == ("Лифтер", "", ["-"] + ["үлгілік нормативтерге сәйкес"] * 3, "")
    assert read["4"] == ("Бағбан (алаң 0,75 га кем емес)", "", ["-"] + ["мекемеге 1 бірлік"] * 3, "")
    # "1" alone after the page break is a value, not note mark 1: where it goes among "- 1 1" is not printed
    assert read["5"][:3] == ("Медициналық бөлім", "", None)


def test_staffing_tables_are_citable_passages(parsed):
    _, passages = parsed
    tables = [p for p in passages if p.kind == "staffing_table"]
    assert len(tables) == 9
    assert all(p.annex == 1 for p in tables)
    first = tables[0]
    assert first.item.startswith("Басшы жұмыскерлер") and "8. Бухгалтер: - - 1 1 1 1 1 1 1 1 1" in first.text
    rows = [row for p in tables for row in p.extra["rows"]]
    assert rows == [str(n) for n in range(1, 79)]  # every printed row, read or not


def test_join_fragments_rejoins_narrow_cells():
    assert join_fragments(["Директ", "ордың ", "әкiмшi", "лiк-ша", "руашы", "лық  ", "жұмыс", "жөнiнд", "е г i  ",
                           "орынб", "асары"]) == "Директордың әкімшілік-шаруашылық жұмыс жөніндегі орынбасары"
    assert join_fragments(["Ыдыс-", "а я қ  ", "жуушы"]) == "Ыдыс-аяқ жуушы"
