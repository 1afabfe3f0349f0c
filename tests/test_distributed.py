"""`--engine dask`: the map phase on a local cluster gives the report of a local run."""
from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile

import pytest

from doclint.api import lint_paths
from doclint.cli import main
from doclint.core.loader import load, load_jsonl_part
from doclint.engine.config import load_config
from doclint.engine.distributed import jsonl_ranges, partitions
from doclint.report.formatters.json import finding_dict

SUBJECTS = ["The installer", "The release", "Our team", "The Javascript client", "The JavaScript client",
            "The scheduler", "The new parser", "Sources", "Critics", "The service"]
VERBS = ["checks", "writes", "reads", "keeps", "rejects", "updates", "said it would replace", "caches"]
OBJECTS = ["the configuration before a deploy", "every record of the corpus", "the settings of an older version",
           "the report in the build folder", "a copy of each shard", "the list of known hosts",
           "the index of the documentation"]
ENDINGS = [".", ".", ".", " when the run ends.", " on every start.", " and the"]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(ENDINGS)}"


def document(rng: random.Random, earlier: list[str]) -> str:
    """Two short paragraphs; now and then a sentence copied from an earlier document,
    so that the corpus phase has cross-document duplicates to find."""
    paragraphs = []
    for _ in range(2):
        sentences = [sentence(rng) for _ in range(rng.randint(1, 3))]
        if earlier and rng.random() < 0.3:
            sentences.append(rng.choice(earlier))
        paragraphs.append(" ".join(sentences))
    earlier.append(paragraphs[0].split(". ")[0].rstrip(".") + ".")
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """3,000 small documents: JSONL shards, a Parquet file of several row groups (when
    pyarrow is there) and Markdown files, plus one invalid JSONL line."""
    root = tmp_path_factory.mktemp("corpus")
    rng, earlier = random.Random(7), []
    for shard in range(3):
        with open(root / f"shard-{shard}.jsonl", "w", encoding="utf-8") as out:
            for n in range(900):
                out.write(json.dumps({"id": f"s{shard}-{n}", "text": document(rng, earlier)}) + "\n")
            if shard == 1:
                out.write('{"id": "broken", "text": \n')
    for n in range(40):
        (root / f"page-{n:02}.md").write_text(f"# Page {n}\n\n{document(rng, earlier)}\n", encoding="utf-8")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        pass
    else:
        rows = [{"id": f"p-{n}", "text": document(rng, earlier)} for n in range(260)]
        pq.write_table(pa.Table.from_pylist(rows), str(root / "part-0.parquet"), row_group_size=50)
    return root


def report(result) -> tuple[list[dict], list[str], int]:
    return [finding_dict(f) for f in result.findings], [str(p) for p in result.problems], result.documents


def test_local_cluster_of_two_workers_equals_the_local_run(corpus, monkeypatch, tmp_path_factory) -> None:
    pytest.importorskip("dask.distributed", reason="--engine dask needs the dask extra (dask.distributed)")
    monkeypatch.chdir(corpus)
    # JSONL shards of about 280 KB are cut into parts of 50 KB, so parts are checked too.
    monkeypatch.setattr("doclint.engine.distributed.PARTITION_BYTES", 50_000)
    assert len(partitions(["shard-0.jsonl"])) == 6
    loaded = load_config(None, str(corpus))
    local = report(lint_paths(["."], loaded, jobs=1))
    # Exact duplicates and near-duplicate documents: corpus phase on the workers, by hash range.
    from doclint.engine.distributed import ClusterRun

    split_rules, corpus_hits = [], ClusterRun.corpus_hits

    def spy(self, rule, kind):
        split_rules.append(rule.id)
        return corpus_hits(self, rule, kind)

    monkeypatch.setattr(ClusterRun, "corpus_hits", spy)
    # The workers spill into a temporary folder of this test's own, so that other runs
    # on the machine cannot add spill folders while it looks.
    private = tmp_path_factory.mktemp("tmp")
    monkeypatch.setenv("TMPDIR", str(private))
    monkeypatch.setattr(tempfile, "tempdir", None)
    cluster = report(lint_paths(["."], loaded, jobs=2, engine="dask", ranges=3))
    assert split_rules == ["DL201", "DL202", "DL205"]  # the default rules whose phase splits
    assert list(private.glob("doclint-spill-*")) == []  # spilled facts removed
    findings, problems, documents = local
    assert documents >= 2_900
    rules = {f["rule"] for f in findings}
    assert {"DL201", "DL101", "DL301"} <= rules  # corpus rules and per-document rules both ran
    assert any(f["rule"] == "DL201" and f["related"][0]["path"] != f["path"] for f in findings)
    # Facts carry no text: each quote was read from its partition again, on the cluster.
    quotes = [f["message"].split(': "', 1)[1] for f in cluster[0] if f["rule"] == "DL201"]
    assert quotes and all(q.startswith(tuple(SUBJECTS)) for q in quotes)
    assert any("shard-1.jsonl:901" in p for p in problems)
    assert cluster == local  # same findings, same order, same problems


