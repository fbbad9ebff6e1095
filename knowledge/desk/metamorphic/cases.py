"""The questions, generated from the knowledge base: for every tariff row and every risk criterion, one question per
language (kk, ru, en) with one seeded perturbation, and what a right answer must lead with. Pairs of tariff
questions check that adding a position or a setting never makes the answer lead with another one.

Every choice (which alias, whether the position, area or question form is said, which perturbation) is drawn
from a generator seeded with the run's seed and the row's identity, so a case does not change when `--limit`
samples other rows, and the same seed always gives the same questions.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from knowledge.answer.incident import load_lexicon
from knowledge.desk.metamorphic.perturb import KINDS, PERTURBATIONS, Parts, back_harmony
from knowledge.desk.metamorphic.words import LANGS, Vocabulary
from knowledge.text import loose, tokens

TARIFF, CRITERION = "tariff", "criterion"
# Longer names are cut (at a word): nobody types more, and the engine reads only the first 40 words of a question.
MAX_NAME_WORDS = {TARIFF: 24, CRITERION: 30}
# How a question is asked; "{q}" is what it is about. Without a form the question is only the words.
FORMS = {
    TARIFF: {"kk": ("{q} қанша тұрады?", "{q} бағасы қанша?"), "ru": ("сколько стоит {q}?", "какой тариф: {q}?"),
             "en": ("how much is {q}?", "what is the rate for {q}?")},
    CRITERION: {"kk": ("{q} — бұл қандай бұзушылық?",), "ru": ("{q} — какое это нарушение?",),
                "en": ("{q} — what violation is this?",)},
}

Key = tuple  # tariff: (jurisdiction, setting, item); criterion: (item,)


@dataclass(frozen=True)
class Case:
    kind: str  # tariff | criterion
    lang: str
    perturbation: str  # plain | shuffle | typo | ending | latin
    form: bool  # asked with a question form ("сколько стоит ...")
    text: str  # the question
    plain: str  # the same question before the perturbation
    expected: frozenset[Key]  # what the first result may be: the row, or rows with the very same name
    position: str | None = None  # the glossary position the question names (the first result must have it)
    key: Key = ()  # the row the question was made from (one of `expected`)
    source: str = ""  # the row, for the report
    table: tuple = ()  # criteria: (document, annex) of the criteria table, to know its paragraphs when quoted


@dataclass(frozen=True)
class Pair:
    """The same tariff question without and with one more word: a position or a setting."""

    lang: str
    added: str  # position | setting
    value: str  # the glossary key added
    without: str
    with_: str
    source: str = ""


def assemble(parts: Parts, form: str | None) -> str:
    words = " ".join(p for p in parts if p)
    return form.format(q=words) if form else words


def cut(name: str, words: int) -> str:
    parts = name.split()
    return " ".join(parts[:words]) if len(parts) > words else name


@lru_cache(maxsize=16384)
def name_key(name: str, words: int) -> str:
    """What a (cut) name says, spelling aside: two names with the same key name the same thing in a question."""
    return " ".join(loose(t) for t in tokens(cut(name, words)))


def perturbed(parts: Parts, form: str | None, rng: random.Random, lang: str) -> tuple[str, str]:
    """(perturbation, question): one drawn from those that can change this question ("plain" among them)."""
    parts = [p for p in parts if p]
    kinds = list(KINDS)
    rng.shuffle(kinds)
    for kind in kinds:
        if kind == "plain":
            return kind, assemble(parts, form)
        if kind == "latin":  # the whole question, its form too, is typed in Latin
            changed = PERTURBATIONS[kind]([assemble(parts, form)], rng, lang)
            if changed:
                return kind, changed[0]
            continue
        changed = PERTURBATIONS[kind](parts, rng, lang)
        if changed:
            return kind, assemble(changed, form)
    return "plain", assemble(parts, form)


def _rng(seed: int, *identity: object) -> random.Random:
    return random.Random("/".join(map(str, (seed, *identity))))


def _sample(rows: list[dict], limit: int | None, seed: int, kind: str) -> list[dict]:
    if limit is None or limit >= len(rows):
        return rows
    chosen = set(_rng(seed, kind, "sample").sample(range(len(rows)), limit))
    return [row for index, row in enumerate(rows) if index in chosen]


# ---------------------------------------------------------------- tariffs

def tariff_rows(db: sqlite3.Connection) -> list[dict]:
    """The rows of the acts in force (the engine answers from those)."""
    return [dict(row) for row in db.execute(
        "select t.* from tariffs t join documents d on d.id = t.document "
        "where coalesce(d.status, 'in_force') = 'in_force' order by t.document, t.annex, t.item, t.id")]


def _named(rows: list[dict], names: dict[tuple, dict], key: Callable[[dict], tuple], kind: str
           ) -> dict[tuple, set[tuple]]:
    """(table, language, name key) → the keys of the rows known by that name there: every row a question saying
    that name may rightly lead with (items printed twice under one name cannot be told apart by their name)."""
    named: dict[tuple, set[tuple]] = {}
    for row in rows:
        for lang, options in names[row["item"] if kind == CRITERION else _ident(row)].items():
            for name in options:
                named.setdefault((_table(row), lang, name_key(name, MAX_NAME_WORDS[kind])), set()).add(key(row))
    return named


def _table(row: dict) -> tuple:
    return (row.get("jurisdiction"), row.get("setting"))


def _tariff_key(row: dict) -> tuple:
    return (row["jurisdiction"], row["setting"], row["item"])


def _ident(row: dict) -> tuple:
    return (row["document"], row["annex"], row["item"])


def _label(row: dict) -> str:
    return f"{row['jurisdiction']}/{row['setting']}/{row['item']} {row['position']}"


def tariff_cases(db: sqlite3.Connection, vocab: Vocabulary, seed: int = 0, limit: int | None = None
                 ) -> tuple[list[Case], list[Pair], int]:
    """(cases, pairs, rows × languages without a name in that language)."""
    rows = tariff_rows(db)
    names = {_ident(r): vocab.names("service", r, r["service"]) for r in rows}
    named = _named(rows, names, _tariff_key, TARIFF)
    cases, pairs, unnamed = [], [], 0
    for row in _sample(rows, limit, seed, TARIFF):
        for lang in LANGS:
            options = names[_ident(row)].get(lang) or []
            if not options:
                unnamed += 1
                continue
            rng = _rng(seed, TARIFF, row["id"], lang)
            name = cut(rng.choice(options), MAX_NAME_WORDS[TARIFF])
            expected = frozenset(named[(_table(row), lang, name_key(name, MAX_NAME_WORDS[TARIFF]))])
            cases.append(_tariff_case(row, lang, name, expected, vocab, rng))
            pairs += _tariff_pairs(row, lang, name, vocab)
    return cases, pairs, unnamed


def _tariff_case(row: dict, lang: str, name: str, expected: frozenset, vocab: Vocabulary, rng: random.Random
                 ) -> Case:
    """The service's name, its position (half the time, when the glossary knows it), setting, place, an area (two
    times in three) and a question form (half the time), perturbed once."""
    key = vocab.position_key(row["position"])
    position = vocab.position(key, lang) if key else None
    said = position is not None and rng.random() < 0.5
    place = vocab.jurisdiction(row["jurisdiction"], lang, short=rng.random() < 0.3)
    area = rng.choice((None, "city", "rural"))
    parts = [name, position if said else "", vocab.setting(row["setting"], lang) or "", place,
             vocab.area(area, lang) or "" if area else ""]
    form = rng.choice(FORMS[TARIFF][lang]) if rng.random() < 0.5 else None
    kind, text = perturbed(parts, form, rng, lang)
    return Case(TARIFF, lang, kind, form is not None, text, assemble(parts, form), expected,
                key if said else None, _tariff_key(row), _label(row))


def _tariff_pairs(row: dict, lang: str, name: str, vocab: Vocabulary) -> list[Pair]:
    """The question without and with the row's position, and without and with its setting (plainly asked)."""
    form, place = FORMS[TARIFF][lang][0], vocab.jurisdiction(row["jurisdiction"], lang)
    setting = vocab.setting(row["setting"], lang)
    key = vocab.position_key(row["position"])
    position = vocab.position(key, lang) if key else None
    pairs = []
    if position and key:
        base = [name, setting or "", place]
        pairs.append(Pair(lang, "position", key, assemble(base, form), assemble(base + [position], form), _label(row)))
    if setting:
        pairs.append(Pair(lang, "setting", row["setting"], assemble([name, place], form),
                          assemble([name, place, setting], form), _label(row)))
    return pairs


