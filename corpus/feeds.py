"""RSS and Atom feeds: poll them, fetch each new entry's page, store the article.

A poll round takes the feeds that are due, asks each with a conditional request (If-None-Match /
If-Modified-Since; a 304 ingests nothing), parses RSS or Atom (feedparser), and for every entry whose
link is not stored yet fetches the page (corpus.fetch: safe links only), extracts the article
(trafilatura), takes the feed entry's date when the page gives none (or only the same day), and
stores it. A feed that fails is retried later with exponential backoff and never stops the others;
an entry whose page fails is retried on later polls, MAX_ENTRY_ATTEMPTS times at most.

Times in the feeds table are ISO 8601 UTC text; article dates stay offset-aware ISO (WIB, +07:00).
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

from .fetch import FEED_TYPES, FetchError, request
from .ingest import Failure, Report, fetch_article, store_row
from .records import WIB, BadRecord, article_id_for, parse_published
from .store import Store

DEFAULT_INTERVAL = "15m"
MIN_INTERVAL_SECONDS = 60
MAX_BACKOFF_SECONDS = 6 * 3600
MAX_FEED_BYTES = 2 * 1024 * 1024
MAX_NEW_PER_POLL = 30          # pages fetched per feed per round; the rest wait for the next round
MAX_ENTRY_ATTEMPTS = 3
# Wall-clock budgets (each page fetch has its own, corpus.fetch.TOTAL_SECONDS): a feed starts no new entry
# page after FEED_SECONDS, a round starts no new feed after ROUND_SECONDS. What is left waits for the next
# round (unfetched entries; feeds that stay due), so one slow feed holds the others up for at most
# FEED_SECONDS plus one page's budget.
FEED_SECONDS = 120.0
ROUND_SECONDS = 300.0


class FeedError(Exception):
    """A feed cannot be added, found or read; the message says why."""


def parse_interval(text: str | int | None) -> int:
    """'15m', '1h', '2h30m', '90s', '1d' or a number of minutes -> seconds (at least one minute)."""
    if text is None or str(text).strip() == "":
        text = DEFAULT_INTERVAL
    value = str(text).strip().lower()
    if value.isdigit():
        seconds = int(value) * 60
    else:
        parts = re.findall(r"(\d+)\s*([smhd])", value)
        if not parts or re.sub(r"\d+\s*[smhd]", "", value).strip():
            raise FeedError(f"interval {str(text)[:20]!r}: use e.g. 15m, 1h, 2h30m or 1d")
        seconds = sum(int(n) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit] for n, unit in parts)
    if seconds < MIN_INTERVAL_SECONDS:
        raise FeedError(f"interval {str(text)[:20]!r}: at least one minute")
    return seconds


def interval_text(seconds: int) -> str:
    out = ""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            out += f"{seconds // size}{unit}"
            seconds %= size
    return out or "0s"


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def _iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Feed:
    id: int
    url: str
    title: str | None
    interval_seconds: int
    etag: str | None
    last_modified: str | None
    added_at: str
    last_polled: str | None
    last_ok: str | None
    failures: int
    next_due: str | None
    last_error: str | None

    @property
    def failing(self) -> bool:
        return self.failures > 0

    def status(self) -> str:
        if self.failing:
            return f"FAILING ({self.failures}x, retry at {self.next_due}): {self.last_error}"
        if self.last_ok:
            return f"ok (last {self.last_ok}, next {self.next_due})"
        return "not polled yet"


_FEED_COLUMNS = ("id, url, title, interval_seconds, etag, last_modified, added_at, last_polled, last_ok,"
                 " failures, next_due, last_error")


def list_feeds(store: Store) -> list[Feed]:
    return [Feed(*r) for r in store.db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY id").fetchall()]


def get_feed(store: Store, feed_id: int) -> Feed | None:
    row = store.db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE id = ?", [feed_id]).fetchone()
    return Feed(*row) if row else None


def add_feed(store: Store, url: str, every: str | int | None = None) -> Feed:
    """Follow the feed at `url`, polled every `every` (default 15m); it is due at once."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FeedError(f"{url[:80]!r} is not an http(s) link")
    interval = parse_interval(every)
    with store.db.transaction() as db:
        db.lock("feeds")
        existing = db.execute("SELECT id FROM feeds WHERE url = ?", [url]).fetchone()
        if existing:
            raise FeedError(f"{url} is already followed as feed {existing[0]}")
        now = _iso(_now())
        feed_id = db.execute(
            "INSERT INTO feeds (url, interval_seconds, added_at, failures, next_due) VALUES (?, ?, ?, 0, ?)"
            " RETURNING id", [url, interval, now, now]).fetchone()[0]
    return get_feed(store, feed_id)


