"""Kómekshi knowledge: legal sources → normalised records → SQLite → search → answers. No Telegram here."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SOURCES_DIR = PACKAGE_DIR / "sources"
DEFAULT_KB_PATH = PACKAGE_DIR / "kb.sqlite"
