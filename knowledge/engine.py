"""The answer engine: question text → Answer. Placeholder interface, being written (issue 3).

Contract used by the CLI, the console and the bot:
    engine = Engine.open(kb_path=None)       # loads the knowledge base once (read-only), fast
    engine.ask(question, lang=None, *, setting=None, area=None, jurisdiction=None) -> Answer
        lang: the user's chosen reply language (kk | ru | en) or None (then the question's language, else kk).
        setting/area/jurisdiction: explicit filters that override what the question says (buttons use them).
    engine.documents(lang) -> list[Result]   # every source document as a "document" result (for /sources)
    engine.reload() -> None                  # reopen the knowledge base file (after `kb build`)
"""

from __future__ import annotations

from pathlib import Path

from knowledge.answers import Answer, Filters, Result


class Engine:
    def __init__(self, kb_path: Path | None = None) -> None:
        self.kb_path = kb_path

    @classmethod
    def open(cls, kb_path: Path | None = None) -> Engine:
        return cls(kb_path)

    def ask(self, question: str, lang: str | None = None, *, setting: str | None = None,
            area: str | None = None, jurisdiction: str | None = None) -> Answer:
        return Answer(question=question, lang=lang or "kk", intent="unknown",
                      filters=Filters(setting=setting, area=area, jurisdiction=jurisdiction),
                      status="not_found", text="…")

    def documents(self, lang: str) -> list[Result]:
        return []

    def reload(self) -> None:
        pass
