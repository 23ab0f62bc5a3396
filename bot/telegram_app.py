"""The Telegram bot: readers ask, admins curate. Handlers stay thin; Kabar's work runs in worker threads.

Threads. The serving Kabar holds one sqlite connection (opened with check_same_thread=False); every call
on it runs in `asyncio.to_thread` while holding `Gate.lock`, one at a time. Questions are answered by
whichever of `BotSettings.workers` Kabars is free: the serving one, or a reader with its own connection and
embedding engine that shares the serving one's FAISS index (one per CPU core: 7 -> 12-16 questions/s
through the emulator, bench/README.md). Work that may take long (ingesting a file or a URL, updating or
rebuilding the vector index) runs on another Kabar with its own connection, so questions keep being
answered meanwhile; its embedder waits for the serving lock; afterwards the serving Kabar reloads the
index from disk and the readers follow it.

Conversation (bot/conversation.py decides, this file keeps the state in the database, so a restart keeps
it). Small talk ("Halo", "terima kasih", "Apa kabar?", an emoji) gets a short reply and no search; "berita
terbaru" without a topic gets the /latest list; neither counts against the rate limit. A question that cannot
stand alone ("Berapa waktu tempuhnya?", "di mana rakornya?") is searched with the topic words of the answer it
replies to, or, without a reply, of the user's last question in that chat within `BotSettings.followup_seconds`
(KABAR_FOLLOWUP_SECONDS); a question with its own topic starts fresh; /baru (/new) clears the context. The
questions table keeps what the user wrote (`question`) and what was searched (`asked`).

Language. An answer uses the language bot.answer detected in the question; other replies are English
when the user writes English or their Telegram language_code starts with "en", Indonesian otherwise.

Load and faults. At most `BotSettings.max_waiting` (KABAR_MAX_WAITING, 20) questions wait for the model at
once, all users together; a question beyond that gets "busy, try again in a moment" at once. Every Bot API
call goes through `telegram_send.SendPolicy`: flood limits waited out, 5xx / dropped connections / timeouts
resent with backoff (at least once: a reply lost after Telegram stored the message means the user sees it
twice), refused HTML resent as plain text.

Inline mode (BotFather /setinline): `@bot question` in any chat offers the cited answer and its articles.
Topic alerts: /ikuti banjir (/follow) stores the topic for the chat; when /add, an upload or a feed poll adds
articles mentioning every word of it, the chat gets one message listing them (each article once, at most
MAX_ALERTS_PER_DAY a day); /berhenti (/unfollow), /langganan (/following).

Rate limit. Over KABAR_RATE_LIMIT a question waits for its slot (the user is told once), up to twice the
limit's count per user; beyond that it is refused with "try again in N seconds". The question windows are in
the database, so several replicas keep one limit.

Replicas (bot/replicas.py). Several `kabar run --webhook` behind a load balancer share the database: each
update is recorded before it is handled (once across replicas; a dead replica's open updates are adopted),
follow-up context and rate limits are in the database, and every replica follows the index generation so
its own FAISS index holds what any of them added.

Abuse. Admin commands check the sender on every call, in private chats and groups. Captions are never
commands: a caption is a question (a reader's photo or document) or, for an admin's document, ignored (the
file is an upload). An edited message is
logged and ignored, even an admin's. Button data is matched against the questions table: a question of
another chat, or feedback from someone other than the asker, is refused politely and changes nothing.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import statistics
import tempfile
import threading
import time
from collections import OrderedDict, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, fields
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, TypeVar

from telegram import (BotCommand, BotCommandScopeChat, InlineKeyboardButton, InlineQueryResultArticle,
                      InlineQueryResultsButton, InputTextMessageContent, InlineKeyboardMarkup, LinkPreviewOptions, Message,
                      MessageEntity, Update, User)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, NetworkError, TelegramError
from telegram.ext import (Application, ApplicationBuilder, CallbackQueryHandler, CommandHandler,
                          ContextTypes, Defaults, InlineQueryHandler, MessageHandler, TypeHandler, filters)

from corpus import coordination
from corpus.database import open_database
from corpus.ingest import SUFFIXES, Report, ingest_text
from corpus.question import language
from corpus.records import WIB, BadRecord
from corpus.store import now_iso

from . import telegram_feeds
from .replicas import Coordinator, InboxQueue, Replica, ReplicaApplication, SharedRateLimiter
from .conversation import (Searches, about_quoted, coverage, latest_request, links_in, mentions, needs_context,
                           quoted_story, search_terms, searchable, small_talk, what_to_search)
from .answer import Answer, Citation
from .service import MAX_QUESTION_CHARS, Kabar   # one cap on a question's length, CLI and bot
from .settings import BotSettings, SettingsError
from .telegram_format import (answer_sentences, esc, esc_within, format_answer, format_date, format_news_list,
                              format_sources)
from .telegram_send import SendPolicy
from .telegram_stream import Stream, send_chunks

log = logging.getLogger("kabar.bot")
T = TypeVar("T")

SOURCES_DATA = re.compile(r"src:(\d{1,12})")
FEEDBACK_DATA = re.compile(r"fb:(\d{1,12}):(1|-1)")
UPLOAD_SUFFIXES = SUFFIXES
MAX_UPLOAD_BYTES = 20 * 1024 * 1024      # what getFile serves on the public Bot API
LIST_SIZE = 10

TEXTS: dict[str, dict[str, str]] = {
    "id": {
        "help": ("<b>Halo! Saya kabar.</b> Tanyakan apa saja tentang berita dalam arsip kami; setiap jawaban "
                 "menyebut sumbernya.\n\nArsip: <b>{articles}</b> artikel dari {sources} media, terbaru "
                 "{newest}.\n\n<b>Contoh pertanyaan</b>\n{examples}\n\n<b>Perintah</b>\n"
                 "/latest [topik] — berita terbaru\n/search kata — cari artikel\n"
                 "/ask pertanyaan — bertanya di grup (atau sebut @{bot}, atau balas jawaban saya)\n"
                 "Balas pesan berisi judul atau tautan berita dengan pertanyaan: saya menjawab tentang berita itu\n"
                 "/baru — mulai topik baru\n/ikuti topik — kabari saya berita baru tentang topik "
                 "(/berhenti, /langganan)\n\nDi chat mana pun: ketik @{bot} pertanyaan"),
        "admin_help": ("\n\n<b>Admin</b>\n/add URL, atau /add judul + baris baru + isi, atau balas pesan dengan "
                       "/add — tambah artikel\nKirim berkas .jsonl/.csv/.txt/.md/.html — tambah banyak artikel\n"
                       "/delete ID — hapus artikel\n/reindex — bangun ulang indeks\n/stats — statistik\n"
                       "/feeds — umpan RSS/Atom (/feeds add URL, /feeds remove ID)"),
        "examples": "• Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?\n• Berapa harga cabai rawit terbaru?\n"
                    "• Banjir Sungai Katingan merendam berapa desa?",
        "empty_archive": "belum ada",
        "ask_usage": "Tulis pertanyaannya setelah /ask, misalnya: <code>/ask Siapa Plt Sekda Kalteng?</code>",
        "search_usage": "Tulis kata yang dicari setelah /search, misalnya: <code>/search banjir Katingan</code>",
        "too_long": "Pertanyaannya terlalu panjang; saya memakai {n} karakter pertama.",
        "rate_limited": "Pelan-pelan ya 🙏 Maksimal {count} pertanyaan per {seconds} detik. "
                        "Silakan coba lagi dalam {wait} detik.",
        "queued": "⏳ Pertanyaan ini masuk antrean (maksimal {count} pertanyaan per {seconds} detik); "
                  "jawabannya menyusul dalam sekitar {wait} detik.",
        "greeting": "Halo! 👋 Saya kabar, siap menjawab pertanyaan tentang berita dengan sumbernya.",
        "how_are_you": "Kabar baik, terima kasih! 😊 Saya siap menjawab pertanyaan tentang berita.",
        "thanks_reply": "Sama-sama! 🙏 Silakan bertanya lagi kapan saja.",
        "bye": "Sampai jumpa! 👋 Kapan pun ingin tahu kabar terbaru, tanya saja.",
        "ok": "👍 Ada lagi yang ingin ditanyakan?",
        "emoji": "😊 Tanyakan apa saja tentang berita, misalnya:",
        "try_asking": "Coba tanyakan, misalnya:\n{examples}\n\nAtau ketik /latest untuk berita terbaru.",
        "small_examples": "• Banjir Sungai Katingan merendam berapa desa?\n• Berapa harga cabai rawit terbaru?",
        "new_topic": "🆕 Oke, kita mulai dari awal: pertanyaan berikutnya tidak dikaitkan dengan yang sebelumnya.",
        "latest_hint": "Ketik /latest [topik] untuk daftar berita terbaru, atau /search kata untuk mencari artikel.",
        "name_the_story": "Pertanyaan ini tidak menyebut berita mana yang dimaksud. Sebutkan siapa, di mana atau "
                          "acara apa, atau balas (reply) pesan yang memuat beritanya dengan pertanyaan Anda.",
        "latest_none": "Belum ada berita tentang “{topic}” di arsip kami.",
        "follow_usage": "Tulis topiknya, misalnya: <code>/ikuti banjir</code>. Saya kabari saat ada berita baru tentangnya.",
        "followed": "🔔 Oke! Saya kabari di sini saat ada berita baru tentang “{topic}”. Berhenti: /berhenti {topic}",
        "follow_full": "Maksimal {n} topik per chat; hentikan salah satu dulu dengan /berhenti.",
        "unfollowed": "🔕 Tidak lagi mengikuti “{topic}”.", "unfollowed_all": "🔕 Semua topik tidak diikuti lagi.",
        "not_followed": "Topik “{topic}” tidak sedang diikuti.", "follows": "<b>Topik yang diikuti</b>\n{topics}",
        "no_follows": "Belum ada topik yang diikuti. Contoh: <code>/ikuti banjir</code>",
        "alert": "🔔 Berita baru tentang “{topic}”",
        "inline_empty": "Ketik pertanyaan tentang berita", "inline_wait": "Terlalu banyak pertanyaan; coba lagi {wait} detik lagi",
        "inline_none": "Tidak ditemukan di arsip; tanya di chat pribadi", "inline_answer": "Jawaban dengan sumber",
        "inline_unsure": "Belum pasti: kalimat terdekat di arsip, dengan sumber",
        "latest": "Berita terbaru", "latest_topic": "Berita terbaru tentang “{topic}”",
        "search": "Artikel yang cocok dengan “{words}”", "nothing": "Tidak ada artikel yang cocok.",
        "show_sources": "📰 Lihat kutipan", "sources_shown": "Kutipan sumber dikirim.",
        "no_sources": "Jawaban ini tidak punya sumber.", "thanks": "Terima kasih atas masukannya!",
        "unknown_button": "Maaf, tombol ini sudah tidak berlaku.",
        "only_asker": "Hanya penanya yang bisa menilai jawaban ini.",
        "busy": "Maaf, sedang banyak pertanyaan yang menunggu. Silakan coba lagi sebentar lagi.",
        "text_only": "Kirim pertanyaan sebagai pesan teks, ya.",
        "error": "Maaf, terjadi kesalahan. Silakan coba lagi sebentar lagi.",
        "not_admin": "Maaf, perintah ini hanya untuk admin.",
        "add_usage": ("Cara menambah artikel:\n• <code>/add https://…</code>\n• <code>/add Judul</code>, lalu di "
                      "baris berikutnya isi artikel\n• balas sebuah pesan dengan <code>/add</code>\n"
                      "• kirim berkas .jsonl, .csv, .txt, .md atau .html"),
        "added": "✅ Artikel {status}: <code>{id}</code>\n{title}\nSudah bisa dicari dengan kata kunci; "
                 "indeks vektor sedang diperbarui.",
        "status_added": "ditambahkan", "status_updated": "diperbarui", "status_unchanged": "sudah ada (tidak berubah)",
        "already_stored": "ℹ️ Artikel ini sudah tersimpan dan tidak berubah: <code>{id}</code>\n{title}",
        "search_weak": "Tidak ada artikel yang benar-benar cocok dengan “{words}”. Yang paling mendekati:",
        "reason_field": "{field} kosong", "reason_no_body": "isi artikel kosong: tulis isinya di baris setelah judul",
        "reason_scheme": "hanya tautan http dan https yang diterima",
        "reason_http": "server menjawab HTTP {code}", "reason_host": "alamat situs tidak ditemukan",
        "reason_private": "alamat privat atau lokal ditolak", "reason_type": "bukan halaman web ({kind})",
        "reason_timeout": "server tidak menjawab tepat waktu", "reason_big": "halaman terlalu besar",
        "reason_other": "tautan tidak bisa diambil ({detail})",
        "add_failed": "❌ Artikel tidak bisa ditambahkan: {reason}",
        "indexed": "🔎 Indeks vektor diperbarui: {size} vektor.",
        "index_failed": "⚠️ Indeks vektor gagal diperbarui (pencarian kata kunci tetap jalan); coba /reindex.",
        "bad_file": "Jenis berkas tidak didukung; kirim .jsonl, .csv, .txt, .md atau .html.",
        "big_file": "Berkas terlalu besar (maksimal 20 MB).",
        "file_report": "📄 <b>{name}</b>: {added} ditambahkan, {updated} diperbarui, {unchanged} tidak berubah, "
                       "{failed} gagal.",
        "more_failures": "… dan {n} kegagalan lain.",
        "delete_usage": "Tulis ID artikel setelah /delete, misalnya: <code>/delete sample-001</code>",
        "deleted": "🗑 Artikel <code>{id}</code> dihapus.", "not_found": "Artikel <code>{id}</code> tidak ada.",
        "reindex_running": "Pembangunan ulang indeks sedang berjalan.",
        "reindex_start": "⏳ Membangun ulang indeks…",
        "reindex_progress": "⏳ Membangun ulang indeks: {done}/{total} bagian di-embed…",
        "reindex_done": "✅ Indeks dibangun ulang: {size} vektor ({embedded} bagian baru di-embed) dalam {seconds} detik.",
        "reindex_failed": "❌ Pembangunan ulang indeks gagal; lihat log.",
        "stats": ("<b>Statistik</b>\nArtikel: {articles}\nBagian teks: {passages}\nVektor: {vectors}\n"
                  "Pertanyaan: {asked} (terjawab {answered})\nUmpan balik: 👍 {up} / 👎 {down}\n"
                  "Latensi median: {median} ms"),
        "stats_llm": ("LLM <code>{llm}</code>: {generated} jawaban ditulis, {fallbacks} kembali ke jawaban "
                      "ekstraktif\nToken hari ini: {tokens_in} masuk / {tokens_out} keluar (batas {budget})\n"
                      "Tambahan latensi median: {llm_median} ms"),
    },
    "en": {
        "help": ("<b>Hi! I am kabar.</b> Ask me anything about the news in our archive; every answer names "
                 "its sources.\n\nArchive: <b>{articles}</b> articles from {sources} outlets, newest "
                 "{newest}.\n\n<b>Example questions</b>\n{examples}\n\n<b>Commands</b>\n"
                 "/latest [topic] — newest articles\n/search words — find articles\n"
                 "/ask question — ask in a group (or mention @{bot}, or reply to my answer)\n"
                 "Reply to a message with a headline or a news link with a question: I answer about that story\n"
                 "/new — start a new topic\n/follow topic — alert me to new articles on a topic "
                 "(/unfollow, /following)\n\nIn any chat: type @{bot} question"),
        "admin_help": ("\n\n<b>Admin</b>\n/add URL, or /add title + new line + text, or reply to a message with "
                       "/add — add an article\nSend a .jsonl/.csv/.txt/.md/.html file — add many articles\n"
                       "/delete ID — delete an article\n/reindex — rebuild the index\n/stats — statistics\n"
                       "/feeds — RSS/Atom feeds (/feeds add URL, /feeds remove ID)"),
        "examples": "• Who is the acting regional secretary of Central Kalimantan?\n"
                    "• Which airline started direct flights between Palangka Raya and Yogyakarta?\n"
                    "• Berapa harga cabai rawit terbaru?",
        "empty_archive": "none yet",
        "ask_usage": "Write the question after /ask, e.g. <code>/ask Who won the Palangka Raya Marathon?</code>",
        "search_usage": "Write the words after /search, e.g. <code>/search banjir Katingan</code>",
        "too_long": "That question is very long; I used its first {n} characters.",
        "rate_limited": "Easy there 🙏 At most {count} questions per {seconds} seconds. Please try again in "
                        "{wait} seconds.",
        "queued": "⏳ This question is queued (at most {count} questions per {seconds} seconds); the answer "
                  "follows in about {wait} seconds.",
        "greeting": "Hi! 👋 I am kabar: I answer questions about the news and name my sources.",
        "how_are_you": "I am well, thank you! 😊 Ready for your questions about the news.",
        "thanks_reply": "You are welcome! 🙏 Ask again any time.",
        "bye": "Bye! 👋 Whenever you want the latest news, just ask.",
        "ok": "👍 Anything else you would like to know?",
        "emoji": "😊 Ask me anything about the news, for example:",
        "try_asking": "Try asking, for example:\n{examples}\n\nOr type /latest for the newest articles.",
        "small_examples": "• How many villages did the Katingan river flood submerge?\n"
                          "• Which airline opened a Palangka Raya-Yogyakarta route?",
        "new_topic": "🆕 OK, a fresh start: your next question will not be tied to the earlier ones.",
        "latest_hint": "Type /latest [topic] for the newest articles, or /search words to find articles.",
        "name_the_story": "Your question does not say which story it is about. Name who, where or which event, or "
                          "reply to the message with the story in it with your question.",
        "latest_none": "Nothing about “{topic}” in our archive yet.",
        "follow_usage": "Write the topic, e.g. <code>/follow flood</code>. I will tell you when a new article about it arrives.",
        "followed": "🔔 OK! I will post here when a new article about “{topic}” arrives. Stop: /unfollow {topic}",
        "follow_full": "At most {n} topics per chat; stop one first with /unfollow.",
        "unfollowed": "🔕 No longer following “{topic}”.", "unfollowed_all": "🔕 No topics followed any more.",
        "not_followed": "“{topic}” is not followed here.", "follows": "<b>Followed topics</b>\n{topics}",
        "no_follows": "No topics followed yet. For example: <code>/follow flood</code>",
        "alert": "🔔 New articles about “{topic}”",
        "inline_empty": "Type a question about the news", "inline_wait": "Too many questions; try again in {wait} s",
        "inline_none": "Not found in the archive; ask in a private chat", "inline_answer": "Answer with sources",
        "inline_unsure": "Not sure: the closest sentences in the archive, with sources",
        "latest": "Newest articles", "latest_topic": "Newest articles about “{topic}”",
        "search": "Articles matching “{words}”", "nothing": "No matching articles.",
        "show_sources": "📰 Show quotes", "sources_shown": "Quoted sources sent.",
        "no_sources": "This answer has no sources.", "thanks": "Thanks for the feedback!",
        "unknown_button": "Sorry, this button is no longer valid.",
        "only_asker": "Only the person who asked can rate this answer.",
        "busy": "Sorry, many questions are waiting right now. Please try again in a moment.",
        "text_only": "Please send your question as a text message.",
        "error": "Sorry, something went wrong. Please try again in a moment.",
        "not_admin": "Sorry, this command is for admins only.",
        "add_usage": ("To add an article:\n• <code>/add https://…</code>\n• <code>/add Title</code>, then the "
                      "text on the next lines\n• reply to a message with <code>/add</code>\n"
                      "• send a .jsonl, .csv, .txt, .md or .html file"),
        "added": "✅ Article {status}: <code>{id}</code>\n{title}\nKeyword search finds it now; the vector "
                 "index is being updated.",
        "status_added": "added", "status_updated": "updated", "status_unchanged": "already stored (unchanged)",
        "already_stored": "ℹ️ This article is already stored, unchanged: <code>{id}</code>\n{title}",
        "search_weak": "No article really matches “{words}”. The closest:",
        "reason_field": "{field} is empty", "reason_no_body": "the text is empty: write it on the lines after the title",
        "reason_scheme": "only http and https links are accepted",
        "reason_http": "the server answered HTTP {code}", "reason_host": "the site's address was not found",
        "reason_private": "private or local addresses are refused", "reason_type": "not a web page ({kind})",
        "reason_timeout": "the server did not answer in time", "reason_big": "the page is too big",
        "reason_other": "the link could not be fetched ({detail})",
        "add_failed": "❌ Could not add the article: {reason}",
        "indexed": "🔎 Vector index updated: {size} vectors.",
        "index_failed": "⚠️ The vector index update failed (keyword search still works); try /reindex.",
        "bad_file": "Unsupported file type; send .jsonl, .csv, .txt, .md or .html.",
        "big_file": "The file is too big (20 MB at most).",
        "file_report": "📄 <b>{name}</b>: {added} added, {updated} updated, {unchanged} unchanged, {failed} failed.",
        "more_failures": "… and {n} more failures.",
        "delete_usage": "Write the article id after /delete, e.g. <code>/delete sample-001</code>",
        "deleted": "🗑 Article <code>{id}</code> deleted.", "not_found": "No article <code>{id}</code>.",
        "reindex_running": "An index rebuild is already running.",
        "reindex_start": "⏳ Rebuilding the index…",
        "reindex_progress": "⏳ Rebuilding the index: {done}/{total} passages embedded…",
        "reindex_done": "✅ Index rebuilt: {size} vectors ({embedded} passages newly embedded) in {seconds} s.",
        "reindex_failed": "❌ The index rebuild failed; see the log.",
        "stats": ("<b>Statistics</b>\nArticles: {articles}\nPassages: {passages}\nVectors: {vectors}\n"
                  "Questions: {asked} ({answered} answered)\nFeedback: 👍 {up} / 👎 {down}\n"
                  "Median latency: {median} ms"),
        "stats_llm": ("LLM <code>{llm}</code>: {generated} answers written, {fallbacks} fell back to the extractive "
                      "answer\nTokens today: {tokens_in} in / {tokens_out} out (budget {budget})\n"
                      "Median added latency: {llm_median} ms"),
    },
}

ADMIN_COMMANDS = {
    "id": [("add", "Tambah artikel (URL atau judul + isi)"), ("delete", "Hapus artikel"), ("reindex", "Bangun ulang indeks"),
           ("stats", "Statistik"), ("feeds", "Feed RSS/Atom")],
    "en": [("add", "Add an article (URL or title + text)"), ("delete", "Delete an article"),
           ("reindex", "Rebuild the index"), ("stats", "Statistics"), ("feeds", "RSS/Atom feeds")],
}
FIELD_NAMES = {"id": {"title": "judul", "text": "isi artikel", "published": "tanggal", "url": "tautan"},
               "en": {"title": "the title", "text": "the text", "published": "the date", "url": "the link"}}
COMMANDS = {
    "id": [("start", "Mulai dan bantuan"), ("help", "Cara memakai bot"), ("ask", "Bertanya (di grup)"),
           ("latest", "Berita terbaru [topik]"), ("search", "Cari artikel"), ("baru", "Mulai topik baru"),
           ("ikuti", "Kabari saya berita baru tentang topik"), ("berhenti", "Berhenti mengikuti topik"),
           ("langganan", "Topik yang saya ikuti")],
    "en": [("start", "Start and help"), ("help", "How to use the bot"), ("ask", "Ask a question (in groups)"),
           ("latest", "Newest articles [topic]"), ("search", "Find articles"), ("new", "Start a new topic"),
           ("follow", "Alert me to new articles on a topic"), ("unfollow", "Stop following a topic"),
           ("following", "Topics I follow")],
}


def t(lang: str, key: str, **values: Any) -> str:
    """An interface text in `lang` (values are inserted as given: escape them first)."""
    return TEXTS.get(lang, TEXTS["id"])[key].format(**values)


def friendly_reason(reason: str, lang: str) -> str:
    """Why an article or a link could not be stored, in the interface language (escaped HTML)."""
    m = re.search(r"field '(\w+)': (missing|empty)", reason)
    if m:
        if m.group(1) == "text":
            return esc(t(lang, "reason_no_body"))
        return esc(t(lang, "reason_field", field=FIELD_NAMES[lang].get(m.group(1), m.group(1))))
    checks = [(r"only http and https links", "reason_scheme", {}), (r"server answered HTTP (\d+)", "reason_http", "code"),
              (r"host .* not found", "reason_host", {}), (r"private, loopback or link-local", "reason_private", {}),
              (r"not an? \w+ \(content-type ([^)]*)\)", "reason_type", "kind"),
              (r"no answer within|not fully received within", "reason_timeout", {}), (r"larger than", "reason_big", {})]
    for pattern, key, group in checks:
        m = re.search(pattern, reason)
        if m:
            values = {group: m.group(1)} if isinstance(group, str) else {}
            return esc(t(lang, key, **values))
    return esc(t(lang, "reason_other", detail=reason[:300])) if lang == "id" else esc_within(reason, 500)


def ui_lang(text: str | None, user: User | None) -> str:
    """English when the text is English or the user's Telegram language is English, else Indonesian."""
    if text and language(text) == "en":
        return "en"
    return "en" if user and (user.language_code or "").lower().startswith("en") else "id"


