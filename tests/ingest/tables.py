"""The hand-read expected tables in tests/data/: CSV with `#` comment lines saying how each was checked."""

from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def read_table(path: Path | str) -> list[dict]:
    """Rows of a CSV under tests/data (a bare name) or anywhere (a path), comment lines skipped."""
    path = DATA / path if isinstance(path, str) else path
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))
