"""Answers, sources and lists as Telegram HTML: pure functions, no Telegram needed.

Every piece of article or user text goes through `esc` (html.escape). A message is built from whole
blocks (a sentence with its [n], one source line, one cited passage) and split only between blocks;
a block too long for one message is shortened inside its text, so a tag or a citation marker is never
cut. Lengths are counted in UTF-16 code units, as Telegram counts them, on the HTML before parsing
(which is never shorter than the text Telegram renders from it).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from .answer import SOURCES_HEADING, UNDATED, UNSURE_NOTE, Answer, Citation, also_text, wib

LIMIT = 4096
MAX_TITLE = 300
ELLIPSIS = "…"

MONTHS = {
    "id": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}
_MARKER = re.compile(r"\[\d+\](?=\s|$)")
_TRAILING_MARKERS = re.compile(r"(?:\s*\[\d+\])+$")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TELEGRAM_TAG = re.compile(r"</?(?:b|strong|i|em|u|ins|s|strike|del|span|tg-spoiler|a|code|pre|blockquote|tg-emoji)"
                           r"(?:\s[^<>]*)?>", re.I)
_LINK = re.compile(r'<a\s+href="([^"<>]*)"\s*>(.*?)</a>', re.I | re.S)


def tg_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def esc(text: object) -> str:
    """Text made safe for parse_mode=HTML."""
    return html.escape("" if text is None else str(text), quote=True)


def esc_within(text: str, budget: int) -> str:
    """`text` escaped; if that exceeds `budget`, shortened at a word boundary and ended with '…'."""
    text = text or ""
    full = esc(text)
    if tg_len(full) <= budget:
        return full
    room = budget - tg_len(ELLIPSIS)
    if room <= 0:
        return ""
    used, cut = 0, 0
    for i, ch in enumerate(text):
        width = tg_len(esc(ch))
        if used + width > room:
            break
        used += width
        cut = i + 1
    head = text[:cut]
    space = head.rfind(" ")
    if space > cut * 0.7:
        head = head[:space]
    return esc(head.rstrip()) + ELLIPSIS


def is_web_url(url: str | None) -> bool:
    """Only http(s) links become <a href>; anything else is shown as plain text or left out."""
    return bool(url) and re.match(r"https?://[^\s<>\"']+$", url or "") is not None


def link(title_html: str, url: str | None) -> str:
    """`title_html` as a link to `url` when that is a web address."""
    if is_web_url(url) and len(url) <= 2000:
        return f'<a href="{esc(url)}">{title_html}</a>'
    return title_html


def format_date(published: str | None, lang: str) -> str:
    """'2026-11-20T09:15:00+07:00' -> '20 Nov 2026' (Indonesian or English month abbreviations)."""
    if not published:
        return UNDATED[lang]
    local = wib(published)     # a date-time is shown on its day in WIB, whatever offset it was stored with
    if local is not None:
        published = local.date().isoformat()
    m = _ISO_DATE.match(published)
    if not m:
        return published[:10]
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not 1 <= month <= 12:
        return published[:10]
    return f"{day} {MONTHS[lang][month - 1]} {year}"


def source_line(c: Citation, lang: str, max_title: int = MAX_TITLE) -> str:
    """'n. <a href=url>title</a> — outlet, 20 Nov 2026' as HTML."""
    when = format_date(c.published, lang)
    local = wib(c.published)
    if local is not None:
        when += f" {local:%H.%M} WIB"
    tail = " — " + ", ".join(esc_within(p, 120) for p in (c.source, when) if p)
    also = also_text(c, lang)
    if also:
        tail += " " + esc_within(also, 200)
    return f"{c.n}. {link(esc_within(c.title, max_title), c.url)}{tail}"


@dataclass
class Block:
    """A piece of HTML that is never split, and what joins it to the previous block in a message."""
    html: str
    sep: str = "\n"


def pack(blocks: Iterable[Block], limit: int = LIMIT) -> list[str]:
    """Messages of at most `limit` made of whole blocks (each block must fit on its own)."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        if not block.html:
            continue
        if tg_len(block.html) > limit:
            raise ValueError("a block longer than the message limit")
        joined = current + block.sep + block.html if current else block.html
        if tg_len(joined) <= limit:
            current = joined
        else:
            messages.append(current)
            current = block.html
    if current:
        messages.append(current)
    return messages


def answer_sentences(text: str) -> list[str]:
    """The answer text cut after each citation marker: 'A. [1] B. [2]' -> ['A. [1]', 'B. [2]']."""
    parts, start = [], 0
    for m in _MARKER.finditer(text):
        parts.append(text[start:m.end()].strip())
        start = m.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def sentence_block(sentence: str, limit: int, when: str = "") -> Block:
    """One answer sentence with its markers (after its source's date, when given); only the sentence text
    is shortened, never a marker."""
    m = _TRAILING_MARKERS.search(sentence)
    body, markers = (sentence[:m.start()], m.group(0).strip()) if m else (sentence, "")
    tail = f" {esc(markers)}" if markers else ""
    head = f"<i>{esc(when)}</i>: " if when else ""
    return Block(head + esc_within(body, limit - tg_len(tail) - tg_len(head)) + tail, " ")


