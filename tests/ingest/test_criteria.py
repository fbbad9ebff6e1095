"""`004` risk criteria (annex 1), checklists (annexes 2..7) and passages, checked against hand-read tables."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from tables import DATA, read_table

from knowledge.domain import DEGREE_KK, DEGREES
from knowledge.ingest.manifest import load_manifest, read_source
from knowledge.ingest.parsers.criteria import CriteriaLayoutError, parse_criteria

# Requirement counts per checklist annex, read from the printed tables (last row number of each).
CHECKLIST_SIZES = {2: 3, 3: 20, 4: 20, 5: 18, 6: 8, 7: 16}


def _squash(text: str) -> str:
    """Compare texts without white space: spacing around punctuation and PDF letter-spacing are join_cell's job."""
    return re.sub(r"\s+", "", text)



@pytest.fixture(scope="module")
def document():
    return next(d for d in load_manifest() if d.id == "004")


@pytest.fixture(scope="module")
def source(document) -> str:
    return read_source(document)


@pytest.fixture(scope="module")
def parsed(source, document):
    return parse_criteria(source, document)


@pytest.fixture(scope="module")
def criteria(parsed):
    return {criterion.item: criterion for criterion in parsed[0]}


def test_items_run_1_to_90_without_gaps_or_duplicates(parsed):
    assert [criterion.item for criterion in parsed[0]] == list(range(1, 91))


def test_every_criterion_equals_the_hand_read_table(criteria):
    table = read_table(DATA / "criteria-full.csv")
    assert [int(row["item"]) for row in table] == list(range(1, 91))
    for row in table:
        criterion = criteria[int(row["item"])]
        exported = criterion.export()
        for name in ("section", "degree", "degree_kk"):
            assert exported[name] == row[name], (row["item"], name)
        assert _squash(criterion.criterion) == _squash(row["criterion"]), row["item"]


def test_sample_rows_match(criteria):
    for row in read_table(DATA / "criteria-sample.csv"):
        criterion = criteria[int(row["item"])]
        assert (criterion.degree, criterion.degree_kk) == (row["degree"], row["degree_kk"]), row["item"]
        assert _squash(criterion.criterion) == _squash(row["criterion"]), row["item"]


def test_degree_counts_are_plausible_and_equal_the_printed_table(parsed, source):
    counts = Counter(criterion.degree for criterion in parsed[0])
    assert set(counts) == set(DEGREES)
    assert counts == Counter(row["degree"] for row in read_table(DATA / "criteria-full.csv"))
    # Independent of the parser: the degree words printed in annex 1's table, one per row.
    lines = source.splitlines()[parsed[0][0].line_start - 1 : parsed[0][-1].line_end]
    printed = Counter(
        word for line in lines for word in re.findall(r"(?:^|\s)(өрескел|елеулі|болмашы)\s*$", line)
    )
    assert counts == Counter({degree: printed[DEGREE_KK[degree]] for degree in DEGREES})
    assert counts["significant"] > counts["gross"] > counts["minor"] > 0


def test_degree_word_is_printed_inside_each_criterion_span(parsed, source):
    lines = source.splitlines()
    previous_end = 0
    for criterion in parsed[0]:
        assert DEGREE_KK[criterion.degree] == criterion.degree_kk
        assert previous_end < criterion.line_start <= criterion.line_end
        span = "\n".join(lines[criterion.line_start - 1 : criterion.line_end])
        assert re.search(rf"(?:^|\s){criterion.degree_kk}\s*$", span, re.MULTILINE), criterion.item
        assert re.search(rf"^{criterion.item}(\s|$)", span, re.MULTILINE), criterion.item
        previous_end = criterion.line_end


def test_sections_follow_the_heading_rows(parsed):
    sections = [criterion.section for criterion in parsed[0]]
    assert len(set(sections)) == 4
    assert all(section and not re.match(r"\d", section) for section in sections)
    assert sections[70] != sections[71]  # "2. Мемлекеттік органдардың ..." opens at item 72
    assert sections[83] != sections[84] and sections[84].startswith("Расталған шағымдар")


def test_missing_individual_work_plan_is_significant(criteria, parsed):
    about_plan = [c.item for c in parsed[0] if "жеке жұмыс жоспар" in c.criterion.casefold()]
    assert about_plan == [3, 4]
    for item in about_plan:
        assert (criteria[item].degree, criteria[item].degree_kk) == ("significant", "елеулі")


