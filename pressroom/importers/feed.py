"""Any RSS 2.0 or Atom feed as news articles, with the full text where the feed carries it
(``content:encoded``, Atom ``content``), else its summary. Items keyed by their guid (Atom id),
so a feed imported again next week adds the new items and updates the changed ones.
"""

import io
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import tostring

from django.utils.dateparse import parse_datetime
from django.utils.html import escape

from pressroom.importers import fetch
from pressroom.importers.base import PUBLISH, Importer, PageItem, fingerprint
from pressroom.importers.cleaning import Body, plain_text
from pressroom.importers.report import SourceError
from pressroom.importers.xmlsource import elements, local_name
from pressroom.news.models import NewsArticlePage

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
)
MAX_FEED_BYTES = 50 * 1024 * 1024


def rss_item(element) -> dict:
    item = {"tags": []}
    for child in element:
        namespace, name = local_name(child.tag)
        text = (child.text or "").strip()
        if namespace == CONTENT and name == "encoded":
            item["content"] = child.text or ""
        elif namespace == DC and name == "creator":
            item["author"] = text
        elif name == "category" and text:
            item["tags"].append(text)
        elif not namespace and name in (
            "title",
            "link",
            "guid",
            "pubDate",
            "description",
            "author",
        ):
            item.setdefault(name if name != "pubDate" else "date", child.text or "")
    return item


def atom_text(element) -> str:
    """An Atom text construct as HTML (``text`` escaped, ``xhtml`` serialised)."""
    kind = element.get("type", "text")
    if kind == "xhtml":
        return "".join(tostring(child, encoding="unicode") for child in element)
    return element.text or "" if kind == "html" else escape(element.text or "")


def atom_entry(element) -> dict:
    item = {"tags": []}
    for child in element:
        namespace, name = local_name(child.tag)
        if namespace != ATOM:
            continue
        if name == "link" and child.get("rel", "alternate") == "alternate":
            item.setdefault("link", child.get("href", ""))
        elif name == "id":
            item["guid"] = (child.text or "").strip()
        elif name == "title":
            item["title"] = plain_text(atom_text(child))
        elif name in ("published", "updated"):
            item.setdefault("date", (child.text or "").strip())
        elif name == "content":
            item["content"] = atom_text(child)
        elif name == "summary":
            item["description"] = atom_text(child)
        elif name == "author":
            names = [part.text for part in child if local_name(part.tag)[1] == "name"]
            item["author"] = (names[0] or "").strip() if names else ""
        elif name == "category" and child.get("term"):
            item["tags"].append(child.get("term"))
    return item


def read_feed(name: str, stream) -> tuple[dict, list[dict]]:
    """The feed's own fields and its items, or ``SourceError`` if it is not RSS or Atom."""
    channel, items, root, depth = {}, [], None, 0
    for event, element in elements(Path(name), stream):
        if event == "start":
            depth += 1
            if root is None:
                root = local_name(element.tag)
                if root not in (("", "rss"), (ATOM, "feed")):
                    raise SourceError(
                        f"{name} is not an RSS 2.0 or Atom feed (its root is <{root[1]}>)."
                    )
            continue
        depth -= 1
        namespace, tag = local_name(element.tag)
        level = 2 if root == ("", "rss") else 1  # rss/channel/item or feed/entry
        if depth == level and tag in ("item", "entry"):
            items.append(rss_item(element) if tag == "item" else atom_entry(element))
            element.clear()
        elif depth == level and tag == "link" and "link" not in channel:
            channel["link"] = element.get("href") or (element.text or "").strip()
        elif depth == level and tag == "title":
            channel.setdefault("title", (element.text or "").strip())
    return channel, items


def parse_date(text: str) -> datetime | None:
    text = (text or "").strip()
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return parse_datetime(text)
    except ValueError:
        return None


class FeedImporter(Importer):
    source_name = "feed"

    def __init__(self, source: str, options):
        super().__init__(options)
        self.source = source

    def open(self):
        if urlsplit(self.source).scheme in ("http", "https"):
            try:
                fetched = fetch.fetch(
                    self.source,
                    accept=FEED_TYPES,
                    allow_local=self.options.allow_local,
                    max_bytes=MAX_FEED_BYTES,
                    timeout=30,
                )
            except fetch.FetchError as error:
                raise SourceError(f"Cannot fetch the feed: {error}.") from error
            return io.BytesIO(fetched.data)
        path = Path(self.source)
        try:
            return path.open("rb")
        except OSError as error:
            raise SourceError(f"Cannot read {path}: {error.strerror or error}.") from error

    def run(self) -> None:
        channel, items = read_feed(self.source, self.open())
        if self.news_index is None:
            raise SourceError("The site has no news center to put the items in.")
        base = channel.get("link") or self.source
        self.start(base, base)
        self.base, self.host = base, urlsplit(base).hostname
        self.expect(len(items))
        for item in items:
            title = " ".join(item.get("title", "").split()) or plain_text(
                item.get("description", "")
            )
            title = title[:255] or "?"
            self.item("entry", title, lambda item=item, title=title: self.save(item, title))

    def save(self, item: dict, title: str):
        link = urljoin(self.base, item.get("link", "").strip())
        key = (item.get("guid") or link or fingerprint(title, item.get("date"))).strip()
        same_host = link and urlsplit(link).hostname == self.host
        entry = PageItem(
            kind="entry",
            key=key,
            title=title,
            fields={},
            status=PUBLISH,
            when=parse_date(item.get("date", "")),
            tags=[tag[:100] for tag in item["tags"]],
            old_urls=[link] if same_host else [],
            digest=fingerprint(item),
        )
        found = self.unchanged(entry)
        if found is not None:
            return found
        misses = self.media.misses
        html = item.get("content") or item.get("description") or ""
        body = Body(f"entry {title[:60]}", self.report, self.media.image, self.media.file_link)
        entry.fields = {
            "summary": plain_text(item.get("description", ""))[:500] if item.get("content") else "",
            "author": plain_text(item.get("author", ""))[:100],
            "body": body.blocks(html),
        }
        entry.incomplete = self.media.misses > misses
        return self.page(entry, self.news_index, NewsArticlePage)
