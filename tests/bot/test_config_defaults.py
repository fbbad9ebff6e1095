"""Settings: an empty value means the default, as a line left out does (an env_file's `KB_PATH=` must not replace the
image's base with nothing); relative state paths live in DATA_DIR; "off" turns a state file off."""

from __future__ import annotations

from pathlib import Path

from bot.config import load_config


def test_empty_values_mean_the_defaults(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    empty = {name: "" for name in ("BOT_TOKEN", "KB_PATH", "USAGE_LOG", "PREFS_PATH", "DATA_DIR", "HEALTH_PORT",
                                   "WEBHOOK_PORT", "THROTTLE_BURST", "THROTTLE_RATE", "LOCALES_DIR", "REDIS_URL")}
    assert load_config(empty, dotenv=False) == load_config({}, dotenv=False)
    config = load_config(empty, dotenv=False)
    assert config.kb_path is None and config.health_port is None and config.webhook_port == 8080
    assert config.usage_log == tmp_path / "usage.sqlite" and config.prefs_path == tmp_path / "prefs.sqlite"
    assert (config.locales_dir / "kk" / "LC_MESSAGES" / "messages.po").is_file()


def test_relative_state_paths_live_in_the_data_folder(tmp_path: Path) -> None:
    config = load_config({"DATA_DIR": str(tmp_path), "USAGE_LOG": "logs/usage.sqlite", "PREFS_PATH": "/abs/p.sqlite"},
                         dotenv=False)
    assert config.usage_log == tmp_path / "logs" / "usage.sqlite"
    assert config.prefs_path == Path("/abs/p.sqlite")  # an absolute path stays
    assert load_config({"DATA_DIR": str(tmp_path)}, dotenv=False).usage_log == tmp_path / "usage.sqlite"


def test_off_turns_state_files_off(tmp_path: Path) -> None:
    config = load_config({"USAGE_LOG": "off", "PREFS_PATH": " OFF "}, dotenv=False)
    assert config.usage_log is None and config.prefs_path is None
