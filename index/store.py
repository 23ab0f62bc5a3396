"""The FAISS index on disk: a directory holding `passages.faiss` and `meta.json`, switched as one.

`KABAR_HOME/index` is a symbolic link to a generation folder beside it (`.index-<time>`). A save writes
both files into a new generation (a `.tmp` folder, fsynced, then renamed) and switches the link with one
rename (`os.replace` of a new link over the old one): a reader, or a crash at any moment, sees the old pair
or the new pair, never a torn one. The previous generation is kept until the next save (a reader may still
be opening it); older ones are removed. An index folder of the earlier layout (a plain folder) is read as
it is and turned into a generation at its next save. Folders are created 0700, files 0600."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

INDEX_FILE = "passages.faiss"
META_FILE = "meta.json"
# Exact search up to this many vectors, HNSW above (bench/README.md, bench/ann.py on real vectors): exact
# search costs 11 ms a query at 100k and 117 ms at 1M on one thread; HNSW (M 32, efSearch 192) 0.7 ms with
# recall@10 0.98 against it at 100k, 1.8 ms and 0.96 at 1M (efSearch 128: 0.94 at 1M). IVF was measured
# too: on e5 vectors it needed 256 of 4096 lists (31 ms) for recall 0.97 at 1M. HNSW cannot delete entries
# (faiss has no remove_ids for it): a sync that has to drop some rebuilds the index from stored vectors
# instead (indexer.sync; 16 s at 100k, 3 min at 1M here).
EXACT_LIMIT = 50_000
HNSW = {"M": 32, "efConstruction": 80, "efSearch": 192}


class ModelMismatch(Exception):
    """The stored index was built by another embedding model."""


class IndexCorrupt(Exception):
    """The index files cannot be read."""


@dataclass
class Meta:
    model: str
    dim: int
    kind: str = "flat"
    params: dict = field(default_factory=dict)
    count: int = 0
    updated_at: str = ""


def _faiss():
    import faiss

    faiss.omp_set_num_threads(1)  # one query at a time: a second thread made 1M searches slower
    return faiss


class VectorIndex:
    """Passage vectors in FAISS (IndexIDMap2 keyed by passage id), inner product on unit vectors."""

    def __init__(self, meta: Meta, index=None):
        faiss = _faiss()
        self.meta = meta
        if index is None:
            if meta.kind == "hnsw":
                inner = faiss.IndexHNSWFlat(meta.dim, meta.params["M"], faiss.METRIC_INNER_PRODUCT)
                inner.hnsw.efConstruction = meta.params["efConstruction"]
            else:
                inner = faiss.IndexFlatIP(meta.dim)
            index = faiss.IndexIDMap2(inner)
        self.index = index
        self._apply_search_params()

    @classmethod
    def empty(cls, model: str, dim: int, expected: int = 0) -> "VectorIndex":
        """An index for about `expected` vectors: exact up to EXACT_LIMIT, HNSW above."""
        if expected > EXACT_LIMIT:
            return cls(Meta(model, dim, "hnsw", dict(HNSW)))
        return cls(Meta(model, dim))

    def _apply_search_params(self) -> None:
        if self.meta.kind == "hnsw":
            faiss = _faiss()
            faiss.downcast_index(self.index.index).hnsw.efSearch = self.meta.params.get("efSearch", HNSW["efSearch"])

    @property
    def can_remove(self) -> bool:
        return self.meta.kind != "hnsw"

    @property
    def ntotal(self) -> int:
        return int(self.index.ntotal)

    def ids(self) -> np.ndarray:
        faiss = _faiss()
        return faiss.vector_to_array(self.index.id_map).astype(np.int64)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            faiss = _faiss()
            faiss.omp_set_num_threads(os.cpu_count() or 1)   # building a graph uses every core
            try:
                self.index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64))
            finally:
                faiss.omp_set_num_threads(1)

    def remove(self, ids: np.ndarray) -> int:
        if not len(ids):
            return 0
        faiss = _faiss()
        return int(self.index.remove_ids(faiss.IDSelectorBatch(np.asarray(ids, dtype=np.int64))))

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        if self.ntotal == 0:
            return []
        scores, ids = self.index.search(np.asarray(vector, dtype=np.float32).reshape(1, -1), min(k, self.ntotal))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    # -- disk ------------------------------------------------------------------------------------
    def save(self, directory: Path) -> None:
        """Write index and meta into a new generation and switch `directory` (a link) to it in one rename."""
        faiss = _faiss()
        self.meta.count = self.ntotal
        self.meta.updated_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        parent = directory.parent
        parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(dir=parent, prefix=f".{directory.name}-", suffix=".tmp"))   # 0700
        try:
            faiss.write_index(self.index, str(work / INDEX_FILE))
            os.chmod(work / INDEX_FILE, 0o600)
            _fsync(work / INDEX_FILE)
            _write_private(work / META_FILE, json.dumps(asdict(self.meta), indent=2))
            _fsync_dir(work)
            generation = parent / f".{directory.name}-{time.time_ns()}"
            os.rename(work, generation)
        finally:
            if work.exists():
                shutil.rmtree(work, ignore_errors=True)
        previous = _switch(directory, generation)
        _fsync_dir(parent)
        for old in generations(directory):
            if old not in (generation, previous):
                shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, directory: Path, model: str | None = None) -> "VectorIndex | None":
        """The stored index, or None when there is none. A different `model` is a ModelMismatch."""
        directory = directory.resolve()   # one generation for both files, even if a save switches meanwhile
        meta_path, index_path = directory / META_FILE, directory / INDEX_FILE
        if not meta_path.exists() or not index_path.exists():
            return None
        try:
            meta = Meta(**json.loads(meta_path.read_text()))
        except (ValueError, TypeError) as e:
            raise IndexCorrupt(f"{meta_path}: unreadable ({e}); run `kabar index rebuild`") from None
        if model is not None and meta.model != model:
            raise ModelMismatch(
                f"the index in {directory} was built with {meta.model!r} but the configured model is "
                f"{model!r}; run `kabar index rebuild` to re-embed with the new model"
            )
        faiss = _faiss()
        try:
            index = faiss.read_index(str(index_path))
        except RuntimeError as e:
            raise IndexCorrupt(f"{index_path}: unreadable ({str(e).splitlines()[0]}); run `kabar index rebuild`") from None
        if index.d != meta.dim:
            raise IndexCorrupt(f"{index_path}: dimension {index.d} but meta says {meta.dim}; run `kabar index rebuild`")
        return cls(meta, index)


def generations(directory: Path) -> list[Path]:
    """The finished generation folders beside `directory` (the current one among them)."""
    parent = directory.parent
    if not parent.is_dir():
        return []
    return sorted(p for p in parent.glob(f".{directory.name}-*") if p.is_dir() and not p.name.endswith(".tmp"))


def leftovers(directory: Path) -> list[Path]:
    """What an interrupted save left: unfinished generations and a half-made link beside `directory`, and
    temporary files inside it (the earlier layout)."""
    parent = directory.parent
    found = [p for p in parent.glob(f".{directory.name}-*.tmp")] if parent.is_dir() else []
    link = parent / f".{directory.name}.link.tmp"
    if link.is_symlink() or link.exists():
        found.append(link)
    if directory.is_dir():
        found += [p for p in directory.iterdir() if p.name.endswith(".tmp")]
    return sorted(found)


def _switch(directory: Path, generation: Path) -> Path | None:
    """Point `directory` at `generation` with one rename; returns the generation it pointed at before."""
    previous = directory.resolve() if directory.is_symlink() else None
    if directory.exists() and not directory.is_symlink():
        # The earlier layout: a plain folder cannot be replaced by a link in one step. It becomes a
        # generation first; a crash between the two renames leaves no index, which `kabar index check
        # --repair` rebuilds from the stored vectors (nothing re-embedded).
        previous = directory.parent / f".{directory.name}-{time.time_ns()}-old"
        os.rename(directory, previous)
    link = directory.parent / f".{directory.name}.link.tmp"
    link.unlink(missing_ok=True)
    os.symlink(generation.name, link)
    os.replace(link, directory)
    return previous


def _fsync(path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
