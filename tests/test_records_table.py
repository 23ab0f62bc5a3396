"""bench/records_table.py: the quality table from `kabar eval --records` files, run as the docs run it."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _write(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _row(answerable: bool, abstained: bool = False, short_f1: float | None = None, contains: bool = False,
         confidence: float = 0.9, language: str = "id") -> dict:
    row = {"answerable": answerable, "abstained": abstained, "language": language, "confidence": confidence,
           "contains": contains, "cited": contains, "leads": contains}
    if short_f1 is not None:
        row.update(short_answer="x", short_f1=short_f1)
    return row


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "bench" / "records_table.py"), *args],
                          capture_output=True, text=True, timeout=60)


def test_the_table_counts_bold_answers_right_and_wrong_and_weighs_declines(tmp_path):
    asked = _write(tmp_path / "asked.jsonl", [
        _row(True, short_f1=1.0, contains=True),                     # bold and right
        _row(True, short_f1=0.2, contains=True, confidence=0.005),  # bold, wrong (F1 under 0.5), the reader unsure
        _row(True, abstained=True),                                  # an answerable question declined
        _row(False, abstained=True),                                 # a question left open, declined
        _row(False) | {"short_answer": "y"},                         # ... answered in bold
    ])
    hidden = _write(tmp_path / "hidden.jsonl", [
        _row(False, abstained=True), _row(False) | {"short_answer": "z"},
        _row(False, contains=True) | {"short_answer": "w"},          # another article states it: not counted wrong
    ])
    out = _run(f"news={asked},{hidden}", "--veto", "0.01")
    assert out.returncode == 0, out.stderr
    row = next(line for line in out.stdout.splitlines() if line.startswith("| news"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells == ["news (3 + 2)", "0.667", "0.667", "0.667", "0.333", "1 / 2; 1", "1 / 3; 1", "1 / 1",
                     str(1 + 1 - 2 * 1)]
    # declining under 0.01 would decline the unsure answer too, and lose an answer holding the gold
    vetoed = out.stdout.split("under 0.01 been declined")[1]
    assert "(answers holding the gold lost: news 1)" in vetoed
    row = next(line for line in vetoed.splitlines() if line.startswith("| news"))
    assert [c.strip() for c in row.strip("|").split("|")][1:] == ["0.333", "0.333", "0.333", "0.667", "1 / 2; 1",
                                                               "1 / 3; 1", "1 / 0", "-2"]


def test_a_file_that_is_not_records_is_named_with_its_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(_row(True)) + "\n" + '{"question": "no verdict"}\n', encoding="utf-8")
    out = _run(f"news={bad}")
    assert out.returncode == 2
    assert f"{bad}, line 2: not a kabar eval record" in out.stderr
