"""A district the base has never seen: its decree added with `kb add` (which names the district from the heading and
writes its [[jurisdiction]] table), the base built, and the district asked about by its names, in Russian (an adjective, inflected) and Kazakh, with no code or
glossary line written for it."""

from __future__ import annotations

from datetime import date

import pytest
from decrees import add, built, copy_sources, derive, source_of

from knowledge.answer.engine import Engine
from knowledge.answer.glossary import GLOSSARY_PATH, load_glossary
from knowledge.answer.places import place_terms
from knowledge.answer.understand import understand
from knowledge.domain import Jurisdiction
from knowledge.ingest.manifest import load_jurisdictions
from knowledge.text import loose

NEW = Jurisdiction(code="terekti", kind="district", parent="oblast", name_kk="Теректі ауданы",
                   name_ru="Теректинский район", name_en="Terekti district", short_kk="Теректі",
                   short_ru="Теректинский", short_en="Terekti", issuer_kk="Теректі ауданының әкімдігі",
                   issuer_ru="Акимат Теректинского района", issuer_en="Terekti district akimat", cues=("теректі",))


@pytest.fixture(scope="module")
def district_kb(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("district")
    sources = copy_sources(folder)
    document, text = source_of(sources, "baiterek")
    decree = derive(document, text, words={"Бәйтерек": "Теректі", "№ 668": "№ 55"},
                    rates={6: "402,00", 76: "250,00"})
    added = add(sources, folder, "terekti-55.txt", decree)
    assert (added.jurisdiction, added.number, added.year) == ("terekti", "55", 2026)
    # `kb add` named the district from its heading, with no flag and no line written for it
    derived = next(place for place in load_jurisdictions(sources) if place.code == "terekti")
    assert [derived.name(lang) for lang in ("kk", "ru", "en")] == [NEW.name(lang) for lang in ("kk", "ru", "en")]
    engine = Engine.open(built(sources, folder), today=lambda: date(2026, 11, 30))
    return {"engine": engine, "id": added.id}


def test_the_district_is_in_no_glossary_line():
    assert "теректі" not in GLOSSARY_PATH.read_text(encoding="utf-8").casefold()


@pytest.mark.parametrize(("question", "lang"), [
    ("Сколько стоит помощь в написании писем на дому Теректинского района", "ru"),
    ("помощь в написании писем на дому в Теректинском районе", "ru"),
    ("Теректинский район надомное обслуживание помощь в написании писем", "ru"),
    ("Теректі ауданы үйде хаттарды жазуға және оқуға көмек қанша", "kk"),
    ("Теректі ауданында үйде хаттарды жазуға көмек", "kk"),
    ("Terekti home care help writing letters", "en"),
])
def test_the_new_district_is_answered_with_its_figures_and_act(district_kb, question, lang):
    answer = district_kb["engine"].ask(question, lang)
    assert answer.status == "answer", answer.text
    assert answer.filters.jurisdiction == "terekti"
    fields = answer.results[0].fields
    assert (fields["jurisdiction"], fields["item"], fields["rate"]) == ("terekti", 6, 402.0)
    assert (fields["act_number"], fields["year"]) == ("55", 2026)
    assert answer.results[0].citation.document == district_kb["id"]
    assert NEW.name(lang) in answer.text and "55" in answer.text


def test_the_new_district_has_its_own_figures_beside_the_old_one(district_kb):
    answer = district_kb["engine"].ask("на дому социально-психологический патронаж", "ru")
    rates = {r.fields["jurisdiction"]: r.fields["rate"] for r in answer.results}
    assert rates.get("terekti") == 250.0 and rates.get("baiterek") == 247.5


def test_a_question_in_other_words_names_the_district(district_kb):
    u = understand("тарифы Теректинского района", district_kb["engine"].glossary)
    assert u.filters.jurisdiction == "terekti" and not u.words


def test_a_place_of_the_base_is_no_other_region():
    """A jurisdiction the base holds is asked about, even where the glossary's scope names it another region."""
    place = Jurisdiction(code="aktobe", kind="city", name_kk="Ақтөбе қаласы", name_ru="город Актобе",
                         name_en="Aktobe city", short_kk="Ақтөбе", short_ru="Актобе", short_en="Aktobe")
    glossary = load_glossary()
    assert understand("Ақтөбеде үйде массаж", glossary).scope == "other_region"
    u = understand("Ақтөбеде үйде массаж", glossary.with_terms(place_terms([place])))
    assert u.scope is None and u.filters.jurisdiction == "aktobe"


@pytest.mark.parametrize(("name", "word"), [("Теректинский", "теректинского"), ("Теректинский", "теректинском"),
                                            ("Теректі", "теректіде"), ("Terekti", "terektide")])
def test_a_name_meets_its_inflections(name, word):
    place = Jurisdiction(code="x", kind="district", name_kk=name, name_ru="", name_en="")
    glossary = load_glossary().with_terms(place_terms([place]))
    assert [m.term.key for m in glossary.match([loose(word)])] == ["x"]
