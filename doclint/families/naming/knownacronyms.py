"""The shipped list of acronyms that need no definition (known_acronyms.yaml)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from doclint.core.yamlload import load_yaml

FILE = "known_acronyms.yaml"


@lru_cache(maxsize=1)
def shipped_known() -> frozenset[str]:
    """Acronyms that writers of technical docs use undefined far more often than they
    define them (built by tools/known_acronyms.py from a body of real documentation)."""
    source = resources.files(__package__).joinpath(FILE)
    data = load_yaml(source.read_text(encoding="utf-8"), FILE) or {}
    return frozenset(str(item) for item in data.get("known") or ())
