"""What kind of document a visitor's file really is, read from its first bytes, not its name.

Used by forms that take files from the public (a CV): a file is accepted only when its name's
extension and its content agree (an executable renamed ``.pdf`` is neither).
"""

import zipfile

PDF_MAGIC = b"%PDF-"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc) and other OLE2 files
ZIP_MAGIC = b"PK\x03\x04"
# The part every Word 2007+ (.docx) package has (ECMA-376 part 2).
DOCX_MAIN_PART = "word/document.xml"
# A .docx with more parts than this is not a CV: listing them stays cheap.
MAX_ZIP_ENTRIES = 5000


def document_type(upload) -> str | None:
    """ "pdf", "doc" or "docx" when ``upload`` (a Django UploadedFile) holds one, else None.

    Reads the first bytes, and for a ZIP its central directory only (never inflates a part),
    so a hostile file costs no more than its directory.
    """
    upload.seek(0)
    head = upload.read(8)
    try:
        if head.startswith(PDF_MAGIC):
            return "pdf"
        if head == OLE2_MAGIC:
            return "doc"
        if head.startswith(ZIP_MAGIC):
            upload.seek(0)
            try:
                with zipfile.ZipFile(upload) as package:
                    names = package.namelist()
            except (zipfile.BadZipFile, OSError, ValueError, EOFError):
                return None
            if len(names) <= MAX_ZIP_ENTRIES and DOCX_MAIN_PART in names:
                return "docx"
        return None
    finally:
        upload.seek(0)


def matches_name(kind: str | None, filename: str) -> bool:
    """Whether ``filename``'s extension names the ``kind`` of document the content is."""
    extension = filename.rpartition(".")[2].lower() if "." in filename else ""
    return kind is not None and extension == kind
