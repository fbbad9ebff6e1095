"""Property-based tests of the engine: any text, however odd, gets a well-formed answer and never an exception.
(How fast: `make bench`.)"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.domain import STATUSES

pytestmark = pytest.mark.slow

ANY_TEXT = st.text(max_size=10_000)
# Text that looks like what people (and attackers) send: scripts mixed, markup, SQL, emoji, control characters.
NASTY = st.lists(st.sampled_from([
    "массаж", "мейіргер", "ауыл", "қала", "стационар", "<b>", "</i>", "&amp;", "<script>alert(1)</script>",
    "'; drop table tariffs; --", "💉", "🏥", "\x00", "\u202e", "%s", "{0}", "NULL", "qala", "auyl", "    ", "\n",
    "елеулі", "грубое", "1", "146", "0", "-1", "9" * 30,
]), max_size=60).map(" ".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def assert_answer(engine, text: str, lang: str | None = None) -> None:
    answer = engine.ask(text, lang)
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
