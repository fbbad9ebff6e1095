"""Answer-engine figures: start-up, per-question latency (p50/p99), questions per second, peak RSS.

Run: `make bench` (or `.venv/bin/python benchmarks/engine.py [QUESTIONS.jsonl]`). Prints figures; asserts nothing.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def questions_from(path: Path) -> list[str]:
    return [json.loads(line)["q"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> dict:
    from knowledge.ingest.build import build

    build(if_changed=True)
    started = time.perf_counter()
    from knowledge.answer.engine import Engine

    engine = Engine.open()
    engine.ask("warm-up")
    startup = time.perf_counter() - started
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "questions.jsonl"
    questions = questions_from(path)
    latencies = []
    rounds = 5
    begin = time.perf_counter()
    for _ in range(rounds):
        for question in questions:
            t = time.perf_counter()
            engine.ask(question)
            latencies.append(time.perf_counter() - t)
    total = time.perf_counter() - begin
    figures = {
        "questions": len(questions), "rounds": rounds,
        "startup_s": round(startup, 3),
        "p50_ms": round(statistics.median(latencies) * 1000, 3),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 3),
        "max_ms": round(max(latencies) * 1000, 3),
        "questions_per_s": round(len(latencies) / total),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print("engine:", json.dumps(figures))
    return figures


if __name__ == "__main__":
    main()
