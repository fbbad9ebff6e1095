"""Translated names of the knowledge base's codes (settings, areas, jurisdictions, degrees, statuses, units).

The names are the answer engine's labels (knowledge.answer.compose.label): a setting, an area or a status reads the
same in a reply card, on a button and in the engine's text. Jurisdictions are named by the manifest: results carry
their name, buttons take the short one from the engine's list.
"""

from __future__ import annotations

from aiogram.utils.i18n import get_i18n

from knowledge.answer.compose import label
from knowledge.domain import DEGREES, SETTINGS

AREAS = ("city", "rural")
STATUSES = ("in_force", "repealed", "superseded")
UNITS = ("month", "day")


def current_lang() -> str:
    return get_i18n().current_locale


def named(code: str | None, codes: tuple[str, ...]) -> str:
    """The label of a known code in the current language; any other code is shown as it is."""
    return label(code, current_lang()) if code in codes else code or ""


def setting_name(code: str | None) -> str:
    return named(code, SETTINGS)


def area_name(code: str | None) -> str:
    return named(code, AREAS)


def degree_name(code: str | None) -> str:
    return named(code, DEGREES)


def status_name(code: str | None) -> str:
    return named(code, STATUSES)


def unit_name(code: str | None) -> str:
    return label(code, current_lang()) if code in UNITS else ""
