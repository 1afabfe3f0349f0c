"""Repair: applying fixes (`doclint fix`) and cleaning corpora (`doclint clean`)."""
