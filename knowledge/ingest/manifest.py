"""The source manifest: what each legal text is, who issued it, its status, and what its annexes hold."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from knowledge import SOURCES_DIR
from knowledge.domain import CUE_FIELDS, Jurisdiction
from knowledge.ingest.schema import check_manifest


class ManifestError(ValueError):
    """The manifest or a source named in it is unusable; the message names the file and the fix."""


@dataclass(frozen=True)
class Annex:
    number: int
    holds: str
    setting: str | None = None
    unit: str | None = None
    rates: str | None = None  # city_rural | single
    items: int | None = None  # how many numbered items the annex prints (checked by `kb check`)
    area: str | None = None  # the one area a single-rate annex is printed for ("city"), when its heading says so
    content: str | None = None  # what a non-tariff annex is: criteria | checklist | rules


@dataclass(frozen=True)
class Document:
    id: str
    file: str
    kind: str  # tariffs | rules | criteria
    layout: str  # pdf | tab | prose
    title_kk: str
    title_ru: str
    title_en: str
    issuer_kk: str
    issuer_ru: str
    issuer_en: str
    act_type: str
    number: str
    date: str
    jurisdiction: str
    status: str  # in_force | repealed | superseded
    effective: str = ""
    year: int | None = None
    repealed_by_kk: str = ""
    repealed_by_ru: str = ""
    repealed_by_en: str = ""
    repealed_on: str = ""
    superseded_by: str = ""
    url: str = ""  # the official publication (adilet.zan.kz); empty when not known: no link is shown then
    registration: str = ""  # the Ministry of Justice's registration number of a ministry's order (people cite it)
    annexes: tuple[Annex, ...] = field(default_factory=tuple)

    def title(self, lang: str) -> str:
        return getattr(self, f"title_{lang}", "") or self.title_kk

    def issuer(self, lang: str) -> str:
        return getattr(self, f"issuer_{lang}", "") or self.issuer_kk

    def repealed_by(self, lang: str) -> str:
        return getattr(self, f"repealed_by_{lang}", "") or self.repealed_by_kk

    def annex(self, number: int) -> Annex | None:
        return next((a for a in self.annexes if a.number == number), None)

    def annexes_holding(self, content: str) -> list[Annex]:
        return [a for a in self.annexes if a.content == content]


def _read(sources_dir: Path, *, files: bool = False) -> tuple[Path, dict]:
    """The manifest's tables, checked against the one schema (knowledge.ingest.schema) before anything uses them,
    with the source files they name when `files`."""
    path = sources_dir / "manifest.toml"
    try:
        text = path.read_bytes().decode("utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError as error:
        raise ManifestError(f"{path}: missing; restore it from git (git checkout -- {path.name})") from error
    except UnicodeDecodeError as error:
        line = path.read_bytes()[:error.start].count(b"\n") + 1
        raise ManifestError(f"{path}:{line}: not UTF-8 text (byte {error.object[error.start]:#04x}); re-save the "
                            "manifest as UTF-8") from error
    except tomllib.TOMLDecodeError as error:
        raise ManifestError(f"{path}: not valid TOML ({error}); fix that line") from error
    problems = check_manifest(path, text, data, sources_dir if files else None)
    if problems:  # the first in one line; the others after it, each on its own line
        first, *more = problems
        head = f"{path}:{first.removeprefix('line ')}"
        tail = f" (and {len(more)} more below)" + "".join(f"\n  {problem}" for problem in more) if more else ""
        raise ManifestError(head + tail)
    return path, data


def load_jurisdictions(sources_dir: Path = SOURCES_DIR) -> list[Jurisdiction]:
    """The manifest's [[jurisdiction]] tables: every jurisdiction an act may belong to."""
    path, data = _read(sources_dir)
    found = []
    for entry in data.get("jurisdiction", []):
        entry = dict(entry)
        for name in CUE_FIELDS:
            entry[name] = tuple(str(c).casefold() for c in entry.get(name, ()))
        try:
            found.append(Jurisdiction(**entry))
        except TypeError as error:
            raise ManifestError(f"{path}: jurisdiction {entry.get('code')!r}: {error}; fix its fields") from error
    codes = [j.code for j in found]
    for jurisdiction in found:
        if codes.count(jurisdiction.code) > 1:
            raise ManifestError(f"{path}: jurisdiction {jurisdiction.code!r} is defined twice; keep one")
        if jurisdiction.parent and jurisdiction.parent not in codes:
            raise ManifestError(f"{path}: jurisdiction {jurisdiction.code!r} names parent {jurisdiction.parent!r}, "
                                "which has no [[jurisdiction]] table; add it")
    return found


