"""An article as it arrives, checked field by field before anything is stored."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .text import normalize, unglue

WIB = timezone(timedelta(hours=7), "WIB")
MAX_TEXT_CHARS = 200_000
MAX_TITLE_CHARS = 1_000
MAX_ID_CHARS = 200


class BadRecord(ValueError):
    """A record cannot be stored; the message names the field and the problem."""

    def __init__(self, field: str, problem: str):
        super().__init__(f"field '{field}': {problem}")
        self.field = field


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    url: str | None = None
    source: str | None = None
    published: str | None = None


def parse_published(value) -> str | None:
    """ISO 8601 text (datetime or date), an RFC 2822 date or None -> normalised ISO text.

    A datetime without an offset is taken as WIB (+07:00), the time Indonesian outlets show.
    A plain date stays a date: the time of day is unknown.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        return value.isoformat()
    elif isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return date.fromisoformat(text).isoformat()
            except ValueError as e:
                raise BadRecord("published", f"not a date: {text!r} ({e})") from None
        try:
            dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            try:
                dt = parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError, OverflowError):
                raise BadRecord("published", f"not a date: {text[:40]!r}") from None
    else:
        raise BadRecord("published", f"expected a date string, got {type(value).__name__}")
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=WIB)
    return dt.isoformat()


def _text_field(raw: dict, field: str, required: bool) -> str | None:
    value = raw.get(field)
    if value is None:
        if required:
            raise BadRecord(field, "missing")
        return None
    if not isinstance(value, str):
        raise BadRecord(field, f"expected text, got {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:   # a lone surrogate such as "\ud800" from JSON: SQLite cannot store it
        raise BadRecord(field, f"invalid character at position {e.start} (unpaired surrogate)") from None
    value = normalize(value)
    if required and not value:
        raise BadRecord(field, "empty")
    return value or None


# Query parameters that only say where a reader came from; every other parameter may name the article
# (read.php?id=1001 and ?id=1002 are two articles).
TRACKING_PARAMS = re.compile(r"^(utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|"
                             r"_ga|_gl|ref|ref_src|source|src|cmpid|spm|share|amp)$", re.IGNORECASE)


def significant_query(query: str) -> str:
    """The query string without tracking parameters, its parameters sorted (order does not matter)."""
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    return urlencode(sorted(pairs))


def without_tracking(url: str) -> str:
    """The URL without tracking parameters (utm_*, fbclid ...); unchanged when it has none."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not TRACKING_PARAMS.match(k)]
    if len(kept) == len(pairs):
        return url
    return urlunsplit(parts._replace(query=urlencode(kept)))


def article_id_for(url: str | None, title: str, text: str) -> str:
    """A stable id: from the URL when there is one (host without www./m., path without trailing /, the
    query string without tracking parameters such as utm_*; the fragment is dropped)."""
    if url:
        parts = urlsplit(url)
        host = re.sub(r"^(www\.|m\.)", "", parts.netloc.lower())
        key = host + parts.path.rstrip("/")
        query = significant_query(parts.query)
        if query:
            key += "?" + query
        return "url-" + hashlib.sha1(key.encode()).hexdigest()[:12]
    return "txt-" + hashlib.sha1((title + "\n" + text).encode()).hexdigest()[:12]


def to_article(raw: dict) -> Article:
    """Check one raw record (from JSON, CSV, a file or a page) and make an Article of it, its text with the words a
    page glued parted (unglue())."""
    if not isinstance(raw, dict):
        raise BadRecord("record", f"expected an object, got {type(raw).__name__}")
    title = _text_field(raw, "title", required=True).replace("\n", " ")
    if len(title) > MAX_TITLE_CHARS:
        raise BadRecord("title", f"{len(title):,} characters, more than the {MAX_TITLE_CHARS:,} allowed")
    text = _text_field(raw, "text", required=True)
    if len(text) > MAX_TEXT_CHARS:
        raise BadRecord("text", f"{len(text):,} characters, more than the {MAX_TEXT_CHARS:,} allowed")
    if len(text.split()) < 5:
        raise BadRecord("text", "fewer than 5 words")
    url = _text_field(raw, "url", required=False)
    if url and urlsplit(url).scheme not in ("http", "https"):
        raise BadRecord("url", f"not an http(s) URL: {url[:60]!r}")
    if url:
        url = without_tracking(url)
    source = _text_field(raw, "source", required=False)
    published = parse_published(raw.get("published"))
    raw_id = raw.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
        raise BadRecord("id", f"expected text, got {type(raw_id).__name__}")
    article_id = "" if raw_id is None else str(raw_id).strip()
    if len(article_id) > MAX_ID_CHARS or any(c.isspace() or not c.isprintable() for c in article_id):
        raise BadRecord("id", f"expected at most {MAX_ID_CHARS} printable characters without spaces, "
                              f"got {article_id[:40]!r}")
    article_id = article_id or article_id_for(url, title, text)   # from the text as given: the same id on every ingest
    return Article(id=article_id, title=title, text=unglue(text), url=url, source=source, published=published)
