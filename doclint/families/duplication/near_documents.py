"""`near-duplicate-documents` kind: whole documents (JSONL records by default) whose
text nearly repeats an earlier one's, one finding per later copy of a cluster."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from doclint.core.finding import CorpusHit, Location
from doclint.core.kind import Kind
from doclint.core.neardocs import DEFAULT_THRESHOLD, MIN_WORDS, clusters, signature

SCOPES = ("records", "all")


@dataclass(frozen=True)
class DocumentFacts:
    """What one document hands to the corpus phase: its signature and where it is."""

    path: str
    record: str | None
    record_line: int | None
    signature: bytes
    end_line: int
    end_column: int

    @property
    def location(self) -> Location:
        if self.record_line is None:
            return Location(self.path, 1, 1)
        return Location(self.path, self.record_line, 1, self.record, 1, 1)

    @property
    def name(self) -> str:
        if self.record_line is None:
            return self.path
        return f"{self.path}:{self.record_line} (record {self.record})"


class NearDocumentsKind(Kind):
    """Reports a document whose word shingles nearly all repeat an earlier document's
    (estimated Jaccard similarity at least `threshold`), on each later member of a
    cluster, with the first member in `related`. `scope: records` (the default)
    compares JSONL records only; `scope: all` compares files too."""

    name = "near-duplicate-documents"

    @dataclass(frozen=True)
    class Options:
        threshold: float = DEFAULT_THRESHOLD
        min_words: int = MIN_WORDS
        scope: str = "records"

        def __post_init__(self) -> None:
            if not 0.0 < self.threshold <= 1.0:
                raise ValueError("'threshold' must lie above 0 and at most 1")
            if self.min_words < 1:
                raise ValueError("'min-words' must be positive")
            if self.scope not in SCOPES:
                raise ValueError(f"'scope' must be one of {', '.join(SCOPES)}")

    def facts(self, doc) -> DocumentFacts | None:
        if self.options.scope == "records" and doc.record_line is None:
            return None
        value = signature(doc.text, self.options.min_words)
        if value is None:
            return None
        end_line, end_column = doc.position(len(doc.text)) if doc.record_line is None else (doc.record_line, 1)
        return DocumentFacts(doc.path, doc.record, doc.record_line, value, end_line, end_column)

    def check_corpus(self, facts: list) -> Iterable[CorpusHit]:
        docs = [f for f in facts if f is not None]
        return _hits(clusters([d.signature for d in docs], self.options.threshold), docs)

    # The corpus phase by band range on a cluster (see document_ranges).
    def splits_corpus(self) -> bool:
        return True

    def shard_facts(self, facts: list, ranges: int):
        from doclint.families.duplication.document_ranges import shard
        return shard([f for f in facts if f is not None], ranges)

    def reduce_range(self, shards: list, documents: int):
        from doclint.families.duplication.document_ranges import reduce_range
        return reduce_range(shards)

    def corpus_wanted(self, reduced: list, documents: int, summaries: list):
        from doclint.families.duplication.document_ranges import wanted
        return wanted(reduced)

    def fact_detail(self, details, number: int, fact: DocumentFacts, wanted: bool):
        details = {} if details is None else details
        details[number] = fact
        return details, []

    def finish_corpus(self, plan, details: list) -> Iterable[CorpusHit]:
        from doclint.families.duplication.document_ranges import finish
        return _hits(*finish(plan, details, self.options.threshold))


def _hits(groups: list[list[int]], docs) -> Iterator[CorpusHit]:
    """One hit per later member of each group, against its first (`docs`: the facts of
    each document by number)."""
    for group in groups:
        first = docs[group[0]]
        for later in group[1:]:
            doc = docs[later]
            yield CorpusHit(doc.location, doc.end_line, doc.end_column,
                            {"where": first.name, "others": len(group) - 1}, (first.location,))
