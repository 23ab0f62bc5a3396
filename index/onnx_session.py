"""Opens kabar's int8 ONNX models (index/reader.onnx, index/e5-small-int8.onnx) with the fastest exact kernels
this CPU has.

The files store their int8 weights as uint8 with the zero point moved by 128 (train/quantize.py): onnxruntime then
multiplies uint8 by uint8, exactly on every x86 CPU. On a CPU with VNNI (AVX-512 VNNI or AVX-VNNI) its uint8 x int8
kernels are exact too, and faster (a reader read 23 -> 16 ms on one such CPU; bench/int8_kernels.py). There the
weights are turned back into int8 as the session is created: every weight byte (and zero-point byte) of a
MatMulInteger gets its top bit flipped, which is u - 128, and its tensor's type UINT8 becomes INT8. Neither changes
a length in the protobuf, so the file's bytes are patched in place and the `onnx` package is not needed at run time.

A question's reads (and the sentences it compares) each run alone, on one thread, so that the int8 layers quantize
every input by itself; `side_by_side` runs them on the CPU's cores at once, with the same outputs.
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Sequence, TypeVar

import numpy as np

_UINT8, _INT8 = 2, 3          # onnx.TensorProto.DataType
_CORES = min(4, os.cpu_count() or 1)
_POOL = ThreadPoolExecutor(max_workers=_CORES, thread_name_prefix="kabar-onnx") if _CORES > 1 else None
T, R = TypeVar("T"), TypeVar("R")


def side_by_side(run: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """[run(item) for item in items], in that order, on up to four cores at once. onnxruntime lets go of the GIL
    while a one-thread session runs, and one session may run several inputs at the same time."""
    if _POOL is None or len(items) < 2:
        return [run(item) for item in items]
    return list(_POOL.map(run, items))


def has_vnni(cpuinfo: str = "/proc/cpuinfo") -> bool:
    """Whether this CPU announces VNNI (Linux; elsewhere the answer is no, and the exact uint8 kernels run)."""
    try:
        with open(cpuinfo, encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    return bool(flags & {"avx512_vnni", "avx_vnni"})
    except OSError:
        pass
    return False


def _varint(buf: bytes | bytearray, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, i
        shift += 7


def _fields(buf: bytes | bytearray, start: int, end: int):
    """(field number, wire type, value or (payload start, payload end), where the value starts) of one message."""
    i = start
    while i < end:
        key, i = _varint(buf, i)
        number, wire = key >> 3, key & 7
        at = i
        if wire == 0:
            value, i = _varint(buf, i)
        elif wire == 1:
            value, i = None, i + 8
        elif wire == 5:
            value, i = None, i + 4
        elif wire == 2:
            length, i = _varint(buf, i)
            value, i = (i, i + length), i + length
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        if i > end:
            raise ValueError("truncated protobuf field")
        yield number, wire, value, at


def signed_weights(model: bytes) -> tuple[bytes, int]:
    """The model with its uint8 MatMulInteger weights and zero points as int8 (the same products), and how many
    tensors changed. A tensor whose bytes are not raw data is left alone (uint8, exact, slower), and so is a file
    that is not a model (onnxruntime then says what is wrong with it)."""
    try:
        return _signed_weights(model)
    except (ValueError, IndexError):
        return model, 0


def _signed_weights(model: bytes) -> tuple[bytes, int]:
    buf = bytearray(model)
    graph = next((v for number, wire, v, _ in _fields(buf, 0, len(buf)) if number == 7 and wire == 2), None)
    if graph is None:
        return bytes(buf), 0
    weight_names: set[bytes] = set()
    tensors = []
    for number, wire, value, _ in _fields(buf, *graph):
        if wire != 2:
            continue
        if number == 1:                                    # NodeProto
            inputs, op = [], b""
            for n, w, v, _ in _fields(buf, *value):
                if n == 1 and w == 2:
                    inputs.append(bytes(buf[v[0]:v[1]]))
                elif n == 4 and w == 2:
                    op = bytes(buf[v[0]:v[1]])
            if op == b"MatMulInteger":
                weight_names.update(inputs[1::2])          # B and its zero point
        elif number == 5:                                  # TensorProto initializer
            tensors.append(value)
    changed, patch = 0, np.frombuffer(buf, np.uint8)      # writes through to buf
    for a, b in tensors:
        name, type_at, raw = None, None, None
        for n, w, v, at in _fields(buf, a, b):
            if n == 2 and w == 0:
                type_at = at if v == _UINT8 else None
            elif n == 8 and w == 2:
                name = bytes(buf[v[0]:v[1]])
            elif n == 9 and w == 2:
                raw = v
        if name in weight_names and type_at is not None and raw is not None:
            patch[type_at] = _INT8
            patch[raw[0]:raw[1]] ^= 0x80
            changed += 1
    return bytes(buf), changed


def open_session(path: str | os.PathLike, threads: int = 1, signed: bool | None = None):
    """An onnxruntime session of `path` on `threads` threads; `signed` (default: has_vnni()) runs its weights as int8."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    model = Path(path).read_bytes()
    if has_vnni() if signed is None else signed:
        model, _ = signed_weights(model)
    return ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
