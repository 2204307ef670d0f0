"""A PbootCMS site (its SQLite database, ``data/pbootcms.db``) as news, pages and pictures.

The tables are PbootCMS's own (``static/backup/sql/pbootcms_v3211.sql`` in its repository):
``ay_content_sort`` holds the sorts (a tree; ``mcode`` names the model in ``ay_model``, whose
``type`` is 1 for a single page, 2 for a list), ``ay_content`` the items. List sorts become
news categories and their items news articles; a single-page sort becomes a standard page
with its one item's text. The database is opened read-only and never changed.

Old addresses: an item at ``/{sort}/{id}.html`` (pseudo-static) and ``/?{sort}/{id}.html``
(compatible mode), with the sort's ``filename`` or else its ``scode``; a single page at
``/{sort}/`` and ``/?{sort}/``; a list at the same two, to its category's list.
"""

import re
import sqlite3
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.utils import timezone

from pressroom.core.models import CompanyInfo
from pressroom.core.slugs import readable_slug
from pressroom.importers.base import DRAFT, PUBLISH, Importer, PageItem, fingerprint
from pressroom.importers.cleaning import Body, plain_text
from pressroom.importers.redirects import ensure_redirect
from pressroom.importers.report import SourceError
from pressroom.news.models import NewsArticlePage, NewsCategory
from pressroom.pages.models import StandardPage

OWN_SOURCES = {"", "本站", "原创", "admin"}
# PbootCMS template tags in a stored text: on the old site they ran (and hacked sites carry
# ``{pboot:if(...)}`` code injections); here they would only show as text, so they go.
TEMPLATE_TAG = re.compile(r"\{/?pboot:[^{}]*\}", re.IGNORECASE)
NEEDED_TABLES = {"ay_content", "ay_content_sort", "ay_model"}


class Tables:
    """The old site's tables, read-only, from its SQLite file or a MySQL/MariaDB server."""

    def __init__(self, source: str):
        self.name = source.rsplit("@", 1)[-1] if source.startswith("mysql://") else source
        if source.startswith("mysql://"):
            self.open_mysql(source)
        else:
            self.open_sqlite(Path(source))
        if missing := NEEDED_TABLES - self.tables:
            self.close()
            names = ", ".join(sorted(missing))
            raise SourceError(f"{self.name} is not a PbootCMS database: it has no {names}.")

    def open_sqlite(self, path: Path) -> None:
        if not path.is_file():
            raise SourceError(f"Cannot read {path}: no such file.")
        self.errors: tuple = (sqlite3.Error,)
        self.placeholder = "?"
        try:
            self.connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            self.connection.row_factory = sqlite3.Row
            query = "SELECT name FROM sqlite_master WHERE type = 'table'"
            self.tables = {row[0] for row in self.connection.execute(query)}
        except sqlite3.Error as error:
            raise SourceError(f"{path.name} is not an SQLite database ({error}).") from error

    def open_mysql(self, url: str) -> None:
        try:
            import pymysql
            import pymysql.cursors
        except ImportError as error:
            raise SourceError(
                "Reading PbootCMS from MySQL needs PyMySQL: pip install 'pressroom[mysql]'."
            ) from error
        parts = urlsplit(url)
        self.errors = (pymysql.err.Error,)
        self.placeholder = "%s"
        try:
            self.connection = pymysql.connect(
                host=parts.hostname or "127.0.0.1",
                port=parts.port or 3306,
                user=unquote(parts.username or "root"),
                password=unquote(parts.password or ""),
                database=unquote(parts.path.lstrip("/")),
                charset="utf8mb4",
                cursorclass=pymysql.cursors.DictCursor,
                connect_timeout=10,
                read_timeout=60,
            )
            self.tables = {next(iter(row.values())) for row in self.rows("SHOW TABLES")}
        except pymysql.err.Error as error:
            raise SourceError(f"Cannot read the database at {self.name}: {error}.") from error

    def rows(self, sql: str, params=()) -> list:
        sql = sql.replace("?", self.placeholder)
        if self.placeholder == "?":
            return list(self.connection.execute(sql, params))
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return list(cursor.fetchall())

    def close(self) -> None:
        self.connection.close()


def parse_date(text) -> datetime | None:
    try:
        return timezone.make_aware(datetime.strptime(str(text or "")[:19], "%Y-%m-%d %H:%M:%S"))
    except ValueError:
        return None


