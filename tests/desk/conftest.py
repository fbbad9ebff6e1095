"""Fixtures of the desk's tests: one Datasette server (`komekshi browse`) on the built base, per module."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def server(kb_path: Path, komekshi: list[str], free_port):
    pytest.importorskip("datasette")
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

