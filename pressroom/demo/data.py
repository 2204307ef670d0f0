"""Reading the demo's data files (TOML, under ``data/``) and checking what they say.

A file is checked against a table of fields: each field's name maps to a checker, a function
that returns the value the loader uses or raises ``Invalid``. What the file gets wrong is
reported as a ``DemoDataError`` naming the file and the key, e.g.
``.../news/iso-9001-recertification.toml: en.body[3].caption: must be text, not 12``
(lists are counted from 1, as an editor counts blocks).
"""

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug

from pressroom.demo.pictures import IMAGE_COUNT, SCENES

DATA_DIR = Path(__file__).resolve().parent / "data"

# The languages the demo is written in: each file has a table for each, named here with the
# language code of the site's locale it translates into. The original is loaded into the
# site's default language; the others become its translations.
LANGUAGES = {"zh": "zh-hans", "en": "en"}
ORIGINAL = "zh"


class DemoDataError(ValueError):
    """A demo data file says something the loader cannot use."""

    def __init__(self, path: Path, key: str, problem: str):
        self.path, self.key, self.problem = path, key, problem
        super().__init__(f"{path}: {key}: {problem}" if key else f"{path}: {problem}")


class Invalid(ValueError):
    """A value is wrong; ``key`` is where it is, filled in as the error leaves each table."""

    def __init__(self, problem: str, key: str = ""):
        super().__init__(problem)
        self.problem, self.key = problem, key

    def inside(self, name: str) -> "Invalid":
        """The same error, one table or list further out: ``caption`` becomes ``[3].caption``."""
        if not self.key:
            return Invalid(self.problem, name)
        return Invalid(self.problem, name + ("" if self.key[0] == "[" else ".") + self.key)


Checker = Callable[[object], object]


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def text(value) -> str:
    """Text that is not empty."""
    if not isinstance(value, str):
        raise Invalid(f"must be text, not {_shown(value)}")
    if not value.strip():
        raise Invalid("is empty")
    return value


def slug(value) -> str:
    """A web address part: letters, digits, hyphens and underscores."""
    try:
        validate_slug(text(value))
    except ValidationError as exc:
        raise Invalid(f"{_shown(value)} is not a slug (letters, digits, - and _ only)") from exc
    return value


def url(value) -> str:
    try:
        URLValidator(schemes=["http", "https"])(text(value))
    except ValidationError as exc:
        raise Invalid(f"{_shown(value)} is not an http(s) address") from exc
    return value


def picture(value) -> int:
    """The number of a demo picture (its title in the admin says "演示配图 N")."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= IMAGE_COUNT:
        raise Invalid(f"must be a picture number from 1 to {IMAGE_COUNT}, not {_shown(value)}")
    return value


def body_picture(value) -> int | str:
    """A body block's picture: a demo picture's number, or a drawn scene's name (``SCENES``)."""
    if isinstance(value, str):
        if value not in SCENES:
            raise Invalid(f"must be a picture number or one of {', '.join(SCENES)}, not {value!r}")
        return value
    return picture(value)


def local_datetime(value) -> datetime:
    """A date and time written without quotes (2025-06-12 10:00:00), in the site's time zone."""
    if not isinstance(value, datetime):
        raise Invalid(
            f"must be a date and time without quotes, like 2025-06-12 10:00:00, not {_shown(value)}"
        )
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))
    return value


def optional(checker: Checker, default) -> Checker:
    """``checker``, or ``default`` when the key is left out."""

    def check(value):
        return value if value == default else checker(value)

    check.default = default
    return check


def list_of(checker: Checker, *, at_least: int = 0) -> Checker:
    def check(value):
        if not isinstance(value, list):
            raise Invalid(f"must be a list, not {_shown(value)}")
        if len(value) < at_least:
            raise Invalid(f"must have at least {at_least}, has {len(value)}")
        checked = []
        for number, item in enumerate(value, start=1):
            try:
                checked.append(checker(item))
            except Invalid as exc:
                raise exc.inside(f"[{number}]") from None
        return checked

    return check


def table(fields: dict[str, Checker]) -> Checker:
    """A table with these keys (a checker with a ``default`` may be left out) and no others."""

    def check(value):
        if not isinstance(value, dict):
            raise Invalid(f"must be a table, not {_shown(value)}")
        for name in value:
            if name not in fields:
                raise Invalid(f"unknown key; expected one of: {', '.join(fields)}", name)
        checked = {}
        for name, checker in fields.items():
            if name not in value:
                if not hasattr(checker, "default"):
                    raise Invalid("is missing", name)
                checked[name] = checker.default
                continue
            try:
                checked[name] = checker(value[name])
            except Invalid as exc:
                raise exc.inside(name) from None
        return checked

    return check