def command_text(text: str | None) -> str:
    """What follows the /command (newlines kept)."""
    return re.sub(r"^/\w+(@\w+)?", "", text or "", count=1).strip()


# -- state kept by the bot process --------------------------------------------------------------------------
class RateLimiter:
    """At most `count` questions per user in any `seconds` long window. A question over the limit is given
    the next free slot (it waits for it), up to `max_queued` waiting per user."""

    def __init__(self, count: int, seconds: float, clock: Callable[[], float] = time.monotonic,
                 max_queued: int | None = None):
        self.count, self.seconds, self.clock = count, seconds, clock
        self.max_queued = 2 * count if max_queued is None else max_queued
        # Users in the order of their latest counted question; those whose every question has left the
        # window are forgotten, so the state holds only users active in the last `seconds`.
        self._asked: OrderedDict[int, deque[float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._asked)

    def _times(self, user_id: int, now: float) -> deque[float]:
        """The user's counted (and queued) question times still in the window; idle users forgotten."""
        while self._asked:
            oldest, times = next(iter(self._asked.items()))
            if times and now - times[-1] < self.seconds:
                break
            del self._asked[oldest]
        asked = self._asked.setdefault(user_id, deque())
        while asked and now - asked[0] >= self.seconds:
            asked.popleft()
        return asked

    def _take(self, user_id: int, queue: bool) -> float | None:
        now = self.clock()
        asked = self._times(user_id, now)
        times, wait = coordination.take_slot(list(asked), now, self.count, self.seconds, self.max_queued, queue)
        if len(times) > len(asked):
            asked.append(times[-1])
            self._asked.move_to_end(user_id)
        return wait

    def retry_after(self, user_id: int) -> float:
        """0 (and the question is counted) when the user may ask now, else seconds to wait."""
        return self._take(user_id, queue=False)

    def reserve(self, user_id: int) -> float | None:
        """Seconds until this question's slot (0: now); the slot is taken. None when `max_queued` of the
        user's questions already wait for theirs (the question is not counted)."""
        return self._take(user_id, queue=True)


class _Guarded:
    """An embedder whose calls wait for `lock`, so background embedding never overlaps a question."""

    def __init__(self, inner: Any, lock: threading.Lock):
        self._inner, self._lock = inner, lock

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def embed_passages(self, texts: list[str]):
        with self._lock:
            return self._inner.embed_passages(texts)

    def embed_query(self, text: str):
        with self._lock:
            return self._inner.embed_query(text)

    def embed_sentences(self, texts: list[str]):
        with self._lock:
            return self._inner.embed_sentences(texts)


class StateStore:
    """The conversation state (answer messages, contexts, followed topics) on its own sqlite connection and its
    own thread: recording which message carries an answer never waits for the serving Kabar's lock (held
    while a background index job embeds) nor takes a thread that answering questions needs."""

    def __init__(self, kabar: Kabar):
        self._database = kabar.settings.database
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kabar-state")
        self._view: Any = None

    def _run(self, fn: Callable[..., T], *args: Any) -> T:
        if self._view is None:
            from types import SimpleNamespace
            self._view = SimpleNamespace(store=SimpleNamespace(db=open_database(self._database)))
        return fn(self._view, *args)

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """fn(an object whose .store.db is the state connection, *args) on the state thread."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, self._run, fn, *args)


class Gate:
    """Kabar for worker threads: short calls one at a time on the serving Kabar, long jobs on a second one."""

    def __init__(self, kabar: Kabar, workers: int = 1):
        self.kabar = kabar
        self.lock = threading.Lock()
        self.index_lock = threading.Lock()
        self.readers = [kabar.worker() for _ in range(workers - 1)]   # answer questions beside the serving Kabar
        self._idle: asyncio.Queue | None = None
        self.generation_seen: int | None = None   # the corpus's index generation the loaded index matches
        self._following: asyncio.Future | None = None

    async def question(self, fn: Callable[..., T], *args: Any) -> T:
        """fn(kabar, *args) on whichever Kabar is free: the serving one (under the lock) or a reader."""
        if not self.readers:
            return await self.call(fn, *args)
        if self._idle is None:   # made on the event loop that uses it
            self._idle = asyncio.Queue()
            for worker in [None, *self.readers]:
                self._idle.put_nowait(worker)
        worker = await self._idle.get()
        try:
            if worker is None:
                return await self.call(fn, *args)
            return await asyncio.to_thread(fn, worker, *args)
        finally:
            self._idle.put_nowait(worker)

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """fn(serving kabar, *args) in a worker thread, holding the lock."""
        def locked() -> T:
            with self.lock:
                return fn(self.kabar, *args)
        return await asyncio.to_thread(locked)

    def _separately(self, fn: Callable[..., T], *args: Any) -> T:
        worker = Kabar(self.kabar.settings, embedder=_Guarded(self.kabar.embedder, self.lock),
                       policy=self.kabar.policy)
        try:
            return fn(worker, *args)
        finally:
            worker.store.db.close()

    async def separately(self, fn: Callable[..., T], *args: Any) -> T:
        """fn(a second Kabar with its own connection, *args) in a worker thread, not blocking questions."""
        return await asyncio.to_thread(self._separately, fn, *args)

    def _index_job(self, rebuild: bool, progress: Callable[[int, int], None] | None) -> dict:
        with self.index_lock:
            result = self._separately(lambda k: (k.rebuild_index if rebuild else k.update_index)(progress))
            changed = rebuild or result.rebuilt or result.added or result.removed
            if changed or not self.kabar.index_loaded:   # an unchanged index is not read from disk again
                with self.lock:
                    self.kabar.load_index()
                    for reader in self.readers:
                        reader.follow(self.kabar)
            if result.generation is not None:
                self.generation_seen = max(result.generation, self.generation_seen or 0)
            return result

    async def index_job(self, rebuild: bool = False, progress: Callable[[int, int], None] | None = None) -> dict:
        """Update (or rebuild) the vector index in the background, then let the serving Kabar load it."""
        return await asyncio.to_thread(self._index_job, rebuild, progress)

    def follow(self, generation: int) -> None:
        """The corpus's index generation is `generation` (bot/replicas.py polls it): when another process (a
        replica, `kabar ingest`) changed passages or stored vectors since this index was matched to the corpus,
        update it in the background (at most one such job at a time; none while an index job runs)."""
        if self.generation_seen is not None and generation <= self.generation_seen:
            return
        if self.index_lock.locked() or (self._following is not None and not self._following.done()):
            return

        async def job() -> None:
            try:
                result = await self.index_job()
            except Exception:
                log.exception("following the vector index failed (keyword search still works); retrying")
                return
            if result.added or result.removed or result.embedded:
                log.info("vector index followed the corpus: %d added, %d dropped, %d embedded here, %d vectors",
                         result.added, result.removed, result.embedded, result.size)
        self._following = asyncio.ensure_future(job())


# -- Kabar operations, run through Gate ----------------------------------------------------------------------
def _ask(kabar: Kabar, question: str) -> Answer:
    """The extractive answer (inline queries: Telegram waits seconds for them, not a model's time)."""
    return kabar.ask(question, llm=False)


def _ask_and_record(kabar: Kabar, asked: str, chat_id: int, user_id: int, question: str,
                    on_draft: Callable[[str], None] | None = None, then: str | None = None,
                    reading: str | None = None) -> tuple[Answer, int]:
    """Answer `asked` (the question, expanded when it follows up on the last one; what the reader reads of it is
    `reading` when given), or `then` (the follow-up with the story before) where Kabar.search_and_answer takes it,
    and log `question`; the (chat, user)'s context becomes this question. With KABAR_LLM, `on_draft` sees the
    model's text as it comes."""
    start = time.perf_counter()
    answer, run = kabar.ask_llm(asked, on_draft=on_draft, then=then, reading=reading)
    asked = answer.question
    row_id = _record(kabar, chat_id, user_id, question, answer, (time.perf_counter() - start) * 1000, asked, run)
    kabar.store.db.execute("INSERT INTO conversations (chat_id, user_id, question_id, updated_at) VALUES (?, ?, ?, ?)"
                           " ON CONFLICT (chat_id, user_id) DO UPDATE SET question_id = excluded.question_id,"
                           " updated_at = excluded.updated_at", [chat_id, user_id, row_id, time.time()])
    return answer, row_id


def _record(kabar: Kabar, chat_id: int, user_id: int, question: str, answer: Answer, latency_ms: float,
            asked: str | None = None, run: Any = None) -> int:
    """Log a question and its answer; with KABAR_LLM, also the model's tokens, added latency and outcome."""
    row = {
        "asked_at": now_iso(), "chat_id": chat_id, "user_id": user_id, "question": question,
        "answer": answer.answer, "abstained": int(answer.abstained),
        "sources": json.dumps([asdict(c) for c in answer.citations], ensure_ascii=False),
        "latency_ms": round(latency_ms, 1), "feedback": None, "asked": asked or question,
        "short_answer": None if answer.abstained else answer.short_answer,
    }
    if run is not None:
        row.update(llm_tokens_in=run.tokens_in, llm_tokens_out=run.tokens_out, llm_ms=run.ms, llm_outcome=run.outcome)
    return kabar.store.db.insert("questions", row)


def _context_row(kabar: Kabar, question_id: int) -> dict | None:
    """What a follow-up needs of an earlier question: what it searched for and the short answer it was given."""
    row = kabar.store.db.execute("SELECT question, asked, short_answer FROM questions WHERE id = ?",
                                 [question_id]).fetchone()
    if row is None:
        return None
    return {"id": question_id, "asked": row[1] or row[0], "short_answer": row[2]}


def _replied_context(kabar: Kabar, chat_id: int, message_id: int) -> dict | None:
    """The question whose answer is the bot message `message_id` of `chat_id`, if it is one."""
    row = kabar.store.db.execute("SELECT question_id FROM answer_messages WHERE chat_id = ? AND message_id = ?",
                                 [chat_id, message_id]).fetchone()
    return _context_row(kabar, row[0]) if row else None


def _quoted_story(kabar: Kabar, text: str, links: list[str]) -> str | None:
    """The story of a message the question replies to that is not the bot's: the title of an archived article it
    links to, else its first line (quoted_story: a headline someone posted, a forwarded post)."""
    for link in links:
        row = kabar.store.db.execute("SELECT title FROM articles WHERE url IN (?, ?, ?)",
                                     [link, link.rstrip("/"), link.rstrip("/") + "/"]).fetchone()
        if row:
            return row[0]
    return quoted_story(text)


def _last_context(kabar: Kabar, chat_id: int, user_id: int, ttl: float) -> dict | None:
    """The (chat, user)'s last question, if it was asked within `ttl` seconds and not cleared."""
    row = kabar.store.db.execute("SELECT question_id, updated_at FROM conversations WHERE chat_id = ? AND user_id = ?",
                                 [chat_id, user_id]).fetchone()
    if row is None or time.time() - row[1] > ttl:
        return None
    return _context_row(kabar, row[0])


def _clear_context(kabar: Kabar, chat_id: int, user_id: int) -> None:
    kabar.store.db.execute("DELETE FROM conversations WHERE chat_id = ? AND user_id = ?", [chat_id, user_id])


def _remember_messages(kabar: Kabar, chat_id: int, message_ids: list[int], question_id: int) -> None:
    with kabar.store.db.transaction() as db:
        db.executemany("INSERT INTO answer_messages (chat_id, message_id, question_id) VALUES (?, ?, ?)"
                       " ON CONFLICT (chat_id, message_id) DO UPDATE SET question_id = excluded.question_id",
                       [(chat_id, m, question_id) for m in message_ids])


def _question_row(kabar: Kabar, row_id: int) -> dict | None:
    return next(iter(kabar.store.db.query("SELECT * FROM questions WHERE id = ?", [row_id])), None)


def _set_feedback(kabar: Kabar, row_id: int, value: int) -> None:
    kabar.store.db.execute("UPDATE questions SET feedback = ? WHERE id = ?", [value, row_id])


def _counts(kabar: Kabar) -> dict:
    return kabar.store.counts()


_ARTICLE_COLUMNS = "id, title, url, source, published"


def _articles(kabar: Kabar, ids: list[str]) -> dict[str, dict]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = kabar.store.db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", ids)
    return {r[0]: dict(zip(("id", "title", "url", "source", "published"), r)) for r in rows}


def _matching_ids(kabar: Kabar, words: str) -> list[str]:
    """Article ids whose passages match `words` (BM25), best first."""
    hits = kabar.store.keyword_search(words, k=300)
    passages = kabar.store.passages([pid for pid, _ in hits])
    return list(dict.fromkeys(passages[pid].article_id for pid, _ in hits if pid in passages))


def _latest(kabar: Kabar, topic: str) -> list[dict]:
    if not topic:
        rows = kabar.store.db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY published IS NULL,"
                                      f" published DESC LIMIT {LIST_SIZE}")
        return [dict(zip(("id", "title", "url", "source", "published"), r)) for r in rows]
    found = list(_articles(kabar, _matching_ids(kabar, topic)).values())
    found.sort(key=lambda a: a["published"] or "", reverse=True)
    return found[:LIST_SIZE]