def near_notes(rng: random.Random, count: int) -> None:
    """notes.jsonl: records that hold a near copy of one of their sentences (a word
    dropped) and, now and then, an exact one."""
    with open("notes.jsonl", "w", encoding="utf-8") as out:
        for n in range(count):
            first, second = sentence(rng), sentence(rng)
            near = first.replace(" the ", " ", 1) if " the " in first else first
            text = f"{first} {second}\n\n{sentence(rng)} {near} {first if n % 7 == 0 else ''}"
            out.write(json.dumps({"id": f"n{n}", "text": text}) + "\n")


def test_near_duplicate_sentences_reduce_on_the_workers(tmp_path, monkeypatch) -> None:
    """Near duplicates (DL202) run their corpus phase on the workers in rounds, beside
    the exact duplicates (DL201), over records cut into several parts; their quotes
    are read on the cluster."""
    pytest.importorskip("dask.distributed", reason="--engine dask needs the dask extra (dask.distributed)")
    from doclint.engine.distributed import ClusterRun

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("doclint.engine.distributed.PARTITION_BYTES", 5_000)
    split_rules, corpus_hits = [], ClusterRun.corpus_hits

    def spy(self, rule, kind):
        split_rules.append(rule.id)
        return corpus_hits(self, rule, kind)

    monkeypatch.setattr(ClusterRun, "corpus_hits", spy)
    near_notes(random.Random(11), 60)
    loaded = load_config(None, str(tmp_path))
    local = report(lint_paths(["notes.jsonl"], loaded, ["DL201", "DL202"], jobs=1))
    assert len(partitions(["notes.jsonl"])) > 3
    cluster = report(lint_paths(["notes.jsonl"], loaded, ["DL201", "DL202"], jobs=2, engine="dask"))
    assert split_rules == ["DL201", "DL202"]
    near = [f for f in cluster[0] if f["rule"] == "DL202"]
    assert near and all(f["message"].split(': "', 1)[1].startswith(tuple(SUBJECTS)) for f in near)
    assert any(f["rule"] == "DL201" for f in cluster[0])
    assert cluster == local


