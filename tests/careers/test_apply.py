"""The apply form: a CV checked by its content, kept where only staff reach it, the
application in the one 留言 inbox and mailed as contact messages are."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from pressroom.contact.delivery import deliver
from pressroom.contact.forms import sign_now
from pressroom.contact.models import ContactMessage
from pressroom.security.media import is_public_media_path
from tests.factories import EXE_BYTES, PDF_BYTES, docx_bytes, make_job, make_jobs_page

pytestmark = pytest.mark.django_db

OLE2_BYTES = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.fixture(autouse=True)
def one_rate_window(settings):
    settings.PRESSROOM_CONTACT_RATE_LIMIT_WINDOW = 10**8


@pytest.fixture
def job(home, company):
    jobs = make_jobs_page(home, notify_address="hr@example.com")
    return make_job(jobs, title="结构工程师", valid_through=timezone.localdate() + timedelta(30))


def application(cv=None, **overrides):
    data = {
        "name": "王芳",
        "phone": "139 0000 1111",
        "email": "wang.fang@example.net",
        "message": "三年泵阀设计经验。",
        "pr_hp": "",
        "pr_ts": sign_now(),
    }
    if cv is not None:
        data["cv"] = cv
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def pdf(name="简历.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def errors_of(response) -> dict[str, list[str]]:
    """{field name: its error texts} as the page shows them under each field."""
    page = BeautifulSoup(response.content, "html.parser")
    found = {}
    for box in page.select(".form-field--error"):
        name = box.select_one("input, textarea")["name"]
        found[name] = [p.get_text().replace("\xa0", " ") for p in box.select(".error")]
    return found


def test_the_apply_page_is_never_cached_and_has_the_form(client, job):
    response = client.get(job.url + "apply/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    page = BeautifulSoup(response.content, "html.parser")
    form = page.select_one("#apply-form form")
    assert form["enctype"] == "multipart/form-data"
    assert {i["name"] for i in form.select("input, textarea")} >= {
        "name",
        "phone",
        "email",
        "message",
        "cv",
        "pr_hp",
        "pr_ts",
        "csrfmiddlewaretoken",
    }
    assert "10.0 MB" in page.get_text().replace("\xa0", " ")


def test_a_pdf_cv_is_stored_privately_and_the_application_is_in_the_inbox(client, job):
    response = client.post(job.url + "apply/", application(pdf()))
    assert response.status_code == 200
    assert "您的申请已收到" in response.content.decode() or "申请" in response.content.decode()
    message = ContactMessage.objects.get()
    assert message.page.specific == job
    assert message.name == "王芳" and message.phone == "139 0000 1111"
    assert message.attachment_name == "简历.pdf"
    stored = message.attachment.name
    assert stored.startswith("documents/attachments/") and stored.endswith(".pdf")
    assert "简历" not in stored  # a generated name
    assert not is_public_media_path(stored)
    with message.attachment.open("rb") as handle:
        assert handle.read() == PDF_BYTES
    # Its storage address answers nothing to anyone.
    assert client.get("/media/" + stored).status_code == 404
    client.logout()
    assert client.get("/media/" + stored).status_code == 404


def test_only_staff_download_the_cv(client, job):
    client.post(job.url + "apply/", application(pdf()))
    message = ContactMessage.objects.get()
    url = f"/admin/contact_message/attachment/{message.pk}/"

    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    assert PDF_BYTES not in anonymous.content

    nobody = get_user_model().objects.create_user("visitor", "", "a-long-test-password-1")
    client.force_login(nobody)  # signed in, but no admin access
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert PDF_BYTES not in response.content

    staff = get_user_model().objects.create_superuser("chief", "", "a-long-test-password-1")
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/octet-stream"
    assert "no-store" in response["Cache-Control"]
    # The message page links it; the inbox lists the application.
    page = client.get(f"/admin/contact_message/inspect/{message.pk}/").content.decode()
    assert url in page and "简历.pdf" in page
    assert "王芳" in client.get("/admin/contact_message/").content.decode()


def test_an_editor_downloads_the_cv(client, job):
    from django.contrib.auth.models import Group

    from pressroom.security.roles import ensure_roles

    ensure_roles()
    client.post(job.url + "apply/", application(pdf()))
    message = ContactMessage.objects.get()
    editor = get_user_model().objects.create_user("editor", "", "a-long-test-password-1")
    editor.groups.add(Group.objects.get(name="编辑"))
    client.force_login(editor)
    response = client.get(f"/admin/contact_message/attachment/{message.pk}/")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("name", "content"),
    [("cv.docx", None), ("旧简历.doc", OLE2_BYTES), ("CV.PDF", PDF_BYTES)],
)
def test_word_documents_and_capitals_are_accepted(client, job, name, content):
    content = content or docx_bytes()
    response = client.post(job.url + "apply/", application(SimpleUploadedFile(name, content)))
    assert errors_of(response) == {}
    message = ContactMessage.objects.get()
    assert message.attachment.name.endswith("." + name.rpartition(".")[2].lower())


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("简历.pdf", EXE_BYTES),  # an executable renamed .pdf
        ("cv.exe", EXE_BYTES),
        ("cv.docx", PDF_BYTES),  # content and name disagree
        ("cv.pdf", docx_bytes()),
        ("cv.docx", b"PK\x03\x04" + b"\x00" * 100),  # a broken ZIP
        ("cv.html", b"<html><script>alert(1)</script>"),
        ("cv", PDF_BYTES),  # no extension
    ],
)
def test_files_that_are_not_cvs_are_refused_naming_the_field(client, job, name, content):
    response = client.post(job.url + "apply/", application(SimpleUploadedFile(name, content)))
    assert response.status_code == 200
    errors = errors_of(response)
    assert list(errors) == ["cv"]
    assert "简历" in errors["cv"][0]  # “The CV must be a PDF, DOC or DOCX document …”
    assert ContactMessage.objects.count() == 0


def test_a_cv_over_the_limit_is_refused_with_the_limit(client, job, settings):
    settings.PRESSROOM_CAREERS_CV_MAX_SIZE = 1024 * 1024
    big = PDF_BYTES + b"0" * (1024 * 1024)
    response = client.post(job.url + "apply/", application(pdf(content=big)))
    errors = errors_of(response)
    assert list(errors) == ["cv"] and "1.0 MB" in errors["cv"][0]
    assert ContactMessage.objects.count() == 0


def test_a_50_mb_cv_is_refused_and_streamed_to_disk_not_memory(client, job, settings):
    # Uploads above FILE_UPLOAD_MAX_MEMORY_SIZE go to a temporary file as they arrive.
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE < settings.PRESSROOM_CAREERS_CV_MAX_SIZE
    huge = PDF_BYTES + b"0" * (50 * 1024 * 1024)
    response = client.post(job.url + "apply/", application(pdf(content=huge)))
    del huge
    assert response.status_code == 200
    assert "10.0 MB" in errors_of(response)["cv"][0]
    assert ContactMessage.objects.count() == 0


def test_missing_answers_are_named(client, job):
    response = client.post(job.url + "apply/", application(name="", phone="", email="", cv=None))
    errors = errors_of(response)
    assert set(errors) == {"name", "phone", "email", "cv"}
    assert errors["name"] == ["请填写您的姓名。"]
    assert errors["cv"] == ["请附上您的简历。"]
    assert ContactMessage.objects.count() == 0


def test_a_bad_phone_and_a_line_break_in_the_name_are_refused(client, job):
    response = client.post(
        job.url + "apply/", application(pdf(), name="王芳\r\nBcc: x@example.com", phone="abc")
    )
    assert set(errors_of(response)) == {"name", "phone", "cv"} - {"cv"}
    assert ContactMessage.objects.count() == 0


def test_the_honeypot_is_thanked_and_nothing_is_kept(client, job):
    response = client.post(job.url + "apply/", application(pdf(), pr_hp="http://spam.example"))
    assert response.status_code == 200
    assert ContactMessage.objects.count() == 0


def test_an_old_form_is_refused_and_kept_for_resending(client, job):
    response = client.post(job.url + "apply/", application(pdf(), pr_ts="forged"))
    assert ContactMessage.objects.count() == 0
    assert "过期" in response.content.decode()


def test_the_rate_limit_answers_429(client, job, settings):
    settings.PRESSROOM_CONTACT_RATE_LIMIT_POSTS = 2
    for _n in range(2):
        client.post(job.url + "apply/", application(pdf(), name=f"王芳{_n}"))
    response = client.post(job.url + "apply/", application(pdf(), name="第三次"))
    assert response.status_code == 429 and response["Retry-After"]
    assert ContactMessage.objects.count() == 2


def test_a_double_click_stores_one_application(client, job):
    data = application()
    for _n in range(2):
        client.post(job.url + "apply/", {**data, "cv": pdf()})
    assert ContactMessage.objects.count() == 1


def test_a_deleted_application_takes_its_file_with_it(client, job):
    client.post(job.url + "apply/", application(pdf()))
    message = ContactMessage.objects.get()
    storage, name = message.attachment.storage, message.attachment.name
    assert storage.exists(name)
    ContactMessage.objects.all().delete()
    assert not storage.exists(name)


def test_the_notification_names_the_job_and_the_cv_without_attaching_it(client, job, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(job.url + "apply/", application(pdf()))
    message = ContactMessage.objects.get()
    deliver(message.pk)  # (the task queued after the response may have mailed it already)
    message.refresh_from_db()
    assert message.delivery == ContactMessage.Delivery.SENT
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["hr@example.com"]
    assert "结构工程师" in sent.subject
    assert "简历.pdf" in sent.body and not sent.attachments
    assert sent.reply_to == ["wang.fang@example.net"]
    assert f"/admin/contact_message/inspect/{message.pk}/" in sent.body


def test_without_a_mail_server_the_application_says_mail_not_configured(client, job, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    client.post(job.url + "apply/", application(pdf()))
    message = ContactMessage.objects.get()
    deliver(message.pk)  # (the task queued after the response may have tried already)
    message.refresh_from_db()
    assert message.delivery == ContactMessage.Delivery.OFF


def test_a_closed_posting_takes_no_application(client, job):
    type(job).objects.filter(pk=job.pk).update(
        date_posted=timezone.localdate() - timedelta(10),
        valid_through=timezone.localdate() - timedelta(1),
    )
    response = client.post(job.url + "apply/", application(pdf()))
    assert response.status_code == 410
    assert ContactMessage.objects.count() == 0


def test_english_apply_form(client, job, home):
    from tests.careers.test_jobs import english

    *_, en_job = english(home, job.get_parent(), job, titles={"人才招聘": "Careers"})
    response = client.post(
        en_job.url + "apply/", application(SimpleUploadedFile("a.pdf", EXE_BYTES))
    )
    assert errors_of(response)["cv"] == [
        "The CV must be a PDF, DOC or DOCX document, and this file is not one."
    ]
    page = client.get(en_job.url + "apply/").content.decode()
    assert "Send application" in page and "PDF, DOC or DOCX" in page
