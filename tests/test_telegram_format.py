"""Telegram HTML formatting: escaping, the 4096 limit, splitting between blocks; no Telegram needed."""
from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answer import UNSURE_NOTE, Answer, Citation
from bot.telegram_format import (LIMIT, esc_within, format_answer, format_article_list, format_date,
                                 format_sources, html_to_plain, tg_len)

ALLOWED = {"a", "b", "strong", "i", "em", "s", "u", "code", "pre", "blockquote"}
_TOKEN = re.compile(r"<(/?)([a-zA-Z-]+)([^<>]*)>|&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|lt|gt|amp|quot);|([<>&])")
HOSTILE = 'Harga <b>naik</b> & "turun" <script>alert(1)</script> a < b && c > d &amp; </i> <a href="x">'


def render(message: str) -> str:
    """Parse like Telegram's HTML mode (allowed tags, balanced, only the four named entities); return text."""
    out, stack, pos = [], [], 0
    for m in _TOKEN.finditer(message):
        out.append(message[pos:m.start()])
        pos = m.end()
        closing, tag, _attrs, entity, bare = m.groups()
        if bare:
            assert bare == "&", f"unescaped {bare!r} in {message!r}"
            out.append(bare)     # a lone & is tolerated by Telegram, but esc never leaves one
            raise AssertionError(f"unescaped & in {message!r}")
        if entity:
            out.append(html.unescape(f"&{entity};"))
            continue
        assert tag.lower() in ALLOWED, f"unsupported tag {tag!r}"
        if closing:
            assert stack and stack.pop() == tag.lower(), f"unbalanced </{tag}> in {message!r}"
        else:
            stack.append(tag.lower())
    out.append(message[pos:])
    assert not stack, f"unclosed {stack} in {message!r}"
    return "".join(out)


def cite(n: int, title: str = "Judul", text: str = "Kalimat pertama yang dikutip.", url: str | None = None,
         source: str | None = "Kabar Contoh", published: str | None = "2026-11-20T09:15:00+07:00") -> Citation:
    return Citation(n, f"a{n}", title, url or f"https://contoh.example/{n}?a=1&b=2", source, published,
                    f"Sebelum. {text} Sesudah.", [text])


def test_hostile_text_is_escaped_everywhere():
    c = cite(1, title=HOSTILE, text=HOSTILE, source=HOSTILE, url='https://x.example/?q="><script>')
    answer = Answer("q", f"{HOSTILE} [1]", False, [c], "id")
    for message in format_answer(answer) + format_sources([c], "id"):
        text = render(message)
        assert "<script>alert(1)</script>" in text           # shown literally, not as markup
        assert "<script" not in message
    first = format_answer(answer)[0]
    assert "&lt;script&gt;" in first and "Sumber:" in first
    assert "<a " not in first          # a URL with quotes or angle brackets is not made a link


def test_urls_are_escaped_in_href():
    [message] = format_answer(Answer("q", "Satu dua tiga empat. [1]", False, [cite(1, url="https://x.example/?a=1&b='2'")], "id"))
    assert 'href="https://x.example/?a=1&amp;b=&#x27;2&#x27;"' not in message   # quotes are refused, not escaped
    [message] = format_answer(Answer("q", "Satu dua tiga empat. [1]", False, [cite(1, url="https://x.example/?a=1&b=2")], "id"))
    assert 'href="https://x.example/?a=1&amp;b=2"' in message


def test_answer_layout_and_date():
    answer = Answer("q", "Benediktus hadir di rakor. [1] Rakor digelar di IPDN. [2]", False,
                    [cite(1, "Plt Sekda hadir"), cite(2, "Rakor IPDN", published=None)], "id")
    [message] = format_answer(answer)
    # the sources differ in date, so each sentence carries its own
    assert message.startswith("<i>20 Nov 2026</i>: Benediktus hadir di rakor. [1] <i>tanpa tanggal</i>: Rakor digelar "
                              "di IPDN. [2]\n\n<b>Sumber:</b>\n1. ")
    assert '1. <a href="https://contoh.example/1?a=1&amp;b=2">Plt Sekda hadir</a> — Kabar Contoh, 20 Nov 2026' in message
    assert "2. " in message and "tanpa tanggal" in message
    assert format_date("2026-08-03", "en") == "3 Aug 2026" and format_date("2026-08-03", "id") == "3 Agu 2026"
    # the command line's reply dates each sentence the same way, an undated source in full words
    assert answer.plain().splitlines()[:2] == ["(2026-11-20) Benediktus hadir di rakor. [1]",
                                               "(tanpa tanggal) Rakor digelar di IPDN. [2]"]


def test_non_web_urls_are_not_linked():
    c = cite(1, url="javascript:alert(1)")
    [message] = format_answer(Answer("q", "Satu dua tiga empat. [1]", False, [c], "en"))
    assert "<a " not in message and "Sources:" in message


