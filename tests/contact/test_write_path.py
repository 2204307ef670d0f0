"""A contact post writes once: the message (and its queued mail) in one short transaction, no
reference-index row, and a thank-you page that follows the page's published text."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ReferenceIndex

from pressroom.contact.models import ContactMessage


def test_a_post_stores_the_message_and_no_reference_index_row(post_message, contact_page):
    with CaptureQueriesContext(connection) as captured:
        response = post_message()
    assert 'class="thank-you"' in response.content.decode()
    assert ContactMessage.objects.count() == 1
    assert not ReferenceIndex.get_references_to(contact_page).exists()
    statements = [q["sql"] for q in captured.captured_queries]
    assert not any("wagtailcore_referenceindex" in sql for sql in statements)
    inserts = [sql for sql in statements if sql.startswith("INSERT")]
    assert len(inserts) == 1 and "contact_contactmessage" in inserts[0]


def test_the_thank_you_text_follows_each_published_version(post_message, contact_page):
    user = get_user_model().objects.create_superuser("chief", "", "a-long-test-password-1")
    assert "感谢" in post_message().content.decode()
    contact_page.thank_you_text = "<p>已收到，销售部两小时内回电。</p>"
    contact_page.save_revision(user=user).publish(user=user)
    shown = post_message(message="第二条留言").content.decode()
    assert "销售部两小时内回电" in shown
    contact_page.thank_you_text = "<p>周末留言周一回复。</p>"
    contact_page.save_revision(user=user).publish(user=user)
    shown = post_message(message="第三条留言").content.decode()
    assert "周一回复" in shown and "两小时" not in shown
    assert ContactMessage.objects.count() == 3


def test_a_failure_to_queue_the_mail_keeps_the_message(post_message, monkeypatch):
    def broken(message_id):
        raise RuntimeError("queue unavailable")

    monkeypatch.setattr("pressroom.contact.views.enqueue_delivery", broken)
    response = post_message()
    assert response.status_code == 200 and 'class="thank-you"' in response.content.decode()
    assert ContactMessage.objects.get().delivery == "pending"


def test_a_contact_page_taken_offline_takes_no_more_messages(post_message, contact_page):
    # The page in the main menu is routed from the values kept until a site-wide change:
    # unpublishing it is one, so the next post finds no page.
    assert contact_page.show_in_menus
    assert post_message().status_code == 200
    contact_page.unpublish()
    response = post_message(message="第二条留言")
    assert response.status_code == 404
    assert ContactMessage.objects.count() == 1


def test_a_contact_page_outside_the_menu_shows_each_published_thank_you(post_message, contact_page):
    user = get_user_model().objects.create_superuser("chief", "", "a-long-test-password-1")
    contact_page.show_in_menus = False
    contact_page.save_revision(user=user).publish(user=user)
    assert "感谢" in post_message().content.decode()
    contact_page.thank_you_text = "<p>已收到，销售部两小时内回电。</p>"
    contact_page.save_revision(user=user).publish(user=user)
    shown = post_message(message="第二条留言").content.decode()
    assert "销售部两小时内回电" in shown
    contact_page.unpublish()
    assert post_message(message="第三条留言").status_code == 404
    assert ContactMessage.objects.count() == 2