class PbootCMSImporter(Importer):
    source_name = "pbootcms"

    def __init__(self, source: str, options):
        super().__init__(options)
        self.source = source

    def run(self) -> None:
        db = Tables(self.source)
        try:
            self.read(db)
        except db.errors as error:
            raise SourceError(f"{db.name} cannot be read: {error}.") from error
        finally:
            db.close()

    def read(self, db: Tables) -> None:
        self.start(db.name)
        self.area = self.default_area(db)
        models = {row["mcode"]: row for row in db.rows("SELECT * FROM ay_model")}
        sorts = list(
            db.rows(
                "SELECT * FROM ay_content_sort WHERE acode = ? ORDER BY sorting, id", (self.area,)
            )
        )
        self.sort_path = {row["scode"]: (row["filename"] or row["scode"]) for row in sorts}
        self.single = {
            row["scode"]
            for row in sorts
            if models.get(row["mcode"]) is not None and str(models[row["mcode"]]["type"]) == "1"
        }
        if self.news_index is None and len(self.single) < len(sorts):
            raise SourceError("The site has no news center to put the lists' items in.")
        counted = db.rows("SELECT COUNT(*) AS n FROM ay_content WHERE acode = ?", (self.area,))
        self.expect(counted[0]["n"] + len(sorts) - len(self.single) + 1)
        self.company(db)
        used = {row["scode"] for row in db.rows("SELECT DISTINCT scode FROM ay_content")}
        self.categories = {}
        for sort in sorts:
            if sort["scode"] in self.single:
                continue
            if sort["scode"] in used:
                self.categories[sort["scode"]] = self.category(sort)
            else:  # a list of lists (新闻中心 above 公司新闻): its address shows the news center
                self.list_redirects(sort["scode"], None)
        self.pages = {}
        contents = db.rows(
            "SELECT * FROM ay_content WHERE acode = ? ORDER BY date, id", (self.area,)
        )
        for row in contents:
            self.content(row, {sort["scode"]: sort for sort in sorts})
        others = db.rows("SELECT COUNT(*) AS n FROM ay_content WHERE acode != ?", (self.area,))
        if count := others[0]["n"]:
            self.report.warnings.append(
                f"{count} items of other language areas are not imported yet"
            )

    def default_area(self, db) -> str:
        try:
            found = db.rows("SELECT acode FROM ay_area ORDER BY is_default DESC, id")
        except db.errors:
            found = []
        return found[0]["acode"] if found else "cn"

    def company(self, db) -> None:
        try:
            found = db.rows("SELECT * FROM ay_company WHERE acode = ?", (self.area,))
        except db.errors:
            return
        row = found[0] if found else None
        if row is None:
            return

        def work():
            info = CompanyInfo.for_site(self.site)
            changed = []
            for ours, theirs, size in [
                ("name", "name", 120),
                ("address", "address", 255),
                ("phone", "phone", 40),
                ("fax", "fax", 40),
                ("email", "email", 254),
            ]:
                value = (row[theirs] or "").strip()[:size]
                current = getattr(info, ours)
                if value and (not current or (ours == "name" and current == "Pressroom")):
                    setattr(info, ours, value)
                    changed.append(ours)
            if changed:
                info.full_clean()
                info.save()
                self.report.updated["company info"] += 1

        self.item("company info", row["name"] or "", work)

    def category(self, sort) -> NewsCategory | None:
        name = (sort["name"] or sort["scode"])[:80]

        def work():
            found = self.records.target("category", sort["scode"])
            if found is None:
                base = sort["filename"] if (sort["filename"] or "").isascii() else ""
                slug = (readable_slug(base or name) or f"sort-{sort['scode']}")[:80]
                found, made = NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name})
                self.records.remember("category", sort["scode"], found)
                if made:
                    self.report.created["category"] += 1
            return found

        category = self.item("category", name, work)
        if category is not None:
            self.list_redirects(sort["scode"], category)
        return category

    def list_redirects(self, scode: str, category) -> None:
        if self.news_index is None:
            return
        route = self.news_index.list_subpath(category) if category is not None else None
        for url in self.addresses(scode):
            if ensure_redirect(url, self.news_index, self.site, route=route):
                self.report.redirects += 1

    def addresses(self, scode: str, item_id=None) -> list[str]:
        sort = self.sort_path.get(scode, scode)
        tail = f"{sort}/{item_id}.html" if item_id is not None else f"{sort}/"
        return [f"/{tail}", f"/?{tail}"]

    def content(self, row, sorts: dict) -> None:
        title = (row["title"] or "").strip() or f"{row['id']}"
        kind = "page" if row["scode"] in self.single else "article"

        def work():
            return self.save(row, kind, title, sorts.get(row["scode"]))

        self.item(kind, title, work)

    def save(self, row, kind, title, sort):
        status = PUBLISH if str(row["status"]) == "1" else DRAFT
        single = kind == "page"
        item = PageItem(
            kind=kind,
            key=str(row["id"]),
            title=title,
            fields={},
            status=status,
            when=parse_date(row["date"]),
            tags=[tag.strip()[:100] for tag in (row["tags"] or "").split(",") if tag.strip()],
            old_urls=self.addresses(row["scode"], None if single else row["id"]),
            slug=(sort["filename"] if single and sort is not None else row["filename"]) or "",
            digest=fingerprint(dict(row)),
        )
        found = self.unchanged(item)
        if found is not None:
            return found
        misses = self.media.misses
        body = Body(f"{kind} {title[:60]}", self.report, self.media.image, self.media.file_link)
        content, tags = TEMPLATE_TAG.subn("", row["content"] or "")
        if tags:
            self.report.warnings.append(f"{title[:60]}: {tags} PbootCMS template tags left out")
        blocks = body.blocks(content)
        for picture in (row["pics"] or "").split(","):
            image = self.media.image(picture.strip()) if picture.strip() else None
            if image is not None:
                blocks.append(
                    {
                        "type": "image",
                        "value": {
                            "image": image.pk,
                            "placement": "full",
                            "caption": "",
                            "alt_text": "",
                        },
                    }
                )
        summary = plain_text(row["description"] or "")[:500] or (row["subtitle"] or "")[:500]
        item.fields = {"summary": summary, "body": blocks}
        item.incomplete = self.media.misses > misses
        if single:
            return self.page(item, self.home, StandardPage)
        source = (row["source"] or "").strip()
        item.fields |= {
            "author": (row["author"] or "").strip()[:100],
            "source_name": "" if source in OWN_SOURCES else source[:150],
            "category": self.categories.get(row["scode"]),
            "cover_image": self.media.image(row["ico"]) if row["ico"] else None,
        }
        item.incomplete = self.media.misses > misses
        return self.page(item, self.news_index, NewsArticlePage)
