"""The exact-duplicate corpus phase cut into hash ranges (as a cluster runs it) reports
what the whole-run phase reports: boilerplate, template lines, parallel sections,
copied runs, fixes and quotes included."""
from __future__ import annotations

import dataclasses
import json
import random
from array import array

import numpy as np
import pytest

from doclint.api import document_from_text
from doclint.core.loader import load
from doclint.core.options import build_options
from doclint.engine.config import configured_rules, load_config
from doclint.engine.phases import Engine
from doclint.engine.split_corpus import (SplitRule, details_in, facts_again, read_shard, settled, spill, spill_shards,
                                         split_facts, unspill)
from doclint.families.duplication import fingerprint as fp
from doclint.families.duplication.facts import sentence_tokens
from doclint.families.duplication.window import NEIGHBOURS, Rows, Windows
from doclint.registry import KINDS

FOOTER = "Questions about this page go to the documentation team on the usual channel."
REFRAIN = "We shall keep the mirror running through the night and the morning."
SIGNED = "Each release is signed with the project key before it is published."
RUN = ["The importer reads every record of the export in one pass.",
       "Records without an owner are set aside for a second look.",
       "A summary of the skipped records is written to the log at the end."]
TOPICS = ("installing", "upgrading", "backups", "monitoring", "billing", "permissions", "webhooks",
          "snapshots", "mirrors", "tokens", "quotas", "logging")
WORDS = ("the cache keeps each shard of the index for later queries while the worker "
         "sends a report to the scheduler after every finished batch of documents").split()


def page(rng: random.Random, n: int, earlier: list[str]) -> str:
    """A Markdown page: sections with sentences of shuffled words, now and then a copy
    (within the page, of an earlier page or of a shared sentence), a versioned template line, a copied
    run of three, parallel list entries and, on some pages, a footer."""
    parts = [f"# {rng.choice(TOPICS).capitalize()} {n}"]
    for section in range(3):
        # Sibling headings (sharing a word) on some pages: their copies are structure.
        parts.append(f"## {rng.choice(TOPICS).capitalize()} settings" if n % 4 == 1 else f"## {rng.choice(TOPICS)}")
        sentences = [" ".join(rng.sample(WORDS, 9)).capitalize() + "." for _ in range(rng.randint(2, 4))]
        if rng.random() < 0.3:
            sentences.append(SIGNED)
        if rng.random() < 0.2:
            sentences.append(sentences[0])
        if earlier and rng.random() < 0.2:  # copied from another page
            sentences.insert(1, rng.choice(earlier))
        earlier.append(sentences[0])
        parts.append(" ".join(sentences))
        if rng.random() < 0.25:
            parts.append(f"This policy was introduced in version 3.{rng.randint(1, 30)} of the tool.")
    if n in (7, 31):  # a passage of three sentences reused on two pages
        parts.append(" ".join(RUN))
    if n in (11, 23):  # a refrain: three times in one paragraph, not a slip
        parts.append(" ".join([REFRAIN] * 3))
    if n in (13, 29):  # three times in three paragraphs of one page: slips
        parts[2:2] = [f"{REFRAIN} {extra}" for extra in RUN]
    if rng.random() < 0.3:
        parts.append("- Enabled by default if the cache folder is set.\n\ntext\n\n"
                     "- Enabled by default if the cache folder is set.")
    if n % 3 == 0:
        parts.append(FOOTER)
    return "\n\n".join(parts) + "\n"


def documents(seed: int, count: int, folder=None) -> list:
    """Markdown pages as files, or (with `folder`) as the records of a JSONL file there."""
    rng, earlier = random.Random(seed), []
    pages = [page(rng, n, earlier) for n in range(count)]
    if folder is None:
        return [document_from_text(f"docs/page-{n:03}.md", text) for n, text in enumerate(pages)]
    path = folder / "pages.jsonl"
    path.write_text("".join(json.dumps({"id": f"p{n}", "text": text}) + "\n" for n, text in enumerate(pages)),
                    encoding="utf-8")
    return load(str(path), "pages.jsonl").documents