def answer_blocks(answer: Answer, limit: int) -> list[Block]:
    """The short answer in bold with its [n] on a line of its own, then the sentences that state it, each
    with its source's date when the sources differ in date; for English questions, a note that the quoted
    sources are Indonesian. When the reader is not sure the sentences answer, a note says so first."""
    blocks = [] if answer.sure else [Block(f"<i>{esc(UNSURE_NOTE[answer.language])}</i>")]
    room = limit - sum(tg_len(b.html) + 1 for b in blocks)   # the note shares its message with the first sentence
    if answer.short_answer:
        # the sentence that states it comes first, so its source is [1]
        blocks.append(Block(f"<b>{esc_within(answer.shown_short, 300)}</b> [1]"))
    for i, sentence in enumerate(answer_sentences(answer.answer)):
        marker = _TRAILING_MARKERS.search(sentence)
        n = int(re.findall(r"\d+", marker.group(0))[0]) if marker else 0
        when = format_date(answer.date_of(n), answer.language) if answer.dated else ""
        block = sentence_block(sentence, room, when)
        if i == 0 and blocks:
            block.sep = "\n"
        blocks.append(block)
    if answer.language == "en":
        note = answer.language_note
        blocks.append(Block(f"<i>{esc(note)}</i>", "\n"))
    return blocks


def format_answer(answer: Answer, limit: int = LIMIT) -> list[str]:
    """The answer with [n] markers, then the numbered sources, in as few messages as needed."""
    if answer.abstained or not answer.citations:
        return [esc_within(answer.answer, limit)]
    blocks = answer_blocks(answer, limit)
    heading = f"<b>{esc(SOURCES_HEADING[answer.language])}:</b>\n"
    for i, c in enumerate(answer.citations):
        line = source_line(c, answer.language)
        if tg_len(heading + line) > limit:
            line = source_line(Citation(c.n, c.article_id, c.title, None, c.source, c.published, ""),
                               answer.language, max_title=100)
        blocks.append(Block(heading + line, "\n\n") if i == 0 else Block(line))
    return pack(blocks, limit)


def highlight(passage: str, sentences: Sequence[str]) -> str:
    """The passage escaped, with the cited sentences in bold."""
    spans = []
    for s in sentences:
        at = passage.find(s) if s else -1
        if at >= 0:
            spans.append((at, at + len(s)))
    spans.sort()
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(esc(passage[pos:start]))
        out.append(f"<b>{esc(passage[start:end])}</b>")
        pos = end
    out.append(esc(passage[pos:]))
    return "".join(out)


def passage_block(c: Citation, lang: str, limit: int) -> Block:
    """A cited source: its line, then the passage (cited sentences in bold) or, if too long, the sentences."""
    head = source_line(c, lang, max_title=200)
    full = f"{head}\n<blockquote>{highlight(c.passage, c.sentences)}</blockquote>"
    if tg_len(full) <= limit:
        return Block(full, "\n\n")
    quoted = c.sentences or [c.passage]
    room = limit - tg_len(head) - tg_len("\n<blockquote></blockquote>") - 8 * len(quoted)
    share = max(0, room // len(quoted))
    body = "\n…\n".join(f"<b>{esc_within(s, share - 7)}</b>" for s in quoted)
    return Block(f"{head}\n<blockquote>{body}</blockquote>", "\n\n")


def format_sources(citations: Sequence[Citation], lang: str, limit: int = LIMIT) -> list[str]:
    """The cited passages, one block per source, with links."""
    heading = f"<b>{esc({'id': 'Kutipan dari sumber', 'en': 'Quoted from the sources'}[lang])}:</b>\n\n"
    blocks = [passage_block(c, lang, limit - (tg_len(heading) if i == 0 else 0)) for i, c in enumerate(citations)]
    if not blocks:
        return []
    blocks[0].html = heading + blocks[0].html     # the heading never stands alone in a message
    return pack(blocks, limit)


def format_article_list(heading: str, articles: Sequence[dict], lang: str, limit: int = LIMIT) -> list[str]:
    """A numbered list of articles (title link, outlet, date, id) under a bold heading."""
    blocks = [Block(f"<b>{esc(heading)}</b>")]
    for i, a in enumerate(articles, start=1):
        c = Citation(i, a["id"], a.get("title") or "", a.get("url"), a.get("source"), a.get("published"), "")
        blocks.append(Block(f"{source_line(c, lang, max_title=200)} <code>{esc_within(a['id'], 80)}</code>"))
    return pack(blocks, limit)


def html_to_plain(message: str, limit: int = LIMIT) -> str:
    """A Telegram HTML message as plain text, for when Telegram refuses the HTML ("can't parse entities").

    Telegram's tags are dropped (anything else that looks like a tag stays, as text), entities are unescaped,
    and a link keeps its address: '<a href="U">T</a>' becomes 'T (U)', unless that makes the message too long.
    """
    def plain(text: str) -> str:
        return html.unescape(_TELEGRAM_TAG.sub("", text))

    def with_url(m: re.Match) -> str:
        return m.group(2) if html.unescape(m.group(1)) == plain(m.group(2)) else f"{m.group(2)} ({m.group(1)})"

    text = plain(_LINK.sub(with_url, message))
    if tg_len(text) > limit:
        text = plain(message)
    if tg_len(text) > limit:
        text = text.encode("utf-16-le")[:2 * (limit - 1)].decode("utf-16-le", "ignore") + ELLIPSIS
    return text if text.strip() else ELLIPSIS


def format_news_list(heading: str, articles: Sequence[dict], lang: str, note: str | None = None,
                     show_ids: bool = False, limit: int = LIMIT) -> list[str]:
    """A numbered list of articles for readers: title link, outlet, date (and the time in WIB when known),
    under a bold heading and an optional note. Article ids only with `show_ids` (admins use them in /delete)."""
    blocks = [Block(f"<b>{esc(heading)}</b>" + (f"\n{esc_within(note, 500)}" if note else ""))]
    for i, a in enumerate(articles, start=1):
        c = Citation(i, a["id"], a.get("title") or "", a.get("url"), a.get("source"), a.get("published"), "")
        line = source_line(c, lang, max_title=200)
        if show_ids:
            line += f" <code>{esc_within(a['id'], 80)}</code>"
        blocks.append(Block(line))
    return pack(blocks, limit)
