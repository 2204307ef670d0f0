"""WSGI entry point for application servers (``pressroom.wsgi:application``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressroom.settings")

application = get_wsgi_application()

# Page-cache hits are answered before Django builds a request (docs/caching.md); what is left
# takes one of the worker's few render slots or gets a fast 503 (docs/operations.md, Overload).
from pressroom.operations.admission import AdmissionApp  # noqa: E402
from pressroom.pagecache.wsgi import CachedPagesApp  # noqa: E402

admission = AdmissionApp(application)
application = CachedPagesApp(admission)
# A request refused a render slot looks in the page cache once more: the page it waited for
# may have been stored meanwhile, and a cached page is never refused.
admission.second_look = application.hit
