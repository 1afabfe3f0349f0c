"""A file's documents are let go one by one as they are checked, not when the file is done."""
from __future__ import annotations

import gc
import json
import weakref

from doclint.core.loader import load
from doclint.engine.config import configured_rules, load_config
from doclint.engine.phases import Engine


def test_a_checked_document_is_freed_before_the_next_one_is_checked(tmp_path) -> None:
    path = tmp_path / "corpus.jsonl"
    rows = [{"id": f"r{n}", "text": f"Record {n} says the release ships on a Monday. It ships late."} for n in range(3)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    loaded = load_config(None, str(tmp_path))
    engine = Engine(configured_rules(loaded, ["DL201", "truncation"]), loaded.config)
    got = load(str(path), "corpus.jsonl")
    alive = [weakref.ref(doc) for doc in got.documents]
    handed = got.handed_out()
    first = next(handed)
    engine.check_document(first)
    assert first.attributes  # the rules cached their work on it
    del first
    second = next(handed)
    gc.collect()
    assert alive[0]() is None and alive[1]() is second
    assert [doc.record for doc in [second, *handed]] == ["r1", "r2"]
