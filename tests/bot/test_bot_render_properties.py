"""Property-based tests of the rendering: any answer, with any text in any field, renders as valid Telegram HTML
under the size limit, escaped and whole; inline cards too; packing splits between tags."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.handlers.inline import articles
from bot.render import esc, pack, render_answer, size, visible
from knowledge.domain import INTENTS, STATUSES, Answer, Choice, Citation, Filters, Result

pytestmark = pytest.mark.slow


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


def assert_telegram_html(html: str) -> None:
    """assert_valid_telegram_html, plus: at most 4096 UTF-16 code units (Telegram's count), no stray `<` or `>`
    outside the allowed tags, and some visible text (Telegram rejects an empty message)."""
    assert_valid_telegram_html(html)
    assert size(html) <= 4096
    outside = re.sub(r"</?(?:{})>".format("|".join(TagBalance.ALLOWED)), "", html)
    assert "<" not in outside and ">" not in outside, outside[:300]
    assert visible(html).strip()


# ---------------------------------------------------------------- the renderer

# Text the knowledge base or a user could put in any field: arbitrary unicode, markup, entities, emoji, and
# long runs (a repeated fragment reaches 10,000 characters without slowing generation down).
MARKUP = st.sampled_from(["<b>", "</b>", "<i>", "</i>", "<a href='x'>", "&", "&amp;", "&lt;", "<", ">", "&#128;",
                          "💉", "🏥", "👩‍⚕️", "\n", "\n\n", " ", "\u202e", "\x00", "₸", "қаулы", "Массаж"])
FIELD_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(MARKUP, st.text(max_size=8)), max_size=40).map("".join),
    st.tuples(st.lists(st.one_of(MARKUP, st.text(min_size=1, max_size=8)), min_size=1, max_size=6).map("".join),
              st.integers(1, 10_000)).map(lambda pair: (pair[0] * pair[1])[:10_000]),
)
RATE = st.one_of(st.none(), st.just(0.0), st.floats(min_value=0, max_value=1e9, allow_nan=False))
CODE = st.one_of(st.none(), st.sampled_from(["stationary", "semi_stationary", "home", "temporary", "city", "rural",
                                             "oblast", "borli", "baiterek", "gross", "significant", "minor",
                                             "month", "day", "in_force", "repealed"]), FIELD_TEXT)


def citations() -> st.SearchStrategy[Citation]:
    return st.builds(Citation, document=st.sampled_from(["000", "003", "004"]), title=FIELD_TEXT,
                     annex=st.one_of(st.none(), st.integers(0, 99)), item=st.one_of(st.none(), FIELD_TEXT),
                     status=st.sampled_from(["in_force", "repealed", "superseded"]))


def tariff_fields() -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries({
        "service": FIELD_TEXT, "position": FIELD_TEXT, "setting": CODE, "jurisdiction": CODE, "unit": CODE,
        "rate_city": RATE, "rate_rural": RATE, "rate": RATE, "flagged": st.booleans()})


def results() -> st.SearchStrategy[Result]:
    def result(kind: str, fields: st.SearchStrategy[dict]) -> st.SearchStrategy[Result]:
        return st.builds(Result, type=st.just(kind), citation=citations(), score=st.just(1.0), fields=fields)

    return st.one_of(
        result("tariff", tariff_fields()),
        result("criterion", st.fixed_dictionaries({"item": FIELD_TEXT, "criterion": FIELD_TEXT, "degree": CODE})),
        result("document", st.fixed_dictionaries({"title": FIELD_TEXT, "number": FIELD_TEXT, "date": FIELD_TEXT,
                                                  "status": CODE})),
        result("passage", st.fixed_dictionaries({"text": FIELD_TEXT})),
        result("staffing", st.fixed_dictionaries({"position": FIELD_TEXT})),
    )


ANSWERS = st.builds(
    Answer, question=FIELD_TEXT, lang=st.sampled_from(["kk", "ru", "en"]), intent=st.sampled_from(INTENTS),
    filters=st.builds(Filters, area=st.sampled_from([None, "city", "rural"])), status=st.sampled_from(STATUSES),
    results=st.lists(results(), max_size=8), text=FIELD_TEXT, warnings=st.lists(FIELD_TEXT, max_size=3),
    choices=st.lists(st.builds(Choice, label=FIELD_TEXT, query=FIELD_TEXT), max_size=3))
RENDER_SETTINGS = settings(max_examples=120, deadline=None)


def shown(text: str) -> str:
    """A field's first words as the renderer shows them (whitespace collapsed), for finding them in the output."""
    return " ".join(str(text).split())[:40].strip()


def flat(text: str) -> str:
    return " ".join(text.split())


@RENDER_SETTINGS
@given(answer=ANSWERS)
def test_rendered_answers_are_valid_telegram_html(i18n, answer: Answer) -> None:
    for lang in ("kk", "ru", "en"):
        with i18n.context(), i18n.use_locale(lang):
            chunks = render_answer(answer)
            assert chunks
            for chunk in chunks:
                assert_telegram_html(chunk)
            # User and knowledge-base text is escaped, not interpreted: it reads back exactly as given.
            seen = flat("".join(visible(chunk) for chunk in chunks))
            # one tariff figure is a card from its fields; several are the engine's compact list (its text)
            if answer.status == "answer" and sum(r.type == "tariff" for r in answer.results) == 1:
                first = next(r for r in answer.results if r.type == "tariff")
                assert shown(first.fields["service"]) in seen
                assert shown(first.fields["position"]) in seen
                assert shown(first.citation.title) in seen
            else:
                lines = [line for line in answer.text.strip().split("\n\n")[0].splitlines() if line.strip()]
                if lines:
                    assert shown(lines[0]) in seen


@settings(max_examples=50, deadline=None)
@given(result=results(), answer=ANSWERS)
def test_inline_cards_are_valid_telegram_html(i18n, result: Result, answer: Answer) -> None:
    answer.status, answer.results = "answer", [result, *answer.results]
    with i18n.context(), i18n.use_locale(answer.lang):
        for article in articles(answer):
            assert_telegram_html(article.input_message_content.message_text)


@settings(max_examples=100, deadline=None)
@given(blocks=st.lists(st.lists(st.one_of(FIELD_TEXT, st.sampled_from(["<b>", "</b>", "<i>", "</i>"])),
                                max_size=6), min_size=1, max_size=5),
       limit=st.integers(60, 500))
def test_pack_splits_between_tags_and_keeps_every_character(i18n, blocks: list[list[str]], limit: int) -> None:
    """Blocks of well-formed HTML (escaped text in balanced tags) of any length are packed into pieces under the
    limit, each balanced, and the visible text is kept whole."""
    html_blocks = []
    for parts in blocks:
        text = "".join(f"<b>{esc(part)}</b>" if n % 3 == 0 else f"<i>{esc(part)}</i>" if n % 3 == 1 else esc(part)
                       for n, part in enumerate(parts))
        html_blocks.append(f"<i>{text}</i>" if len(parts) % 2 else text)
    with i18n.context(), i18n.use_locale("en"):
        chunks = pack(html_blocks, limit)
    for chunk in chunks:
        assert size(chunk) <= limit
        checker = TagBalance()
        checker.feed(chunk)
        checker.close()
        assert not checker.errors and not checker.stack, chunk
    expected = "".join("".join(visible(block) for block in html_blocks).split())
    if expected:  # nothing visible: the one "No answer." line
        assert "".join("".join(visible(chunk) for chunk in chunks).split()) == expected
