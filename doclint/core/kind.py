"""The Kind protocol: per-document checks, compact facts, and the corpus phase."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable

from doclint.core.finding import CorpusHit, Hit, TextRef

if TYPE_CHECKING:
    from doclint.core.document import Document
    from doclint.core.rule import Rule

# The kind of the meta rules about suppression directives: the engine reports through
# them itself, so it must know the name without importing the family that defines it.
META_KIND = "suppression"


@dataclass(frozen=True)
class Round:
    """A further step of a split corpus phase, which Kind.corpus_wanted may return in
    place of its plan when one pass over the hash ranges is not enough (near-duplicate
    sentences need the run's first occurrences before they count words, and the
    run's frequent words before they compute signatures).

    Each partition that gave facts runs Kind.round_facts on them with `given` and what
    `wanted` asks of its documents (by document number in the run). With `ranges`, every
    such partition cuts its answer into shards and one task per range runs
    Kind.reduce_round on them; without, only the partitions holding a `wanted` document
    run, and their answers come back as they are. `then` runs in the client on the
    results (range results in range order, or partition answers in input order) and
    gives the next Round or, at last, what corpus_wanted gives: the plan and the details
    it needs."""

    name: str
    given: Any
    wanted: dict[int, Any]
    ranges: bool
    then: Callable[[list[Any]], Any]


class Kind:
    """Base class for rule kinds.

    `check(doc)` yields Hits for one document. A kind that needs the whole run also
    returns small picklable `facts(doc)` per document (no document text beyond what
    it must keep) and yields CorpusHits from `check_corpus(facts)`, where `facts` is the
    list of per-document facts in document order. The engine guarantees the same
    results whether documents are processed in one process or several."""

    name: ClassVar[str] = ""

    @dataclass(frozen=True)
    class Options:
        pass

    def __init__(self, rule: "Rule") -> None:
        self.rule = rule
        self.options: Any = rule.options

    def check(self, doc: "Document") -> Iterable[Hit]:
        return ()

    def facts(self, doc: "Document") -> Any:
        return None

    def check_corpus(self, facts: list[Any]) -> Iterable[CorpusHit]:
        return ()

    def quote(self, doc: "Document", ref: TextRef) -> str:
        """The quote of `ref` in `doc` for a CorpusHit that names it in `quote_from`."""
        raise NotImplementedError(f"{type(self).__name__} quotes no text")

    def quotes_later(self) -> bool:
        """Whether this rule's corpus hits may name text to quote (CorpusHit.quote_from)."""
        return False

    # The corpus phase cut into hash ranges, for a cluster (doclint.engine.distributed):
    # a kind whose splits_corpus() is true gives the same hits through these steps as
    # check_corpus() gives from every document's facts at once.
    def splits_corpus(self) -> bool:
        """Whether this rule's corpus phase can run as the steps below."""
        return False

    def shard_facts(self, facts: list[Any], ranges: int) -> tuple[Any, list[Any]]:
        """One partition's facts (documents in order) cut into `ranges` shards, with a
        small summary of them for the client (see corpus_wanted)."""
        raise NotImplementedError(f"{type(self).__name__} does not split its corpus phase")

    def reduce_range(self, shards: list[tuple[int, Any]], documents: int) -> Any:
        """What one range yields from every partition's shard of it, each given with the
        number of documents before its partition, in a run of `documents` documents."""
        raise NotImplementedError(f"{type(self).__name__} does not split its corpus phase")

    def corpus_wanted(self, reduced: list[Any], documents: int,
                      summaries: list[Any]) -> tuple[Any, dict[int, set[int]]] | Round:
        """From every range's result and every partition's summary (in input order): a
        plan for the hits, and what it needs to know of each document (by number in
        the run) to finish them; or a further Round that leads to them."""
        raise NotImplementedError(f"{type(self).__name__} does not split its corpus phase")

    def round_facts(self, name: str, facts: list[Any], first: int, given: Any, wanted: dict[int, Any],
                    ranges: int) -> Any:
        """On a partition, a further Round `name` of the phase: from its facts (documents
        in order, the first numbered `first` in the run) and what the round asks of
        them (`wanted`, by position in `facts`), its `ranges` shards or its answer."""
        raise NotImplementedError(f"{type(self).__name__} splits its corpus phase in one round")

    def reduce_round(self, name: str, shards: list[tuple[int, Any]], documents: int, given: Any) -> Any:
        """reduce_range() for a further Round `name` (its `given` included)."""
        raise NotImplementedError(f"{type(self).__name__} splits its corpus phase in one round")

    def fact_detail(self, details: Any, number: int, fact: Any, wanted: Any) -> tuple[Any, list[TextRef]]:
        """Add what the plan needs of document `number` (its facts: `fact`) to `details`
        (None for a partition's first document); the details so far, and the
        sentences the hits may quote."""
        raise NotImplementedError(f"{type(self).__name__} does not split its corpus phase")

    def finish_corpus(self, plan: Any, details: list[Any]) -> Iterable[CorpusHit]:
        """The hits, from the plan and every partition's details."""
        raise NotImplementedError(f"{type(self).__name__} does not split its corpus phase")

    @classmethod
    def uses_corpus(cls) -> bool:
        return cls.check_corpus is not Kind.check_corpus
