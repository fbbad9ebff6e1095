"""/reload of a base that cannot be used: the admin is told why, and the bot goes on answering from the old base."""

from __future__ import annotations

from test_bot_handlers import ADMIN, h, only_send  # noqa: F401 - h is the handlers' harness fixture

from knowledge.kb import KnowledgeBaseError


async def test_reload_refused_tells_the_admin_why_and_keeps_answering(h):  # noqa: F811
    def broken() -> None:
        raise KnowledgeBaseError("knowledge base /data/kb.sqlite is missing: run `komekshi kb build`")

    h.engine.reload = broken
    said = only_send(await h.say("/reload", user_id=ADMIN, lang="en")).text
    assert "not reloaded" in said and "still answering from the old one" in said
    assert "/data/kb.sqlite is missing" in said
    assert "Массаж" in only_send(await h.say("massage nurse rural", lang="en")).text
