"""Feeds in the Telegram bot: admin commands and a repeating job that polls due feeds while serving.

    /feeds                  list the followed feeds (failing ones marked, with the reason)
    /feeds add URL [15m]    follow a feed
    /feeds remove ID        stop following it
    /feeds poll             poll every feed now

Wire it in after the Application is built:  `register(app, kabar, settings)`.

Every feed operation runs in a worker thread (asyncio.to_thread) on its own short-lived sqlite
connection, so the event loop and the serving Kabar's connection are never held up. After a poll that
stored articles, the vector index is updated through the bot's Gate when there is one (the serving
Kabar then reloads it), else on this Kabar in a worker thread.
"""
from __future__ import annotations

import asyncio
import logging
import re
from typing import Any, Callable, TypeVar

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes, filters

from corpus import coordination
from corpus.database import open_database
from corpus.feeds import ROUND_SECONDS, FeedError, PollReport, add_feed, interval_text, list_feeds, poll, remove_feed
from corpus.store import Store

from .service import Kabar
from .settings import BotSettings
from .answer import when_text
from .telegram_format import esc, esc_within

log = logging.getLogger("kabar.feeds")
T = TypeVar("T")

POLL_EVERY_SECONDS = 60          # how often the job looks for due feeds (each feed has its own interval)
LEASE = "feeds"                  # several replicas: the one holding this lease polls the round
LEASE_SECONDS = ROUND_SECONDS + 120   # a round starts no feed after ROUND_SECONDS; a holder that died frees it
MAX_LISTED_FAILURES = 10

TEXTS = {
    "id": {
        "usage": ("<b>Feed RSS/Atom</b>\n/feeds — daftar feed\n/feeds add URL [15m] — ikuti feed\n"
                  "/feeds remove ID — berhenti mengikuti\n/feeds poll — periksa semua feed sekarang"),
        "none": "Belum ada feed. Tambahkan dengan <code>/feeds add URL</code>.",
        "heading": "<b>Feed yang diikuti</b>", "every": "tiap", "failing": "⚠️ GAGAL {n}x, coba lagi {due}",
        "ok": "✅ terakhir {when}", "new": "⏳ belum diperiksa",
        "added": "✅ Feed {id} ditambahkan: {url} (tiap {every}). Diperiksa sekarang: {entries} entri, {new} artikel baru.",
        "refused": "❌ Feed tidak ditambahkan: {reason}",
        "probing": "⏳ Memeriksa feed…",
        "removed": "🗑 Feed {id} dihapus (artikelnya tetap tersimpan).", "no_feed": "Feed {id} tidak ada.",
        "not_admin": "Maaf, perintah ini hanya untuk admin.", "error": "❌ {reason}",
        "polling": "⏳ Memeriksa semua feed…",
        "polled": "📰 {feeds} feed diperiksa ({failed} gagal): {added} artikel baru, {updated} diperbarui.",
    },
    "en": {
        "usage": ("<b>RSS/Atom feeds</b>\n/feeds — list feeds\n/feeds add URL [15m] — follow a feed\n"
                  "/feeds remove ID — stop following\n/feeds poll — check every feed now"),
        "none": "No feeds yet. Add one with <code>/feeds add URL</code>.",
        "heading": "<b>Followed feeds</b>", "every": "every", "failing": "⚠️ FAILING {n}x, retry {due}",
        "ok": "✅ last {when}", "new": "⏳ not polled yet",
        "added": "✅ Feed {id} added: {url} (every {every}). Polled now: {entries} entries, {new} new articles.",
        "refused": "❌ Feed not added: {reason}",
        "probing": "⏳ Checking the feed…",
        "removed": "🗑 Feed {id} removed (its articles stay).", "no_feed": "No feed {id}.",
        "not_admin": "Sorry, this command is for admins only.", "error": "❌ {reason}",
        "polling": "⏳ Polling every feed…",
        "polled": "📰 {feeds} feeds polled ({failed} failed): {added} new articles, {updated} updated.",
    },
}


def _t(lang: str, key: str, **values: Any) -> str:
    return TEXTS[lang][key].format(**values)


def _lang(update: Update) -> str:
    user = update.effective_user
    return "en" if user and (user.language_code or "").lower().startswith("en") else "id"


