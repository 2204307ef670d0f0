"""`pressroom export` speed, side by side in one run: `make bench-export`.

- The demo site (made once under bench/.data, as bench/run.py makes it): full exports with one
  process (`--workers 1`) and with `--workers N` (default: one per CPU), alternately for a few
  rounds; the median wall time of the whole command, the pages written (HTML files), pages per
  second, CPU seconds (the command and its workers) and the start-up alone (`export --help`).
  The two exports are compared file by file (form tokens, new on every render, aside).
- `--changed` after one edit there: a news article's title changed and published, as the admin
  does, then `pressroom export DIR --changed` into the full export's folder.
- With `--big DATA_DIR` (a data directory with 100,000 articles per language, from
  `pressroom seed --articles 100000`): the folder is copied first (never written to), then a
  full export, its peak memory, and `--changed` after one edit. This takes many minutes.

Writes a markdown report to bench/results/export-<stamp>.md (or --out) and prints it.
"""

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import PYTHON, RESULTS, ROOT, bench_env, prepare_data  # noqa: E402

TOKENS = re.compile(rb'(name="(?:csrfmiddlewaretoken|pr_ts)" value=)"[^"]*"')

# Runs inside `pressroom shell`: one article's title changed and published, as the admin does.
EDIT = """
from pressroom.news.models import NewsArticlePage
articles = NewsArticlePage.objects.published().filter(locale__language_code="zh-hans")
article = articles.exclude(live_revision=None).first() or articles.first()
mark = "（更正）"
title = article.title
article.title = title[: -len(mark)] if title.endswith(mark) else title + mark
article.save_revision().publish()
print(article.url)
"""


def timed(command: list[str], env: dict) -> dict:
    """Wall seconds, CPU seconds (with the processes it started) and peak memory of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": seconds, "cpu": cpu, "peak_mb": after.ru_maxrss / 1024, "out": done.stdout}


def export(out: Path, env: dict, *options: str) -> dict:
    result = timed([PYTHON, "-m", "pressroom", "export", str(out), *options], env)
    result["pages"] = sum(1 for _ in out.rglob("*.html"))
    result["files"] = sum(1 for item in out.rglob("*") if item.is_file())
    return result


def files_of(root: Path) -> dict[str, bytes]:
    return {
        item.relative_to(root).as_posix(): TOKENS.sub(rb'\1""', item.read_bytes())
        for item in root.rglob("*")
        if item.is_file() and item.name != ".pressroom-export.json"
    }


def edit_one_article(env: dict) -> str:
    done = subprocess.run(
        [PYTHON, "-m", "pressroom", "shell", "-c", EDIT],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def changed_after_edit(out: Path, env: dict) -> dict:
    path = edit_one_article(env)
    result = export(out, env, "--changed")
    result["edited"] = path
    result["written"] = re.search(r"Wrote (\d+) files", result["out"]).group(1)
    return result


def demo(env: dict, workers: int, rounds: int, work: Path) -> list[str]:
    startup = [timed([PYTHON, "-m", "pressroom", "export", "--help"], env) for _ in range(3)]
    start_cpu = statistics.median(r["cpu"] for r in startup)
    runs: dict[int, list[dict]] = {1: [], workers: []}
    for number in range(rounds):
        for count in runs:
            out = work / f"demo-{count}-{number}"
            runs[count].append(export(out, env, "--workers", str(count)))
    same = files_of(work / "demo-1-0") == files_of(work / f"demo-{workers}-0")
    changed = changed_after_edit(work / f"demo-{workers}-0", env)
    lines = [
        f"Start-up alone (`pressroom export --help`), median of 3: "
        f"{statistics.median(r['seconds'] for r in startup):.2f} s, {start_cpu:.2f} CPU s.",
        "",
        "| demo site, full export | pages (files) | wall s, median | pages/s | pages/s past "
        "start-up | CPU s | pages per CPU s past start-up | peak MB a process |",
        "|---|---|---|---|---|---|---|---|",
    ]
    start = statistics.median(r["seconds"] for r in startup)
    for count, results in runs.items():
        wall = statistics.median(r["seconds"] for r in results)
        pages = results[0]["pages"]
        each = ", ".join(f"{r['seconds']:.1f}" for r in results)
        cpu = statistics.median(r["cpu"] for r in results)
        lines.append(
            f"| --workers {count} ({rounds} rounds: "
            f"{each} s) "
            f"| {pages} ({results[0]['files']}) | {wall:.2f} | **{pages / wall:.0f}** "
            f"| {pages / max(wall - start, 0.01):.0f} "
            f"| {cpu:.1f} | {pages / max(cpu - start_cpu, 0.01):.0f} "
            f"| {max(r['peak_mb'] for r in results):.0f} |"
        )
    lines += [
        "",
        f"Files of the two exports {'identical' if same else '**DIFFERENT**'} (form tokens aside).",
        f"`--changed` after one edit ({changed['edited']}): **{changed['seconds']:.2f} s** wall, "
        f"{changed['written']} files written, {changed['cpu']:.1f} CPU s.",
    ]
    return lines


def big(data_dir: Path, env: dict, workers: int, work: Path) -> list[str]:
    copy = work / "big-data"
    print(f"copying {data_dir}...", flush=True)
    shutil.copytree(data_dir, copy, symlinks=True)
    big_env = {**env, "PRESSROOM_DATA_DIR": str(copy)}
    subprocess.run(
        [PYTHON, "-m", "pressroom", "migrate", "--no-input"],
        env=big_env,
        check=True,
        capture_output=True,
    )
    # A seeded article has no revision: the first edit of one cannot tell what changed and
    # re-renders every page of its lists. One edit before the full export gives it one.
    edit_one_article(big_env)
    out = work / "big-export"
    print("full export of the big site...", flush=True)
    full = export(out, big_env, "--workers", str(workers))
    print("--changed after one edit...", flush=True)
    changed = changed_after_edit(out, big_env)
    return [
        f"Big site ({data_dir}), full export with --workers {workers}: {full['pages']} pages "
        f"({full['files']} files) in **{full['seconds'] / 60:.1f} min** "
        f"({full['pages'] / full['seconds']:.0f} pages/s, {full['cpu']:.0f} CPU s, "
        f"peak {full['peak_mb']:.0f} MB a process).",
        f"Big site, `--changed` after one edit ({changed['edited']}): "
        f"**{changed['seconds']:.2f} s** wall, {changed['written']} files written, "
        f"{changed['cpu']:.1f} CPU s, peak {changed['peak_mb']:.0f} MB.",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--big", type=Path, metavar="DATA_DIR", help="also the 100,000 site")
    parser.add_argument("--skip-demo", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    data_dir = Path(os.environ.get("PRESSROOM_BENCH_DATA_DIR", ROOT / "bench" / ".data"))
    env = bench_env(data_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    lines = [
        f"# `pressroom export`, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start.",
        "",
    ]
    with tempfile.TemporaryDirectory(prefix="pressroom-bench-export-") as work:
        if not args.skip_demo:
            prepare_data(data_dir, env)
            subprocess.run(
                [PYTHON, "-m", "pressroom", "collectstatic", "--no-input"],
                env=env,
                check=True,
                capture_output=True,
            )
            print("demo site...", flush=True)
            lines += demo(env, args.workers, args.rounds, Path(work))
        if args.big:
            lines += [""] + big(args.big, env, args.workers, Path(work))
    lines += ["", f"Load average {os.getloadavg()[0]:.1f} at the end."]
    text = "\n".join(lines) + "\n"
    out = args.out or RESULTS / f"export-{stamp}.md"
    out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
