"""Keep the FAISS index in step with the corpus: embed what has no vector, add, drop, rebuild."""
from __future__ import annotations

import logging
import os
import shutil
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable

import numpy as np

from corpus import coordination
from corpus.store import Store, embed_text

from .embedders import Embedder
from . import store as index_store
from .store import INDEX_FILE, META_FILE, IndexCorrupt, VectorIndex, leftovers

Progress = Callable[[int, int], None]   # (done, total)
EMBED_BATCH = 32
FIRST_BATCHES = (4, 8, 16)   # small first batches: the first progress report (rate, ETA) comes within seconds
log = logging.getLogger("kabar.index")


def embed_batch_size() -> int:
    """Contents embedded (and committed) per batch: KABAR_EMBED_BATCH, default 32. A smaller batch loses less
    work to a crash and reports progress more often; the crash tests use it to stop between two batches."""
    value = os.environ.get("KABAR_EMBED_BATCH", "")
    return int(value) if value.isdigit() and int(value) > 0 else EMBED_BATCH


def embed_missing(store: Store, embedder: Embedder, progress: Progress | None = None,
                  batch: int | None = None) -> int:
    """Embed every passage content that has no stored vector for this model; each batch is committed,
    so an interrupted run resumes where it stopped. Returns how many contents were embedded.

    Each batch is claimed first (corpus.coordination.claim_contents): contents another process (a second bot
    replica, a `kabar ingest`) is embedding are left to it, so no passage is embedded twice at once. A
    content whose claimer died is free again after CLAIM_SECONDS."""
    batch = batch or embed_batch_size()
    total = store.count_without_vectors(embedder.model_id)
    done = 0
    if progress:
        progress(0, total)
    sizes = iter(FIRST_BATCHES)
    model, holder = embedder.model_id, coordination.PROCESS_ID
    while True:
        todo = coordination.claim_contents(store.db, model, holder, limit=min(batch, next(sizes, batch)))
        if not todo:
            return done
        hashes = [h for h, _, _ in todo]
        try:
            vectors = embedder.embed_passages([embed_text(title, text) for _, title, text in todo])
            store.put_vectors(model, hashes, vectors)
        finally:
            coordination.release_contents(store.db, model, holder, hashes)
        done += len(todo)
        if progress:
            progress(done, max(total, done))   # passages added meanwhile raise the total


class CannotRemove(Exception):
    """The index has entries to drop and its kind (HNSW) cannot delete: rebuild it from stored vectors."""


def sync(store: Store, index: VectorIndex) -> tuple[int, int]:
    """Add passages whose vectors are stored but not indexed; drop index entries of deleted passages."""
    indexed = index.ids()
    wanted = store.passage_ids(index.meta.model)
    stale = np.setdiff1d(indexed, wanted, assume_unique=True)
    if len(stale) and not index.can_remove:
        raise CannotRemove(f"{len(stale)} entries of deleted or changed passages")
    removed = index.remove(stale)
    missing = np.setdiff1d(wanted, indexed, assume_unique=True)
    ids, vectors = store.vectors_for(index.meta.model, index.meta.dim, missing.tolist())
    index.add(ids, vectors)
    return len(ids), removed


@dataclass(frozen=True)
class IndexUpdate:
    """What an index update or rebuild did."""
    embedded: int          # passage contents embedded (the others had stored vectors)
    added: int             # entries added to the index
    removed: int           # entries dropped from it
    size: int              # entries in the index afterwards
    rebuilt: bool = False  # the index was built afresh from stored vectors
    # the corpus's index generation read after embedding, before the index was matched to it (a later one: more
    # to follow)
    generation: int | None = field(default=None, compare=False)

    def __getitem__(self, key: str):   # result["size"]: the dict these results used to be
        return getattr(self, key)

    def to_dict(self) -> dict:
        return asdict(self)