class FeedsBot:
    """The /feeds command and the polling job, sharing one 'a poll is running' guard."""

    def __init__(self, application: Application, kabar: Kabar, settings: BotSettings):
        self.application = application
        self.kabar = kabar
        self.settings = settings
        self._polling = asyncio.Lock()
        self.holder = coordination.PROCESS_ID     # who holds the feed round's lease when this replica polls

    # -- the corpus, off the event loop ------------------------------------------------------------------
    def _on_store(self, fn: Callable[..., T], *args: Any) -> T:
        store = Store(open_database(self.kabar.settings.database))
        try:
            return fn(store, *args)
        finally:
            store.db.close()

    async def on_store(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.to_thread(self._on_store, fn, *args)

    async def poll(self, force: bool = False) -> PollReport | None:
        """One round (None when a round is already running); updates the vector index after new articles."""
        if self._polling.locked():
            return None
        async with self._polling:
            report = await self.on_store(lambda store: poll(store, force=force))
            for result in report.feeds:
                log.info("%s", result.summary())
                for failure in result.report.failures[:MAX_LISTED_FAILURES]:
                    log.warning("feed entry failed: %s", failure)
            if report.added or report.updated:
                await self.update_index()
            if report.added:
                await self.announce([i for result in report.feeds for i in result.report.article_ids])
            return report

    async def update_index(self) -> None:
        bot = self.application.bot_data.get("kabar_bot")
        gate = getattr(bot, "gate", None)
        try:
            if gate is not None:
                await gate.index_job()
            else:
                await asyncio.to_thread(self.kabar.update_index)
        except Exception:
            log.exception("vector index update after a feed poll failed (keyword search still works)")

    async def announce(self, article_ids: list[str]) -> None:
        """Topic alerts for the articles a poll added (through the bot, when it is there)."""
        alerts = self.application.bot_data.get("kabar_alerts")
        if alerts is not None:
            try:
                await alerts(article_ids)
            except Exception:
                log.exception("topic alerts after a feed poll failed")

    async def job(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The repeating job: poll the feeds that are due, when this replica holds the round's lease (with several
        replicas one of them polls each round; the others skip it)."""
        holder = self.holder
        try:
            if not await self.on_store(lambda store: coordination.take_lease(store.db, LEASE, holder, LEASE_SECONDS)):
                log.debug("feed round skipped: another replica holds the lease")
                return
            try:
                await self.poll()
            finally:
                await self.on_store(lambda store: coordination.release_lease(store.db, LEASE, holder))
        except Exception:
            log.exception("feed poll failed")

    # -- /feeds ------------------------------------------------------------------------------------------
    async def command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/feeds [add URL [interval] | remove ID | poll]: admins only."""
        message, user, lang = update.effective_message, update.effective_user, _lang(update)
        if not user or user.id not in self.settings.admin_ids:
            log.warning("refused /feeds from non-admin user %s", user.id if user else None)
            await message.reply_html(_t(lang, "not_admin"))
            return
        args = re.sub(r"^/\w+(@\w+)?", "", message.text or "", count=1).split()
        action = args[0].lower() if args else "list"
        try:
            if action == "list" and len(args) <= 1:
                await message.reply_html(await self.on_store(self.listing, lang))
            elif action == "add" and len(args) in (2, 3):
                await self.add(message, lang, args[1], args[2] if len(args) == 3 else None)
            elif action == "remove" and len(args) == 2 and args[1].isdigit():
                removed = await self.on_store(remove_feed, int(args[1]))
                await message.reply_html(_t(lang, "removed" if removed else "no_feed", id=int(args[1])))
            elif action == "poll" and len(args) == 1:
                status = await message.reply_html(_t(lang, "polling"))
                report = await self.poll(force=True)
                if report is not None:
                    await status.edit_text(self.poll_text(report, lang))
            else:
                await message.reply_html(_t(lang, "usage"))
        except FeedError as e:
            await message.reply_html(_t(lang, "error", reason=feed_reason(str(e), lang)))

    async def add(self, message: Any, lang: str, url: str, every: str | None) -> None:
        """Follow a feed only if it can be read now: it is polled once at once; a feed that fails is removed
        again and the admin told why."""
        feed = await self.on_store(add_feed, url, every)
        status = await message.reply_html(_t(lang, "probing"))
        async with self._polling:
            report = await self.on_store(lambda store: poll(store, force=True, feed_ids=[feed.id]))
        result = report.feeds[0] if report.feeds else None
        if result is None or result.status == "failed":
            await self.on_store(remove_feed, feed.id)
            reason = result.error if result else "?"
            log.info("feed %s refused: %s", feed.url, reason)
            await status.edit_text(_t(lang, "refused", reason=feed_reason(reason or "?", lang)))
            return
        await status.edit_text(_t(lang, "added", id=feed.id, url=esc_within(feed.url, 300),
                                  every=interval_text(feed.interval_seconds), entries=result.entries,
                                  new=result.report.added))
        if report.added or report.updated:
            await self.update_index()
        if report.added:
            await self.announce(result.report.article_ids)

    @staticmethod
    def listing(store: Store, lang: str) -> str:
        feeds = list_feeds(store)
        if not feeds:
            return _t(lang, "none")
        lines = [_t(lang, "heading")]
        for f in feeds:
            if f.failing:
                state = _t(lang, "failing", n=f.failures, due=esc(when_text(f.next_due, lang))) + \
                    f"\n    {feed_reason(f.last_error or '', lang)}"
            elif f.last_ok:
                state = _t(lang, "ok", when=esc(when_text(f.last_ok, lang)))
            else:
                state = _t(lang, "new")
            title = f" — {esc_within(f.title, 100)}" if f.title else ""
            lines.append(f"<b>{f.id}</b>. {esc_within(f.url, 300)}{title}\n    {_t(lang, 'every')} "
                         f"{interval_text(f.interval_seconds)} · {state}")
        return "\n".join(lines)[:4000]

    @staticmethod
    def poll_text(report: PollReport, lang: str) -> str:
        lines = [_t(lang, "polled", feeds=len(report.feeds), failed=len(report.failed_feeds), added=report.added,
                    updated=report.updated)]
        for failure in report.failures[:MAX_LISTED_FAILURES]:
            lines.append(f"• <code>{esc_within(failure.where, 200)}</code>: {esc_within(failure.reason, 300)}")
        return "\n".join(lines)[:4000]


_FEED_REASONS = [
    (r"is already followed as feed (\d+)", {"id": "sudah diikuti sebagai feed {0}", "en": "already followed as feed {0}"}),
    (r"not an RSS or Atom feed", {"id": "bukan feed RSS atau Atom", "en": "not an RSS or Atom feed"}),
    (r"is not an http\(s\) link|only http and https", {"id": "hanya tautan http dan https yang diterima",
                                                      "en": "only http and https links are accepted"}),
    (r"server answered HTTP (\d+)", {"id": "server menjawab HTTP {0}", "en": "the server answered HTTP {0}"}),
    (r"host .* not found", {"id": "alamat situs tidak ditemukan", "en": "the site's address was not found"}),
    (r"private, loopback or link-local", {"id": "alamat privat atau lokal ditolak",
                                          "en": "private or local addresses are refused"}),
    (r"not a feed \(content-type ([^)]*)\)", {"id": "bukan feed ({0})", "en": "not a feed ({0})"}),
    (r"no answer within|not fully received", {"id": "server tidak menjawab tepat waktu",
                                              "en": "the server did not answer in time"}),
    (r"interval", {"id": "selang waktu tidak dikenal (contoh: 15m, 1h)", "en": "unknown interval (e.g. 15m, 1h)"}),
]


def feed_reason(reason: str, lang: str) -> str:
    """Why a feed cannot be followed or polled, in the interface language (escaped HTML); a reason not
    known here is shown as it is."""
    for pattern, words in _FEED_REASONS:
        m = re.search(pattern, reason)
        if m:
            return esc(words[lang].format(*m.groups()))
    return esc_within(reason, 300)


def register(application: Application, kabar: Kabar, settings: BotSettings) -> FeedsBot:
    """Add /feeds (admins) and the repeating feed poll to `application`."""
    feeds = FeedsBot(application, kabar, settings)
    application.add_handler(CommandHandler("feeds", feeds.command, filters=filters.UpdateType.MESSAGE))
    if application.job_queue is None:
        log.warning("no job queue (install python-telegram-bot[job-queue]): feeds are polled only by "
                    "`kabar feeds poll` or /feeds poll")
    else:
        application.job_queue.run_repeating(feeds.job, interval=POLL_EVERY_SECONDS, first=POLL_EVERY_SECONDS / 2,
                                            name="kabar-feeds")
    application.bot_data["kabar_feeds"] = feeds
    return feeds
