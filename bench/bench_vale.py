"""Benchmark imported Vale styles: start-up cost of loading one, and matching speed.

1. Start-up: median wall time of a fresh `doclint check` on one small note, without and
   with `--vale-config` (the style is loaded and compiled, then runs on the note): as a
   second run finds it, the loaded style cached on disk, and with the cache off.
2. Speed: the imported rules of each check type against doclint's own `pattern`
   (DL901) and `substitution` (DL902) rules, in CPU milliseconds per rule per MB of
   Markdown (documents are parsed and their Vale view built first, so only the rules
   are timed; the view, built once per document for all imported rules, is timed
   apart; the best of `--runs` runs, each starting with empty per-document state
   and verdict caches, so a spelling rule looks every distinct word up afresh).
   The documents are split into sentences first, as doclint's own rules do in a
   default run, since the view reuses that split; `--vale-only` measures a run of
   imported rules alone, where the view splits its blocks itself.
   Grafana's style has no `occurrence`, `consistency`, `conditional`,
   `capitalization` or `sequence` rule, so a small `Bench` style beside it adds one of
   each, written after well-known public styles (Google's and Microsoft's).
3. With `--default-run`: what a user pays, each part timed inside a default run
   (doclint's rules enabled by default, then the style's): doclint's rules in all, what
   imported rules share (the view, sentences, metric counts), and each check type.
4. With `--readers N`: chunspell against the pure-Python spylls (if installed) on N
   distinct words of the documents, with the system en_US dictionary.

The style is Grafana's full Vale style in ../shared/vale/grafana when it is there (79
rules), else the vendored subset in tests/data/vale-grafana. The documents default to
the repository's own Markdown files.

Run: python bench/bench_vale.py [--ini PATH] [--repeat 9] [--default-run] [docs ...]
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This checkout's doclint, here and in the child processes, rather than an installed one
# (an editable install points at one checkout, whichever the benchmark is run from).
sys.path.insert(0, str(ROOT))
CHILD_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
SHARED = ROOT.parent / "shared" / "vale" / "grafana"
NOTE = "# Release notes\n\nVersion 2.4 adds a command that checks the configuration before a deploy.\n"


# One rule of each check type Grafana's style lacks, as public styles write them.
BENCH_STYLE = {
    "SentenceLength.yml": """\
extends: occurrence
message: "Try to keep sentences short (< 30 words)."
scope: sentence
level: suggestion
max: 30
token: \\b(\\w+)\\b
""",
    "Acronyms.yml": """\
extends: conditional
message: "Spell out '%s', if it's unfamiliar to the audience."
level: suggestion
ignorecase: false
first: '\\b([A-Z]{3,5})\\b'
second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
exceptions:
  - API
  - CLI
  - CSS
  - HTML
  - HTTP
  - JSON
  - URL
  - YAML
""",
    "Spellings.yml": """\
extends: consistency
message: "Inconsistent spelling of '%s'."
level: suggestion
ignorecase: true
either:
  advisor: adviser
  centre: center
  colour: color
  behaviour: behavior
  license: licence
  catalog: catalogue
""",
    "HeadingCase.yml": """\
extends: capitalization
message: "'%s' should use sentence-style capitalization."
level: suggestion
scope: heading
match: $sentence
indicators:
  - ':'
exceptions:
  - API
  - Markdown
  - GitHub
""",
    "InOrderTo.yml": """\
extends: sequence
message: "Consider '%s %s %s' -> 'to'."
level: suggestion
ignorecase: true
tokens:
  - pattern: in
  - pattern: order
  - pattern: to
