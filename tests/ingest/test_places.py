"""Naming a jurisdiction from its heading: the place a heading names, and the code and names the rules give it."""

from __future__ import annotations

import pytest

from knowledge.ingest.decree import known_place, read_decree, read_place
from knowledge.ingest.manifest import load_jurisdictions, load_manifest, read_source
from knowledge.ingest.places import (
    Place,
    code_of,
    english,
    name_jurisdiction,
    russian_adjective,
    russian_forms,
    russian_name,
)


@pytest.mark.parametrize(("heading", "place"), [
    ("Батыс Қазақстан облысы Теректі ауданы әкімдігінің 2026 жылғы 5 қаңтардағы № 3 қаулысы",
     Place("Теректі", "district", "Батыс Қазақстан")),
    ("Теректі ауданы әкімдігінің 2026 жылғы 5 қаңтардағы № 3 қаулысы", Place("Теректі", "district")),
    ("тарифтерді бекіту туралы\nБатыс Қазақстан облысы Теректі\nауданы әкімдігінің",
     Place("Теректі", "district", "Батыс Қазақстан")),
    ("Батыс Қазақстан облысы Орал қаласы әкімдігінің 2025 жылғы 20 желтоқсандағы № 1 қаулысы",
     Place("Орал", "city", "Батыс Қазақстан")),
    ("БАТЫС ҚАЗАҚСТАН ОБЛЫСЫ ТЕРЕКТІ АУДАНЫ ӘКІМДІГІНІҢ ҚАУЛЫСЫ", Place("Теректі", "district", "Батыс Қазақстан")),
    ("Батыс Қазақстан облысының әкімдігінің 2025 жылғы 25 желтоқсандағы № 286 қаулысы",
     Place("Батыс Қазақстан", "oblast")),
    ("Қазақстан Республикасы Ақтөбе облысы әкімдігінің қаулысы", Place("Ақтөбе", "oblast")),
    ("Батыс Қазақстан облысы Бөрлi ауданы әкімдігінің", Place("Бөрлі", "district", "Батыс Қазақстан")),  # Latin i
])
def test_the_heading_names_the_place_its_kind_and_its_oblast(heading: str, place: Place) -> None:
    assert read_place(heading) == place


@pytest.mark.parametrize("heading", ["Батыс Қазақстан облысы Х ауданы әкімдігінің", "тарифтерді бекіту туралы"])
def test_a_heading_without_a_readable_name_gives_no_place(heading: str) -> None:
    assert read_place(heading) is None


def test_the_sources_headings_name_the_manifests_jurisdictions() -> None:
    jurisdictions = load_jurisdictions()
    found = {d.id: read_decree(read_source(d), jurisdictions).jurisdiction
             for d in load_manifest() if d.kind == "tariffs"}
    assert found == {d.id: d.jurisdiction for d in load_manifest() if d.kind == "tariffs"}
    assert known_place(Place("Теректі", "district"), jurisdictions) is None
    assert known_place(Place("БӨРЛІ", "district"), jurisdictions) == "borli"


@pytest.mark.parametrize(("name", "adjective"), [
    ("Теректі", "Теректинский"), ("Тасқала", "Таскалинский"), ("Жаңақала", "Жанакалинский"),
    ("Сырым", "Сырымский"), ("Қазталов", "Казталовский"), ("Жәнібек", "Жанибекский"),
    # not regular: asked (Бурлинский, район Байтерек, Акжаикский, Чингирлауский, Каратобинский, Бокейординский)
    ("Бөрлі", None), ("Бәйтерек", None), ("Ақжайық", None), ("Шыңғырлау", None), ("Қаратөбе", None),
    ("Бөкей ордасы", None),
])
def test_a_russian_adjective_only_where_the_rule_is_regular(name: str, adjective: str | None) -> None:
    assert russian_adjective(name) == adjective


def test_codes_are_ascii_and_english_names_keep_kazakh_vowels() -> None:
    assert [code_of(n) for n in ("Теректі", "Бәйтерек", "Бөрлі", "Бөкей ордасы", "Шыңғырлау")] == [
        "terekti", "baiterek", "borli", "bokei_ordasy", "shynggyrlau"]
    assert [english(n) for n in ("Теректі", "Бәйтерек", "Бөрлі")] == ["Terekti", "Bäyterek", "Börli"]


