"""Fixtures shared by the tests of the book's pages."""

import pytest

from scripts import page as pages
from scripts import run as runs


@pytest.fixture(scope="session")
def book():
    """Return ``[(page, run)]`` for every page with blocks, running stale ones.

    The runs are the ones the page tests read (kept in .cache/pages/): a page
    that is up to date is not run again.
    """
    found = runs.ensure_in_subprocess([pages.read(p) for p in pages.pages()])
    return [(pages.read(pages.ROOT / name), run) for name, run in sorted(found.items())]
