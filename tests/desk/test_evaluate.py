"""The eval runner: scoring rules, and the question sets kept passing."""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.desk.evaluate import run_eval

DATA = Path(__file__).resolve().parent / "data"


def test_dev_questions_all_pass(engine):
    lines = [line for line in (DATA / "questions.jsonl").read_text(encoding="utf-8").splitlines()
             if json.loads(line)["id"].startswith("dev")]
    assert len(lines) == 30
    report = run_eval(DATA / "questions.jsonl", engine)
    dev = [o for o in report.outcomes if o.id.startswith("dev")]
    assert all(o.correct for o in dev), "\n".join(f"{o.id}: {o.why}" for o in dev if not o.correct)


def test_whole_question_set_passes(engine):
    report = run_eval(DATA / "questions.jsonl", engine)
    assert report.total >= 250
    assert not report.errors, report.errors
    assert not report.confidently_wrong, report.text()
    assert report.ok and report.accuracy == 1.0, report.text()
    assert set(report.by("lang")) == {"kk", "ru", "en"}
    assert {"tariff", "violation", "checklist", "staffing", "document", "unknown"} <= set(report.by("intent"))


def test_wrong_expectation_is_counted_wrong(engine, tmp_path):
    questions = [
        {"id": "right", "q": "стационар УВЧ терапия медсестра город", "lang": "ru", "intent": "tariff",
         "expect": {"status": "answer", "area": "city", "keys": [["oblast", "stationary", "48", "мейіргер", 993]]}},
        {"id": "bad-rate", "q": "стационар УВЧ терапия медсестра город", "lang": "ru", "intent": "tariff",
         "expect": {"status": "answer", "area": "city", "keys": [["oblast", "stationary", "48", "мейіргер", 994]]}},
        {"id": "bad-verdict", "q": "отсутствие индивидуального плана работы это грубое нарушение?", "lang": "ru",
         "intent": "violation", "expect": {"status": "answer", "criteria": [3, 4], "verdict": "yes"}},
        {"id": "bad-status", "q": "price of a taxi to Uralsk", "lang": "en", "intent": "unknown",
         "expect": {"status": "answer"}},
    ]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in questions) + "\nnot json\n", encoding="utf-8")
    report = run_eval(path, engine)
    assert [o.id for o in report.outcomes if o.correct] == ["right"]
    assert {o.id for o in report.confidently_wrong} == {"bad-rate", "bad-verdict"}
    assert report.errors and not report.ok
    text = report.text()
    assert "bad-rate" in text and "by lang: ru 2/3" not in text and "accuracy: 1/4" in text
