"""The app's /media/ view decides on the address it will read: only one spelling of a file is
served, and a private collection's document is never served by its storage path.

The addresses come from tests/media_paths.py (every combination of two spelling rules plus a
sample of all of them), so the tests cover the space rather than the cases someone thought of.
"""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import make_image
from tests.media_paths import decoded_path, spellings

pytestmark = pytest.mark.django_db

SECRET = b"%PDF-1.4 quarterly figures, signed-in staff only"
HIDDEN = b"a dot-file nobody links to"
OUTSIDE = b"beside the media folder, never under /media/"


@pytest.fixture
def private_document(home):
    """A document in a collection that only signed-in users may see."""
    private = Collection.get_first_root_node().add_child(name="内部资料")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="内部报告", collection=private)
    document.file.save("private-report.pdf", ContentFile(SECRET), save=True)
    yield document
    document.file.delete(save=False)


@pytest.fixture
def files_nobody_may_fetch():
    """A dot-file in MEDIA_ROOT and a file beside it, as paths relative to MEDIA_ROOT."""
    media = settings.MEDIA_ROOT
    media.mkdir(parents=True, exist_ok=True)
    planted = {media / ".hidden": HIDDEN, media.parent / "outside.txt": OUTSIDE}
    for path, content in planted.items():
        path.write_bytes(content)
    yield {".hidden": HIDDEN, "../outside.txt": OUTSIDE}
    for path in planted:
        path.unlink()


def fetch(client, path):
    response = client.get(path)
    body = b"".join(response) if response.streaming else response.content
    response.close()
    return response.status_code, body


def refused(client, forms, secret):
    """The spellings that were answered with anything but a 4xx, or whose body held ``secret``."""
    client.raise_request_exception = False
    answered = []
    for path in forms:
        status, body = fetch(client, path)
        if not 400 <= status < 500 or secret in body:
            answered.append(f"{status} {path[:120]}")
    return answered


def test_the_private_document_is_refused_to_visitors_and_sent_to_signed_in_users(
    client, private_document
):
    response = client.get(private_document.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert fetch(client, settings.MEDIA_URL + private_document.file.name)[0] == 404
    client.force_login(get_user_model().objects.create_user("staff", password="st-Pass-42"))
    assert fetch(client, private_document.url) == (200, SECRET)


def test_no_spelling_of_a_private_documents_path_is_served(client, private_document):
    forms = spellings("media", private_document.file.name.split("/"))
    leaks = refused(client, forms, SECRET)
    assert not leaks, f"{len(leaks)} of {len(forms)} spellings answered:\n" + "\n".join(leaks)


def test_no_spelling_reaches_a_dot_file_or_a_file_outside_media(client, files_nobody_may_fetch):
    for target, content in files_nobody_may_fetch.items():
        forms = spellings("media", target.split("/"))
        leaks = refused(client, forms, content)
        assert not leaks, f"{target}: {len(leaks)} of {len(forms)} answered:\n" + "\n".join(leaks)


def test_media_is_served_by_its_normal_address(client, home):
    image = make_image()
    rendition = image.get_rendition("fill-40x30")
    # An admin avatar: Wagtail keeps non-ASCII letters in those names (Django's URL quotes them).
    avatar = default_storage.save("avatar_images/avatar_编辑.png", ContentFile(b"avatar"))
    try:
        for name in (image.file.name, rendition.file.name, avatar):
            content = default_storage.open(name).read()
            assert fetch(client, default_storage.url(name)) == (200, content), name
    finally:
        default_storage.delete(avatar)


def test_other_spellings_of_an_images_address_are_refused(client, home):
    """Refused, not normalised: only the normal address names a file."""
    image = make_image()
    normal = settings.MEDIA_URL + image.file.name
    others = [
        path
        for path in spellings("media", image.file.name.split("/"))
        if decoded_path(path) != normal
    ]
    served = refused(client, others, image.file.read())
    assert not served, f"{len(served)} of {len(others)} spellings answered:\n" + "\n".join(served)
