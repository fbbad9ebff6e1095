"""Russian, English and everyday Kazakh names of the staffing-norm positions (data/staffing_names.tsv): the act
prints its staffing table in Kazakh only, and people ask for "массажист", "прачка" or "psychologist"."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from knowledge import PACKAGE_DIR
from knowledge.text import loose, tokens

STAFFING_NAMES_PATH = PACKAGE_DIR / "data" / "staffing_names.tsv"
LANGS = ("kk", "ru", "en")
_NOTE = re.compile(r"\(\s*[\d,\s]+-?\s*ескертпе\s*\)|\b[\d,]+\s*-\s*ескертпе\b", re.IGNORECASE)

Names = dict[str, dict[str, list[str]]]  # position key → lang → names


def position_key(title: str) -> str:
    """A staffing position as compared: its loose words, without the note marks the table prints after it."""
    return " ".join(loose(t) for t in tokens(_NOTE.sub(" ", title or "")))


@lru_cache(maxsize=2)
def staffing_names(path: Path = STAFFING_NAMES_PATH) -> Names:
    """position key → {lang: names}; a malformed line is an error naming it (the file is reviewed data)."""
    names: Names = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("position\t"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[1] not in LANGS or not fields[0].strip() or not fields[2].strip():
            raise ValueError(f"{path.name} line {number}: expected position, lang (kk|ru|en), name: {fields!r}")
        names.setdefault(position_key(fields[0]), {}).setdefault(fields[1], []).append(fields[2].strip())
    return names
