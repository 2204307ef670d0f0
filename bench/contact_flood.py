"""Fifty addresses flood the contact form: can a customer still leave a message?

`make bench-contact` serves a fresh site with `pressroom serve` (production settings, 2
workers sharing the file cache, the mail worker printing mails to nowhere) behind a pretend
proxy on 127.0.0.1, so each post can come from an address of its choosing (X-Forwarded-For).
Two rounds:

- junk: 50 addresses each post invalid, honeypot and expired-stamp forms until refused;
- valid: 50 other addresses each post distinct, valid messages (one stamp fetched once and
  reused, as a robot would) until refused.

After each round a new address sends a real message. Prints the figures and writes them to
bench/results/contact-flood-<time>.json; exits 1 when a customer's message was not stored.
"""

import http.cookiejar
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from run import free_port, stop  # bench/ is on the path: make runs python bench/contact_flood.py

ROOT = Path(__file__).resolve().parent.parent
FLOODERS = 50
MAX_POSTS = 20  # per address, should its limit never come
JUNK = [{"name": ""}, {"pr_hp": "http://spam.example"}, {"pr_ts": "1700000000"}]


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
        PRESSROOM_ADMIN_PASSWORD="bench-" + "x7Kq" * 4,
        SECRET_KEY="bench-" + "q8Zr4Lx2Pw" * 6,
        ALLOWED_HOSTS="127.0.0.1",
        PYTHONPATH=str(ROOT),
    )
    return env


class Visitor:
    """A browser's cookies and the form's hidden fields, fetched once."""

    def __init__(self, url: str):
        self.url = url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        html = self.opener.open(url, timeout=10).read().decode()
        self.hidden = {
            name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
            for name in ("csrfmiddlewaretoken", "pr_ts")
        }

    def post(self, address: str, **answers) -> tuple[int, float, str]:
        data = {
            "name": "测试访客",
            "phone": "138 0013 8000",
            "email": "",
            "company": "",
            "message": "你好",
            "pr_hp": "",
            **self.hidden,
            **answers,
        }
        request = urllib.request.Request(
            self.url,
            data=urllib.parse.urlencode(data).encode(),
            headers={"X-Forwarded-For": address},
        )
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=30) as response:
                status, body = response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            status, body = exc.code, exc.read().decode()
        return status, (time.perf_counter() - started) * 1000, body


def flood(visitor: Visitor, prefix: str, junk: bool) -> dict:
    def one_address(n: int) -> list[int]:
        statuses = []
        for k in range(MAX_POSTS):
            answers = JUNK[k % len(JUNK)] if junk else {}
            status, _ms, _body = visitor.post(
                f"{prefix}.{n + 1}", message=f"广告 {prefix} {n}-{k}", **answers
            )
            statuses.append(status)
            if status == 429:
                break
        return statuses

    started = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        per_address = list(pool.map(one_address, range(FLOODERS)))
    seconds = time.perf_counter() - started
    statuses = Counter(s for statuses in per_address for s in statuses)
    accepted = [sum(1 for s in statuses if s != 429) for statuses in per_address]
    return {
        "posts": sum(statuses.values()),
        "statuses": dict(sorted(statuses.items())),
        "accepted_per_address": f"{min(accepted)}-{max(accepted)}",
        "seconds": round(seconds, 1),
    }


def customer(visitor: Visitor, address: str, name: str) -> dict:
    status, ms, body = visitor.post(address, name=name, message="请报价 200 台 QH-80 水泵。")
    return {"status": status, "ms": round(ms), "thank_you": 'class="thank-you"' in body}


def shell(env: dict, code: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "pressroom", "shell", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def stored(env: dict, names: list[str]) -> dict:
    code = (
        "import json\n"
        "from django.db.models import Count\n"
        "from pressroom.contact.models import ContactMessage as M\n"
        "rows = M.objects.values_list('delivery').annotate(n=Count('pk'))\n"
        f"names = {names!r}\n"
        "found = {n: M.objects.filter(form_data__name=n).values_list('delivery', flat=True)"
        ".first() for n in names}\n"
        "summarised = M.objects.filter(delivery='held', sent_at__isnull=False).count()\n"
        "print(json.dumps({'by_delivery': dict(rows), 'customers': found,"
        " 'held_named_in_a_summary': summarised}))\n"
    )
    return json.loads(shell(env, code).strip().splitlines()[-1])


def settled(env: dict, names: list[str], timeout: float = 60) -> dict:
    """The stored messages once the mail worker has sent what it will (its sweep runs every
    30 s and mails the summary of held messages)."""
    deadline = time.time() + timeout
    while True:
        counts = stored(env, names)
        rows = counts["by_delivery"]
        busy = rows.get("pending", 0) + rows.get("sending", 0)
        held = rows.get("held", 0)
        if (not busy and counts["held_named_in_a_summary"] == held) or time.time() > deadline:
            return counts
        time.sleep(2)


def main() -> int:
    data = Path(tempfile.mkdtemp(prefix="pressroom-contact-flood-"))
    env = site_env(data)
    subprocess.run(
        [sys.executable, "-m", "pressroom", "init"], env=env, check=True, capture_output=True
    )
    shell(
        env,
        "from wagtail.models import Site\nfrom pressroom.core.models import CompanyInfo\n"
        "info = CompanyInfo.for_site(Site.objects.get(is_default_site=True))\n"
        "info.email = 'sales@example.com'\ninfo.save()\n",
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "pressroom", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: stopped as a whole, by its id
    )
    try:
        url = f"http://127.0.0.1:{port}/contact/"
        deadline = time.time() + 60
        while True:
            try:
                visitor = Visitor(url)
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.3)
        time.sleep(3.5)  # the form's minimum fill time, once: the stamp is reused
        summary = {"flooders": FLOODERS, "junk": flood(visitor, "198.51.100", junk=True)}
        summary["customer_after_junk"] = customer(visitor, "203.0.113.10", "客户甲")
        summary["valid"] = flood(visitor, "198.18.0", junk=False)
        summary["customer_after_valid"] = customer(visitor, "203.0.113.11", "客户乙")
        summary["stored"] = settled(env, ["客户甲", "客户乙"])
    finally:
        stop(server, timeout=40)
    out = ROOT / "bench/results" / f"contact-flood-{datetime.now(UTC):%Y%m%d-%H%M}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    print(f"written to {out}  (data folder {data})")
    return 0 if all(summary["stored"]["customers"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
