"""A search field whose indexed text also carries CJK bigrams and English stems."""

from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.search import index

from .text import autocomplete_terms, index_terms

# Field values computed during ``each_value_once``: (id(obj), field name) -> (obj, value).
_computed: ContextVar[dict | None] = ContextVar("computed_search_values", default=None)


@contextmanager
def each_value_once():
    """Within: each object's indexed text of a field is computed once, not three times.

    Wagtail's database backends read every search field of an object three times (for the
    index's title, body and autocomplete columns), and the text of a body is the slow part
    (its HTML stripped, then its extra words). For bulk indexing of objects nothing changes
    meanwhile (``pressroom seed``): not for editing, where a page may change between reads.
    """
    token = _computed.set({})
    try:
        yield
    finally:
        _computed.reset(token)


def flatten(value) -> str:
    """Indexed values as one string (StreamFields give a list of strings)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(flatten(item) for item in value)
    return str(value)


class TextSearchField(index.SearchField):
    """Indexes the field's text followed by its extra words (see ``text.index_terms``).

    It stays a SearchField of the same name, so titles still go to the backends' title
    column and boosts still apply.
    """

    def __init__(self, field_name, replaces=None, **kwargs):
        super().__init__(field_name, **kwargs)
        self.replaces = replaces

    def __eq__(self, other):
        # It stands in for the plain field it replaces: Wagtail's check that a page keeps
        # Page.search_fields (wagtailsearch.W001) looks for those fields by equality.
        return other is self or (other is not None and other is self.replaces)

    __hash__ = index.SearchField.__hash__

    def plain_value(self, obj) -> str:
        """The field's own text, without the extra words (for the site search index)."""
        return flatten(super().get_value(obj))

    def get_value(self, obj):
        computed = _computed.get()
        if computed is not None:
            key = (id(obj), self.field_name)
            if key in computed:
                return computed[key][1]
        text = flatten(super().get_value(obj))
        extra = index_terms(text)
        value = f"{text}\n{extra}" if extra else text
        if computed is not None:
            computed[key] = (obj, value)  # (the object is kept: its id is not reused)
        return value


class TextAutocompleteField(index.AutocompleteField):
    """An autocomplete field (a page's title, for the admin's searches) whose text also
    carries the CJK bigrams and single characters of ``text.autocomplete_terms``: Wagtail
    matches the start of each word, and a Chinese title is one long word to the database."""

    def __init__(self, field_name, replaces=None, **kwargs):
        super().__init__(field_name, **kwargs)
        self.replaces = replaces

    def __eq__(self, other):
        return other is self or (other is not None and other is self.replaces)

    __hash__ = index.AutocompleteField.__hash__

    def get_value(self, obj):
        text = flatten(super().get_value(obj))
        extra = autocomplete_terms(text)
        return f"{text}\n{extra}" if extra else text


def with_word_splitting(search_fields: list) -> list:
    """``search_fields`` with every plain SearchField made a TextSearchField and every plain
    AutocompleteField a TextAutocompleteField."""
    made = []
    for field in search_fields:
        if type(field) is index.SearchField:
            field = TextSearchField(
                field.field_name, boost=field.boost, replaces=field, **field.kwargs
            )
        elif type(field) is index.AutocompleteField:
            field = TextAutocompleteField(field.field_name, replaces=field, **field.kwargs)
        made.append(field)
    return made
