"""What a reader can do with an answer: vote on it (👍 / 👎 with a reason), share it into a chat (inline mode), open
the official publication of the act it cites. The rows added under an answer's own buttons.

A vote's button carries a ticket id only; the ticket keeps what the vote records (the question, the answer as
given, the acts cited), so the usage log gets the answer the reader actually saw, even after a refine button.
"""

from __future__ import annotations

import re
from functools import lru_cache

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton
from aiogram.utils.i18n import gettext as _

from bot.keyboards import Tickets
from knowledge.domain import Answer, Citation

# Votes and the reasons of a 👎 (as stored in the usage log).
VOTES = {"u": ("up", ""), "d": ("down", ""), "w": ("down", "wrong_figure"), "n": ("down", "not_asked")}
SHARE_LIMIT = 256  # Telegram's limit on the query a "share" button types into the chat
SHARE_MARK = "#"
SHARED_QUERY = re.compile(r"(.+?)\s+#([0-9a-f]{8})", re.S)


class FeedbackCb(CallbackData, prefix="f"):
    """A vote on an answer: ticket id + vote code (VOTES)."""

    t: str
    v: str


def cited(citation: Citation) -> str:
    parts = [citation.title]
    if citation.annex is not None:
        parts.append(f"annex {citation.annex}")
    if citation.item:
        parts.append(f"item {citation.item}")
    return ", ".join(part for part in parts if part)


def acts_cited(answer: Answer) -> str:
    """The acts an answer cites, each once, in the order of its results: "title, annex 2, item 63; …"."""
    return "; ".join(dict.fromkeys(cited(result.citation) for result in answer.results if result.citation.title))


def vote_ticket(answer: Answer, tickets: Tickets, chat_id: int | None = None) -> str:
    """A ticket for votes on this answer, bound to its chat: the same question with other filters is another
    answer."""
    about = {"answer": answer.text[:1000], "acts": acts_cited(answer)[:500], "intent": answer.intent,
             "status": answer.status}
    return tickets.put(answer.question, lang=answer.lang, about=about,
                       seed=f"vote|{answer.question}|{answer.filters}|{answer.lang}", chat_id=chat_id)


def vote_row(ticket: str) -> list[InlineKeyboardButton]:
    return [InlineKeyboardButton(text="👍", callback_data=FeedbackCb(t=ticket, v="u").pack()),
            InlineKeyboardButton(text="👎", callback_data=FeedbackCb(t=ticket, v="d").pack())]


def reason_row(ticket: str) -> list[InlineKeyboardButton]:
    """What a 👎 asks next: which of the two ways the answer failed."""
    return [InlineKeyboardButton(text="❌ " + _("Wrong figure"), callback_data=FeedbackCb(t=ticket, v="w").pack()),
            InlineKeyboardButton(text="❓ " + _("Not what I asked"),
                                 callback_data=FeedbackCb(t=ticket, v="n").pack())]


def share_button(answer: Answer, tickets: Tickets) -> InlineKeyboardButton | None:
    """Opens the chat picker with `@bot <question> #<ticket>` typed: the ticket keeps the answer's language and
    filters (a refined answer is shared as shown, not as first asked); the inline answer posts it there."""
    seed = f"share|{answer.question}|{answer.filters}|{answer.lang}"
    query = f"{answer.question} {SHARE_MARK}{tickets.id_for(seed, None)}"
    if len(query) > SHARE_LIMIT:
        return None
    filters = {"area": answer.filters.area or "", "setting": answer.filters.setting or "",
               "jurisdiction": answer.filters.jurisdiction or ""}
    # not bound to a chat: the inline query that posts it comes from the user, in whichever chat they pick
    tickets.put(answer.question, lang=answer.lang, about=filters, seed=seed)
    return InlineKeyboardButton(text="↗️ " + _("Share"), switch_inline_query=query)


def shared(query: str) -> tuple[str, str | None]:
    """An inline query typed by a share button → (the question, its ticket id); any other → (query, None)."""
    match = SHARED_QUERY.fullmatch(query.strip())
    return (match.group(1).strip(), match.group(2)) if match else (query.strip(), None)


@lru_cache(maxsize=1)
def official_urls() -> dict[str, str]:
    """Document id → the URL of its official publication, from the manifest (empty where it is not known)."""
    from knowledge.ingest.manifest import load_manifest

    try:
        return {document.id: document.url for document in load_manifest() if document.url}
    except Exception:  # a missing or broken manifest costs the link, never the answer
        return {}


def localized(url: str, lang: str) -> str:
    """adilet.zan.kz publishes each act under /kaz/, /rus/ and /eng/: the reader's language first."""
    if "adilet.zan.kz/kaz/" in url and lang in ("ru", "en"):
        return url.replace("/kaz/", {"ru": "/rus/", "en": "/eng/"}[lang], 1)
    return url


def link_button(answer: Answer) -> InlineKeyboardButton | None:
    """The official publication of the first cited act whose URL the manifest keeps; none when none is known."""
    urls = official_urls()
    for result in answer.results:
        url = urls.get(result.citation.document)
        if url:
            return InlineKeyboardButton(text="📜 " + _("Official text of the act"), url=localized(url, answer.lang))
    return None


def action_rows(answer: Answer, tickets: Tickets, chat_id: int | None = None) -> list[list[InlineKeyboardButton]]:
    """Votes and share under an answer (not under a clarify or "not found"), then the act's link."""
    if answer.status != "answer":
        return []
    row = vote_row(vote_ticket(answer, tickets, chat_id))
    share = share_button(answer, tickets)
    if share is not None:
        row.append(share)
    link = link_button(answer)
    return [row, [link]] if link is not None else [row]
