"""People's data kept as little as the bot can: personal numbers masked before anything is stored, state files
readable by their owner only, user ids kept as salted hashes. Used by the usage log and the language store (and
by anything else that stores what users type: call `mask_personal` on it first)."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import secrets
from pathlib import Path

log = logging.getLogger(__name__)

# A number is matched only where no other digit touches it, so a tariff ("1 263,60"), a year or an act number is
# never taken for one; separators people type inside numbers (spaces, dashes, dots, brackets) are allowed.
_SEP = r"[ \-.()\u00a0]?"
# Payment cards: 13 to 19 digits, usually in groups of four.
_CARD = re.compile(rf"(?<![\d\w])\d(?:{_SEP}\d){{12,18}}(?![\d\w])")
# IIN / BIN: the 12-digit personal and business identification numbers of Kazakhstan.
_IIN = re.compile(r"(?<![\d\w])\d{6}[ \-]?\d{6}(?![\d\w])")
# Phone numbers: Kazakhstan and Russia (+7 / 8 and ten digits, in any grouping) and any other +country number.
_PHONE = re.compile(rf"(?<![\d\w+])(?:\+?7|8)[ \-(\u00a0]*\d{{3}}[ \-)\u00a0]*\d{{3}}(?:{_SEP}\d){{4}}(?![\d\w])"
                    rf"|(?<![\d\w])\+\d(?:[ \-.()\u00a0]{{0,2}}\d){{7,14}}(?![\d\w])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MASKS = ((_CARD, "[card]"), (_PHONE, "[phone]"), (_IIN, "[IIN]"), (_EMAIL, "[e-mail]"))


def mask_personal(text: str) -> str:
    """The text with card numbers, phone numbers, IIN/BIN and e-mail addresses replaced by [card], [phone], [IIN],
    [e-mail]. The longest kind first: a 16-digit card number holds 12 digits that look like an IIN."""
    for pattern, mask in MASKS:
        text = pattern.sub(mask, text)
    return text


def private_file(path: Path | str) -> Path:
    """Create the file readable and writable by its owner only (0600), or tighten an existing one. SQLite gives its
    -wal and -shm files the database file's permissions, so they follow."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)
    for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if companion.exists():
            companion.chmod(0o600)
    return path


def salted_hash(salt: str, user_id: int, size: int = 10) -> str:
    """A user id as a salted hash: the same user gives the same hash under the same salt, and the id cannot be read
    back without the salt."""
    return hashlib.blake2b(f"{salt}:{user_id}".encode(), digest_size=size).hexdigest()


def process_salt(configured: str, what: str) -> str:
    """The configured salt, else one for this process only (hashes then change at every restart): privacy first."""
    if configured:
        return configured
    log.warning("USAGE_SALT is not set: %s will not be recognised after a restart", what)
    return secrets.token_hex(16)


class SaltRequired(ValueError):
    """Webhook or shared (Redis) mode without USAGE_SALT: replicas would hash the same user differently."""


def require_salt(salt: str, *, webhook: bool, shared: bool) -> None:
    if (webhook or shared) and not salt:
        raise SaltRequired("USAGE_SALT is required in webhook mode and with REDIS_URL (every replica must hash user "
                           "ids alike): set it to a long random string, e.g. `openssl rand -hex 32`")
