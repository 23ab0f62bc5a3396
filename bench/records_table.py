"""The quality table of docs/quality.md from `kabar eval --records` files, a row per question set.

    kabar eval --records fq.jsonl ../shared/data/facqa.jsonl
    kabar eval --hide-gold --records fq-hidden.jsonl ../shared/data/facqa.jsonl
    python bench/records_table.py "FacQA test=fq.jsonl,fq-hidden.jsonl" "follow-ups=fu.jsonl" [--veto 0.001 0.01]

Each argument is NAME=RECORDS[,HIDDEN]: the records of a set asked as it is and, optionally, with its gold hidden.
A row gives what `kabar eval` prints (contains, first sentence or short answer, cited, answerable declined,
unanswerable declined) and what it does not: the bold short answers right (span F1 at least 0.5 against the gold)
and wrong, the bold answers to questions without an answer (left open by the articles, or with the gold hidden
and the reply not holding it), and the weighing the eighth session set for a decline rule: unanswerable and
hidden-gold questions declined - 2 x answerable questions declined. With `--veto`, the table again for each
threshold, had the Indonesian answers whose reader's probability (`confidence`) is under it been declined too, with
the answers holding the gold that this would lose: exact for thresholds above the run's own
(AnswerPolicy.min_answer_prob; run with `--policy min_answer_prob=0` to sweep below it).
"""
from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

BOLD_RIGHT = 0.5    # span F1 of a bold short answer against the gold from which it counts as right


@dataclass
class SetRecords:
    name: str
    asked: list[dict]           # the set as it is
    hidden: list[dict] | None   # the same with the gold hidden, if run


def load(path: Path) -> list[dict]:
    """The records of one file; ValueError names the file and line of a bad one."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                row = json.loads(line)
            except ValueError as e:
                raise ValueError(f"{path}, line {n}: not a kabar eval record ({e})") from None
            if not isinstance(row, dict) or not {"answerable", "abstained"} <= row.keys():
                raise ValueError(f"{path}, line {n}: not a kabar eval record (no answerable / abstained)")
            rows.append(row)
    return rows


def parse_set(arg: str) -> SetRecords:
    name, sep, files = arg.partition("=")
    paths = files.split(",")
    if not sep or not name or not 1 <= len(paths) <= 2 or not all(paths):
        raise ValueError(f"{arg!r}: expected NAME=RECORDS[,HIDDEN]")
    return SetRecords(name, load(Path(paths[0])), load(Path(paths[1])) if len(paths) == 2 else None)


def figures(s: SetRecords, veto: float = 0.0) -> dict:
    """The row of one set; with `veto`, as if Indonesian answers under that reader probability were declined."""
    def vetoed(row: dict) -> bool:     # answered, and declined by the veto
        p = row.get("confidence")
        return not row["abstained"] and row.get("language") == "id" and p is not None and p < veto

    def declined(row: dict) -> bool:
        return row["abstained"] or vetoed(row)

    def bold(row: dict) -> bool:       # a bold short answer in a reply still given
        return row.get("short_answer") is not None and not declined(row)

    answerable = [r for r in s.asked if r["answerable"]]
    open_ = [r for r in s.asked if not r["answerable"]]
    kept = [r for r in answerable if not vetoed(r)]     # what `kabar eval` counts, less the vetoed answers
    n = max(1, len(answerable))
    hidden = s.hidden or []
    row = {
        "set": s.name, "answerable": len(answerable),
        "contains": sum(bool(r.get("contains")) for r in kept) / n,
        "leads": sum(bool(r.get("leads")) for r in kept) / n,
        "cited": sum(bool(r.get("cited")) for r in kept) / n,
        "answerable_declined": sum(map(declined, answerable)),
        "holding_lost": sum(bool(r.get("contains")) and vetoed(r) for r in answerable),
        "open": len(open_), "open_declined": sum(map(declined, open_)), "open_bold": sum(map(bold, open_)),
        "hidden": len(hidden), "hidden_declined": sum(map(declined, hidden)),
        "hidden_bold": sum(bold(r) and not r.get("contains") for r in hidden),
        "bold_right": sum(bold(r) and r.get("short_f1", 0) >= BOLD_RIGHT for r in answerable),
        "bold_wrong": sum(bold(r) and r.get("short_f1", 0) < BOLD_RIGHT for r in answerable),
    }
    row["weighed"] = row["open_declined"] + row["hidden_declined"] - 2 * row["answerable_declined"]
    return row


def markdown(rows: list[dict]) -> str:
    lines = ["| set | contains | first sentence or short answer | cited | answerable declined | unanswerable "
             "declined; bold | hidden gold declined; bold | bold right / wrong | weighed |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        n = r["answerable"]
        lines.append(" | ".join([
            f"| {r['set']} ({n}{' + ' + str(r['open']) if r['open'] else ''})",
            f"{r['contains']:.3f}", f"{r['leads']:.3f}", f"{r['cited']:.3f}",
            f"{r['answerable_declined'] / max(1, n):.3f}",
            f"{r['open_declined']} / {r['open']}; {r['open_bold']}" if r["open"] else "–",
            f"{r['hidden_declined']} / {r['hidden']}; {r['hidden_bold']}" if r["hidden"] else "–",
            f"{r['bold_right']} / {r['bold_wrong']}", f"{r['weighed']} |"]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", metavar="NAME=RECORDS[,HIDDEN]")
    parser.add_argument("--veto", type=float, nargs="+", default=[], metavar="T",
                        help="also weigh declining the Indonesian answers under these reader probabilities")
    args = parser.parse_args(argv)
    try:
        sets = [parse_set(a) for a in args.sets]
    except (OSError, ValueError) as e:
        parser.error(str(e))
    print(markdown([figures(s) for s in sets]))
    for t in args.veto:
        rows = [figures(s, t) for s in sets]
        print(f"\nhad Indonesian answers under {t:g} been declined (answers holding the gold lost: "
              + ", ".join(f"{r['set']} {r['holding_lost']}" for r in rows) + ")\n" + markdown(rows))


if __name__ == "__main__":
    main()
