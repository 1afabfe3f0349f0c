"""Run rules over documents: a per-document (map) phase, then a corpus (reduce) phase."""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from typing import Any, Iterable, Protocol

from doclint.core.document import Document
from doclint.core.finding import CorpusHit, Finding, Hit
from doclint.core.kind import Kind
from doclint.core.problems import Problem
from doclint.core.rule import Rule
from doclint.core.textmatch import RuleTimeout
from doclint.engine.config import Config
from doclint.engine.quotes import DocumentSource, KeptDocuments, fill_all
from doclint.engine.selection import specificity
from doclint.engine.suppress import (
    apply_suppressions,
    doc_key,
    parse_directives,
    settle_document,
)
from doclint.registry import KINDS, document_language

SNIPPET_LIMIT = 200


class SplitCorpus(Protocol):
    """Runs the corpus phase of some rules elsewhere (see doclint.engine.split_corpus)."""

    split: tuple[str, ...]  # the ids of those rules

    def corpus_hits(self, rule: Rule, kind: Kind) -> tuple[list[CorpusHit], list[Problem]]:
        """The rule's hits with their quotes, and problems met on the way."""
        ...


@dataclass
class DocumentResult:
    """What the map phase returns for one document: plain, picklable data."""

    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # rule id -> that rule's facts
    problems: list[Problem] = field(default_factory=list)
    key: tuple = ("", None)  # the document: path and JSONL record line
    directives: Any = None  # inline suppressions (doclint.engine.suppress.Directives), applied after the corpus phase


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    documents: int = 0
    rules: list[Rule] = field(default_factory=list)


def one_line(message: str) -> str:
    """Messages quote document text, which may span lines; a report line must not."""
    return " ".join(message.split()) if "\n" in message or "\r" in message or "\t" in message else message


def stamp(rule: Rule, doc: Document, hit: Hit) -> Finding:
    """A kind's Hit -> Finding: rule metadata and line/column, computed here, once."""
    start = doc.location(hit.start)
    end_line, end_column = doc.position(hit.end)
    if doc.is_record:
        end_line, end_column = start.line, start.column
    message = one_line(hit.message if hit.message is not None else rule.render(hit.args))
    return Finding(start.path, start.line, start.column, end_line, end_column, rule.id, rule.name,
                   rule.category, rule.severity, message, hit.related, hit.fix, start.record,
                   start.text_line, start.text_column, hit.start, hit.end,
                   doc.text[hit.start:min(hit.end, hit.start + SNIPPET_LIMIT)], start.row_group)


def stamp_corpus(rule: Rule, hit: CorpusHit) -> Finding:
    loc = hit.location
    message = one_line(hit.message if hit.message is not None else rule.render(hit.args))
    return Finding(loc.path, loc.line, loc.column, hit.end_line, hit.end_column, rule.id, rule.name,
                   rule.category, rule.severity, message, hit.related, hit.fix, loc.record,
                   loc.text_line, loc.text_column, hit.start, hit.end, hit.snippet[:SNIPPET_LIMIT],
                   loc.row_group)


def _skipped_notes(doc: Document, limit: int) -> list[Problem]:
    """A note for each prose block left unchecked for its size (see max-block-size)."""
    notes = []
    for block in doc.skipped:
        line, _ = doc.position(block.start)
        inside = f" (line {line} of the record's text)" if doc.is_record else ""
        notes.append(Problem(doc.path, f"{block.kind}{inside} of {block.end - block.start:,} characters "
                             f"is over max-block-size ({limit:,}): not checked", "note",
                             doc.record_line or line))
    return notes


