"""`kb add` refuses before writing anything: the same act twice (whatever its whitespace), a flag the schema does
not allow, an annex the decree lacks, a file too large to be a decree, an empty or non-UTF-8 file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from knowledge.desk.cli import main
from knowledge.ingest import add
from knowledge.ingest.add import add_decree, check_answers
from knowledge.ingest.manifest import load_manifest, read_source


def snapshot(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.iterdir()}


def baiterek(sources: Path) -> str:
    return read_source(next(d for d in load_manifest(sources) if d.id == "002"), sources)


def kb_add_refused(sources: Path, path: Path, capsys: pytest.CaptureFixture, *flags: str) -> str:
    before = snapshot(sources)
    assert main(["kb", "add", str(path), "--yes", "--sources", str(sources), *flags]) == 2
    error = capsys.readouterr().err
    assert "Traceback" not in error and len(error.strip().splitlines()) == 1
    assert snapshot(sources) == before
    return error


@pytest.mark.parametrize("respaced", [
    pytest.param(lambda text: text.replace("№ 668", "№668"), id="number-spacing"),
    pytest.param(lambda text: text.replace("\n", "\r\n").replace("  ", " "), id="line-ends"),
    pytest.param(lambda text: text + "\n\n", id="trailing-lines"),
])
def test_the_same_act_is_not_added_twice(sources_copy, tmp_path, capsys, respaced) -> None:
    path = tmp_path / "again.txt"
    path.write_text(respaced(baiterek(sources_copy)), encoding="utf-8")
    error = kb_add_refused(sources_copy, path, capsys)
    assert "already in the sources as 002" in error


@pytest.mark.parametrize(("flags", "said"), [
    (("--annex", "1:setting=semi-stationary"), "allowed: stationary, semi_stationary, home, temporary"),
    (("--annex", "1:unit=week"), "allowed: month, day"),
    (("--annex", "1:rates=double"), "allowed: city_rural, single"),
    (("--annex", "1:colour=red"), "'colour' is not one of setting, unit, rates"),
    (("--annex", "x:unit=day"), "annex number must be a whole number"),
    (("--annex", "7:unit=day"), "the decree has no annex 7"),
    (("--date", "26.12.2026"), "YYYY-MM-DD"),
    (("--date", "2026-02-30"), "YYYY-MM-DD"),
    (("--year", "twenty"), "a year such as 2027"),
    (("--year", "1999"), "a year such as 2027"),
    (("--number", " "), "an act number"),
    (("--code", "Terekti district"), "lower-case ASCII"),
    (("--jurisdiction", "Бөрлі"), "a jurisdiction code"),
])
def test_every_flag_is_checked_before_anything_is_written(sources_copy, tmp_path, capsys, flags, said) -> None:
    path = tmp_path / "next.txt"
    path.write_text(baiterek(sources_copy).replace("№ 668", "№ 701"), encoding="utf-8")
    assert said in kb_add_refused(sources_copy, path, capsys, *flags)


def test_a_file_too_large_is_refused_without_reading_it(sources_copy, tmp_path, capsys, monkeypatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 3 GB claimed, nothing stored
        handle.truncate(3 * 2**30)
    read = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or original(self))
    assert "limit 2,000,000" in kb_add_refused(sources_copy, path, capsys)
    assert path not in read


def test_a_stream_longer_than_the_limit_is_cut_at_the_limit(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(add, "MAX_DECREE_BYTES", 1000)
    path = tmp_path / "long.txt"
    path.write_text("а" * 5000, encoding="utf-8")
    with pytest.raises(ValueError, match="limit 1,000"):
        add.read_decree_file(path)


@pytest.mark.parametrize(("content", "said"), [(b"", "empty"), (b"\n \n", "empty"),
                                               ("Бәйтерек".encode("utf-16"), "not UTF-8")])
def test_an_empty_or_non_utf8_file_is_refused(sources_copy, tmp_path, capsys, content, said) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert said in kb_add_refused(sources_copy, path, capsys)


def test_check_answers_accepts_what_the_schema_allows() -> None:
    check_answers({"number": "701", "date": "2026-12-24", "year": "2027", "code": "terekti", "jurisdiction": "borli",
                   "name_ru": "Теректинский район", "annex 1 setting": "home", "annex 1 unit": "day",
                   "annex 1 rates": "single"})


def test_a_new_act_with_valid_flags_is_added(sources_copy, tmp_path) -> None:
    path = tmp_path / "next.txt"
    path.write_text(baiterek(sources_copy).replace("№ 668", "№ 701"), encoding="utf-8")
    added = add_decree(path, {"annex 1 unit": "day"}, confirm=lambda report: True, sources_dir=sources_copy)
    assert added is not None and added.number == "701"
