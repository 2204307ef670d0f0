"""An old site's HTML as the project's body blocks: headings, paragraphs, images, videos,
quotes and tables, with nothing the editor would not allow.

Paragraph text goes through Wagtail's own rich-text conversion with the features the editor
offers (``RICH_TEXT_FEATURES``), so an imported paragraph holds exactly what an editor could
have typed: no script, style, event attribute, class or unknown tag survives, and link
addresses keep only the schemes Wagtail allows. Frames are kept only for the video hosts the
page may show. Links a reader cannot see (``display:none``, zero-size text, pushed off
screen) and links to known spam are left out and listed in the report: hacked sites carry
them, and a search engine would count them against the new site.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from django.utils.html import escape
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.whitelist import check_url

from pressroom.core.blocks import RICH_TEXT_FEATURES
from pressroom.core.video import player_for
from pressroom.importers.report import Report

# Elements dropped with everything inside them.
DROPPED = {
    "script",
    "style",
    "noscript",
    "template",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "svg",
    "math",
    "link",
    "meta",
    "base",
    "head",
    "title",
    "frameset",
    "frame",
    "audio",
    "video",
    "canvas",
    "map",
}
# Elements that only wrap others: their content is read as if they were not there.
WRAPPERS = {
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "center",
    "body",
    "html",
    "font",
    "nav",
    "dl",
    "dd",
    "dt",
}
BLOCK_LEVEL = {
    "p",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "pre",
    "address",
    "figure",
    "blockquote",
    "table",
    "iframe",
    "img",
} | WRAPPERS
HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none"
    r"|visibility\s*:\s*hidden"
    r"|font-size\s*:\s*0*(?:\.0+)?\s*(?:px|pt|em|rem|%)?\s*(?:;|!|$)"
    r"|opacity\s*:\s*0*(?:\.0+)?\s*(?:;|!|$)"
    r"|(?:left|top|right|margin-left|margin-top|text-indent)\s*:\s*-\s*\d{3,}",
    re.IGNORECASE,
)
# Words of the link spam injected into hacked company sites (gambling, fake invoices, pills).
SPAM_WORDS = (
    "casino",
    "viagra",
    "cialis",
    "poker",
    "betting",
    "replica",
    "porn",
    "博彩",
    "赌场",
    "赌博",
    "娱乐城",
    "百家乐",
    "六合彩",
    "时时彩",
    "老虎机",
    "真人视讯",
    "代开发票",
    "葡京",
    "威尼斯人",
    "太阳城集团",
    "澳门金沙",
    "皇冠体育",
    "体育投注",
)


def is_hidden(element: Tag) -> bool:
    return element.has_attr("hidden") or bool(HIDDEN_STYLE.search(element.get("style", "")))


def is_spam(link: Tag) -> bool:
    text = f"{link.get('href', '')} {link.get_text(' ')}".lower()
    return any(word in text for word in SPAM_WORDS)


_converter: ContentstateConverter | None = None


def rich_text(html: str) -> str:
    """``html`` as Wagtail stores an editor's paragraph text, with the editor's features only."""
    global _converter
    if _converter is None:
        _converter = ContentstateConverter(RICH_TEXT_FEATURES)
    return _converter.to_database_format(_converter.from_database_format(html))


@dataclass
class Link:
    """Where an old link now points: a page or a document (Wagtail's internal links) or an
    address."""

    page_id: int | None = None
    href: str | None = None
    document_id: int | None = None


@dataclass
class Body:
    """What one body is made from: the item's name (for the report), where pictures come
    from, and how old links are rewritten."""

    item: str
    report: Report
    picture: Callable[[str, str], object | None]  # (src, title) -> image or None
    relink: Callable[[str], Link | None]  # an old href -> its new target, or None to keep it

    def blocks(self, html: str) -> list[dict]:
        soup = BeautifulSoup(html, "html.parser")
        self.prune(soup)
        self.output: list[dict] = []
        self.pending: list[str] = []  # block-level rich text not yet made a paragraph
        self.inline: list[str] = []  # loose text and inline elements not yet in a <p>
        self.walk(soup)
        self.flush()
        return self.output

    # --- pruning -------------------------------------------------------------------------
    def prune(self, soup: BeautifulSoup) -> None:
        for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
            comment.extract()
        for element in soup.find_all(DROPPED):
            element.decompose()
        for element in soup.find_all(True):
            if element.decomposed or not is_hidden(element):
                continue
            links = [element] if element.name == "a" else element.find_all("a")
            for link in links:
                self.report.removed_links.append((self.item, link.get("href", ""), "hidden"))
            element.decompose()
        for link in soup.find_all("a"):
            if is_spam(link):
                self.report.removed_links.append((self.item, link.get("href", ""), "spam"))
                link.decompose()
            else:
                self.rewrite(link)

    def rewrite(self, link: Tag) -> None:
        href = (link.get("href") or "").strip()
        link.attrs = {}
        if not href or check_url(href) is None:
            link.unwrap()
            return
        target = self.relink(href)
        if target is not None and target.page_id is not None:
            link.attrs = {"linktype": "page", "id": str(target.page_id)}
        elif target is not None and target.document_id is not None:
            link.attrs = {"linktype": "document", "id": str(target.document_id)}
        else:
            link["href"] = target.href if target is not None and target.href else href

    # --- walking -------------------------------------------------------------------------
    def walk(self, node: Tag) -> None:
        for child in list(node.children):
            if isinstance(child, NavigableString):
                self.inline.append(escape(str(child)))
            elif child.name in WRAPPERS:
                self.end_inline()
                self.walk(child)
                self.end_inline()
            elif child.name not in BLOCK_LEVEL:
                self.inline_element(child)
            else:
                self.end_inline()
                self.block(child)

    def block(self, element: Tag) -> None:
        name = element.name
        if name in ("h1", "h2"):
            self.flush()
            text = element.get_text(" ", strip=True)
            if text:
                self.output.append({"type": "heading", "value": text[:200]})
        elif name == "figure":
            self.figure(element)
        elif name == "img":
            self.flush()
            self.image(element, "")
        elif name == "iframe":
            self.flush()
            self.frame(element)
        elif name == "blockquote":
            self.flush()
            self.quote(element)
        elif name == "table":
            self.flush()
            self.table(element)
        else:
            if name in ("h5", "h6"):
                element.name = "h4"
            elif name in ("pre", "address"):
                element.name = "p"
            pictures = [picture.extract() for picture in element.find_all("img")]
            if element.get_text(strip=True) or name == "hr":
                self.pending.append(str(element))
            if pictures:
                self.flush()
                for picture in pictures:
                    self.image(picture, "")

    def inline_element(self, element: Tag) -> None:
        pictures = [picture.extract() for picture in element.find_all("img")]
        if element.name == "img":
            pictures, element = [element], None
        if element is not None:
            self.inline.append(str(element))
        if pictures:
            self.end_inline()
            self.flush()
            for picture in pictures:
                self.image(picture, "")

    def end_inline(self) -> None:
        run = "".join(self.inline)
        self.inline = []
        if run.strip():
            self.pending.append(f"<p>{run}</p>")

    def flush(self) -> None:
        self.end_inline()
        if not self.pending:
            return
        html = rich_text("".join(self.pending))
        self.pending = []
        if BeautifulSoup(html, "html.parser").get_text(strip=True) or "<hr" in html:
            self.output.append({"type": "paragraph", "value": html})

    # --- the other blocks ----------------------------------------------------------------
    def figure(self, element: Tag) -> None:
        self.flush()
        caption_element = element.find("figcaption")
        caption = caption_element.get_text(" ", strip=True) if caption_element else ""
        frames = element.find_all("iframe")
        pictures = element.find_all("img")
        for frame in frames:
            self.frame(frame, caption)
        for picture in pictures:
            self.image(picture, caption)
        if not frames and not pictures:
            wrapper = element.find("div", class_="wp-block-embed__wrapper") or element
            url = wrapper.get_text(" ", strip=True)
            if player_for(url) is not None:  # a Gutenberg embed block: the address as text
                self.output.append(
                    {"type": "video", "value": {"url": url, "file": None, "caption": caption}}
                )
            elif url:
                self.pending.append(f"<p>{escape(url)}</p>")

    def image(self, element: Tag, caption: str) -> None:
        src = element.get("src") or element.get("data-src") or ""
        alt = element.get("alt", "").strip()
        image = self.picture(src, alt or caption) if src and check_url(src) else None
        if image is not None:
            self.output.append(
                {
                    "type": "image",
                    "value": {
                        "image": image.pk,
                        "placement": "full",
                        "caption": caption[:255],
                        "alt_text": alt[:255],
                    },
                }
            )

    def frame(self, element: Tag, caption: str = "") -> None:
        src = element.get("src", "")
        if player_for(src) is not None:
            self.output.append(
                {"type": "video", "value": {"url": src, "file": None, "caption": caption[:255]}}
            )
        else:
            self.report.removed_links.append((self.item, src[:300], "frame not allowed"))

    def quote(self, element: Tag) -> None:
        cite = element.find("cite")
        attribution = cite.extract().get_text(" ", strip=True) if cite else ""
        text = element.get_text("\n", strip=True)
        if text:
            self.output.append(
                {"type": "quote", "value": {"text": text[:2000], "attribution": attribution[:200]}}
            )

    def table(self, element: Tag) -> None:
        rows = []
        for row in element.find_all("tr"):
            cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])]
            if cells:
                rows.append(cells)
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        first = element.find("tr")
        header = bool(first and first.find("th"))
        caption = element.find("caption")
        self.output.append(
            {
                "type": "table",
                "value": {
                    "data": rows,
                    "first_row_is_table_header": header,
                    "table_header_choice": "row" if header else "",
                    "table_caption": caption.get_text(" ", strip=True)[:255] if caption else "",
                },
            }
        )


def plain_text(html: str) -> str:
    """The text of an HTML fragment (for summaries and titles), spaces collapsed."""
    html = re.sub(
        r"(</(?:p|div|h[1-6]|li|td|th|blockquote)>|<br\s*/?>)", r"\1 ", html or "", flags=re.I
    )
    text = BeautifulSoup(html, "html.parser").get_text()
    return re.sub(r"\s+", " ", text).strip()
