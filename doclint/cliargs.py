"""The command line's arguments: subcommands, their options and help texts."""
from __future__ import annotations

import argparse

FORMAT_NAMES = ("text", "json", "sarif", "github", "concise", "vale-line")  # in step with formatters.FORMATTERS (tested)


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{value}'") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (automatic) or more, got {jobs}")
    return jobs


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    from doclint import __version__

    parser = argparse.ArgumentParser(prog="doclint", description="Find duplicated, truncated, "
                                     "unsupported and inconsistent text in documents.")
    parser.add_argument("--version", action="version", version=f"doclint {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="lint files and folders")
    check.add_argument("paths", nargs="*", default=["."],
                       help="files or folders (default: .); - reads standard input")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="with -: the file name that standard input stands for (its suffix "
                       "picks the reader; reports use it); default <stdin>, read as plain text")
    add_run_options(check)
    check.add_argument("--jobs", "-j", type=_jobs, default=0, metavar="N",
                       help="worker processes (default 0: one per core for inputs over 4 MB, "
                       "else 1; with --engine dask, the workers of the local cluster); the "
                       "findings are the same for any N")
    check.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="where documents are checked: here (default) or on a Dask cluster "
                       "(needs the dask extra)")
    check.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: the scheduler to use, e.g. tcp://10.0.0.5:8786 "
                       "(default: start a local cluster)")
    check.add_argument("--ranges", type=_jobs, default=0, metavar="K",
                       help="with --engine dask: hash ranges the corpus phase of exact duplicates "
                       "is cut into, one task each (default 0: two per worker, and at least one "
                       "per 256 MB of input); the findings are "
                       "the same for any K")
    check.add_argument("--format", choices=FORMAT_NAMES, default="text", help="report format")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    check.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                       help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--no-color", action="store_true", help="never colour the text report")
    add_gate_options(check)

    fix = sub.add_parser("fix", help="apply safe fixes to files in place")
    fix.add_argument("paths", nargs="*", default=["."], help="files or folders (default: .)")
    add_run_options(fix)
    fix.add_argument("--unsafe", action="store_true",
                     help="also apply unsafe fixes (they change content, e.g. delete a repeated sentence)")
    fix.add_argument("--diff", action="store_true",
                     help="print the fixes as a unified diff instead of writing them (exit 1 if any)")
    fix.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                     help="lowest severity of remaining findings that makes the exit code 1")

    clean = sub.add_parser("clean", help="write a cleaned copy of a JSONL corpus")
    clean.add_argument("source", help="the JSONL corpus to read: a file, or a folder of JSONL shards")
    clean.add_argument("--output", "-o", metavar="PATH",
                       help="where to write the cleaned corpus (a folder when the source is one)")
    clean.add_argument("--in-place", action="store_true", help="replace the source (atomically)")
    add_run_options(clean)
    clean.add_argument("--unsafe", action="store_true", help="also apply unsafe fixes")
    clean.add_argument("--drop-duplicate-records", action="store_true",
                       help="leave out records whose whole text repeats or nearly repeats (as DL205 "
                            "measures) an earlier record, keeping the first")
    clean.add_argument("--report", metavar="FILE",
                       help="write a change report: one JSONL line per record (line, record id, "
                       "action, fixes by rule, characters removed)")
    clean.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="clean the shards of a folder here (default) or as tasks on a Dask cluster")
    clean.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the scheduler to use")
    clean.add_argument("--jobs", "-j", type=_jobs, default=0, metavar="N",
                       help="with --engine dask and no --scheduler: workers of the local cluster")

    baseline = sub.add_parser("baseline", help="record current findings so that check reports only new ones")
    baseline.add_argument("paths", nargs="*", default=["."], help="files or folders (default: .)")
    add_run_options(baseline)
    baseline.add_argument("--output", "-o", metavar="FILE", default=".doclint-baseline.json",
                          help="baseline file to write (default: .doclint-baseline.json)")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--config", metavar="PATH")
    add_vale_option(rules)
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")

    explain = sub.add_parser("explain", help="show a rule's documentation and examples")
    explain.add_argument("rule", help="rule id or name, e.g. DL101")
    explain.add_argument("--config", metavar="PATH")
    add_vale_option(explain)
    return parser


def add_gate_options(check: argparse.ArgumentParser) -> None:
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when findings are reported (2 still means an error)")
    check.add_argument("--quiet", "-q", action="store_true",
                       help="print findings and errors only: no summary, notes or progress bar")
    check.add_argument("--statistics", action="store_true", help="also print the number of findings per rule")
    check.add_argument("--baseline", metavar="FILE",
                       help="report only findings that are not in FILE (see `doclint baseline`)")
    check.add_argument("--changed-since", metavar="REF",
                       help="report only findings on lines changed since the git ref REF")


def add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="PATH", help="configuration file (default: "
                        "nearest .doclint.yaml or pyproject.toml [tool.doclint])")
    parser.add_argument("--select", type=_csv, default=[], metavar="IDS",
                        help="comma-separated rule ids, id prefixes, names or categories to run")
    parser.add_argument("--ignore", type=_csv, default=[], metavar="IDS",
                        help="comma-separated rule ids, id prefixes, names or categories to skip")
    parser.add_argument("--text-field", metavar="NAME", help="JSONL field or Parquet column holding the text")
    parser.add_argument("--id-field", metavar="NAME", help="JSONL field or Parquet column holding the "
                        "record id (default: the first of id, _id, doc_id, uuid, url)")
    add_vale_option(parser)


def add_vale_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vale-config", metavar="PATH",
                        help="a .vale.ini: its Vale styles run as rules named Style.Rule")
