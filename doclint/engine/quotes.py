"""Quotes for corpus findings, read from their documents once the corpus phase is over.

Corpus facts carry numbers, not text: a corpus hit that quotes a sentence names it
(doclint.core.finding.TextRef) and holds QUOTE_MARK where the quote goes. Only the
few reported sentences are quoted, from their documents read again: from memory when
the documents were checked in memory (Engine.run), from the files for a local run of
files, and by the workers for a Dask run (doclint.engine.distributed)."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Iterator, Protocol

from doclint.core.finding import QUOTE_MARK, CorpusHit, TextRef
from doclint.core.loader import load
from doclint.core.problems import Problem

if TYPE_CHECKING:
    from doclint.core.document import Document

DocKey = tuple[str, "int | None"]  # a document: path as reported, record line or Parquet row
Wanted = tuple[str, TextRef]       # a rule id and the sentence its hit quotes


class DocumentSource(Protocol):
    """Where the documents of a run can be read again, to quote them."""

    def quotes(self, wanted: dict[DocKey, list[Wanted]], engine) -> tuple[dict[Wanted, str], list[Problem]]:
        """The quote of each wanted sentence, and a problem for each document that
        could not be read again."""
        ...


def key_of(ref: TextRef) -> DocKey:
    return (ref.path, ref.record_line)


def quotes_in(engine, doc: "Document", wanted: Iterable[Wanted]) -> dict[Wanted, str]:
    """The wanted quotes of one document, by the kinds of the rules that asked."""
    doc.max_block = engine.config.max_block_size  # parsed as the map phase parsed it
    kinds = {rule.id: kind for rule, kind in engine.kinds}
    return {(rule_id, ref): kinds[rule_id].quote(doc, ref) for rule_id, ref in wanted}


def fill(hit: CorpusHit, quote: str) -> CorpusHit:
    """`hit` with its quote where QUOTE_MARK stood (message, arguments, snippet)."""
    args = {name: value.replace(QUOTE_MARK, quote) if isinstance(value, str) else value
            for name, value in hit.args.items()}
    message = hit.message.replace(QUOTE_MARK, quote) if hit.message is not None else None
    return replace(hit, args=args, message=message, snippet=hit.snippet.replace(QUOTE_MARK, quote),
                   quote_from=None)


def wanted_by_document(pending: Iterable[tuple[str, CorpusHit]]) -> dict[DocKey, list[Wanted]]:
    out: dict[DocKey, list[Wanted]] = {}
    for rule_id, hit in pending:
        out.setdefault(key_of(hit.quote_from), []).append((rule_id, hit.quote_from))
    return out


class KeptDocuments:
    """Documents checked in memory, kept by key until the run's quotes are read."""

    def __init__(self) -> None:
        self.docs: dict[DocKey, Document] = {}

    def keep(self, doc: "Document") -> None:
        self.docs[(doc.path, doc.record_line)] = doc

    def quotes(self, wanted: dict[DocKey, list[Wanted]], engine) -> tuple[dict[Wanted, str], list[Problem]]:
        out: dict[Wanted, str] = {}
        for key, refs in wanted.items():
            out.update(quotes_in(engine, self.docs[key], refs))
        return out, []


class FileDocuments:
    """The files of a local run, read again one at a time (so only one file's text is
    held at once, as in the map phase)."""

    def __init__(self, files: list[str], shown: list[str], text_field: str, id_field: str) -> None:
        self.paths = dict(zip(shown, files))
        self.fields = (text_field, id_field)

    def quotes(self, wanted: dict[DocKey, list[Wanted]], engine) -> tuple[dict[Wanted, str], list[Problem]]:
        by_path: dict[str, set[DocKey]] = {}
        for key in wanted:
            by_path.setdefault(key[0], set()).add(key)
        out: dict[Wanted, str] = {}
        problems = []
        for shown, keys in by_path.items():
            found = 0
            for doc in documents_of(self.paths.get(shown, shown), shown, keys, *self.fields):
                out.update(quotes_in(engine, doc, wanted[(doc.path, doc.record_line)]))
                found += 1
            if found < len(keys):
                problems.append(unreadable(shown))
        return out, problems


def documents_of(path: str, shown: str, keys: set[DocKey], text_field: str, id_field: str,
                 row_groups: list[int] | None = None) -> Iterator["Document"]:
    """The documents of a file (or of some of its Parquet row groups) named in `keys`."""
    for doc in load(path, shown, text_field, id_field, row_groups).handed_out():
        if (doc.path, doc.record_line) in keys:
            yield doc


def unreadable(shown: str) -> Problem:
    return Problem(shown, "changed or unreadable since it was checked: the quotes of its "
                          "cross-document findings are left empty")


def fill_all(hits: list[tuple[str, CorpusHit]], source: DocumentSource | None,
             engine) -> tuple[list[tuple[str, CorpusHit]], list[Problem]]:
    """`hits` (rule id, hit) with every quote read and put in; without a source (or for
    a document that cannot be read again) a quote is left empty."""
    pending = [(rule_id, hit) for rule_id, hit in hits if hit.quote_from is not None]
    if not pending:
        return hits, []
    quotes, problems = source.quotes(wanted_by_document(pending), engine) if source is not None else ({}, [])
    out = [(rule_id, fill(hit, quotes.get((rule_id, hit.quote_from), "")) if hit.quote_from is not None else hit)
           for rule_id, hit in hits]
    return out, problems
