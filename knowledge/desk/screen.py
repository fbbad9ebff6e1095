"""`komekshi screen FILE.jsonl...`: how the answers read on a phone, over question sets, as each front end renders
them: the share of Russian and English answers with no Kazakh text outside quotes and citations, clarify choices
that read alike for their first 40 characters, clarifies with a single choice, and the share of answers within 600
and 1,200 characters.

The console's rendering is always measured; a front end outside `knowledge` (the Telegram bot) adds its own through
the `komekshi.renderers` entry point group (a function Answer → the text a reader sees), so this module never
imports it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from itertools import combinations

from knowledge.domain import Answer

RENDERER_GROUP = "komekshi.renderers"
SHORT, SCREEN = 600, 1200  # characters: one phone screen, and the most an answer should ever need
DISTINCT = 40  # no two choices of one clarify may read the same this far
# Letters Kazakh has and Russian lacks; and common Kazakh words spelt only with letters the two share.
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
KAZAKH_WORDS = frozenset({"және", "мен", "бен", "пен", "жасау", "беру", "алу", "оның", "бойынша", "арнаулы",
                          "тиіс", "жоқ", "бар", "ету", "жөніндегі", "ретінде", "үшін", "бала", "балалар"})
# Quoted text is a name shown as the act prints it: «…», "…", “…”, „…“ (one line at most).
QUOTED = re.compile(r"«[^»\n]*»|\"[^\"\n]*\"|“[^”\n]*”|„[^“”\n]*[“”]")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
CITATION_MARKS = ("📄",)  # a line the bot sets as the citation

Renderer = Callable[[Answer], str]


def kazakh_words(text: str, citations: Iterable[str] = ()) -> list[str]:
    """The Kazakh words of `text` outside quotes and outside the lines that cite an act (those naming one of
    `citations`, the titles the answer cites, or marked as a citation)."""
    titles = [title for title in citations if title.strip()]
    found: list[str] = []
    for line in text.splitlines():
        if any(title in line for title in titles) or line.lstrip().startswith(CITATION_MARKS):
            continue
        for word in WORD.findall(QUOTED.sub(" ", line)):
            if KAZAKH_LETTERS.intersection(word) or word.casefold() in KAZAKH_WORDS:
                found.append(word)
    return found


def alike_pairs(labels: list[str], chars: int = DISTINCT) -> list[tuple[str, str]]:
    """Pairs of choice labels reading the same for their first `chars` characters."""
    return [(a, b) for a, b in combinations(labels, 2) if a[:chars].casefold() == b[:chars].casefold()]


@dataclass
class Figures:
    """One front end's figures over the answers measured."""

    name: str
    answers: int = 0
    local: int = 0  # Russian and English answers
    local_clean: int = 0  # ... with no Kazakh text outside quotes and citations
    short: int = 0  # answers within SHORT characters
    screen: int = 0  # ... within SCREEN characters
    longest: int = 0
    repeated: int = 0  # answers showing one of their warnings (a repealed act...) more than once
    kazakh: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (id, question, words) not clean
    long: list[tuple[str, str, int]] = field(default_factory=list)  # (id, question, length) over SCREEN

    def add(self, ident: str, answer: Answer, text: str) -> None:
        self.answers += 1
        length = len(text)
        self.short += length <= SHORT
        self.screen += length <= SCREEN
        self.longest = max(self.longest, length)
        if length > SCREEN:
            self.long.append((ident, answer.question, length))
        self.repeated += any(text.count(warning) > 1 for warning in answer.warnings if warning.strip())
        if answer.lang in ("ru", "en"):
            self.local += 1
            words = kazakh_words(text, {r.citation.title for r in answer.results})
            if words:
                self.kazakh.append((ident, answer.question, words))
            else:
                self.local_clean += 1

    def share(self, count: int, total: int) -> float:
        return 100 * count / total if total else 100.0

    def text(self) -> str:
        return (f"{self.name}: ru/en answers with no Kazakh outside quotes/citation "
                f"{self.local_clean}/{self.local} ({self.share(self.local_clean, self.local):.1f} %); "
                f"≤ {SCREEN:,} chars {self.share(self.screen, self.answers):.1f} %, "
                f"≤ {SHORT} chars {self.share(self.short, self.answers):.1f} %; longest {self.longest:,}; "
                f"a warning repeated: {self.repeated}")


@dataclass
class ScreenReport:
    fronts: list[Figures]
    answers: int = 0
    clarifies: int = 0
    alike: list[tuple[str, str, str]] = field(default_factory=list)  # (id, label, label) reading alike
    single: list[tuple[str, str]] = field(default_factory=list)  # (id, question) clarified with one choice

    def text(self, details: bool = False) -> str:
        lines = [f"answers: {self.answers}, clarifies: {self.clarifies}, "
                 f"clarify pairs sharing their first {DISTINCT} chars: {len(self.alike)}, "
                 f"single-choice clarifies: {len(self.single)}"]
        lines += [front.text() for front in self.fronts]
        if details:
            lines += [f"  alike {ident}: {a!r} / {b!r}" for ident, a, b in self.alike]
            lines += [f"  single {ident}: {question!r}" for ident, question in self.single]
            for front in self.fronts:
                lines += [f"  {front.name} kazakh {ident}: {question!r}: {' '.join(words[:8])}"
                          for ident, question, words in front.kazakh]
                lines += [f"  {front.name} long {ident}: {question!r}: {length}" for ident, question, length in front.long]
        return "\n".join(lines)


def measure(questions: Iterable[dict], ask: Callable[[str, str | None], Answer],
            renderers: dict[str, Renderer]) -> ScreenReport:
    """Ask each question (in the language it is written in, as a user would) and measure every rendering."""
    report = ScreenReport(fronts=[Figures(name) for name in renderers])
    for item in questions:
        ident = str(item.get("id", ""))
        answer = ask(item["q"], None)
        report.answers += 1
        if answer.status == "clarify":
            report.clarifies += 1
            labels = [choice.label for choice in answer.choices]
            report.alike += [(ident, a, b) for a, b in alike_pairs(labels)]
            if len(labels) == 1:
                report.single.append((ident, answer.question))
        for front, render in zip(report.fronts, renderers.values(), strict=True):
            front.add(ident, answer, render(answer))
    return report


def renderers() -> dict[str, Renderer]:
    """The console's rendering, then each registered front end's."""
    from knowledge.desk.console import render_plain

    found: dict[str, Renderer] = {"console": render_plain}
    for entry_point in sorted(entry_points(group=RENDERER_GROUP), key=lambda ep: ep.name):
        found[entry_point.name] = entry_point.load()()
    return found


def metamorphic_questions(db, limit: int | None = None, seed: int = 0) -> list[dict]:
    """Questions generated from the base (the metamorphic suite's): each tariff and criterion case, and each pair's
    question without its added word (a service alone: where comparisons and clarifies come from)."""
    from knowledge.desk.metamorphic import Vocabulary, criterion_cases, tariff_cases

    vocab = Vocabulary.load(db)
    cases, pairs, _ = tariff_cases(db, vocab, seed=seed, limit=limit)
    cases += criterion_cases(db, vocab, seed=seed, limit=limit)[0]
    questions = [{"id": f"m{n}", "q": case.text} for n, case in enumerate(cases)]
    plain = dict.fromkeys(pair.without for pair in pairs)
    return questions + [{"id": f"p{n}", "q": text} for n, text in enumerate(plain)]