def update(store: Store, embedder: Embedder, directory: Path, progress: Progress | None = None) -> IndexUpdate:
    """The incremental path after an ingest: embed new contents, then add them to the stored index."""
    try:
        index = VectorIndex.load(directory, model=embedder.model_id)   # a model mismatch stops before any work
    except IndexCorrupt as e:   # derived data: rebuilt from the stored vectors, nothing re-embedded
        log.warning("%s; rebuilding it from stored vectors", str(e).split("; run")[0])
        return rebuild(store, embedder, directory, progress)
    embedded = embed_missing(store, embedder, progress)
    generation = coordination.generation(store.db)
    if index is None:
        index = VectorIndex.empty(embedder.model_id, embedder.dim)
    try:
        added, removed = sync(store, index)
    except CannotRemove as e:
        log.info("%s to drop from the HNSW index: rebuilding it from stored vectors", e)
        return replace(rebuild(store, embedder, directory), embedded=embedded)
    if index.meta.kind == "flat" and index.ntotal > index_store.EXACT_LIMIT:
        log.info("the index outgrew exact search (%d vectors): rebuilding it as HNSW from stored vectors",
                 index_store.EXACT_LIMIT)
        return replace(rebuild(store, embedder, directory), embedded=embedded, added=added, removed=removed)
    if added or removed or not (directory / "meta.json").exists():
        index.save(directory)
    return IndexUpdate(embedded, added, removed, index.ntotal, generation=generation)


def rebuild(store: Store, embedder: Embedder, directory: Path, progress: Progress | None = None) -> IndexUpdate:
    """A fresh index from stored vectors; only contents without a vector for this model are embedded."""
    embedded = embed_missing(store, embedder, progress)
    generation = coordination.generation(store.db)
    wanted = store.passage_ids(embedder.model_id)
    index = VectorIndex.empty(embedder.model_id, embedder.dim, expected=len(wanted))
    for ids, vectors in store.passage_vectors(embedder.model_id, embedder.dim):
        index.add(ids, vectors)
    index.save(directory)
    return IndexUpdate(embedded, index.ntotal, 0, index.ntotal, rebuilt=True, generation=generation)


# -- check and repair ---------------------------------------------------------------------------------------
@dataclass
class Check:
    """What `kabar index check` found: the corpus database against the FAISS index on disk."""
    model: str
    passages: int = 0
    contents_without_vectors: int = 0   # distinct passage contents with no stored vector for the model
    passages_without_vectors: int = 0   # passages carrying those contents
    not_indexed: list[int] = field(default_factory=list)   # passages with a stored vector, absent from the index
    stale: list[int] = field(default_factory=list)         # index entries whose passage no longer exists
    duplicates: int = 0                 # index entries repeating a passage id
    index: str = "ok"                   # ok, missing, unreadable, model mismatch
    problems: list[str] = field(default_factory=list)      # meta, model, file and keyword-index problems
    leftovers: list[str] = field(default_factory=list)     # temporary files of an interrupted save
    size: int = 0

    @property
    def consistent(self) -> bool:
        return not (self.passages_without_vectors or self.not_indexed or self.stale or self.duplicates
                    or self.problems)

    def lines(self) -> list[str]:
        """One line per finding, or one line saying all is well."""
        out = [f"{self.passages} passages; index: {self.index}, {self.size} vectors; model {self.model}"]
        if self.passages_without_vectors:
            out.append(f"{self.passages_without_vectors} passages have no stored vector "
                       f"({self.contents_without_vectors} distinct contents to embed)")
        if self.not_indexed:
            out.append(f"{len(self.not_indexed)} passages have a stored vector but are missing from the index")
        if self.stale:
            out.append(f"{len(self.stale)} index entries point at passages that no longer exist")
        if self.duplicates:
            out.append(f"{self.duplicates} index entries repeat a passage id")
        out.extend(self.problems)
        if self.leftovers:
            out.append(f"{len(self.leftovers)} temporary files left by an interrupted save: {', '.join(self.leftovers)}")
        if self.consistent:
            out.append("consistent")
        return out

    def to_dict(self) -> dict:
        return {"consistent": self.consistent, "model": self.model, "passages": self.passages,
                "index": self.index, "size": self.size,
                "passages_without_vectors": self.passages_without_vectors,
                "contents_without_vectors": self.contents_without_vectors,
                "not_indexed": len(self.not_indexed), "stale": len(self.stale), "duplicates": self.duplicates,
                "problems": self.problems, "leftovers": self.leftovers}


def _corpus_problems(store: Store) -> list[str]:
    """The keyword index against the passages table, and articles left without passages."""
    q = lambda sql: store.db.execute(sql).fetchone()[0]  # noqa: E731
    problems = []
    missing_fts = q("SELECT COUNT(*) FROM passages p WHERE NOT EXISTS (SELECT 1 FROM passages_fts f WHERE f.rowid = p.id)")
    orphan_fts = q("SELECT COUNT(*) FROM passages_fts f WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.id = f.rowid)")
    bare = q("SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.article_id = a.id)")
    if missing_fts:
        problems.append(f"keyword index: {missing_fts} passages are missing from it")
    if orphan_fts:
        problems.append(f"keyword index: {orphan_fts} entries point at passages that no longer exist")
    if bare:
        problems.append(f"{bare} articles have no passages (re-ingest them)")
    return problems


