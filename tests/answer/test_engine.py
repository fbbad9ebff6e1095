"""The answer engine on the real knowledge base: exact figures, filters, clarifications, refusals, bad input."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.answer.engine import Engine


@pytest.fixture(scope="module")
def db(kb_path) -> sqlite3.Connection:
    connection = sqlite3.connect(kb_path)
    connection.row_factory = sqlite3.Row
    return connection


def row(db, jurisdiction: str, setting: str, item: int, position: str | None = None) -> sqlite3.Row:
    rows = db.execute("select * from tariffs where jurisdiction = ? and setting = ? and item = ?",
                      (jurisdiction, setting, item)).fetchall()
    if position:
        rows = [r for r in rows if position.casefold() in r["position"].casefold()]
    assert rows, (jurisdiction, setting, item, position)
    return rows[0]


@pytest.mark.parametrize(("question", "lang", "key", "area", "field", "value"), [
    ("стационар УВЧ терапия медсестра город", None, ("oblast", "stationary", 48, "мейіргер"), "city", "rate_city", 993),
    ("стационар лазерлік терапия ауыл тарифі", None, ("oblast", "stationary", 50, "мейіргер"), "rural", "rate_rural", 1020),
    ("stationary massage massage nurse city", None, ("oblast", "stationary", 100, "массаж"), "city", "rate_city", 842.4),
    ("жартылай стационарда мейіргердің массажы ауылда қанша?", None, ("oblast", "semi_stationary", 63, "массаж"),
     "rural", "rate_rural", 0),
    ("Бурлинский район надомное обслуживание вызов врача на дом село", None, ("borli", "home", 10, None), "rural",
     "rate_rural", 1951.8),
    ("Borli semi-stationary speech therapist correction for children", None,
     ("borli", "semi_stationary", 35, "логопед"), None, "rate", 563.2),
    ("Бурлин временное пребывание первичный медицинский осмотр", None, ("borli", "temporary", 29, None), None,
     "rate", 2151.6),
    ("Baiterek home care social-psychological patronage", "kk", ("baiterek", "home", 76, None), None, "rate", 247.5),
])
def test_tariff_rates_are_exact(engine: Engine, db, question, lang, key, area, field, value):
    answer = engine.ask(question, lang)
    assert answer.status == "answer", answer.text
    best = answer.results[0].to_dict()
    expected = row(db, *key)
    assert (best["jurisdiction"], best["setting"], best["item"]) == key[:3]
    assert best[field] == pytest.approx(value) == expected[field]
    assert answer.filters.area == area
    assert best["citation"]["document"] == expected["document"] and best["citation"]["status"] == "in_force"
    assert set(best) >= {"jurisdiction", "setting", "annex", "category", "item", "service", "position",
                         "rate_city", "rate_rural", "rate", "unit", "flagged", "score", "citation"}


def test_figures_follow_reply_language(engine: Engine):
    ru = engine.ask("стационар массаж медсестра по массажу город", "ru")
    en = engine.ask("stationary massage massage nurse city", "en")
    kk = engine.ask("stationary massage massage nurse city", "kk")
    # the engine's text and the bot's cards share one formatter: a no-break space before the tenge sign
    assert "842,40\u00a0₸" in ru.text and "842.40\u00a0₸" in en.text and "842,40\u00a0₸" in kk.text
    assert en.lang == "en" and kk.lang == "kk"
    assert "per recipient per month" in en.text


def test_zero_rate_is_no_tariff_set(engine: Engine):
    answer = engine.ask("what is the rural rate for massage by a nurse in semi-stationary care")
    assert answer.status == "answer" and answer.results[0].fields["rate_rural"] == 0
    assert "no tariff set" in answer.text


def test_asked_area_comes_first(engine: Engine):
    rural = engine.ask("laser therapy stationary rural").text
    city = engine.ask("laser therapy stationary city").text
    assert rural.index("rural area:") < rural.index("city:")
    assert city.index("city:") < city.index("rural area:")


def test_no_setting_shows_every_matching_table(engine: Engine):
    answer = engine.ask("лазерная терапия")
    settings = {r.fields["setting"] for r in answer.results}
    assert answer.status in ("answer", "clarify")
    if answer.status == "answer":
        assert settings == {"stationary", "semi_stationary"}
    else:
        assert len(answer.choices) >= 2


def test_ambiguous_service_asks_with_ready_questions(engine: Engine):
    answer = engine.ask("стационар мытьё в ванной")
    assert answer.status == "clarify" and 2 <= len(answer.choices) <= 5
    for choice in answer.choices:
        follow_up = engine.ask(choice.query)
        assert follow_up.status == "answer", choice.query


@pytest.mark.parametrize("question", ["price of a taxi to Uralsk", "погода в Уральске", "price of iphone",
                                      "ертең ауа райы қандай"])
def test_off_topic_is_not_answered(engine: Engine, question: str):
    answer = engine.ask(question)
    assert answer.status != "answer" and not answer.results
    assert answer.text


@pytest.mark.parametrize(("question", "items", "verdict"), [
    ("is missing the individual work plan a significant violation", {3, 4}, "yes"),
    ("отсутствие индивидуального плана работы это грубое нарушение?", {3, 4}, "no"),
    ("жеке жұмыс жоспары жоқ елеулі ме?", {3, 4}, "yes"),
    ("кресло-арбамен қамтамасыз етпеу қандай бұзушылық", {64, 89}, None),
])
def test_violation_verdicts(engine: Engine, question, items, verdict):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.intent == "violation"
    best = answer.results[0].to_dict()
    assert best["type"] == "criterion" and best["item"] in items
    assert answer.verdict == verdict
    assert best["citation"]["document"] == "004"


def test_violation_answer_quotes_the_degree_definition_when_asked_what_it_means(engine: Engine):
    assert "елеулі бұзушылық" not in engine.ask("жеке жұмыс жоспары жоқ елеулі ме?").text
    assert "елеулі бұзушылық" in engine.ask("жеке жұмыс жоспары жоқ, елеулі деген нені білдіреді?").text


def test_staffing_says_the_act_is_repealed(engine: Engine):
    answer = engine.ask("стационарда 100 қызмет алушыға қанша бухгалтер керек", "en")
    assert answer.intent == "staffing" and answer.status == "answer"
    assert all(r.citation.status == "repealed" for r in answer.results)
    assert "repealed by order No. 230" in answer.text


@pytest.mark.parametrize(("question", "doc_id", "status"), [
    ("действует ли приказ № 343 от 2021 года", "003", "repealed"),
    ("which order defines the risk assessment criteria for special social services", "004", "in_force"),
    ("Бәйтерек тарифтері қай қаулымен бекітілген", "002", "in_force"),
])
def test_document_answers(engine: Engine, question, doc_id, status):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.intent == "document"
    best = answer.results[0].to_dict()
    assert best["id"] == doc_id and best["status"] == status


def test_documents_lists_every_source(engine: Engine):
    documents = engine.documents("ru")
    assert [d.fields["id"] for d in documents] == ["000", "001", "002", "003", "004"]
    assert documents[3].citation.status == "repealed"


def test_explicit_filters_override_the_question(engine: Engine):
    answer = engine.ask("лазерная терапия", setting="semi_stationary", area="city")
    assert answer.status == "answer"
    assert {r.fields["setting"] for r in answer.results} == {"semi_stationary"}
    assert answer.filters.area == "city"


@pytest.mark.parametrize("question", ["", "   ", "а" * 10_000, "\x00\xff\ufffd" * 300, "😀🔥💯", "<script>alert(1)</script>",
                                      "'; DROP TABLE tariffs; --", "SELECT * FROM tariffs", "?" * 50, "123456"])
def test_bad_input_gets_a_polite_answer(engine: Engine, question: str):
    answer = engine.ask(question)
    assert answer.status in ("not_found", "clarify") and answer.text
    assert answer.to_dict()["question"] == question


def test_the_engine_opens_and_answers(kb_path):
    # how fast: `make bench` prints start-up and latency; here only that a fresh engine answers from its base
    answer = Engine.open(kb_path).ask("стационар УВЧ терапия медсестра город")
    assert answer.status == "answer" and answer.results[0].type == "tariff"


# ---------------------------------------------------------------- checklists, passages, documents


@pytest.mark.parametrize(("question", "annex"), [
    ("what does the home care checklist check", 4),
    ("тексеру парағы уақытша болу", 5),
    ("проверочный лист временное пребывание", 5),
])
def test_checklist_of_a_setting_lists_its_requirements(engine: Engine, db, question, annex):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.intent == "checklist"
    expected = [r["item"] for r in db.execute("select item from checklist_items where annex = ? order by item", (annex,))]
    assert [r.fields["item"] for r in answer.results] == expected
    assert {r.citation.annex for r in answer.results} == {annex}
    assert all(r.citation.document == "004" and r.citation.status == "in_force" for r in answer.results)
    assert str(len(expected)) in answer.text


def test_checklist_requirement_is_cited(engine: Engine, db):
    answer = engine.ask("уақытша болуда алғашқы медициналық тексеру тексеру парағы")
    assert answer.intent == "checklist" and answer.status in ("answer", "clarify")
    if answer.status == "answer":
        best = answer.results[0]
        row = db.execute("select * from checklist_items where annex = ? and item = ?",
                         (best.fields["annex"], best.fields["item"])).fetchone()
        assert best.fields["requirement"] == row["requirement"] and best.fields["annex"] == 5
    else:
        assert answer.choices


@pytest.mark.parametrize("question", ["when does the Börli decree come into force", "Бөрлі қаулысы қашан күшіне енеді",
                                      "когда вступает в силу постановление Бурлинского района"])
def test_entry_into_force_quotes_the_decree_paragraph(engine: Engine, db, question):
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.intent == "document"
    assert answer.results[0].type == "document" and answer.results[0].fields["number"] == "6"
    passage = answer.results[1]
    row = db.execute("select * from passages where document = '001' and item = ?", (passage.citation.item,)).fetchone()
    assert passage.type == "passage" and passage.citation.document == "001"
    assert "қолданысқа енгізіледі" in row["text"] and row["text"][:40] in answer.text


@pytest.mark.parametrize("question", ["Бөрлі ауданы үйде кір жуу ауылдық тариф", "кір жуу қанша тұрады"])
def test_a_price_asked_is_never_answered_by_a_quoted_paragraph(engine: Engine, question):
    """A criterion's paragraph holds the words ("кір жуу") but no figure: quoting it would answer another question."""
    answer = engine.ask(question)
    assert all(r.type != "passage" for r in answer.results)
    assert engine.ask("эталондық бақылау банкінде жариялану").intent == "passage"  # free text still is


