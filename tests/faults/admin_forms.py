"""The form data a browser posts to Wagtail's admin to create and publish a news article
(shared by the worker processes the fault drills start)."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def article_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": f"摘要 {title}",
            "author": "",
            "source_name": "",
            "source_url": "",
            "tags": "",
            "body": streamfield([("paragraph", rich_text(f"<p>正文 {title}</p>"))]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            "action-publish": "publish",
        }
    )
