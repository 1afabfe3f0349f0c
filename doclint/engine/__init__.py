"""Engine: rule packs, configuration, selection, suppression, and the map and reduce phases
in one process or a pool."""
