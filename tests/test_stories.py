"""Near-duplicates: a rewritten wire story joins the first outlet's story; different stories do not."""
from corpus import stories
from corpus.db import memory
from corpus.records import to_article
from corpus.store import Store
from index.retriever import Retriever
from bot.answer import Answer, Citation, compose

WIRE = (
    "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) mencatat gempa bermagnitudo 5,8 mengguncang wilayah "
    "Kabupaten Kotawaringin Timur, Kalimantan Tengah, pada Selasa pagi pukul 07.12 WIB. Pusat gempa berada di "
    "darat pada kedalaman 10 kilometer, sekitar 24 kilometer barat laut Sampit. Kepala Pusat Gempa BMKG "
    "mengatakan gempa itu tidak berpotensi tsunami. Warga Sampit sempat berhamburan keluar rumah dan kantor. "
    "Badan Penanggulangan Bencana Daerah setempat masih mendata kerusakan bangunan; sejauh ini tercatat tiga "
    "rumah rusak ringan dan satu sekolah retak di bagian dinding. Tidak ada laporan korban jiwa. BMKG meminta "
    "warga tetap tenang dan tidak mempercayai kabar bohong tentang gempa susulan yang lebih besar."
)
# The same wire copy as a second outlet runs it: a new lead sentence, a word changed, the last sentence cut.
REWRITE = (
    "Gempa mengejutkan warga Sampit, Selasa (20/5/2026). " + WIRE.replace("mengguncang", "menggoyang")
    .replace(" BMKG meminta warga tetap tenang dan tidak mempercayai kabar bohong tentang gempa susulan yang lebih besar.", "")
)
OTHER = (
    "Harga cabai rawit di Pasar Kahayan, Palangka Raya, naik menjadi Rp80.000 per kilogram pada pekan ini. "
    "Pedagang menyebut pasokan dari Jawa berkurang karena cuaca buruk dan ongkos angkut yang naik. Dinas "
    "Perdagangan Kalimantan Tengah berencana menggelar operasi pasar di lima titik mulai Kamis. Kepala dinas "
    "mengatakan stok beras dan minyak goreng masih aman hingga akhir bulan, tetapi harga bawang merah juga "
    "mulai merangkak naik. Warga diminta berbelanja secukupnya dan melapor bila menemukan penimbunan."
)


def _add(store, article_id, text, source, published="2026-05-20T09:00:00+07:00", title=None):
    return store.upsert(to_article({"id": article_id, "title": title or f"Berita {article_id}", "text": text,
                                    "source": source, "url": f"https://{source.lower()}.example/{article_id}",
                                    "published": published})).status


def _story(store, article_id):
    return store.article(article_id)["story_id"]


def test_a_rewritten_wire_story_joins_the_first_outlets_story():
    assert stories.jaccard(stories.shingles(WIRE), stories.shingles(REWRITE)) >= stories.THRESHOLD
    store = Store(memory())
    assert _add(store, "antara-1", WIRE, "Antara") == "added"
    assert _add(store, "kompas-1", REWRITE, "Kompas") == "added"
    assert _add(store, "detik-1", OTHER, "Detik") == "added"
    assert _story(store, "antara-1") == _story(store, "kompas-1") != _story(store, "detik-1")
    members = store.story_members("kompas-1")
    assert [m[0] for m in members] == ["antara-1", "kompas-1"]
    assert members[0] == ("antara-1", "Antara", "https://antara.example/antara-1")
    assert [m[0] for m in store.story_members("detik-1")] == ["detik-1"]


def test_different_stories_and_distant_dates_stay_apart():
    store = Store(memory())
    _add(store, "a", WIRE, "Antara")
    _add(store, "b", OTHER, "Kompas")
    # the same template a week later is another day's report, not the same story
    _add(store, "c", WIRE.replace("5,8", "4,9"), "Detik", published="2026-05-27T09:00:00+07:00")
    assert len({_story(store, i) for i in "abc"}) == 3
    # short texts never group, however alike
    _add(store, "s1", "Harga cabai naik lagi di Pasar Kahayan pekan ini, kata pedagang.", "X")
    _add(store, "s2", "Harga cabai naik lagi di Pasar Kahayan pekan ini, kata pedagang pasar.", "Y")
    assert _story(store, "s1") != _story(store, "s2")


