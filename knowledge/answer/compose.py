"""Reply text in Kazakh, Russian or English: labels from the gettext catalogues, figures and dates formatted for
the locale (knowledge.i18n), units, citations and warnings (reconstructed layout, repealed act)."""

from __future__ import annotations

import re

from knowledge.answer.names import position_name, quoted, shown
from knowledge.domain import Citation
from knowledge.i18n import N_, date, gettext, money, money_change, percent_change

# Every text a reader sees, by the key the engine asks for: key → English msgid. The Kazakh and Russian texts are in
# locales/{kk,ru}/LC_MESSAGES/messages.po (the bot reads the same catalogues). Adding a label: one line here, then
# `make messages` and the kk/ru msgstr in the .po files.
LABELS: dict[str, str] = {
    "stationary": N_("stationary care"),
    "semi_stationary": N_("semi-stationary care"),
    "home": N_("home care"),
    "temporary": N_("temporary stay"),
    "city": N_("city"),
    "rural": N_("rural area"),
    "rate": N_("rate"),
    "month": N_("per recipient per month"),
    "day": N_("per recipient per day"),
    "month_short": N_("per month"),
    "day_short": N_("per day"),
    "other_year": N_("The knowledge base holds no tariffs for {asked}: only for {held}."),
    "same_for_year": N_("The {year} rate"),
    "other_year_place": N_("{place}: the knowledge base holds no tariffs for {asked}, only for {held}."),
    "next_year_rate": N_("{year}: {rates} ({act})"),
    "not_in_year": N_("{year}: the act of that year has no such item ({act})"),
    "unchanged": N_("unchanged"),
    "single_rate": N_("This act sets one rate for city and village alike."),
    "city_rate_only": N_("This act sets a city rate only; there is no separate rural rate."),
    "no_tariff": N_("no tariff set"),
    "gross": N_("gross"),
    "significant": N_("significant"),
    "minor": N_("minor"),
    "in_force": N_("in force"),
    "repealed": N_("repealed"),
    "superseded": N_("superseded"),
    "position": N_("position"),
    "source": N_("Source"),
    "criterion": N_("criterion"),
    "degree": N_("violation degree"),
    "yes": N_("Yes"),
    "no": N_("No"),
    "flagged": N_("layout reconstructed; check the official publication"),
    "rate_pattern": N_("this figure departs from the table's usual city/rural ratio (possibly a misprint); check "
                       "the official publication"),
    "repealed_by": N_("This act is repealed by {by}"),
    "superseded_by": N_("This act is superseded by {by}"),
    "repealed_on": N_(" (from {date})"),
    "compare": N_("Several matches, compared:"),
    "more_rows": N_("…and {n} more: choose one below, or name the setting, district or position."),
    "clarify": N_("Please tell me which one you mean:"),
    "not_found": N_("I could not find this in the knowledge base. I can answer about tariffs, violation degrees, "
                    "checklist requirements, staffing norms and the source documents."),
    "how_to": N_("I answer from the legal acts: tariffs, violation degrees, checklist requirements, staffing norms "
                 "and the acts themselves. I cannot explain procedures or write documents; the nearest things the "
                 "base holds are below."),
    "out_of_scope": N_("The knowledge base does not hold this. It holds the tariffs of special social services ({places}), "
                       "violation degrees, checklist requirements, staffing norms and the acts they come from."),
    "no_sanctions": N_("The knowledge base holds no fines or other sanctions: they are set by the Code of the Republic "
                       "of Kazakhstan on Administrative Offences."),
    "empty": N_("Please type a question: for example a service name, the setting (stationary, home...) and area."),
    "error": N_("Sorry, I could not process that question. Please try rephrasing it."),
    "not_in_table": N_("There are no tariffs in the base for this setting and jurisdiction."),
    "degree_criteria": N_("{count} risk criteria carry this degree (annex 1, items {items})."),
    "definition": N_("Definition"),
    "issuer": N_("Issued by"),
    "number": N_("No."),
    "date": N_("date"),
    "registration": N_("registered with the Ministry of Justice under No. {number}"),
    "status": N_("status"),
    "staffing": N_("Staffing norm"),
    "recipients": N_("recipients"),
    "checklist": N_("Checklist"),
    "requirements": N_("{n} requirements:"),
    "more_requirements": N_("…and {n} more: name the requirement, or ask about one."),
    "checklists_of_act": N_("The checklists are annexes of this act; name a setting or a requirement to see one:"),
    # follow-up questions the engine offers as choices
    "ask_degree": N_("violation degree"),
    "ask_documents": N_("Which documents are in the base?"),
    "ask_documents_query": N_("which orders and decrees are there"),
    "documents_list": N_("Acts in the knowledge base ({n}):"),
    # a named position: the item has no row for it; several services have one
    "no_position": N_("This item has no rate for \"{position}\"; its positions are: {positions}."),
    "position_not_in_base": N_("The tariff tables in the base set no rates for \"{position}\"."),
    "position_not_in_table": N_("The tariffs asked about set no rate for \"{position}\". Rates for it are set here:"),
    "position_services": N_("Rates for \"{position}\" are set for several services. Which one do you mean?"),
    # settings in a choice label, short
    "stationary_short": N_("stationary"),
    "semi_stationary_short": N_("semi-stationary"),
    "home_short": N_("at home"),
    "temporary_short": N_("temporary"),
    # violations: what tells look-alike criteria apart (the section of the annex decides the degree)
    "depends": N_("The degree depends on how and where the violation was found:"),
    "section_visit": N_("found at an inspection visit"),
    "section_internet": N_("found in official media and state internet resources"),
    "section_reports": N_("found in monitoring of reports and data"),
    "section_complaints": N_("from confirmed complaints and appeals"),
    # staffing: head-count bands and table values
    "band_range": N_("{low}–{high} recipients"),
    "band_up_to": N_("up to {high} recipients"),
    "band_over": N_("over {low} recipients"),
    "band_any": N_("any number of recipients"),
    "band_note": N_("note {note}"),
    "per_institution": N_("{n} per institution"),
    "row_as_printed": N_("The text of the act does not show which figure of this row belongs to which head-count "
                         "column ({columns}), so no figure is picked. The row as printed:"),
    "no_post": N_("not provided"),
    "standard_norms": N_("according to the standard norms"),
    "items": N_("items {items}"),
    # the cost of a care plan (knowledge.answer.plan, intents/calculation)
    "plan_head": N_("Cost of the plan (tariff × days or months × recipients):"),
    "plan_total": N_("Total: {total}"),
    "plan_days": N_("{n} day(s)"),
    "plan_months": N_("{n} month(s)"),
    "plan_recipients": N_("{n} recipient(s)"),
    "plan_not_counted": N_("not in the total"),
    "plan_no_tariff": N_("Line {n}: no tariff set for this service; it is left out of the total."),
    "plan_no_count": N_("Line {n}: the number of days or months for this tariff's unit is not given; it is left out "
                        "of the total."),
    "plan_no_area": N_("Line {n}: the city and rural rates differ and the area is not given; it is left out of the "
                       "total."),
    "plan_mixed": N_("The plan mixes per-day and per-month tariffs: per-day lines are counted by days, per-month "
                     "lines by months."),
    "plan_which": N_("For \"{part}\": which one do you mean?"),
    "plan_area": N_("The city and rural rates differ. Which area?"),
    "plan_not_found": N_("No tariff found for \"{part}\". Rephrase it, or count the plan without it:"),
    "plan_without": N_("Without \"{part}\""),
    # the plan as a spreadsheet (knowledge.desk.plan_sheet): column headings
    "sheet_title": N_("Plan"),
    "sheet_number": N_("No."),
    "sheet_service": N_("Service"),
    "sheet_place": N_("Jurisdiction, setting"),
    "sheet_unit": N_("Unit"),
    "sheet_rate": N_("Tariff, ₸"),
    "sheet_count": N_("Days / months"),
    "sheet_amount": N_("Sum, ₸"),
    "sheet_annex": N_("Annex"),
    "sheet_item": N_("Item"),
    "sheet_year": N_("Year"),
    "sheet_note": N_("Note"),
    "sheet_total": N_("Total"),
    "plan_count": N_("How many days (for a per-day tariff) or months (for a per-month one)? Ask again with them, "
                     "e.g. \"…, 15 days\"."),
    "plan_too_many": N_("One question can count a plan of up to {n} services: for a longer one, add the services to "
                        "the plan (📋) one by one."),
    "plan_empty": N_("Which services should the plan count? Name them with the setting and district, e.g. "
                     "\"massage and exercise therapy, semi-stationary care, Börli district, 15 days\"."),
}
ACT_TYPES = {"decree": N_("decree"), "order": N_("order"), "joint order": N_("joint order")}
# A citation: the act, then where in it. Kazakh puts the issuer and date first ("…, 2025-12-25 № 286 қаулы").
TITLE = N_("{act} No. {number} of {date} ({issuer})")
ACT = N_("{act} No. {number} of {date}")  # the same without its issuer, where the reply already names the place
ANNEX = N_("annex {annex}")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ITEM = N_("item {item}")


