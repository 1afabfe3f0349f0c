"""Hostile input and odd files: no crash, no blow-up, no terminal injection, no broken links.

The sizes here are small; time and memory on huge inputs are measured by
bench/bench_hostile.py, not by tests."""
from __future__ import annotations

import json
import os
import random
import stat

import pytest

from doclint.api import document_from_text
from doclint.cli import main
from doclint.core.discovery import discover
from doclint.families.claims.cues import _SEGMENT, _last_segment
from doclint.families.truncation.endings import skip_space, trim_end
from doclint.families.truncation.shape import heading_near
from doclint.report.escape import escape

TYPO = "We recieve many questions about the release.\n"
FIXED = "We receive many questions about the release.\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# 1. Linear time: the helpers that replaced per-line copies give what the copies gave.

def test_trim_end_and_skip_space_match_rstrip_and_lstrip():
    rng = random.Random(7)
    for _ in range(300):
        s = "".join(rng.choice("ab \n\t\u00a0") for _ in range(rng.randint(0, 700)))
        lo = rng.randint(0, len(s))
        hi = rng.randint(lo, len(s))
        assert trim_end(s, lo, hi) == lo + len(s[lo:hi].rstrip())
        assert skip_space(s, lo, hi) == hi - len(s[lo:hi].lstrip())


def _old_heading_near(doc, offset: int, step: int) -> bool:
    lines = doc.text.split("\n")
    line = doc.position(offset)[0] - 1 + step
    while 0 <= line < len(lines) and not lines[line].strip():
        line += step
    if not 0 <= line < len(lines):
        return True
    from doclint.families.truncation.endings import ADORNMENT, ATX
    return bool(ATX.match(lines[line]) or ADORNMENT.fullmatch(lines[line]))


def test_heading_near_walks_lines_as_splitting_did():
    rng = random.Random(3)
    pieces = ["# Title", "Some prose here.", "", "   ", "=====", "- item", "Text"]
    for _ in range(200):
        text = "\n".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        doc = document_from_text("a.md", text)
        for offset in range(0, len(text) + 1, 3):
            for step in (-1, 1):
                assert heading_near(doc, offset, step) == _old_heading_near(doc, offset, step)


def test_last_segment_matches_a_scan_from_the_sentence_start():
    rng = random.Random(5)
    for _ in range(300):
        s = "".join(rng.choice("ab ,;-\u2014\"") for _ in range(rng.randint(0, 1500)))
        start = rng.randint(0, len(s))
        end = rng.randint(start, len(s))
        expected = start
        for m in _SEGMENT.finditer(s, start, end):
            expected = m.end()
        assert _last_segment(s, start, end) == expected


# 2. Huge blocks are skipped with a note, the rest is checked.

def test_block_over_max_block_size_is_skipped_with_a_note(workdir, capsys):
    (workdir / ".doclint.yaml").write_text("max-block-size: 200\n")
    long_paragraph = " ".join(["We recieve the long paragraph."] * 20)
    (workdir / "a.md").write_text(f"# Title\n\n{long_paragraph}\n\n{TYPO}")
    code, out, err = run(capsys, "check", "--select", "DL902", "a.md")
    assert code == 1
    assert "a.md:3: note: paragraph of 619 characters is over max-block-size (200): not checked" in err
    assert [line.split(":")[1] for line in out.splitlines()[:-1]] == ["5"]  # only the short one


def test_fix_and_clean_leave_a_skipped_block_as_it_is_and_say_so(workdir, capsys):
    (workdir / ".doclint.yaml").write_text("max-block-size: 200\n")
    long_paragraph = " ".join(["We recieve the long paragraph."] * 20)
    (workdir / "a.md").write_text(f"{long_paragraph}\n\n{TYPO}")
    code, _, err = run(capsys, "fix", "--select", "DL902", "a.md")
    assert code == 1 and "a.md:1: note: paragraph of 619 characters is over max-block-size" in err
    assert (workdir / "a.md").read_text() == f"{long_paragraph}\n\n{FIXED}"
    (workdir / "c.jsonl").write_text(json.dumps({"text": long_paragraph}) + "\n")
    code, out, err = run(capsys, "clean", "--select", "DL902", "c.jsonl", "-o", "out.jsonl")
    assert code == 0 and "Applied 0 fixes" in out
    assert "c.jsonl:1: note: paragraph (line 1 of the record's text) of 619 characters" in err


def test_negative_max_block_size_is_a_config_error(workdir, capsys):
    (workdir / ".doclint.yaml").write_text("max-block-size: -1\n")
    (workdir / "a.md").write_text(TYPO)
    code, _, err = run(capsys, "check", "a.md")
    assert code == 2 and "max-block-size" in err


# 3. JSONL: lone surrogates and deep nesting.

def _corpus(workdir):
    lines = ['{"id": "a", "text": "Half a pair \\ud800 here."}', "[" * 100_000,
             '{"id": "b", "text": "We recieve mail."}']
    (workdir / "c.jsonl").write_text("\n".join(lines) + "\n")
    return lines