def test_definitions_of_gross_and_significant_violations(parsed):
    definitions = {p.extra["degree"]: p for p in parsed[2] if p.kind == "definition"}
    assert {"gross", "significant"} <= set(definitions)
    assert "елеулі бұзушылық" in definitions["significant"].text
    assert "өрескел бұзушылық" in definitions["gross"].text
    assert (definitions["significant"].item, definitions["gross"].item) == ("2)", "3)")
    for passage in definitions.values():
        assert passage.extra["paragraph"] == "2"  # sub-paragraphs of paragraph 2 of the criteria
        assert passage.line_start < passage.line_end
        assert len(passage.text) > 300  # the whole list of violations, not just the first line
    # The significant definition names the missing individual work plan.
    assert "жеке жұмыс жоспар" in definitions["significant"].text


def test_order_paragraphs_are_passages(parsed):
    body = [p for p in parsed[2] if p.annex is None and p.kind == "paragraph"]
    labels = [p.item for p in body if p.extra.get("amends") is None and p.item.isdigit()]
    assert labels == ["1", "2", "3", "4"]
    assert all(p.text for p in body)
    assert not any("____" in p.text for p in parsed[2])  # signatures are not paragraphs


def test_every_criterion_and_requirement_is_a_passage(parsed):
    criteria, items, passages = parsed
    by_kind = Counter(p.kind for p in passages)
    assert by_kind["criterion"] == len(criteria) and by_kind["checklist"] == len(items)
    criterion_passages = {p.item: p for p in passages if p.kind == "criterion"}
    for criterion in criteria:
        passage = criterion_passages[str(criterion.item)]
        assert (passage.annex, passage.text, passage.extra["degree"]) == (1, criterion.criterion, criterion.degree)
    checklist_passages = {(p.annex, p.item): p.text for p in passages if p.kind == "checklist"}
    assert all(checklist_passages[(i.annex, str(i.item))] == i.requirement for i in items)


def test_checklists_have_titles_and_continuous_requirements(parsed):
    items = parsed[1]
    assert {item.annex for item in items} == set(CHECKLIST_SIZES)
    for annex, size in CHECKLIST_SIZES.items():
        rows = [item for item in items if item.annex == annex]
        assert [item.item for item in rows] == list(range(1, size + 1)), annex
        titles = {item.title for item in rows}
        assert len(titles) == 1 and next(iter(titles)).endswith("тексеру парағы"), annex
        assert all(item.requirement and item.line_start <= item.line_end for item in rows)
    titles = {item.annex: item.title for item in items}
    assert titles[4].startswith("Үйде қызмет көрсету") and titles[5].startswith("Уақытша болу")


def test_checklist_rows_broken_by_a_page_keep_both_halves(parsed):
    by_key = {(item.annex, item.item): item.requirement for item in parsed[1]}
    # Annex 3 row 6 starts at the foot of a page, before its number; row 4 ends at the top of the next page.
    assert by_key[(3, 6)].startswith("Стационар және жартылай стационар жағдайларында тұрғын алаң")
    assert by_key[(3, 5)].endswith("ұсыну")
    assert by_key[(3, 4)].endswith("құжаттардың болуы")
    assert by_key[(7, 12)].startswith("Әлеуметтік қызметтер порталында") and "9)" in by_key[(7, 12)]


def _edit(source: str, line_number: int, new: str) -> str:
    lines = source.splitlines()
    lines[line_number - 1] = new
    return "\n".join(lines)


def test_a_lost_row_number_is_refused(source, document, criteria):
    broken = _edit(source, criteria[7].line_start, "")
    with pytest.raises(CriteriaLayoutError, match="without a row number"):
        parse_criteria(broken, document)


def test_a_skipped_row_number_is_refused(source, document, criteria):
    broken = _edit(source, criteria[7].line_start, "70")
    with pytest.raises(CriteriaLayoutError, match="out of sequence"):
        parse_criteria(broken, document)


def test_a_lost_degree_is_refused(source, document, criteria):
    broken = _edit(source, criteria[2].line_end, "")
    with pytest.raises(CriteriaLayoutError, match="no degree"):
        parse_criteria(broken, document)


def test_disagreeing_row_cues_are_refused(source, document, criteria):
    # Row 23's first line, printed before its number: in lower case it would read as the tail of row 22,
    # but no page break separates it from row 22's degree.
    first = source.splitlines()[criteria[23].line_start - 1]
    broken = _edit(source, criteria[23].line_start, first[0].lower() + first[1:])
    with pytest.raises(CriteriaLayoutError):
        parse_criteria(broken, document)
