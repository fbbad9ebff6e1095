"""Job titles printed in the position column of the PDF tariff decrees (data/positions.toml), and how they compare."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from knowledge import PACKAGE_DIR
from knowledge.text import fold

POSITIONS_PATH = PACKAGE_DIR / "data" / "positions.toml"


@lru_cache(maxsize=1)
def _positions() -> dict:
    return tomllib.loads(POSITIONS_PATH.read_text(encoding="utf-8"))


def printed_positions() -> tuple[str, ...]:
    return tuple(_positions()["printed"])


def russian_positions() -> frozenset[str]:
    """Titles printed in Russian in a Kazakh table: kept, but flagged for review."""
    return frozenset(_positions().get("russian", ()))


@lru_cache(maxsize=65536)  # the parser asks of the same cells over and over, and every act prints the same titles
def position_key(text: str) -> str:
    """Letters, digits and hyphens, case-folded: wrapped and letter-spaced titles compare equal, while
    "Дефектолог-мұғалім" and "Дефектолог мұғалім" (both printed) stay apart."""
    return re.sub(r"[^\w-]|_", "", fold(text).casefold())


@lru_cache(maxsize=1)
def positions_by_key() -> dict[str, str]:
    found = {position_key(p): p for p in printed_positions()}
    if len(found) != len(printed_positions()):
        raise ValueError(f"{POSITIONS_PATH}: two titles differ only in spacing or punctuation; keep one")
    return found
