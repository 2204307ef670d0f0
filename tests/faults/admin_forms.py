"""The form data a browser posts to Wagtail's admin to create (and publish) a news article,
shared by tests and by the worker processes the fault drills start."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def article_form(title="标题", slug="", *, publish=True, text=None, **fields):
    """An article's add/edit form: ``title`` and ``slug``, a one-paragraph body (``text``,
    HTML), empty attribution and tags unless ``fields`` say otherwise; the publish button
    pressed unless ``publish`` is false."""
    data = {
        "title": title,
        "slug": slug,
        "summary": f"摘要 {title}",
        "author": "",
        "source_name": "",
        "source_url": "",
        "tags": "",
        "body": streamfield([("paragraph", rich_text(text or f"<p>正文 {title}</p>"))]),
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
    }
    if publish:
        data["action-publish"] = "publish"
    data.update(fields)
    return nested_form_data(data)