def in_each_language(**fields: Checker) -> dict[str, Checker]:
    """One table of ``fields`` for each language of the demo: {"zh": ..., "en": ...}."""
    return {language: table(fields) for language in LANGUAGES}


def _rows(value) -> list[list[str]]:
    rows = list_of(list_of(optional(text, ""), at_least=1), at_least=2)(value)
    for number, row in enumerate(rows, start=1):
        if len(row) != len(rows[0]):
            raise Invalid(f"has {len(row)} cells, the first row has {len(rows[0])}", f"[{number}]")
    return rows


# Body blocks: the key naming the block's kind, then its other keys.
BLOCKS: dict[str, dict[str, Checker]] = {
    "heading": {"heading": text},
    "paragraph": {"paragraph": text},  # simple HTML: <p>, <ul>/<li>, <strong>, <a href>
    "quote": {"quote": text, "attribution": optional(text, "")},
    "image": {"image": body_picture, "caption": optional(text, ""), "alt_text": optional(text, "")},
    "table": {"table": _rows, "caption": optional(text, "")},  # the first row is the header
}


def block(value) -> tuple[str, object]:
    """One body block as ``(kind, value)``: text for a heading or paragraph, else a dict."""
    kinds = [kind for kind in BLOCKS if isinstance(value, dict) and kind in value]
    if len(kinds) != 1:
        found = ", ".join(kinds) if kinds else "none"
        raise Invalid(f"a block has exactly one of the keys {', '.join(BLOCKS)} (found: {found})")
    kind = kinds[0]
    fields = table(BLOCKS[kind])(value)
    if kind in ("heading", "paragraph"):
        return kind, fields[kind]
    if kind == "quote":
        return kind, {"text": fields["quote"], "attribution": fields["attribution"]}
    if kind == "table":
        return kind, {"rows": fields["table"], "caption": fields["caption"]}
    return kind, fields


body = list_of(block, at_least=1)


class Record(dict):
    """One item's checked data (a page, an article, the company), knowing its file."""

    def __init__(self, data: dict, path: Path, key: str = ""):
        super().__init__(data)
        self.path, self.key = path, key

    def error(self, key: str, problem: str) -> DemoDataError:
        """An error about ``key`` of this item, naming its file."""
        return DemoDataError(self.path, f"{self.key}.{key}" if self.key else key, problem)


def read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except tomllib.TOMLDecodeError as exc:
        raise DemoDataError(path, "", f"not valid TOML: {exc}") from None
    except OSError as exc:
        raise DemoDataError(path, "", f"cannot be read: {exc.strerror}") from None


def check_file(path: Path, fields: dict[str, Checker], many: str = "") -> list[Record]:
    """The items of one file: the whole file is one item, or each ``[[many]]`` table is."""
    data = read_toml(path)
    try:
        if not many:
            return [Record(table(fields)(data), path)]
        items = table({many: list_of(table(fields), at_least=1)})(data)[many]
    except Invalid as exc:
        raise DemoDataError(path, exc.key, exc.problem) from None
    return [Record(item, path, f"{many}[{n}]") for n, item in enumerate(items, start=1)]


@dataclass(frozen=True)
class Section:
    """A part of the demo: the data file(s) it reads and the functions that make its pages.

    ``path`` is a file under the data folder, or a folder of files (``news/``) read in the
    order of their names, one item each. ``load(demo, records)`` makes the pages (or rows)
    in the original language and returns how many pages it created;
    ``translate(demo, records, locale, language)`` makes their translations into ``locale``
    from the tables of ``language`` and returns how many it created. Both must leave what is
    already there alone, so that running the demo again changes nothing. ``check(records,
    sections)`` may look at what other sections read (e.g. that a category exists).
    """

    name: str
    path: str
    fields: dict[str, Checker]
    load: Callable
    translate: Callable | None = None
    many: str = ""  # in a single file: the name of each item's [[table]]
    check: Callable | None = None

    def read(self, root: Path) -> list[Record]:
        where = root / self.path
        if self.path.endswith("/"):
            files = sorted(where.glob("*.toml"))
            if not files:
                raise DemoDataError(where, "", "has no .toml files")
            records = [record for path in files for record in check_file(path, self.fields)]
        else:
            records = check_file(where, self.fields, self.many)
        _check_unique_slugs(records)
        return records


def _check_unique_slugs(records: list[Record]) -> None:
    seen = {}
    for record in records:
        if "slug" not in record:
            return
        if record["slug"] in seen:
            other = seen[record["slug"]]
            where = f"{other.path}" + (f" ({other.key})" if other.key else "")
            raise record.error("slug", f"{record['slug']!r} is also the slug of {where}")
        seen[record["slug"]] = record
