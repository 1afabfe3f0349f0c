"""The corpus phase of the duplicates kind: group fingerprints, find and verify near pairs."""
from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from itertools import chain
from typing import Callable, Iterable, Iterator

from doclint.core.finding import QUOTE_MARK, Applicability, CorpusHit, Edit, Fix, TextRef
from doclint.families.duplication.facts import LOW, SHIFT, DocFacts
from doclint.families.duplication.facts import sentence_tokens as _tokens
from doclint.families.duplication.nearmatch import copy_score, is_cut_copy
from doclint.families.duplication.parallel_text import BOILERPLATE_LEAST, boilerplate_limit, reused
from doclint.families.duplication.sibling_rules import rule_of_sibling_sections

# Runs with fewer comparable sentences than this are grouped in plain Python: importing
# numpy (about 80 ms) would cost more than the work, and start-up matters to hooks.
SMALL_RUN = 20_000


def grouping_for(docs: list[DocFacts]) -> ModuleType:
    """The module that groups this run's sentences: doclint.families.duplication.smallgroups or, for runs of
    SMALL_RUN sentences or more, doclint.families.duplication.minhash (whole-array passes). Both give the
    same groups and candidate pairs."""
    if sum(len(doc.fingerprints) for doc in docs) < SMALL_RUN:
        from doclint.families.duplication import smallgroups
        return smallgroups
    from doclint.families.duplication import minhash
    return minhash


def _hit(docs: list[DocFacts], gid: int, refs: list[int], args: dict, fix: Fix | None = None,
         message: str | None = None) -> CorpusHit:
    doc, index = docs[gid >> SHIFT], gid & LOW
    start, end = doc.spans[2 * index], doc.spans[2 * index + 1]
    end_line, end_column = doc.lines.position(end) if doc.record_line is None else (doc.record_line, 1)
    related = tuple(docs[r >> SHIFT].location(r & LOW) for r in refs)
    ref_doc = docs[refs[0] >> SHIFT]
    # The quote is read from the document after the corpus phase (facts hold no text).
    args = {"quote": QUOTE_MARK, "where": ref_doc.where(refs[0] & LOW, doc), **args}
    return CorpusHit(doc.location(index), end_line, end_column, args, related, fix, message,
                     start, end, QUOTE_MARK, TextRef(doc.path, doc.record_line, start, end,
                                                                 bool(doc.marked[index])))


def _reference(cluster: list[int], at: int, scope: str, docs: list[DocFacts] | None = None,
               homes: dict | None = None) -> int | None:
    """The earlier occurrence a later copy is reported against: the first one in the same
    document when there is one (so the copy can be deleted), else the first overall.
    With `docs`, earlier copies it merely reuses (doclint.families.duplication.parallel_text.reused) do not count;
    `homes` (see _homes) are the run's word counts for that test."""
    gid = cluster[at]
    earlier = cluster[:at]
    if docs is not None:
        earlier = [g for g in earlier if not reused(docs, g, gid, homes=homes)]
        if not earlier or rule_of_sibling_sections(docs, cluster, gid, earlier, homes):
            return None
    same = next((g for g in earlier if g >> SHIFT == gid >> SHIFT), None)
    other = next((g for g in earlier if g >> SHIFT != gid >> SHIFT), None)
    if scope == "document":
        return same
    if scope == "corpus":
        return other
    return same if same is not None else earlier[0]


@dataclass(frozen=True)
class Limits:
    """From how many documents a sentence is boilerplate: in the whole run, and among
    the files of one folder (a service's or a module's pages share their stock
    sentences, which in a run of thousands of files stay under the run's limit).
    0 means never."""

    run: int
    folders: dict[str, int]


def folder_of_facts(doc: DocFacts) -> str | None:
    """The folder of a file; None for a record of a corpus."""
    return None if doc.record_line is not None else doc.path.rpartition("/")[0]