def _search(kabar: Kabar, words: str) -> list[dict]:
    """Articles matching `words` (and the Indonesian for common English news words), best first, with text."""
    ids = _matching_ids(kabar, search_terms(words))[:LIST_SIZE]
    found = _articles(kabar, ids)
    texts = dict(kabar.store.db.execute(f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(ids))})",
                                        ids).fetchall()) if ids else {}
    return [{**found[i], "text": texts.get(i, "")} for i in ids if i in found]


def _delete(kabar: Kabar, article_id: str) -> bool:
    return kabar.store.delete(article_id)


def _stats(kabar: Kabar) -> dict:
    status = kabar.status()
    asked, answered, up, down = kabar.store.db.execute(
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE abstained = 0), COUNT(*) FILTER (WHERE feedback = 1),"
        " COUNT(*) FILTER (WHERE feedback = -1) FROM questions").fetchone()
    latencies = [r[0] for r in kabar.store.db.execute(   # the latest 1000 questions
        "SELECT latency_ms FROM questions WHERE latency_ms IS NOT NULL ORDER BY id DESC LIMIT 1000")]
    return {"articles": status["articles"], "passages": status["passages"],
            "vectors": status.get("index_vectors", 0), "asked": asked, "answered": answered, "up": up,
            "down": down, "median": round(statistics.median(latencies)) if latencies else "–", **_llm_stats(kabar)}


