"""The Russian dictionary's reading of every word the answer engine keys when it opens the base: the words of the
base's names and titles and of the data files (aliases, lexicon, glossary...), looked up at build and stored in the
`russian_words` table under meta `russian_version` (knowledge.russian.version). The engine takes them as they are
(knowledge.kb.remember_russian_words) instead of loading the dictionary and looking each name up again, so opening a
base costs the same however many acts print the same names."""

from __future__ import annotations

from collections.abc import Iterator

from knowledge import PACKAGE_DIR
from knowledge.russian import looked_up
from knowledge.text import loose, to_cyrillic, tokens

DATA_DIR = PACKAGE_DIR / "data"


def named_texts(parsed) -> Iterator[str]:  # noqa: ANN001 - knowledge.ingest.build.Parsed (which imports this)
    """Every text the engine keys when it opens the base: names and titles of the base, the data files."""
    for row in parsed.tariffs:
        yield from (row.service, row.position, row.category)
    for criterion in parsed.criteria:
        yield from (criterion.criterion, criterion.section)
    for item in parsed.checklist_items:
        yield from (item.requirement, item.title)
    for norm in parsed.staffing_norms:
        yield from (norm.position, norm.table)
    for document in parsed.documents:
        yield from (document.title_kk, document.title_ru, document.title_en, document.issuer_kk, document.issuer_ru,
                    document.issuer_en)
    for place in parsed.jurisdictions:
        yield " ".join(str(value) for value in vars(place).values())
    for path in sorted(DATA_DIR.glob("*")):
        if path.suffix in (".tsv", ".toml"):
            yield path.read_text(encoding="utf-8")


def russian_words(parsed) -> list[dict]:  # noqa: ANN001 - as above
    """One row per Russian-looking word of those texts (as printed, loose, read in Cyrillic): its dictionary form and
    part of speech, NULL when the dictionary does not know it."""
    printed = dict.fromkeys(token for text in dict.fromkeys(named_texts(parsed)) for token in tokens(text))
    # the loose form read in Cyrillic too: an English word spelt the American way ("behaviour" → "behavior") is keyed so
    words = dict.fromkeys(form for token in printed
                          for form in (token, loose(token), to_cyrillic(token), to_cyrillic(loose(token))))
    return [{"word": word, "normal": found[0] if found else None, "pos": found[1] if found else None}
            for word, found in looked_up(words).items()]
