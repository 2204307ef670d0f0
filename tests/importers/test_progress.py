"""The console's progress: redrawn in place on a terminal, a plain line every N items in a
log, and never mixed into the report on stdout."""

from io import StringIO

import pytest
from django.core.management.base import OutputWrapper

from pressroom.importers.progress import Progress
from tests.importers.conftest import WXR, run_import


class Terminal(StringIO):
    def isatty(self):
        return True


def test_a_log_gets_a_plain_line_every_n_items():
    out = StringIO()
    progress = Progress(OutputWrapper(out), every=2)
    for kind in ["post", "post", "page", "image", "post"]:
        progress(kind)
    progress.finish()
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 and "\r" not in out.getvalue()
    assert lines[0].startswith("… 2 items (2 post)")
    assert lines[1].startswith("… 4 items (1 image, 1 page, 2 post)")
    assert lines[2].startswith("… 5 items (1 image, 1 page, 3 post)")  # the last count


def test_a_terminal_gets_one_line_redrawn():
    out = Terminal()
    progress = Progress(OutputWrapper(out), every=2, interval=0)
    for _ in range(3):
        progress("article")
    progress.finish()
    text = out.getvalue()
    assert text.count("\r") == 4 and text.count("\n") == 1
    assert text.rstrip().endswith("/s") and "… 3 items (3 article)" in text


@pytest.mark.django_db
def test_the_import_reports_progress_on_stderr_only(home, uploads):
    err = StringIO()
    report = run_import("wordpress", WXR, "--media", uploads, stderr=err)
    assert "items (" not in report
    lines = err.getvalue().splitlines()  # fewer than 100 items: the last count only
    assert len(lines) == 1 and " items (100%) (" in lines[0]
