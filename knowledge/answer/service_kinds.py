"""The kind of a special social service (social-household, social-medical, social-legal ...), as a tariff table's
heading prints it ("Әлеуметтік-тұрмыстық қызметтер") and as a risk criterion's requirement ends with it ("...
бойынша әлеуметтік-тұрмыстық қызметтерді ұсыну"). A service not provided breaks the requirement to provide its kind
in its setting: "тырнағын алмаған" finds nail cutting among the tariffs, a social-household service, so the
requirement of social-household services at home is the one broken, though no criterion prints "тырнақ"."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.answer.index import Target
from knowledge.text import loose

# "әлеуметтік-тұрмыстық", "Әлеуметтік - медициналық", "әлеуметтік- медициналық": the kind is the word after the hyphen
_KIND = re.compile(r"әлеуметтік\s*-\s*(\w+)\s+қызмет", re.IGNORECASE)
_LISTED = re.compile(r"әлеуметтік\s*-\s*(\w+)", re.IGNORECASE)  # a kind in a list ("әлеуметтік-тұрмыстық, ...")
_PROVIDING = re.compile(r"қызмет\w*\s+(ұсыну|көрсету)$", re.IGNORECASE)  # "... қызметтерді ұсыну" ends a requirement


@lru_cache(maxsize=4096)
def _kinds(text: str) -> tuple[str, ...]:
    return tuple(loose(kind) for kind in _KIND.findall(text or ""))


def service_kind(target: Target) -> str | None:
    """A tariff item's kind: its table heading's."""
    kinds = _kinds(str(target.rows[0].get("category") or "")) if target.rows else ()
    return kinds[0] if kinds else None


def required_kind(target: Target) -> str | None:
    """The kind of services a criterion requires to be provided: the last one its text names, the one it ends
    with ("... бойынша әлеуметтік-тұрмыстық қызметтерді ұсыну"); None for criteria of another sort (deadlines,
    access, complaints naming several kinds)."""
    kinds = _kinds(target.names[0])
    text = target.names[0].rstrip(" .;")
    if not kinds or not _PROVIDING.search(text):
        return None
    return kinds[-1]


def failed_kinds(target: Target) -> tuple[str, ...]:
    """The kinds a criterion of the guaranteed volume not fulfilled lists ("әлеуметтік-тұрмыстық, әлеуметтік-
    медициналық қызметтердің кепілдік берілген көлемінің орындалмауына ... шағымдар"): the complaints, the media and
    the reports each split that failure in two degrees by kind, so the kind of the service not provided decides."""
    text = target.names[0]
    if "кепілдік" not in text.casefold() or required_kind(target):
        return ()
    return tuple(dict.fromkeys(loose(kind) for kind in _LISTED.findall(text)))


def _table(target: Target) -> tuple:
    return target.jurisdiction, target.setting, target.ident[:2]


class Kinds:
    """The kinds of services of a catalogue: each tariff item's (from tables printing more than one heading: a table
    under one heading for all its items tells nothing) and the criteria requiring each kind."""

    def __init__(self, services: list[Target], criteria: list[Target]) -> None:
        kinds = {id(t): service_kind(t) for t in services}
        headings: dict[tuple, set[str]] = {}  # a table's headings
        for target in services:
            if kinds[id(target)]:
                headings.setdefault(_table(target), set()).add(kinds[id(target)])
        self._told = {id(t): kinds[id(t)] for t in services if len(headings.get(_table(t), ())) > 1}
        self._criteria: dict[str, frozenset[int]] = {}
        self._failed: dict[str, frozenset[int]] = {}
        for index, target in enumerate(criteria):
            if kind := required_kind(target):
                self._criteria[kind] = self._criteria.get(kind, frozenset()) | {index}
            for kind in failed_kinds(target):
                self._criteria[kind] = self._criteria.get(kind, frozenset()) | {index}
                self._failed[kind] = self._failed.get(kind, frozenset()) | {index}

    def of_service(self, target: Target) -> str | None:
        return self._told.get(id(target))

    def criteria(self, kind: str) -> frozenset[int]:
        return self._criteria.get(kind, frozenset())

    def failed(self, kind: str) -> frozenset[int]:
        """The criteria of a way of coming to light (complaints, the media, reports) listing `kind` as not rendered."""
        return self._failed.get(kind, frozenset())
