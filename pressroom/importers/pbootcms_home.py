"""PbootCMS's slides (``ay_slide``) as the home page's banners, its links (``ay_link``) as the
home page's friend links section, and its messages (``ay_message``) in the inbox.

A mixin of ``PbootCMSImporter``, for one area (language) at a time. Banners are found again by
their picture and friend links by their address, so a second run updates them in place.
"""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect

from pressroom.contact.models import ContactMessage, ContactPage
from pressroom.importers.base import fingerprint
from pressroom.importers.cleaning import SPAM_WORDS, plain_text
from pressroom.importers.pbootcms_areas import number
from pressroom.importers.redirects import old_path
from pressroom.pages.models import HomeBanner, HomePage
from pressroom.products.models import ProductIndexPage

MAX_BANNERS = 8  # what the home page's editor takes
MAX_LINKS = 48
# Headings of the sections a home page without any gets with its friend links (decision 0027).
HEADINGS = {
    "zh-hans": {
        "about": "关于我们",
        "products": "产品中心",
        "news": "新闻中心",
        "links": "友情链接",
    },
    "en": {"about": "About us", "products": "Products", "news": "News", "links": "Links"},
}
# ay_message's own columns; any other column is a field the site's message form added.
MESSAGE_COLUMNS = {
    "id",
    "acode",
    "contacts",
    "mobile",
    "content",
    "user_ip",
    "user_os",
    "user_bs",
    "recontent",
    "status",
    "create_user",
    "update_user",
    "create_time",
    "update_time",
    "uid",
}


def is_spam(*texts: str) -> bool:
    text = " ".join(texts).lower()
    return any(word in text for word in SPAM_WORDS)


def web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def link_items(block: dict) -> list[dict]:
    """The links of a friend links section, as ``{"type": "item", "value": ...}`` entries."""
    items = block["value"].get("items") or []
    return [item if "value" in item else new_item(item) for item in items]


def new_item(value: dict) -> dict:
    """A list item as Wagtail stores one (its id is how it tells the format)."""
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


