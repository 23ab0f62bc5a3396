"""Fuzzing (hypothesis) of everything that reads outside input: the record readers through `ingest`, HTML
extraction, and feed parsing with the entry helpers the poller uses.

The property is the same everywhere: an input either becomes articles or named failures (file, line,
field), and nothing else escapes; what is stored is whole. Extraction runs in its worker with a short
budget (the code's own cut-off: a hostile example costs at most that). The example counts keep the whole
file well under two minutes on a loaded two-core machine."""
from __future__ import annotations

import gzip
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.db import memory
from corpus.extract import extract_html
from corpus.feeds import FeedError, _entry_link, entry_date, parse_feed
from corpus.ingest import ingest
from corpus.records import BadRecord, to_article
from corpus.store import Store

QUICK = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
fields = st.sampled_from(["id", "title", "url", "source", "published", "text", "extra"])
records = st.dictionaries(fields, st.one_of(json_values, st.text(min_size=0, max_size=200)), max_size=7)
words = st.lists(st.sampled_from(["banjir", "Sampit", "warga", "rumah", "pada", "Senin", "pasar", "harga", "12",
                                  "Rp80.000", "<b>", "\x1b[2J", "é", "ﷺ", "\u202e", "\ufeff", "\r", ",", '"']),
                 min_size=0, max_size=30).map(" ".join)
good_ish = st.fixed_dictionaries({"title": words, "text": words},
                                 optional={"id": st.one_of(st.text(max_size=20), st.integers()), "url": st.text(max_size=40),
                                           "published": st.one_of(st.text(max_size=30), st.integers())})


def _lines(items, junk) -> bytes:
    out = []
    for item, bad in zip(items, junk):
        out.append(bad if bad is not None else json.dumps(item, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    return b"\n".join(out) + b"\n"


def _check(store: Store, report, rows: int | None = None) -> None:
    assert report.failed == len(report.failures) + report.more_failures
    for failure in report.failures:
        assert failure.where and failure.reason
    stored = store.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert stored == len(set(report.article_ids))
    passages = store.db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
    fts = store.db.execute("SELECT COUNT(*) FROM passages_fts").fetchone()[0]
    assert passages == fts and (stored == 0 or passages >= stored)
    if rows is not None:
        assert report.added + report.updated + report.unchanged + report.failed >= min(rows, 1)


@QUICK
@given(items=st.lists(st.one_of(records, good_ish), min_size=1, max_size=12),
       junk=st.lists(st.one_of(st.none(), st.binary(max_size=60)), min_size=12, max_size=12),
       kind=st.sampled_from(["jsonl", "jsonl.gz", "csv", "csv.gz"]))
def test_any_jsonl_or_csv_file_becomes_articles_or_named_failures(tmp_path_factory, items, junk, kind):
    path = tmp_path_factory.mktemp("fuzz") / f"input.{kind}"
    if kind.startswith("jsonl"):
        data = _lines(items, junk)
    else:
        header = ["id", "title", "url", "source", "published", "text"]
        rows = [",".join(json.dumps(str(item.get(h, "")), ensure_ascii=False) for h in header) for item in items]
        data = ("\n".join([",".join(header)] + rows) + "\n").encode("utf-8", "surrogatepass")
        if junk[0] is not None:
            data += junk[0]
    path.write_bytes(gzip.compress(data) if kind.endswith(".gz") else data)
    store = Store(memory())
    report = ingest(store, [str(path)])
    _check(store, report, rows=len(items))
    for failure in report.failures:
        assert failure.where.startswith(str(path))


@QUICK
@given(data=st.binary(max_size=2000), kind=st.sampled_from(["jsonl", "csv", "txt", "md", "jsonl.gz", "csv.gz"]),
       layers=st.integers(0, 2))
def test_any_bytes_in_any_file_kind_never_escape_as_an_exception(tmp_path_factory, data, kind, layers):
    path = tmp_path_factory.mktemp("fuzz") / f"input.{kind}"
    for _ in range(layers if kind.endswith(".gz") else 0):
        data = gzip.compress(data)
    path.write_bytes(data)
    store = Store(memory())
    _check(store, ingest(store, [str(path)]))


tags = st.sampled_from(["p", "div", "article", "script", "style", "title", "h1", "span", "table", "td", "meta",
                        "a", "br", "iframe", "svg", "noscript", "!--", "![CDATA["])
attributes = st.lists(st.tuples(st.sampled_from(["class", "id", "href", "content", "name", "property", "x"]),
                                st.text(max_size=20)), max_size=4)


@st.composite
def html_pages(draw):
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(tags)
        attrs = "".join(f' {k}="{v}"' for k, v in draw(attributes))
        parts.append(f"<{tag}{attrs}>{draw(words)}" + (f"</{tag}>" if draw(st.booleans()) else ""))
    head = draw(st.sampled_from(["", "<!doctype html>", "<?xml version='1.0'?>", "\ufeff"]))
    return head + "".join(parts)


@QUICK
@given(page=html_pages())
def test_html_extraction_returns_fields_or_a_named_field(page):
    try:
        raw = extract_html(page, url="https://contoh.example/berita/1", seconds=20)
    except BadRecord as e:
        assert e.field in ("text", "html")
        return
    assert set(raw) == {"title", "text", "url", "source", "published"}
    try:
        article = to_article(raw)
    except BadRecord as e:
        assert e.field in ("title", "text", "url", "source", "published")
        return
    assert article.id and article.title and "\n" not in article.title


@st.composite
def feed_documents(draw):
    item = st.builds(
        lambda title, link, date, extra: (f"<item><title>{title}</title><link>{link}</link>"
                                          f"<pubDate>{date}</pubDate>{extra}</item>"),
        words, st.one_of(st.text(max_size=30), st.sampled_from(["/berita/1", "https://contoh.example/a?id=1",
                                                                "javascript:alert(1)", ""])),
        st.one_of(st.text(max_size=30), st.sampled_from(["Mon, 20 May 2026 09:15:00 +0700", "2026-13-45",
                                                         "Tue, 31 Feb 2026 99:99:99 GMT", "-0000"])),
        st.sampled_from(["", "<description>&lt;p&gt;isi&lt;/p&gt;</description>", "<guid>1</guid>", "&amp;"]))
    items = "".join(draw(st.lists(item, max_size=6)))
    shape = draw(st.sampled_from(["rss", "atom", "junk"]))
    if shape == "rss":
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{draw(words)}</title>{items}</channel></rss>'
    if shape == "atom":
        entries = items.replace("<item>", "<entry>").replace("</item>", "</entry>")
        return f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{draw(words)}</title>{entries}</feed>'
    return draw(st.text(max_size=300))


@QUICK
@given(document=feed_documents(), encoding=st.sampled_from(["utf-8", "latin-1", "utf-16"]))
def test_feed_parsing_and_entry_helpers_never_raise(document, encoding):
    body = document.encode(encoding, errors="replace")
    try:
        parsed = parse_feed(body, "https://contoh.example/rss.xml", "application/rss+xml")
    except FeedError:
        return
    for entry in parsed.entries:
        link = _entry_link(entry, "https://contoh.example/rss.xml")
        assert link is None or link.startswith(("http://", "https://"))
        date = entry_date(entry)
        assert date is None or isinstance(date, str)