def _llm_stats(kabar: Kabar) -> dict:
    """KABAR_LLM's figures for /stats: answers written and fallen back, tokens today, median added latency."""
    from .generate import Budget, today

    llm = kabar.settings.llm
    generated, fallbacks = kabar.store.db.execute(
        "SELECT COUNT(*) FILTER (WHERE llm_outcome = 'generated'), COUNT(*) FILTER (WHERE llm_outcome LIKE"
        " 'fallback%') FROM questions").fetchone()
    if not llm.model and not generated and not fallbacks:
        return {}
    tokens_in, tokens_out, _ = Budget(llm.daily_tokens).spent(kabar.store.db, today())
    added = [r[0] for r in kabar.store.db.execute(
        "SELECT llm_ms FROM questions WHERE llm_ms IS NOT NULL ORDER BY id DESC LIMIT 1000")]
    return {"llm": llm.model or "–", "generated": generated, "fallbacks": fallbacks, "tokens_in": tokens_in,
            "tokens_out": tokens_out, "budget": f"{llm.daily_tokens:,}" if llm.daily_tokens else "∞",
            "llm_median": round(statistics.median(added)) if added else "–"}


def _ingest_targets(kabar: Kabar, targets: list[str]) -> Report:
    return kabar.ingest(targets, index=False)[0]


