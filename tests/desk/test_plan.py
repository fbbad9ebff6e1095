"""`komekshi plan FILE.csv`: the cost of a plan from a table, as text, JSON and a spreadsheet with the citations."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from knowledge.desk.cli import main
from knowledge.desk.plan import read_plan_csv

PLAN = """service,days,months,recipients
полустационар Бурлинский район ЛФК медбике,15,,2
полустационар Бурлинский район педагогическая коррекция логопед,15,,2
стационар село массаж медсестры по массажу,,2,2
"""


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_reads_columns_and_refuses_a_count_that_is_no_number():
    rows = read_plan_csv("Question,Days,Recipients\nЛФК,15,\n")
    assert [(r.service, r.days, r.months, r.recipients) for r in rows] == [("ЛФК", 15, None, 1)]
    with pytest.raises(ValueError, match="row 2"):
        read_plan_csv("service,days\nЛФК,15.5\n")
    with pytest.raises(ValueError, match="column"):
        read_plan_csv("name,days\nЛФК,15\n")


def test_plan_json_total_is_exact(kb_path, plan_file, capsys):
    assert main(["--kb", str(kb_path), "plan", str(plan_file), "--json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["type"] == "calculation" and not data["problems"]
    # 319.50 × 15 × 2 + 563.20 × 15 × 2 + 864.00 (rural) × 2 × 2
    assert data["total"] == "29937.00" == str(Decimal("9585.00") + Decimal("16896.00") + Decimal("3456.00"))
    assert [line["tariff"]["item"] for line in data["lines"]] == [23, 35, 100]
    assert data["mixed_units"] is True


def test_plan_xlsx_has_lines_total_and_citations_in_the_language(kb_path, plan_file, tmp_path, capsys):
    out = tmp_path / "plan.xlsx"
    assert main(["--kb", str(kb_path), "plan", str(plan_file), "--lang", "kk", "--xlsx", str(out)]) == 0
    assert "Барлығы: 29" in capsys.readouterr().out
    sheet = load_workbook(io.BytesIO(out.read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1] == "Қызмет" and rows[0][9] == "Дереккөз"
    assert [row[11] for row in rows[1:4]] == ["23", "35", "100"]
    assert "қаулы" in rows[1][9] and rows[1][12] == 2026
    assert rows[4][7] == "Барлығы" and Decimal(str(rows[4][8])) == Decimal("29937")


def test_an_ambiguous_row_is_reported_never_summed(kb_path, tmp_path, capsys):
    path = tmp_path / "plan.csv"
    path.write_text("service,days\nлогопед полустационар Бурлинский,10\n", encoding="utf-8")
    assert main(["--kb", str(kb_path), "plan", str(path)]) == 1
    out = capsys.readouterr().out
    assert "row 2" in out and "Логопед" in out and "Итого: 0,00" in out


def test_a_row_without_its_unit_count_is_left_out_and_reported(kb_path, tmp_path, capsys):
    path = tmp_path / "plan.csv"
    path.write_text("service,months\nполустационар Бурлинский район ЛФК медбике,2\n", encoding="utf-8")
    assert main(["--kb", str(kb_path), "plan", str(path), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "Total: 0.00" in out and "row 2" in out and "per-day tariff: give its days" in out
