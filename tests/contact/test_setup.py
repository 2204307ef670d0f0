"""New sites and the demo start with a working message form; reruns change nothing."""

from wagtail.models import Locale

from pressroom.contact.models import ContactPage
from pressroom.contact.setup import ensure_message_form
from pressroom.demo.loader import load_demo
from pressroom.pages.setup import create_site_tree


def fields_of(page):
    return list(page.form_fields.values_list("clean_name", "label", "field_type", "required"))


def test_demo_contact_page_has_the_chinese_form_and_reruns_change_nothing(db):
    load_demo()
    page = ContactPage.objects.get(locale__language_code="zh-hans")
    expected = [
        ("name", "姓名", "singleline", True),
        ("phone", "电话", "singleline", False),
        ("email", "邮箱", "email", False),
        ("company", "公司名称", "singleline", False),
        ("message", "留言内容", "multiline", True),
    ]
    assert fields_of(page) == expected
    assert page.live and not page.has_unpublished_changes
    assert "感谢您的留言" in page.thank_you_text
    revisions = page.revisions.count()
    load_demo()
    create_site_tree()
    assert page.form_fields.count() == 5
    assert ContactPage.objects.get(locale__language_code="zh-hans").revisions.count() == revisions


def test_edited_labels_keep_their_machine_names(contact_page):
    field = contact_page.form_fields.get(clean_name="name")
    field.label = "您的称呼"
    field.save()
    assert contact_page.get_form_class()().fields["name"].label == "您的称呼"


def test_english_translation_keeps_the_machine_names(contact_page):
    english = contact_page.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    names = list(english.form_fields.values_list("clean_name", flat=True))
    assert names == ["name", "phone", "email", "company", "message"]
    # A fresh English page (no fields yet) starts with English labels.
    english.form_fields.all().delete()
    english.thank_you_text = ""
    assert ensure_message_form(english) is True
    labels = list(english.form_fields.values_list("label", flat=True))
    assert labels == ["Name", "Phone", "Email", "Company", "Message"]
    assert "Thank you" in english.thank_you_text
