"""Words and figures for a reader: the gettext catalogues shared by the answer engine and the bot, and the Babel
formatters for money, numbers and dates.

One domain ("messages"), one set of catalogues: locales/<lang>/LC_MESSAGES/messages.po, English msgids; a message
left untranslated (an empty msgstr, as in the English catalogue) reads as its msgid. Compiling is Babel's own
(read_po + write_mo) and writes a .mo only when its .po is newer, so nothing here imports the bot or aiogram.

    gettext("kk", "home care")          -> "үйде қызмет көрсету"
    money(1263.6, "ru")                 -> "1 263,60 ₸"
    money_change(17.5, "ru")            -> "+17,50 ₸";  percent_change(2.36, "ru") -> "+2,4 %"
    date("2025-12-25", "kk")            -> "2025 жылғы 25 желтоқсан"
"""

from __future__ import annotations

import datetime as dt
import gettext as stdlib_gettext
import io
import os
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

from knowledge import PACKAGE_DIR

DOMAIN = "messages"
FALLBACK_LANG = "kk"
# The one mapping from a reply language to Babel's locale: Kazakh and Russian as written in Kazakhstan.
BABEL_LOCALES = {"kk": "kk_KZ", "ru": "ru_KZ", "en": "en"}
# Babel's long Kazakh date abbreviates the year ("2025 ж. 25 желтоқсан"); acts and letters write "жылғы".
DATE_FORMATS = {"kk": "y 'жылғы' d MMMM", "ru": "long", "en": "long"}
TENGE = "\u00a0₸"  # a no-break space: the sign never wraps away from its figure on a phone screen


def N_(message: str) -> str:
    """Mark a msgid for `pybabel extract` where it is defined; it is translated where it is shown."""
    return message


def locales_dir() -> Path:
    """$LOCALES_DIR (the bot's setting, used by the container), else the repository's locales/."""
    return Path(os.environ.get("LOCALES_DIR") or PACKAGE_DIR.parent / "locales")


def catalogue_paths(folder: Path | None = None) -> list[Path]:
    return sorted(Path(folder or locales_dir()).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def stale(po_path: Path) -> bool:
    mo_path = po_path.with_suffix(".mo")
    return not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime


def compiled(po_path: Path) -> bytes:
    """The .mo bytes of one catalogue (fuzzy and empty translations left out, so they read as the msgid)."""
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=po_path.parent.parent.name)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def compile_catalogue(po_path: Path) -> Path:
    """Write <po>.mo next to the .po, atomically: a reader never sees half a file."""
    mo_path = po_path.with_suffix(".mo")
    with tempfile.NamedTemporaryFile(dir=mo_path.parent, prefix=".messages-", suffix=".mo", delete=False) as out:
        out.write(compiled(po_path))
    os.replace(out.name, mo_path)
    return mo_path


def compile_catalogues(folder: Path | None = None, *, force: bool = False) -> list[Path]:
    """Compile every locales/*/LC_MESSAGES/messages.po whose .mo is missing or older; return the files written."""
    return [compile_catalogue(po_path) for po_path in catalogue_paths(folder) if force or stale(po_path)]


def catalogue_messages(po_path: Path) -> Iterator[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy) of each message of a .po file; plural messages give their first forms."""
    with po_path.open("rb") as po_file:
        for message in read_po(po_file):
            if message.id:
                msgid = message.id[0] if isinstance(message.id, tuple) else message.id
                text = message.string[0] if isinstance(message.string, tuple) else message.string
                yield str(msgid), str(text or ""), message.fuzzy


@lru_cache(maxsize=16)
def translations(lang: str, folder: Path | None = None) -> stdlib_gettext.NullTranslations:
    """The compiled catalogue of a language, loaded once. A missing or outdated .mo is compiled first (in memory
    when the folder is read-only); a language without a catalogue reads as the English msgids."""
    po_path = Path(folder or locales_dir()) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo_path = po_path.with_suffix(".mo")
    if not po_path.exists():
        if not mo_path.exists():
            return stdlib_gettext.NullTranslations()
        return stdlib_gettext.GNUTranslations(io.BytesIO(mo_path.read_bytes()))
    if stale(po_path):
        try:
            compile_catalogue(po_path)
        except OSError:
            return stdlib_gettext.GNUTranslations(io.BytesIO(compiled(po_path)))
    return stdlib_gettext.GNUTranslations(io.BytesIO(mo_path.read_bytes()))


def gettext(lang: str, msgid: str) -> str:
    return translations(lang).gettext(msgid)


def ngettext(lang: str, singular: str, plural: str, n: int) -> str:
    return translations(lang).ngettext(singular, plural, n)


def babel_locale(lang: str | None) -> str:
    return BABEL_LOCALES.get(lang or "", BABEL_LOCALES[FALLBACK_LANG])


def money(value: float | int | None, lang: str) -> str:
    """A rate in tenge: 1263.6 → "1 263,60 ₸" (kk, ru) / "1,263.60 ₸" (en); 0 → "no tariff set"; None → a dash."""
    if value is None:
        return "—"
    if float(value) == 0:
        return gettext(lang, N_("no tariff set"))
    return _figure(value, lang)


@lru_cache(maxsize=8192)
def _figure(value: float | int, lang: str) -> str:
    """A non-zero rate formatted (remembered: a reply setting many tables side by side formats many, and Babel's
    formatting is slow next to everything else a reply costs)."""
    return format_decimal(value, format="#,##0.00", locale=babel_locale(lang)) + TENGE


def money_exact(value: Decimal, lang: str) -> str:
    """A sum in tenge, exactly as computed (a plan's line or total): Decimal("4792.50") → "4 792,50 ₸"; 0 is
    "0,00 ₸" (a sum, unlike a rate, is never "no tariff set")."""
    return format_decimal(value, format="#,##0.00", locale=babel_locale(lang)) + TENGE


def money_change(value: float, lang: str) -> str:
    """A difference in tenge, always signed: 17.5 → "+17,50 ₸", -3 → "-3,00 ₸"."""
    return format_decimal(value, format="+#,##0.00;-#,##0.00", locale=babel_locale(lang)) + TENGE


def percent_change(value: float, lang: str) -> str:
    """A change in per cent (2.36 for 2.36 %), signed, at most one decimal, in the locale's own percent pattern:
    "+2,4 %" (ru), "+2.4%" (en), "-12 %"."""
    share = round(abs(value), 1) / 100
    sign = "+" if value > 0 else "-" if value < 0 else ""
    return sign + format_percent(share, locale=babel_locale(lang), decimal_quantization=False)


def number(value: float | int, lang: str) -> str:
    """A plain number: 0.5 → "0,5" (kk, ru) / "0.5" (en); 1250 → "1 250" / "1,250"."""
    return format_decimal(value, locale=babel_locale(lang))


@lru_cache(maxsize=1024)  # every citation formats its act's date: a few dates, formatted once (Babel is slow)
def date(value: dt.date | str | None, lang: str) -> str:
    """A calendar date: "2025 жылғы 25 желтоқсан", "25 декабря 2025 г.", "December 25, 2025". An ISO string is
    parsed; text that is not a date is returned as it is; None is empty."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            return value
    return format_date(value, format=DATE_FORMATS.get(lang, "long"), locale=babel_locale(lang))
