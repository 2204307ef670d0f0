"""A WordPress export (WXR 1.0–1.2) as news articles, standard pages, categories and images.

The file is read twice, streamed: first for what items refer to (authors, categories,
attachments, the pages' tree, every item's address), then item by item, each in its own
transaction. Posts become news articles, pages standard pages under their imported parent.
Only a published post without a password becomes public; a future one is scheduled; draft,
pending, private and password-protected ones become drafts.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

from django.utils import timezone
from django.utils.text import slugify

from pressroom.core.slugs import readable_slug
from pressroom.importers import shortcodes
from pressroom.importers.base import DRAFT, PUBLISH, SCHEDULE, Importer, PageItem, fingerprint
from pressroom.importers.cleaning import Body, Link, plain_text
from pressroom.importers.media import PICTURE_SUFFIXES
from pressroom.importers.redirects import old_path
from pressroom.importers.report import Report, SourceError
from pressroom.importers.xmlsource import elements, local_name
from pressroom.news.models import NewsArticlePage, NewsCategory
from pressroom.pages.models import StandardPage

WP = "http://wordpress.org/export/"
PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}
SKIPPED_STATUSES = {"trash": "in the trash", "auto-draft": "an automatic draft", "inherit": ""}


def is_web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def key_of(tag: str) -> str:
    namespace, name = local_name(tag)
    if namespace.startswith(WP):
        return f"excerpt:{name}" if namespace.endswith("/excerpt/") else f"wp:{name}"
    prefix = PREFIXES.get(namespace)
    return f"{prefix}:{name}" if prefix else name


def text_of(element) -> str:
    return (element.text or "").strip()


def read_item(element) -> dict:
    item: dict = {"categories": [], "meta": {}, "comments": 0}
    for child in element:
        key = key_of(child.tag)
        if key == "category":
            item["categories"].append(
                (child.get("domain", ""), child.get("nicename", ""), text_of(child))
            )
        elif key == "wp:postmeta":
            parts = {key_of(part.tag): text_of(part) for part in child}
            item["meta"][parts.get("wp:meta_key", "")] = parts.get("wp:meta_value", "")
        elif key == "wp:comment":
            item["comments"] += 1
        else:
            item[key] = child.text or ""
    return item


def read_fields(element) -> dict[str, str]:
    return {key_of(child.tag): text_of(child) for child in element}


def wxr(path: Path):
    """``("channel", key, element-fields)`` and ``("item", item)`` as the file gives them."""
    depth, seen_root, channel = 0, False, None
    for event, element in elements(path):
        if event == "start":
            depth += 1
            if depth == 2:
                channel = element
            if not seen_root:
                seen_root = True
                if local_name(element.tag)[1] != "rss":
                    raise SourceError(
                        f"{path.name} is not a WordPress export: it is XML whose root is "
                        f"<{local_name(element.tag)[1]}>, not <rss>."
                    )
            continue
        depth -= 1
        if depth == 2:  # a child of <channel>
            key = key_of(element.tag)
            if key == "item":
                yield "item", read_item(element)
            elif key in ("wp:author", "wp:category", "wp:tag", "wp:term"):
                yield "channel", key, read_fields(element)
            else:
                yield "channel", key, {"text": text_of(element)}
            channel.remove(element)  # memory stays flat however long the file


def uncategorized(old: "Site", nicename: str) -> bool:
    """WordPress's default category, which says nothing: dropped."""
    name = old.categories[nicename].get("wp:cat_name") or ""
    return nicename == "uncategorized" or name.lower() == "uncategorized"


