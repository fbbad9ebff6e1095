"""Answer → Telegram HTML for a phone screen: short lines, bold figures, the citation in small print.

Everything that comes from the user or the knowledge base goes through `esc`; messages are packed from
self-contained blocks, and a block too long for one message is split between tags (closed and reopened around
the cut), so each chunk is valid HTML under Telegram's 4096 characters.
"""

from __future__ import annotations

import html
import re

from aiogram.utils.i18n import gettext as _

from bot.labels import area_name, current_lang, degree_name, setting_name, status_name, unit_name
from knowledge import i18n
from knowledge.answer.compose import change_text, flag_warning, label, rates_text
from knowledge.domain import Answer, Citation, Result

LIMIT = 4000  # under Telegram's 4096, leaving room for nothing to go wrong
LONG_TEXT = 700  # a raw line longer than this is cut before escaping (escaping grows it at most ~5x)


def esc(text: object) -> str:
    return html.escape(str(text), quote=False)


def money(value: float | int | None, lang: str | None = None) -> str:
    """A rate for the locale (the engine's formatter): 842.4 → "842,40 ₸" (kk, ru) / "842.40 ₸" (en)."""
    return i18n.money(value, lang or current_lang())


def cite(citation: Citation) -> str:
    """The citation in small print: title, annex, item."""
    parts = [esc(citation.title)]
    if citation.annex is not None:
        parts.append(_("annex {annex}").format(annex=citation.annex))
    if citation.item:
        parts.append(_("item {item}").format(item=esc(citation.item)))
    return f"<i>📄 {', '.join(parts)}</i>"


def shorten(text: str, limit: int = LONG_TEXT) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def tariff_card(result: Result, area: str | None = None) -> str:
    fields = result.fields
    # the names in the reader's language (the engine's), else as printed
    lines = [f"<b>{esc(shorten(fields.get('service_name') or fields.get('service', ''), 200))}</b>"]
    if fields.get("position_name") or fields.get("position"):
        lines.append(f"👤 {esc(shorten(fields.get('position_name') or fields['position'], 200))}")
    context = [setting_name(fields.get("setting")), fields.get("jurisdiction_name") or fields.get("jurisdiction") or "",
               str(fields.get("year") or "")]
    lines.append("🏷 " + esc(" · ".join(part for part in context if part)))
    rates = []
    if fields.get("rate_city") is not None or fields.get("rate_rural") is not None:
        rates = [("city", "🏙", fields.get("rate_city")), ("rural", "🌾", fields.get("rate_rural"))]
        rates.sort(key=lambda rate: rate[0] != area)  # the asked area first
        for code, icon, value in rates:
            lines.append(f"{icon} {esc(area_name(code)).capitalize()}: <b>{esc(money(value))}</b>")
    else:
        name = esc(label("rate", current_lang()).capitalize())
        lines.append(f"💰 {name}: <b>{esc(money(fields.get('rate')))}</b>")
    if unit_name(fields.get("unit")):
        lines.append(esc(unit_name(fields.get("unit"))))
    lines += year_lines(fields, area)
    if fields.get("flagged"):
        lines.append("⚠️ " + esc(flag_warning(fields.get("flag_reason"), current_lang()).capitalize()))
    lines.append(cite(result.citation))
    return "\n".join(lines)


def year_lines(fields: dict, area: str | None) -> list[str]:
    """A tariff's other year: the change since the earlier year compared, and next year's figure when the base
    holds it (the engine's own wording)."""
    lang, lines = current_lang(), []
    change = fields.get("change")
    if change and change.get("rates"):
        earlier = {name: rate["from"] for name, rate in change["rates"].items()}
        later = {name: rate["to"] for name, rate in change["rates"].items()}
        lines.append(f"📈 {esc(change['from_year'])} → {esc(fields.get('year'))}: "
                     + esc(change_text(earlier, later, area, lang)))
    following = fields.get("next_year")
    if following and following.get("year"):
        act = f"№ {following.get('act_number')}"
        lines.append("⏭ " + esc(label("next_year_rate", lang).format(
            year=following["year"], rates=rates_text(following, area, lang), act=act)))
    return lines


