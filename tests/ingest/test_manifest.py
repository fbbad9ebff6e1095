"""The manifest holds the jurisdictions and what each act is; views and checks are derived from it."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from knowledge import SOURCES_DIR
from knowledge.ingest.build import build
from knowledge.ingest.manifest import ManifestError, load_jurisdictions, load_manifest, write_manifest
from knowledge.ingest.views import rate_columns
from knowledge.kb import load_jurisdictions as kb_jurisdictions
from knowledge.kb import open_kb


@pytest.fixture()
def sources(tmp_path: Path) -> Path:
    copy = tmp_path / "sources"
    shutil.copytree(SOURCES_DIR, copy)
    return copy


def test_every_document_names_a_jurisdiction_of_the_manifest():
    codes = {j.code for j in load_jurisdictions()}
    assert {d.jurisdiction for d in load_manifest()} <= codes


def test_districts_name_their_parent_and_every_language():
    jurisdictions = {j.code: j for j in load_jurisdictions()}
    for jurisdiction in jurisdictions.values():
        assert all(jurisdiction.name(lang) for lang in ("kk", "ru", "en"))
        if jurisdiction.kind == "district":
            assert jurisdiction.parent in jurisdictions


def test_unknown_jurisdiction_is_refused_with_one_clear_line(sources: Path):
    documents = load_manifest(sources)
    with pytest.raises(ManifestError) as error:  # never written...
        write_manifest([replace(documents[0], jurisdiction="terekti"), *documents[1:]], sources)
    assert "terekti" in str(error.value) and "nothing written" in str(error.value)
    assert load_manifest(sources) == documents
    path = sources / "manifest.toml"  # ... nor read when written by hand
    path.write_text(path.read_text(encoding="utf-8").replace('jurisdiction = "oblast"', 'jurisdiction = "terekti"'),
                    encoding="utf-8")
    with pytest.raises(ManifestError) as error:
        load_manifest(sources)
    assert "terekti" in str(error.value) and "[[jurisdiction]]" in str(error.value)
    assert "\n" not in str(error.value)


def test_manifest_round_trips_with_its_jurisdictions(sources: Path):
    documents, jurisdictions = load_manifest(sources), load_jurisdictions(sources)
    write_manifest(documents, sources)
    assert load_manifest(sources) == documents
    assert load_jurisdictions(sources) == jurisdictions


def test_a_new_jurisdiction_gets_its_view_columns_and_names_without_code(sources: Path, tmp_path: Path):
    documents, jurisdictions = load_manifest(sources), load_jurisdictions(sources)
    district = next(j for j in jurisdictions if j.kind == "district")
    terekti = replace(district, code="terekti", name_kk="Теректі ауданы", name_ru="Теректинский район",
                      name_en="Terekti district", cues=("теректі",))
    home = next(d for d in documents if d.jurisdiction == district.code and d.kind == "tariffs")
    copy = replace(home, id="099", jurisdiction="terekti", file=home.file)
    write_manifest([*documents, copy], sources, [*jurisdictions, terekti])
    assert any(name.startswith("terekti_") for name, _ in rate_columns(load_manifest(sources)))
    path = tmp_path / "kb.sqlite"
    build(path, sources_dir=sources)
    db = open_kb(path)
    assert kb_jurisdictions(db)["terekti"].name("ru") == "Теректинский район"
    columns = [row[1] for row in db.execute("pragma table_info(tariffs_across_settings)")]
    assert any(c.startswith("terekti_") for c in columns)


def test_a_superseded_act_leaves_the_comparison_view():
    documents = load_manifest()
    tariff = next(d for d in documents if d.kind == "tariffs")
    before = rate_columns(documents)
    after = rate_columns([replace(d, status="superseded") if d == tariff else d for d in documents])
    gone = [name for name, expression in before if f"'{tariff.id}'" in expression]
    assert gone and not any(f"'{tariff.id}'" in expression for _, expression in after)