def engine(tmp_path, rule_id: str = "DL201", **options) -> Engine:
    loaded = load_config(None, str(tmp_path))
    rules = [rule for rule in configured_rules(loaded, [rule_id]) if rule.enabled]
    if options:
        [base] = rules
        raw = dict(base.raw_options) | {k.replace("_", "-"): v for k, v in options.items()}
        rules = [dataclasses.replace(base, options=build_options(KINDS[base.kind].Options, raw, "test", base.id))]
    return Engine(rules, loaded.config)


def split_run(runner: Engine, docs: list, parts: int, ranges: int, folder=None):
    """What a cluster does, in this process: map tasks over `parts` partitions (their
    facts spilled to `folder`, if given), a task per range, details and quotes from
    the partitions read again."""
    cut = [docs[len(docs) * at // parts:len(docs) * (at + 1) // parts] for at in range(parts)]
    results, holders, shards, spilled = [], [], [], []
    [(only, _)] = runner.kinds
    for at, part in enumerate(cut):
        mapped = [runner.check_document(doc) for doc in part]
        held, shard, kept = split_facts(runner, mapped, (only.id,), ranges)
        results.extend(mapped)
        holders.append(held)
        shards.append(shard)
        spilled.append(spill(str(folder), f"part-{at}", kept) if folder else None)

    def run_round(kind, rule_split: SplitRule, step) -> list:
        """A further round (Kind.corpus_wanted's Round) on the partitions and ranges."""
        asked = rule_split.round_wanted(step.wanted)
        outs = {}
        for at in rule_split.parts:
            if step.ranges or at in asked:
                facts = unspill(spilled[at], only.id)
                if facts is None:
                    facts = facts_again(runner, only.id, cut[at], rule_split.positions[at])
                outs[at] = kind.round_facts(step.name, facts, rule_split.offsets[at], step.given,
                                            asked.get(at, {}), ranges)
        if not step.ranges:
            return [outs[at] for at in sorted(outs)]
        return [kind.reduce_round(step.name, [(rule_split.offsets[at], outs[at][r]) for at in sorted(outs)],
                                  rule_split.documents, step.given) for r in range(ranges)]

    class Split:
        split = (only.id,)

        def corpus_hits(self, rule, kind):
            rule_split = SplitRule(rule.id, holders)
            reduced = [kind.reduce_range([(rule_split.offsets[at], shards[at][rule.id][r])
                                          for at in rule_split.parts], rule_split.documents)
                       for r in range(ranges)]
            got = kind.corpus_wanted(reduced, rule_split.documents, rule_split.summaries)
            plan, needed = settled(got, lambda step: run_round(kind, rule_split, step))
            details, quotes = [], {}
            for at, wanted in rule_split.by_partition(needed).items():
                facts = unspill(spilled[at], rule.id)
                assert (facts is not None) == bool(folder)
                got, got_quotes, found = details_in(runner, rule.id, cut[at], wanted, facts)
                assert found == len(wanted)
                details.append(got)
                quotes.update(got_quotes)
            return list(rule_split.filled(kind.finish_corpus(plan, details), quotes)), []

    return runner.reduce(results, None, Split())


@pytest.mark.parametrize(("parts", "ranges", "spilled", "records"),
                         [(1, 1, False, False), (3, 2, True, False), (4, 5, False, True), (3, 3, True, True)])
def test_ranges_report_what_the_whole_run_reports(tmp_path, parts, ranges, spilled, records) -> None:
    runner = engine(tmp_path)
    folder = tmp_path if records else None
    local = runner.run(documents(3, 60, folder)).findings
    split = split_run(runner, documents(3, 60, folder), parts, ranges, tmp_path / "spill" if spilled else None).findings
    assert len(local) > 10
    assert any(f.fix is not None for f in local)  # a copy within a page: the delete fix
    # Records share sentences across the run (pages use each other's words, so most
    # copies in another page belong there: across_files.at_home).
    assert any(f.related and (f.related[0].path, f.related[0].record) != (f.path, f.record) for f in local) \
        or not records
    assert all(FOOTER[:30] not in f.message for f in local)  # boilerplate on 20 of 60 pages
    assert all("policy was introduced" not in f.message for f in local)  # a template line
    refrains = {f.record or f.path for f in local if "shall keep the mirror" in f.message}
    assert refrains and not refrains & {"docs/page-011.md", "docs/page-023.md", "p11", "p23"}
    assert split == local


def test_windows_hold_the_neighbours_and_nothing_else(tmp_path) -> None:
    runner = engine(tmp_path)
    doc = documents(5, 1, tmp_path)[0]  # a record: a file is kept whole (see the next test)
    [(_, kind)] = runner.kinds
    facts = kind.facts(doc)
    rows = Rows()
    chosen = NEIGHBOURS + 1  # its rows 1 to 2 * NEIGHBOURS + 1 are kept, row 0 is not
    kept = range(1, 2 * NEIGHBOURS + 2)
    assert len(facts.fingerprints) > kept[-1]
    rows.add(7, facts, {chosen})
    windows = Windows([rows])
    near = windows[7]
    assert windows[7] is near  # one view a document: `is` tells documents apart
    assert len(near.fingerprints) == len(facts.fingerprints)
    assert [near.fingerprints[j] for j in kept] == [facts.fingerprints[j] for j in kept]
    with pytest.raises(KeyError):
        near.fingerprints[0]
    assert [near.spans[k] for k in range(2 * kept[0], 2 * kept[-1] + 2)] == \
        list(facts.spans[2 * kept[0]:2 * kept[-1] + 2])
    assert near.location(chosen) == facts.location(chosen)
    assert near.where(chosen, near) == facts.where(chosen, facts)
    assert [near.blocks[j] for j in kept] == [facts.blocks[j] for j in kept]
    for j in kept:
        bounds = slice(near.starts[j], near.starts[j + 1])
        assert near.tokens[bounds] == facts.tokens[bounds]
    assert near.deletions == {i: span for i, span in facts.deletions.items() if i == chosen}
    with pytest.raises(KeyError):
        list(near.tokens)


def test_a_file_or_copies_in_two_sections_keep_the_whole_document(tmp_path) -> None:
    """Whether a copy in another file belongs there counts the words of the whole
    file, and copies in two sections of one document compare those sections."""
    runner = engine(tmp_path)
    [(_, kind)] = runner.kinds
    page = kind.facts(documents(5, 1)[0])
    rows = Rows()
    rows.add(0, page, {3})
    whole = Windows([rows])[0]
    assert list(whole.tokens) == list(page.tokens) and list(whole.sections) == list(page.sections)
    record = kind.facts(documents(5, 1, tmp_path)[0])
    two = [i for i in range(len(record.sections)) if record.sections[i] != record.sections[0]][:1] + [0]
    rows = Rows()
    rows.add(0, record, two)
    assert list(Windows([rows])[0].fingerprints) == list(record.fingerprints)


def test_a_range_returns_only_repeated_sentences(tmp_path) -> None:
    runner = engine(tmp_path)
    docs = documents(3, 30)
    mapped = [runner.check_document(doc) for doc in docs]
    holders, shards, _ = split_facts(runner, mapped, ("DL201",), 2)
    assert all("DL201" not in result.facts for result in mapped)  # the facts stay with the shards
    [(_, kind)] = runner.kinds
    total = sum(len(s.prints) for s in shards["DL201"])
    reduced = [kind.reduce_range([(0, shards["DL201"][r])], len(holders["DL201"][0])) for r in range(2)]
    members = sum(len(cluster) for part in reduced for _, cluster, _ in part.clusters)
    assert 0 < members < total / 4
    # "This policy was introduced in version 3.N": one shape on many pages, boilerplate.
    assert any(part.templates for part in reduced)


def test_spilled_facts_missing_are_worked_out_again(tmp_path) -> None:
    path = spill(str(tmp_path / "spill"), "part-0", {"DL201": ["facts"]})
    assert unspill(path, "DL201") == ["facts"] and unspill(path, "DL999") is None
    (tmp_path / "spill" / "part-0-DL201.pickle").unlink()
    assert unspill(path, "DL201") is None and unspill(None, "DL201") is None
    (tmp_path / "blocked").write_text("a file where the folder would go", encoding="utf-8")
    assert spill(str(tmp_path / "blocked"), "part-0", {}) is None


def test_spilled_shards_read_back_or_stay_in_memory(tmp_path) -> None:
    """A round's shards go to files, one per range; where they cannot be written the
    round task keeps them in its result (spill_shards gives None)."""
    shards = [np.arange(3, dtype=np.uint32), np.empty(0, np.uint32)]
    spilled = spill_shards(str(tmp_path / "spill" / "DL202-keys"), "part-0", shards, "tcp://w:1")
    assert [s.worker for s in spilled] == ["tcp://w:1"] * 2
    assert [read_shard(s.path).tolist() for s in spilled] == [[0, 1, 2], []]
    (tmp_path / "blocked").write_text("a file where the folder would go", encoding="utf-8")
    assert spill_shards(str(tmp_path / "blocked"), "part-0", shards, None) is None
    with pytest.raises(OSError):
        read_shard(str(tmp_path / "spill" / "missing.pickle"))


def test_boilerplate_of_one_folder_is_told_from_the_folder_sizes(tmp_path) -> None:
    """A sentence on five of the twenty pages of one folder is that folder's stock
    sentence, though under the run's limit (a tenth of 60 pages: 6)."""
    runner = engine(tmp_path, boilerplate_share=0.1)
    stock = "Vendors quarantine obsolete telemetry dashboards quarterly during audits."
    rng, earlier, docs = random.Random(9), [], []
    for n in range(60):
        text = page(rng, n, earlier) + (f"\n{stock}\n" if n % 20 < 5 and n < 20 else "")
        docs.append(document_from_text(f"{'ab'[n // 20 % 2]}{n // 40}/page-{n:03}.md", text))
    local = runner.run(docs).findings
    assert local and all("obsolete telemetry" not in f.message for f in local)
    assert split_run(runner, docs, 3, 2).findings == local


LEXICON = sorted(set(WORDS) | set(TOPICS) | set(" ".join(RUN + [FOOTER, REFRAIN, SIGNED]).lower().rstrip(".").split()))


def near_records(folder, seed: int = 4) -> list:
    """JSONL records for near-duplicate documents (DL205): chains of copies, each one
    word off the one before (its ends too far apart to be near by themselves), half
    copies that may share a band without being near, more identical copies than a
    band bucket takes (boilerplate: no pair is compared), and records too short to
    compare, which the numbering of documents skips."""
    rng = random.Random(seed)

    def text(words: int = 90) -> list[str]:
        return [rng.choice(LEXICON) for _ in range(words)]

    rows = []
    for chain in range(6):
        words = text()
        rows.append(words[:])
        for step in range(3):
            words[15 + 25 * step] = rng.choice(LEXICON) + "x"
            rows.append(words[:])
        rows.append(words[:45] + text(45))  # half of the chain's last text
        rows.append(["short", "record"] * (chain + 1))
    stock = text()
    rows.extend(stock[:] for _ in range(70))
    rows.extend(text() for _ in range(30))
    rng.shuffle(rows)
    path = folder / "near.jsonl"
    path.write_text("".join(json.dumps({"id": f"r{n}", "text": " ".join(words).capitalize() + "."}) + "\n"
                            for n, words in enumerate(rows)), encoding="utf-8")
    return load(str(path), "near.jsonl").documents


@pytest.mark.parametrize(("parts", "ranges"), [(1, 1), (3, 4), (5, 2)])
def test_near_duplicate_documents_by_band_range_equal_the_whole_run(tmp_path, parts, ranges) -> None:
    runner = engine(tmp_path, "DL205")
    local = runner.run(near_records(tmp_path)).findings
    # Each chain of four is one group (three findings), whose first and last texts
    # are too far apart to be near by themselves; the 70 identical copies fill every
    # band bucket past its limit, so none of them is reported.
    assert len(local) == 18 and {f.message.rsplit("of ", 1)[1] for f in local} == {"3 later near copies)"}
    assert split_run(runner, near_records(tmp_path), parts, ranges).findings == local


def test_a_band_range_returns_only_candidate_pairs(tmp_path) -> None:
    runner = engine(tmp_path, "DL205")
    mapped = [runner.check_document(doc) for doc in near_records(tmp_path)]
    holders, shards, _ = split_facts(runner, mapped, ("DL205",), 3)
    [(_, kind)] = runner.kinds
    documents = len(holders["DL205"][0])
    assert documents == 6 * 5 + 70 + 30  # the short records give no facts
    pairs = [kind.reduce_range([(0, shards["DL205"][r])], documents) for r in range(3)]
    plan, needed = kind.corpus_wanted(pairs, documents, [None])
    # The chains' pairs (and a few half copies), never the 70 copies of one text.
    assert 18 <= len(plan.pairs) < 60 and len(needed) < 40


def test_a_restated_lead_and_closing_remarks_split_as_the_whole_run(tmp_path) -> None:
    # Structure read from the first sentences of a page (its lead) and from the end of
    # sibling sections (their tails) must reach the ranges' windows as the whole run sees it.
    pages = []
    for n, (noun, place) in enumerate(zip(("owner", "version", "licence", "source", "layout", "runtime"),
                                          ("archive", "mirror", "folder", "branch", "bucket", "vault"))):
        lead = f"Get the {noun} property from a target of the project."
        remark = f"You can then enter the {place} by changing to the directory the command made."
        synopsis = "```\nget_target_property(VAR target property)\n```\n\n" if n % 2 else ""
        body = f"{lead}  The value is stored in the variable you name.\n\n"
        steps = (["Install the command line tool and sign in with your account."],
                 ["There are two kinds of address that a clone can use.",
                  "An address over a secure shell needs a key your account knows."])
        walk = "".join(f"## Clone way {k}\n\n" + "".join(f"{step}\n\n" for step in steps[k]) + f"{remark}\n\n"
                       for k in range(2))
        pages.append(document_from_text(f"docs/p{n}.md", f"# Page {n}\n\n{lead}\n\n{synopsis}{body}{walk}"))
    runner = engine(tmp_path)
    local = runner.run(pages).findings
    again = [document_from_text(d.path, d.text) for d in pages]
    assert split_run(runner, again, 3, 2).findings == local
    # The lead restated after a synopsis is the page's summary; without one it is a slip.
    assert sorted(f.path for f in local if "Get the" in f.message) == ["docs/p0.md", "docs/p2.md", "docs/p4.md"]
    assert not [f for f in local if "You can then enter" in f.message]  # closing remarks


def test_entries_of_synopses_titles_and_items_split_as_the_whole_run(tmp_path) -> None:
    # What each sentence's block says of its entry (its place after a synopsis, a
    # paragraph going on with a list item) and a title's kind (an API entry's) must
    # reach the ranges' windows as the whole run sees them.
    pages = []
    for n, (verb, thing) in enumerate(zip(("Converts", "Splits", "Joins", "Reads", "Writes", "Checks"),
                                          ("archive", "mirror", "folder", "branch", "bucket", "vault"))):
        remark = "When the NORMALIZE option is specified, the path is normalized before the conversion."
        says = (f"{verb} the {thing} of the project into parts.", "Turns a search path such as the PATH "
                f"variable into a list of {n} entries.")
        entries = "".join(f"```\npath({verb.upper()}_{k} <var>)\n```\n\n{says[k]}\n\n{remark}\n\n" for k in range(2))
        note = "This is a potentially backward-incompatible change; see above for more information."
        changes = (f"The {thing} log is now kept for {n + 2} days by default.",
                   "Output from the status command now tells a detached HEAD apart from a branch.")
        items = "".join(f"* {change}\n\n  {note}\n\n" for change in changes)
        guide = "Do not rely on the content or format of the extended information, which may change."
        api = f"## Return values\n\n{guide}\n\n### `path_{thing}_info`\n\nReturns the {thing} info.\n\n{guide}\n\n"
        slip = f"The {thing} tool keeps one cache per user in the home folder." if n % 2 else ""
        pages.append(document_from_text(f"docs/p{n}.md",
                                        f"# Page {n}\n\n{slip}\n\n{entries}{items}{api}## Notes\n\n{slip}\n"))
    runner = engine(tmp_path)
    local = runner.run(pages).findings
    again = [document_from_text(d.path, d.text) for d in pages]
    assert split_run(runner, again, 3, 2).findings == local
    assert sorted(f.path for f in local) == ["docs/p1.md", "docs/p3.md", "docs/p5.md"]  # the slips only


# Near-duplicate sentences (DL202): their phase takes four rounds on a cluster
# (doclint.families.duplication.near_ranges), each compared here with the whole run.
SYLLABLES = ("ka", "lo", "mer", "ti", "sun", "dra", "vel", "po", "rin", "gat", "shu", "ne", "bor", "fi")
# Words in about one sentence of twenty: frequent in a run of a few hundred sentences
# (more than lsh.FREQUENT_MIN times), but not in a quarter of it.
STOCK = ("cluster", "backup", "replica", "volume", "quorum", "snapshot")
STOCK_CODES = [code for word in STOCK for code in fp.hashes([word])]


def near_pages(seed: int, count: int, folder=None) -> list:
    """Markdown pages (or, with `folder`, JSONL records) of sentences of rare words,
    some holding a frequent word, with near copies: within a page (a word dropped, two
    neighbours swapped, an article added, the copy cut off) and chains of copies
    across pages, each one word off the one before."""
    rng = random.Random(seed)
    lexicon = sorted({"".join(rng.sample(SYLLABLES, 3)) for _ in range(3000)})

    def sentence(words: int) -> list[str]:
        out = [rng.choice(lexicon) for _ in range(words)]
        if rng.random() < 0.3:
            out[rng.randrange(words)] = rng.choice(STOCK)
        return ["the"] + out

    def edited(words: list[str], ways=("drop", "swap", "article", "cut")) -> list[str]:
        words, at = words[:], rng.randrange(2, len(words) - 1)
        how = rng.choice(ways)
        if how == "drop":
            del words[at]
        elif how == "swap":
            words[at], words[at + 1] = words[at + 1], words[at]
        elif how == "article":
            words.insert(at, "a")
        else:
            words = words[:len(words) - 3]
        return words

    chains = [sentence(16) for _ in range(4)]
    pages, written, crowd = [], {}, sentence(15)
    for n in range(count):
        paragraphs = []
        for _ in range(3):
            sentences = [sentence(rng.randint(8, 13)) for _ in range(4)]
            if n % 5 == 0:  # the next link of a chain: one slip off the last one
                at = rng.randrange(len(chains))
                chains[at] = edited(chains[at], ("drop", "swap", "article"))
                sentences.append(chains[at])
                if n and not paragraphs:  # and a sentence of the page five before, copied
                    sentences.insert(2, rng.choice(written[n - 5]))
            written.setdefault(n, []).extend(sentences)
            text = " ".join(" ".join(s).capitalize() + "." for s in sentences)
            if rng.random() < 0.4:  # last in its paragraph, so that a copy cut off ends there unfinished
                copy = edited(sentences[rng.randrange(4)])
                text += " " + " ".join(copy).capitalize() + ("" if len(copy) < len(sentences[0]) - 2 else ".")
            paragraphs.append(text)
        if n % 4 == 1:  # one of 20 sentences with one article added somewhere: they share every band
            # key, in buckets larger than MAX_BUCKET, so none of them is compared (boilerplate)
            words = crowd[:]
            words.insert(n // 4 % 14 + 1, ("a", "the")[n // 4 // 14])
            paragraphs.append(" ".join(words).capitalize() + ".")
        if n % 10 == 3:  # a sentence of frequent words and one rare word, and its copy without that word:
            # found only by their signatures without demotion (minhash.plain_pairs)
            stock = rng.sample(STOCK, 6)
            words = f"the {stock[0]} and the {stock[1]} of the {stock[2]} with a {stock[3]} for the {stock[4]}"
            paragraphs.append(f"{words} of {rng.choice(lexicon)} {stock[5]}. {words} of {stock[5]}.".capitalize()
                              .replace(". the ", ". The "))
        if n % 4 == 0:  # boilerplate, and now and then with a slip: not compared
            paragraphs.append(FOOTER if n % 12 else FOOTER.replace("the usual", "usual"))
        title = " ".join(rng.sample(lexicon, 2)).capitalize()  # titles sharing no word: no sibling sections
        pages.append(f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n")
    if folder is None:
        return [document_from_text(f"docs/{'ab'[n % 2]}/page-{n:03}.md", text) for n, text in enumerate(pages)]
    path = folder / "near-sentences.jsonl"
    path.write_text("".join(json.dumps({"id": f"n{n}", "text": text}) + "\n" for n, text in enumerate(pages)),
                    encoding="utf-8")
    return load(str(path), "near-sentences.jsonl").documents


@pytest.mark.parametrize(("parts", "ranges", "spilled", "records", "scope", "across", "numpy_grouping"),
                         [(1, 1, False, False, "document", "misplaced", False),
                          (3, 2, True, False, "all", "misplaced", True),
                          (4, 3, False, False, "corpus", "all", True),
                          (4, 5, False, True, "all", "misplaced", False),
                          (5, 3, True, True, "all", "misplaced", True),
                          (2, 4, True, True, "corpus", "misplaced", True)])
def test_near_ranges_report_what_the_whole_run_reports(tmp_path, monkeypatch, parts, ranges, spilled, records,
                                                       scope, across, numpy_grouping) -> None:
    if numpy_grouping:  # the whole run groups with minhash (whole-array passes), not smallgroups
        monkeypatch.setattr("doclint.families.duplication.reduce.SMALL_RUN", 0)
    runner = engine(tmp_path, "DL202", scope=scope, copies_across=across)
    folder = tmp_path if records else None
    local = runner.run(near_pages(7, 80, folder)).findings
    assert len(local) > (5 if scope == "corpus" else 50)
    # The chains' links stand in other pages.
    assert any((f.related[0].path, f.related[0].record) != (f.path, f.record) for f in local) \
        == (scope != "document")
    assert any("cut-off copy" in f.message for f in local) or scope == "corpus"
    split = split_run(runner, near_pages(7, 80, folder), parts, ranges, tmp_path / "spill" if spilled else None)
    assert split.findings == local


def whole_run_candidates(docs: list) -> tuple[set, set, np.ndarray]:
    """The candidate pairs (global numbers) and frequent words of the whole-run phase."""
    from doclint.families.duplication import minhash
    from doclint.families.duplication.lsh import CONTENT_BELOW, FREQUENT_MIN, FREQUENT_SHARE

    firsts, _ = minhash.clusters(docs)
    near, cut = minhash.near_candidates(docs, firsts, 0.8)
    tokens, _ = minhash._unique_tokens(docs, firsts)
    words, counts = np.unique(tokens[tokens < CONTENT_BELOW], return_counts=True)
    frequent = words[counts > max(FREQUENT_MIN, int(len(firsts) * FREQUENT_SHARE))]
    return ({(firsts[i], firsts[j]) for i, j in near}, {(firsts[i], firsts[j]) for i, j in cut}, frequent)


@pytest.mark.parametrize("parts", [1, 4, 7])
def test_near_rounds_find_the_frequent_words_and_pairs_of_the_whole_run(tmp_path, parts) -> None:
    """Each round against the whole run: the words counted over the run's first
    occurrences (STOCK words are frequent in the run, not in a seventh of it), and
    the candidate pairs that share a band or their first words, once the quick
    similarity test has run on them."""
    from doclint.families.duplication.minhash import may_reach
    from doclint.families.duplication.near_ranges import first_occurrences

    runner = engine(tmp_path, "DL202", scope="all")
    [(rule, kind)] = runner.kinds
    facts = [kind.facts(doc) for doc in near_pages(7, 80)]
    near, cut, frequent = whole_run_candidates(facts)
    assert len(near) > 50 and len(cut) > 5
    bounds = [len(facts) * at // parts for at in range(parts + 1)]
    cuts = [facts[lo:hi] for lo, hi in zip(bounds, bounds[1:])]
    split = SplitRule(rule.id, [{rule.id: (array("I", range(len(part))), kind.shard_facts(part, 3)[0])}
                                for part in cuts])

    def run(step) -> list:
        asked = split.round_wanted(step.wanted)
        outs = [kind.round_facts(step.name, part, lo, step.given, asked.get(at, {}), 3)
                for at, (lo, part) in enumerate(zip(bounds, cuts))]
        return [kind.reduce_round(step.name, [(lo, out[r]) for lo, out in zip(bounds, outs)], len(facts), step.given)
                for r in range(3)]

    shards = [kind.shard_facts(part, 3)[1] for part in cuts]
    words = kind.corpus_wanted([kind.reduce_range([(lo, shard[r]) for lo, shard in zip(bounds, shards)], len(facts))
                                for r in range(3)], len(facts), split.summaries)
    assert words.name == "words" and words.ranges
    found = run(words)
    assert sorted(np.concatenate(found).tolist()) == sorted(frequent.tolist())
    assert set(STOCK_CODES) <= set(frequent.tolist())
    if parts == 7:  # no seventh of the run holds a STOCK word often enough by itself
        for part in cuts:
            codes, counts = np.unique(first_occurrences(part, {})[1], return_counts=True)
            assert (counts[np.isin(codes, STOCK_CODES)] <= 20).all()
    pairs = run(words.then(found))
    split_near = sorted({tuple(p) for part in pairs for p in part[0].tolist()})
    assert {tuple(p) for part in pairs for p in part[1].tolist()} == cut
    # The whole run drops at once the pairs that fail the quick test (minhash.may_reach).
    every = sorted({g for pair in split_near for g in pair})
    rows = {g: k for k, g in enumerate(every)}
    codes = [sentence_tokens(facts, g) for g in every]
    tokens = np.array([t for c in codes for t in c], np.uint32)
    starts = np.concatenate(([0], np.cumsum([len(c) for c in codes]))).astype(np.int64)
    close = may_reach(tokens, starts, np.array([rows[a] for a, _ in split_near]),
                      np.array([rows[b] for _, b in split_near]), 0.8)
    assert {pair for pair, ok in zip(split_near, close) if ok} == near


def test_a_key_range_returns_only_the_pairs_of_the_scope(tmp_path) -> None:
    """With `scope: document` (DL202's default) a range task sends back no pair of
    sentences in two documents, and with `corpus` none within one."""
    from doclint.families.duplication.near_ranges import first_occurrences, key_shards, sentence_counts, shared_keys

    runner = engine(tmp_path, "DL202")
    [(_, kind)] = runner.kinds
    facts = [kind.facts(doc) for doc in near_pages(7, 40)]
    shards = key_shards(sentence_counts(facts), *first_occurrences(facts, {}), np.empty(0, np.uint32), 2)
    pairs = {scope: [{tuple(p) for shard in shards for p in shared_keys([(0, shard)], scope)[kept].tolist()}
                     for kept in range(2)]
             for scope in ("all", "document", "corpus")}
    for kept in range(2):  # band pairs, then pairs of first words
        within = {p for p in pairs["all"][kept] if p[0] >> 24 == p[1] >> 24}
        assert within and within != pairs["all"][kept]
        assert pairs["document"][kept] == within and pairs["corpus"][kept] == pairs["all"][kept] - within
