"""Shared state of several bot replicas over one database: who is alive, which Telegram updates were taken,
the per-user question windows, leases, embedding claims and the index generation.

Every function takes the store's database and commits its own short transaction (BEGIN IMMEDIATE on SQLite,
so two processes on one file take turns). The SQL is the subset SQLite and PostgreSQL share (INSERT ... ON
CONFLICT, conditional UPDATE with a row count), so the same code runs on both backends. Times are wall-clock
seconds (time.time()) of the writing process: replicas on several machines need synchronised clocks (NTP),
and every bound below is several seconds wide.

* Replicas: each process writes a heartbeat row (`replicas`) every few seconds; one that has not written for
  STALE_SECONDS is dead, and what it held (updates, claims) is taken over.
* Updates: a Telegram update is recorded (`updates`, update_id unique) before it is handled; a second delivery
  (Telegram re-sends a webhook that got no 200; a load balancer retries another replica) finds the row and is
  dropped. The replica that recorded it handles it and marks it done; the updates of a dead replica that are
  not done are adopted by a live one (`adopt_orphans`), at most MAX_ATTEMPTS times.
* Question windows (`rate_windows`): each user's counted question times, updated with optimistic concurrency
  (a version column), so a rate limit holds across replicas.
* Leases (`leases`): one holder at a time until it expires or is released (the feed poll round).
* Embedding claims (`embed_claims`): the passage contents a process is embedding; others skip them.
* Generations (`generations`): a counter bumped in the transaction that changes what the vector index must
  hold (passages added or dropped, vectors stored); replicas poll it to follow.
"""
from __future__ import annotations

import json
import os
import socket
import time
import uuid
from contextlib import contextmanager
from typing import Iterator

STALE_SECONDS = 15.0        # a replica silent this long is dead (heartbeats every HEARTBEAT_SECONDS)
HEARTBEAT_SECONDS = 2.0
MAX_ATTEMPTS = 3            # an update whose replica died this many times is given up (logged)
CLAIM_SECONDS = 120.0       # an embedding claim (one batch) expires after this long
INDEX = "index"


