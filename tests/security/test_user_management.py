"""Who may manage whom: every user and group admin URL x role x target, with GET and POST.

The rule (docs/security.md, "Roles"): superusers manage everyone; an Administrator manages
Editors and Moderators (users, and their groups) and their own account, and no superuser, no
other Administrator, no group beyond what they hold; Editors and Moderators manage no one.
Every request runs in a transaction that is rolled back, so each one meets the same people.
"""

from contextlib import contextmanager

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.test import Client
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from pressroom.security.roles import ADMINISTRATORS, EDITORS, MODERATORS, ensure_roles
from tests.security.test_roles import ADMIN, admin_routes

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", EDITORS, MODERATORS, ADMINISTRATORS, "superuser"]
TARGETS = ["editor", "moderator", "administrator", "superuser", "self"]
TARGET_GROUP = {"editor": EDITORS, "moderator": MODERATORS, "administrator": ADMINISTRATORS}
PASSWORD = "Role-Pass-4242"
User = get_user_model()


def may_manage_user(role, target, action):
    """The rule under test, for a user as target (``action``: open, edit, delete)."""
    if role == "superuser":
        return not (target == "self" and action == "delete")
    if role != ADMINISTRATORS:
        return False
    if target in ("editor", "moderator"):
        return True
    return target == "self" and action != "delete"


def may_manage_group(role, target):
    """For a group as target, and for making a user or group like the target."""
    return role == "superuser" or (role == ADMINISTRATORS and target in ("editor", "moderator"))


@pytest.fixture
def people(home):
    ensure_roles()
    # A group only a superuser can make: it manages sites, which no role does.
    site_managers = Group.objects.create(name="Site managers")
    site_managers.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="wagtailcore", codename="add_site"),
    )
    found = {"site_managers": site_managers}
    for name, group in [*TARGET_GROUP.items(), ("superuser", None)]:
        found[f"target-{name}"] = make_user(f"target-{name}", group)
    for role in ROLES[1:]:
        found[role] = make_user(f"actor-{role}", None if role == "superuser" else role)
    return found


