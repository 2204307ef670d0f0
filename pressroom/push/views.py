from django.http import Http404, HttpResponse
from wagtail.models import Site

from pressroom.push.models import PushSettings


def indexnow_key(request, key: str):
    """``/<key>.txt``: the IndexNow key of this site, which is how IndexNow checks that the
    addresses it is told about come from the site's owner."""
    site = Site.find_for_request(request)
    if (
        site is None
        or not PushSettings.objects.filter(site=site, indexnow=True, indexnow_key=key).exists()
    ):
        raise Http404
    return HttpResponse(key, content_type="text/plain; charset=utf-8")
