"""Answer-engine figures: start-up (import + open + first answer, and a second open alone), per-question latency
(p50/p99), the slowest odd input (10,000 characters, junk), questions per second, search-key time per text,
peak RSS.

Run: `make bench` (or `.venv/bin/python benchmarks/engine.py [QUESTIONS.jsonl...]`; default: the dev and tuned
sets). Prints figures; asserts nothing (the tests assert behaviour, these are the timings).
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


DEFAULT_SETS = ("questions-dev.jsonl", "questions-tuned.jsonl")


def questions_from(paths: list[Path]) -> list[str]:
    return [json.loads(line)["q"] for path in paths for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def search_key_us() -> float:
    """Microseconds per search key of a typical 100-character question (distinct texts: no whole-text cache hit)."""
    from knowledge.text import search_key

    text = "жартылай стационарда мейіргердің массажы ауылда қанша? Сколько стоит массаж медсестры в полустационаре"
    texts = [f"{text[:95]} {i}" for i in range(2_000)]
    search_key(text)
    started = time.perf_counter()
    for item in texts:
        search_key(item)
    return (time.perf_counter() - started) / len(texts) * 1e6


def main() -> dict:
    from knowledge.ingest.build import build

    build(if_changed=True)
    started = time.perf_counter()
    from knowledge.answer.engine import Engine

    engine = Engine.open()
    engine.ask("warm-up")
    startup = time.perf_counter() - started
    started = time.perf_counter()
    Engine.open()
    open_again = time.perf_counter() - started
    paths = [Path(arg) for arg in sys.argv[1:]] or [ROOT / "tests" / "data" / name for name in DEFAULT_SETS]
    questions = questions_from(paths)
    latencies = []
    rounds = 5
    begin = time.perf_counter()
    for _ in range(rounds):
        for question in questions:
            t = time.perf_counter()
            engine.ask(question)
            latencies.append(time.perf_counter() - t)
    total = time.perf_counter() - begin
    odd = []  # the slowest kind of input: very long or junk text
    for text in ("а" * 10_000, "\x00\xff\ufffd" * 300, "массаж мейіргер ауыл " * 500, "😀🔥💯" * 1000):
        t = time.perf_counter()
        engine.ask(text)
        odd.append(time.perf_counter() - t)
    figures = {
        "questions": len(questions), "rounds": rounds,
        "startup_s": round(startup, 3),
        "open_s": round(open_again, 3),
        "search_key_us": round(search_key_us(), 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 3),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 3),
        "max_ms": round(max(latencies) * 1000, 3),
        "odd_input_max_ms": round(max(odd) * 1000, 1),
        "questions_per_s": round(len(latencies) / total),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print("engine:", json.dumps(figures))
    return figures


if __name__ == "__main__":
    main()
