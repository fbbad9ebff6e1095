"""The desk as a clerk sees it: headless Chromium (Debian's package, installed by `make test` where it can be) opens
the home page and a search in Russian and in English on the served base; the rendered page (after its scripts)
shows the bilingual titles and the found rows, and the screenshot is a real picture, not a blank one."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import urllib.parse
import zlib
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a Datasette server and a browser process

CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome")
                 if (found := shutil.which(name))), None)
if CHROMIUM is None:
    pytest.skip("no headless Chromium on this machine (`apt-get install chromium`; `make test` installs it when it "
                "runs as root with apt-get)", allow_module_level=True)

WIDTH, HEIGHT = 1280, 900


def chromium(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}", *args, url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def dom(tmp_path: Path, url: str) -> str:
    return chromium(tmp_path, url, "--dump-dom").stdout


def png_pixels(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the decompressed image data of a PNG (its IDAT chunks), without an imaging library."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    offset, idat = 8, b""
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        if kind == b"IDAT":
            idat += data[offset + 8:offset + 8 + length]
        offset += 12 + length
    return width, height, zlib.decompress(idat)


def search_url(server: str, text: str) -> str:
    return f"{server}/kb/tariffs?" + urllib.parse.urlencode({"_search": text})


def test_home_page_shows_bilingual_titles_and_how_to_find_a_rate(server: str, tmp_path: Path) -> None:
    page = dom(tmp_path, server + "/")
    for text in ("Тарифтер / Тарифы", "Тәуекел өлшемшарттары / Критерии оценки риска", "Құжаттар / Документы",
                 "Тарифті табу", "Как найти тариф"):
        assert text in page
    shot = tmp_path / "home.png"
    chromium(tmp_path, server + "/", f"--screenshot={shot}")
    width, height, pixels = png_pixels(shot)
    assert (width, height) == (WIDTH, HEIGHT)
    assert len(set(pixels)) > 50  # text and colours, not a blank or one-colour page


@pytest.mark.parametrize(("text", "shown"), [
    ("массаж полустационар", ["жартылай стационар / полустационар", "903,00", "тариф не установлен"]),
    ("laundry", ["жуу"]),
])
def test_a_search_in_russian_or_english_shows_its_rows(server: str, tmp_path: Path, text: str,
                                                        shown: list[str]) -> None:
    page = dom(tmp_path, search_url(server, text))
    assert "where search matches" in page
    for part in shown:
        assert part in page
    assert '<td class="col-service' in page
    shot = tmp_path / "search.png"
    chromium(tmp_path, search_url(server, text), f"--screenshot={shot}")
    width, height, pixels = png_pixels(shot)
    assert (width, height) == (WIDTH, HEIGHT) and len(set(pixels)) > 50


def test_the_column_legend_and_long_facets_are_folded(server: str, tmp_path: Path) -> None:
    """What pushed the rows off the first screen (an 18-column legend, 20-value facets) is folded under one line;
    facets of a few values stay open."""
    page = dom(tmp_path, server + "/kb/tariffs")
    tags = {name: re.search(rf"<details[^>]*{name}[^>]*>", page) for name in
            ('class="desk-legend"', 'id="facet-position"', 'id="facet-setting"')}
    assert all(tags.values())
    assert " open" not in tags['class="desk-legend"'][0] and " open" not in tags['id="facet-position"'][0]
    assert " open" in tags['id="facet-setting"'][0]
    assert 'class="rows-and-columns' in page
