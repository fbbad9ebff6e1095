"""Reply text in Kazakh, Russian or English: figures formatted for the locale with Babel, units, citations and
warnings (reconstructed layout, repealed act)."""

from __future__ import annotations

from babel.numbers import format_decimal

from knowledge.domain import Citation

LABELS: dict[str, dict[str, str]] = {
    "stationary": {"kk": "стационар", "ru": "стационар", "en": "stationary care"},
    "semi_stationary": {"kk": "жартылай стационар", "ru": "полустационар", "en": "semi-stationary (day) care"},
    "home": {"kk": "үйде қызмет көрсету", "ru": "надомное обслуживание", "en": "home care"},
    "temporary": {"kk": "уақытша болу", "ru": "временное пребывание", "en": "temporary stay"},
    "oblast": {"kk": "БҚО (облыс)", "ru": "ЗКО (область)", "en": "West Kazakhstan oblast"},
    "borli": {"kk": "Бөрлі ауданы", "ru": "Бурлинский район", "en": "Börli district"},
    "baiterek": {"kk": "Бәйтерек ауданы", "ru": "район Байтерек", "en": "Bäyterek district"},
    "national": {"kk": "республикалық", "ru": "республиканский", "en": "national"},
    "city": {"kk": "қала", "ru": "город", "en": "city"},
    "rural": {"kk": "ауыл", "ru": "село", "en": "rural"},
    "rate": {"kk": "тариф", "ru": "тариф", "en": "rate"},
    "month": {"kk": "бір қызмет алушыға айына", "ru": "на одного получателя в месяц", "en": "per recipient per month"},
    "day": {"kk": "бір қызмет алушыға күніне", "ru": "на одного получателя в день", "en": "per recipient per day"},
    "other_year": {"kk": "Білім қорында {asked} жылғы тарифтер жоқ: тек {held} жылға арналған тарифтер бар.",
                   "ru": "Тарифов на {asked} год в базе нет: в ней тарифы на {held} год.",
                   "en": "The knowledge base holds no tariffs for {asked}: only for {held}."},
    "same_for_year": {"kk": "{year} жылғы тариф", "ru": "Тариф на {year} год", "en": "The {year} rate"},
    "single_rate": {"kk": "Бұл актіде қала мен ауыл үшін бір ғана тариф белгіленген.",
                    "ru": "В этом акте один тариф и для города, и для села.",
                    "en": "This act sets one rate for city and village alike."},
    "city_rate_only": {"kk": "Бұл актіде тек қала тарифі белгіленген; ауыл тарифі бөлек берілмеген.",
                       "ru": "В этом акте установлен только городской тариф; отдельного сельского тарифа нет.",
                       "en": "This act sets a city rate only; there is no separate rural rate."},
    "no_tariff": {"kk": "тариф белгіленбеген", "ru": "тариф не установлен", "en": "no tariff set"},
    "gross": {"kk": "өрескел", "ru": "грубое", "en": "gross"},
    "significant": {"kk": "елеулі", "ru": "значительное", "en": "significant"},
    "minor": {"kk": "болмашы", "ru": "незначительное", "en": "minor"},
    "in_force": {"kk": "күшінде", "ru": "действует", "en": "in force"},
    "repealed": {"kk": "күші жойылған", "ru": "утратил силу", "en": "repealed"},
    "superseded": {"kk": "ауыстырылған", "ru": "заменён", "en": "superseded"},
    "position": {"kk": "лауазым", "ru": "должность", "en": "position"},
    "source": {"kk": "Дереккөз", "ru": "Источник", "en": "Source"},
    "criterion": {"kk": "өлшемшарт", "ru": "критерий", "en": "criterion"},
    "degree": {"kk": "бұзушылық дәрежесі", "ru": "степень нарушения", "en": "violation degree"},
    "yes": {"kk": "Иә", "ru": "Да", "en": "Yes"},
    "no": {"kk": "Жоқ", "ru": "Нет", "en": "No"},
    "flagged": {"kk": "кесте құрылымы қалпына келтірілді; ресми жарияланыммен тексеріңіз",
                "ru": "структура таблицы восстановлена; сверьте с официальной публикацией",
                "en": "layout reconstructed; check the official publication"},
    "rate_pattern": {"kk": "бұл сан кестедегі қала/ауыл арақатынасынан ауытқиды (мүмкін, баспа қатесі); ресми "
                         "жарияланыммен тексеріңіз",
                     "ru": "эта цифра выбивается из соотношения город/село в таблице (возможна опечатка); сверьте с "
                           "официальной публикацией",
                     "en": "this figure departs from the table's usual city/rural ratio (possibly a misprint); check "
                           "the official publication"},
    "repealed_by": {"kk": "Акт күшін жойған: {by}", "ru": "Акт утратил силу: отменён {by}", "en": "This act is repealed by {by}"},
    "superseded_by": {"kk": "Бұл акт ауыстырылған (superseded), оның орнына: {by}",
                      "ru": "Этот акт заменён (superseded): действует {by}",
                      "en": "This act is superseded by {by}"},
    "repealed_on": {"kk": " ({date} бастап)", "ru": " (с {date})", "en": " (from {date})"},
    "compare": {"kk": "Бірнеше сәйкестік бар, салыстыру:", "ru": "Найдено несколько совпадений, сравнение:",
                "en": "Several matches, compared:"},
    "clarify": {"kk": "Нақтылаңызшы, қайсысы керек?", "ru": "Уточните, пожалуйста, что именно нужно?",
                "en": "Please tell me which one you mean:"},
    "not_found": {"kk": "Бұл сұраққа білім қорында жауап таппадым. Мен тарифтер, бұзушылық дәрежелері, тексеру "
                        "парақтары, штат нормативтері және осы құжаттар туралы айта аламын.",
                  "ru": "Ответа на этот вопрос в базе знаний нет. Я могу подсказать тарифы, степени нарушений, "
                        "требования проверочных листов, штатные нормативы и сведения о документах.",
                  "en": "I could not find this in the knowledge base. I can answer about tariffs, violation degrees, "
                        "checklist requirements, staffing norms and the source documents."},
    "empty": {"kk": "Сұрағыңызды жазыңыз, мысалы, қызмет атауы, жағдайы (стационар, үйде...) және аудан.",
              "ru": "Напишите вопрос: например, название услуги, форму обслуживания (стационар, на дому...) и район.",
              "en": "Please type a question: for example a service name, the setting (stationary, home...) and area."},
    "error": {"kk": "Кешіріңіз, сұрақты өңдей алмадым. Басқаша жазып көріңіз.",
              "ru": "Извините, не удалось обработать вопрос. Попробуйте сформулировать иначе.",
              "en": "Sorry, I could not process that question. Please try rephrasing it."},
    "not_in_table": {"kk": "Бұл жағдай/аудан үшін тарифтер базада жоқ.",
                     "ru": "Для этой формы обслуживания и района тарифов в базе нет.",
                     "en": "There are no tariffs in the base for this setting and jurisdiction."},
    "degree_criteria": {"kk": "Тәуекел өлшемшарттарының {count}-і осы дәрежеде (1-қосымша, тармақтар: {items}).",
                        "ru": "С этой степенью {count} критериев риска (приложение 1, пункты: {items}).",
                        "en": "{count} risk criteria carry this degree (annex 1, items {items})."},
    "definition": {"kk": "Анықтама", "ru": "Определение", "en": "Definition"},
    "issuer": {"kk": "Шығарған", "ru": "Издал", "en": "Issued by"},
    "number": {"kk": "№", "ru": "№", "en": "No."},
    "date": {"kk": "күні", "ru": "дата", "en": "date"},
    "status": {"kk": "мәртебесі", "ru": "статус", "en": "status"},
    "staffing": {"kk": "Штат нормативі", "ru": "Штатный норматив", "en": "Staffing norm"},
    "recipients": {"kk": "қызмет алушылар", "ru": "получатели", "en": "recipients"},
    "checklist": {"kk": "Тексеру парағы", "ru": "Проверочный лист", "en": "Checklist"},
    "requirements": {"kk": "Талаптар саны: {n}", "ru": "Требований: {n}", "en": "{n} requirements:"},
    # follow-up questions the engine offers as choices
    "ask_degree": {"kk": "бұзушылық дәрежесі", "ru": "степень нарушения", "en": "violation degree"},
    "ask_documents": {"kk": "Қандай құжаттар бар?", "ru": "Какие документы в базе?",
                      "en": "Which documents are in the base?"},
    "ask_documents_query": {"kk": "қай бұйрықтар мен қаулылар бар", "ru": "какие приказы и постановления есть",
                            "en": "which orders and decrees are there"},
}
ACT_TYPES = {"decree": {"kk": "қаулы", "ru": "постановление", "en": "decree"},
             "order": {"kk": "бұйрық", "ru": "приказ", "en": "order"},
             "joint order": {"kk": "бірлескен бұйрық", "ru": "совместный приказ", "en": "joint order"}}