def too_common(cluster: list[int], shape: int, opts, limits: Limits, templates: dict[int, int],
                folder_of: Callable[[int], str | None]) -> bool:
    """Whether a sentence is boilerplate: found in more than `max-documents` documents,
    or in `limits` documents or more (see doclint.families.duplication.parallel_text.boilerplate_limit),
    counting with it the documents that hold it with other numbers (`templates`: the
    number of documents per shape, see template_documents(); `shape`: the cluster's
    shape, 0 for none), or in the folder's limit of documents when all its copies
    stand in the files of one folder (`folder_of`: a document number's folder)."""
    if not opts.max_documents and not limits.run:
        return False
    documents = {g >> SHIFT for g in cluster}
    count = len(documents)
    if shape:
        count = max(count, templates.get(shape, 0))
    if bool(opts.max_documents and count > opts.max_documents) or bool(limits.run and count >= limits.run):
        return True
    folders = {folder_of(d) for d in documents}
    if len(folders) != 1 or None in folders:
        return False
    return 0 < limits.folders.get(folders.pop(), 0) <= len(documents)


def _shape(docs: list[DocFacts], gid: int, templates: dict[int, int]) -> int:
    """The shape of sentence `gid` when template counts are kept, else 0."""
    return docs[gid >> SHIFT].shapes[gid & LOW] if templates else 0


def _folders(docs: list[DocFacts]) -> Callable[[int], str | None]:
    return lambda number: folder_of_facts(docs[number])


def template_documents(docs: list[DocFacts]) -> dict[int, int]:
    """The number of documents that hold each shape of a sentence with numbers."""
    counts: dict[int, int] = {}
    for doc in docs:
        for shape in set(doc.shapes):
            if shape:
                counts[shape] = counts.get(shape, 0) + 1
    return counts


def _homes(opts) -> dict | None:
    """The word counts per document that across_files.at_home fills during a run, or
    None when every copy in another file is reported (`copies-across: all`)."""
    return {} if opts.copies_across == "misplaced" else None


def _limits(docs: list[DocFacts], opts) -> Limits:
    sizes: dict[str, int] = {}
    for doc in docs:
        folder = folder_of_facts(doc)
        if folder is not None:
            sizes[folder] = sizes.get(folder, 0) + 1
    return limits_of(len(docs), sizes, opts)


def limits_of(documents: int, sizes: dict[str, int], opts) -> Limits:
    """The limits of a run of `documents` documents, `sizes` of them per folder."""
    share = opts.boilerplate_share
    return Limits(boilerplate_limit(documents, share, BOILERPLATE_LEAST),
                  {folder: boilerplate_limit(size, share, BOILERPLATE_LEAST) for folder, size in sizes.items()})


def _scoped(gids: list[int], scope: str) -> bool:
    """Whether a group of occurrences holds a pair of the scope's kind."""
    docs = [g >> SHIFT for g in gids]
    if scope == "document":
        return len(set(docs)) < len(docs)
    if scope == "corpus":
        return len(set(docs)) > 1
    return len(gids) > 1


def reduce_exact(docs: list[DocFacts], opts) -> Iterator[CorpusHit]:
    limits = _limits(docs, opts)
    templates = template_documents(docs) if limits.run else {}
    kept = []
    for cluster in grouping_for(docs).clusters(docs)[1]:
        cluster = kept_cluster(cluster, opts, limits, docs)
        if cluster is not None and not too_common(cluster, _shape(docs, cluster[0], templates), opts,
                                                   limits, templates, _folders(docs)):
            kept.append(cluster)
    return report_exact(docs, kept, opts)


def kept_cluster(cluster: list[int], opts, limits: Limits, docs) -> list[int] | None:
    """`cluster` (the copies of one sentence) without the copies that are a document's
    structure, or None when fewer than two are left, when they stand in too many
    documents of the run by their own count (boilerplate; the template count of
    their shape and the folder test are the caller's) or when they hold no pair of
    the rule's scope. Reads only the block numbers of the copies in `docs`, so it can
    run where the fingerprints of one hash range meet."""
    cluster = _without_templates(cluster, opts.template_from, docs)
    if len(cluster) < 2 or too_common(cluster, 0, opts, Limits(limits.run, {}), {}, lambda number: None) \
            or not _scoped(cluster, opts.scope):
        return None
    return cluster