def flag_warning(flag_reason: str | None, lang: str) -> str:
    """The warning a flagged tariff row carries: a figure that breaks its table's pattern (a likely misprint), or a
    layout that had to be reconstructed."""
    return label("rate_pattern" if "rate_pattern" in (flag_reason or "") else "flagged", lang)


def label(key: str, lang: str) -> str:
    """The text of a label in the reply language; an unknown key is returned as it is."""
    msgid = LABELS.get(key)
    return gettext(lang, msgid) if msgid else key


def short_title(document: dict, lang: str) -> str:
    """"decree No. 286 of December 25, 2025 (West Kazakhstan oblast akimat)" in the reply language, the date
    as the language writes it ("25 декабря 2025 г.", "2025 жылғы 25 желтоқсан")."""
    act_type = document.get("act_type", "")
    act = gettext(lang, ACT_TYPES[act_type]) if act_type in ACT_TYPES else act_type
    issuer = document.get(f"issuer_{lang}") or document.get("issuer_kk", "")
    return gettext(lang, TITLE).format(act=act, number=document.get("number", ""),
                                       date=date(document.get("date", ""), lang), issuer=issuer)


def act_title(document: dict, lang: str) -> str:
    """"decree No. 286 of December 25, 2025" in the reply language."""
    act_type = document.get("act_type", "")
    act = gettext(lang, ACT_TYPES[act_type]) if act_type in ACT_TYPES else act_type
    return gettext(lang, ACT).format(act=act, number=document.get("number", ""),
                                     date=date(document.get("date", ""), lang))


