"""The same question gets the same answer in every process: no ranking may depend on the order Python happens to
iterate a set in (string hashing is seeded afresh per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# questions whose candidates score within a rounding error of each other: a sum taken in set order told them apart
QUESTIONS = [
    "checklist for accessibility of social infrastructure for people with disabilities - what items are on it?",
    "В доме-интернате неделю не выдавали постельное бельё и полотенца, люди спали без простыней. Насколько это "
    "серьёзно?",
]
ASK = """
import json, sys
from knowledge.answer.engine import Engine
engine = Engine.open(sys.argv[1])
answers = [engine.ask(q) for q in json.loads(sys.stdin.read())]
print(json.dumps([[a.status, [c.label for c in a.choices], [sorted(map(str, r.fields.items())) for r in a.results]]
                  for a in answers], ensure_ascii=False))
"""


def answers_with_hash_seed(kb_path: Path, seed: int) -> list:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": str(seed)}
    done = subprocess.run([sys.executable, "-c", ASK, str(kb_path)], input=json.dumps(QUESTIONS), env=env,
                          capture_output=True, text=True, check=True, timeout=300)
    return json.loads(done.stdout)


@pytest.mark.slow
def test_answers_do_not_depend_on_the_hash_seed(kb_path):
    first = answers_with_hash_seed(kb_path, 0)
    assert all(status == "clarify" and len(choices) >= 2 for status, choices, _ in first)
    for seed in (1, 2, 3, 4, 5):
        assert answers_with_hash_seed(kb_path, seed) == first, f"PYTHONHASHSEED={seed}"
