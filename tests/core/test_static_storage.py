"""Hashed static file addresses, worked out once a process."""

import json
from unittest import mock

from django.contrib.staticfiles.storage import HashedFilesMixin

from pressroom.core.storage import ManifestStaticFilesStorage


def test_each_address_is_looked_up_once_and_stays_the_hashed_one(tmp_path, settings):
    settings.DEBUG = False
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"paths": {"css/site.css": "css/site.0a1b2c.css"}, "version": "1.1"})
    )
    storage = ManifestStaticFilesStorage(location=tmp_path, base_url="/static/")
    lookup = HashedFilesMixin._url
    with mock.patch.object(
        HashedFilesMixin, "_url", autospec=True, side_effect=lookup
    ) as django_url:
        first = storage.url("css/site.css")
        again = storage.url("css/site.css")
    assert first == again == "/static/css/site.0a1b2c.css"
    assert django_url.call_count == 1