def test_an_incident_the_criteria_do_not_match_gets_no_definition_of_the_degree(engine: Engine):
    """"Is it gross?" about something reported not done asks for that incident's degree: the order's definition of
    the degree is no answer to it (a question about the degree alone still gets it)."""
    answer = engine.ask("nobody polished the windows of the director's car, is that a gross violation?")
    assert all(r.type != "passage" for r in answer.results) and answer.status != "answer"
    assert engine.ask("what is a gross violation").results[0].type == "passage"


@pytest.mark.parametrize("question", ["эталондық бақылау банкінде жарияланбады, бұл өрескел бұзушылық па?"])
def test_a_degree_asked_is_never_answered_by_a_quoted_paragraph(engine: Engine, question):
    assert all(r.type != "passage" for r in engine.ask(question).results)


def test_free_text_falls_back_to_passages(engine: Engine, db):
    answer = engine.ask("эталондық бақылау банкінде жариялану")
    assert answer.status == "answer" and answer.intent == "passage"
    best = answer.results[0]
    row = db.execute("select text from passages where document = ? and item = ?",
                     (best.citation.document, best.citation.item)).fetchone()
    assert "эталондық бақылау банкінде" in row["text"] and best.fields["text"] == row["text"]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_documents_list_is_localised(engine: Engine, db, lang):
    documents = engine.documents(lang)
    rows = {r["id"]: r for r in db.execute("select * from documents")}
    assert [d.fields["id"] for d in documents] == sorted(rows)
    for document in documents:
        row = rows[document.fields["id"]]
        assert document.type == "document" and document.fields["title"] == row[f"title_{lang}"]
        assert document.fields["number"] == row["number"] and document.fields["status"] == row["status"]
        assert document.citation.status == ("repealed" if row["status"] != "in_force" else "in_force")


