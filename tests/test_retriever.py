from corpus.records import to_article
from corpus.question import Question, language, named_period
from index.retriever import FusionWeights, Retriever


def wants_recent(text: str) -> bool:
    return Question.parse(text).recent


def _add(store, article_id, title, text, published=None):
    store.upsert(to_article({"id": article_id, "title": title, "text": text, "published": published}))


def test_question_language_and_cues():
    assert language("Who won the election in Central Kalimantan?") == "en"
    assert language("Siapa yang menang pilkada di Kalteng?") == "id"
    assert wants_recent("Apa kabar terbaru soal banjir Sampit?") and wants_recent("latest on the floods")
    assert not wants_recent("Berapa korban banjir Sampit?")
    assert named_period("KRL yang mogok pada 26 Mei 2026 itu") == ("2026-05-26", "2026-05-26")
    assert named_period("inflasi Oktober 2026") == ("2026-10", "2026-10")
    assert named_period("tanpa tanggal") is None


def _two_articles(store):
    _add(store, "a", "Banjir Sampit", "Banjir merendam ratusan rumah di Sampit. Warga mengungsi ke masjid.")
    _add(store, "b", "Pasar Kahayan", "Harga cabai rawit di Pasar Kahayan naik tajam pekan ini. Pedagang mengeluh sepi.")
    return {r.article_id: pid for pid, r in store.passages(store.passage_ids().tolist()).items()}


def test_fusion_weights_both_sides_and_collapses_articles(store):
    pid = _two_articles(store)
    retriever = Retriever(store, None, None)
    keyword = [(pid["a"], 9.0), (pid["b"], 3.0)]
    # dense puts b first, keyword puts a first: equal weights tie on rank sums, English leans on dense
    dense = [(pid["b"], 0.9), (pid["a"], 0.8)]
    hits_en = retriever._fuse(dense, keyword, "en")
    assert [h.article_id for h in hits_en] == ["b", "a"]
    heavy_keyword = Retriever(store, None, None, FusionWeights(dense_id=0.5, keyword_id=1.0))
    assert [h.article_id for h in heavy_keyword._fuse(dense, keyword, "id")] == ["a", "b"]
    assert hits_en[0].dense == 0.9 and hits_en[0].keyword == 3.0
    # a passage id that no longer exists (deleted after indexing) simply drops out
    assert [h.article_id for h in retriever._fuse([(999_999, 0.99)], keyword, "id")] == ["a", "b"]


def test_a_left_out_article_does_not_lower_the_others_ranks(store):
    # --hide-gold stands for a corpus without the gold article: the next one must rank as it would there
    # (first on both sides), not keep the second place it had beside the gold one.
    pid = _two_articles(store)
    retriever = Retriever(store, None, None)
    both = ([(pid["a"], 0.9), (pid["b"], 0.8)], [(pid["a"], 9.0), (pid["b"], 3.0)])
    alone = retriever._fuse([(pid["b"], 0.8)], [(pid["b"], 3.0)], "id")
    hidden = retriever._fuse(*both, "id", exclude=frozenset({"a"}))
    assert [h.article_id for h in hidden] == ["b"] and hidden[0].score == alone[0].score
    assert retriever._fuse(*both, "id")[1].score < alone[0].score


def test_keyword_only_search_works_without_an_index(store):
    _two_articles(store)
    result = Retriever(store, None, None).search("harga cabai rawit", k=5)
    assert [h.article_id for h in result.hits][:1] == ["b"] and "dense_search" not in result.timings_ms


def test_recency_and_named_dates_reorder_close_candidates(store):
    for i, day in enumerate(["2026-09-01", "2026-10-15", "2026-11-20"]):
        _add(store, f"c{i}", f"Harga cabai rawit hari ke-{i}",
             f"Harga cabai rawit di Pasar Kahayan tercatat berubah lagi menurut pedagang nomor {i}.",
             published=day + "T08:00:00+07:00")
    retriever = Retriever(store, None, None)
    assert retriever.search("Berapa harga cabai rawit terbaru di Pasar Kahayan?").hits[0].article_id == "c2"
    assert retriever.search("Harga cabai rawit di Pasar Kahayan pada Oktober 2026").hits[0].article_id == "c1"


def test_remembered_word_counts_follow_every_write(store):
    from corpus.records import to_article

    store.upsert(to_article({"id": "w1", "title": "Banjir di Katingan", "text": "Banjir merendam 23 desa di Katingan."}))
    assert store.document_frequencies(["banjir", "kekeringan"]) == {"banjir": 1} and store.passage_count() == 1
    store.upsert(to_article({"id": "w2", "title": "Banjir susulan", "text": "Banjir susulan datang lagi ke Katingan."}))
    assert store.document_frequencies(["banjir"]) == {"banjir": 2} and store.passage_count() == 2
    store.delete("w1")
    assert store.document_frequencies(["banjir"]) == {"banjir": 1} and store.passage_count() == 1


def test_the_article_naming_the_person_asked_about_comes_first(sample_kabar):
    # Two price reports on the same market; only the earlier one names the trader. By words and cosine the newer one
    # led, and its sentences cannot say what she receives.
    question = "Kini Norhayati menerima kiriman cabai berapa kilogram per hari?"
    assert sample_kabar.retriever.search(question).hits[0].article_id == "sample-008"
    answer = sample_kabar.ask(question)
    assert answer.short_answer == "40 kilogram" and answer.citations[0].article_id == "sample-008", answer.plain()
