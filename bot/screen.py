"""The bot's rendering for `komekshi screen` (registered in the `komekshi.renderers` entry point group): an answer
as the reader sees it in Telegram, every message of the reply, in the answer's language."""

from __future__ import annotations

from collections.abc import Callable

from bot.i18n import make_i18n
from bot.render import render_answer, visible
from knowledge.domain import Answer
from knowledge.i18n import locales_dir


def renderer() -> Callable[[Answer], str]:
    """Answer → the visible text of the reply messages (tags dropped), rendered in the answer's language."""
    i18n = make_i18n(locales_dir())

    def render(answer: Answer) -> str:
        with i18n.context(), i18n.use_locale(answer.lang):
            return "\n\n".join(visible(chunk) for chunk in render_answer(answer))

    return render
