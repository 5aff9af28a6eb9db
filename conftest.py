"""How pytest runs the Python blocks of the book's pages.

pytest-markdown-docs turns every ```python fence in docs/ into a test. We add
one rule: a page reads like a notebook, so each block continues the ones
above it on the same page (names defined earlier are visible later).

- ``_chain_python_fences`` marks every Python fence as a ``continuation``, the
  plugin's own option for "run the earlier blocks first". Authors write plain
  ```python fences and never have to type the option.
- ``PageRunner`` makes that cheap. A continuation block's source is the whole
  page up to and including it, so run naively a page of n blocks costs n**2/2
  block runs. The runner remembers the namespace left by the previous block of
  the page and runs only the new lines in it, which gives exactly the result
  of running the page top to bottom once. When a block is run alone
  (``pytest -k``) or after a failure, it falls back to running its whole
  source in a fresh namespace. Blocks after a failed one on the same page are
  skipped with a pointer to it, instead of failing again with its error.
"""

import pytest
from pytest_markdown_docs._runners import DefaultRunner, register_runner
from pytest_markdown_docs.plugin import parse_superfences_block_info

PYTHON_LANGS = {"py", "python", "python3"}

# The lab notebooks are jupytext .py files, run by the site build and by
# tests/test_notebooks.py; pytest-markdown-docs would import them to look for
# docstrings, running them at collection.
collect_ignore_glob = ["docs/lab/*.py"]


def _chain_python_fences(state):
    for token in state.tokens:
        if token.type != "fence":
            continue
        info = parse_superfences_block_info(token.info)
        if info and info[0] in PYTHON_LANGS and "continuation" not in info:
            brace = token.info.strip().startswith("{")
            token.info = (
                token.info.strip()[:-1] + " continuation}"
                if brace
                else token.info + " continuation"
            )


@pytest.hookimpl
def pytest_markdown_docs_markdown_it():
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    parser.core.ruler.push("nnbook_chain_python_fences", _chain_python_fences)
    return parser


@register_runner(default=True)
class PageRunner(DefaultRunner):
    """Run a page's blocks in one namespace, each block's new lines once."""

    def __init__(self):
        self._last = {}  # page path -> (source already run, its namespace)
        self._failed = {}  # page path -> (source of the failed block, its line)

    def runtest(self, test, args, *, asyncio_runner=None):
        page = str(test.source_path)
        failed_source, failed_line = self._failed.get(page, (None, 0))
        if failed_source is not None and test.source.startswith(failed_source):
            pytest.skip(f"the block at line {failed_line} of this page failed")
        done, namespace = self._last.pop(page, ("", None))
        if namespace is not None and test.source.startswith(done):
            # blank lines in front keep the Markdown line numbers in tracebacks
            source = "\n" * done.count("\n") + test.source[len(done) :]
        else:
            source, namespace = test.source, args
        try:
            exec(compile(source, page, "exec", dont_inherit=True), namespace)
        except BaseException:
            self._failed[page] = (test.source, test.start_line)
            raise
        self._last[page] = (test.source, namespace)
