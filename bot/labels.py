"""Translated names of the knowledge base's codes (settings, areas, jurisdictions, degrees, statuses, units)."""

from __future__ import annotations

from aiogram.utils.i18n import gettext as _


def setting_name(code: str | None) -> str:
    names = {
        "stationary": _("stationary care"),
        "semi_stationary": _("semi-stationary care"),
        "home": _("home care"),
        "temporary": _("temporary stay"),
    }
    return names.get(code or "", code or "")


def area_name(code: str | None) -> str:
    return {"city": _("city"), "rural": _("rural area")}.get(code or "", code or "")


def jurisdiction_name(code: str | None) -> str:
    names = {
        "oblast": _("West Kazakhstan oblast"),
        "borli": _("Börli district"),
        "baiterek": _("Bäyterek district"),
        "national": _("national"),
    }
    return names.get(code or "", code or "")


def jurisdiction_short(code: str | None) -> str:
    """For buttons: a phone row holds three short names."""
    names = {"oblast": _("Oblast"), "borli": _("Börli"), "baiterek": _("Bäyterek")}
    return names.get(code or "", code or "")


def degree_name(code: str | None) -> str:
    names = {"gross": _("gross"), "significant": _("significant"), "minor": _("minor")}
    return names.get(code or "", code or "")


def status_name(code: str | None) -> str:
    names = {"in_force": _("in force"), "repealed": _("repealed"), "superseded": _("superseded")}
    return names.get(code or "", code or "")


def unit_name(code: str | None) -> str:
    return {"month": _("per recipient per month"), "day": _("per recipient per day")}.get(code or "", "")
