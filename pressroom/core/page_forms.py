"""The admin's page form: every page type's, with web addresses made readable (``core.slugs``)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminDateTimeInput

from pressroom.core.slugs import free_slug, readable_slug


class ReadableSlugMixin:
    """A page form whose slug is pinyin when the editor's (or the one Wagtail's editor made
    from the title) holds Chinese or other non-ASCII letters.

    Only a new slug is rewritten: a page keeps the address it has, so saving an older page
    with a Chinese slug never breaks the links to it.
    """

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        title = self.cleaned_data.get("title", "")
        is_new_address = self.instance.pk is None or slug != self.instance.slug
        if not is_new_address or (slug and slug.isascii()):
            return slug
        readable = readable_slug(slug or title)
        if not readable:
            return slug  # nothing to spell: Wagtail's own rules apply
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        siblings = parent.get_children()
        if self.instance.pk is not None:
            siblings = siblings.exclude(pk=self.instance.pk)
        return free_slug(readable, siblings)


class PageForm(ReadableSlugMixin, WagtailAdminPageForm):
    """The form of every Pressroom page type (``BasePage.base_form_class``)."""


class SchedulingPageForm(PageForm):
    """A page form with 定时发布 as a field of the form itself, for page types that are often
    published later (news). Wagtail keeps the schedule in the status side panel's dialog
    (``go_live_at``); an editor filing news looks for it in the form, beside 发布日期.

    The field mirrors ``go_live_at``: it shows the schedule still ahead, and a change made
    here becomes the page's schedule. The side panel's dialog keeps working: when this field is
    left as it was, the dialog's value stands. A page type using this form puts
    ``FieldPanel("publish_at")`` in its panels: unrendered, the field would read as emptied.
    """

    publish_at = forms.DateTimeField(
        label=_("Schedule publishing"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=_(
            "Empty: the page goes live when you press Publish. A time ahead: pressing Publish"
            " schedules it for that time, as “Schedule to publish” in the status panel does."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ahead = self.instance.go_live_at
        if ahead is not None and ahead > timezone.now():
            self.initial.setdefault("publish_at", ahead)

    def clean(self):
        if "publish_at" in self.changed_data:
            when = self.cleaned_data.get("publish_at")
            if when is not None and when <= timezone.now():
                self.add_error(
                    "publish_at",
                    _("This time has passed. To publish now, leave it empty and press Publish."),
                )
            else:
                self.cleaned_data["go_live_at"] = when
        return super().clean()
