"""`komekshi kb add`: bring a new tariff decree into the sources, with a preview before anything is written."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from knowledge import SOURCES_DIR
from knowledge.domain import TariffRow
from knowledge.ingest.check import compact, item_gaps
from knowledge.ingest.decree import DecreeDraft, read_decree, with_answers
from knowledge.ingest.manifest import Document, load_jurisdictions, load_manifest, write_manifest
from knowledge.ingest.parsers.pdf_tariffs import parse_pdf_tariffs
from knowledge.ingest.parsers.tab_tariffs import parse_tab_tariffs


def next_id(documents: list[Document]) -> str:
    return f"{max((int(d.id) for d in documents if d.id.isdigit()), default=-1) + 1:03d}"


def parse_rows(text: str, document: Document) -> list[TariffRow]:
    parser = parse_tab_tariffs if document.layout == "tab" else parse_pdf_tariffs
    return parser(text, document)


def with_item_counts(document: Document, rows: list[TariffRow]) -> Document:
    """The manifest records how many items each annex prints, so `kb check` can tell a gap later."""
    annexes = tuple(replace(a, items=max((r.item for r in rows if r.annex == a.number), default=0))
                    for a in document.annexes)
    return replace(document, annexes=annexes)


def preview(document: Document, rows: list[TariffRow], superseded: list[Document]) -> str:
    lines = [f"Decree No. {document.number} of {document.date} ({document.jurisdiction}, {document.year}), "
             f"layout {document.layout}, will be added as {document.id}"]
    for annex in document.annexes:
        annex_rows = [r for r in rows if r.annex == annex.number]
        items = sorted({r.item for r in annex_rows})
        missing, _ = item_gaps(items, None)
        flagged = [r for r in annex_rows if r.flagged]
        lines.append(f"  annex {annex.number}: {annex.setting}, per {annex.unit}, {annex.rates}: "
                     f"{len(annex_rows)} rows, items {items[0] if items else '-'}..{items[-1] if items else '-'}, "
                     f"gaps: {compact(missing) if missing else 'none'}, flagged: {len(flagged)}")
        for row in annex_rows[:2] + flagged[:3]:
            rates = (f"{row.rate_city} / {row.rate_rural}" if row.rate_city is not None or row.rate_rural is not None
                     else f"{row.rate}")
            flag = f"  [flagged: {row.flag_reason}]" if row.flagged else ""
            lines.append(f"    item {row.item}: {row.service[:60]} — {row.position}: {rates}{flag}")
    for old in superseded:
        lines.append(f"  supersedes {old.id} (No. {old.number} of {old.date}): it will be marked superseded")
    return "\n".join(lines)


def complete_draft(draft: DecreeDraft, answers: dict[str, str], ask: Callable[[str], str] | None) -> DecreeDraft:
    draft = with_answers(draft, answers)
    if draft.missing and ask:
        draft = with_answers(draft, {name: ask(name) for name in draft.missing})
    if draft.missing:
        raise ValueError("could not read " + ", ".join(draft.missing) + " from the decree's headings: give them as "
                         "flags (--jurisdiction, --number, --date, --year, --annex N:setting=...,unit=...,rates=...)")
    return draft


def add_decree(source: Path, answers: dict[str, str], confirm: Callable[[str], bool],
               ask: Callable[[str], str] | None = None, sources_dir: Path = SOURCES_DIR) -> Document | None:
    """Detect, preview, and on confirmation copy the decree into the sources and write its manifest entry."""
    raw = source.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"{source}: not UTF-8 text ({error}); re-save it as UTF-8") from error
    documents = load_manifest(sources_dir)
    if any((sources_dir / d.file).read_bytes() == raw for d in documents):
        raise ValueError(f"{source}: this text is already in the sources")
    jurisdictions = load_jurisdictions(sources_dir)
    draft = complete_draft(read_decree(text, jurisdictions), answers, ask)
    if draft.jurisdiction not in {j.code for j in jurisdictions}:
        raise ValueError(f"jurisdiction {draft.jurisdiction!r} is not in the manifest: add its [[jurisdiction]] "
                         f"table to {sources_dir / 'manifest.toml'} (code, kind, name_kk, name_ru, name_en)")
    doc_id = next_id(documents)
    document = draft.document(doc_id, f"{doc_id}_{hashlib.sha256(raw).hexdigest()[:16]}.txt", jurisdictions)
    rows = parse_rows(text, document)
    document = with_item_counts(document, rows)
    superseded = [d for d in documents if d.kind == "tariffs" and d.status == "in_force"
                  and d.jurisdiction == document.jurisdiction and d.year == document.year]
    if not confirm(preview(document, rows, superseded)):
        return None
    shutil.copyfile(source, sources_dir / document.file)
    documents = [replace(d, status="superseded", superseded_by=document.id) if d in superseded else d
                 for d in documents]
    write_manifest([*documents, document], sources_dir)
    return document