BABEL_LOCALES = {"kk": "kk", "ru": "ru", "en": "en"}


def label(key: str, lang: str) -> str:
    entry = LABELS.get(key)
    return entry.get(lang) or entry["en"] if entry else key


def money(value: float | None, lang: str) -> str:
    """A rate as printed for the locale: "842,40 ₸"; 0 is "no tariff set"; None is a dash."""
    if value is None:
        return "—"
    if value == 0:
        return label("no_tariff", lang)
    return format_decimal(value, format="#,##0.00", locale=BABEL_LOCALES.get(lang, "kk")) + " ₸"


def short_title(document: dict, lang: str) -> str:
    """"decree No. 286 of 2025-12-25 (West Kazakhstan oblast akimat)" in the reply language."""
    act = ACT_TYPES.get(document.get("act_type", ""), {}).get(lang) or document.get("act_type", "")
    issuer = document.get(f"issuer_{lang}") or document.get("issuer_kk", "")
    number, date = document.get("number", ""), document.get("date", "")
    if lang == "kk":
        return f"{issuer}, {date} № {number} {act}"
    if lang == "ru":
        return f"{act} № {number} от {date} ({issuer})"
    return f"{act} No. {number} of {date} ({issuer})"


def cite(citation: Citation, lang: str) -> str:
    parts = [citation.title]
    if citation.annex:
        parts.append({"kk": f"{citation.annex}-қосымша", "ru": f"приложение {citation.annex}",
                      "en": f"annex {citation.annex}"}[lang])
    if citation.item:
        parts.append({"kk": f"{citation.item}-тармақ", "ru": f"пункт {citation.item}", "en": f"item {citation.item}"}[lang])
    return ", ".join(parts)