def parse_date(item: dict) -> datetime | None:
    gmt = item.get("wp:post_date_gmt", "").strip()
    if gmt and not gmt.startswith("0000"):
        try:
            return datetime.strptime(gmt, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        except ValueError:
            pass
    local = item.get("wp:post_date", "").strip()
    if local and not local.startswith("0000"):
        try:
            return timezone.make_aware(datetime.strptime(local, "%Y-%m-%d %H:%M:%S"))
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(item.get("pubDate", ""))
    except (TypeError, ValueError, IndexError):
        return None


@dataclass
class Site:
    """What the first reading learns about the old site."""

    base_url: str = ""
    version: str = ""
    authors: dict[str, str] = field(default_factory=dict)  # login -> display name
    categories: dict[str, dict] = field(default_factory=dict)  # nicename -> fields
    attachments: dict[str, str] = field(default_factory=dict)  # id -> file address
    children: dict[str, list[str]] = field(default_factory=dict)  # post id -> attachment ids
    links: dict[str, tuple[str, str]] = field(default_factory=dict)  # old path -> (kind, id)
    kinds: Counter = field(default_factory=Counter)
    page_ids: set[str] = field(default_factory=set)
    expected: int = 0  # posts, pages and attachments the second reading will import


class WordPressImporter(Importer):
    source_name = "wordpress"

    def __init__(self, path: Path, options):
        super().__init__(options)
        self.path = path
        self.pages_waiting: list[dict] = []
        self.relink_later: set[tuple[str, str]] = set()

    # --- first reading -------------------------------------------------------------------
    def survey(self) -> Site:
        old = Site()
        for entry in wxr(self.path):
            if entry[0] == "channel":
                self.survey_channel(old, entry[1], entry[2])
                continue
            item = entry[1]
            kind, post_id = item.get("wp:post_type", ""), item.get("wp:post_id", "").strip()
            old.kinds[kind] += 1
            if kind == "attachment":
                old.attachments[post_id] = item.get("wp:attachment_url", "").strip()
                old.children.setdefault(item.get("wp:post_parent", "0"), []).append(post_id)
                old.expected += bool(old.attachments[post_id])
            elif kind in ("post", "page"):
                status = item.get("wp:status", "").strip()
                old.expected += post_id.isdigit() and status not in SKIPPED_STATUSES
                if kind == "page":
                    old.page_ids.add(post_id)
                for url in self.old_urls(old, item):
                    old.links[old_path(urljoin(old.base_url or "/", url))] = (kind, post_id)
            for domain, nicename, name in item["categories"]:
                if domain == "category" and nicename not in old.categories:
                    old.categories[nicename] = {"wp:cat_name": name, "wp:category_parent": ""}
        if not old.version:
            raise SourceError(
                f"{self.path.name} is an RSS file but not a WordPress export (no wxr_version): "
                "use `pressroom import feed` for a feed."
            )
        return old

    @staticmethod
    def survey_channel(old: Site, key: str, fields: dict) -> None:
        if key == "wp:wxr_version":
            old.version = fields["text"]
        elif key == "wp:base_site_url" or (key == "link" and not old.base_url):
            old.base_url = fields["text"].rstrip("/") + "/"
        elif key == "wp:author":
            login = fields.get("wp:author_login", "")
            old.authors[login] = fields.get("wp:author_display_name") or login
        elif key == "wp:category":
            old.categories[fields.get("wp:category_nicename", "")] = fields

    @staticmethod
    def old_urls(old: Site, item: dict) -> list[str]:
        post_id = item.get("wp:post_id", "").strip()
        urls = [item.get("link", "").strip()]
        if post_id.isdigit():
            query = "page_id" if item.get("wp:post_type") == "page" else "p"
            urls.append(f"{old.base_url or '/'}?{query}={post_id}")
        return [url for url in urls if url]

    # --- second reading ------------------------------------------------------------------
    def run(self) -> None:
        self.old = self.survey()
        self.start(self.old.base_url or self.path.name, self.old.base_url)
        self.host = urlsplit(self.old.base_url).hostname
        if self.old.kinds["post"] and self.news_index is None:
            raise SourceError("The site has no news center to put the posts in.")
        categories = [name for name in self.old.categories if not uncategorized(self.old, name)]
        self.expect(self.old.expected + len(categories))
        self.categories = {nicename: self.category(nicename) for nicename in self.old.categories}
        for entry in wxr(self.path):
            if entry[0] != "item":
                continue
            item = entry[1]
            self.report.comments += item["comments"]
            kind = item.get("wp:post_type", "")
            if kind == "attachment":
                self.attachment(item)
            elif kind in ("post", "page"):
                self.post_or_page(item)
            else:
                self.report.skip(
                    kind or "item", item.get("title", "")[:80], "not a post, page or attachment"
                )
        self.place_waiting_pages()
        if self.relink_later:
            self.relink_pass()

    def category(self, nicename: str) -> NewsCategory | None:
        fields = self.old.categories[nicename]
        name = (fields.get("wp:cat_name") or unquote(nicename) or "?")[:80]

        def work():
            found = self.records.target("category", nicename)
            if found is not None:
                return found
            slug = slugify(unquote(nicename)) if unquote(nicename).isascii() else ""
            slug = (slug or readable_slug(name) or "category")[:80]
            found, made = NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name})
            self.records.remember("category", nicename, found)
            if made:
                self.report.created["category"] += 1
            return found

        if uncategorized(self.old, nicename):
            return None
        return self.item("category", name, work)

    def attachment(self, item: dict) -> None:
        url = item.get("wp:attachment_url", "").strip()
        name = item.get("title", "") or url
        if not url:
            self.report.skip("attachment", name, "no file address")
        elif Path(urlsplit(url).path).suffix.lower() not in PICTURE_SUFFIXES:
            self.item("document", name, lambda: self.media.document(url, item.get("title", "")))
        else:
            self.item("image", name, lambda: self.media.image(url, item.get("title", "")))

    def status_of(self, item: dict, when: datetime | None) -> str | None:
        status = item.get("wp:status", "").strip()
        name = item.get("title", "")[:80]
        if status in SKIPPED_STATUSES:
            if SKIPPED_STATUSES[status]:
                self.report.skip(item.get("wp:post_type", "item"), name, SKIPPED_STATUSES[status])
            return None
        if status == "publish" and item.get("wp:post_password", "").strip():
            self.report.warnings.append(f"{name}: password-protected, kept as a draft")
            return DRAFT
        if status == "publish":
            return PUBLISH
        if status == "future" and when is not None and when > timezone.now():
            return SCHEDULE
        if status in ("private", "future"):
            self.report.warnings.append(f"{name}: {status}, kept as a draft")
        return DRAFT

    def post_or_page(self, item: dict) -> None:
        kind, post_id = item["wp:post_type"], item.get("wp:post_id", "").strip()
        title = (item.get("title") or "").strip()
        if not post_id.isdigit():
            self.report.skip(kind, title[:80] or "?", "no post id (wp:post_id)")
            return
        when = parse_date(item)
        status = self.status_of(item, when)
        if status is None:
            return
        if not title:
            title = plain_text(item.get("content:encoded", ""))[:60] or f"{kind} {post_id}"
            self.report.warnings.append(f"{kind} {post_id}: no title, named “{title}”")
        if kind == "page" and not self.parent_ready(item):
            self.pages_waiting.append(item)
            return
        self.item(kind, title, lambda: self.save(item, kind, post_id, title, status, when))

    def save(self, item, kind, post_id, title, status, when):
        page_item = PageItem(
            kind=kind,
            key=post_id,
            title=title,
            fields={},
            status=status,
            when=when,
            old_urls=self.old_urls(self.old, item),
            slug=unquote(item.get("wp:post_name", "")),
            digest=fingerprint(item, self.old.attachments.get(item["meta"].get("_thumbnail_id"))),
        )
        found = self.unchanged(page_item)
        if found is not None:
            return found
        misses = self.media.misses
        excerpt = plain_text(item.get("excerpt:encoded", ""))[:500]
        fields = {"summary": excerpt, "body": self.body(item, kind, post_id, title)}
        tags = []
        if kind == "post":
            chosen = [
                self.categories.get(nicename)
                for domain, nicename, _name in item["categories"]
                if domain == "category" and self.categories.get(nicename) is not None
            ]
            tags = [name[:100] for domain, _n, name in item["categories"] if domain == "post_tag"]
            tags += [category.name for category in chosen[1:]]
            login = (item.get("dc:creator") or "").strip()
            thumbnail = self.old.attachments.get(item["meta"].get("_thumbnail_id", ""))
            source_url = item["meta"].get("source_url", "").strip()[:200]
            source_name = item["meta"].get("source", "").strip()[:150]
            fields |= {
                # the custom fields `pressroom export-content` writes (and many themes use)
                "source_name": source_name,
                "source_url": source_url if source_name and is_web_address(source_url) else "",
                "category": chosen[0] if chosen else None,
                "author": self.old.authors.get(login, login)[:100],
                "cover_image": self.media.image(thumbnail) if thumbnail else None,
            }
        page_item.fields, page_item.tags = fields, tags
        page_item.incomplete = self.media.misses > misses
        if kind == "post":
            return self.page(page_item, self.news_index, NewsArticlePage)
        return self.page(page_item, self.parent_of(item), StandardPage)

    def body(self, item: dict, kind: str, post_id: str, title: str) -> list[dict]:
        text = item.get("content:encoded", "")
        text = shortcodes.expand(
            text,
            gallery=lambda ids: self.gallery(ids, post_id),
            unknown=self.report.shortcodes,
        )
        if "<!-- wp:" not in text:
            text = shortcodes.autop(text)

        def relink(href: str) -> Link | None:
            return self.relink(href, (kind, post_id))

        return Body(f"{kind} {title[:60]}", self.report, self.media.image, relink).blocks(text)

    def gallery(self, ids: list[str], post_id: str) -> list[str]:
        ids = ids or self.old.children.get(post_id, [])
        return [self.old.attachments[i] for i in ids if self.old.attachments.get(i)]

    def relink(self, href: str, linking: tuple[str, str]) -> Link | None:
        """An old link's new target: the imported page, or the picture's new file."""
        absolute = urljoin(self.old.base_url or "/", href)
        parts = urlsplit(absolute)
        if parts.hostname != self.host:
            return None
        target = self.old.links.get(old_path(absolute))
        if target is None and parts.query:
            query = parse_qs(parts.query)
            for name, kind in (("p", "post"), ("page_id", "page")):
                if query.get(name):
                    target = (kind, query[name][0])
        if target is not None:
            page_id = self.records.target_pk(*target)
            if page_id is not None:
                return Link(page_id=page_id)
            self.relink_later.add(linking)  # imported later in this run: link again then
            return Link(href=old_path(absolute) or "/")
        return self.media.file_link(absolute)

    # --- the pages' tree -----------------------------------------------------------------
    def parent_ready(self, item: dict) -> bool:
        parent = item.get("wp:post_parent", "0").strip()
        return (
            parent in ("", "0")
            or parent not in self.old.page_ids
            or self.records.target("page", parent) is not None
        )

    def parent_of(self, item: dict):
        parent = item.get("wp:post_parent", "0").strip()
        found = self.records.target("page", parent) if parent not in ("", "0") else None
        return found if found is not None else self.home

    def place_waiting_pages(self) -> None:
        """Pages whose parent came later in the file, parents first; a page whose parent
        never comes goes under the home page."""
        waiting = self.pages_waiting
        while waiting:
            ready = [item for item in waiting if self.parent_ready(item)]
            if not ready:
                ready = waiting[:1]
                self.report.warnings.append(
                    f"page {ready[0].get('title', '')[:60]}: its parent page was not imported; "
                    "placed under the home page"
                )
                ready[0]["wp:post_parent"] = "0"
            for item in ready:
                waiting.remove(item)
                self.post_or_page(item)

    def relink_pass(self) -> None:
        """Make internal the links of items that pointed at items imported after them (one
        more reading of the file; the report counts each item once)."""
        wanted, self.relink_later = self.relink_later, set()
        report = self.report
        self.report = Report()  # a scratch report: the items were counted the first time
        self.relinking = True
        for entry in wxr(self.path):
            if entry[0] == "item":
                item = entry[1]
                if (item.get("wp:post_type"), item.get("wp:post_id", "").strip()) in wanted:
                    self.post_or_page(item)
        self.relinking = False
        self.report = report