def make_user(username, group_name):
    if group_name is None:
        return User.objects.create_superuser(username, f"{username}@example.com", PASSWORD)
    user = User.objects.create_user(username, f"{username}@example.com", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def target_user(people, role, target):
    return people[role] if target == "self" else people[f"target-{target}"]


def target_group(people, role, target):
    if target == "superuser":
        return people["site_managers"]
    if target == "self":
        return people[role].groups.first()
    return Group.objects.get(name=TARGET_GROUP[target])


def state():
    """Everything user and group management can change."""
    users = [
        (u.pk, u.username, u.email, u.password, u.is_superuser, u.is_active)
        + tuple(sorted(u.groups.values_list("pk", flat=True)))
        for u in User.objects.order_by("pk")
    ]
    groups = [
        (g.pk, g.name, *sorted(g.permissions.values_list("pk", flat=True)))
        for g in Group.objects.order_by("pk")
    ]
    pages = sorted(GroupPagePermission.objects.values_list("group", "page", "permission"))
    collections = sorted(
        GroupCollectionPermission.objects.values_list("group", "collection", "permission")
    )
    return users, groups, pages, collections


@contextmanager
def undone():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def user_data(user, *, username=None, email="changed@example.net", groups=None):
    """What the user form posts: a new email and password, the superuser flag as it is."""
    data = {
        "username": username or user.username,
        "email": email,
        "first_name": "改",
        "last_name": "名",
        "password1": "Changed-Pass-4242",
        "password2": "Changed-Pass-4242",
        "is_active": "on",
        "groups": [g.pk for g in (user.groups.all() if groups is None else groups)],
    }
    if user.is_superuser:
        data["is_superuser"] = "on"
    return data


def posted_form(html):
    """What a browser posts from the main admin form in ``html``, as a dict of lists."""
    forms = BeautifulSoup(html, "html.parser").find_all("form")
    posting = [f for f in forms if f.get("method", "").lower() == "post"]
    form = max(posting, key=lambda f: len(f.find_all(["input", "select", "textarea"])))
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or "__prefix__" in name or name == "csrfmiddlewaretoken":
            continue
        if field.name == "select":
            options = field.find_all("option")
            chosen = [o for o in options if o.has_attr("selected")] or options[:1]
            values = [o.get("value", "") for o in chosen]
        elif field.name == "textarea":
            values = [field.text]
        elif field.get("type") in ("checkbox", "radio"):
            values = [field.get("value", "on")] if field.has_attr("checked") else []
        else:
            values = [field.get("value", "")]
        data.setdefault(name, []).extend(values)
    return data


def group_data(group, name, superuser):
    """What a superuser's browser posts for ``group`` from its edit form, renamed ``name``."""
    page = Client()
    page.force_login(superuser)
    data = posted_form(page.get(f"{ADMIN}groups/edit/{group.pk}/").content)
    data["name"] = [name]
    return data


def refused(response, role):
    """Wagtail's answer to the signed-out (sign-in page) or to a missing model permission
    (the dashboard, with "Sorry, you do not have permission"), or Pressroom's 403 page."""
    if role == "anonymous":
        return response.status_code == 302 and "/login/" in response["Location"]
    if response.status_code == 302:
        return response["Location"] == ADMIN
    return response.status_code in (403, 405)


# The routes of user and group management, by kind; an unknown new one fails the test.
KINDS = {
    "index": "list",
    "index_results": "list",
    "add": "add",
    "edit": "edit",
    "delete": "delete",
    "history": "read",
    "history_results": "read",
    "usage": "read",
    "copy": "copy",
}


def management_routes():
    routes = [(r, n) for r, n in admin_routes() if r.startswith(("users/", "groups/"))]
    assert len(routes) >= 16
    unknown = {name for _route, name in routes if name not in KINDS}
    assert unknown == set(), f"classify these new user/group admin views: {unknown}"
    return routes


def requests_for(people, role, route, name):
    """(target, method, url, data, expected change or None for none) for one route."""
    area = route.split("/")[0]
    kind = KINDS[name]
    if kind == "list":
        yield None, "GET", ADMIN + route, {}, role in (ADMINISTRATORS, "superuser")
        yield None, "POST", ADMIN + route, {}, (False, None)
        return
    for target in TARGETS:
        if target == "self" and (role == "anonymous" or (area == "groups" and role == "superuser")):
            continue
        if area == "users":
            obj = target_user(people, role, target)
            yield from user_requests(people, role, route, kind, target, obj)
        else:
            obj = target_group(people, role, target)
            yield from group_requests(people, role, route, kind, target, obj)


def user_requests(people, role, route, kind, target, user):
    url = ADMIN + route.replace("<int:pk>", str(user.pk))
    own = target == "self"
    if kind == "add":
        like = user_data(user, username=f"new-{target}", email=f"new-{target}@example.net")
        if own and role != "superuser":
            like["groups"] = [g.pk for g in people[role].groups.all()]
        made = may_manage_group(role, target)
        check = lambda: User.objects.filter(username=f"new-{target}").exists()  # noqa: E731
        yield target, "GET", url, {}, role in (ADMINISTRATORS, "superuser")
        yield target, "POST", url, like, (made, check)
        return
    if kind == "copy":
        like = user_data(user, username=f"copy-{target}", email=f"copy-{target}@example.net")
        yield target, "GET", url, {}, None
        yield target, "POST", url, like, (False, None)
        return
    may = may_manage_user(role, target, "delete" if kind == "delete" else "open")
    yield target, "GET", url, {}, may
    if kind == "edit":
        data = user_data(user, groups=[] if own and role != "superuser" else None)
        check = lambda: User.objects.get(pk=user.pk).email == "changed@example.net"  # noqa: E731
        yield target, "POST", url, data, (may_manage_user(role, target, "edit"), check)
    elif kind == "delete":
        check = lambda: not User.objects.filter(pk=user.pk).exists()  # noqa: E731
        yield target, "POST", url, {}, (may, check)
    else:
        yield target, "POST", url, {}, (False, None)


def group_requests(people, role, route, kind, target, group):
    url = ADMIN + route.replace("<int:pk>", str(group.pk))
    may = may_manage_group(role, target)
    if kind == "add":
        name = f"Like {group.name}"
        check = lambda: Group.objects.filter(name=name).exists()  # noqa: E731
        yield target, "GET", url, {}, role in (ADMINISTRATORS, "superuser")
        yield target, "POST", url, group_data(group, name, people["target-superuser"]), (may, check)
        return
    yield target, "GET", url, {}, may
    if kind == "edit":
        name = f"{group.name} (renamed)"
        check = lambda: Group.objects.filter(pk=group.pk, name=name).exists()  # noqa: E731
        yield target, "POST", url, group_data(group, name, people["target-superuser"]), (may, check)
    elif kind == "delete":
        check = lambda: not Group.objects.filter(pk=group.pk).exists()  # noqa: E731
        yield target, "POST", url, {}, (may, check)
    else:
        yield target, "POST", url, {}, (False, None)


@pytest.mark.parametrize("role", ROLES)
def test_user_and_group_management_answers_each_role_and_target(client, people, role):
    client.raise_request_exception = False
    problems = []
    for route, name in management_routes():
        for target, method, url, data, expected in requests_for(people, role, route, name):
            if role != "anonymous":  # again each time: changing one's own password signs out
                client.force_login(people[role])
            where = f"{role} {method} {url} ({target})"
            with undone():
                before = state()
                response = client.get(url) if method == "GET" else client.post(url, data)
                changed = state() != before
                allowed, check = expected if method == "POST" else (expected, None)
                happened = check() if check else None
            status = response.status_code
            if status == 302:
                where += f" -> {response['Location']}"
            if status >= 500:
                problems.append(f"{status} at {where}")
            elif method == "GET" and allowed and status != 200:
                problems.append(f"{where}: {status}, expected 200")
            elif allowed is False and method == "GET" and not refused(response, role):
                problems.append(f"{where}: {status}, expected a refusal")
            elif method == "POST" and allowed and not happened:
                problems.append(f"{where}: {status}, allowed but it did not happen")
            elif method == "POST" and not allowed and changed:
                problems.append(f"{where}: {status}, refused but it changed something")
            elif method == "POST" and not allowed and status == 302 and not refused(response, role):
                problems.append(f"{where}: {status}, refused without saying so")
    assert not problems, "\n".join(problems)


BULK = {
    "delete": ({}, lambda user: not User.objects.filter(pk=user.pk).exists()),
    "set_active_state": (
        {"mark_as_active": "False"},
        lambda user: not User.objects.get(pk=user.pk).is_active,
    ),
}


def may_bulk(role, target, action, role_given=None):
    if action == "delete":
        return may_manage_user(role, target, "delete")
    if action == "set_active_state":  # Wagtail never deactivates the one who asks
        return target != "self" and may_manage_user(role, target, "edit")
    if role_given == ADMINISTRATORS:
        return role == "superuser"
    return may_manage_user(role, target, "edit")


@pytest.mark.parametrize("role", ROLES)
def test_bulk_actions_on_users_keep_within_reach(client, people, role):
    """Delete, set active state and assign role, from the user listing's bulk actions."""
    client.raise_request_exception = False
    problems = []
    cases = [(action, data, check, None) for action, (data, check) in BULK.items()]
    for group_name in (MODERATORS, ADMINISTRATORS):
        group = Group.objects.get(name=group_name)
        given = lambda user, group=group: user.groups.filter(pk=group.pk).exists()  # noqa: E731
        cases.append(("assign_role", {"role": group.pk}, given, group_name))
    for action, data, check, role_given in cases:
        for target in TARGETS:
            if target == "self" and role == "anonymous":
                continue
            if role != "anonymous":
                client.force_login(people[role])
            user = target_user(people, role, target)
            url = f"{ADMIN}bulk/auth/user/{action}/?id={user.pk}&next={ADMIN}users/"
            expected = may_bulk(role, target, action, role_given)
            with undone():
                before = state()
                response = client.post(url, data)
                changed, happened = state() != before, check(user)
            where = f"{role} {action} {role_given or ''} on {target}: {response.status_code}"
            if response.status_code >= 500:
                problems.append(where)
            elif expected and not happened:
                problems.append(f"{where}, allowed but it did not happen")
            elif not expected and changed:
                problems.append(f"{where}, refused but it changed something")
    assert not problems, "\n".join(problems)


def admin_client(client, people):
    client.force_login(people[ADMINISTRATORS])
    return client


def test_an_administrator_cannot_make_a_superuser(client, people):
    admin_client(client, people)
    editor = people["target-editor"]
    data = user_data(editor, username="evil", email="evil@example.net", groups=[])
    data["is_superuser"] = "on"
    response = client.post(f"{ADMIN}users/new/", data)
    assert response.status_code == 200
    assert not User.objects.filter(username="evil").exists()
    assert "超级用户" in response.content.decode()
    # Nor promote anyone: the same flag on an Editor's form.
    data = user_data(editor)
    data["is_superuser"] = "on"
    response = client.post(f"{ADMIN}users/edit/{editor.pk}/", data)
    assert response.status_code == 200
    editor.refresh_from_db()
    assert not editor.is_superuser and editor.email == "target-editor@example.com"
    # The form does not even offer it, and the superuser's does, named so.
    assert 'name="is_superuser"' not in client.get(f"{ADMIN}users/new/").content.decode()


def test_an_administrator_cannot_hand_out_administrators(client, people):
    admin_client(client, people)
    editor = people["target-editor"]
    administrators = Group.objects.get(name=ADMINISTRATORS)
    data = user_data(editor, username="new-admin", email="n@example.net", groups=[administrators])
    response = client.post(f"{ADMIN}users/new/", data)
    assert response.status_code == 200 and "groups" in response.context["form"].errors
    assert not User.objects.filter(username="new-admin").exists()
    response = client.post(
        f"{ADMIN}users/edit/{editor.pk}/", user_data(editor, groups=[administrators])
    )
    assert response.status_code == 200 and "groups" in response.context["form"].errors
    assert not editor.groups.filter(pk=administrators.pk).exists()
    # A superuser may.
    client.force_login(people["superuser"])
    response = client.post(
        f"{ADMIN}users/edit/{editor.pk}/", user_data(editor, groups=[administrators])
    )
    assert response.status_code == 302
    assert editor.groups.filter(pk=administrators.pk).exists()


def test_an_administrator_edits_their_own_account_and_stays_one(client, people):
    admin = people[ADMINISTRATORS]
    admin_client(client, people)
    page = client.get(f"{ADMIN}users/edit/{admin.pk}/").content.decode()
    assert "Site managers" not in page  # a group they cannot give is not offered
    response = client.post(f"{ADMIN}users/edit/{admin.pk}/", user_data(admin, groups=[]))
    assert response.status_code == 302
    admin.refresh_from_db()
    assert admin.email == "changed@example.net"
    assert admin.groups.filter(name=ADMINISTRATORS).exists()
    site_managers = people["site_managers"]
    response = client.post(
        f"{ADMIN}users/edit/{admin.pk}/", user_data(admin, groups=[site_managers])
    )
    assert "groups" in response.context["form"].errors
    assert not admin.groups.filter(pk=site_managers.pk).exists()


def test_copying_a_user_never_changes_them(client, people):
    """Wagtail 8.0.1's copy view saved the form over the user it copied."""
    client.force_login(people["superuser"])
    editor = people["target-editor"]
    data = user_data(editor, username="copied", email="copied@example.net")
    response = client.post(f"{ADMIN}users/copy/{editor.pk}/", data)
    editor.refresh_from_db()
    assert (editor.username, editor.email) == ("target-editor", "target-editor@example.com")
    assert response.status_code == 404


def test_an_administrator_cannot_give_a_group_more_than_they_hold(client, people):
    admin = people[ADMINISTRATORS]
    editors = Group.objects.get(name=EDITORS)
    superuser = people["target-superuser"]
    url = f"{ADMIN}groups/edit/{editors.pk}/"
    change_user = Permission.objects.get(content_type__app_label="auth", codename="change_user")
    add_site = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_site")
    for permission in (change_user, add_site):  # a model permission: the field refuses it
        data = group_data(editors, EDITORS, superuser)
        data["permissions"] = [*data.get("permissions", []), str(permission.pk)]
        client.force_login(admin)
        with undone():
            before = state()
            response = client.post(url, data)
            assert response.status_code == 200, permission.codename
            assert "permissions" in response.context["form"].errors
            assert state() == before
    # Page permissions on the tree root (a new site root), and collection management: 403.
    root_page = Page.get_first_root_node()
    data = group_data(editors, EDITORS, superuser)
    data["page_permissions-0-page"] = [str(root_page.pk)]
    root_collection = Collection.get_first_root_node()
    data2 = group_data(editors, EDITORS, superuser)
    data2.update(
        {
            "collection_permissions-TOTAL_FORMS": ["1"],
            "collection_permissions-0-collection": [str(root_collection.pk)],
            "collection_permissions-0-permissions": [
                str(p.pk)
                for p in Permission.objects.filter(
                    content_type__app_label="wagtailcore",
                    codename__in=["add_collection", "change_collection"],
                )
            ],
        }
    )
    for posted in (data, data2):
        client.force_login(admin)
        with undone():
            before = state()
            response = client.post(url, posted)
            assert response.status_code == 403
            assert state() == before
    # Their own group: not even opened.
    administrators = Group.objects.get(name=ADMINISTRATORS)
    assert client.get(f"{ADMIN}groups/edit/{administrators.pk}/").status_code == 403


@pytest.mark.parametrize("role", [EDITORS, MODERATORS])
def test_without_user_management_the_refusal_tells_nothing_about_the_user(client, people, role):
    """An Editor probing user ids learns nothing (not even who is a superuser) from the answer."""
    client.force_login(people[role])
    for target in ("superuser", "administrator", "editor"):
        user = people[f"target-{target}"]
        for route in ("edit", "delete", "history", "usage"):
            response = client.get(f"{ADMIN}users/{route}/{user.pk}/")
            assert response.status_code == 302 and response["Location"] == ADMIN, route
