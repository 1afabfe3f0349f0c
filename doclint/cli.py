"""Command line: `doclint check|rules|explain ...`; returns the documented exit codes."""
from __future__ import annotations

import os
import sys
from typing import TextIO

from doclint.cliargs import FORMAT_NAMES, build_parser  # noqa: F401 - FORMAT_NAMES is part of the CLI's interface
from doclint.report.escape import escape

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    from doclint.core.problems import ConfigError

    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ConfigError as exc:
        print(f"doclint: error: {escape(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR


def _load_config(args):
    import dataclasses

    from doclint.engine.config import load_config

    loaded = load_config(getattr(args, "config", None))
    if getattr(args, "text_field", None):
        loaded = dataclasses.replace(loaded, config=dataclasses.replace(loaded.config, text_field=args.text_field))
    if getattr(args, "vale_config", None):
        loaded = dataclasses.replace(loaded, config=dataclasses.replace(
            loaded.config, vale=os.path.abspath(args.vale_config)))
    if getattr(args, "id_field", None):
        loaded = dataclasses.replace(loaded, config=dataclasses.replace(loaded.config, id_field=args.id_field))
    if getattr(args, "fail_on", None):
        loaded = dataclasses.replace(loaded, config=dataclasses.replace(loaded.config, fail_on=args.fail_on))
    return loaded


def exit_code(result, fail_on: str) -> int:
    from doclint.core.finding import Severity

    if any(p.level == "error" for p in result.problems):
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in result.findings) else EXIT_OK


def report_problems(problems, stream: TextIO | None = None) -> None:
    for problem in problems:
        print(f"doclint: {escape(str(problem))}", file=stream or sys.stderr)


def use_color(args, stream: TextIO) -> bool:
    if args.no_color or os.environ.get("NO_COLOR") or args.output:
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def cmd_check(args) -> int:
    from doclint.api import lint_paths
    from doclint.report.formatters import Report, get_formatter

    loaded = _load_config(args)
    if (args.scheduler or args.ranges) and args.engine != "dask":
        option = "--scheduler" if args.scheduler else "--ranges"
        print(f"doclint: error: {option} needs --engine dask", file=sys.stderr)
        return EXIT_ERROR
    if args.output and not output_ok(args.output, args.paths, loaded, "report"):
        return EXIT_ERROR
    if "-" in args.paths:
        if len(args.paths) > 1:
            print("doclint: error: - (standard input) cannot be combined with other paths", file=sys.stderr)
            return EXIT_ERROR
        from doclint.api import lint_stdin

        result = lint_stdin(sys.stdin.buffer.read(), args.stdin_filename or "<stdin>", loaded,
                            args.select, args.ignore)
    else:
        result = lint_paths(args.paths, loaded, args.select, args.ignore, progress=progress_bar(args),
                            jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
                            ranges=args.ranges)
    notes = narrow_findings(args, result)
    report_problems(p for p in result.problems if not args.quiet or p.level == "error")
    formatter = get_formatter(args.format)
    report = Report(result, color=use_color(args, sys.stdout), options={"summary": not args.quiet})
    written = False
    if args.output:
        from doclint.core.writer import atomic_stream

        # The report goes to a temporary file as it is rendered (a run's findings can
        # make a report of gigabytes), which replaces the output once it is whole.
        try:
            with atomic_stream(args.output) as stream:
                formatter.render(report, stream)
            written = True
        except OSError as exc:
            print(f"doclint: error: {escape(args.output)}: cannot write the report "
                  f"({exc.strerror or exc}); printing it here instead", file=sys.stderr)
    if not written:
        formatter.render(report, sys.stdout)
    if args.statistics:
        machine = args.output or args.format not in ("text", "concise")
        print_statistics(result.findings, sys.stderr if machine else sys.stdout)
    for note in notes if not args.quiet else ():
        print(f"doclint: {escape(note)}", file=sys.stderr)
    code = exit_code(result, loaded.config.fail_on)
    if args.output and not written:
        return EXIT_ERROR
    return EXIT_OK if args.exit_zero and code == EXIT_FINDINGS else code


def output_ok(output: str, inputs: list[str], loaded, what: str) -> bool:
    """Check where a report (or baseline, or corpus) is to be written before the run, so
    that a bad path costs nothing; print why not on stderr."""
    from doclint.report.destination import output_problem

    why = output_problem(output, inputs, loaded.config, loaded.root)
    if why is None:
        return True
    print(f"doclint: error: {escape(output)}: cannot write the {what} there: {why}", file=sys.stderr)
    return False


