"""The admin in Chinese: a Chinese editor, moderator and administrator read no English.

Each role signs in and walks every admin page it reaches: the links of the dashboard and the
sidebar menu, and from there every link under the admin (one address per kind of page, with
the edit and add forms of every page type). Any English word on any of them, outside the
names and abbreviations of ``admin_text.ALLOWED`` and the site's own content, fails the test
with the pages it was seen on.
"""

import re
import zoneinfo
from collections import defaultdict
from datetime import timedelta
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site, Workflow
from wagtail.users.models import UserProfile

from pressroom.contact.models import ContactFormField, ContactMessage, ContactPage
from pressroom.news.models import NewsArticlePage, NewsCategory
from pressroom.security.roles import ADMINISTRATORS, EDITORS, MODERATORS, ensure_roles
from tests.i18n.admin_text import (
    ALLOWED,
    WORD,
    english_words,
    parse,
    sidebar,
    visible_text,
)

ADMIN = "/" + settings.PRESSROOM_ADMIN_PATH
PASSWORD = "Chinese-Admin-42"
ROLES = [EDITORS, MODERATORS, ADMINISTRATORS, "superuser"]
USERNAMES = {EDITORS: "editor", MODERATORS: "moderator", ADMINISTRATORS: "administrator"}

# Addresses a walk must not open: they act on GET, log out, or show the site, not the admin.
NOT_WALKED = re.compile(
    r"logout/|/preview/|view_draft|/revisions/\d+/view/|failwhale|jsi18n|sprite|/export/"
    r"|/usage/\d+/$|\?export=|/documents/\d+/[^/]+$|/images/\d+/generate_url/.+/"
    r"|/(lock|unlock|approve|reject)/|/workflow/(enable|disable)/|/dismissibles/|/chooser/"
)
# Query parameters that open another kind of page; the others (ordering, paging, filters)
# show the same words.
KEPT_PARAMETERS = {"q", "content_type", "locale"}


def kind_of(url: str) -> str:
    """The kind of page an address opens: its path with numbers and the values taken out."""
    parts = urlsplit(url)
    path = re.sub(r"/\d+(?=/)", "/#", parts.path)
    keys = sorted({item.split("=")[0] for item in parts.query.split("&") if item} & KEPT_PARAMETERS)
    return path + ("?" + "&".join(keys) if keys else "")


def admin_links(soup: BeautifulSoup, base: str) -> list[str]:
    found = [a.get("href") for a in soup.find_all("a")]
    found += [item.get("data-url") for item in soup.find_all(attrs={"data-url": True})]
    found += sidebar(soup)[1]
    links = []
    for href in found:
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        url = urldefrag(urljoin(base, href)).url
        parts = urlsplit(url)
        if parts.netloc not in {"", "testserver"} or not parts.path.startswith(ADMIN):
            continue
        links.append(parts.path + ("?" + parts.query if parts.query else ""))
    return links


def texts_in(value) -> list[str]:
    """Every piece of text in a StreamField's stored data, rich text split at its tags."""
    if isinstance(value, str):
        return [piece.strip() for piece in re.split(r"<[^>]+>", value) if piece.strip()]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in texts_in(item)]
    return []


def content_strings() -> list[str]:
    """What the site's people wrote: not interface text, whatever its language."""
    strings = []
    for page in Page.objects.all():
        strings += [page.title, page.draft_title, page.slug, page.seo_title]
    for article in NewsArticlePage.objects.all():
        strings += [article.summary, article.author, article.source_name]
    for page in Page.objects.specific():
        body = getattr(page, "body", None)
        strings += texts_in(list(body.raw_data)) if body is not None else []
    strings += [category.name_en for category in NewsCategory.objects.all()]
    for image in get_image_model().objects.all():
        strings += [image.file.name.rsplit("/", 1)[-1]]
    for document in get_document_model().objects.all():
        strings += [document.file.name.rsplit("/", 1)[-1]]
    for user in get_user_model().objects.all():
        strings += [user.username, user.get_full_name(), user.email]
    for site in Site.objects.all():
        strings += [site.hostname, site.site_name, f"{site.hostname}:{site.port}"]
    for message in ContactMessage.objects.all():
        strings += [str(value) for value in message.form_data.values()]
    from pressroom.board.models import Question

    for question in Question.objects.all():
        strings += [question.name, question.email, question.text, question.reply, str(question)]
    strings += [redirect.old_path for redirect in Redirect.objects.all()]
    # The names that key a form's stored answers (name, phone ...), typed by editors.
    strings += list(ContactFormField.objects.values_list("clean_name", flat=True))
    # Time zone names (the account's time zone choice) are names, not words to translate.
    strings += sorted(zoneinfo.available_timezones())
    # Model labels (news.newsarticlepage) name page types beside their Chinese names.
    strings += [model._meta.label_lower for model in apps.get_models()]
    # Django stores permission names in English when it makes them; Wagtail prints them only
    # as labels for screen readers beside checkboxes whose visible columns are translated.
    strings += list(Permission.objects.values_list("name", flat=True))
    return strings


def chinese_content_words() -> set[str]:
    """The Latin words inside the Chinese pages' text: product codes and units (QH-50, kW)."""
    pages = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE).specific()
    words = set()
    for page in pages:
        body = getattr(page, "body", None)
        texts = [page.title, *(texts_in(list(body.raw_data)) if body is not None else [])]
        words.update(word for text in texts for word in WORD.findall(text))
    return words