@pytest.mark.parametrize(("lang", "line"), [("kk", "Иә: елеулі — "), ("ru", "Да: значительное («елеулі») — "),
                                            ("en", "Yes: significant (“елеулі”) — ")])
def test_verdict_names_the_degree_once_per_language(engine: Engine, lang, line):
    answer = engine.ask("жеке жұмыс жоспары жоқ елеулі ме?", lang)
    assert answer.text.splitlines()[0].startswith(line)
    assert "елеулі (елеулі)" not in answer.text


# ---------------------------------------------------------------- a decree superseded by a newer one


@pytest.fixture(scope="module")
def amended_kb(tmp_path_factory, db):
    """The sources plus a Bäyterek decree No. 700 for the same year replacing No. 668, with item 76 changed."""
    import shutil

    from knowledge import SOURCES_DIR
    from knowledge.ingest.add import add_decree
    from knowledge.ingest.build import build
    from knowledge.ingest.manifest import load_manifest

    tmp = tmp_path_factory.mktemp("amended")
    sources = tmp / "sources"
    shutil.copytree(SOURCES_DIR, sources)
    old = next(d for d in load_manifest(sources) if d.jurisdiction == "baiterek")
    lines = (sources / old.file).read_text(encoding="utf-8").split("\n")
    line_end = db.execute("select line_end from tariffs where document = ? and item = 76", (old.id,)).fetchone()[0]
    assert lines[line_end - 1].strip() == "247,5"
    lines[line_end - 1] = lines[line_end - 1].replace("247,5", "260,0")
    text = tmp / "baiterek_700.txt"
    text.write_text("\n".join(lines).replace("№ 668", "№ 700"), encoding="utf-8")
    added = add_decree(text, {}, confirm=lambda report: True, sources_dir=sources)
    assert added is not None and added.number == "700"
    path = tmp / "kb.sqlite"
    build(path, sources)
    return path, old.id, added.id


