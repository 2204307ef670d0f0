"""A DedeCMS site (织梦) as news categories and articles, from its MySQL database or a dump.

The tables are DedeCMS's own: ``dede_arctype`` (the types, a tree: ``reid`` the parent,
``typedir`` the folder, ``namerule`` the archive file names), ``dede_archives`` (title,
writer, source, ``pubdate``/``senddate`` as unix times, ``litpic``, ``description``,
``keywords``, ``arcrank``: -1 waiting for review, -2 in the recycle bin) and
``dede_addonarticle`` (the body). Another table prefix than ``dede_`` is found by itself.

Old installs keep GBK text in latin1 columns, so the bytes are read as stored (MySQL is
asked for its results as binary) and decoded here: UTF-8 if they are, else GB18030 (a
superset of GBK and GB2312), or the ``--encoding`` given. A dump (``mysqldump``, with or
without ``--default-character-set=latin1``) is read without executing anything: its
``CREATE TABLE`` gives the columns, its ``INSERT`` statements the rows, parsed as MySQL
literals.

Old addresses: an archive at its type's ``namerule`` (default
``{typedir}/{Y}{M}{D}/{aid}.html``, the date of its ``senddate``) and at
``/plus/view.php?aid=N``; a type's list at ``/{typedir}/``, its index file and
``/plus/list.php?tid=N``.
"""

import codecs
import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.utils import timezone

from pressroom.core.slugs import readable_slug
from pressroom.importers.base import DRAFT, PUBLISH, Importer, PageItem, fingerprint
from pressroom.importers.cleaning import Body, plain_text
from pressroom.importers.redirects import ensure_redirect
from pressroom.importers.report import SourceError
from pressroom.news.models import NewsArticlePage, NewsCategory

OWN_SOURCES = {"", "本站", "原创", "未知", "admin", "unknown"}
DEFAULT_NAMERULE = "{typedir}/{Y}{M}{D}/{aid}.html"
DEFAULT_PICTURES = {"/images/defaultpic.gif", "/images/defaultpic.jpg"}
ARTICLE_CHANNEL = 1
ARCHIVE_TABLES = ("arctype", "archives", "addonarticle")

# --- reading a mysqldump file without executing it ----------------------------------------
STATEMENT = re.compile(
    rb"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?`?(?P<create>\w+)`?\s*\("
    rb"|INSERT\s+(?:IGNORE\s+)?INTO\s+`?(?P<insert>\w+)`?\s*(?:\((?P<columns>[^)]*)\))?"
    rb"\s*VALUES\s*",
    re.IGNORECASE,
)
VALUE = re.compile(
    rb"\s*(?:(?:_binary\s*)?'(?P<text>(?:[^'\\]+|\\.|'')*)'|(?P<null>NULL)\b|(?P<bare>[^,()\s]+))\s*",
    re.S,
)
COLUMN = re.compile(rb"^\s*`(\w+)`", re.M)
ESCAPES = {
    b"0": b"\0",
    b"b": b"\b",
    b"n": b"\n",
    b"r": b"\r",
    b"t": b"\t",
    b"Z": b"\x1a",
}
ESCAPE = re.compile(rb"\\(.)|''", re.S)


def unescape(raw: bytes) -> bytes:
    def one(match) -> bytes:
        if match.group(0) == b"''":
            return b"'"
        char = match.group(1)
        if char in (b"%", b"_"):
            return b"\\" + char  # MySQL keeps the backslash of \% and \_
        return ESCAPES.get(char, char)

    return ESCAPE.sub(one, raw)


