"""`make bench`: every benchmark in turn, each in its own process so start-up and memory are its own."""

from __future__ import annotations

import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ("build.py", "engine.py", "bot.py", "webhook.py", "scale.py")


def main() -> int:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    print(f"machine: {platform.machine()} {cpu}, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}")
    failed = 0
    for name in BENCHMARKS:
        if (HERE / name).exists():
            failed |= subprocess.call([sys.executable, str(HERE / name)])
    return failed


if __name__ == "__main__":
    sys.exit(main())