def test_check_names_surrogate_and_nesting_lines_and_goes_on(workdir, capsys):
    _corpus(workdir)
    code, out, err = run(capsys, "check", "--select", "DL902", "c.jsonl")
    assert code == 2
    assert "c.jsonl:1: error: field 'text' holds a lone surrogate (\\ud800 at character 13)" in err
    assert "c.jsonl:2: error: invalid JSON: nested too deeply to read" in err
    assert "c.jsonl:3:1 (record b, text 1:4): DL902" in out  # the good record is still checked


def test_clean_copies_bad_lines_unchanged_counts_them_and_exits_2(workdir, capsys):
    lines = _corpus(workdir)
    code, out, err = run(capsys, "clean", "c.jsonl", "-o", "out.jsonl", "--select", "DL902")
    assert code == 2
    assert "copied 2 invalid lines unchanged" in out and "Applied 1 fix to 1 record" in out
    written = (workdir / "out.jsonl").read_text().split("\n")
    assert written[:2] == lines[:2]
    assert json.loads(written[2])["text"] == "We receive mail."


# 4. --output.

def test_output_into_a_missing_folder_is_refused_before_the_run(workdir, capsys):
    (workdir / "a.md").write_text(TYPO)
    code, out, err = run(capsys, "check", "-o", "nowhere/report.txt", "a.md")
    assert code == 2 and "folder nowhere does not exist" in err and out == ""


def test_output_to_a_folder_is_refused(workdir, capsys):
    (workdir / "a.md").write_text(TYPO)
    (workdir / "reports").mkdir()
    code, _, err = run(capsys, "check", "-o", "reports", "a.md")
    assert code == 2 and "it is a folder" in err


@pytest.mark.parametrize("target,paths", [("a.md", ["a.md"]), ("docs/b.md", ["docs"]),
                                          ("docs/b.md", ["."])])
def test_output_over_an_input_is_refused_and_the_input_kept(workdir, capsys, target, paths):
    (workdir / "a.md").write_text(TYPO)
    (workdir / "docs").mkdir()
    (workdir / "docs" / "b.md").write_text(TYPO)
    code, _, err = run(capsys, "check", "-o", target, *paths)
    assert code == 2 and "it is one of the files being checked" in err
    assert (workdir / target).read_text() == TYPO


def test_baseline_output_over_an_input_is_refused(workdir, capsys):
    (workdir / "a.md").write_text(TYPO)
    code, _, err = run(capsys, "baseline", "-o", "a.md", "a.md")
    assert code == 2 and (workdir / "a.md").read_text() == TYPO


def test_output_file_gets_the_umask_mode_and_no_temporary_file_is_left(workdir, capsys):
    (workdir / "a.md").write_text(TYPO)
    old = os.umask(0o027)
    try:
        code, _, _ = run(capsys, "check", "--select", "DL902", "-o", "report.txt", "a.md")
    finally:
        os.umask(old)
    assert code == 1
    assert stat.S_IMODE(os.stat(workdir / "report.txt").st_mode) == 0o640
    assert sorted(p.name for p in workdir.iterdir()) == ["a.md", "report.txt"]


def test_clean_output_gets_the_umask_mode(workdir, capsys):
    (workdir / "c.jsonl").write_text('{"text": "We recieve mail."}\n')
    old = os.umask(0o002)
    try:
        code, _, _ = run(capsys, "clean", "c.jsonl", "-o", "clean.jsonl")
    finally:
        os.umask(old)
    assert code == 0 and stat.S_IMODE(os.stat(workdir / "clean.jsonl").st_mode) == 0o664


# 5. Control characters never reach the terminal raw.

UNSAFE = ("\x1b", "\x07", "\x9b", "\x7f", "\u202e")


def test_control_characters_are_escaped_in_human_formats_and_notes(workdir, capsys):
    name = "evil\x1b]0;owned\x07.md"
    (workdir / name).write_text("We recieve \x1b[2J mail.\n")
    record = {"id": "r\x1b[2J\u202e", "text": "We recieve mail."}
    (workdir / "c.jsonl").write_text(json.dumps(record) + "\n\x9bnot json\n")
    for fmt in ("text", "concise"):
        code, out, err = run(capsys, "check", "--format", fmt, "--select", "DL902", name, "c.jsonl")
        assert code == 2  # the line that is not JSON
        assert not any(c in out or c in err for c in UNSAFE)
        assert "evil\\x1b]0;owned\\x07.md:1:4: DL902" in out
        assert "c.jsonl:2: error: invalid JSON" in err
    _, out, _ = run(capsys, "check", "--select", "DL902", "c.jsonl")
    assert "(record r\\x1b[2J\\u202e, text 1:4)" in out


def test_json_report_keeps_names_exact(workdir, capsys):
    name = "evil\x1b]0;owned\x07.md"
    (workdir / name).write_text(TYPO)
    _, out, _ = run(capsys, "check", "--format", "json", "--select", "DL902", name)
    assert "\x1b" not in out and json.loads(out)["findings"][0]["path"] == name


