"""Quantize an exported float ONNX model the way kabar ships its int8 models (index/reader.onnx, e5-small-int8.onnx).

Weights are quantized to int8 per channel (onnxruntime's dynamic quantization), then stored as uint8 with their
zero point moved by 128: the same integers, but onnxruntime multiplies uint8 by uint8 weights exactly on every
x86 CPU. With int8 weights it uses the u8s8 kernels, which are exact on CPUs with AVX-512 VNNI and saturate on
those with AVX2 only: there the same reader answered worse (docs/reader.md, "The same answers on every CPU").
Where the CPU has VNNI, index/onnx_session.py turns the stored bytes back into int8 as it opens the model.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np


def quantize(fp32: Path, out: Path) -> None:
    """Write `out`: `fp32` with int8 per-channel weights stored as uint8 (unsigned_weights())."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, per_channel=True)
    unsigned_weights(out, out)


def unsigned_weights(src: Path, out: Path) -> int:
    """Rewrite every int8 weight (and its zero point) of a MatMulInteger as uint8 + 128: onnxruntime computes
    (a - a_zero) x (w - w_zero), which is unchanged. Returns how many tensors were rewritten."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(src))
    tensors = {t.name: t for t in model.graph.initializer}
    done: set[str] = set()
    for node in model.graph.node:
        if node.op_type != "MatMulInteger":
            continue
        names = list(node.input[1::2])       # B and b_zero_point (without one, 0 is meant: left alone)
        if len(names) < 2 or not all(n in tensors for n in names):
            continue
        for name in names:
            values = numpy_helper.to_array(tensors[name])
            if name not in done and values.dtype == np.int8:
                tensors[name].CopyFrom(numpy_helper.from_array((values.astype(np.int16) + 128).astype(np.uint8), name))
                done.add(name)
    onnx.save(model, str(out))
    return len(done)
