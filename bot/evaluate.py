"""`kabar eval`: retrieval and answer quality on a question file, with latency percentiles."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections import Counter

import numpy as np

from corpus.records import to_article

from .answer import AnswerPolicy
from .conversation import searchable, what_to_search
from .service import Kabar
from .settings import Settings


_LEAD = re.compile(r"(.*?)(?: \[\d+\]|$)", re.S)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().casefold()


def holds(text: str, gold: str | None) -> bool:
    """Whether `text` holds the gold answer (case and spacing aside)."""
    return bool(gold) and _norm(gold) in _norm(text)


def load_questions(path: str) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}:{number}: invalid JSON ({e.msg})") from None
    return rows


def _facqa_id(passage: str) -> str:
    return "facqa-" + hashlib.sha1(passage.encode()).hexdigest()[:12]


def policy_with(assignments: list[str]) -> AnswerPolicy:
    """The default AnswerPolicy with NAME=VALUE assignments applied (`kabar eval --policy`, for the sweeps in
    docs/reader.md); a tuple field takes comma-separated values. ValueError names what is wrong."""
    names = [f.name for f in dataclasses.fields(AnswerPolicy)]
    policy = AnswerPolicy()
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or name not in names:
            raise ValueError(f"{assignment!r}: not NAME=VALUE with NAME one of {', '.join(names)}")
        default = getattr(policy, name)
        try:
            parsed = tuple(v.strip() for v in value.split(",") if v.strip()) if isinstance(default, tuple) \
                else type(default)(value)
        except ValueError:
            kind = {int: "a whole number", float: "a number"}.get(type(default), type(default).__name__)
            raise ValueError(f"{assignment!r}: {name} takes {kind}, not {value!r}") from None
        policy = dataclasses.replace(policy, **{name: parsed})
    return policy


def facqa_kabar(rows: list[dict], base: Settings, progress=None, policy: AnswerPolicy | None = None) -> Kabar:
    """A corpus of every distinct FacQA passage, kept under KABAR_HOME/eval-facqa between runs (with
    KABAR_DATABASE_URL: in that database's schema kabar_eval_facqa, never among the newsroom's articles)."""
    url = None
    if base.database_url:
        from corpus.postgres import schema_url

        url = schema_url(base.database_url, "kabar_eval_facqa")
    kabar = Kabar(Settings(home=base.home / "eval-facqa", model=base.model, database_url=url,
                           index_path=None), policy=policy)
    seen = set()
    for row in rows:
        if row["passage"] in seen:
            continue
        seen.add(row["passage"])
        kabar.store.upsert(to_article({"id": _facqa_id(row["passage"]), "title": "FacQA",
                                       "text": row["passage"], "source": "FacQA"}))
    kabar.update_index(progress)
    return kabar


def evaluate_file(path: str, split: str = "test", limit: int | None = None, progress=None,
                  hide_gold: bool = False, policy: AnswerPolicy | None = None) -> dict:
    rows = load_questions(path)
    settings = Settings()
    if rows and "passage" in rows[0]:
        kabar = facqa_kabar(rows, settings, progress, policy)
        questions = [{"question": r["question"], "answer": r["answer"], "gold": {_facqa_id(r["passage"])},
                      "kind": "fact", "passage": r["passage"], "other_answers": r.get("other_answers", [])}
                     for r in rows if r.get("split") == split]
    else:
        kabar = Kabar(settings, policy=policy)
        questions = [{"qid": r.get("qid"), "question": r["question"], "answer": r.get("answer"),
                      "kind": r.get("kind", "fact"), "lang": r.get("lang"), "previous": r.get("previous"),
                      "gold": set(filter(None, [r.get("article_id"), *r.get("also", [])]))} for r in rows]
    if limit:
        questions = questions[:limit]
    return evaluate(kabar, questions, hide_gold)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", _norm(text))


def span_f1(predicted: str | None, gold: str) -> float:
    """Word-overlap F1 of a short answer against the gold one (0 for no answer)."""
    p, g = words(predicted or ""), words(gold)
    common = sum((Counter(p) & Counter(g)).values())
    if not common:
        return 0.0
    return 2 * common / (len(p) + len(g))


def hidden_ids(kabar: Kabar, gold: set[str]) -> frozenset[str]:
    """The gold articles and every article of their stories (a near-copy would answer just the same)."""
    out = set(gold)
    for article_id in gold:
        out.update(m[0] for m in kabar.store.story_members(article_id))
    return frozenset(out)


def follow_up(kabar: Kabar, question: str, previous: dict) -> tuple[str, str | None, str | None, dict]:
    """What the bot searches for `question` asked right after `previous` (its question, and its gold answer if
    any) and what the reader reads of it (conversation.what_to_search, for Kabar.search_and_answer), given what the
    question before searched for and its short answer; and a record of the question before: whether its answer held
    its gold."""
    asked_before = searchable(previous["question"])
    answer = kabar.answer(kabar.retriever.search(asked_before, k=5))
    short = None if answer.abstained else answer.short_answer
    before = {"previous_contains": holds(answer.answer, previous.get("answer"))}
    return *what_to_search(question, asked_before, short), before


def evaluate(kabar: Kabar, questions: list[dict], hide_gold: bool = False) -> dict:
    """Figures over `questions` (each with question, answer, gold article ids, kind). With `hide_gold` the
    gold articles are left out of retrieval, so that every question becomes one to decline."""
    if hide_gold:
        questions = [dict(q, hidden=hidden_ids(kabar, q["gold"]), gold=set()) for q in questions if q["gold"]]
    answerable = [q for q in questions if q["gold"]]
    unanswerable = [q for q in questions if not q["gold"]]
    r1 = r5 = cited = contains = leads = declined_unanswerable = declined_answerable = other_cited = 0
    hidden_holding = 0   # hidden-gold questions answered from another article with the gold answer in it
    unanswerable_bold = 0
    unsure = {"answerable": 0, "holding the gold": 0, "without an answer": 0}   # answers that say they are not sure
    latencies = []
    misses = []
    records = []
    short_f1s, short_exact, gold_passage_f1 = [], [], []
    by_kind: dict[str, list[int]] = {}
    for q in questions:
        asked, then, read, before = q["question"], None, None, {}
        if q.get("previous"):     # a follow-up: the question before it is asked first, as in a chat
            asked, then, read, before = follow_up(kabar, q["question"], q["previous"])
        asked, retrieval, answer = kabar.search_and_answer(asked, 5, q.get("hidden", frozenset()), then, read)
        if q.get("previous"):
            before["asked"] = asked
        records.append({"qid": q.get("qid"), "lang": q.get("lang"), "kind": q["kind"],
                        "answerable": bool(q["gold"]), "language": answer.language, "confidence": answer.confidence,
                        "abstained": answer.abstained, "sure": answer.sure, "answerable_prob": answer.answerable,
                        "signals": answer.signals.to_dict() if answer.signals else None, **before,
                        "answer": answer.answer})
        latencies.append(answer.timings_ms["total"])
        # An article stands for its whole story (near-identical copies are grouped at ingestion).
        stories = kabar.store.stories_of([h.article_id for h in retrieval.hits])
        ranked = [{h.article_id} | {m[0] for m in stories.get(h.article_id, [])} for h in retrieval.hits]
        cited_articles = {c.article_id for c in answer.citations}
        cited_stories = [r for r, h in zip(ranked, retrieval.hits) if h.article_id in cited_articles]
        cited_ids = set().union(*cited_stories)
        golds = [q["answer"], *q.get("other_answers", [])] if q.get("answer") else []
        if answer.short_answer is not None:
            records[-1].update(short_answer=answer.short_answer)
            if golds:
                short_f1s.append(max(span_f1(answer.short_answer, g) for g in golds))
                short_exact.append(any(words(answer.short_answer) == words(g) for g in golds))
                records[-1].update(short_f1=round(short_f1s[-1], 3))
            elif not q["gold"] and answer.sure:
                unanswerable_bold += 1      # a bold short answer to a question the archive does not answer
        if q.get("passage") and kabar.reader is not None:   # the reader alone, given the gold passage
            reading = kabar.reader.read(q["question"], [q["passage"]])[0]
            gold_passage_f1.append(max(span_f1(reading.text(q["passage"]), g) for g in golds))
        if not answer.abstained and not answer.sure:
            unsure["answerable" if q["gold"] else "without an answer"] += 1
        if not q["gold"]:
            declined_unanswerable += answer.abstained
            if q.get("hidden") and q.get("answer") and not answer.abstained:
                # Another article, outside the gold story, may report the same fact: such an answer is right.
                records[-1].update(contains=holds(answer.answer, q["answer"]))
                hidden_holding += records[-1]["contains"]
            if not answer.abstained:
                misses.append({"qid": q.get("qid"), "question": q["question"], "problem": "answered unanswerable",
                               "answer": answer.answer[:300]})
            continue
        declined_answerable += answer.abstained
        hit1 = bool(ranked[:1] and ranked[0] & q["gold"])
        hit5 = any(r & q["gold"] for r in ranked[:5])
        is_cited = bool(cited_ids & q["gold"])
        has_answer = holds(answer.answer, q.get("answer"))
        # What the reader sees first: the short answer and the sentence that leads.
        first = " ".join(filter(None, [answer.short_answer, _LEAD.match(answer.answer).group(1)]))
        leads_with = has_answer and holds(first, q["answer"])
        leads += leads_with
        cites_other = any(not r & q["gold"] for r in cited_stories)
        other_cited += cites_other
        r1 += hit1
        r5 += hit5
        cited += is_cited
        contains += has_answer
        unsure["holding the gold"] += has_answer and not answer.sure
        records[-1].update(cited=is_cited, contains=has_answer, leads=leads_with,
                           other_cited=cites_other, rank=next(
            (i + 1 for i, r in enumerate(ranked) if r & q["gold"]), None))
        stats = by_kind.setdefault(q["kind"], [0, 0, 0])
        stats[0] += 1
        stats[1] += is_cited
        stats[2] += has_answer
        if not (is_cited and has_answer):
            misses.append({"qid": q.get("qid"), "question": q["question"], "gold_answer": q.get("answer"),
                           "rank": next((i + 1 for i, r in enumerate(ranked) if r & q["gold"]), None),
                           "cited": is_cited, "abstained": answer.abstained, "answer": answer.answer[:300]})
    n = max(1, len(answerable))
    declined = declined_unanswerable + declined_answerable
    lat = np.array(latencies or [0.0])
    return {
        "questions": len(questions),
        "answerable": len(answerable),
        "recall@1": round(r1 / n, 3),
        "recall@5": round(r5 / n, 3),
        "gold_cited": round(cited / n, 3),
        "answer_contains_gold": round(contains / n, 3),
        # answers that also cite an article outside the gold story (on FacQA: another passage)
        "also_cites_another_article": round(other_cited / n, 3),
        "first_sentence_contains_gold": round(leads / n, 3),
        "unanswerable_declined": f"{declined_unanswerable}/{len(unanswerable)}",
        "unanswerable_bold_short_answers": unanswerable_bold,
        "abstention_precision": round(declined_unanswerable / declined, 3) if declined and unanswerable else None,
        "abstention_recall": round(declined_unanswerable / len(unanswerable), 3) if unanswerable else None,
        "by_kind (n, cited, contains)": {k: tuple(v) for k, v in sorted(by_kind.items())},
        "answerable_declined": round(declined_answerable / n, 3),
        **({"hidden_answered_holding_the_answer": hidden_holding} if hide_gold else {}),
        # answered, but saying the reader is not sure the sentences answer (Answer.sure)
        "answered_unsure": unsure,
        "short_answers": f"{len(short_f1s)}/{len(answerable)}",
        "short_answer_exact (of given)": round(float(np.mean(short_exact)), 3) if short_exact else None,
        "short_answer_f1 (of given)": round(float(np.mean(short_f1s)), 3) if short_f1s else None,
        "short_answer_f1 (of answerable)": round(sum(short_f1s) / n, 3) if answerable else None,
        "reader_f1_on_gold_passage": round(float(np.mean(gold_passage_f1)), 3) if gold_passage_f1 else None,
        "latency_ms p50/p95/p99": "/".join(f"{np.percentile(lat, p):.1f}" for p in (50, 95, 99)),
        "misses": misses,
        "records": records,
    }
