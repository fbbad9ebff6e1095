"""Reviewed corrections (knowledge/sources/overrides.toml): department staff pin a value with a reason."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from knowledge.domain import TariffRow

FIELDS = ("rate_city", "rate_rural", "rate", "service", "position")


class OverrideError(ValueError):
    """An overrides entry is unusable; the message names the file, the entry and the fix."""


@dataclass(frozen=True)
class Override:
    document: str
    annex: int
    item: int
    position: str
    field: str
    value: float | str
    reason: str

    def matches(self, row: TariffRow) -> bool:
        return (row.document, row.annex, row.item, row.position) == (
            self.document, self.annex, self.item, self.position)


def load_overrides(path: Path) -> list[Override]:
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise OverrideError(f"{path}: not valid TOML ({error}); fix that line or remove it") from error
    overrides = []
    for number, entry in enumerate(data.get("override", []), start=1):
        where = f"{path}: override #{number}"
        try:
            override = Override(
                document=str(entry["document"]), annex=int(entry["annex"]), item=int(entry["item"]),
                position=str(entry["position"]), field=str(entry["field"]), value=entry["value"],
                reason=str(entry["reason"]).strip())
        except KeyError as error:
            raise OverrideError(f"{where} lacks {error}; give document, annex, item, position, field, value, reason") from error
        except (TypeError, ValueError) as error:
            raise OverrideError(f"{where}: {error}; annex and item must be whole numbers") from error
        if override.field not in FIELDS:
            raise OverrideError(f"{where}: field {override.field!r} is not one of {', '.join(FIELDS)}")
        if override.field.startswith("rate") and not isinstance(override.value, int | float):
            raise OverrideError(f"{where}: a rate value must be a number, not {override.value!r}")
        if not override.reason:
            raise OverrideError(f"{where}: a reason is required (who checked what, against which publication)")
        overrides.append(override)
    return overrides


def apply_overrides(rows: list[TariffRow], overrides: list[Override]) -> dict[Override, int]:
    """Apply every override in place; return how many rows each touched (0 = it matched nothing)."""
    applied = {}
    for override in overrides:
        touched = 0
        for row in rows:
            if override.matches(row):
                value = float(override.value) if override.field.startswith("rate") else str(override.value)
                setattr(row, override.field, value)
                row.override_reason = override.reason
                touched += 1
        applied[override] = touched
    return applied