@pytest.fixture(scope="module")
def admin_site(django_db_setup, django_db_blocker):
    """The demo company with work in every state, and a Chinese user of each role."""
    from pressroom.demo.loader import load_demo

    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        ensure_roles()
        users = {}
        User = get_user_model()
        for role in ROLES:
            if role == "superuser":
                user = User.objects.create_superuser(
                    "boss", password=PASSWORD, first_name="总", last_name="王"
                )
            else:
                user = User.objects.create_user(
                    USERNAMES[role], password=PASSWORD, first_name="小明", last_name="李"
                )
                user.groups.add(Group.objects.get(name=role))
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "zh-hans"
            profile.save()
            users[role] = user
        states = work_in_every_state(users)
        yield users, states
        transaction.set_rollback(True)


def work_in_every_state(users) -> dict[str, int]:
    """A draft, a page in moderation, a locked page, a scheduled page, an English page behind
    its Chinese original, a document, a redirect, a message; returns the pages' ids."""
    zh = NewsArticlePage.objects.filter(locale__language_code="zh-hans").order_by("path")
    draft, moderated, locked, scheduled, changed = list(zh[:5])
    draft.title += "（草稿）"
    draft.save_revision(user=users[EDITORS])
    Workflow.objects.filter(active=True).first().start(moderated, users[EDITORS])
    locked.locked, locked.locked_by, locked.locked_at = True, users[MODERATORS], timezone.now()
    locked.save()
    scheduled.go_live_at = timezone.now() + timedelta(days=3)
    scheduled.save_revision(user=users[MODERATORS], approved_go_live_at=scheduled.go_live_at)
    changed.save_revision(user=users[EDITORS]).publish()  # its English copy is now behind
    collection = Collection.get_first_root_node().add_child(name="产品资料")
    get_document_model().objects.create(
        title="产品手册",
        collection=collection,
        file=ContentFile(b"%PDF-1.4 test", name="catalogue.pdf"),
    )
    Redirect.objects.create(old_path="/old-news", redirect_link="/news/")
    contact = ContactPage.objects.filter(locale__language_code="zh-hans").first()
    ContactMessage.objects.create(
        page=contact,
        form_data={"name": "张先生", "phone": "138 0000 0000", "message": "请寄一份报价。"},
    )
    return {"draft": draft.pk, "moderated": moderated.pk, "locked": locked.pk}


def seeds(states: dict[str, int]) -> list[str]:
    """Pages a walk opens whatever it finds: the dashboard; the edit form of a page of each
    type and language and of a page in each state; the add form of each page type; the bulk
    actions, which answer only with something chosen."""
    urls = [ADMIN]
    seen_types = set()
    for page in Page.objects.filter(depth__gt=1).specific().order_by("path"):
        key = (type(page).__name__, page.locale.language_code)
        if key in seen_types:
            continue
        seen_types.add(key)
        urls += [f"{ADMIN}pages/{page.pk}/edit/", f"{ADMIN}pages/{page.pk}/add_subpage/"]
        for model in type(page).creatable_subpage_models():
            meta = model._meta
            urls.append(f"{ADMIN}pages/add/{meta.app_label}/{meta.model_name}/{page.pk}/")
    urls += [f"{ADMIN}pages/{pk}/edit/" for pk in states.values()]
    image = get_image_model().objects.first().pk
    document = get_document_model().objects.first().pk
    user = get_user_model().objects.get(username=USERNAMES[EDITORS]).pk
    category = NewsCategory.objects.first().pk
    bulk = {
        "wagtailcore/page": (states["draft"], ["move", "delete", "publish", "unpublish"]),
        "wagtailimages/image": (image, ["add_tags", "add_to_collection", "delete"]),
        "wagtaildocs/document": (document, ["add_tags", "add_to_collection", "delete"]),
        "auth/user": (user, ["delete", "set_active_state", "assign_role"]),
        "news/newscategory": (category, ["delete"]),
    }
    for model, (pk, actions) in bulk.items():
        urls += [f"{ADMIN}bulk/{model}/{action}/?id={pk}" for action in actions]
    return urls


def walk(client, start: list[str], limit: int = 300):
    """The pages of ``start``, then one page of each kind reachable from them by links:
    {address: English words on it}."""
    queue, seen, found = list(start), set(), {}
    content = content_strings()
    seeded = set(start)
    while queue and len(found) < limit:
        url = queue.pop(0)
        key = url if url in seeded else kind_of(url)
        if key in seen or NOT_WALKED.search(url):
            continue
        seen.add(key)
        seen.add(kind_of(url))
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        soup = parse(response.content.decode())
        found[url] = english_words(visible_text(soup), content)
        queue += admin_links(soup, url)
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES, ids=["editor", "moderator", "administrator", "superuser"])
def test_a_chinese_user_reads_no_english_in_the_admin(admin_site, role):
    users, states = admin_site
    client = Client()
    client.force_login(users[role])
    found = walk(client, seeds(states))
    assert len(found) > 40
    leaks = defaultdict(list)
    for url, words in sorted(found.items()):
        for word in words:
            leaks[word].append(url)
    report = "\n".join(f"{word}: {', '.join(urls[:3])}" for word, urls in sorted(leaks.items()))
    assert not leaks, f"English in the admin as {role} ({len(found)} pages):\n{report}"


def test_the_allowlist_keeps_to_names_and_abbreviations():
    """Names and abbreviations only: never a word that a translation would fix."""
    assert {"Wagtail", "SEO", "URL", "CSV", "PDF"} <= ALLOWED
    assert not {"Save", "Publish", "Page", "Pages", "Search", "Live", "Draft", "Editors"} & ALLOWED
