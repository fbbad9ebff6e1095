"""Property-based tests: any text gets an answer in bounded time, and rendered HTML is always valid for Telegram."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.answers import STATUSES

ANY_TEXT = st.text(max_size=10_000)
# Text that looks like what people (and attackers) send: scripts mixed, markup, SQL, emoji, control characters.
NASTY = st.lists(st.sampled_from([
    "массаж", "мейіргер", "ауыл", "қала", "стационар", "<b>", "</i>", "&amp;", "<script>alert(1)</script>",
    "'; drop table tariffs; --", "💉", "🏥", "\x00", "\u202e", "%s", "{0}", "NULL", "qala", "auyl", "    ", "\n",
    "елеулі", "грубое", "1", "146", "0", "-1", "9" * 30,
]), max_size=60).map(" ".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def assert_answer(engine, text: str, lang: str | None = None) -> None:
    started = time.perf_counter()
    answer = engine.ask(text, lang)
    assert time.perf_counter() - started < 1.0
    assert answer.status in STATUSES
    assert answer.text.strip()
    assert len(answer.choices) <= 5
    answer.to_dict()  # serialisable contract


@SETTINGS
@given(text=ANY_TEXT)
def test_engine_answers_any_text(engine, text: str) -> None:
    assert_answer(engine, text)


@SETTINGS
@given(text=NASTY, lang=st.sampled_from([None, "kk", "ru", "en"]))
def test_engine_answers_nasty_text(engine, text: str, lang: str | None) -> None:
    assert_answer(engine, text, lang)


class TagBalance(HTMLParser):
    """Checks Telegram's HTML subset: only allowed tags, properly nested and closed."""

    ALLOWED = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote",
               "tg-spoiler", "span"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag not in self.ALLOWED:
            self.errors.append(f"tag <{tag}> not allowed")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")


def assert_valid_telegram_html(html: str) -> None:
    assert len(html) <= 4096
    checker = TagBalance()
    checker.feed(html)
    checker.close()
    assert not checker.errors and not checker.stack, (checker.errors, checker.stack, html[:300])
    # Every & starts an entity Telegram knows; no raw < that is not a tag.
    for match in re.finditer(r"&[^;\s]*;?", html):
        assert re.fullmatch(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);", match.group()), match.group()
