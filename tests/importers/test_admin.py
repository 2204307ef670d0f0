"""Settings → 导入: a superuser uploads an export or gives an address, the import runs in the
background (inline in tests) and its page shows the progress, then the report kept in the
database. Nobody else may open it; uploads are kept privately and size-bounded."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from pressroom.importers.models import ImportRun
from pressroom.news.models import NewsArticlePage
from pressroom.security.roles import ADMINISTRATORS, EDITORS, ensure_roles
from tests.importers.conftest import FIXTURES

pytestmark = pytest.mark.django_db
ADMIN = "/" + settings.PRESSROOM_ADMIN_PATH
START = ADMIN + "imports/"


@pytest.fixture
def upload_dir(settings, tmp_path):
    settings.PRESSROOM_IMPORT_UPLOAD_DIR = tmp_path / "private-uploads"
    return settings.PRESSROOM_IMPORT_UPLOAD_DIR


def form(**values):
    data = {"format": "feed", "url": "", "language": "", "limit": "500"}
    data.update(values)
    return data


def test_a_superuser_imports_a_feed_file_and_reads_the_report(editor_client, upload_dir):
    page = editor_client.get(START)
    assert page.status_code == 200
    assert "导入" in page.content.decode()
    rss = SimpleUploadedFile("feed.rss", (FIXTURES / "feed.rss").read_bytes())
    response = editor_client.post(START, form(upload=rss))
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{START}{run.pk}/"
    assert run.state == ImportRun.State.DONE and run.user == editor_client.user
    assert run.format == "feed" and run.source_name == "feed.rss"
    assert run.report["kinds"] == [{"kind": "entry", "created": 2, "updated": 0, "unchanged": 0}]
    assert NewsArticlePage.objects.filter(title="远帆开通宁波至汉堡专线").exists()
    assert list(upload_dir.iterdir()) == []  # the private copy is gone once read
    report = editor_client.get(response["Location"]).content.decode()
    assert "已完成" in report and "http://ok.test/" in report
    assert 'http-equiv="refresh"' not in report  # finished: no more refreshing
    # The list of earlier imports links to it.
    assert f'href="{START}{run.pk}/"' in editor_client.get(START).content.decode()


def test_a_dry_run_changes_nothing(editor_client, upload_dir):
    rss = SimpleUploadedFile("feed.rss", (FIXTURES / "feed.rss").read_bytes())
    editor_client.post(START, form(upload=rss, dry_run="on"))
    run = ImportRun.objects.get()
    assert run.state == ImportRun.State.DONE and run.report["dry_run"] is True
    assert run.report["kinds"][0]["created"] == 2
    assert not NewsArticlePage.objects.exists()


def test_a_run_in_progress_refreshes_its_page(editor_client):
    run = ImportRun.objects.create(
        user=editor_client.user,
        format="site",
        source_name="https://old.example.cn/",
        state=ImportRun.State.RUNNING,
        progress="3 items read",
    )
    page = editor_client.get(f"{START}{run.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert (
        "3 items read" in page
        and "<script>" not in page.split("</head>")[0].split('http-equiv="refresh"')[1]
    )


def test_a_file_over_the_limit_is_refused_with_the_field_named(editor_client, settings, upload_dir):
    settings.PRESSROOM_IMPORT_MAX_UPLOAD = 1000
    big = SimpleUploadedFile("export.xml", b"<rss>" + b" " * 2000 + b"</rss>")
    response = editor_client.post(START, form(format="wordpress", upload=big))
    assert response.status_code == 200
    assert "最大" in response.content.decode() or "largest" in response.content.decode()
    assert not ImportRun.objects.exists() and not upload_dir.exists()


def test_missing_file_or_address_is_named(editor_client, upload_dir):
    for values, field in [({"format": "wordpress"}, "upload"), ({"format": "site"}, "url")]:
        response = editor_client.post(START, form(**values))
        assert response.status_code == 200
        assert response.context["form"].errors[field]
    response = editor_client.post(START, form(format="site", url="ftp://old.example.cn/"))
    assert response.context["form"].errors["url"]
    assert not ImportRun.objects.exists()


def test_a_site_on_a_private_address_fails_with_a_clear_report(editor_client, upload_dir):
    editor_client.post(START, form(format="site", url="http://127.0.0.1:9/"))
    run = ImportRun.objects.get()
    assert run.state == ImportRun.State.FAILED
    assert "local or private address" in run.report_text
    page = editor_client.get(f"{START}{run.pk}/").content.decode()
    assert "local or private address" in page


def test_a_broken_export_fails_and_says_why(editor_client, upload_dir):
    broken = SimpleUploadedFile("export.xml", b"<rss><channel><item>")
    editor_client.post(START, form(format="wordpress", upload=broken))
    run = ImportRun.objects.get()
    assert run.state == ImportRun.State.FAILED and run.report_text
    assert list(upload_dir.iterdir()) == []


@pytest.mark.parametrize("role", [ADMINISTRATORS, EDITORS])
def test_only_superusers_may_import(client, home, role, upload_dir):
    ensure_roles()
    user = get_user_model().objects.create_user(role, password="role-Pass-42")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    assert client.get(START).status_code == 403
    rss = SimpleUploadedFile("feed.rss", (FIXTURES / "feed.rss").read_bytes())
    assert client.post(START, form(upload=rss)).status_code == 403
    run = ImportRun.objects.create(format="feed", source_name="x", state="done")
    assert client.get(f"{START}{run.pk}/").status_code == 403
    assert ImportRun.objects.count() == 1 and not NewsArticlePage.objects.exists()
    assert 'href="' + START + '"' not in client.get(ADMIN).content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, home):
    response = client.get(START)
    assert response.status_code == 302 and "/login/" in response["Location"]
