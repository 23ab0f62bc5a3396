"""Keep the FAISS index in step with the corpus: embed what has no vector, add, drop, rebuild."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np

from corpus.store import Store

from .embedders import Embedder
from .store import VectorIndex

Progress = Callable[[int, int], None]   # (done, total)
EMBED_BATCH = 32


def embed_missing(store: Store, embedder: Embedder, progress: Progress | None = None,
                  batch: int = EMBED_BATCH) -> int:
    """Embed every passage content that has no stored vector for this model; each batch is committed,
    so an interrupted run resumes where it stopped. Returns how many contents were embedded."""
    total = store.count_without_vectors(embedder.model_id)
    done = 0
    if progress:
        progress(0, total)
    while True:
        todo = store.passages_without_vectors(embedder.model_id, limit=batch)
        if not todo:
            return done
        vectors = embedder.embed_passages([text for _, text in todo])
        store.put_vectors(embedder.model_id, [h for h, _ in todo], vectors)
        done += len(todo)
        if progress:
            progress(done, total)


def sync(store: Store, index: VectorIndex) -> tuple[int, int]:
    """Add passages whose vectors are stored but not indexed; drop index entries of deleted passages."""
    indexed = index.ids()
    wanted = store.passage_ids(index.meta.model)
    stale = np.setdiff1d(indexed, wanted, assume_unique=True)
    removed = index.remove(stale)
    missing = np.setdiff1d(wanted, indexed, assume_unique=True)
    ids, vectors = store.vectors_for(index.meta.model, index.meta.dim, missing.tolist())
    index.add(ids, vectors)
    return len(ids), removed


def update(store: Store, embedder: Embedder, directory: Path, progress: Progress | None = None) -> dict:
    """The incremental path after an ingest: embed new contents, then add them to the stored index."""
    index = VectorIndex.load(directory, model=embedder.model_id)   # a model mismatch stops before any work
    embedded = embed_missing(store, embedder, progress)
    if index is None:
        index = VectorIndex.empty(embedder.model_id, embedder.dim)
    added, removed = sync(store, index)
    if added or removed or not (directory / "meta.json").exists():
        index.save(directory)
    return {"embedded": embedded, "added": added, "removed": removed, "size": index.ntotal}


def rebuild(store: Store, embedder: Embedder, directory: Path, progress: Progress | None = None) -> dict:
    """A fresh index from stored vectors; only contents without a vector for this model are embedded."""
    embedded = embed_missing(store, embedder, progress)
    wanted = store.passage_ids(embedder.model_id)
    index = VectorIndex.empty(embedder.model_id, embedder.dim, expected=len(wanted))
    for ids, vectors in store.passage_vectors(embedder.model_id, embedder.dim):
        index.add(ids, vectors)
    index.save(directory)
    return {"embedded": embedded, "added": index.ntotal, "removed": 0, "size": index.ntotal}
