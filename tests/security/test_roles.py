"""Who may see what in the admin: every registered admin URL, visited as each role."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupPagePermission, Page, Task, Workflow

from pressroom.news.models import NewsArticlePage
from pressroom.security.roles import ADMINISTRATORS, EDITORS, MODERATORS, ensure_roles
from tests.factories import NewsCategoryFactory, make_article, make_image

pytestmark = pytest.mark.django_db

ADMIN = "/" + settings.PRESSROOM_ADMIN_PATH


def admin_routes():
    """(route template, name) for every URL pattern under the admin prefix."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern.name

    prefix = settings.PRESSROOM_ADMIN_PATH
    return [
        (route[len(prefix) :], name)
        for route, name in walk(get_resolver().url_patterns)
        if route.startswith(prefix)
    ]


PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def fill(route, objects):
    """A concrete URL for a route, with the pks of real objects of the right kind."""
    section = route.split("/")[0]
    if route.startswith("workflows/tasks") or route.startswith("workflows/task_chooser"):
        section = "tasks"

    def value(match):
        name = match.group(1) or match.group(2)
        by_section = {
            ("pages", "pk"): objects["article"].pk,
            ("collections", "pk"): objects["collection"].pk,
            ("workflows", "pk"): objects["workflow"].pk,
            ("tasks", "pk"): objects["task"].pk,
            ("snippets", "pk"): objects["category"].pk,
            ("sites", "pk"): objects["site"].pk,
            ("users", "pk"): objects["target_user"].pk,
            ("groups", "pk"): objects["group"].pk,
            ("settings", "pk"): objects["site"].pk,
            ("images", "pk"): objects["image"].pk,
            ("documents", "pk"): objects["document"].pk,
            ("api", "pk"): objects["article"].pk,
            ("settings", "app_name"): "core",
            ("settings", "model_name"): "companyinfo",
            ("tag-autocomplete", "app_name"): "taggit",
            ("tag-autocomplete", "model_name"): "tag",
            ("bulk", "app_label"): "wagtailcore",
            ("bulk", "model_name"): "page",
            ("tasks", "app_label"): "wagtailcore",
            ("tasks", "model_name"): "groupapprovaltask",
            ("editing-sessions", "app_label"): "wagtailcore",
            ("editing-sessions", "model_name"): "page",
            ("pages", "app_label"): "news",
            ("pages", "model_name"): "newsarticlepage",
            ("api", "action_name"): "copy",
        }
        by_name = {
            "page_id": objects["article"].pk,
            "page_pk": objects["article"].pk,
            "page_to_move_id": objects["article"].pk,
            "parent_page_id": objects["news_index"].pk,
            "destination_id": objects["news_index"].pk,
            "image_id": objects["image"].pk,
            "document_id": objects["document"].pk,
            "doc_id": objects["document"].pk,
            "collection_id": objects["collection"].pk,
            "redirect_id": objects["redirect"].pk,
            "workflow_pk": objects["workflow"].pk,
            "task_id": objects["task"].pk,
            "revision_id": objects["article"].latest_revision_id,
            "revision_id_a": "earliest",
            "revision_id_b": "latest",
            "object_id": objects["article"].pk,
            "content_type_app_name": "news",
            "content_type_model_name": "newsarticlepage",
            "filter_spec": "fill-100x100",
            "action_name": "approve",
            "action": "delete",
            "uidb64": "MQ",
            "token": "set-password",
        }
        return str(by_section.get((section, name), by_name.get(name, 1)))

    url = PARAM.sub(value, route)
    url = url.replace("^.*/$", "no-such-admin-page/").replace("^", "").replace("$", "")
    return ADMIN + url.replace("\\.", ".")


@pytest.fixture
def objects(home, site, news_index):
    ensure_roles()
    article = make_article(news_index, title="受保护的新闻")
    article = NewsArticlePage.objects.get(pk=article.pk)
    document = get_document_model().objects.create(
        title="年报", file=ContentFile(b"%PDF-1.4 test", name="report.pdf")
    )
    root_collection = Collection.get_first_root_node()
    User = get_user_model()
    return {
        "article": article,
        "news_index": news_index,
        "image": make_image(),
        "document": document,
        "category": NewsCategoryFactory(),
        "collection": root_collection.add_child(name="新闻图片"),
        "workflow": Workflow.objects.first(),
        "task": Task.objects.first(),
        "site": site,
        "target_user": User.objects.create_user("target", password="target-Pass-42"),
        "group": Group.objects.get(name=EDITORS),
        "redirect": Redirect.objects.create(old_path="/old-news", redirect_link="/news/"),
    }


def login_as(client, role):
    if role == "anonymous":
        return
    User = get_user_model()
    if role == "superuser":
        user = User.objects.create_superuser("boss", password="boss-Pass-42")
    else:
        user = User.objects.create_user(role, password="role-Pass-42")
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)