def parse_tuples(data: bytes, pos: int, table: str) -> tuple[list[list], int]:
    """The ``(…),(…);`` after VALUES at ``pos``: rows of bytes, str (numbers) and None."""
    rows = []
    while True:
        while pos < len(data) and data[pos : pos + 1].isspace():
            pos += 1
        if data[pos : pos + 1] != b"(":
            raise SourceError(f"The dump's INSERT into {table} is broken near byte {pos}.")
        pos += 1
        row: list = []
        while True:
            match = VALUE.match(data, pos)
            if match is None:
                raise SourceError(f"The dump's INSERT into {table} is broken near byte {pos}.")
            if match.group("text") is not None:
                row.append(unescape(match.group("text")))
            elif match.group("null") is not None:
                row.append(None)
            elif match.group("bare")[:2].lower() == b"0x":  # mysqldump --hex-blob
                try:
                    row.append(bytes.fromhex(match.group("bare")[2:].decode("ascii")))
                except ValueError:
                    row.append(match.group("bare").decode("ascii", "replace"))
            else:
                row.append(match.group("bare").decode("ascii", "replace"))
            pos = match.end()
            separator = data[pos : pos + 1]
            pos += 1
            if separator == b")":
                break
            if separator != b",":
                raise SourceError(f"The dump's INSERT into {table} is broken near byte {pos}.")
        rows.append(row)
        while pos < len(data) and data[pos : pos + 1].isspace():
            pos += 1
        separator = data[pos : pos + 1]
        pos += 1
        if separator != b",":
            return rows, pos


def read_dump(data: bytes, wanted: set[str]) -> dict[str, list[dict]]:
    """The rows of the ``wanted`` tables in a mysqldump, as dicts by column name."""
    columns: dict[str, list[str]] = {}
    tables: dict[str, list[dict]] = {}
    pos = 0
    while (match := STATEMENT.search(data, pos)) is not None:
        pos = match.end()
        if match.group("create"):
            name = match.group("create").decode("ascii").lower()
            end = data.find(b"\n)", pos)
            end = len(data) if end < 0 else end
            columns[name] = [col.decode("ascii") for col in COLUMN.findall(data, pos, end)]
            pos = end
            continue
        name = match.group("insert").decode("ascii").lower()
        rows, pos = parse_tuples(data, pos, name)
        if name not in wanted:
            continue
        names = columns.get(name, [])
        if match.group("columns"):
            names = [n.strip(b" `").decode("ascii") for n in match.group("columns").split(b",")]
        if not names:
            raise SourceError(f"The dump inserts into {name} before saying its columns.")
        tables.setdefault(name, []).extend(dict(zip(names, row, strict=False)) for row in rows)
    for name in columns:
        tables.setdefault(name, [])
    return tables


# --- decoding old text ----------------------------------------------------------------------
def decode(value, encoding: str | None = None) -> str:
    """A stored text as a string: UTF-8 if it is, else GB18030; or the encoding given."""
    if value is None:
        return ""
    if not isinstance(value, bytes | bytearray):
        return str(value)
    if encoding:
        return bytes(value).decode(encoding, errors="replace")
    try:
        text = bytes(value).decode("utf-8")
    except UnicodeDecodeError:
        return bytes(value).decode("gb18030", errors="replace")
    if not text.isascii():
        # GBK bytes once taken for latin1 and saved again as UTF-8 (a dump made with
        # --default-character-set=utf8 of latin1 columns): undo that.
        try:
            return text.encode("cp1252").decode("gb18030")
        except UnicodeError:
            pass
    return text


def number(value, default: int = 0) -> int:
    try:
        return int(value if not isinstance(value, bytes) else value.decode("ascii"))
    except (TypeError, ValueError):
        return default


def unix_time(value) -> datetime | None:
    seconds = number(value)
    if seconds <= 0:
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None


