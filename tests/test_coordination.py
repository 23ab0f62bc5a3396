"""Replicas' shared state (corpus/coordination.py) on one database (a SQLite file, then PostgreSQL) opened by
several connections, as two `kabar run` processes open it: updates taken once, orphans adopted, one rate limit, leases, embedding claims,
and the index generation."""
from __future__ import annotations

import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from corpus import coordination as co
from corpus.database import open_database
from corpus.records import Article
from corpus.store import Store


@pytest.fixture
def dbs(database):
    """Two connections to one database: replica A's and replica B's."""
    a, b = open_database(database), open_database(database)
    yield a, b
    a.close()
    b.close()


def test_an_update_is_recorded_once_whoever_receives_it(dbs, database):
    a, b = dbs
    assert co.record_update(a, 1, {"update_id": 1}, "A") is True
    assert co.record_update(b, 1, {"update_id": 1}, "B") is False          # the resend, at the other replica
    assert co.record_update(a, 1, {"update_id": 1}, "A") is False          # or at the same one

    taken: dict[int, list[str]] = {}

    def replica(name: str) -> None:     # both receive the same 200 updates at once, each on its own connection
        db = open_database(database)
        for update_id in range(100, 300):
            if co.record_update(db, update_id, {"update_id": update_id}, name):
                taken.setdefault(update_id, []).append(name)
        db.close()

    threads = [threading.Thread(target=replica, args=(n,)) for n in ("A", "B", "C")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(taken) == list(range(100, 300)) and all(len(v) == 1 for v in taken.values())


def test_the_open_updates_of_a_dead_replica_are_adopted_once(dbs):
    a, b = dbs
    now = 1000.0
    co.heartbeat(a, "A", now)
    co.heartbeat(b, "B", now)
    for update_id in (1, 2, 3):
        co.record_update(a, update_id, {"update_id": update_id, "message": {"text": f"q{update_id}"}}, "A", now)
    co.finish_update(a, 1, now)
    assert co.adopt_orphans(b, "B", now=now + 5) == ([], [])                 # A is alive: nothing to take
    co.heartbeat(b, "B", now + 20)                                             # A went silent 20 s ago
    adopted, given_up = co.adopt_orphans(b, "B", now=now + 20)
    assert [u for u, _ in adopted] == [2, 3] and adopted[0][1]["message"]["text"] == "q2" and given_up == []
    assert co.adopt_orphans(a, "C", now=now + 21) == ([], [])                 # B is alive and owns them now
    co.finish_update(b, 2, now + 21)
    co.retire(b, "B")                                                          # B stops before finishing 3
    adopted, _ = co.adopt_orphans(a, "C", now=now + 22)
    assert [u for u, _ in adopted] == [3]
    co.retire(a, "C")
    _, given_up = co.adopt_orphans(b, "D", now=now + 23)                      # a third owner died: given up
    assert given_up == [3]
    assert b.execute("SELECT COUNT(*) FROM updates WHERE done_at IS NULL").fetchone()[0] == 0


def test_one_rate_limit_across_replicas(dbs, database):
    a, b = dbs
    now = 5000.0
    waits = [co.rate_slot(db, 7, 3, 60, max_queued=2, now=now) for db in (a, b, a)]
    assert waits == [0, 0, 0]
    assert co.rate_slot(b, 7, 3, 60, max_queued=2, now=now + 1) == pytest.approx(59)    # queued for the next slot
    assert co.rate_slot(a, 7, 3, 60, max_queued=2, now=now + 1) == pytest.approx(59)
    assert co.rate_slot(b, 7, 3, 60, max_queued=2, now=now + 1) is None                 # two already wait
    assert co.rate_slot(a, 7, 3, 60, queue=False, now=now + 2) == pytest.approx(58)     # inline: not counted
    assert co.rate_slot(b, 8, 3, 60, max_queued=2, now=now + 2) == 0                    # per user

    granted = []

    def replica() -> None:      # 40 questions of one user at once through four connections: 3 may go now
        db = open_database(database)
        for _ in range(10):
            granted.append(co.rate_slot(db, 9, 3, 3600, max_queued=100))
        db.close()

    threads = [threading.Thread(target=replica) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(1 for w in granted if w == 0) == 3 and len(granted) == 40
    assert len(set(round(w) for w in granted if w)) == 37 // 3 + 1    # the others queue behind, slot by slot


def test_a_lease_has_one_holder_until_it_expires_or_is_released(dbs):
    a, b = dbs
    assert co.take_lease(a, "feeds", "A", 60, now=100)
    assert not co.take_lease(b, "feeds", "B", 60, now=110)
    assert co.take_lease(a, "feeds", "A", 60, now=120)                  # the holder renews
    assert co.take_lease(b, "feeds", "B", 60, now=181)                  # expired: B takes it
    co.release_lease(a, "feeds", "A")                                    # not A's any more: no effect
    assert not co.take_lease(a, "feeds", "A", 60, now=182)
    co.release_lease(b, "feeds", "B")
    assert co.take_lease(a, "feeds", "A", 60, now=183)


def _articles(n: int) -> list[Article]:
    return [Article(id=f"c{i}", title=f"Judul {i}", text=f"Isi berita nomor {i} tentang banjir di desa {i}.",
                    url=None, source="Uji", published="2026-11-30") for i in range(n)]


def test_two_embedders_claim_disjoint_passages_and_a_dead_ones_claims_are_freed(dbs):
    a, b = dbs
    for article in _articles(10):
        Store(a).upsert(article)
    mine = co.claim_contents(a, "m", "A", limit=4)
    theirs = co.claim_contents(b, "m", "B", limit=100)
    assert len(mine) == 4 and len(theirs) == 6 and not {h for h, _, _ in mine} & {h for h, _, _ in theirs}
    assert co.claim_contents(b, "m", "C", limit=100) == []               # everything is being embedded
    co.release_contents(a, "m", "A", [h for h, _, _ in mine])
    assert {h for h, _, _ in co.claim_contents(b, "m", "C", limit=100)} == {h for h, _, _ in mine}

    # a process of this machine that died holding a claim: its claim is free at once
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    host = co.PROCESS_ID.split(":")[0]
    holder = f"{host}:{dead.stdout.strip()}:dead"
    a.execute("UPDATE embed_claims SET holder = ? WHERE holder = 'C'", [holder])
    a.conn.commit()
    assert len(co.claim_contents(b, "m", "D", limit=100)) == 4
    # a claim expires after CLAIM_SECONDS
    assert co.claim_contents(a, "m", "E", limit=100) == []
    later = time.time() + co.CLAIM_SECONDS + 1
    assert len(co.claim_contents(a, "m", "E", limit=100, now=later)) == 10


def test_the_index_generation_moves_with_passages_and_vectors(dbs):
    a, b = dbs
    store = Store(a)
    seen = co.generation(b)
    status, article_id = store.upsert(_articles(1)[0])
    assert co.generation(b) == seen + 1
    store.upsert(_articles(1)[0])                                            # unchanged: nothing to follow
    assert co.generation(b) == seen + 1
    (content_hash, _, _), = co.claim_contents(a, "m", "A", limit=10)
    store.put_vectors("m", [content_hash], np.ones((1, 4), dtype=np.float32))
    assert co.generation(b) == seen + 2
    assert store.delete(article_id) and co.generation(b) == seen + 3
    assert not store.delete(article_id) and co.generation(b) == seen + 3


def test_one_replica_polls_the_feeds_per_round(database):
    """Two replicas' feed jobs fire together: one polls, the other skips the round; the lease is released after
    the round, so the next round may go to either; a holder that died frees it when it expires."""
    import asyncio
    from types import SimpleNamespace

    from bot.telegram_feeds import LEASE, FeedsBot

    polls: list[str] = []

    class Replica(FeedsBot):
        async def poll(self, force: bool = False):
            polls.append(self.holder)
            await asyncio.sleep(0.3)          # the round takes a while: the other job runs meanwhile

    kabar = SimpleNamespace(settings=SimpleNamespace(database=database))
    a, b = Replica(None, kabar, None), Replica(None, kabar, None)
    a.holder, b.holder = "A", "B"

    async def round_() -> None:
        await asyncio.gather(a.job(None), b.job(None))

    asyncio.run(round_())
    assert len(polls) == 1
    asyncio.run(round_())
    assert len(polls) == 2                        # released after the first round: the next one polled
    db = open_database(database)
    try:
        assert co.take_lease(db, LEASE, "dead", 60, now=time.time() - 61)   # a holder that died long ago
    finally:
        db.close()
    asyncio.run(round_())
    assert len(polls) == 3                        # its lease had expired
