"""kabar's int8 models multiply exactly on every x86 CPU (train/quantize.py)."""
import numpy as np
import onnxruntime as ort
import pytest

from index.embedders import E5_ONNX_FILE
from index.reader import READER_FILE

onnx = pytest.importorskip("onnx", reason="the test extra brings onnx")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from train.quantize import unsigned_weights  # noqa: E402


def matmul_integer_model(weights: np.ndarray):
    node = helper.make_node("MatMulInteger", ["a", "w", "a_zero", "w_zero"], ["y"])
    graph = helper.make_graph(
        [node], "g", [helper.make_tensor_value_info("a", TensorProto.UINT8, [None, weights.shape[0]]),
                      helper.make_tensor_value_info("a_zero", TensorProto.UINT8, [])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [None, weights.shape[1]])],
        [numpy_helper.from_array(weights, "w"), numpy_helper.from_array(np.zeros(weights.shape[1], np.int8), "w_zero")])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def run(path, a):
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(None, {"a": a, "a_zero": np.array(0, np.uint8)})[0]


def test_unsigned_weights_give_the_exact_integer_product_where_int8_kernels_may_saturate(tmp_path):
    rng = np.random.default_rng(0)
    # the extreme values that overflow a pair of 16-bit sums (255 x 127 x 2) in the AVX2 u8s8 kernel
    weights = rng.choice(np.array([127, -128, 126, -127], np.int8), size=(64, 32))
    a = rng.choice(np.array([255, 254, 250], np.uint8), size=(4, 64))
    exact = a.astype(np.int64) @ weights.astype(np.int64)
    src, out = tmp_path / "int8.onnx", tmp_path / "uint8.onnx"
    onnx.save(matmul_integer_model(weights), str(src))
    assert unsigned_weights(src, out) == 2    # the weights and their zero point
    stored = {t.name: numpy_helper.to_array(t) for t in onnx.load(str(out)).graph.initializer}
    assert stored["w"].dtype == np.uint8 and set(stored["w_zero"]) == {128}
    assert (run(out, a) == exact).all()


def test_the_bundled_int8_models_store_unsigned_weights():
    for path in (READER_FILE, E5_ONNX_FILE):
        model = onnx.load(str(path), load_external_data=False)
        tensors = {t.name: t for t in model.graph.initializer}
        weights = [tensors[n.input[1]] for n in model.graph.node if n.op_type == "MatMulInteger"]
        assert weights, path
        assert {t.data_type for t in weights} == {TensorProto.UINT8}, path