@pytest.mark.parametrize("question", ["Baiterek home care social-psychological patronage",
                                      "Бәйтерек үйде әлеуметтік-психологиялық патронаж",
                                      "Байтерек на дому социально-психологический патронаж"])
def test_act_in_force_wins_over_the_superseded_one(amended_kb, question):
    path, old_id, new_id = amended_kb
    engine = Engine.open(path)
    answer = engine.ask(question)
    assert answer.status == "answer", answer.text
    assert [r.citation.document for r in answer.results] == [new_id] * len(answer.results)
    best = answer.results[0]
    assert best.fields["item"] == 76 and best.fields["rate"] == 260.0 and best.citation.status == "in_force"
    assert "superseded" not in answer.text


def test_superseded_act_alone_answers_with_a_warning(amended_kb, tmp_path):
    import shutil

    path, old_id, new_id = amended_kb
    only_old = tmp_path / "kb.sqlite"
    shutil.copyfile(path, only_old)
    connection = sqlite3.connect(only_old)
    connection.execute("delete from tariffs where document = ?", (new_id,))  # the newer act's table not in the base
    connection.commit()
    connection.close()
    engine = Engine.open(only_old)
    answer = engine.ask("Baiterek home care social-psychological patronage", "en")
    assert answer.status == "answer"
    best = answer.results[0]
    assert best.citation.document == old_id and best.fields["rate"] == 247.5
    assert best.citation.status == "repealed"  # the contract's word for "not in force"
    assert "superseded by decree No. 700" in answer.text and answer.warnings
    ru = engine.ask("Байтерек на дому социально-психологический патронаж", "ru")
    assert "заменён" in ru.text and "№ 700" in ru.text


def test_superseded_document_says_so(amended_kb):
    path, old_id, new_id = amended_kb
    engine = Engine.open(path)
    current = engine.ask("Бәйтерек тарифтері қай қаулымен бекітілген")
    assert current.status == "answer" and current.results[0].fields["id"] == new_id
    old = engine.ask("Байтерек постановление № 668 действует?", "en")
    assert old.status == "answer" and old.results[0].fields["id"] == old_id
    assert old.results[0].fields["status"] == "superseded" and old.results[0].citation.status == "repealed"
    assert "superseded by decree No. 700" in old.text


def test_a_rural_question_on_a_city_only_table_says_so(engine) -> None:
    answer = engine.ask("Байтерек на дому помощь в написании писем село", "ru")
    assert answer.status == "answer" and answer.results[0].fields["jurisdiction"] == "baiterek"
    assert "только городской тариф" in answer.text
    assert any("только городской тариф" in w for w in answer.warnings)