""",
}


def default_ini(folder: Path, bench_style: bool, spelling: bool = True) -> Path:
    """Grafana's style (and the Bench style beside it) in one StylesPath under `folder`;
    without `spelling`, Grafana.Spelling is switched off."""
    source = SHARED if (SHARED / "styles" / "Grafana").is_dir() else ROOT / "tests" / "data" / "vale-grafana"
    styles = folder / "styles"
    if not styles.is_dir():
        shutil.copytree(source / "styles", styles)
        (styles / "Bench").mkdir()
        for name, text in BENCH_STYLE.items():
            (styles / "Bench" / name).write_text(text, encoding="utf-8")
    if (source / "vale.ini.original").is_file():
        original = (source / "vale.ini.original").read_text(encoding="utf-8")
        kept = "\n".join(line for line in original.splitlines()
                         if not line.startswith(("Packages", "StylesPath")))
    else:
        kept = "\n".join(line for line in (source / "vale.ini").read_text(encoding="utf-8").splitlines()
                         if not line.startswith("StylesPath"))
    if bench_style:
        kept = kept.replace("BasedOnStyles = Grafana", "BasedOnStyles = Grafana, Bench")
    if not spelling:
        kept += "\nGrafana.Spelling = NO"
    ini = folder / (("bench" if bench_style else "grafana") + ("" if spelling else "-nospell") + ".vale.ini")
    ini.write_text(f"StylesPath = {styles}\n{kept}\n", encoding="utf-8")
    return ini


def run_ms(argv: list[str], repeat: int, env: dict | None = None) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of the child, in ms. On a
    shared machine the CPU time is the steadier of the two."""
    env = {**CHILD_ENV, **(env or {})}
    subprocess.run(argv, capture_output=True, check=True, env=env)  # warm-up
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True, env=env)
        walls.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def startup(inis: list[tuple[str, Path]], folder: Path, repeat: int) -> None:
    note = folder / "note.md"
    note.write_text(NOTE, encoding="utf-8")
    base = [sys.executable, "-m", "doclint", "check", "--fail-on", "never", "-q", str(note)]
    plain = run_ms(base, repeat)
    print(f"start-up, one small note: {plain[0]:.0f} ms wall, {plain[1]:.0f} ms CPU; with --vale-config:")
    # The loaded style is cached between runs (doclint.vale.cache), in a folder of the
    # benchmark's own; it is not written for files changed in the last two seconds, so
    # the style just copied is dated back a minute. The warm-up run writes the cache.
    past = time.time() - 60
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (past, past))
    settings = (("", {"DOCLINT_CACHE_DIR": str(folder / "cache")}), (", no cache", {"DOCLINT_NO_CACHE": "1"}))
    for name, ini in inis:
        for label, env in settings:
            wall, cpu = run_ms(base[:4] + ["--vale-config", str(ini)] + base[4:], repeat, env)
            print(f"  {name + label:50} {wall:4.0f} ms wall (+{wall - plain[0]:3.0f}), "
                  f"{cpu:4.0f} ms CPU (+{cpu - plain[1]:3.0f})")
    # Where the time goes, in a fresh process each: the Vale package's imports, reading
    # and compiling the style, and (only when a document first reaches a spelling
    # rule, once per process) libhunspell reading the rule's dictionaries.
    for name, ini in inis[:1]:
        phases = []
        for _ in range(repeat):
            out = subprocess.run([sys.executable, "-c", _PHASES, str(ini)], capture_output=True, check=True, text=True,
                                 env={**CHILD_ENV, "DOCLINT_CACHE_DIR": str(folder / "cache-phases")})
            phases.append([float(x) for x in out.stdout.split()])
        imports, style, dictionary, cached = (statistics.median(p[k] for p in phases) for k in range(4))
        print(f"  of which, {name} (CPU, in process): imports {imports:.0f} ms, reading and compiling the "
              f"rules {style:.0f} ms (or loading them from the cache {cached:.0f} ms); the dictionary when a "
              f"document first reaches the spelling rule {dictionary:.0f} ms")


# Run in a child: CPU ms of the Vale imports, of loading the style, of the dictionary.
_PHASES = """
import sys, time
import doclint.api
start = time.process_time()
from doclint.vale.setup import build_setup
imported = time.process_time()
setup = build_setup(sys.argv[1])
built = time.process_time()
from doclint.vale.checks.spelling import Spelling
from doclint.vale.speller import speller
for rule in setup.loaded.values():
    if isinstance(rule.check, Spelling):
        speller(*rule.check.dictionaries, rule.check.words)
done = time.process_time()
from doclint.vale import cache
cache.store(sys.argv[1], setup)  # in the benchmark's own folder (DOCLINT_CACHE_DIR)
again = time.process_time()
assert cache.load(sys.argv[1]) is not None
loaded = time.process_time()
print((imported - start) * 1000, (built - imported) * 1000, (done - built) * 1000, (loaded - again) * 1000)
"""


