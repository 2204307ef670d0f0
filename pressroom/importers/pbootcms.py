"""A PbootCMS site (its SQLite database, ``data/pbootcms.db``, or its MySQL database) as
news, pages, products, banners, friend links, messages and pictures.

The tables are PbootCMS's own (``static/backup/sql/pbootcms_v3211.sql`` in its repository):
``ay_content_sort`` holds the sorts (a tree; ``mcode`` names the model in ``ay_model``, whose
``type`` is 1 for a single page, 2 for a list), ``ay_content`` the items. List sorts become
news categories and their items news articles, or, for a product model, product categories
and products (``pbootcms_products``); a single-page sort becomes a standard page with its one
item's text. Each language area (``ay_area``) goes to its language, translations linked where
the rows tell (``pbootcms_areas``); slides, links and messages: ``pbootcms_home``. The
database is opened read-only and never changed.

Old addresses: an item at ``/{sort}/{id}.html`` (pseudo-static) and ``/?{sort}/{id}.html``
(compatible mode), with the sort's ``filename`` or else its ``scode``; a single page at
``/{sort}/`` and ``/?{sort}/``; a list at the same two, to its category's list.
"""

import re
import sqlite3
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone
from wagtail.models import Locale

from pressroom.core.models import CompanyInfo
from pressroom.core.slugs import readable_slug
from pressroom.importers.base import DRAFT, PUBLISH, Importer, PageItem, fingerprint
from pressroom.importers.cleaning import Body, plain_text
from pressroom.importers.pbootcms_areas import (
    base_name,
    by_filename,
    language_of,
    match_sorts,
    number,
)
from pressroom.importers.pbootcms_home import HomeParts
from pressroom.importers.pbootcms_products import ProductParts, is_product_model
from pressroom.importers.redirects import ensure_redirect
from pressroom.importers.report import SourceError
from pressroom.news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from pressroom.pages.models import StandardPage
from pressroom.pageviews.models import PageViews

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