def test_a_single_rate_table_says_it_covers_both_areas(engine) -> None:
    answer = engine.ask("Borli temporary stay primary medical examination rural", "en")
    assert answer.results[0].fields["rate"] == 2151.6
    assert "one rate for city and village" in answer.text
    assert "city rate only" not in answer.text


@pytest.mark.parametrize(("question", "lang", "degree"), [
    ("что такое грубое нарушение", "ru", "gross"),
    ("елеулі бұзушылық деген не", "kk", "significant"),
    ("what is a minor violation", "en", "minor"),
])
def test_a_degree_alone_gets_its_definition_and_criteria(engine, kb_path, question, lang, degree) -> None:
    from knowledge.kb import open_kb

    answer = engine.ask(question, lang)
    assert (answer.status, answer.intent) == ("answer", "violation")
    expected = [row[0] for row in open_kb(kb_path).execute(
        "select item from criteria where degree = ? order by item", (degree,))]
    assert ", ".join(map(str, expected)) in answer.text
    criteria = [r for r in answer.results if r.type == "criterion"]
    assert criteria and all(r.fields["degree"] == degree for r in criteria)
    definitions = [r for r in answer.results if r.type == "passage"]
    # The order defines significant and gross violations; it has no definition of minor ones.
    assert bool(definitions) == (degree != "minor")


def test_a_kazakh_checklist_question_naming_a_setting_gets_that_checklist(engine, kb_path) -> None:
    from knowledge.kb import open_kb

    answer = engine.ask("тексеру парағы үйде қызмет көрсету", "kk")
    assert (answer.status, answer.intent) == ("answer", "checklist")
    home = open_kb(kb_path).execute("select annex, count(*) n from checklist_items where title like 'Үйде%' "
                                    "group by annex").fetchone()
    assert {r.citation.annex for r in answer.results} == {home["annex"]}
    assert f": {home['n']}" in answer.text


@pytest.mark.parametrize(("question", "lang"), [
    ("тарифы 2024 года на массаж стационар город", "ru"),
    ("2025 жылғы массаж тарифі стационар қала", "kk"),
    ("massage stationary city rate for 2027", "en"),
])
def test_a_year_the_base_does_not_hold_is_never_answered_with_another_years_figures(engine, question, lang) -> None:
    answer = engine.ask(question, lang)
    assert answer.status == "clarify" and not answer.results
    assert "2026" in answer.text
    # the year held first, then the acts of the base: a clarify never offers a single choice
    assert len(answer.choices) == 2 and "2026" in answer.choices[0].query and "2026" in answer.choices[0].label
    assert engine.ask(answer.choices[1].query, lang).intent == "document"
    follow_up = engine.ask(answer.choices[0].query, lang)
    assert follow_up.status == "answer" and follow_up.results[0].fields["item"] == 100


def test_the_year_the_base_holds_is_answered(engine) -> None:
    answer = engine.ask("2026 жылғы массаж тарифі стационар қала", "kk")
    assert answer.status == "answer" and answer.results[0].fields["rate_city"] == 842.4


# ---------------------------------------------------------------- what the engine knows, and from where


def test_without_aliases_or_lexicon_only_the_kazakh_names_are_known(engine, kb_path) -> None:
    bare = Engine.open(kb_path, aliases=False, lexicon=False)
    kazakh = bare.ask("стационар лазерлік терапия ауыл тарифі")
    assert kazakh.status == "answer" and kazakh.results[0].fields["item"] == 50
    assert engine.ask("UHF therapy stationary city", "en").results[0].fields["item"] == 48
    assert bare.ask("UHF therapy stationary city", "en").status != "answer"


def test_without_aliases_the_lexicon_still_names_things_in_russian_and_english(kb_path) -> None:
    """The alias table off, the lexicon on: the Kazakh words rendered one by one still find the service."""
    lexicon_only = Engine.open(kb_path, aliases=False)
    answer = lexicon_only.ask("UHF therapy stationary city", "en")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 48
    assert not lexicon_only.catalogue.services[0].local  # renderings are searched, never shown as names


