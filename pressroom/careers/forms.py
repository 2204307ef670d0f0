"""The apply form: who, how to reach them, a few words, and a CV checked by its content."""

import re

import django.forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from pressroom.contact.forms import (
    MAX_LENGTHS,
    MULTI_LINE_MAX,
    SpamTrapsMixin,
    validate_multi_line,
    validate_phone,
    validate_single_line,
)
from pressroom.security.document_types import document_type, matches_name

CV_TYPES = ("pdf", "doc", "docx")
# Characters that make a file name read differently from what it is (bidi overrides,
# zero-width marks, controls): dropped from the name the admin shows.
MISLEADING = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def cv_max_size() -> int:
    return int(getattr(settings, "PRESSROOM_CAREERS_CV_MAX_SIZE", 10 * 1024 * 1024))


def shown_name(filename: str, kind: str) -> str:
    """The visitor's file name, made safe to show and to send in a download's header."""
    stem = MISLEADING.sub("", filename).rpartition(".")[0] or "cv"
    try:
        stem = get_valid_filename(stem)
    except Exception:  # nothing left of it (Django refuses "" and "..")
        stem = "cv"
    return f"{stem[:100]}.{kind}"


class ApplicationForm(SpamTrapsMixin, django.forms.Form):
    name = django.forms.CharField(
        label=_("Name"),
        max_length=MAX_LENGTHS["name"],
        validators=[validate_single_line],
        error_messages={"required": _("Please enter your name.")},
    )
    phone = django.forms.CharField(
        label=_("Phone"),
        max_length=MAX_LENGTHS["phone"],
        validators=[validate_single_line, validate_phone],
        error_messages={"required": _("Please enter a phone number.")},
    )
    email = django.forms.EmailField(
        label=_("Email"),
        max_length=MAX_LENGTHS["email"],
        error_messages={"required": _("Please enter an email address.")},
    )
    message = django.forms.CharField(
        label=_("About you"),
        required=False,
        max_length=MULTI_LINE_MAX,
        validators=[validate_multi_line],
        widget=django.forms.Textarea(attrs={"rows": 5}),
    )
    cv = django.forms.FileField(
        label=_("CV"),
        error_messages={
            "required": _("Please attach your CV."),
            "empty": _("The CV file is empty."),
        },
        widget=django.forms.ClearableFileInput(
            attrs={
                "accept": ".pdf,.doc,.docx,application/pdf,application/msword,"
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_spam_traps()
        self.fields["cv"].help_text = _("PDF, DOC or DOCX, at most %(size)s.") % {
            "size": filesizeformat(cv_max_size())
        }
        self.cv_kind = None

    def clean_cv(self):
        upload = self.cleaned_data["cv"]
        if upload.size > cv_max_size():
            raise ValidationError(
                _("The CV is larger than %(size)s. Please send a smaller file.")
                % {"size": filesizeformat(cv_max_size())},
                code="too_large",
            )
        kind = document_type(upload)
        if kind not in CV_TYPES or not matches_name(kind, upload.name):
            raise ValidationError(
                _("The CV must be a PDF, DOC or DOCX document, and this file is not one."),
                code="not_a_document",
            )
        self.cv_kind = kind
        return upload

    def clean(self):
        cleaned = super().clean()
        self.check_spam_traps(cleaned)
        return cleaned

    def submission_data(self) -> dict:
        """The answers stored with the message (the CV is its attached file)."""
        return {
            key: self.cleaned_data.get(key, "") for key in ("name", "phone", "email", "message")
        }

    def cv_name(self) -> str:
        return shown_name(self.cleaned_data["cv"].name, self.cv_kind or "pdf")
