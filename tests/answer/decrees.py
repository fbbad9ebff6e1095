"""New decrees for the tests, made from a decree of the sources the way next December's arrive: its headings with
another year, number, date or district, some of its rates changed; added with `kb add` and built into a base."""

from __future__ import annotations

import shutil
from pathlib import Path

from knowledge import SOURCES_DIR
from knowledge.ingest.add import add_decree, parse_rows
from knowledge.ingest.build import build
from knowledge.ingest.manifest import Document, load_manifest, read_source


def copy_sources(folder: Path) -> Path:
    sources = folder / "sources"
    shutil.copytree(SOURCES_DIR, sources)
    for path in sources.iterdir():
        path.chmod(path.stat().st_mode | 0o200)
    return sources


def source_of(sources: Path, jurisdiction: str) -> tuple[Document, str]:
    """The first tariff act of a jurisdiction in the sources, and its text."""
    document = next(d for d in load_manifest(sources) if d.jurisdiction == jurisdiction and d.kind == "tariffs")
    return document, read_source(document, sources)


def derive(document: Document, text: str, *, words: dict[str, str], rates: dict[int, str]) -> str:
    """`text` with `words` replaced everywhere (headings: year, number, date, district) and the rate of each item
    of `rates` printed as given ("390,00"), found on the line the parser read it from."""
    lines = text.split("\n")
    for row in parse_rows(text, document):
        if row.item in rates and row.rate is not None:
            line = lines[row.line_end - 1]
            printed = line.strip()
            assert float(printed.replace(",", ".")) == row.rate, (row.item, printed)
            lines[row.line_end - 1] = line.replace(printed, rates[row.item])
    derived = "\n".join(lines)
    for old, new in words.items():
        assert old in derived, old
        derived = derived.replace(old, new)
    return derived


def add(sources: Path, folder: Path, name: str, text: str) -> Document:
    """`kb add` of a decree text, confirmed."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    added = add_decree(path, {}, confirm=lambda report: True, sources_dir=sources)
    assert added is not None
    return added


def built(sources: Path, folder: Path) -> Path:
    path = folder / "kb.sqlite"
    build(path, sources)
    return path
