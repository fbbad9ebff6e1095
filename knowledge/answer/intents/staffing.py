"""Staffing norms: "сколько массажистов положено на 75 человек" → the position's norm in the head-count band holding
75 ("51–100 получателей: 1"); without a head count, every band in numeric order. From the rules act, always with
its status (it is repealed). Positions are known by their Kazakh titles and their ru / en names
(data/staffing_names.tsv); bands and values are worded in the reply language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from knowledge.answer import compose
from knowledge.answer.compose import cite, label, truncate
from knowledge.answer.context import Context
from knowledge.answer.index import Hit, Index, Target
from knowledge.answer.names import quoted
from knowledge.answer.policy import ANSWER, CLARIFY, MAX_CHOICES, NOT_FOUND, Decision, decide, enough_evidence
from knowledge.answer.staffing_names import position_key
from knowledge.answer.understand import Understood, Word
from knowledge.domain import AS_PRINTED, Answer, Choice, Result
from knowledge.i18n import number
from knowledge.text import is_latin, key, keys, loose, to_cyrillic, tokens

# the head count's own words ("100 қызмет алушыға", "per 100 residents", "на 75 мест") say nothing about the position
RECIPIENT_WORDS = tuple(loose(word) for word in (
    "қызмет", "алушы", "получат", "recipient", "resident", "человек", "адам", "клиент", "people", "жител", "проживающ",
    "мест", "койк", "коек", "bed", "төсек"))  # "на 200 коек": the plural genitive drops the stem's "й"
_NOTE_MARK = re.compile(r"\s*\([^()]*ескертпе\)")  # "(3,4,5-ескертпе)": the notes a title is marked with
_BRACKETS = re.compile(r"\([^()]*\)")  # what a title adds ("Санитар (тазалаушы)")
FOLLOW_UP = "штат нормативі"  # added to a chosen position so the follow-up question is read as a staffing one
HOUR_WORDS = tuple(loose(word) for word in ("hour", "час", "сағат", "сагат", "saghat", "sagat"))  # "24-hour", "24 часа"
MAX_NAMED = 3  # positions asked in one question and answered together ("сторожей и водителей")
MAX_HEAD_COUNT = 100_000  # a larger number is no head count (a year, an act number)
_PER_INSTITUTION = re.compile(r"^мекемеге\s*(\d+(?:[.,]\d+)?)\s*бірлік$")  # "мекемеге 1 бірлік": per institution
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_STANDARD = "үлгілік нормативтер"  # "Үлгілік нормативтерге сәйкес": as the standard norms say


@dataclass(frozen=True)
class Band:
    """A head-count column of the staffing table: "51-100", "25-ке дейін" (up to), "500-ден артық" (over), with the
    note that limits it ("6-30 (1-ескертпе)": supported-living units only)."""

    low: int  # 0 for "up to"
    high: int | None  # None for "over"
    note: str = ""

    @classmethod
    def read(cls, recipients: str) -> Band | None:
        text = recipients or ""
        note = re.search(r"(\d+)\s*-\s*ескертпе", text)
        head = re.sub(r"\(.*?\)", " ", text)
        digits = [int(d) for d in re.findall(r"\d+", head)]
        if len(digits) >= 2:
            return cls(digits[0], digits[1], note[1] if note else "")
        if len(digits) == 1 and "дейін" in head:
            return cls(0, digits[0], note[1] if note else "")
        if len(digits) == 1 and "артық" in head:
            return cls(digits[0] + 1, None, note[1] if note else "")
        return None

    def holds(self, count: int) -> bool:
        return self.low <= count and (self.high is None or count <= self.high)

    def words(self, lang: str) -> str:
        if self.high is None and self.low <= 1:
            text = label("band_any", lang)
        elif self.high is None:
            text = label("band_over", lang).format(low=self.low - 1)
        elif self.low == 0:
            text = label("band_up_to", lang).format(high=self.high)
        else:
            text = label("band_range", lang).format(low=self.low, high=self.high)
        return text + (" (" + label("band_note", lang).format(note=self.note) + ")" if self.note else "")

    @property
    def order(self) -> tuple:
        return (bool(self.note), self.low)  # a noted column (one kind of unit only) after the ordinary ones


class Staffing:
    name = "staffing"

    def best_score(self, u: Understood, ctx: Context) -> float:
        hits = _search(u, ctx)
        return hits[0].score if hits else 0.0

    def asks_head_count(self, u: Understood) -> bool:
        """A number of recipients in the question: a number, then a recipient word ("на 75 человек", "300 residents",
        "60 адамға"); a tariff is per one recipient, so a count of 2 or more is no price question."""
        return any(2 <= count <= MAX_HEAD_COUNT for count in _counted(u))

    def answer(self, u: Understood, reply: Answer, ctx: Context) -> bool:
        lang = reply.lang
        act = ctx.catalogue.document_of_kind("rules")
        hits = _search(u, ctx)
        # a weak cue alone ("керек", "нужно", "required") asks a head count only of a title found on evidence:
        # "мүгедектік тобын ... қайда бару керек" is not asked of "бар болса" in the hairdresser's title
        weak = "staffing" not in u.cues and not self.asks_head_count(u)
        if act is None or not hits or (weak and not enough_evidence(hits[0])):
            return False
        reply.intent = self.name
        repealed = compose.repealed_line(act, lang) if act.get("status") == "repealed" else ""
        if repealed:
            reply.warnings.append(repealed)  # asked about staffing: the act's status is said whatever answers
        said = {k for t in u.tokens for k in keys(t)}  # a Latin-typed title's key is its Cyrillic one ("aspazshy")

        def rival(hit: Hit, top: Hit) -> bool:  # "аспазшы" asked: "Бас аспазшы" (one word more) is no rival
            return not (_title_said(top.target, said) and not _title_said(hit.target, said))

        decision = decide(hits, check_evidence=False, rival=rival, same=_one_title)
        if decision.status == NOT_FOUND:
            return False
        counts = head_counts(u, ctx)
        if decision.status == CLARIFY and len(named := _each_named(decision.hits, said)) > 1:
            decision = Decision(ANSWER, named)  # "жүргізуші мен күзетші": each position asked, each answered
        if decision.status == CLARIFY:
            reply.status = CLARIFY
            reply.text = label("clarify", lang) + ("\n" + repealed if repealed else "")
            reply.choices = [_choice(h, lang, counts) for h in decision.hits[:MAX_CHOICES]]
            return True
        reply.status = ANSWER
        lines = []
        for hit in decision.hits:  # one position; more when the title is printed twice or several are named
            first = len(reply.results)
            lines += _position_lines(hit, counts, reply, ctx, act, lang)
            lines.append(f"{label('source', lang)}: {cite(reply.results[first].citation, lang)}")
        if repealed:
            lines.append("⚠ " + repealed)
        reply.text = "\n".join(lines)
        return True


def _position_lines(hit: Hit, counts: list[int], reply: Answer, ctx: Context, act: dict, lang: str) -> list[str]:
    """The lines of one position's norm (the band holding the head count, else every band), its rows added to
    the reply's results."""
    rows = _rows_by_band(hit.target)
    # the ordinary band holding the head count (a noted column is for one kind of unit: listed, never picked)
    count = next((n for n in counts if any(b and not b.note and b.holds(n) for _, b in rows)), None)
    asked = [row for row, b in rows if count is not None and b and not b.note and b.holds(count)]
    heading = f"{label('staffing', lang)}{_setting(hit.target, ctx, lang)}: {_position(hit.target, lang)}"
    printed = [row for row, _ in rows if row["recipients"] == AS_PRINTED]
    if printed:  # no figure to give: the line as printed, and the columns it stands in
        lines = [heading, label("row_as_printed", lang).format(columns="; ".join(_columns(hit.target, ctx, lang))),
                 " / ".join(quoted(row["value"], lang) for row in printed)]
    elif asked:
        band = Band.read(asked[0]["recipients"])
        lines = [f"{heading} — {band.words(lang) if band else asked[0]['recipients']}: "
                 f"{value_words(asked[0]['value'], lang)}"]
    else:
        lines = [heading] + [f"• {band.words(lang) if band else row['recipients']}: {value_words(row['value'], lang)}"
                             for row, band in _merged(rows)]
    for row in asked or [row for row, _ in rows]:
        reply.results.append(Result(
            type="staffing", citation=ctx.citation(act["id"], None, row.get("item") or None, lang),
            score=min(hit.score, 1.0), fields={"table": row["table_name"], "position": row["position"],
                                               "recipients": row["recipients"], "value": row["value"]}))
    return lines


