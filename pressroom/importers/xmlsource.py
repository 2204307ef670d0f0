"""Reading an export file as XML safely: streamed, with no DTD, entity or external reference.

An export never needs a DTD; a file that declares one is refused (XML bombs and external
entities need one). A parse error names the line and column, so the owner knows where the
file is broken (a truncated download, a wrong encoding).
"""

from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from pressroom.importers.report import SourceError


def open_source(path: Path):
    try:
        return path.open("rb")
    except OSError as error:
        raise SourceError(f"Cannot read {path}: {error.strerror or error}.") from error


def elements(path: Path, stream=None) -> Iterator[tuple[str, Element]]:
    """``("start" | "end", element)`` for the file's elements (or ``stream``'s, named
    ``path``), refusing DTDs and entities and turning a parse error into a ``SourceError``
    that names the place."""
    with stream or open_source(path) as stream:
        try:
            yield from iterparse(stream, events=("start", "end"), forbid_dtd=True)
        except DefusedXmlException as error:
            raise SourceError(
                f"{path.name} declares a DTD or entities, which an export never needs: "
                "refused (it could read files or expand without end)."
            ) from error
        except ParseError as error:
            raise SourceError(
                f"{path.name} is not well-formed XML ({error}). Is the file complete and "
                "saved as UTF-8?"
            ) from error


def local_name(tag: str) -> tuple[str, str]:
    """``("{ns}name")`` as (namespace, name)."""
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag
