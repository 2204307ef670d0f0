"""A search field whose indexed text also carries CJK bigrams and English stems."""

from wagtail.search import index

from .text import index_terms


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

    def get_value(self, obj):
        text = flatten(super().get_value(obj))
        extra = index_terms(text)
        return f"{text}\n{extra}" if extra else text


def with_word_splitting(search_fields: list) -> list:
    """``search_fields`` with every plain SearchField made a TextSearchField."""
    return [
        TextSearchField(field.field_name, boost=field.boost, replaces=field, **field.kwargs)
        if type(field) is index.SearchField
        else field
        for field in search_fields
    ]
