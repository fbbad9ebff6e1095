"""Names in the reader's language for what the base prints in Kazakh only: the job titles of the tariff tables
(data/position_names.tsv, then the staffing table's names in data/staffing_names.tsv). A name no table gives is
shown as printed, in quotes, so a Russian or English reply never passes Kazakh off as its own words."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from knowledge import PACKAGE_DIR
from knowledge.answer.staffing_names import position_key, staffing_names

POSITION_NAMES_PATH = PACKAGE_DIR / "data" / "position_names.tsv"
CHECKLIST_TITLES_PATH = PACKAGE_DIR / "data" / "checklist_titles.tsv"


def quoted(printed: str, lang: str) -> str:
    """A name as the act prints it, in a reply in `lang`: as it is in Kazakh, in quotes in Russian and English."""
    printed = printed.strip()
    if lang == "kk" or not printed:
        return printed
    return f"“{printed}”" if lang == "en" else f"«{printed}»"


def shown(printed: str, local: str | None, lang: str) -> str:
    """The name to show: its name in `lang` when there is one, else the printed one (quoted outside Kazakh)."""
    return local if lang != "kk" and local else quoted(printed, lang)


Names = dict[str, dict[str, list[str]]]  # key of the printed name → lang → names, the one shown first


@lru_cache(maxsize=4)
def load_names(path: Path) -> Names:
    """A names table (printed name, lang, name; tab-separated; "#" comments, a header line): key of the printed
    name → lang → names. A malformed line is an error naming it (the file is reviewed data)."""
    names: Names = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next((n for n, line in enumerate(lines) if line.strip() and not line.startswith("#")), len(lines))
    for number, line in enumerate(lines[header + 1:], header + 2):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[1] not in ("kk", "ru", "en") or not fields[0].strip() or not fields[2].strip():
            raise ValueError(f"{path.name} line {number}: expected printed name, lang (kk|ru|en), name: {fields!r}")
        names.setdefault(position_key(fields[0]), {}).setdefault(fields[1], []).append(fields[2].strip())
    return names


@lru_cache(maxsize=1024)
def position_name(title: str, lang: str) -> str:
    """A job title in `lang`: the reviewed name of the tariff tables' or the staffing table's title, else the title
    as printed (quoted outside Kazakh; a title printed in Russian is shown as it is in Russian)."""
    title = (title or "").strip()
    if lang == "kk" or not title:
        return title
    key = position_key(title)
    for names in (load_names(POSITION_NAMES_PATH), staffing_names()):
        found = names.get(key, {}).get(lang)
        if found:
            return found[0]
    return quoted(title, lang)


@lru_cache(maxsize=1024)
def position_names(title: str) -> tuple[str, ...]:
    """Every reviewed name of a printed job title: Russian, English, and the everyday Kazakh one where people say it
    otherwise ("кір жуатын машинист"); a question may name the position by any."""
    key = position_key((title or "").strip())
    found: list[str] = []
    for names in (load_names(POSITION_NAMES_PATH), staffing_names()):
        for lang in ("kk", "ru", "en"):
            found += [name for name in names.get(key, {}).get(lang, []) if name not in found]
    return tuple(found)


@lru_cache(maxsize=256)
def checklist_title(title: str, lang: str) -> str:
    """A checklist's title in `lang`: its reviewed name, else the title as printed (quoted outside Kazakh)."""
    title = " ".join((title or "").split())
    if lang == "kk" or not title:
        return title
    found = load_names(CHECKLIST_TITLES_PATH).get(position_key(title), {}).get(lang)
    return found[0] if found else quoted(title, lang)