def test_update_delete_and_backfill_keep_stories_consistent():
    store = Store(memory())
    _add(store, "a", WIRE, "Antara")
    _add(store, "b", REWRITE, "Kompas")
    story = _story(store, "a")
    # b is rewritten into a different story: it leaves a's story, and its old band keys go
    assert _add(store, "b", OTHER, "Kompas") == "updated"
    assert _story(store, "b") != story and [m[0] for m in store.story_members("a")] == ["a"]
    assert store.delete("a")
    assert store.db.execute("SELECT COUNT(*) FROM story_bands WHERE article_id = 'a'").fetchone()[0] == 0
    # an existing corpus from before the stories migration gets its stories on upgrade
    store.db.execute("UPDATE articles SET story_id = NULL")
    _add(store, "c", WIRE, "Antara")
    _add(store, "d", REWRITE, "Tempo")
    store.db.execute("UPDATE articles SET story_id = NULL")
    store.db.execute("DELETE FROM story_bands")
    assert stories.backfill(store.db.conn) == 3
    assert _story(store, "c") == _story(store, "d") != _story(store, "b")


def test_answers_cite_a_story_once_and_name_the_other_outlets():
    store = Store(memory())
    _add(store, "antara-1", WIRE, "Antara", title="Gempa magnitudo 5,8 guncang Kotawaringin Timur")
    _add(store, "kompas-1", REWRITE, "Kompas", title="Gempa guncang Sampit, tiga rumah rusak")
    _add(store, "detik-1", OTHER, "Detik", title="Harga cabai rawit naik")
    retrieval = Retriever(store, None, None).search("Berapa magnitudo gempa di Kotawaringin Timur?")
    ids = [h.article_id for h in retrieval.hits]
    assert len({"antara-1", "kompas-1"} & set(ids)) == 1
    top = retrieval.hits[0]
    assert top.article_id in ("antara-1", "kompas-1") and len(top.also) == 1
    answer = compose(retrieval, store.term_weights)
    assert not answer.abstained and "5,8" in answer.answer
    other = "Kompas" if top.article_id == "antara-1" else "Antara"
    assert f"(juga diberitakan: {other})" in answer.plain()
    cited = answer.to_dict()["citations"][0]
    assert cited["also"] == [{"source": other, "url": f"https://{other.lower()}.example/{other.lower()}-1"}]
    assert set(cited) == {"n", "article_id", "title", "url", "source", "published", "passage", "also"}


def test_plain_text_shows_times_in_wib():
    c = Citation(1, "a", "Judul", None, "Kabar", "2026-05-20T02:00:00+00:00", "p", also=[("Kompas", None)])
    plain = Answer("q", "Kalimat. [1]", False, [c], "en").plain()
    assert "Judul — Kabar — 2026-05-20 09:00 WIB (also reported by: Kompas)" in plain
    late = Citation(1, "a", "Judul", None, None, "2026-05-20T20:30:00Z", "p")
    assert "2026-05-21 03:30 WIB" in Answer("q", "Kalimat. [1]", False, [late], "id").plain()


def test_telegram_source_line_shows_wib_time_and_other_outlets():
    from bot.telegram_format import format_date, source_line

    c = Citation(1, "a", "Judul", "https://a.example/1", "Antara", "2026-05-20T20:30:00+00:00", "p",
                 also=[("Kompas", "https://k.example/1"), ("Antara", "https://a.example/2")])
    line = source_line(c, "id")
    assert "Antara, 21 Mei 2026 03.30 WIB (juga diberitakan: Kompas)" in line
    assert format_date("2026-05-20T20:30:00+00:00", "en") == "21 May 2026"
