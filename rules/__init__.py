"""Built-in rule packs (YAML files); installed as the `doclint.rules` package."""