def remove_feed(store: Store, feed_id: int) -> bool:
    """Stop following a feed; the articles it brought stay."""
    return store.db.execute("DELETE FROM feeds WHERE id = ?", [feed_id]).rowcount > 0


@dataclass
class FeedResult:
    feed_id: int
    url: str
    status: str = "ok"                 # ok | not modified | failed
    entries: int = 0                   # entries in the feed document
    known: int = 0                     # entries already stored (or given up on)
    report: Report = field(default_factory=Report)
    error: str | None = None
    next_due: str | None = None

    def summary(self) -> str:
        if self.status == "failed":
            return f"feed {self.feed_id} {self.url}: FAILED ({self.error}); retry at {self.next_due}"
        if self.status == "not modified":
            return f"feed {self.feed_id} {self.url}: not modified"
        return (f"feed {self.feed_id} {self.url}: {self.entries} entries, {self.known} already stored; "
                f"{self.report.summary()}")


@dataclass
class PollReport:
    feeds: list[FeedResult] = field(default_factory=list)
    postponed: int = 0                 # due feeds left for the next round (the round's time was up)

    @property
    def added(self) -> int:
        return sum(f.report.added for f in self.feeds)

    @property
    def updated(self) -> int:
        return sum(f.report.updated for f in self.feeds)

    @property
    def failures(self) -> list[Failure]:
        """Failed feeds and failed entry pages, each with its reason."""
        out = []
        for f in self.feeds:
            if f.status == "failed":
                out.append(Failure(f.url, f.error or "?"))
            out.extend(f.report.failures)
        return out

    @property
    def failed_feeds(self) -> list[FeedResult]:
        return [f for f in self.feeds if f.status == "failed"]

    def summary(self) -> str:
        later = f"; {self.postponed} due feeds left for the next round" if self.postponed else ""
        return (f"{len(self.feeds)} feeds polled ({len(self.failed_feeds)} failed): {self.added} articles added, "
                f"{self.updated} updated, {sum(f.report.failed for f in self.feeds)} entries failed{later}")


def poll(store: Store, force: bool = False, feed_ids: list[int] | None = None,
         now: datetime | None = None) -> PollReport:
    """One round: every due feed (every feed with `force`), each on its own; failures are reported."""
    now = now or _now()
    report = PollReport()
    round_end = time.monotonic() + ROUND_SECONDS
    for feed in list_feeds(store):
        if feed_ids is not None and feed.id not in feed_ids:
            continue
        if time.monotonic() > round_end:
            report.postponed += 1          # not claimed: it stays due for the next round
            continue
        if not force and not _claim(store, feed, now):
            continue
        try:
            result = poll_feed(store, feed, now)
        except Exception as e:   # noqa: BLE001 -- one feed's trouble, whatever it is, must not stop the others
            reason = str(e) if isinstance(e, (FetchError, FeedError)) else f"{type(e).__name__}: {e}"
            result = FeedResult(feed.id, feed.url, "failed", error=reason)
            result.next_due = _record_failure(store, feed, now, reason)
        report.feeds.append(result)
    return report