# Pages that anyone may open without signing in.
PUBLIC = {"login/", "password_reset/", "password_reset/done/", "password_reset/complete/"}
PUBLIC_PREFIXES = ("jsi18n/", "sprite/", "password_reset/confirm/")
NOT_FOUND = {"test404/", "no-such-admin-page/"}
# Wagtail's own "show me the error page" URL: a deliberate 500, for signed-in admin users only.
DELIBERATE_ERROR = "failwhale/"
# Open to every admin user by Wagtail's design: lists the names of workflow tasks only.
OPEN_TO_ALL_ADMIN_USERS = ("workflows/task_chooser/",)
# Areas and the roles that may open them (superusers always may).
RESTRICTED = {
    "users/": {ADMINISTRATORS},
    "groups/": {ADMINISTRATORS},
    "redirects/": {ADMINISTRATORS},
    "settings/": {ADMINISTRATORS},
    "sites/": set(),
    "collections/": set(),
    "workflows/": set(),
    "imports/": set(),
    "snippets/news/newscategory/": {MODERATORS, ADMINISTRATORS},
}


@pytest.mark.parametrize("role", ["anonymous", EDITORS, MODERATORS, ADMINISTRATORS, "superuser"])
def test_every_admin_url_answers_each_role_as_it_should(client, objects, role):
    client.raise_request_exception = False
    login_as(client, role)
    routes = admin_routes()
    assert len(routes) > 150  # the walk found Wagtail's admin, not an empty list
    problems = []
    seen = {}
    for route, _name in routes:
        if route == "logout/":
            continue  # visited last, below: it drops the session cookie even on GET
        url = fill(route, objects)
        status = client.get(url).status_code
        seen[url[len(ADMIN) :]] = status
        if status >= 500 and not (status == 500 and url.endswith(DELIBERATE_ERROR)):
            problems.append(f"{status} {url}")
            continue
        relative = url[len(ADMIN) :]
        if role == "anonymous":
            public = relative in PUBLIC or relative.startswith(PUBLIC_PREFIXES)
            if status == 200 and not public and relative not in NOT_FOUND:
                problems.append(f"anonymous got 200 at {url}")
            continue
        for prefix, allowed in RESTRICTED.items():
            if relative.startswith(OPEN_TO_ALL_ADMIN_USERS):
                continue
            forbidden = role != "superuser" and role not in allowed
            if relative.startswith(prefix) and forbidden and status == 200:
                problems.append(f"{role} got 200 at {url}")
    assert "\n".join(problems) == ""
    if role == "anonymous":
        login = client.get(ADMIN + "pages/")
        assert login.status_code == 302 and "/login/" in login["Location"]
    if role in {EDITORS, MODERATORS, ADMINISTRATORS, "superuser"}:
        article = objects["article"].pk
        assert seen[f"pages/{article}/edit/"] == 200
        assert seen["images/"] == 200
        assert seen["documents/"] == 200
    if role in {ADMINISTRATORS, "superuser"}:
        assert seen["users/"] == 200
        assert seen[f"settings/core/companyinfo/{objects['site'].pk}/"] == 200
    if role in {MODERATORS, ADMINISTRATORS}:
        assert seen["snippets/news/newscategory/"] == 200
    # Signing out takes a POST; a GET (a link on another site) signs no one out on the server.
    if role != "anonymous":
        assert client.get(ADMIN + "logout/").status_code == 405


def test_only_moderators_and_up_can_publish(client, objects):
    article = objects["article"]
    edit_url = f"{ADMIN}pages/{article.pk}/edit/"
    for role, may_publish in [(EDITORS, False), (MODERATORS, True)]:
        client.logout()
        login_as(client, role)
        title = f"{role} 改过的标题"
        page = client.get(edit_url)
        assert page.status_code == 200
        assert (b'name="action-publish"' in page.content) is may_publish
        data = {
            "title": title,
            "slug": article.slug,
            "summary": "摘要",
            "author": "作者",
            "body-count": "0",
            "tags": "",
            "action-publish": "publish",
        }
        client.post(edit_url, data)
        article.refresh_from_db()
        assert (article.title == title) is may_publish, role


def test_roles_are_scoped_to_the_home_trees_not_the_root(objects):
    root = Page.get_first_root_node()
    for name in [EDITORS, MODERATORS, ADMINISTRATORS]:
        group = Group.objects.get(name=name)
        assert not GroupPagePermission.objects.filter(group=group, page=root).exists()
        assert GroupPagePermission.objects.filter(group=group, page__depth=2).exists()
    # Running it again changes nothing.
    count = GroupPagePermission.objects.count()
    ensure_roles()
    assert GroupPagePermission.objects.count() == count


def test_init_creates_the_roles(db, monkeypatch):
    from io import StringIO

    from django.core.management import call_command

    monkeypatch.setenv("PRESSROOM_ADMIN_PASSWORD", "init-Pass-42")
    call_command("init", no_static=True, stdout=StringIO())
    for name in [EDITORS, MODERATORS, ADMINISTRATORS]:
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()
        assert GroupPagePermission.objects.filter(group=group, page__depth=2).exists()
    moderators = GroupPagePermission.objects.filter(group__name=MODERATORS)
    assert moderators.filter(permission__codename="publish_page").exists()
    editors = GroupPagePermission.objects.filter(group__name=EDITORS)
    assert not editors.filter(permission__codename="publish_page").exists()
