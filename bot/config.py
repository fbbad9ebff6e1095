"""Bot configuration from the environment (and a .env file): one dataclass, read once at start-up."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from dotenv import load_dotenv

ROOT = Path(__file__).resolve().parent.parent
OFF = {"", "off", "no", "none", "false", "0"}


@dataclass
class Config:
    bot_token: str | None = None
    webhook_url: str | None = None  # public https URL Telegram posts to; set → webhook mode
    webhook_secret: str | None = None  # X-Telegram-Bot-Api-Secret-Token, required by the webhook server
    webhook_host: str = "0.0.0.0"
    webhook_port: int = 8080
    health_port: int | None = None  # polling mode: serve GET /health here (Docker HEALTHCHECK)
    telegram_api_url: str | None = None  # another Bot API server (local one, or the fake one in tests)
    admin_ids: frozenset[int] = field(default_factory=frozenset)
    kb_path: Path | None = None
    usage_log: Path | None = None  # None: usage log off
    usage_salt: str = ""  # required in webhook mode and with Redis (bot.privacy.require_salt)
    usage_keep_days: int = 90  # question text kept this many days, then only counts
    prefs_path: Path | None = None  # SQLite file for language choices (when no Redis); None: memory only
    redis_url: str | None = None  # FSM storage + language choices shared by replicas
    throttle_burst: int = 5
    throttle_rate: float = 1.0  # messages per second after the burst
    locales_dir: Path = ROOT / "locales"
    data_dir: Path = field(default_factory=Path.cwd)  # DATA_DIR: relative USAGE_LOG and PREFS_PATH live here

    @property
    def webhook_path(self) -> str:
        return (urlparse(self.webhook_url).path if self.webhook_url else "") or "/webhook"


def _optional_path(value: str | None, default: str | None, data_dir: Path) -> Path | None:
    """A state file: unset or empty → the default; "off" → None; a relative path lives in the data folder."""
    value = default if value is None or not value.strip() else value
    if value is None or value.strip().lower() in OFF:
        return None
    return data_dir / value.strip()  # an absolute value stays as it is


def default_locales() -> Path:
    """The repository's locales/, else the working folder's (a non-editable install, as in the image)."""
    return next((folder for folder in (ROOT / "locales", Path.cwd() / "locales") if folder.is_dir()), ROOT / "locales")


def _ids(value: str) -> frozenset[int]:
    return frozenset(int(part) for part in value.replace(";", ",").replace(" ", ",").split(",") if part.strip())


def load_config(env: dict[str, str] | None = None, *, dotenv: bool = True) -> Config:
    """Read the configuration; `env` replaces os.environ (tests). A .env file never overrides real variables."""
    if env is None:
        if dotenv:
            load_dotenv(Path.cwd() / ".env", override=False)
        env = dict(os.environ)

    def get(name: str) -> str | None:
        value = env.get(name)
        return value.strip() if value and value.strip() else None

    health = get("HEALTH_PORT")
    data_dir = Path(get("DATA_DIR") or Path.cwd())  # where relative state paths live (the image: /data)
    return Config(
        bot_token=get("BOT_TOKEN"),
        webhook_url=get("WEBHOOK_URL"),
        webhook_secret=get("WEBHOOK_SECRET"),
        webhook_host=get("WEBHOOK_HOST") or "0.0.0.0",
        webhook_port=int(get("WEBHOOK_PORT") or 8080),
        health_port=int(health) if health else None,
        telegram_api_url=get("TELEGRAM_API_URL"),
        admin_ids=_ids(get("ADMIN_IDS") or ""),
        kb_path=Path(get("KB_PATH")) if get("KB_PATH") else None,
        usage_log=_optional_path(env.get("USAGE_LOG"), "usage.sqlite", data_dir),
        usage_salt=get("USAGE_SALT") or "",
        usage_keep_days=int(get("USAGE_KEEP_DAYS") or 90),
        prefs_path=_optional_path(env.get("PREFS_PATH"), "prefs.sqlite", data_dir),
        redis_url=get("REDIS_URL"),
        throttle_burst=int(get("THROTTLE_BURST") or 5),
        throttle_rate=float(get("THROTTLE_RATE") or 1.0),
        data_dir=data_dir,
        locales_dir=Path(get("LOCALES_DIR") or default_locales()),
    )
