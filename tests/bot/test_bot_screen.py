"""The bot's rendering measured by `komekshi screen` (registered as the `telegram` renderer)."""

from __future__ import annotations

from bot.screen import renderer
from knowledge.desk.evaluate import load_questions
from knowledge.desk.screen import measure


def test_the_telegram_rendering_is_registered_for_komekshi_screen():
    from knowledge.desk.screen import renderers

    assert "telegram" in renderers()


def test_phone_figures_of_the_bot_over_the_dev_and_tuned_sets(engine, test_data):
    """The targets of the phone-first answers as the bot renders them, over dev + tuned. The tuned set is the
    project's own, tuned on: these figures say the rules hold there, not how a fresh set fares."""
    questions = [item for name in ("questions-dev.jsonl", "questions-tuned.jsonl")
                 for item in load_questions(test_data / name)[0]]
    report = measure(questions, engine.ask, {"telegram": renderer()})
    (telegram,) = report.fronts
    assert telegram.local_clean / telegram.local >= 0.95, report.text(details=True)
    assert telegram.screen / telegram.answers >= 0.95, report.text(details=True)
    assert telegram.repeated == 0  # a repealed act's warning once per message