def test_the_rules_give_the_manifests_own_names() -> None:
    for jurisdiction in load_jurisdictions():
        if jurisdiction.kind not in ("district", "oblast"):
            continue
        place = Place(jurisdiction.short_kk if jurisdiction.kind == "district" else
                      jurisdiction.name_kk.removesuffix(" облысы"), jurisdiction.kind)
        assert place.name_kk == jurisdiction.name_kk
        assert russian_forms(jurisdiction.name_ru)[1] == jurisdiction.issuer_ru
        assert f"{place.name_kk}ның әкімдігі" == jurisdiction.issuer_kk
        if jurisdiction.kind == "district":
            assert code_of(place.name) == jurisdiction.code
            assert f"{english(place.name)} district" == jurisdiction.name_en
            assert russian_forms(jurisdiction.name_ru)[0] == jurisdiction.short_ru


def test_a_new_district_is_named_in_every_language_with_cues() -> None:
    terekti = name_jurisdiction(Place("Теректі", "district", "Батыс Қазақстан"), load_jurisdictions(), {}, None)
    assert (terekti.code, terekti.kind, terekti.parent) == ("terekti", "district", "oblast")
    assert (terekti.name_kk, terekti.name_ru, terekti.name_en) == (
        "Теректі ауданы", "Теректинский район", "Terekti district")
    assert (terekti.short_kk, terekti.short_ru, terekti.short_en) == ("Теректі", "Теректинский", "Terekti")
    assert (terekti.issuer_kk, terekti.issuer_ru, terekti.issuer_en) == (
        "Теректі ауданының әкімдігі", "Акимат Теректинского района", "Terekti district akimat")
    assert "теректі" in terekti.cues
    assert {"теректинск*", "район теректі"} <= set(terekti.question_cues_ru)
    assert "теректі*" in terekti.question_cues_kk and "terekti*" in terekti.question_cues_en


def test_an_irregular_russian_name_is_asked_or_given_as_a_flag() -> None:
    place, known = Place("Шыңғырлау", "district"), load_jurisdictions()
    assert russian_name(place) is None
    with pytest.raises(ValueError, match="--name-ru"):
        name_jurisdiction(place, known, {}, None)
    asked: list[str] = []
    by_default = name_jurisdiction(place, known, {}, lambda prompt: asked.append(prompt) or "")
    assert len(asked) == 1 and "name_ru" in asked[0]
    assert (by_default.name_ru, by_default.issuer_ru, by_default.short_ru) == (
        "район Шыңғырлау", "Акимат района Шыңғырлау", "Шыңғырлау")
    flagged = name_jurisdiction(place, known, {"name_ru": "Чингирлауский район", "name_en": "Shyngyrlau district",
                                               "code": "shyngyrlau"}, None)
    assert (flagged.code, flagged.issuer_ru, flagged.short_en) == (
        "shyngyrlau", "Акимат Чингирлауского района", "Shyngyrlau")
    assert "чингирлауск*" in flagged.question_cues_ru and "район шыңғырлау" in flagged.question_cues_ru


def test_a_city_is_asked_its_russian_name_and_a_taken_code_is_refused() -> None:
    known = load_jurisdictions()
    with pytest.raises(ValueError, match="город Орал"):
        name_jurisdiction(Place("Орал", "city"), known, {}, None)
    oral = name_jurisdiction(Place("Орал", "city"), known, {"name_ru": "город Уральск"}, None)
    assert (oral.code, oral.kind, oral.parent, oral.issuer_ru, oral.issuer_kk, oral.name_en) == (
        "oral", "city", "oblast", "Акимат города Уральск", "Орал қаласының әкімдігі", "Oral city")
    with pytest.raises(ValueError, match="--jurisdiction borli"):
        name_jurisdiction(Place("Теректі", "district"), known, {"code": "borli"}, None)


def test_an_oblast_the_manifest_lacks_is_refused_as_a_parent() -> None:
    with pytest.raises(ValueError, match="Ақтөбе облысы"):
        name_jurisdiction(Place("Теректі", "district", "Ақтөбе"), load_jurisdictions(), {}, None)
