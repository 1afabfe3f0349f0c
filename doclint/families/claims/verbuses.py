"""Uses of a reporting verb that report no claim, read from what follows the verb:
advice ("consider using"), things proposed ("suggest package names that ..."), an
intention ("expect to manage"), an order ("told residents to leave"), telling apart,
taking ("claimed responsibility") and an occurrence reported ("report this when")."""
from __future__ import annotations

import re

_DIRECTIVE = re.compile(r"(?:\s+(?!that\b)[\w'\u2019-]+){1,3}\s+(?:not\s+)?to\s+(?!be\b|have\b)[a-z]+\b(?!\s+(?:that|the|a)\b)")
# A suggestion to do something proposes an action, whoever made it: "consider using",
# "some people have suggested using 'they'". It asserts nothing to source.
_ADVICE = frozenset("consider considers suggest suggests suggested recommend recommends".split())
_SUGGESTS = frozenset("suggest suggests suggested".split())
_GERUND = re.compile(r"\s+[a-z]+ing\b")
# "to" and a verb right after the verb: what the subject means to do ("expect to manage").
_TO_VERB = re.compile(r"[ \t\n]+to[ \t\n]+[a-z]+\b")
# What is suggested as a thing, not a clause: a noun phrase of a few words that a
# relative clause or a purpose goes on from ("suggest package names that don't exist",
# "suggested ways for ..."); a clause has its verb there ("suggest prices will rise").
_PROPOSED = re.compile(r"[ \t\n]+(?!that\b)(?:[a-z][\w-]*[ \t\n]+){0,2}[a-z][\w-]*s[ \t\n]+(?:that|which|for)\b")
_ORDERS = frozenset("tell tells told warn warns warned".split())
# "Websites tell visitors and crawlers apart", "cannot tell whether": telling apart.
_TELLS = frozenset("tell tells told".split())
_TELL_APART = re.compile(r"(?:\s+[\w'\u2019-]+){0,5}?\s+apart\b|\s+(?:the\s+difference|whether|if|which)\b", re.I)
# "People usually report this when they control SSH": an occurrence reported (the
# problem at hand, then when it happens), not a statement.
_REPORTS = frozenset("report reports reported reporting".split())
_OCCURRENCE = re.compile(r"\s+(?:this|it|these|them)\s+(?:when|whenever|if|after|while|on|with)\b", re.I)
# "whether someone has claimed it", "claimed responsibility": taking, not asserting.
_CLAIMS = frozenset("claim claims claimed claiming".split())
_TAKEN = re.compile(r"\s+(?:it|them|ownership|responsibility|credit|victory)\b(?!\s+(?:is|was|were|are|has|had|will|would|could|can|to)\b)", re.I)


def another_use(masked: str, end: int, verb: str, expectations: frozenset[str]) -> bool:
    """Is the reporting verb `verb`, ending at `end`, used for something other than a
    report, as what follows it shows? `expectations` are the rule's expectation verbs."""
    if verb in expectations and not verb.endswith("ed") and _TO_VERB.match(masked, end):
        return True  # "These supervisors expect to manage the process": an intention
    if verb in _ADVICE and (_GERUND.match(masked, end) or (verb in _SUGGESTS and _PROPOSED.match(masked, end))):
        # "consider using", "suggest adding": advice, not a report; "suggest package
        # names that don't exist": things proposed, not a claim
        return True
    if verb in _ORDERS and _DIRECTIVE.match(masked, end):
        return True  # "told residents to leave" is an order, not a claim
    return bool((verb in _TELLS and _TELL_APART.match(masked, end)) or (verb in _CLAIMS and _TAKEN.match(masked, end))
                or (verb in _REPORTS and _OCCURRENCE.match(masked, end)))
