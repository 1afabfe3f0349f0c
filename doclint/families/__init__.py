"""Rule families: each package holds its kinds and every helper only it uses.

A family imports doclint.core and doclint.markup, never another family or the engine;
doclint.registry lists the families."""
