"""How pytest tests the book's pages: one test per Python block, read from its run.

Sybil collects each Markdown page of docs/ and makes one test of each
of its Python blocks, named by its line
(``docs/04-backpropagation.md::line:62,column:1``).
The blocks come from ``scripts.page``, the one reader of the pages, and a
page whose blocks would not run as written (another spelling of Python, an
indented fence) is a collection error.

No block is run by pytest itself. The first block to be tested runs every
selected page that is out of date, each in a fresh kernel, two at a time, by
``python -m scripts.run``; a page whose run is kept and up to date is not run
again. Then each block's test reads its page's run:

- the block that raised fails with the error, its traceback and the line of
  the Markdown where it was raised;
- a block after it fails too, saying that it never ran;
- a block that neither checks anything (an ``assert``, a ``numpy.testing``
  call, ``pytest.raises``, none of which may be one that cannot fail or one
  inside a function the block may never call) nor shows anything (printed
  text, the value of its last line) fails: it does nothing for the reader.

With ``NNBOOK_NO_SKIPS=1`` (set by ``.ci/run``) a skipped test fails the run.
"""

import os
from pathlib import Path

import pytest
from sybil import Region, Sybil

from scripts import page as pages
from scripts import run as runs

ROOT = Path(__file__).resolve().parent
_runs = {}  # page name -> Run, for this session
_selected = {}  # page name -> Page, of the blocks pytest will test
_skipped = []


def _name(path):
    path = Path(path).resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def _blocks(document):
    """Sybil's parser: one region per Python block of the page."""
    page = pages.parse(document.text, _name(document.path))
    starts = [0]
    for line in document.text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    for block in page.blocks:
        yield Region(starts[block.start - 1], starts[block.end], (page, block), _test)


def _test(example):
    """Sybil's evaluator: the outcome of one block in its page's run."""
    page, block = example.parsed
    run = _run(page)
    if run.failed is not None and block.number > run.failed:
        failed = page.blocks[run.failed - 1]
        return f"never ran: block {failed.number} ({failed.lines}) failed before it"
    if run.failed == block.number:
        return runs.describe_failure(page, run)
    if not run.outputs[block.number - 1] and not pages.checks_something(block.source):
        return (
            f"{page.name}, block {block.number} ({block.lines}) neither checks "
            "nor shows anything: end it with the check or the value that the "
            "next paragraph discusses"
        )
    return None


def _run(page):
    if page.name not in _runs:
        pending = [p for name, p in _selected.items() if name not in _runs]
        _runs.update(runs.ensure_in_subprocess(pending or [page]))
    return _runs[page.name]


pytest_collect_file = Sybil(parsers=[_blocks], patterns=["*.md"]).pytest()


def pytest_collection_finish(session):
    for item in session.items:
        example = getattr(item, "example", None)
        if example is not None:
            page, _ = example.parsed
            _selected[page.name] = page


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_collectreport(report):
    if report.skipped:  # a whole module skipped (the browser tests)
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if _skipped and os.environ.get("NNBOOK_NO_SKIPS") == "1":
        print(f"\nNNBOOK_NO_SKIPS=1 and {len(_skipped)} test(s) skipped:")
        for nodeid in _skipped:
            print(f"  {nodeid}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
