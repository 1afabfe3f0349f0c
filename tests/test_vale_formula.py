"""A metric rule's formula: compiled when it is plain arithmetic, walked otherwise, with
the same results and the same refusals either way."""
from __future__ import annotations

import ast
import math
import pickle

import pytest

from doclint.vale.checks.formula import Formula, evaluate
from doclint.vale.checks.syllables import COUNTS

FORMULAS = [
    "(4.71 * (characters / words)) + (0.5 * (words / sentences)) - 21.43",
    "(0.0588 * (characters / words) * 100) - (0.296 * (sentences / words) * 100) - 15.8",
    "206.835 - (1.015 * (words / sentences)) - (84.6 * (syllables / words))",
    "0.4 * ((words / sentences) + 100 * (complex_words / words))",
    "1.0430 * math.sqrt((polysyllabic_words * 30.0) / sentences) + 3.1291",
    "-words + +sentences % 7 - 2 ** 3 + math.log10(words) * math.floor(characters / 3)",
    "math.max(heading_h1, math.min(list, blockquote)) + math.round(math.abs(pre - paragraphs))",
    "words > sentences",
    "math.pow(words, 2) // 3",  # floor division: not arithmetic `evaluate` takes
    "words + result",  # a name that is not a count
    "__import__('os').getcwd()",
    "math.sqrt(*[words])",
    "math.sqrt(words, key=1)",
]
VALUES = [dict.fromkeys(COUNTS, 0.0), {**dict.fromkeys(COUNTS, 3.0), "words": 120.0, "characters": 610.0},
          {**dict.fromkeys(COUNTS, 1.0), "sentences": 0.0}, {**dict.fromkeys(COUNTS, -4.0)}]


def outcome(call, values):
    try:
        return "value", call(values)
    except Exception as exc:  # noqa: BLE001 - the kind and text are what is compared
        return type(exc).__name__, str(exc)


@pytest.mark.parametrize("text", FORMULAS)
def test_a_formula_gives_what_the_walk_gives_and_refuses_what_it_refuses(text):
    tree = ast.parse(text, mode="eval")
    formula = Formula(tree, COUNTS)
    for values in VALUES:
        want = outcome(lambda names: evaluate(tree, names), values)
        assert outcome(formula, values) == want
        assert outcome(pickle.loads(pickle.dumps(formula)), values) == want  # the setup cache


def test_plain_arithmetic_is_compiled_and_anything_else_walked():
    assert all(Formula(ast.parse(t, mode="eval"), COUNTS)._code is not None for t in FORMULAS[:8])
    assert all(Formula(ast.parse(t, mode="eval"), COUNTS)._code is None for t in FORMULAS[8:])
    assert pickle.loads(pickle.dumps(Formula(ast.parse(FORMULAS[0], mode="eval"), COUNTS)))._code is not None
    # The compiled code reaches the counts and `math`'s listed functions, nothing else.
    condition = Formula(ast.parse("result > math.sqrt(4)", mode="eval"), frozenset({"result"}))
    assert condition({"result": 3.0}) is True and math.sqrt(4) == 2