# ---------------------------------------------------------------- criteria

# A requirement said as an incident: the requirement's head word negated where the language marks it (the Kazakh
# verbal noun at its end, the Russian noun of action at its start), else a "not ensured" phrase, as an inspector's
# note would say it.
_KK_NEGATIVE = {"back": "мады", "front": "меді"}
_RU_NEGATED_NOUNS = {"наличие": "отсутствие"}
_EN_NOT = ("{q} was not ensured", "{q} was not done")


# How a criterion of a section that holds only when said (violation.NAMED_ONLY) came to light, as a person says it.
_WAYS = {"complaints": {"kk": "шағымдар түсті", "ru": "поступили жалобы", "en": "complaints were received"},
         "internet": {"kk": "БАҚ-та жарияланды", "ru": "сообщили в СМИ", "en": "reported in the media"},
         "reports": {"kk": "мониторинг нәтижесінде", "ru": "по итогам мониторинга", "en": "found in monitoring"}}


def negate(requirement: str, lang: str, rng: random.Random) -> str:
    text = requirement.rstrip(" .;:")
    if lang == "kk":
        return _negate_kazakh(text)
    if lang == "ru":
        first, _, rest = text.partition(" ")
        lower = first.casefold()
        if lower in _RU_NEGATED_NOUNS:
            return f"{_RU_NEGATED_NOUNS[lower]} {rest}".strip()
        if lower.endswith(("ение", "ствие")):  # nouns of action: "несоблюдение", "непредоставление"
            return f"не{lower} {rest}".strip()
        return f"не обеспечено: {text}"
    first, _, rest = text.partition(" ")
    if first.casefold() == "having":
        return f"missing {rest}"
    return rng.choice(_EN_NOT).format(q=text)