@pytest.mark.parametrize("shared_disk", [True, False])
def test_near_duplicate_rounds_spill_their_shards(tmp_path, monkeypatch, shared_disk) -> None:
    """The map tasks and the words and keys rounds of DL202 write each partition's
    shards to its worker's disk, and the range tasks read them from there, so that no
    worker holds every partition's fingerprints or band keys at once; without a shared
    disk, a range task has the worker that wrote a shard read it. The report stays the
    local run's. (The workers are threads of this process here, so that the test sees
    what they read.)"""
    distributed = pytest.importorskip("dask.distributed", reason="--engine dask needs the dask extra")
    from doclint.engine import distributed as engine_module
    from doclint.engine import worker_files

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(engine_module, "PARTITION_BYTES", 5_000)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", None)
    near_notes(random.Random(11), 60)
    read, read_elsewhere, read_shard = [], [], worker_files.read_shard

    def spy(path):
        read.append(path)
        return read_shard(path)

    def only_own(shard):  # as if each worker had a disk of its own
        if shard.worker != distributed.get_worker().address:
            read_elsewhere.append(shard.path)
            return None
        return spy(shard.path)

    monkeypatch.setattr(worker_files, "read_shard", spy)
    if not shared_disk:
        monkeypatch.setattr(worker_files, "read_here", only_own)
    loaded = load_config(None, str(tmp_path))
    local = report(lint_paths(["notes.jsonl"], loaded, ["DL202"], jobs=1))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        got = report(lint_paths(["notes.jsonl"], loaded, ["DL202"], engine="dask",
                                scheduler=cluster.scheduler_address, ranges=3))
    parts = len(partitions(["notes.jsonl"]))
    assert parts > 3
    # Every partition's shard of every range, in each round, was read from a file:
    # by the range task, or else (a copy of the spy counts those) on its writer.
    rounds = {name: len({p for p in read + read_elsewhere if f"DL202-{name}" in p})
              for name in ("ranges", "words", "keys")}
    assert rounds == {"ranges": parts * 3, "words": parts * 3, "keys": parts * 3}
    assert shared_disk == (not read_elsewhere)
    assert list((tmp_path / "tmp").glob("doclint-spill-*")) == []  # removed at the end of the run
    assert any(f["rule"] == "DL202" for f in got[0])
    assert got == local


@pytest.mark.parametrize("suffix", ["jsonl", "parquet"])
def test_near_duplicate_documents_reduce_on_the_workers(tmp_path, monkeypatch, suffix) -> None:
    """DL205's corpus phase runs by band range on the workers, beside DL201's, and
    gives the local run's report: chains of near copies across parts of a JSONL file
    or row groups of a Parquet file."""
    pytest.importorskip("dask.distributed", reason="--engine dask needs the dask extra (dask.distributed)")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("doclint.engine.distributed.PARTITION_BYTES", 10_000)
    rng = random.Random(5)
    rows = []
    for _ in range(12):
        words = " ".join(sentence(rng) for _ in range(8)).split()
        for step in range(3):  # each copy a word off the one before
            rows.append(" ".join(words))
            words[10 + 20 * step] = rng.choice(OBJECTS).split()[-1]
        rows.extend(" ".join(sentence(rng) for _ in range(8)) for _ in range(4))
    rng.shuffle(rows)
    if suffix == "jsonl":
        with open("rows.jsonl", "w", encoding="utf-8") as out:
            out.writelines(json.dumps({"id": f"r{n}", "text": text}) + "\n" for n, text in enumerate(rows))
    else:
        pa, pq = pytest.importorskip("pyarrow"), pytest.importorskip("pyarrow.parquet")
        pq.write_table(pa.Table.from_pylist([{"id": f"r{n}", "text": text} for n, text in enumerate(rows)]),
                       "rows.parquet", row_group_size=20)
    name = f"rows.{suffix}"
    assert len(partitions([name])) >= 4
    from doclint.engine.distributed import ClusterRun

    split_rules, corpus_hits = [], ClusterRun.corpus_hits

    def spy(self, rule, kind):
        split_rules.append(rule.id)
        return corpus_hits(self, rule, kind)

    monkeypatch.setattr(ClusterRun, "corpus_hits", spy)
    loaded = load_config(None, str(tmp_path))
    local = report(lint_paths([name], loaded, ["DL201", "DL205"], jobs=1))
    cluster = report(lint_paths([name], loaded, ["DL201", "DL205"], jobs=2, engine="dask", ranges=3))
    assert split_rules == ["DL201", "DL205"]
    assert len([f for f in local[0] if f["rule"] == "DL205"]) >= 12
    assert cluster == local


def test_scheduler_needs_the_dask_engine(capsys) -> None:
    assert main(["check", "--scheduler", "tcp://127.0.0.1:8786", "."]) == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err


def test_ranges_need_the_dask_engine(capsys) -> None:
    assert main(["check", "--ranges", "4", "."]) == 2
    assert "--ranges needs --engine dask" in capsys.readouterr().err


