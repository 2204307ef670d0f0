"""An hour of a working day against `pressroom serve`: `make soak` (`--minutes N` to run short).

Makes the demo site in a fresh data folder, serves it on 127.0.0.1 with `pressroom serve`
(production settings, SQLite, the file cache, the mail worker, the scheduler and the import
worker beside the app server) and sends, all at once and on fixed schedules:

- visitors: home, news lists (page 1 cached, later pages and `?sort` variants uncached),
  articles, products, the English site, the sitemap and the RSS feed;
- searches: Chinese, English and mixed queries;
- contact posts: distinct valid messages, each from its own address (the pretend proxy on
  127.0.0.1 names it in X-Forwarded-For), so no address reaches its limit;
- editors: signed in to the admin (one after another, before the clock starts), each saving
  and publishing their own article through Wagtail's edit form;
- the scheduler: articles whose go-live times are spread over the run.

Every answer that is not the expected status counts as an error (0 expected), and so does a
contact post answered with anything but the thank-you page, an acknowledged message missing
from the database at the end, or a scheduled article that did not go live. The resident
memory (RSS) of every process of the server is sampled each 30 s; growth is measured from
the end of the warm-up (the first fifth of the run, at most 5 minutes) to the end (≤ 5 %
expected for each app server worker). Writes bench/results/soak-<time>.md and exits 1 when
an error was seen or a worker grew by more than 5 %.
"""

import argparse
import heapq
import http.cookiejar
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

from run import children_of, free_port, rss_mb, stop

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
PASSWORD = "soak-" + "r5Tn" * 5
SEARCHES = ["泵", "水泵", "测试仪器", "展会", "pump", "quality", "QH-80 水泵", "新品 launch"]
SLOWEST_KEPT = 5  # the slowest answers of each kind, with the time, shown in the report
GROWTH_LIMIT = 5.0  # per cent, per app server worker


def threads_of(pid: int) -> int:
    """How many threads the process has (each thread of an app server worker that serves
    requests keeps its own database connection)."""
    match = re.search(r"Threads:\s+(\d+)", Path(f"/proc/{pid}/status").read_text())
    return int(match.group(1)) if match else 0


def site_env(data: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PRESSROOM_", "DJANGO_", "DATABASE_URL", "REDIS_URL", "EMAIL_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="pressroom.settings",
        PRESSROOM_DATA_DIR=str(data),
        PRESSROOM_DEBUG="0",
        PRESSROOM_LOG_LEVEL="ERROR",
        PRESSROOM_TRUSTED_PROXIES="127.0.0.1",
        PRESSROOM_ADMIN_USER="admin",
        PRESSROOM_ADMIN_PASSWORD=PASSWORD,
        SECRET_KEY="soak-" + "q8Zr4Lx2Pw" * 6,
        ALLOWED_HOSTS="127.0.0.1",
        PYTHONPATH=str(ROOT),
    )
    return env


