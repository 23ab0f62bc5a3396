import gzip
import http.server
import json
import threading

import pytest

from corpus.ingest import ingest, ingest_text

GOOD = {"id": "a1", "title": "Banjir di Sampit", "url": "https://contoh.example/banjir-sampit", "source": "Kabar Contoh",
        "published": "2026-11-02T08:00:00+07:00",
        "text": "Banjir merendam 120 rumah di Sampit pada Senin pagi. Warga mengungsi ke masjid terdekat."}


def _row(**changes):
    return {**GOOD, **changes}


def _write_jsonl(path, rows):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_jsonl_good_rows_stored_bad_rows_named_by_line_and_field(store, tmp_path):
    path = tmp_path / "news.jsonl"
    _write_jsonl(path, [
        GOOD,
        "{not json",
        _row(id="a3", url="https://contoh.example/3", title=None),
        _row(id="a4", url="https://contoh.example/4", text=12345),
        _row(id="a5", url="https://contoh.example/5", published="kemarin sore"),
        _row(id="a6", url="https://contoh.example/6", title="Kedua", text="Pasar Kahayan ramai pembeli menjelang akhir pekan ini."),
    ])
    report = ingest(store, [str(path)])
    assert (report.added, report.failed) == (2, 4)
    reasons = {f.where: f.reason for f in report.failures}
    assert reasons[f"{path}:2"].startswith("invalid JSON")
    assert reasons[f"{path}:3"] == "field 'title': missing"
    assert "field 'text'" in reasons[f"{path}:4"] and "int" in reasons[f"{path}:4"]
    assert "field 'published'" in reasons[f"{path}:5"]
    assert store.counts()["articles"] == 2


def test_reingest_is_a_noop_and_a_changed_text_replaces_passages(store, tmp_path):
    path = tmp_path / "news.jsonl"
    _write_jsonl(path, [GOOD])
    assert ingest(store, [str(path)]).added == 1
    assert ingest(store, [str(path)]).unchanged == 1
    assert store.keyword_search("Sampit masjid")
    _write_jsonl(path, [_row(text="Banjir di Sampit sudah surut pada Selasa. Warga kembali ke rumah masing-masing.")])
    report = ingest(store, [str(path)])
    assert report.updated == 1
    texts = [p.text for p in store.passages([pid for pid, _ in store.keyword_search("Sampit")]).values()]
    assert texts and all("surut" in t for t in texts)
    assert store.keyword_search("masjid") == []   # the old passage left the keyword index too


def test_truncated_gzip_keeps_the_rows_before_the_damage(store, tmp_path):
    rows = [_row(id=f"g{i}", url=f"https://contoh.example/g{i}", text=GOOD["text"] + f" Nomor {i}.") for i in range(200)]
    data = gzip.compress("\n".join(json.dumps(r) for r in rows).encode())
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    report = ingest(store, [str(path)])
    assert report.added > 0 and report.failed == 1
    assert "gzip" in report.failures[0].reason
    assert store.counts()["articles"] == report.added


def test_csv_with_a_bad_row(store, tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        "id,title,url,source,published,text\n"
        'c1,Harga cabai naik,https://contoh.example/c1,Kabar Contoh,2026-10-05,"Harga cabai rawit naik menjadi Rp80.000 per kg di Pasar Kahayan."\n'
        "c2,,https://contoh.example/c2,Kabar Contoh,2026-10-05,Teks tanpa judul yang cukup panjang untuk disimpan.\n",
        encoding="utf-8",
    )
    report = ingest(store, [str(path)])
    assert report.added == 1
    assert [(f.where, f.reason) for f in report.failures] == [(f"{path}:3", "field 'title': missing")]
    assert store.article("c1")["published"] == "2026-10-05"


