"""Pressroom's speed, side by side in one run: `make bench`.

Serves the demo site with each app server on 127.0.0.1, loads it with wrk for a few seconds
per case and writes a markdown table to bench/results/:

- a cached article through the app server vs nginx serving the same bytes (the ratio), and
  the same article by a shared link (`?utm_source=x&from=singlemessage`), side by side;
- the cached article, news list and home page through `pressroom serve`, nginx and bare
  granian serving the same bytes, three rounds in turns (the median of the rounds' ratios);
- the same article uncached (a query string bypasses the page cache): requests/s and the
  CPU milliseconds the server processes spent per request;
- memory (RSS) per worker after the load;
- `pressroom export` of the demo site: pages per second;
- publish-to-visible latency across two nodes on one PostgreSQL and Redis (skipped when
  127.0.0.1:5432 and :6379 don't answer).

Needs `wrk` and `nginx` (apt-get install wrk nginx). The demo database is made once under
bench/.data (or PRESSROOM_BENCH_DATA_DIR) and reused.
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A link shared on WeChat from a campaign: tracking parameters only, so a page-cache hit.
SHARED_LINK_QUERY = "?utm_source=x&from=singlemessage"
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_env(data_dir: Path) -> dict:
    """The demo site in production mode on SQLite, with the local cache (no services)."""
    env = {
        **os.environ,
        "PRESSROOM_DATA_DIR": str(data_dir),
        "PRESSROOM_DEBUG": "0",
        "PRESSROOM_LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    env.pop("DATABASE_URL", None)
    return env


def prepare_data(data_dir: Path, env: dict) -> None:
    """The demo site in ``data_dir``: made the first time; later runs bring its database up
    to the code's migrations and add what the demo gained since (both leave the rest alone)."""
    if not (data_dir / "pressroom.sqlite3").exists():
        print(f"Making the demo site in {data_dir} (once)...", flush=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    quiet = {"stdout": subprocess.DEVNULL, "check": True, "env": env}
    subprocess.run([PYTHON, "-m", "pressroom", "init"], **quiet)
    subprocess.run([PYTHON, "-m", "pressroom", "demo"], **quiet)


def article_path(env: dict) -> str:
    code = (
        "from pressroom.news.models import NewsArticlePage as A;"
        "print(A.objects.published().first().url)"
    )
    out = subprocess.run(
        [PYTHON, "-m", "pressroom", "shell", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip().splitlines()[-1]


# --- Processes --------------------------------------------------------------------------------


def children_of(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids = (task / "children").read_text().split()
        except OSError:
            continue
        for kid in map(int, kids):
            found += [kid, *children_of(kid)]
    return found


def cpu_seconds(pids) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / CLOCK_TICKS


def rss_mb(pid: int) -> float:
    match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(match.group(1)) / 1024 if match else 0.0


def wait_ready(url: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def stop(process: subprocess.Popen, timeout: float = 20) -> None:
    """SIGTERM to the process group, SIGKILL if it has not ended within ``timeout`` seconds."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def start(command: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: stopped as a whole, by its id
    )


# --- Load -------------------------------------------------------------------------------------


def wrk(url: str, seconds: int, connections: int, headers=()) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    for header in headers:
        command += ["-H", header]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", out)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    return {
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
        "p50_ms": round(float(p50.group(1)) * scale[p50.group(2)], 2) if p50 else None,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": requests,
        "errors": int(errors.group(1)) if errors else 0,
        "p99_ms": round(float(p99.group(1)) * scale[p99.group(2)], 2) if p99 else None,
    }


def cache_state(url: str) -> str | None:
    with urllib.request.urlopen(url) as response:
        return response.headers.get("X-Page-Cache")


def measure_server(name, command, env, port, path, seconds) -> dict:
    base = f"http://127.0.0.1:{port}"
    process = start(command, env)
    try:
        wait_ready(base + path)
        time.sleep(1)
        for _ in range(3):
            urllib.request.urlopen(base + path).read()  # warm the page cache
        workers = children_of(process.pid) or [process.pid]
        cached = wrk(base + path, seconds, 32)
        shared = wrk(base + path + SHARED_LINK_QUERY, seconds, 32)
        shared["hit"] = cache_state(base + path + SHARED_LINK_QUERY) == "hit"
        before = cpu_seconds([process.pid, *children_of(process.pid)])
        uncached = wrk(base + path + "?bench=uncached", seconds, 8)
        after = cpu_seconds([process.pid, *children_of(process.pid)])
        uncached["cpu_ms"] = (after - before) * 1000 / max(1, uncached["requests"])
        worker_rss = [rss_mb(pid) for pid in workers if pid != process.pid]
        python_workers = [mb for mb in worker_rss if mb > 20] or [rss_mb(process.pid)]
        return {
            "name": name,
            "cached": cached,
            "shared_link": shared,
            "uncached": uncached,
            "rss_mb": max(python_workers),
            "workers": len(python_workers),
        }
    finally:
        stop(process)


NGINX_CONF = """
worker_processes 2;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}; proxy_temp_path {dir}; fastcgi_temp_path {dir};
    uwsgi_temp_path {dir}; scgi_temp_path {dir};
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{port};
        root {dir}/root;
        location / {{
            default_type "text/html; charset=utf-8";
            try_files $uri $uri/index.html =404;
        }}
    }}
}}
"""


@contextlib.contextmanager
def nginx_serving(files: dict[str, bytes]):
    """nginx on a free port serving each path's bytes from a file; yields its base address."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    with tempfile.TemporaryDirectory(prefix="pressroom-bench-nginx-") as tmp:
        for path, body in files.items():
            target = Path(tmp) / "root" / path.strip("/") / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
        port = free_port()
        conf = Path(tmp) / "nginx.conf"
        conf.write_text(NGINX_CONF.format(dir=tmp, port=port))
        process = subprocess.Popen(
            [nginx, "-c", str(conf), "-p", tmp, "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            wait_ready(f"http://127.0.0.1:{port}{next(iter(files))}")
            yield f"http://127.0.0.1:{port}"
        finally:
            stop(process)


def measure_nginx(body: bytes, path: str, seconds: int) -> dict:
    with nginx_serving({path: body}) as base:
        return wrk(base + path, seconds, 32)


BARE_APP = """
import json, pathlib
NAMES = json.loads(pathlib.Path(__file__).with_name("bodies.json").read_text())
BODIES = {path: pathlib.Path(file).read_bytes() for path, file in NAMES.items()}
def application(environ, start_response):
    body = BODIES.get(environ["PATH_INFO"], b"")
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                              ("Content-Length", str(len(body)))])
    return [body]
"""


@contextlib.contextmanager
def bare_granian_serving(files: dict[str, bytes], threads: str):
    """granian with `pressroom serve`'s options running a WSGI app that only returns each
    path's bytes: what any Python application behind this server could reach at most."""
    with tempfile.TemporaryDirectory(prefix="pressroom-bench-bare-") as tmp:
        names = {}
        for n, (path, body) in enumerate(files.items()):
            (Path(tmp) / f"{n}.html").write_bytes(body)
            names[path] = str(Path(tmp) / f"{n}.html")
        (Path(tmp) / "bodies.json").write_text(json.dumps(names))
        (Path(tmp) / "bare_app.py").write_text(BARE_APP)
        port = free_port()
        command = [
            PYTHON, "-m", "granian", "--interface=wsgi", "--host=127.0.0.1", f"--port={port}",
            "--workers=2", "--http=1", "--runtime-mode=st", "--no-ws",
            f"--blocking-threads={threads}", "--no-log", "bare_app:application",
        ]  # fmt: skip
        process = subprocess.Popen(
            command, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        try:
            wait_ready(f"http://127.0.0.1:{port}{next(iter(files))}")
            yield f"http://127.0.0.1:{port}"
        finally:
            stop(process)


CACHED_ROUNDS = 3  # turns of the three servers for each page (the reference moves between turns)
# Requests asking each page's X-Page-Cache after its runs. Without Redis every worker keeps a
# page cache of its own, so a single question before the runs could reach a worker the warm-up
# requests never did and read "miss" for a page the runs then took from the cache.
CACHE_PROBES = 8


def median_run(runs: list[dict]) -> dict:
    """The run with the median requests/s (its other figures with it)."""
    return sorted(runs, key=lambda run: run["rps"])[len(runs) // 2]


def measure_cached_pages(
    env: dict, port: int, paths: dict[str, str], seconds: int, rounds: int = CACHED_ROUNDS
) -> list[dict]:
    """Each cached page through `pressroom serve`, through nginx serving its very bytes from
    a file, and through bare granian returning them, in turns: ``rounds`` rounds for each
    page, the three servers in a different order each round, so the machine's load falls on
    all alike. A page's ratio is the median of its rounds' ratios (each round's pressroom
    against that round's nginx): nginx alone moved by a quarter between turns here."""
    base = f"http://127.0.0.1:{port}"
    serve = [PYTHON, "-m", "pressroom", "serve", f"--port={port}", "--workers=2"]
    process = start(serve, env)
    rows = []
    try:
        wait_ready(base + "/", timeout=180)
        bodies = {}
        for name, path in paths.items():
            for _ in range(3):  # warm the page cache
                bodies[name] = urllib.request.urlopen(base + path).read()
        files = {path: bodies[name] for name, path in paths.items()}
        threads = env.get("PRESSROOM_THREADS", "64")
        with nginx_serving(files) as nginx_base, bare_granian_serving(files, threads) as bare:
            targets = {"pressroom": base, "nginx": nginx_base, "bare": bare}
            order = list(targets)
            for name, path in paths.items():
                runs = {server: [] for server in targets}
                for turn in range(rounds):
                    for server in order[turn % 3 :] + order[: turn % 3]:
                        runs[server].append(wrk(targets[server] + path, seconds, 32))
                hits = sum(cache_state(base + path) == "hit" for _ in range(CACHE_PROBES))
                ratios = [
                    ours["rps"] / theirs["rps"]
                    for ours, theirs in zip(runs["pressroom"], runs["nginx"], strict=True)
                ]
                rows.append(
                    {
                        "name": name,
                        "path": path,
                        "bytes": len(bodies[name]),
                        "hits": hits,
                        "pressroom": median_run(runs["pressroom"]),
                        "nginx": median_run(runs["nginx"]),
                        "bare": median_run(runs["bare"]),
                        "rounds": runs,
                        "ratios": ratios,
                        "ratio": statistics.median(ratios),
                    }
                )
    finally:
        stop(process)
    return rows


def cached_pages_table(rows: list[dict]) -> list[str]:
    rounds = len(rows[0]["ratios"]) if rows else 0
    lines = [
        "",
        "Cached pages through `pressroom serve` (granian, 2 workers), nginx serving the same "
        "bytes, and granian with the same options running a bare WSGI app that only returns "
        f"those bytes (the most any Python app behind it could do), {rounds} rounds in turns, "
        '32 connections; req/s are each server\'s median run, "vs nginx" the median of the '
        "rounds' ratios (all of them in brackets):",
        "",
        "| page | bytes | page-cache hits after | pressroom req/s | nginx req/s | vs nginx "
        "| bare granian req/s | bare vs nginx | pressroom vs bare "
        "| pressroom p99 ms | nginx p99 ms |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ours, theirs, bare = r["pressroom"], r["nginx"], r["bare"]
        each = ", ".join(f"{ratio:.2f}" for ratio in r["ratios"])
        lines.append(
            f"| {r['name']} `{r['path']}` | {r['bytes']:,} | {r['hits']}/{CACHE_PROBES} "
            f"| {ours['rps']:,.0f} | {theirs['rps']:,.0f} | **{r['ratio']:.2f}** ({each}) "
            f"| {bare['rps']:,.0f} | {bare['rps'] / theirs['rps']:.2f} "
            f"| {ours['rps'] / bare['rps']:.2f} "
            f"| {ours['p99_ms']} | {theirs['p99_ms']} |"
        )
    return lines


# --- A mix of addresses, and overload (HOSTILE.md G1) ------------------------------------------


def measure_mix(env: dict, port: int, article: str, seconds: int) -> list[dict]:
    """Each kind of public address under load through `pressroom serve`, then an overload."""
    base = f"http://127.0.0.1:{port}"
    cases = [
        ("cached article", article, 16),
        ("cached article, shared link", article + SHARED_LINK_QUERY, 16),
        ("news list, uncached", "/news/?bench=uncached", 8),
        ("search 泵", "/search/?q=%E6%B3%B5", 8),
        ("RSS feed", "/news/feed/rss/", 16),
        ("sitemap.xml", "/sitemap.xml", 16),
        ("overload: uncached article, 256 connections", article + "?bench=overload", 256),
    ]
    serve = [PYTHON, "-m", "pressroom", "serve", f"--port={port}", "--workers=2"]
    process = start(serve, env)
    rows = []
    try:
        wait_ready(base + article)
        for name, path, connections in cases:
            urllib.request.urlopen(base + path).read()
            result = wrk(base + path, seconds, connections)
            rows.append({"name": name, "path": path, "connections": connections, **result})
    finally:
        stop(process)
    return rows


def mix_table(rows: list[dict]) -> list[str]:
    lines = [
        "",
        "Each kind of address through `pressroom serve` (2 workers), wrk -t2:",
        "",
        "| address | connections | req/s | p50 ms | p99 ms | non-2xx | timeouts |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['name']} | {r['connections']} | {r['rps']:,.0f} | {r['p50_ms']} "
            f"| {r['p99_ms']} | {r['errors']} | {r['timeouts']} |"
        )
    return lines


# --- Export and two nodes --------------------------------------------------------------------


def measure_export(env: dict) -> dict:
    """`pressroom export` of the whole demo site: files written and pages per second."""
    with tempfile.TemporaryDirectory(prefix="pressroom-bench-export-") as out:
        started = time.perf_counter()
        subprocess.run(
            [PYTHON, "-m", "pressroom", "export", out], env=env, check=True, capture_output=True
        )
        seconds = time.perf_counter() - started
        pages = sum(1 for _ in Path(out).rglob("*.html"))
        files = sum(1 for item in Path(out).rglob("*") if item.is_file())
    return {"seconds": seconds, "pages": pages, "files": files, "pages_per_s": pages / seconds}


def reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


# Runs inside `pressroom shell` with the nodes' settings: publishes a new article the way the
# admin's publish button does (a revision, published), then asks node B for the news list
# until the title shows. Times from the start of the publish to the first fresh answer.
PUBLISH_AND_WATCH = """
import json, statistics, time, urllib.request
from pressroom.news.models import NewsArticlePage, NewsIndexPage
index = NewsIndexPage.objects.get(locale__language_code="zh-hans")
node_b = "http://127.0.0.1:{port_b}/news/"
urllib.request.urlopen(node_b).read()
latencies = []
for n in range({rounds}):
    title = f"双节点延迟测试 {{n}}"
    started = time.perf_counter()
    article = NewsArticlePage(title=title, slug=f"bench-two-nodes-{{n}}")
    index.add_child(instance=article)
    article.save_revision().publish()
    published = time.perf_counter()
    while title not in urllib.request.urlopen(node_b).read().decode():
        time.sleep(0.005)
    latencies.append((time.perf_counter() - started, time.perf_counter() - published))
    time.sleep(0.5)
print(json.dumps(latencies))
"""


def measure_two_nodes(rounds: int = 5) -> dict | None:
    """Publish-to-visible latency: published with node A's settings, read from node B."""
    if not (reachable(5432) and reachable(6379)):
        return None
    import uuid

    try:
        import psycopg
    except ImportError:
        return None
    name = f"pressroom_bench_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    processes = []
    try:
        with tempfile.TemporaryDirectory(prefix="pressroom-bench-nodes-") as tmp:
            env = {
                **os.environ,
                "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
                "REDIS_URL": "redis://127.0.0.1:6379/0",
                "PRESSROOM_CACHE_PREFIX": name,
                "PRESSROOM_DATA_DIR": tmp,
                "SECRET_KEY": "bench-two-nodes",
                "PRESSROOM_LOG_LEVEL": "WARNING",
            }
            quiet = {"env": env, "check": True, "stdout": subprocess.DEVNULL}
            subprocess.run([PYTHON, "-m", "pressroom", "init"], **quiet)
            subprocess.run([PYTHON, "-m", "pressroom", "collectstatic", "--noinput"], **quiet)
            ports = [free_port(), free_port()]
            for port in ports:
                serve = [PYTHON, "-m", "pressroom", "serve", f"--port={port}", "--workers=1"]
                processes.append(start(serve, env))
            for port in ports:
                wait_ready(f"http://127.0.0.1:{port}/news/", timeout=120)
            code = PUBLISH_AND_WATCH.format(port_b=ports[1], rounds=rounds)
            out = subprocess.run(
                [PYTHON, "-m", "pressroom", "shell", "-c", code],
                env=env, capture_output=True, text=True, check=True,
            )  # fmt: skip
            latencies = json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        for process in processes:
            stop(process)
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
        try:
            import redis

            client = redis.Redis.from_url("redis://127.0.0.1:6379/0")
            for key in client.scan_iter(f"{name}:*"):
                client.delete(key)
        except Exception:  # noqa: BLE001 - leftover keys expire on their own
            pass
    totals = sorted(total for total, _after in latencies)
    afters = sorted(after for _total, after in latencies)
    return {
        "rounds": rounds,
        "median_ms": totals[len(totals) // 2] * 1000,
        "max_ms": totals[-1] * 1000,
        "after_commit_median_ms": afters[len(afters) // 2] * 1000,
    }


# --- The run ----------------------------------------------------------------------------------


def servers(port: int, workers: int) -> dict[str, tuple[list[str], dict]]:
    wsgi = "pressroom.wsgi:application"
    serve = [PYTHON, "-m", "pressroom", "serve", f"--port={port}", f"--workers={workers}"]
    gunicorn = [PYTHON, "-m", "gunicorn", wsgi, f"--bind=127.0.0.1:{port}", f"-w{workers}"]
    return {
        "pressroom serve (granian, st runtime)": (serve, {"PRESSROOM_SERVER": "granian"}),
        "pressroom serve, PRESSROOM_SERVER=gunicorn (gthread, 4 threads)": (
            serve, {"PRESSROOM_SERVER": "gunicorn"}
        ),
        "gunicorn sync": ([*gunicorn, "--worker-class=sync"], {}),
        "granian, default options": ([
            PYTHON, "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1",
            "--port", str(port), "--workers", str(workers), "--no-log", wsgi,
        ], {}),
    }  # fmt: skip


def table(results, nginx, body_size, path, seconds, workers, extra_lines=()) -> str:
    lines = [
        f"# Pressroom benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end "
        f"(other work on the machine lowers every figure alike). wrk -t2, {seconds} s a case, "
        f"127.0.0.1 only; {workers} workers per server; article `{path}` ({body_size} bytes).",
        "",
        f"nginx serving the same bytes from a file: **{nginx['rps']:,.0f} req/s**.",
        "",
        "| server | cached req/s | vs nginx | cached p99 ms | shared link req/s | shared link "
        "p99 ms | uncached req/s | uncached CPU ms/req | uncached p99 ms | RSS per worker MB |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        c, s, u = r["cached"], r["shared_link"], r["uncached"]
        hit = "" if s["hit"] else " (not a hit)"
        lines.append(
            f"| {r['name']} | {c['rps']:,.0f} | {c['rps'] / nginx['rps']:.2f} | {c['p99_ms']} "
            f"| {s['rps']:,.0f}{hit} | {s['p99_ms']} "
            f"| {u['rps']:,.0f} | {u['cpu_ms']:.1f} | {u['p99_ms']} | {r['rss_mb']:.0f} |"
        )
    lines += extra_lines
    lines += [
        "",
        "Targets: cached ≥ 0.5 of nginx; a shared link with tracking parameters is a hit; "
        "uncached article ≤ 10 ms of server CPU; < 150 MB a worker.",
        "Cached: 32 connections; shared link: the cached article at "
        f"`{SHARED_LINK_QUERY}`, 32 connections; uncached: 8 connections, `?bench=uncached` "
        "bypasses the cache.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-two-nodes", action="store_true")
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            sys.exit(f"{tool} is missing: apt-get install wrk nginx")
    data_dir = Path(os.environ.get("PRESSROOM_BENCH_DATA_DIR", ROOT / "bench" / ".data"))
    env = bench_env(data_dir)
    prepare_data(data_dir, env)
    subprocess.run(
        [PYTHON, "-m", "pressroom", "collectstatic", "--noinput", "-v0"], env=env, check=True
    )
    path = article_path(env)
    results = []
    body = b""
    port = free_port()
    for name, (command, extra_env) in servers(port, args.workers).items():
        print(f"{name}...", flush=True)
        server_env = {**env, **extra_env}
        if not body:
            process = start(command, server_env)
            try:
                wait_ready(f"http://127.0.0.1:{port}{path}")
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}{path}").read()
            finally:
                stop(process)
        results.append(measure_server(name, command, server_env, port, path, args.seconds))
    print("nginx...", flush=True)
    nginx = measure_nginx(body, path, args.seconds)
    extra = {}
    lines = [""]
    print("cached pages vs nginx...", flush=True)
    pages = {"article": path, "news list": "/news/", "home": "/"}
    extra["cached_pages"] = cached = measure_cached_pages(env, port, pages, args.seconds)
    lines += cached_pages_table(cached)
    lines.append("")
    print("a mix of addresses, and overload...", flush=True)
    extra["mix"] = mix = measure_mix(env, port, path, args.seconds)
    lines += mix_table(mix)
    lines.append("")
    print("export...", flush=True)
    extra["export"] = export = measure_export(env)
    lines.append(
        f"Static export of the demo site: {export['pages']} pages ({export['files']} files) in "
        f"{export['seconds']:.1f} s, **{export['pages_per_s']:.0f} pages/s**."
    )
    if not args.skip_two_nodes:
        print("two nodes (PostgreSQL + Redis)...", flush=True)
        extra["two_nodes"] = nodes = measure_two_nodes()
        if nodes is None:
            lines.append("Two nodes: skipped (PostgreSQL 127.0.0.1:5432 and Redis 6379 needed).")
        else:
            lines.append(
                f"Two nodes on one PostgreSQL and Redis, published with node A's settings and read "
                f"from node B's news list, {nodes['rounds']} rounds: publish-to-visible median "
                f"**{nodes['median_ms']:.0f} ms** (max {nodes['max_ms']:.0f} ms; "
                f"{nodes['after_commit_median_ms']:.0f} ms after the publish call returned)."
            )
    report = table(results, nginx, len(body), path, args.seconds, args.workers, lines)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    (RESULTS / f"{stamp}.md").write_text(report)
    (RESULTS / f"{stamp}.json").write_text(
        json.dumps({"nginx": nginx, "servers": results, **extra})
    )
    print(report)


if __name__ == "__main__":
    main()
