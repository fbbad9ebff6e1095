"""Admin commands, only for ADMIN_IDS: /stats (usage) and /reload (reopen the knowledge base)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.actions import official_urls
from bot.render import esc, pack
from bot.service import Asker
from bot.votes import latest_disliked, vote_counts

REASONS = {"wrong_figure": "❌", "not_asked": "❓", "": "👎"}


async def cmd_stats(message: Message, asker: Asker) -> None:
    if not asker.usage.enabled:
        await message.answer(esc(_("The usage log is off (USAGE_LOG=off).")))
        return
    stats = asker.usage.stats()
    blocks = [
        "<b>" + esc(_("Usage")) + "</b>\n" + esc(_("Questions: {total}, answered: {share:.0%}").format(
            total=stats.total, share=stats.answered_share)),
        "<b>" + esc(_("Per day")) + "</b>\n" + "\n".join(
            f"{esc(day)}: {total} / {answered}" for day, total, answered in stats.days),
    ]
    if stats.unanswered:
        blocks.append("<b>" + esc(_("Top unanswered")) + "</b>\n" + "\n".join(
            f"{times}× {esc(question[:120])}" for question, times in stats.unanswered))
    blocks += vote_blocks(asker)
    for chunk in pack(blocks):
        await message.answer(chunk)


def vote_blocks(asker: Asker) -> list[str]:
    """👍 / 👎 counts, and the latest 👎: reason, question, the act cited, the start of the answer."""
    up, down = vote_counts(asker.usage)
    if not up and not down:
        return []
    blocks = ["<b>" + esc(_("Feedback")) + f"</b>\n👍 {up} · 👎 {down}"]
    disliked = latest_disliked(asker.usage)
    if disliked:
        lines = ["<b>" + esc(_("Latest 👎")) + "</b>"]
        legend = {"wrong_figure": _("wrong figure"), "not_asked": _("not what I asked"), "": ""}
        for vote in disliked:
            reason = legend.get(vote.reason, vote.reason)
            lines.append(f"{REASONS.get(vote.reason, '👎')} {esc(vote.day)} {esc(reason)} [{esc(vote.lang)}]: "
                         f"<b>{esc(vote.question[:120])}</b>")
            if vote.acts:
                lines.append(f"<i>📄 {esc(vote.acts[:160])}</i>")
            if vote.answer:
                lines.append(esc(" ".join(vote.answer.split())[:160]))
        blocks.append("\n".join(lines))
    return blocks


async def cmd_reload(message: Message, asker: Asker, lang: str) -> None:
    problem = await asker.reload()
    if problem:
        await message.answer(esc(_("Knowledge base not reloaded; still answering from the old one. Why: {problem}")
                                 .format(problem=problem[:500])))
        return
    official_urls.cache_clear()  # a changed manifest's links with the reloaded base
    documents = await asker.documents(lang)
    await message.answer(esc(_("Knowledge base reloaded: {count} documents.").format(count=len(documents))))


async def not_admin(message: Message) -> None:
    await message.answer(esc(_("This command is for administrators only.")))


def router(admin_ids: frozenset[int]) -> Router:
    r = Router(name="admin")

    async def is_admin(message: Message) -> bool:  # a coroutine: aiogram would run a magic filter in a thread
        return message.from_user is not None and message.from_user.id in admin_ids

    r.message.register(cmd_stats, Command("stats"), is_admin)
    r.message.register(cmd_reload, Command("reload"), is_admin)
    r.message.register(not_admin, Command("stats", "reload"))
    return r