def progress_bar(args):
    """A progress bar on stderr for interactive runs; tqdm's delay shows it only once a
    run has taken a second, so short runs (and hooks) print nothing extra."""
    if args.quiet or os.environ.get("CI") or not (hasattr(sys.stderr, "isatty") and sys.stderr.isatty()):
        return None

    def wrap(files, unit: str = "file"):
        from tqdm import tqdm

        return tqdm(files, desc="doclint", unit=unit, file=sys.stderr, leave=False, delay=1.0)

    return wrap


def narrow_findings(args, result) -> list[str]:
    """Apply --baseline, then --changed-since, to the run's findings (the baseline first:
    its fingerprints count identical findings over whole files). Returns notes for stderr."""
    from doclint.core.problems import ConfigError

    notes = []
    if args.baseline:
        from doclint.report.baseline import filter_new

        try:
            kept = filter_new(result.findings, args.baseline)
        except OSError as exc:
            raise ConfigError(args.baseline, f"cannot read baseline: {exc.strerror or exc}") from None
        except ValueError as exc:
            raise ConfigError(args.baseline, str(exc)) from None
        result.findings = kept.new
        notes.append(f"baseline {args.baseline}: {kept.matched} known finding{'s' if kept.matched != 1 else ''} "
                     f"not shown, {kept.gone} baseline entr{'ies' if kept.gone != 1 else 'y'} gone "
                     "(fixed or removed)")
    if args.changed_since:
        from doclint.report.changed import GitError, changed_since, only_changed

        try:
            changed = changed_since(args.changed_since)
        except GitError as exc:
            raise ConfigError("--changed-since", str(exc)) from None
        result.findings = only_changed(result.findings, changed)
    return notes


def print_statistics(findings, stream: TextIO) -> None:
    from collections import Counter

    counts = Counter((f.rule_id, f.rule_name, str(f.severity)) for f in findings)
    for (rule_id, name, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:6}  {rule_id}  {severity:7}  {name}", file=stream)