class PbootCMSImporter(ProductParts, HomeParts, Importer):
    source_name = "pbootcms"

    def __init__(self, source: str, options):
        super().__init__(options)
        self.source = source
        self.parse_date = parse_date

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
        models = {str(row["mcode"]): row for row in db.rows("SELECT * FROM ay_model")}
        self.single_models = {code for code, row in models.items() if str(row["type"]) == "1"}
        self.product_models = {
            code
            for code, row in models.items()
            if code not in self.single_models and is_product_model(row)
        }
        self.extensions(db)
        every_sort = db.rows("SELECT * FROM ay_content_sort ORDER BY sorting, id")
        self.sorts = {row["scode"]: row for row in every_sort}
        self.sort_path = {row["scode"]: (row["filename"] or row["scode"]) for row in every_sort}
        single = self.single_models
        self.single = {row["scode"] for row in every_sort if str(row["mcode"]) in single}
        self.used = {row["scode"] for row in db.rows("SELECT DISTINCT scode FROM ay_content")}
        counted = db.rows("SELECT COUNT(*) AS n FROM ay_content")
        # Items, list sorts and the company info: the total the progress shows a share of.
        self.expect(counted[0]["n"] + len(every_sort) - len(self.single) + 1)
        self.categories, self.sort_pages, self.twins, self.item_twins = {}, {}, {}, {}
        self.default_center, self.default_items = None, {}
        self.company_name = ""
        areas = self.areas(db)
        default_area = self.default_acode = areas[0][0]
        for acode, locale in areas:
            sorts = [row for row in every_sort if row["acode"] == acode]
            if not self.use_area(acode, locale, default=acode == default_area):
                continue
            if acode == default_area:
                self.company(db)
            else:
                defaults = [row for row in every_sort if row["acode"] == default_area]
                self.twins = match_sorts(defaults, default_area, sorts, acode)
            self.import_area(db, sorts)

    # --- areas -----------------------------------------------------------------------------
    def areas(self, db) -> list[tuple[str, Locale | None]]:
        """Each area's code and the locale it goes to, the default area first."""
        try:
            query = "SELECT acode FROM ay_area ORDER BY is_default DESC, id"
            found = [row["acode"] for row in db.rows(query)]
        except db.errors:
            found = []
        found = found or ["cn"]
        chosen = self.options.language not in (None, "auto")
        areas = []
        for n, acode in enumerate(found):
            code = language_of(acode)
            if n == 0 and (chosen or code is None):
                areas.append((acode, self.locale))  # --language, else the site's default
            else:
                locale = Locale.objects.filter(language_code=code).first() if code else None
                areas.append((acode, locale))
        return areas

    def use_area(self, acode: str, locale, default: bool) -> bool:
        """Import into ``locale``'s tree from now on; False (reported) when it cannot be."""
        self.area, self.is_default_area = acode, default
        if locale is None:
            self.report.warnings.append(
                f"area {acode}: not imported, its code names neither Chinese nor English"
            )
            return False
        root = self.site.root_page.specific
        home = root if root.locale_id == locale.pk else root.get_translation_or_none(locale)
        if home is None:
            self.report.warnings.append(
                f"area {acode}: not imported, the site has no home page in "
                f"{locale.language_code} (pressroom init makes it)"
            )
            return False
        self.locale, self.home = locale, home.specific
        self.language = locale.language_code
        self.news_index = NewsIndexPage.objects.child_of(self.home).first()
        return True

    def twin_page(self, sort_or_scode):
        """The default area's page of the sort this one translates, if any."""
        scode = sort_or_scode if isinstance(sort_or_scode, str) else sort_or_scode["scode"]
        twin = self.twins.get(scode) if not self.is_default_area else None
        return self.sort_pages.get(twin) if twin is not None else None

    def translation_fields(self, twin) -> dict:
        """The fields that make a new page the translation of ``twin`` (when it has none in
        this language yet)."""
        if twin is None or twin.locale_id == self.locale.pk:
            return {}
        if twin.get_translation_or_none(self.locale) is not None:
            return {}
        return {"translation_key": twin.translation_key}

    def slug_base(self, sort, twin=None) -> str:
        """A sort's address name without its area code (``en-aboutus`` → ``aboutus``), else
        the address name of the page it translates."""
        filename = (sort["filename"] or "").strip()
        if filename and filename.isascii():
            return base_name(filename, self.area)
        return twin.slug if twin is not None else ""

    def import_area(self, db: Tables, sorts) -> None:
        if self.news_index is None and any(
            sort["scode"] not in self.single and str(sort["mcode"]) not in self.product_models
            for sort in sorts
        ):
            if self.is_default_area:
                raise SourceError("The site has no news center to put the lists' items in.")
            self.report.warnings.append(
                f"area {self.area}: not imported, the {self.language} home page has no news "
                "center to put the lists' items in"
            )
            return
        for sort in sorts:
            if sort["scode"] in self.single or str(sort["mcode"]) in self.product_models:
                continue
            if sort["scode"] in self.used:
                self.categories[sort["scode"]] = self.category(sort)
            else:  # a list of lists (新闻中心 above 公司新闻): its address shows the news center
                self.list_redirects(sort["scode"], None)
        self.product_sorts(sorts, self.used)
        contents = db.rows(
            "SELECT * FROM ay_content WHERE acode = ? ORDER BY date, id", (self.area,)
        )
        if not self.is_default_area:
            self.item_twins = by_filename(
                [row for row in self.default_items.values()], self.default_acode
            )
        for row in contents:
            self.content(row)
        self.report_labels()
        self.home_extras(db)
        self.messages(db)

    def extensions(self, db: Tables) -> None:
        """The models' extension fields (``ay_extfield``) and each item's values."""
        self.extension_fields, self.extension_rows = {}, {}
        if "ay_extfield" in db.tables:
            for field in db.rows("SELECT * FROM ay_extfield ORDER BY sorting, id"):
                self.extension_fields.setdefault(str(field["mcode"]), []).append(field)
        if "ay_content_ext" in db.tables:
            for row in db.rows("SELECT * FROM ay_content_ext"):
                self.extension_rows[number(row["contentid"])] = dict(row)

    def company(self, db) -> None:
        try:
            found = db.rows("SELECT * FROM ay_company WHERE acode = ?", (self.area,))
        except db.errors:
            return
        row = found[0] if found else None
        if row is None:
            return
        self.company_name = (row["name"] or "").strip()[:80]

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

    # --- news categories -------------------------------------------------------------------
    def category(self, sort) -> NewsCategory | None:
        name = (sort["name"] or sort["scode"])[:80]

        def work():
            found = self.records.target("category", sort["scode"])
            if found is not None:
                return found
            twin = self.categories.get(self.twins.get(sort["scode"]))
            if twin is not None and self.language == "en":
                # Categories are shared by both languages: the English sort names it in English.
                if not twin.name_en:
                    twin.name_en = name
                    twin.save(update_fields=["name_en"])
                    self.report.updated["category"] += 1
                self.records.remember("category", sort["scode"], twin)
                return twin
            if twin is not None:
                self.records.remember("category", sort["scode"], twin)
                return twin
            slug = (readable_slug(self.slug_base(sort) or name) or f"sort-{sort['scode']}")[:80]
            english = {"name_en": name} if self.language == "en" else {}
            if self.is_default_area:
                found, made = NewsCategory.objects.get_or_create(
                    slug=slug, defaults={"name": name, **english}
                )
            else:  # a category of this area alone: never merged with another's by its slug
                taken = set(NewsCategory.objects.values_list("slug", flat=True))
                base, n = slug, 2
                while slug in taken:
                    slug, n = f"{base[:75]}-{n}", n + 1
                found, made = NewsCategory.objects.create(slug=slug, name=name, **english), True
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

    # --- items -----------------------------------------------------------------------------
    def content(self, row) -> None:
        title = (row["title"] or "").strip() or f"{row['id']}"
        sort = self.sorts.get(row["scode"])
        if row["scode"] in self.single:
            kind = "page"
        elif sort is not None and str(sort["mcode"]) in self.product_models:
            kind = "product"
        else:
            kind = "article"

        def work():
            page = self.save(row, kind, title, sort)
            if page is not None and self.options.visits:
                self.start_views(page, row)
            return page

        page = self.item(kind, title, work)
        if page is not None and self.is_default_area:
            self.default_items[number(row["id"])] = {**dict(row), "page": page}
        if page is not None and kind == "page":
            self.sort_pages[row["scode"]] = page

    def save(self, row, kind, title, sort):
        status = PUBLISH if str(row["status"]) == "1" else DRAFT
        single = kind == "page"
        if single:
            twin = self.twin_page(row["scode"])
            slug = self.slug_base(sort, twin) if sort is not None else ""
        else:
            slug = base_name(row["filename"] or "", self.area)
            found = self.item_twins.get(slug) if slug and not self.is_default_area else None
            twin = found["page"] if found is not None else None
        item = PageItem(
            kind=kind,
            key=str(row["id"]),
            title=title,
            fields={},
            status=status,
            when=parse_date(row["date"]),
            tags=[tag.strip()[:100] for tag in (row["tags"] or "").split(",") if tag.strip()],
            old_urls=self.addresses(row["scode"], None if single else row["id"]),
            slug=slug,
            digest=fingerprint(dict(row), self.extension_rows.get(number(row["id"]))),
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
        summary = plain_text(row["description"] or "")[:500] or (row["subtitle"] or "")[:500]
        translation = self.translation_fields(twin)
        if kind == "product":
            fields = self.product_fields(row, item, blocks, summary)
            item.incomplete = self.media.misses > misses
            return self.product(row, item, {**fields, **translation})
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
        item.fields = {"summary": summary, "body": blocks, **translation}
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

    def start_views(self, page, row) -> None:
        """``--visits``: the old site's visit count as the page's starting view count, on its
        publication day. A second run adds only the difference, so views counted here since
        are kept."""
        visits = max(number(row["visits"]), 0)
        record = self.records.get("visits", row["id"])
        views = self.records.target("visits", row["id"]) if record else None
        if views is None:
            if not visits:
                return
            when = parse_date(row["date"])
            day = timezone.localdate(min(when or timezone.now(), timezone.now()))
            views, _made = PageViews.objects.get_or_create(page_id=page.pk, day=day)
            before = 0
        else:
            before = number(record.fingerprint)
        if visits == before:
            self.report.unchanged["view count"] += 1
            return
        PageViews.objects.filter(pk=views.pk).update(
            count=Greatest(F("count") + visits - before, 0)
        )
        self.records.remember("visits", row["id"], views, fingerprint=str(visits))
        (self.report.updated if before else self.report.created)["view count"] += 1
