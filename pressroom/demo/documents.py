"""The demo's downloadable files: small one-page PDFs it writes itself, and the collection of
files only signed-in visitors may download."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

PRIVATE_COLLECTION = "会员资料"


def pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def one_page_pdf(lines: list[str]) -> bytes:
    """A valid one-page A4 PDF showing ``lines`` (ASCII) in Helvetica."""
    content = (
        "BT /F1 16 Tf 72 760 Td 22 TL "
        + " ".join(f"({pdf_escape(line)}) '" for line in lines)
        + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("ascii")
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode("ascii")
    return out


def private_collection() -> Collection:
    """The collection of files for signed-in visitors only (made once)."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PRIVATE_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=PRIVATE_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


def ensure_pdf(name: str, title: str, text: str, private: bool = False):
    """The demo document ``title`` (a PDF named ``name``.pdf saying ``text``), made once."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        collection = private_collection() if private else Collection.get_first_root_node()
        document = Document(title=title, collection=collection)
        lines = [text, "", "Qinghe Fluid (demo company).", "This file was made for the demo site."]
        document.file.save(f"{name}.pdf", ContentFile(one_page_pdf(lines)), save=False)
        document.save()
    return document
