"""Hostile pages, feeds and files (issue 11): each served for real on 127.0.0.1 or written to disk, and
ingested through the same code a user runs. Budgets are shortened with monkeypatch so a hostile server
is cut off quickly; nothing here times anything."""
from __future__ import annotations

import gzip
import json
import socketserver
import threading
import zlib

import pytest

import corpus.extract as extract_module
import corpus.feeds as feeds_module
import corpus.fetch as fetch_module
from corpus.feeds import add_feed, poll
from corpus.fetch import address_problem
from corpus.ingest import MAX_NAMED_FAILURES, ingest
from corpus.records import article_id_for

ARTICLE = ("<html><head><title>{title}</title></head><body><article>"
           "<p>Gubernur Kalimantan Tengah meresmikan Pasar Besar Palangka Raya yang baru direnovasi pekan ini.</p>"
           "<p>Pasar itu menampung 1.200 pedagang dan dibangun dengan biaya Rp75 miliar dari anggaran daerah.</p>"
           "<p>{extra}</p></article></body></html>")


def page(title: str, extra: str = "") -> bytes:
    return ARTICLE.format(title=title, extra=extra or title).encode()


def gzip_layers(data: bytes, layers: int) -> bytes:
    for _ in range(layers):
        data = gzip.compress(data, 9)
    return data