def _one_title(hit: Hit, top: Hit) -> bool:
    """Two rows of one position: the table prints the same title twice, with other notes and a letter apart
    ("Санитар-палатадығы (2-ескертпе)", per group; "Санитар-палатадағы (3,4,5-ескертпе)", per post). Asked
    alike, both are shown."""
    a, b = position_key(hit.target.ident[1]), position_key(top.target.ident[1])
    return a != b and len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 1 \
        and hit.target.ident[0] == top.target.ident[0]


def head_counts(u: Understood, ctx: Context | None = None) -> list[int]:
    """The numbers of the question that can be a number of recipients: those said with a recipient word ("на 75
    человек") first; then the others, but never an act's number or year ("приказ 343")."""
    counted = _counted(u)
    acts = {str(d.get(f)) for d in (ctx.catalogue.documents.values() if ctx else ()) for f in ("number", "year")}
    timed = _numbers_before(u, lambda word: loose(word).startswith(HOUR_WORDS))  # "24-hour post": no head count
    others = [int(n) for n in u.numbers if n not in acts and int(n) not in timed]
    return [n for n in dict.fromkeys(counted + others) if 0 < n <= MAX_HEAD_COUNT]


def _counted(u: Understood) -> list[int]:
    """The numbers said with a recipient word after them ("на 75 человек", "300 residents", "45 adam")."""
    return _numbers_before(u, _recipients)


