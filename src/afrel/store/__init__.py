"""Find, read, check and compile the data (YAML, JSON, CSV in; SQLite out): the Dataset behind every query."""
