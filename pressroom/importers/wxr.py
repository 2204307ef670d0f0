"""The site's content out again, as a WordPress export (WXR 1.2) that WordPress's importer
(and ``pressroom import wordpress``) reads: nobody is locked in.

News articles become posts (category, tags, author, dates, summary as the excerpt, the
source as ``source`` / ``source_url`` custom fields, the cover image as the featured image),
standard pages become pages under their parent page, every picture of the image library an
attachment with its file's absolute address. Bodies are the blocks' HTML as the site shows
them, with absolute addresses. The language of each item is a term of the ``language``
taxonomy (Polylang's: ``zh-hans`` or ``en``), which a WordPress site without Polylang keeps
as an unused term.

The file is written item by item as the pages are read (``iterator()``), so memory does not
grow with the site.
"""

import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from django.db.models import Max
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from pressroom.news.models import NewsArticlePage, NewsCategory
from pressroom.pages.models import StandardPage

WXR_VERSION = "1.2"
NAMESPACES = {
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": "http://wordpress.org/export/1.2/",
}
LOCAL_ADDRESS = re.compile(r"""(\s(?:src|href|srcset)=["'])/(?!/)""")
# Characters XML 1.0 does not allow at all (a pasted control character would break the file).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text(value) -> str:
    return escape(NOT_XML.sub("", str(value or "")))


def cdata(value) -> str:
    """``value`` as CDATA; a ``]]>`` inside is split across two sections, as WordPress does."""
    value = NOT_XML.sub("", str(value or ""))
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def wp_dates(when: datetime | None) -> tuple[str, str]:
    """(local time, GMT) as WordPress writes them; zeros for no date."""
    if when is None:
        return "0000-00-00 00:00:00", "0000-00-00 00:00:00"
    local = timezone.localtime(when).strftime("%Y-%m-%d %H:%M:%S")
    return local, when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def login_for(name: str, logins: dict[str, str]) -> str:
    """A WordPress login for an author's display name: Latin letters kept, else author-N."""
    if name not in logins:
        ascii_name = re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-")
        login = ascii_name if ascii_name and name.isascii() else f"author-{len(logins) + 1}"
        while login in logins.values():
            login += "-2"
        logins[name] = login
    return logins[name]


def embed(url: str, caption: str) -> str:
    """A video page's address as WordPress's embed block, which shows its player."""
    html = (
        f'<!-- wp:embed {{"url":{json.dumps(url)},"type":"video"}} -->\n'
        '<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\n'
        f"{escape(url)}\n</div>"
    )
    if caption:
        html += f"<figcaption>{escape(caption)}</figcaption>"
    return html + "</figure>\n<!-- /wp:embed -->"