def _claim(store: Store, feed: Feed, now: datetime) -> bool:
    """Whether `feed` is due; if so it is marked taken (next_due moves on) so a parallel poller skips it."""
    stamp = _iso(now)
    return store.db.execute(
        "UPDATE feeds SET next_due = ? WHERE id = ? AND (next_due IS NULL OR next_due <= ?)",
        [_iso(now + timedelta(seconds=feed.interval_seconds)), feed.id, stamp]).rowcount == 1


def backoff_seconds(interval: int, failures: int) -> int:
    """The wait after `failures` failures in a row: the interval doubled each time, at most 6 hours
    (or the interval itself when that is longer)."""
    return max(interval, min(interval * 2 ** failures, MAX_BACKOFF_SECONDS))


def _record_failure(store: Store, feed: Feed, now: datetime, reason: str) -> str:
    failures = feed.failures + 1
    due = _iso(now + timedelta(seconds=backoff_seconds(feed.interval_seconds, failures)))
    store.db.execute(
        "UPDATE feeds SET failures = ?, last_error = ?, last_polled = ?, next_due = ? WHERE id = ?",
        [failures, reason[:500], _iso(now), due, feed.id])
    return due


def poll_feed(store: Store, feed: Feed, now: datetime | None = None) -> FeedResult:
    """Poll one feed now; raises FetchError / FeedError when the feed itself cannot be read."""
    now = now or _now()
    feed_end = time.monotonic() + FEED_SECONDS
    result = FeedResult(feed.id, feed.url)
    headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    response = request(feed.url, kinds=FEED_TYPES, headers=headers, max_bytes=MAX_FEED_BYTES, what="feed")
    due = _iso(now + timedelta(seconds=feed.interval_seconds))
    result.next_due = due
    if response.status == 304:
        result.status = "not modified"
        store.db.execute(
            "UPDATE feeds SET last_polled = ?, last_ok = ?, failures = 0, last_error = NULL, next_due = ?"
            " WHERE id = ?", [_iso(now), _iso(now), due, feed.id])
        return result
    parsed = parse_feed(response.body, response.url, response.headers.get("content-type", ""), feed.url)
    entries = parsed.entries
    result.entries = len(entries)
    feed_title = (parsed.feed.get("title") or "").strip() or None
    fetched = 0
    complete = True
    for entry in entries:
        link = _entry_link(entry, response.url)
        if link is None:
            result.report.fail(f"{feed.url} (entry {str(entry.get('title', ''))[:60]!r})",
                               "entry without an http(s) link")
            continue
        if _known(store, feed.id, link):
            result.known += 1
            continue
        if fetched >= MAX_NEW_PER_POLL or time.monotonic() > feed_end:
            complete = False
            continue
        fetched += 1
        _ingest_entry(store, feed, entry, link, feed_title, result.report, now)
    etag = response.headers.get("etag") if complete else None
    modified = response.headers.get("last-modified") if complete else None
    store.db.execute(
        "UPDATE feeds SET title = COALESCE(?, title), etag = ?, last_modified = ?, last_polled = ?, last_ok = ?,"
        " failures = 0, last_error = NULL, next_due = ? WHERE id = ?",
        [feed_title, etag, modified, _iso(now), _iso(now), due, feed.id])
    return result


def parse_feed(body: bytes, url: str, content_type: str = "", name: str | None = None):
    """The feedparser reading of a feed document, or FeedError when it is neither RSS nor Atom."""
    import feedparser

    try:
        parsed = feedparser.parse(body, response_headers={"content-location": url, "content-type": content_type})
    except Exception as e:   # noqa: BLE001 -- a parser's surprise is this feed's failure, named
        raise FeedError(f"{name or url}: unreadable feed ({type(e).__name__}: {str(e)[:200]})") from None
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError(f"{name or url}: not an RSS or Atom feed" + (f" ({problem})" if problem else ""))
    return parsed