def report_exact(docs, clusters: list[list[int]], opts) -> Iterator[CorpusHit]:
    """The findings of the exact mode from the clusters that are neither templates nor
    boilerplate, in order of first occurrence. `docs` gives the facts of each document
    by number: a list, or (on a cluster) the facts around the clustered sentences."""
    found, homes = [], _homes(opts)
    for cluster in clusters:
        slips = [(at, ref) for at in range(1, len(cluster))
                 if (ref := _reference(cluster, at, opts.scope, docs, homes)) is not None]
        if slips:
            found.append((cluster, slips))
    shared = shared_between(((cluster[at], ref) for cluster, slips in found for at, ref in slips),
                            opts.reused_from)
    pairs = {(cluster[at], ref) for cluster, slips in found for at, ref in slips}
    for cluster, slips in found:
        # A copy whose sentence before was copied with it from the sentence before the
        # original is part of one pasted passage: the first sentence reports it.
        slips = [(at, ref) for at, ref in slips if not _reuse(shared, cluster[at], ref)
                 and (cluster[at] - 1, ref - 1) not in pairs]
        if not slips:
            continue
        # A sentence repeated many times is a template step or boilerplate: one finding
        # with every copy in `related` says so without burying the run in copies.
        if opts.group or (opts.group_from and len(cluster) >= opts.group_from):
            count = len({g >> SHIFT for g in cluster})
            yield _hit(docs, cluster[0], cluster[1:], {"count": len(cluster), "documents": count},
                       message=f"Sentence occurs {len(cluster)} times in {count} document(s): "
                               f"\"{QUOTE_MARK}\"")
            continue
        for at, ref in slips:
            yield _hit(docs, cluster[at], [ref], {"count": len(cluster)}, _deletion(docs, cluster[at], ref))


# Copies of one sentence in one paragraph from which they are a refrain ("Must Congress
# protect slavery in the Territories? The Constitution does not expressly say.").
REFRAIN = 3


def _without_templates(cluster: list[int], least: int, docs: list[DocFacts]) -> list[int]:
    """`cluster` without the copies in documents that hold `least` or more of them: a
    sentence written that often in one document is how that document is built (a
    template step, the same rule under each field), not a slip; nor is a sentence
    written REFRAIN times in one paragraph (an orator's refrain). Copies elsewhere
    still count. `least` 0 keeps every copy."""
    if not least or len(cluster) < min(least, REFRAIN):
        return cluster
    def paragraph(gid: int) -> tuple[int, int]:
        blocks = docs[gid >> SHIFT].blocks
        return gid >> SHIFT, (blocks[gid & LOW] if blocks else -1)

    counts: dict[int, int] = {}
    paragraphs: dict[tuple[int, int], int] = {}
    for gid in cluster:
        counts[gid >> SHIFT] = counts.get(gid >> SHIFT, 0) + 1
        paragraphs[paragraph(gid)] = paragraphs.get(paragraph(gid), 0) + 1
    if max(counts.values()) < least and max(paragraphs.values()) < REFRAIN:
        return cluster
    return [gid for gid in cluster if counts[gid >> SHIFT] < least and paragraphs[paragraph(gid)] < REFRAIN]


def shared_between(pairs: Iterable[tuple[int, int]], least: int) -> set[tuple[int, int]]:
    """The pairs of documents (numbers, lower first) between which `least` or more of
    the copies `pairs` (global sentence numbers) stand: documents written from one
    another (a template and a page made from it, a glossary and its chapters), whose
    shared sentences are reuse rather than slips. Empty when `least` is 0."""
    if not least:
        return set()
    counts: dict[tuple[int, int], int] = {}
    for a, b in pairs:
        doc_a, doc_b = a >> SHIFT, b >> SHIFT
        if doc_a != doc_b:
            key = (min(doc_a, doc_b), max(doc_a, doc_b))
            counts[key] = counts.get(key, 0) + 1
    return {key for key, count in counts.items() if count >= least}


def _reuse(shared: set[tuple[int, int]], a: int, b: int) -> bool:
    doc_a, doc_b = a >> SHIFT, b >> SHIFT
    return (min(doc_a, doc_b), max(doc_a, doc_b)) in shared


def _deletion(docs: list[DocFacts], gid: int, ref: int) -> Fix | None:
    if gid >> SHIFT != ref >> SHIFT:
        return None
    cut_start, cut_end = docs[gid >> SHIFT].deletions.get(gid & LOW, (0, 0))
    if cut_end <= cut_start:
        return None
    return Fix("Delete the repeated sentence", (Edit(cut_start, cut_end),), Applicability.UNSAFE)