def _numbers_before(u: Understood, said_of: Callable[[str], bool]) -> list[int]:
    """The numbers of the question followed by a word `said_of` accepts."""
    return [int(token) for token, following in zip(u.tokens, u.tokens[1:], strict=False)
            if token.isdigit() and said_of(following)]


def _recipients(token: str) -> bool:
    """Whether a word names the recipients a head count counts, as typed or, typed in Latin letters, read in Cyrillic
    ("residents", "45 adam" = "45 адам")."""
    return loose(token).startswith(RECIPIENT_WORDS) or (is_latin(token)
                                                        and loose(to_cyrillic(token)).startswith(RECIPIENT_WORDS))


def value_words(value: str, lang: str) -> str:
    """A staffing cell in the reply language: "0,5" → "0.5" (en), "мекемеге 1 бірлік" → "1 per institution", "-" →
    "not provided"; other wording is the act's own (Kazakh)."""
    text = " ".join((value or "").split())
    if text in ("-", "—", ""):
        return label("no_post", lang)
    if _NUMBER.match(text):
        return number(float(text.replace(",", ".")), lang)
    match = _PER_INSTITUTION.match(text.casefold())
    if match:
        return label("per_institution", lang).format(n=number(float(match[1].replace(",", ".")), lang))
    if text.casefold().startswith(_STANDARD):
        return label("standard_norms", lang)
    return text


def _search(u: Understood, ctx: Context) -> list[Hit]:
    """Positions named by the question's words. The head count's words name no position, and the setting words are
    left out too: they would favour a position's long key (its title with the table's) over its own title."""
    # a position word is what a staffing question asks about: not optional here, as it is beside a service's name
    index = ctx.catalogue.staffing_index
    words = [replace(w, weight=max(w.weight, 1.0), alt=_titled(w, u, index, ctx))
             for w in u.words if not any(form.startswith(RECIPIENT_WORDS) for form in (w.text, w.alt or ""))]
    return index.search(words + _title_words(u, index, ctx), limit=10, drop_unmatched=True)


def _title_words(u: Understood, index: Index, ctx: Context) -> list[Word]:
    """The words of the title a position is printed with ("емдік дене шынықтыру"), when the question names it by
    words the staffing titles do not print ("ЕДШ нұсқаушысы", "LFK"): the position named is what is asked."""
    position = u.filters.position
    said = [w for w in u.words if w.position]
    if not position or not said or any(index.word_matches(f) for w in said for f in (w.text, w.alt) if f):
        return []
    pieces = [p for p in ctx.glossary.position_kb.get(position, ()) if " " in p]
    return [Word(loose(t), None, 1.0) for t in tokens(pieces[0])] if pieces else []