def zeros_gzip(size: int) -> bytes:
    """gzip of `size` zero bytes, compressed piece by piece (never held whole)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    out = [packer.compress(block) for _ in range(size >> 20)]
    return b"".join(out) + packer.flush()


class Site:
    """Raw HTTP responses by path; a path may drip its headers one byte at a time."""

    def __init__(self):
        self.routes: dict[str, tuple[bytes, bytes]] = {}   # path -> (head, body)
        self.drip: dict[str, float] = {}                    # path -> seconds between header bytes
        self.stop = threading.Event()

    def add(self, path: str, body: bytes, kind: str = "text/html; charset=utf-8", extra: dict | None = None):
        head = f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n"
        for key, value in (extra or {}).items():
            head += f"{key}: {value}\r\n"
        self.routes[path] = (head.encode() + b"\r\n", body)


@pytest.fixture
def site(monkeypatch):
    monkeypatch.setenv("KABAR_ALLOW_PRIVATE_URLS", "1")
    state = Site()

    class Handler(socketserver.BaseRequestHandler):
        def handle(self):
            request = b""
            while b"\r\n\r\n" not in request:
                piece = self.request.recv(4096)
                if not piece:
                    return
                request += piece
            path = request.split(b" ")[1].decode()
            head, body = state.routes.get(path, (b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", b""))
            try:
                if path in state.drip:
                    # Headers that never end: one byte every `drip` seconds for 40 s, then the connection
                    # closes (before the fix a fetch waited all that time, then failed for another reason).
                    self.request.sendall(head[:-2] + b"X-Pad: ")
                    for _ in range(int(40 / state.drip[path])):
                        if state.stop.wait(state.drip[path]):
                            return
                        self.request.sendall(b"a")
                    return
                else:
                    self.request.sendall(head)
                self.request.sendall(body)
            except OSError:
                pass

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    state.stop.set()
    server.shutdown()
    server.server_close()


# -- 1. stacked encodings -------------------------------------------------------------------------------------
def test_stacked_gzip_bomb_is_refused_and_the_next_link_is_stored(store, site):
    bomb = gzip_layers(zeros_gzip(256 << 20), 2)      # 256 MB of zeros in three gzip layers: a few KB
    assert len(bomb) < 10_000
    site.add("/bomb3", bomb, extra={"Content-Encoding": "gzip, gzip, gzip"})
    double = gzip.compress(zeros_gzip(200 << 20), 9)  # 200 MB in two layers: allowed layers, too large
    site.add("/bomb2", double, extra={"Content-Encoding": "gzip, gzip"})
    site.add("/ok", gzip.compress(page("Pasar baru diresmikan")), extra={"Content-Encoding": "gzip"})
    report = ingest(store, [site.base + "/bomb3", site.base + "/bomb2", site.base + "/ok"])
    assert report.added == 1, report.failures
    assert [f.where for f in report.failures] == [site.base + "/bomb3", site.base + "/bomb2"]
    assert "3 stacked content encodings" in report.failures[0].reason
    assert "larger than 5 MB once decompressed" in report.failures[1].reason
    [stored] = store.db.query("SELECT * FROM articles")
    assert stored["title"] == "Pasar baru diresmikan" and "1.200 pedagang" in stored["text"]


# -- 2. one budget for the whole fetch; feeds do not wait for each other --------------------------------------
def test_a_server_dripping_its_headers_is_cut_off_and_the_next_feed_is_polled(store, site, monkeypatch):
    monkeypatch.setattr(fetch_module, "TOTAL_SECONDS", 10.0)
    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Uji</title>'
           f'<item><title>Pasar</title><link>{site.base}/berita/1</link></item></channel></rss>').encode()
    site.add("/slow.xml", rss, "application/rss+xml")
    site.drip["/slow.xml"] = 0.25
    site.add("/fast.xml", rss, "application/rss+xml")
    site.add("/berita/1", page("Pasar baru diresmikan"))
    add_feed(store, site.base + "/slow.xml")
    add_feed(store, site.base + "/fast.xml")
    report = poll(store)
    slow, fast = report.feeds
    assert slow.status == "failed" and "not fully received within 10 s" in slow.error
    assert fast.status == "ok" and fast.report.added == 1


def test_a_page_dripping_its_headers_is_cut_off_during_ingest(store, site, monkeypatch):
    monkeypatch.setattr(fetch_module, "TOTAL_SECONDS", 10.0)
    site.add("/slow", page("Lambat"))
    site.drip["/slow"] = 0.25
    site.add("/ok", page("Pasar baru diresmikan"))
    report = ingest(store, [site.base + "/slow", site.base + "/ok"])
    assert report.added == 1
    assert report.failures[0].where == site.base + "/slow"
    assert "not fully received within 10 s" in report.failures[0].reason


def test_a_feed_round_stops_starting_feeds_when_its_time_is_up(store, site, monkeypatch):
    monkeypatch.setattr(feeds_module, "ROUND_SECONDS", 0.0)
    site.add("/a.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><title>A</title></channel></rss>',
             "application/rss+xml")
    first = add_feed(store, site.base + "/a.xml")
    report = poll(store)
    assert report.feeds == [] and report.postponed == 1 and "1 due feeds left" in report.summary()
    monkeypatch.setattr(feeds_module, "ROUND_SECONDS", 300.0)
    assert [f.feed_id for f in poll(store).feeds] == [first.id]      # still due: polled next round


# -- 3. extraction bounded in size and time -------------------------------------------------------------------
def test_quadratic_html_is_cut_off_and_the_next_file_is_stored(store, tmp_path, monkeypatch):
    monkeypatch.setattr(extract_module, "EXTRACT_SECONDS", 6.0)
    hostile = tmp_path / "attributes.html"
    attributes = " ".join(f"a{i}=x" for i in range(300_000))
    hostile.write_text(f"<html><body><p {attributes}>Teks berita yang cukup panjang di sini.</p></body></html>")
    good = tmp_path / "good.html"
    good.write_bytes(page("Pasar baru diresmikan"))
    report = ingest(store, [str(hostile), str(good)])
    assert report.added == 1
    assert report.failures[0].where == str(hostile)
    assert "field 'html': extraction stopped after 6 s" in report.failures[0].reason


def test_an_html_file_larger_than_the_cap_is_refused_unread(store, tmp_path, monkeypatch):
    monkeypatch.setattr(extract_module, "MAX_HTML_CHARS", 10_000)
    big = tmp_path / "big.html"
    big.write_bytes(page("Besar", "kata " * 5000))
    report = ingest(store, [str(big)])
    assert report.added == 0 and "more than the 10,000 extracted" in report.failures[0].reason


# -- 8. odd charsets never stop an ingest or a feed -----------------------------------------------------------
@pytest.mark.parametrize("charset", ["base64", "rot13", "hex", "idna", "no-such-charset"])
def test_a_page_declaring_a_non_text_charset_is_read_as_utf8(store, site, charset):
    site.add("/odd", page("Harga cabai naik"), f"text/html; charset={charset}")
    site.add("/ok", page("Pasar baru diresmikan"))
    report = ingest(store, [site.base + "/odd", site.base + "/ok"])
    assert report.failures == [] and report.added == 2
    assert {r["title"] for r in store.db.query("SELECT * FROM articles")} == {"Harga cabai naik", "Pasar baru diresmikan"}


def test_a_feed_entry_that_fails_is_recorded_and_given_up_after_max_attempts(store, site, monkeypatch):
    monkeypatch.setattr(extract_module, "EXTRACT_SECONDS", 6.0)
    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Uji</title>'
           f'<item><title>Buruk</title><link>{site.base}/bad</link></item>'
           f'<item><title>Baik</title><link>{site.base}/good</link></item></channel></rss>').encode()
    site.add("/feed.xml", rss, "application/rss+xml")
    attributes = " ".join(f"a{i}=x" for i in range(300_000))
    site.add("/bad", f"<html><body><p {attributes}>x</p></body></html>".encode())
    site.add("/good", page("Pasar baru diresmikan"))
    feed = add_feed(store, site.base + "/feed.xml")
    for attempt in range(1, feeds_module.MAX_ENTRY_ATTEMPTS + 1):
        result = poll(store, force=True).feeds[0]
        assert result.status == "ok"
        assert [f.where for f in result.report.failures] == [site.base + "/bad"], result.report.failures
        attempts = store.db.execute("SELECT attempts FROM feed_entries WHERE link = ?", [site.base + "/bad"]).fetchone()
        assert attempts == (attempt,)
    result = poll(store, force=True).feeds[0]
    assert result.report.failures == [] and result.known == 2       # given up on; the good one stored
    assert store.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
    assert feed.id == result.feed_id


# -- 5. addresses that embed a loopback or private IPv4 address -------------------------------------------------
@pytest.mark.parametrize("address, problem", [
    ("2002:7f00:1::", "loopback"),                   # 6to4 of 127.0.0.1
    ("2002:a00:1::", "private"),                     # 6to4 of 10.0.0.1
    ("2002:a9fe:a9fe::", "link-local"),              # 6to4 of 169.254.169.254 (cloud metadata)
    ("64:ff9b::7f00:1", "loopback"),                 # NAT64 of 127.0.0.1
    ("64:ff9b::a9fe:a9fe", "link-local"),            # NAT64 of 169.254.169.254
    ("64:ff9b:1::c0a8:1", "private"),                # local-use NAT64 of 192.168.0.1
    ("::ffff:127.0.0.1", "loopback"),                # IPv4-mapped
    ("::127.0.0.1", "loopback"),                     # IPv4-compatible
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback"),   # Teredo, client 127.0.0.1
])
def test_ipv6_forms_of_private_addresses_are_refused(address, problem):
    assert address_problem(address) == problem


def test_public_addresses_still_pass():
    for address in ("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "2002:5db8:d822::",
                    "::ffff:93.184.216.34"):
        assert address_problem(address) is None, address


def test_a_6to4_loopback_link_is_refused_before_any_connection(store):
    report = ingest(store, ["http://[2002:7f00:1::]/berita/1"])
    assert report.added == 0 and "2002:7f00:1::: loopback" in report.failures[0].reason


# -- 6. the query string is part of an article's identity --------------------------------------------------------
def test_articles_differing_only_in_their_query_string_are_kept_apart(store, site):
    for n in (1001, 1002):
        site.add(f"/read.php?id={n}", page(f"Berita nomor {n}"))
    site.add("/read.php?id=1001&utm_source=wa&utm_medium=share", page("Berita nomor 1001"))
    report = ingest(store, [site.base + "/read.php?id=1001", site.base + "/read.php?id=1002",
                            site.base + "/read.php?id=1001&utm_source=wa&utm_medium=share"])
    assert (report.added, report.updated, report.failed) == (2, 0, 0), report.failures
    assert report.unchanged == 1
    assert sorted((r["title"], r["url"]) for r in store.db.query("SELECT * FROM articles")) == [
        ("Berita nomor 1001", site.base + "/read.php?id=1001"), ("Berita nomor 1002", site.base + "/read.php?id=1002")]
    assert article_id_for("https://x.example/read.php?id=1&utm_campaign=a", "", "") == \
        article_id_for("https://www.x.example/read.php?id=1#top", "", "")
    assert article_id_for("https://x.example/a?b=2&a=1", "", "") == article_id_for("https://x.example/a?a=1&b=2", "", "")


def test_feed_entries_differing_only_in_their_query_string_are_all_stored(store, site):
    items = "".join(f"<item><title>Berita {n}</title><link>{site.base}/read.php?id={n}</link></item>" for n in (1, 2, 3))
    site.add("/feed.xml", f'<?xml version="1.0"?><rss version="2.0"><channel><title>Uji</title>{items}'
                          "</channel></rss>".encode(), "application/rss+xml")
    for n in (1, 2, 3):
        site.add(f"/read.php?id={n}", page(f"Berita nomor {n}"))
    add_feed(store, site.base + "/feed.xml")
    result = poll(store).feeds[0]
    assert result.report.added == 3 and result.known == 0


# -- 7. a URL already stored under another id; writers serialised --------------------------------------------------
def test_a_row_reusing_a_stored_url_under_another_id_is_a_named_failure(store, tmp_path):
    text = "Banjir merendam 120 rumah di Sampit pada Senin pagi. Warga mengungsi ke masjid terdekat."
    rows = [{"id": "a1", "title": "Banjir di Sampit", "url": "https://contoh.example/banjir", "text": text},
            {"id": "a2", "title": "Banjir lain", "url": "https://contoh.example/lain", "text": text + " Lain."},
            {"id": "a2", "title": "Banjir lain", "url": "https://contoh.example/banjir", "text": text + " Ubah."},
            {"id": "a3", "title": "Banjir baru", "url": "https://contoh.example/banjir", "text": text + " Baru."},
            {"id": "a4", "title": "Sesudahnya", "url": "https://contoh.example/sesudah", "text": text + " Akhir."}]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    report = ingest(store, [str(path)])
    assert report.added == 3 and report.updated == 0
    assert [(f.where, f.reason.split(":")[0]) for f in report.failures] == [
        (f"{path}:3", "field 'url'"), (f"{path}:4", "field 'url'")]
    assert "already stored as article 'a1'" in report.failures[0].reason
    stored = {r["id"]: r for r in store.db.query("SELECT * FROM articles")}
    assert sorted(stored) == ["a1", "a2", "a4"] and stored["a2"]["url"] == "https://contoh.example/lain"


# -- 8. no exception type aborts a file; failure lists are bounded -------------------------------------------------
def test_a_json_integer_over_4300_digits_is_a_named_failure(store, tmp_path):
    good = {"title": "Banjir di Sampit", "text": "Banjir merendam 120 rumah di Sampit pada Senin pagi."}
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({**good, "id": "a"}) + "\n" + '{"id": ' + "9" * 5000 + ', "title": "x"}\n'
                    + json.dumps({**good, "id": "b", "title": "Banjir lagi"}) + "\n")
    report = ingest(store, [str(path)])
    assert report.added == 2 and [f.where for f in report.failures] == [f"{path}:2"]
    assert "invalid JSON" in report.failures[0].reason


def test_failures_are_named_up_to_a_bound_then_counted(store, tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b"{bad\n" * 250_000)
        fh.write(json.dumps({"title": "Banjir di Sampit", "text": "Banjir merendam 120 rumah di Sampit."}).encode())
    assert path.stat().st_size < 10_000
    report = ingest(store, [str(path)])
    assert report.added == 1 and report.failed == 250_000
    assert len(report.failures) == MAX_NAMED_FAILURES and report.more_failures == 250_000 - MAX_NAMED_FAILURES
    lines = report.failure_lines()
    assert len(lines) == MAX_NAMED_FAILURES + 1 and lines[-1].startswith("... and 249,900 more failures")


def test_an_enormous_field_in_a_small_csv_gz_is_refused_in_bounded_memory(tmp_path):
    """500 MB in one field of a .csv.gz of about 500 KB: refused by line, in a process limited to 1 GB of
    address space (the file used to be decompressed whole first: 3.6 GB)."""
    import subprocess
    import sys

    path = tmp_path / "huge.csv.gz"
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    with open(path, "wb") as fh:
        fh.write(packer.compress(b"id,title,text\nh1,Judul,\"" ))
        block = b"a" * (1 << 20)
        for _ in range(500):
            fh.write(packer.compress(block))
        fh.write(packer.compress(b"\"\nh2,Judul dua,Teks berita yang cukup panjang untuk disimpan di sini.\n"))
        fh.write(packer.flush())
    assert path.stat().st_size < 1_000_000
    script = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30));"
              "from corpus.db import connect; from corpus.store import Store; from corpus.ingest import ingest;"
              f"r = ingest(Store(connect({str(tmp_path / 'kabar.db')!r})), [{str(path)!r}]);"
              "print(r.added, '|'.join(str(f) for f in r.failures))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    added, failures = done.stdout.strip().split(" ", 1)
    assert added == "0" and f"{path}:" in failures and "longer than 2,097,152 bytes" in failures


def test_a_gz_file_decompressing_past_the_cap_is_refused(store, tmp_path, monkeypatch):
    import corpus.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "MAX_DECOMPRESSED_BYTES", 1 << 20)
    row = json.dumps({"title": "Banjir di Sampit", "text": "Banjir merendam 120 rumah di Sampit pada Senin."})
    path = tmp_path / "many.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join([row] * 20_000) + "\n").encode()))
    report = ingest(store, [str(path)])
    assert report.unchanged > 0 and report.failures[-1].where == str(path)
    assert "more than 1,048,576 bytes once decompressed" in report.failures[-1].reason


# -- 10. typed results: the id an article is really stored under --------------------------------------------------
def test_a_link_already_stored_under_another_id_reports_that_id(store, site, tmp_path):
    """/add URL uses report.article_ids[0]: it must be the stored article's id (it used to be the id derived
    from the link, which /delete could not find, and the reply's title was empty)."""
    site.add("/berita/7", page("Pasar baru diresmikan"))
    row = tmp_path / "one.jsonl"
    row.write_text(json.dumps({"id": "kalteng-7", "title": "Pasar baru diresmikan", "url": site.base + "/berita/7",
                               "text": "Gubernur meresmikan Pasar Besar Palangka Raya yang baru direnovasi."}) + "\n")
    assert ingest(store, [str(row)]).article_ids == ["kalteng-7"]
    report = ingest(store, [site.base + "/berita/7"])
    assert report.updated == 1 and report.article_ids == ["kalteng-7"]
    assert store.article("kalteng-7")["title"] == "Pasar baru diresmikan"
    again = ingest(store, [site.base + "/berita/7"])
    assert again.unchanged == 1 and again.article_ids == ["kalteng-7"]


def test_upsert_and_index_update_return_typed_results(store, tmp_path):
    from corpus.ingest import ingest_text
    from corpus.store import Upserted

    first = ingest_text(store, "Pengumuman CPNS", "Pemprov Kalteng membuka 300 formasi CPNS tahun ini.")
    assert isinstance(first, Upserted) and first.status == "added" and store.article(first.article_id)
    assert ingest_text(store, "Pengumuman CPNS", "Pemprov Kalteng membuka 300 formasi CPNS tahun ini.") == \
        Upserted("unchanged", first.article_id)