class HomeParts:
    def optional_rows(self, db, table: str) -> list:
        if table not in db.tables:
            return []
        return db.rows(f"SELECT * FROM {table} WHERE acode = ? ORDER BY id", (self.area,))

    # --- banners and friend links ----------------------------------------------------------
    def home_extras(self, db) -> None:
        slides = sorted(
            self.optional_rows(db, "ay_slide"),
            key=lambda row: (number(row["gid"]), number(row["sorting"]), number(row["id"])),
        )
        links = sorted(
            self.optional_rows(db, "ay_link"),
            key=lambda row: (number(row["gid"]), number(row["sorting"]), number(row["id"])),
        )
        if slides or links:
            self.item("home page", self.home.title, lambda: self.update_home(slides, links))

    def update_home(self, slides, links):
        home = HomePage.objects.get(pk=self.home.pk)
        digest = fingerprint([dict(row) for row in slides], [dict(row) for row in links])
        record = self.records.get("home page", self.area)
        if record is not None and not self.options.overwrite:
            if record.fingerprint == digest:
                self.report.unchanged["home page"] += 1
                return home
            if home.latest_revision_id != record.revision_id:
                self.report.skip(
                    "home page", home.title, "changed by an editor since the last import"
                )
                return home
        elif record is None and home.has_unpublished_changes and not self.options.overwrite:
            self.report.skip("home page", home.title, "it has a draft not published yet")
            return home
        misses = self.media.misses
        self.banners(home, slides)
        self.friend_links(home, links)
        home.save_revision().publish()
        home.refresh_from_db()
        complete = self.media.misses == misses
        self.records.remember(
            "home page",
            self.area,
            home,
            fingerprint=digest if complete else "",
            revision_id=home.latest_revision_id,
        )
        self.report.updated["home page"] += 1
        return home

    def banners(self, home, slides) -> None:
        group = min((number(row["gid"]) for row in slides), default=0)
        current = list(home.banners.all())
        by_image = {banner.image_id: banner for banner in current if banner.image_id}
        for row in slides:
            title = plain_text(row["title"] or "").strip() or plain_text(row["subtitle"] or "")
            name = title or f"slide {row['id']}"
            if number(row["gid"]) != group:
                self.report.skip(
                    "banner", name, f"slide group {row['gid']}: not the home page's ({group})"
                )
                continue
            image = self.media.image(row["pic"]) if (row["pic"] or "").strip() else None
            if image is None:
                self.report.skip("banner", name, "its picture is missing")
                continue
            banner = by_image.get(image.pk)
            if banner is None:
                if len(current) >= MAX_BANNERS:
                    self.report.skip("banner", name, f"the home page shows {MAX_BANNERS} at most")
                    continue
                banner = by_image[image.pk] = HomeBanner(image=image)
                current.append(banner)
            page, url = self.slide_target(row["link"] or "", name)
            values = {
                "title": (title or self.company_name or home.title)[:80],
                "text": plain_text(row["subtitle"] or "").strip()[:200] if row["title"] else "",
                "link_page": page,
                "link_url": url,
            }
            before = {key: getattr(banner, key) for key in values}
            for key, value in values.items():
                setattr(banner, key, value)
            if banner.pk is None:
                self.report.created["banner"] += 1
            elif before != values:
                self.report.updated["banner"] += 1
            else:
                self.report.unchanged["banner"] += 1
        home.banners = current

    def slide_target(self, link: str, name: str):
        """``(page, web address)`` a slide's link leads to: an imported page when the link is
        one of the old site's own addresses, else the address itself."""
        link = link.strip()
        if not link or link.startswith("#"):
            return None, ""
        if web_address(link):
            if is_spam(link):
                self.report.removed_links.append((f"banner {name}", link, "spam"))
                return None, ""
            if len(link) > 200:  # what the banner's address field holds
                self.report.warnings.append(f"banner {name}: its link is too long to keep")
                return None, ""
            return None, link
        path = old_path(link)
        if not path:
            return self.home, ""
        found = Redirect.objects.filter(site=self.site, old_path=path).first()
        if found is not None and found.redirect_page_id:
            return found.redirect_page, ""
        self.report.warnings.append(f"banner {name}: its link {link[:100]} leads to no new page")
        return None, ""

    def friend_links(self, home, links) -> None:
        wanted = []
        for row in links:
            name, url = plain_text(row["name"] or "").strip(), (row["link"] or "").strip()
            if is_spam(name, url):
                self.report.removed_links.append((f"friend link {name}", url, "spam"))
            elif not name or not web_address(url):
                self.report.skip("friend link", name or url, "not a web address with a name")
            else:
                wanted.append((name[:80], url))
        if not wanted:
            return
        sections = list(home.sections.raw_data)
        block = next((each for each in sections if each["type"] == "links"), None)
        if block is None:
            if not sections:
                sections = self.first_sections()
            block = {"type": "links", "value": {"heading": HEADINGS[self.language]["links"]}}
            sections.append(block)
        items = link_items(block)
        by_url = {item["value"].get("url"): item for item in items}
        for name, url in wanted:
            item = by_url.get(url)
            if item is None:
                if len(items) >= MAX_LINKS:
                    self.report.skip("friend link", name, f"the section holds {MAX_LINKS} at most")
                    continue
                item = by_url[url] = new_item({"name": name, "url": url})
                items.append(item)
                self.report.created["friend link"] += 1
            elif item["value"].get("name") != name:
                item["value"] = {**item["value"], "name": name}
                self.report.updated["friend link"] += 1
            else:
                self.report.unchanged["friend link"] += 1
        block["value"] = {**block["value"], "items": items}
        home.sections = sections

    def first_sections(self) -> list[dict]:
        """A home page without sections shows the company intro and the latest news; once it
        has one (the friend links) it shows its sections only, so it gets those two (and the
        products, when there are) as sections first: what visitors saw stays."""
        headings = HEADINGS[self.language]
        sections = [
            {
                "type": "about",
                "value": {"heading": headings["about"], "text": "", "image": None, "page": None},
            }
        ]
        center = ProductIndexPage.objects.child_of(self.home).first()
        if center is not None:
            value = {"heading": headings["products"], "page": center.pk, "count": 8}
            sections.append({"type": "products", "value": {**value, "show_categories": True}})
        value = {"heading": headings["news"], "categories": [], "count": 5}
        sections.append({"type": "news", "value": value})
        return sections

    # --- messages --------------------------------------------------------------------------
    def messages(self, db) -> None:
        rows = self.optional_rows(db, "ay_message")
        if not rows:
            return
        contact = ContactPage.objects.child_of(self.home).first()
        if contact is None:
            self.report.warnings.append(
                f"{len(rows)} messages of area {self.area} not imported: "
                f"the {self.language} home page has no contact page"
            )
            return
        for row in rows:
            name = (row["contacts"] or "").strip() or f"{row['id']}"
            self.item("message", name, lambda row=row: self.message(row, contact))

    def message(self, row, contact):
        """One message in the inbox: kept as sent on its day, with the old site's reply in
        its note; marked as imported, so it is never mailed."""
        digest = fingerprint(dict(row))
        record = self.records.get("message", row["id"])
        found = self.records.target("message", row["id"]) if record else None
        if found is not None and record.fingerprint == digest and not self.options.overwrite:
            self.report.unchanged["message"] += 1
            return found
        data = {
            "name": (row["contacts"] or "").strip(),
            "phone": (row["mobile"] or "").strip(),
            "message": (row["content"] or "").strip(),
        }
        for column, value in dict(row).items():
            if column not in MESSAGE_COLUMNS and str(value or "").strip():
                data[column] = str(value).strip()[:500]
        reply = (row["recontent"] or "").strip()
        with translation.override(settings.LANGUAGE_CODE):
            prefix = _("Reply on the old site: ")
        note = f"{prefix}{reply}" if reply else ""
        if found is None:
            found = ContactMessage.objects.create(
                page=contact,
                form_data=data,
                delivery=ContactMessage.Delivery.IMPORTED,
                next_attempt_at=None,
                handled=bool(reply),
                read_at=timezone.now(),
                note=note,
            )
            self.report.created["message"] += 1
        else:
            found.form_data = data
            if not found.note or found.note.startswith(prefix):
                found.note = note
            found.save(update_fields=["form_data", "note"])
            self.report.updated["message"] += 1
        when = self.parse_date(row["create_time"])
        if when is not None:
            ContactMessage.objects.filter(pk=found.pk).update(submit_time=when)
        self.records.remember("message", row["id"], found, fingerprint=digest)
        return found
