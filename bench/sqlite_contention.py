"""SQLite under a busy day's writes, for ten minutes: `make bench-sqlite` (HOSTILE row G2).

Makes a fresh data folder, migrates it, and runs tests/security/sqlite_contention.py in it with
the production settings: contact posts at 50/s from 4 worker processes, 20 editors publishing
every 5 s, the scheduler, and an import of 2000 articles. Prints the summary and writes it to
bench/results/sqlite-contention-<time>.json. Any extra arguments go to the load generator,
e.g. `python bench/sqlite_contention.py --seconds 180`.
"""

import json
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    data = Path(tempfile.mkdtemp(prefix="pressroom-sqlite-bench-"))
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PRESSROOM_", "DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="pressroom.settings",
        PRESSROOM_DATA_DIR=str(data),
        PRESSROOM_DEBUG="0",
        SECRET_KEY=os.environ.get("SECRET_KEY", "bench-" + "q8Zr4Lx2Pw" * 6),
        ALLOWED_HOSTS="www.example.com",
        PYTHONPATH=str(ROOT),
    )
    subprocess.run([sys.executable, "-m", "pressroom", "migrate", "-v0"], env=env, check=True)
    args = ["--seconds", "600", "--import-articles", "2000", "--scheduled", "60", *argv]
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-m", "tests.security.sqlite_contention", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    if done.returncode != 0:
        print(done.stdout, file=sys.stderr)
        return done.returncode
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    summary["arguments"] = args
    out = ROOT / "bench/results" / f"sqlite-contention-{datetime.now(UTC):%Y%m%d-%H%M}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    print(f"written to {out}  (data folder {data})")
    ok = summary["error_count"] == 0 and summary["messages_lost"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