def test_default_ranges_grow_with_the_input_so_a_range_task_holds_a_bounded_share(tmp_path) -> None:
    from doclint.engine.distributed import RANGE_BYTES, _input_bytes, default_ranges, partitions

    assert default_ranges(1, 0) == 2 and default_ranges(2, 10) == 4  # two a worker
    assert default_ranges(1, 2_000 * 10**6) == 8 == default_ranges(2, 2_000 * 10**6)
    assert default_ranges(2, 4 * RANGE_BYTES + 1) == 5
    # The input is counted by file, once, however many partitions a file makes.
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(f'{{"id": {i}, "text": "Line {i} of the corpus."}}\n' for i in range(200)))
    parts = partitions([str(corpus)], part_bytes=1_000)
    assert len(parts) > 1 and _input_bytes(parts) == corpus.stat().st_size


def test_unreachable_scheduler_is_an_error_naming_it(tmp_path, monkeypatch, capsys) -> None:
    pytest.importorskip("dask.distributed", reason="--engine dask needs the dask extra (dask.distributed)")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Some text here.\n", encoding="utf-8")
    monkeypatch.setattr("doclint.engine.distributed.CONNECT_TIMEOUT", "1s")
    code = main(["check", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "a.md"])
    assert code == 2
    assert "--scheduler: cannot connect to tcp://127.0.0.1:9" in capsys.readouterr().err


def test_without_the_extra_the_error_says_what_to_install(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Some text here.\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    assert main(["check", "--engine", "dask", "a.md"]) == 2
    assert "pip install 'doclint[dask]'" in capsys.readouterr().err


def test_the_local_engine_imports_no_extra(tmp_path) -> None:
    (tmp_path / "a.md").write_text("Some text here.\n", encoding="utf-8")
    code = ("import sys\nfrom doclint.cli import main\nmain(['check', '-q', 'a.md'])\n"
            "print(sorted(m for m in ('dask', 'distributed', 'pyarrow') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().endswith("[]")


def test_jsonl_parts_read_as_the_whole_file(tmp_path) -> None:
    """Cut at line ends, with CR LF, lone CR, blank and invalid lines: the parts give
    the documents and problems of the whole file, with the same line numbers."""
    lines = [b'{"id": "r%d", "text": "Record %d says the plan was late."}' % (n, n) for n in range(40)]
    lines[7] = b'{"id": "bad", '
    lines[12] = b""
    data = b"\r\n".join(lines[:20]) + b"\n" + b"\r".join(lines[20:30]) + b"\n" + b"\n".join(lines[30:])
    path = tmp_path / "c.jsonl"
    path.write_bytes(data)
    ranges = jsonl_ranges(str(path), 300)
    assert len(ranges) >= 5 and ranges[0][0] == 0 and ranges[-1][1] == len(data)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))

    def seen(got):
        return ([(d.record, d.record_line, d.text) for d in got.documents], [str(p) for p in got.problems])

    whole = seen(load(str(path), "c.jsonl"))
    parts = [seen(load_jsonl_part(str(path), "c.jsonl", *r)) for r in ranges]
    assert ([d for docs, _ in parts for d in docs], [p for _, probs in parts for p in probs]) == whole
    assert whole[0][-1][:2] == ("r39", 40) and "c.jsonl:8: error: invalid JSON" in whole[1][0]


def test_small_binary_or_unbroken_files_stay_whole(tmp_path) -> None:
    small = tmp_path / "a.jsonl"
    small.write_bytes(b'{"text": "One."}\n')
    assert jsonl_ranges(str(small), 1000) == [(0, 17, 1)]
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(b"\x00" * 5000)
    assert jsonl_ranges(str(binary), 1000) == [(0, 5000, 1)]
    one_line = tmp_path / "c.jsonl"
    one_line.write_bytes(b"x" * 5000)
    assert jsonl_ranges(str(one_line), 1000) == [(0, 5000, 1)]
    utf16 = tmp_path / "d.jsonl"
    utf16.write_bytes(("\ufeff" + '{"text": "One."}\n' * 200).encode("utf-16-le"))
    assert jsonl_ranges(str(utf16), 1000) == [(0, utf16.stat().st_size, 1)]
