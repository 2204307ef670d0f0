"""Factories for the objects tests need: pages are added under their parent and published."""

import io
from datetime import datetime, timedelta

import factory
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from pressroom.news.models import NewsArticlePage, NewsCategory


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsCategory
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"分类{n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


def make_image(title="测试图片", size=(640, 400), color="#336699"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(buffer, name="test.png")
    image.save()
    return image


_article_counter = iter(range(1, 10**6))


def publish(parent, page, when: datetime | None = None):
    """Add ``page`` under ``parent`` and publish it; optionally backdate its publish times."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    if when is not None:
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=when
        )
        page.refresh_from_db()
    return page


def make_article(news_index, *, when=None, live=True, **fields):
    n = next(_article_counter)
    fields.setdefault("title", f"测试新闻 {n}")
    fields.setdefault("slug", f"article-{n}")
    fields.setdefault("summary", f"第 {n} 篇新闻的摘要。")
    fields.setdefault("author", "王编辑")
    fields.setdefault("body", [{"type": "paragraph", "value": f"<p>第 {n} 篇新闻的正文。</p>"}])
    article = NewsArticlePage(**fields)
    if not live:
        news_index.add_child(instance=article)
        article.save_revision()
        article.live = False
        article.save()
        return article
    when = when or timezone.now() - timedelta(minutes=n)
    return publish(news_index, article, when)


def every_block_body(image, paragraph="<p>新生产线<strong>全面</strong>运行。</p>"):
    """An article body with one block of each kind: heading, paragraph, image (and one beside
    the text), video, quote, table."""
    return [
        {"type": "heading", "value": "产能翻番"},
        {"type": "paragraph", "value": paragraph},
        {"type": "image", "value": {"image": image.pk, "caption": "新车间", "alt_text": ""}},
        {
            "type": "image",
            "value": {"image": image.pk, "caption": "装配线", "alt_text": "", "placement": "left"},
        },
        {"type": "paragraph", "value": "<p>装配线旁边的说明文字。</p>"},
        {
            "type": "video",
            "value": {
                "url": "https://www.bilibili.com/video/BV1GJ411x7h7",
                "file": None,
                "caption": "新车间视频",
            },
        },
        {"type": "quote", "value": {"text": "这是新的起点", "attribution": "厂长"}},
        {
            "type": "table",
            "value": {
                "data": [["指标", "数值"], ["产能", "两倍"]],
                "first_row_is_table_header": True,
                "table_header_choice": "row",
                "table_caption": "对比",
            },
        },
    ]


# What a visitor's message holds unless a test says otherwise: the contact form's five fields.
MESSAGE_ANSWERS = {
    "name": "李明",
    "phone": "138 0013 8000",
    "email": "li.ming@example.net",
    "company": "杭州示例贸易有限公司",
    "message": "请问QH系列水泵的交货期是多久？",
}
MESSAGE_STATE = ("handled", "is_spam", "read_at", "note", "delivery", "sent_at", "attempts")


def make_message(page, *, when: datetime | None = None, **values):
    """A stored contact message: answers as the form keeps them, state fields by name."""
    from pressroom.contact.models import ContactMessage

    state = {key: values.pop(key) for key in MESSAGE_STATE if key in values}
    answers = {**MESSAGE_ANSWERS, **values}
    message = ContactMessage.objects.create(page=page, form_data=answers, **state)
    if when is not None:  # submit_time is set on creation: backdate it afterwards
        ContactMessage.objects.filter(pk=message.pk).update(submit_time=when)
        message.refresh_from_db()
    return message


_product_counter = iter(range(1, 10**6))


def make_product_center(home, title="产品中心", slug="products"):
    from pressroom.products.models import ProductIndexPage

    return publish(home, ProductIndexPage(title=title, slug=slug))


def make_product_category(parent, title, slug, **fields):
    from pressroom.products.models import ProductCategoryPage

    return publish(parent, ProductCategoryPage(title=title, slug=slug, **fields))


def make_product(category, *, when=None, **fields):
    """A live product under ``category``, with two specification rows unless told;
    ``when`` backdates its publish times."""
    from pressroom.products.models import ProductPage

    n = next(_product_counter)
    fields.setdefault("title", f"测试产品 {n}")
    fields.setdefault("slug", f"product-{n}")
    fields.setdefault("summary", f"第 {n} 号产品的简介。")
    fields.setdefault(
        "specs",
        [
            {"type": "row", "value": {"name": "流量", "value": "50", "unit": "m³/h"}},
            {"type": "row", "value": {"name": "扬程", "value": "32", "unit": "m"}},
        ],
    )
    return publish(category, ProductPage(**fields), when)


_case_counter = iter(range(1, 10**6))


def make_cases_page(home, title="工程案例", slug="cases"):
    from pressroom.showcase.models import CaseIndexPage

    return publish(home, CaseIndexPage(title=title, slug=slug))


def make_case(cases_page, **fields):
    """A live case under ``cases_page`` (a year is required)."""
    from pressroom.showcase.models import CasePage

    n = next(_case_counter)
    fields.setdefault("title", f"测试案例 {n}")
    fields.setdefault("slug", f"case-{n}")
    fields.setdefault("year", 2025)
    fields.setdefault("client", f"第 {n} 号客户")
    fields.setdefault("place", "浙江 · 杭州")
    return publish(cases_page, CasePage(**fields))


_job_counter = iter(range(1, 10**6))


def make_jobs_page(home, title="人才招聘", slug="jobs", **fields):
    from pressroom.careers.models import JobIndexPage

    return publish(home, JobIndexPage(title=title, slug=slug, **fields))


def make_job(jobs_page, **fields):
    """A live job posting under ``jobs_page`` (posted today, no last day unless told)."""
    from pressroom.careers.models import JobPostingPage

    n = next(_job_counter)
    fields.setdefault("title", f"测试岗位 {n}")
    fields.setdefault("slug", f"job-{n}")
    fields.setdefault("place", "浙江 · 杭州")
    fields.setdefault("department", "技术部")
    fields.setdefault("duties", "<p>负责水泵的结构设计。</p>")
    fields.setdefault("requirements", "<ul><li>机械类本科</li></ul>")
    if fields.get("valid_through"):  # posted a month before its last day, or today if sooner
        from django.utils import timezone

        fields.setdefault(
            "date_posted", min(timezone.localdate(), fields["valid_through"] - timedelta(days=30))
        )
    return publish(jobs_page, JobPostingPage(**fields))


# The smallest well-formed files of each kind a CV may be, and some that only look like one.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


def docx_bytes() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def make_board(parent, title="在线留言", slug="board", **fields):
    from pressroom.board.models import QuestionBoardPage

    return publish(parent, QuestionBoardPage(title=title, slug=slug, **fields))


def make_question(board, *, shown=False, **fields):
    """A visitor's question; ``shown`` makes it approved with a reply."""
    from pressroom.board.models import Question

    values = {"name": "王女士", "text": "请问交货期多久？"}
    if shown:
        values.update(state=Question.State.APPROVED, reply="一般为两周。")
    values.update(fields)
    return Question.objects.create(page=board, **values)
