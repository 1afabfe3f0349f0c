"""The change report of `doclint clean`: one JSONL line per record, and a summary."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from doclint.core.writer import atomic_write_text

ACTIONS = ("kept", "changed", "dropped", "invalid")


@dataclass
class CleanLog:
    """What `clean` did to each record. Lines that are not valid records are copied
    unchanged and logged as `invalid`; they are not counted as records read."""

    entries: list[dict] = field(default_factory=list)
    actions: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)

    def add(self, path: str, line: int, record: str | None, action: str, rules: list[str] = (),
            removed: int = 0, duplicate_of: tuple[str, int] | None = None) -> None:
        """`removed`: characters the fixes took out of the text, net (a fix that
        lengthens a word counts negative); `duplicate_of`: (path, line) of the kept copy,
        reported as `duplicate_of` (its line) and, when in another file, `duplicate_in`."""
        assert action in ACTIONS
        entry = {"path": path, "line": line, "record": record, "action": action,
                 "rules": dict(sorted(Counter(rules).items())), "chars_removed": removed}
        if duplicate_of is not None:
            entry["duplicate_of"] = duplicate_of[1]
            if duplicate_of[0] != path:
                entry["duplicate_in"] = duplicate_of[0]
        self.add_entry(entry)

    def add_entry(self, entry: dict) -> None:
        """An entry as `add` makes it (e.g. one logged by a task on a cluster)."""
        self.entries.append(entry)
        self.actions[entry["action"]] += 1
        self.by_rule.update(entry["rules"])

    def summary(self) -> dict:
        read = sum(n for action, n in self.actions.items() if action != "invalid")
        return {"records": read, "changed": self.actions["changed"], "dropped": self.actions["dropped"],
                "kept": self.actions["kept"], "invalid_lines": self.actions["invalid"],
                "fixes_by_rule": dict(sorted(self.by_rule.items()))}

    def summary_line(self) -> str:
        s = self.summary()
        rules = ", ".join(f"{rule} {n}" for rule, n in s["fixes_by_rule"].items()) or "none"
        return (f"Read {s['records']} record{'s' if s['records'] != 1 else ''}: {s['changed']} changed, "
                f"{s['dropped']} dropped, {s['kept']} kept unchanged; {s['invalid_lines']} invalid "
                f"line{'s' if s['invalid_lines'] != 1 else ''} copied; fixes by rule: {rules}.")

    def write(self, path: str) -> None:
        """The report as JSONL, written atomically."""
        atomic_write_text(path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in self.entries))
