"""`komekshi plan FILE.csv`: a care plan from a table, worked out and cited like a calculation question.

The CSV has a header row naming its columns: `service` (or `question`: the service as one would ask the tariff
of it, with the setting and district: "полустационар Бурлинский район ЛФК"), `days` and/or `months`, and
`recipients` (default 1). Each row's service is asked of the engine exactly as a tariff question; a row that is not
answered by one tariff row (ambiguous, not found) is reported with what to ask instead, and the command exits
non-zero: a plan is never summed over a guess. A row whose tariff unit has no count (a per-day tariff, no days) or
a city/rural row asked without the area is shown and left out of the total, with a warning, and reported too."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.answer.plan import NO_AREA, NO_COUNT, Line, Plan

SERVICE_COLUMNS = ("service", "question", "service/question", "услуга", "вопрос", "қызмет", "сұрақ")
COUNT_COLUMNS = {"days": ("days", "дни", "дней", "күн"), "months": ("months", "месяцы", "месяцев", "ай"),
                 "recipients": ("recipients", "получатели", "получателей", "алушылар", "алушы")}
UNIT_COUNT_COLUMN = {"day": "days", "month": "months"}


@dataclass
class PlanRow:
    number: int  # the row's line in the file
    service: str
    days: int | None = None
    months: int | None = None
    recipients: int = 1


@dataclass
class PlanOutcome:
    plan: Plan
    problems: list[str] = field(default_factory=list)  # rows not worked out, each with why and what to ask

    def to_dict(self) -> dict:
        return {**self.plan.to_dict(), "problems": self.problems}


def read_plan_csv(text: str) -> list[PlanRow]:
    """The plan's rows; a count that is not a whole number is a ValueError naming its row."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    heads = {(name or "").strip().casefold(): name for name in reader.fieldnames or []}
    service = next((heads[c] for c in SERVICE_COLUMNS if c in heads), None)
    if service is None:
        raise ValueError(f"the plan needs a column named one of: {', '.join(SERVICE_COLUMNS)}")
    counts = {key: next((heads[c] for c in names if c in heads), None) for key, names in COUNT_COLUMNS.items()}
    rows = []
    for number, record in enumerate(reader, 2):
        text_ = (record.get(service) or "").strip()
        if not text_:
            continue
        values = {}
        for key, column in counts.items():
            raw = (record.get(column) or "").strip() if column else ""
            if raw and not raw.isdigit():
                raise ValueError(f"row {number}: {key} must be a whole number, not {raw!r}")
            values[key] = int(raw) if raw else None
        rows.append(PlanRow(number, text_, values["days"], values["months"], values["recipients"] or 1))
    return rows


def work_out(rows: list[PlanRow], engine, lang: str) -> PlanOutcome:
    outcome = PlanOutcome(Plan())
    for row in rows:
        answer = engine.ask(row.service, lang)
        tariffs = [r for r in answer.results if r.type == "tariff"]
        if answer.status == "answer" and len(tariffs) == 1:
            line = Line(tariff=tariffs[0].to_dict(), area=answer.filters.area, days=row.days, months=row.months,
                        recipients=row.recipients)
            outcome.plan.lines.append(line)
            if line.status in (NO_COUNT, NO_AREA):  # shown and left out of the total; the file needs fixing
                outcome.problems.append(f"row {row.number}: {row.service!r}: " + (
                    f"a per-{line.unit} tariff: give its {UNIT_COUNT_COLUMN[line.unit]}" if line.status == NO_COUNT
                    else "city and rural rates differ: name the area in the service (город / село)"))
            continue
        why = "several tariff rows" if tariffs else answer.status
        offered = "; ".join(choice.query for choice in answer.choices[:5])
        outcome.problems.append(f"row {row.number}: {row.service!r}: {why}" + (f"; ask one of: {offered}"
                                                                                 if offered else ""))
    return outcome


def run_plan(path: Path, engine, lang: str) -> PlanOutcome:
    return work_out(read_plan_csv(Path(path).read_text(encoding="utf-8")), engine, lang)
