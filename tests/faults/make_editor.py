"""Sets up a site with a signed-in editor and prints the editor's session cookie (test_signals)."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressroom.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402

from pressroom.pages.setup import create_site_tree  # noqa: E402

create_site_tree()
user = get_user_model().objects.create_superuser("chief", "", "a-long-test-password-1")
client = Client()
client.force_login(user)
print(client.cookies[settings.SESSION_COOKIE_NAME].value, flush=True)
