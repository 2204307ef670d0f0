"""Who may delete which page: one by one and in bulk, GET (the confirmation) and POST.

A page visitors have seen (live now, or ever published), or a parent of one, is deleted only by
Administrators (who hold "bulk delete") and superusers; Editors and Moderators delete drafts that
were never published. Before, Wagtail's rule let a Moderator (edit + publish) delete a live page,
and anyone with edit rights delete a page that was unpublished first.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page

from pressroom.pages.models import StandardPage
from pressroom.security.roles import ADMINISTRATORS, EDITORS, MODERATORS, ensure_roles
from tests.factories import make_article
from tests.security.test_roles import ADMIN
from tests.security.test_user_management import undone

pytestmark = pytest.mark.django_db

User = get_user_model()
ROLES = [EDITORS, MODERATORS, ADMINISTRATORS, "superuser"]
# case: the roles that may delete it
CASES = {
    "a draft never published": {EDITORS, MODERATORS, ADMINISTRATORS, "superuser"},
    "a live page": {ADMINISTRATORS, "superuser"},
    "a page unpublished after being live": {ADMINISTRATORS, "superuser"},
    "a draft parent of a live page": {ADMINISTRATORS, "superuser"},
    "a draft parent of a draft": {ADMINISTRATORS, "superuser"},  # Wagtail's rule: leaves only
}


@pytest.fixture
def pages(home, news_index):
    ensure_roles()
    made = {
        "a draft never published": make_article(news_index, live=False),
        "a live page": make_article(news_index),
    }
    unpublished = make_article(news_index)
    unpublished.unpublish()
    made["a page unpublished after being live"] = unpublished
    for case, child_live in [
        ("a draft parent of a live page", True),
        ("a draft parent of a draft", False),
    ]:
        parent = home.add_child(instance=StandardPage(title=case, slug=f"p{int(child_live)}"))
        parent.save_revision()
        Page.objects.filter(pk=parent.pk).update(live=False)
        child = parent.add_child(instance=StandardPage(title="子页面", slug="child", live=False))
        revision = child.save_revision()
        if child_live:
            revision.publish()
        made[case] = Page.objects.get(pk=parent.pk)
    return made


def actor(role):
    if role == "superuser":
        return User.objects.create_superuser("boss", password="Page-Pass-4242")
    user = User.objects.create_user(role, password="Page-Pass-4242")
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.mark.parametrize("way", ["delete", "bulk delete"])
@pytest.mark.parametrize("role", ROLES)
def test_who_deletes_which_page(client, pages, role, way):
    client.force_login(actor(role))
    problems = []
    for case, allowed in CASES.items():
        page = pages[case]
        if way == "delete":
            url = f"{ADMIN}pages/{page.pk}/delete/"
        else:
            parent = page.get_parent()
            url = f"{ADMIN}bulk/wagtailcore/page/delete/?id={page.pk}&childOf={parent.pk}"
        expected = role in allowed
        with undone():
            shown = client.get(url)
            response = client.post(url)
            happened = not Page.objects.filter(pk=page.pk).exists()
        where = f"{case} ({shown.status_code}, {response.status_code})"
        if response.status_code >= 500 or shown.status_code >= 500:
            problems.append(f"{where}: server error")
        elif happened != expected:
            problems.append(f"{where}: {'deleted' if happened else 'refused'}")
        elif way == "delete" and (shown.status_code == 200) != expected:
            problems.append(f"{where}: the confirmation page is {'not ' * expected}shown")
    assert not problems, f"{role} {way}:\n" + "\n".join(problems)


def test_the_refusal_says_why(client, pages):
    client.force_login(actor(MODERATORS))
    response = client.get(f"{ADMIN}pages/{pages['a live page'].pk}/delete/")
    assert response.status_code == 403
    assert pages["a live page"].title in response.content.decode()