def criterion_card(result: Result) -> str:
    fields = result.fields
    name = fields.get("name") or fields.get("criterion", "")  # the reader's language (the engine's), else as printed
    lines = [f"<b>{esc(fields.get('item', ''))}.</b> {esc(shorten(name))}"]
    if fields.get("degree"):
        name = esc(label("degree", current_lang()).capitalize())
        lines.append(f"⚖️ {name}: <b>{esc(degree_name(fields['degree']))}</b>")
    lines.append(cite(result.citation))
    return "\n".join(lines)


def document_card(result: Result) -> str:
    fields = result.fields
    icon = "✅" if fields.get("status") == "in_force" else "⚠️"
    lines = [f"<b>{esc(fields.get('title') or result.citation.title)}</b>"]
    details = [f"№ {esc(fields['number'])}" if fields.get("number") else "",
               esc(i18n.date(fields.get("date"), current_lang()))]
    lines.append(", ".join(part for part in details if part))
    lines.append(f"{icon} {esc(status_name(fields.get('status') or result.citation.status))}")
    return "\n".join(lines)


def result_card(result: Result, area: str | None = None) -> str:
    """One result as a self-contained HTML block (also the message an inline result posts)."""
    if result.type == "tariff":
        return tariff_card(result, area)
    if result.type == "criterion":
        return criterion_card(result)
    if result.type == "document":
        return document_card(result)
    text = result.fields.get("text") or result.fields.get("requirement") or result.fields.get("position") or ""
    return "\n".join(part for part in (esc(shorten(text)) if text else "", cite(result.citation)) if part)


def warning_blocks(answer: Answer) -> list[str]:
    warnings = [f"⚠️ {esc(shorten(warning))}" for warning in dict.fromkeys(answer.warnings) if warning.strip()]
    if not warnings and any(result.citation.status == "repealed" for result in answer.results):
        warnings.append("⚠️ " + esc(_("The cited act has been repealed: check the rules in force.")))
    return warnings


def text_blocks(text: str, small: tuple[str, ...] = ()) -> list[str]:
    """The engine's plain text, escaped, one block per paragraph (long paragraphs cut into several blocks).
    Lines naming a cited act (any of `small`) are set in small print: that is the text's own citation."""
    blocks = []
    for paragraph in text.strip().split("\n\n"):
        lines: list[str] = []
        for line in paragraph.splitlines():
            escaped = esc(shorten(line)) if line.strip() else ""
            if escaped and any(title in line for title in small):
                escaped = f"<i>{escaped}</i>"
            if lines and sum(len(kept) + 1 for kept in lines) + len(escaped) > LIMIT // 2:
                blocks.append("\n".join(lines))
                lines = []
            lines.append(escaped)
        if any(lines):
            blocks.append("\n".join(lines).strip("\n"))
    return blocks


WARNING_ICONS = ("⚠️", "⚠", "ℹ️", "ℹ")


def without_warnings(text: str, warnings: list[str]) -> str:
    """The engine's text without its warning lines: `warning_blocks` shows each warning once, set apart (a repealed
    act is said once per message)."""
    if not warnings:
        return text
    said = {" ".join(w.split()) for w in warnings}
    kept = [line for line in text.split("\n")
            if " ".join(line.strip().removeprefix(next((i for i in WARNING_ICONS if line.strip().startswith(i)), ""))
                        .split()) not in said]
    return "\n".join(kept)