def shell(env: dict, code: str) -> dict:
    out = subprocess.run(
        [PYTHON, "-W", "ignore", "-m", "pressroom", "shell", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


SETUP = """
import json
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Site
from pressroom.contact.models import ContactPage
from pressroom.core.models import CompanyInfo
from pressroom.news.models import NewsArticlePage, NewsIndexPage
from pressroom.products.models import ProductPage

site = Site.objects.get(is_default_site=True)
info = CompanyInfo.for_site(site)
info.email = 'sales@example.com'
info.save()
user = get_user_model().objects.get(username='admin')
index = NewsIndexPage.objects.live().filter(locale__language_code='zh-hans').first()
editors = []
for n in range(EDITORS):
    article = NewsArticlePage(title=f'编辑 {n} 的文章', slug=f'soak-editor-{n}', summary='摘要')
    index.add_child(instance=article)
    article.save_revision(user=user).publish(user=user)
    editors.append([article.pk, article.slug])
now = timezone.now()
scheduled = []
for n in range(SCHEDULED):
    article = NewsArticlePage(
        title=f'定时发布 {n}', slug=f'soak-scheduled-{n}', summary='摘要', live=False
    )
    index.add_child(instance=article)
    article.go_live_at = now + timedelta(seconds=LEAD + 0.8 * SECONDS * (n + 0.5) / SCHEDULED)
    article.save_revision(user=user).publish(user=user)
    scheduled.append(article.pk)
articles = [a.url for a in NewsArticlePage.objects.live().exclude(slug__startswith='soak-')[:60]]
products = [p.url for p in ProductPage.objects.live()[:20]]
contact = ContactPage.objects.live().filter(locale__language_code='zh-hans').first()
print(json.dumps({
    'editors': editors, 'scheduled': scheduled, 'articles': articles, 'products': products,
    'contact': contact.url, 'news': index.url,
}))
"""

CHECK = """
import json
from pressroom.contact.models import ContactMessage
from pressroom.news.models import NewsArticlePage
stored = set()
for data in ContactMessage.objects.values_list('form_data', flat=True).iterator():
    text = (data or {}).get('message', '')
    if text.startswith('浸泡测试 '):
        stored.add(text.split()[1])
print(json.dumps({
    'stored': sorted(stored),
    'scheduled_live': NewsArticlePage.objects.filter(pk__in=SCHEDULED_PKS, live=True).count(),
}))
"""


class Tally:
    """Answers per kind: counts, latencies, errors (kept to the first few of each kind)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.count = Counter()
        self.latency = defaultdict(list)
        self.errors = defaultdict(list)
        self.error_count = Counter()
        self.slowest = defaultdict(list)  # per kind, a heap of (seconds, clock time, what)

    def ok(self, kind: str, seconds: float, what: str = "") -> None:
        with self.lock:
            self.count[kind] += 1
            self.latency[kind].append(seconds)
            slowest = self.slowest[kind]
            if len(slowest) < SLOWEST_KEPT or seconds > slowest[0][0]:
                entry = (seconds, time.strftime("%H:%M:%S"), what)
                (heapq.heappush if len(slowest) < SLOWEST_KEPT else heapq.heapreplace)(
                    slowest, entry
                )

    def error(self, kind: str, text: str) -> None:
        with self.lock:
            self.count[kind] += 1
            self.error_count[kind] += 1
            if len(self.errors[kind]) < 10:
                self.errors[kind].append(f"{time.strftime('%H:%M:%S')} {text}")


def fetch(opener, url: str, data: dict | None = None, headers=None, timeout=30):
    body = None if data is None else urllib.parse.urlencode(data, doseq=True).encode()
    request = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.read().decode(errors="replace"), response.url
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace"), url


def paced(stop_at: float, per_second: float, action, rng: random.Random) -> None:
    """Calls ``action`` on a fixed schedule: a slow answer does not slow the schedule, and
    calls the server could not take in time are not made after the end."""
    if per_second <= 0:
        return
    next_at = time.time() + rng.uniform(0, 1 / per_second)
    while next_at < stop_at and time.time() < stop_at:
        delay = next_at - time.time()
        if delay > 0:
            time.sleep(delay)
        action()
        next_at += 1 / per_second


def visitor_loop(base, paths, tally, stop_at, rate, seed):
    rng = random.Random(seed)
    opener = urllib.request.build_opener()

    def one():
        path = rng.choice(paths)
        began = time.perf_counter()
        try:
            status, _body, _url = fetch(opener, base + path)
        except OSError as exc:
            tally.error("visitor", f"{path}: {type(exc).__name__}: {exc}")
            return
        if status == 200:
            tally.ok("visitor", time.perf_counter() - began, path)
        else:
            tally.error("visitor", f"{path}: HTTP {status}")

    paced(stop_at, rate, one, rng)


def search_loop(base, tally, stop_at, rate, seed):
    rng = random.Random(seed)
    opener = urllib.request.build_opener()

    def one():
        query = rng.choice(SEARCHES)
        prefix = rng.choice(["", "/en"])
        path = f"{prefix}/search/?q={urllib.parse.quote(query)}"
        began = time.perf_counter()
        try:
            status, _body, _url = fetch(opener, base + path)
        except OSError as exc:
            tally.error("search", f"{path}: {type(exc).__name__}: {exc}")
            return
        if status == 200:
            tally.ok("search", time.perf_counter() - began, path)
        else:
            tally.error("search", f"{path}: HTTP {status}")

    paced(stop_at, rate, one, rng)


def contact_loop(base, path, tally, acked, stop_at, rate, seed):
    """Distinct valid messages, each from a new address; one form page (and time stamp) per
    twenty posts, as visitors would fetch it."""
    rng = random.Random(seed)
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    state = {"sent": 0, "hidden": None, "fetched": 0.0}

    def hidden_fields():
        if state["hidden"] is None or state["sent"] % 20 == 0:
            status, html, _url = fetch(opener, base + path)
            if status != 200:
                raise LookupError(f"HTTP {status}")
            state["hidden"] = {
                name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
                for name in ("csrfmiddlewaretoken", "pr_ts")
            }
            state["fetched"] = time.time()
        wait = state["fetched"] + 3.2 - time.time()  # the form's minimum fill time
        if wait > 0:
            time.sleep(wait)
        return state["hidden"]

    def one():
        n = state["sent"]
        token = f"s{seed}-{n}"
        state["sent"] += 1
        address = f"10.{seed % 250}.{n // 250 % 250}.{n % 250 + 1}"
        try:
            hidden = hidden_fields()
        except (OSError, AttributeError, LookupError) as exc:
            tally.error("contact", f"form page: {type(exc).__name__}: {exc}")
            return
        data = {
            "name": f"访客 {token}",
            "phone": "138 0013 8000",
            "email": f"{token}@example.com",
            "company": "",
            "message": f"浸泡测试 {token} 请报价。",
            "pr_hp": "",
            **hidden,
        }
        began = time.perf_counter()
        try:
            status, body, _url = fetch(
                opener, base + path, data, headers={"X-Forwarded-For": address}
            )
        except OSError as exc:
            tally.error("contact", f"{token}: {type(exc).__name__}: {exc}")
            return
        if status == 200 and 'class="thank-you"' in body:
            tally.ok("contact", time.perf_counter() - began, path)
            acked.append(token)
        else:
            tally.error("contact", f"{token}: HTTP {status} {body[:120]!r}")

    paced(stop_at, rate, one, rng)


def article_form(title: str, slug: str) -> dict:
    """What Wagtail's edit form posts for an article with one paragraph, publish pressed
    (the fields of tests/faults/admin_forms.py, without importing Django here)."""
    paragraph = {"key": "soak1", "type": "unstyled", "depth": 0, "text": f"正文 {title}"}
    paragraph.update(inlineStyleRanges=[], entityRanges=[])
    return {
        "title": title,
        "slug": slug,
        "summary": f"摘要 {title}",
        "author": "",
        "source_name": "",
        "source_url": "",
        "tags": "",
        "body-count": "1",
        "body-0-type": "paragraph",
        "body-0-value": json.dumps({"blocks": [paragraph], "entityMap": {}}),
        "body-0-deleted": "",
        "body-0-order": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "action-publish": "publish",
    }


def csrf(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]*)"', html).group(1)


def signed_in(base: str):
    """An opener holding an editor's session. The editors sign in one after another before
    the clock starts: ten password checks in one second are a burst of their own (about
    half a second of CPU each), not the steady traffic the soak measures."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    _status, html, _url = fetch(opener, base + "/admin/login/")
    status, html, url = fetch(
        opener,
        base + "/admin/login/",
        {"username": "admin", "password": PASSWORD, "csrfmiddlewaretoken": csrf(html)},
    )
    if status != 200 or "/admin/login/" in url:
        raise RuntimeError(f"sign-in failed: HTTP {status} at {url}")
    return opener


def editor_loop(base, opener, article_pk, slug, n, tally, stop_at, pace, seed):
    rng = random.Random(seed)

    edit = f"{base}/admin/pages/{article_pk}/edit/"
    saves = [0]

    def one():
        began = time.perf_counter()
        try:
            status, html, _url = fetch(opener, edit)
            if status != 200:
                raise RuntimeError(f"edit page: HTTP {status}")
            saves[0] += 1
            data = article_form(f"编辑 {n} 的文章 第 {saves[0]} 版", slug)
            data["csrfmiddlewaretoken"] = csrf(html)
            status, html, url = fetch(opener, edit, data)
            if status != 200 or "/edit/" in url:  # the edit form again: not published
                raise RuntimeError(f"publish: HTTP {status} back at {url}")
        except (OSError, RuntimeError, AttributeError) as exc:
            tally.error("publish", f"article {article_pk}: {type(exc).__name__}: {exc}")
            return
        tally.ok("publish", time.perf_counter() - began, f"article {article_pk}")

    paced(stop_at, 1 / pace, one, rng)


def server_processes(root_pid: int) -> dict[int, str]:
    found = {}
    for pid in children_of(root_pid):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        found[pid] = cmd.strip()
    return found


def environment_value(pid: int, name: str) -> str | None:
    """A variable of the environment process ``pid`` was started with (None: not set)."""
    for item in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"):
        key, _equals, value = item.decode(errors="replace").partition("=")
        if key == name:
            return value
    return None


def parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def role(cmd: str) -> str:
    for name in ("contact_worker", "scheduler", "import_worker", "db_worker"):
        if name in cmd:
            return name
    return "app server"


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else None


def server_setting(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    if not name or not equals:
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=VALUE")
    return name, value


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2, help="app server workers")
    parser.add_argument("--visitors", type=float, default=20, help="page views per second")
    parser.add_argument("--searches", type=float, default=2, help="searches per second")
    parser.add_argument("--messages", type=float, default=1, help="contact posts per second")
    parser.add_argument("--editors", type=int, default=10)
    parser.add_argument("--editor-pace", type=float, default=60, help="seconds between saves")
    parser.add_argument("--scheduled", type=int, default=12)
    parser.add_argument(
        "--set",
        type=server_setting,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an environment variable for the server (e.g. PRESSROOM_RENDER_SLOTS=3); repeatable",
    )
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    settings = dict(args.set)
    seconds = args.minutes * 60
    lead = 90.0  # seconds from making the scheduled pages to the start of the run

    data = Path(tempfile.mkdtemp(prefix="pressroom-soak-"))
    env = site_env(data)
    env.update(settings)
    print(f"Making the demo site in {data}...", flush=True)
    quiet = {"env": env, "check": True, "capture_output": True}
    subprocess.run([PYTHON, "-m", "pressroom", "init"], **quiet)
    subprocess.run([PYTHON, "-m", "pressroom", "demo"], **quiet)
    setup = SETUP.replace("EDITORS", str(args.editors)).replace("SCHEDULED", str(args.scheduled))
    setup = setup.replace("LEAD", str(lead)).replace("SECONDS", str(seconds))
    made = time.time()
    site = shell(env, setup)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [PYTHON, "-m", "pressroom", "serve", "--port", str(port), "--workers", str(args.workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(data / "serve.log", "w"),  # noqa: SIM115
        start_new_session=True,  # its own process group: stopped as a whole, by its id
    )
    tally, acked, samples = Tally(), [], []
    arenas = None  # the app server workers' MALLOC_ARENA_MAX, as they were started
    try:
        deadline = time.time() + 120
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.5)
        news = site["news"]
        paths = (
            ["/", "/en/", news, f"{news}?page=2", f"{news}?page=3&soak=1", "/sitemap.xml"]
            + [news.rstrip("/") + "/feed/rss/"]
            + site["articles"]
            + [f"{a}?soak=uncached" for a in site["articles"][:10]]
            + site["products"]
        )
        for path in paths:  # warm: every address answers before the clock starts
            urllib.request.urlopen(base + path, timeout=30).read()
        editors = []
        for n, (pk, slug) in enumerate(site["editors"]):
            try:
                editors.append((n, signed_in(base), pk, slug))
            except (OSError, RuntimeError, AttributeError) as exc:
                tally.error("publish", f"editor {n}: {type(exc).__name__}: {exc}")
        time.sleep(max(0.0, made + lead - time.time()))
        began = time.time()
        stop_at = began + seconds
        print(f"Soaking {base} for {args.minutes:g} min (until {time.ctime(stop_at)})", flush=True)
        visitor_threads = max(1, int(args.visitors // 5))
        threads = [
            threading.Thread(
                target=visitor_loop,
                args=(base, paths, tally, stop_at, args.visitors / visitor_threads, i),
            )
            for i in range(visitor_threads)
        ]
        threads.append(
            threading.Thread(target=search_loop, args=(base, tally, stop_at, args.searches, 99))
        )
        contact_threads = max(1, int(args.messages // 2 + 1))
        threads += [
            threading.Thread(
                target=contact_loop,
                args=(
                    base,
                    site["contact"],
                    tally,
                    acked,
                    stop_at,
                    args.messages / contact_threads,
                    200 + i,
                ),
            )
            for i in range(contact_threads)
        ]
        threads += [
            threading.Thread(
                target=editor_loop,
                args=(base, opener, pk, slug, n, tally, stop_at, args.editor_pace, 300 + n),
            )
            for n, opener, pk, slug in editors
        ]
        for thread in threads:
            thread.start()
        warm_until = began + min(300.0, seconds / 5)
        while any(thread.is_alive() for thread in threads):
            now = time.time()
            sample = {"t": now - began, "load": os.getloadavg()[0], "rss": {}, "threads": {}}
            found = server_processes(server.pid)
            for pid, cmd in found.items():
                try:
                    kind = role(cmd)
                    if kind == "app server" and parent_of(pid) not in found:
                        kind = "app server (master)"
                    elif kind == "app server" and arenas is None:
                        arenas = environment_value(pid, "MALLOC_ARENA_MAX") or "unset"
                    sample["rss"][pid] = (kind, rss_mb(pid))
                    sample["threads"][pid] = threads_of(pid)
                except OSError:
                    continue
            samples.append(sample)
            if len(samples) % 10 == 0:
                print(
                    f"  {sample['t'] / 60:5.1f} min  answers {sum(tally.count.values())}"
                    f"  errors {dict(tally.error_count)}  load {sample['load']:.1f}",
                    flush=True,
                )
            for thread in threads:
                thread.join(timeout=max(0.0, 30 - (time.time() - now)) / len(threads))
        ended = time.time()
        # The scheduler passes every 30 s; the last go-live time was at 80 % of the run.
        time.sleep(max(0.0, began + 0.8 * seconds + 35 - time.time()))
        check = shell(env, CHECK.replace("SCHEDULED_PKS", json.dumps(site["scheduled"])))
    finally:
        stop(server, timeout=40)

    lost = sorted(set(acked) - set(check["stored"]))
    # Memory per process: at the end of the warm-up and at the end of the run.
    baseline = next((s for s in samples if s["t"] >= warm_until - began), samples[0])
    last = samples[-1]
    memory = []
    for pid, (kind, start_mb) in sorted(baseline["rss"].items()):
        end = last["rss"].get(pid)
        end_mb = end[1] if end else None
        growth = None if end_mb is None else 100 * (end_mb - start_mb) / start_mb
        memory.append((pid, kind, start_mb, end_mb, growth))
    worst = max(
        (g if g is not None else float("inf") for _p, k, _s, _e, g in memory if k == "app server"),
        default=0.0,
    )
    scheduled_missing = len(site["scheduled"]) - check["scheduled_live"]
    errors = sum(tally.error_count.values()) + len(lost) + scheduled_missing
    ok = errors == 0 and worst <= GROWTH_LIMIT

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    out = args.out or ROOT / "bench" / "results" / f"soak-{stamp}.md"
    lines = [
        f"# Soak: {args.minutes:g} minutes of mixed traffic ({stamp} UTC)",
        "",
        f"`pressroom serve --workers {args.workers}` on 127.0.0.1, SQLite, file cache; "
        f"{os.cpu_count()} CPUs; load average (1 min) over the run: "
        f"min {min(s['load'] for s in samples):.1f}, "
        f"median {statistics.median(s['load'] for s in samples):.1f}, "
        f"max {max(s['load'] for s in samples):.1f}. "
        f"Ran {(ended - began) / 60:.1f} min. **Result: {'pass' if ok else 'FAIL'}**",
        "",
        "Server settings: "
        + (", ".join(f"`{k}={v}`" for k, v in settings.items()) or "the defaults")
        + f"; the app server workers' `MALLOC_ARENA_MAX`: {arenas or 'not seen'}.",
        "",
        f"Traffic: {args.visitors:g} page views/s, {args.searches:g} searches/s, "
        f"{args.messages:g} contact posts/s, {args.editors} editors publishing every "
        f"{args.editor_pace:g} s, {len(site['scheduled'])} scheduled articles.",
        "",
        "| kind | answers | errors | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in ("visitor", "search", "contact", "publish"):
        lat = tally.latency[kind]
        cells = [percentile(lat, f) for f in (0.5, 0.95, 0.99)] + [max(lat, default=None)]
        shown = " | ".join("-" if c is None else f"{1000 * c:.0f}" for c in cells)
        lines.append(f"| {kind} | {tally.count[kind]} | {tally.error_count[kind]} | {shown} |")
    lines += [
        "",
        f"Contact messages acknowledged: {len(acked)}, missing from the database: {len(lost)}"
        + (f" (e.g. {', '.join(lost[:5])})" if lost else "")
        + f". Scheduled articles live: {check['scheduled_live']} of {len(site['scheduled'])}.",
        "",
        f"Memory (RSS, MB) from the end of the warm-up ({(warm_until - began) / 60:.1f} min) "
        f"to the end; limit {GROWTH_LIMIT:g} % per app server worker:",
        "",
        "| pid | process | after warm-up | end | growth |",
        "|---|---|---|---|---|",
    ]
    for pid, kind, start_mb, end_mb, growth in memory:
        end_text = "gone" if end_mb is None else f"{end_mb:.1f}"
        growth_text = "-" if growth is None else f"{growth:+.1f} %"
        lines.append(f"| {pid} | {kind} | {start_mb:.1f} | {end_text} | {growth_text} |")
    lines += ["", "RSS of the app server workers every 5 minutes (MB, and their threads):", ""]
    for sample in samples[:: max(1, 10)]:
        workers = [
            f"{mb:.1f} ({sample['threads'].get(pid, '?')})"
            for pid, (k, mb) in sorted(sample["rss"].items())
            if k == "app server"
        ]
        lines.append(
            f"- {sample['t'] / 60:5.1f} min: {', '.join(workers)} (load {sample['load']:.1f})"
        )
    lines += ["", "Slowest answers of each kind (clock time UTC, seconds):", ""]
    for kind in ("visitor", "search", "contact", "publish"):
        slowest = sorted(tally.slowest[kind], reverse=True)
        shown = "; ".join(
            f"{clock} {seconds:.2f} s {what}".rstrip() for seconds, clock, what in slowest
        )
        lines.append(f"- {kind}: {shown or '-'}")
    if any(tally.errors.values()):
        lines += ["", "First errors of each kind:", ""]
        for kind, texts in tally.errors.items():
            lines += [f"- {kind}: {text}" for text in texts]
    text = "\n".join(lines) + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    print(text)
    print(f"written to {out}  (data folder {data})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