def _negate_kazakh(text: str) -> str:
    """"... мерзімінің сақталуы" → "... мерзімінің сақталмады"; "... ұсыну" → "... ұсынылмады"; otherwise
    "... қамтамасыз етілмеді"."""
    head, _, last = text.rpartition(" ")
    lower = last.casefold()
    if lower.isalpha() and len(lower) > 4 and lower.endswith(("уы", "уі")):
        root = last[:-2]
        return f"{head} {root}{_KK_NEGATIVE['back' if back_harmony(root) else 'front']}".strip()
    if lower.isalpha() and len(lower) >= 3 and lower.endswith("у"):
        root = last[:-1]
        passive = ("ыл" if back_harmony(root) else "іл") if root[-1].casefold() not in "аеиоуыэюяәіүұө" else "л"
        return f"{head} {root}{passive}{_KK_NEGATIVE['back' if back_harmony(root) else 'front']}".strip()
    return f"{text} қамтамасыз етілмеді"


def criterion_cases(db: sqlite3.Connection, vocab: Vocabulary, seed: int = 0, limit: int | None = None
                    ) -> tuple[list[Case], int]:
    rows = [dict(row) for row in db.execute("select * from criteria order by item")]
    # the requirement itself: the Kazakh text, or the first alias (the aliases after it are incidents already)
    requirement = {r["item"]: {lang: names[:1] for lang, names in vocab.names("criterion", r, r["criterion"]).items()}
                   for r in rows}
    named = _named(rows, requirement, lambda r: (r["item"],), CRITERION)
    cases, unnamed = [], 0
    for row in _sample(rows, limit, seed, CRITERION):
        for lang in LANGS:
            rng = _rng(seed, CRITERION, row["item"], lang)
            if not requirement[row["item"]].get(lang):
                unnamed += 1
                continue
            name = cut(requirement[row["item"]][lang][0], MAX_NAME_WORDS[CRITERION])
            expected = frozenset(named[(_table(row), lang, name_key(name, MAX_NAME_WORDS[CRITERION]))])
            form = rng.choice(FORMS[CRITERION][lang]) if rng.random() < 0.5 else None
            parts = [negate(name, lang, rng)]
            way = _WAYS.get(load_lexicon().section(row.get("section") or "") or "", {}).get(lang)
            if way and way.split()[0].casefold() not in name.casefold():
                parts.append(way)  # "two complaints or more" is how such a criterion comes to light: said, as asked
            kind, text = perturbed(parts, form, rng, lang)
            cases.append(Case(CRITERION, lang, kind, form is not None, text, assemble(parts, form), expected,
                              key=(row["item"],), source=f"criterion {row['item']}",
                              table=(row["document"], row["annex"])))
    return cases, unnamed