def load_manifest(sources_dir: Path = SOURCES_DIR) -> list[Document]:
    path, data = _read(sources_dir, files=True)
    known = {j.code for j in load_jurisdictions(sources_dir)}
    documents = []
    for entry in data.get("document", []):
        entry = dict(entry)
        annexes = tuple(Annex(**a) for a in entry.pop("annex", []))
        try:
            document = Document(**entry, annexes=annexes)
        except TypeError as error:
            raise ManifestError(f"{path}: document {entry.get('id')!r}: {error}; fix its fields") from error
        if document.jurisdiction not in known:
            raise ManifestError(f"{path}: document {document.id} names jurisdiction {document.jurisdiction!r}, which "
                                "has no [[jurisdiction]] table; add one (code, kind, name_kk, name_ru, name_en)")
        if not (sources_dir / document.file).is_file():
            raise ManifestError(f"{path}: document {document.id} names {document.file}, which is not in {sources_dir}")
        documents.append(document)
    return documents


def read_source(document: Document, sources_dir: Path = SOURCES_DIR) -> str:
    path = sources_dir / document.file
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ManifestError(f"{path}: not UTF-8 text ({error}); re-save it as UTF-8") from error


MANIFEST_HEADER = """# The legal texts Kómekshi answers from. One [[document]] per source file, one [[jurisdiction]] per body
# whose acts they are. `annex` tables say what each annex holds, so the parsers need no guessing about setting,
# unit or rate layout. Written by `komekshi kb add` too: keep one field per line.
# `url`: the act's official publication (adilet.zan.kz), only where it is known: no link is shown without it.
# `registration`: the number a ministry's order is registered under with the Ministry of Justice (digits).
# A [[jurisdiction]]: names as answers show them (name_*), on buttons (short_*), the body that issues its acts
# (issuer_*), `cues` (words in a decree's heading that name it) and `question_cues_*` (words a question names it by,
# per language; a trailing "*" matches any ending). `kb add` writes one for a district, city or oblast its heading
# names and the manifest lacks.
"""


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def dump_manifest(documents: list[Document], jurisdictions: list[Jurisdiction]) -> str:
    """The manifest as TOML text (round-trips through load_manifest and load_jurisdictions)."""
    out = [MANIFEST_HEADER]
    for jurisdiction in jurisdictions:
        out.append("[[jurisdiction]]")
        out += [f"{name} = {toml_value(value)}" for name, value in vars(jurisdiction).items() if value not in ("", ())]
        out.append("")
    for document in documents:
        out.append("[[document]]")
        for name, value in vars(document).items():
            if name != "annexes" and value not in ("", None):
                out.append(f"{name} = {toml_value(value)}")
        for annex in document.annexes:
            out.append("")
            out.append("  [[document.annex]]")
            out += [f"  {name} = {toml_value(value)}" for name, value in vars(annex).items() if value is not None]
        out.append("")
    return "\n".join(out)


def manifest_text(documents: list[Document], jurisdictions: list[Jurisdiction]) -> str:
    """The manifest as TOML text, checked against the schema (ManifestError: nothing is to be written)."""
    text = dump_manifest(documents, jurisdictions)
    problems = check_manifest(Path("manifest.toml"), text, tomllib.loads(text), None)
    if problems:
        raise ManifestError(f"the manifest would not be valid ({problems[0]}); nothing written")
    return text


def write_manifest_text(text: str, sources_dir: Path = SOURCES_DIR) -> None:
    path = sources_dir / "manifest.toml"
    temp = path.with_suffix(".toml.tmp")
    temp.write_text(text, encoding="utf-8")
    temp.replace(path)


def write_manifest(documents: list[Document], sources_dir: Path = SOURCES_DIR,
                   jurisdictions: list[Jurisdiction] | None = None) -> None:
    """Write the manifest; the jurisdictions already in it are kept unless a new list is given."""
    if jurisdictions is None:
        jurisdictions = load_jurisdictions(sources_dir)
    write_manifest_text(manifest_text(documents, jurisdictions), sources_dir)