def answer_blocks(answer: Answer) -> list[str]:
    tariffs = [result for result in answer.results if result.type == "tariff"]
    blocks: list[str] = []
    if answer.status == "answer" and len(tariffs) == 1:
        # One figure: a card from the result fields, formatted here for the locale, never re-read from text.
        # Several (tables compared, an item's positions, two years): the engine's compact list, one line each,
        # fits a phone screen where a card per row would not.
        blocks.append(tariff_card(tariffs[0], answer.filters.area))
    else:
        titles = tuple(dict.fromkeys(r.citation.title for r in answer.results if r.citation.title.strip()))
        blocks += text_blocks(without_warnings(answer.text, answer.warnings), titles)
        if answer.status == "answer" and not any(title in answer.text for title in titles):
            citations = dict.fromkeys(
                (r.citation.document, r.citation.title, r.citation.annex, r.citation.item) for r in answer.results)
            blocks += [cite(Citation(document, title, annex, item, "")) for document, title, annex, item in citations]
    if answer.status == "not_found" and not answer.results:  # a fine not held, beside the degree held, needs no hint
        blocks.append("<i>" + esc(_("Try other words, or see /help for examples.")) + "</i>")
    return warning_blocks(answer) + blocks if answer.status == "answer" else blocks + warning_blocks(answer)


def size(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji outside the BMP counts twice)."""
    return len(text.encode("utf-16-le")) // 2  # in C: a per-character loop here was a tenth of a reply's cost


ATOM = re.compile(r"<[^>]*>|&#?\w+;|.", re.S)  # a tag, an entity, or one character: never cut inside the first two
TAG = re.compile(r"<(/?)([\w-]+)")


def split_html(block: str, limit: int = LIMIT) -> list[str]:
    """Cut an HTML block into pieces of at most `limit`, never inside a tag or an entity: tags open at a cut are
    closed at its end and reopened at the start of the next piece. Cuts after a line break when one is at hand."""
    pieces: list[str] = []
    stack: list[tuple[str, str]] = []  # open tags: (name, the opening tag as written)
    atoms: list[str] = []  # the current piece: the reopened tags, then the atoms added
    used = 0  # size of the current piece
    prefix = 0  # atoms in the current piece that are reopened tags
    soft: tuple[int, list[tuple[str, str]]] | None = None  # just after the last line break: (atoms, open tags)
    shows = False  # the current piece has visible text (a piece of tags and blanks is not a message)

    def closing(tags: list[tuple[str, str]]) -> str:
        return "".join(f"</{name}>" for name, _ in reversed(tags))

    def cut(at: int, at_stack: list[tuple[str, str]]) -> None:
        nonlocal atoms, used, prefix, soft, shows
        pieces.append("".join(atoms[:at]) + closing(at_stack))
        rest = atoms[at:]
        atoms = [opening for _, opening in at_stack] + rest
        prefix = len(at_stack)
        used = size("".join(atoms))
        soft = None
        shows = any(not atom.startswith("<") and not atom.isspace() for atom in rest)

    for atom in ATOM.findall(block):
        tag = TAG.match(atom)
        after = list(stack)
        if tag and tag.group(1):
            if after and after[-1][0] == tag.group(2):
                after.pop()
        elif tag and not atom.endswith("/>"):
            after.append((tag.group(2), atom))
        while used + size(atom) + size(closing(after)) > limit and len(atoms) > prefix:
            if soft is not None and soft[0] > prefix:
                cut(*soft)
            else:
                cut(len(atoms), stack)
        atoms.append(atom)
        used += size(atom)
        stack = after
        shows = shows or not (tag or atom.isspace())
        if atom == "\n" and shows:
            soft = (len(atoms), list(stack))
    if len(atoms) > prefix:
        pieces.append("".join(atoms) + closing(stack))
    return [piece for piece in pieces if visible(piece).strip()]


def visible(html_text: str) -> str:
    """The text a reader sees: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]*>", "", html_text))


def fit(html_text: str, limit: int = LIMIT) -> str:
    """One message's worth of HTML: the text itself, or its first safe piece."""
    return html_text if size(html_text) <= limit else (split_html(html_text, limit) or [""])[0]


