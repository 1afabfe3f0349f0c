"""Core: documents, positions, findings, rules, loading and discovery, the sentence splitter
and the helpers more than one family uses."""