# --- the source -----------------------------------------------------------------------------
class Source:
    """The three tables (and the settings), from a MySQL server or a dump file."""

    def __init__(self, source: str):
        if source.startswith("mysql://"):
            self.name = source.rsplit("@", 1)[-1]
            self.tables = self.from_mysql(source)
        else:
            path = Path(source)
            self.name = path.name
            try:
                data = path.read_bytes()
            except OSError as error:
                raise SourceError(f"Cannot read {path}: {error.strerror or error}.") from error
            self.tables = self.from_dump(data)

    def prefix_of(self, names) -> str:
        for name in names:
            if name.endswith("archives") and f"{name[:-8]}arctype" in names:
                return name[:-8]
        raise SourceError(
            f"{self.name} is not a DedeCMS database: it has no dede_archives and dede_arctype."
        )

    def from_dump(self, data: bytes) -> dict[str, list[dict]]:
        names = {m.decode("ascii").lower() for m in re.findall(rb"(?i)TABLE\s+`?(\w+)`?", data)}
        prefix = self.prefix_of(names)
        wanted = {prefix + table for table in (*ARCHIVE_TABLES, "sysconfig")}
        found = read_dump(data, wanted)
        return {name[len(prefix) :]: found.get(name, []) for name in wanted}

    def from_mysql(self, url: str) -> dict[str, list[dict]]:
        try:
            import pymysql
            import pymysql.cursors
        except ImportError as error:
            raise SourceError(
                "Reading DedeCMS from MySQL needs PyMySQL: pip install 'pressroom[mysql]'."
            ) from error
        parts = urlsplit(url)
        try:
            connection = pymysql.connect(
                host=parts.hostname or "127.0.0.1",
                port=parts.port or 3306,
                user=unquote(parts.username or "root"),
                password=unquote(parts.password or ""),
                database=unquote(parts.path.lstrip("/")),
                charset="utf8mb4",
                use_unicode=False,  # the stored bytes: decoded here, GBK or UTF-8
                cursorclass=pymysql.cursors.DictCursor,
                connect_timeout=10,
                read_timeout=120,
            )
        except pymysql.err.Error as error:
            raise SourceError(f"Cannot read the database at {self.name}: {error}.") from error
        try:
            with connection.cursor() as cursor:
                cursor.execute("SET character_set_results = binary")
                cursor.execute("SHOW TABLES")
                names = {decode(next(iter(row.values()))).lower() for row in cursor.fetchall()}
                prefix = self.prefix_of(names)
                tables = {}
                for table in (*ARCHIVE_TABLES, "sysconfig"):
                    if prefix + table not in names:
                        tables[table] = []
                        continue
                    cursor.execute(f"SELECT * FROM `{prefix}{table}`")  # noqa: S608 - our names
                    tables[table] = list(cursor.fetchall())
                return tables
        except pymysql.err.Error as error:
            raise SourceError(f"{self.name} cannot be read: {error}.") from error
        finally:
            connection.close()