def cmd_baseline(args) -> int:
    from doclint.api import lint_paths
    from doclint.report.baseline import write_baseline

    loaded = _load_config(args)
    if not output_ok(args.output, args.paths, loaded, "baseline"):
        return EXIT_ERROR
    result = lint_paths(args.paths, loaded, args.select, args.ignore)
    report_problems(result.problems)
    if any(p.level == "error" for p in result.problems):
        print("doclint: error: baseline not written: fix the errors above first", file=sys.stderr)
        return EXIT_ERROR
    try:
        count = write_baseline(args.output, result.findings)
    except OSError as exc:
        print(f"doclint: error: {escape(args.output)}: cannot write the baseline: {exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_ERROR
    print(f"Wrote {count} finding{'s' if count != 1 else ''} to {escape(args.output)}.")
    return EXIT_OK


def cmd_fix(args) -> int:
    from doclint.api import lint_paths
    from doclint.repair.commands import fix_paths

    loaded = _load_config(args)
    repaired = fix_paths(args.paths, loaded, args.select, args.ignore, args.unsafe, diff=args.diff)
    report_problems(repaired.problems)
    if args.diff:  # the diff alone on stdout, so that it can be piped to `git apply`
        sys.stdout.writelines(repaired.diffs)
        print(f"Would apply {repaired.fixed} fix{'es' if repaired.fixed != 1 else ''} "
              f"in {len(repaired.changed)} file{'s' if len(repaired.changed) != 1 else ''}.", file=sys.stderr)
        if any(p.level == "error" for p in repaired.problems):
            return EXIT_ERROR
        return EXIT_FINDINGS if repaired.diffs else EXIT_OK
    for path in repaired.changed:
        print(f"fixed {escape(path)}")
    print(f"Applied {repaired.fixed} fix{'es' if repaired.fixed != 1 else ''} "
          f"in {len(repaired.changed)} file{'s' if len(repaired.changed) != 1 else ''}.")
    if any(p.level == "error" for p in repaired.problems):
        return EXIT_ERROR
    remaining = lint_paths(args.paths, loaded, args.select, args.ignore)
    code = exit_code(remaining, loaded.config.fail_on)
    if code == EXIT_OK and repaired.changed:
        code = EXIT_FINDINGS  # files changed: a hook must fail so the change is reviewed
    if remaining.findings:
        from doclint.report.formatters import Report
        from doclint.report.formatters.text import render

        print("Remaining findings:")
        render(Report(remaining, color=False), sys.stdout)
    return code


def cmd_clean(args) -> int:
    from doclint.repair.cleanlog import CleanLog
    from doclint.repair.shards import clean_shards, clean_shards_on_cluster, shard_pairs

    if bool(args.output) == bool(args.in_place):
        print("doclint: error: clean needs exactly one of --output PATH or --in-place", file=sys.stderr)
        return EXIT_ERROR
    if not (os.path.isfile(args.source) or os.path.isdir(args.source)):
        from doclint.core.discovery import irregular

        why = irregular(args.source) or "no such file or folder"
        print(f"doclint: error: {escape(args.source)}: {why}", file=sys.stderr)
        return EXIT_ERROR
    if args.scheduler and args.engine != "dask":
        print("doclint: error: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_ERROR
    loaded = _load_config(args)
    target = args.source if args.in_place else args.output
    if os.path.isdir(args.source):
        if os.path.isfile(target):
            print(f"doclint: error: {escape(target)}: the cleaned shards of a folder go to a folder, "
                  "not a file", file=sys.stderr)
            return EXIT_ERROR
        pairs = shard_pairs(args.source, target)
    else:
        # Only the folder checks apply: writing the cleaned copy over its source is --in-place.
        if args.output and not output_ok(args.output, [], loaded, "cleaned corpus"):
            return EXIT_ERROR
        pairs = [(args.source, target)]
    if args.report and not output_ok(args.report, [], loaded, "change report"):
        return EXIT_ERROR
    log = CleanLog()
    if args.engine == "dask":
        result = clean_shards_on_cluster(pairs, loaded, args.select, args.ignore, args.unsafe,
                                         args.drop_duplicate_records, log, args.scheduler, args.jobs)
    else:
        result = clean_shards(pairs, loaded, args.select, args.ignore, args.unsafe,
                              args.drop_duplicate_records, log)
    if args.report:
        try:
            log.write(args.report)
        except OSError as exc:
            from doclint.core.problems import Problem

            result.problems.append(Problem(args.report, f"cannot write change report: {exc.strerror or exc}"))
    report_problems(result.problems)
    print(f"Applied {result.fixed} fix{'es' if result.fixed != 1 else ''} to "
          f"{len(result.changed)} record{'s' if len(result.changed) != 1 else ''}; "
          f"dropped {result.dropped} duplicate record{'s' if result.dropped != 1 else ''}; "
          f"copied {result.copied} invalid line{'s' if result.copied != 1 else ''} unchanged.")
    print(log.summary_line())
    # Invalid lines make the exit code 2, as they do for `check`: the copy is whole, but
    # the corpus holds lines nothing could read.
    return EXIT_ERROR if any(p.level == "error" for p in result.problems) else EXIT_OK


def cmd_rules(args) -> int:
    import json

    from doclint.engine.config import configured_rules

    rules = configured_rules(_load_config(args))
    if args.format == "markdown":
        from doclint.report.ruledocs import rules_table

        print(rules_table(rules))
        return EXIT_OK
    if args.format == "json":
        json.dump([{"id": r.id, "name": r.name, "category": r.category, "severity": str(r.severity),
                    "kind": r.kind, "enabled": r.enabled} for r in rules], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    print(f"{'ID':6} {'NAME':26} {'CATEGORY':18} {'SEVERITY':8} {'KIND':18} ENABLED")
    for r in rules:
        print(f"{r.id:6} {r.name:26} {r.category:18} {str(r.severity):8} {r.kind:18} {'yes' if r.enabled else 'no'}")
    return EXIT_OK


def cmd_explain(args) -> int:
    from doclint.engine.config import configured_rules
    from doclint.report.ruledocs import explain_rule

    for rule in configured_rules(_load_config(args)):
        if args.rule in (rule.id, rule.name):
            print(explain_rule(rule))
            return EXIT_OK
    print(f"doclint: error: no rule named '{escape(args.rule)}' (see `doclint rules`)", file=sys.stderr)
    return EXIT_ERROR


COMMANDS = {"check": cmd_check, "fix": cmd_fix, "clean": cmd_clean, "baseline": cmd_baseline,
            "rules": cmd_rules, "explain": cmd_explain}
