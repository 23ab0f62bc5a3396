"""The news-like articles and questions written for training the reader (train/news_like.py)."""
import json

import pytest

from index.e5 import META, E5Model
from train import news_like


def article(id_, twin, text, *questions):
    return {"id": id_, "twin": twin, "title": id_, "text": text,
            "questions": [{"question": q, "answer": a, "style": s} for q, a, s in questions]}


BUDGET = article("t-01a", "t-01b",
                 "Sampit (Kabar Contoh) - DPRD Kotawaringin Timur mengesahkan APBD 2027 senilai Rp2,41 triliun, "
                 "Senin (16/11).\nKetua DPRD Kotim Rinto Sulastro memimpin rapat paripurna itu. Belanja pegawai "
                 "mencapai 38 persen.",
                 ("Berapa APBD Kotim 2027?", "Rp2,41 triliun", "abbreviation"),
                 ("Who chaired the plenary session?", "Rinto Sulastro", "english"),
                 ("Berapa utang daerah Kotim?", None, "not_stated"))
TWIN = article("t-01b", "t-01a",
               "Kuala Kapuas (Kabar Contoh) - DPRD Kapuas mengesahkan APBD 2027 senilai Rp1,9 triliun, Selasa (17/11).\n"
               "Ketua DPRD Kapuas Ardiansyah memimpin rapat itu.",
               ("Berapa APBD Kapuas 2027?", "Rp1,9 triliun", "plain"))


def decode(tokenizer, ids):
    pieces = {i: p for p, i in tokenizer.ids.items()}
    return "".join(pieces.get(i, "") for i in ids).replace(META, " ").strip()


def write(folder, *rows):
    folder.mkdir(exist_ok=True)
    (folder / "t.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


def test_the_written_articles_load_in_look_alike_pairs_with_all_five_styles():
    articles = news_like.load()
    by_id = {a.id: a for a in articles}
    assert len(articles) >= 100
    for a in articles:
        assert by_id[a.twin].twin == a.id
        assert {q.style for q in a.questions} == set(news_like.STYLES)
    held = [a for a in articles if news_like.held_out(a)]
    assert 0 < len(held) < len(articles) / 4


def test_the_written_follow_ups_are_answered_by_the_articles_they_name():
    """train/news_like/followups/: a first question and its follow-up, each answer written as its article writes it;
    a "switch" asks about the twin story, the others about the same one (bench/news_like_eval.py)."""
    by_id = {a.id: a for a in news_like.load()}
    rows = [json.loads(line) for path in sorted((news_like.FOLDER / "followups").glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 200 and len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        before, after = by_id[r["previous"]["article"]], by_id[r["article"]]
        assert r["previous"]["answer"] in before.text and r["answer"] in after.text, r["id"]
        assert after.id == (before.twin if r["style"] == "switch" else before.id), r["id"]
    assert {r["style"] for r in rows} == {"switch", "attribute", "pronoun"}


@pytest.mark.parametrize("change, message", [
    (lambda rows: rows[0]["questions"][0].update(answer="Rp9 triliun"), "t.jsonl:1: questions[0] 'answer' 'Rp9 triliun' does not occur"),
    (lambda rows: rows[1]["questions"][0].update(answer="DPRD"), "t.jsonl:2: questions[0] 'answer' 'DPRD' also occurs in twin t-01a"),
    (lambda rows: rows[1].update(twin="t-02a"), "t.jsonl:2: 'twin' 't-02a' is not an article"),
    (lambda rows: rows[0]["questions"][2].update(answer="38 persen"), "t.jsonl:1: questions[2] 'answer' must be null"),
    (lambda rows: rows[1].pop("text"), "t.jsonl:2: field 'text' is missing"),
])
def test_a_bad_row_is_named_by_file_line_and_field(tmp_path, change, message):
    rows = json.loads(json.dumps([BUDGET, TWIN]))
    change(rows)
    with pytest.raises(news_like.NewsLikeError, match=message.replace("[", r"\[").replace("]", r"\]")):
        news_like.load(write(tmp_path / "d", *rows))


def test_examples_are_read_as_kabar_reads_them(tmp_path):
    articles = news_like.load(write(tmp_path / "d", BUDGET, TWIN))
    budget = articles[0]
    tokenizer = E5Model().tokenizer
    data = news_like.NewsLikeExamples(articles, tokenizer, seed=1, own_negatives=0.0)
    # the answer's sentence with its neighbour, the dateline gone
    window = data.answer_window(budget, budget.questions[0])
    assert window.startswith("DPRD Kotawaringin Timur") and "Rinto Sulastro" in window and "Sampit" not in window
    enc, (first, last) = data.positive(budget, budget.questions[0])
    assert decode(tokenizer, enc.ids[first:last + 1]) == "Rp2,41 triliun,"   # whole words, as at run time (trim())
    # an English question is read with its question word in Indonesian, as Question.for_reader gives it
    enc, _ = data.positive(budget, budget.questions[1])
    assert "Siapa" in decode(tokenizer, enc.ids)
    # negatives: the twin's most word-sharing window, and for a question the article leaves open, its own
    twin_negative = decode(tokenizer, data.negative(budget, budget.questions[0]).ids)
    assert "Kapuas" in twin_negative and "Rp2,41" not in twin_negative
    own_negative = decode(tokenizer, data.negative(budget, budget.questions[2]).ids)
    assert "Kotawaringin" in own_negative
    spans = [span for _, span in data.epoch()]
    assert spans.count(None) == 4 and len(spans) == 7
