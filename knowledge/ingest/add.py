"""`komekshi kb add`: bring a new tariff decree into the sources, with a preview before anything is written."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from knowledge import SOURCES_DIR
from knowledge.domain import Jurisdiction, TariffRow
from knowledge.ingest.check import NameSource, compact, item_gaps, name_lines
from knowledge.ingest.decree import DecreeDraft, read_decree, with_answers
from knowledge.ingest.manifest import Document, load_jurisdictions, load_manifest, manifest_text, write_manifest_text
from knowledge.ingest.parsers.pdf_tariffs import parse_pdf_tariffs
from knowledge.ingest.parsers.tab_tariffs import parse_tab_tariffs
from knowledge.ingest.places import name_jurisdiction
from knowledge.ingest.schema import CODE, FIELD_VALUES, act_number, iso_date, tariff_year

MAX_DECREE_BYTES = 2_000_000  # the largest act in the sources is ~125 KB: a bigger file is not one decree's text
ANSWER_CHECKS: dict[str, tuple[Callable[[str], bool], str]] = {
    "number": (act_number, "an act number as printed, e.g. 286"),
    "date": (iso_date, "a date written YYYY-MM-DD"),
    "year": (lambda v: v.isdigit() and tariff_year(int(v)), "a year such as 2027"),
    "code": (lambda v: bool(CODE.fullmatch(v)), "lower-case ASCII letters, digits or _, e.g. terekti"),
    "jurisdiction": (lambda v: bool(CODE.fullmatch(v)), "a jurisdiction code, e.g. borli"),
    "name_ru": (lambda v: bool(v.strip()), "a name"),
    "name_en": (lambda v: bool(v.strip()), "a name"),
}
ANNEX_PARTS = ("setting", "unit", "rates")


def check_answers(answers: dict[str, str]) -> None:
    """Every flag's value against the manifest's schema, before anything is read or written."""
    for name, value in answers.items():
        if name.startswith("annex "):
            _, number, part = (name.split(" ", 2) + ["", ""])[:3]
            if not number.isdigit():
                raise ValueError(f"--annex {number}: the annex number must be a whole number, e.g. "
                                 "--annex \"2:setting=home,unit=day,rates=single\"")
            if part not in ANNEX_PARTS:
                raise ValueError(f"--annex {number}: {part!r} is not one of {', '.join(ANNEX_PARTS)}")
            if value not in FIELD_VALUES[part]:
                raise ValueError(f"--annex {number}: {part}={value!r} is not allowed (allowed: "
                                 f"{', '.join(FIELD_VALUES[part])})")
        elif name in ANSWER_CHECKS:
            valid, expected = ANSWER_CHECKS[name]
            if not valid(str(value)):
                raise ValueError(f"--{name.replace('_', '-')} {value!r}: expected {expected}")
        else:
            raise ValueError(f"unknown answer {name!r}")


def read_decree_file(source: Path) -> tuple[bytes, str]:
    """The file's bytes and text, refused before it is read whole when it is too large to be one decree."""
    size = source.stat().st_size
    with source.open("rb") as handle:
        raw = handle.read(MAX_DECREE_BYTES + 1)  # a pipe or a special file may claim size 0
    if size > MAX_DECREE_BYTES or len(raw) > MAX_DECREE_BYTES:
        raise ValueError(f"{source}: {max(size, len(raw)):,} bytes is more than a decree's text "
                         f"(limit {MAX_DECREE_BYTES:,}); give the text of one decree")
    if not raw.strip():
        raise ValueError(f"{source}: empty; give the decree's text")
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"{source}: not UTF-8 text ({error}); re-save it as UTF-8") from error


def same_act(document: Document, other: Document) -> bool:
    """One act: the same jurisdiction, number and date, however the number's spaces are printed."""
    def number(value: str) -> str:
        return "".join(value.split()).casefold().lstrip("№")

    return (other.jurisdiction, number(other.number), other.date.strip()) == (
        document.jurisdiction, number(document.number), document.date.strip())


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


def service_names(rows: list[TariffRow]) -> list[tuple[int, int, str]]:
    """(annex, item, service) once per numbered item, as `kb check` counts them (the least name of the item's rows)."""
    names: dict[tuple[int, int], str] = {}
    for row in rows:
        key = (row.annex, row.item)
        names[key] = min(names.get(key, row.service), row.service)
    return [(annex, item, name) for (annex, item), name in sorted(names.items())]


def describe(jurisdiction: Jurisdiction) -> list[str]:
    return [f"  new jurisdiction {jurisdiction.code} ({jurisdiction.kind}"
            f"{' of ' + jurisdiction.parent if jurisdiction.parent else ''}), added to the manifest:",
            f"    names: {jurisdiction.name_kk} / {jurisdiction.name_ru} / {jurisdiction.name_en}",
            f"    issuer: {jurisdiction.issuer_kk} / {jurisdiction.issuer_ru} / {jurisdiction.issuer_en}",
            f"    heading cues: {', '.join(jurisdiction.cues)}; question cues: "
            + "; ".join(f"{lang} {', '.join(getattr(jurisdiction, f'question_cues_{lang}'))}"
                        for lang in ("kk", "ru", "en")),
            "    (wrong? decline, then give --name-ru, --name-en or --code)"]