def repealed_line(document: dict, lang: str) -> str:
    by = document.get(f"repealed_by_{lang}") or document.get("repealed_by_kk") or "—"
    line = label("repealed_by", lang).format(by=by)
    if document.get("repealed_on"):
        line += label("repealed_on", lang).format(date=document["repealed_on"])
    return line


def degree_text(degree: str, degree_kk: str | None, lang: str) -> str:
    """A violation degree: the Kazakh word as printed in the order once in Kazakh ("елеулі"), the translation with
    the printed word in Russian and English ("значительное (елеулі)")."""
    printed = (degree_kk or "").strip()
    if lang == "kk":
        return printed or label(degree, lang)
    return f"{label(degree, lang)} ({printed})" if printed else label(degree, lang)


def superseded_line(newer: str, lang: str) -> str:
    return label("superseded_by", lang).format(by=newer)


def tariff_line(row: dict, area: str | None, lang: str) -> str:
    """One tariff row: service — position: rates (asked-for area first), unit."""
    unit = label(row.get("unit") or "month", lang)
    if row.get("rate") is not None and row.get("rate_city") is None and row.get("rate_rural") is None:
        rates = f"{money(row['rate'], lang)}"
    else:
        order = ["rural", "city"] if area == "rural" else ["city", "rural"]
        rates = "; ".join(f"{label(a, lang)}: {money(row.get('rate_' + a), lang)}" for a in order)
    return f"{row['service']} — {row['position']}: {rates} ({unit})"


def truncate(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
