"""Scale figures: the knowledge base at 1×, 5×, 20× and 50× today's tariff tables (more jurisdictions, more years;
benchmarks/scale_sources.py), each size's sources grown through `kb add` from today's decrees.

Per size it prints one JSON line: the time to build the base, its size, the time to open it (Engine.open, the best of
three fresh processes), per-question latency p50 / p99 / max over a fixed mixed list (the dev and tuned sets, tariffs
naming the base's districts and years, criteria, off-topic questions; two rounds, the first with nothing remembered),
the slowest off-topic question, and the peak RSS of a process that opens the base and asks the list (one subprocess
per size). At 1× and the largest size it also times `kb add` of one more
decree, the build after it (which parses only the new act: ingest.reuse) and, to compare, a build from nothing of
the same sources.

Run: `make bench` (or `.venv/bin/python benchmarks/scale.py [--sizes 1,5,20,50]`). Each size's base is kept in a
temporary folder; nothing in the checkout changes. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from engine import percentile, questions_from  # noqa: E402 - the engine benchmark's helpers, beside this file

SIZES = (1, 5, 20, 50)
ROUNDS = 2
OPENS = 3  # the open time is the best of this many processes
TODAY = date(2026, 11, 30)  # the day asked: fixed, so every run answers the same years
QUESTION_SETS = ("questions-dev.jsonl", "questions-tuned.jsonl")
# Tariff questions about one jurisdiction ({kk}, {ru}, {en}: its names) and year, in the three languages.
TARIFF_FORMS = (
    "{kk} жартылай стационарда массаж {year} жылға қанша",
    "сколько стоит массаж в полустационаре {ru} {year} год",
    "{en} home care help writing letters {year}",
    "{kk} үйде сүйемелдеу қызметі",
    "{ru} на дому сопровождение за пределы населённого пункта в селе",
    "compare {year} and {next} {en} barber",
    "{kk} стационар шаштараз келесі жылы",
)
OTHER_QUESTIONS = (
    "is missing the individual work plan a significant violation",
    "отсутствие индивидуального плана работы это грубое нарушение?",
    "на дому не провели профориентацию",
    "сколько массажистов положено на 75 человек",
)
OFF_TOPIC = (
    "погода в Алматы завтра", "как приготовить плов", "what is the pension in Almaty", "такси до аэропорта",
    "Алматыда ауа райы қандай", "курс доллара", "hello", "asdf qwer zxcv",
)


def questions(engine) -> tuple[list[str], set[str]]:
    """The fixed mixed list for a base: the question sets, tariff forms for up to six of its jurisdictions (the last
    ones: the newest districts) in three of its years, the other and the off-topic questions."""
    catalogue = engine.catalogue
    asked = questions_from([ROOT / "tests" / "data" / name for name in QUESTION_SETS])
    for place in engine.places()[-6:]:
        held = catalogue.years_of(place.code)
        for year in dict.fromkeys([held[0], held[len(held) // 2], held[-1]]):
            for form in TARIFF_FORMS:
                asked.append(form.format(kk=place.short("kk"), ru=place.name("ru"), en=place.short("en"), year=year,
                                         next=year + 1))
    return asked + list(OTHER_QUESTIONS) + list(OFF_TOPIC), set(OFF_TOPIC)


def measure(kb: Path) -> dict:
    """In a process of its own: open the base, ask the list ROUNDS times."""
    from knowledge.answer.engine import Engine

    started = time.perf_counter()
    engine = Engine.open(kb, today=lambda: TODAY)
    opened = time.perf_counter() - started
    asked, off_topic = questions(engine)
    latencies, off = [], []
    for _ in range(ROUNDS):
        for question in asked:
            t = time.perf_counter()
            engine.ask(question)
            latencies.append(elapsed := time.perf_counter() - t)
            if question in off_topic:
                off.append(elapsed)
    return {"open_s": round(opened, 3), "questions": len(asked), "rounds": ROUNDS,
            "p50_ms": round(statistics.median(latencies) * 1000, 2),
            "p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
            "max_ms": round(max(latencies) * 1000, 1),
            "off_topic_max_ms": round(max(off) * 1000, 1),
            "peak_rss_mb": round(peak_rss_kib() / 1024, 1)}


def peak_rss_kib() -> float:
    """This process's peak resident memory: VmHWM (ru_maxrss keeps the parent's peak across the exec that started
    this process, and the parent has just built a large base)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def opened(kb: Path) -> float:
    """In a process of its own: the time to open the base (Engine.open), nothing else."""
    from knowledge.answer.engine import Engine

    started = time.perf_counter()
    Engine.open(kb, today=lambda: TODAY)
    return time.perf_counter() - started


def run_self(*args: str) -> str:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


def measured(kb: Path) -> dict:
    """The questions' figures, and the open time as the best of OPENS fresh processes (the machine is shared)."""
    figures = json.loads(run_self("--measure", str(kb)))
    figures["open_s"] = round(min([figures["open_s"]] + [float(run_self("--open", str(kb))) for _ in range(OPENS - 1)]),
                              3)
    return figures


def size(factor: int, folder: Path, *, add_one: bool) -> dict:
    from scale_sources import FIRST_NUMBER, add, next_decree, scaled_sources

    from knowledge.ingest.build import build

    started = time.perf_counter()
    sources, added = scaled_sources(folder, factor)
    made = time.perf_counter() - started
    kb = folder / "kb.sqlite"
    started = time.perf_counter()
    build(kb, sources)
    figures = {"size": f"{factor}x", "acts": 3 + len(added), "made_s": round(made, 1),
               "build_s": round(time.perf_counter() - started, 2), "kb_mb": round(kb.stat().st_size / 2**20, 1)}
    figures.update(measured(kb))
    if add_one:
        started = time.perf_counter()
        add(sources, folder, next_decree(sources, FIRST_NUMBER + len(added)))
        figures["add_one_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        build(kb, sources)
        figures["rebuild_after_add_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        build(folder / "full.sqlite", sources, reuse=False)
        figures["full_build_after_add_s"] = round(time.perf_counter() - started, 2)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="factors of today's tariff tables")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the per-size subprocess
    parser.add_argument("--open", type=Path, help=argparse.SUPPRESS)  # ... and the open-only ones
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    if args.open:
        print(opened(args.open))
        return
    factors = [int(f) for f in args.sizes.split(",")]
    for factor in factors:
        with tempfile.TemporaryDirectory(prefix=f"scale-{factor}x-") as folder:
            print("scale:", json.dumps(size(factor, Path(folder), add_one=factor in (1, max(factors)))), flush=True)


if __name__ == "__main__":
    main()