# Check types in the order they are reported; each is measured against the two doclint kinds.
CHECK_TYPES = ("Existence", "Substitution", "Occurrence", "Repetition", "Consistency", "Conditional",
               "Capitalization", "Metric", "Sequence", "Spelling")


def speed(ini: Path, paths: list[str], runs: int, engine_sentences: bool = True) -> None:
    from doclint.api import iter_documents
    from doclint.core.discovery import discover
    from doclint.engine.config import Config, LoadedConfig, configured_rules
    from doclint.registry import KINDS
    from doclint.vale.checks.syllables import forget as forget_words
    from doclint.vale.setup import VIEW_KEY

    found = discover(paths, (), (), True, str(ROOT))
    docs = [d for d in iter_documents(found.files, "text", []) if d.path.endswith(".md")]
    megabytes = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    parsed = [doc.parsed for doc in docs]  # parse once, outside the timings
    assert len(parsed) == len(docs)
    if engine_sentences:
        # doclint's own rules (duplication, naming, claims, truncation) split every
        # document into sentences in a default run; the Vale view reuses that split.
        split = sum(len(doc.sentences) for doc in docs)
        assert split
    rules = configured_rules(LoadedConfig(Config(vale=str(ini)), None, str(ROOT)))

    def check_type(rule) -> str:
        return rule.options.check.__class__.__name__ if rule.kind == "vale" else ""

    groups = {"doclint pattern (DL901)": [r for r in rules if r.kind == "pattern"],
              "doclint substitution (DL902)": [r for r in rules if r.kind == "substitution"]}
    groups.update((f"Vale {name.lower()}", [r for r in rules if check_type(r) == name]) for name in CHECK_TYPES)
    print(f"speed on {len(docs)} Markdown documents, {megabytes:.2f} MB "
          f"(CPU, best of {runs} runs; ms per rule per MB; the documents "
          f"{'split into sentences by doclint' if engine_sentences else 'not split by doclint'}):")
    # The Vale view of a document (its blocks as rendered text), made once per document
    # by the first imported rule and shared by the others; the rules below are timed
    # without it.
    setup = next((r.options.setup for r in rules if r.kind == "vale"), None)
    if setup is not None:
        best = float("inf")
        for _ in range(runs):
            for doc in docs:
                doc.attributes.pop(VIEW_KEY, None)
            start = time.process_time()
            for doc in docs:
                setup.view(doc)
            best = min(best, time.process_time() - start)
        print(f"  {'Vale view (once per document)':30}        {best:6.2f} s  {best / megabytes * 1000:7.1f} ms per MB")
    for name, group in groups.items():
        kinds = [KINDS[r.kind](r) for r in group]
        if not kinds:
            print(f"  {name:30}   no rules")
            continue
        # Vale rules share one view per document: build it first, as the first rule of a
        # run would (a spelling rule also loads its dictionary then).
        for doc in docs:
            list(kinds[0].check(doc))
        best, best_first, hits = float("inf"), 0.0, 0
        for _ in range(runs):
            for doc in docs:  # what a rule remembers per document (consistency, conditional)
                doc.attributes.pop("vale-state", None)
                view = doc.attributes.get(VIEW_KEY)
                if view is not None:
                    view.cache.clear()  # segments per scope, metric counts: the first rule pays
            forget_words()  # metric: every word's and token's counts are worked out afresh
            for kind in kinds:  # a spelling rule's verdicts: every word is looked up afresh
                forget = getattr(getattr(kind.options, "check", None), "forget", None)
                if forget is not None:
                    forget()
            start = time.process_time()
            hits = sum(1 for doc in docs for _ in kinds[0].check(doc))
            first = time.process_time() - start
            hits += sum(1 for kind in kinds[1:] for doc in docs for _ in kind.check(doc))
            total = time.process_time() - start
            if total < best:
                best, best_first = total, first
        warm = ""
        if any(hasattr(getattr(kind.options, "check", None), "forget") for kind in kinds):
            # Once the corpus's words are known (a long run): the same documents again.
            start = time.process_time()
            sum(1 for kind in kinds for doc in docs for _ in kind.check(doc))
            warm = f"  words known {(time.process_time() - start) / len(kinds) / megabytes * 1000:5.1f}"
        per = best / len(kinds) / megabytes
        # The first rule of a type pays for what its rules share (sentences, metric counts).
        alone = f"  first rule {best_first / megabytes * 1000:5.1f}" if len(kinds) > 1 else ""
        print(f"  {name:30} {len(kinds):3} rules  {best:6.2f} s  {per * 1000:7.1f} ms per rule per MB{alone}{warm}"
              f"  ({hits} findings)")


