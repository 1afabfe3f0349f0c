"""A hook run on one small file imports only what it needs: start-up is most of its time."""
from __future__ import annotations

import subprocess
import sys

NOTE = """# Release notes

Version 2.4 adds a command that checks the configuration before a deploy.
Run it from the project folder.

The installer now keeps your settings when it upgrades an older version.
"""


def run_and_list_modules(tmp_path, text: str) -> list[str]:
    (tmp_path / "note.md").write_text(text, encoding="utf-8")
    code = ("import sys\nfrom doclint.cli import main\nmain(['check', '-q', '--fail-on', 'never', 'note.md'])\n"
            "from doclint.families.language import detect\n"
            "loaded = [m for m in ('rapidfuzz', 'subprocess') if m in sys.modules]\n"
            "print(loaded + ['scripts'] * detect._not_script.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         check=True).stdout
    return eval(out.strip().splitlines()[-1])  # noqa: S307 - a list literal printed above


def test_a_small_english_file_loads_no_edit_distance_git_or_script_patterns(tmp_path):
    # rapidfuzz verifies near duplicates, git is asked only on a folder walk, and the
    # per-script patterns serve text with letters outside ASCII.
    assert run_and_list_modules(tmp_path, NOTE) == []


def test_letters_outside_ascii_compile_the_script_patterns(tmp_path):
    greek = NOTE + "\nΗ εγκατάσταση κρατά τις ρυθμίσεις σας όταν αναβαθμίζει μια παλαιότερη έκδοση.\n"
    assert run_and_list_modules(tmp_path, greek) == ["scripts"]