def _ingest_text(kabar: Kabar, title: str, text: str, source: str | None = None,
                 published: str | None = None) -> tuple[str, str]:
    return ingest_text(kabar.store, title, text, source=source, published=published)


MAX_FOLLOWS = 10              # topics per chat
MAX_ALERTS_PER_DAY = 20       # alerted articles per chat in 24 hours


def _follow(kabar: Kabar, chat_id: int, user_id: int, topic: str, lang: str) -> bool:
    with kabar.store.db.transaction() as conn:
        conn.lock(f"follows:{chat_id}")
        count = conn.execute("SELECT COUNT(*) FROM follows WHERE chat_id = ? AND topic != ?", [chat_id, topic]).fetchone()[0]
        if count >= MAX_FOLLOWS:
            return False
        conn.execute("INSERT INTO follows (chat_id, user_id, topic, lang, created_at) VALUES (?, ?, ?, ?, ?)"
                     " ON CONFLICT (chat_id, topic) DO UPDATE SET user_id = excluded.user_id, lang = excluded.lang,"
                     " created_at = excluded.created_at", [chat_id, user_id, topic, lang, now_iso()])
    return True


def _unfollow(kabar: Kabar, chat_id: int, topic: str | None) -> int:
    with kabar.store.db.transaction() as conn:
        if topic is None:
            return conn.execute("DELETE FROM follows WHERE chat_id = ?", [chat_id]).rowcount
        return conn.execute("DELETE FROM follows WHERE chat_id = ? AND topic = ?", [chat_id, topic]).rowcount


def _follows_of(kabar: Kabar, chat_id: int) -> list[str]:
    return [r[0] for r in kabar.store.db.execute("SELECT topic FROM follows WHERE chat_id = ? ORDER BY created_at",
                                                 [chat_id])]


def _due_alerts(kabar: Kabar, article_ids: list[str]) -> dict[tuple[int, str, str], list[dict]]:
    """(chat, topic, language) -> the newly added articles (not updated ones) of `article_ids` that mention every
    word of the topic and were not yet alerted to the chat; they are marked as sent."""
    db = kabar.store.db
    marks = ",".join("?" * len(article_ids))
    rows = db.execute(f"SELECT {_ARTICLE_COLUMNS}, text FROM articles WHERE id IN ({marks}) AND added_at = updated_at",
                      list(dict.fromkeys(article_ids))).fetchall()
    articles = [dict(zip(("id", "title", "url", "source", "published", "text"), r)) for r in rows]
    follows = db.execute("SELECT chat_id, topic, lang FROM follows").fetchall()
    since = (datetime.now(timezone.utc) - timedelta(days=1)).isoformat(timespec="seconds")   # as now_iso()
    out: dict[tuple[int, str, str], list[dict]] = {}
    with db.transaction() as conn:
        conn.lock("alerts_sent")
        for chat_id, topic, lang in follows:
            for a in articles:
                if coverage(f"{a['title']} {a['text']}", topic) < 1:
                    continue
                if conn.execute("SELECT 1 FROM alerts_sent WHERE chat_id = ? AND article_id = ?",
                                [chat_id, a["id"]]).fetchone():
                    continue
                sent_today = conn.execute("SELECT COUNT(*) FROM alerts_sent WHERE chat_id = ? AND sent_at >= ?",
                                          [chat_id, since]).fetchone()[0]
                if sent_today >= MAX_ALERTS_PER_DAY:
                    continue
                conn.execute("INSERT INTO alerts_sent (chat_id, article_id, topic, sent_at) VALUES (?, ?, ?, ?)",
                             [chat_id, a["id"], topic, now_iso()])
                out.setdefault((chat_id, topic, lang), []).append(a)
    return out


def citations_from_json(sources: str | None) -> list[Citation]:
    """Citations stored with a question; anything malformed is skipped."""
    try:
        items = json.loads(sources or "[]")
    except ValueError:
        return []
    names = {f.name for f in fields(Citation)}
    out = []
    for item in items if isinstance(items, list) else []:
        try:
            out.append(Citation(**{k: v for k, v in item.items() if k in names}))
        except (TypeError, AttributeError):
            continue
    return out


def answer_keyboard(row_id: int, lang: str, chosen: int | None = None) -> InlineKeyboardMarkup:
    """Sources button, then 👍 / 👎 (the chosen one ticked)."""
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(t(lang, "show_sources"), callback_data=f"src:{row_id}")],
        [InlineKeyboardButton("👍" + (" ✓" if chosen == 1 else ""), callback_data=f"fb:{row_id}:1"),
         InlineKeyboardButton("👎" + (" ✓" if chosen == -1 else ""), callback_data=f"fb:{row_id}:-1")],
    ])


def prepare(kabar: Kabar) -> dict:
    """Load the model and the index once, before serving; returns the corpus counts."""
    _ = kabar.retriever
    kabar.embedder.embed_query("pemanasan")
    _ = kabar.writer     # KABAR_LLM: an unknown model or a missing key stops the start with a clear message
    return kabar.store.counts()


