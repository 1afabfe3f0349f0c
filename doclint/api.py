"""Lint paths end to end: configuration, discovery, loading, engine. Used by the CLI."""
from __future__ import annotations

from typing import Iterator

from doclint.core.discovery import discover, display_path
from doclint.core.document import Document
from doclint.core.loader import load
from doclint.core.problems import Problem
from doclint.engine.config import LoadedConfig, configured_rules
from doclint.engine.phases import DocumentResult, Engine, RunResult
from doclint.engine.quotes import FileDocuments


def iter_documents(files: list[str], text_field: str, problems: list[Problem],
                   id_field: str = "") -> Iterator[Document]:
    """Documents one file at a time, so that only one file's text is held at once."""
    for path in files:
        loaded = load(path, display_path(path), text_field, id_field)
        problems.extend(loaded.problems)
        yield from loaded.handed_out()


def lint_paths(paths: list[str], loaded: LoadedConfig, select=(), ignore=(), progress=None,
               jobs: int = 1, engine: str = "local", scheduler: str | None = None, ranges: int = 0) -> RunResult:
    """`progress`, if given, wraps the list of files (e.g. in a progress bar). `jobs` > 1
    checks files in that many processes (0: decide from the input's size); the result
    is the same as with one process. `engine="dask"` runs the map phase on the Dask
    cluster at `scheduler` (None: a local cluster of `jobs` workers, 0: one per core),
    and the corpus phase of exact duplicates there in `ranges` hash ranges (0: two per worker)."""
    config = loaded.config
    rules = configured_rules(loaded, select, ignore)
    found = discover(paths, config.include, config.exclude, config.gitignore, loaded.root)
    runner = Engine(rules, config)
    load_problems: list[Problem] = []
    if engine == "dask":
        from doclint.engine.distributed import ClusterRun

        with ClusterRun(found.files, loaded, select, ignore, load_problems, scheduler, jobs, progress,
                        engine=runner, ranges=ranges) as run:
            result = runner.reduce(run, run, run)
    else:
        again = FileDocuments(found.files, [display_path(f) for f in found.files], config.text_field,
                              config.id_field)
        result = runner.reduce(_map_phase(runner, found.files, loaded, select, ignore, load_problems,
                                          progress, jobs), again)
    result.problems = vale_notes(config) + found.problems + load_problems + result.problems
    result.files = len(found.files)
    if not found.files and not any(p.level == "error" for p in found.problems):
        result.problems.append(Problem(", ".join(paths), "no lintable files to check"))
    return result


def vale_notes(config) -> list[Problem]:
    """What the Vale configuration cannot run (one note per rule), reported once a run."""
    if not config.vale:
        return []
    from doclint.registry import imported_rules

    return imported_rules(config.vale)[1]


def lint_stdin(data: bytes, name: str, loaded: LoadedConfig, select=(), ignore=()) -> RunResult:
    """Lint bytes read from standard input as the file `name` would be linted: its
    suffix picks the reader, and reports and per-file-ignores use the name."""
    from doclint.core.loader import load_data

    got = load_data(data, name, loaded.config.text_field, loaded.config.id_field)
    result = Engine(configured_rules(loaded, select, ignore), loaded.config).run(got.documents)
    result.problems = vale_notes(loaded.config) + got.problems + result.problems
    result.files = 1
    return result


def _map_phase(runner: Engine, files: list[str], loaded: LoadedConfig, select, ignore,
               problems: list[Problem], progress, jobs: int) -> Iterator[DocumentResult]:
    """Per-document results in file order: in worker processes, or here."""
    if jobs == 0:
        from doclint.engine.parallel import auto_jobs

        jobs = auto_jobs(files)
    if jobs > 1 and len(files) > 1:
        from doclint.engine.parallel import check_files

        return check_files(files, loaded, select, ignore, jobs, problems, progress)
    shown = progress(files) if progress else files
    return (runner.check_document(doc)
            for doc in iter_documents(shown, loaded.config.text_field, problems, loaded.config.id_field))


def document_from_text(name: str, text: str, fmt: str | None = None) -> Document:
    """A Document from in-memory text; the format comes from `fmt` or the name's suffix."""
    from doclint.core.loader import normalise_newlines
    from doclint.markup import READERS, reader_for

    text, newline = normalise_newlines(text)
    reader = READERS[fmt] if fmt else reader_for(name)
    return Document(name, text, reader, newline)


def lint_documents(documents: list[Document], rules, config=None) -> RunResult:
    from doclint.engine.config import Config

    return Engine(rules, config or Config()).run(documents)
