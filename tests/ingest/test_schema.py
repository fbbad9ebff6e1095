"""The manifest is checked against one schema before anything is built: a typo, a wrong type, an empty or misplaced
source, a duplicate id or a non-UTF-8 manifest stops `kb build` with the file, the line and the allowed values, in
one line on the error output, a non-zero exit and no traceback; nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.desk.cli import main
from knowledge.ingest.manifest import load_manifest


def edit_manifest(sources: Path, old: str, new: str, count: int = 1) -> int:
    """Replace the first `count` occurrences of `old`; the line of the first."""
    path = sources / "manifest.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def build_fails(sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> str:
    kb = tmp_path / "out" / "kb.sqlite"
    assert main(["--kb", str(kb), "kb", "build", "--sources", str(sources)]) == 2
    error = capsys.readouterr().err
    assert "Traceback" not in error and not kb.parent.exists()
    return error.splitlines()[0]


def test_a_setting_typo_names_the_file_line_and_allowed_values(sources_copy, tmp_path, capsys) -> None:
    line = edit_manifest(sources_copy, 'setting = "semi_stationary"', 'setting = "semi-stationary"')
    first = build_fails(sources_copy, tmp_path, capsys)
    assert first.startswith(f"komekshi: {sources_copy / 'manifest.toml'}:{line}: document 000 annex 2: ")
    assert "'semi-stationary' is not allowed (allowed: stationary, semi_stationary, home, temporary)" in first


@pytest.mark.parametrize(("old", "new", "said"), [
    pytest.param('unit = "day"', 'unit = "days"', "allowed: month, day", id="unit"),
    pytest.param('rates = "single"', 'rates = "one"', "allowed: city_rural, single", id="rates"),
    pytest.param('layout = "tab"', 'layout = "prose"', "does not fit kind 'tariffs'", id="layout-of-kind"),
    pytest.param('status = "in_force"', 'status = "valid"', "allowed: in_force, repealed, superseded", id="status"),
    pytest.param("year = 2026", 'year = "2026"', "is not a year", id="year-as-text"),
    pytest.param("items = ", "items = -", "is not a count of items", id="negative-items"),
    pytest.param('date = "2025-12-25"', 'date = "25.12.2025"', "YYYY-MM-DD", id="date"),
    pytest.param('number = "286"', "number = 286", "must be text in quotes", id="number-type"),
    pytest.param('kind = "tariffs"', 'knid = "tariffs"', "unknown field 'knid'", id="unknown-field"),
    pytest.param('id = "001"', 'id = "000"', "id '000' is already the id of an earlier", id="duplicate-id"),
    pytest.param('jurisdiction = "borli"', 'jurisdiction = "borlі"', "has no [[jurisdiction]] table", id="jurisdiction"),
    pytest.param('kind = "district"', 'kind = "raion"', "allowed: oblast, district, city, national", id="place-kind"),
    pytest.param('url = "https://adilet', 'url = "http://adilet', "the official publication's address", id="url"),
    pytest.param('registration = "29983"', 'registration = "No. 29983"', "registration number written in digits",
                 id="registration"),
])
def test_every_wrong_value_is_refused_at_its_line(sources_copy, tmp_path, capsys, old, new, said) -> None:
    line = edit_manifest(sources_copy, old, new)
    first = build_fails(sources_copy, tmp_path, capsys)
    assert said in first and f"manifest.toml:{line}:" in first


def test_a_source_outside_the_sources_folder_is_refused(sources_copy, tmp_path, capsys) -> None:
    name = load_manifest(sources_copy)[0].file
    (sources_copy.parent / "elsewhere.txt").write_text("x", encoding="utf-8")
    edit_manifest(sources_copy, f'file = "{name}"', 'file = "../elsewhere.txt"')
    assert "must be a file name inside the sources folder" in build_fails(sources_copy, tmp_path, capsys)


def test_an_empty_source_is_refused(sources_copy, tmp_path, capsys) -> None:
    name = load_manifest(sources_copy)[1].file
    (sources_copy / name).write_bytes(b"")
    assert f"file '{name}' is empty" in build_fails(sources_copy, tmp_path, capsys)


def test_a_non_utf8_manifest_is_refused(sources_copy, tmp_path, capsys) -> None:
    path = sources_copy / "manifest.toml"
    path.write_bytes(path.read_bytes().replace("Бөрлі".encode(), "Бөрлі".encode("utf-16-le"), 1))
    first = build_fails(sources_copy, tmp_path, capsys)
    assert "not UTF-8 text" in first and "manifest.toml:" in first


def test_all_problems_are_listed_the_first_on_the_first_line(sources_copy, tmp_path, capsys) -> None:
    edit_manifest(sources_copy, 'setting = "semi_stationary"', 'setting = "semi-stationary"')
    edit_manifest(sources_copy, 'unit = "day"', 'unit = "days"')
    kb = tmp_path / "kb.sqlite"
    assert main(["--kb", str(kb), "kb", "build", "--sources", str(sources_copy)]) == 2
    error = capsys.readouterr().err.splitlines()
    assert "(and 1 more below)" in error[0] and error[1].strip().startswith("line ")


def test_the_sources_manifest_is_valid() -> None:
    assert len(load_manifest()) >= 5
