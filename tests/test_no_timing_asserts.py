"""No test asserts wall-clock time: on a shared, busy machine a timing assert fails for reasons that are not bugs
(`test_open_is_fast` once failed at 1.07 s). Speed figures live in `make bench` (benchmarks/); tests move clocks by
hand (fake_bot_api.Clock) or wait with generous guards that only stop a hang."""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
CLOCKS = {"perf_counter", "perf_counter_ns", "monotonic", "monotonic_ns", "time", "time_ns", "process_time"}
TIMING_NAME = re.compile(r"(^|_)(elapsed|duration|took|latency|seconds|secs|p50|p95|p99|ms|wall)($|_)", re.IGNORECASE)
ORDERING = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)


def reads_a_clock(node: ast.AST) -> bool:
    for child in ast.walk(node):
        if isinstance(child, ast.Call):
            func = child.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
            if name in CLOCKS and owner in ("time", ""):
                return True
        if isinstance(child, ast.Name | ast.Attribute):
            name = child.id if isinstance(child, ast.Name) else child.attr
            if TIMING_NAME.search(name):
                return True
    return False


def timing_asserts(source: str) -> list[int]:
    """Line numbers of asserts that order a clock reading or a timing-named value against something."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assert):
            for compare in (n for n in ast.walk(node.test) if isinstance(n, ast.Compare)):
                if any(isinstance(op, ORDERING) for op in compare.ops) and reads_a_clock(compare):
                    found.append(node.lineno)
                    break
    return found


# Samples for the detector (source, the lines it must report), kept off assert lines so that no line of this file
# reads as a timing assert itself
ASSERT = "assert "
LESS = " < 1.0"
SAMPLES = [
    ("import time\nstart = time.perf_counter()\n" + ASSERT + "time.perf_counter() - start" + LESS, [3]),
    (ASSERT + "elapsed" + LESS, [1]),
    (ASSERT + "report.p99_ms" + " <= 5", [1]),
    ("assert len(rows) < 10\nassert process.wait(timeout=120) == 0", []),
]


def test_the_detector_finds_timing_asserts():
    for source, lines in SAMPLES:
        assert timing_asserts(source) == lines, source


def test_no_test_asserts_wall_clock_time():
    offenders = {str(path.relative_to(TESTS)): lines for path in sorted(TESTS.rglob("*.py"))
                 if path.name != Path(__file__).name and (lines := timing_asserts(path.read_text(encoding="utf-8")))}
    assert offenders == {}, "move these figures into `make bench` (benchmarks/)"
