"""The rules parser on 003 (2021 amendments, repealed): rule passages and the staffing-norm table."""

from __future__ import annotations

import pytest

from knowledge.domain import Passage, StaffingNorm
from knowledge.ingest.manifest import load_manifest, read_source
from knowledge.ingest.parsers.rules import parse_rules
from knowledge.ingest.parsers.staffing_table import join_fragments


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
    assert all(n.position and n.value and n.recipients and n.item and n.line_start for n in norms)
    assert all(n.document == "003" for n in norms)


def test_ambiguous_rows_are_left_out_and_named(parsed):
    norms, passages = parsed
    items = {n.item for n in norms}
    # 10 values for 11 columns, values split by a page break, or a count that may belong to a merged cell
    assert {"4", "5", "17", "19", "21", "44", "59"}.isdisjoint(items)
    unread = passages[-1].extra["unread_rows"]
    assert any(line.startswith("4 ") for line in unread)


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
