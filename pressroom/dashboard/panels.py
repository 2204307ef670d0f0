"""The dashboard panel of the work waiting for an editor, and its shortcuts.

A Wagtail dashboard component (``construct_homepage_panels``): counts of unhandled messages,
pages waiting for approval, pages scheduled to go live and English pages older than their
Chinese original, each with where to deal with it, then buttons for the everyday jobs.
"""

from dataclasses import dataclass

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, Revision, WorkflowState

from pressroom.i18n.behind import translations_behind

# Shortcut buttons: the page type each adds, when that type is installed (products come with
# the products app), under the first parent page in the default language the user may add to.
SHORTCUTS = [
    ("news.NewsArticlePage", _("Publish news")),
    ("products.ProductPage", _("Add a product")),
]
LISTED = 5


@dataclass
class Count:
    label: str
    number: int
    url: str | None


def admin_url(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def unhandled_messages(user) -> Count | None:
    """Visitors' messages nobody has marked handled; None for those who may not read them."""
    if not user.has_perm("contact.view_contactmessage"):
        return None
    from pressroom.contact.models import ContactMessage

    number = ContactMessage.objects.filter(handled=False).count()
    return Count(_("Unhandled messages"), number, admin_url("contact_message:index"))


def in_moderation() -> Count:
    number = WorkflowState.objects.active().count()
    return Count(_("Waiting for approval"), number, admin_url("wagtailadmin_reports:workflow"))


def scheduled_pages() -> list[tuple[Page, object]]:
    """The pages with a revision approved to go live later, soonest first: (page, when)."""
    revisions = (
        Revision.page_revisions.filter(approved_go_live_at__isnull=False)
        .order_by("approved_go_live_at")
        .values_list("object_id", "approved_go_live_at")
    )
    when = {int(object_id): at for object_id, at in revisions}
    pages = Page.objects.filter(pk__in=when).specific(defer=True)
    return sorted(((page, when[page.pk]) for page in pages), key=lambda pair: pair[1])


def shortcuts(user) -> list[tuple[str, str]]:
    """(label, add-page address) for each shortcut whose page type exists and can be added."""
    found = []
    default = Locale.get_default()
    for label, text in SHORTCUTS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        parents = Page.objects.type(*model.allowed_parent_page_models()).filter(locale=default)
        for parent in parents.order_by("path").specific(defer=True):
            if model.can_create_at(parent) and parent.permissions_for_user(user).can_add_subpage():
                meta = model._meta
                add = [meta.app_label, meta.model_name, parent.pk]
                found.append((text, reverse("wagtailadmin_pages:add", args=add)))
                break
    return found


class WorkPanel(Component):
    """What is waiting for the signed-in editor, first on the dashboard."""

    name = "pressroom_work"
    template_name = "dashboard/work_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        user = self.request.user
        scheduled = scheduled_pages()
        behind = list(translations_behind().specific(defer=True)[: LISTED + 1])
        behind_count = translations_behind().count() if len(behind) > LISTED else len(behind)
        counts = [
            unhandled_messages(user),
            in_moderation(),
            Count(_("Scheduled to publish"), len(scheduled), None),
            Count(_("English pages to update"), behind_count, None),
        ]
        return {
            "counts": [count for count in counts if count is not None],
            "scheduled": scheduled[:LISTED],
            "behind": behind[:LISTED],
            "shortcuts": shortcuts(user),
        }

    class Media:
        css = {"all": ["dashboard/dashboard.css"]}