class DedeCMSImporter(Importer):
    source_name = "dedecms"

    def __init__(self, source: str, options, encoding: str | None = None):
        super().__init__(options)
        self.source = source
        if encoding:
            try:
                codecs.lookup(encoding)
            except LookupError as error:
                raise SourceError(f"--encoding {encoding}: no such encoding.") from error
        self.encoding = encoding

    def text(self, row: dict, name: str) -> str:
        return decode(row.get(name), self.encoding).strip()

    def run(self) -> None:
        source = Source(self.source)
        settings = {
            self.text(row, "varname"): self.text(row, "value")
            for row in source.tables.get("sysconfig", [])
        }
        self.cmspath = settings.get("cfg_cmspath", "").rstrip("/")
        base_url = settings.get("cfg_basehost", "")
        self.start(source.name, base_url.rstrip("/") + "/" if base_url else "")
        archives = sorted(source.tables["archives"], key=lambda row: number(row.get("id")))
        if archives and self.news_index is None:
            raise SourceError("The site has no news center to put the articles in.")
        bodies = {number(row.get("aid")): row.get("body") for row in source.tables["addonarticle"]}
        self.types = {number(row.get("id")): row for row in source.tables["arctype"]}
        used = {number(row.get("typeid")) for row in archives}
        self.expect(len(archives) + len(used & set(self.types)))
        self.categories = {}
        for type_id, row in sorted(self.types.items()):
            if number(row.get("ispart")) == 2:
                continue  # a link to elsewhere, not a list
            if type_id in used:
                self.categories[type_id] = self.category(type_id, row)
            else:
                self.list_redirects(type_id, None)
        for row in archives:
            self.archive(row, bodies.get(number(row.get("id"))))

    # --- types ------------------------------------------------------------------------------
    def typedir(self, type_id: int) -> str:
        row = self.types.get(type_id)
        if row is None:
            return ""
        folder = self.text(row, "typedir").replace("{cmspath}", self.cmspath)
        return "/" + folder.strip("/") if folder.strip("/") else ""

    def category(self, type_id: int, row: dict) -> NewsCategory | None:
        name = (self.text(row, "typename") or f"type {type_id}")[:80]

        def work():
            found = self.records.target("category", type_id)
            if found is None:
                folder = self.typedir(type_id).rsplit("/", 1)[-1]
                slug = (readable_slug(folder if folder.isascii() and folder else name) or "")[:80]
                slug = slug or f"type-{type_id}"
                found, made = NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name})
                self.records.remember("category", type_id, found)
                if made:
                    self.report.created["category"] += 1
            return found

        category = self.item("category", name, work)
        if category is not None:
            self.list_redirects(type_id, category)
        return category

    def list_redirects(self, type_id: int, category) -> None:
        if self.news_index is None:
            return
        route = self.news_index.list_subpath(category) if category is not None else None
        urls = [f"/plus/list.php?tid={type_id}"]
        if folder := self.typedir(type_id):
            index = self.text(self.types[type_id], "defaultname") or "index.html"
            urls += [f"{folder}/", f"{folder}/{index}"]
        for url in urls:
            if ensure_redirect(url, self.news_index, self.site, route=route):
                self.report.redirects += 1

    # --- archives ---------------------------------------------------------------------------
    def addresses(self, row: dict, aid: int) -> list[str]:
        urls = [f"/plus/view.php?aid={aid}"]
        type_id = number(row.get("typeid"))
        kind = self.types.get(type_id)
        rule = (self.text(kind, "namerule") if kind else "") or DEFAULT_NAMERULE
        sent = unix_time(row.get("senddate")) or unix_time(row.get("pubdate"))
        if sent is not None and kind is not None:
            local = timezone.localtime(sent)
            path = (
                rule.replace("{typedir}", self.typedir(type_id))
                .replace("{cmspath}", self.cmspath)
                .replace("{Y}", f"{local.year:04d}")
                .replace("{M}", f"{local.month:02d}")
                .replace("{D}", f"{local.day:02d}")
                .replace("{timestamp}", str(int(sent.timestamp())))
                .replace("{aid}", str(aid))
            )
            if "{" not in path:  # a rule with {pinyin} or {cc}: not worked out here
                urls.append("/" + path.lstrip("/"))
        return urls

    def archive(self, row: dict, body) -> None:
        aid = number(row.get("id"))
        title = self.text(row, "title") or f"{aid}"
        rank = number(row.get("arcrank"))
        if rank == -2:
            self.report.skip("article", title, "in the recycle bin on the old site")
            return
        if number(row.get("channel"), ARTICLE_CHANNEL) != ARTICLE_CHANNEL:
            self.report.skip("article", title, "not an article (another channel model)")
            return
        self.item("article", title, lambda: self.save(row, body, aid, title, rank))

    def save(self, row: dict, body, aid: int, title: str, rank: int):
        html = decode(body, self.encoding)
        item = PageItem(
            kind="article",
            key=str(aid),
            title=title,
            fields={},
            status=DRAFT if rank < 0 else PUBLISH,
            when=unix_time(row.get("pubdate")) or unix_time(row.get("senddate")),
            tags=[
                tag[:100]
                for tag in dict.fromkeys(re.split(r"[,，\s]+", self.text(row, "keywords")))
                if tag
            ],
            old_urls=self.addresses(row, aid),
            digest=fingerprint({key: decode(value) for key, value in row.items()}, html),
        )
        found = self.unchanged(item)
        if found is not None:
            return found
        misses = self.media.misses
        blocks = Body(f"article {title[:60]}", self.report, self.media.image, self.media.file_link)
        source = self.text(row, "source")
        picture = self.text(row, "litpic")
        item.fields = {
            "summary": plain_text(self.text(row, "description"))[:500],
            "body": blocks.blocks(html),
            "author": self.text(row, "writer")[:100],
            "source_name": "" if source.lower() in OWN_SOURCES else source[:150],
            "category": self.categories.get(number(row.get("typeid"))),
            "cover_image": (
                self.media.image(picture) if picture and picture not in DEFAULT_PICTURES else None
            ),
        }
        item.incomplete = self.media.misses > misses
        return self.page(item, self.news_index, NewsArticlePage)
