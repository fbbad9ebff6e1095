"""Knowledge-base build figures: time from the sources (best of 3) and file size. Prints, asserts nothing."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> dict:
    from knowledge.ingest.build import build

    times = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kb.sqlite"
        for _ in range(3):
            started = time.perf_counter()
            build(path)
            times.append(time.perf_counter() - started)
        size = path.stat().st_size
    figures = {"build_s_best_of_3": round(min(times), 3), "size_kib": round(size / 1024)}
    print("build:", json.dumps(figures))
    return figures


if __name__ == "__main__":
    main()