class WXRWriter:
    """Writes one export to ``out`` (a text file opened for writing)."""

    def __init__(self, out: TextIO, site: Site, languages: Iterable[str] | None = None):
        self.out = out
        self.site = site
        self.root_url = site.root_url.rstrip("/")
        codes = list(languages) if languages else None
        self.locales = Locale.objects.filter(language_code__in=codes) if codes else None
        self.image_offset = (Page.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        self.counts = {"post": 0, "page": 0, "attachment": 0, "category": 0, "tag": 0}

    def absolute(self, url: str) -> str:
        if url.startswith("/") and not url.startswith("//"):
            return self.root_url + url
        return url

    def pages(self, model):
        found = model.objects.filter(pk__in=self.site_pages()).order_by("path")
        if self.locales is not None:
            found = found.filter(locale__in=self.locales)
        return found.select_related("locale").iterator(chunk_size=200)

    def site_pages(self):
        return Page.objects.descendant_of(self.site.root_page, inclusive=True).values("pk")

    def write(self) -> dict[str, int]:
        w = self.out.write
        w('<?xml version="1.0" encoding="UTF-8" ?>\n')
        w("<!-- A WordPress eXtended RSS (WXR) export of a Pressroom site. -->\n")
        spaces = " ".join(f'xmlns:{name}="{uri}"' for name, uri in NAMESPACES.items())
        w(f'<rss version="2.0" {spaces}>\n<channel>\n')
        w(f"\t<title>{text(self.site.site_name or self.site.hostname)}</title>\n")
        w(f"\t<link>{text(self.root_url)}</link>\n")
        w("\t<description></description>\n")
        w(f"\t<pubDate>{timezone.now().strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>\n")
        w("\t<language>zh-hans</language>\n")
        w(f"\t<wp:wxr_version>{WXR_VERSION}</wp:wxr_version>\n")
        w(f"\t<wp:base_site_url>{text(self.root_url)}</wp:base_site_url>\n")
        w(f"\t<wp:base_blog_url>{text(self.root_url)}</wp:base_blog_url>\n")
        self.write_authors()
        self.write_terms()
        self.write_attachments()
        for page in self.pages(StandardPage):
            self.write_page(page, "page")
        for page in self.pages(NewsArticlePage):
            self.write_page(page, "post")
        w("</channel>\n</rss>\n")
        return self.counts

    # --- the channel's lists ---------------------------------------------------------------
    def write_authors(self) -> None:
        self.logins: dict[str, str] = {}
        names = (
            NewsArticlePage.objects.filter(pk__in=self.site_pages())
            .exclude(author="")
            .order_by("author")
            .values_list("author", flat=True)
            .distinct()
        )
        for number, name in enumerate(names.iterator(), start=1):
            login = login_for(name, self.logins)
            self.out.write(
                f"\t<wp:author><wp:author_id>{number}</wp:author_id>"
                f"<wp:author_login>{cdata(login)}</wp:author_login>"
                f"<wp:author_email></wp:author_email>"
                f"<wp:author_display_name>{cdata(name)}</wp:author_display_name>"
                "</wp:author>\n"
            )

    def write_terms(self) -> None:
        self.category_slugs: dict[int, str] = {}
        for number, category in enumerate(NewsCategory.objects.order_by("sort_order", "pk")):
            self.category_slugs[category.pk] = category.slug
            self.out.write(
                f"\t<wp:category><wp:term_id>{number + 1}</wp:term_id>"
                f"<wp:category_nicename>{cdata(category.slug)}</wp:category_nicename>"
                "<wp:category_parent></wp:category_parent>"
                f"<wp:cat_name>{cdata(category.name)}</wp:cat_name></wp:category>\n"
            )
            self.counts["category"] += 1
        used = Tag.objects.filter(news_articletag_items__isnull=False).distinct().order_by("pk")
        for tag in used.iterator():
            self.out.write(
                f"\t<wp:tag><wp:term_id>{tag.pk + 100000}</wp:term_id>"
                f"<wp:tag_slug>{cdata(tag.slug)}</wp:tag_slug>"
                f"<wp:tag_name>{cdata(tag.name)}</wp:tag_name></wp:tag>\n"
            )
            self.counts["tag"] += 1

    # --- items -----------------------------------------------------------------------------
    def image_id(self, image) -> int:
        return self.image_offset + image.pk

    def image_url(self, image) -> str:
        return self.absolute(image.file.url)

    def write_attachments(self) -> None:
        for image in get_image_model().objects.order_by("pk").iterator(chunk_size=200):
            url = self.image_url(image)
            local, gmt = wp_dates(image.created_at)
            self.item(
                title=image.title,
                link=url,
                post_id=self.image_id(image),
                post_type="attachment",
                status="inherit",
                dates=(local, gmt),
                extra=f"\t\t<wp:attachment_url>{cdata(url)}</wp:attachment_url>\n",
            )
            self.counts["attachment"] += 1

    def write_page(self, page, kind: str) -> None:
        status = "publish" if page.live else "draft"
        if not page.live and page.go_live_at and page.go_live_at > timezone.now():
            status = "future"
        content = page if page.live else (page.get_latest_revision_as_object() or page)
        when = content.go_live_at if status == "future" else content.first_published_at
        parent = 0
        terms = [("language", page.locale.language_code, page.locale.language_code)]
        meta: list[tuple[str, str]] = []
        if kind == "page":
            found = page.get_parent()
            if found is not None and found.specific_class is StandardPage:
                parent = found.pk
        else:
            category = content.category
            if category is not None:
                terms.append(("category", category.slug, category.name))
            terms += [("post_tag", tag.slug, tag.name) for tag in content.tags.all()]
            if content.cover_image_id:
                meta.append(("_thumbnail_id", str(self.image_offset + content.cover_image_id)))
            if content.source_name:
                meta.append(("source", content.source_name))
            if content.source_url:
                meta.append(("source_url", content.source_url))
        self.item(
            title=content.title,
            link=self.absolute(page.get_url() or ""),
            post_id=page.pk,
            post_type=kind,
            status=status,
            dates=wp_dates(when),
            creator=self.creator(content),
            body=self.body_html(content),
            excerpt=content.summary,
            slug=page.slug,
            parent=parent,
            terms=terms,
            meta=meta,
        )
        self.counts[kind] += 1

    def creator(self, content) -> str:
        author = getattr(content, "author", "")
        return login_for(author, self.logins) if author else ""

    def body_html(self, page) -> str:
        parts = []
        for block in page.body:
            if block.block_type == "image":
                parts.append(self.figure(block.value))
            elif block.block_type == "video" and block.value.get("url"):
                parts.append(embed(block.value["url"], block.value.get("caption") or ""))
            else:
                parts.append(str(block.render()))
        return LOCAL_ADDRESS.sub(rf"\g<1>{self.root_url}/", "\n".join(parts))

    def figure(self, value) -> str:
        """A picture as WordPress shows one: the original file, by its absolute address."""
        image = value.get("image")
        if image is None:
            return ""
        caption = value.get("caption") or ""
        alt = value.get("alt_text") or caption
        html = f"<figure><img src={quoteattr(self.image_url(image))} alt={quoteattr(alt)}>"
        if caption:
            html += f"<figcaption>{escape(caption)}</figcaption>"
        return html + "</figure>"

    def item(
        self,
        *,
        title,
        link,
        post_id,
        post_type,
        status,
        dates,
        creator="",
        body="",
        excerpt="",
        slug="",
        parent=0,
        terms=(),
        meta=(),
        extra="",
    ) -> None:
        local, gmt = dates
        lines = [
            "\t<item>",
            f"\t\t<title>{cdata(title)}</title>",
            f"\t\t<link>{text(link)}</link>",
            f"\t\t<dc:creator>{cdata(creator)}</dc:creator>",
            f'\t\t<guid isPermaLink="false">{text(link or post_id)}</guid>',
            "\t\t<description></description>",
            f"\t\t<content:encoded>{cdata(body)}</content:encoded>",
            f"\t\t<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>",
            f"\t\t<wp:post_id>{post_id}</wp:post_id>",
            f"\t\t<wp:post_date>{cdata(local)}</wp:post_date>",
            f"\t\t<wp:post_date_gmt>{cdata(gmt)}</wp:post_date_gmt>",
            "\t\t<wp:comment_status>closed</wp:comment_status>",
            "\t\t<wp:ping_status>closed</wp:ping_status>",
            f"\t\t<wp:post_name>{cdata(slug)}</wp:post_name>",
            f"\t\t<wp:status>{status}</wp:status>",
            f"\t\t<wp:post_parent>{parent}</wp:post_parent>",
            "\t\t<wp:menu_order>0</wp:menu_order>",
            f"\t\t<wp:post_type>{post_type}</wp:post_type>",
            "\t\t<wp:post_password></wp:post_password>",
            "\t\t<wp:is_sticky>0</wp:is_sticky>",
        ]
        lines += [
            f"\t\t<category domain={quoteattr(domain)} nicename={quoteattr(nicename)}>"
            f"{cdata(name)}</category>"
            for domain, nicename, name in terms
        ]
        lines += [
            f"\t\t<wp:postmeta><wp:meta_key>{cdata(key)}</wp:meta_key>"
            f"<wp:meta_value>{cdata(value)}</wp:meta_value></wp:postmeta>"
            for key, value in meta
        ]
        self.out.write("\n".join(lines) + "\n" + extra + "\t</item>\n")