def default_run(ini: Path, paths: list[str], runs: int) -> None:
    """What a user pays: a default `doclint check` (every doclint rule enabled by
    default, then the style's rules, in the engine's order) over the documents, with
    each rule's CPU time taken inside the run. What imported rules share is timed apart,
    made just before the first imported rule reaches a document: the view, the sentences
    (when a sentence-scoped rule is active) and the metric counts (when a metric rule
    is). Fresh documents each run; per part, the best of the runs."""
    from doclint.api import iter_documents
    from doclint.core.discovery import discover
    from doclint.engine.config import Config, LoadedConfig, configured_rules
    from doclint.engine.phases import Engine
    from doclint.vale.checks.metric import Metric
    from doclint.vale.checks.syllables import document_counts
    from doclint.vale.checks.syllables import forget as forget_words

    found = discover(paths, (), (), True, str(ROOT))
    config = Config(vale=str(ini))
    engine = Engine(configured_rules(LoadedConfig(config, None, str(ROOT))), config)
    setup = next(r.options.setup for r, _ in engine.kinds if r.kind == "vale")

    def part(rule) -> str:
        if rule.kind != "vale":
            return "doclint's own rules (all enabled by default)"
        return f"Vale {rule.options.check.__class__.__name__.lower()}"

    def shared(doc, times: dict) -> None:
        on = [setup.loaded[n].check for n in setup.active(doc.path) if n in setup.loaded]
        start = time.process_time()
        view = setup.view(doc)
        made = time.process_time()
        times["Vale view (shared)"] = times.get("Vale view (shared)", 0.0) + made - start
        if any(c is not None and c.scope.sentence for c in on):
            view.sentence_spans()
            view.segments(next(c.scope for c in on if c is not None and c.scope.sentence))
            split = time.process_time()
            times["Vale sentences (shared)"] = times.get("Vale sentences (shared)", 0.0) + split - made
            made = split
        if any(isinstance(c, Metric) for c in on):
            document_counts(view)
            times["Vale metric counts (shared)"] = times.get("Vale metric counts (shared)", 0.0) + time.process_time() - made

    best: dict[str, float] = {}
    counts: dict[str, int] = {}
    megabytes = 0.0
    for _ in range(runs):
        docs = [d for d in iter_documents(found.files, "text", []) if d.path.endswith(".md")]
        megabytes = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
        forget_words()  # each run starts as a fresh process would (syllables, verdicts)
        for rule, kind in engine.kinds:
            forget = getattr(getattr(rule.options, "check", None), "forget", None)
            if forget is not None:
                forget()
        times: dict[str, float] = {}
        parsed = [doc.parsed for doc in docs]  # reading the markup is not a rule's cost
        assert len(parsed) == len(docs)
        for doc in docs:
            first_vale = True
            for rule, kind in engine.rules_for(doc):
                if rule.kind == "vale" and first_vale:
                    first_vale = False
                    shared(doc, times)
                start = time.process_time()
                for _ in kind.check(doc):
                    pass
                times[part(rule)] = times.get(part(rule), 0.0) + time.process_time() - start
        for name, spent in times.items():
            best[name] = min(best.get(name, spent), spent)
    for rule, _ in engine.kinds:
        counts[part(rule)] = counts.get(part(rule), 0) + 1
    print(f"default run on {megabytes:.2f} MB of Markdown (CPU, best of {runs} runs; ms per MB, "
          f"the style's rules after doclint's as the engine orders them):")
    total = 0.0
    for name, spent in best.items():
        per = spent / megabytes * 1000
        total += per if name.startswith("Vale") else 0.0
        rules = counts.get(name)
        each = f"  ({rules} rules, {per / rules:5.1f} per rule)" if rules else ""
        print(f"  {name:48} {per:7.1f}{each}")
    print(f"  {'the style in all':48} {total:7.1f}")