def preview(document: Document, rows: list[TariffRow], superseded: list[Document], kept: Sequence[Document] = (),
            new: Jurisdiction | None = None, names: NameSource | None = None) -> str:
    lines = [f"Decree No. {document.number} of {document.date} ({document.jurisdiction}, {document.year}), "
             f"layout {document.layout}, will be added as {document.id}: {document.title_en}"]
    if new:
        lines += describe(new)
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
    if names is not None:
        lines.append("  Russian and English names (alias table / lexicon only / Kazakh only):")
        lines += ["  " + line for line in name_lines(document.id, "service", "services", service_names(rows), names)]
    for old in superseded:
        lines.append(f"  supersedes {old.id} (No. {old.number} of {old.date}, {old.year}): it will be marked superseded")
    for other in kept:
        lines.append(f"  {other.id} (No. {other.number} of {other.date}, {other.year}) stays in force: another year")
    return "\n".join(lines)


def complete_draft(draft: DecreeDraft, answers: dict[str, str], ask: Callable[[str], str] | None) -> DecreeDraft:
    draft = with_answers(draft, answers)
    if draft.missing and ask:
        draft = with_answers(draft, {name: ask(name) for name in draft.missing})
    if draft.missing:
        raise ValueError("could not read " + ", ".join(draft.missing) + " from the decree's headings: give them as "
                         "flags (--jurisdiction, --number, --date, --year, --annex N:setting=...,unit=...,rates=...)")
    return draft


def with_new(jurisdictions: list[Jurisdiction], new: Jurisdiction) -> list[Jurisdiction]:
    """The manifest's jurisdictions with a new one after the last of its kind (the order buttons list them in)."""
    last = max((i for i, j in enumerate(jurisdictions) if j.kind == new.kind), default=len(jurisdictions) - 1)
    return [*jurisdictions[:last + 1], new, *jurisdictions[last + 1:]]


def add_decree(source: Path, answers: dict[str, str], confirm: Callable[[str], bool],
               ask: Callable[[str], str] | None = None, sources_dir: Path = SOURCES_DIR,
               names: NameSource | None = None) -> Document | None:
    """Detect, preview, and on confirmation copy the decree into the sources and write its manifest entry (and its
    jurisdiction's, when the heading names one the manifest lacks). `answers` override what the headings say:
    jurisdiction, number, date, year, "annex N setting|unit|rates", and for a new jurisdiction name_ru, name_en,
    code. `names` tells where a service's Russian and English names come from (the preview counts them)."""
    check_answers(answers)
    raw, text = read_decree_file(source)
    documents = load_manifest(sources_dir)
    if any((sources_dir / d.file).read_bytes() == raw for d in documents):
        raise ValueError(f"{source}: this text is already in the sources")
    jurisdictions = load_jurisdictions(sources_dir)
    draft = complete_draft(read_decree(text, jurisdictions), answers, ask)
    new = None
    if not draft.jurisdiction and draft.place:
        new = name_jurisdiction(draft.place, jurisdictions, answers, ask)
        jurisdictions = with_new(jurisdictions, new)
        draft = replace(draft, jurisdiction=new.code)
    if draft.jurisdiction not in {j.code for j in jurisdictions}:
        raise ValueError(f"jurisdiction {draft.jurisdiction!r} is not in the manifest: give the code of one of its "
                         f"[[jurisdiction]] tables ({', '.join(j.code for j in jurisdictions)}), or leave it out to "
                         "have the one the heading names added")
    flagged = {int(name.split(" ")[1]) for name in answers if name.startswith("annex ")}
    unknown = sorted(flagged - {a.number for a in draft.annexes})
    if unknown:
        raise ValueError(f"--annex {unknown[0]}: the decree has no annex {unknown[0]} (its annexes: "
                         f"{', '.join(str(a.number) for a in draft.annexes) or 'none found'})")
    doc_id = next_id(documents)
    document = draft.document(doc_id, f"{doc_id}_{hashlib.sha256(raw).hexdigest()[:16]}.txt", jurisdictions)
    twin = next((d for d in documents if same_act(document, d)), None)
    if twin:
        raise ValueError(f"{source}: decree No. {document.number} of {document.date} ({document.jurisdiction}) is "
                         f"already in the sources as {twin.id} ({twin.file}); not added twice")
    rows = parse_rows(text, document)
    document = with_item_counts(document, rows)
    # One act in force per jurisdiction and year: a new one for the same pair supersedes it, another year's stays.
    in_force = [d for d in documents if d.kind == "tariffs" and d.status == "in_force"
                and d.jurisdiction == document.jurisdiction]
    superseded = [d for d in in_force if d.year == document.year]
    kept = [d for d in in_force if d.year != document.year]
    if not confirm(preview(document, rows, superseded, kept, new, names)):
        return None
    documents = [replace(d, status="superseded", superseded_by=document.id) if d in superseded else d
                 for d in documents]
    text = manifest_text([*documents, document], jurisdictions)  # checked against the schema: nothing written yet
    (sources_dir / document.file).write_bytes(raw)
    write_manifest_text(text, sources_dir)
    return document
