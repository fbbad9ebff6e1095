"""`komekshi browse` notices a rebuilt base: the server is started afresh on the new file once it opens; a broken
new file is not switched to."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from knowledge.desk.rebuilt import supervise


def test_the_server_is_restarted_on_a_rebuilt_base(kb_path: Path, tmp_path: Path) -> None:
    base = tmp_path / "kb.sqlite"
    shutil.copyfile(kb_path, base)
    started: list[subprocess.Popen] = []

    def start() -> subprocess.Popen:
        started.append(subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]))
        return started[-1]

    def rebuild_then_stop() -> None:
        deadline = time.monotonic() + 30
        while not started and time.monotonic() < deadline:
            time.sleep(0.05)
        broken = tmp_path / "broken.sqlite"
        broken.write_bytes(b"not a base")
        os.replace(broken, base)  # a broken file: not switched to
        time.sleep(0.5)
        fresh = tmp_path / "new.sqlite"
        shutil.copyfile(kb_path, fresh)
        os.replace(fresh, base)  # what kb build does
        while len(started) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        started[-1].terminate()  # the server ends: so does supervise

    helper = threading.Thread(target=rebuild_then_stop)
    helper.start()
    status = supervise(start, base, poll=0.1)
    helper.join()
    assert len(started) == 2 and status != 0
    assert all(process.poll() is not None for process in started)
