"""WSGI entry point for application servers (``pressroom.wsgi:application``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressroom.settings")

application = get_wsgi_application()

# Page-cache hits are answered before Django builds a request (docs/caching.md).
from pressroom.pagecache.wsgi import CachedPagesApp  # noqa: E402

application = CachedPagesApp(application)