def test_text_markdown_and_html_files(store, tmp_path):
    (tmp_path / "a.txt").write_text("Rapat paripurna DPRD\nDPRD Kalteng menggelar rapat paripurna membahas APBD 2027 pada Kamis.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Festival Isen Mulang\n\nFestival budaya Isen Mulang digelar di Palangka Raya selama lima hari.", encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html><head><title>Jembatan Kahayan diperbaiki</title>"
        '<meta property="article:published_time" content="2026-11-03T10:00:00+07:00"></head>'
        "<body><script>alert('x')</script><nav>Menu Beranda Politik</nav><article><h1>Jembatan Kahayan diperbaiki</h1>"
        "<p>Dinas PUPR Kalteng memperbaiki lantai Jembatan Kahayan sepanjang 640 meter mulai pekan depan.</p>"
        "<p>Perbaikan ditargetkan selesai dalam tiga bulan dengan anggaran Rp4,5 miliar dari APBD provinsi.</p>"
        "</article></body></html>", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00\x01")
    report = ingest(store, [str(tmp_path)])
    assert (report.added, report.failed) == (3, 0), report.failures
    titles = {r["title"]: r for r in store.db.query("SELECT * FROM articles")}
    assert set(titles) == {"Rapat paripurna DPRD", "Festival Isen Mulang", "Jembatan Kahayan diperbaiki"}
    html = titles["Jembatan Kahayan diperbaiki"]
    assert "640 meter" in html["text"] and "alert" not in html["text"]
    assert html["published"].startswith("2026-11-03")


def test_unreadable_files_are_reported_not_fatal(store, tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "latin1.csv").write_bytes("id,title,text\nx,Caf\xe9,teks\n".encode("latin-1"))
    report = ingest(store, [str(tmp_path / n) for n in ("bin.txt", "empty.md", "latin1.csv", "missing.jsonl", "x.pdf")])
    reasons = [f"{f.where}: {f.reason}" for f in report.failures]
    assert len(reasons) == 5
    assert "UTF-8" in reasons[0] and "empty" in reasons[1] and "UTF-8" in reasons[2]
    assert "no such file" in reasons[3] and "unsupported" in reasons[4]


class _Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/berita/1")
            self.end_headers()
            return
        if self.path == "/berita/1":
            body = ("<html><head><title>Gubernur resmikan pasar</title></head><body><article>"
                    "<p>Gubernur Kalimantan Tengah meresmikan Pasar Besar Palangka Raya yang baru direnovasi.</p>"
                    "<p>Pasar itu menampung 1.200 pedagang dan dibangun dengan biaya Rp75 miliar.</p></article></body></html>")
            kind = "text/html; charset=utf-8"
        elif self.path == "/data.pdf":
            body, kind = "%PDF-1.4", "application/pdf"
        else:
            self.send_response(404)
            self.end_headers()
            return
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def pages():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_url_ingest_follows_redirects_and_refuses_what_is_not_an_article(store, pages, monkeypatch):
    refused = ingest(store, [pages + "/berita/1", "ftp://contoh.example/x"])
    assert refused.added == 0
    assert "private, loopback or link-local" in refused.failures[0].reason
    assert "only http and https" in refused.failures[1].reason

    monkeypatch.setenv("KABAR_ALLOW_PRIVATE_URLS", "1")
    report = ingest(store, [pages + "/moved", pages + "/data.pdf", pages + "/nothing"])
    assert report.added == 1
    [article] = store.db.query("SELECT * FROM articles")
    assert article["url"] == pages + "/berita/1" and "1.200 pedagang" in article["text"]
    reasons = [f.reason for f in report.failures]
    assert "content-type application/pdf" in reasons[0] and "HTTP 404" in reasons[1]


def test_pasted_text(store):
    status, article_id = ingest_text(store, "Pengumuman CPNS", "Pemprov Kalteng membuka 300 formasi CPNS tahun ini bagi lulusan SMA.")
    assert status == "added" and store.article(article_id)["title"] == "Pengumuman CPNS"
    assert store.keyword_search("formasi CPNS")
