"""Input and output: ``readers`` (files, folders, globs, JSONL, HTML, stdin), ``parts``
(the per-article parts ``--update`` keeps) and ``exporters/`` (one module per format)."""
