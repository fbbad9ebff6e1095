"""The desk over a base that `kb build` may replace: the server is restarted on the new file once it opens, so
`komekshi browse` never goes on showing a base that is gone (a build renames a new file over the old one; the
server's open connections would keep reading the old one)."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from knowledge.kb import KnowledgeBaseError, open_kb


def signature(path: Path) -> tuple[int, int] | None:
    """Which file is at `path` now (a rebuilt base is a new file), None while there is none."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_mtime_ns


def usable(path: Path) -> bool:
    try:
        open_kb(path).close()
    except KnowledgeBaseError as error:
        print(f"komekshi browse: not switching to the rebuilt base: {error}", file=sys.stderr, flush=True)
        return False
    return True


def supervise(start: Callable[[], subprocess.Popen], path: Path, *, poll: float = 1.0,
              usable: Callable[[Path], bool] = usable) -> int:
    """Run the server `start` gives; start it afresh whenever another usable base appears at `path`. Returns the
    server's exit status when it ends by itself; a SIGTERM or Ctrl+C ends both."""
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    child = start()
    seen = signature(path)
    try:
        while True:
            try:
                return child.wait(timeout=poll)
            except subprocess.TimeoutExpired:
                pass
            now = signature(path)
            if now is not None and now != seen and usable(path):
                print(f"komekshi browse: {path} was rebuilt; serving the new base", file=sys.stderr, flush=True)
                stop(child)
                child = start()
            seen = now if now is not None else seen
    except KeyboardInterrupt:
        return 130
    finally:
        stop(child)
        signal.signal(signal.SIGTERM, previous)


def stop(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