def hunspell_readers(docs: list[str], sample: int) -> None:
    """chunspell (libhunspell) against the pure-Python spylls on the same en_US: load
    time, words a second, and the words on which they disagree."""
    import random
    import re

    try:
        import hunspell
        from spylls.hunspell import Dictionary
    except ImportError:
        print("Hunspell readers: needs chunspell and spylls installed")
        return
    from doclint.vale.speller import default_dictionary

    found = default_dictionary()
    if found is None:
        print("Hunspell readers: needs a system en_US dictionary (hunspell-en-us)")
        return
    folder, name = found
    words: set[str] = set()
    for root in docs:
        for path in Path(root).rglob("*"):
            if path.suffix in (".md", ".rst", ".txt") and path.is_file():
                words.update(re.findall(r"[A-Za-z][A-Za-z']*[A-Za-z]", path.read_text(errors="replace")))
    words_sorted = sorted(words)
    chosen = random.Random(1).sample(words_sorted, min(sample, len(words_sorted)))
    start = time.process_time()
    c_checker = hunspell.Hunspell(name, hunspell_data_dir=folder)
    c_load = time.process_time() - start
    start = time.process_time()
    c = {w: c_checker.spell(w) for w in chosen}
    c_time = time.process_time() - start
    start = time.process_time()
    p_checker = Dictionary.from_files(f"{folder}/{name}")
    p_load = time.process_time() - start
    start = time.process_time()
    p = {w: p_checker.lookup(w) for w in chosen}
    p_time = time.process_time() - start
    differ = [w for w in chosen if c[w] != p[w]]
    print(f"Hunspell readers on {folder}/{name}, {len(chosen)} of {len(words_sorted)} distinct words:")
    print(f"  chunspell: load {c_load * 1000:.0f} ms, {len(chosen) / c_time:,.0f} words/s")
    print(f"  spylls:    load {p_load * 1000:.0f} ms, {len(chosen) / p_time:,.0f} words/s")
    print(f"  disagree on {len(differ)}: {', '.join(differ[:20])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="*", default=[str(ROOT)])
    parser.add_argument("--ini", help="a .vale.ini (default: Grafana's style)")
    parser.add_argument("--repeat", type=int, default=9, help="start-up runs (the median is printed)")
    parser.add_argument("--no-startup", action="store_true", help="measure matching speed only")
    parser.add_argument("--runs", type=int, default=3, help="speed runs per check type (the best is printed)")
    parser.add_argument("--vale-only", action="store_true",
                        help="as a run of imported rules alone: doclint's own rules have not split the documents")
    parser.add_argument("--default-run", action="store_true",
                        help="also time each part of a default run (doclint's rules, then the style's)")
    parser.add_argument("--readers", type=int, default=0, metavar="N",
                        help="also compare chunspell and spylls on N words of the documents")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DOCLINT_CACHE_DIR"] = str(Path(folder) / "cache")  # not the user's cache
        if not args.no_startup:
            inis = [("the given style", Path(args.ini))] if args.ini else [
                ("Grafana's style", default_ini(Path(folder), False)),
                ("Grafana's style without its spelling rule", default_ini(Path(folder), False, spelling=False))]
            startup(inis, Path(folder), args.repeat)
        ini = Path(args.ini) if args.ini else default_ini(Path(folder), True)
        speed(ini, args.docs, args.runs, not args.vale_only)
        if args.default_run:
            default_run(ini, args.docs, args.runs)
    if args.readers:
        hunspell_readers(args.docs, args.readers)


if __name__ == "__main__":
    main()
