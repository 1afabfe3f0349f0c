"""Vale's check types (`extends:`), one small module each; CHECKS maps name -> class."""
from __future__ import annotations

from doclint.vale.checks.capitalization import Capitalization
from doclint.vale.checks.conditional import Conditional
from doclint.vale.checks.consistency import Consistency
from doclint.vale.checks.existence import Existence
from doclint.vale.checks.metric import Metric
from doclint.vale.checks.occurrence import Occurrence
from doclint.vale.checks.repetition import Repetition
from doclint.vale.checks.sequence import Sequence
from doclint.vale.checks.spelling import Spelling
from doclint.vale.checks.substitution import Substitution

CHECKS = {
    "capitalization": Capitalization,
    "conditional": Conditional,
    "consistency": Consistency,
    "existence": Existence,
    "metric": Metric,
    "occurrence": Occurrence,
    "repetition": Repetition,
    "sequence": Sequence,
    "spelling": Spelling,
    "substitution": Substitution,
}
# Check types doclint cannot run, and why (one note per rule at start-up).
UNSUPPORTED = {
    "script": "Tengo scripts are not run",
    "readability": "the old readability check is not supported (use metric)",
    "lt": "LanguageTool rules need a LanguageTool server",
}
