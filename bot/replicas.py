"""One bot replica among several over one database: its heartbeat, the shared inbox of Telegram updates, the
shared question windows, and following the vector index other replicas change.

Several `kabar run --webhook` behind a load balancer share one database (the mechanisms and their SQL are in
corpus/coordination.py):

* Inbox (webhook mode). `InboxQueue` is the Application's update queue: an update is recorded in the
  database (update_id unique) before it is queued, and the webhook answers 200 only after that. A second
  delivery of the same update, to this replica or another, is dropped, so each update is handled once. When
  `ReplicaApplication` has handled an update it marks it done; the unfinished updates of a replica that died
  (no heartbeat for STALE_SECONDS, or stopped before it finished them) are adopted by a live one.
* Question windows. `SharedRateLimiter` keeps KABAR_RATE_LIMIT per user in the database, so a user who
  writes through two replicas gets the same limit as through one.
* Index. Every replica keeps its own FAISS index (KABAR_INDEX_DIR when they share a KABAR_HOME). `Replica`
  polls the index generation every HEARTBEAT_SECONDS; when another process stored vectors or changed
  passages, the replica updates its own index (Gate.index_job: embed what no one is embedding, add what is
  stored, drop what was deleted), so an article added through one replica is found by every replica's
  vector search within seconds. Keyword search is in the database: found at once everywhere.
* Feeds: one replica polls per round (a lease; bot/telegram_feeds.py).
"""
from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, TypeVar

from telegram import Update
from telegram.ext import Application

from corpus import coordination
from corpus.database import open_database

log = logging.getLogger("kabar.replicas")
T = TypeVar("T")
PRUNE_EVERY_SECONDS = 600.0


class Coordinator:
    """This process's seat among the replicas: its id, and a database connection of its own on one thread (the
    serving Kabar's lock, held while a background job embeds, never delays a heartbeat or an update's record)."""

    def __init__(self, database: str | Path, replica_id: str = coordination.PROCESS_ID):
        """`database`: Settings.database (KABAR_DATABASE_URL, or the SQLite file in KABAR_HOME)."""
        self.id = replica_id
        self._database = database
        self._db: Any = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kabar-replica")

    def _run(self, fn: Callable[..., T], *args: Any) -> T:
        if self._db is None:
            self._db = open_database(self._database)
        return fn(self._db, *args)

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """fn(database, *args) on the coordination thread."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, self._run, fn, *args)


class SharedRateLimiter:
    """KABAR_RATE_LIMIT over the database: at most `count` questions per user in any `seconds`; a question over
    it takes the next free slot, up to `max_queued` waiting per user (as bot.telegram_app.RateLimiter)."""

    def __init__(self, coordinator: Coordinator, count: int, seconds: float, max_queued: int | None = None):
        self.coordinator, self.count, self.seconds = coordinator, count, seconds
        self.max_queued = 2 * count if max_queued is None else max_queued

    async def reserve(self, user_id: int) -> float | None:
        """Seconds until this question's slot (0: now), the slot taken; None when too many already wait."""
        return await self.coordinator.call(coordination.rate_slot, user_id, self.count, self.seconds,
                                           self.max_queued, True)

    async def retry_after(self, user_id: int) -> float:
        """0 (and the question is counted) when the user may ask now, else seconds to wait."""
        return await self.coordinator.call(coordination.rate_slot, user_id, self.count, self.seconds, None, False)


class InboxQueue(asyncio.Queue):
    """The Application's update queue: an update is recorded in the shared inbox before it is queued (the webhook
    answers 200 after this), and dropped when any replica recorded it before."""

    def __init__(self, coordinator: Coordinator):
        super().__init__()
        self.coordinator = coordinator

    async def put(self, item: object) -> None:
        if isinstance(item, Update):
            fresh = await self.coordinator.call(coordination.record_update, item.update_id, item.to_dict(),
                                                self.coordinator.id)
            if not fresh:
                log.info("update %s was delivered before (a resend or a retry): dropped", item.update_id)
                return
        await super().put(item)

    def adopt(self, update: Update) -> None:
        """Queue an update recorded before (by a replica that died)."""
        super().put_nowait(update)


class ReplicaApplication(Application):
    """An Application that marks each update of the shared inbox done once its handlers have run."""

    replica: "Replica | None" = None

    async def process_update(self, update: object) -> None:
        await super().process_update(update)
        replica = self.replica
        if replica is not None and replica.inbox is not None and isinstance(update, Update):
            try:
                await replica.coordinator.call(coordination.finish_update, update.update_id)
            except Exception:   # noqa: BLE001 -- it stays open: adopted again only if this replica dies
                log.exception("update %s handled but not marked done", update.update_id)


class Replica:
    """The background work of one replica: heartbeat, adopting orphaned updates, following the index."""

    def __init__(self, coordinator: Coordinator, inbox: InboxQueue | None, follow: Callable[[int], Any] | None,
                 interval: float = coordination.HEARTBEAT_SECONDS):
        self.coordinator, self.inbox, self.follow, self.interval = coordinator, inbox, follow, interval
        self._task: asyncio.Task | None = None
        self._pruned = 0.0

    async def start(self, app: Application) -> None:
        await self.coordinator.call(coordination.heartbeat, self.coordinator.id)
        self._task = asyncio.create_task(self._loop(app), name="kabar-replica")
        log.info("replica %s: heartbeat every %.0f s%s", self.coordinator.id, self.interval,
                 "; updates recorded in the shared inbox" if self.inbox is not None else "")

    async def stop(self) -> None:
        """Stop the loop and leave: updates this replica did not finish are adopted by another one at once."""
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):   # noqa: BLE001
                pass
        try:
            await self.coordinator.call(coordination.retire, self.coordinator.id)
        except Exception:   # noqa: BLE001 -- the others see the heartbeat stop instead
            log.exception("could not leave the replica table")

    async def _loop(self, app: Application) -> None:
        while True:
            try:
                await self.tick(app)
            except asyncio.CancelledError:
                raise
            except Exception:   # noqa: BLE001 -- a database hiccup must not end the heartbeat
                log.exception("replica heartbeat failed; retrying")
            await asyncio.sleep(self.interval)

    async def tick(self, app: Application) -> None:
        """One round: heartbeat, adopt orphaned updates, follow the index generation, prune now and then."""
        call = self.coordinator.call
        await call(coordination.heartbeat, self.coordinator.id)
        if self.inbox is not None:
            adopted, given_up = await call(coordination.adopt_orphans, self.coordinator.id)
            for update_id in given_up:
                log.error("update %s given up: the replicas handling it died %d times", update_id,
                          coordination.MAX_ATTEMPTS)
            for update_id, payload in adopted:
                log.warning("adopted update %s of a replica that stopped before finishing it", update_id)
                self.inbox.adopt(Update.de_json(payload, app.bot))
        if self.follow is not None:
            self.follow(await call(coordination.generation))
        if time.monotonic() - self._pruned > PRUNE_EVERY_SECONDS:
            self._pruned = time.monotonic()
            await call(coordination.prune)