def test_a_jurisdiction_filter_must_be_one_that_has_tariffs(engine) -> None:
    question = "массаж стационар қала"
    assert engine.ask(question, jurisdiction="borli").filters.jurisdiction == "borli"
    assert engine.ask(question, jurisdiction="national").filters.jurisdiction is None
    assert engine.ask(question, jurisdiction="nowhere").filters.jurisdiction is None


def test_acts_are_found_by_what_they_hold_not_by_their_id(kb_path, tmp_path) -> None:
    import shutil

    path = tmp_path / "kb.sqlite"
    shutil.copyfile(kb_path, path)
    connection = sqlite3.connect(path)
    renamed = {}
    for kind in ("rules", "criteria"):
        old = connection.execute("select id from documents where kind = ?", (kind,)).fetchone()[0]
        renamed[kind] = f"9{old}"
        connection.execute("update documents set id = ? where id = ?", (renamed[kind], old))
        for table in ("tariffs", "criteria", "checklist_items", "staffing_norms", "passages"):
            connection.execute(f"update {table} set document = ? where document = ?", (renamed[kind], old))
    connection.commit()
    connection.close()
    engine = Engine.open(path)
    staffing = engine.ask("стационарда 100 қызмет алушыға қанша бухгалтер керек", "kk")
    assert (staffing.intent, staffing.status) == ("staffing", "answer")
    assert {r.citation.document for r in staffing.results} == {renamed["rules"]} and staffing.warnings
    degree = engine.ask("что такое грубое нарушение", "ru")
    assert degree.status == "answer"
    assert {r.citation.document for r in degree.results} == {renamed["criteria"]}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_jurisdiction_names_come_from_the_manifest(engine, lang):
    from knowledge.ingest.manifest import load_jurisdictions

    names = {place.code: place.name(lang) for place in load_jurisdictions()}
    answer = engine.ask("Бөрлі үйде хат жазуға көмек қала тарифі", lang)
    assert answer.status == "answer"
    best = answer.results[0].fields
    assert best["jurisdiction_name"] == names[best["jurisdiction"]]
    assert names[best["jurisdiction"]] in answer.text
    assert [place.code for place in engine.places()] == [
        code for code in names if code in {t.jurisdiction for t in engine.catalogue.services}]


def test_a_question_naming_no_area_is_answered_for_the_one_area_priced(engine):
    # the oblast's day care prices only its city rows: the figure given is the city's
    only_city = engine.ask("Облыстық жартылай стационарда гидрокинезотерапия бір күндік тарифі қанша?")
    assert only_city.status == "answer" and only_city.filters.area == "city"
    both = engine.ask("Облыстық стационарда шаштараз қызметі айына қанша?")  # city and rural rates both set
    assert both.status == "answer" and both.filters.area is None
    single = engine.ask("Бәйтерек үйде ас пісіру көмегі қанша тұрады?")  # one rate for the whole district
    assert single.status == "answer" and single.filters.area is None


@pytest.mark.parametrize("question", ["Бөрлі жартылай стационарда кварц терапия күніне қанша?",
                                      "Borli jartylai statsionarda kvarts terapiya kunine qansha?"])  # Latin too
def test_quartz_therapy_typed_as_two_words_is_its_service(engine, question):
    answer = engine.ask(question)
    assert answer.status == "answer" and "кварцтерапия" in answer.results[0].fields["service"].casefold()


@pytest.mark.parametrize(("question", "item"), [
    ("Baiterek home care: escort an elderly person outside the home in the village, price", "5"),
    ("Baiterek home care: escort a disabled kid outside the home in the village, price", "4"),
])
def test_english_words_for_the_same_people_reach_the_row_saying_them_otherwise(engine, question, item):
    # "elderly" / "older people", "kid" / "children": one key each
    answer = engine.ask(question)
    assert answer.status == "answer" and str(answer.results[0].fields["item"]) == item


def test_opening_the_base_does_not_load_the_russian_dictionary(kb_path):
    """The base stores what the dictionary said of its names' words: opening it must not load the dictionary (a
    tenth of a second no Kazakh-only use should pay), whatever words the glossary, aliases or lexicon hold."""
    code = ("import sys; from knowledge.answer.engine import Engine; from knowledge import russian; "
            f"Engine.open({str(kb_path)!r}); print(russian._analyzer.cache_info().currsize)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.stdout.strip() == "0"