def test_abstention_is_plain_escaped_text():
    answer = Answer("q", "Maaf <tidak> ada & itu.", True, [], "id")
    assert format_answer(answer) == ["Maaf &lt;tidak&gt; ada &amp; itu."]


def test_long_answer_is_split_between_sentences_and_sources():
    sentences = [f"Kalimat nomor {i} " + "panjang & <berisi> " * 60 + f"[{i % 3 + 1}]" for i in range(6)]
    answer = Answer("q", " ".join(sentences), False, [cite(1), cite(2), cite(3)], "id")
    messages = format_answer(answer)
    assert len(messages) > 1
    for m in messages:
        assert tg_len(m) <= LIMIT
        render(m)
    joined = "\n".join(render(m) for m in messages)
    for i in range(6):   # every sentence whole, each with its own marker
        assert f"Kalimat nomor {i} " in joined
        assert re.search(rf"Kalimat nomor {i} (panjang & <berisi> )+\[{i % 3 + 1}\]", joined)
    assert "Sumber:" in messages[-1]


def test_one_giant_sentence_is_shortened_keeping_its_marker():
    giant = "zorbatronik & <kalimantanisasi> " * 400          # ~13,000 characters, no full stop
    answer = Answer("q", f"{giant}[1]", False, [cite(1, title="T" * 5000)], "id")
    messages = format_answer(answer)
    for m in messages:
        assert tg_len(m) <= LIMIT
        render(m)
    text = render(messages[0])
    assert text.endswith("… [1]")
    assert "T" * 301 not in "".join(render(m) for m in messages)   # titles shortened too


def test_the_unsure_note_shares_the_first_message_with_the_first_sentence_even_when_it_is_giant():
    giant = "zorbatronik & <kalimantanisasi> " * 400
    answer = Answer("q", f"{giant}[1]", False, [cite(1)], "id", sure=False)
    messages = format_answer(answer)
    assert all(tg_len(m) <= LIMIT for m in messages) and len(messages) == 2   # the answer, then its sources
    first = render(messages[0])
    assert first.startswith(UNSURE_NOTE["id"] + "\nzorbatronik") and first.endswith("… [1]")
    assert messages[0].startswith(f"<i>{UNSURE_NOTE['id']}</i>\n")
    assert UNSURE_NOTE["id"] not in render(format_answer(Answer("q", "Satu dua tiga. [1]", False, [cite(1)], "id"))[0])


def test_sources_show_passages_with_cited_sentences_in_bold():
    c = cite(1, text="Benediktus T. Nyahu hadir langsung.")
    [message] = format_sources([c], "id")
    assert "<blockquote>Sebelum. <b>Benediktus T. Nyahu hadir langsung.</b> Sesudah.</blockquote>" in message
    assert "Kutipan dari sumber" in message and '<a href="https://contoh.example/1?a=1&amp;b=2">' in message


def test_long_passages_are_split_or_reduced_to_the_sentences():
    long_passage = "Isi & <tag> " * 900
    cs = [Citation(n, f"a{n}", f"Judul {n}", None, None, None, long_passage + f"Kutipan {n} penting.",
                   [f"Kutipan {n} penting."]) for n in (1, 2, 3)]
    messages = format_sources(cs, "en")
    assert "Judul 1" in render(messages[0])        # the heading is never alone
    for m in messages:
        assert tg_len(m) <= LIMIT
        render(m)
    joined = "".join(render(m) for m in messages)
    for n in (1, 2, 3):
        assert f"Kutipan {n} penting." in joined


def test_article_list_escapes_and_splits():
    rows = [{"id": f"id-{i}&<x>", "title": "Judul <b>" + "x" * 400, "url": "https://a.example/?a=1&b=2",
             "source": "Kabar & Co", "published": "2026-11-01"} for i in range(40)]
    messages = format_article_list("Berita <terbaru>", rows, "id")
    assert len(messages) > 1
    for m in messages:
        assert tg_len(m) <= LIMIT
        render(m)
    assert "<code>id-0&amp;&lt;x&gt;</code>" in messages[0]


def test_emoji_count_as_two_units():
    assert tg_len("👍") == 2
    short = esc_within("👍" * 100, 21)
    assert tg_len(short) <= 21 and short.endswith("…")


@settings(max_examples=60, deadline=None)
@given(body=st.text(alphabet=st.sampled_from(list("ab <>&\"'[]1 .👍\n")), min_size=0, max_size=6000),
       title=st.text(min_size=0, max_size=400), budget=st.integers(min_value=1, max_value=LIMIT))