def _each_named(hits: list[Hit], said: set[str]) -> list[Hit]:
    """The positions the question names each by a whole title of its own: none of them is only a part of another
    one's title said ("аспазшы" of "бас аспазшы"); at most MAX_NAMED."""
    titles: dict[tuple, tuple[Hit, frozenset[str]]] = {}
    for hit in hits:
        words = max((frozenset(key(t) for t in tokens(title)) for title in hit.target.names[1:]
                     if title and all(key(t) in said for t in tokens(title))), key=len, default=None)
        if words and hit.target.ident not in titles:
            titles[hit.target.ident] = (hit, words)
    named = [hit for hit, words in titles.values() if not any(words < other for _, other in titles.values())]
    return named[:MAX_NAMED]


def _title_said(target: Target, said: set[str]) -> bool:
    """Whether the question holds every word of one of the position's titles (any language) by its search keys; what
    a title adds in brackets need not be said ("санитар" says "Санитар (тазалаушы)", not "Ваннашы-санитар")."""
    titles = (tokens(_BRACKETS.sub(" ", title)) for title in target.names[1:] if title)
    return any(words and all(key(t) in said for t in words) for words in titles)


def _titled(word: Word, u: Understood, index: Index, ctx: Context) -> str | None:
    """A position word the staffing titles do not print ("медбике", "medbike") read as the title word its
    position is printed with ("мейіргер"); other words keep their own reading."""
    position = u.filters.position
    if word.weight >= 1 or not position or any(index.word_matches(f) for f in (word.text, word.alt) if f):
        return word.alt
    for piece in ctx.glossary.position_kb.get(position, ()):
        if " " not in piece and index.word_matches(piece):
            return piece
    return word.alt


def _merged(rows: list[tuple[dict, Band | None]]) -> list[tuple[dict, Band | None]]:
    """Neighbouring ordinary bands of one value as one band ("26–100 recipients: 1"; a value the same for every
    band once, "any number of recipients: ..."): a long rule printed in every column is read once on a phone."""
    merged: list[tuple[dict, Band | None]] = []
    for row, band in rows:
        if merged and band and not band.note and (last := merged[-1])[1] and not last[1].note \
                and last[0]["value"] == row["value"] and last[1].high is not None and band.low == last[1].high + 1:
            merged[-1] = (last[0], Band(last[1].low, band.high))
        else:
            merged.append((row, band))
    return merged


def _columns(target: Target, ctx: Context, lang: str) -> list[str]:
    """The head-count columns of the position's table, in the reply language, in printed order."""
    table = target.ident[0]
    for other in ctx.catalogue.staffing:
        recipients = [row["recipients"] for row in other.rows]
        if other.ident[0] == table and AS_PRINTED not in recipients:
            return [_short(band, lang) if (band := Band.read(r)) else r for r in recipients]
    return []


def _short(band: Band, lang: str) -> str:
    """"26–50", "≤25", ">500", "6–30 (note 1)": a column in a few characters, to be read in a list of eleven."""
    if band.high is None:
        text = f">{band.low - 1}"
    elif band.low == 0:
        text = f"≤{band.high}"
    else:
        text = f"{band.low}–{band.high}"
    return text + (" (" + label("band_note", lang).format(note=band.note) + ")" if band.note else "")


def _rows_by_band(target: Target) -> list[tuple[dict, Band | None]]:
    rows = [(row, Band.read(row["recipients"])) for row in target.rows]
    return sorted(rows, key=lambda rb: rb[1].order if rb[1] else (True, 10**9))


def _position(target: Target, lang: str) -> str:
    """"massage nurse (“Массаж жасау жөніндегі мейіргер”)": the name in the reply language, then the title as
    printed, quoted (alone, quoted, when the title has no name in the reply language)."""
    printed = target.ident[1]
    local = target.local.get(lang)
    return f"{local} ({quoted(printed, lang)})" if local else quoted(printed, lang)


def _setting(target: Target, ctx: Context, lang: str) -> str:
    """" (stationary care)": the setting the staffing table is for, read from its title."""
    words = [loose(t) for t in tokens(target.ident[0])]
    settings = [m.term.key for m in ctx.glossary.match(words) if m.term.category == "settings"]
    return f" ({label(settings[0], lang)})" if settings else ""


def _choice(hit: Hit, lang: str, counts: list[int]) -> Choice:
    position = _NOTE_MARK.sub("", hit.target.ident[1])  # a note's number is no head count of the follow-up
    count = f" {counts[0]}" if counts else ""
    return Choice(truncate(_position(hit.target, lang), 60), f"{position} {FOLLOW_UP}{count}")
