"""Copy a whole store into another (SQLite <-> PostgreSQL, or either into its own kind): `kabar migrate`.

Every row keeps its id, so a FAISS index built for the source serves the target as it is. Rows go over in
batches, each batch one transaction inserted with ON CONFLICT DO NOTHING: an interrupted copy is run
again and continues, nothing is duplicated. The one table without a key (story_bands, the near-duplicate
band keys) is copied whole in one transaction. The target's keyword index is built from the copied
passages (in batches, resumable too), and at the end every table is counted on both sides.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .database import Database

# Parents before children (foreign keys); tables added by later migrations are copied after these.
ORDER = ["articles", "passages", "vectors", "story_bands", "feeds", "feed_entries", "questions",
         "answer_messages", "conversations", "follows", "alerts_sent", "llm_usage"]
WHOLE = {"story_bands"}     # no key to skip copied rows by: replaced in one transaction
BATCH = 2_000


class MigrationError(Exception):
    """The target cannot receive the copy."""


@dataclass
class Migrated:
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)   # table -> (source, target)
    copied: dict[str, int] = field(default_factory=dict)               # rows inserted by this run
    keyword_index: int = 0                                             # passages indexed by this run

    @property
    def verified(self) -> bool:
        return all(s == t for s, t in self.counts.values())

    def lines(self) -> list[str]:
        width = max(len(t) for t in self.counts) if self.counts else 5
        out = [f"{'table':<{width}}  {'source':>9}  {'target':>9}"]
        for table, (source, target) in self.counts.items():
            mark = "" if source == target else "   MISMATCH"
            out.append(f"{table:<{width}}  {source:>9}  {target:>9}{mark}")
        return out


def tables_to_copy(source: Database, target: Database) -> list[str]:
    present = set(source.tables())
    missing = sorted(present - set(target.tables()))
    if missing:
        raise MigrationError(f"{target.name} has no table {', '.join(missing)}: is it an older kabar's database?")
    return [t for t in ORDER if t in present] + sorted(present - set(ORDER))


def migrate(source: Database, target: Database, batch: int = BATCH,
            progress: Callable[[str, int], None] | None = None) -> Migrated:
    """Copy every table of `source` into `target`; `progress(table, rows copied so far)` after each batch."""
    result = Migrated()
    tables = tables_to_copy(source, target)
    for table in tables:
        wanted = set(target.columns(table))
        columns = [c for c in source.columns(table) if c in wanted]
        names = ", ".join(columns)
        select = f"SELECT {names} FROM {table}"
        insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
        done = 0
        if table in WHOLE:
            with target.transaction():
                target.execute(f"DELETE FROM {table}")
                for rows in source.stream(select, (), batch):
                    target.executemany(insert, rows)
                    done += len(rows)
        else:
            insert += " ON CONFLICT DO NOTHING"
            for rows in source.stream(select, (), batch):
                with target.transaction():
                    done += target.executemany(insert, rows)
                if progress:
                    progress(table, done)
        result.copied[table] = done
    if target.dialect == "postgresql":
        from .postgres import reset_sequences

        reset_sequences(target)
    result.keyword_index = target.index_missing_passages(batch, progress)
    if target.dialect == "postgresql":
        target.execute("ANALYZE")   # the planner's statistics for the tables just filled
    for table in tables:
        result.counts[table] = (source.scalar(f"SELECT COUNT(*) FROM {table}"),
                                target.scalar(f"SELECT COUNT(*) FROM {table}"))
    result.counts["keyword index"] = (result.counts.get("passages", (0, 0))[0],
                                      target.scalar("SELECT COUNT(*) FROM passages_fts"))
    return result
