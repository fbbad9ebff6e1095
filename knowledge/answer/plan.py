"""The cost of a care plan: one line per service (tariff × days or months × recipients), the total, in exact decimals.

A line is made from the tariff result it came from (`Result.to_dict()` of a tariff answer), so the engine, the
`komekshi plan` desk command and the bot's plan (kept as JSON in the FSM storage) compute and word it alike. A
per-day tariff is counted by days, a per-month one by months; a line whose unit has no count, whose area is not
known for a city/rural table, or whose tariff is 0 ("no tariff set") is shown and left out of the total, with a
warning. Money is never a float here: rates are read through their printed decimal form."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from knowledge.answer.compose import cite, label
from knowledge.answer.names import position_name, quoted
from knowledge.domain import Citation
from knowledge.i18n import money, money_exact

CENT = Decimal("0.01")
COUNTED, NO_TARIFF, NO_COUNT, NO_AREA = "counted", "no_tariff", "no_count", "no_area"
UNIT_COUNT = {"day": "plan_days", "month": "plan_months"}  # a tariff's unit → the label of its count


def decimal(value: object) -> Decimal | None:
    """A rate as an exact decimal: 319.5 → Decimal("319.50") (through its shortest printed form, never the binary
    float's expansion)."""
    if value is None or value == "":
        return None
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Line:
    tariff: dict  # the tariff result the line came from (Result.to_dict(): fields, score, citation)
    area: str | None = None  # city | rural: which rate of a two-rate table
    days: int | None = None
    months: int | None = None
    recipients: int = 1

    @property
    def unit(self) -> str:
        return self.tariff.get("unit") or "month"

    @property
    def quantity(self) -> int | None:
        """The days of a per-day tariff, the months of a per-month one."""
        return self.days if self.unit == "day" else self.months

    @property
    def rate(self) -> Decimal | None:
        """The rate that applies: the table's one rate, or the asked area's; None when the area is not known."""
        t = self.tariff
        if t.get("rate") is not None and t.get("rate_city") is None and t.get("rate_rural") is None:
            return decimal(t["rate"])
        return decimal(t.get(f"rate_{self.area}")) if self.area in ("city", "rural") else None

    @property
    def status(self) -> str:
        rate = self.rate
        if rate is None:
            return NO_AREA
        if rate == 0:
            return NO_TARIFF
        return COUNTED if self.quantity else NO_COUNT

    @property
    def amount(self) -> Decimal | None:
        """rate × days or months × recipients, to the tiyn; None when the line is not counted."""
        if self.status != COUNTED:
            return None
        return (self.rate * self.quantity * self.recipients).quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def citation(self) -> Citation:
        return Citation(**self.tariff["citation"])

    def to_dict(self) -> dict:
        rate, amount = self.rate, self.amount
        return {"tariff": self.tariff, "area": self.area, "unit": self.unit, "days": self.days,
                "months": self.months, "quantity": self.quantity, "recipients": self.recipients,
                "rate": None if rate is None else str(rate), "amount": None if amount is None else str(amount),
                "status": self.status}

    @classmethod
    def from_dict(cls, data: dict) -> Line:
        return cls(tariff=data["tariff"], area=data.get("area"), days=data.get("days"), months=data.get("months"),
                   recipients=int(data.get("recipients") or 1))


@dataclass
class Plan:
    lines: list[Line] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines if line.amount is not None), Decimal("0.00"))

    @property
    def units(self) -> list[str]:
        return sorted({line.unit for line in self.lines})

    @property
    def mixed(self) -> bool:
        """Per-day and per-month tariffs in one plan: each is counted by its own unit, and the reader is told."""
        return len(self.units) > 1

    def to_dict(self) -> dict:
        return {"type": "calculation", "lines": [line.to_dict() for line in self.lines], "total": str(self.total),
                "currency": "KZT", "units": self.units, "mixed_units": self.mixed}

    @classmethod
    def from_dict(cls, data: dict) -> Plan:
        return cls([Line.from_dict(line) for line in data.get("lines") or []])

    def set(self, *, days: int | None = None, months: int | None = None, recipients: int | None = None) -> None:
        """The same count for every line (the bot's buttons change the plan as a whole)."""
        for line in self.lines:
            if days is not None:
                line.days = days
            if months is not None:
                line.months = months
            if recipients is not None:
                line.recipients = recipients

    def text(self, lang: str, *, total: bool = True) -> str:
        """The plan in the reply language: a numbered line per service with its sum and source, the total (unless
        `total` is False: a plan whose counts are still asked for has none), then what was left out of it and why."""
        rows = [label("plan_head", lang)]
        for number, line in enumerate(self.lines, 1):
            rows.append(f"{number}. {line_title(line, lang)}")
            rows.append(f"   {line_sum(line, lang)}")
            year = line.tariff.get("year")
            source = label("source", lang) + (f" ({year})" if year else "")
            rows.append(f"   {source}: {cite(line.citation, lang)}")
            if line.tariff.get("flagged"):
                rows.append("   ⚠ " + label("flagged", lang))
        if total:
            rows.append(label("plan_total", lang).format(total=money_exact(self.total, lang)))
        rows += [f"⚠ {warning}" for warning in self.warnings(lang)]
        if self.mixed:
            rows.append("ℹ " + label("plan_mixed", lang))
        return "\n".join(rows)

    def warnings(self, lang: str) -> list[str]:
        left = [(n, line) for n, line in enumerate(self.lines, 1) if line.status != COUNTED]
        return [label(f"plan_{line.status}", lang).format(n=n) for n, line in left]


def line_title(line: Line, lang: str) -> str:
    """"Service — Position, Бөрлі ауданы, жартылай стационар"."""
    t = line.tariff
    where = ", ".join(part for part in (t.get("jurisdiction_name"), label(t.get("setting") or "", lang)) if part)
    return f"{service_title(t, lang)} — {position_name(t.get('position') or '', lang)}" + (f" ({where})" if where else "")


def service_title(tariff: dict, lang: str) -> str:
    """The service as the tariff answer named it in the reader's language (its `service_name`), else as printed
    (quoted outside Kazakh)."""
    return tariff.get("service_name") or quoted(tariff.get("service") or "", lang)


def line_sum(line: Line, lang: str) -> str:
    """"319,50 ₸ × 15 days × 1 recipient(s) = 4 792,50 ₸ (per recipient per day)"; a line not counted says why."""
    unit = label(line.unit, lang)
    rate = line.rate
    if rate is None:
        shown = "; ".join(f"{label(a, lang)}: {money(decimal(line.tariff.get('rate_' + a)), lang)}"
                          for a in ("city", "rural"))
        return f"{shown} ({unit}) — {label('plan_not_counted', lang)}"
    if rate == 0:
        return f"{money(rate, lang)} — {label('plan_not_counted', lang)}"
    count = label(UNIT_COUNT.get(line.unit, "plan_months"), lang)
    quantity = count.format(n=line.quantity if line.quantity else "?")
    recipients = label("plan_recipients", lang).format(n=line.recipients)
    amount = money_exact(line.amount, lang) if line.amount is not None else label("plan_not_counted", lang)
    two_rates = line.tariff.get("rate_city") is not None or line.tariff.get("rate_rural") is not None
    rate_text = f"{money(rate, lang)} ({label(line.area, lang)})" if two_rates and line.area else money(rate, lang)
    return f"{rate_text} × {quantity} × {recipients} = {amount} ({unit})"
