"""Who may delete an image or document, or replace its file, through every way the admin offers.

Editors edit and delete their own uploads and no one else's; what the live site shows (a live
page uses it, or it is the site logo) only Moderators and up delete or give a new file, since
the change would reach visitors at once without review. Documents in a private collection too.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission
from wagtail.permissions import policy_registry

from pressroom.core.models import CompanyInfo
from pressroom.security.roles import ADMINISTRATORS, EDITORS, MODERATORS, ensure_roles
from tests.factories import make_article, make_image
from tests.security.test_roles import ADMIN
from tests.security.test_user_management import posted_form, undone

pytestmark = pytest.mark.django_db

User = get_user_model()
Image = get_image_model()
Document = get_document_model()

# (case, may an Editor who uploaded the first five delete it / replace its file)
CASES = [
    ("own, unused", True),
    ("own, used by a live page", False),
    ("own, used only by a draft page", True),
    ("own, in a live page's unpublished draft only", True),
    ("own, the site logo", False),
    ("someone else's", False),
    ("someone else's, in a private collection", False),
]


def png(color="#aa3322"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def people(home):
    ensure_roles()
    found = {}
    for username, group in [("editor", EDITORS), ("colleague", EDITORS), ("moderator", MODERATORS)]:
        found[username] = User.objects.create_user(username, password="Media-Pass-4242")
        found[username].groups.add(Group.objects.get(name=group))
    found[ADMINISTRATORS] = User.objects.create_user("administrator", password="Media-Pass-4242")
    found[ADMINISTRATORS].groups.add(Group.objects.get(name=ADMINISTRATORS))
    found[EDITORS], found[MODERATORS] = found["editor"], found["moderator"]
    return found


@pytest.fixture
def private_collection(home):
    collection = Collection.get_first_root_node().add_child(name="内部资料")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def image_cases(people, news_index, site, private_collection):
    made = {}
    for case, _may in CASES:
        owner = people["colleague"] if case.startswith("someone") else people["editor"]
        image = make_image(title=case)
        image.uploaded_by_user = owner
        if "private" in case:
            image.collection = private_collection
        image.save()
        made[case] = image
    make_article(news_index, cover_image=made["own, used by a live page"])
    make_article(news_index, cover_image=made["someone else's"])
    make_article(news_index, live=False, cover_image=made["own, used only by a draft page"])
    article = make_article(news_index)
    article.cover_image = made["own, in a live page's unpublished draft only"]
    article.save_revision()
    info = CompanyInfo.for_site(site)
    info.logo = made["own, the site logo"]
    info.save()
    return made


def document_cases(people, news_index, site, private_collection):
    made, root = {}, Collection.get_first_root_node()
    for case, _may in CASES:
        owner = people["colleague"] if case.startswith("someone") else people["editor"]
        document = Document.objects.create(
            title=case,
            file=ContentFile(b"%PDF-1.4 test", name="report.pdf"),
            uploaded_by_user=owner,
            collection=private_collection if "private" in case else root,
        )
        made[case] = document

    def linking(document):
        html = f'<p><a linktype="document" id="{document.pk}">年报</a></p>'
        return [{"type": "paragraph", "value": html}]

    make_article(news_index, body=linking(made["own, used by a live page"]))
    make_article(news_index, body=linking(made["someone else's"]))
    make_article(news_index, live=False, body=linking(made["own, used only by a draft page"]))
    article = make_article(news_index)
    article.body = linking(made["own, in a live page's unpublished draft only"])
    article.save_revision()
    # Documents are never a logo: this one is offered on the live site in the same way.
    make_article(news_index, body=linking(made["own, the site logo"]))
    return made


KINDS = {
    "image": (image_cases, "images/{pk}/", "images/{pk}/delete/", "images/multiple/{pk}/delete/"),
    "document": (
        document_cases,
        "documents/edit/{pk}/",
        "documents/delete/{pk}/",
        "documents/multiple/{pk}/delete/",
    ),
}
BULK = {
    "image": "bulk/wagtailimages/image/delete/",
    "document": "bulk/wagtaildocs/document/delete/",
}


def may(role, case, editor_may):
    return role != EDITORS or editor_may


def new_file(kind):
    if kind == "image":
        return SimpleUploadedFile("new.png", png("#22aa33"), content_type="image/png")
    return SimpleUploadedFile("new.pdf", b"%PDF-1.4 replaced", content_type="application/pdf")


@pytest.mark.parametrize("kind", ["image", "document"])
@pytest.mark.parametrize("way", ["replace", "delete", "multiple delete", "bulk delete"])
@pytest.mark.parametrize("role", [EDITORS, MODERATORS, ADMINISTRATORS])
def test_who_deletes_or_replaces_media(
    client, people, news_index, site, private_collection, kind, way, role
):
    make_cases, edit, delete, multiple_delete = KINDS[kind]
    objects = make_cases(people, news_index, site, private_collection)
    model = Image if kind == "image" else Document
    superuser = User.objects.create_superuser("boss", password="Media-Pass-4242")
    problems = []
    for case, editor_may in CASES:
        obj = objects[case]
        expected = may(role, case, editor_may)
        if way == "replace":
            client.force_login(superuser)
            data = posted_form(client.get(ADMIN + edit.format(pk=obj.pk)).content)
            data["file"] = new_file(kind)
        client.force_login(people[role])
        with undone():
            if way == "replace":
                name = obj.file.name
                response = client.post(ADMIN + edit.format(pk=obj.pk), data)
                obj.refresh_from_db()
                happened = obj.file.name != name
            else:
                url = {"delete": delete, "multiple delete": multiple_delete}.get(way)
                url = ADMIN + (url.format(pk=obj.pk) if url else f"{BULK[kind]}?id={obj.pk}")
                response = client.post(url)
                happened = not model.objects.filter(pk=obj.pk).exists()
        status = response.status_code
        if status >= 500:
            problems.append(f"{case}: {status}")
        elif happened != expected:
            problems.append(f"{case}: {'happened' if happened else 'refused'} ({status})")
        elif not expected and way == "replace" and status == 200:
            errors = response.context["form"].errors
            if "file" not in errors:
                problems.append(f"{case}: refused without an error on the file: {errors}")
    assert not problems, f"{role} {way} {kind}:\n" + "\n".join(problems)


def test_an_editor_may_still_retitle_their_own_live_image(client, people, news_index, site):
    image = make_image(title="封面")
    image.uploaded_by_user = people["editor"]
    image.save()
    make_article(news_index, cover_image=image)
    client.force_login(people["editor"])
    url = f"{ADMIN}images/{image.pk}/"
    data = posted_form(client.get(url).content)
    data["title"] = "新封面标题"
    name = image.file.name
    assert client.post(url, data).status_code == 302
    image.refresh_from_db()
    assert (image.title, image.file.name) == ("新封面标题", name)


def test_the_refusal_names_the_page_and_the_field(client, people, news_index):
    image = make_image(title="封面")
    image.uploaded_by_user = people["editor"]
    image.save()
    make_article(news_index, title="工厂开放日", cover_image=image)
    client.force_login(people["editor"])
    url = f"{ADMIN}images/{image.pk}/"
    data = posted_form(client.get(url).content)
    data["file"] = new_file("image")
    response = client.post(url, data)
    assert response.status_code == 200
    (message,) = response.context["form"].errors["file"]
    assert "工厂开放日" in message


def test_media_permission_policies_are_pressrooms():
    """pressroom.security must stay after wagtail.images and wagtail.documents in INSTALLED_APPS."""
    from pressroom.security.live_media import LiveMediaPermissionPolicy

    for model in (Image, Document):
        assert isinstance(policy_registry.get_by_type(model), LiveMediaPermissionPolicy)


def test_ensure_roles_withdraws_only_the_old_media_grants(home):
    ensure_roles()
    root = Collection.get_first_root_node()
    below = root.add_child(name="编辑共享")
    editors = Group.objects.get(name=EDITORS)

    def grant(group, collection, codename):
        permission = Permission.objects.get(codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )

    # What an older Pressroom (and Wagtail's starter data) left on an existing install ...
    for codename in ["change_image", "delete_image", "change_document", "delete_document"]:
        grant(editors, root, codename)
    # ... and what an administrator granted on purpose, which stays.
    grant(editors, below, "change_image")
    ensure_roles()
    codenames = set(
        GroupCollectionPermission.objects.filter(group=editors, collection=root).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_image", "choose_image", "add_document", "choose_document"}
    assert GroupCollectionPermission.objects.filter(
        group=editors, collection=below, permission__codename="change_image"
    ).exists()
    moderators = Group.objects.get(name=MODERATORS)
    assert set(
        GroupCollectionPermission.objects.filter(group=moderators).values_list(
            "permission__codename", flat=True
        )
    ) == {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    }
