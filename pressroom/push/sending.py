"""Send the queued addresses: one request per site and service per pass, retried, bounded.

- **IndexNow** (``PRESSROOM_INDEXNOW_ENDPOINT``): a JSON list of up to ``BATCH`` addresses of
  one host with the site's key; 200 and 202 mean received.
- **Baidu** (``PRESSROOM_BAIDU_PUSH_ENDPOINT``): the addresses one per line, with the site and
  the owner's token; the answer says how many were taken and how many remain today.
- A time-out, a refused connection, 429 or a 5xx: the batch waits (1, 2, 4 … minutes, up to 6
  hours, or the ``Retry-After`` given) and is sent again, ``MAX_ATTEMPTS`` times in all. Any
  other answer (a wrong key or token, addresses of another site) marks the batch failed with
  the answer, for the owner to read in Reports → 搜索引擎推送.
- Per day (the site's time zone) at most ``DAILY_LIMITS`` addresses a service, and for Baidu
  no more once its answer says none remain today: the rest wait for tomorrow.

``send_due`` runs in ``pressroom scheduler``'s loop (``PRESSROOM_SCHEDULER_JOBS``).
"""

import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from pressroom.push.models import PushedUrl, PushSettings

logger = logging.getLogger(__name__)

BATCH = 500
TIMEOUT = 10
MAX_ATTEMPTS = 8
LONGEST_WAIT = timedelta(hours=6)
DAILY_LIMITS = {"indexnow": 10_000, "baidu": 3_000}


class Answer:
    """What a service said: ``sent``, ``retry`` (with an optional wait) or ``refused``."""

    def __init__(self, outcome: str, text: str, wait: timedelta | None = None, done_today=False):
        self.outcome, self.text, self.wait, self.done_today = outcome, text[:500], wait, done_today


def post(url: str, body: bytes, content_type: str) -> tuple[int, str, dict]:
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": content_type}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.read(2000).decode("utf-8", "replace"), {}
    except urllib.error.HTTPError as error:
        text = error.read(2000).decode("utf-8", "replace")
        return error.code, text, dict(error.headers or {})


def classify(status: int, text: str, headers: dict) -> Answer:
    if status in (200, 202):
        return Answer("sent", text or str(status))
    if status == 429 or status >= 500:
        wait = None
        retry_after = headers.get("Retry-After", "")
        if retry_after.isdigit():
            wait = min(timedelta(seconds=int(retry_after)), LONGEST_WAIT)
        return Answer("retry", f"{status} {text}".strip(), wait)
    return Answer("refused", f"{status} {text}".strip())


def send_indexnow(options: PushSettings, site_root: str, urls: list[str]) -> Answer:
    host = urllib.parse.urlsplit(site_root).hostname or ""
    body = json.dumps(
        {
            "host": host,
            "key": options.indexnow_key,
            "keyLocation": f"{site_root.rstrip('/')}/{options.indexnow_key}.txt",
            "urlList": urls,
        }
    ).encode()
    endpoint = settings.PRESSROOM_INDEXNOW_ENDPOINT
    return classify(*post(endpoint, body, "application/json; charset=utf-8"))


def send_baidu(options: PushSettings, site_root: str, urls: list[str]) -> Answer:
    query = urllib.parse.urlencode(
        {"site": options.baidu_site or site_root, "token": options.baidu_token}
    )
    endpoint = f"{settings.PRESSROOM_BAIDU_PUSH_ENDPOINT}?{query}"
    status, text, headers = post(endpoint, "\n".join(urls).encode(), "text/plain")
    answer = classify(status, text, headers)
    try:
        said = json.loads(text)
    except ValueError:
        return answer
    if not isinstance(said, dict):
        return answer
    if answer.outcome == "sent":
        answer.done_today = said.get("remain") == 0
        if not said.get("success") and said.get("not_same_site"):
            return Answer("refused", text)
    elif "over quota" in str(said.get("message", "")):
        return Answer("retry", text, done_today=True)
    return answer


SENDERS = {"indexnow": send_indexnow, "baidu": send_baidu}


def start_of_tomorrow(now: datetime) -> datetime:
    today = timezone.localtime(now).date()
    return timezone.make_aware(datetime.combine(today + timedelta(days=1), datetime.min.time()))


def backoff(attempts: int) -> timedelta:
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), LONGEST_WAIT)


def never() -> bool:
    return False


def send_due(should_stop: Callable[[], bool] = never, now: datetime | None = None) -> str:
    """Send what is due, one batch per site and service; returns what happened ("" when
    nothing was due)."""
    now = now or timezone.now()
    due = PushedUrl.objects.filter(state=PushedUrl.WAITING, next_attempt_at__lte=now)
    groups = due.values_list("site_id", "engine").distinct().order_by("site_id", "engine")
    report = []
    for site_id, engine in list(groups):
        if should_stop():
            break
        report.append(send_group(site_id, engine, now))
    return " ".join(r for r in report if r)


def send_group(site_id: int, engine: str, now: datetime) -> str:
    options = PushSettings.objects.filter(site_id=site_id).select_related("site").first()
    waiting = PushedUrl.objects.filter(
        site_id=site_id, engine=engine, state=PushedUrl.WAITING, next_attempt_at__lte=now
    ).order_by("next_attempt_at", "pk")
    if options is None or engine not in options.engines():
        count = waiting.update(state=PushedUrl.FAILED, answer="Turned off in the settings.")
        return f"{engine}: {count} dropped (turned off)."
    midnight = timezone.make_aware(
        datetime.combine(timezone.localtime(now).date(), datetime.min.time())
    )
    sent_today = PushedUrl.objects.filter(
        site_id=site_id, engine=engine, state=PushedUrl.SENT, answered_at__gte=midnight
    ).count()
    room = DAILY_LIMITS[engine] - sent_today
    if room <= 0:
        waiting.update(next_attempt_at=start_of_tomorrow(now))
        return f"{engine}: today's {DAILY_LIMITS[engine]} sent; the rest wait for tomorrow."
    batch = list(waiting[: min(BATCH, room)])
    if not batch:
        return ""
    urls = list(dict.fromkeys(row.url for row in batch))
    try:
        answer = SENDERS[engine](options, options.site.root_url, urls)
    except (OSError, ValueError) as error:  # time-outs, refused connections, bad addresses
        answer = Answer("retry", f"{type(error).__name__}: {error}")
    ids = [row.pk for row in batch]
    rows = PushedUrl.objects.filter(pk__in=ids)
    attempts = max(row.attempts for row in batch) + 1
    tried = {"answered_at": now, "answer": answer.text, "attempts": F("attempts") + 1}
    if answer.outcome == "sent":
        rows.update(state=PushedUrl.SENT, **tried)
        if answer.done_today:
            waiting.update(next_attempt_at=start_of_tomorrow(now))
        return f"{engine}: {len(ids)} sent."
    if answer.outcome == "retry" and attempts < MAX_ATTEMPTS:
        when = (
            start_of_tomorrow(now)
            if answer.done_today
            else now + (answer.wait or backoff(attempts))
        )
        rows.update(next_attempt_at=when, **tried)
        logger.warning("Search engine push to %s waits until %s: %s", engine, when, answer.text)
        return f"{engine}: {len(ids)} wait ({answer.text[:60]})."
    rows.update(state=PushedUrl.FAILED, **tried)
    logger.warning("Search engine push to %s failed: %s", engine, answer.text)
    return f"{engine}: {len(ids)} failed ({answer.text[:60]})."