def process_id() -> str:
    """A name for this process, unique across machines and restarts: host, pid and a random part."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


PROCESS_ID = process_id()


@contextmanager
def transaction(db) -> Iterator[object]:
    """One write transaction, taken at once (on SQLite BEGIN IMMEDIATE: the write lock before the first read);
    yields what to call `execute(sql, params)` on. `db` is the store's database: the store seam
    (corpus.database.Database, with its own `transaction()`), or a sqlite_utils Database."""
    begin = getattr(db, "transaction", None)
    if begin is not None:
        with begin() as tx:
            yield tx
        return
    conn = db.conn
    if conn.in_transaction:          # an implicit transaction left open by a write: end it first
        conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


# -- replicas -------------------------------------------------------------------------------------------------
def heartbeat(db, replica: str, now: float | None = None) -> None:
    """Say that `replica` is alive (first call: register it)."""
    now = time.time() if now is None else now
    host, _, rest = replica.partition(":")
    pid = int(rest.split(":")[0]) if rest.split(":")[0].isdigit() else None
    with transaction(db) as conn:
        conn.execute("INSERT INTO replicas (id, host, pid, started_at, seen_at) VALUES (?, ?, ?, ?, ?)"
                     " ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at", [replica, host, pid, now, now])


def retire(db, replica: str) -> None:
    """`replica` stops: its unfinished updates can be adopted at once, without waiting for STALE_SECONDS."""
    with transaction(db) as conn:
        conn.execute("DELETE FROM replicas WHERE id = ?", [replica])


def live_replicas(db, now: float | None = None, stale: float = STALE_SECONDS) -> list[str]:
    now = time.time() if now is None else now
    rows = db.execute("SELECT id FROM replicas WHERE seen_at >= ? ORDER BY started_at", [now - stale])
    return [r[0] for r in rows.fetchall()]


# -- Telegram updates -----------------------------------------------------------------------------------------
def record_update(db, update_id: int, payload: dict, owner: str, now: float | None = None) -> bool:
    """Record an update before it is handled: True when it is new (`owner` handles it), False when any replica
    recorded it before (a second delivery: drop it)."""
    now = time.time() if now is None else now
    with transaction(db) as conn:
        cursor = conn.execute(
            "INSERT INTO updates (update_id, payload, owner, received_at, attempts) VALUES (?, ?, ?, ?, 1)"
            " ON CONFLICT (update_id) DO NOTHING", [update_id, json.dumps(payload, ensure_ascii=False), owner, now])
        return cursor.rowcount == 1


def finish_update(db, update_id: int, now: float | None = None, note: str | None = None) -> None:
    now = time.time() if now is None else now
    with transaction(db) as conn:
        conn.execute("UPDATE updates SET done_at = ?, note = ? WHERE update_id = ? AND done_at IS NULL",
                     [now, note, update_id])


def adopt_orphans(db, owner: str, limit: int = 50, now: float | None = None, stale: float = STALE_SECONDS,
                  max_attempts: int = MAX_ATTEMPTS) -> tuple[list[tuple[int, dict]], list[int]]:
    """Take over the unfinished updates of dead replicas: ([(update_id, payload)] now owned by `owner`,
    [update ids given up after `max_attempts` owners died handling them])."""
    now = time.time() if now is None else now
    adopted, given_up = [], []
    rows = db.execute(   # read first: most ticks find nothing and take no write lock
        "SELECT u.update_id, u.owner, u.payload, u.attempts FROM updates u WHERE u.done_at IS NULL"
        " AND u.owner <> ? AND NOT EXISTS (SELECT 1 FROM replicas r WHERE r.id = u.owner AND r.seen_at >= ?)"
        " ORDER BY u.update_id LIMIT ?", [owner, now - stale, limit]).fetchall()
    if not rows:
        return adopted, given_up
    with transaction(db) as conn:   # each UPDATE checks the owner read above, so a race takes nothing twice
        for update_id, previous, payload, attempts in rows:
            if attempts >= max_attempts:
                conn.execute("UPDATE updates SET done_at = ?, note = ? WHERE update_id = ? AND owner = ?",
                             [now, f"given up after {attempts} attempts", update_id, previous])
                given_up.append(update_id)
                continue
            taken = conn.execute("UPDATE updates SET owner = ?, attempts = attempts + 1 WHERE update_id = ?"
                                 " AND owner = ? AND done_at IS NULL", [owner, update_id, previous]).rowcount
            if taken == 1:
                adopted.append((update_id, json.loads(payload)))
    return adopted, given_up


def prune(db, now: float | None = None, keep_seconds: float = 86_400.0) -> int:
    """Forget finished updates older than a day (Telegram keeps an update at most 24 hours), replicas silent for
    as long, idle question windows and expired claims. Returns the updates removed."""
    now = time.time() if now is None else now
    with transaction(db) as conn:
        removed = conn.execute("DELETE FROM updates WHERE done_at IS NOT NULL AND done_at < ?",
                               [now - keep_seconds]).rowcount
        conn.execute("DELETE FROM replicas WHERE seen_at < ?", [now - keep_seconds])
        conn.execute("DELETE FROM rate_windows WHERE last_at < ?", [now - keep_seconds])
        conn.execute("DELETE FROM embed_claims WHERE expires_at < ?", [now])
    return removed


# -- question windows (rate limits) ---------------------------------------------------------------------------
def take_slot(times: list[float], now: float, count: int, seconds: float, max_queued: int | None,
              queue: bool) -> tuple[list[float], float | None]:
    """A user's question times in the window after one more question: (times, wait). `queue`: the question
    takes the next free slot (wait = seconds until it; None when `max_queued` already wait, nothing taken);
    otherwise it is counted only when it may be asked now (wait 0), else wait = seconds until it may."""
    times = [at for at in times if now - at < seconds]
    if not queue:
        if len(times) >= count:
            return times, seconds - (now - times[0])
        return times + [now], 0.0
    if max_queued is not None and sum(1 for at in times if at > now) >= max_queued:
        return times, None
    at = now if len(times) < count else max(now, times[-count] + seconds)
    return times + [at], at - now


def rate_slot(db, user_id: int, count: int, seconds: float, max_queued: int | None = None, queue: bool = True,
              now: float | None = None) -> float | None:
    """`take_slot` on the user's shared window: read it, compute, write it back only if no other replica wrote
    it meanwhile (its version is unchanged), else read again."""
    for _ in range(50):
        stamp = time.time() if now is None else now
        row = db.execute("SELECT times, version FROM rate_windows WHERE user_id = ?", [user_id]).fetchone()
        times = json.loads(row[0]) if row else []
        new, wait = take_slot(times, stamp, count, seconds, max_queued, queue)
        if new == times:
            return wait
        value = json.dumps([round(t, 3) for t in new])
        with transaction(db) as tx:
            if row is None:
                written = tx.execute("INSERT INTO rate_windows (user_id, times, version, last_at) VALUES (?, ?, 1, ?)"
                                     " ON CONFLICT (user_id) DO NOTHING", [user_id, value, max(new)]).rowcount
            else:
                written = tx.execute("UPDATE rate_windows SET times = ?, version = version + 1, last_at = ?"
                                     " WHERE user_id = ? AND version = ?", [value, max(new), user_id, row[1]]).rowcount
        if written == 1:
            return wait
    raise RuntimeError(f"the question window of user {user_id} kept changing under 50 attempts")


# -- leases ---------------------------------------------------------------------------------------------------
def take_lease(db, name: str, holder: str, seconds: float, now: float | None = None) -> bool:
    """Hold `name` for `seconds` unless someone else holds it unexpired; True when `holder` has it now."""
    now = time.time() if now is None else now
    with transaction(db) as conn:
        return conn.execute(
            "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
            " holder = excluded.holder, expires_at = excluded.expires_at"
            " WHERE leases.expires_at < ? OR leases.holder = excluded.holder",
            [name, holder, now + seconds, now]).rowcount == 1


def release_lease(db, name: str, holder: str) -> None:
    with transaction(db) as conn:
        conn.execute("DELETE FROM leases WHERE name = ? AND holder = ?", [name, holder])


# -- embedding claims -----------------------------------------------------------------------------------------
def claim_contents(db, model: str, holder: str, limit: int, now: float | None = None,
                   seconds: float = CLAIM_SECONDS) -> list[tuple[str, str, str]]:
    """Up to `limit` passage contents without a vector for `model` that no one else is embedding, claimed for
    `holder`: [(content_hash, title, passage text)], oldest passages first."""
    now = time.time() if now is None else now
    with transaction(db) as conn:
        if hasattr(conn, "lock"):
            conn.lock("embed_claims")    # PostgreSQL: claimers take turns (SQLite: BEGIN IMMEDIATE already does)
        _free_dead_claims(conn, model, now)
        rows = conn.execute(
            "SELECT p.content_hash, MIN(a.title), MIN(p.text) FROM passages p JOIN articles a ON a.id = p.article_id"
            " WHERE NOT EXISTS (SELECT 1 FROM vectors v WHERE v.model = ? AND v.content_hash = p.content_hash)"
            " AND NOT EXISTS (SELECT 1 FROM embed_claims c WHERE c.model = ? AND c.content_hash = p.content_hash"
            " AND c.holder <> ? AND c.expires_at >= ?)"
            " GROUP BY p.content_hash ORDER BY MIN(p.id) LIMIT ?", [model, model, holder, now, int(limit)]).fetchall()
        for content_hash, _, _ in rows:
            conn.execute("INSERT INTO embed_claims (model, content_hash, holder, expires_at) VALUES (?, ?, ?, ?)"
                         " ON CONFLICT (model, content_hash) DO UPDATE SET holder = excluded.holder,"
                         " expires_at = excluded.expires_at", [model, content_hash, holder, now + seconds])
    return [tuple(r) for r in rows]


def _free_dead_claims(conn, model: str, now: float) -> None:
    """Drop the claims whose holder is gone: expired, held by a replica whose heartbeat stopped, or by a process
    of this machine that no longer runs (a `kabar ingest` killed mid-batch: run again, it resumes at once)."""
    conn.execute("DELETE FROM embed_claims WHERE model = ? AND expires_at < ?", [model, now])
    conn.execute("DELETE FROM embed_claims WHERE model = ? AND holder IN (SELECT id FROM replicas WHERE seen_at < ?)",
                 [model, now - STALE_SECONDS])
    host = PROCESS_ID.split(":")[0]
    for (holder,) in conn.execute("SELECT DISTINCT holder FROM embed_claims WHERE model = ?", [model]).fetchall():
        their_host, _, rest = holder.partition(":")
        pid = rest.split(":")[0]
        if their_host == host and pid.isdigit() and not _running(int(pid)):
            conn.execute("DELETE FROM embed_claims WHERE model = ? AND holder = ?", [model, holder])


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:      # another user's process: it runs
        return True
    return True


def release_contents(db, model: str, holder: str, hashes: list[str]) -> None:
    with transaction(db) as conn:
        for start in range(0, len(hashes), 500):
            part = hashes[start:start + 500]
            conn.execute(f"DELETE FROM embed_claims WHERE model = ? AND holder = ? AND content_hash IN"
                         f" ({','.join('?' * len(part))})", [model, holder, *part])


# -- generations ----------------------------------------------------------------------------------------------
def bump(conn, name: str = INDEX) -> None:
    """Inside the caller's transaction: what `name` covers changed."""
    conn.execute("UPDATE generations SET value = value + 1 WHERE name = ?", [name])


def generation(db, name: str = INDEX) -> int:
    row = db.execute("SELECT value FROM generations WHERE name = ?", [name]).fetchone()
    return row[0] if row else 0