class Engine:
    """Holds the active rules (one kind instance each) and the configuration."""

    def __init__(self, rules: list[Rule], config: Config) -> None:
        self.rules = [r for r in rules if r.enabled]
        self.config = config
        self.kinds: list[tuple[Rule, Kind]] = [(r, KINDS[r.kind](r)) for r in self.rules]

    def rules_for(self, doc: Document) -> list[tuple[Rule, Kind]]:
        """Active rules minus per-file-ignores matching this document's path, and minus rules
        declaring `languages` when the document's detected language is not among them."""
        ignored = [sel for glob, sels in self.config.per_file_ignores.items()
                   if fnmatch.fnmatch(doc.path.replace("\\", "/"), glob)
                   or fnmatch.fnmatch(doc.path.replace("\\", "/"), f"*/{glob}")
                   for sel in sels]
        kinds = self.kinds
        if ignored:
            kinds = [(r, k) for r, k in kinds if all(specificity(s, r) < 0 for s in ignored)]
        if any(r.languages for r, _ in kinds):  # detect the language only when a rule asks
            language = document_language(doc)
            if language is not None:
                kinds = [(r, k) for r, k in kinds if not r.languages or language.matches(r.languages)]
        return kinds

    def check_document(self, doc: Document) -> DocumentResult:
        """The map phase for one document."""
        doc.max_block = self.config.max_block_size  # before anything parses the document
        out = DocumentResult(directives=parse_directives(doc), key=doc_key(doc.path, doc.record_line))
        doc.attributes["languages"] = self.config.languages  # expected languages, for DL501
        for rule, kind in self.rules_for(doc):
            try:
                for hit in kind.check(doc):
                    out.findings.append(stamp(rule, doc, hit))
                if kind.uses_corpus():
                    out.facts[rule.id] = kind.facts(doc)
            except RuleTimeout as exc:
                out.problems.append(Problem(doc.path, f"{rule.id} ({rule.name}): {exc}; rule skipped for this document"))
            except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the run
                out.problems.append(Problem(doc.path, f"{rule.id} ({rule.name}) failed: "
                                            f"{type(exc).__name__}: {exc}"))
        out.problems.extend(_skipped_notes(doc, self.config.max_block_size))
        if out.directives is not None:
            corpus_rules = [r for r, k in self.kinds if k.uses_corpus()]
            out.findings, out.directives = settle_document(out.findings, out.directives, self.rules, corpus_rules)
        return out

    def check_corpus(self, results: Iterable[DocumentResult],
                     source: DocumentSource | None = None) -> tuple[list[Finding], list[Problem]]:
        """The reduce phase: each corpus rule sees its facts from every document, in
        order; the sentences its findings quote are then read from `source`."""
        facts: dict[str, list] = {}
        for result in results:
            for rule_id, fact in result.facts.items():
                facts.setdefault(rule_id, []).append(fact)
        return self._corpus(facts, source)

    def _corpus(self, facts: dict[str, list], source: DocumentSource | None,
                split: SplitCorpus | None = None) -> tuple[list[Finding], list[Problem]]:
        """Each corpus rule over its facts (rule id -> facts in document order, emptied
        as they are read, so that they are freed before documents are read again), or
        through `split` for the rules whose phase it runs elsewhere."""
        hits, problems = [], []
        for rule, kind in self.kinds:
            if not kind.uses_corpus():
                continue
            try:
                if split is not None and rule.id in split.split:
                    got, more = split.corpus_hits(rule, kind)
                    hits.extend((rule.id, hit) for hit in got)
                    problems.extend(more)
                    continue
                hits.extend((rule.id, hit) for hit in kind.check_corpus(facts.pop(rule.id, [])))
            except Exception as exc:  # noqa: BLE001
                problems.append(Problem("<corpus>", f"{rule.id} ({rule.name}) failed: "
                                        f"{type(exc).__name__}: {exc}"))
        hits, unread = fill_all(hits, source, self)
        rules = {rule.id: rule for rule in self.rules}
        return [stamp_corpus(rules[rule_id], hit) for rule_id, hit in hits], unread + problems

    def run(self, documents: Iterable[Document]) -> RunResult:
        """Both phases over documents in memory (kept until their quotes are read)."""
        kept = KeptDocuments()

        def mapped():
            for doc in documents:
                kept.keep(doc)
                yield self.check_document(doc)

        return self.reduce(mapped(), kept)

    def reduce(self, results: Iterable[DocumentResult], source: DocumentSource | None = None,
               split: SplitCorpus | None = None) -> RunResult:
        """Merge per-document results (in document order, from one process or several):
        the corpus phase, then suppressions, then sorting. `source` reads documents
        again for the quotes of corpus findings (see doclint.engine.quotes); `split`
        runs the corpus phase of the rules it names (a cluster, doclint.engine.distributed)."""
        result = RunResult(rules=self.rules)
        facts: dict[str, list] = {}
        directives = {}
        for doc_result in results:
            if doc_result.directives is not None:
                directives[doc_result.key] = doc_result.directives
            result.documents += 1
            result.findings.extend(doc_result.findings)
            result.problems.extend(doc_result.problems)
            for rule_id, fact in doc_result.facts.items():
                facts.setdefault(rule_id, []).append(fact)
        findings, problems = self._corpus(facts, source, split)
        result.findings.extend(findings)
        result.problems.extend(problems)
        if directives:
            result.findings = apply_suppressions(result.findings, directives, self.rules)
        result.findings.sort(key=lambda f: f.sort_key)
        return result
