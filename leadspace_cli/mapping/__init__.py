"""Column mappings: header aliases, detection, the TOML form, and request bodies."""
