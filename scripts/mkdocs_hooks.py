"""MkDocs hooks of the book (listed under `hooks:` in mkdocs.yml).

on_pre_build: make the figures when they are missing or out of date, so that
`mkdocs build` and `mkdocs serve` never publish a page with a stale or missing
image. When they are fresh this costs a hash of a few files.
"""

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
log = logging.getLogger("mkdocs.hooks.figures")


def on_pre_build(config):
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from scripts.figures import build

    build(log=log.info)