def reduce_near(docs: list[DocFacts], opts) -> Iterator[CorpusHit]:
    """Near duplicates among unique sentences: MinHash LSH candidates verified by
    word-level similarity, and cut-off copies found by their first words; each is
    reported on the later sentence against its best match."""
    grouping = grouping_for(docs)
    firsts, repeated = grouping.clusters(docs)
    if len(firsts) < 2:
        return
    limits = _limits(docs, opts)
    templates = template_documents(docs) if limits.run else {}
    common = {cluster[0] for cluster in repeated
              if too_common(cluster, _shape(docs, cluster[0], templates), opts, limits, templates, _folders(docs))}
    near, cut = grouping.near_candidates(docs, firsts, opts.cutoff)
    exact = ((cluster[at], cluster[0]) for cluster in repeated for at in range(1, len(cluster)))
    yield from report_near(docs, common, [(firsts[i], firsts[j]) for i, j in near],
                           [(firsts[i], firsts[j]) for i, j in cut], exact, opts)


def report_near(docs, common: set[int], near: list[tuple[int, int]], cut: list[tuple[int, int]],
                exact: Iterable[tuple[int, int]], opts) -> Iterator[CorpusHit]:
    """The findings of the near mode from the candidate pairs of first occurrences
    (global numbers, sorted): `near` those that share a MinHash band, `cut` those that
    begin with the same words; `common` holds the first occurrences of boilerplate,
    `exact` the pairs (copy, first occurrence) of every repeated sentence. `docs` gives
    the facts of each document by number: a list, or (on a cluster) the facts around
    the sentences of the pairs."""
    best: dict[int, tuple[float, int, str]] = {}
    homes = _homes(opts)
    least = opts.near_min_words
    for a, b in near:
        a, b = _pair(a, b, common, opts.scope)
        if a is not None and min(len(_tokens(docs, a)), len(_tokens(docs, b))) >= least \
                and not reused(docs, a, b, exact=False, homes=homes):
            score = copy_score(_tokens(docs, a), _tokens(docs, b), opts.cutoff)
            if score > best.get(b, (0.0,))[0]:
                best[b] = (score, a, f"{score:.0%} similar")
    for a, b in cut:
        a, b = _pair(a, b, common, opts.scope)
        if a is None or b in best or reused(docs, a, b, exact=False, homes=homes) \
                or not is_cut_copy(_tokens(docs, a), _tokens(docs, b)):
            continue
        b_shorter = len(_tokens(docs, b)) < len(_tokens(docs, a))
        if not _ended(docs, b if b_shorter else a):  # a complete sentence may begin a longer one
            best[b] = (opts.cutoff, a, "a cut-off copy" if b_shorter else "which is a cut-off copy of it")
    shared = shared_between(chain(exact, ((b, a) for b, (_, a, _) in best.items())), opts.reused_from)
    best = {b: value for b, value in best.items() if not _reuse(shared, b, value[1])}
    if opts.group:
        yield from _near_groups(docs, best)
        return
    for b in sorted(best):
        score, a, detail = best[b]
        yield _hit(docs, b, [a], {"similarity": f"{score:.0%}", "detail": detail})


def _pair(a: int, b: int, common: set[int], scope: str) -> tuple[int | None, int]:
    """The pair in order, or (None, b) when boilerplate or out of scope."""
    if a in common or b in common:
        return None, b
    same_doc = a >> SHIFT == b >> SHIFT
    if (scope == "document" and not same_doc) or (scope == "corpus" and same_doc):
        return None, b
    return a, b


def _near_groups(docs: list[DocFacts], best: dict[int, tuple[float, int, str]]) -> Iterator[CorpusHit]:
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for b, (_, a, _) in best.items():
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for gid in set(best) | {v[1] for v in best.values()}:
        groups.setdefault(root(gid), []).append(gid)
    for head in sorted(groups):
        members = sorted(groups[head])
        yield _hit(docs, members[0], members[1:], {"count": len(members)},
                   message=f"{len(members)} nearly identical sentences: \"{QUOTE_MARK}\"")


def _ended(docs: list[DocFacts], gid: int) -> bool:
    return bool(docs[gid >> SHIFT].ended[gid & LOW])