def cite(citation: Citation, lang: str) -> str:
    parts = [citation.title]
    if citation.annex:
        parts.append(gettext(lang, ANNEX).format(annex=citation.annex))
    if citation.item:
        parts.append(gettext(lang, ITEM).format(item=citation.item))
    return ", ".join(parts)


def repealed_line(document: dict, lang: str) -> str:
    by = document.get(f"repealed_by_{lang}") or document.get("repealed_by_kk") or "—"
    by = ISO_DATE.sub(lambda found: date(found[0], lang), by)  # a date the manifest writes as 2023-06-22
    line = label("repealed_by", lang).format(by=by)
    if document.get("repealed_on"):
        line += label("repealed_on", lang).format(date=date(document["repealed_on"], lang))
    return line


def degree_text(degree: str, degree_kk: str | None, lang: str) -> str:
    """A violation degree: the Kazakh word as printed in the order once in Kazakh ("елеулі"), the translation with
    the printed word quoted in Russian and English ("значительное («елеулі»)")."""
    printed = (degree_kk or "").strip()
    if lang == "kk":
        return printed or label(degree, lang)
    return f"{label(degree, lang)} ({quoted(printed, lang)})" if printed else label(degree, lang)


def superseded_line(newer: str, lang: str) -> str:
    return label("superseded_by", lang).format(by=newer)


def tariff_line(row: dict, area: str | None, lang: str, service: str | None = None) -> str:
    """One tariff row: service — position: rates (asked-for area first), unit. `service`: the service's name in
    `lang` (else the printed one, quoted outside Kazakh); the position is named in `lang` the same way."""
    unit = label(row.get("unit") or "month", lang)
    return f"{row_name(row, lang, service)}: {rates_text(row, area, lang)} ({unit})"


def row_name(row: dict, lang: str, service: str | None = None) -> str:
    """"service — position" of a tariff row in `lang`."""
    name = shown(row.get("service") or "", service, lang)
    position = position_name(row.get("position") or "", lang)
    return f"{name} — {position}" if position else name


def rates_text(row: dict, area: str | None, lang: str) -> str:
    """A row's rates: its one rate, or city and rural (the asked-for area first)."""
    if row.get("rate") is not None and row.get("rate_city") is None and row.get("rate_rural") is None:
        return f"{money(row['rate'], lang)}"
    order = ["rural", "city"] if area == "rural" else ["city", "rural"]
    return "; ".join(f"{label(a, lang)}: {money(row.get('rate_' + a), lang)}" for a in order)


def change_text(earlier: dict, later: dict, area: str | None, lang: str) -> str:
    """"742,50 ₸ → 760,00 ₸ (+17,50 ₸, +2,4 %)", per area for a two-rate row (the asked-for area first)."""
    names = ["rate"] if later.get("rate") is not None and later.get("rate_city") is None else (
        ["rate_rural", "rate_city"] if area == "rural" else ["rate_city", "rate_rural"])
    parts = []
    for name in names:
        old, new = earlier.get(name), later.get(name)
        text = f"{money(old, lang)} → {money(new, lang)}"
        if old and new:
            text += " (" + (f"{money_change(new - old, lang)}, {percent_change((new - old) / old * 100, lang)}"
                            if round(new - old, 2) else label("unchanged", lang)) + ")"
        parts.append(text if name == "rate" else f"{label(name.removeprefix('rate_'), lang)}: {text}")
    return "; ".join(parts)


def truncate(text: str, limit: int = 160) -> str:
    """`text` at most `limit` characters: cut between words with "…", never inside a word (a single word longer
    than the limit is the only thing cut inside)."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if not text[limit - 1].isspace() and not head[-1].isspace() and " " in head.strip():  # inside a word
        head = head[: head.rstrip().rindex(" ")]
    return head.rstrip(" ,;:·—-(") + "…"


def excerpt(text: str, limit: int, lang: str) -> str:
    """A passage of the act as printed (Kazakh), cut between words: quoted in a Russian or English reply, the
    closing quote kept after the cut."""
    text = " ".join(text.split()).strip("\"«»“”")
    return quoted(truncate(text, limit - 2), lang)
