"""The Bot API as a machine-readable specification, for checking every call the bot makes (fake session and fake
server alike): methods, fields, types and deprecations from aiogram's classes, which are generated from the official
specification; the limits the documentation states in words from tests/data/bot_api_limits.toml (each cited).

`problems(method_name, params)` checks a call as it goes over the wire; `method_problems(method)` an aiogram method
object before it is sent. Either returns what Telegram would refuse, as readable lines; no lines means a valid call."""

from __future__ import annotations

import html
import inspect
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from aiogram import __api_version__, methods
from aiogram.client.default import Default
from aiogram.methods import TelegramMethod
from pydantic import BaseModel, ValidationError

LIMITS_FILE = Path(__file__).resolve().parent.parent / "data" / "bot_api_limits.toml"
API_VERSION = __api_version__
# The tags Telegram's HTML parse mode knows (https://core.telegram.org/bots/api#html-style); anything else, or a tag
# left open, is refused with "can't parse entities".
HTML_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code",
             "pre", "blockquote", "tg-time"}
TEXT_FIELDS = {"text", "message_text", "caption"}


@dataclass(frozen=True)
class Limit:
    where: str
    min: int
    max: int
    unit: str
    source: str
    pattern: str | None = None


@cache
def method_classes() -> dict[str, type[TelegramMethod]]:
    """Every Bot API method aiogram knows, by its Telegram name lower-cased (Telegram ignores the case)."""
    return {cls.__api_method__.lower(): cls for _, cls in inspect.getmembers(methods, inspect.isclass)
            if issubclass(cls, TelegramMethod) and isinstance(getattr(cls, "__api_method__", None), str)}


@cache
def limits() -> dict[str, Limit]:
    data = tomllib.loads(LIMITS_FILE.read_text(encoding="utf-8"))
    return {entry["where"]: Limit(**entry) for entry in data["limit"]}


def deprecated(model: type[BaseModel], field: str) -> bool:
    extra = model.model_fields[field].json_schema_extra
    return isinstance(extra, dict) and bool(extra.get("deprecated"))


class _TagChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []
        self.chars = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in HTML_TAGS:
            self.errors.append(f"unsupported tag <{tag}>")
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes nothing open")
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        self.chars += len(data)


def visible_length(text: str, parse_mode: str | None) -> tuple[int, list[str]]:
    """The length Telegram counts (after entity parsing) and the parse errors it would refuse the text for."""
    if (parse_mode or "").upper() != "HTML":
        return len(text), []
    checker = _TagChecker()
    checker.feed(text)
    checker.close()
    errors = checker.errors + [f"<{tag}> left open" for tag in checker.open]
    if re.search(r"&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)", text):
        errors.append("a bare & (write &amp;)")
    if re.search(r"<(?![a-zA-Z/])", text):
        errors.append("a bare < (write &lt;)")
    return len(html.unescape(re.sub(r"<[^>]*>", "", text))), errors


def _limit_problems(limit: Limit, value: Any, parse_mode: str | None, where: str) -> list[str]:
    found: list[str] = []
    if limit.unit == "items":
        size = len(value)
    elif limit.unit == "bytes":
        size = len(str(value).encode("utf-8"))
    else:
        size, errors = visible_length(str(value), parse_mode) if where.rsplit(".", 1)[-1] in TEXT_FIELDS else (
            len(str(value)), [])
        found += [f"{where}: {error}" for error in errors]
    if not limit.min <= size <= limit.max:
        found.append(f"{where}: {size} {limit.unit}, allowed {limit.min}-{limit.max} ({limit.source})")
    if limit.pattern and not re.fullmatch(limit.pattern, str(value)):
        found.append(f"{where}: {value!r} has characters outside {limit.pattern} ({limit.source})")
    return found


def walk(obj: Any, where: str, default_parse_mode: str | None) -> list[str]:
    """Unknown and deprecated fields, limits and HTML of a validated object and everything in it."""
    if isinstance(obj, list | tuple):
        return [p for number, item in enumerate(obj) for p in walk(item, f"{where}[{number}]", default_parse_mode)]
    if not isinstance(obj, BaseModel):
        return []
    model = type(obj)
    name = getattr(model, "__api_method__", model.__name__)
    found = [f"{where}: unknown field {key!r} (not in {name}, Bot API {API_VERSION})" for key in obj.model_extra or {}]
    parse_mode = getattr(obj, "parse_mode", None)
    parse_mode = default_parse_mode if parse_mode is None or isinstance(parse_mode, Default) else parse_mode
    for field, info in model.model_fields.items():
        value = getattr(obj, field)
        if value is None or isinstance(value, Default):
            continue
        key = info.alias or field
        if deprecated(model, field) and field in obj.model_fields_set:
            found.append(f"{where}.{key}: deprecated in the current Bot API ({name})")
        limit = limits().get(f"{name}.{key}")
        if limit is not None:
            found += _limit_problems(limit, value, parse_mode, f"{where}.{key}")
        elif key in TEXT_FIELDS and isinstance(value, str):
            found += [f"{where}.{key}: {error}" for error in visible_length(value, parse_mode)[1]]
        found += walk(value, f"{where}.{key}", default_parse_mode)
    return found


def problems(method_name: str, params: dict[str, Any], default_parse_mode: str | None = None) -> list[str]:
    """What Telegram would refuse in a call as sent over the wire (JSON values already decoded)."""
    cls = method_classes().get(method_name.lower())
    if cls is None:
        return [f"unknown method {method_name!r} (Bot API {API_VERSION})"]
    try:
        method = cls.model_validate(params)
    except ValidationError as error:
        return [f"{method_name}.{'.'.join(map(str, e['loc']))}: {e['msg']} (got {e.get('input')!r:.80})"
                for e in error.errors()]
    return walk(method, method_name, default_parse_mode)


def method_problems(method: TelegramMethod, default_parse_mode: str | None = None) -> list[str]:
    """The same check on an aiogram method object (the recording session of the handler tests)."""
    return walk(method, method.__api_method__, default_parse_mode)
