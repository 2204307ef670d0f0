"""The message form a new contact page starts with; editors change it in the admin."""

from pressroom.contact.models import ContactFormField, ContactPage

DEFAULT_FIELDS = [
    # clean_name, field_type, required, (label, help text) in Chinese, then in English
    ("name", "singleline", True, ("姓名", ""), ("Name", "")),
    (
        "phone",
        "singleline",
        False,
        ("电话", "手机或座机，例如 138 0000 0000 或 0571-8888 8888"),
        ("Phone", "Mobile or landline, e.g. +86 138 0000 0000"),
    ),
    (
        "email",
        "email",
        False,
        ("邮箱", "电话和邮箱请至少填写一项"),
        ("Email", "Please give a phone number or an email address"),
    ),
    ("company", "singleline", False, ("公司名称", ""), ("Company", "")),
    ("message", "multiline", True, ("留言内容", ""), ("Message", "")),
]

TEXTS = {
    "zh": {
        "privacy_note": (
            "<p>您填写的信息仅用于回复您的咨询，不会提供给第三方。"
            "留言保存在本公司的网站数据库中，处理完毕后定期删除。</p>"
        ),
        "thank_you_text": "<p>感谢您的留言！我们已收到您的信息，将在一个工作日内与您联系。</p>",
        "subject": "网站在线留言",
    },
    "en": {
        "privacy_note": (
            "<p>We use the details you give only to answer your enquiry and never pass them on. "
            "Messages are kept in our website's database and deleted regularly once handled.</p>"
        ),
        "thank_you_text": (
            "<p>Thank you for your message! We have received it and will reply within one "
            "working day.</p>"
        ),
        "subject": "Message from the website",
    },
}


def ensure_message_form(page: ContactPage) -> bool:
    """Give a contact page without form fields the default ones; True if it changed."""
    english = page.locale.language_code.startswith("en")
    labels = set(page.form_fields.values_list("label", flat=True))
    if labels:
        chinese_defaults = {zh[0] for *_rest, zh, _en in DEFAULT_FIELDS}
        if not (english and labels <= chinese_defaults):
            return False
        # An English translation copied the Chinese defaults: replace them.
        page.form_fields.all().delete()
    for order, (key, kind, required, zh, en) in enumerate(DEFAULT_FIELDS):
        label, help_text = en if english else zh
        ContactFormField.objects.create(
            page=page,
            sort_order=order,
            clean_name=key,
            label=label,
            help_text=help_text,
            field_type=kind,
            required=required,
        )
    texts = TEXTS["en" if english else "zh"]
    for field, value in texts.items():
        if not getattr(page, field) or getattr(page, field) == TEXTS["zh"][field]:
            setattr(page, field, value)
    revision = page.save_revision()
    if page.live:
        revision.publish()
    return True
