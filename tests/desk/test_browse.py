"""`komekshi browse`: Datasette serves the base read-only on loopback with facets, search and CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("datasette")

pytestmark = pytest.mark.slow  # a Datasette server process


@pytest.fixture(scope="module")
def server(kb_path: Path, komekshi: list[str], free_port):
    port = free_port()
    process = subprocess.Popen(
        [*komekshi, "--kb", str(kb_path), "browse", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120  # a guard against a server that never starts, not a speed check
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("datasette never answered")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def get(base: str, path: str, **params: str) -> bytes:
    query = urllib.parse.urlencode(params)
    return urllib.request.urlopen(f"{base}{path}?{query}", timeout=10).read()


def test_tariff_table_with_setting_facet(server: str) -> None:
    data = json.loads(get(server, "/kb/tariffs.json", _facet="setting", _size="1"))
    facet = {row["value"]: row["count"] for row in data["facet_results"]["setting"]["results"]}
    assert set(facet) == {"stationary", "semi_stationary", "home", "temporary"}
    assert sum(facet.values()) == data["filtered_table_rows_count"]


def test_tariff_rows_facet_by_year_and_compare_across_districts(server: str) -> None:
    data = json.loads(get(server, "/kb/tariffs.json", _facet="year", _size="1"))
    facet = {row["value"]: row["count"] for row in data["facet_results"]["year"]["results"]}
    assert facet == {2026: data["filtered_table_rows_count"]}
    compared = json.loads(get(server, "/kb/tariffs_across_jurisdictions.json", _shape="objects", _size="1"))
    assert {"year", "service", "oblast_city", "borli_city", "baiterek"} <= set(compared["rows"][0])


def test_search_massage_in_semi_stationary_care(server: str) -> None:
    data = json.loads(get(server, "/kb/tariffs.json", _search="массаж", setting="semi_stationary",
                          jurisdiction="oblast", _shape="objects"))
    rates = {row["rate_city"] for row in data["rows"]}
    assert 903 in rates


def test_csv_export(server: str) -> None:
    text = get(server, "/kb/tariffs.csv", jurisdiction="baiterek", _size="max").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["item"] for row in rows} >= {str(n) for n in range(1, 77)}
    assert all(row["rate"] for row in rows)


def test_views_and_read_only(server: str) -> None:
    data = json.loads(get(server, "/kb/criteria_by_degree.json", _shape="objects"))
    assert {row["degree"] for row in data["rows"]} == {"gross", "significant", "minor"}
    docs = json.loads(get(server, "/kb/documents_status.json", _shape="objects"))
    assert {row["id"]: row["status"] for row in docs["rows"]}["003"] == "repealed"
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(urllib.request.Request(
            server + "/kb/-/query", data=b"sql=delete+from+tariffs", method="POST"), timeout=10)
