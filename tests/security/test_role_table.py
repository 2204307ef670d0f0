"""The role table in docs/security.md is what the site does: each row is probed over HTTP.

For every row of the table (after the ``role table`` marker) a probe below signs in as a fresh
Editor, Moderator, Administrator and superuser, tries the thing through the admin in a
transaction that is rolled back, and looks at what happened. The table must say "yes" exactly
where it happened; a row without a probe, or a probe without a row, fails too. On failure the
message is the table as the site behaves, ready to paste.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from pressroom.contact.models import ContactMessage, ContactPage
from pressroom.core.models import CompanyInfo
from pressroom.integrations.models import IntegrationSettings, MapSettings
from pressroom.news.models import NewsCategory
from pressroom.pages.models import StandardPage
from pressroom.security.roles import ADMINISTRATORS, EDITORS, MODERATORS, ensure_roles
from tests.factories import NewsCategoryFactory, make_article, make_image, make_message
from tests.security.test_media_roles import png
from tests.security.test_roles import ADMIN
from tests.security.test_user_management import group_data, posted_form, undone, user_data

pytestmark = pytest.mark.django_db

DOC = Path(settings.PACKAGE_DIR).parent / "docs" / "security.md"
MARKER = "<!-- role table:"
COLUMNS = [EDITORS, MODERATORS, ADMINISTRATORS, "superusers"]
User = get_user_model()
Image = get_image_model()
Document = get_document_model()
PASSWORD = "Table-Pass-4242"


def documented_table():
    """{capability: {column: bool}} from the table after the marker in docs/security.md."""
    lines = DOC.read_text(encoding="utf-8").split(MARKER, 1)[1].splitlines()[1:]
    rows = lines[: next(i for i, line in enumerate(lines) if not line.startswith("|"))]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    assert header[1:] == COLUMNS, header
    table = {}
    for row in rows[2:]:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert all(cell in ("yes", "-") for cell in cells[1:]), row
        marks = zip(COLUMNS, cells[1:], strict=True)
        table[cells[0]] = {column: cell == "yes" for column, cell in marks}
    return table


def mark(answer):
    if isinstance(answer, tuple):
        return "parts differ: " + "/".join(mark(part) for part in answer)
    return "yes" if answer else "-"


def as_markdown(table):
    lines = [f"| capability | {' | '.join(COLUMNS)} |", "|---" * (len(COLUMNS) + 1) + "|"]
    for capability, cells in table.items():
        marks = " | ".join(mark(cells[column]) for column in COLUMNS)
        lines.append(f"| {capability} | {marks} |")
    return "\n".join(lines)


@pytest.fixture
def world(home, site, news_index):
    """What the probes act on, as a site with the three roles has it."""
    ensure_roles()
    people = {}
    for name, group in [
        ("colleague", EDITORS),
        ("an editor", EDITORS),
        ("a moderator", MODERATORS),
        ("an administrator", ADMINISTRATORS),
    ]:
        people[name] = User.objects.create_user(name.replace(" ", "-"), "x@example.com", PASSWORD)
        people[name].groups.add(Group.objects.get(name=group))
    people["a superuser"] = User.objects.create_superuser("target-boss", "b@example.com", PASSWORD)
    return {"home": home, "site": site, "news_index": news_index, **people}


def new_actor(column):
    username = f"actor-{column}".lower()
    if column == "superusers":
        return User.objects.create_superuser(username, f"{username}@example.com", PASSWORD)
    user = User.objects.create_user(username, f"{username}@example.com", PASSWORD)
    user.groups.add(Group.objects.get(name=column))
    return user


def same(*answers):
    """One answer for a row that names several things; when its parts disagree, all of them
    (which no table cell matches: the row must be split)."""
    return answers[0] if len(set(answers)) == 1 else answers


def post_form(client, url, change):
    """GET the admin form at ``url`` as the signed-in user, change it, POST it back."""
    page = client.get(url)
    if page.status_code != 200:
        return page
    data = posted_form(page.content)
    data.update(change)
    return client.post(url, data)


# --- pages ---------------------------------------------------------------------------------


def article_form(article, **extra):
    return {
        "title": f"{article.title} 改",
        "slug": article.slug,
        "summary": "摘要",
        "author": "作者",
        "body-count": "0",
        "tags": "",
        **extra,
    }


def probe_admin_access(client, actor, world):
    return client.get(ADMIN).status_code == 200


def probe_page_edit(client, actor, world):
    article = make_article(world["news_index"])
    adding = client.get(f"{ADMIN}pages/add/news/newsarticlepage/{world['news_index'].pk}/")
    client.post(f"{ADMIN}pages/{article.pk}/edit/", article_form(article))
    saved = Page.objects.get(pk=article.pk).draft_title == f"{article.title} 改"
    submit = make_article(world["news_index"], live=False)
    client.post(f"{ADMIN}pages/{submit.pk}/edit/", article_form(submit, **{"action-submit": "1"}))
    submitted = Page.objects.get(pk=submit.pk).workflow_in_progress
    return same(adding.status_code == 200, saved, submitted)


def probe_page_publish(client, actor, world):
    article = make_article(world["news_index"])
    data = article_form(article, **{"action-publish": "publish"})
    client.post(f"{ADMIN}pages/{article.pk}/edit/", data)
    published = Page.objects.get(pk=article.pk).title == f"{article.title} 改"
    other = make_article(world["news_index"])
    client.post(f"{ADMIN}pages/{other.pk}/unpublish/")
    unpublished = not Page.objects.get(pk=other.pk).live
    client.post(f"{ADMIN}pages/{other.pk}/lock/")
    locked = Page.objects.get(pk=other.pk).locked
    Page.objects.filter(pk=other.pk).update(locked=True, locked_by=world["a moderator"])
    client.post(f"{ADMIN}pages/{other.pk}/unlock/")
    unlocked = not Page.objects.get(pk=other.pk).locked
    return same(published, unpublished, locked, unlocked)


def deleted(client, page):
    client.post(f"{ADMIN}pages/{page.pk}/delete/")
    return not Page.objects.filter(pk=page.pk).exists()


def probe_delete_draft(client, actor, world):
    return deleted(client, make_article(world["news_index"], live=False))


def probe_delete_published(client, actor, world):
    live = make_article(world["news_index"])
    was_live = make_article(world["news_index"])
    was_live.unpublish()
    return same(deleted(client, live), deleted(client, was_live))


def probe_delete_parent(client, actor, world):
    parent = world["home"].add_child(instance=StandardPage(title="上级", slug="parent", live=False))
    parent.add_child(instance=StandardPage(title="下级", slug="child", live=False))
    return deleted(client, parent)


def probe_add_site_root(client, actor, world):
    root = Page.get_first_root_node()
    return client.get(f"{ADMIN}pages/add/pages/homepage/{root.pk}/").status_code == 200


# --- images and documents ------------------------------------------------------------------


def own_media(actor, world, *, live=False):
    image = make_image(title="自己的图片")
    image.uploaded_by_user = actor
    image.save()
    document = Document.objects.create(
        title="自己的文档",
        file=ContentFile(b"%PDF-1.4 test", name="report.pdf"),
        uploaded_by_user=actor,
    )
    if live:
        link = f'<p><a linktype="document" id="{document.pk}">文档</a></p>'
        make_article(
            world["news_index"],
            cover_image=image,
            body=[{"type": "paragraph", "value": link}],
        )
    return image, document


def new_file(kind):
    if kind == "image":
        return SimpleUploadedFile("new.png", png("#22aa33"), content_type="image/png")
    return SimpleUploadedFile("new.pdf", b"%PDF-1.4 new", content_type="application/pdf")


def media_deleted(client, image, document):
    client.post(f"{ADMIN}images/{image.pk}/delete/")
    client.post(f"{ADMIN}documents/delete/{document.pk}/")
    return same(
        not Image.objects.filter(pk=image.pk).exists(),
        not Document.objects.filter(pk=document.pk).exists(),
    )


def file_replaced(client, image, document):
    answers = []
    for kind, obj, url in [
        ("image", image, f"{ADMIN}images/{image.pk}/"),
        ("document", document, f"{ADMIN}documents/edit/{document.pk}/"),
    ]:
        name = obj.file.name
        post_form(client, url, {"file": new_file(kind)})
        obj.refresh_from_db()
        answers.append(obj.file.name != name)
    return same(*answers)


def probe_media_upload(client, actor, world):
    client.post(f"{ADMIN}images/add/", {"title": "上传的图片", "file": new_file("image")})
    client.post(f"{ADMIN}documents/add/", {"title": "上传的文档", "file": new_file("document")})
    chooser = client.get(f"{ADMIN}images/chooser/").status_code == 200
    return same(
        Image.objects.filter(title="上传的图片").exists(),
        Document.objects.filter(title="上传的文档").exists(),
        chooser,
    )


def probe_media_own(client, actor, world):
    image, document = own_media(actor, world)
    post_form(client, f"{ADMIN}images/{image.pk}/", {"title": "改过的标题"})
    image.refresh_from_db()
    return same(image.title == "改过的标题", media_deleted(client, image, document))


def probe_media_own_live_file(client, actor, world):
    return file_replaced(client, *own_media(actor, world, live=True))


def probe_media_own_live_delete(client, actor, world):
    return media_deleted(client, *own_media(actor, world, live=True))


def probe_media_anyones(client, actor, world):
    replaced = file_replaced(client, *own_media(world["colleague"], world))
    return same(replaced, media_deleted(client, *own_media(world["colleague"], world)))


# --- categories, settings, redirects --------------------------------------------------------


def probe_category_edit(client, actor, world):
    url = f"{ADMIN}snippets/news/newscategory/add/"
    client.post(url, {"name": "新分类", "name_en": "New", "slug": "new-one", "sort_order": "0"})
    category = NewsCategoryFactory()
    post_form(client, f"{ADMIN}snippets/news/newscategory/edit/{category.pk}/", {"name": "改名"})
    return same(
        NewsCategory.objects.filter(slug="new-one").exists(),
        NewsCategory.objects.get(pk=category.pk).name == "改名",
    )


def probe_category_delete(client, actor, world):
    category = NewsCategoryFactory()
    client.post(f"{ADMIN}snippets/news/newscategory/delete/{category.pk}/")
    return not NewsCategory.objects.filter(pk=category.pk).exists()


def probe_company_info(client, actor, world):
    url = f"{ADMIN}settings/core/companyinfo/{world['site'].pk}/"
    post_form(client, url, {"name": "新公司名"})
    return CompanyInfo.for_site(world["site"]).name == "新公司名"


def probe_integrations(client, actor, world):
    url = f"{ADMIN}settings/integrations/integrationsettings/{world['site'].pk}/"
    post_form(client, url, {"ga4": "G-AB12CD34EF"})
    return IntegrationSettings.objects.filter(site=world["site"], ga4="G-AB12CD34EF").exists()


def probe_live_map(client, actor, world):
    url = f"{ADMIN}settings/integrations/mapsettings/{world['site'].pk}/"
    key = "AbCdEfGhIjKlMnOpQrStUvWxYz012345"
    post_form(client, url, {"provider": "baidu", "api_key": key, "zoom": "16"})
    return MapSettings.objects.filter(site=world["site"], api_key=key).exists()


def probe_redirects(client, actor, world):
    post_form(
        client,
        f"{ADMIN}redirects/add/",
        {"old_path": "/old-page", "redirect_link": "https://example.com/"},
    )
    return Redirect.objects.filter(old_path="/old-page").exists()


def probe_imports(client, actor, world):
    from pressroom.importers.models import ImportRun

    client.post(f"{ADMIN}imports/", {"format": "site", "url": "http://127.0.0.1:9/", "limit": 1})
    return ImportRun.objects.exists()


# --- visitors' messages ---------------------------------------------------------------------


def probe_messages_handle(client, actor, world):
    message = make_message(ContactPage.objects.child_of(world["home"]).get())
    inbox = f"{ADMIN}contact_message/"
    listed = client.get(inbox).status_code == 200
    opened = client.get(f"{inbox}inspect/{message.pk}/").status_code == 200
    for change in ({"handled": "1"}, {"spam": "1"}, {"note": "已回电"}):
        client.post(f"{inbox}status/{message.pk}/", change)
    message.refresh_from_db()
    return same(listed, opened, message.handled, message.is_spam, message.note == "已回电")


def probe_messages_delete(client, actor, world):
    message = make_message(ContactPage.objects.child_of(world["home"]).get())
    client.post(f"{ADMIN}contact_message/delete/{message.pk}/")
    return not ContactMessage.objects.filter(pk=message.pk).exists()


# --- users and groups -----------------------------------------------------------------------


def user_edited(client, target):
    client.post(f"{ADMIN}users/edit/{target.pk}/", user_data(target))
    return User.objects.get(pk=target.pk).email == "changed@example.net"


def deactivate(client, user):
    url = f"{ADMIN}bulk/auth/user/set_active_state/?id={user.pk}"
    client.post(url, {"mark_as_active": "False"})


def probe_users_editors(client, actor, world):
    data = user_data(world["an editor"], username="new-editor", email="n@example.net")
    client.post(f"{ADMIN}users/new/", data)
    made = User.objects.filter(username="new-editor").exists()
    edited = same(
        user_edited(client, world["an editor"]), user_edited(client, world["a moderator"])
    )
    bulk = f"{ADMIN}bulk/auth/user/set_active_state/?id={world['an editor'].pk}"
    client.post(bulk, {"mark_as_active": "False"})
    deactivated = not User.objects.get(pk=world["an editor"].pk).is_active
    client.post(f"{ADMIN}users/delete/{world['a moderator'].pk}/")
    gone = not User.objects.filter(pk=world["a moderator"].pk).exists()
    return same(made, edited, deactivated, gone)


def probe_users_administrators(client, actor, world):
    target = world["an administrator"]
    edited = user_edited(client, target)
    client.post(
        f"{ADMIN}bulk/auth/user/set_active_state/?id={target.pk}", {"mark_as_active": "False"}
    )
    deactivated = not User.objects.get(pk=target.pk).is_active
    client.post(f"{ADMIN}users/delete/{target.pk}/")
    return same(edited, deactivated, not User.objects.filter(pk=target.pk).exists())


def probe_make_superuser(client, actor, world):
    data = user_data(world["an editor"], username="new-boss", email="nb@example.net", groups=[])
    data["is_superuser"] = "on"
    client.post(f"{ADMIN}users/new/", data)
    made = User.objects.filter(username="new-boss", is_superuser=True).exists()
    data = user_data(world["an editor"])
    data["is_superuser"] = "on"
    client.post(f"{ADMIN}users/edit/{world['an editor'].pk}/", data)
    return same(made, User.objects.get(pk=world["an editor"].pk).is_superuser)


def probe_edit_superuser(client, actor, world):
    return user_edited(client, world["a superuser"])


def group_renamed(client, name, superuser):
    group = Group.objects.get(name=name)
    data = group_data(group, f"{name} 改", superuser)
    client.post(f"{ADMIN}groups/edit/{group.pk}/", data)
    return Group.objects.filter(pk=group.pk, name=f"{name} 改").exists()


def probe_groups_within(client, actor, world):
    boss = world["a superuser"]
    return same(group_renamed(client, EDITORS, boss), group_renamed(client, MODERATORS, boss))


def probe_groups_beyond(client, actor, world):
    boss = world["a superuser"]
    renamed = group_renamed(client, ADMINISTRATORS, boss)
    editors = Group.objects.get(name=EDITORS)
    data = group_data(editors, EDITORS, boss)
    permission = Permission.objects.get(content_type__app_label="auth", codename="change_user")
    data["permissions"] = [*data.get("permissions", []), str(permission.pk)]
    client.post(f"{ADMIN}groups/edit/{editors.pk}/", data)
    given = editors.permissions.filter(pk=permission.pk).exists()
    return same(renamed, given)


def probe_superuser_areas(client, actor, world):
    return same(
        *(
            client.get(f"{ADMIN}{area}").status_code == 200
            for area in ("sites/", "collections/", "workflows/list/", "locales/")
        )
    )


PROBES = {
    "admin access": probe_admin_access,
    "pages: add, edit, submit for moderation": probe_page_edit,
    "pages: publish, unpublish, lock, unlock": probe_page_publish,
    "pages: delete a draft never published": probe_delete_draft,
    "pages: delete a page that is live or has been published": probe_delete_published,
    "pages: delete a page with pages below it": probe_delete_parent,
    "pages: add a site root (a page under the tree root)": probe_add_site_root,
    "images and documents: upload, choose any": probe_media_upload,
    "images and documents: edit and delete their own": probe_media_own,
    "images and documents: replace the file of their own that the live site shows": (
        probe_media_own_live_file
    ),
    "images and documents: delete their own that the live site shows": (
        probe_media_own_live_delete
    ),
    "images and documents: edit, replace the file of and delete anyone's": probe_media_anyones,
    "news categories: add, edit": probe_category_edit,
    "news categories: delete": probe_category_delete,
    "company info (site setting)": probe_company_info,
    "analytics and chat (site setting)": probe_integrations,
    "live map (site setting)": probe_live_map,
    "redirects": probe_redirects,
    "visitors' messages: read, mark handled or spam, write notes": probe_messages_handle,
    "visitors' messages: delete": probe_messages_delete,
    "users: add, edit, deactivate, delete Editors and Moderators": probe_users_editors,
    "users: edit, deactivate, delete Administrators": probe_users_administrators,
    "users: make someone a superuser": probe_make_superuser,
    "users: change a superuser's password or email": probe_edit_superuser,
    "groups: edit Editors and Moderators, within their own permissions": probe_groups_within,
    "groups: edit Administrators, or give a group user or group management": probe_groups_beyond,
    "sites, collections, workflows, locales": probe_superuser_areas,
    "import content (Settings → 导入内容: upload an export, crawl an old site)": probe_imports,
}


def test_every_row_has_a_probe_and_every_probe_a_row():
    assert list(documented_table()) == list(PROBES)


def test_the_role_table_is_what_the_site_does(client, world):
    client.raise_request_exception = False
    actors = {column: new_actor(column) for column in COLUMNS}
    observed = {}
    for capability, probe in PROBES.items():
        observed[capability] = {}
        for column in COLUMNS:
            client.force_login(actors[column])
            with undone():
                observed[capability][column] = probe(client, actors[column], world)
    assert observed == documented_table(), "docs/security.md should say:\n" + as_markdown(observed)