def test_property_messages_are_valid_and_fit(body, title, budget):
    assert tg_len(esc_within(body, budget)) <= budget
    answer = Answer("q", f"{body} [1] {body[:100]} [2]", False, [cite(1, title=title), cite(2, text=body or "x")],
                    "id", sure=budget % 2 == 0)
    for m in format_answer(answer) + format_sources(answer.citations, "id"):
        assert tg_len(m) <= LIMIT
        render(m)
    rendered = "".join(render(m) for m in format_answer(answer))
    assert "[1]" in rendered and "[2]" in rendered


@pytest.mark.parametrize("lang,heading", [("id", "Sumber:"), ("en", "Sources:")])
def test_heading_language(lang, heading):
    [m] = format_answer(Answer("q", "Satu dua tiga empat. [1]", False, [cite(1)], lang))
    assert f"<b>{heading}</b>" in m


def test_plain_text_fallback_strips_tags_unescapes_and_keeps_link_addresses():
    c = cite(1, title="Harga <naik> & turun")
    [message] = format_answer(Answer("q", "Harga cabai Rp48.000 & <naik>. [1]", False, [c], "id"))
    assert html_to_plain(message) == ("Harga cabai Rp48.000 & <naik>. [1]\n\nSumber:\n1. Harga <naik> & turun "
                                      "(https://contoh.example/1?a=1&b=2) — Kabar Contoh, 20 Nov 2026 09.15 WIB")
    assert html_to_plain('<a href="https://a.example/">https://a.example/</a>') == "https://a.example/"
    # what made Telegram refuse the HTML stays as text; only Telegram's own tags are removed
    assert html_to_plain("<b>a</b> <br> <script>x</script> &amp;amp; <i>b") == "a <br> <script>x</script> &amp; b"
    assert html_to_plain("<b></b>") == "…"
    assert tg_len(html_to_plain("<b>x</b>" * 3000)) <= LIMIT


@settings(max_examples=60, deadline=None)
@given(body=st.text(alphabet=st.sampled_from(list("ab <>&\"'[]1 .👍\n")), min_size=0, max_size=6000),
       title=st.text(min_size=0, max_size=400))
def test_property_plain_fallback_is_the_rendered_text_plus_link_addresses(body, title):
    answer = Answer("q", f"{body} [1]", False, [cite(1, title=title), cite(2, text=body or "x", url="ftp://x")], "id")
    for m in format_answer(answer) + format_sources(answer.citations, "id"):
        plain = html_to_plain(m)
        assert tg_len(plain) <= LIMIT
        assert plain.replace(" (https://contoh.example/1?a=1&b=2)", "") == (render(m) or "…")


def _cite(n: int, published: str, passage: str) -> Citation:
    return Citation(n, f"a{n}", f"Judul {n}", f"https://contoh.example/{n}", "Contoh", published, passage)


def test_the_short_answer_leads_in_bold_with_its_marker():
    passage = "Pelaksana Tugas Sekda Kalteng, Benediktus T. Nyahu, hadir di rakor IPDN."
    answer = Answer("Siapa Plt Sekda Kalteng?", f"{passage} [1]", False, [_cite(1, "2026-11-20", passage)], "id",
                    short_answer="Benediktus T. Nyahu <b>", confidence=0.93)
    (message,) = format_answer(answer)
    first, second = render(message).splitlines()[:2]
    assert first == "Benediktus T. Nyahu <b> [1]" and second == f"{passage} [1]"
    assert message.startswith("<b>Benediktus T. Nyahu &lt;b&gt;</b> [1]\n")


def test_sources_of_different_dates_put_the_date_beside_each_sentence():
    old, new = "Harga cabai rawit Rp60.000 per kilogram.", "Harga cabai rawit turun menjadi Rp45.000 per kilogram."
    answer = Answer("Berapa harga cabai sekarang?", f"{new} [1] {old} [2]", False,
                    [_cite(1, "2026-11-20", new), _cite(2, "2026-10-02", old)], "id", short_answer="Rp45.000")
    text = render(format_answer(answer)[0])
    assert "20 Nov 2026: " + new in text and "2 Okt 2026: " + old in text
    same_day = Answer("q", f"{new} [1] {old} [2]", False, [_cite(1, "2026-11-20", new), _cite(2, "2026-11-20", old)], "id")
    assert "20 Nov 2026:" not in render(format_answer(same_day)[0])


def test_english_readers_are_told_the_sources_are_indonesian():
    passage = "Maskapai Nusa Kahayan Air membuka rute Palangka Raya - Yogyakarta."
    answer = Answer("Which airline?", f"{passage} [1]", False, [_cite(1, "2026-11-20", passage)], "en",
                    short_answer="Nusa Kahayan Air")
    assert "The sources are in Indonesian" in render(format_answer(answer)[0])
    assert "The sources are in Indonesian" in answer.plain()