def pack(blocks: list[str], limit: int = LIMIT) -> list[str]:
    """Join blocks with blank lines into as few messages as fit under `limit` (in Telegram's UTF-16 units);
    a block too long for one message is split between tags (split_html)."""
    chunks: list[str] = []
    current = ""
    for block in blocks:
        candidate = f"{current}\n\n{block}" if current else block
        if size(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        pieces = split_html(block, limit) if size(block) > limit else [block]
        chunks += pieces[:-1]
        current = pieces[-1] if pieces else ""
    if current:
        chunks.append(current)
    return chunks or [esc(_("No answer."))]


def render_answer(answer: Answer) -> list[str]:
    """The reply messages (HTML) for an answer, in the current gettext locale."""
    return pack(answer_blocks(answer))


# --- behind buttons: the act's own (Kazakh) wording, and every row of a list the answer cut -------------------------

ACT_TEXT_CHARS = 300  # of one printed name or requirement


def printed_wording(result: Result) -> str:
    """What the act prints for a result, in its own (Kazakh) words: service and position, criterion, requirement,
    staffing position; "" when the result carries none."""
    fields = result.fields
    if result.type == "tariff":
        return " — ".join(part for part in (fields.get("service"), fields.get("position")) if part)
    return str(fields.get("criterion") or fields.get("requirement") or fields.get("position") or "")


def has_act_text(answer: Answer) -> bool:
    """A Russian or English answer whose results have printed wording to show."""
    return answer.lang != "kk" and answer.status == "answer" and any(printed_wording(r) for r in answer.results)


def act_text_blocks(answer: Answer) -> list[str]:
    """The printed wording of the answer's results, quoted, each with its citation (in the current locale)."""
    blocks = ["<b>" + esc(_("Text of the act (as printed, in Kazakh):")) + "</b>"]
    shown: set[str] = set()
    for result in answer.results:
        wording = " ".join(printed_wording(result).split())
        if wording and wording not in shown:
            shown.add(wording)
            blocks.append(f"«{esc(shorten(wording, ACT_TEXT_CHARS))}»\n{cite(result.citation)}")
    return blocks


def list_line(result: Result, area: str | None) -> str:
    """One result of a long list as one line: a tariff's place, setting, position and rates; a requirement's item
    and name."""
    fields, lang = result.fields, current_lang()
    if result.type == "tariff":
        where = ", ".join(part for part in (fields.get("jurisdiction_name"), setting_name(fields.get("setting")))
                          if part)
        what = " — ".join(part for part in (fields.get("service_name") or fields.get("service"),
                                            fields.get("position_name") or fields.get("position")) if part)
        unit = label(f"{fields.get('unit') or 'month'}_short", lang)
        return f"• {esc(where)}: {esc(shorten(what, 200))}: <b>{esc(rates_text(fields, area, lang))}</b> ({esc(unit)})"
    name = fields.get("name") or fields.get("requirement") or fields.get("criterion") or ""
    return f"{esc(fields.get('item', ''))}. {esc(shorten(name, 200))}"


def is_cut(answer: Answer) -> bool:
    """Whether the answer's text lists fewer rows than its results hold (a compact comparison, a checklist's first
    page): then "show all" lists every one."""
    listed = [r for r in answer.results if r.type in ("tariff", "checklist")]
    if any(r.fields.get("change") for r in listed):  # two years side by side: every row is shown
        return False
    return answer.status == "answer" and len(listed) > 1 and sum(
        1 for line in answer.text.splitlines() if line.startswith("• ") or line[:1].isdigit()) < len(listed)


def full_list_blocks(answer: Answer) -> list[str]:
    """Every row of the answer, one line each, then the citations (in the current locale)."""
    lines = [list_line(r, answer.filters.area) for r in answer.results if r.type in ("tariff", "checklist")]
    titles = dict.fromkeys(r.citation.title for r in answer.results)
    return ["\n".join(lines)] + [f"<i>📄 {esc(title)}</i>" for title in titles if title]
