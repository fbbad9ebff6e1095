"""`komekshi eval FILE.jsonl...`: run question sets and score them (rules: ../shared/dev/README.md).

Each line: {"id", "q", "lang", "intent", "expect": {...}}. An answer is right when its status is allowed and, if it
is an answer, its best result is one of the expected ones. "Confidently wrong" = an answer (not a clarification)
that is wrong: the worst kind of error, listed separately.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from knowledge.domain import Answer

RATE_TOLERANCE = 0.005


@dataclass
class Outcome:
    id: str
    question: str
    lang: str
    intent: str
    correct: bool
    confidently_wrong: bool
    why: str  # what was wrong ("" when right)
    got: str  # short description of the answer
    seconds: float = 0.0


@dataclass
class EvalReport:
    outcomes: list[Outcome] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # unreadable lines

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def correct(self) -> int:
        return sum(o.correct for o in self.outcomes)

    @property
    def wrong(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct]

    @property
    def confidently_wrong(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.confidently_wrong]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def ok(self) -> bool:
        return bool(self.outcomes) and not self.wrong and not self.errors

    def by(self, attribute: str) -> dict[str, tuple[int, int]]:
        """(correct, total) per language or per intent."""
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for outcome in self.outcomes:
            key = getattr(outcome, attribute)
            counts[key][0] += outcome.correct
            counts[key][1] += 1
        return {key: (c, t) for key, (c, t) in sorted(counts.items())}

    def latency_ms(self, quantile: float) -> float:
        times = sorted(o.seconds for o in self.outcomes)
        if not times:
            return 0.0
        return 1000 * times[min(len(times) - 1, int(quantile * len(times)))]

    def score(self) -> str:
        """"160/316 (50.6%), confidently wrong: 9": the figures that compare across runs."""
        return (f"{self.correct}/{self.total} ({100 * self.accuracy:.1f}%), "
                f"confidently wrong: {len(self.confidently_wrong)}")

    def text(self) -> str:
        lines = [f"accuracy: {self.score()}, "
                 f"latency p50 {self.latency_ms(0.5):.2f} ms, p99 {self.latency_ms(0.99):.2f} ms"]
        for attribute in ("lang", "intent"):
            parts = [f"{key} {c}/{t}" for key, (c, t) in self.by(attribute).items()]
            lines.append(f"by {attribute}: " + ", ".join(parts))
        if self.confidently_wrong:
            lines.append("confidently wrong:")
            lines += [f"  {o.id} [{o.lang}/{o.intent}] {o.question!r}: {o.why}; got {o.got}" for o in self.confidently_wrong]
        other = [o for o in self.wrong if not o.confidently_wrong]
        if other:
            lines.append("wrong:")
            lines += [f"  {o.id} [{o.lang}/{o.intent}] {o.question!r}: {o.why}; got {o.got}" for o in other]
        if self.errors:
            lines.append("unreadable lines:")
            lines += [f"  {e}" for e in self.errors]
        return "\n".join(lines)


def load_questions(path: Path) -> tuple[list[dict], list[str]]:
    questions, errors = [], []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item.get("q"), str) or not isinstance(item.get("expect"), dict):
                raise ValueError("needs 'q' (text) and 'expect' (object)")
        except ValueError as error:
            errors.append(f"{path}:{number}: {error}")
            continue
        item.setdefault("id", f"line{number}")
        questions.append(item)
    return questions, errors


def run_eval(path: Path | str, engine) -> EvalReport:
    questions, errors = load_questions(Path(path))
    report = EvalReport(errors=errors)
    for item in questions:
        started = time.perf_counter()
        answer = engine.ask(item["q"])
        seconds = time.perf_counter() - started
        why = judge(item, answer)
        report.outcomes.append(Outcome(
            id=str(item["id"]), question=item["q"], lang=item.get("lang", "?"), intent=item.get("intent", "?"),
            correct=not why, confidently_wrong=bool(why) and answer.status == "answer", why=why,
            got=describe(answer), seconds=seconds))
    return report


def judge(item: dict, answer: Answer) -> str:
    """"" when the answer meets the expectation, else why not."""
    expect = item["expect"]
    wanted = expect.get("status", "answer")
    status = answer.status
    if wanted == "not_answer":
        return "" if status != "answer" else "answered a question that has no answer in the base"
    if wanted == "answer_or_clarify" and status == "clarify":
        return ""
    if status != "answer":
        return f"expected an answer, got {status}"
    intent = item.get("intent")
    if not answer.results:
        return "answer without results"
    best = answer.results[0].to_dict()
    if intent == "calculation" or "total" in expect:
        return _judge_calculation(expect, best)
    if "keys" in expect or intent == "tariff":
        return _judge_tariff(expect, answer, best)
    if "criteria" in expect or intent == "violation":
        return _judge_violation(expect, answer, best)
    if intent == "document" or "doc_status" in expect and intent != "staffing":
        return _judge_document(expect, best)
    if intent == "staffing":
        if not any(r.citation.status == "repealed" for r in answer.results):
            return "staffing answer does not cite the repealed act"
        return ""
    return ""


def _judge_tariff(expect: dict, answer: Answer, best: dict) -> str:
    area = expect.get("area")
    if area and answer.filters.area != area:
        return f"area {answer.filters.area!r}, expected {area!r}"
    if best.get("type") != "tariff":
        return f"best result is a {best.get('type')}, expected a tariff"
    for key in expect.get("keys", []):
        jurisdiction, setting, item, position, value = (list(key) + [None] * 5)[:5]
        if jurisdiction and best.get("jurisdiction") != jurisdiction:
            continue
        if setting and best.get("setting") != setting:
            continue
        if item is not None and str(best.get("item")) != str(item):
            continue
        if position and position.casefold() not in (best.get("position") or "").casefold():
            continue
        if value is not None and not _rate_matches(best, area, float(value)):
            continue
        return ""
    return "best tariff is none of the expected rows"


def _judge_calculation(expect: dict, best: dict) -> str:
    """A plan's cost: a calculation whose total is the expected one to the tiyn (compared as decimals) and whose
    lines are the expected tariff rows, in order: [jurisdiction, setting, item, position] each (None: any)."""
    if best.get("type") != "calculation":
        return f"best result is a {best.get('type')}, expected a calculation"
    if "total" in expect and Decimal(str(best.get("total"))) != Decimal(str(expect["total"])):
        return f"total {best.get('total')}, expected {expect['total']}"
    lines = best.get("lines") or []
    wanted = expect.get("lines")
    if wanted is not None and len(wanted) != len(lines):
        return f"{len(lines)} lines, expected {len(wanted)}"
    for number, (key, line) in enumerate(zip(wanted or [], lines, strict=False), 1):
        jurisdiction, setting, item, position = (list(key) + [None] * 4)[:4]
        tariff = line.get("tariff") or {}
        if ((jurisdiction and tariff.get("jurisdiction") != jurisdiction)
                or (setting and tariff.get("setting") != setting)
                or (item is not None and str(tariff.get("item")) != str(item))
                or (position and position.casefold() not in (tariff.get("position") or "").casefold())):
            return f"line {number} is {tariff.get('jurisdiction')}/{tariff.get('setting')}/{tariff.get('item')}"
    return ""


def _rate_matches(row: dict, area: str | None, value: float) -> bool:
    if row.get("rate") is not None:
        candidates = [row["rate"]]
    elif area in ("city", "rural"):
        candidates = [row.get(f"rate_{area}")]
    else:
        candidates = [row.get("rate_city"), row.get("rate_rural")]
    return any(c is not None and abs(float(c) - value) <= RATE_TOLERANCE for c in candidates)


def _judge_violation(expect: dict, answer: Answer, best: dict) -> str:
    if best.get("type") != "criterion":
        return f"best result is a {best.get('type')}, expected a criterion"
    criteria = expect.get("criteria")
    # item numbers are compared as printed, whether a set writes them as numbers or as text
    if criteria and str(best.get("item")) not in {str(number) for number in criteria}:
        return f"criterion {best.get('item')}, expected one of {criteria}"
    if "verdict" in expect and answer.verdict != expect["verdict"]:
        return f"verdict {answer.verdict!r}, expected {expect['verdict']!r}"
    return ""


def _judge_document(expect: dict, best: dict) -> str:
    if best.get("type") != "document":
        return f"best result is a {best.get('type')}, expected a document"
    if expect.get("jurisdiction") and best.get("jurisdiction") != expect["jurisdiction"]:
        return f"jurisdiction {best.get('jurisdiction')!r}, expected {expect['jurisdiction']!r}"
    if expect.get("number") and str(expect["number"]) not in str(best.get("number")):
        return f"number {best.get('number')!r}, expected {expect['number']!r}"
    if expect.get("doc_status") and best.get("status") != expect["doc_status"]:
        return f"status {best.get('status')!r}, expected {expect['doc_status']!r}"
    return ""


def describe(answer: Answer) -> str:
    if not answer.results:
        return f"{answer.status} ({answer.intent}, {len(answer.choices)} choices)"
    best = answer.results[0].to_dict()
    keys = ("jurisdiction", "setting", "item", "position", "rate_city", "rate_rural", "rate", "degree", "number",
            "status", "total")
    fields = ", ".join(f"{k}={best[k]}" for k in keys if best.get(k) is not None)
    return f"{answer.status} {best['type']} {fields}; verdict={answer.verdict}"