def _entry_link(entry, base: str) -> str | None:
    link = (entry.get("link") or "").strip()
    if not link:
        for candidate in entry.get("links") or []:
            if candidate.get("href") and candidate.get("rel", "alternate") == "alternate":
                link = candidate["href"].strip()
                break
    if not link:
        return None
    link = urljoin(base, link)
    return link if urlsplit(link).scheme in ("http", "https") else None


def _known(store: Store, feed_id: int, link: str) -> bool:
    """Stored already (by this link or its normalised id, from any feed or ingest), or given up on."""
    if store.db.execute("SELECT 1 FROM articles WHERE url = ? OR id = ?",
                        [link, article_id_for(link, "", "")]).fetchone():
        return True
    return store.db.execute(
        "SELECT 1 FROM feed_entries WHERE link = ? AND (article_id IS NOT NULL OR (feed_id = ? AND attempts >= ?))",
        [link, feed_id, MAX_ENTRY_ATTEMPTS]).fetchone() is not None


def entry_date(entry) -> str | None:
    """The entry's date (published, else updated) as offset-aware ISO in WIB (+07:00).

    RFC 822 dates (RSS) and ISO 8601 dates (Atom) keep their offset's instant; "-0000" and "GMT" are UTC;
    a date without any zone is taken as WIB, like every other date kabar stores."""
    for key in ("published", "updated", "created"):
        raw = (entry.get(key) or "").strip()
        if not raw:
            continue
        text = re.sub(r"-0000$", "+0000", raw)
        try:
            value = parse_published(text)
        except BadRecord:
            parsed = entry.get(f"{key}_parsed")      # feedparser's reading, in UTC
            if not parsed:
                continue
            value = datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
        if value and "T" in value:
            return datetime.fromisoformat(value).astimezone(WIB).isoformat()
        return value
    return None


def choose_date(page: str | None, feed: str | None) -> str | None:
    """The page's own date, unless it has none, or only the day the feed's more precise time falls on."""
    if not page:
        return feed
    if feed and "T" not in page and feed[:10] == page[:10]:
        return feed
    return page


def _ingest_entry(store: Store, feed: Feed, entry, link: str, feed_title: str | None, report: Report,
                  now: datetime) -> None:
    """Fetch, extract and store one entry's page. Whatever goes wrong (a refused link, a page that does not
    decode, a URL stored under another id, any surprise) is recorded against the entry, which is given up
    after MAX_ENTRY_ATTEMPTS polls; it never fails the feed."""
    conn = store.db
    try:
        raw = fetch_article(link)
        final_url = raw.get("url") or link
        if not raw.get("title"):
            raw["title"] = str(entry.get("title") or "").strip() or None
        raw["source"] = raw.get("source") or feed_title or urlsplit(final_url).hostname
        try:
            page_date = parse_published(raw.get("published"))
        except BadRecord:
            page_date = None
        raw["published"] = choose_date(page_date, entry_date(entry))
        upserted = store_row(store, raw)
    except Exception as e:   # noqa: BLE001 -- see the docstring; store_row lets only a full disk through
        reason = str(e) if isinstance(e, (FetchError, BadRecord, ValueError)) else f"{type(e).__name__}: {e}"
        conn.execute(
            "INSERT INTO feed_entries (feed_id, link, attempts, last_error, seen_at) VALUES (?, ?, 1, ?, ?)"
            " ON CONFLICT (feed_id, link) DO UPDATE SET attempts = feed_entries.attempts + 1, last_error = excluded.last_error",
            [feed.id, link, reason[:500], _iso(now)])
        report.fail(link, reason)
        return
    report.count(upserted)
    conn.execute(
        "INSERT INTO feed_entries (feed_id, link, article_id, attempts, seen_at) VALUES (?, ?, ?, 1, ?)"
        " ON CONFLICT (feed_id, link) DO UPDATE SET article_id = excluded.article_id, last_error = NULL",
        [feed.id, link, upserted.article_id, _iso(now)])
