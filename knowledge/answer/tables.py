"""The reviewed tab-separated tables of the answer layer (aliases, lexicon): their header checked, blank lines
skipped, each row with its line number for the errors that name it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def tsv_rows(path: Path, header: tuple[str, ...], label: str) -> Iterator[tuple[int, str, list[str]]]:
    """(line number, the line, its fields) of every non-blank row after the header; ValueError when the header is
    not `header` (`label` names the table in the message)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != header:
        raise ValueError(f"{label} line 1: header must be {header!r}")
    for number, text in enumerate(lines[1:], start=2):
        if text.strip():  # a blank line (a trailing one) is no row
            yield number, text, text.split("\t")
