"""kabar's int8 models multiply exactly on every x86 CPU (train/quantize.py), and with the faster int8 kernels
where those are exact too (index/onnx_session.py)."""
import numpy as np
import onnxruntime as ort
import pytest

from index.embedders import E5_ONNX_FILE
from index.onnx_session import has_vnni, open_session, signed_weights
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


def test_the_bundled_int8_models_store_unsigned_weights_that_turn_back_into_int8():
    for path in (READER_FILE, E5_ONNX_FILE):
        model = onnx.load(str(path), load_external_data=False)
        tensors = {t.name: t for t in model.graph.initializer}
        weights = [tensors[n.input[1]] for n in model.graph.node if n.op_type == "MatMulInteger"]
        assert weights, path
        assert {t.data_type for t in weights} == {TensorProto.UINT8}, path
        signed, changed = signed_weights(path.read_bytes())     # what a VNNI CPU runs: every weight as int8
        assert changed == 2 * len(weights), path
        tensors = {t.name: t for t in onnx.load_from_string(signed).graph.initializer}
        assert {tensors[n.input[1]].data_type for n in model.graph.node if n.op_type == "MatMulInteger"} \
            == {TensorProto.INT8}, path


def _stored_then_signed(tmp_path) -> tuple[np.ndarray, bytes, int]:
    """Random int8 weights, stored as uint8 (train/quantize.py), then signed as a VNNI CPU runs them."""
    weights = np.random.default_rng(1).integers(-128, 128, size=(64, 32), dtype=np.int8)
    src, out = tmp_path / "int8.onnx", tmp_path / "uint8.onnx"
    onnx.save(matmul_integer_model(weights), str(src))
    unsigned_weights(src, out)
    return (weights, *signed_weights(out.read_bytes()))


def test_signed_weights_turn_the_stored_uint8_back_into_the_int8_weights(tmp_path):
    weights, signed, changed = _stored_then_signed(tmp_path)
    assert changed == 2
    stored = {t.name: numpy_helper.to_array(t) for t in onnx.load_from_string(signed).graph.initializer}
    assert stored["w"].dtype == np.int8 and (stored["w"] == weights).all()
    assert stored["w_zero"].dtype == np.int8 and not stored["w_zero"].any()


@pytest.mark.skipif(not has_vnni(), reason="int8 kernels are exact only on a CPU with VNNI; elsewhere uint8 runs")
def test_signed_weights_give_the_exact_product_on_a_cpu_with_vnni(tmp_path):
    # Without VNNI the u8s8 kernel adds pairs of products in 16 bits and saturates: there open_session keeps the
    # uint8 weights, and so must this check.
    weights, signed, _ = _stored_then_signed(tmp_path)
    a = np.random.default_rng(2).integers(0, 256, size=(4, 64), dtype=np.uint8)
    session = ort.InferenceSession(signed, providers=["CPUExecutionProvider"])
    assert (session.run(None, {"a": a, "a_zero": np.array(0, np.uint8)})[0] == a.astype(np.int64) @ weights).all()


def test_signed_weights_leave_a_model_without_matmul_integer_as_it_is():
    graph = helper.make_graph([helper.make_node("Relu", ["x"], ["y"])], "g",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])],
                              [numpy_helper.from_array(np.arange(4, dtype=np.uint8), "u")])
    model = helper.make_model(graph).SerializeToString()
    assert signed_weights(model) == (model, 0)
    assert signed_weights(b"") == (b"", 0)


def test_vnni_is_read_from_the_cpu_flags(tmp_path):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512_vnni\n")
    assert has_vnni(str(cpuinfo))
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx2\n")
    assert not has_vnni(str(cpuinfo))
    assert not has_vnni(str(tmp_path / "missing"))


@pytest.mark.skipif(not has_vnni(), reason="int8 kernels are exact only on a CPU with VNNI; elsewhere uint8 runs")
@pytest.mark.parametrize("path", [READER_FILE, E5_ONNX_FILE], ids=["reader", "e5"])
def test_on_a_vnni_cpu_the_int8_kernels_give_the_bundled_models_exactly_their_uint8_outputs(path):
    from index.e5 import bundled_e5

    e5 = bundled_e5()
    ids, _ = e5.tokenizer.encode("query: Siapa Plt Sekda Kalteng? passage: Plt Sekda Kalteng Benediktus T. Nyahu hadir.")
    ids = np.array([[e5.tokenizer.bos, *ids, e5.tokenizer.eos]], dtype=np.int64)
    feeds = {"x": e5.embed(ids).astype(np.float32), "mask": np.ones(ids.shape, dtype=np.float32)}
    unsigned = open_session(path, signed=False).run(None, feeds)
    signed = open_session(path, signed=True).run(None, feeds)
    for u, s in zip(unsigned, signed):
        np.testing.assert_array_equal(u, s)


def test_signed_weights_leave_a_damaged_file_for_onnxruntime_to_reject():
    damaged = READER_FILE.read_bytes()[:5000]
    assert signed_weights(damaged) == (damaged, 0)
    assert signed_weights(b"\xff" * 64) == (b"\xff" * 64, 0)
