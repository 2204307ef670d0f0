"""The question board as visitors and moderators see it."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from wagtail.models import Locale

from pressroom.board.mail import send_due
from pressroom.board.models import Question
from tests.factories import make_board, make_question

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def shown_texts(url) -> list[str]:
    page = soup(Client().get(url))
    return [p.get_text() for p in page.select(".board-item__q .board-item__text")]


def json_ld(url) -> list[dict]:
    page = soup(Client().get(url))
    return [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]


def moderate(client, question, **data):
    values = {"state": question.state, "reply": question.reply}
    values.update(data)
    url = f"/admin/board_question/edit/{question.pk}/"
    return client.post(url, values)


def test_the_form_is_private_and_the_board_is_cached(client, board):
    form = client.get(board.ask_url())
    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"] and "private" in form["Cache-Control"]
    assert soup(form).select_one("[name=csrfmiddlewaretoken]") is not None
    Client().get(board.url)
    assert Client().get(board.url).headers["X-Page-Cache"] == "hit"


def test_a_question_waits_for_review_and_is_not_shown(ask, board):
    response = ask()
    assert response.status_code == 200
    assert "after review" in response.content.decode() or "审核" in response.content.decode()
    question = Question.objects.get()
    assert (question.state, question.name, question.email) == (
        "pending",
        "陈先生",
        "chen@example.net",
    )
    assert shown_texts(board.url) == []
    assert ask().status_code == 200  # a resend stores nothing more
    assert Question.objects.count() == 1


def test_approving_with_a_reply_shows_it_purges_the_cache_and_mails_once(
    editor_client, board, django_capture_on_commit_callbacks
):
    question = make_question(board, email="chen@example.net", text="备件多久发货？")
    assert shown_texts(board.url) == []
    assert Client().get(board.url).headers["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        response = moderate(editor_client, question, state="approved", reply="现货当天发出。")
    assert response.status_code == 302
    assert shown_texts(board.url) == ["备件多久发货？"]
    page = soup(Client().get(board.url))
    assert "现货当天发出。" in page.select_one(".board-item__a").get_text()
    assert "chen@example.net" not in page.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["chen@example.net"]
    assert "现货当天发出。" in mail.outbox[0].body
    question.refresh_from_db()
    assert question.reply_mail == "sent" and question.replied_by == editor_client.user
    # Editing the reply again changes the board, not the visitor's inbox.
    with django_capture_on_commit_callbacks(execute=True):
        moderate(editor_client, question, reply="现货当天发出，顺丰快递。")
    assert len(mail.outbox) == 1
    assert "顺丰快递" in Client().get(board.url).content.decode()


def test_rejected_and_spam_questions_are_never_shown(editor_client, board):
    for state in ("rejected", "spam", "pending"):
        make_question(board, text=f"问题{state}", state=state, reply="答复")
    make_question(board, text="已批准但未回复", state="approved")
    assert shown_texts(board.url) == []
    assert json_ld(board.url) == [] or all(b["@type"] != "FAQPage" for b in json_ld(board.url))


def test_hiding_an_approved_question_purges_the_board(editor_client, board):
    question = make_question(board, shown=True, text="要隐藏的问题")
    assert shown_texts(board.url) == ["要隐藏的问题"]
    assert Client().get(board.url).headers["X-Page-Cache"] == "hit"
    moderate(editor_client, question, state="rejected")
    assert shown_texts(board.url) == []


def test_json_ld_is_an_faq_page_of_the_shown_questions(board):
    make_question(board, shown=True, text="保修期多长？</script><b>", reply="整机保修一年。")
    blocks = [b for b in json_ld(board.url) if b.get("@type") == "FAQPage"]
    assert len(blocks) == 1
    entity = blocks[0]["mainEntity"]
    assert entity[0]["@type"] == "Question"
    assert entity[0]["name"] == "保修期多长？</script><b>"
    assert entity[0]["acceptedAnswer"] == {"@type": "Answer", "text": "整机保修一年。"}
    assert "</script><b>" not in Client().get(board.url).content.decode()


def test_markup_in_a_question_is_shown_as_text(ask, board):
    ask(name="<i>黑客</i>", text='<script>alert("x")</script>\n第二行')
    question = Question.objects.get()
    question.state, question.reply = "approved", "<b>不会</b>"
    question.save()
    html = Client().get(board.url).content.decode()
    assert "<script>alert" not in html and "<b>不会</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>第二行" in html
    assert "&lt;i&gt;黑客&lt;/i&gt;" in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("text", "", "必需"),
        ("text", "长" * 2001, "2000"),
        ("name", "名" * 101, "100"),
        ("name", "a\nb", ""),
        ("email", "not-an-email", ""),
    ],
)
def test_bad_input_gets_a_form_error_on_its_field(ask, board, field, value, message):
    response = ask(**{field: value})
    assert response.status_code == 200
    error = soup(response).select_one(f"#id_{field}").find_parent(class_="form-field")
    assert message in error.select_one(".error").get_text()
    assert Question.objects.count() == 0


def test_honeypot_is_thanked_and_dropped(ask):
    response = ask(pr_hp="http://spam.example")
    assert response.status_code == 200
    assert soup(response).select_one(".thank-you") is not None
    assert Question.objects.count() == 0


def test_a_flood_from_one_address_gets_429(ask, settings):
    settings.PRESSROOM_CONTACT_RATE_LIMIT_POSTS = 3
    codes = [ask(text=f"第{n}个问题").status_code for n in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    assert Question.objects.count() == 3
    assert ask(remote_addr="198.51.100.7", text="别人的问题").status_code == 200


@pytest.mark.parametrize("path", ["page/2/", "page/0/", "page/99999999999/", "?page=abc"])
def test_odd_page_numbers_are_404(client, board, path):
    make_question(board, shown=True)
    assert client.get(board.url + path).status_code == 404


def test_a_long_board_is_numbered(client, board, settings):
    settings.PRESSROOM_BOARD_PER_PAGE = 2
    for n in range(3):
        make_question(board, shown=True, text=f"问题{n}")
    assert shown_texts(board.url) == ["问题2", "问题1"]
    assert shown_texts(board.url + "page/2/") == ["问题0"]


def test_mail_server_down_keeps_the_reply_and_retries(
    editor_client, board, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    question = make_question(board, email="a@example.net")
    with django_capture_on_commit_callbacks(execute=True):
        response = moderate(editor_client, question, state="approved", reply="已回复")
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.reply, question.reply_mail, question.mail_attempts) == ("已回复", "retry", 1)
    assert question.mail_error
    assert shown_texts(board.url) == ["请问交货期多久？"]
    # The server is back and the retry time has come: the scheduler's job sends it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Question.objects.filter(pk=question.pk).update(mail_next_at=question.created)
    assert send_due() == "board replies mailed: 1"
    assert len(mail.outbox) == 1
    assert send_due() == ""


def test_each_language_has_its_own_board(client, home, company):
    zh = make_board(home)
    en = Locale.objects.get(language_code="en")
    home_en = home.copy_for_translation(en)
    home_en.save_revision().publish()
    board_en = zh.copy_for_translation(en)
    board_en.title = "Questions"
    board_en.save_revision().publish()
    make_question(zh, shown=True, text="中文问题")
    make_question(board_en, shown=True, text="An English question", reply="Two weeks.")
    assert shown_texts(zh.url) == ["中文问题"]
    assert shown_texts(board_en.url) == ["An English question"]
    page = soup(Client().get(board_en.url + "ask/"))
    assert page.select_one("label[for=id_text]").get_text(strip=True).startswith("Your question")


def test_the_moderation_screen_lists_questions_for_an_editor(editor_client, board):
    make_question(board, text="列表里的问题")
    response = editor_client.get("/admin/board_question/")
    assert response.status_code == 200
    assert "列表里的问题" in response.content.decode()
    assert editor_client.get("/admin/board_question/new/").status_code in (302, 403, 404)


def test_a_reply_purges_the_board_and_nothing_else(editor_client, board, news_index):
    question = make_question(board)
    for url in (board.url, "/news/"):
        Client().get(url)
        assert Client().get(url).headers["X-Page-Cache"] == "hit"
    moderate(editor_client, question, state="approved", reply="好的")
    assert Client().get(board.url).headers["X-Page-Cache"] == "miss"
    assert Client().get("/news/").headers["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text", "问题\x00"),
        ("name", "Hi\r\nBcc: victim@x.test"),
        ("email", '"<svg/onload=alert(1)>"@x.test\r\nBcc: v@x.test'),
        ("page", "1"),
    ],
)
def test_hostile_input_stores_nothing_and_never_500s(ask, field, value):
    response = ask(**{field: value})
    assert response.status_code == 200
    assert Question.objects.filter(text="问题\x00").count() == 0
    assert not Question.objects.filter(name__contains="Bcc").exists()


def test_the_reply_mail_has_no_injected_headers(board, django_capture_on_commit_callbacks):
    from pressroom.board.mail import send_reply

    question = make_question(board, shown=True, name="Hi Bcc: x@x.test", email="a@example.net")
    Question.objects.filter(pk=question.pk).update(reply_mail="pending")
    assert send_reply(question.pk) == "sent"
    assert mail.outbox[0].to == ["a@example.net"] and mail.outbox[0].bcc == []
