"""A page that lists the pages below it a page at a time, numbered on the path (``page/2/``,
decision 0001), as the product center and the cases page do.

A page type gives ``listed_items()`` (a queryset) and ``items_per_page()``, and names the
context variable of the listed items in ``listed_items_context`` (also the head's protocol
for ``ItemList`` JSON-LD). An old ``?page=N`` link is sent to its address; ``page/1/`` to the
list's own; a page past the end is a 404.
"""

from math import ceil

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class NumberedListMixin(RoutablePageMixin):
    listed_items_context: str

    def listed_items(self):
        raise NotImplementedError

    def items_per_page(self) -> int:
        raise NotImplementedError

    def list_url(self, category=None, tag=None, number=1) -> str:
        """One page of the list (the pagination include's protocol; no categories or tags
        in the address)."""
        return self.url + (f"page/{number}/" if number > 1 else "")

    def get_cached_paths(self):
        """Wagtail's hook for frontend-cache purges: every numbered page of the list and
        the one past the end (it 404s once the list shrinks)."""
        last = max(1, ceil(self.listed_items().count() / self.items_per_page())) + 1
        return ["/"] + [f"/page/{number}/" for number in range(2, last + 1)]

    def render_list(self, request, number: int):
        paginator = Paginator(
            self.listed_items(), self.items_per_page(), allow_empty_first_page=True
        )
        try:
            page_obj = paginator.page(number)
        except EmptyPage as exc:
            raise Http404(_("No such page.")) from exc
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                self.listed_items_context: page_obj.object_list,
                "page_range": paginator.get_elided_page_range(number, on_each_side=2),
            },
        )

    @path("")
    def index_view(self, request):
        if "page" in request.GET:  # an old ?page=N link
            number = request.GET["page"]
            if not (number.isdigit() and 0 < len(number) < 10 and int(number)):
                raise Http404(_("No such page."))
            return redirect(self.list_url(number=int(number)), permanent=True)
        return self.render_list(request, 1)

    @path("page/<int:number>/")
    def page_view(self, request, number):
        if number == 1:
            return redirect(self.list_url(), permanent=True)
        return self.render_list(request, number)
