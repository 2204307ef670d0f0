"""资料下载: the company's documents to download (catalogues, manuals, certificates), in the
categories an editor names, each with its type and size.

The files are Wagtail documents and every link is Wagtail's document view
(``/documents/<id>/<name>``), which checks the document's collection privacy: a document in a
private collection is listed with a lock and "sign in to download" for everyone (the page is
the same for every visitor, so the page cache may keep it), and only a signed-in visitor
allowed by the collection gets the file. A download counter can count at that view.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import CollectionViewRestriction, Page
from wagtail.search import index

from pressroom.core.models import BasePage
from pressroom.downloads.blocks import CategoryBlock
from pressroom.search.fields import with_word_splitting


def restricted_collection_paths() -> list[str]:
    """Tree paths of collections with a view restriction (their descendants are private too)."""
    return list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))


class DownloadsPage(BasePage):
    """资料下载: categories of files, each with its type and size; private ones locked."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    categories = StreamField(
        [("category", CategoryBlock())], verbose_name=_("categories"), blank=True
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("categories")]
    search_fields = with_word_splitting(
        Page.search_fields + [index.SearchField("intro"), index.SearchField("categories")]
    )
    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "downloads/downloads_page.html"

    class Meta:
        verbose_name = _("downloads page")
        verbose_name_plural = _("downloads pages")

    @classmethod
    def searchable_in(cls, locale):
        """The site search's protocol (pressroom.search.query): live, public pages."""
        return cls.objects.live().public().filter(locale=locale)

    def listing(self) -> list[dict]:
        """Each category with its files: document, title, type, size and whether it is locked.

        Files whose document was deleted are left out; a category left empty is too.
        """
        private = restricted_collection_paths()
        listing = []
        for block in self.categories:
            files = []
            for item in block.value["files"]:
                document = item["document"]
                if document is None:
                    continue
                path = document.collection.path if document.collection_id else ""
                files.append(
                    {
                        "document": document,
                        "title": item["title"] or document.title,
                        "description": item["description"],
                        "type": document.file_extension.upper(),
                        "size": document.get_file_size(),
                        "locked": any(path.startswith(p) for p in private),
                    }
                )
            if files:
                listing.append({"heading": block.value["heading"], "files": files})
        return listing

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories_listed"] = self.listing()
        return context
