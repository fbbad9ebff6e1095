"""Translated names of the knowledge base's codes (settings, areas, jurisdictions, degrees, statuses, units)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps

from aiogram.utils.i18n import get_i18n
from aiogram.utils.i18n import gettext as _


def per_locale(function: Callable[[str | None], str]) -> Callable[[str | None], str]:
    """Each name is translated once per (code, locale): a reply card asks for several names, and building every
    dictionary of translations on each call was a large share of rendering."""

    @lru_cache(maxsize=256)
    def cached(code: str | None, locale: str) -> str:
        return function(code)

    @wraps(function)
    def name(code: str | None) -> str:
        return cached(code, get_i18n().current_locale)

    return name


@per_locale
def setting_name(code: str | None) -> str:
    names = {
        "stationary": _("stationary care"),
        "semi_stationary": _("semi-stationary care"),
        "home": _("home care"),
        "temporary": _("temporary stay"),
    }
    return names.get(code or "", code or "")


@per_locale
def area_name(code: str | None) -> str:
    return {"city": _("city"), "rural": _("rural area")}.get(code or "", code or "")


@per_locale
def jurisdiction_name(code: str | None) -> str:
    names = {
        "oblast": _("West Kazakhstan oblast"),
        "borli": _("Börli district"),
        "baiterek": _("Bäyterek district"),
        "national": _("national"),
    }
    return names.get(code or "", code or "")


@per_locale
def jurisdiction_short(code: str | None) -> str:
    """For buttons: a phone row holds three short names."""
    names = {"oblast": _("Oblast"), "borli": _("Börli"), "baiterek": _("Bäyterek")}
    return names.get(code or "", code or "")


@per_locale
def degree_name(code: str | None) -> str:
    names = {"gross": _("gross"), "significant": _("significant"), "minor": _("minor")}
    return names.get(code or "", code or "")


@per_locale
def status_name(code: str | None) -> str:
    names = {"in_force": _("in force"), "repealed": _("repealed"), "superseded": _("superseded")}
    return names.get(code or "", code or "")


@per_locale
def unit_name(code: str | None) -> str:
    return {"month": _("per recipient per month"), "day": _("per recipient per day")}.get(code or "", "")
