"""The admin's page form: every page type's, with web addresses made readable (``core.slugs``)."""

from wagtail.admin.forms import WagtailAdminPageForm

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