def test_escape_writes_unsafe_characters_visibly():
    assert escape("a\x1b[31mb\tc\x9bd\u202ee\ud800") == "a\\x1b[31mb\\x09c\\x9bd\\u202ee\\ud800"
    assert escape("plain text, caf\u00e9 \u201cquoted\u201d") == "plain text, caf\u00e9 \u201cquoted\u201d"


def test_file_name_that_is_not_utf8_is_reported_not_a_crash(workdir, capsys):
    name = os.fsdecode(b"bad\xffname.md")
    (workdir / name).write_text(TYPO)
    for fmt in ("text", "json", "sarif", "github", "concise"):
        code, out, _ = run(capsys, "check", "--format", fmt, "--select", "DL902", ".")
        assert code == 1 and ("bad\\udcffname.md" in out or "bad%FFname.md" in out), fmt


# 6. fix through links, keeping owner and mode.

def test_fix_writes_through_a_symlink(workdir, capsys):
    (workdir / "real.md").write_text(TYPO)
    os.symlink("real.md", workdir / "link.md")
    code, _, _ = run(capsys, "fix", "--select", "DL902", "link.md")
    assert code == 1
    assert os.path.islink(workdir / "link.md")
    assert (workdir / "real.md").read_text() == FIXED


def test_fix_keeps_hard_links_and_mode(workdir, capsys):
    (workdir / "a.md").write_text(TYPO)
    os.link(workdir / "a.md", workdir / "b.txt")
    os.chmod(workdir / "a.md", 0o640)
    inode = os.stat(workdir / "a.md").st_ino
    run(capsys, "fix", "--select", "DL902", "a.md")
    assert (workdir / "b.txt").read_text() == FIXED
    assert os.stat(workdir / "a.md").st_ino == inode
    assert stat.S_IMODE(os.stat(workdir / "a.md").st_mode) == 0o640
    assert [p.name for p in workdir.iterdir() if p.name.startswith(".doclint-")] == []


def test_fix_keeps_mode_of_a_single_link_file(workdir, capsys):
    (workdir / "a.md").write_text(TYPO)
    os.chmod(workdir / "a.md", 0o604)
    run(capsys, "fix", "--select", "DL902", "a.md")
    assert (workdir / "a.md").read_text() == FIXED
    assert stat.S_IMODE(os.stat(workdir / "a.md").st_mode) == 0o604


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing an owner needs root")
def test_fix_keeps_the_owner(workdir, capsys):
    (workdir / "a.md").write_text(TYPO)
    os.chown(workdir / "a.md", 4321, 4321)
    run(capsys, "fix", "--select", "DL902", "a.md")
    st = os.stat(workdir / "a.md")
    assert (workdir / "a.md").read_text() == FIXED and (st.st_uid, st.st_gid) == (4321, 4321)


# 7. Smaller ones.

@pytest.mark.parametrize("encoding,mark", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_bom_is_read_and_fixed_in_its_encoding(workdir, capsys, encoding, mark):
    (workdir / "a.md").write_bytes(mark + TYPO.encode(encoding))
    code, out, _ = run(capsys, "check", "--select", "DL902", "a.md")
    assert code == 1 and "a.md:1:4: DL902" in out
    run(capsys, "fix", "--select", "DL902", "a.md")
    assert (workdir / "a.md").read_bytes() == mark + FIXED.encode(encoding)


def test_fifo_is_named_not_missing_and_never_read(workdir, capsys):
    os.mkfifo(workdir / "pipe.md")
    (workdir / "a.md").write_text(FIXED)
    code, _, err = run(capsys, "check", "pipe.md")
    assert code == 2 and "pipe.md: error: not a regular file (a FIFO, socket or device)" in err
    code, _, err = run(capsys, "check", ".")  # found in a folder: skipped with a warning
    assert code == 0 and "pipe.md: warning: not a regular file" in err
    code, _, err = run(capsys, "clean", "pipe.md", "-o", "out.jsonl")
    assert code == 2 and "not a regular file" in err


def test_unreadable_folder_is_an_error_naming_it(workdir, monkeypatch):
    (workdir / "open").mkdir()
    (workdir / "open" / "a.md").write_text(FIXED)
    (workdir / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if os.path.basename(os.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover(["."], gitignore=False)
    assert found.files == ["./open/a.md"]
    assert [(p.path, p.level, p.message) for p in found.problems] == [
        ("./locked", "error", "cannot read folder: Permission denied")]


def test_negative_jobs_is_refused(workdir, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "-j", "-3", "."])
    assert exit_info.value.code == 2 and "must be 0 (automatic) or more" in capsys.readouterr().err


def test_negative_jobs_is_refused_by_clean_too(workdir, capsys):
    (workdir / "corpus.jsonl").write_text('{"text": "One record."}\n', encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["clean", "corpus.jsonl", "-o", "out.jsonl", "-j", "-3"])
    assert exit_info.value.code == 2 and "must be 0 (automatic) or more" in capsys.readouterr().err
    assert not (workdir / "out.jsonl").exists()