# -- handlers ------------------------------------------------------------------------------------------------
class KabarBot:
    """The bot's handlers and the state they share."""

    def __init__(self, settings: BotSettings, kabar: Kabar):
        self.settings = settings
        self.gate = Gate(kabar, settings.workers)
        self.state = StateStore(kabar)
        self.coordinator = Coordinator(kabar.settings.database)
        self.limiter = SharedRateLimiter(self.coordinator, *settings.rate_limit)   # one limit across replicas
        self.replica: Replica | None = None     # set by build_application
        self.waiting = 0        # questions past the checks and not yet answered (bounded by max_waiting)
        self.outlet = os.environ.get("KABAR_OUTLET", "").strip() or "Telegram /add"   # source of /add text
        self._admin_menus: set[int] = set()     # admins whose chat has the admin command menu
        self._reindex: asyncio.Task | None = None
        self.llm = bool(kabar.settings.llm.model)     # KABAR_LLM: answers stream while the model writes

    def register(self, app: Application) -> None:
        """Attach every handler to `app`."""
        new = filters.UpdateType.MESSAGE
        app.add_handler(TypeHandler(Update, self.admin_seen), group=-1)
        app.add_handler(CommandHandler(["start", "help"], self.help, filters=new))
        app.add_handler(CommandHandler("ask", self.ask_command, filters=new))
        app.add_handler(CommandHandler("latest", self.latest, filters=new))
        app.add_handler(CommandHandler("search", self.search, filters=new))
        app.add_handler(CommandHandler(["baru", "new"], self.new_topic, filters=new))
        app.add_handler(CommandHandler(["ikuti", "follow"], self.follow, filters=new))
        app.add_handler(CommandHandler(["berhenti", "unfollow"], self.unfollow, filters=new))
        app.add_handler(CommandHandler(["langganan", "following"], self.following, filters=new))
        app.add_handler(CommandHandler("add", self.add, filters=new))
        app.add_handler(CommandHandler("delete", self.delete, filters=new))
        app.add_handler(CommandHandler("reindex", self.reindex, filters=new))
        app.add_handler(CommandHandler("stats", self.stats, filters=new))
        app.add_handler(MessageHandler(new & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND,
                                       self.private_text))
        app.add_handler(MessageHandler(new & filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND,
                                       self.group_text))
        app.add_handler(MessageHandler(new & filters.ChatType.GROUPS & filters.CAPTION & ~filters.TEXT,
                                       self.group_text))
        app.add_handler(MessageHandler(new & filters.ChatType.PRIVATE & filters.Document.ALL, self.document))
        app.add_handler(MessageHandler(new & filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.Document.ALL
                                       & ~filters.StatusUpdate.ALL, self.not_text))
        app.add_handler(MessageHandler(filters.UpdateType.EDITED, self.edited))
        app.add_handler(CallbackQueryHandler(self.button))
        app.add_handler(InlineQueryHandler(self.inline))
        app.add_error_handler(self.on_error)

    async def post_init(self, app: Application) -> None:
        """Register the command menu (Indonesian, and English for English-language clients); admins' own chats
        get the admin commands too (a chat the bot cannot reach yet gets them when the admin first writes)."""
        for lang, code in (("id", None), ("en", "en")):
            commands = [BotCommand(name, description) for name, description in COMMANDS[lang]]
            await app.bot.set_my_commands(commands, language_code=code)
        for admin_id in sorted(self.settings.admin_ids):
            await self.admin_menu(app.bot, admin_id)
        log.info("serving as @%s", app.bot.username)
        if self.gate.kabar.index_problem:   # unreadable or missing index: keywords answer while it is rebuilt
            self._reindex = asyncio.ensure_future(self.rebuild_at_start())
        if self.replica is not None:
            await self.replica.start(app)

    async def post_stop(self, app: Application) -> None:
        """Leave the replicas: updates not finished here are adopted by another replica at once."""
        if self.replica is not None:
            await self.replica.stop()

    async def admin_menu(self, bot: Any, admin_id: int) -> None:
        """The reader and admin commands in the command menu of the admin's private chat (BotCommandScopeChat)."""
        try:
            for lang, code in (("id", None), ("en", "en")):
                commands = [BotCommand(name, description) for name, description in COMMANDS[lang] + ADMIN_COMMANDS[lang]]
                await bot.set_my_commands(commands, scope=BotCommandScopeChat(admin_id), language_code=code)
        except TelegramError as e:
            log.info("admin command menu for %s not set yet (%s); set when the admin writes", admin_id, e)
            return
        self._admin_menus.add(admin_id)

    async def admin_seen(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Any update from an admin whose chat lacks the admin command menu: set it (runs before the handlers)."""
        user = update.effective_user
        if user and user.id in self.settings.admin_ids and user.id not in self._admin_menus \
                and update.effective_chat and update.effective_chat.id == user.id:
            await self.admin_menu(context.bot, user.id)

    async def rebuild_at_start(self) -> None:
        """Rebuild the vector index found unreadable or missing at start-up (stored vectors are reused)."""
        log.warning("rebuilding the vector index in the background: %s", self.gate.kabar.index_problem)
        try:
            result = await self.gate.index_job(rebuild=True)
        except Exception:
            log.exception("background index rebuild failed; answers stay keyword-only (try /reindex)")
            return
        log.info("vector index rebuilt: %s vectors, %s passages embedded", result["size"], result["embedded"])

    # readers ------------------------------------------------------------------------------------------------
    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/start and /help: what the bot knows, example questions, commands."""
        user, message = update.effective_user, update.effective_message
        lang = ui_lang(None, user)
        counts = await self.gate.call(_counts)
        newest = format_date(counts["newest"], lang) if counts["newest"] else t(lang, "empty_archive")
        text = t(lang, "help", articles=counts["articles"], sources=counts["sources"], newest=esc(newest),
                 examples=t(lang, "examples"), bot=esc(context.bot.username))
        if user and user.id in self.settings.admin_ids:
            text += t(lang, "admin_help")
        await message.reply_html(text)

    async def ask_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/ask QUESTION, in groups and private chats."""
        question = command_text(update.effective_message.text)
        if not question:
            await update.effective_message.reply_html(t(ui_lang(None, update.effective_user), "ask_usage"))
            return
        await self.answer(update, context, question)

    async def private_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A text message in a private chat is a question."""
        await self.answer(update, context, update.effective_message.text)

    async def group_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """In groups, answer only when mentioned or replied to."""
        message, me = update.effective_message, context.bot.username or ""
        text = message.text if message.text is not None else message.caption or ""
        if message.text is None and text.lstrip().startswith("/"):
            return                      # a caption is never a command
        entities = message.parse_entities([MessageEntity.MENTION]) if message.text is not None \
            else message.parse_caption_entities([MessageEntity.MENTION])
        mentioned = any(m.lower() == f"@{me}".lower() for m in entities.values())
        if not (mentioned or replies_to_bot(message, context.bot.id)):
            return
        question = re.sub(rf"@{re.escape(me)}\b", " ", text, flags=re.I).strip() if me else text
        await self.answer(update, context, question)

    async def inline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """`@bot question` in any chat: the cited answer as the first result, its sources (or, for "berita
        terbaru", the newest articles) after it. Rate-limited like questions, without a queue (an inline query
        expires in seconds): over the limit the results are empty and a button says when to try again."""
        query = update.inline_query
        text = " ".join((query.query or "").split())[:MAX_QUESTION_CHARS]
        lang = ui_lang(text or None, query.from_user)
        if len(text) < 3 or small_talk(text):
            await query.answer([], cache_time=0, button=InlineQueryResultsButton(t(lang, "inline_empty"),
                                                                                 start_parameter="help"))
            return
        topic = latest_request(text)
        if topic == "":
            articles = await self.gate.call(_latest, "")
            await query.answer(article_results(articles, lang), cache_time=60)
            return
        wait = await self.limiter.retry_after(query.from_user.id)
        if wait:
            await query.answer([], cache_time=0, is_personal=True, button=InlineQueryResultsButton(
                t(lang, "inline_wait", wait=max(1, round(wait))), start_parameter="help"))
            return
        result = await self.gate.question(_ask, searchable(text))
        if result.abstained:
            articles = await self.gate.call(_search, text) if topic is None else []
            articles = [a for a in articles if mentions(f"{a['title']} {a['text']}", text)][:5]
            await query.answer(article_results(articles, result.language), cache_time=0, button=InlineQueryResultsButton(
                t(result.language, "inline_none"), start_parameter="help"))
            return
        await query.answer(inline_results(result), cache_time=0)

    async def answer(self, update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
        """Small talk and "berita terbaru" first (no search, not rate limited); then the queue bound, the
        rate limit (over it, the question waits for its slot), 'typing', ask Kabar off the event loop with
        the conversation's context, log the question, reply with the cited answer. At most
        `settings.max_waiting` questions wait for the model at once (all users together); beyond that a
        question gets a short 'busy, try again' at once instead of a long wait, and it does not count
        against the user's rate limit."""
        message, user, chat = update.effective_message, update.effective_user, update.effective_chat
        if message.via_bot is not None:      # an inline result the user sent into the chat: not a question
            return
        question = " ".join(question.split())
        lang = ui_lang(question, user)
        if not question:
            await message.reply_html(t(lang, "ask_usage"))
            return
        talk = small_talk(question)
        if talk:
            await self.small_talk(message, talk, user)
            return
        topic = latest_request(question)
        if topic == "":
            await self.send_list(message, t(lang, "latest"), await self.gate.call(_latest, ""), lang,
                                 show_ids=self.is_admin_id(user))
            return
        if self.waiting >= self.settings.max_waiting:
            log.warning("busy: %d questions waiting; user %s asked to try again", self.waiting, user.id)
            await message.reply_html(t(lang, "busy"), do_quote=True)   # which question to send again
            return
        count, seconds = self.settings.rate_limit
        self.waiting += 1       # the place is taken before the first await after the check above
        try:
            wait = await self.limiter.reserve(user.id)    # the shared limit: a database round trip
        except BaseException:
            self.waiting -= 1
            raise
        if wait is None:
            self.waiting -= 1
            await message.reply_html(t(lang, "rate_limited", count=count, seconds=f"{seconds:g}",
                                       wait=max(1, round(await self.limiter.retry_after(user.id)))))
            return
        if wait > 0:            # a question waiting for its slot holds no place meanwhile
            self.waiting -= 1
            log.info("user %s over the rate limit: question queued for %.1f s", user.id, wait)
            await message.reply_html(t(lang, "queued", count=count, seconds=f"{seconds:g}", wait=max(1, round(wait))),
                                     do_quote=True)
            await asyncio.sleep(wait)
            self.waiting += 1
        try:
            if len(question) > MAX_QUESTION_CHARS:
                question = question[:MAX_QUESTION_CHARS]
                await message.reply_html(t(lang, "too_long", n=MAX_QUESTION_CHARS))
            await show_typing(context, chat.id, message.message_thread_id)
            asked, then, read = await self.with_context(message, chat.id, user.id, question)
            # KABAR_LLM: the model's text shows while it writes (bot/telegram_stream.py)
            stream = Stream(context.bot, message, chat.type == "private") if self.llm else None
            try:
                result, row_id = await self.gate.question(_ask_and_record, asked, chat.id, user.id, question,
                                                          stream.feed if stream else None, then, read)
            except BaseException:
                if stream:
                    await stream.discard()
                raise
        finally:
            self.waiting -= 1
        if topic and not answers_topic(result, topic):
            found = await self.gate.call(_latest, search_terms(topic))
            if found:
                if stream:
                    await stream.discard()
                heading = t(lang, "latest_topic", topic=topic[:100])
                await self.send_list(message, heading, found, lang, show_ids=self.is_admin_id(user))
                return
        markup = None if result.abstained else answer_keyboard(row_id, result.language)
        chunks = format_answer(result)
        if result.abstained and topic is not None:
            chunks = [chunks[0] + "\n\n" + esc(t(result.language, "latest_hint"))]
        elif result.abstained and asked == searchable(question) and needs_context(question):
            chunks = [chunks[0] + "\n\n" + esc(t(result.language, "name_the_story"))]   # "Siapa top skornya?" alone
        sent = await stream.finish(chunks, markup) if stream else await send_chunks(message, chunks, markup)
        await self.state.call(_remember_messages, chat.id, [m.message_id for m in sent], row_id)

    async def with_context(self, message: Message, chat_id: int, user_id: int,
                           question: str) -> Searches:
        """The question to search and read: as written when it stands alone, else re-asked with the question whose
        answer it replies to, with the story of another message it replies to (a headline, a forwarded post, a link
        to an archived article: _quoted_story), or (without a reply) the (chat, user)'s last question within
        KABAR_FOLLOWUP_SECONDS (bot/conversation.py what_to_search); what to search when the first finds nothing
        sure, if anything; and what the reader reads of the first when it is a follow-up searched with the names of
        the story before, else None."""
        quoted = message.reply_to_message
        if replies_to_bot(message, message.get_bot().id):
            previous = await self.state.call(_replied_context, chat_id, quoted.message_id)
        elif quoted is not None and (quoted.text or quoted.caption):
            text = quoted.text or quoted.caption
            hidden = [e.url for e in (quoted.entities or quoted.caption_entities or ()) if e.type == "text_link"]
            story = await self.state.call(_quoted_story, text, links_in(text) + hidden)
            if story:
                log.info("a question about the message it replies to")
                return Searches(*about_quoted(question, story), None)
            previous = None
        else:
            previous = await self.state.call(_last_context, chat_id, user_id, self.settings.followup_seconds)
        found = what_to_search(question, *((previous["asked"], previous["short_answer"]) if previous else (None,)))
        if previous and found.asked != searchable(question):
            log.info("follow-up on question %s", previous["id"])
        return found

    async def small_talk(self, message: Message, talk: tuple[str, str | None], user: User | None) -> None:
        """A short friendly reply in the user's language, with two example questions."""
        kind, lang = talk
        lang = lang or ui_lang(None, user)
        key = {"thanks": "thanks_reply"}.get(kind, kind)
        text = t(lang, key) + "\n\n" + t(lang, "try_asking", examples=t(lang, "small_examples"))
        if kind == "emoji":
            text = t(lang, "emoji") + "\n" + t(lang, "small_examples")
        await message.reply_html(text)

    async def new_topic(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/baru, /new: the next question starts fresh."""
        message, user = update.effective_message, update.effective_user
        await self.state.call(_clear_context, message.chat_id, user.id)
        await message.reply_html(t(ui_lang(None, user), "new_topic"))

    # topic alerts ---------------------------------------------------------------------------------------------
    async def follow(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/ikuti topik (/follow topic): new articles on the topic are posted in this chat."""
        message, user = update.effective_message, update.effective_user
        topic = " ".join(command_text(message.text).split())[:100]
        lang = "en" if (message.text or "").lstrip("/").lower().startswith("follow") else ui_lang(None, user)
        if not topic:
            await message.reply_html(t(lang, "follow_usage"))
            return
        if not await self.state.call(_follow, message.chat_id, user.id, topic.lower(), lang):
            await message.reply_html(t(lang, "follow_full", n=MAX_FOLLOWS))
            return
        await message.reply_html(t(lang, "followed", topic=esc(topic.lower())))

    async def unfollow(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/berhenti [topik] (/unfollow): stop one topic, or every topic of this chat."""
        message, user = update.effective_message, update.effective_user
        topic = " ".join(command_text(message.text).split()).lower()
        lang = "en" if (message.text or "").lstrip("/").lower().startswith("unfollow") else ui_lang(None, user)
        removed = await self.state.call(_unfollow, message.chat_id, topic or None)
        if not topic:
            await message.reply_html(t(lang, "unfollowed_all"))
        else:
            await message.reply_html(t(lang, "unfollowed" if removed else "not_followed", topic=esc(topic[:100])))

    async def following(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/langganan (/following): the topics this chat follows."""
        message = update.effective_message
        lang = "en" if (message.text or "").lstrip("/").lower().startswith("following") \
            else ui_lang(None, update.effective_user)
        topics = await self.state.call(_follows_of, message.chat_id)
        if not topics:
            await message.reply_html(t(lang, "no_follows"))
            return
        await message.reply_html(t(lang, "follows", topics="\n".join(f"• {esc(x)}" for x in topics)))

    async def alert(self, bot: Any, article_ids: list[str]) -> None:
        """Tell the chats that follow a topic about the newly added articles on it: one message per chat and
        topic (a digest when several arrive together), each article once per chat, at most
        MAX_ALERTS_PER_DAY articles per chat a day."""
        if not article_ids:
            return
        try:
            digests = await self.state.call(_due_alerts, article_ids)
        except Exception:
            log.exception("topic alerts could not be matched")
            return
        for (chat_id, topic, lang), articles in digests.items():
            try:
                for chunk in format_news_list(t(lang, "alert", topic=topic), articles, lang):
                    await bot.send_message(chat_id, chunk)
            except TelegramError as e:
                log.warning("alert to chat %s not sent: %s", chat_id, e)
            else:
                log.info("alert: %d article(s) on %r to chat %s", len(articles), topic, chat_id)

    def is_admin_id(self, user: User | None) -> bool:
        return bool(user and user.id in self.settings.admin_ids)

    async def latest(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/latest [topic]: the newest articles, optionally on a topic."""
        topic = command_text(update.effective_message.text)
        lang = ui_lang(topic, update.effective_user)
        found = await self.gate.call(_latest, search_terms(topic) if topic else "")
        heading = t(lang, "latest_topic", topic=topic[:100]) if topic else t(lang, "latest")
        await self.send_list(update.effective_message, heading, found, lang,
                             show_ids=self.is_admin_id(update.effective_user))

    async def search(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/search words: matching articles with dates and links."""
        words = command_text(update.effective_message.text)
        lang = ui_lang(words, update.effective_user)
        if not words:
            await update.effective_message.reply_html(t(lang, "search_usage"))
            return
        found = await self.gate.call(_search, words)
        close = [a for a in found if coverage(f"{a['title']} {a['text']}", words) >= 1]
        note = None
        if found and not close:          # only partial matches ("gunung" of "gunung meletus")
            note = t(lang, "search_weak", words=words[:100])
            close = found[:5]
        messages = format_news_list(t(lang, "search", words=words[:100]), close, lang, note=note,
                                    show_ids=self.is_admin_id(update.effective_user)) if close else None
        if messages is None:
            await self.send_list(update.effective_message, t(lang, "search", words=words[:100]), [], lang)
            return
        await send_chunks(update.effective_message, messages)

    async def send_list(self, message: Message, heading: str, articles: list[dict], lang: str,
                        show_ids: bool = False) -> None:
        """A list of articles (title link, outlet, date; ids only for admins), or 'nothing found'."""
        if not articles:
            await message.reply_html(f"<b>{esc(heading)}</b>\n{esc(t(lang, 'nothing'))}")
            return
        await send_chunks(message, format_news_list(heading, articles, lang, show_ids=show_ids))

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Sources and feedback buttons; the callback data is checked against the questions table."""
        query = update.callback_query
        data = query.data or ""
        match = SOURCES_DATA.fullmatch(data) or FEEDBACK_DATA.fullmatch(data)
        row = None
        if match and isinstance(query.message, Message):
            row = await self.gate.call(_question_row, int(match.group(1)))
            if row and row["chat_id"] != query.message.chat.id:
                row = None
        if row is None:
            log.info("unknown button %r from user %s", data[:64], query.from_user.id)
            await answer_query(query, t(ui_lang(None, query.from_user), "unknown_button"))
            return
        lang = language(row["question"] or "")
        if match.re is SOURCES_DATA:          # anyone in the chat may see the quotes of an answer there
            citations = citations_from_json(row["sources"])
            await answer_query(query, t(lang, "sources_shown" if citations else "no_sources"))
            if citations:
                await send_chunks(query.message, format_sources(citations, lang))
            return
        if row["user_id"] != query.from_user.id:  # feedback only from the asker (groups: others see the buttons)
            log.info("feedback on question %s from user %s refused: asked by another user", row["id"],
                     query.from_user.id)
            await answer_query(query, t(ui_lang(None, query.from_user), "only_asker"))
            return
        value = int(match.group(2))
        await self.gate.call(_set_feedback, row["id"], value)
        await answer_query(query, t(lang, "thanks"))
        try:
            await query.edit_message_reply_markup(answer_keyboard(row["id"], lang, chosen=value))
        except BadRequest as e:   # pressed the same button twice: "message is not modified"
            log.debug("feedback keyboard not edited: %s", e)

    async def edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An edited message is never a new question or a command (not even an admin's): logged, ignored.
        Re-answering every edit would repeat answers and count against the rate limit; running an edited
        '/delete' would act on a message the chat already saw as something else."""
        message, user = update.effective_message, update.effective_user
        log.info("ignored an edited message %s in chat %s from user %s", message.message_id, message.chat_id,
                 user.id if user else None)

    async def not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A photo, video … in a private chat: a caption is a question (never a command); a sticker, a voice
        message or a photo without a caption gets 'send text'."""
        message = update.effective_message
        if caption_question(message):
            await self.answer(update, context, message.caption)
            return
        log.info("non-text message in chat %s without a question", message.chat_id)
        await message.reply_html(t(ui_lang(message.caption, update.effective_user), "text_only"))

    # admins -------------------------------------------------------------------------------------------------
    async def is_admin(self, update: Update, command: str) -> bool:
        """True for admins; everyone else gets a refusal, and the attempt is logged."""
        user = update.effective_user
        if user and user.id in self.settings.admin_ids:
            log.info("admin %s: %s", user.id, command)
            return True
        log.warning("refused %s from non-admin user %s", command, user.id if user else None)
        await update.effective_message.reply_html(t(ui_lang(None, user), "not_admin"))
        return False

    async def add(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/add URL, /add title + text, or /add as a reply to a message: ingest one article."""
        if not await self.is_admin(update, "/add"):
            return
        message = update.effective_message
        lang = ui_lang(None, update.effective_user)
        content = command_text(message.text)
        if not content and message.reply_to_message:
            content = (message.reply_to_message.text or message.reply_to_message.caption or "").strip()
        if not content:
            await message.reply_html(t(lang, "add_usage"))
            return
        await show_typing(context, message.chat_id)
        if re.fullmatch(r"[A-Za-z][\w+.-]*://\S+", content):        # a link (only http(s) is fetched)
            report = await self.gate.separately(_ingest_targets, [content])
            if not report.article_ids:
                reason = report.failures[0].reason if report.failures else "?"
                await message.reply_html(t(lang, "add_failed", reason=friendly_reason(reason, lang)))
                return
            status = "added" if report.added else "updated" if report.updated else "unchanged"
            article_id = report.article_ids[0]
        else:
            title, _, body = content.partition("\n")
            try:
                status, article_id = await self.gate.separately(_ingest_text, title.strip(), body.strip(),
                                                                self.outlet, datetime.now(WIB).isoformat(timespec="seconds"))
            except BadRecord as e:
                await message.reply_html(t(lang, "add_failed", reason=friendly_reason(str(e), lang)))
                return
        article = (await self.gate.call(_articles, [article_id])).get(article_id, {})
        title = esc_within(article.get("title") or "", 300)
        if status == "unchanged":
            await message.reply_html(t(lang, "already_stored", id=esc(article_id), title=title))
            return
        text = t(lang, "added", status=t(lang, f"status_{status}"), id=esc(article_id), title=title)
        reply = await message.reply_html(text)
        self.update_index_later(context.application, reply, text, lang)
        if status == "added":
            context.application.create_task(self.alert(context.bot, [article_id]))

    async def document(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An uploaded .jsonl/.csv/.txt/.md/.html file: ingest its rows and report each failure. A reader's
        document with a question as its caption is a question."""
        if not self.is_admin_id(update.effective_user) and caption_question(update.effective_message):
            await self.answer(update, context, update.effective_message.caption)
            return
        if not await self.is_admin(update, "upload"):
            return
        message = update.effective_message
        lang = ui_lang(None, update.effective_user)
        name = Path(message.document.file_name or "upload.txt").name
        if not name.lower().endswith(UPLOAD_SUFFIXES):
            await message.reply_html(t(lang, "bad_file"))
            return
        if (message.document.file_size or 0) > MAX_UPLOAD_BYTES:
            await message.reply_html(t(lang, "big_file"))
            return
        await show_typing(context, message.chat_id)
        with tempfile.TemporaryDirectory(prefix="kabar-upload-") as tmp:
            path = Path(tmp) / (re.sub(r"[^\w.-]", "_", name) or "upload.txt")
            await (await message.document.get_file()).download_to_drive(path)
            report = await self.gate.separately(_ingest_targets, [str(path)])
        lines = [t(lang, "file_report", name=esc(name), added=report.added, updated=report.updated,
                   unchanged=report.unchanged, failed=report.failed)]
        for failure in report.failures[:20]:
            where = failure.where.replace(str(path), name)
            lines.append(f"• <code>{esc_within(where, 200)}</code>: {esc_within(failure.reason, 300)}")
        if report.failed > 20:
            lines.append(t(lang, "more_failures", n=report.failed - 20))
        text = "\n".join(lines)
        reply = await message.reply_html(text)
        if report.added or report.updated:
            self.update_index_later(context.application, reply, text, lang)
        if report.added:
            context.application.create_task(self.alert(context.bot, report.article_ids))

    def update_index_later(self, app: Application, reply: Message, text: str, lang: str) -> None:
        """Update the vector index in the background, then add the outcome to `reply`."""
        async def job() -> None:
            try:
                result = await self.gate.index_job()
                note = t(lang, "indexed", size=result["size"])
            except Exception:
                log.exception("vector index update failed")
                note = t(lang, "index_failed")
            await edit(reply, f"{text}\n{note}")
        app.create_task(job())

    async def delete(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/delete ID: remove an article (and its vectors from the index)."""
        if not await self.is_admin(update, "/delete"):
            return
        message = update.effective_message
        lang = ui_lang(None, update.effective_user)
        article_id = command_text(message.text)
        if not article_id or len(article_id.split()) != 1:
            await message.reply_html(t(lang, "delete_usage"))
            return
        if not await self.gate.call(_delete, article_id):
            await message.reply_html(t(lang, "not_found", id=esc(article_id)))
            return
        text = t(lang, "deleted", id=esc(article_id))
        self.update_index_later(context.application, await message.reply_html(text), text, lang)

    async def reindex(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/reindex: rebuild the vector index in the background, showing progress in one message."""
        if not await self.is_admin(update, "/reindex"):
            return
        lang = ui_lang(None, update.effective_user)
        if self._reindex and not self._reindex.done():
            await update.effective_message.reply_html(t(lang, "reindex_running"))
            return
        status = await update.effective_message.reply_html(t(lang, "reindex_start"))
        self._reindex = context.application.create_task(self.run_reindex(status, lang))

    async def run_reindex(self, status: Message, lang: str) -> None:
        """The /reindex job: edits `status` every few seconds while embedding, then with the result."""
        progress = {"done": 0, "total": 0}
        start = time.perf_counter()
        job = asyncio.ensure_future(self.gate.index_job(
            rebuild=True, progress=lambda done, total: progress.update(done=done, total=total)))
        shown = None
        while not job.done():
            await asyncio.wait({job}, timeout=3)
            now = (progress["done"], progress["total"])
            if not job.done() and now[1] and now != shown:
                shown = now
                await edit(status, t(lang, "reindex_progress", done=now[0], total=now[1]))
        try:
            result = job.result()
        except Exception:
            log.exception("index rebuild failed")
            await edit(status, t(lang, "reindex_failed"))
            return
        await edit(status, t(lang, "reindex_done", size=result["size"], embedded=result["embedded"],
                             seconds=f"{time.perf_counter() - start:.1f}"))

    async def stats(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/stats: corpus, index, questions, feedback and latency figures."""
        if not await self.is_admin(update, "/stats"):
            return
        figures = await self.gate.call(_stats)
        lang = ui_lang(None, update.effective_user)
        text = t(lang, "stats", **figures)
        if "llm" in figures:
            text += "\n" + t(lang, "stats_llm", **{k: esc(v) for k, v in figures.items()})
        await update.effective_message.reply_html(text)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the exception; tell the user briefly that something went wrong."""
        error = context.error
        if update is None and isinstance(error, NetworkError) and not isinstance(error, BadRequest):
            # getUpdates failed; the polling loop retries, and the updates stay unconfirmed until it succeeds
            log.warning("could not fetch updates from Telegram (%s: %s); retrying", type(error).__name__,
                        str(error)[:200])
            return
        log.error("error while handling an update", exc_info=error)
        if isinstance(update, Update) and update.effective_message:
            lang = ui_lang(update.effective_message.text, update.effective_user)
            try:
                await update.effective_message.reply_html(t(lang, "error"))
            except Exception as e:   # the error may be Telegram itself being unreachable
                log.warning("could not report the error to the user: %s", e)


async def show_typing(context: ContextTypes.DEFAULT_TYPE, chat_id: int, thread_id: int | None = None) -> None:
    """Show 'typing…'; a failure only loses the indicator, never the answer."""
    try:
        await context.bot.send_chat_action(chat_id, ChatAction.TYPING, message_thread_id=thread_id)
    except TelegramError as e:
        log.info("typing indicator not shown in chat %s: %s: %s", chat_id, type(e).__name__, e)


async def answer_query(query: Any, text: str) -> None:
    """Answer a button press; an answer Telegram no longer takes ('query is too old', a resent answer) is
    only logged."""
    try:
        await query.answer(text)
    except BadRequest as e:
        log.info("callback query not answered: %s", e)


def short_answer(answer: Answer) -> str:
    """The answer in one line: the reader's short answer when there is one, else the first sentence."""
    short = getattr(answer, "shown_short", None)
    if short:
        return short
    first = answer_sentences(answer.answer)[0] if answer.answer else ""
    return re.sub(r"(\s*\[\d+\])+$", "", first).strip()


def inline_results(answer: Answer) -> list[InlineQueryResultArticle]:
    """The cited answer (what a private chat shows, or its plain form when that takes several messages; described as
    not sure when the reader is not), then one result per cited article."""
    chunks = format_answer(answer)
    body = chunks[0] if len(chunks) == 1 else esc_within(answer.plain(), 4000)
    short = short_answer(answer)
    title = (short[:120] or answer.question[:120]).strip() or "kabar"
    results = [InlineQueryResultArticle(
        id="answer", title=title, description=t(answer.language, "inline_answer" if answer.sure else "inline_unsure"),
        input_message_content=InputTextMessageContent(body, parse_mode=ParseMode.HTML,
                                                      link_preview_options=LinkPreviewOptions(is_disabled=True)))]
    articles = [{"id": c.article_id, "title": c.title, "url": c.url, "source": c.source, "published": c.published}
                for c in answer.citations]
    return results + article_results(articles, answer.language)


def article_results(articles: list[dict], lang: str) -> list[InlineQueryResultArticle]:
    """One inline result per article: title, outlet and date; sending it sends its source line with the link."""
    out = []
    for i, a in enumerate(articles[:LIST_SIZE], start=1):
        line = format_news_list("", [a], lang)[0].split("\n", 1)[-1]
        line = re.sub(r"^1\. ", "", line)
        description = ", ".join(p for p in (a.get("source"), format_date(a.get("published"), lang)) if p)
        out.append(InlineQueryResultArticle(
            id=f"a{i}", title=(a.get("title") or a["id"])[:200], description=description[:200], url=a.get("url") or None,
            input_message_content=InputTextMessageContent(line, parse_mode=ParseMode.HTML,
                                                          link_preview_options=LinkPreviewOptions(is_disabled=False))))
    return out


def caption_question(message: Message) -> bool:
    """A caption that can be a question: some words, not a /command."""
    caption = (message.caption or "").strip()
    return bool(caption) and not caption.startswith("/")


def replies_to_bot(message: Message, bot_id: int) -> bool:
    reply_to = message.reply_to_message
    return bool(reply_to and reply_to.from_user and reply_to.from_user.id == bot_id)


def answers_topic(answer: Answer, topic: str) -> bool:
    """Whether an answer to "berita terbaru soal X" cites an article that mentions X."""
    if answer.abstained:
        return False
    return any(mentions(f"{c.title} {c.passage}", topic) for c in answer.citations)


async def edit(message: Message, text: str) -> None:
    """Edit a status message, ignoring 'message is not modified'."""
    try:
        await message.edit_text(text)
    except BadRequest as e:
        if "not modified" not in str(e):
            log.warning("could not edit message %s: %s", message.message_id, e)


def build_application(settings: BotSettings, kabar: Kabar, webhook: bool = False) -> Application:
    """The python-telegram-bot Application with every handler, concurrent updates, and SendPolicy: flood-limit
    waits, retries with backoff on 5xx / dropped connections / timeouts, plain text when HTML is refused.
    It is a replica (bot/replicas.py): heartbeat and index following always; with `webhook`, every update is
    recorded in the shared inbox first, so several replicas behind a load balancer handle each update once."""
    bot = KabarBot(settings, kabar)
    inbox = InboxQueue(bot.coordinator) if webhook else None
    builder = (ApplicationBuilder().token(settings.token)
               .application_class(ReplicaApplication)
               .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
               .concurrent_updates(settings.max_waiting + 32)   # questions past the bound get 'busy' at once
               .rate_limiter(SendPolicy(secret=settings.token))
               .post_init(bot.post_init)
               .post_stop(bot.post_stop))
    if inbox is not None:
        builder = builder.update_queue(inbox)
    if settings.base_url:
        builder = builder.base_url(f"{settings.base_url}/bot").base_file_url(f"{settings.base_url}/file/bot")
    app = builder.build()
    bot.replica = app.replica = Replica(bot.coordinator, inbox, bot.gate.follow)
    bot.register(app)
    app.bot_data["kabar_bot"] = bot
    app.bot_data["kabar_alerts"] = lambda ids: bot.alert(app.bot, ids)    # feed polls announce their articles
    telegram_feeds.register(app, kabar, settings)   # after kabar_bot: feed polls update the index through it
    return app


def webhook_target(settings: BotSettings) -> tuple[str, str]:
    """(url_path, full webhook URL) from KABAR_WEBHOOK_URL; a URL without a path gets '/telegram'."""
    from urllib.parse import urlsplit

    url = settings.webhook_url
    if not url:
        raise SettingsError("KABAR_WEBHOOK_URL is not set: the public https URL Telegram should post updates to")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SettingsError("KABAR_WEBHOOK_URL must be an http(s) URL")
    path = parts.path.strip("/")
    if not path:
        return "telegram", url.rstrip("/") + "/telegram"
    return path, url
