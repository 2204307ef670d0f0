"""The question form: name, an optional email for the reply, the question; the contact form's
spam traps (honeypot, signed time stamp) and its checks on one-line and multi-line text."""

import django.forms
from django.utils.translation import gettext_lazy as _

from pressroom.board.limits import EMAIL_MAX, NAME_MAX, TEXT_MAX
from pressroom.contact.forms import ContactForm, validate_multi_line, validate_single_line


class QuestionForm(ContactForm):
    """Three fields, plus the traps ``ContactForm`` adds; ``is_spam`` when a robot filled one."""

    name = django.forms.CharField(
        label=_("Your name"), max_length=NAME_MAX, validators=[validate_single_line]
    )
    email = django.forms.EmailField(
        label=_("Email (optional)"),
        max_length=EMAIL_MAX,
        required=False,
        help_text=_("Only to tell you when we have replied; never shown on the site."),
    )
    text = django.forms.CharField(
        label=_("Your question"),
        max_length=TEXT_MAX,
        validators=[validate_multi_line],
        widget=django.forms.Textarea(attrs={"rows": 6}),
    )

    def visible_message_fields(self):
        return [self["name"], self["email"], self["text"]]