def check(store: Store, model: str, dim: int, directory: Path) -> Check:
    """Compare the corpus with the index in `directory` for `model`; reads only, changes nothing."""
    result = Check(model=model)
    result.passages = store.counts()["passages"]
    result.contents_without_vectors = store.count_without_vectors(model)
    result.passages_without_vectors = store.db.execute(
        "SELECT COUNT(*) FROM passages p WHERE NOT EXISTS (SELECT 1 FROM vectors v WHERE v.model = ?"
        " AND v.content_hash = p.content_hash)", [model]).fetchone()[0]
    result.problems.extend(_corpus_problems(store))
    result.leftovers = [p.name for p in leftovers(directory)]
    wanted = store.passage_ids(model)
    meta_path, index_path = directory / META_FILE, directory / INDEX_FILE
    if not meta_path.exists() or not index_path.exists():
        absent = [p.name for p in (index_path, meta_path) if not p.exists()]
        result.index = "missing"
        if result.passages or index_path.exists() or meta_path.exists():
            result.problems.append(f"index: {' and '.join(absent)} missing in {directory}")
        result.not_indexed = wanted.tolist()
        return result
    try:
        index = VectorIndex.load(directory)
    except IndexCorrupt as e:
        result.index = "unreadable"
        result.problems.append(f"index: {e}")
        result.not_indexed = wanted.tolist()
        return result
    result.size = index.ntotal
    if index.meta.model != model or index.meta.dim != dim:
        result.index = "model mismatch"
        result.problems.append(f"index: built with {index.meta.model!r} ({index.meta.dim} dimensions), configured "
                               f"{model!r} ({dim} dimensions)")
        return result
    if index.meta.count != index.ntotal:
        result.problems.append(f"index: meta.json says {index.meta.count} vectors, the index file holds {index.ntotal}")
    indexed = index.ids()
    unique = np.unique(indexed)
    result.duplicates = len(indexed) - len(unique)
    result.stale = np.setdiff1d(unique, wanted).tolist()
    result.not_indexed = np.setdiff1d(wanted, unique).tolist()
    return result


def repair(store: Store, embedder: Embedder, directory: Path, progress: Progress | None = None) -> dict:
    """Make the index agree with the corpus: embed what has no vector, add what is missing, drop stale and
    repeated entries; an unreadable, missing or other-model index is rebuilt from stored vectors."""
    found = check(store, embedder.model_id, embedder.dim, directory)
    fixed: dict = {"embedded": 0, "added": 0, "removed": 0, "rebuilt": False, "keyword_index": 0,
                   "leftovers": len(found.leftovers)}
    for path in leftovers(directory):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    if any(p.startswith("keyword index:") for p in found.problems):
        fixed["keyword_index"] = _repair_keyword_index(store)
    if found.index != "ok":
        result = rebuild(store, embedder, directory, progress)
        fixed.update(embedded=result["embedded"], added=result["added"], rebuilt=True)
    else:
        fixed["embedded"] = embed_missing(store, embedder, progress)
        index = VectorIndex.load(directory, model=embedder.model_id)
        if not index.can_remove and (found.duplicates or found.stale):   # HNSW: drop entries by rebuilding
            result = rebuild(store, embedder, directory, progress)
            fixed.update(added=result["added"], removed=len(found.stale) + found.duplicates, rebuilt=True)
            fixed["size"] = result["size"]
            return fixed
        repeated = 0
        if found.duplicates:   # remove every copy of a repeated id; sync adds it back once
            ids = index.ids()
            values, counts = np.unique(ids, return_counts=True)
            repeated = index.remove(values[counts > 1])
        added, removed = sync(store, index)
        if added or removed or repeated or index.meta.count != index.ntotal:
            index.save(directory)
        fixed.update(added=added, removed=removed + repeated)
    fixed["size"] = (VectorIndex.load(directory) or VectorIndex.empty(embedder.model_id, embedder.dim)).ntotal
    return fixed


def _repair_keyword_index(store: Store) -> int:
    """Re-add passages missing from the FTS table and drop its entries without a passage; returns the count."""
    return store.repair_keyword_index()
